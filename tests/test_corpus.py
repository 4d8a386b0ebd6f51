"""Runs over real reports from ../shared/corpus (skipped when it is absent)."""

from __future__ import annotations

import pytest

from checker.pipeline import run


def test_sample_of_corpus_cities(corpus, rules):
    files = [corpus / "政府工作报告-主要城市" / "郑州市" / f"{y}.md" for y in (2022, 2023, 2024, 2025, 2026)]
    r = run(files, rules)
    s = r.results.summary
    assert s.documents == 5
    assert s.status_counts["met"] > 20
    docs = {d.id: d for d in r.results.documents}
    assert {d.government for d in docs.values()} == {"郑州市"}
    for c in r.results.commitments:
        for e in c.evidence:
            assert docs[e.document].is_later_than(docs[c.document])
            assert e.relation == "same_period" or c.kind == "qualitative"


@pytest.mark.slow
def test_whole_corpus_runs(corpus, rules):
    r = run([corpus], rules)
    s = r.results.summary
    print(f"\ncorpus: {s.documents} documents, {s.commitments} commitments ({s.quantitative} quantitative), "
          f"{s.outcomes} outcomes, statuses {s.status_counts}, unreported kinds {s.unreported_kinds}")
    assert s.documents == 932
    assert s.commitments > 10000
