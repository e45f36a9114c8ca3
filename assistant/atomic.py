"""Files written whole or not at all: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path


def temporary_name(target: Path) -> Path:
    """A temporary file beside ``target`` that no other writer picks: ``.NAME.PID.HEX.tmp`` (the pid lets a
    later process tell a killed writer's leftover from a live one's)."""
    return target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")


def replace_file(target: Path, write: Callable[[Path], object], *, optional: bool = False) -> bool:
    """Have ``write`` fill a temporary file beside ``target``, then move it into place with ``os.replace``.

    The temporary file never outlives a failure (one that already existed is another writer's, and left
    alone). An optional file, such as a cache, in a folder that cannot be written is left unwritten, and
    False is returned; any other failure is raised."""
    tmp = temporary_name(target)
    try:
        if optional:
            target.parent.mkdir(parents=True, exist_ok=True)
        write(tmp)
        os.replace(tmp, target)
    except BaseException as exc:
        if not isinstance(exc, FileExistsError):
            with suppress(OSError):
                tmp.unlink(missing_ok=True)
        if optional and isinstance(exc, OSError):
            return False
        raise
    return True
