"""Golden file for the rendered scorecard HTML (regenerate with UPDATE_GOLDEN=1 after a deliberate change)."""

from __future__ import annotations

import os

from checker.pipeline import run
from checker.report.scorecard import build_cards
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"


def test_scorecard_html_golden(rules):
    r = run([ROOT / "seeds" / "hongqi_2023_work_report.txt"], rules)
    cards = build_cards(r.results, rules)
    assert [(c.government, c.period) for c in cards] == [("红旗区", "2023")]
    # the rules digest and file hashes change with every rule edit; the golden file is about rendering
    html = cards[0].html.replace(str(ROOT) + "/", "").replace(rules.digest, "RULES-DIGEST")
    for sha in rules.files.values():
        html = html.replace(sha[:16], "FILE-SHA")
    path = GOLDEN / "hongqi_2023_scorecard.html"
    if os.environ.get("UPDATE_GOLDEN") == "1" or not path.exists():
        path.write_text(html, encoding="utf-8")
    assert html == path.read_text(encoding="utf-8"), "scorecard HTML changed; review and rerun with UPDATE_GOLDEN=1"
