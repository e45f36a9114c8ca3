"""A cold `ask` reuses the regular expressions an earlier process compiled and the place tables it derived
(kept beside the dictionary seed), and answers exactly as when it compiles and derives them itself."""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import subprocess
import sys

from conftest import CORPUS, SEED

QUESTION = "How many applications were carried forward?"


def _run(seed, *argv: str) -> str:
    env = {**os.environ, "ASSISTANT_DICTIONARY_SEED": str(seed), "ASSISTANT_STORE": str(seed / "absent.sqlite")}
    done = subprocess.run([sys.executable, *argv], env=env, capture_output=True, text=True, check=True)
    return done.stdout


def _ask(seed, report, question: str) -> str:
    return _run(seed, "-m", "assistant.cli.main", "ask", "--json", "--file", str(report), question)


def test_a_second_cold_ask_reads_the_kept_patterns_and_answers_the_same(tmp_path):
    first = _ask(tmp_path, SEED, QUESTION)
    [kept] = tmp_path.glob("patterns-*.marshal")
    written = kept.stat().st_mtime_ns
    assert kept.stat().st_size > 100_000  # the phrase tables and layouts a figure question compiles
    assert _ask(tmp_path, SEED, QUESTION) == first
    assert json.loads(first)["value"] == 1  # 结转下年度继续办理 总计 1, read by hand from the seed report
    assert kept.stat().st_mtime_ns == written  # a question's own few patterns do not rewrite the file


def test_a_damaged_file_of_patterns_is_compiled_afresh_and_written_again(tmp_path):
    first = _ask(tmp_path, SEED, QUESTION)
    [kept] = tmp_path.glob("patterns-*.marshal")
    whole = kept.read_bytes()
    kept.write_bytes(whole[:40] + bytes(b ^ 0x55 for b in whole[40:200]) + whole[200:])
    assert _ask(tmp_path, SEED, QUESTION) == first
    again = kept.read_bytes()
    assert hashlib.blake2b(again[32:], digest_size=32).digest() == again[:32]  # written whole again, with its digest
    assert len(marshal.loads(again[32:])) == len(marshal.loads(whole[32:]))


def test_every_kept_pattern_is_the_one_re_compiles(tmp_path):
    _ask(tmp_path, CORPUS / "pingtan-2024.txt", "平潭综合实验区2024年行政复议有多少件？")
    [kept] = tmp_path.glob("patterns-*.marshal")
    check = (  # a bare interpreter, which never imports assistant: its re compiles each pattern itself
        "import marshal, re, sys, _sre\n"
        "kept = marshal.loads(open(sys.argv[1], 'rb').read()[32:])\n"
        "def same(a, b): return a == b and a.groups == b.groups and a.groupindex == b.groupindex\n"
        "bad = [p for (p, f), x in kept.items() if not same(_sre.compile(p, *marshal.loads(x)), re.compile(p, f))]\n"
        "print(len(kept), len(bad), sum(bool(re.compile(p, f).groupindex) for p, f in kept))\n"
    )
    count, bad, named = map(int, _run(tmp_path, "-c", check, str(kept)).split())
    assert count > 300 and named > 0  # (some with named groups, which == alone would not compare)
    assert bad == 0


def test_the_kept_gazetteer_gives_the_same_divisions_as_the_one_derived(tmp_path):
    show = "from assistant.domain import places; print(sorted(d.full for d in places.lookup('朝阳区')))"
    derived = _run(tmp_path, "-c", show)
    written = (tmp_path / "places.marshal").stat().st_mtime_ns
    assert _run(tmp_path, "-c", show) == derived
    assert (tmp_path / "places.marshal").stat().st_mtime_ns == written  # read, not derived again
    assert "北京市朝阳区" in derived and "吉林省长春市朝阳区" in derived
