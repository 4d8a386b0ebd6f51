"""Benchmark: the whole pipeline over ../shared/corpus (a benchmark, not a test; prints ratios).

    .venv/bin/python bench/pipeline.py [--corpus ../shared/corpus] [--cards N]

Prints, in one process: per-stage time, reports/s and candidate pairs scored/s, peak memory; the matcher's time
against raw rapidfuzz `process.cdist` on exactly the same blocks with the same scorers (goal ≤ 2); a cold run
that fills the cache against a warm re-run with nothing changed (goal ≥ 5×); scorecard rendering with 1 and 2
worker processes (goal ≥ 1.6×); and the time for one typical scorecard (goal ≤ 2 s).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from rapidfuzz import process

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.cache import Cache  # noqa: E402
from checker.match import _PARALLEL_PAIRS, Matcher  # noqa: E402
from checker.pipeline import no_gc, run  # noqa: E402
from checker.report import Staged, render_all  # noqa: E402
from checker.report.scorecard import build_cards, render_pdf  # noqa: E402
from checker.rules import load_rules  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def raw_cdist_time(r, rules) -> tuple[float, int]:
    """Time raw cdist on the same blocks, scorers and processed strings the matcher used."""
    m = Matcher(rules)
    res = r.results
    docs = {d.id: d for d in res.documents}
    by_gov: dict[str, list] = {}
    for o in res.outcomes:
        if not o.partial_year and not o.excluded:
            by_gov.setdefault(o.government, []).append(o)
    blocks: dict[tuple[str, str], list] = {}
    for c in res.commitments:
        blocks.setdefault((c.government, c.document), []).append(c)
    prepared = []
    for (gov, doc_id), cs in blocks.items():
        later = [o for o in by_gov.get(gov, []) if docs[o.document].is_later_than(docs[doc_id])
                 and docs[o.document].year - docs[doc_id].year <= rules.matching.max_years_later]
        sub_c, sub_o = {}, {}
        for c in cs:
            sub_c.setdefault("~q" if c.kind == "qualitative" else m.unit_key(c.unit_norm), []).append(m.core(c.match_text))
        for o in later:
            sub_o.setdefault("~q" if o.kind == "qualitative" else m.unit_key(o.unit_norm), []).append(m.core(o.match_text))
        for k, q in sub_c.items():
            if k in sub_o:
                prepared.append((q, sub_o[k]))
    pairs = sum(len(q) * len(c) for q, c in prepared)
    scorers = [(s, tok) for s, tok, _ in m.scorers]
    bigram = [([m._bigrams(x) for x in q], [m._bigrams(x) for x in c]) for q, c in prepared]
    t = time.perf_counter()
    for (q, c), (bq, bc) in zip(prepared, bigram):
        for scorer, tok in scorers:
            a, b = (bq, bc) if tok == "char_bigrams" else (q, c)
            process.cdist(a, b, scorer=scorer, dtype=np.float32,
                          workers=-1 if len(a) * len(b) >= _PARALLEL_PAIRS else 1)
    return time.perf_counter() - t, pairs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--cards", type=int, default=16, help="scorecards rendered in the jobs comparison")
    a = ap.parse_args()
    corpus = Path(a.corpus)
    if not corpus.is_dir():
        sys.exit(f"corpus not found: {corpus}")
    rules = load_rules(ROOT / "rules")

    # 1. The pipeline, no cache.
    t = time.perf_counter()
    r = run([corpus], rules, keep_text=False)
    total = time.perf_counter() - t
    n = r.results.summary.documents
    print(f"documents {n}, commitments {r.results.summary.commitments}, outcomes {r.results.summary.outcomes}, "
          f"statuses {r.results.summary.status_counts}")
    print(f"pipeline total {total:.1f} s = {n / total:.1f} reports/s; peak memory {peak_mb():.0f} MB")
    for stage, secs in r.timings.items():
        print(f"  {stage:8} {secs:6.1f} s  {n / secs:8.1f} reports/s")
    print(f"  pairs scored {r.pairs_scored:,} = {r.pairs_scored / r.timings['match'] / 1e6:.2f} M pairs/s through match")

    # 2. Matcher against raw cdist on the same pairs.
    with no_gc():
        raw, pairs = raw_cdist_time(r, rules)
    print(f"raw cdist on the same {pairs:,} pairs: {raw:.1f} s ({pairs / raw / 1e6:.2f} M pairs/s); "
          f"matcher/raw = {r.timings['match'] / raw:.2f} (goal <= 2)")

    # 3. Cache: cold (fills it) vs warm re-run with nothing changed.
    cdir = Path(tempfile.mkdtemp(prefix="checker-cache-"))
    try:
        t = time.perf_counter()
        run([corpus], rules, keep_text=False, cache=Cache(cdir))
        cold = time.perf_counter() - t
        t = time.perf_counter()
        run([corpus], rules, keep_text=False, cache=Cache(cdir))
        warm = time.perf_counter() - t
    finally:
        shutil.rmtree(cdir, ignore_errors=True)
    print(f"cache: cold run {cold:.1f} s (writes the cache), warm re-run {warm:.1f} s; "
          f"speed-up {total / warm:.1f}x vs an uncached run (goal >= 5)")

    # 4. Scorecards: one typical card, then N cards with 1 and 2 worker processes.
    per_card = {}
    for c in r.results.commitments:
        per_card[(c.government, c.period)] = per_card.get((c.government, c.period), 0) + 1
    # typical cards: those whose number of commitments is closest to the median card's
    median = sorted(per_card.values())[len(per_card) // 2]
    near = sorted(per_card, key=lambda k: (abs(per_card[k] - median), k))
    pick = set(near[: a.cards])
    print(f"cards: {len(per_card)}; median {median} commitments per card")
    subset = type(r.results).model_construct(**{**dict(r.results), "commitments": [
        c for c in r.results.commitments if (c.government, c.period) in pick]})
    cards = build_cards(subset, rules)
    import weasyprint

    typical = cards[0]
    pages = len(weasyprint.HTML(string=typical.pdf_html).render().pages)
    render_pdf(typical.pdf_html)  # warm up fonts
    t = time.perf_counter()
    render_pdf(typical.pdf_html)
    one = time.perf_counter() - t
    print(f"one typical scorecard ({typical.government} {typical.period}, {pages} pages): {one:.2f} s (goal <= 2)")
    out = Path(tempfile.mkdtemp(prefix="checker-cards-"))
    times = {}
    try:
        for jobs in (1, 2):
            stage = Staged()
            t = time.perf_counter()
            render_all(subset, rules, out / str(jobs), stage, jobs=jobs)
            times[jobs] = time.perf_counter() - t
            stage.abort()
    finally:
        shutil.rmtree(out, ignore_errors=True)
    k = len({(c.government, c.period) for c in subset.commitments})
    print(f"{k} scorecards: 1 job {times[1]:.1f} s, 2 jobs {times[2]:.1f} s; speed-up {times[1] / times[2]:.2f}x "
          f"(goal >= 1.6)")
    print(f"peak memory at the end {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
