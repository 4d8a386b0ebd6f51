"""Auditor review: the store (append-only, migrations, concurrency), applying decisions, queue, export/import,
the review page over HTTP (CSRF), and a real headless Chromium session."""

from __future__ import annotations

import json
import multiprocessing as mp
import shutil
import sqlite3
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.pipeline import run
from checker.review.queue import build_queue
from checker.review.store import SCHEMA_VERSION, Decision, ReviewStore
from tests.conftest import ROOT

runner = CliRunner()
SEEDS = ROOT / "seeds"


def _commitment(seeds_run, pred):
    return next(c for c in seeds_run.results.commitments if pred(c))


def test_store_schema_and_append_only(tmp_path):
    db = tmp_path / "r.db"
    with ReviewStore(db) as s:
        assert s.version() == SCHEMA_VERSION
        mode = s.con.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"
        a = s.add(Decision(target="C1", target_kind="commitment", action="set_status", status="met", note="n", reviewer="r"))
        b = s.add(Decision(target="C1", target_kind="commitment", action="set_status", status="missed", note="n2", reviewer="r"))
        assert (a.seq, b.seq) == (1, 2)
        assert [d.status for d in s.history("C1")] == ["met", "missed"]


def test_migration_from_version_1(tmp_path):
    db = tmp_path / "old.db"
    con = sqlite3.connect(db)
    from checker.review.store import MIGRATIONS

    for stmt in MIGRATIONS[1]:
        con.execute(stmt)
    con.execute("INSERT INTO decision (target, target_kind, action, status, note, reviewer, created_at) VALUES "
                "('C9', 'commitment', 'set_status', 'met', '旧决定', '李四', '2026-01-01T00:00:00+00:00')")
    con.execute("PRAGMA user_version = 1")
    con.commit()
    con.close()
    with ReviewStore(db) as s:
        assert s.version() == SCHEMA_VERSION
        [d] = s.all()
        assert (d.target, d.note, d.period) == ("C9", "旧决定", None)


@pytest.mark.parametrize("kwargs,msg", [
    (dict(target="C1", target_kind="commitment", action="set_status", note="x", reviewer="r"), "needs a status"),
    (dict(target="C1", target_kind="commitment", action="pick_evidence", note="x", reviewer="r"), "outcome id"),
    (dict(target="C1", target_kind="commitment", action="set_status", status="met", note=" ", reviewer="r"), "note"),
    (dict(target="O1", target_kind="outcome", action="set_status", status="met", note="x", reviewer="r"), "outcomes"),
])
def test_invalid_decisions_refused(kwargs, msg):
    with pytest.raises(Exception, match=msg):
        Decision(**kwargs)


def _writer(db: str, who: str, n: int) -> None:
    with ReviewStore(db) as s:
        for i in range(n):
            s.add(Decision(target=f"C{who}{i}", target_kind="commitment", action="unratable", note=f"{who}-{i}",
                           reviewer=who))


def test_concurrent_writers_lose_nothing(tmp_path):
    db = str(tmp_path / "c.db")
    ReviewStore(db).close()
    ctx = mp.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(db, w, 150)) for w in ("甲", "乙", "丙")]
    for p in procs:
        p.start()
    # the review page's store, in this process, writes at the same time
    _writer(db, "页", 150)
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    with ReviewStore(db) as s:
        rows = s.all()
    assert len(rows) == 600
    assert len({(d.reviewer, d.note) for d in rows}) == 600
    assert [d.seq for d in rows] == sorted(d.seq for d in rows)


def test_decisions_change_the_next_scorecard_and_survive_rerun(tmp_path, seeds_run):
    c = _commitment(seeds_run, lambda c: c.indicator == "工业投资" and "10%" in c.quote)
    db = tmp_path / "reviews.db"
    res = runner.invoke(app, ["review", "decide", c.id, "--action", "set_status", "--status", "missed",
                              "--note", "计划报告另列15%，以工作报告为准", "--reviewer", "王审计", "--db", str(db)])
    assert res.exit_code == 0, res.output
    out = tmp_path / "reports"
    for _ in range(2):  # survives deleting reports/ and re-running
        shutil.rmtree(out, ignore_errors=True)
        res = runner.invoke(app, ["scorecard", str(SEEDS), "--db", str(db), "--out", str(out), "-q", "--no-pdf"])
        assert res.exit_code == 0, res.output
        data = json.loads((out / "results.json").read_text(encoding="utf-8"))
        got = next(x for x in data["commitments"] if x["id"] == c.id)
        assert got["status"] == "missed" and got["rule"] == "REV02"
        assert got["review"]["reviewer"] == "王审计" and got["review"]["machine_status"] == "unreported"
        html = (out / "北关区" / "2023" / "scorecard.html").read_text(encoding="utf-8")
        assert "审核 Reviewed" in html and "计划报告另列15%" in html


