"""Damaged, misplaced and read-only stores (issue 17): every command gives one clear line, never a traceback,
and never writes into a damaged file; a read-only store can still be searched and asked."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import chaos_files
import pytest
from conftest import CORPUS, ROOT

from assistant.cli.main import main
from assistant.search.bm25 import INDEX_FILE
from assistant.store.database import Store

REPORTS = ("pingtan-2019.txt", "pingtan-2020.txt")


@pytest.fixture(scope="module")
def good_store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("good")
    files = chaos_files.copy_reports(folder / "reports", REPORTS)
    store = folder / "corpus.sqlite"
    assert main(["ingest", *map(str, files), "--store", str(store), "--quiet"]) == 0
    assert main(["index", "--store", str(store)]) == 0
    return store


def _truncated(store: Path, dest: Path) -> None:
    data = store.read_bytes()
    dest.write_bytes(data[: len(data) // 2])


def _garbage(store: Path, dest: Path) -> None:
    dest.write_bytes(bytes(range(256)) * 256)


def _partly_corrupt(store: Path, dest: Path) -> None:
    """Intact header and first pages, a run of pages in the middle overwritten."""
    data = bytearray(store.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    middle = len(data) // page // 2 * page
    data[middle : middle + 4 * page] = b"\xff" * (4 * page)
    dest.write_bytes(bytes(data))


def _not_a_database(store: Path, dest: Path) -> None:
    dest.write_text("this is a note, not a database\n", encoding="utf-8")


DAMAGE = {"truncated": _truncated, "garbage": _garbage, "partly-corrupt": _partly_corrupt, "text": _not_a_database}
COMMANDS = {
    "search": ["search", "政府信息公开申请"],
    "ask": ["ask", "收到了多少件申请？"],
    "ingest": ["ingest", str(CORPUS / "pingtan-2021.txt"), "--quiet"],
    "index": ["index"],
    "summarize": ["summarize", "--report", "pingtan-2019.txt"],
    "compare": ["compare", *REPORTS],
    "evaluate": ["evaluate"],
}


@pytest.mark.parametrize("command", COMMANDS, ids=list(COMMANDS))
@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_a_damaged_store_gets_one_line_and_is_left_untouched(good_store, tmp_path, capsys, damage, command):
    store = tmp_path / "corpus.sqlite"
    DAMAGE[damage](good_store, store)
    before = hashlib.sha256(store.read_bytes()).hexdigest()
    capsys.readouterr()
    assert main([*COMMANDS[command], "--store", str(store)]) == 2
    out, err = capsys.readouterr()
    assert not out and "Traceback" not in err
    [line] = err.splitlines()
    assert line.startswith(f"error: store {store}: ")
    assert "damaged" in line or "not a readable corpus store" in line
    assert hashlib.sha256(store.read_bytes()).hexdigest() == before  # never written into
    assert not Path(f"{store}-journal").exists()


@pytest.mark.parametrize("command", ["search", "ask", "ingest"])
def test_a_store_at_a_folder_gets_one_line(tmp_path, capsys, command):
    assert main([*COMMANDS[command], "--store", str(tmp_path)]) == 2
    out, err = capsys.readouterr()
    assert err == f"error: store {tmp_path}: is a folder, not a store file (give --store a file name)\n"


def test_reading_a_store_never_writes_it(good_store, capsys):
    before = (hashlib.sha256(good_store.read_bytes()).hexdigest(), good_store.stat().st_mtime_ns)
    assert main(["search", "政府信息公开申请", "--store", str(good_store)]) == 0
    assert main(["ask", "收到了多少件申请？", "--store", str(good_store)]) == 0
    assert Store(good_store).counts()["reports"] == 2
    assert (hashlib.sha256(good_store.read_bytes()).hexdigest(), good_store.stat().st_mtime_ns) == before


def test_a_read_only_store_can_be_searched_and_asked(good_store, tmp_path):
    without_override = []  # root writes anything: drop the capability that lets it
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv to drop the override of file permissions")
        without_override = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]
    folder = tmp_path / "ro"
    folder.mkdir()
    for f in (good_store, good_store.parent / INDEX_FILE):
        shutil.copy(f, folder / f.name)
    for f in folder.iterdir():
        f.chmod(0o444)
    folder.chmod(0o555)
    run = [*without_override, sys.executable, "-c", "import sys; from assistant.cli.main import main; sys.exit(main())"]
    try:
        search = subprocess.run(
            [*run, "search", "政府信息公开申请", "--store", str(folder / good_store.name)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=600,
        )
        ask = subprocess.run(
            [*run, "ask", "平潭综合实验区2019年收到了多少件申请？", "--store", str(folder / good_store.name)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=600,
        )
    finally:
        folder.chmod(0o755)
    assert search.returncode == 0, search.stderr
    assert search.stdout.startswith("1. [")
    assert ask.returncode == 0, ask.stderr
    assert "23" in ask.stdout.splitlines()[0]  # pingtan-2019.txt: 一、本年新收政府信息公开申请数量 23


def test_stale_temporary_index_files_are_removed(good_store, tmp_path, capsys):
    folder = tmp_path / "store"
    folder.mkdir()
    shutil.copy(good_store, folder / good_store.name)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = folder / f".{INDEX_FILE}.{dead.stdout.strip()}.0badcafe.tmp"  # left by a killed `index`
    live = folder / f".{INDEX_FILE}.{os.getppid()}.0livecafe.tmp"  # a save still running elsewhere
    stale.write_bytes(b"half an index")
    live.write_bytes(b"half an index")
    assert main(["index", "--store", str(folder / good_store.name)]) == 0
    assert not stale.exists() and live.exists()
    assert (folder / INDEX_FILE).is_file()


@pytest.mark.parametrize("command", ["search", "ask"])
def test_a_store_damaged_in_place_after_it_was_checked_is_still_refused(good_store, tmp_path, capsys, command):
    """An intact store is checked once and noted as checked; damage written into it later, even with its
    size and modification time put back, is found on the next open."""
    store = tmp_path / "corpus.sqlite"
    shutil.copy(good_store, store)
    assert Store(store).counts()["reports"] == 2
    assert Path(f"{store}.checked").exists()
    before = store.stat()
    _partly_corrupt(store, store)
    os.utime(store, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert store.stat().st_size == before.st_size
    capsys.readouterr()
    assert main([*COMMANDS[command], "--store", str(store)]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"error: store {store}: ")
    assert "damaged" in line or "not a readable corpus store" in line
