"""Detect what a document is (government, kind, date, periods) and where its parts are.

Every detected value carries a `Detection` saying why, so `checker inspect` can explain itself. A sidecar
(`NAME.meta.yaml` or `manifest.yaml`) overrides detection field by field.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from .errors import InputError
from .ingest import Source
from .models import Detection, Document, Section
from .normalise import YEAR_DIGITS, cn_number

FIVE_YEAR_PLANS = {"十一五": "2006-2010", "十二五": "2011-2015", "十三五": "2016-2020", "十四五": "2021-2025",
                   "十五五": "2026-2030", "十六五": "2031-2035"}

_ADMIN = r"[\u4e00-\u9fa5]{1,10}?(?:自治区|自治州|省|市|区|县|旗|州|盟)"
_GOV_PATTERNS = [
    (re.compile(rf"在({_ADMIN})第[一二三四五六七八九十]+届人民代表大会"), "delivered at the congress of"),
    (re.compile(rf"({_ADMIN})第[一二三四五六七八九十]+届人民代表大会第[一二三四五六七八九十]+次会议"), "congress session of"),
    (re.compile(rf"((?:{_ADMIN})+)人民政府(?:代理|代)?(?:区长|市长|县长|省长|主席|旗长|州长)"), "signed by the head of"),
    (re.compile(rf"^((?:{_ADMIN})+)\s*\d{{4}}年国民经济和社会发展计划", re.M), "plan title of"),
    (re.compile(rf"((?:{_ADMIN})+)\d{{4}}年国民经济和社会发展计划"), "plan title of"),
]
_DATE = re.compile(
    r"(\d{4}|[〇零○O一二三四五六七八九]{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})日"
)
_YEAR_IN_NAME = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")
_YEAR = re.compile(r"(?<!\d)(20\d\d)年")
_PART_YEAR = re.compile(r"(?<![\d\-—–~至])(20\d\d)年")  # a year, not the end of a range ("(2016-2030年)")
_FIVE = re.compile(r"(十一五|十二五|十三五|十四五|十五五|十六五)")

REVIEW_WORDS = re.compile(r"回顾|执行情况|主要成就|过去一年|过去五年|工作总结|完成情况|一年来|五年来|(?<!见)成效|取得的成绩|发展成就|发展成绩")
_STRONG_REVIEW = re.compile(r"回顾|执行情况|完成情况|工作总结|过去一年|过去五年|一年来|五年来")
PLAN_WORDS = re.compile(
    r"工作安排|重点工作|重点任务|主要目标|预期目标|目标任务|总体要求|工作目标|主要任务|今后五年|发展计划|计划\(草案\)|"
    r"政府自身建设|民生实事|工作建议|奋斗目标|工作重点|主要工作|工作任务|形势与目标|形势和目标|发展目标|目标与任务|目标和任务|"
    r"政府治理|自身建设|主要措施|展望"
)
GLOSSARY_WORDS = re.compile(r"名词解释|词语解释|名词注释|注释|附注|词条解释|有关用语|用语说明")
LEVEL1 = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.]|第[一二三四五六七八九十]{1,3}部分)")
LEVEL2 = re.compile(r"^(?:[(（][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]{1,3}[,，、:：])")


@dataclass
class Paragraph:
    start: int
    end: int
    text: str
    part: str = "other"
    period: str | None = None
    heading: str | None = None  # nearest level-2 heading (policy area source)


@dataclass
class Structured:
    source: Source
    document: Document
    paragraphs: list[Paragraph] = field(default_factory=list)


def cn_int(s: str) -> int:
    """Parse a small Chinese or Arabic integer ('2024', '二〇二四', '十二', '二十一')."""
    if s.isdigit():
        return int(s)
    if len(s) >= 2 and all(c in YEAR_DIGITS for c in s):
        return int("".join(str(YEAR_DIGITS[c]) for c in s))  # a year digit by digit: 二〇二四
    v = cn_number(s)  # a month or day: 十二, 二十一
    if v is None:
        raise ValueError(s)
    return int(v)


def short_government(full: str) -> str:
    """'安阳市北关区' -> '北关区'; '新乡市红旗区' -> '红旗区'; '河南省' -> '河南省'."""
    full = re.sub(r"[^\u4e00-\u9fa5]", "", full)
    body = full
    for suffix in ("自治区", "自治州", "省", "市", "区", "县", "旗", "州", "盟"):
        if full.endswith(suffix) and len(full) > len(suffix):
            body = full[: -len(suffix)]
            last = suffix
            break
    else:
        return full
    cut = max((body.rfind(b) + len(b) for b in ("自治区", "自治州", "省", "市", "盟") if body.rfind(b) >= 0), default=0)
    name = body[cut:]
    if len(name) > 5:
        name = name[-2:]
    return name + last


def structure(src: Source) -> Structured:
    text = src.text.text
    det: list[Detection] = []
    ov = src.overrides
    head = text[:1500]

    # Government.
    gov_full, gov_reason, gov_source = None, "", "default"
    for pat, why in _GOV_PATTERNS:
        m = pat.search(head) or pat.search(text[:6000])
        if m:
            gov_full, gov_reason, gov_source = m.group(1), f"{why} {m.group(1)}: “{m.group(0)[:40]}”", "text"
            break
    if gov_full is None:
        parent = src.abspath.parent.name
        if re.fullmatch(_ADMIN, parent):
            gov_full, gov_reason, gov_source = parent, f"folder name {parent}", "path"
    if gov_full is None and "国务院" in head:
        gov_full, gov_reason, gov_source = "国务院", "mentions 国务院 in the heading", "text"
    if "government" in ov:
        gov_full, gov_reason, gov_source = str(ov["government"]), "sidecar override", "sidecar"
    if not gov_full:
        raise InputError(f"{src.path}: cannot detect the government; add a sidecar {src.abspath.stem}.meta.yaml "
                         f"with 'government: 某某区'")
    government = str(ov["government"]) if "government" in ov else short_government(gov_full)
    if gov_source == "text" and src.abspath.parent.name.endswith(("市", "区", "县")) and src.front_matter:
        # Corpus layout <city>/<year>.md: the folder names the government when the text names a sub-unit.
        parent = src.abspath.parent.name
        if parent != government and parent in gov_full:
            government = parent
    det.append(Detection(field="government", value=government, source=gov_source, reason=gov_reason))

    # Kind.
    title = str(src.front_matter.get("title") or "") if src.front_matter else ""
    first = text[:400]
    if "本报讯" in text[:2000] or re.search(r"□本报记者|本报记者|\(记者", text[:2000]):
        kind, why = "news", "news wording (本报讯/记者)"
    elif "国民经济和社会发展计划" in first[:120] and "政府工作报告" not in first[:120]:
        kind, why = "plan", "title names 国民经济和社会发展计划"
    elif "政府工作报告" in first or "政府工作报告" in title or "向大会报告工作" in text[:3000]:
        kind, why = "work_report", "title or opening names 政府工作报告"
    else:
        kind, why = "other", "no known title"
    ksrc = "text"
    if "kind" in ov:
        kind, why, ksrc = str(ov["kind"]), "sidecar override", "sidecar"
        if kind not in ("work_report", "plan", "news", "other"):
            raise InputError(f"{src.path}: sidecar kind '{kind}' is not one of work_report, plan, news, other")
    det.append(Detection(field="kind", value=kind, source=ksrc, reason=why))

    shown_title = str(ov.get("title") or title or _title_guess(text))

    # Delivery date and year.
    delivered: dt.date | None = None
    year: int | None = None
    m = _DATE.search(text[:1500])
    if m and kind != "news":
        try:
            delivered = dt.date(cn_int(m.group(1)), cn_int(m.group(2)), cn_int(m.group(3)))
            year = delivered.year
            det.append(Detection(field="delivered", value=delivered.isoformat(), source="text",
                                 reason=f"date line “{m.group(0)}”"))
            if delivered.month >= 11 and str(year + 1) in f"{shown_title} {src.abspath.stem}":
                # delivered in December for the coming year ("2023年政府工作报告", 2022年12月29日): the report's year
                year += 1
                det.append(Detection(field="year", value=str(year), source="text",
                                     reason=f"delivered in {delivered.month}月 for the year its title or file name names"))
        except ValueError:
            delivered = None
    if year is None:
        m2 = re.search(r"(20\d\d)\s*年\s*国民经济和社会发展计划", text[:300])
        name_years = _YEAR_IN_NAME.findall(src.abspath.name)
        if m2:
            year = int(m2.group(1))
            det.append(Detection(field="year", value=str(year), source="text", reason=f"plan title “{m2.group(0)}”"))
        elif name_years:
            year = int(name_years[0])
            det.append(Detection(field="year", value=str(year), source="path", reason=f"file name {src.abspath.name}"))
        else:
            years = [int(y) for y in _YEAR.findall(text[:3000])]
            if years:
                year = max(years)
                det.append(Detection(field="year", value=str(year), source="text",
                                     reason="latest year mentioned near the start"))
    if "delivered" in ov:
        try:
            delivered = dt.date.fromisoformat(str(ov["delivered"]))
        except ValueError:
            raise InputError(f"{src.path}: sidecar delivered '{ov['delivered']}' is not a YYYY-MM-DD date") from None
        year = delivered.year
        det.append(Detection(field="delivered", value=str(delivered), source="sidecar", reason="sidecar override"))
    if "year" in ov:
        year = int(ov["year"])
        det.append(Detection(field="year", value=str(year), source="sidecar", reason="sidecar override"))
    if year is None:
        raise InputError(f"{src.path}: cannot detect the year; add a sidecar with 'year: 2024' or 'delivered: 2024-02-03'")

    paragraphs = _paragraphs(text)
    sections = _sections(paragraphs, kind, year)
    reviews = _dedupe([s.period for s in sections if s.kind == "review" and s.period])
    plans = _dedupe([s.period for s in sections if s.kind == "plan" and s.period])
    if "reviews" in ov:
        reviews = [str(x) for x in ov["reviews"]]
    if "plans" in ov:
        plans = [str(x) for x in ov["plans"]]
    det.append(Detection(field="parts", value=", ".join(f"{s.kind}:{s.heading[:20]}" for s in sections) or "none",
                         source="text", reason="part headings found"))

    doc_id = hashlib.sha256(f"{government}|{src.abspath.name}|{src.sha256}".encode()).hexdigest()[:12]
    document = Document(
        id=f"D{doc_id}", path=src.path, sha256=src.sha256, government=government,
        government_full=str(ov.get("government_full") or (gov_full if gov_full.endswith(government) and len(gov_full) <= 12 else government)), kind=kind,
        title=shown_title, delivered=delivered, year=year,
        reviews=reviews, plans=plans, sections=sections, detections=det,
    )
    _assign(paragraphs, sections)
    return Structured(source=src, document=document, paragraphs=paragraphs)


def _dedupe(xs):
    out = []
    for x in xs:
        if x not in out:
            out.append(x)
    return out


def _title_guess(text: str) -> str:
    for line in text.split("\n")[:6]:
        if "报告" in line or "计划" in line:
            return line[:60]
    return text.split("\n", 1)[0][:60]


def _paragraphs(text: str) -> list[Paragraph]:
    out = []
    pos = 0
    for line in text.split("\n"):
        if line:
            out.append(Paragraph(pos, pos + len(line), line))
        pos += len(line) + 1
    return out


def heading_periods(heading: str, year: int, part: str) -> list[str]:
    periods = [m for m in _YEAR.findall(heading)]
    periods += [FIVE_YEAR_PLANS[m] for m in _FIVE.findall(heading)]
    if "今后五年" in heading or "未来五年" in heading:
        periods.append(f"{year}-{year + 4}")
    if "过去五年" in heading or "五年来" in heading or "本届政府" in heading:
        periods.append(f"{year - 5}-{year - 1}")
    if not periods:
        periods = [str(year - 1 if part == "review" else year)]
    return periods


_GLOSSARY_START = re.compile(r"^(?:附[件录]\d*)?(?:《[^》]{2,16}》)?(?:部分|有关)?(?:名词解释|词语解释|名词注释|词条解释|用语说明)")


def _is_part_heading(p: Paragraph) -> str | None:
    t = p.text
    if _GLOSSARY_START.match(t):
        return "glossary"  # also when the heading line was joined to the first entry
    numbered = LEVEL1.match(t) is not None
    if len(t) > (60 if numbered else 45) or LEVEL2.match(t):
        return None
    body = LEVEL1.sub("", t)
    if re.search(r"[。;；!！?？]", body):
        return None  # a sentence, not a heading
    if re.search(r"[,，]", body) and not (numbered and len(t) <= 40):
        # a long numbered line with commas is a part heading only when it says which part
        # ("二、展望2023年，我们要乘势而上、接续奋斗，努力开创…新局面"); otherwise it is a sentence
        if numbered and REVIEW_WORDS.search(body[:12]):
            return "review"
        if numbered and PLAN_WORDS.search(body[:12]):
            return "plan"
        return "year_part" if numbered and _names_year(body) else None
    if GLOSSARY_WORDS.search(body) and len(body) <= 20:
        return "glossary"
    if REVIEW_WORDS.search(body):
        return "review"
    if PLAN_WORDS.search(body):
        return "plan"
    if numbered:
        return "year_part" if _names_year(body) else "level1"
    return None


def _names_year(body: str) -> bool:
    """A numbered part named by a year in its first clause ("二、竞进2022年，我们要…", "一、2021年，我们…"): whether
    it reviews or plans depends on the report's year, so _sections decides."""
    return _PART_YEAR.search(re.split(r"[,，]", body)[0]) is not None


