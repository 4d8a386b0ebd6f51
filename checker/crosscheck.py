"""Findings across documents of one government: repeated commitments and conflicting targets.

- A commitment is *repeated* when a later document of the same government commits to the same named thing,
  or to the same indicator with the same value, again (a new year's GDP target is not a repeat). A repeat is not an outcome; the classifier reads it as a re-commitment.
- Two commitments *conflict* when documents of one government set different values for the same
  indicator, measure, unit, tier and period (e.g. 工业投资增长10% in the work report vs 15% in the plan).
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from rapidfuzz import fuzz, process

from .match import _PARALLEL_PAIRS, MEASURE_GROUP, Matcher
from .models import Commitment, Conflict, Document, Repeat
from .rules import RuleSet


def find_repeats(documents: list[Document], commitments: list[Commitment], rules: RuleSet,
                 matcher: Matcher) -> list[Repeat]:
    docs = {d.id: d for d in documents}
    by_gov: dict[str, list[Commitment]] = defaultdict(list)
    for c in commitments:
        by_gov[c.government].append(c)
    cutoff = rules.matching.repeat_cutoff
    out: list[Repeat] = []
    for gov, cs in by_gov.items():
        if len({c.document for c in cs}) < 2:
            continue
        texts = [matcher.core(c.match_text) for c in cs]
        scores = process.cdist(texts, texts, scorer=fuzz.ratio, dtype=np.uint8,
                               workers=-1 if len(texts) ** 2 >= _PARALLEL_PAIRS else 1)
        for i, j in zip(*np.nonzero(scores >= min(cutoff, 80))):
            a, b = cs[i], cs[j]
            da, db = docs[a.document], docs[b.document]
            if not db.is_later_than(da) or db.year - da.year > rules.matching.max_years_later or a.kind != b.kind:
                continue
            if a.kind == "quantitative":
                if a.indicator != b.indicator or MEASURE_GROUP.get(a.measure) != MEASURE_GROUP.get(b.measure) \
                        or not matcher.unit_ok(a.unit_norm, b.unit_norm) or scores[i, j] < cutoff:
                    continue
                if a.period == b.period:
                    continue  # same period in two documents: a conflict candidate, not a repeat
                if a.value_norm != b.value_norm:
                    continue  # a new year's target for the same indicator is not a re-commitment
            else:
                if not a.entity or not b.entity or fuzz.ratio(a.entity, b.entity) < cutoff:
                    continue
            out.append(Repeat(government=gov, commitment=a.id, repeated_by=b.id, score=float(scores[i, j])))
    seen = set()
    uniq = []
    for r in out:
        if (r.commitment, r.repeated_by) not in seen:
            seen.add((r.commitment, r.repeated_by))
            uniq.append(r)
    by_c: dict[str, list[str]] = defaultdict(list)
    for r in uniq:
        by_c[r.commitment].append(r.repeated_by)
    for c in commitments:
        c.repeated_in = by_c.get(c.id, [])
    return uniq


def find_conflicts(commitments: list[Commitment], matcher: Matcher) -> list[Conflict]:
    groups: dict[tuple, list[Commitment]] = defaultdict(list)
    for c in commitments:
        if c.kind != "quantitative" or c.indicator not in matcher.known:
            continue
        groups[(c.government, c.period, c.indicator, MEASURE_GROUP.get(c.measure), c.unit_norm, c.tier)].append(c)
    out = []
    for (gov, period, ind, _m, _u, _t), cs in sorted(groups.items(), key=lambda kv: kv[0][:3]):
        if len({c.document for c in cs}) < 2:
            continue
        if len({(c.value_norm, c.value_high) for c in cs}) < 2:
            continue
        texts = [matcher.processed(c.match_text) for c in cs]
        if min(fuzz.ratio(a, b) for a in texts for b in texts) < 60:
            continue
        out.append(Conflict(government=gov, period=period, indicator=ind, commitments=[c.id for c in cs],
                            values=[f"{c.quote}" for c in cs], documents=[c.document for c in cs]))
        for c in cs:
            c.conflicts_with = [x.id for x in cs if x.id != c.id]
    return out
