"""The Dask cluster a command runs on: ``local:N`` (a LocalCluster of N worker processes on this machine)
or the address of a running scheduler (``tcp://HOST:PORT``, started with ``dask scheduler``).

Workers parse each file in a child process (``assistant.extract.isolated``), so they must be allowed
children: a LocalCluster's workers are started non-daemonic here, and restarted so should one die; on real
machines start the workers with ``DASK_DISTRIBUTED__WORKER__DAEMON=False dask worker tcp://HOST:PORT``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

_LOCAL = re.compile(r"local:(\d+)")


class ClusterError(Exception):
    """A cluster that cannot be reached or a spec that names none: the message is one line for the user."""


def parse_spec(spec: str) -> int | str:
    """The number of local workers of ``local:N``, or the scheduler address of ``tcp://…``."""
    match = _LOCAL.fullmatch(spec.strip())
    if match:
        n = int(match.group(1))
        if n < 1:
            raise ClusterError(f"--cluster {spec}: a local cluster needs at least 1 worker")
        return n
    if re.fullmatch(r"(tcp|tls|ucx|inproc)://\S+", spec.strip()):
        return spec.strip()
    raise ClusterError(
        f"--cluster {spec!r}: give local:N (N worker processes here) or a scheduler address tcp://HOST:PORT"
    )


@contextmanager
def client(spec: str, processes: bool = True) -> Iterator:
    """A ``distributed.Client`` on the cluster of ``spec``; a local cluster is closed on exit."""
    import dask
    from distributed import Client, LocalCluster

    target = parse_spec(spec)
    if isinstance(target, int):
        # for the cluster's whole life: a nanny reads it again when it restarts a worker that died
        with dask.config.set({"distributed.worker.daemon": False}):
            cluster = LocalCluster(
                n_workers=target,
                threads_per_worker=1,
                processes=processes,
                dashboard_address=None,
                silence_logs=50,
            )
            try:
                with Client(cluster) as c:
                    yield c
            finally:
                cluster.close()
        return
    try:
        c = Client(target, timeout="10s")
    except OSError as exc:
        raise ClusterError(f"--cluster {target}: cannot reach the scheduler ({exc})") from exc
    try:
        yield c
    finally:
        c.close()
