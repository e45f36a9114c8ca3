"""Run the app in a child process on a free local port (for the browser test, the API test and the
load check), and stop it afterwards."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


@contextmanager
def running_app(
    store: Path | str,
    *,
    host: str = "127.0.0.1",
    port: int | None = None,
    log: Path | None = None,
    timeout: float = 120,
) -> Iterator[str]:
    """Start ``python ui.py --host H --port P --store STORE`` and yield its URL once it answers.

    The child's output goes to ``log`` (default: discarded); a child that dies or never answers raises
    RuntimeError with the end of its log. The child is stopped (then killed) on exit."""
    port = port or free_port(host)
    script = ROOT / "ui.py"
    cmd = [sys.executable, str(script)] if script.exists() else [sys.executable, "-m", "assistant.ui"]
    cmd += ["--host", host, "--port", str(port), "--store", str(store)]
    env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False", "PYTHONUNBUFFERED": "1"}
    out = open(log, "w", encoding="utf-8") if log else subprocess.DEVNULL
    proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
    url = f"http://{host}:{port}/"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"the app exited with status {proc.returncode}:\n{_tail(log)}")
            try:
                if httpx.get(url, timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the app did not answer at {url} within {timeout:.0f}s:\n{_tail(log)}")
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if log:
            out.close()


def _tail(log: Path | None, n: int = 40) -> str:
    if not log or not Path(log).exists():
        return "(no log)"
    return "\n".join(Path(log).read_text(encoding="utf-8", errors="replace").splitlines()[-n:])
