"""Score each commitment against the outcomes of the same government in later documents.

Blocking: a block is (government, commitment document) × outcomes of that government from later documents,
split further by unit class for quantitative records (an outcome in 亿元 cannot settle a target in 个) and
kept whole for qualitative ones (named projects). Inside a block, every scorer named in
`rules/matching.yaml` runs as one `rapidfuzz.process.cdist` call, so no Python loop runs over all pairs;
only pairs that pass the prefilter (text score or same canonical indicator) are looked at one by one for
measure and entity agreement and labelled by the first matching level.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from .models import Commitment, Document, Outcome
from .normalise import cn_number
from .quantities import MAGNITUDES
from .rules import MATCH_FIELDS, RuleSet, test_passes

MEASURE_GROUP = {"growth": "growth", "change_pp": "change_pp", "share": "share", "flow": "flow", "level": "level",
                 "stock": "stock", "qualitative": "qualitative"}
LABEL_RANK = {"strong": 3, "probable": 2, "weak": 1, "none": 0}


@dataclass(slots=True)
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


_NEAR_WORDING = 2.0  # text-score points within which the target nearest the figure keeps a shared outcome
_COMBINED = re.compile(r"[\u4e00-\u9fff](?:、|和|及|与|以及)[\u4e00-\u9fff]")
_JOIN = re.compile(r"、|以及|和|及|与|或")


def _alternation(words) -> re.Pattern | None:
    words = sorted({w for w in words if w}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))) if words else None


def _partly_covered(parts: list[str], other: str) -> bool:
    """Does `other` name some of the parts but not all (a subset of a combined figure)?"""
    if len(parts) < 2 or (other in parts[-1] and other != parts[-1]):
        return False  # "郑州、开封、新乡同城通办事项" vs "同城通办事项": the list only qualifies the head
    head = parts[-1].rpartition("等")[2]
    if head != parts[-1] and len(head) >= 4 and fuzz.ratio(head, other) >= 80:
        return False  # "粮食加工、…等四大农业特色产业集群产值" vs "四大特色农业产业集群产值": examples of the same head
    if all(a + b[:2] in other for a, b in zip(parts, parts[1:])):
        return False  # "居家和社区养老站点" vs "居家社区养老服务站点": the same list without the joiner
    hits = [p in other or p[-3:] in other for p in parts]
    return any(hits) and not all(hits)


def _all_done(o: Outcome) -> bool:
    """All of the things done ("贫困村全部出列"), which counts them; full coverage ("实现全覆盖") is a share only."""
    return o.all_of == "done"


def _same_list(a: list[str], b: list[str]) -> bool:
    """Two lists of the same things, part by part, a part perhaps reworded ("机关、企事业单位附属空间对社会开放" /
    "机关、企事业单位附属空间对外开放")."""
    return len(a) >= 2 and len(a) == len(b) and all(fuzz.ratio(x, y) >= 70 for x, y in zip(a, b))


# what things did, after their name: "规模以上工业企业开展数字化转型" ("N个项目完成投资X亿元" still counts the projects)
_ACTIVITY = re.compile(r"(?:开展|实施|完成(?!投资|年度任务|全年任务|目标任务)|参与|实现|通过|进入|接入|上线|入驻|获评|获得)")


def _doing(a: str, b: str) -> bool:
    """Does `b` count the things of `a` that did something: "规模以上工业企业开展数字化转型" against
    "规模以上工业企业" (some of the firms, not the firms added)."""
    return (len(a) >= 4 and b.startswith(a) and len(b) - len(a) >= 3 and bool(_ACTIVITY.match(b, len(a)))
            and "#" not in b[len(a):])  # "城中村改造项目完成征地#亩": an amount of the things, still the things


_EXAMPLES = re.compile(r"^.*等(?![级同待于])")


class Scope:
    """What a figure counts beyond its wording - combined figures, scope qualifiers, administrative levels and
    project stages - from the vocabulary under `scope:` in rules/matching.yaml (mechanism here, words there)."""

    def __init__(self, cfg, strip=lambda s: s):
        self.strip = strip
        self.not_joining = _alternation(cfg.not_joining)
        list_verbs = _alternation(cfg.list_verbs)
        self.list_verb_end = re.compile(f"(?:{list_verbs.pattern})$") if list_verbs else None
        self.list_verb = list_verbs
        self.verb_run = re.compile(f"(?:{list_verbs.pattern})(?:(?:和|、|及|与)?(?:{list_verbs.pattern}))*") if list_verbs else None
        self.qualifiers = _alternation(cfg.qualifiers)
        self.level_of = {w: name for name, words in cfg.admin_levels.items() for w in words}
        self.admin = _alternation(self.level_of)
        self.levels_above = cfg.levels_above
        self.stage_of = {w: name for name, words in cfg.stage_classes.items() for w in words}
        self.stage = _alternation(self.stage_of)

    def parts(self, core: str) -> list[str]:
        """The things a combined figure counts ('中小学和幼儿园' -> 中小学, 幼儿园), each with its leading verbs
        stripped; parts that end in a construction verb qualify what follows ('市区新建、扩建中小学校') and drop
        out. [] when not combined."""
        masked = self.not_joining.sub(lambda m: "\0" * len(m.group(0)), core) if self.not_joining else core
        # "新(改、扩)建": a list inside brackets qualifies one word
        masked = re.sub(r"[(（][^()（）]*[)）]", lambda m: "\0" * len(m.group(0)), masked)
        if not _COMBINED.search(masked):
            return []
        parts, start = [], 0
        for m in _JOIN.finditer(masked):
            parts.append(core[start:m.start()])
            start = m.end()
        parts.append(core[start:])
        return [q for q in (self.strip(p) for p in parts)
                if len(q) >= 2 and not (self.list_verb_end and self.list_verb_end.search(q))]

    def mismatch(self, a: str, b: str, a_core: str | None = None, b_core: str | None = None,
                 a_parts: list[str] | None = None, b_parts: list[str] | None = None) -> str | None:
        """Why two indicator texts (processed; `*_core` after stripping) measure different scopes, or None: one
        is a combined figure of which the other names only some parts, a scope qualifier (国际, 亿元以上) on one
        side only, different administrative levels, or different project stages."""
        a_core, b_core = a_core or a, b_core or b
        a_parts = self.parts(a_core) if a_parts is None else a_parts
        b_parts = self.parts(b_core) if b_parts is None else b_parts
        if not _same_list(a_parts, b_parts) and (_partly_covered(a_parts, b_core) or _partly_covered(b_parts, a_core)):
            return "combined figure"
        if self.qualifiers and self._qualifiers(a) != self._qualifiers(b):
            return "scope qualifier"
        if self._more_work(a, b) or self._more_work(b, a):
            return "combined figure"
        if _doing(a_core, b_core) or _doing(b_core, a_core):
            return "activity"
        return self._level_or_stage(a, b)

    def _more_work(self, a: str, b: str) -> bool:
        """Does `b` count more kinds of work than `a`: "新建和改造提升高标准农田" against "新建高标准农田" (a list
        of verbs joined by 和/、 of which `a` names only some)."""
        if not self.verb_run:
            return False
        ma, mb = self.verb_run.match(a), self.verb_run.match(b)
        if not ma or not mb or not _JOIN.search(mb.group(0)) or _JOIN.search(ma.group(0)):
            return False
        va, vb = set(self.list_verb.findall(ma.group(0))), set(self.list_verb.findall(mb.group(0)))
        return bool(va) and va < vb

    def _qualifiers(self, text: str) -> set[str]:
        """The scope qualifiers of what a figure counts, not of the examples named before 等 ("东恒锂电新能源等重点产业项目")."""
        return set(self.qualifiers.findall(_EXAMPLES.sub("", text)))

    def levels(self, text: str) -> set[str]:
        """The administrative levels a text counts: '省级' names one, '市级以上' (及以上) its own and those above."""
        if self.admin is None:
            return set()
        found = set()
        for m in self.admin.finditer(text):
            name = self.level_of[m.group(0)]
            found.add(name)
            if text.startswith(("以上", "及以上"), m.end()):
                found.update(self.levels_above.get(name, ()))
        return found

    def stages(self, text: str) -> set[str]:
        """The classes of project stage a text names ("竣工投产" -> done)."""
        return {self.stage_of[w] for w in self.stage.findall(text)} if self.stage else set()

    def _level_or_stage(self, a: str, b: str) -> str | None:
        """Both name an administrative level and none in common, or both a project stage and none in common."""
        la, lb = self.levels(a), self.levels(b)
        if la and lb and (not la & lb or lb < la):
            return "administrative level"  # none in common, or `b` counts fewer levels ("市级以上" -> "省级")
        sa, sb = self.stages(a), self.stages(b)
        if sa and sb and not sa & sb:
            return "stage"
        return None

    def part_of(self, a: str, b: str, a_core: str, b_core: str, a_parts: list[str], b_parts: list[str]) -> bool:
        """Does `b` count only a part of what `a` counts: some of the parts of a combined `a` ("国家级孵化器和众创空间"
        -> "国家级孵化器"), or `a` with a scope qualifier added ("货邮吞吐量" -> "国际货邮吞吐量")? A part's figure
        that alone reaches a floor shows the target was reached; a smaller one shows nothing."""
        if _partly_covered(b_parts, a_core):
            return False  # b is the combined one: a wider scope
        qa = self._qualifiers(a) if self.qualifiers else set()
        qb = self._qualifiers(b) if self.qualifiers else set()
        if not qa <= qb:
            return False
        # the part named must say what it counts: "投资" alone (…项目、投资80亿元) is a generic amount, not a part
        names_part = any(len(q) >= 3 and (q in b_core or q[-3:] in b_core) for q in a_parts)
        la, lb = self.levels(a), self.levels(b)
        # "市级以上龙头企业" -> "省级龙头企业" (fewer levels); "单项冠军企业" -> "国家单项冠军企业" (a level named)
        fewer_levels = bool(la) and bool(lb) and lb < la
        narrower = (_partly_covered(a_parts, b_core) and names_part) or qa < qb or fewer_levels or (bool(lb) and not la)
        return narrower and (fewer_levels or self._level_or_stage(a, b) is None)


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*\s*(?:万亿|亿|万|千)?\s*(?:%|个百分点|[\u4e00-\u9fa5]{0,1})?"
                     r"|(?<=[过超破逾])[一二两三四五六七八九十百千]*(?:万亿|亿|万)[\u4e00-\u9fa5]?")  # "过十亿元企业" is "过10亿元企业"


# a size class inside what is counted: "5亿元以上项目", "超10亿元项目", "总投资50亿元及以上" (masked alike by mask_digits)
_SIZE_CLASS = re.compile(r"(?:(?<=[超过])(?P<a>\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)\s*(?P<am>万亿|亿|千万|万)元?"
                         r"|(?P<b>\d+(?:\.\d+)?)\s*(?P<bm>万亿|亿|千万|万)元(?:及)?以上)"
                         r"(?=[\u4e00-\u9fff]{0,6}?(?:项目|企业|工程|园区|集群))")  # a class of projects or firms


def size_classes(text: str) -> frozenset[float]:
    """The size thresholds in what a figure counts: "5亿元以上项目" -> 5e8, "过十亿元企业" -> 1e9."""
    out = set()
    for m in _SIZE_CLASS.finditer(text):
        n = m.group("a") or m.group("b")
        v = float(n) if n[0].isdigit() else cn_number(n)
        if v is not None:
            out.add(v * MAGNITUDES[m.group("am") or m.group("bm")])
    return frozenset(out)


def mask_digits(s: str) -> str:
    """The mask_digits processor: a number with its magnitude and unit becomes '#'."""
    return _NUMBER.sub("#", s)


_ANY_TRADE = frozenset("业产")


def different_subject(a: str, b: str) -> bool:
    """Do two texts name the same kind of figure for different things - the same head after different
    modifiers with no character in common ("文化产业增加值" / "汽车产业增加值", "服务业增加值" / "文化产业增加值")?
    A modifier on one side only ("规上工业增加值" / "工业增加值") is a narrower or wider wording, not another thing."""
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    if n < 2:
        return False
    pa, pb = a[:len(a) - n], b[:len(b) - n]
    # 业 and 产 end many unrelated modifiers ("服务业" / "数字经济核心领域规上企业"): not a thing in common
    return len(pa) >= 2 and len(pb) >= 2 and not (set(pa) & set(pb)) - _ANY_TRADE


class _LazyContext(dict):
    """A pair's facts for the level tests; the costly ones are computed on first use (`get`)."""

    def __init__(self, facts: dict, **thunks):
        super().__init__(facts)
        self._thunks = thunks

    def get(self, key, default=None):
        if key in self:
            return self[key]
        thunk = self._thunks.get(key)
        if thunk is None:
            return default
        value = self[key] = thunk()
        return value


