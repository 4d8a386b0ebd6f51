"""The review queue: what needs a human, most uncertain first.

Kinds: conflicting targets between documents; verdicts that rest on a match near the threshold; commitments
left unmatched although later reports exist; commitments with only proxy evidence; outcomes nobody
committed to. Records an auditor has already decided are left out.
"""

from __future__ import annotations

from collections import defaultdict

from pydantic import BaseModel

from ..pipeline import Run

KIND_ZH = {"conflict": "目标冲突", "near_threshold": "临界匹配", "unmatched": "未匹配", "proxy_only": "仅有他期数据",
           "uncommitted_outcome": "无对应承诺的结果"}
KIND_ORDER = ("conflict", "near_threshold", "unmatched", "proxy_only", "uncommitted_outcome")


class QueueItem(BaseModel):
    kind: str
    target: str
    target_kind: str
    government: str
    period: str
    area: str
    status: str | None
    quote: str
    reason: str
    uncertainty: float  # 0..1, higher = more uncertain (sorted first)
    candidates: list[dict] = []


def build_queue(run: Run, government: str | None = None, period: str | None = None, area: str | None = None,
                status: str | None = None, near: float = 12.0) -> list[QueueItem]:
    res = run.results
    items: list[QueueItem] = []
    cut = _threshold(run)
    for c in res.commitments:
        if c.review is not None or c.excluded:
            continue
        cands = [{"outcome": k.outcome.id, "quote": k.outcome.quote, "value": k.outcome.value, "unit": k.outcome.unit,
                  "period": k.outcome.period, "score": k.score, "text_score": k.text_score, "level": k.level,
                  "label": k.label} for k in run.candidates.get(c.id, [])]
        base = dict(target=c.id, target_kind="commitment", government=c.government, period=c.period, area=c.area,
                    status=c.status, quote=c.quote, candidates=cands)
        if c.conflicts_with:
            items.append(QueueItem(kind="conflict", reason=f"与 {len(c.conflicts_with)} 项同期目标数值不一致",
                                   uncertainty=1.0, **base))
        elif c.status in ("met", "missed") and c.evidence and c.evidence[0].level in cut:
            ev = c.evidence[0]
            margin = abs(_text(run, c.id, ev.outcome) - cut[ev.level])
            if margin <= near:
                items.append(QueueItem(kind="near_threshold", reason=f"依据匹配（{ev.level}）距阈值 {margin:.0f} 分",
                                       uncertainty=round(0.9 - margin / (near * 10), 3), **base))
        elif c.status == "unreported" and c.unreported_kind in ("later_reports_silent", "mentioned_without_figure"):
            best = max((k["score"] for k in cands), default=0.0)
            items.append(QueueItem(kind="unmatched", reason=f"后续报告存在但未找到依据（最佳候选 {best:.0f} 分）",
                                   uncertainty=round(0.3 + best / 250, 3), **base))
        elif c.status == "unreported" and c.unreported_kind == "proxy_only":
            items.append(QueueItem(kind="proxy_only", reason="只有其他时期或累计数据",
                                   uncertainty=0.5, **base))
    # Outcomes nobody committed to, for periods some commitment of that government covers.
    periods = defaultdict(set)
    for c in res.commitments:
        periods[c.government].add(c.period)
    for o in res.outcomes:
        if o.used_by or o.review is not None or o.excluded or o.kind != "quantitative" or o.partial_year \
                or o.cumulative or o.period not in periods[o.government]:
            continue
        items.append(QueueItem(kind="uncommitted_outcome", target=o.id, target_kind="outcome", government=o.government,
                               period=o.period, area=o.area, status=None, quote=o.quote,
                               reason="后续报告中的量化结果，没有承诺与之对应", uncertainty=0.1))
    items = [i for i in items if (government is None or i.government == government)
             and (period is None or i.period == period) and (area is None or i.area == area)
             and (status is None or i.status == status)]
    items.sort(key=lambda i: (-i.uncertainty, KIND_ORDER.index(i.kind), i.government, i.period, i.target))
    return items


def _threshold(run: Run) -> dict[str, float]:
    """The text-score cutoff of each matching level that has one (a match near it is uncertain)."""
    from ..rules import MATCH_FIELDS

    out = {}
    for lv in run.rules.matching.levels:
        when, _ = lv.compiled(MATCH_FIELDS)
        for t in when:
            if t.field in ("text_score", "entity_score") and t.op in ("ge", "gt"):
                out[lv.code] = float(t.value)
    return out


def _text(run: Run, cid: str, oid: str) -> float:
    for k in run.candidates.get(cid, []):
        if k.outcome.id == oid:
            return k.entity_score if k.level == "MAT02" else k.text_score
    return 0.0


def counts(items: list[QueueItem]) -> dict[str, int]:
    out = {k: 0 for k in KIND_ORDER}
    for i in items:
        out[i.kind] += 1
    return out
