"""Unreadable input gives exit status 2 and one line naming the file and the reason, never a traceback."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPUS, SEED


def facts(path: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli", "facts", str(path), *extra], capture_output=True, text=True, timeout=120
    )


def _garbage(path: Path) -> None:
    rng = random.Random(7)
    path.write_bytes(bytes(rng.randrange(0x81, 0xFF) for _ in range(4000)))  # valid GB18030, but no language


CASES = {
    "missing.txt": (None, "no such file"),
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b" \n\n\t ", "empty file"),
    "nul.txt": (b"\x00\x01\x02binary" * 100, "binary data"),
    "garbage.txt": (_garbage, "cannot decode the text"),
    "english.txt": (b"This is an English text, not an annual report at all. " * 10, "not a report"),
    "news.txt": ("今天天气很好，我们去公园散步，看见很多人在跑步。".encode() * 20, "not an annual report"),
    "legacy.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "convert it to DOCX or PDF"),
    "report.wps": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "convert it to DOCX or PDF"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_unreadable_file_exits_2_with_one_clear_line(tmp_path, name):
    content, reason = CASES[name]
    path = tmp_path / name
    if callable(content):
        content(path)
    elif content is not None:
        path.write_bytes(content)
    result = facts(path, "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0] and reason in lines[0]
    assert "Traceback" not in result.stderr


def test_a_folder_is_not_a_report(tmp_path):
    result = facts(tmp_path)
    assert result.returncode == 2 and "not a file" in result.stderr


def test_size_limit_names_the_flag_to_raise_it(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(SEED.read_bytes() * 200)  # about 1.6 MB
    result = facts(path, "--max-mb", "1")
    assert result.returncode == 2
    assert "limit" in result.stderr and "--max-mb" in result.stderr
    assert facts(path, "--max-mb", "5", "--json").returncode == 0


def test_markup_nested_too_deeply_is_refused_not_half_read(tmp_path):
    page = (CORPUS / "pingtan-2024.html").read_text(encoding="utf-8")
    body = page.index("<div class=TRS_Editor")
    path = tmp_path / "deep.html"
    path.write_text(page[:body] + "<div>" * 3000 + page[body:] + "</div>" * 3000, encoding="utf-8")
    result = facts(path, "--json")
    assert result.returncode == 2 and "nested too deeply" in result.stderr
    assert "Traceback" not in result.stderr
