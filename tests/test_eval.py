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
    tagged = sum(1 for r in [load_labels(p) for p in seeds] for it in r.items if it.hard)
    assert sum(h["items"] for h in o["hard_cases"].values()) >= min(tagged, 1)


def test_full_evaluation_floors(rules):
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    r = evaluate(LABELS, rules, corpus=CORPUS, seeds=ROOT / "seeds")
    o = r["overall"]
    assert not r["skipped"]
    assert o["extraction"]["recall"] >= 0.97
    assert o["extraction"]["precision"] >= 0.93  # the issue's target; 0.956 on the 84 files of session 5's end
    assert o["extraction"]["precision_exhaustive_spans"] >= 0.93
    for f in ("comparator", "value", "unit"):
        assert o["fields"][f] >= 0.97, f
    assert o["status"]["macro_f1"] >= 0.90  # a regression guard: 0.922 on the 84 files of session 5's end
    assert o["status"]["claimed_without_same_period_evidence_rate"] <= 0.01
    assert o["outcomes"]["recall"] >= 0.95


def test_unavailable_documents_are_skipped_not_failed(rules, tmp_path):
    r = evaluate([p for p in LABELS if not p.name.startswith("seeds_")][:1], rules, corpus=tmp_path / "none",
                 seeds=ROOT / "seeds")
    assert r["files"] == 0 and len(r["skipped"]) == 1


def _seed_labels(name: str) -> dict:
    """A seed label file as plain data, to be varied by a test and written with `_write_labels`."""
    from ruamel.yaml import YAML

    return YAML(typ="safe").load((ROOT / "tests" / "labels" / name).read_text(encoding="utf-8"))


def _write_labels(path: Path, data: dict) -> Path:
    from ruamel.yaml import YAML

    with path.open("w", encoding="utf-8") as fh:
        YAML(typ="safe", pure=True).dump(data, fh)
    return path


def _hongqi_span_labels(tmp_path: Path, drop: str | None = None, to: str = "均高于全市平均水平") -> Path:
    """The 红旗区 headline paragraph as an exhaustive span (its six targets), optionally minus one item."""
    data = _seed_labels("seeds_hongqi_2023.yaml")
    data["items"] = [it for it in data["items"][:6] if it["quote"] != drop]
    data["exhaustive"] = {"from": "主要预期目标是：GDP", "to": to,
                          "not_commitments": [{"quote": "人均 GDP", "why": "no number"}]}
    return _write_labels(tmp_path / "span.yaml", data)


def test_exhaustive_span_gives_exact_precision_and_lists_spurious(rules, tmp_path):
    full = evaluate([_hongqi_span_labels(tmp_path)], rules, corpus=Path("/nonexistent"), seeds=ROOT / "seeds")
    e = full["overall"]["extraction"]
    assert e["predicted_in_exhaustive_spans"] == 6
    assert e["precision_exhaustive_spans"] == 1.0
    assert not [m for m in full["mistakes"] if m["kind"] == "spurious"]
    # A commitment the labeller left out of the span turns the prediction into a counted false positive.
    short = evaluate([_hongqi_span_labels(tmp_path, drop="固定资产投资增长15%以上")], rules,
                     corpus=Path("/nonexistent"), seeds=ROOT / "seeds")
    e = short["overall"]["extraction"]
    assert e["precision_exhaustive_spans"] == round(5 / 6, 4)
    assert [m["quote"] for m in short["mistakes"] if m["kind"] == "spurious"] == ["固定资产投资增长15%以上"]


def test_exhaustive_span_not_found_is_a_located_error(rules, tmp_path):
    from checker.errors import InputError

    p = _hongqi_span_labels(tmp_path, to="这句话不在报告里")
    with pytest.raises(InputError, match=r"span\.yaml: exhaustive\.to quote not found"):
        evaluate([p], rules, corpus=Path("/nonexistent"), seeds=ROOT / "seeds")


def _beiguan_outcome_span(tmp_path: Path, drop: str | None = None) -> Path:
    """The first figures of 北关区's 2026 review as an exhaustive outcome span, optionally minus one item."""
    data = _seed_labels("seeds_beiguan_2023.yaml")
    items = [("全区地区生产总值完成 189.3 亿元", "地区生产总值", 189.3, "亿元"), ("同比增长 5.5%", "地区生产总值", 5.5, "%"),
             ("规模以上工业增加值增长 15.2%", "规模以上工业增加值", 15.2, "%"),
             ("社会消费品零售总额完成 79.38 亿元", "社会消费品零售总额", 79.38, "亿元"),
             ("同比增长 5.8%", "社会消费品零售总额", 5.8, "%"), ("一般公共预算收入完成 10.06 亿元", "一般公共预算收入", 10.06, "亿元"),
             ("全年签约亿元以上项目 69 个", "签约亿元以上项目", 69, "个"), ("总投资 463.48 亿元", "签约项目总投资", 463.48, "亿元")]
    data["outcomes_exhaustive"] = {
        "document": "seeds:beiguan_2026_work_report.txt", "from": "全区地区生产总值完成", "to": "总投资 463.48 亿元",
        "items": [{"quote": q, "indicator": i, "value": v, "unit": u, "period": "2025"} for q, i, v, u in items
                  if q != drop],
        "not_outcomes": [{"quote": "增速均居全市第 2 位", "why": "a rank"}]}
    return _write_labels(tmp_path / "outspan.yaml", data)


def test_outcome_span_gives_outcome_precision_and_recall(rules, tmp_path):
    full = evaluate([_beiguan_outcome_span(tmp_path)], rules, corpus=Path("/nonexistent"), seeds=ROOT / "seeds")
    o = full["overall"]["outcomes"]
    assert (o["span_items"], o["span_predicted"], o["span_precision"], o["span_recall"]) == (8, 8, 1.0, 1.0)
    # A figure the labeller left out turns the extracted outcome into a counted false positive.
    short = evaluate([_beiguan_outcome_span(tmp_path, drop="总投资 463.48 亿元")], rules,
                     corpus=Path("/nonexistent"), seeds=ROOT / "seeds")
    o = short["overall"]["outcomes"]
    assert (o["span_items"], o["span_predicted"], o["span_precision"]) == (7, 8, round(7 / 8, 4))
    assert [m["quote"] for m in short["mistakes"] if m["kind"] == "outcome_spurious"] == ["总投资463.48亿元"]


def test_label_agreement_aligns_items_and_counts_disagreements(tmp_path):
    """bench/label_agreement.py: two labellers of one pair; one status changed gives one disagreement."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("label_agreement", ROOT / "bench" / "label_agreement.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    src = ROOT / "tests" / "labels" / "seeds_hongqi_2023.yaml"
    data = _seed_labels(src.name)
    data["items"][0]["status"] = "met"
    other = _write_labels(tmp_path / "other.yaml", data)
    na, nb, pairs = mod.align(src, other, Path("/nonexistent"))
    assert na == nb == len(pairs) == len(data["items"])
    s = mod.scores(pairs)
    assert s["agreement"] == round((len(pairs) - 1) / len(pairs), 3)
    assert s["confusion"]["unreported"]["met"] == 1
