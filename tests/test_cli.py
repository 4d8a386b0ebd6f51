"""The main command end to end: outputs, PDFs read back, CSV for Excel, errors, atomicity, safety."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from checker.cli import app
from checker.models import Results
from tests.conftest import ROOT

runner = CliRunner()


@pytest.fixture(scope="module")
def seeds_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    res = runner.invoke(app, ["scorecard", str(ROOT / "seeds"), "--rules", str(ROOT / "rules"), "--out", str(out), "-q"])
    assert res.exit_code == 0, res.output
    return out, res.output


def test_summary_printed(seeds_out):
    _, output = seeds_out
    assert "份文件" in output and "达成 Met" in output and "份记分卡" in output


def test_results_json_contract(seeds_out):
    out, _ = seeds_out
    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    Results.model_validate(data)
    need = {"documents": ["id", "path", "government", "kind", "delivered", "reviews", "plans"],
            "commitments": ["id", "document", "government", "period", "area", "quote", "kind", "indicator",
                            "comparator", "value", "unit", "status", "rule", "explanation", "evidence", "proxy_evidence"],
            "outcomes": ["id", "document", "government", "period", "quote", "indicator", "value", "unit"]}
    for key, fields in need.items():
        assert data[key]
        for f in fields:
            assert f in data[key][0], f"{key}[].{f}"
    assert data["documents"][0]["path"].startswith(str(ROOT / "seeds"))
    ev = next(c["evidence"][0] for c in data["commitments"] if c["evidence"])
    assert {"outcome", "document", "quote", "value", "unit", "score"} <= set(ev)


def test_csv_opens_in_excel(seeds_out):
    out, _ = seeds_out
    raw = (out / "commitments.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert len(rows) == len(data["commitments"])
    assert rows[0]["status_label"] in ("达成 Met", "未达成 Missed", "未报告 Unreported")


def test_one_scorecard_per_government_and_period(seeds_out):
    out, _ = seeds_out
    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    pairs = {(c["government"], c["period"]) for c in data["commitments"]}
    for gov, period in pairs:
        assert (out / gov / period / "scorecard.pdf").is_file()
        assert (out / gov / period / "scorecard.html").is_file()


def test_pdf_text_and_fonts(seeds_out):
    out, _ = seeds_out
    pdf = PdfReader(out / "北关区" / "2023" / "scorecard.pdf")
    text = "".join(p.extract_text() for p in pdf.pages[:3])
    for want in ("北关区", "承诺兑现记分卡", "达成 Met", "未达成 Missed", "未报告 Unreported", "地区生产总值"):
        assert want in text.replace(" \n", " "), want
    fonts = set()
    for page in pdf.pages[:2]:
        for f in page["/Resources"]["/Font"].values():
            fonts.add(str(f.get_object()["/BaseFont"]))
    assert any("Noto-Sans-CJK-SC" in f and "+" in f for f in fonts), fonts  # embedded and subset
    last = "".join(p.extract_text() for p in pdf.pages[-3:])
    assert "UNR00" in last and "方法附录" in "".join(p.extract_text() for p in pdf.pages)


def test_html_is_chinese_and_self_contained(seeds_out):
    out, _ = seeds_out
    html = (out / "北关区" / "2023" / "scorecard.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in html
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "") and "https://" not in html
    assert "<svg" in html  # the status chart
    assert "重复承诺" in html and "相互矛盾的目标" in html and "无对应承诺的报告结果" in html


def test_missing_input_is_one_line_error(tmp_path):
    res = runner.invoke(app, ["scorecard", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "o"), "-q"])
    assert res.exit_code == 3
    assert res.output.strip().count("\n") == 0 and "nope.txt" in res.output
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("content,reason", [
    (b"", "empty"),
    (b"\x00\x01\x02 just bytes \xff\xfe\xfd" * 10, "not valid"),
    ("hello world, no Chinese here at all".encode(), "no Chinese text"),
    ("加快推进北关区人民医院建设，新增人才公寓500套。".encode("utf-8").decode("gbk", errors="replace").encode("gb18030") * 5,
     "mojibake"),
], ids=["empty", "binary", "not-chinese", "mojibake"])
def test_bad_files_refused_and_previous_reports_kept(seeds_out, tmp_path, content, reason):
    out, _ = seeds_out
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    res = runner.invoke(app, ["scorecard", str(ROOT / "seeds"), str(bad), "--out", str(out), "-q"])
    assert res.exit_code == 3, res.output
    assert "bad.txt" in res.output
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before


def test_gbk_input_decoded(tmp_path):
    src = (ROOT / "seeds" / "hongqi_2023_work_report.txt").read_text(encoding="utf-8")
    f = tmp_path / "hongqi_gbk.txt"
    f.write_bytes(src.encode("gb18030"))
    res = runner.invoke(app, ["inspect", str(f)])
    assert res.exit_code == 0, res.output
    assert "红旗区" in res.output


def test_inspect_explains(tmp_path):
    res = runner.invoke(app, ["inspect", str(ROOT / "seeds" / "beiguan_2023_work_report.txt")])
    assert res.exit_code == 0
    assert "北关区" in res.output and "2023-06-24" in res.output and "why:" in res.output
    js = runner.invoke(app, ["inspect", str(ROOT / "seeds" / "beiguan_2023_plan.txt"), "--format", "json"])
    data = json.loads(js.output)
    assert data["kind"] == "plan" and data["counts"]["commitments"] > 20


def test_sidecar_overrides_detection(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(ROOT / "seeds" / "beiguan_2024_congress_news.txt", d / "news.txt")
    (d / "news.meta.yaml").write_text("delivered: 2024-05-31\nreviews: ['2023']\n", encoding="utf-8")
    res = runner.invoke(app, ["inspect", str(d / "news.txt"), "--format", "json"])
    data = json.loads(res.output)
    assert data["delivered"] == "2024-05-31" and data["reviews"] == ["2023"]
    (d / "news.meta.yaml").write_text("govrnment: 北关区\n", encoding="utf-8")
    bad = runner.invoke(app, ["inspect", str(d / "news.txt")])
    assert bad.exit_code == 3 and "govrnment" in bad.output


def test_untrusted_text_renders_inert(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    text = (ROOT / "seeds" / "hongqi_2023_work_report.txt").read_text(encoding="utf-8")
    evil = ('全年新增<img src="file:///etc/passwd">人才公寓<link rel="attachment" href="http://169.254.169.254/">'
            '<script>alert(1)</script>500套。')
    text = text.replace("二、2023 年工作总体要求和主要目标", "二、2023 年工作总体要求和主要目标\n\n" + evil, 1)
    (d / "evil.txt").write_text(text, encoding="utf-8")
    (d / "evil.meta.yaml").write_text("government: ../../etc\n", encoding="utf-8")
    out = tmp_path / "out"
    res = runner.invoke(app, ["scorecard", str(d), "--out", str(out), "-q"])
    assert res.exit_code == 0, res.output
    files = [p for p in out.rglob("*") if p.is_file()]
    assert all(p.resolve().is_relative_to(out.resolve()) for p in files)
    html = next(p for p in files if p.name == "scorecard.html").read_text(encoding="utf-8")
    assert "<img" not in html and "<script>" not in html and "&lt;script&gt;" in html
    pdf = next(p for p in files if p.name == "scorecard.pdf").read_bytes()
    assert b"/EmbeddedFile" not in pdf


def test_missing_glyph_fails_the_render():
    from checker.errors import OutputError
    from checker.report.scorecard import render_pdf

    with pytest.raises(OutputError, match="warning"):
        render_pdf('<html lang="zh-CN"><body style="font-family: \'Noto Sans CJK SC\'">\U000f0000 \ue000</body></html>')


def test_schema_command():
    res = runner.invoke(app, ["schema"])
    assert res.exit_code == 0
    schema = json.loads(res.output)
    assert "commitments" in schema["properties"]


@pytest.mark.parametrize("encode,ok", [
    (lambda t: t.encode("utf-8-sig"), True),
    (lambda t: t.encode("utf-16"), True),
    (lambda t: t.encode("gb18030"), True),
    (lambda t: t.encode("utf-8").decode("gbk", errors="replace").encode("utf-8"), False),  # mojibake saved as UTF-8
    (lambda t: t.encode("gbk", errors="replace").decode("utf-8", errors="replace").encode("utf-8"), False),
], ids=["utf8-bom", "utf16", "gb18030", "utf8-read-as-gbk", "gbk-read-as-utf8"])
def test_encodings(tmp_path, encode, ok):
    text = (ROOT / "seeds" / "hongqi_2023_work_report.txt").read_text(encoding="utf-8")
    f = tmp_path / "hongqi.txt"
    f.write_bytes(encode(text))
    res = runner.invoke(app, ["inspect", str(f)])
    if ok:
        assert res.exit_code == 0 and "红旗区" in res.output, res.output
    else:
        assert res.exit_code == 3 and "hongqi.txt" in res.output, res.output
        assert res.output.strip().count("\n") == 0


def test_killed_run_leaves_previous_reports_intact(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    out = tmp_path / "reports"
    res = runner.invoke(app, ["scorecard", str(ROOT / "seeds" / "hongqi_2023_work_report.txt"), "--out", str(out),
                              "-q", "--no-cache"])
    assert res.exit_code == 0, res.output
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    # A second run over more input (so every output would change), killed while it renders PDFs.
    proc = subprocess.Popen([sys.executable, "-m", "checker.cli", "scorecard", str(ROOT / "seeds"), "--out", str(out),
                             "-q", "--no-cache"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and not any(p.name.endswith(".tmp") for p in out.rglob("*")):
        time.sleep(0.05)
    time.sleep(0.5)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file() and not p.name.endswith(".tmp")}
    assert after == before
    # the next run sweeps what the killed one left (once it is old enough not to belong to a live run)
    import os

    leftovers = [p for p in out.rglob(".*.tmp")]
    assert leftovers
    for p in leftovers:
        os.utime(p, (time.time() - 7200, time.time() - 7200))
    from checker.report import Staged

    assert Staged.sweep(out) == len(leftovers)
    assert not list(out.rglob(".*.tmp"))
