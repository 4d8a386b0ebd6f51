"""Load and validate the rule files in `rules/`.

Each file is read with ruamel.yaml (YAML 1.2, safe types, duplicate keys refused, positions kept) and
validated by pydantic models with `extra="forbid"`. All problems in all files are collected and raised at
once as `RulesError`, each formatted `rules/status.yaml:41:7: R101 unknown field 'treshold' (did you mean
'threshold'?)`. Conditions are declarative: a field name from a declared registry, an operator, a value;
they are type-checked at load time and nothing in a rule file is ever evaluated as code.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from rapidfuzz import process
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .errors import RulesError

RULE_FILES = ("indicators.yaml", "areas.yaml", "stages.yaml", "matching.yaml", "status.yaml")
CODE_RE = r"^[A-Z]{3}\d{2}$"
NAME_RE = r"^[a-z_]+(\.[a-z_0-9]+)+$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# ---------------------------------------------------------------- conditions

# The fields a status or matching condition may test, with their types (the "type resolver").
STATUS_FIELDS: dict[str, tuple[type, tuple[str, ...] | None]] = {
    "has_later_document": (bool, None),  # a report of this government within matching.max_years_later
    "kind": (str, ("quantitative", "qualitative")),
    "comparison": (str, ("satisfied", "not_satisfied", "incomparable", "none")),
    "stage_relation": (str, ("reached", "not_reached", "none")),
    "evidence_period": (str, ("same", "partial", "later", "none")),
    "proxy_found": (bool, None),
    "mentioned": (bool, None),
    "recommitted": (bool, None),
    "measure": (str, ("growth", "change_pp", "share", "flow", "stock", "level", "qualitative")),
    "comparator": (str, (">=", "<=", "~", "=", "range")),
    "indicator": (str, None),
    "match_level": (str, None),
    "best_score": (float, None),
    "best_text_score": (float, None),  # wording alone, of the same best-ranked candidate as match_level
    "claim_only": (bool, None),
}
MATCH_FIELDS: dict[str, tuple[type, tuple[str, ...] | None]] = {
    "kind": (str, ("quantitative", "qualitative")),
    "same_indicator": (bool, None),
    "indicator_known": (bool, None),
    "indicators_conflict": (bool, None),
    "different_subject": (bool, None),
    "scope_mismatch": (bool, None),
    "outcome_part": (bool, None),
    "unit_compatible": (bool, None),
    "same_measure": (bool, None),
    "text_score": (float, None),
    "entity_score": (float, None),
    "outcome_has_value": (bool, None),
    "score": (float, None),
    "measure": (str, ("growth", "change_pp", "share", "flow", "stock", "level", "qualitative")),
    "mutual_best": (bool, None),
    "generic_wording": (bool, None),
    "value_ratio": (float, None),
    "text_margin": (float, None),
}
OPS = ("eq", "ne", "in", "not_in", "gt", "ge", "lt", "le", "between", "matches", "exists")


class Test(Strict):
    """One test on one field: `{field: value}` is shorthand for `{field: {eq: value}}`."""

    field: str
    op: Literal["eq", "ne", "in", "not_in", "gt", "ge", "lt", "le", "between", "matches", "exists"]
    value: Any


def _parse_when(raw: Any, registry: dict, where: str) -> list[Test]:
    if raw is None:
        return []
    if not isinstance(raw, dict):
        raise ValueError(f"{where} must be a mapping of field: test")
    tests = []
    for fname, spec in raw.items():
        if fname not in registry:
            sugg = process.extractOne(str(fname), list(registry))
            hint = f" (did you mean '{sugg[0]}'?)" if sugg and sugg[1] >= 60 else ""
            raise ValueError(f"unknown condition field '{fname}'{hint}")
        typ, allowed = registry[fname]
        if isinstance(spec, dict):
            if len(spec) != 1:
                raise ValueError(f"test on '{fname}' must have exactly one operator, one of {', '.join(OPS)}")
            op, val = next(iter(spec.items()))
            if op not in OPS:
                sugg = process.extractOne(str(op), OPS)
                raise ValueError(f"unknown operator '{op}' on '{fname}' (did you mean '{sugg[0]}'?)")
        else:
            op, val = "eq", spec
        _check_value(fname, op, val, typ, allowed)
        tests.append(Test(field=fname, op=op, value=val))
    return tests


def _check_value(fname: str, op: str, val: Any, typ: type, allowed) -> None:
    vals = val if op in ("in", "not_in") else [val]
    if op in ("in", "not_in") and not isinstance(val, list):
        raise ValueError(f"operator '{op}' on '{fname}' needs a list")
    if op == "exists":
        if not isinstance(val, bool):
            raise ValueError(f"operator 'exists' on '{fname}' needs true or false")
        return
    if op == "matches":
        if typ is not str:
            raise ValueError(f"operator 'matches' needs a text field; '{fname}' is {typ.__name__}")
        try:
            re.compile(val)
        except (re.error, TypeError) as e:
            raise ValueError(f"invalid regular expression for '{fname}': {e}") from None
        return
    if op == "between":
        if typ is not float:
            raise ValueError(f"operator 'between' needs a number field; '{fname}' is {typ.__name__}")
        if (not isinstance(val, list) or len(val) != 2
                or any(isinstance(v, bool) or not isinstance(v, (int, float)) for v in val) or val[0] > val[1]):
            raise ValueError(f"operator 'between' on '{fname}' needs [low, high] with low <= high, got {val!r}")
        return
    if op in ("gt", "ge", "lt", "le") and typ is not float:
        raise ValueError(f"operator '{op}' needs a number field; '{fname}' is {typ.__name__}")
    for v in vals:
        if typ is bool and not isinstance(v, bool):
            raise ValueError(f"'{fname}' is true/false, got {v!r}")
        if typ is float and (isinstance(v, bool) or not isinstance(v, (int, float))):
            raise ValueError(f"'{fname}' is a number, got {v!r}")
        if typ is str and not isinstance(v, str):
            raise ValueError(f"'{fname}' is text, got {v!r}")
        if allowed and v not in allowed:
            raise ValueError(f"'{fname}' cannot be {v!r}; allowed: {', '.join(allowed)}")


def test_passes(t: Test, ctx: dict) -> bool:
    v = ctx.get(t.field)
    op, want = t.op, t.value
    if op == "exists":
        return (v is not None) == want
    if op == "eq":
        return v == want
    if op == "ne":
        return v != want
    if op == "in":
        return v in want
    if op == "not_in":
        return v not in want
    if v is None:
        return False
    if op == "matches":
        return re.search(want, str(v)) is not None
    if op == "between":
        return want[0] <= v <= want[1]
    return {"gt": v > want, "ge": v >= want, "lt": v < want, "le": v <= want}[op]


class Level(Strict):
    code: str = Field(pattern=CODE_RE, description="Stable code, e.g. MET01; cited in outputs.")
    name: str = Field(pattern=NAME_RE, description="Dotted name, e.g. met.numeric_target_reached.")
    description: str = Field(min_length=5)
    aliases: list[str] = Field(default_factory=list, description="Former codes of this rule.")
    examples: list[str] = Field(default_factory=list)
    when: dict[str, Any] | None = Field(default=None, description="All tests must pass; omitted = always.")
    any: list[dict[str, Any]] | None = Field(default=None, description="At least one group must pass.")
    else_: bool = Field(default=False, alias="else", description="The explicit fallback level.")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    def compiled(self, registry) -> tuple[list[Test], list[list[Test]]]:
        return (_parse_when(self.when, registry, "when"),
                [_parse_when(g, registry, "any") for g in (self.any or [])])

    def is_catch_all(self) -> bool:
        return self.else_ or (not self.when and not self.any)


class StatusLevel(Level):
    status: Literal["met", "missed", "unreported"]
    unreported_kind: Literal["no_later_report", "later_reports_silent", "mentioned_without_figure", "proxy_only",
                             "recommitted"] | None = None
    label: str = Field(description="Short Chinese label shown in the scorecard.")
    explanation: str = Field(description="One sentence; {placeholders} name context values.")

    @model_validator(mode="after")
    def _check(self):
        self.compiled(STATUS_FIELDS)
        if self.status == "unreported" and self.unreported_kind is None:
            raise ValueError("an unreported level must say its unreported_kind")
        for ph in re.findall(r"\{([^{}]*)\}", self.explanation):
            if ph not in EXPLANATION_FIELDS:
                sugg = process.extractOne(ph, EXPLANATION_FIELDS)
                raise ValueError(f"unknown placeholder '{{{ph}}}' in explanation (did you mean '{{{sugg[0]}}}'?)")
        return self


EXPLANATION_FIELDS = ("target", "outcome", "outcome_document", "outcome_period", "outcome_period_text", "period",
                      "indicator", "entity", "stage", "outcome_stage", "later_documents", "proxy", "recommitted_in",
                      "tolerance", "score")


class StatusSettings(Strict):
    about_tolerance_pp: float = Field(0.2, ge=0, le=5, description="左右: how far below (or above, for ceilings) "
                                      "a % or 个百分点 target an outcome may be and still count as met.")
    about_tolerance_relative: float = Field(0.02, ge=0, le=0.5, description="左右 for amounts and counts: "
                                            "relative tolerance.")
    plain_figure_reads_as: Literal["floor", "exact"] = Field("floor", description="How a plain figure "
                                                             "('增长7.5%') is read.")
    stage_any_later_period: bool = Field(True, description="A named project reported at or beyond the promised "
                                         "stage in any later report counts as met (delivered late).")
    five_year_level_settles_final_year: bool = Field(True, description="A level, stock or share stated at the "
                                                     "end of a five-year review (2021-2025) as the final level "
                                                     "(预计/年末/突破, no 累计 or 新增) settles a target for its "
                                                     "final year (2025); growth rates and totals never do.")
    stock_settles_flow: bool = Field(False, description="May a later stock figure settle a flow target?")


class StatusRules(Strict):
    version: Literal[1]
    settings: StatusSettings = StatusSettings()
    levels: list[StatusLevel] = Field(min_length=2)

    @model_validator(mode="after")
    def _order(self):
        problems = _level_problems(self.levels)
        if self.levels[0].status != "unreported":
            problems.append(f"levels[0] ({self.levels[0].code}): the first level must be the explicit "
                            f"'unreported' level")
        _raise_all(problems)
        return self


def _raise_all(problems: list[str]) -> None:
    """A whole-file check reports every problem it finds, one per line; `_format` locates each line by the entry
    it names (levels[3], indicators[12])."""
    if problems:
        raise ValueError("\n".join(problems))


def _level_problems(levels: list[Level]) -> list[str]:
    problems = []
    if not levels[-1].else_:
        problems.append(f"levels[{len(levels) - 1}] ({levels[-1].code}): the last level must be the explicit "
                        f"fallback (else: true)")
    codes: dict[str, int] = {}
    for i, lv in enumerate(levels):
        for c in [lv.code, *lv.aliases]:
            if c in codes:
                problems.append(f"levels[{i}]: code {c} is already used by levels[{codes[c]}]")
            codes.setdefault(c, i)
        if lv.is_catch_all() and i < len(levels) - 1:
            problems.append(f"levels[{i + 1}] ({levels[i + 1].code}) is unreachable: levels[{i}] ({lv.code}) "
                            f"matches everything")
        if lv.else_ and (lv.when or lv.any):
            problems.append(f"levels[{i}] ({lv.code}): the fallback level takes no conditions")
    return problems


class MatchLevel(Level):
    label: Literal["strong", "probable", "weak", "none"]

    @model_validator(mode="after")
    def _check(self):
        self.compiled(MATCH_FIELDS)
        return self


class Scorer(Strict):
    scorer: Literal["ratio", "partial_ratio", "token_set_ratio", "token_sort_ratio", "WRatio", "QRatio"] = Field(
        description="rapidfuzz.fuzz scorer, by its rapidfuzz name.")
    tokenizer: Literal["none", "char_bigrams"] = Field("none", description="char_bigrams splits Chinese into "
                                                       "overlapping character pairs, so token scorers see tokens.")
    weight: float = Field(1.0, gt=0, le=10)


class ScopeRules(Strict):
    qualifiers: list[str] = Field(default_factory=list, description="Words that narrow what is counted (国际, 综保区, "
                                  "亿元以上): a figure with one and a target without it (or the reverse) differ in scope.")
    admin_levels: dict[str, list[str]] = Field(default_factory=dict, description="Administrative levels by "
                                               "name, each with the words that name it (national: 国家级, 国家): "
                                               "two texts naming levels and no level in common count different things.")
    levels_above: dict[str, list[str]] = Field(default_factory=dict, description="For each administrative level, "
                                               "the levels above it: '市级以上' (及以上) names its level and these.")
    stage_classes: dict[str, list[str]] = Field(default_factory=dict, description="Project stages a count can "
                                                "refer to, by class; verbs of one class name the same stage, verbs "
                                                "of two different classes on the two sides mean different scopes.")
    not_joining: list[str] = Field(default_factory=list, description="Words in which 和/及/与 join nothing "
                                   "(普及, 参与): such a text is not a combined figure.")
    list_verbs: list[str] = Field(default_factory=list, description="Construction verbs: a list part ending in one "
                                  "qualifies the noun after the list ('市区新建、扩建中小学校') and is not a thing counted.")

    @model_validator(mode="after")
    def _check_levels(self):
        unknown = sorted({n for k, v in self.levels_above.items() for n in [k, *v]} - set(self.admin_levels))
        if unknown:
            raise ValueError(f"levels_above names levels not in admin_levels: {', '.join(unknown)}")
        return self


class MatchingRules(Strict):
    version: Literal[1]
    scorers: list[Scorer] = Field(min_length=1, description="Text score = weighted mean of these scorers.")
    processor: Literal["mask_digits", "none"] = Field("mask_digits", description="mask_digits replaces every "
                                                      "number with '#' before scoring.")
    strip_leading: list[str] = Field(default_factory=list, description="Verbs and fillers removed from the front "
                                     "of the compared text (新增, 引进, 完成 …).")
    strip_trailing: list[str] = Field(default_factory=list, description="Words removed from the end (超, 达到 …).")
    amount_units: list[str] = Field(default_factory=list, description="Units of annual amounts, for which "
                                    "'完成X' (flow) and '达X' (stock) measure the same thing.")
    max_years_later: int = Field(6, ge=1, le=50, description="Outcomes are looked for in reports delivered at most "
                                 "this many years after the commitment's report (a five-year review plus one).")
    prefilter: float = Field(50, ge=0, le=100, description="Text score below which a pair is not examined "
                             "(unless the canonical indicator is the same).")
    proxy_cutoff: float = Field(70, ge=0, le=100, description="Combined score needed for proxy evidence.")
    max_candidates: int = Field(5, ge=1, le=50)
    scope: ScopeRules = Field(default_factory=lambda: ScopeRules(), description="Vocabulary that tells whether two "
                              "figures count the same scope (combined figures, qualifiers, levels, stages).")
    generic_words: list[str] = Field(default_factory=list, description="Words that name no indicator by "
                                     "themselves (投资, 项目, 企业): a commitment or outcome whose compared text is "
                                     "only one of these has generic_wording true.")
    synonyms: list[list[str]] = Field(default_factory=list, description="Groups of words that name the same "
                                      "thing across years (会展/展会); each is read as the group's first word "
                                      "before texts are compared.")
    exclusive_probable: bool = Field(True, description="An outcome matched only by wording (label 'probable') "
                                     "settles at most one commitment of a document: the closest wording keeps it.")
    weights: dict[Literal["text", "indicator", "unit", "measure", "entity", "value"], float]
    repeat_cutoff: float = Field(85, ge=0, le=100, description="Text score at which a later plan's commitment "
                                 "counts as a repeat.")
    levels: list[MatchLevel] = Field(min_length=2)

    @model_validator(mode="after")
    def _order(self):
        _raise_all(_level_problems(self.levels))
        return self


class Indicator(Strict):
    name: str
    aliases: list[str] = Field(min_length=1)
    direction: Literal["higher", "lower"] = "higher"
    part_of: str | None = Field(None, description="A wider indicator this one counts a part of (保障性租赁住房 of "
                                "保障性住房): its figure is a part of a target for the wider one.")
    note: str | None = None


class IndicatorRules(Strict):
    version: Literal[1]
    indicators: list[Indicator]
    unit_equivalents: list[list[str]] = Field(default_factory=list)
    strip_prefixes: list[str] = Field(default_factory=list, description="Words dropped from the front of an "
                                      "indicator as printed (全区, 全年, 力争 …).")

    @model_validator(mode="after")
    def _unique(self):
        problems = []
        seen: dict[str, str] = {}
        for i, ind in enumerate(self.indicators):
            for a in ind.aliases:
                if a in seen and seen[a] != ind.name:
                    problems.append(f"indicators[{i}] '{ind.name}': alias '{a}' already belongs to '{seen[a]}'")
                seen.setdefault(a, ind.name)
        names = {ind.name for ind in self.indicators}
        for i, ind in enumerate(self.indicators):
            if ind.part_of is not None and (ind.part_of not in names or ind.part_of == ind.name):
                problems.append(f"indicators[{i}] '{ind.name}': part_of names no other indicator ('{ind.part_of}')")
        _raise_all(problems)
        return self


class Area(Strict):
    name: str
    keywords: list[str] = Field(min_length=1)


class AreaRules(Strict):
    version: Literal[1]
    default: str
    areas: list[Area]


class Stage(Strict):
    name: str
    rank: int = Field(ge=0, le=10)
    words: list[str] = Field(min_length=1)


class StageRules(Strict):
    version: Literal[1]
    entity_suffixes: list[str] = Field(min_length=1)
    generic_words: list[str] = Field(default_factory=list, description="Words that do not make a name: an "
                                     "entity made only of these (重点项目, 一批产业园) is not a named thing.")
    stages: list[Stage] = Field(min_length=2)

    @field_validator("entity_suffixes")
    @classmethod
    def _nonempty(cls, v):
        if any(not s for s in v):
            raise ValueError("empty entity suffix")
        return v


class RuleSet(BaseModel):
    """All rule files, validated, plus a digest that changes whenever any file changes."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    directory: str
    indicators: IndicatorRules
    areas: AreaRules
    stages: StageRules
    matching: MatchingRules
    status: StatusRules
    files: dict[str, str]  # file name -> sha256
    digest: str

    def status_level(self, code: str) -> StatusLevel:
        for lv in self.status.levels:
            if lv.code == code or code in lv.aliases:
                return lv
        raise KeyError(code)


