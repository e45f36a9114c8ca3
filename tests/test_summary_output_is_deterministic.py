"""The same input gives byte-identical summaries, whatever the process's hash seed."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT, SEED


def _run(out, seed: str, *args: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run(
        [sys.executable, "-m", "assistant.cli", "summarize", *args, "--out", str(out), "--quiet"],
        cwd=ROOT,
        env=env,
        check=False,
        capture_output=True,
        timeout=300,
    )


def _files(folder) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_batch_is_byte_identical_twice(tmp_path):
    corpus = ROOT / "corpus"
    args = [str(corpus / n) for n in ("pingtan-2025.html", "pingtan-2019.txt", "pingtan-2015.txt")] + [str(SEED)]
    for fmt in ("json", "html"):
        a, b = tmp_path / f"a-{fmt}", tmp_path / f"b-{fmt}"
        _run(a, "1", *args, "--format", fmt)
        _run(b, "2", *args, "--format", fmt)
        first, second = _files(a), _files(b)
        assert len(first) == 6  # four summaries, the index and the digest
        assert first == second


def test_one_summary_is_identical_twice():
    def once(seed: str) -> str:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        return subprocess.run(
            [sys.executable, "-m", "assistant.cli", "summarize", str(SEED), "--lang", "zh"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
        ).stdout

    assert once("3") == once("4") != ""
