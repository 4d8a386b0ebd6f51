"""Analyst tools: generated rule docs stay current, explain works everywhere, rules diff lists exactly what changes."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.ruledocs import render
from checker.rulediff import diff
from checker.rules import load_rules
from tests.conftest import ROOT

runner = CliRunner()


def test_docs_rules_md_is_current(rules):
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == render(rules), "docs/rules.md is stale: run `checker rules docs` and commit it"


def test_rules_docs_check_command(tmp_path):
    stale = tmp_path / "rules.md"
    stale.write_text("old\n", encoding="utf-8")
    res = runner.invoke(app, ["rules", "docs", str(ROOT / "rules"), "--output", str(stale), "--check"])
    assert res.exit_code == 1 and "stale" in res.output


@pytest.mark.parametrize("old,new,code", [
    ("  about_tolerance_pp: 0.2", "  about_tolerance_pp_: 0.2", "R101"),
    ("  about_tolerance_pp: 0.2", "  about_tolerance_pp: [1]", "R199"),
    ("when: {kind: quantitative, comparison: satisfied}",
     "when: {kind: quantitative, comparison: satisfied, indicator: {matches: '(unclosed'}}", "R111"),
    ("when: {kind: quantitative, comparison: not_satisfied}\n    status: missed", "# catch-all\n    status: missed", "R110"),
], ids=["typo", "wrong-type", "bad-regex", "shadowed"])
def test_each_bad_rule_kind_one_located_error_exit_2(tmp_path, old, new, code):
    d = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", d)
    p = d / "status.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    res = runner.invoke(app, ["rules", "check", str(d)])
    assert res.exit_code == 2
    errors = [line for line in res.output.splitlines() if line.startswith(str(p))]
    assert len(errors) == 1, res.output
    path, line, col, rest = errors[0].split(":", 3)
    assert int(line) > 1 and int(col) >= 1 and rest.strip().startswith(code)


def test_explain_every_seed_commitment(seeds_run):
    from checker.classify import full_trace

    paths = {d.id: d.path for d in seeds_run.results.documents}
    for c in seeds_run.results.commitments:
        trace = full_trace(c, paths[c.document])
        steps = [s.step for s in trace]
        assert steps[0] == "source" and steps[1] == "parsed" and steps[-1] == "verdict"
        assert "rules" in steps
        rules_step = next(s for s in c.trace if s.step == "rules")
        assert rules_step.detail.splitlines()[-1].startswith(f"✓ {c.rule} ") or c.rule.startswith("REV")
        if c.evidence:
            assert "candidate" in steps and "compare" in steps


def test_explain_cli(seeds_run):
    c = next(c for c in seeds_run.results.commitments if c.status == "met")
    res = runner.invoke(app, ["explain", c.id, str(ROOT / "seeds")])
    assert res.exit_code == 0, res.output
    assert "[source]" in res.output and "[candidate]" in res.output and "[rules]" in res.output
    assert "✗ UNR00 unreported.no_later_report: failed" in res.output
    assert "MET02" in res.output and "[verdict]" in res.output
    missing = runner.invoke(app, ["explain", "Cnope", str(ROOT / "seeds")])
    assert missing.exit_code == 2


def test_rules_diff_lists_exactly_the_changed_verdicts(tmp_path, rules):
    new_dir = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", new_dir)
    p = new_dir / "status.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("  about_tolerance_pp: 0.2", "  about_tolerance_pp: 1.0", 1),
                 encoding="utf-8")
    cases = tmp_path / "in"
    cases.mkdir()
    from checker.rulecases import LATER_DOC, PLAN_DOC

    (cases / "a_2023.txt").write_text(PLAN_DOC.format(
        commitment="地区生产总值增长6%左右，社会消费品零售总额增长8%左右，新增人才公寓500套"), encoding="utf-8")
    (cases / "a_2024.txt").write_text(LATER_DOC.format(
        outcomes="地区生产总值增长5.4%。社会消费品零售总额增长8.5%。新增人才公寓355套。", later_plan="今年继续推进。"),
        encoding="utf-8")
    r = diff(rules, load_rules(new_dir), [cases])
    assert [c["quote"] for c in r["changed"]] == ["地区生产总值增长6%左右"]
    ch = r["changed"][0]
    assert (ch["old"]["status"], ch["new"]["status"]) == ("missed", "met")
    res = runner.invoke(app, ["rules", "diff", str(ROOT / "rules"), str(new_dir), str(cases), "--format", "json"])
    assert res.exit_code == 0
    assert len(json.loads(res.output)["changed"]) == 1


def test_rules_schema_lists_every_file():
    res = runner.invoke(app, ["rules", "schema"])
    data = json.loads(res.output)
    assert set(data) == {"indicators.yaml", "areas.yaml", "stages.yaml", "matching.yaml", "status.yaml"}
    assert data["status.yaml"]["additionalProperties"] is False
