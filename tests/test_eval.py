"""The labelled set and `checker eval`: labels validate, and the scores do not regress below measured floors.

Floors are regression guards set a little under what `checker eval tests/labels/*.yaml` measured when they
were last raised (see the README's accuracy table); the issue's targets are higher and tracked there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.evaluate import evaluate, load_labels
from tests.conftest import CORPUS, ROOT

LABELS = sorted((ROOT / "tests" / "labels").glob("*.yaml"))


@pytest.mark.parametrize("path", LABELS, ids=[p.name for p in LABELS])
def test_label_file_valid(path):
    lf = load_labels(path)
    assert lf.items
    assert lf.commitments_from.startswith(("corpus:", "seeds:"))
    for it in lf.items:
        if it.status in ("met", "missed"):
            assert it.outcome_quote and it.outcome_value is not None, it.quote


def test_labelled_set_size_and_coverage():
    files = [load_labels(p) for p in LABELS]
    assert sum(len(f.items) for f in files) >= 300
    assert len({f.government for f in files}) >= 6
    assert len({f.period for f in files}) >= 4
    assert {"dev", "holdout"} <= {f.split for f in files}


def test_seed_labels_evaluate_without_corpus(rules):
    seeds = [p for p in LABELS if p.name.startswith("seeds_")]
    r = evaluate(seeds, rules, corpus=Path("/nonexistent"), seeds=ROOT / "seeds")
    o = r["overall"]
    assert r["files"] == len(seeds)
    assert o["extraction"]["recall"] >= 0.88
    assert o["status"]["claimed_where_label_unreported"] == 0
    assert o["fields"]["value"] >= 0.97


def test_full_evaluation_floors(rules):
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    r = evaluate(LABELS, rules, corpus=CORPUS, seeds=ROOT / "seeds")
    o = r["overall"]
    assert not r["skipped"]
    assert o["extraction"]["recall"] >= 0.96
    assert o["extraction"]["precision"] >= 0.95
    for f in ("comparator", "value", "unit"):
        assert o["fields"][f] >= 0.97, f
    assert o["status"]["macro_f1"] >= 0.76
    assert o["status"]["claimed_without_same_period_evidence_rate"] <= 0.01
    assert o["outcomes"]["recall"] >= 0.94


def test_unavailable_documents_are_skipped_not_failed(rules, tmp_path):
    r = evaluate([p for p in LABELS if not p.name.startswith("seeds_")][:1], rules, corpus=tmp_path / "none",
                 seeds=ROOT / "seeds")
    assert r["files"] == 0 and len(r["skipped"]) == 1
