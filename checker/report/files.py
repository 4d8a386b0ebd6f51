"""Safe output file names: document-derived names become one sanitised path component inside the output."""

from __future__ import annotations

import re
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