_PARALLEL_PAIRS = 20_000  # a block this large is scored on all cores (threads cost more than they save below)


def _bigrams(s: str) -> str:
    return " ".join(s[i:i + 2] for i in range(max(1, len(s) - 1)))


class Matcher:
    def __init__(self, rules: RuleSet):
        self.rules = rules
        m = rules.matching
        self.scorers = [(getattr(fuzz, s.scorer), s.tokenizer, s.weight) for s in m.scorers]
        self.levels = [(lv, *lv.compiled(MATCH_FIELDS)) for lv in m.levels]
        self.unit_class: dict[str, str] = {}
        for group in rules.indicators.unit_equivalents:
            for u in group:
                self.unit_class[u] = group[0]
        self.known = {i.name for i in rules.indicators.indicators}
        self.wider = {i.name: i.part_of for i in rules.indicators.indicators if i.part_of}  # 保租房 -> 保障性住房
        self.stock_settles_flow = rules.status.settings.stock_settles_flow
        lead = sorted(m.strip_leading, key=len, reverse=True)
        trail = sorted(m.strip_trailing, key=len, reverse=True)
        self._synonym = {w: g[0] for g in m.synonyms for w in g[1:] if w and w != g[0]}
        self._synonym_re = (re.compile("|".join(map(re.escape, sorted(self._synonym, key=len, reverse=True))))
                            if self._synonym else None)
        # a verb that names a trade with 业 after it is no verb ("服务业增加值" keeps 服务)
        self._lead = re.compile("^(?:" + "|".join(map(re.escape, lead)) + ")+(?!业)") if lead else None
        self._trail = re.compile("(?:" + "|".join(map(re.escape, trail)) + ")+$") if trail else None
        self.scope = Scope(m.scope, self.core)
        self.generic = frozenset(m.generic_words)
        self.pairs_scored = 0
        self._core_cache: dict[str, str] = {}
        self._processed_cache: dict[str, str] = {}
        self._bigram_cache: dict[str, str] = {}
        self._parts_cache: dict[str, list[str]] = {}
        self._size_cache: dict[str, frozenset[float]] = {}

    def processed(self, text: str) -> str:
        """`text` after the configured processor (numbers masked by default)."""
        return mask_digits(text) if self.rules.matching.processor == "mask_digits" else text

    def core(self, text: str) -> str:
        """The text compared: processed, quotes dropped, leading verbs and trailing comparator words removed."""
        out = re.sub(r"[“”\"'‘’《》]", "", self.processed(text))
        if self._synonym_re:
            out = self._synonym_re.sub(lambda k: self._synonym[k.group(0)], out)
        for _ in range(3):
            if self._lead:
                stripped = self._lead.sub("", out).lstrip("、,，和及与或")
                out = stripped if len(stripped) >= 2 else out
            if self._trail:
                stripped = self._trail.sub("", out)
                out = stripped if len(stripped) >= 2 else out
        return out

    def _counts(self, c: Commitment) -> bool:
        """A count of things (not a rate, share or amount): what "all of them" (全部出列, 全部落实) settles."""
        return (c.kind == "quantitative" and c.unit_norm not in ("%", "pp") and c.sign == 1
                and c.unit_norm not in self.rules.matching.amount_units)

    def unit_key(self, u: str | None) -> str:
        return self.unit_class.get(u or "", u or "")

    def unit_ok(self, a: str | None, b: str | None) -> bool:
        return self.unit_key(a) == self.unit_key(b)

    def measure_ok(self, a: str | None, b: str | None, unit: str | None = None) -> bool:
        ga, gb = MEASURE_GROUP.get(a or "", a), MEASURE_GROUP.get(b or "", b)
        if ga == gb:
            return True
        amounts = {"flow", "stock", "level"}
        if unit in self.rules.matching.amount_units and {ga, gb} <= amounts:
            return True  # an annual amount (投资, 交易额) reads the same as "完成" or "达"
        if "level" in (ga, gb) and {ga, gb} <= amounts:
            return True  # a bare figure ("粮食播种面积580万亩") may be either
        return self.stock_settles_flow and {ga, gb} == {"flow", "stock"}

    def _bigrams(self, s: str) -> str:
        b = self._bigram_cache.get(s)
        if b is None:
            b = self._bigram_cache[s] = _bigrams(s)
        return b

    def _processed(self, rec) -> str:
        p = self._processed_cache.get(rec.id)
        if p is None:
            p = self._processed_cache[rec.id] = self.processed(rec.match_text)
        return p

    def _core(self, rec) -> str:
        c = self._core_cache.get(rec.id)
        if c is None:
            c = self._core_cache[rec.id] = self.core(rec.match_text)
        return c

    def _sizes(self, rec) -> frozenset[float]:
        z = self._size_cache.get(rec.id)
        if z is None:
            z = self._size_cache[rec.id] = size_classes(rec.match_text)
        return z

    def _parts(self, rec) -> list[str]:
        p = self._parts_cache.get(rec.id)
        if p is None:
            p = self._parts_cache[rec.id] = self.scope.parts(self._core(rec))
        return p

    def text_scores(self, queries: list[str], choices: list[str]) -> np.ndarray:
        """Blend of the configured scorers, one cdist per scorer."""
        total = np.zeros((len(queries), len(choices)), dtype=np.float32)
        weight = 0.0
        for scorer, tokenizer, w in self.scorers:
            q = [self._bigrams(x) for x in queries] if tokenizer == "char_bigrams" else queries
            c = [self._bigrams(x) for x in choices] if tokenizer == "char_bigrams" else choices
            total += w * process.cdist(q, c, scorer=scorer, dtype=np.float32,
                                       workers=-1 if len(q) * len(c) >= _PARALLEL_PAIRS else 1)
            weight += w
        self.pairs_scored += len(queries) * len(choices)
        return total / (weight or 1.0)

    def match(self, documents: list[Document], commitments: list[Commitment],
              outcomes: list[Outcome]) -> dict[str, list[Candidate]]:
        """Candidates per commitment id, best first."""
        docs = {d.id: d for d in documents}
        by_gov_out: dict[str, list[Outcome]] = defaultdict(list)
        for o in outcomes:
            # partial-year figures take part only for counts and amounts: "1—11月签约亿元以上项目318个" already
            # settles a floor of 140 for the year (a rate for part of a year settles nothing)
            if not o.partial_year or (o.kind == "quantitative" and o.unit_norm not in ("%", "pp")):
                by_gov_out[o.government].append(o)
        blocks: dict[tuple[str, str], list[Commitment]] = defaultdict(list)
        for c in commitments:
            blocks[(c.government, c.document)].append(c)
        result: dict[str, list[Candidate]] = {c.id: [] for c in commitments}
        prefilter = self.rules.matching.prefilter
        current_gov = None
        for (gov, doc_id), cs in sorted(blocks.items(), key=lambda kv: kv[0]):
            if gov != current_gov:  # texts are compared only within a government: keep caches per government
                self._core_cache.clear()
                self._processed_cache.clear()
                self._bigram_cache.clear()
                self._parts_cache.clear()
                self._size_cache.clear()
                current_gov = gov
            window = self.rules.matching.max_years_later
            later = [o for o in by_gov_out.get(gov, []) if docs[o.document].is_later_than(docs[doc_id])
                     and docs[o.document].year - docs[doc_id].year <= window]
            if not later:
                continue
            sub_c: dict[str, list[Commitment]] = defaultdict(list)
            sub_o: dict[str, list[Outcome]] = defaultdict(list)
            for c in cs:
                sub_c["~qual" if c.kind == "qualitative" else self.unit_key(c.unit_norm)].append(c)
            for o in later:
                sub_o["~qual" if o.kind == "qualitative" else self.unit_key(o.unit_norm)].append(o)
            all_of = [o for o in later if _all_done(o)]
            for key in sub_c:  # "贫困村全部出列" settles "确保7个贫困村出列" too: all of them counts the things
                if all_of and key != "~qual" and any(self._counts(c) for c in sub_c[key]):
                    sub_o[key].extend(all_of)
            for key, cc in sub_c.items():
                oo = sub_o.get(key)
                if not oo:
                    continue
                text = self.text_scores([self._core(c) for c in cc], [self._core(o) for o in oo])
                ci = np.array([hash(c.indicator) if c.indicator in self.known else 1 for c in cc])
                oi = np.array([hash(o.indicator) if o.indicator in self.known else 2 for o in oo])
                same_ind = ci[:, None] == oi[None, :]
                mutual, margin = self._mutual_best(cc, oo, text)
                found: list[tuple[str, Candidate]] = []
                for i, j in zip(*np.nonzero((text >= prefilter) | same_ind | mutual)):
                    cand = self._pair(cc[i], oo[j], float(text[i, j]), bool(same_ind[i, j]),
                                      bool(mutual[i, j]), float(margin[i]))
                    if cand is not None:
                        found.append((cc[i].id, cand))
                if self.rules.matching.exclusive_probable:
                    found = self._exclusive(found, {c.id: c for c in cc})
                for cid, cand in found:
                    result[cid].append(cand)
            for c in cs:
                result[c.id].sort(key=lambda k: (-LABEL_RANK[k.label], -k.score, k.outcome.id))
                result[c.id] = result[c.id][: self.rules.matching.max_candidates]
        return result

    def _exclusive(self, found: list[tuple[str, Candidate]],
                   commitments: dict[str, Commitment]) -> list[tuple[str, Candidate]]:
        """One outcome is probable evidence for one commitment of a plan: when several commitments of the same
        document reach the same outcome only by wording (label 'probable'), the closest wording keeps it (ties
        keep it too: the same target printed twice). Among wordings within a few points of the closest, the
        target nearest the figure keeps it ("标准厂房开工1000万平方米" over "建成700万平方米" for 1540万平方米).
        An outcome that names a project stage goes first to the commitments naming that stage.
        Strong matches (same canonical indicator) are shared."""
        by_outcome: dict[str, list[tuple[str, Candidate]]] = defaultdict(list)
        for cid, k in found:
            if k.label == "probable":
                by_outcome[k.outcome.id].append((cid, k))
        keep: set[tuple[str, str]] = set()
        for oid, pairs in by_outcome.items():
            stage = self.scope.stages(pairs[0][1].outcome.match_text)
            staged = [(cid, k) for cid, k in pairs if stage & self.scope.stages(commitments[cid].match_text)]
            if staged:
                pairs = staged  # "竣工261个" goes to "竣工投产180个" rather than "实施…400个": the same stage named
            best = max(k.text_score for _, k in pairs)
            near = [(cid, k) for cid, k in pairs if k.text_score >= best - _NEAR_WORDING]
            dist = {cid: self.value_ratio(commitments[cid], k.outcome) for cid, k in near}
            if len({cid for cid, _ in near}) > 1 and all(r for r in dist.values()):
                d = {cid: abs(math.log(r)) for cid, r in dist.items()}
                closest = min(d.values())
                keep.update((cid, oid) for cid, _ in near if d[cid] <= closest + 0.05)
            else:
                keep.update((cid, oid) for cid, k in pairs if k.text_score >= best - 0.5)
        return [(cid, k) for cid, k in found if k.label != "probable" or (cid, k.outcome.id) in keep]

    @staticmethod
    def value_ratio(c: Commitment, o: Outcome) -> float | None:
        """Outcome figure / target for counts and amounts (None for rates, shares and qualitative records):
        a figure ten times the target is more likely a cumulative total or another indicator than a result."""
        if (c.kind != "quantitative" or c.unit_norm in ("%", "pp") or not c.value_norm or o.value_norm is None
                or o.all_of):
            return None
        if c.value_norm <= 0 or o.value_norm <= 0:
            return None
        return o.value_norm / c.value_norm

    def _mutual_best(self, cc: list[Commitment], oo: list[Outcome],
                     text: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Which pairs are each other's best: among the outcomes for the commitment's own period with a
        compatible measure, the outcome is the commitment's closest wording, and among the commitments of the
        same document the commitment is the outcome's closest. Also each commitment's margin: how far its best
        eligible outcome's text score lies above the second best (100 when there is only one)."""
        codes: dict[str, int] = {}
        cp = np.array([codes.setdefault(c.period, len(codes)) for c in cc])
        op = np.array([codes.setdefault(o.period, len(codes)) for o in oo])
        eligible = cp[:, None] == op[None, :]
        groups: dict[str | None, int] = {}
        cg = np.array([groups.setdefault(c.measure, len(groups)) for c in cc])
        og = np.array([groups.setdefault(o.measure, len(groups)) for o in oo])
        names = list(groups)
        ok = np.array([[self.measure_ok(a, b, cc[0].unit_norm) for b in names] for a in names], dtype=bool)
        eligible &= ok[cg[:, None], og[None, :]]
        masked = np.where(eligible, text, -1.0)
        rows = masked.argmax(axis=1)
        cols = masked.argmax(axis=0)
        mutual = np.zeros_like(eligible)
        i = np.arange(len(cc))
        hit = (cols[rows] == i) & eligible[i, rows]
        mutual[i[hit], rows[hit]] = True
        if masked.shape[1] >= 2:
            top2 = -np.partition(-masked, 1, axis=1)[:, :2]
            margin = np.where(top2[:, 1] < 0, 100.0, top2[:, 0] - top2[:, 1])
        else:
            margin = np.full(len(cc), 100.0)
        return mutual, margin

    def _pair(self, c: Commitment, o: Outcome, text_score: float, same_ind: bool, mutual: bool = False,
              margin: float = 0.0) -> Candidate | None:
        m = self.rules.matching
        entity_score = 0.0
        if c.kind == "qualitative" and c.entity and o.entity:
            entity_score = max(fuzz.ratio(c.entity, o.entity),
                               fuzz.partial_ratio(c.entity, o.entity) if min(len(c.entity), len(o.entity)) >= 4 else 0)
        whole = _all_done(o) and self._counts(c)  # all of the things counted
        unit_ok = True if c.kind == "qualitative" or whole else self.unit_ok(c.unit_norm, o.unit_norm)
        measure_ok = True if c.kind == "qualitative" or whole else self.measure_ok(c.measure, o.measure, c.unit_norm)
        w = m.weights
        ratio = self.value_ratio(c, o)
        parts = {"text": text_score, "indicator": 100.0 if same_ind else 0.0, "unit": 100.0 if unit_ok else 0.0,
                 "measure": 100.0 if measure_ok else 0.0, "entity": entity_score,
                 "value": 50.0 if ratio is None else 100.0 * min(ratio, 1.0 / ratio)}
        score = sum(parts[k] * v for k, v in w.items()) / (sum(w.values()) or 1.0)
        if c.kind == "qualitative":
            score = max(score, entity_score)
        # the outcome's indicator is part of the target's (配售型保障性住房 of 保障性住房; rules: indicators part_of)
        named_part = c.indicator is not None and self.wider.get(o.indicator or "") == c.indicator
        # the year's additions ("新增高新技术企业备案471家") are part of a stock ("备案数超过400家"): they show a
        # floor reached when they alone reach it, and nothing when they fall short
        added = (c.kind == "quantitative" and c.measure == "stock" and o.measure == "flow" and c.sign == 1
                 and o.sign == 1 and c.unit_norm not in ("%", "pp") and not measure_ok and unit_ok)
        measure_ok = measure_ok or added
        ctx = _LazyContext(
            {"kind": c.kind, "same_indicator": same_ind, "indicator_known": c.indicator in self.known,
             "indicators_conflict": (c.indicator in self.known and o.indicator in self.known and not same_ind
                                     and not named_part),
             "unit_compatible": unit_ok, "same_measure": measure_ok, "text_score": text_score,
             "entity_score": entity_score, "outcome_has_value": o.value is not None, "score": score,
             "measure": c.measure, "mutual_best": mutual, "text_margin": margin, "value_ratio": ratio},
            # computed only if a level gets as far as testing them
            scope_mismatch=lambda: c.kind == "quantitative" and (named_part or added or self.scope.mismatch(
                self._processed(c), self._processed(o), self._core(c), self._core(o),
                self._parts(c), self._parts(o)) is not None
                or self._sizes(c) != self._sizes(o)),
            outcome_part=lambda: c.kind == "quantitative" and (named_part or added or self.scope.part_of(
                self._processed(c), self._processed(o), self._core(c), self._core(o),
                self._parts(c), self._parts(o))),
            generic_wording=lambda: self._core(c) in self.generic or self._core(o) in self.generic,
            different_subject=lambda: different_subject(self._core(c), self._core(o)))
        label, code = "none", ""
        for lv, when, anys in self.levels:
            ok = lv.else_ or (all(test_passes(t, ctx) for t in when) and
                              (not anys or any(all(test_passes(t, ctx) for t in g) for g in anys)))
            if ok:
                label, code = lv.label, lv.code
                break
        if label == "none":
            return None
        return Candidate(outcome=o, text_score=round(text_score, 1), entity_score=entity_score,
                         same_indicator=same_ind, unit_compatible=unit_ok, same_measure=measure_ok,
                         score=round(score, 1), level=code, label=label)
