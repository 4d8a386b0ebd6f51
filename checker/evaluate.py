"""`checker eval`: score the pipeline against labelled report pairs (tests/labels/*.yaml).

For each label file the pipeline runs on exactly the documents it names (the commitment document and its
outcome documents). Each labelled item is located in the normalised text of its document; a predicted
quantitative commitment *finds* the item when its span overlaps the item's quote and ends inside it (the
same printed number). Reported:

- extraction recall (items found / items) and precision in the exhaustively labelled zones: the
  headline-target paragraphs and the `exhaustive` spans some files declare (every quantitative commitment in
  them is an item); precision over all labelled sentences is printed too, as a lower bound (labellers
  skipped numbers there that the next report does not mention); predictions in exact zones that match no item
  are listed as 'spurious' mistakes;
- comparator / value / unit / period accuracy on found items;
- status accuracy, per-class precision/recall/F1, macro-F1 and the confusion matrix (found items);
- met/missed verdicts where the label says unreported, and met/missed without same-period evidence;
- outcome recall (labelled outcome quotes found with the same value);
- per-file scores, by split, and the list of mistakes with ids.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from .errors import InputError
from .ingest import load
from .models import Outcome
from .normalise import normalise
from .pipeline import analyse
from .rules import RuleSet
from .structure import Structured, structure

STATUSES = ("met", "missed", "unreported")


class LabelItem(BaseModel):
    model_config = ConfigDict(extra="forbid")
    quote: str = Field(min_length=2)
    indicator: str
    comparator: Literal[">=", "<=", "~", "=", "range"]
    value: float
    value_high: float | None = None
    unit: str
    period: str
    outcome_quote: str | None = None
    outcome_value: float | None = None
    outcome_unit: str | None = None
    status: Literal["met", "missed", "unreported"]
    hard: list[str] | None = None
    note: str | None = ""


class NotCommitment(BaseModel):
    model_config = ConfigDict(extra="forbid")
    quote: str = Field(min_length=1)
    why: str = Field(min_length=2)


class Exhaustive(BaseModel):
    """A span of the commitments document in which EVERY quantitative commitment is an item, so extraction
    precision inside it is exact. Numbers in it that are not commitments are listed, with why."""
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    from_: str = Field(alias="from", min_length=4, description="Exact text where the span starts.")
    to: str = Field(min_length=4, description="Exact text where the span ends (inclusive).")
    not_commitments: list[NotCommitment] = Field(default_factory=list)


class OutcomeItem(BaseModel):
    model_config = ConfigDict(extra="forbid")
    quote: str = Field(min_length=2)
    indicator: str
    value: float
    unit: str
    period: str


class NotOutcome(BaseModel):
    model_config = ConfigDict(extra="forbid")
    quote: str = Field(min_length=1)
    why: str = Field(min_length=2)


class OutcomesExhaustive(BaseModel):
    """A span of a later document's review part in which EVERY quantitative outcome is an item, so outcome
    extraction precision and recall inside it are exact. Numbers in it that are not outcomes are listed."""
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    document: str = Field(description="One of outcomes_from.")
    from_: str = Field(alias="from", min_length=4)
    to: str = Field(min_length=4)
    items: list[OutcomeItem]
    not_outcomes: list[NotOutcome] = Field(default_factory=list)


class LabelFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    schema_: Literal[1] = Field(alias="schema")
    government: str
    commitments_from: str
    outcomes_from: list[str]
    period: str
    split: Literal["dev", "holdout"]
    labelled_by: str
    exhaustive: Exhaustive | None = None
    outcomes_exhaustive: OutcomesExhaustive | None = None
    items: list[LabelItem]


def load_labels(path: Path) -> LabelFile:
    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except (OSError, YAMLError) as e:
        raise InputError(f"{path}: cannot read labels ({str(e).splitlines()[0]})") from None
    try:
        return LabelFile.model_validate(data)
    except ValidationError as e:
        first = e.errors(include_url=False)[0]
        raise InputError(f"{path}: invalid labels at {'.'.join(map(str, first['loc']))}: {first['msg']} "
                         f"({e.error_count()} error(s))") from None


def resolve(ref: str, corpus: Path, seeds: Path) -> Path:
    kind, _, rel = ref.partition(":")
    base = {"corpus": corpus, "seeds": seeds}.get(kind)
    if base is None:
        raise InputError(f"unknown document reference {ref!r} (use corpus:… or seeds:…)")
    return base / rel


def _locate(text: str, quote: str, start: int = 0) -> tuple[int, int] | None:
    """Where `quote` occurs in `text`, looking from `start` first (a commitment quoted from the plan part may
    also occur, word for word, in the review part before it)."""
    if start:
        found = _locate(text[start:], quote)
        if found:
            return found[0] + start, found[1] + start
    q = normalise(quote).text.replace("\n", "")
    i = text.find(q)
    if i >= 0:
        return i, i + len(q)
    # fall back: strip punctuation differences
    core = re.sub(r"[,，。;；、:：“”\"'()（）]", "", q)
    if len(core) >= 4:
        j = text.find(core[:12])
        if j >= 0:
            return j, j + len(q)
    return None


def _unit_key(u: str | None) -> str:
    if not u:
        return ""
    u = re.sub(r"人[（(]次[)）]", "人次", u)  # "36.2万人（次）" counts 人次
    u = re.sub(r"[（(].*?[)）]", "", u)
    return {"百分点": "个百分点"}.get(u, u)


class Evaluation:
    def __init__(self, rules: RuleSet, corpus: Path, seeds: Path):
        self.rules = rules
        self.corpus = corpus
        self.seeds = seeds
        self._cache: dict[Path, Structured] = {}

    def _doc(self, path: Path) -> Structured:
        if path not in self._cache:
            self._cache[path] = structure(load(str(path), path))
        return self._cache[path]

    def available(self, lf: LabelFile) -> bool:
        refs = [lf.commitments_from, *lf.outcomes_from]
        return all(resolve(r, self.corpus, self.seeds).is_file() for r in refs)

    def evaluate_file(self, path: Path, lf: LabelFile) -> dict:
        cpath = resolve(lf.commitments_from, self.corpus, self.seeds)
        opaths = [resolve(r, self.corpus, self.seeds) for r in lf.outcomes_from]
        structured = [self._doc(cpath)] + [self._doc(p) for p in opaths]
        run = analyse(structured, self.rules)
        cdoc = structured[0].document
        text = structured[0].source.text.text
        preds = [c for c in run.results.commitments if c.document == cdoc.id and c.kind == "quantitative"]
        outcomes_by_doc: dict[str, list[Outcome]] = defaultdict(list)
        for o in run.results.outcomes:
            outcomes_by_doc[o.document].append(o)
        items = []
        used: set[str] = set()
        label_sentences: set[tuple[int, int]] = set()
        sentences = [(m.start(), m.end()) for m in re.finditer(r"[^。！？!?;；\n]+[。！？!?;；]?", text)]
        spans = self._exhaustive_span(path, lf, text)
        plan_start = min([a for a, _ in spans] + [p.start for p in structured[0].paragraphs if p.part == "plan"],
                         default=0)
        for k, it in enumerate(lf.items):
            loc = _locate(text, it.quote, plan_start)
            rec = {"file": path.name, "index": k, "label": it, "located": loc is not None, "pred": None}
            if loc:
                s, e = loc
                for a, b in sentences:
                    if a <= s < b or a < e <= b:
                        label_sentences.add((a, b))
                cands = [c for c in preds if c.span.start < e and c.span.end > s and s < c.span.end <= e + 4]
                same = [c for c in cands if c.value is not None and abs(c.value - it.value) < 1e-9]
                pick = (same or cands or [None])[0]
                if pick is not None and pick.id not in used:
                    rec["pred"] = pick
                    used.add(pick.id)
                elif pick is not None and same:
                    rest = [c for c in same if c.id not in used]
                    if rest:
                        rec["pred"] = rest[0]
                        used.add(rest[0].id)
            if it.outcome_quote:
                rec["outcome_found"] = self._outcome_found(it, opaths, outcomes_by_doc)
            items.append(rec)
        # Precision zones. The headline-target paragraph is labelled exhaustively (every number in it), so
        # precision there is exact; in other labelled sentences labellers skipped numbers the next report
        # does not mention, so precision there is a lower bound.
        headline = [(p.start, p.end) for p in structured[0].paragraphs
                    if p.part == "plan" and re.search(r"主要预期目标|主要目标是|预期目标为|预期目标是", p.text)]
        in_headline = [c for c in preds if any(a <= c.span.start < b for a, b in headline)]
        in_span = [c for c in preds if any(a <= c.span.start < b for a, b in spans)]
        exact = {c.id: c for c in in_headline + in_span}
        zones = set(label_sentences) | set(headline) | set(spans)
        in_zone = [c for c in preds if any(a <= c.span.start < b for a, b in zones)]
        return {"file": path.name, "split": lf.split, "items": items, "in_zone": in_zone, "in_headline": in_headline,
                "in_span": in_span, "in_exact": list(exact.values()), "used": used,
                "docs": {d.id: d.path for d in run.results.documents},
                "outcome_span": self._outcome_span(path, lf, structured, outcomes_by_doc)}

    def _outcome_span(self, path: Path, lf: LabelFile, structured: list[Structured], by_doc) -> dict | None:
        """Outcome extraction inside the exhaustively labelled review span: each labelled figure is found when
        an extracted outcome overlaps its quote with the same value; each extracted outcome in the span that
        matches no labelled figure is spurious."""
        ox = lf.outcomes_exhaustive
        if ox is None:
            return None
        if ox.document not in lf.outcomes_from:
            raise InputError(f"{path}: outcomes_exhaustive.document is not one of outcomes_from")
        want = resolve(ox.document, self.corpus, self.seeds)
        s = next((x for x in structured[1:] if Path(x.source.path) == want), None)
        if s is None:
            raise InputError(f"{path}: outcomes_exhaustive.document {ox.document} was not read")
        text = s.source.text.text
        a, b = _locate(text, ox.from_), None
        if a is not None:
            b = _locate(text, ox.to, a[0])
        if a is None or b is None or b[1] <= a[0]:
            raise InputError(f"{path}: outcomes_exhaustive span not found in {ox.document}")
        lo, hi = a[0], b[1]
        span = text[lo:hi]
        preds = [o for o in by_doc.get(s.document.id, []) if o.kind == "quantitative" and not o.all_of
                 and lo <= o.span.start < hi]  # (labels hold printed figures; 全部/全覆盖 print none)
        used: set[str] = set()
        missed, wrong_period, found = [], 0, 0
        for it in ox.items:
            loc = _locate(span, it.quote)
            same = [] if loc is None else [
                o for o in preds if o.span.start < lo + loc[1] and o.span.end > lo + loc[0]
                and o.value is not None and abs(o.value - it.value) < 1e-9]
            hit = next((o for o in same if o.id not in used), None)
            if hit is None:
                missed.append(it.quote)
                continue
            found += 1
            wrong_period += it.period != hit.period and not (hit.partial_year and it.period[:4] == hit.period[:4])
            # "A、B、C均增长10%以上" labelled as one figure and extracted once per thing: the copies are not spurious
            used.update(o.id for o in same if o.quote == hit.quote)
        spurious = [o.quote for o in preds if o.id not in used]
        return {"items": len(ox.items), "found": found, "predicted": len(preds), "matched": len(used),
                "wrong_period": wrong_period, "missed": missed, "spurious": spurious}

    @staticmethod
    def _exhaustive_span(path: Path, lf: LabelFile, text: str) -> list[tuple[int, int]]:
        if lf.exhaustive is None:
            return []
        a = _locate(text, lf.exhaustive.from_)
        b = _locate(text, lf.exhaustive.to)
        if a is None or b is None:
            which = "from" if a is None else "to"
            raise InputError(f"{path}: exhaustive.{which} quote not found in {lf.commitments_from}")
        if b[1] <= a[0]:
            raise InputError(f"{path}: exhaustive span ends before it starts")
        return [(a[0], b[1])]

    def _outcome_found(self, it: LabelItem, opaths: list[Path], by_doc) -> bool:
        for p in opaths:
            s = self._doc(p)
            loc = _locate(s.source.text.text, it.outcome_quote or "")
            if not loc:
                continue
            a, b = loc
            for o in by_doc.get(s.document.id, []):
                if o.span.start < b and o.span.end > a and o.value is not None and it.outcome_value is not None \
                        and abs(o.value - it.outcome_value) < 1e-9:
                    return True
        return False


def evaluate(label_paths: list[Path], rules: RuleSet, corpus: Path | None = None, seeds: Path | None = None,
             split: str = "all") -> dict:
    corpus = corpus or Path(os.environ.get("CHECKER_CORPUS", "../shared/corpus"))
    seeds = seeds or Path("seeds")
    ev = Evaluation(rules, corpus, seeds)
    per_file, skipped = [], []
    for p in label_paths:
        lf = load_labels(p)
        if split != "all" and lf.split != split:
            continue
        if not ev.available(lf):
            skipped.append(p.name)
            continue
        per_file.append(ev.evaluate_file(p, lf))
    return summarise(per_file, skipped)


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _scores(files: list[dict]) -> dict:
    items = [r for f in files for r in f["items"]]
    n = len(items)
    found = [r for r in items if r["pred"] is not None]
    head = [c for f in files for c in f["in_exact"]]
    head_tp = sum(1 for f in files for c in f["in_exact"] if c.id in f["used"])
    span = [c for f in files for c in f["in_span"]]
    span_tp = sum(1 for f in files for c in f["in_span"] if c.id in f["used"])
    zone = [c for f in files for c in f["in_zone"]]
    zone_tp = sum(1 for f in files for c in f["in_zone"] if c.id in f["used"])
    p = round(head_tp / len(head), 4) if head else None
    r = round(len(found) / n, 4) if n else 0.0
    extraction = {"recall": r, "precision": p, "f1": round(2 * p * r / (p + r), 4) if p is not None and p + r else None,
                  "precision_lower_bound_labelled_sentences": round(zone_tp / len(zone), 4) if zone else 0.0,
                  "precision_exhaustive_spans": round(span_tp / len(span), 4) if span else None,
                  "predicted_in_exhaustive_spans": len(span),
                  "items": n, "found": len(found), "predicted_in_exact_zones": len(head),
                  "predicted_in_labelled_sentences": len(zone)}

    def acc(fn) -> float:
        return round(sum(1 for x in found if fn(x["label"], x["pred"])) / len(found), 4) if found else 0.0

    fields = {
        "comparator": acc(lambda l, c: l.comparator == c.comparator),
        "value": acc(lambda l, c: abs(l.value - (c.value or 0)) < 1e-9 and (l.value_high is None or
                                                                          (c.value_high is not None and abs(l.value_high - c.value_high) < 1e-9))),
        "unit": acc(lambda l, c: _unit_key(l.unit) == _unit_key(c.unit)),
        "period": acc(lambda l, c: l.period == c.period),
    }
    conf = {a: {b: 0 for b in STATUSES} for a in STATUSES}
    for x in found:
        conf[x["label"].status][x["pred"].status] += 1
    per_class = {}
    for s in STATUSES:
        tp = conf[s][s]
        fp = sum(conf[o][s] for o in STATUSES if o != s)
        fn = sum(conf[s][o] for o in STATUSES if o != s)
        per_class[s] = _prf(tp, fp, fn)
    macro = round(sum(v["f1"] for v in per_class.values()) / 3, 4)
    correct = sum(conf[s][s] for s in STATUSES)
    claims_on_unreported = sum(conf["unreported"][s] for s in ("met", "missed"))
    no_same_period = sum(1 for x in found if x["pred"].status in ("met", "missed")
                         and not any(e.relation == "same_period" for e in x["pred"].evidence))
    outc = [r for r in items if "outcome_found" in r]
    by_tag: dict[str, list[bool]] = defaultdict(list)
    for x in found:
        for tag in x["label"].hard or []:
            by_tag[tag].append(x["label"].status == x["pred"].status)
    hard = {t: {"items": len(v), "status_accuracy": round(sum(v) / len(v), 4)} for t, v in sorted(by_tag.items())}
    return {
        "hard_cases": hard,
        "extraction": extraction, "fields": fields,
        "status": {"accuracy": round(correct / len(found), 4) if found else 0.0, "macro_f1": macro,
                   "per_class": per_class, "confusion": conf,
                   "claimed_where_label_unreported": claims_on_unreported,
                   "claimed_without_same_period_evidence": no_same_period,
                   "claimed_without_same_period_evidence_rate": round(no_same_period / n, 4) if n else 0.0},
        "outcomes": {"labelled": len(outc), "found": sum(1 for r in outc if r["outcome_found"]),
                     "recall": round(sum(1 for r in outc if r["outcome_found"]) / len(outc), 4) if outc else 0.0,
                     **_outcome_span_scores([f["outcome_span"] for f in files if f.get("outcome_span")])},
    }


def _outcome_span_scores(spans: list[dict]) -> dict:
    if not spans:
        return {}
    items = sum(x["items"] for x in spans)
    found = sum(x["found"] for x in spans)
    pred = sum(x["predicted"] for x in spans)
    matched = sum(x["matched"] for x in spans)
    p = round(matched / pred, 4) if pred else 0.0
    r = round(found / items, 4) if items else 0.0
    return {"span_items": items, "span_predicted": pred, "span_precision": p, "span_recall": r,
            "span_f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "span_period_accuracy": round(1 - sum(x["wrong_period"] for x in spans) / found, 4) if found else 0.0}


def summarise(files: list[dict], skipped: list[str]) -> dict:
    mistakes = []
    for f in files:
        for r in f["items"]:
            lab, c = r["label"], r["pred"]
            where = f"{f['file']}#{r['index']}"
            if c is None:
                mistakes.append({"item": where, "kind": "not_extracted" if r["located"] else "quote_not_found",
                                 "quote": lab.quote, "expected": f"{lab.comparator} {lab.value}{lab.unit}"})
                continue
            errs = []
            if lab.comparator != c.comparator:
                errs.append(f"comparator {c.comparator} ≠ {lab.comparator}")
            if abs(lab.value - (c.value or 0)) > 1e-9:
                errs.append(f"value {c.value} ≠ {lab.value}")
            if _unit_key(lab.unit) != _unit_key(c.unit):
                errs.append(f"unit {c.unit} ≠ {lab.unit}")
            if lab.period != c.period:
                errs.append(f"period {c.period} ≠ {lab.period}")
            if lab.status != c.status:
                errs.append(f"status {c.status} ({c.rule}) ≠ {lab.status}")
            if errs:
                mistakes.append({"item": where, "kind": "wrong", "id": c.id, "quote": lab.quote, "errors": errs,
                                 "explanation": c.explanation})
        for q in (f.get("outcome_span") or {}).get("missed", []):
            mistakes.append({"item": f"{f['file']}#outcomes", "kind": "outcome_not_extracted", "quote": q,
                             "errors": ["labelled outcome not extracted (or with another value)"]})
        for q in (f.get("outcome_span") or {}).get("spurious", []):
            mistakes.append({"item": f"{f['file']}#outcomes", "kind": "outcome_spurious", "quote": q,
                             "errors": ["extracted outcome, no labelled figure"]})
        for c in f["in_exact"]:
            if c.id not in f["used"]:
                mistakes.append({"item": f"{f['file']}#spurious", "kind": "spurious", "id": c.id, "quote": c.quote,
                                 "errors": [f"extracted {c.comparator} {c.value}{c.unit}, no labelled commitment"]})
    out = {
        "files": len(files), "skipped": skipped,
        "overall": _scores(files) if files else None,
        "by_split": {s: _scores([f for f in files if f["split"] == s]) for s in ("dev", "holdout")
                     if any(f["split"] == s for f in files)},
        "by_file": {f["file"]: _brief(_scores([f])) for f in files},
        "mistakes": mistakes,
    }
    return out


def _brief(s: dict) -> dict:
    return {"items": s["extraction"]["items"], "recall": s["extraction"]["recall"],
            "precision": s["extraction"]["precision"], "value": s["fields"]["value"],
            "status_accuracy": s["status"]["accuracy"], "macro_f1": s["status"]["macro_f1"],
            "claimed_where_label_unreported": s["status"]["claimed_where_label_unreported"]}
