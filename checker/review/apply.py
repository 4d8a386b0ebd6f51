"""Apply auditor decisions to a run: outcome decisions before matching, commitment decisions after classifying.

A decision whose record no longer exists (or that cannot apply, e.g. evidence from another government) is
reported as orphaned with the reason; it is never dropped from the store.
"""

from __future__ import annotations

from ..classify import Classifier, describe_outcome, describe_target
from ..models import Commitment, Evidence, Outcome, OrphanDecision, ReviewMark
from .store import Decision, in_force

REVIEW_RULES = {
    "REV01": "review.evidence_chosen",
    "REV02": "review.status_set",
    "REV03": "review.not_a_commitment",
    "REV04": "review.unratable",
    "REV05": "review.match_rejected",
}


def _mark(d: Decision, c: Commitment | Outcome) -> ReviewMark:
    return ReviewMark(action=d.action, note=d.note, reviewer=d.reviewer, at=d.created_at or "", seq=d.seq or 0,
                      outcome=d.outcome, machine_status=getattr(c, "status", None), machine_rule=getattr(c, "rule", None))


def _by(d: Decision) -> str:
    return f"审核意见（{d.reviewer}，{(d.created_at or '')[:10]}）：{d.note}"


def apply_outcome_decisions(outcomes: list[Outcome], decisions: list[Decision]) -> list[OrphanDecision]:
    ids = {o.id: o for o in outcomes}
    orphans = []
    for target, ds in in_force([d for d in decisions if d.target_kind == "outcome"]).items():
        o = ids.get(target)
        if o is None:
            orphans += [_orphan(d, "outcome not found in this run") for d in ds]
            continue
        for d in ds:
            if d.action == "set_period":
                o.period = d.period or o.period
                o.cumulative = "-" in (d.period or "")
                o.partial_year = False
            elif d.action == "not_an_outcome":
                o.excluded = True
            o.review = _mark(d, o)
    return orphans


def _orphan(d: Decision, reason: str) -> OrphanDecision:
    return OrphanDecision(seq=d.seq or 0, target=d.target, action=d.action, reviewer=d.reviewer, note=d.note,
                          reason=reason)


def apply_commitment_decisions(commitments: list[Commitment], outcomes: list[Outcome], decisions: list[Decision],
                               classifier: Classifier) -> tuple[int, list[OrphanDecision]]:
    by_id = {c.id: c for c in commitments}
    outs = {o.id: o for o in outcomes}
    docs = classifier.docs
    applied, orphans = 0, []
    for target, ds in in_force([d for d in decisions if d.target_kind == "commitment"]).items():
        c = by_id.get(target)
        if c is None:
            orphans += [_orphan(d, "commitment not found in this run (document changed or removed)") for d in ds]
            continue
        for d in ds:
            mark = _mark(d, c)
            if d.action in ("accept_match", "pick_evidence"):
                o = outs.get(d.outcome or "")
                if o is None:
                    orphans.append(_orphan(d, f"outcome {d.outcome} not found in this run"))
                    continue
                if o.government != c.government or not docs[o.document].is_later_than(docs[c.document]):
                    orphans.append(_orphan(d, f"outcome {o.id} is not from a later report of {c.government}"))
                    continue
                if d.action == "accept_match" and any(e.outcome == o.id for e in c.evidence):
                    c.review = mark
                    c.explanation = f"{c.explanation} {_by(d)}"
                    applied += 1
                    continue
                _choose(c, o, d, classifier)
            elif d.action == "reject_match":
                before = len(c.evidence)
                c.evidence = [e for e in c.evidence if e.outcome != d.outcome]
                c.proxy_evidence = [e for e in c.proxy_evidence if e.outcome != d.outcome]
                if before and not c.evidence:
                    c.status, c.rule, c.rule_name = "unreported", "REV05", REVIEW_RULES["REV05"]
                    c.unreported_kind = "later_reports_silent"
                    c.explanation = f"原匹配被否决，无其他同期依据。{_by(d)}"
                else:
                    c.explanation = f"{c.explanation} {_by(d)}"
            elif d.action == "set_status":
                c.status, c.rule, c.rule_name = d.status, "REV02", REVIEW_RULES["REV02"]
                c.unreported_kind = "later_reports_silent" if d.status == "unreported" else None
                label = {"met": "达成", "missed": "未达成", "unreported": "未报告"}[d.status or "unreported"]
                c.explanation = f"人工判定为{label}。{_by(d)}"
            elif d.action == "not_a_commitment":
                c.excluded = True
                c.rule, c.rule_name = "REV03", REVIEW_RULES["REV03"]
                c.explanation = f"审核认定不是承诺，不计入统计。{_by(d)}"
            elif d.action == "unratable":
                c.status, c.rule, c.rule_name = "unreported", "REV04", REVIEW_RULES["REV04"]
                c.unreported_kind = "mentioned_without_figure"
                c.evidence = []
                c.explanation = f"审核认定无法评定。{_by(d)}"
            c.review = mark
            applied += 1
    return applied, orphans


def _choose(c: Commitment, o: Outcome, d: Decision, classifier: Classifier) -> None:
    rel = "same_period" if o.period == c.period else "other_period"
    ev = Evidence(outcome=o.id, document=o.document, period=o.period, quote=o.quote, value=o.value, unit=o.unit,
                  stage=o.stage, score=100.0, level="REV01", relation=rel)
    if c.kind == "quantitative":
        result, why = classifier.compare(c, o)
        status = {"satisfied": "met", "not_satisfied": "missed"}.get(result, "unreported")
    else:
        promised = classifier.stage_rank.get(c.stage or "", 0)
        got = classifier.stage_rank.get(o.stage or "", 0)
        status, why = ("met" if got >= promised else "missed"), f"stage {o.stage} vs {c.stage}"
    c.evidence = [ev]
    c.status, c.rule, c.rule_name = status, "REV01", REVIEW_RULES["REV01"]
    c.unreported_kind = "mentioned_without_figure" if status == "unreported" else None
    c.explanation = (f"审核选定依据：目标{describe_target(c)}，结果{describe_outcome(o)}（{why}）。{_by(d)}")
