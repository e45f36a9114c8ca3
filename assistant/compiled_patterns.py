"""Compiled regular expressions kept between processes, for the commands and the app.

Python compiles every pattern again in each process. A cold ``ask`` compiles about 330 of them (the vocabulary's
phrase tables, the report layouts), which is a third of its time. :func:`install`, which the command line and
the app call before they import the rest of the package, lets ``re`` keep what its compiler produces (the
arguments it hands to ``_sre.compile``) in one file beside the dictionary seed, keyed by the pattern and its
flags, for the running Python's exact version. A pattern rebuilt from that file is the one ``re`` would
compile: the file carries a digest of its contents, an entry ``_sre`` refuses is compiled afresh, and
:func:`install` first checks, on a probe, that this Python's compiler is the one this module expects.

A process that compiled at least ``SAVE_AFTER`` patterns the file lacked writes it back when it exits, so the
first run of each command fills it and later runs only read it; the one or two patterns built from a
question's own words never cause a write. The file holds at most ``MAX_ENTRIES`` patterns, those the writing
process used first, so patterns an upgrade no longer compiles leave it.
"""

from __future__ import annotations

import atexit
import hashlib
import marshal
import re
import sys
from pathlib import Path

from assistant import config
from assistant.atomic import replace_file

SAVE_AFTER = 20
MAX_ENTRIES = 2000
_PROBE = (r"(?P<year>\d{4})年(?:度)?\s*[（(]([^）)]*)[）)]|\bcarried\s+(?:over|forward)\b", re.I)
_DIGEST = 32  # bytes of the blake2b digest before the marshalled entries

Key = tuple[str, int]
_saved: dict[Key, bytes] = {}  # the file's entries, as read at start
_used: dict[Key, None] = {}  # the saved entries this process compiled, in order
_new: dict[Key, bytes] = {}  # the patterns this process compiled that the file lacked
_path: Path | None = None  # the file this process read, which it writes back to


def cache_file() -> Path:
    """The file of compiled patterns for this Python (its exact version and its ``re`` format)."""
    from re import _constants

    version = f"{sys.implementation.name}-{sys.hexversion:x}-{_constants.MAGIC}"
    return config.dictionary_seed() / f"patterns-{version}.marshal"


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


def _same(a: re.Pattern, b: re.Pattern) -> bool:
    """Equal code, flags and pattern (what ``==`` compares), and the same groups."""
    return a == b and a.groups == b.groups and a.groupindex == b.groupindex


def install() -> None:
    """Let ``re`` compile through the file of this Python's patterns (once per process)."""
    global _path
    try:
        import _sre
        from re import _compiler

        original = _compiler.compile
        if getattr(original, "kept_between_processes", False):
            return
        if not _same(_sre.compile(_PROBE[0], *_arguments(*_PROBE)), original(*_PROBE)):
            return
    except (ImportError, AttributeError, TypeError, ValueError, RuntimeError):  # another Python's re
        return

    def kept_compile(pattern: object, flags: int = 0) -> re.Pattern:
        if type(pattern) is not str or flags & re.DEBUG:  # (bytes, a parsed pattern, a str subclass)
            return original(pattern, flags)
        key = (pattern, int(flags))
        packed = _saved.get(key)
        if packed is not None:
            try:
                compiled = _sre.compile(pattern, *marshal.loads(packed))
                _used[key] = None
                return compiled
            except Exception:  # an entry _sre refuses: compiled afresh, and not written back
                _saved.pop(key, None)
        arguments = _arguments(pattern, int(flags))
        if key not in _new and len(_new) < MAX_ENTRIES:  # (a server compiling its users' words: bounded)
            _new[key] = marshal.dumps(arguments)
        return _sre.compile(pattern, *arguments)

    kept_compile.kept_between_processes = True  # type: ignore[attr-defined]
    _path = cache_file()
    _saved.update(_read(_path))
    _compiler.compile = kept_compile
    atexit.register(_save)


def _save() -> None:
    """Write the file back if this process compiled enough patterns it lacked: those it used and compiled
    first, then the others the file holds (another process may have written since this one started)."""
    if len(_new) < SAVE_AFTER or _path is None:
        return
    on_file = _read(_path)
    merged = {key: _saved[key] for key in _used if key in _saved}
    merged.update(_new)
    for key, packed in on_file.items():
        merged.setdefault(key, packed)
    payload = marshal.dumps(dict(list(merged.items())[:MAX_ENTRIES]))
    replace_file(_path, lambda tmp: tmp.write_bytes(_digest(payload) + payload), optional=True)


def _read(path: Path) -> dict[Key, bytes]:
    """The file's entries; none when it is missing, damaged or not this module's."""
    try:
        raw = path.read_bytes()
        payload = raw[_DIGEST:]
        if _digest(payload) != raw[:_DIGEST]:
            return {}
        entries = marshal.loads(payload)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return entries if isinstance(entries, dict) else {}


def _digest(payload: bytes) -> bytes:
    return hashlib.blake2b(payload, digest_size=_DIGEST).digest()
