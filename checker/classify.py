"""The rule engine: give every commitment a status from the ordered levels of `rules/status.yaml`.

The classifier computes a small context of facts per commitment (is there a later report, how does the
best same-period figure compare with the target, was a named project's stage reached, is there only proxy
evidence, was it re-committed) and walks the levels in order; the first level whose conditions pass decides.
Every step is recorded in the commitment's trace, and the decisive level's explanation is filled in.
"""

from __future__ import annotations

import re

from .match import Candidate
from .models import Commitment, Document, Evidence, Outcome, TraceStep
from .rules import STATUS_FIELDS, RuleSet, test_passes

_STEP_FIELDS = frozenset({"step", "detail", "passed"})


def _step(step: str, detail: str, passed: bool | None = None) -> TraceStep:
    """A TraceStep without validation: built in bulk (about ten per commitment) from values we control.
    Equivalent to TraceStep.model_construct, minus its per-call overhead."""
    o = object.__new__(TraceStep)
    object.__setattr__(o, "__dict__", {"step": step, "detail": detail, "passed": passed})
    object.__setattr__(o, "__pydantic_fields_set__", _STEP_FIELDS)
    object.__setattr__(o, "__pydantic_extra__", None)
    object.__setattr__(o, "__pydantic_private__", None)
    return o


def _period_start(p: str) -> int:
    return int(p[:4])


def _period_end(p: str) -> int:
    return int(p.split("-")[-1][:4]) if "-" in p else int(p[:4])


_LEVELS = frozenset({"stock", "share", "level"})
# the review states the final year's level ("预计…", "突破…", "提升至…", "达…")
_END_OF_PERIOD = re.compile(r"预计|年末|年底|末期|突破|超过|超(?=\d)|达|(?:提升|提高|增加|增长|上升)(?:至|到)|增至")
_NEARLY = re.compile(r"(?:接近|将近|近)(?=\d|[一二两三四五六七八九十百千万亿])")  # "粮食产量接近260亿斤": just short
_EVERY_YEAR = re.compile(r"连续(?:\d+|[二两三四五六七八九十])年")
_SUMMED = re.compile(r"累计|合计|总计|共计|五年|新增|新建")
STATUS_LABEL = {"met": "达成 Met", "missed": "未达成 Missed", "unreported": "未报告 Unreported"}


def fmt_value(v: float | None) -> str:
    if v is None:
        return "—"
    return f"{v:.4f}".rstrip("0").rstrip(".")


def describe_target(c: Commitment | Outcome) -> str:
    if c.kind == "qualitative":
        return f"{c.entity or ''}{c.stage or ''}"
    verb = "下降" if c.sign == -1 else ""
    if c.comparator == "range":
        return f"{c.indicator or ''}{verb}{fmt_value(c.value)}–{fmt_value(c.value_high)}{c.unit}"
    suffix = {">=": "以上", "<=": "以内", "~": "左右", "=": ""}.get(c.comparator or "=", "")
    return f"{c.indicator or ''}{verb}{fmt_value(c.value)}{c.unit}{suffix}"


def describe_outcome(o: Outcome) -> str:
    if o.kind == "qualitative":
        return f"{o.entity}{o.stage}"
    if o.all_of:
        return "全部（100%）"
    verb = "下降" if o.sign == -1 else ""
    return f"{verb}{fmt_value(o.value)}{o.unit}"


def full_trace(c: Commitment, doc_path: str) -> list[TraceStep]:
    """The whole decision for display: source span, parsed target, the stored decision steps, the verdict."""
    if c.kind == "quantitative":
        parsed = (f"indicator={c.indicator} (as printed: {c.indicator_raw}); comparator={c.comparator}; "
                  f"value={fmt_value(c.value)}{c.unit or ''}; normalised={fmt_value(c.value_norm)} {c.unit_norm}; "
                  f"measure={c.measure}; period={c.period}")
    else:
        parsed = f"entity={c.entity}; stage promised={c.stage}; period={c.period}"
    page = f" p.{c.page}" if c.page else ""
    return [TraceStep(step="source", detail=f"{doc_path}{page} [{c.span.raw_start}:{c.span.raw_end}] “{c.quote}”"),
            TraceStep(step="parsed", detail=parsed),
            *c.trace,
            TraceStep(step="verdict", detail=f"{STATUS_LABEL.get(c.status or '', c.status)} by {c.rule}: {c.explanation}")]


_PART_NAMES = {"Q1": "一季度", "H1": "上半年", "Q1-Q3": "前三季度", "partial": "部分月份"}


