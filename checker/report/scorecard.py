"""Scorecards: one HTML page per government and plan period, rendered to PDF by WeasyPrint.

jinja2 with autoescape and StrictUndefined; CSS inlined; WeasyPrint gets a URL fetcher that refuses every
URL, so text taken from documents can never make the renderer read a file or touch the network. Any warning
WeasyPrint logs (a missing glyph, a refused URL) fails the render.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from dataclasses import dataclass
from importlib import resources

import jinja2

from ..classify import describe_target, fmt_value, full_trace
from ..errors import OutputError
from ..models import Commitment, Results
from ..review.queue import KIND_ZH as QUEUE_KIND
from ..review.queue import build_queue
from ..rules import RuleSet

STATUSES = ("met", "missed", "unreported")
STATUS_ZH = {"met": "达成", "missed": "未达成", "unreported": "未报告"}
STATUS_EN = {"met": "Met", "missed": "Missed", "unreported": "Unreported"}
STATUS_COLOR = {"met": "#2e7d32", "missed": "#c62828", "unreported": "#9e9e9e"}
UNREPORTED_ZH = {"no_later_report": "无后续报告", "later_reports_silent": "后续报告未提及",
                 "mentioned_without_figure": "提及但无数据", "proxy_only": "仅有他期或累计数据", "recommitted": "再次承诺"}
KIND_ZH = {"work_report": "政府工作报告", "plan": "国民经济和社会发展计划", "news": "会议报道", "other": "其他文件"}
UNMATCHED_SHOWN = 40
QUEUE_SHOWN = 30


@dataclass
class Card:
    government: str
    period: str
    html: str  # the HTML scorecard (with each verdict's decision trace on demand)
    pdf_html: str  # the same page for print: no traces (hidden in print anyway; they only cost layout time)


def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("checker", "report/templates"),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "j2", "xml"), default=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["num"] = fmt_value
    return env


def _css() -> str:
    return resources.files("checker").joinpath("report/templates/scorecard.css").read_text(encoding="utf-8")


def groups(results: Results) -> dict[tuple[str, str], list[Commitment]]:
    g: dict[tuple[str, str], list[Commitment]] = defaultdict(list)
    for c in results.commitments:
        g[(c.government, c.period)].append(c)
    return dict(sorted(g.items()))


def build_cards(results: Results, rules: RuleSet, run=None) -> list[Card]:
    env = _env()
    template = env.get_template("scorecard.html.j2")
    css = _css()
    docs = {d.id: d for d in results.documents}
    outcomes = {o.id: o for o in results.outcomes}
    commitments = {c.id: c for c in results.commitments}
    cards = []
    queue = []
    if run is not None:
        queue = build_queue(run)
    for (gov, period), all_cs in groups(results).items():
        cs = [c for c in all_cs if not c.excluded]
        excluded = [c for c in all_cs if c.excluded]
        if not cs:
            cs = all_cs[:0]
        counts = Counter(c.status for c in cs)
        rated = counts["met"] + counts["missed"]
        areas: dict[str, list[Commitment]] = defaultdict(list)
        for c in cs:
            areas[c.area].append(c)
        area_rows = []
        max_n = max([len(v) for v in areas.values()] or [1])
        for name, items in sorted(areas.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            ac = Counter(c.status for c in items)
            segs, x = [], 0.0
            for s in STATUSES:
                w = 300.0 * ac[s] / max_n
                if ac[s]:
                    segs.append({"x": round(x, 1), "w": round(w, 1), "color": STATUS_COLOR[s]})
                x += w
            area_rows.append({"name": name, "n": len(items), "counts": {s: ac[s] for s in STATUSES}, "segments": segs,
                              "items": [_row(c, docs) for c in sorted(items, key=_sort_key)]})
        doc_ids = {c.document for c in cs}
        later_ids = {d.id for d in results.documents if d.government == gov and
                     any(d.is_later_than(docs[x]) for x in doc_ids)}
        used = {e.outcome for c in results.commitments for e in c.evidence}
        unmatched = [o for o in results.outcomes if o.government == gov and o.period == period and
                     o.document in later_ids and o.id not in used and o.kind == "quantitative" and not o.partial_year]
        repeats = [{"quote": c.quote, "document": docs[c.document].path,
                    "later": [f"{docs[commitments[r].document].path}：{commitments[r].quote}" for r in c.repeated_in
                              if r in commitments]}
                   for c in cs if c.repeated_in]
        conflicts = [x for x in results.conflicts if x.government == gov and x.period == period]
        conflict_rows = [{"indicator": x.indicator,
                          "items": [f"{commitments[i].quote}（{docs[commitments[i].document].path}）" for i in x.commitments]}
                         for x in conflicts]
        used_rules = Counter(c.rule for c in cs)
        rule_rows = [{"code": lv.code, "name": lv.name, "label": lv.label, "description": lv.description,
                      "n": used_rules.get(lv.code, 0)} for lv in rules.status.levels]
        ctx = dict(
            css=css, government=gov, period=period,
            total=len(cs), counts={s: counts[s] for s in STATUSES},
            quantitative=sum(c.kind == "quantitative" for c in cs),
            met_rate=(f"{100 * counts['met'] / rated:.0f}%" if rated else "—"),
            coverage=f"{100 * rated / len(cs):.0f}%" if cs else "—",
            reviewed=sum(1 for c in all_cs if c.review), excluded=[_row(c, docs) for c in excluded],
            queue=[q for q in queue if q.government == gov and q.period == period][:QUEUE_SHOWN],
            queue_total=sum(1 for q in queue if q.government == gov and q.period == period),
            queue_counts=Counter(q.kind for q in queue if q.government == gov and q.period == period),
            queue_kind_zh=QUEUE_KIND,
            unreported_kinds=[(UNREPORTED_ZH[k], n) for k, n in
                              Counter(c.unreported_kind for c in cs if c.unreported_kind).most_common()],
            areas=area_rows, status_zh=STATUS_ZH, status_en=STATUS_EN, status_color=STATUS_COLOR,
            repeats=repeats, conflicts=conflict_rows,
            unmatched=[{"quote": o.quote, "document": docs[o.document].path, "indicator": o.indicator or ""}
                       for o in unmatched[:UNMATCHED_SHOWN]],
            unmatched_total=len(unmatched), unmatched_shown=min(len(unmatched), UNMATCHED_SHOWN),
            rules=rule_rows, digest=rules.digest, rules_files=sorted(rules.files.items()),
            documents=[{"path": d.path, "kind": KIND_ZH[d.kind], "delivered": d.delivered.isoformat() if d.delivered else f"{d.year}年",
                        "sha": d.sha256[:12], "role": "承诺来源" if d.id in doc_ids else ("后续报告" if d.id in later_ids else "")}
                       for d in results.documents if d.government == gov],
            outcomes=outcomes,
        )
        cards.append(Card(gov, period, template.render(for_pdf=False, **ctx), template.render(for_pdf=True, **ctx)))
    return cards


def _sort_key(c: Commitment):
    return ({"missed": 0, "met": 1, "unreported": 2}[c.status or "unreported"], c.kind != "quantitative", c.span.start)


def _row(c: Commitment, docs) -> dict:
    ev = c.evidence[0] if c.evidence else None
    proxy = c.proxy_evidence[0] if c.proxy_evidence else None
    return {
        "id": c.id, "quote": c.quote, "source": docs[c.document].path + (f" 第{c.page}页" if c.page else ""),
        "target": describe_target(c),
        "tier": "（力争）" if c.tier == "stretch" else "",
        "status": c.status, "rule": c.rule, "explanation": c.explanation or "",
        "outcome": (f"{'下降' if ev.value is not None and ev.value < 0 else ''}{fmt_value(ev.value)}{ev.unit or ''}"
                    if ev and ev.value is not None else (ev.stage or "") if ev else "—"),
        "evidence": ev.quote if ev else "",
        "evidence_source": (docs[ev.document].path + (f" 第{ev.page}页" if ev.page else "")) if ev else "",
        "proxy": f"{proxy.period}：{proxy.quote}" if proxy else "",
        "unreported": UNREPORTED_ZH.get(c.unreported_kind or "", ""),
        "trace": full_trace(c, docs[c.document].path),
        "review": c.review,
    }


def render_pdf(html: str) -> bytes:
    import weasyprint
    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    class DenyAll(URLFetcher):
        def fetch(self, url, headers=None):  # noqa: D401
            raise FatalURLFetchingError(f"blocked URL in scorecard: {url[:80]}")

    records: list[logging.LogRecord] = []

    class Catch(logging.Handler):
        def emit(self, record):
            if record.levelno >= logging.WARNING:
                records.append(record)

    handler = Catch()
    loggers = [logging.getLogger("weasyprint"), logging.getLogger("weasyprint.progress")]
    for lg in loggers:
        lg.addHandler(handler)
    try:
        try:
            pdf = weasyprint.HTML(string=html, base_url=None, url_fetcher=DenyAll()).write_pdf()
        except FatalURLFetchingError as e:  # a BaseException subclass
            raise OutputError(f"scorecard rendering refused a URL: {e}") from None
    finally:
        for lg in loggers:
            lg.removeHandler(handler)
    if records:
        msgs = "; ".join(r.getMessage()[:120] for r in records[:3])
        raise OutputError(f"WeasyPrint reported {len(records)} warning(s): {msgs}")
    return pdf
