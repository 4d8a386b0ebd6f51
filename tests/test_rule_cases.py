"""Every case in tests/rule_cases/<CODE>.yaml runs the real pipeline on two synthetic reports."""

from __future__ import annotations

import pytest

from checker.rulecases import load_cases, run_case
from tests.conftest import ROOT

CASES = load_cases(ROOT / "tests" / "rule_cases")


def test_every_status_rule_has_cases(rules):
    covered = {code for code, _ in CASES}
    missing = [lv.code for lv in rules.status.levels if lv.code not in covered]
    assert not missing, f"status rules without case files: {missing}"


PARAMS = [pytest.param(code, case, id=f"{code}-{case.name}",
                       marks=[pytest.mark.xfail(reason=f"known gap: {case.todo}", strict=True)] if case.todo else [])
          for code, case in CASES]


@pytest.mark.parametrize("code,case", PARAMS)
def test_rule_case(rules, code, case):
    c = run_case(case, rules)
    got = {"status": c.status, "rule": c.rule}
    want = {"status": case.expect.status, "rule": case.expect.rule}
    if case.expect.unreported_kind is not None:
        got["unreported_kind"], want["unreported_kind"] = c.unreported_kind, case.expect.unreported_kind
    if case.expect.match_level is not None:
        got["match_level"] = c.evidence[0].level if c.evidence else None
        want["match_level"] = case.expect.match_level
    assert got == want, f"{c.quote}: {c.explanation}\n" + "\n".join(s.detail for s in c.trace)
