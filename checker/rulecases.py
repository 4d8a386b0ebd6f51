"""Rule case files: small named scenarios that pin down what each rule code decides.

`tests/rule_cases/<CODE>.yaml`:

    rule: MET01
    cases:
      - name: growth_above_floor
        commitment: 地区生产总值增长6%以上        # written into the plan part of a 2023 work report
        outcomes: [地区生产总值增长7.4%]         # written into the review part of the 2024 work report
        later_plan: ""                           # optional: text in the 2024 report's plan part
        no_later_report: false                   # optional: only the 2023 report exists
        settings: {about_tolerance_pp: 0.5}      # optional: override status settings for this case
        expect: {status: met, rule: MET01, unreported_kind: null, match_level: MAT01}
        todo: ""                                 # optional: a known gap (the test is expected to fail)
        about: ""                                # optional: the quote of the commitment the case is about, when
                                                 # the plan text holds several (default: the first extracted)

The harness builds the two synthetic reports in memory and runs the real pipeline on them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from ruamel.yaml import YAML

from .ingest import from_bytes
from .models import Commitment
from .pipeline import analyse
from .rules import RuleSet
from .structure import structure

PLAN_DOC = """测试市政府工作报告
——2023年1月10日在测试市第一届人民代表大会第一次会议上
各位代表：
一、2022年工作回顾
过去一年，各项工作稳步推进。
二、2023年工作安排
今年经济社会发展的主要预期目标是：{commitment}。
"""
LATER_DOC = """测试市政府工作报告
——2024年1月12日在测试市第一届人民代表大会第二次会议上
各位代表：
一、2023年工作回顾
{outcomes}
二、2024年工作安排
{later_plan}
"""


class Expect(BaseModel):
    model_config = ConfigDict(extra="forbid")
    status: Literal["met", "missed", "unreported"]
    rule: str
    unreported_kind: str | None = None
    match_level: str | None = None


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    commitment: str
    outcomes: list[str] = Field(default_factory=list)
    later_plan: str = ""
    no_later_report: bool = False
    settings: dict[str, Any] = Field(default_factory=dict)
    expect: Expect
    todo: str = ""
    about: str = ""


class CaseFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rule: str
    cases: list[Case]


def load_cases(directory: Path) -> list[tuple[str, Case]]:
    out = []
    for p in sorted(directory.glob("*.yaml")):
        cf = CaseFile.model_validate(YAML(typ="safe").load(p.read_text(encoding="utf-8")))
        if p.stem != cf.rule:
            raise ValueError(f"{p}: file name must be the rule code ({cf.rule})")
        out += [(cf.rule, c) for c in cf.cases]
    return out


def run_case(case: Case, rules: RuleSet) -> Commitment:
    """Run the pipeline on the case's two synthetic reports; return the commitment written by the case."""
    if case.settings:
        settings = rules.status.settings.model_copy(update=case.settings)
        type(settings).model_validate(settings.model_dump())
        rules = rules.model_copy(update={"status": rules.status.model_copy(update={"settings": settings})})
    texts = [("case_2023.txt", PLAN_DOC.format(commitment=case.commitment))]
    if not case.no_later_report:
        outcomes = "".join(o.rstrip("。") + "。" for o in case.outcomes) or "过去一年，各项工作稳步推进。"
        later = case.later_plan.rstrip("。") + "。" if case.later_plan else "今年继续推进各项工作。"
        texts.append(("case_2024.txt", LATER_DOC.format(outcomes=outcomes, later_plan=later)))
    structured = [structure(from_bytes(name, Path("/cases") / name, t.encode("utf-8"))) for name, t in texts]
    run = analyse(structured, rules)
    first = structured[0].document.id
    mine = [c for c in run.results.commitments if c.document == first and c.quote in case.commitment
            and (not case.about or c.quote == case.about)]
    if case.about and not mine:
        raise AssertionError(f"case {case.name}: no commitment quoted {case.about!r} in {case.commitment!r}")
    if not mine:
        mine = [c for c in run.results.commitments if c.document == first]
    if not mine:
        raise AssertionError(f"case {case.name}: no commitment extracted from {case.commitment!r}")
    return mine[0]
