"""Durable file writes: a temporary file beside the target, fsync, then an atomic rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_temp(final: Path, data: bytes | str, fsync: bool = True) -> Path:
    """Write `data` to a new temporary file beside `final` (same folder, so a rename is atomic)."""
    final.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    fd, tmp = tempfile.mkstemp(dir=final.parent, prefix=f".{final.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            if fsync:
                os.fsync(f.fileno())
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return Path(tmp)


def fsync_dir(folder: Path) -> None:
    """Make renames in `folder` durable (best effort: not every filesystem allows it)."""
    try:
        fd = os.open(folder, os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        pass


def atomic_write(path: Path, data: bytes | str) -> None:
    tmp = write_temp(path, data)
    os.replace(tmp, path)
    fsync_dir(path.parent)
