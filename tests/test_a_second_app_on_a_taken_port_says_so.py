"""A second `python ui.py` on a port already taken prints one line naming `--port` (no traceback) and
exits with status 2; the port comes from `--port`, else from $GRADIO_SERVER_PORT."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest
from conftest import ROOT


@pytest.fixture
def taken_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        yield s.getsockname()[1]


def _start(args: list[str], env: dict[str, str], cwd) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "ui.py"), *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        env={**os.environ, **env},
    )


def test_the_port_flag_on_a_taken_port_prints_one_line(taken_port, tmp_path):
    done = _start(["--port", str(taken_port), "--store", str(tmp_path / "s.sqlite")], {}, tmp_path)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert f"port {taken_port} on 127.0.0.1 is already in use" in done.stderr
    assert f"python ui.py --port {taken_port + 1}" in done.stderr


def test_gradio_server_port_is_the_port_the_app_takes(taken_port, tmp_path):
    done = _start(["--store", str(tmp_path / "s.sqlite")], {"GRADIO_SERVER_PORT": str(taken_port)}, tmp_path)
    assert done.returncode == 2
    assert f"port {taken_port} on 127.0.0.1 is already in use" in done.stderr