MODELS = {"indicators.yaml": IndicatorRules, "areas.yaml": AreaRules, "stages.yaml": StageRules,
          "matching.yaml": MatchingRules, "status.yaml": StatusRules}
_ALL_FIELDS = sorted({f for m in (IndicatorRules, Indicator, AreaRules, Area, StageRules, Stage, MatchingRules, Scorer,
                                  MatchLevel, StatusRules, StatusLevel, StatusSettings)
                      for f in m.model_fields} | {"else"})


def load_rules(directory: str | Path) -> RuleSet:
    """Load and validate every rule file in `directory`; raise RulesError listing all problems."""
    d = Path(directory)
    errors: list[str] = []
    loaded: dict[str, Any] = {}
    hashes: dict[str, str] = {}
    if not d.is_dir():
        raise RulesError([f"{d}: R001 rules folder not found"])
    for name in RULE_FILES:
        p = d / name
        shown = str(p)
        if not p.exists():
            errors.append(f"{shown}:1:1: R002 missing rule file")
            continue
        text = p.read_text(encoding="utf-8")
        hashes[name] = hashlib.sha256(text.encode()).hexdigest()
        yaml = YAML(typ="rt")
        yaml.allow_duplicate_keys = False
        try:
            data = yaml.load(text)
        except MarkedYAMLError as e:
            mark = e.problem_mark or e.context_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            code = "R004" if "duplicate" in str(e).lower() else "R003"
            errors.append(f"{shown}:{line}:{col}: {code} YAML syntax: {(e.problem or str(e)).strip()}")
            continue
        except YAMLError as e:
            errors.append(f"{shown}:1:1: R003 YAML syntax: {str(e).strip().splitlines()[0]}")
            continue
        try:
            loaded[name] = MODELS[name].model_validate(_plain(data))
        except ValidationError as e:
            for err in e.errors(include_url=False):
                errors.extend(_format(shown, data, err))
    for extra in sorted(p.name for p in d.glob("*.yaml") if p.name not in RULE_FILES):
        errors.append(f"{d / extra}:1:1: R005 unknown rule file (expected one of {', '.join(RULE_FILES)})")
    if errors:
        raise RulesError(errors)
    digest = hashlib.sha256("".join(f"{k}:{v}" for k, v in sorted(hashes.items())).encode()).hexdigest()[:16]
    return RuleSet(directory=str(d), indicators=loaded["indicators.yaml"], areas=loaded["areas.yaml"],
                   stages=loaded["stages.yaml"], matching=loaded["matching.yaml"], status=loaded["status.yaml"],
                   files=hashes, digest=digest)


