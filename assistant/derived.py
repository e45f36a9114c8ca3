"""Data derived once from an installed file and kept beside the dictionary seed, for every later process."""

from __future__ import annotations

import marshal
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from assistant import config
from assistant.atomic import replace_file

T = TypeVar("T")


def derived(name: str, source: Path, build: Callable[[], T]) -> T:
    """What ``build`` derives from ``source``, kept in the dictionary seed's folder as ``name`` and read from
    there while ``source`` keeps its size and modification time (a cold process then loads it in milliseconds
    instead of deriving it again). ``build`` returns what ``marshal`` writes: dicts, lists, tuples, strings."""
    st = source.stat()
    stamp = f"{st.st_size}:{st.st_mtime_ns}"
    kept = config.dictionary_seed() / name
    try:
        saved_stamp, out = marshal.loads(kept.read_bytes())
        if saved_stamp == stamp:
            return out
    except (OSError, ValueError, EOFError, TypeError):
        pass
    out = build()
    replace_file(kept, lambda tmp: tmp.write_bytes(marshal.dumps((stamp, out))), cache=True)
    return out
