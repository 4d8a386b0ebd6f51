"""The quantity parser: numbers, magnitudes (万/亿/万亿), units, %, 个百分点, comparators and ranges.

`find_quantities(text)` returns every quantity in a clause of normalised text with its span, the verb in
front of it and what the wording says about comparator and measure. It is used by `extract` only.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass

from .models import Quantity
from .normalise import CN_DIGITS

MAGNITUDES = {"万亿": 1e12, "千亿": 1e11, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4}
# Base units, longest first when building the pattern. Durations (年, 天, 小时) and ranks are not quantities.
UNITS = [
    "套(间)", "人(次)", "微克/立方米", "吨标准煤", "吨标煤", "斤", "个百分点", "百分点", "%", "‰", "平方公里", "平方千米",
    "平方米", "平米", "立方米", "公里", "千米", "延米", "米", "公顷", "亩",
    "人次", "人年", "人", "户", "家", "个", "项", "套", "间", "所", "座", "条", "吨", "标准箱", "标箱", "辆", "台", "架",
    "件", "栋", "幢", "场次", "场", "批", "名", "位", "千瓦时", "千瓦", "兆瓦", "度", "元", "美元", "倍", "张", "床",
    "棵", "株", "篇", "部", "处", "门", "支", "艘", "列", "班", "所", "片", "村", "镇", "站", "次", "册", "m2", "km",
    "只", "头", "块", "口", "天", "蒸吨", "PFLOPS", "EFLOPS", "P", "宗", "颗", "管", "千升", "个工作日", "工作日",
]
# Units that count things: "66个以上项目" is 66 projects, while "亿元以上项目" is a size class of projects.
COUNT_UNITS = frozenset({"个", "家", "项", "户", "所", "座", "处", "场", "场次", "批", "支", "只", "条", "套", "间", "块", "村",
                         "宗"})
_UNIT_ALT = "|".join(sorted({re.escape(u) for u in UNITS}, key=len, reverse=True))
_MAG_ALT = "|".join(sorted(MAGNITUDES, key=len, reverse=True))
_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
# A quantity: [comparator-before] number [magnitude] [unit] [range part] [comparator-after]
_QUANT = re.compile(
    rf"(?P<num>{_NUM})(?P<approx0>多|余)?(?P<mag>{_MAG_ALT})?(?P<approx>多|余)?(?P<unit>{_UNIT_ALT})"
    rf"(?:(?P<sep>-|—|–|~|至|到|－)(?P<num2>{_NUM})(?P<mag2>{_MAG_ALT})?(?P<unit2>{_UNIT_ALT})?)?"
)
# "6.39万自备井用户", "30.43万群众": a count in 万 of people or households with no measure word; the unit is
# implied by the noun that follows.
_IMPLIED = {"户": "户", "农户": "户", "用户": "户", "家庭": "户", "居民户": "户", "居民用户": "户", "人口": "人", "群众": "人",
            "居民": "人", "学生": "人", "大学生": "人", "老人": "人", "儿童": "人", "职工": "人", "人才": "人",
            "农民工": "人", "游客": "人次", "人员": "人", "劳动力": "人", "劳动者": "人", "毕业生": "人", "农民": "人"}
_QUANT_IMPLIED = re.compile(
    rf"(?P<num>{_NUM})(?P<mag>万|亿)(?P<approx>多|余)?"
    rf"(?=[\u4e00-\u9fff“”]{{0,6}}?(?P<noun>{'|'.join(sorted(_IMPLIED, key=len, reverse=True))}))"
)
# "中欧班列开行量超千列", "科技型中小企业突破万家": a round figure written in characters after 超/破/逾/达/过.
_CN_ROUND = {"十": 10.0, "百": 100.0, "千": 1000.0}
_QUANT_CN = re.compile(
    rf"(?<=[超破逾达过])(?P<cnum>十|百|千)?(?P<mag>{_MAG_ALT})?(?P<unit>{_UNIT_ALT})"
)
# Figures written in words that are targets in their own right:
# "七成以上村建成经济强村", "覆盖率超五成": tenths of a whole, with a comparator word before or after
_QUANT_TENTHS = re.compile(r"(?P<tenths>[一二三四五六七八九])成(?=以上|左右|以内|以下)|"
                           r"(?<=[超逾近约过达到])(?P<tenths2>[一二三四五六七八九])成(?![为功本果立熟长])")
# "实现两位数增长", "保持两位数增长": a growth of at least 10%
_QUANT_TWO_DIGIT = re.compile(r"(?P<twodigit>两位数)(?=增长|增速|的增长)")
# "社会消费品零售总额与上年持平", "居民消费价格与上年基本持平": a growth of 0% (about 0% with 基本)
_QUANT_FLAT = re.compile(r"(?:与上年|与去年|比上年|同比)(?P<flat>基本)?持平")
# "成长为百亿级企业", "形成500亿级产业集群", "率先达到千亿级规模": reaching an amount tier; "3个千亿级产业集群"
# (a count of things in a tier) is not one, as the tier word must follow a verb of reaching. Both this and
# 两位数 are read as ranges; a plan's target reads them as floors (extract._WORD_RANGE).
_QUANT_TIER = re.compile(rf"(?P<tiernum>{_NUM}|百|千)?(?P<mag>万亿|亿)级")
_TIER_VERB = re.compile(r"(?:达到|形成|成为|迈上|迈入|跨入|跻身|突破|成长为|打造成|发展成|壮大为|提升为|晋级)(?:新的|的)?$")
# "过50亿元项目20个", "营业收入过百亿元企业1家": 过/超 + an amount + 项目/企业 is a size class, not a target
_SIZE_CLASS = re.compile(r"(?:过|超)\s*$")
# what a size class sizes: "超10亿元项目", "超10亿元重大产业项目", "其中超50亿元19个" (a count of them follows)
_SIZED_THING = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:项目|企业)|\d")
_QUALIFIER_AFTER = re.compile(r"(?:(?<=以上)|(?<=以下)|及以[上下])(?=[^,，。;；、]{0,8}?(?:项目|企业|工业企业|重点项目))")
_POOL_BEFORE = re.compile(r"(?:总投资|总规模|总额|投资总额|计划总投资)(?:超过|约|达|近)?$")
_RANGE_FIRST = re.compile(
    rf"(?P<num>{_NUM})(?P<sep>-|—|–|~|至|到|－)(?P<num2>{_NUM})(?P<mag>{_MAG_ALT})?(?P<unit>{_UNIT_ALT})"
)
GE_BEFORE = ("不少于", "不低于", "超过", "突破", "高于", "多于", "力争超过", "达到以上", "逾", "超", "至少")
LE_BEFORE = ("不高于", "不超过", "低于", "控制在", "少于", "不大于", "压缩至", "压缩到", "缩短至", "缩短到", "减少到",
             "减少至")  # "审批时间压缩至3个工作日": a ceiling
ABOUT_BEFORE = ("约", "大约", "近")
GE_AFTER = ("以上", "左右以上", "多", "余")
LE_AFTER = ("以内", "以下", "之内", "内")
ABOUT_AFTER = ("左右",)
GROWTH_UP = ("增长", "增加", "提高", "提升", "上涨", "上升", "增速", "增幅", "涨幅", "年均增长", "同比增长", "分别增长",
             "比上年增长", "增长率")
GROWTH_DOWN = ("下降", "降低", "减少", "回落", "压减", "削减", "降幅", "缩小", "减量")
STOCK = ("达到", "达", "增至", "提高到", "提升到", "提高至", "提升至", "突破", "超过", "总量", "累计", "保持在",
         "稳定在", "控制在", "为", "至", "规模", "保有量")
FLOW = ("净增", "新增", "新建", "引进", "完成", "实施", "开工", "建成", "培育", "改造", "签约", "开展", "举办", "新开工",
        "打造", "实现", "招引", "认定", "新改建", "改扩建", "建设", "筹集", "提供", "发放", "投入", "落地",
        "吸引", "帮扶", "带动", "培训", "安置", "植树", "造林", "治理", "创建", "推动", "交付", "供应", "落实",
        "新申报", "申报", "获批", "新获批", "入选", "新入选", "登记", "新登记", "新认定")
SHARE_WORDS = ("率", "比重", "占比", "比例", "占", "覆盖", "达标")


@dataclass(frozen=True)
class Found:
    """One quantity inside a clause: offsets are relative to the clause."""

    start: int
    end: int
    quantity: Quantity
    verb: str | None
    tier_hint: str | None  # "stretch" when worded 力争 after a floor for the same thing


def to_float(s: str) -> float:
    return float(s.replace(",", ""))


def _unit_parts(mag: str | None, unit: str | None) -> tuple[float, str, str]:
    m = MAGNITUDES.get(mag or "", 1.0)
    u = unit or ""
    norm = {"百分点": "pp", "个百分点": "pp", "平方千米": "平方公里", "千米": "公里", "km": "公里", "m2": "平方米", "平米": "平方米",
            "标箱": "标准箱", "套(间)": "套", "人(次)": "人次", "吨标煤": "吨标准煤", "个工作日": "工作日"}.get(u, u)
    if norm in _TO_TONNES:  # grain is reported in 斤 one year and 吨 the next: compare in 吨
        m, norm = m * _TO_TONNES[norm], "吨"
    elif norm in _TO_M2:  # land in 亩 one year and 平方米 the next: compare in 平方米
        m, norm = m * _TO_M2[norm], "平方米"
    return m, sys.intern((mag or "") + u), sys.intern(norm)


_TO_TONNES = {"斤": 0.0005, "公斤": 0.001, "千克": 0.001}
_TO_M2 = {"亩": 10000 / 15, "公顷": 10000.0, "平方公里": 1e6}


def _excluded(text: str, m: re.Match) -> bool:
    s, e = m.start(), m.end()
    before = text[max(0, s - 3):s]
    after = text[e:e + 2]
    num = m.groupdict().get("num") or ""
    unit = m.groupdict().get("unit")
    if m.re is _QUANT_TIER and (not _TIER_VERB.search(text[max(0, s - 6):s])
                                or not (m.group("tiernum") or m.group("mag") == "万亿")):
        return True  # "千亿级" after a verb of reaching; "亿级" alone names no figure
    if m.re is _QUANT_TIER and re.match(r"[^，,。；;、]{0,10}?\d", text[e:]):
        return True  # "形成百亿级园区20个": the count of a tier is the target, not the tier
    if m.re in (_QUANT_TENTHS, _QUANT_TWO_DIGIT, _QUANT_TIER, _QUANT_FLAT):
        return False
    if m.re is _QUANT_CN and not (m.group("cnum") or m.group("mag")):
        return True
    if m.re is _QUANT_CN and text[e:e + 2].startswith(("万户", "万", "千", "百")):
        return True  # "千家万户", "百姓": words, not figures
    if unit is None and m.groupdict().get("noun") is None:
        return True
    if before.endswith(("第", "PM", "前", "排名")) or before.endswith("PM_"):
        return True
    if s > 0 and ("A" <= text[s - 1] <= "Z" or "a" <= text[s - 1] <= "z"):
        return True  # a code or a name: "T3站", "S2线", "G107"
    if unit == "条" and not m.group("mag") and re.search(r"(?:落实|贯彻|抓好|用好|执行)[^，,。；;]{0,14}$",
                                                                   text[max(0, s - 18):s]):
        return True  # a policy package by its number of articles ("落实国家31条"), not a target
    if after.startswith("”") and "“" in text[max(0, s - 12):s] and "”" not in text[text.rfind("“", 0, s):s]:
        return True  # inside a quoted name: "人才新政“30条”", "“人才新政40条”"
    if unit == "项" and after.startswith("目"):
        return True  # "智慧港口2.0项目": 项目 is a noun, not the unit 项
    if unit == "P" and re.match(r"[A-Za-z0-9]", text[e:e + 1]):
        return True  # "100PB" of storage, "P2P": only a bare P is computing power ("智能算力100P")
    if unit == "天" and "天数" not in text[max(0, s - 10):s]:
        return True  # durations ("30天内办结") are not quantities; "优良天数300天" is
    if (after.startswith(("号", "级", "强", "佳", "大", "届", "周年", "A", "G")) and unit in ("个", "家", "位", "名")
            and not m.group("mag")):  # "十大", "3个一级"; but "20万名大学生" is a count
        return True
    if unit == "次" and after.startswith("会"):
        return True
    if s > 0 and (text[s - 1] in "+.·" or text[s - 1].isdigit()):
        return True
    if text[e:e + 1] == "+" or text[max(0, s - 1):s] == "+":
        return True
    return False


def like(f: Found, model: Found, tier_hint: str | None) -> Found:
    """`f` read as the same kind of figure as `model`, with its measure, sign and verb ("分别下降3%、4%",
    "6%以上、力争7%")."""
    v = abs(f.quantity.value_norm)
    update = {"measure": model.quantity.measure, "sign": model.quantity.sign}
    if f.quantity.unit_norm == "倍" and model.quantity.unit_norm == "%" and model.quantity.unit.endswith("倍"):
        v, update["unit_norm"] = v * 100, "%"  # "分别增长1倍和3.4倍": each a growth in %
    q = f.quantity.model_copy(update={**update, "value_norm": model.quantity.sign * v})
    return Found(f.start, f.end, q, model.verb, tier_hint)


def find_quantities(text: str) -> list[Found]:
    """All quantities in `text` (a clause or sentence of normalised text)."""
    out: list[Found] = []
    taken: list[tuple[int, int]] = []
    for pat in (_RANGE_FIRST, _QUANT, _QUANT_IMPLIED, _QUANT_CN, _QUANT_TENTHS, _QUANT_TWO_DIGIT, _QUANT_TIER,
                _QUANT_FLAT):
        for m in pat.finditer(text):
            if any(not (m.end() <= a or m.start() >= b) for a, b in taken):
                continue
            if _excluded(text, m):
                continue
            f = _build(text, m)
            if f is not None and f.quantity.unit_norm != "%" and (
                    ((_QUALIFIER_AFTER.match(text, f.end) or _SIZE_CLASS.search(text, max(0, f.start - 2), f.start)
                      and _SIZED_THING.match(text, f.end)) and f.quantity.unit_norm not in COUNT_UNITS)
                    or (text[f.end:f.end + 1] == "的" and _POOL_BEFORE.search(text[:f.start]))):
                # "亿元以上项目", "总投资600亿元的": a category or a pool, not a target ("50%以上规上工业企业" is a share)
                continue
            if f is not None:
                out.append(f)
                taken.append((f.start, f.end))
    out.sort(key=lambda f: f.start)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if (a.quantity.unit_norm == "%" and a.quantity.unit.endswith("倍") and b.quantity.unit_norm == "倍"
                and b.verb is None and text[a.end:b.start] in ("、", "和", "及", "与", "，", ",")):
            out[i] = like(b, a, b.tier_hint)  # "分别增长1倍和3.4倍"
        elif (a.quantity.unit_norm == b.quantity.unit_norm == "%" and b.verb is None
                and (a.quantity.measure, a.quantity.sign) != (b.quantity.measure, b.quantity.sign)
                and text[a.end:b.start] in ("、", "和", "及", "与", "，", ",")):
            # "分别增长6.5%左右、7.5%左右", "分别下降3%、4%": a figure of a list with no verb of its own is the
            # same kind of figure as the one before
            out[i] = like(b, a, b.tier_hint)
        elif (a.quantity.unit_norm == b.quantity.unit_norm and a.quantity.unit_norm not in ("%", "pp")
              and b.verb is None and a.quantity.measure != b.quantity.measure and "分别" in text[:a.start]
              and text[a.end:b.start] in ("、", "和", "及", "与")):
            # "新签约、新落地亿元以上项目分别达到2000个和1100个": the second figure counts the same way as the first
            out[i] = Found(b.start, b.end, b.quantity.model_copy(update={"measure": a.quantity.measure}), a.verb,
                           b.tier_hint)
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        if (b.quantity.unit_norm == "工作日" and a.quantity.unit == "个" and text[a.end:b.start] in ("、", "和", "及", "与")):
            # "分别减少到3个、5个、45个工作日": the list's last unit is every figure's
            out[i] = Found(a.start, a.end, b.quantity.model_copy(update={
                "value": a.quantity.value, "value_norm": a.quantity.value_norm, "value_high": None,
                "value_high_norm": None}), b.verb, a.tier_hint)
    # Two-tier wording: "6%以上、力争7%" -> the second is a stretch goal of the first.
    tiers: list[Found] = []
    for i, f in enumerate(out):
        hint = None
        between = text[out[i - 1].end:f.start] if i > 0 else ""
        if i > 0 and ("力争" in between or "争取" in between) and out[i - 1].quantity.unit_norm == f.quantity.unit_norm \
                and len(between) <= 8:
            # "增长6%以上、力争7%" (a tier in a clause of its own is extract's: "…，在实际工作中争取实现7%")
            hint = "stretch"
            f = like(f, tiers[-1], hint)
        tiers.append(Found(f.start, f.end, f.quantity, f.verb, hint))
    return tiers


def _build_words(text: str, m: re.Match) -> Found:
    """A figure written in words: tenths (七成以上), 两位数增长, an amount tier (千亿级)."""
    gd = m.groupdict()
    start, end = m.start(), m.end()
    after = text[end:end + 4]
    if m.re is _QUANT_TIER:
        num = gd.get("tiernum")
        v = _CN_ROUND[num] if num in _CN_ROUND else (to_float(num) if num else 1.0)
        mult, unit_printed, unit_norm = _unit_parts(gd["mag"], "元")
        # a tier spans one order of magnitude: "千亿级" is 1000 to under 10000亿元
        q = Quantity.model_construct(value=v, value_high=10 * v, unit=unit_printed, comparator="range", sign=1,
                                     value_norm=v * mult, value_high_norm=10 * v * mult, unit_norm=unit_norm,
                                     measure="stock")
        return Found(start, end, q, _verb(text[max(0, start - 8):start]), None)
    if m.re is _QUANT_FLAT:
        q = Quantity.model_construct(value=0.0, value_high=None, unit="%", comparator="~" if gd.get("flat") else "=",
                                     sign=1, value_norm=0.0, value_high_norm=None, unit_norm="%", measure="growth")
        return Found(start, end, q, "增长", None)
    if m.re is _QUANT_TWO_DIGIT:
        q = Quantity.model_construct(value=10.0, value_high=99.0, unit="%", comparator="range", sign=1,
                                     value_norm=10.0, value_high_norm=99.0, unit_norm="%", measure="growth")
        return Found(start, end, q, "增长", None)
    v = 10.0 * CN_DIGITS[gd.get("tenths") or gd.get("tenths2")]
    before = text[max(0, start - 8):start]
    comparator = "="
    if after.startswith(GE_AFTER[:1]) or before.endswith(("超", "逾", "过")):
        comparator = ">="
        end += 2 if after.startswith("以上") else 0
    elif after.startswith(("以内", "以下")):
        comparator, end = "<=", end + 2
    elif after.startswith("左右") or before.endswith(("近", "约")):
        comparator = "~"
        end += 2 if after.startswith("左右") else 0
    q = Quantity.model_construct(value=v, value_high=None, unit="%", comparator=comparator, sign=1, value_norm=v,
                                 value_high_norm=None, unit_norm="%", measure="share")
    return Found(start, end, q, _verb(before), None)


def _build(text: str, m: re.Match) -> Found | None:
    if m.re in (_QUANT_TENTHS, _QUANT_TWO_DIGIT, _QUANT_TIER, _QUANT_FLAT):
        return _build_words(text, m)
    gd = m.groupdict()
    if gd.get("unit") is None:
        if gd.get("noun") is None:
            return None
        gd = {**gd, "unit": _IMPLIED[gd["noun"]]}  # "6.39万自备井用户": 6.39万户
    mag, unit = gd.get("mag"), gd["unit"]
    v1 = _CN_ROUND.get(gd.get("cnum") or "", 1.0) if m.re is _QUANT_CN else to_float(gd["num"])
    v2 = to_float(gd["num2"]) if gd.get("num2") else None
    if v2 is not None and gd.get("unit2") and gd["unit2"] != unit:
        # "3个-5个" fine; "5%-6个" is two things: keep the first only.
        v2 = None
    start, end = m.start(), m.end()
    if v2 is not None and m.re is _QUANT and not gd.get("sep"):
        v2 = None
    if v2 is not None and v2 <= v1:
        v2 = None
        end = m.start("sep") if m.re is _QUANT and gd.get("sep") else end
    mult, unit_printed, unit_norm = _unit_parts(mag, unit)
    if m.re is _QUANT and gd.get("mag2") and v2 is not None:
        mult2 = MAGNITUDES.get(gd["mag2"], 1.0)
    else:
        mult2 = mult
    before = text[max(0, start - 8):start]
    after = text[end:end + 4]
    verb = _verb(before)
    if unit_norm == "倍" and verb in GROWTH_UP:
        mult, unit_norm = mult * 100, "%"  # "增长1.2倍": a growth of 120%
    comparator = "="
    if gd.get("approx") or gd.get("approx0"):  # "10万多人", "2500多亿元"
        comparator = ">="  # "5万多个", "600余场": more than the printed figure
    elif v2 is not None:
        comparator = "range"
    elif after.startswith(ABOUT_AFTER) or before.endswith(ABOUT_BEFORE):
        comparator = "~"
        if after.startswith(ABOUT_AFTER):
            end += 2
    elif after.startswith(GE_AFTER) and not after.startswith(("多元", "多样", "余额", "多项", "多个")):
        comparator = ">="
        word = next(w for w in GE_AFTER if after.startswith(w))
        end += len(word)
    elif after.startswith(LE_AFTER) and not (after.startswith("内") and len(after) > 1 and after[1] not in "，,。;；、"):
        comparator = "<="
        word = next(w for w in LE_AFTER if after.startswith(w))
        end += len(word)
    else:
        # the longest word wins: "不超过" is a ceiling although it ends with "超过"; "不低于" a floor
        word = max((w for w in GE_BEFORE + LE_BEFORE if before.endswith(w)), key=len, default=None)
        if word is None and verb and before.endswith(verb):
            # "至少新增1家上市企业", "不少于新建3所": the comparator word before the verb
            word = next((w for w in ("至少", "不少于", "不低于") if before[:-len(verb)].endswith(w)), None)
        if word is not None:
            comparator = ">=" if word in GE_BEFORE else "<="
    sign = -1 if verb in GROWTH_DOWN else 1
    if unit_norm == "%":
        if verb in GROWTH_UP or verb in GROWTH_DOWN:
            measure = "growth"
        elif re.search(r"(?:增速|增幅|增长率)(?:均|分别)?(?:为|达到|达|保持在|稳定在)?$", before):
            measure = "growth"  # "全员劳动生产率增速均为7%": a rate of growth, whatever 率 comes before it
        elif any(w in text[max(0, start - 12):start] for w in SHARE_WORDS):
            measure = "share"
        else:
            measure = "growth" if re.search(r"增长|下降|降低|提高|增速|涨幅", before) else "share"
    elif unit_norm == "pp":
        measure = "change_pp"
    elif unit_norm in COUNT_UNITS and re.search(r"累计(?:建成|完成|新增|达到|培育|引进|认定)?[\u4e00-\u9fffA-Za-z0-9]{0,10}$",
                                                text[max(0, start - 14):start]):
        measure = "stock"  # "累计建成5G基站6万个": a running total is a level, whatever its verb
    elif verb == "为" and m.re is _QUANT_IMPLIED:
        measure = "level"  # "为30万天然气居民用户加装报警器": 为 is "for", not "amounts to"
    elif verb in STOCK and not (verb in ("超过", "突破", "达", "达到", "至", "为", "超")
                                and re.search("|".join(FLOW[:12]), own_part(text[:start]))):
        measure = "stock"
    elif verb in STOCK:
        measure = "flow"  # "新签约、新落地亿元以上项目均达到130个": 达到 the year's count of a flow
    elif verb in FLOW or verb in GROWTH_UP:
        measure = "flow"
    else:
        lead = text[:start]
        if re.search(r"增至|达到|总量|总数|总里程|总规模|保有量|拥有量|存量|规模达|累计达|提高到|提升到", lead):
            measure = "stock"
        elif re.search("|".join(FLOW), lead):
            measure = "flow"
        else:
            measure = "level"  # a bare figure: could be a flow or a stock
    q = Quantity.model_construct(
        value=v1, value_high=v2, unit=unit_printed, comparator=comparator, sign=sign,
        value_norm=sign * v1 * mult, value_high_norm=(sign * v2 * mult2) if v2 is not None else None,
        unit_norm=unit_norm, measure=measure,
    )
    return Found(start, end, q, verb, None)


OWN_FIGURE_WORDS = r"[一二三四五六七八九十]成|(?<!规模)(?<!限额)以上|以内|以下|左右|全覆盖|翻一番"  # 规模以上 is a name
_OWN_FIGURE = re.compile(OWN_FIGURE_WORDS + r"|(?<![A-Za-z])\d+(?:\.\d+)?(?![\dG])")  # "5G基站", "PM2.5" are names


def own_part(lead: str, own_figure: re.Pattern = _OWN_FIGURE) -> str:
    """The part of a list that a figure belongs to: after the last "、" whose part before it has a figure of its
    own ("七成以上村建成经济强村、“百万元村”突破300个"); the whole lead for a plain list ("新签约、新落地…分别为")."""
    parts = lead.split("、")
    for i in range(len(parts) - 2, -1, -1):
        if own_figure.search(parts[i]):
            return "、".join(parts[i + 1:])
    return lead


_VERBS = sorted(set(GROWTH_UP + GROWTH_DOWN + STOCK + FLOW), key=len, reverse=True)
_VERB_AT_END = re.compile("(?:" + "|".join(map(re.escape, _VERBS)) + ")$")
_FILLERS_AT_END = re.compile("(?:不少于|不低于|超过|力争|确保|约|大约|分别|均|同比|比上年|年均|平均|以上|左右)+$")


def _verb(before: str) -> str | None:
    """The verb right before a number, skipping comparator words ("增长不低于", "力争达到")."""
    m = _VERB_AT_END.search(before)
    if m:
        return m.group(0)
    stripped = _FILLERS_AT_END.sub("", before)
    if stripped != before:
        m = _VERB_AT_END.search(stripped)
        if m:
            return m.group(0)
    return None
