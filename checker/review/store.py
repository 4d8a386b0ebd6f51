"""The auditors' decision store: SQLite in WAL mode, append-only, versioned schema with migrations.

Every decision is a new row (nothing is updated or deleted); the decision in force for a record is its
latest row. Each write is one `BEGIN IMMEDIATE` transaction with `synchronous=FULL`, so an acknowledged
decision survives a crash, and concurrent writers (two auditors, the review page and the CLI) queue on the
lock instead of losing each other's rows.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Iterable, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..errors import CheckerError

SCHEMA_VERSION = 2
COMMITMENT_ACTIONS = ("accept_match", "reject_match", "pick_evidence", "set_status", "not_a_commitment", "unratable")
OUTCOME_ACTIONS = ("set_period", "not_an_outcome")
ACTIONS = COMMITMENT_ACTIONS + OUTCOME_ACTIONS + ("withdraw",)
ACTION_ZH = {"accept_match": "确认匹配", "reject_match": "否决匹配", "pick_evidence": "改选依据", "set_status": "人工判定",
             "not_a_commitment": "不是承诺", "unratable": "无法评定", "set_period": "更正时期",
             "not_an_outcome": "不是结果", "withdraw": "撤回决定"}

MIGRATIONS: dict[int, list[str]] = {
    1: [
        """CREATE TABLE decision (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            target TEXT NOT NULL,
            target_kind TEXT NOT NULL CHECK (target_kind IN ('commitment', 'outcome')),
            action TEXT NOT NULL,
            outcome TEXT,
            status TEXT,
            note TEXT NOT NULL,
            reviewer TEXT NOT NULL,
            created_at TEXT NOT NULL
        )""",
        "CREATE INDEX decision_target ON decision (target, seq)",
    ],
    2: [
        # v2: the period an outcome really belongs to, and the verdict and rules the auditor saw.
        "ALTER TABLE decision ADD COLUMN period TEXT",
        "ALTER TABLE decision ADD COLUMN verdict_before TEXT",
        "ALTER TABLE decision ADD COLUMN rules_digest TEXT",
    ],
}


class StoreError(CheckerError):
    exit_code = 5


class Decision(BaseModel):
    """One auditor decision. `seq` and `created_at` are set by the store."""

    model_config = ConfigDict(extra="forbid")
    seq: int | None = None
    target: str = Field(min_length=2)
    target_kind: Literal["commitment", "outcome"]
    action: Literal["accept_match", "reject_match", "pick_evidence", "set_status", "not_a_commitment", "unratable",
                    "set_period", "not_an_outcome", "withdraw"]
    outcome: str | None = None
    status: Literal["met", "missed", "unreported"] | None = None
    period: str | None = None
    note: str = Field(min_length=1)
    reviewer: str = Field(min_length=1)
    created_at: str | None = None
    verdict_before: str | None = None
    rules_digest: str | None = None

    @model_validator(mode="after")
    def _consistent(self):
        if self.target_kind == "commitment" and self.action in OUTCOME_ACTIONS:
            raise ValueError(f"action {self.action} applies to outcomes, not commitments")
        if self.target_kind == "outcome" and self.action in COMMITMENT_ACTIONS:
            raise ValueError(f"action {self.action} applies to commitments, not outcomes")
        if self.action in ("accept_match", "reject_match", "pick_evidence") and not self.outcome:
            raise ValueError(f"action {self.action} needs an outcome id")
        if self.action == "set_status" and not self.status:
            raise ValueError("action set_status needs a status (met, missed or unreported)")
        if self.action == "set_period" and not self.period:
            raise ValueError("action set_period needs the period the outcome belongs to")
        if not self.note.strip() or not self.reviewer.strip():
            raise ValueError("a decision needs a note and a reviewer")
        return self


_COLUMNS = ("seq", "target", "target_kind", "action", "outcome", "status", "period", "note", "reviewer", "created_at",
            "verdict_before", "rules_digest")


class ReviewStore:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.con = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            self.con.execute("PRAGMA busy_timeout = 30000")
            mode = self.con.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":
                raise StoreError(f"{self.path}: cannot use WAL mode (got {mode}); is it on a network filesystem?")
            self.con.execute("PRAGMA synchronous = FULL")
            ok = self.con.execute("PRAGMA quick_check").fetchone()[0]
            if ok != "ok":
                raise StoreError(f"{self.path}: database integrity check failed: {ok}")
            self._migrate()
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: not a usable review database ({e})") from None

    def close(self) -> None:
        self.con.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ------------------------------------------------------------ schema
    def version(self) -> int:
        return self.con.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        current = self.version()
        if current > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: schema version {current} is newer than this checker ({SCHEMA_VERSION})")
        for v in range(current + 1, SCHEMA_VERSION + 1):
            self.con.execute("BEGIN IMMEDIATE")
            try:
                if self.version() >= v:  # another process migrated meanwhile
                    self.con.execute("COMMIT")
                    continue
                for stmt in MIGRATIONS[v]:
                    self.con.execute(stmt)
                self.con.execute(f"PRAGMA user_version = {v}")
                self.con.execute("COMMIT")
            except BaseException:
                self.con.execute("ROLLBACK")
                raise

    # ------------------------------------------------------------ writes
    def add(self, d: Decision) -> Decision:
        """Append one decision; returns it with seq and timestamp once it is committed (durable)."""
        d = d.model_copy(update={"created_at": d.created_at or dt.datetime.now(dt.timezone.utc).isoformat(
            timespec="microseconds")})
        Decision.model_validate(d.model_dump())
        self.con.execute("BEGIN IMMEDIATE")
        try:
            cur = self.con.execute(
                f"INSERT INTO decision ({', '.join(_COLUMNS[1:])}) VALUES ({', '.join('?' * (len(_COLUMNS) - 1))})",
                tuple(getattr(d, c) for c in _COLUMNS[1:]))
            seq = cur.lastrowid
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return d.model_copy(update={"seq": seq})

    def add_many(self, ds: Iterable[Decision]) -> int:
        """Import: append all in one transaction, skipping exact duplicates already stored."""
        ds = list(ds)
        self.con.execute("BEGIN IMMEDIATE")
        try:
            n = 0
            for d in ds:
                key = (d.target, d.action, d.outcome, d.status, d.period, d.note, d.reviewer, d.created_at)
                exists = self.con.execute(
                    "SELECT 1 FROM decision WHERE target=? AND action=? AND outcome IS ? AND status IS ? AND period IS ?"
                    " AND note=? AND reviewer=? AND created_at IS ?", key).fetchone()
                if exists:
                    continue
                created = d.created_at or dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")
                self.con.execute(
                    f"INSERT INTO decision ({', '.join(_COLUMNS[1:])}) VALUES ({', '.join('?' * (len(_COLUMNS) - 1))})",
                    tuple(created if c == "created_at" else getattr(d, c) for c in _COLUMNS[1:]))
                n += 1
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return n

    # ------------------------------------------------------------ reads
    def all(self) -> list[Decision]:
        rows = self.con.execute(f"SELECT {', '.join(_COLUMNS)} FROM decision ORDER BY seq").fetchall()
        return [Decision(**dict(zip(_COLUMNS, r))) for r in rows]

    def history(self, target: str) -> list[Decision]:
        rows = self.con.execute(f"SELECT {', '.join(_COLUMNS)} FROM decision WHERE target=? ORDER BY seq",
                                (target,)).fetchall()
        return [Decision(**dict(zip(_COLUMNS, r))) for r in rows]

    def count(self) -> int:
        return self.con.execute("SELECT COUNT(*) FROM decision").fetchone()[0]


def in_force(decisions: list[Decision]) -> dict[str, list[Decision]]:
    """Per target, the decisions that apply, in order: everything after the last 'withdraw'."""
    by: dict[str, list[Decision]] = {}
    for d in sorted(decisions, key=lambda d: d.seq or 0):
        if d.action == "withdraw":
            by[d.target] = []
        else:
            by.setdefault(d.target, []).append(d)
    return {k: v for k, v in by.items() if v}


def export_rows(decisions: list[Decision]) -> list[dict]:
    return [json.loads(d.model_dump_json()) for d in decisions]
