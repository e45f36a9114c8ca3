"""Every `assistant` command and flag is documented in the README (a habit borrowed from sqlite-utils)."""

from __future__ import annotations

import argparse

from conftest import ROOT

from assistant.cli.main import build_parser


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_readme_opens_with_the_two_setup_commands():
    head = (ROOT / "README.md").read_text(encoding="utf-8")[:600]
    assert "make run" in head and "make test" in head


def test_every_command_and_flag_is_documented():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = []
    for name, sub in _subcommands().items():
        if f"assistant {name}" not in readme:
            missing.append(f"assistant {name}")
        for action in sub._actions:
            for flag in action.option_strings:
                if flag.startswith("--") and flag != "--help" and flag not in readme:
                    missing.append(f"assistant {name} {flag}")
    assert missing == []
