"""A plain (non-editable) install of the package, run from a folder that is not the source tree, ingests,
indexes, searches and answers: nothing at run time reads a path of the source folder, and the wheel
holds every file of the package.

The install is offline and quick: a fresh venv without pip, the project installed into it with
``pip --python VENV install --no-deps --no-build-isolation --no-index`` from a copy of the sources,
and the project's dependencies made visible by a .pth file naming the site-packages of the interpreter
running the tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT, SEED

pytestmark = pytest.mark.slow

FILES = [CORPUS / "pingtan-2024.html", SEED]


def _package_files(folder: Path) -> set[str]:
    return {
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The venv's bin folder, with the package installed into the venv."""
    base = tmp_path_factory.mktemp("installed")
    source = base / "source"  # a copy, so the build writes nothing into the working tree
    shutil.copytree(ROOT / "assistant", source / "assistant", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", source)
    env_dir = base / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    ours = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    (Path(purelib) / "dependencies.pth").write_text("\n".join(ours) + "\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps"]
        + ["--no-build-isolation", "--no-index", str(source)],
        capture_output=True,
        text=True,
        check=True,
    )
    installed = Path(purelib) / "assistant"
    assert _package_files(installed) == _package_files(ROOT / "assistant")  # package data included
    return env_dir / "bin"


def _run(bin_dir: Path, cwd: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_") and k != "PYTHONPATH"}
    done = subprocess.run([bin_dir / "assistant", *args], cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_installed_command_ingests_searches_and_answers(installed, tmp_path):
    where = subprocess.run(
        [installed / "python", "-c", "import assistant; print(assistant.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert str(installed.parent) in where and str(ROOT) not in where  # the installed copy, not the sources
    reports = tmp_path / "reports"
    reports.mkdir()
    for f in FILES:
        shutil.copy(f, reports)

    out = _run(installed, tmp_path, "ingest", "reports", "--quiet")
    assert "holds 2 reports" in out
    assert (tmp_path / "indexes" / "corpus.sqlite").is_file()  # the store is in the working directory

    assert "up to date with the store" in _run(installed, tmp_path, "index")
    assert (tmp_path / "indexes" / "bm25.index").is_file()

    out = _run(installed, tmp_path, "search", "行政复议")
    assert "【行政复议】" in out  # both reports name 政府信息公开行政复议和行政诉讼情况 (part 4)
    assert "(pingtan-2024.html)" in out and f"({SEED.name})" in out

    # 一、本年新收政府信息公开申请数量 217 1 0 0 0 0 218 (table 3 of the page)
    out = _run(installed, tmp_path, "ask", "平潭综合实验区2024年本年新收政府信息公开申请多少件？")
    assert "本年新收政府信息公开申请数量为218件" in out
    out = _run(installed, tmp_path, "ask", "平潭综合实验区2024年报告中关于信息处理费怎么说？")
    assert "无收取信息处理费" in out  # 六、其他需要报告的事项: 2024年,无收取信息处理费情况。
