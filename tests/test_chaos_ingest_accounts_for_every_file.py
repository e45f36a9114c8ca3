"""Ingest accounts for every file (issue 17): each ends as ingested, unchanged or failed with a reason; a
parser killed like the out-of-memory killer does is that file's failure; a killed ingest leaves no parser
running; special files and unreadable folders are reported; one file keeps one id from any folder."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import chaos_files
import pytest
from conftest import CORPUS, ROOT

from assistant.cli.main import main
from assistant.store.database import Store

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads /proc and uses Linux's parent-death signal")
PDF = CORPUS / "pingtan-2024.rendered.pdf"  # slow enough to parse that a worker can be caught at it
ASSISTANT = [sys.executable, "-c", "import sys; from assistant.cli.main import main; sys.exit(main())"]


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry.name))
    return out


def _workers(ingest: int) -> list[int]:
    """The parser processes of an ingest: children of its forkserver."""
    return [w for child in _children(ingest) for w in _children(child)]


def _alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _wait_for(predicate, seconds: float = 120.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return False


def _pdf_batch(folder: Path, n: int) -> list[Path]:
    folder.mkdir()
    return [Path(shutil.copy(PDF, folder / f"copy-{i}.pdf")) for i in range(n)]


def _ingest(folder: Path, store: Path, **kw) -> subprocess.Popen:
    return subprocess.Popen(
        [*ASSISTANT, "ingest", str(folder), "--store", str(store), "--quiet"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kw,
    )


def test_a_parser_killed_mid_batch_is_that_files_failure(tmp_path):
    files = _pdf_batch(tmp_path / "batch", 4)
    store = tmp_path / "corpus.sqlite"
    proc = _ingest(tmp_path / "batch", store)
    assert _wait_for(lambda: _workers(proc.pid) or proc.poll() is not None)
    victim = _workers(proc.pid)[0]
    os.kill(victim, signal.SIGKILL)  # what the kernel's out-of-memory killer does
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 1  # the exit status says a file failed
    assert "Traceback" not in err
    [line] = err.splitlines()
    assert "the parser process died on this file: killed by SIGKILL" in line
    assert out.startswith("4 files: ingested 3 new or changed, 0 unchanged, 1 failed")
    failed = [f["path"] for f in Store(store).failures()]
    stored = [r["source_file"] for r in Store(store).reports()]
    assert len(failed) == 1 and sorted(failed + stored) == sorted(str(f) for f in files)
    assert line.startswith(f"error: {failed[0]}: ")


def test_a_killed_ingest_leaves_no_parser_running_and_the_store_intact(tmp_path):
    _pdf_batch(tmp_path / "batch", 6)
    store = tmp_path / "corpus.sqlite"
    proc = _ingest(tmp_path / "batch", store)
    assert _wait_for(lambda: _workers(proc.pid) or proc.poll() is not None)
    helpers = _children(proc.pid)
    workers = _workers(proc.pid)
    assert workers
    proc.kill()
    proc.communicate()
    assert _wait_for(lambda: not any(_alive(p) for p in helpers + workers))
    assert all(r["id"].startswith("copy-") for r in Store(store).reports())  # opens: quick_check is ok


def test_a_fifo_and_a_dev_zero_link_fail_and_the_good_files_go_in(tmp_path, capsys):
    folder = tmp_path / "batch"
    chaos_files.copy_reports(folder, ("pingtan-2019.txt", "pingtan-2020.txt"))
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    store = tmp_path / "corpus.sqlite"
    assert main(["ingest", str(folder), "--store", str(store), "--quiet"]) == 1
    out, err = capsys.readouterr()
    assert out.startswith("4 files: ingested 2 new or changed, 0 unchanged, 2 failed")
    assert sorted(err.splitlines()) == [
        f"error: {folder / 'pipe.txt'}: not a regular file (a FIFO): only regular files are read",
        f"error: {folder / 'zero.txt'}: not a regular file (a device): only regular files are read",
    ]
    assert {r["id"] for r in Store(store).reports()} == {"pingtan-2019.txt", "pingtan-2020.txt"}
    assert main(["facts", str(folder / "pipe.txt")]) == 2
    assert capsys.readouterr().err == f"error: {folder / 'pipe.txt'}: not a file\n"


def test_an_unreadable_subfolder_is_reported(tmp_path):
    without_override = []  # root reads any folder: drop the capability that lets it
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv to drop the override of file permissions")
        without_override = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]
    chaos_files.copy_reports(tmp_path / "batch", ("pingtan-2019.txt",))
    chaos_files.copy_reports(tmp_path / "batch" / "locked", ("pingtan-2020.txt",))
    (tmp_path / "batch" / "locked").chmod(0)
    try:
        proc = subprocess.run(
            [*without_override, *ASSISTANT, "ingest", str(tmp_path / "batch"), "--store", str(tmp_path / "c.sqlite")],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=600,
        )
    finally:
        (tmp_path / "batch" / "locked").chmod(0o755)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.startswith("2 files: ingested 1 new or changed, 0 unchanged, 1 failed")
    assert proc.stderr.endswith(f"error: {tmp_path / 'batch' / 'locked'}: cannot read the folder (Permission denied)\n")


def test_one_file_keeps_one_id_from_any_working_directory(tmp_path, monkeypatch, capsys):
    [path] = chaos_files.copy_reports(tmp_path / "reports", ("pingtan-2019.txt",))
    store = tmp_path / "corpus.sqlite"
    monkeypatch.chdir(tmp_path)
    assert main(["ingest", "reports/pingtan-2019.txt", "--store", str(store), "--quiet"]) == 0
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # the report is updated
    monkeypatch.chdir(tmp_path / "reports")
    assert main(["ingest", "pingtan-2019.txt", "--store", str(store), "--quiet"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("1 file: ingested 1 new or changed")
    [row] = Store(store).reports()
    assert row["id"] == "pingtan-2019.txt" and row["source_file"] == str(path)
