"""Safe output files: sanitised names and atomic writes (temp file in the same folder, fsync, rename)."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from ..errors import OutputError

_UNSAFE = re.compile(r"[^\w\u4e00-\u9fff\-]+")


def safe_name(name: str) -> str:
    """A single path component from document-derived text ('../../etc' -> 'etc')."""
    cleaned = _UNSAFE.sub("_", name).strip("._")
    if not cleaned or cleaned in (".", ".."):
        raise OutputError(f"cannot make a safe file name from {name!r}")
    return cleaned[:80]


def inside(base: Path, *parts: str) -> Path:
    """base/parts, refusing anything that would resolve outside base."""
    target = base.joinpath(*[safe_name(p) for p in parts])
    if not target.resolve().is_relative_to(base.resolve()):
        raise OutputError(f"refusing to write outside {base}: {target}")
    return target


def atomic_write(path: Path, data: bytes | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    try:
        dfd = os.open(path.parent, os.O_DIRECTORY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass
