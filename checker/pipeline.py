"""Run the whole pipeline: ingest -> structure -> extract -> cross-check -> match -> classify -> Results.

The report stage (`checker.report`) renders a `Results`; this module never writes files.
"""

from __future__ import annotations

import gc
import hashlib
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from . import __version__
from .classify import Classifier
from .crosscheck import find_conflicts, find_repeats
from .extract import Extracted, Extractor
from .ingest import collect, from_bytes, sidecar
from .match import Candidate, Matcher
from .errors import InputError
from .models import Results, RulesDigest, Summary
from .rules import RuleSet
from .review.apply import apply_commitment_decisions, apply_outcome_decisions
from .structure import Structured, structure

if TYPE_CHECKING:
    from .cache import Cache
    from .review.store import Decision

Progress = Callable[[str, int, int], None]


@dataclass
class Run:
    results: Results
    structured: list[Structured]
    rules: RuleSet
    candidates: dict[str, list[Candidate]] = field(default_factory=dict)
    pairs_scored: int = 0
    timings: dict[str, float] = field(default_factory=dict)


@contextmanager
def no_gc():
    """Pause the cyclic garbage collector: the pipeline allocates millions of small acyclic objects, and
    collections triggered by that allocation rate cost about a third of the run (measured on the corpus)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def run(inputs: list[str | Path], rules: RuleSet, progress: Progress | None = None,
        decisions: "list[Decision] | None" = None, keep_text: bool = True, cache: "Cache | None" = None) -> Run:
    """The whole pipeline on files and folders. `keep_text=False` frees each document's text once its records
    are extracted (for big batch runs; `explain`, `inspect` and the review page need the text). With a
    `cache`, unchanged documents are not parsed again and an unchanged run is not analysed again."""
    import time

    with no_gc():
        t = time.perf_counter()
        timings: dict[str, float] = {"ingest": 0.0, "extract": 0.0}
        files = collect(inputs)
        blobs: list[tuple[str, Path, bytes, dict] | None] = []
        for shown, path in files:
            try:
                data = path.read_bytes()
            except OSError as e:
                raise InputError(f"{shown}: cannot read ({e.strerror})") from None
            blobs.append((shown, path, data, sidecar(shown, path)))
        doc_keys = [cache.key("doc", hashlib.sha256(data).hexdigest(), shown, path.name, sorted(ov.items()),
                              rules.digest, keep_text) for shown, path, data, ov in blobs] if cache else []
        run_key = None
        if cache:
            run_key = cache.key("run", doc_keys, rules.digest, keep_text,
                                [d.model_dump() for d in decisions or []])
            hit = cache.get("run", run_key)
            if hit is not None:
                hit.timings = {"cache": time.perf_counter() - t}
                return hit
        structured: list[Structured] = []
        extracted: list[Extracted] = []
        extractor = Extractor(rules)
        for i in range(len(blobs)):
            shown, path, data, ov = blobs[i]
            blobs[i] = None  # the bytes are not needed once parsed: a batch never holds every file at once
            if progress:
                progress("ingest", i, len(blobs))
            got = cache.get("doc", doc_keys[i]) if cache else None
            if got is not None:
                s, e = got
                structured.append(s)
                extracted.append(e)
                t = time.perf_counter()
                continue
            s = structure(from_bytes(shown, path, data, overrides=ov))
            del data
            t1 = time.perf_counter()
            timings["ingest"] += t1 - t
            e = extractor.extract(s)  # extract at once, so a batch never holds every text
            if not keep_text:
                _free_text(s)
            structured.append(s)
            extracted.append(e)
            if cache:
                cache.put("doc", doc_keys[i], (s, e))
            t = time.perf_counter()
            timings["extract"] += t - t1
        result = _analyse(structured, rules, progress, timings, decisions, keep_text, extracted)
        if cache and run_key:
            cache.put("run", run_key, result)
        return result


def _free_text(s: Structured) -> None:
    s.source.text = None
    s.source.raw = ""
    s.paragraphs = []


def analyse(structured: list[Structured], rules: RuleSet, progress: Progress | None = None,
            timings: dict[str, float] | None = None, decisions: "list[Decision] | None" = None,
            keep_text: bool = True) -> Run:
    """Extract, match and classify; auditor `decisions` (if any) are applied to outcomes before matching and to
    commitments after classifying."""
    with no_gc():
        return _analyse(structured, rules, progress, timings, decisions, keep_text)


def _analyse(structured, rules, progress, timings, decisions, keep_text, extracted=None) -> Run:
    import time

    timings = dict(timings or {})
    documents = [s.document for s in structured]
    _check_duplicates(structured)
    commitments, outcomes = [], []
    if extracted is None:
        t = time.perf_counter()
        extractor = Extractor(rules)
        extracted = []
        for i, s in enumerate(structured):
            if progress:
                progress("extract", i, len(structured))
            extracted.append(extractor.extract(s))
            if not keep_text:
                _free_text(s)
        timings["extract"] = time.perf_counter() - t
    for e in extracted:
        commitments += e.commitments
        outcomes += e.outcomes

    orphans = apply_outcome_decisions(outcomes, decisions) if decisions else []
    t = time.perf_counter()
    matcher = Matcher(rules)
    repeats = find_repeats(documents, commitments, rules, matcher)
    conflicts = find_conflicts(commitments, matcher)
    timings["crosscheck"] = time.perf_counter() - t
    t = time.perf_counter()
    candidates = matcher.match(documents, commitments, [o for o in outcomes if not o.excluded])
    timings["match"] = time.perf_counter() - t

    t = time.perf_counter()
    classifier = Classifier(rules, documents)
    by_id = {c.id: c for c in commitments}
    for c in commitments:
        classifier.classify(c, candidates.get(c.id, []), by_id)
    applied = 0
    if decisions:
        applied, more = apply_commitment_decisions(commitments, outcomes, decisions, classifier)
        orphans += more
    timings["classify"] = time.perf_counter() - t
    results = _results(rules, documents, commitments, outcomes, conflicts, repeats, applied, orphans)
    return Run(results=results, structured=structured if keep_text else [], rules=rules, candidates=candidates,
               pairs_scored=matcher.pairs_scored,
               timings=timings)


def _results(rules, documents, commitments, outcomes, conflicts, repeats, applied, orphans) -> Results:
    used: dict[str, list[str]] = {}
    for c in commitments:
        for ev in c.evidence:
            used.setdefault(ev.outcome, []).append(c.id)
    for o in outcomes:
        o.used_by = used.get(o.id, [])
    counted = [c for c in commitments if not c.excluded]
    status_counts = Counter(c.status for c in counted)
    unrep = Counter(c.unreported_kind for c in counted if c.unreported_kind)
    return Results(
        generated_by=f"checker {__version__}",
        rules=RulesDigest(files=rules.files, digest=rules.digest),
        summary=Summary(documents=len(documents), commitments=len(counted),
                        quantitative=sum(c.kind == "quantitative" for c in counted), outcomes=len(outcomes),
                        status_counts={k: status_counts.get(k, 0) for k in ("met", "missed", "unreported")},
                        unreported_kinds=dict(sorted(unrep.items()))),
        documents=documents, commitments=commitments, outcomes=outcomes, conflicts=conflicts, repeats=repeats,
        decisions_applied=applied, orphaned_decisions=orphans,
    )


def reapply(base: Run, decisions: "list[Decision]") -> Run:
    """`base` (a run with the outcome decisions already applied) with the commitment decisions applied to
    copies of its commitments: what the review page needs after each decision, without re-running."""
    res = base.results
    commitments = [c.model_copy(deep=True) for c in res.commitments]
    outcomes = [o.model_copy() for o in res.outcomes]
    classifier = Classifier(base.rules, res.documents)
    applied, orphans = apply_commitment_decisions(commitments, outcomes,
                                                  [d for d in decisions if d.target_kind == "commitment"],
                                                  classifier)
    orphans = [o for o in res.orphaned_decisions] + orphans
    results = _results(base.rules, res.documents, commitments, outcomes, res.conflicts, res.repeats,
                       res.decisions_applied + applied, orphans)
    return Run(results=results, structured=base.structured, rules=base.rules, candidates=base.candidates,
               pairs_scored=base.pairs_scored, timings=dict(base.timings))


def _check_duplicates(structured: list[Structured]) -> None:
    """The same file content given twice would double every record: keep the first, say so nowhere silently."""
    seen: dict[str, str] = {}
    for s in structured:
        if s.document.sha256 in seen:
            from .errors import InputError

            raise InputError(f"{s.document.path}: same content as {seen[s.document.sha256]}; give each report once")
        seen[s.document.sha256] = s.document.path
