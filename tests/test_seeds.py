"""End-to-end checks on the five founding documents (the issue's 'done when' list)."""

from __future__ import annotations

import pytest

DETECTED = [
    # file, government, kind, delivered, year, reviews contains, plans contains
    ("beiguan_2023_work_report.txt", "北关区", "work_report", "2023-06-24", 2023, "2022", "2023"),
    ("beiguan_2023_plan.txt", "北关区", "plan", None, 2023, "2022", "2023"),
    ("beiguan_2024_congress_news.txt", "北关区", "news", None, 2024, None, "2024"),
    ("beiguan_2026_work_report.txt", "北关区", "work_report", "2026-02-27", 2026, "2021-2025", "2026"),
    ("hongqi_2023_work_report.txt", "红旗区", "work_report", "2023-02-26", 2023, "2022", "2023"),
]


@pytest.mark.parametrize("name,gov,kind,delivered,year,reviews,plans", DETECTED, ids=[d[0] for d in DETECTED])
def test_detection(seeds_run, name, gov, kind, delivered, year, reviews, plans):
    doc = next(d for d in seeds_run.results.documents if d.path.endswith(name))
    assert doc.government == gov
    assert doc.kind == kind
    assert (doc.delivered.isoformat() if doc.delivered else None) == delivered
    assert doc.year == year
    if reviews:
        assert reviews in doc.reviews
    assert plans in doc.plans


def _commitments(run, name):
    doc = next(d for d in run.results.documents if d.path.endswith(name))
    return [c for c in run.results.commitments if c.document == doc.id]


HEADLINE_2023 = [
    ("地区生产总值", "=", 7.5, "%"),
    ("规模以上工业增加值", ">=", 10, "%"),
    ("固定资产投资", ">=", 10, "%"),
    ("工业投资", ">=", 10, "%"),
    ("社会消费品零售总额", "=", 10, "%"),
    ("一般公共预算收入", ">=", 7, "%"),
]


@pytest.mark.parametrize("indicator,comparator,value,unit", HEADLINE_2023, ids=[h[0] for h in HEADLINE_2023])
def test_beiguan_2023_headline_targets(seeds_run, indicator, comparator, value, unit):
    cs = [c for c in _commitments(seeds_run, "beiguan_2023_work_report.txt")
          if c.indicator == indicator and c.measure == "growth" and c.period == "2023"]
    assert cs, f"no 2023 commitment for {indicator}"
    assert (cs[0].comparator, cs[0].value, cs[0].unit) == (comparator, value, unit)


def test_first_quarter_figures_are_not_commitments(seeds_run):
    cs = _commitments(seeds_run, "beiguan_2023_work_report.txt")
    assert not [c for c in cs if c.value in (17.2, 18.4, 14.4, 30.2) and c.unit == "%"]
    partial = [o for o in seeds_run.results.outcomes if o.partial_year]
    assert any(o.value == 17.2 for o in partial), "the 一季度 figures are kept as partial-year outcomes"


def test_no_partial_year_figure_is_evidence(seeds_run):
    partial = {o.id for o in seeds_run.results.outcomes if o.partial_year}
    for c in seeds_run.results.commitments:
        assert not {e.outcome for e in c.evidence + c.proxy_evidence} & partial


def test_two_commitments_from_one_sentence(seeds_run):
    cs = [c for c in _commitments(seeds_run, "beiguan_2023_work_report.txt") if c.indicator == "签约项目"]
    assert sorted((c.comparator, c.value) for c in cs) == [(">=", 5), (">=", 25)]


def test_glossary_is_not_extracted(seeds_run):
    for c in _commitments(seeds_run, "beiguan_2023_work_report.txt"):
        assert "每年培育创新型中小企业" not in c.quote  # provincial goal quoted in the 词语解释


def test_headquarters_phase_two_met_by_2026_report(seeds_run):
    docs = {d.id: d for d in seeds_run.results.documents}
    hits = [c for c in seeds_run.results.commitments if c.entity and "建筑业总部" in c.entity and "二期" in c.entity]
    periods = {c.period for c in hits}
    assert {"2023", "2024"} <= periods
    for c in hits:
        assert c.status == "met", (c.quote, c.explanation)
        assert c.rule == "MET02"
        assert any("建筑业总部二期建成投用" in e.quote and docs[e.document].path.endswith("beiguan_2026_work_report.txt")
                   for e in c.evidence)


def test_governments_never_mix(seeds_run):
    docs = {d.id: d for d in seeds_run.results.documents}
    outcomes = {o.id: o for o in seeds_run.results.outcomes}
    for c in seeds_run.results.commitments:
        for e in c.evidence + c.proxy_evidence:
            assert docs[e.document].government == c.government
            assert outcomes[e.outcome].government == c.government
    hongqi = [c for c in seeds_run.results.commitments if c.government == "红旗区"]
    assert hongqi and all(c.status == "unreported" and c.unreported_kind == "no_later_report" for c in hongqi)


def test_most_2023_2024_commitments_honestly_unreported(seeds_run):
    cs = [c for c in seeds_run.results.commitments if c.government == "北关区" and c.period in ("2023", "2024")]
    unrep = [c for c in cs if c.status == "unreported"]
    assert len(unrep) / len(cs) > 0.9
    assert all(c.unreported_kind and c.explanation for c in unrep)
    # numeric targets are never met or missed: nothing reviews 2023 or 2024
    assert not [c for c in cs if c.kind == "quantitative" and c.status != "unreported"]


def test_conflict_between_work_report_and_plan(seeds_run):
    conflicts = [x for x in seeds_run.results.conflicts if x.indicator == "工业投资" and x.period == "2023"]
    assert conflicts
    assert any("10%" in v for v in conflicts[0].values) and any("15%" in v for v in conflicts[0].values)


def test_ids_are_stable(rules, seeds_run):
    from checker.pipeline import run
    from tests.conftest import ROOT

    again = run([ROOT / "seeds"], rules)
    assert [c.id for c in again.results.commitments] == [c.id for c in seeds_run.results.commitments]
    assert len({c.id for c in seeds_run.results.commitments}) == len(seeds_run.results.commitments)


def test_every_verdict_explained(seeds_run):
    for c in seeds_run.results.commitments:
        assert c.status and c.rule and c.explanation and c.trace
        assert c.trace[-1].step == "rules"
        if c.status in ("met", "missed"):
            assert c.evidence


def test_quotes_map_back_to_raw_text(seeds_run):
    for s in seeds_run.structured:
        raw = s.source.raw
        for c in [c for c in seeds_run.results.commitments if c.document == s.document.id][:80]:
            printed = raw[c.span.raw_start:c.span.raw_end]
            assert printed == c.raw_quote
            squeeze = lambda t: "".join(t.split())
            assert squeeze(printed)[:4] == squeeze(c.raw_quote)[:4]