def test_pick_evidence_and_reject(tmp_path, rules, seeds_run):
    c = _commitment(seeds_run, lambda c: c.status == "met" and c.entity and "建筑业总部二期" == c.entity)
    ev = c.evidence[0].outcome
    decisions = [Decision(seq=1, target=c.id, target_kind="commitment", action="reject_match", outcome=ev,
                          note="不是同一项目", reviewer="r")]
    r = run([SEEDS], rules, decisions=decisions)
    got = next(x for x in r.results.commitments if x.id == c.id)
    assert got.status == "unreported" and got.rule == "REV05"
    decisions.append(Decision(seq=2, target=c.id, target_kind="commitment", action="pick_evidence", outcome=ev,
                              note="复核后确认", reviewer="r"))
    r = run([SEEDS], rules, decisions=decisions)
    got = next(x for x in r.results.commitments if x.id == c.id)
    assert got.status == "met" and got.rule == "REV01" and got.evidence[0].outcome == ev


def test_other_government_evidence_is_refused_as_orphan(rules, seeds_run):
    hq = _commitment(seeds_run, lambda c: c.government == "红旗区")
    bg_out = next(o for o in seeds_run.results.outcomes if o.government == "北关区")
    d = Decision(seq=1, target=hq.id, target_kind="commitment", action="pick_evidence", outcome=bg_out.id,
                 note="试图跨政府", reviewer="r")
    r = run([SEEDS], rules, decisions=[d])
    assert [o.seq for o in r.results.orphaned_decisions] == [1]
    assert next(x for x in r.results.commitments if x.id == hq.id).status == "unreported"


def test_orphaned_decision_reported_never_dropped(tmp_path):
    db = tmp_path / "o.db"
    with ReviewStore(db) as s:
        s.add(Decision(target="Cdeadbeef0000", target_kind="commitment", action="unratable", note="旧文件", reviewer="r"))
    res = runner.invoke(app, ["scorecard", str(SEEDS), "--db", str(db), "--out", str(tmp_path / "out"), "-q",
                              "--no-pdf"])
    assert res.exit_code == 0
    assert "orphaned decision #1 on Cdeadbeef0000" in res.output
    data = json.loads((tmp_path / "out" / "results.json").read_text(encoding="utf-8"))
    assert data["orphaned_decisions"][0]["target"] == "Cdeadbeef0000"
    with ReviewStore(db) as s:
        assert s.count() == 1


def test_outcome_period_decision_applies_before_matching(rules, tmp_path):
    from checker.rulecases import LATER_DOC, PLAN_DOC

    d = tmp_path / "in"
    d.mkdir()
    (d / "a_2023.txt").write_text(PLAN_DOC.format(commitment="新增人才公寓500套"), encoding="utf-8")
    (d / "a_2024.txt").write_text(LATER_DOC.format(outcomes="新增人才公寓620套。", later_plan="今年继续推进。"),
                                  encoding="utf-8")
    r1 = run([d], rules)
    c = r1.results.commitments[0]
    assert c.status == "met"
    o = r1.results.outcomes[0]
    r2 = run([d], rules, decisions=[Decision(seq=1, target=o.id, target_kind="outcome", action="set_period",
                                             period="2022", note="这是2022年数字", reviewer="r")])
    c2 = next(x for x in r2.results.commitments if x.id == c.id)
    assert c2.status == "unreported"


def test_queue_sorted_and_filtered(seeds_run):
    q = build_queue(seeds_run)
    assert q and q[0].kind == "conflict"
    assert [i.uncertainty for i in q] == sorted((i.uncertainty for i in q), reverse=True)
    assert all(i.government == "红旗区" for i in build_queue(seeds_run, government="红旗区"))
    res = runner.invoke(app, ["review", "queue", str(SEEDS), "--db", "/nonexistent/none.db", "--format", "json"])
    data = json.loads(res.output)
    assert data["total"] == len(q) and data["counts"]["conflict"] >= 2


