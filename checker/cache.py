"""A content-hash cache for re-runs.

Two levels, both keyed by the checker's own source code hash and the rules digest, so any code or rule
change invalidates them:
- per document: the parsed and extracted document, keyed by the file's bytes (and its sidecar overrides);
- per run: the whole analysed run, keyed by every document key plus the auditor decisions.
Entries are pickles written atomically; a damaged entry is ignored and rebuilt.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from functools import lru_cache
from pathlib import Path
from typing import Any

from .fileio import write_temp

FORMAT = 1


@lru_cache(maxsize=1)
def code_hash() -> str:
    root = Path(__file__).resolve().parent
    h = hashlib.sha256(str(FORMAT).encode())
    for p in sorted(root.rglob("*")):
        if p.suffix in (".py", ".j2", ".css") and "__pycache__" not in p.parts:
            h.update(p.relative_to(root).as_posix().encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


class Cache:
    def __init__(self, directory: str | Path):
        self.dir = Path(directory)
        self.hits = 0
        self.misses = 0

    def key(self, *parts: Any) -> str:
        h = hashlib.sha256(code_hash().encode())
        for p in parts:
            h.update(repr(p).encode())
            h.update(b"\0")
        return h.hexdigest()

    def get(self, kind: str, key: str) -> Any | None:
        p = self.dir / kind / key[:2] / f"{key}.pickle"
        try:
            with open(p, "rb") as f:
                value = pickle.load(f)
        except FileNotFoundError:
            self.misses += 1
            return None
        except Exception:  # damaged or from an incompatible version: rebuild
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, kind: str, key: str, value: Any) -> None:
        p = self.dir / kind / key[:2] / f"{key}.pickle"
        tmp = write_temp(p, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), fsync=False)
        os.replace(tmp, p)  # a cache entry needs no fsync: a lost one is rebuilt
