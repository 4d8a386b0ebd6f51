"""PDF input: text layer read page by page with page numbers; unusable PDFs refused with a clear error."""

from __future__ import annotations

import html

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.errors import InputError
from checker.pdf import check_quality
from tests.conftest import ROOT

runner = CliRunner()


def _pdf_of_text(text: str) -> bytes:
    import weasyprint

    body = html.escape(text)
    doc = ('<html lang="zh-CN"><body style="font-family: \'Noto Sans CJK SC\'; font-size: 10pt">'
           f'<pre style="white-space: pre-wrap; font-family: \'Noto Sans CJK SC\'">{body}</pre></body></html>')
    return weasyprint.HTML(string=doc).write_pdf()


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory):
    d = tmp_path_factory.mktemp("pdf")
    p = d / "beiguan_2023_work_report.pdf"
    p.write_bytes(_pdf_of_text((ROOT / "seeds" / "beiguan_2023_work_report.txt").read_text(encoding="utf-8")))
    return p


def test_pdf_report_is_read_with_pages(seed_pdf, rules):
    from checker.pipeline import run

    r = run([seed_pdf], rules)
    doc = r.results.documents[0]
    assert (doc.government, doc.kind, str(doc.delivered)) == ("北关区", "work_report", "2023-06-24")
    cs = r.results.commitments
    assert len(cs) > 50
    gdp = next(c for c in cs if c.indicator == "地区生产总值" and c.value == 7.5)
    assert gdp.comparator == "=" and gdp.page is not None and gdp.page >= 2
    assert all(c.page for c in cs)
    assert max(c.page for c in cs) > gdp.page


def test_pdf_scorecard_cites_pages(seed_pdf, tmp_path):
    res = runner.invoke(app, ["scorecard", str(seed_pdf), "--out", str(tmp_path / "o"), "-q", "--no-pdf"])
    assert res.exit_code == 0, res.output
    html_ = (tmp_path / "o" / "北关区" / "2023" / "scorecard.html").read_text(encoding="utf-8")
    assert "beiguan_2023_work_report.pdf 第" in html_


def test_scanned_pdf_refused(tmp_path):
    import weasyprint

    p = tmp_path / "scan.pdf"
    p.write_bytes(weasyprint.HTML(string='<svg xmlns="http://www.w3.org/2000/svg" width="400" height="600">'
                                         '<rect width="400" height="600" fill="#ccc"/></svg>').write_pdf())
    res = runner.invoke(app, ["inspect", str(p)])
    assert res.exit_code == 3 and "scan.pdf: no usable text layer" in res.output


def test_broken_pdf_refused(tmp_path, seed_pdf):
    p = tmp_path / "broken.pdf"
    p.write_bytes(seed_pdf.read_bytes()[:2000])
    res = runner.invoke(app, ["inspect", str(p)])
    assert res.exit_code == 3 and "broken.pdf" in res.output
    assert res.output.strip().count("\n") == 0


@pytest.mark.parametrize("text,reason", [
    ("(cid:1234)(cid:88)(cid:77)(cid:99)(cid:100)(cid:101) 政府工作报告" * 3 + "加快推进" * 30, "cid"),
    ("政府工作报告" * 20 + "\ue001\ue002\ue003\ue004\ue005\ue006" * 5, "private-use"),
    ("Government Work Report " * 50 + "政府", "Chinese"),
])
def test_quality_checks(text, reason):
    with pytest.raises(InputError, match=reason):
        check_quality(text, 1, "x.pdf")
