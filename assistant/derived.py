"""Data derived once from installed files and kept beside the dictionary seed, for every later process."""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from assistant import config
from assistant.atomic import replace_file

T = TypeVar("T")


def derived(name: str, source: Path, build: Callable[[], T]) -> T:
    """What ``build`` derives from ``source`` (a file, or a package's folder), kept in the dictionary seed's
    folder as ``name`` and read from there while the source's files and ``build``'s own code are unchanged (a
    cold process then loads it in milliseconds instead of deriving it again). ``build`` returns what
    ``marshal`` writes: dicts, lists, tuples, sets, frozensets, strings and numbers."""
    files = sorted(source.glob("*.py")) if source.is_dir() else [source]
    h = hashlib.sha256(marshal.dumps(build.__code__))
    for f in files:
        st = f.stat()
        h.update(f"{f.name}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    stamp, kept = h.hexdigest(), config.dictionary_seed() / name
    try:
        saved_stamp, out = marshal.loads(kept.read_bytes())
        if saved_stamp == stamp:
            return out
    except (OSError, ValueError, EOFError, TypeError):
        pass
    out = build()
    replace_file(kept, lambda tmp: tmp.write_bytes(marshal.dumps((stamp, out))), optional=True)
    return out
