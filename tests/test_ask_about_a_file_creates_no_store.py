"""`assistant ask --file` parses the report on the spot: it answers without creating a corpus store (or
anything else) in the working directory."""

from __future__ import annotations

import shutil

from conftest import CORPUS

from assistant.cli.main import main


def test_ask_about_a_file_writes_nothing(tmp_path, monkeypatch, capsys):
    report = tmp_path / "pingtan-2024.html"
    shutil.copy(CORPUS / "pingtan-2024.html", report)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ASSISTANT_STORE", raising=False)
    monkeypatch.delenv("ASSISTANT_INDEX_DIR", raising=False)

    assert main(["ask", "本年新收政府信息公开申请多少件？", "--file", str(report)]) == 0
    assert "218" in capsys.readouterr().out  # 本年新收政府信息公开申请数量 218, table 3 of the page
    assert main(["ask", "报告中关于信息处理费怎么说？", "--file", str(report)]) == 0
    assert "无收取信息处理费" in capsys.readouterr().out  # 六、其他需要报告的事项
    assert [p.name for p in tmp_path.iterdir()] == ["pingtan-2024.html"]


def test_ask_about_a_file_with_a_store_named_leaves_it_uncreated(tmp_path, capsys):
    store = tmp_path / "nowhere" / "corpus.sqlite"
    assert (
        main(
            [
                "ask",
                "How many requests were received?",
                "--file",
                str(CORPUS / "pingtan-2025.html"),
                "--store",
                str(store),
            ]
        )
        == 0
    )
    assert "154" in capsys.readouterr().out
    assert not store.parent.exists()