def _numeral(head: str) -> int:
    """1-39 from a level-1 heading's numeral ("六、" -> 6, "十二、" -> 12, "第三部分" -> 3); 0 when none."""
    return int(cn_number(re.sub(r"[第、.部分]", "", head)) or 0)


def _sections(paragraphs: list[Paragraph], kind: str, year: int) -> list[Section]:
    heads: list[tuple[int, str, Paragraph]] = []
    for i, p in enumerate(paragraphs):
        k = _is_part_heading(p)
        if k == "year_part":  # the report's own year is the plan, an earlier one the review
            k = "year_plan" if int(_PART_YEAR.search(p.text).group(1)) >= year else "year_review"
        if k:
            heads.append((i, k, p))
    # Parts named only by their year count when one of them is the review ("一、2012年，…" "二、2013年，…"); a plan
    # heading alone ("三、奋力前行的2016年") does not say where the review is, so the wording decides, as before.
    named = [k for _, k, _ in heads if k in ("review", "plan")]
    by_year = [k for _, k, _ in heads if k.startswith("year_")]
    keep = named or "year_review" in by_year
    heads = [(i, (k[5:] if keep else "level1") if k.startswith("year_") else k, p) for i, k, p in heads]
    sections: list[Section] = []
    if not any(k in ("review", "plan") for _, k, _ in heads):
        # No part headings: fall back to wording ("过去一年"/"一年来" opens a review, "今年" targets a plan).
        for i, p in enumerate(paragraphs):
            if re.match(r"^(过去一年|一年来|过去五年|五年来)", p.text) and not sections:
                sections.append(Section(kind="review", heading=p.text[:30], start=p.start, end=p.end,
                                        period=str(year - 1)))
            elif re.search(r"主要预期目标|今年.{0,8}(工作|目标|任务)", p.text) and (not sections or sections[-1].kind == "review"):
                sections.append(Section(kind="plan", heading=p.text[:30], start=p.start, end=p.end, period=str(year)))
    else:
        last_kind, part_numbered, sub = None, False, 0
        for i, k, p in heads:
            m = LEVEL1.match(p.text)
            years = [int(y) for y in _YEAR.findall(p.text)]
            if k == "plan" and years and max(years) < year and not re.search(r"今后|未来|展望|计划", p.text):
                k = "review"  # the work of a past year ("一、2021年主要工作" in the 2022 report)
            if m and last_kind and not part_numbered and not years:
                # A part opened by an unnumbered heading ("2022年工作回顾") counts its own numbered headings 一、二、
                # 三…, whatever their words ("六、政府自身建设全面加强" reviews it); one that does not continue the
                # count opens the next part ("二、“十四五”主要战略任务" after "工作回顾").
                n = _numeral(m.group(0))
                if n == 1 or 0 < sub < n:
                    sub = n
                    continue
            if k == "level1" and last_kind == "review":
                k = "plan"  # the first numbered part after the review looks ahead ("二、扎实做好2015年工作")
            if k == "review" and last_kind == "plan" and m and not _STRONG_REVIEW.search(p.text):
                k = "level1"  # a numbered task heading of the plan ("七、着力推动“百千万工程”取得新成效")
            if k == "level1":
                continue  # a level-1 heading inside a part continues it (民生实事 items "一、交通出行")
            if k != last_kind:  # a part is numbered when the heading that opened it is
                part_numbered, sub = m is not None, 0
            last_kind = k
            periods = heading_periods(p.text, year, k)
            sections.append(Section(kind=k, heading=p.text, start=p.start, end=p.end, period=periods[0]))
            for extra in periods[1:]:
                sections.append(Section(kind=k, heading=p.text, start=p.start, end=p.end, period=extra))
    # Close the sections: each runs to the next section's heading (same-heading twins share the range).
    starts = sorted({s.start for s in sections})
    text_end = paragraphs[-1].end if paragraphs else 0
    for s in sections:
        later = [x for x in starts if x > s.start]
        s.end = later[0] - 1 if later else text_end
    # Mark the plan sections that hold the headline-target block.
    for s in sections:
        if s.kind == "plan":
            for p in paragraphs:
                if s.start <= p.start <= s.end and "主要预期目标" in p.text:
                    s.targets_block = True
                    break
    return sections


def _assign(paragraphs: list[Paragraph], sections: list[Section]) -> None:
    area_heading = None
    last_part = None
    for p in paragraphs:
        owning = [s for s in sections if s.start <= p.start <= s.end]
        if owning:
            p.part = owning[0].kind
            p.period = owning[0].period
        if p.part != last_part:
            area_heading = None
            last_part = p.part
        if LEVEL2.match(p.text) or (len(p.text) <= 30 and "。" not in p.text and not p.text.endswith(("，", "、"))):
            area_heading = p.text
        p.heading = area_heading