def _plain(node):
    if isinstance(node, CommentedMap):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, CommentedSeq):
        return [_plain(v) for v in node]
    return node


def _locate(data, loc: tuple) -> tuple[int, int]:
    """Line and column (1-based) of the deepest node on `loc` that exists in the YAML."""
    line, col = 1, 1
    node = data
    for key in loc:
        if isinstance(node, CommentedMap) and key in node:
            ln, cl = node.lc.key(key)
            line, col = ln + 1, cl + 1
            node = node[key]
        elif isinstance(node, CommentedSeq) and isinstance(key, int) and key < len(node):
            ln, cl = node.lc.item(key)
            line, col = ln + 1, cl + 1
            node = node[key]
        else:
            break
    return line, col


_ERROR_CODES = {
    "extra_forbidden": "R101", "missing": "R102", "literal_error": "R103", "string_pattern_mismatch": "R104",
    "value_error": "R105", "greater_than_equal": "R106", "less_than_equal": "R106", "too_short": "R107",
}


def _format(shown: str, data, err: dict) -> list[str]:
    """One located line per problem; a whole-file check may report several, one per line of its message."""
    if err["type"] == "value_error" and "\n" in err["msg"]:
        lines = err["msg"].removeprefix("Value error, ").split("\n")
        return [x for line in lines for x in _format(shown, data, {**err, "msg": "Value error, " + line})]
    loc = tuple(err["loc"])
    # Model validators report at the model; strip pydantic's function markers.
    loc = tuple(x for x in loc if not (isinstance(x, str) and x.startswith("function-")))
    named = re.search(r"(levels|indicators)\[(\d+)\]", err["msg"]) if not loc else None
    if named:
        loc = (named.group(1), int(named.group(2)))  # a whole-file check that names the offending entry
    line, col = _locate(data, loc)
    etype = err["type"]
    code = _ERROR_CODES.get(etype, "R199")
    msg = err["msg"]
    if etype == "extra_forbidden":
        key = str(loc[-1])
        sugg = process.extractOne(key, _ALL_FIELDS)
        hint = f" (did you mean '{sugg[0]}'?)" if sugg and sugg[1] >= 70 else ""
        msg = f"unknown field '{key}'{hint}"
    elif etype == "missing":
        msg = f"missing field '{loc[-1]}'"
    elif etype == "value_error":
        msg = msg.removeprefix("Value error, ")
        if "unreachable" in msg:
            code = "R110"
        elif "regular expression" in msg:
            code = "R111"
        elif "unknown condition field" in msg or "unknown operator" in msg or "placeholder" in msg:
            code = "R112"
        elif "cannot be" in msg or " is " in msg:
            code = "R113"
    else:
        msg = f"{'.'.join(map(str, loc)) or 'file'}: {msg}"
    return [f"{shown}:{line}:{col}: {code} {msg}"]


ERROR_CODES_DOC = {
    "R001": "rules folder not found", "R002": "a required rule file is missing", "R003": "YAML syntax error",
    "R004": "duplicate key", "R005": "unknown rule file in the folder", "R101": "unknown field",
    "R102": "missing field", "R103": "value not among the allowed choices", "R104": "code or name has the wrong shape",
    "R105": "invalid value", "R106": "number out of range", "R107": "list too short",
    "R110": "level unreachable (shadowed by an earlier catch-all)", "R111": "invalid regular expression",
    "R112": "unknown condition field, operator or placeholder", "R113": "condition value has the wrong type",
    "R199": "other validation error",
}


def schemas() -> dict[str, dict]:
    """JSON Schema of every rule file."""
    return {name: model.model_json_schema() for name, model in MODELS.items()}
