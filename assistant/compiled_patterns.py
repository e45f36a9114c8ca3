"""Compiled regular expressions kept between processes.

Python compiles every pattern again in each process. A cold ``ask`` compiles about 330 of them (the vocabulary's
phrase tables, the report layouts), which is a third of its time. This module keeps what ``re``'s compiler
produces (the arguments it hands to ``_sre.compile``) in one file beside the dictionary seed, keyed by the
pattern and its flags, for the running Python's exact version only. A pattern rebuilt from that file is equal
(``==`` compares the compiled code) to the one ``re`` would compile, which :func:`install` checks on a probe
before it takes over; a Python whose ``re`` differs just compiles as before.

A process that compiled at least ``SAVE_AFTER`` patterns the file lacked adds them when it exits, so the first
run of each command fills the file and later runs only read it; the one or two patterns built from a
question's own words never cause a write. The file holds at most ``MAX_ENTRIES`` patterns.
"""

from __future__ import annotations

import atexit
import marshal
import re
import sys
from pathlib import Path

from assistant import config
from assistant.atomic import replace_file

SAVE_AFTER = 20
MAX_ENTRIES = 2000
_PROBE = (r"(?P<year>\d{4})年(?:度)?\s*[（(]([^）)]*)[）)]|\bcarried\s+(?:over|forward)\b", re.I)

_saved: dict[tuple[str, int], bytes] = {}
_new: dict[tuple[str, int], bytes] = {}
_file: list[Path] = []  # the file this process read, which it writes back to


def cache_file() -> Path:
    """The file of compiled patterns for this Python (its version and its ``re`` format)."""
    from re import _constants

    version = "-".join(str(p) for p in sys.version_info[:3])
    return config.dictionary_seed() / f"patterns-{sys.implementation.name}-{version}-{_constants.MAGIC}.marshal"


def _arguments(pattern: str, flags: int) -> tuple:
    """What ``re._compiler.compile`` passes to ``_sre.compile`` after the pattern, as plain ints and strings."""
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    state = parsed.state
    indexgroup = [None] * state.groups
    for name, i in state.groupdict.items():
        indexgroup[i] = name
    return int(flags | state.flags), code, state.groups - 1, dict(state.groupdict), tuple(indexgroup)


def install() -> None:
    """Let ``re`` compile through the file of this Python's patterns (once per process)."""
    import _sre
    from re import _compiler

    original = getattr(_compiler, "compile", None)
    if original is None or getattr(original, "kept_between_processes", False):
        return
    try:
        if _sre.compile(_PROBE[0], *_arguments(*_PROBE)) != original(*_PROBE):
            return
    except (AttributeError, TypeError, ValueError):  # another Python's re: compile as before
        return

    def compile(pattern: object, flags: int = 0) -> re.Pattern:
        if not isinstance(pattern, str) or flags & re.DEBUG:
            return original(pattern, flags)
        key = (pattern, int(flags))
        packed = _saved.get(key) or _new.get(key)
        if packed is None:
            packed = _new[key] = marshal.dumps(_arguments(pattern, int(flags)))
        return _sre.compile(pattern, *marshal.loads(packed))

    compile.kept_between_processes = True  # type: ignore[attr-defined]
    _file.append(cache_file())
    _saved.update(_read())
    _compiler.compile = compile
    atexit.register(_save)


def _save() -> None:
    """Add this process's new patterns to the file, if it compiled enough of them to be worth a write."""
    if len(_new) < SAVE_AFTER or len(_saved) >= MAX_ENTRIES:
        return
    _saved.update(_read())  # another process may have added its own since this one started
    merged = {**dict(list(_new.items())[: MAX_ENTRIES - len(_saved)]), **_saved}
    replace_file(_file[0], lambda tmp: tmp.write_bytes(marshal.dumps(merged)), cache=True)


def _read() -> dict[tuple[str, int], bytes]:
    try:
        return marshal.loads(_file[0].read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
