"""Score each commitment against the outcomes of the same government in later documents.

Text similarity comes from one `rapidfuzz.process.cdist` call per (government, commitment document) block,
on digit-masked text, so no Python loop runs over all pairs; only pairs that pass a cheap prefilter (text
score, same canonical indicator) are looked at one by one for unit, measure and entity agreement and labelled
by the first matching level of `rules/matching.yaml`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from .models import Commitment, Document, Outcome
from .rules import RuleSet, test_passes, MATCH_FIELDS

MEASURE_GROUP = {"growth": "growth", "change_pp": "change_pp", "share": "share", "flow": "flow", "level": "flow",
                 "stock": "stock", "qualitative": "qualitative"}
LABEL_RANK = {"strong": 3, "probable": 2, "weak": 1, "none": 0}


@dataclass
class Candidate:
    outcome: Outcome
    text_score: float
    entity_score: float
    same_indicator: bool
    unit_compatible: bool
    same_measure: bool
    score: float
    level: str  # code
    label: str  # strong/probable/weak/none
    tests: list[tuple[str, bool]]  # (level code, passed) in order tried


def _mask(s: str) -> str:
    return re.sub(r"\d+(?:[.,]\d+)*", "#", s)


def _bigrams(s: str) -> str:
    return " ".join(s[i:i + 2] for i in range(max(1, len(s) - 1)))


class Matcher:
    def __init__(self, rules: RuleSet):
        self.rules = rules
        m = rules.matching
        self.scorer = getattr(fuzz, m.scorer)
        self.levels = [(lv, *lv.compiled(MATCH_FIELDS)) for lv in m.levels]
        self.unit_class: dict[str, str] = {}
        for group in rules.indicators.unit_equivalents:
            for u in group:
                self.unit_class[u] = group[0]
        self.known = {i.name for i in rules.indicators.indicators}
        self.stock_settles_flow = rules.status.settings.stock_settles_flow
        self.pairs_scored = 0

    def prepare(self, text: str) -> str:
        m = self.rules.matching
        out = _mask(text) if m.processor == "mask_digits" else text
        if m.tokenizer == "char_bigrams":
            out = _bigrams(out)
        return out

    def unit_ok(self, a: str | None, b: str | None) -> bool:
        if a is None or b is None:
            return a == b
        return self.unit_class.get(a, a) == self.unit_class.get(b, b)

    def measure_ok(self, a: str | None, b: str | None) -> bool:
        ga, gb = MEASURE_GROUP.get(a or "", a), MEASURE_GROUP.get(b or "", b)
        if self.stock_settles_flow and {ga, gb} == {"flow", "stock"}:
            return True
        return ga == gb

    def match(self, documents: list[Document], commitments: list[Commitment],
              outcomes: list[Outcome]) -> dict[str, list[Candidate]]:
        """Candidates per commitment id, best first."""
        docs = {d.id: d for d in documents}
        by_gov_out: dict[str, list[Outcome]] = defaultdict(list)
        for o in outcomes:
            if not o.partial_year:
                by_gov_out[o.government].append(o)
        blocks: dict[tuple[str, str], list[Commitment]] = defaultdict(list)
        for c in commitments:
            blocks[(c.government, c.document)].append(c)
        result: dict[str, list[Candidate]] = {}
        for (gov, doc_id), cs in blocks.items():
            later = [o for o in by_gov_out.get(gov, []) if docs[o.document].is_later_than(docs[doc_id])]
            for c in cs:
                result[c.id] = []
            if not later:
                continue
            q = [self.prepare(c.match_text) for c in cs]
            ch = [self.prepare(o.match_text) for o in later]
            text = process.cdist(q, ch, scorer=self.scorer, dtype=np.uint8, workers=1)
            self.pairs_scored += len(q) * len(ch)
            ind_codes = {}
            ci = np.array([ind_codes.setdefault(c.indicator, len(ind_codes)) if c.indicator in self.known else -1
                           for c in cs])
            oi = np.array([ind_codes.get(o.indicator, -2) if o.indicator in self.known else -2 for o in later])
            same_ind = ci[:, None] == oi[None, :]
            qual_c = np.array([c.kind == "qualitative" for c in cs])
            qual_o = np.array([o.kind == "qualitative" for o in later])
            same_kind = qual_c[:, None] == qual_o[None, :]
            mask = same_kind & ((text >= 60) | same_ind)
            for i, j in zip(*np.nonzero(mask)):
                cand = self._pair(cs[i], later[j], float(text[i, j]), bool(same_ind[i, j]))
                if cand is not None:
                    result[cs[i].id].append(cand)
            for c in cs:
                result[c.id].sort(key=lambda k: (-LABEL_RANK[k.label], -k.score, k.outcome.id))
                result[c.id] = result[c.id][: self.rules.matching.max_candidates]
        return result

    def _pair(self, c: Commitment, o: Outcome, text_score: float, same_ind: bool) -> Candidate | None:
        m = self.rules.matching
        entity_score = 0.0
        if c.kind == "qualitative" and c.entity and o.entity:
            entity_score = max(fuzz.ratio(c.entity, o.entity),
                               fuzz.partial_ratio(c.entity, o.entity) if min(len(c.entity), len(o.entity)) >= 4 else 0)
        unit_ok = True if c.kind == "qualitative" else self.unit_ok(c.unit_norm, o.unit_norm)
        measure_ok = True if c.kind == "qualitative" else self.measure_ok(c.measure, o.measure)
        w = m.weights
        parts = {"text": text_score, "indicator": 100.0 if same_ind else 0.0, "unit": 100.0 if unit_ok else 0.0,
                 "measure": 100.0 if measure_ok else 0.0, "entity": entity_score}
        total_w = sum(w.values()) or 1.0
        score = sum(parts[k] * v for k, v in w.items()) / total_w
        if c.kind == "qualitative":
            score = max(score, entity_score)
        ctx = {"kind": c.kind, "same_indicator": same_ind, "indicator_known": c.indicator in self.known,
               "unit_compatible": unit_ok, "same_measure": measure_ok, "text_score": text_score,
               "entity_score": entity_score, "outcome_has_value": o.value is not None, "score": score}
        tests = []
        for lv, when, anys in self.levels:
            ok = lv.else_ or (all(test_passes(t, ctx) for t in when) and
                              (not anys or any(all(test_passes(t, ctx) for t in g) for g in anys)))
            tests.append((lv.code, ok))
            if ok:
                label = lv.label
                code = lv.code
                break
        if label == "none" and score < m.candidate_cutoff:
            return None
        if label == "none":
            return None
        return Candidate(outcome=o, text_score=text_score, entity_score=entity_score, same_indicator=same_ind,
                         unit_compatible=unit_ok, same_measure=measure_ok, score=round(score, 1), level=code,
                         label=label, tests=tests)
