"""Rule files: the defaults load; bad copies give precise, located errors, all at once, exit code 2."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.errors import RulesError
from checker.rules import load_rules
from tests.conftest import ROOT


def _copy(tmp_path: Path) -> Path:
    d = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", d)
    return d


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return i
    raise AssertionError(needle)


def test_default_rules_load(rules):
    assert rules.status.levels[0].code == "UNR00"
    assert rules.status.levels[-1].else_
    assert len(rules.digest) == 16


BAD = [
    # file, old, new, expected code, expected message part, needle for the line
    ("status.yaml", "  about_tolerance_pp: 0.2", "  about_tolerance_ppp: 0.2", "R101",
     "unknown field 'about_tolerance_ppp' (did you mean 'about_tolerance_pp'?)", "about_tolerance_ppp"),
    ("status.yaml", "  about_tolerance_pp: 0.2", "  about_tolerance_pp: lots", "R199", "about_tolerance_pp",
     "about_tolerance_pp"),
    ("status.yaml", "when: {kind: quantitative, comparison: satisfied}",
     "when: {kind: quantitative, comparison: satisfied, indicator: {matches: '[unclosed'}}", "R111",
     "invalid regular expression", "MET01"),
    ("status.yaml", "when: {has_later_document: false}", "when: {has_later_documents: false}", "R112",
     "did you mean 'has_later_document'", "UNR00"),
    ("status.yaml", "when: {kind: quantitative, comparison: not_satisfied}\n    status: missed",
     "# no condition: a catch-all\n    status: missed", "R110",
     "unreachable", "code: MIS01"),
    ("matching.yaml", "scorer: ratio", "scorer: levenshtein", "R103", "scorer", "scorer:"),
    ("indicators.yaml", "    part_of: 保障性住房        # each programme", "    part_of: 保障住房        # each programme",
     "R105", "part_of names no other indicator ('保障住房')", "name: 保障性租赁住房"),
    ("matching.yaml", "    city: [provincial, province, national, all_china]",
     "    city: [provincial, provinces, national, all_china]", "R105", "levels not in admin_levels: provinces",
     "scope:"),
]


@pytest.mark.parametrize("fname,old,new,code,msg,needle", BAD, ids=[b[3] + "-" + b[5][:12] for b in BAD])
def test_bad_rules_located(tmp_path, fname, old, new, code, msg, needle):
    d = _copy(tmp_path)
    _edit(d / fname, old, new)
    with pytest.raises(RulesError) as ei:
        load_rules(d)
    errors = ei.value.errors
    hit = [e for e in errors if f" {code} " in e and msg in e]
    assert hit, errors
    path, line, col, _ = hit[0].split(":", 3)
    assert path == str(d / fname)
    if code not in ("R110", "R111"):
        assert int(line) == _line_of(d / fname, needle)
    else:
        assert int(line) >= 1


def test_all_errors_at_once(tmp_path):
    d = _copy(tmp_path)
    _edit(d / "status.yaml", "  about_tolerance_pp: 0.2", "  about_tolerance_ppp: 0.2")
    _edit(d / "matching.yaml", "scorer: ratio", "scorer: levenshtein")
    _edit(d / "areas.yaml", "default: 综合", "defualt: 综合")
    with pytest.raises(RulesError) as ei:
        load_rules(d)
    files = {e.split(":", 1)[0] for e in ei.value.errors}
    assert files == {str(d / "status.yaml"), str(d / "matching.yaml"), str(d / "areas.yaml")}


def test_all_problems_of_one_file_at_once(tmp_path):
    """A whole-file check (aliases, part_of, level order) reports every problem, each at its own entry's line."""
    d = _copy(tmp_path)
    ind = d / "indicators.yaml"
    _edit(ind, "    aliases: [公租房, 公共租赁住房]\n    part_of: 保障性住房", "    aliases: [公租房, 公共租赁住房]\n    part_of: 公屋")
    _edit(ind, "    aliases: [配售型保障性住房, 配售型保障房]\n    part_of: 保障性住房",
          "    aliases: [配售型保障性住房, 配售型保障房]\n    part_of: 配售型保障性住房")
    _edit(ind, "    aliases: [人均地区生产总值, 人均生产总值, 人均GDP]", "    aliases: [人均地区生产总值, 人均生产总值, GDP]")
    with pytest.raises(RulesError) as ei:
        load_rules(d)
    got = sorted((int(e.split(":")[1]), e.split(" ", 2)[1]) for e in ei.value.errors)
    assert got == sorted([(_line_of(ind, "name: 人均地区生产总值"), "R105"), (_line_of(ind, "name: 公租房"), "R105"),
                          (_line_of(ind, "name: 配售型保障性住房"), "R105")]), ei.value.errors
    assert any("alias 'GDP' already belongs to '地区生产总值'" in e for e in ei.value.errors)


def test_duplicate_key_refused(tmp_path):
    d = _copy(tmp_path)
    _edit(d / "matching.yaml", "max_candidates: 5", "max_candidates: 5\nmax_candidates: 6")
    with pytest.raises(RulesError) as ei:
        load_rules(d)
    assert any(" R004 " in e for e in ei.value.errors)


def test_cli_rules_check_exit_codes(tmp_path):
    runner = CliRunner()
    ok = runner.invoke(app, ["rules", "check", str(ROOT / "rules")])
    assert ok.exit_code == 0, ok.output
    d = _copy(tmp_path)
    _edit(d / "status.yaml", "  about_tolerance_pp: 0.2", "  about_tolerance_ppp: 0.2")
    bad = runner.invoke(app, ["rules", "check", str(d)])
    assert bad.exit_code == 2
    assert "R101" in bad.output


def test_scorecard_with_bad_rules_writes_nothing(tmp_path):
    d = _copy(tmp_path)
    _edit(d / "status.yaml", "  about_tolerance_pp: 0.2", "  about_tolerance_ppp: 0.2")
    out = tmp_path / "out"
    res = CliRunner().invoke(app, ["scorecard", str(ROOT / "seeds"), "--rules", str(d), "--out", str(out), "-q"])
    assert res.exit_code == 2
    assert "R101" in res.output
    assert not out.exists()


def test_rule_text_is_never_evaluated(tmp_path):
    d = _copy(tmp_path)
    _edit(d / "status.yaml", 'explanation: "后续报告提及相关内容但没有可核验的数据。"',
          'explanation: "{__import__(\'os\').system(\'touch pwned\')}"')
    with pytest.raises(RulesError) as ei:
        load_rules(d)
    assert any("placeholder" in e for e in ei.value.errors)