def period_text(period: str) -> str:
    """'2022' -> 2022年, '2022Q1-Q3' -> 2022年前三季度, '2018-2022' -> 2018-2022年."""
    m = re.fullmatch(r"(\d{4})(Q1-Q3|Q1|H1|partial)", period)
    return f"{m.group(1)}年{_PART_NAMES[m.group(2)]}" if m else f"{period}年"


class Classifier:
    def __init__(self, rules: RuleSet, documents: list[Document]):
        self.rules = rules
        self.settings = rules.status.settings
        self.levels = [(lv, *lv.compiled(STATUS_FIELDS)) for lv in rules.status.levels]
        self.direction = {i.name: i.direction for i in rules.indicators.indicators}
        self.stage_rank = {s.name: s.rank for s in rules.stages.stages}
        self.docs = {d.id: d for d in documents}
        self._later: dict[str, list[Document]] = {}

    # ------------------------------------------------------------ comparison
    def compare(self, c: Commitment, o: Outcome) -> tuple[str, str]:
        """('satisfied'|'not_satisfied'|'incomparable', reason)."""
        if c.value_norm is None or o.value_norm is None:
            return "incomparable", "no number on one side"
        if o.all_of and c.unit_norm not in ("%", "pp"):
            # all of the things counted ("贫困村全部出列") reach a floor on their count, and say nothing of a ceiling
            floor = c.comparator in ("=", ">=", "~", "range") and self.direction.get(c.indicator or "") != "lower"
            if c.sign == 1 and floor:
                return "satisfied", f"all of them (全部) ≥ {fmt_value(c.value)}{c.unit}"
            return "incomparable", "all of them (全部) against a ceiling"
        t, v = c.value_norm, o.value_norm
        direction = self.direction.get(c.indicator or "")
        if direction is None:
            direction = "lower" if (c.sign == -1 or c.comparator == "<=") else "higher"
        op = c.comparator or "="
        if c.sign == -1 and op in (">=", "<="):
            op = "<=" if op == ">=" else ">="  # "降低3%以上" is a change of -3 or less
        verdict, why = self._compare(c, t, v, op, direction)
        if (verdict == "satisfied" and direction == "higher" and abs(v - t) <= 1e-9 * max(1.0, abs(t))
                and _NEARLY.search(o.quote)):
            return "not_satisfied", f"{why} — “接近/近” the target is just short of it ({o.quote})"
        if o.comparator == "range" and o.value_high and o.value:
            high, _ = self._compare(c, t, v * o.value_high / o.value, op, direction)
            if high != verdict:  # "两位数增长" (10-99%) against 12%: either side of the target
                return "incomparable", f"{why} — the later figure is only a range ({o.quote})"
        if (verdict == "not_satisfied" and ((o.comparator == ">=" and direction == "higher")
                                             or (o.comparator == "<=" and direction == "lower"))
                and ("-" in o.period or _EVERY_YEAR.search(o.quote))):  # "连续4年超过10万人": a floor held for years
            # a five-year review's milestone ("五年来…地区生产总值突破3000亿元") against 3600亿元: a bound on the
            # wrong side of the target says nothing either way (a one-year "突破" figure is read as the result)
            return "incomparable", f"{why} — the later figure is only a bound ({o.quote})"
        return verdict, why

    def _compare(self, c: Commitment, t: float, v: float, op: str, direction: str) -> tuple[str, str]:
        s = self.settings
        if op == "=":
            if s.plain_figure_reads_as == "exact":
                ok = abs(v - t) <= 1e-9 * max(1.0, abs(t))
                return ("satisfied" if ok else "not_satisfied"), f"exact reading: {fmt_value(v)} vs {fmt_value(t)}"
            op = ">=" if direction == "higher" else "<="
        if op == ">=":
            return ("satisfied" if v >= t else "not_satisfied"), f"{fmt_value(v)} ≥ {fmt_value(t)}?"
        if op == "<=":
            return ("satisfied" if v <= t else "not_satisfied"), f"{fmt_value(v)} ≤ {fmt_value(t)}?"
        if op == "~":
            tol = s.about_tolerance_pp if c.unit_norm in ("%", "pp") else abs(t) * s.about_tolerance_relative
            if direction == "higher":
                return ("satisfied" if v >= t - tol else "not_satisfied"), \
                    f"{fmt_value(v)} ≥ {fmt_value(t)} − {fmt_value(tol)} (左右)?"
            return ("satisfied" if v <= t + tol else "not_satisfied"), \
                f"{fmt_value(v)} ≤ {fmt_value(t)} + {fmt_value(tol)} (左右, ceiling)?"
        if op == "range":
            lo = t
            hi = c.value_high * (t / c.value) if c.value_high and c.value else t  # same scale and sign as t
            if direction == "higher":
                return ("satisfied" if v >= min(lo, hi) else "not_satisfied"), f"{fmt_value(v)} ≥ {fmt_value(min(lo, hi))}?"
            return ("satisfied" if v <= max(lo, hi) else "not_satisfied"), f"{fmt_value(v)} ≤ {fmt_value(max(lo, hi))}?"
        return "incomparable", f"unknown comparator {op}"

    # ------------------------------------------------------------ evidence
    def _relation(self, c: Commitment, o: Outcome) -> str:
        if o.partial_year:
            return "partial_year"
        ends_in_year = "-" in o.period and "-" not in c.period and o.period.endswith(c.period) and o.measure in _LEVELS
        if (ends_in_year and self.settings.five_year_level_settles_final_year and c.measure in _LEVELS
                and _END_OF_PERIOD.search(o.quote) and not _SUMMED.search(o.quote)):
            return "same_period"  # "研发投入强度达到3%" in the 十四五 review is the 2025 level, not a total
        if ends_in_year and c.measure == "stock" and "累计" in c.quote:
            return "same_period"  # a running-total target ("累计达100家") is settled by the running total at its year's end
        if o.cumulative and not (o.period == c.period and c.measure == "stock" and o.measure in _LEVELS):
            return "cumulative"  # a running total settles a stock target of its own year ("总量达7889家")
        if o.period == c.period:
            return "same_period"
        return "other_period"

    def _evidence(self, c: Commitment, k: Candidate, relation: str) -> Evidence:
        o = k.outcome
        return Evidence(outcome=o.id, document=o.document, period=o.period, quote=o.quote, value=o.value, unit=o.unit,
                        stage=o.stage, page=o.page, score=k.score, level=k.level, relation=relation)

    def classify(self, c: Commitment, candidates: list[Candidate], commitments_by_id: dict[str, Commitment]) -> None:
        doc = self.docs[c.document]
        later_docs = self._later.get(doc.id)
        if later_docs is None:
            window = self.rules.matching.max_years_later
            later_docs = self._later[doc.id] = [d for d in self.docs.values()
                                                if d.government == doc.government and d.is_later_than(doc)
                                                and d.year - doc.year <= window]
        # The stored trace holds the decision (candidates, comparison, rules); the source and parsed steps and
        # the verdict are derived from the record itself when shown (full_trace), to keep 100k records small.
        trace: list[TraceStep] = []
        ctx = {"has_later_document": bool(later_docs), "kind": c.kind, "comparison": "none",
               "stage_relation": "none", "evidence_period": "none", "proxy_found": False, "mentioned": False,
               "recommitted": bool(c.repeated_in), "measure": c.measure, "comparator": c.comparator,
               "indicator": c.indicator, "match_level": None, "best_score": None, "best_text_score": None,
               "claim_only": False}
        evidence: list[Evidence] = []
        proxies: list[Evidence] = []
        decisive: Candidate | None = None

        def settle(k: Candidate, relation: str, period: str, **facts) -> None:
            """`k` decides: its outcome is the evidence, read for this period."""
            nonlocal decisive
            decisive = k
            ctx.update(facts, evidence_period=period)
            evidence.append(self._evidence(c, k, relation))

        for k in candidates:
            rel = self._relation(c, k.outcome)
            trace.append(_step(
                step="candidate",
                detail=(f"{k.outcome.id} “{k.outcome.quote}” ({k.outcome.period}): "
                        f"text={k.text_score:.0f}, entity={k.entity_score:.0f}, "
                        f"indicator={'same' if k.same_indicator else 'differs'}, unit={'ok' if k.unit_compatible else 'differs'}, "
                        f"measure={'ok' if k.same_measure else 'differs'}, combined={k.score:.1f}; level {k.level} ({k.label}); "
                        f"period {rel}"),
                passed=k.label in ("strong", "probable")))
            if ctx["match_level"] is None:
                ctx["match_level"], ctx["best_score"], ctx["best_text_score"] = k.level, k.score, k.text_score
            if k.label == "weak":
                if rel == "same_period" and k.score >= 60:
                    ctx["mentioned"] = True
                continue
            if c.kind == "quantitative":
                if k.outcome.value is None:
                    ctx["mentioned"] = True
                    continue
                if rel == "same_period":
                    if decisive is None:
                        result, why = self.compare(c, k.outcome)
                        trace.append(_step(step="compare", detail=f"{describe_target(c)} vs {describe_outcome(k.outcome)}: {why} → {result}",
                                               passed=result == "satisfied"))
                        if result != "incomparable":
                            settle(k, rel, "same", comparison=result)
                elif rel == "partial_year":
                    # a count or amount for part of the plan year that already reaches a floor settles it
                    o = k.outcome
                    if (decisive is None and o.period[:4] == c.period and c.unit_norm not in ("%", "pp")
                            and c.measure in ("flow", "level", "stock") and c.comparator in ("=", ">=", "~")):
                        result, why = self.compare(c, o)
                        if result == "satisfied":
                            trace.append(_step(step="compare", detail=f"{describe_target(c)} vs {describe_outcome(o)} "
                                               f"(part of the year): {why} → reached early", passed=True))
                            settle(k, rel, "partial", comparison=result)
                elif k.score >= self.rules.matching.proxy_cutoff and _period_end(k.outcome.period) >= _period_start(c.period):
                    proxies.append(self._evidence(c, k, rel))
            else:
                o = k.outcome
                if k.label != "strong":
                    ctx["mentioned"] = True
                    continue
                promised = self.stage_rank.get(c.stage or "", 0)
                got = self.stage_rank.get(o.stage or "", 0)
                same = o.period == c.period
                later_ok = self.settings.stage_any_later_period and _period_end(o.period) >= _period_start(c.period)
                if got >= promised and (same or later_ok) and decisive is None:
                    settle(k, "same_period" if same else "other_period", "same" if same else "later",
                           stage_relation="reached")
                    trace.append(_step(step="compare", detail=f"stage {o.stage}({got}) ≥ promised {c.stage}({promised})", passed=True))
                elif got < promised and same and decisive is None:
                    settle(k, "same_period", "same", stage_relation="not_reached")
                    trace.append(_step(step="compare", detail=f"stage {o.stage}({got}) < promised {c.stage}({promised})", passed=False))
                else:
                    ctx["mentioned"] = True
                    if o.period != c.period and _period_end(o.period) >= _period_start(c.period):
                        proxies.append(self._evidence(c, k, "other_period"))
        ctx["proxy_found"] = bool(proxies) and not evidence
        if not candidates:
            trace.append(_step(step="candidate", detail="no candidate outcome in later reports of this government"))
        # Walk the status levels; one trace step lists every level tried (one line each) and why.
        chosen = None
        tried: list[str] = []
        for lv, when, anys in self.levels:
            ok = lv.else_ or (all(test_passes(t, ctx) for t in when) and
                              (not anys or any(all(test_passes(t, ctx) for t in g) for g in anys)))
            if ok:
                tried.append(f"✓ {lv.code} {lv.name}: passed")
                chosen = lv
                break
            failed = [f"{t.field} {t.op} {t.value!r} (is {ctx.get(t.field)!r})" for t in when if not test_passes(t, ctx)]
            tried.append(f"✗ {lv.code} {lv.name}: failed: " + ("; ".join(failed) or "no 'any' group passed"))
        trace.append(_step("rules", "\n".join(tried), chosen is not None))
        assert chosen is not None  # the last level is an explicit fallback
        c.status = chosen.status
        c.rule = chosen.code
        c.rule_name = chosen.name
        c.unreported_kind = chosen.unreported_kind
        c.evidence = evidence if chosen.status != "unreported" else []
        c.proxy_evidence = proxies + (evidence if chosen.status == "unreported" else [])
        c.explanation = self._explain(chosen.explanation, c, decisive, proxies, later_docs, commitments_by_id)
        c.trace = trace

    def _explain(self, template: str, c: Commitment, k: Candidate | None, proxies: list[Evidence],
                 later_docs: list[Document], by_id: dict[str, Commitment]) -> str:
        o = k.outcome if k else None
        def docname(doc_id: str) -> str:
            d = self.docs[doc_id]
            kind = {"work_report": "政府工作报告", "plan": "计划报告", "news": "会议报道", "other": "文件"}[d.kind]
            return f"{d.year}年{kind}"
        values = {
            "target": describe_target(c), "outcome": describe_outcome(o) if o else "—",
            "outcome_document": docname(o.document) if o else "—", "outcome_period": o.period if o else "—",
            "outcome_period_text": period_text(o.period) if o else "—",
            "period": c.period, "indicator": c.indicator or "", "entity": c.entity or "", "stage": c.stage or "",
            "outcome_stage": (o.stage or "") if o else "",
            "later_documents": "、".join(docname(d.id) for d in sorted(later_docs, key=lambda d: d.order_key())) or "无",
            "proxy": "；".join(f"{p.period}：{p.quote}" for p in proxies[:2]) or "—",
            "recommitted_in": "、".join(sorted({docname(by_id[x].document) for x in c.repeated_in if x in by_id})) or "后续计划",
            "tolerance": fmt_value(self.settings.about_tolerance_pp), "score": f"{k.score:.0f}" if k else "—",
        }
        # Plain {name} substitution from a fixed table: rule text is never evaluated.
        return re.sub(r"\{([a-z_]+)\}", lambda m: values.get(m.group(1), m.group(0)), template)