def test_export_import_roundtrip(tmp_path):
    db1, db2 = tmp_path / "a.db", tmp_path / "b.db"
    with ReviewStore(db1) as s:
        s.add(Decision(target="C1", target_kind="commitment", action="set_status", status="met", note="一", reviewer="甲"))
        s.add(Decision(target="O1", target_kind="outcome", action="set_period", period="2024", note="二", reviewer="乙"))
    for suffix in (".yaml", ".csv"):
        f = tmp_path / f"decisions{suffix}"
        assert runner.invoke(app, ["review", "export", str(f), "--db", str(db1)]).exit_code == 0
        res = runner.invoke(app, ["review", "import", str(f), "--db", str(db2)])
        assert res.exit_code == 0, res.output
    with ReviewStore(db2) as s:
        rows = s.all()
    assert [(d.target, d.action, d.note, d.reviewer) for d in rows] == [("C1", "set_status", "一", "甲"),
                                                                     ("O1", "set_period", "二", "乙")]


@pytest.fixture()
def server(tmp_path, rules):
    from checker.review.server import ReviewApp, serve

    app_ = ReviewApp([SEEDS], rules, tmp_path / "page.db")
    httpd = serve(app_, "127.0.0.1", 0)
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    yield app_, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _post(url, data, headers=None):
    req = urllib.request.Request(url, data=urllib.parse.urlencode(data).encode(), headers=headers or {})
    opener = urllib.request.build_opener(NoRedirect)
    return opener.open(req)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None


def test_page_requires_csrf_and_writes_the_store(server, seeds_run):
    app_, base = server
    html = urllib.request.urlopen(base + "/").read().decode()
    assert "待审核队列" in html and "http" not in html.split("<body>")[1].replace(base, "")
    c = _commitment(seeds_run, lambda c: c.status == "met")
    item = urllib.request.urlopen(f"{base}/item/{c.id}").read().decode()
    assert "<mark>" in item and "候选结果" in item
    form = {"target": c.id, "target_kind": "commitment", "action": "unratable", "note": "n", "reviewer": "r"}
    with pytest.raises(urllib.error.HTTPError) as e:
        _post(base + "/decide", form)
    assert e.value.code == 403
    with pytest.raises(urllib.error.HTTPError) as e:
        _post(base + "/decide", {**form, "csrf": app_.csrf}, {"Origin": "http://evil.example"})
    assert e.value.code == 403
    with pytest.raises(urllib.error.HTTPError) as e:
        _post(base + "/decide", {**form, "csrf": app_.csrf})
    assert e.value.code == 303
    assert app_.store.count() == 1


def test_real_browser_makes_a_decision(server, seeds_run, tmp_path):
    pytest.importorskip("selenium")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    if not Path("/usr/bin/chromium").exists() or not Path("/usr/bin/chromedriver").exists():
        pytest.skip("Debian chromium/chromium-driver not installed")
    app_, base = server
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              f"--user-data-dir={tmp_path / 'chrome'}", "--window-size=1400,1000"):
        opts.add_argument(a)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
    try:
        driver.get(base + "/")
        assert "待审核队列" in driver.page_source
        target = _commitment(seeds_run, lambda c: c.indicator == "工业投资" and "10%" in c.quote)
        driver.get(f"{base}/item/{target.id}")
        driver.find_element(By.CSS_SELECTOR, "#decide-form input[value=set_status]").click()
        driver.find_element(By.CSS_SELECTOR, "#decide-form select[name=status] option[value=missed]").click()
        driver.find_element(By.ID, "reviewer").send_keys("浏览器审核员")
        driver.find_element(By.ID, "note").send_keys("两份文件目标不一致，按工作报告判定")
        driver.find_element(By.ID, "submit").click()
        # the form posts and the browser loads the next page: wait for it rather than racing it
        saved = WebDriverWait(driver, 30).until(EC.presence_of_element_located((By.ID, "saved")))
        assert saved.is_displayed()
        assert "未达成" in driver.find_element(By.ID, "status").text
        shot = ROOT / "docs" / "review-page.png"
        if shot.parent.is_dir():
            driver.save_screenshot(str(tmp_path / "review-page.png"))
    finally:
        driver.quit()
    with ReviewStore(app_.store.path) as s:
        [d] = s.all()
    assert (d.target, d.action, d.status, d.reviewer) == (target.id, "set_status", "missed", "浏览器审核员")
    out = tmp_path / "out"
    res = runner.invoke(app, ["scorecard", str(SEEDS), "--db", str(app_.store.path), "--out", str(out), "-q"])
    assert res.exit_code == 0, res.output
    html = (out / "北关区" / "2023" / "scorecard.html").read_text(encoding="utf-8")
    assert "两份文件目标不一致" in html
