"""Pydantic models that carry data forward through the pipeline.

ingest -> Document (+ SourceText) -> structure -> Part/Section -> extract -> Commitment / Outcome
-> match -> Candidate -> classify -> Verdict -> report (Results).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Comparator = Literal[">=", "<=", "~", "=", "range"]
Measure = Literal["growth", "change_pp", "share", "flow", "stock", "level", "qualitative"]
Status = Literal["met", "missed", "unreported"]
DocKind = Literal["work_report", "plan", "news", "other"]
PartKind = Literal["review", "plan", "glossary", "other"]
UnreportedKind = Literal[
    "no_later_report", "later_reports_silent", "mentioned_without_figure", "proxy_only", "recommitted"
]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(Model):
    """Offsets into the normalised text (start, end) and into the raw file text (raw_start, raw_end)."""

    start: int
    end: int
    raw_start: int
    raw_end: int


class Section(Model):
    kind: PartKind
    heading: str
    start: int
    end: int
    period: str | None = None
    targets_block: bool = False


class Detection(Model):
    """Why a document field got its value: the rule that fired and the text it saw."""

    field: str
    value: str
    source: Literal["text", "path", "front_matter", "sidecar", "default"]
    reason: str


class Document(Model):
    id: str
    path: str
    sha256: str
    government: str
    government_full: str | None = None
    kind: DocKind
    title: str | None = None
    delivered: dt.date | None = None
    year: int = Field(description="Year the document was delivered (used for ordering).")
    reviews: list[str] = Field(default_factory=list)
    plans: list[str] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    detections: list[Detection] = Field(default_factory=list)

    def order_key(self) -> tuple[int, dt.date]:
        return (self.year, self.delivered or dt.date(self.year, 1, 1))

    def is_later_than(self, other: "Document") -> bool:
        """Delivered after `other`. Within one year both dates must be known to tell."""
        if self.year != other.year:
            return self.year > other.year
        return bool(self.delivered and other.delivered and self.delivered > other.delivered)


class Quantity(Model):
    value: float
    value_high: float | None = None
    unit: str
    comparator: Comparator
    sign: Literal[1, -1] = 1
    value_norm: float
    value_high_norm: float | None = None
    unit_norm: str
    measure: Measure


class Record(Model):
    """Fields shared by commitments and outcomes."""

    id: str
    document: str
    government: str
    period: str
    area: str
    quote: str
    raw_quote: str
    span: Span
    page: int | None = Field(None, description="PDF page of the quote (PDF input only).")
    kind: Literal["quantitative", "qualitative"]
    indicator: str | None = None
    indicator_raw: str | None = None
    comparator: Comparator | None = None
    value: float | None = None
    value_high: float | None = None
    unit: str | None = None
    value_norm: float | None = None
    unit_norm: str | None = None
    sign: Literal[1, -1] = 1
    measure: Measure | None = None
    entity: str | None = None
    stage: str | None = None
    match_text: str = Field(description="Text the matcher compares: the indicator or named thing as printed "
                            "(the matcher's processor masks its numbers).")


class Evidence(Model):
    outcome: str
    document: str
    period: str
    quote: str
    value: float | None = None
    unit: str | None = None
    stage: str | None = None
    page: int | None = None
    score: float
    level: str
    relation: Literal["same_period", "other_period", "cumulative", "partial_year"]


class TraceStep(Model):
    step: str
    detail: str
    passed: bool | None = None


class ReviewMark(Model):
    """An auditor decision applied to a record, with what the machine had said before."""

    action: str
    note: str
    reviewer: str
    at: str
    seq: int
    outcome: str | None = None
    machine_status: str | None = None
    machine_rule: str | None = None


class Commitment(Record):
    tier: Literal["primary", "stretch"] = "primary"
    status: Status | None = None
    rule: str | None = None
    rule_name: str | None = None
    unreported_kind: UnreportedKind | None = None
    explanation: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    proxy_evidence: list[Evidence] = Field(default_factory=list)
    repeated_in: list[str] = Field(default_factory=list)
    conflicts_with: list[str] = Field(default_factory=list)
    excluded: bool = Field(False, description="An auditor decided this is not a commitment.")
    review: ReviewMark | None = None
    trace: list[TraceStep] = Field(default_factory=list)


class Outcome(Record):
    partial_year: bool = False
    cumulative: bool = False
    estimate: bool = False
    all_of: Literal["done", "covered"] | None = Field(
        None, description="No figure printed: the report says all of the things were done (贫困村全部出列, 民生实事全部"
        "落实), which counts them, or covered (实现全覆盖), a share only; read as 100% of them.")
    excluded: bool = Field(False, description="An auditor decided this is not an outcome.")
    review: ReviewMark | None = None
    used_by: list[str] = Field(default_factory=list)


class Conflict(Model):
    government: str
    period: str
    indicator: str
    commitments: list[str]
    values: list[str]
    documents: list[str]


class Repeat(Model):
    government: str
    commitment: str
    repeated_by: str
    score: float


class RulesDigest(Model):
    files: dict[str, str]
    digest: str


class Summary(Model):
    documents: int
    commitments: int
    quantitative: int
    outcomes: int
    status_counts: dict[str, int]
    unreported_kinds: dict[str, int]


class OrphanDecision(Model):
    seq: int
    target: str
    action: str
    reviewer: str
    note: str
    reason: str


class Results(Model):
    schema_version: Literal[1] = 1
    generated_by: str
    rules: RulesDigest
    summary: Summary
    documents: list[Document]
    commitments: list[Commitment]
    outcomes: list[Outcome]
    conflicts: list[Conflict]
    repeats: list[Repeat]
    decisions_applied: int = 0
    orphaned_decisions: list[OrphanDecision] = Field(default_factory=list)
