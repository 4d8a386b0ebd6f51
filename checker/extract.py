"""Extract commitments (plan parts) and outcomes (review parts) as typed records.

One record per number. Commitments come only from plan parts and outcomes only from review parts; the
glossary is neither. Partial-year figures ("今年一季度…") are outcomes flagged `partial_year` and are never
commitments. Named projects with a stage word ("加快推进北关区人民医院建设") are qualitative records.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace

from .models import Commitment, Outcome, Quantity, Span
from .pdf import page_of
from .quantities import OWN_FIGURE_WORDS, Found, find_quantities, like, own_part
from .rules import RuleSet
from .structure import FIVE_YEAR_PLANS, Paragraph, Structured

_DIGIT = re.compile(r"\d")
# "贫困村全部出列", "民生实事全部落实", "生活垃圾分类实现社区全覆盖": all of the things, no figure printed (100%)
_ALL_OF = re.compile(r"^(?P<thing>[^，,。；;：:\d]{2,30}?)(?:均已|均|都已|都|已)?"
                     r"(?:(?:全部|全面|圆满|如期全部|按期全部|按时保质)(?P<verb>完成|落实|出列|退出|摘帽|脱贫|清零|销号|达标"
                     r"|优良|贯通|建成|投用|办结|完工|竣工)|(?:实现|达到)?(?P<cover>全覆盖))[，,。；;]?$")
_ALL_OF_VAGUE = frozenset({"任务", "目标", "目标任务", "年度任务", "年度目标任务", "各项任务", "各项目标任务", "各项工作",
                           "工作", "全年目标任务", "主要目标任务", "年度目标"})
# "超千列", "七成以上", "两位数增长", "千亿级": a figure in characters (quantities._QUANT_CN and the word figures)
_CN_FIGURE = re.compile(r"[超破逾达过](?:十|百|千|万|亿)|[一二三四五六七八九]成|两位数|亿级|持平")
_FLAT = re.compile(r"持平$")  # "与上年持平": a result in words; a plan's "出口总额持平" is not itemised as a figure
_WORD_RANGE = re.compile(r"(?:亿级|两位数)$")  # the word figures quantities reads as ranges
_PERIOD_ONLY = re.compile(r"(?:全年|今年|去年|当年|第?[一二三四]季度|上半年|下半年|前三季度|[1-9１-９一二三四五六七八九十]{1,2}[-—–~至]?"
                          r"[1-9１-９一二三四五六七八九十]{0,2}月(?:份)?|前[一二三四五六七八九十\d]{1,2}个月)")
_SHARE_OF = re.compile(r"占[^，,。；;]{1,12}?的?(?:比重|比例)")
_EACH = re.compile(r"(?:各|均)(?:达到|超过|突破|不少于|不低于|为|达|超|逾|增长|提高|下降|降低|新增|新建|建成|建设|培育|引进|创建|认定|打造|完成|实现)?\s*$")


_CAPACITY_UNITS = frozenset({"吨", "千瓦", "兆瓦", "头", "只"})
_PRODUCT_AFTER = re.compile(r"(?!以上|左右|以内|以下|多|余|级|的|规模|以)[\u4e00-\u9fffA-Za-z]{2}")


def _capacity_in_name(clause: str, f: Found) -> bool:
    """"推动旭阳300万吨焦化及制氢、久泰100万吨煤制乙二醇项目", "建成投产大唐200万千瓦风电": a capacity right after a
    company or place name and right before the product names a plant, not a target. A capacity after a verb
    ("新增装机1217万千瓦", "生猪出栏500万头") or with a comparator ("设立10只以上天使子基金") is a target."""
    return (f.quantity.unit_norm in _CAPACITY_UNITS and f.verb is None and f.quantity.comparator == "="
            and f.start > 0 and bool(_PRODUCT_AFTER.match(clause, f.end)))


def _join_tail(subj: str, tail: str) -> str:
    """The subject and the words after the figure, without saying twice what both hold: "推动机关" (the verb and the
    noun after the figure) + "机关、企事业单位附属空间对社会开放共享" -> 推动机关、企事业单位附属空间…"""
    for k in range(min(len(subj), len(tail)), 1, -1):
        if subj.endswith(tail[:k]):
            return subj + tail[k:]
    return subj + tail


def _share_head(parts: list[str]) -> list[str]:
    """A list's shared head goes to every part: "城镇居民和农村居民人均可支配收入" -> 城镇居民人均可支配收入,
    农村居民人均可支配收入; "“签约一批”、“投产一批”项目" -> “签约一批”项目, “投产一批”项目."""
    last = parts[-1]
    out = []
    for q in parts[:-1]:
        head = ""
        for n in (2, 1):  # "城镇居民" + "农村居民人均可支配收入" -> the part after 居民
            j = last.find(q[-n:]) if len(q) >= n else -1
            if j >= 0 and j + n < len(last):
                head = last[j + n:]
                break
        if not head and len(q) <= 2 and len(last) > len(q) + 1:
            head = last[len(q):]  # parallel two-character words: "城镇" / "农村居民人均可支配收入"
        out.append(q + head)
    return [out[0]] + [_share_lead(parts[0], q) for q in out[1:] + [last]] if out else [last]


def _share_lead(first: str, q: str) -> str:
    """A short later part takes the list's shared lead: "旅游总人次、总收入" -> 旅游总收入."""
    if len(q) > 4 or len(first) < 4:
        return q
    for n in (2, 1):
        j = first.find(q[:n], 2)
        if 2 <= j <= len(first) - n - 1:
            return first[:j] + q
    return q


_OWN_FIGURE = re.compile(OWN_FIGURE_WORDS)  # digits left in a subject are not a figure of its own ("5G基站")
_QUOTED_NAME = re.compile(r"[“\"][^”\"]{1,12}[”\"](?:行动|工程|计划|活动)?$")
_ATTRIBUTE = re.compile(r"(?:种植面积|播种面积|面积|产量|产值|营收|营业收入|税收|利润|增加值)")
_TOTAL_ONLY = re.compile(r"(?:总量|总数|总额|总规模|累计|总计|合计)")
_RESPECTIVE_JOIN = re.compile(r"、|和|及|与")
_DIGIT_SPLIT = re.compile(r"[\d０-９(（]|和|及|与")
_SENT = re.compile(r"[^。！？!?;；\n]+[。！？!?;；]?")
_CLAUSE = re.compile(r"[^,，:：]+[,，:：]?")
_PARTIAL = re.compile(r"(一季度|第一季度|二季度|上半年|前三季度|三季度|[1１一]\s*[-—–~至]\s*\d{1,2}\s*月|前\d{1,2}个月|前[一二三四五六七八九十]{1,2}个月)")
_CUMULATIVE = re.compile(r"五年来|过去五年|五年累计|的五年|这五年|"
                         # "十四五以来/期间" is the five years; "提前实现十四五目标", "十四五收官之年" are not
                         r"(?:十三五|十四五)(?![”\"]?(?:规划)?(?:良好|顺利|的)?(?:目标|收官|开局|圆满|任务|中期|规划|末|期末))|(?:19|20)\d\d年以来(?!首次|第一次|最)|近五年|五年间|"
                         r"本届政府(?!收官|最后|任期最后)")  # "本届政府收官之年": the year, not the term
_CUMULATIVE_CLAUSE = re.compile(r"(?<!全年)(?<!当年)(?<!年内)累计|年均|总量达|总数达|保有量")  # "全年累计接待游客" is the year's
# "“一圈两场三改”三年攻坚顺利完成，…累计新增…，新开工棚户区改造14.7万户": a finished campaign of several years
# sums its years in the figures that follow it in the sentence
_RUNNING_TOTAL = re.compile(r"[两三四五]年(?:攻坚|行动|计划)[^，,。；;]{0,6}?(?:顺利|圆满|全面)?(?:完成|收官)")
_PARTIAL_CLAUSE = re.compile(r"(?:今年|去年|上年|全市|全区|全县)?" + _PARTIAL.pattern + r"(?:份|以来)?[,，:：]?")
_NOT_A_TARGET = re.compile(r"(?:^|[^没])有$|了$")
# "充分发挥10个区域驻点招商中心", "聚焦20项重大工程", "依托3个国家级园区": things a plan uses or aims at, not a count to reach
_USES_EXISTING = re.compile(r"(?:发挥|聚焦|依托|立足|用好|用足)[^，,。；;、]{0,16}$")
_BASE_YEAR = re.compile(r"(?:较|比|相比|相较于?|与)((?:19|20)\d\d)年(?:末|底)?(?:相比)?")
_DESCRIPTOR = re.compile(r"总投资(?:约|超过|超|达|近|逾)?$|年产(?:能)?$")
_RATIO_HEADS = frozenset({"比例", "比重", "占比", "比率", "水平", "规模", "总量", "数量", "总额", "增速", "增幅", "指数"})
_TASK_VERB = re.compile(r"(?:完成|实现|新增|新建|建成|开工|培育|引进|打造|实施|开展|举办|推动|推进|提供|发放)")
_STAGES = r"(?:新开工|开工|完工|竣工|建成|投用|投入使用|交付|开业|投产|签约|落地)"
_STAGE_ONLY = re.compile(f"{_STAGES}+")  # "建成", "竣工投产"
_STAGE_END = re.compile(_STAGES + "$")
_STAGE_START = re.compile("^" + _STAGES)
_FROM_TO = re.compile(r"(?:增长|增加|提高|提升|上升|扩大|跃升|攀升|下降|降低|减少|压减|缩短|压缩)?(?:到|至)")
_NOUN_THEN_FIGURE = re.compile(r"^([^\d０-９]{2,}?)[和及与、]?(?:完成|实现|累计|共计|带动|当年|全年|年度|总)?"
                               r"(?:投资|投入|产值|营收|营业收入|收入|增加值)(?:超过|超|达到|达|为|约|近)?[\d０-９]")
# a list of examples before 等 ("蓝谷海工装备、长乐外海海上风电等"); not 高等, 平等, 等级
_EXAMPLE_LIST = re.compile(r"^[^，,。；;]*、[^，,。；;]*(?<![高平同对均中初优上次特])等(?![级量值同])")
_BUILD_VERBS = re.compile(r"^(?:全市|市区|城区|主城区|中心城区)?(?:[新改扩]{1,2}建[、和]?)+")  # "市区新建、扩建中小学校"


def _restage(stage: str, before: str) -> str | None:
    """The thing of the subject before at another stage: "老楼加装电梯新开工" -> 老楼加装电梯完工; "新开工变电站" ->
    建成变电站 ("新开工变电站40座、建成30座"); "实施增资扩产项目" -> 竣工投产增资扩产项目 ("实施增资扩产项目400个，
    竣工投产180个"); None if the subject before names no thing."""
    end = _STAGE_END.search(before)
    if end and end.start() >= 2:
        return before[:end.start()] + stage
    thing = _BUILD_VERBS.sub("", _LEAD_VERBS.sub("", _STAGE_START.sub("", before)))
    return stage + thing if thing != before and len(thing) >= 2 else None


_RANK_GROUP = re.compile(r"(?:(?<![安定宜民])居|位居|位列|在全国|在全省)$")
_TERM_START = re.compile(r"人大一次会议以来|本届政府以来|过去五年|五年来|五年间")
_PARTIAL_TARGET = re.compile(r"力争|确保|达到\d|不低于|开工率|前开工|前完工|前建成|底前")
_ONE_YEAR = re.compile(r"一年来|过去一年|过去的一年|这一年")
_YEAR_LEAD = re.compile(r"\s*((?:19|20)\d\d)年(?:[，,]|全年|全市|全区|全县|我市|我区)")
_ESTIMATE = re.compile(r"预计|初步核算|初步统计|预估")
_PAST_IN_PLAN = re.compile(r"^(?:过去一年|去年|上年|20\d\d年(?:全区|全市|全县)?(?:实现|完成))")
_BASIS_ONLY = re.compile(r"(?:按)?(?:同口径|可比口径|可比价格?|不变价格?)(?:计算)?|扣除[\u4e00-\u9fff]{1,10}因素后?"
                         r"|(?:比|较|与)(?:上年|去年)(?:同期)?(?:相比)?|同比")  # "5576.3亿元，比上年增长3.1%"
_WITHIN_YEARS = re.compile(r"(?:^|[，,、；;]|力争|用|未来)([2-5两三四五])年(?:内|时间|累计)?(?=[\u4e00-\u9fff“]|\d)(?!来|前|以来|后|底|末|的|实现|行动|攻坚|计划|规划)")
_CN_YEARS = {"两": 2, "三": 3, "四": 4, "五": 5}
_TARGET_YEAR = re.compile(r"到(20\d\d)年|(20\d\d)年(?:底|前|末|内)")
_TRAIL_CMP = ("以上", "左右", "以内", "不少于", "不低于", "超过", "突破", "力争", "确保", "达到", "分别", "均", "约",
              "控制在", "保持在", "稳定在", "同比", "比上年", "年均", "平均", "实现", "完成", "达")
_LEAD_JUNK = re.compile(r"^(?:[一二三四五六七八九十]+是|[(（][一二三四五六七八九十\d]+[)）]|第[一二三四五六七八九十]+(?![一二三四五六七八九十]|产业)|其中|并|和(?![美谐平])|及|与|且|共|使|让|全力|推动|促进)+")
_STAGE_STOP = re.compile(r"[，,。；;、：:“”\"的和与及等为]")
_ONLY_VERBS = re.compile(r"(?:统筹|全力|加快|大力|积极|持续|有序|稳步|扎实|深入|全面|着力|重点|力争|确保|推进|推动|实施|启动|"
                         r"建设|开展|完成|新建|改造|打造|培育|引进|新增|建成|开工|续建|谋划|储备|一体|协同|同步)+")
_LEAD_VERBS = re.compile("^" + _ONLY_VERBS.pattern)
_TIER_ONLY = re.compile(r"(?:工作目标|奋斗目标|预期目标|目标|在实际工作中|实际工作中)?(?:力争|争取|努力|确保)?")  # "地区生产总值增长7%以上，工作目标力争增长8%左右"
_AGAIN = re.compile(r"^(?:首次|再次|连续(?:\d+|[一二两三四五六七八九十]+)年)(?:突破|超过|达到|增长|达|超)?$")
_BARE_VERBS = {"特别是", "其中", "包括", "以及", "实施", "新增", "新建", "引进", "完成", "建成", "开工", "培育", "改造", "签约", "开展", "举办", "打造",
               "实现", "招引", "认定", "建设", "筹集", "提供", "发放", "投入", "创建", "推动", "交付", "落实", "累计",
               "新开工", "改扩建", "新改建", "全力推动", "有效推进", "推进", "续建", "谋划", "储备", "谋划储备"}
# "新创建200个以上和美乡村", "新培育10家以上": 新 before a verb is still only the verb
_BARE_VERBS |= {"新" + v for v in ("创建", "培育", "引进", "认定", "招引", "打造", "落地", "启动", "实施", "改造")}


@dataclass
class Extracted:
    commitments: list[Commitment]
    outcomes: list[Outcome]


def _same(s: str, other: str) -> str:
    """`other` when equal to `s`: one string object instead of two (the corpus holds 200k records)."""
    return other if s == other else s


def record_id(prefix: str, doc_id: str, quote: str, n: int) -> str:
    h = hashlib.sha256(f"{doc_id}|{quote}|{n}".encode()).hexdigest()[:12]
    return f"{prefix}{h}"


class Extractor:
    def __init__(self, rules: RuleSet):
        self.rules = rules
        ind = rules.indicators
        self._aliases = sorted(((a, i.name) for i in ind.indicators for a in i.aliases), key=lambda x: -len(x[0]))
        self._prefixes = sorted(ind.strip_prefixes, key=len, reverse=True)
        self._alias_name = {a: n for a, n in reversed(self._aliases)}
        self._alias_re = re.compile("|".join(re.escape(a) for a, _ in self._aliases))
        self._prefix_re = re.compile("^(?:" + "|".join(map(re.escape, self._prefixes)) + ")+") if self._prefixes else None
        st = rules.stages
        self._stage_words = sorted(((w, s.name, s.rank) for s in st.stages for w in s.words), key=lambda x: -len(x[0]))
        self._area_res = [(a.name, re.compile("|".join(map(re.escape, a.keywords)))) for a in rules.areas.areas]
        self._stage_of_word = {w: (name, rank) for w, name, rank in reversed(self._stage_words)}
        self._stage_re = re.compile("|".join(re.escape(w) for w, _, _ in self._stage_words))
        self._suffix_re = re.compile("|".join(map(re.escape, sorted(st.entity_suffixes, key=len, reverse=True))))
        self._generic = re.compile("^(?:" + "|".join(map(re.escape, sorted(st.generic_words, key=len, reverse=True)))
                                   + r"|[\d#个座条家所项]+)+$") if st.generic_words else None
        verbs = [w for w, _, _ in self._stage_words] + ["加快", "推进", "推动", "实施", "完成", "确保", "力争", "启动",
                                                        "支持", "新建", "改扩建", "打造", "争取", "全力", "积极", "持续",
                                                        "做好", "抓好", "促进", "开展", "依托", "围绕", "谋划", "建设", "完善", "强化",
                                                        "加强", "提升", "优化", "深化", "培育", "发展", "壮大", "做强",
                                                        "做大", "保障", "服务", "聚焦", "用好", "落实", "鼓励", "引导"]
        self._entity_stop = re.compile("(" + "|".join(map(re.escape, sorted(set(verbs), key=len, reverse=True))) + ")")
        self._generic_figure = frozenset(rules.matching.generic_words)

    # ------------------------------------------------------------ vocabulary
    def canonical(self, raw: str | None) -> str | None:
        """The canonical indicator whose longest alias occurs in `raw`."""
        if not raw:
            return None
        raw = _SHARE_OF.sub("", raw)  # "研发经费支出占地区生产总值比重": the share of 研发经费, not of GDP
        best = None
        for m in self._alias_re.finditer(raw):
            if best is None or len(m.group(0)) > len(best):
                best = m.group(0)
        return self._alias_name[best] if best else None

    def area(self, heading: str | None, sentence: str) -> str:
        for text in (heading, sentence):
            if not text:
                continue
            for name, pattern in self._area_res:
                if pattern.search(text):
                    return name
        return self.rules.areas.default

    def stage_of(self, text: str) -> tuple[str, int] | None:
        """The highest-ranked stage whose word occurs in `text`."""
        best = None
        for m in self._stage_re.finditer(text):
            name, rank = self._stage_of_word[m.group(0)]
            if best is None or rank > best[1]:
                best = (name, rank)
        return best

    # ------------------------------------------------------------ main
    def _page(self, raw_offset: int) -> int | None:
        return page_of(self._pages, raw_offset) if self._pages else None

    def extract(self, s: Structured) -> Extracted:
        self._pages = s.source.page_starts
        doc = s.document
        text = s.source.text
        commitments: list[Commitment] = []
        outcomes: list[Outcome] = []
        seen: dict[str, int] = {}
        # A review of the whole term and the last year (一、本届政府及2022年工作回顾) opens with the term: its
        # paragraphs are five-year figures from a term marker (市七届人大一次会议以来, 五年来) until a paragraph
        # turns to the year (一年来, 过去一年, 2022年是…).
        # A review part headed by the term alone (一、本届政府任期内工作回顾) that turns to the year (各位代表，过去的一年…)
        # goes on with that year's figures: its paragraphs from there on are the term's last year, not the term.
        term_review = any("-" in r for r in doc.reviews)
        term_mode, year_mode, last_part = False, False, None
        for p in s.paragraphs:
            if p.part != last_part:
                term_mode, year_mode, last_part = False, False, p.part
            if p.part not in ("review", "plan"):
                continue
            if p.part == "review" and term_review and re.search(r"[。；;]", p.text):  # not the part's heading
                if _ONE_YEAR.search(p.text[:60]) or re.match(rf"(?:各位代表[！!，,：:]\s*)?(?:刚刚)?(?:过去的)?{doc.year - 1}年", p.text):
                    term_mode, year_mode = False, True
                elif _TERM_START.search(p.text[:40]):
                    term_mode, year_mode = True, False
            if year_mode and p.period and "-" in p.period:
                p = replace(p, period=p.period.rsplit("-", 1)[1])
            if len(p.text) <= 24 and not re.search(r"[。，,;；：:]", p.text):
                continue  # a heading line ("预期目标 全区经济增长6.5%") repeats what its body says
            partial_para = bool(_PARTIAL.search(p.text[:12]))
            # "2021年是…，也是实现“十四五”发展目标的夯基之年" / "…本届政府履职的开局之年" opens on the year
            five_year_para = p.part == "review" and (term_mode or (bool(_CUMULATIVE.search(p.text[:40]))
                                                                and not _ONE_YEAR.search(p.text[:60])
                                                                and not p.text.startswith(f"{doc.year - 1}年是")))
            context = p.text[:12] if partial_para else ("五年来" if five_year_para else "")
            carry = ""  # a review's partial-year clause reads on through "；": "1—11月份，A增长13.6%；B增长8%；…"
            for sm in _SENT.finditer(p.text):
                sent = sm.group(0)
                s0 = p.start + sm.start()
                self._sentence(doc, text, p, sent, s0, commitments, outcomes, seen, context or carry)
                if p.part == "review" and sent.endswith(("；", ";")):
                    carry = next((c for c in re.split(r"(?<=[,，:：])", sent)
                                  if _PARTIAL_CLAUSE.fullmatch(c.strip())), None) or carry
                else:
                    carry = ""
        return Extracted(commitments, outcomes)

    def _period(self, doc, p: Paragraph, sent: str) -> tuple[str, bool, bool, bool]:
        """(period, partial_year, cumulative, estimate) for a sentence."""
        base = p.period or str(doc.year if p.part == "plan" else doc.year - 1)
        pm = _PARTIAL.search(sent)
        if pm and (p.part == "plan" or "今年" in sent or "一季度" in sent or "-" not in base):
            year = doc.year if (p.part == "plan" or "今年" in sent) else int(base[:4])
            q = pm.group(1)
            tag = "Q1" if "一季度" in q else "H1" if "上半年" in q else "Q1-Q3" if "前三季度" in q else "partial"
            return f"{year}{tag}", True, False, False
        if p.part == "review":
            if _CUMULATIVE.search(sent):
                span = next((r for r in doc.reviews if "-" in r), None)
                five = re.search(r"(十三五|十四五)", sent)
                if five:
                    span = FIVE_YEAR_PLANS[five.group(1)]
                return span or f"{doc.year - 5}-{doc.year - 1}", False, True, bool(_ESTIMATE.search(sent))
            return base, False, False, bool(_ESTIMATE.search(sent))
        ty = _TARGET_YEAR.search(sent)
        if ty:
            y = int(ty.group(1) or ty.group(2))
            if y > doc.year and "-" not in base:
                return f"{doc.year}-{y}", False, False, False
        return base, False, False, False

    def _sentence(self, doc, text, p, sent, s0, commitments, outcomes, seen, context: str = "") -> None:
        period, partial, cumulative, estimate = self._period(doc, p, context + sent)
        ym = _YEAR_LEAD.match(sent)
        if (ym and p.part == "review" and "-" in period and not partial and not _CUMULATIVE.search(sent)
                and int(period[:4]) <= int(ym.group(1)) <= int(period[-4:])):
            # "2022年，预计全市生产总值增长5%以上": a sentence of a five-year review that names one of its years
            period, cumulative = ym.group(1), False
        # a plan's figure for part of the year is a report of this year so far ("今年一季度，地区生产总值增长4.5%"),
        # unless it is worded as a target ("新建项目开工率一季度达到30%、二季度达到65%")
        is_plan = p.part == "plan" and (not partial or bool(_PARTIAL_TARGET.search(sent)))
        if is_plan and partial:  # a quarterly target or deadline belongs to the year's plan (the quarter is quoted)
            period, partial = self._period(doc, p, "")[0], False
        if is_plan and _PAST_IN_PLAN.match(sent):
            return
        area = self.area(p.heading, sent)
        has_digit = _DIGIT.search(sent) is not None or _CN_FIGURE.search(sent) is not None
        carried: tuple[str, int] | None = None  # (subject, clause start offset in sentence)
        # inside a sentence with partial-year figures: does the current clause belong to them? (from the start
        # when the marker came before this sentence: "今年一季度，…增长10%；规模以上工业增加值增长17.2%")
        in_partial = partial and not _PARTIAL.search(sent)
        last_clause, last_subjects = "", []  # the clause before, and the subjects of its figures
        sentence_subjects: list[str] = []  # subjects of all figures so far ("接待游客…，旅游总收入…，分别增长…")
        last_found: Found | None = None  # the sentence's figure before (for a tier in a clause of its own)
        for cm in _CLAUSE.finditer(sent):
            clause = cm.group(0)
            c0 = cm.start()
            found = find_quantities(clause) if has_digit else []
            if not found and _PARTIAL_CLAUSE.fullmatch(clause.strip()):
                in_partial = True  # "1—11月份，固定资产投资增长13.6%": the marker stands in a clause of its own
            if not found:
                last_clause, last_subjects = clause, []
                if has_digit and self._alias_re.search(clause):
                    subj = self._subject(clause)
                    if subj and self.canonical(subj):
                        carried = (subj, c0)
                if p.part == "review" and not is_plan:
                    self._all_of(doc, text, p, sent, s0, c0, clause, period, area, partial, cumulative, estimate,
                                 outcomes, seen)
                if is_plan or p.part == "review":
                    self._qualitative(doc, text, p, sent, s0, c0, clause, period, area, is_plan, partial,
                                      commitments, outcomes, seen)
                continue
            if _PARTIAL.search(clause):
                in_partial = True
            elif "全年" in clause:
                in_partial = False
            if partial and not in_partial:
                # A partial-year marker covers its own clause and those after it, up to a 全年 clause:
                # "加快建设450个重大项目，确保…上半年开工率达到75%" (the 450 is for the year);
                # "一季度增长4.5%，…，全年增长5.7%，地区生产总值突破2万亿元" (whole year from 全年 on).
                c_period, c_partial, c_plan = self._period(doc, p, "")[0], False, p.part == "plan"
            else:
                c_period, c_partial, c_plan = period, partial, is_plan
            share = next((f for f in found if f.quantity.unit_norm == "%" and clause[f.end:f.end + 1] == "的"), None)
            if share is not None:
                found = [share]  # "60%以上的村集体经济收入超过50万元": the share is the target, 50万元 its threshold
            prev_end = 0
            respective = (self._respective(clause, found)
                          or self._respective_back(clause, found, last_clause, last_subjects)
                          or self._respective_back(clause, found, last_clause, sentence_subjects[-len(found):]))
            mid = None if respective else self._respective_mid(clause, found)
            clause_subjects: list[str] = []
            listed = respective or (len(found) > 1 and "分别" in clause[:found[0].start])
            lead_cmp = found[0].quantity.comparator if listed and clause[:found[0].start].rstrip().endswith(
                ("超过", "突破", "不少于", "不低于", "达到以上", "控制在", "不超过", "低于", "高于")) else "="
            if listed and (found[-1].quantity.comparator in ("~", ">=", "<=") or lead_cmp in (">=", "<=")):
                # "分别增长6%和7%左右": the closing 左右 (以上, 以内) reads on every figure of the list, and so does
                # a leading 超过 ("分别超过5800家、460家、310家")
                cmp_ = found[-1].quantity.comparator if found[-1].quantity.comparator != "=" else lead_cmp
                found = [f if f.quantity.comparator != "=" else
                         Found(f.start, f.end, f.quantity.model_copy(update={"comparator": cmp_}), f.verb, f.tier_hint)
                         for f in found]
            last_post = list_lead = ""
            fact = False  # "有66万名在园幼儿、180多万名中小学生": a fact, and the list after it too
            # "技术合同成交额从285亿元增长到850亿元": the first figure is where the thing started, the second its level
            start_of = {i + 1 for i in range(len(found) - 1) if clause[:found[i].start].endswith(("从", "由"))
                        and _FROM_TO.fullmatch(clause[found[i].end:found[i + 1].start])}
            for fi, f in enumerate(found):
                pre = clause[prev_end: f.start]
                prev_end = f.end
                subj = respective[fi] if respective else (mid[fi] if mid and mid[fi] else self._subject(pre))
                if fi in start_of and clause_subjects:
                    subj = clause_subjects[-1]
                prev_found, last_found = last_found, f
                if (subj and prev_found and _TIER_ONLY.fullmatch(subj) and re.search("力争|争取", subj)
                        and f.verb in (None, "实现") and prev_found.quantity.unit_norm == f.quantity.unit_norm):
                    # "增长6%以上，在实际工作中争取实现7%的更好结果": the stretch tier of the figure before
                    f = like(f, prev_found, "stretch")
                if fi == 0:
                    list_lead = "" if _ONLY_VERBS.fullmatch(subj or "-") and subj not in _BARE_VERBS else subj
                stage = _STAGE_ONLY.fullmatch(subj or "")
                if stage and (fi and clause_subjects or carried):
                    # "老楼加装电梯新开工1000部、完工600部", "新开工保障性住房400万平方米，建成300万平方米": the second
                    # stage counts the same thing
                    subj = _restage(subj, clause_subjects[-1] if fi and clause_subjects else carried[0]) or subj
                if subj and (_PERIOD_ONLY.fullmatch(subj) or _BASIS_ONLY.fullmatch(subj) or _TIER_ONLY.fullmatch(subj)):
                    # "前三季度增长5.5%", "同口径增长8%", "工作目标力争增长8%": a period, a basis or a tier, not a subject;
                    # the carried one applies
                    subj = ""
                elif subj and carried and subj.startswith("占") and _SHARE_OF.fullmatch(subj):
                    subj = carried[0] + subj  # "研发投入增长10%、占地区生产总值比重达到3.2%": that thing's share
                elif subj and carried and _TOTAL_ONLY.fullmatch(subj) and "分别" not in clause:
                    subj = carried[0] + subj  # "新增高新技术企业1238家，总量达7889家": the total of that thing
                elif subj and clause_subjects and _ATTRIBUTE.fullmatch(subj):
                    # "糖料蔗种植面积172.1万亩、产量931.66万吨": another attribute of the thing before
                    base = _ATTRIBUTE.split(clause_subjects[-1])[0]
                    subj = base + subj if len(base) >= 2 else subj
                qstart = c0
                # "新增14个立体停车库和12万个停车位": the noun stops at a joiner before the next figure
                post = re.split(r"[,，、。;；]|(?<=[\u4e00-\u9fff]{3})(?:和|及|与)(?=\d)", clause[f.end:], maxsplit=1)[0]
                noun = self._noun(post)
                if not respective and len(noun) >= 2:
                    if subj.endswith("等"):
                        # "开工建设中信科移动、捷威动力电池等200个亿元以上工业项目": the examples are not the thing
                        # counted; the noun after the figure is
                        lead = _LEAD_VERBS.match(self._clean(pre))
                        subj = (lead.group(0) if lead else "") + noun
                    elif fi > 0 and last_post:
                        # "建成20家标准化农贸市场、300家“微菜场”" / "建成38个中小学幼儿园项目、新增4.1万个学位":
                        # each figure counts the noun after it, not the noun of the figure before
                        head, before = self._clean(pre), self._clean(last_post)
                        verb = head[len(before):].strip("、，, 和及与") if head.startswith(before) else None
                        if verb is not None and (not verb or verb in _BARE_VERBS):
                            subj = (verb or list_lead) + noun  # the list's lead: "整治城区道路46处易涝点、198处积水点"
                last_post = post
                if fi and subj and _AGAIN.match(subj):
                    # "技术合同成交额增长34.5%、首次突破百亿元大关": the thing before, again
                    subj, post = "", "" if post.startswith("大关") else post
                if subj and _ONLY_VERBS.fullmatch(subj):
                    subj = subj if subj in _BARE_VERBS else "推进"
                if subj and len(subj) <= 2 and post and len(post) >= 2 and not carried:
                    subj = subj + noun  # "组织150个外贸团组" -> 组织外贸团组
                if not subj or len(subj) < 2 or subj in _BARE_VERBS:
                    if carried and (f.quantity.measure in ("growth", "change_pp") or not post):
                        subj, qstart = carried[0], carried[1]
                        if f.quantity.measure == "growth" and len(subj) > 4:
                            # "市场主体净增19.7万户、增长19.6%": the growth is of the things, not of the increase
                            subj = re.sub(r"(?:净增|新增|增加)$", "", subj)
                    elif post and len(post) >= 2:
                        subj = (subj if subj in _BARE_VERBS else (f.verb or "")) + noun
                    elif carried:
                        subj, qstart = carried[0], carried[1]
                else:
                    carried = (subj, c0)
                qend = c0 + f.end
                base_year = _BASE_YEAR.search(clause[:f.start])
                clause_cum = cumulative or (p.part == "review" and bool(
                    _CUMULATIVE_CLAUSE.search(clause[:f.end]) or _RUNNING_TOTAL.search(sent[:c0])))
                if base_year and int(base_year.group(1)) < int(c_period[:4]) - 1 and "-" not in c_period:
                    # "能耗较2020年下降11.7%": a change over several years, not the year's
                    c_period, clause_cum = f"{int(base_year.group(1)) + 1}-{c_period[:4]}", True
                within = _WITHIN_YEARS.search(clause[:f.start]) if c_plan and "-" not in c_period else None
                if within:
                    # "力争3年内产值达到百亿级", "三年筹集建设40万套人才公寓": a target over the next years
                    n = int(within.group(1)) if within.group(1).isdigit() else _CN_YEARS[within.group(1)]
                    c_period = f"{c_period[:4]}-{int(c_period[:4]) + n - 1}"
                rest = re.split(r"[,，。;；]", clause[f.end:], maxsplit=1)[0]
                if _DIGIT.search(rest):
                    rest = post  # "新开工7791套、建成39223套": stop at the next figure's list
                # the words after a figure up to the clause's end, unless a list goes on ("…3万亩、提前完成目标")
                tail = "" if rest.lstrip().startswith("、") or (respective and "分别" in clause[found[-1].end:]) \
                    else self._clean(_DIGIT_SPLIT.split(rest, maxsplit=1)[0])[:16]  # (a 分别 list after the figures)
                clause_subjects.append(subj)
                if fi + 1 in start_of:
                    continue  # the starting level, not a result or a target
                fact = c_plan and bool(_NOT_A_TARGET.search(pre) or _USES_EXISTING.search(pre)
                                       or (fact and not _TASK_VERB.search(pre)
                                                                    and pre.rstrip().endswith(("、", "和", "及"))))
                if (fact or c_plan and (_DESCRIPTOR.search(pre) or _capacity_in_name(clause, f))
                        or clause[f.end:f.end + 1] == "级" or _RANK_GROUP.search(pre)):
                    # "广州有66万名在园幼儿" (a fact), "形成了12项民生实事候选项目" (done), "总投资12.7亿元" (the size
                    # of the projects pushed, in a plan), "20万吨级航道" (a size class), "推动旭阳300万吨焦化及制氢"
                    # (a plant's capacity in a project's name),
                    # "增速居9个国家中心城市首位" (the group a rank is taken in)
                    continue
                each = None if respective else (self._each(clause, found, fi) or self._rate_list(subj, f, pre))
                for one in (each or [subj]):
                    self._quantitative(doc, text, p, sent, s0, qstart, qend, one, f, c_period, area, c_plan,
                                       c_partial, clause_cum, estimate, commitments, outcomes, seen, tail,
                                       self._context_of(one, clause[:f.start] if clause_subjects[:-1] else last_clause,
                                                        clause_subjects[:-1] or last_subjects)
                                       if f.quantity.unit_norm == "元" else "")
            last_clause, last_subjects = clause, clause_subjects
            sentence_subjects += clause_subjects

    def _context_of(self, subj: str, last_clause: str, last_subjects: list[str]) -> str:
        """For an amount whose subject names nothing on its own ("完成投资2150亿元"), what the clause before is
        about ("持续推进重大工程建设，全年完成投资2150亿元" -> 重大工程建设): compared along with the subject."""
        core = re.sub(r"^(?:全年|年度|今年|当年)", "", _LEAD_VERBS.sub("", subj or ""))
        if not last_clause or (subj not in self._generic_figure and core not in self._generic_figure):
            return ""
        about = last_subjects[-1] if last_subjects else self._subject(re.sub(r"[，,:：]$", "", last_clause))
        return _LEAD_VERBS.sub("", about)[-16:]

    def _respective(self, clause: str, found: list[Found]) -> list[str] | None:
        """Subjects for "A、B分别增长6%、7%" (each number its own thing), or None. The shared head of the list
        goes to every part: "城镇居民和农村居民人均可支配收入分别增长6%和7%" -> 城镇居民人均可支配收入,
        农村居民人均可支配收入."""
        if len(found) < 2:
            return None
        first = clause[:found[0].start]
        k = first.rfind("分别")
        if k < 0:
            return self._respective_after(clause, found)
        if any(_DIGIT.search(clause[a.end:b.start]) is None and
                        not re.fullmatch(r"[、和及与,，]?\s*(?:[\u4e00-\u9fff]{0,4}?)", clause[a.end:b.start])
                        for a, b in zip(found, found[1:])):
            return None
        # the whole list, however long ("固定资产投资、社会消费品零售总额、进出口总值、一般公共预算收入分别增长…")
        parts = [q for q in _RESPECTIVE_JOIN.split(self._subject(first[:k], keep=None)) if q]
        if (len(parts) == 1 and "城乡" in parts[0] and len(found) % 2 == 0
                and all(a.quantity.unit_norm == b.quantity.unit_norm for a, b in zip(found[::2], found[1::2]))):
            # "城乡居民人均可支配收入分别增长6%以上、7%以上": 城乡 is 城镇 and 农村, pair by pair
            # ("…分别达到48220元和18638元、增长6.5%和8.5%")
            return [parts[0].replace("城乡", "城镇" if i % 2 == 0 else "农村", 1) for i in range(len(found))]
        if len(parts) != len(found):
            return None
        return _share_head(parts)

    def _respective_mid(self, clause: str, found: list[Found]) -> list[str | None] | None:
        """Subjects for a 分别 list that starts after other figures of its clause ("…一般公共预算收入增长17.5%、
        城乡居民人均可支配收入分别增长6.0%、8.3%"): None for the figures before it."""
        for i in range(1, len(found) - 1):
            if "分别" not in clause[found[i - 1].end:found[i].start]:
                continue
            rest = clause[found[i - 1].end:].lstrip("、，, ")
            off = len(clause) - len(rest)
            subjects = self._respective(rest, [replace(f, start=f.start - off, end=f.end - off) for f in found[i:]])
            if subjects and len(subjects) == len(found) - i:
                return [None] * i + subjects
            return None
        return None

    def _respective_after(self, clause: str, found: list[Found]) -> list[str] | None:
        """Subjects for "3000家和1009家企业分别完成数字化、绿色化诊断": the figures first, then the thing and a 分别
        list of what each figure counts (one part per figure)."""
        if any(clause[a.end:b.start] not in ("、", "和", "及", "与") for a, b in zip(found, found[1:])):
            return None
        after = re.split(r"[,，。;；]", clause[found[-1].end:], maxsplit=1)[0]
        k = after.find("分别")
        if k < 0:
            return None
        parts = [q for q in after[k + 2:].split("、") if q]
        if len(parts) != len(found) or any(len(q) < 2 or _DIGIT.search(q) for q in parts):
            return None
        noun = self._clean(after[:k])
        return [noun + q for q in _share_head(parts)]

    def _respective_back(self, clause: str, found: list[Found], last_clause: str,
                         last_subjects: list[str]) -> list[str] | None:
        """Subjects for a 分别 list whose things were named before it: "净增高新技术企业1800家、
        科技型中小企业2500家，总数分别突破1.5万家和1.9万家" (the things of the figures before, plus 总数;
        `last_subjects` may also be the last figures of the sentence: "接待游客3.06亿人次，旅游总收入3760亿元，
        分别增长10.3%和12.3%");
        "实施…树标提升、高新技术企业培育、科技型中小企业评价“三大行动”，分别新培育8家、10家、30家" (the list before)."""
        if len(found) < 2 or not last_clause:
            return None
        k = clause[:found[0].start].find("分别")
        if k < 0:
            # "高新技术企业、科技型中小企业分别净增730家、434家，总量达到8650家、9777家": the 分别 of the clause
            # before reads on into a list of totals
            if "分别" not in last_clause or len(last_subjects) != len(found):
                return None
            head = self._subject(clause[:found[0].start])
            if not head and all(f.quantity.measure in ("growth", "change_pp") for f in found):
                return list(last_subjects)  # "…分别达到50441元、20278元，增长5%和9%": the things' growth
            return [t + head for t in last_subjects] if head and _TOTAL_ONLY.fullmatch(head) else None
        head = self._subject(clause[:k])
        if head and not _TOTAL_ONLY.fullmatch(head):
            return None
        things = last_subjects
        if len(things) != len(found):
            named = _QUOTED_NAME.sub("", last_clause.rstrip("，,:："))
            things = [_LEAD_VERBS.sub("", self._clean(q)) for q in named.split("、")]
        if len(things) != len(found) or any(len(t) < 2 for t in things):
            return None
        return [t + head for t in things]

    def _each(self, clause: str, found: list[Found], fi: int = 0) -> list[str] | None:
        """Subjects for "开工项目、投产项目均达到10个以上" / "持牌金融机构、上市企业各10家": a figure that holds
        for each thing of the list just before it ("…单项冠军企业1家和省级创新龙头企业、瞪羚企业各3家"), so one
        commitment per thing; None otherwise."""
        pre = clause[found[fi - 1].end if fi else 0: found[fi].start]
        if not _EACH.search(pre):
            return None
        parts = [q for q in _RESPECTIVE_JOIN.split(self._subject(_EACH.sub("", pre))) if len(q) >= 2]
        return _share_head(parts) if len(parts) >= 2 else None

    @staticmethod
    def _rate_list(subj: str, f: Found, pre: str) -> list[str] | None:
        """A rate of a list of things is each thing's rate: "营业收入、利润、税金增长20%以上", "基本养老保险、基本
        医疗保险参保率稳定在95%以上" (a count or amount of a list is one combined figure instead)."""
        if f.quantity.unit_norm != "%" or "、" not in (subj or "") or "、" not in re.sub(r"[“\"][^”\"]*[”\"]", "", pre):
            return None  # "“双随机、一公开”监管覆盖率": a name with 、 in it
        parts = subj.split("、")
        if len(parts) < 2 or any(len(q) < 2 or _DIGIT.search(q) or _TASK_VERB.search(q) for q in parts):
            return None
        return _share_head(parts)

    def _clean(self, s: str) -> str:
        s = s.strip(" ,，、:：;；。“”\"")
        for _ in range(3):
            s2 = _LEAD_JUNK.sub("", s)
            if self._prefix_re:
                s2 = self._prefix_re.sub("", s2)
            if s2 == s:
                break
            s = s2
        return s

    def _noun(self, post: str) -> str:
        """The thing counted, from the words after a figure: "356个重点项目完成投资1213.5亿元" -> 重点项目 (the count
        is of the projects, not of their investment)."""
        noun = self._clean(post)
        then = _NOUN_THEN_FIGURE.match(noun)
        return (then.group(1) if then else noun)[:16]

    def _subject(self, pre: str, keep: int | None = 24) -> str:
        """The thing a figure counts, from the words before it: at most `keep` characters (None: all of them, for
        a 分别 list that must keep every part)."""
        s = pre
        changed = True
        while changed and s:
            changed = False
            for w in _TRAIL_CMP:
                if s.endswith(w):
                    s = s[: -len(w)]
                    changed = True
        for v in ("增长", "增加", "提高到", "提升到", "提高至", "提升至", "提高", "提升", "下降", "降低", "减少", "上涨",
                  "涨幅", "增速", "增至", "达到", "为", "至", "回落"):
            if s.endswith(v):
                s = s[: -len(v)]
                break
        if "的" in s:
            head, _, tail = s.rpartition("的")
            # "环保投入相当于全市生产总值的比例": a bare 比例 names nothing; keep whose ratio it is
            s = tail if tail not in _RATIO_HEADS else s
        if "、" in s:
            # "七成以上村建成经济强村、“百万元村”突破300个": a list part with its own figure is another target;
            # "推进核心区平房整院落退租、完成申请式退租2000户": so is a task before a part led by its own verb
            rest, parts = own_part(s, _OWN_FIGURE), s.split("、")
            if rest != s and len(rest.replace("、", "")) >= 2:
                s = rest
            elif (_TASK_VERB.match(parts[-1]) and len(parts[-1]) >= 4
                  and len(parts[-2]) >= 6 and not _ONLY_VERBS.fullmatch(parts[-2])):
                s = parts[-1]
        s = self._clean(s)
        examples = _EXAMPLE_LIST.search(s)
        if keep and examples and len(s) - examples.end() >= 2:
            # "实施蓝谷海工装备、长乐外海海上风电等重点项目": the examples are not the thing counted
            lead = _LEAD_VERBS.match(s)
            s = (lead.group(0) if lead else "") + s[examples.end():]
        s = s[-keep:] if keep else s
        if s.count("“") != s.count("”"):
            s = s.replace("“", "").replace("”", "")  # "“同城通办”事项" cut to "同城通办”事项"
        return s

    def _all_of(self, doc, text, p, sent, s0, c0, clause, period, area, partial, cumulative, estimate,
                outcomes, seen) -> None:
        """An outcome that all of the things were done or covered, with no figure ("贫困村全部出列", "民生实事全部
        落实", "实现有需求学生全覆盖"): 100% of them, which settles a count target of those things or a 100% share."""
        m = _ALL_OF.match(clause.strip())
        if not m:
            return
        thing = self._clean(m.group("thing"))
        if m.group("cover"):
            thing = re.sub(r"(?:实现|达到)$", "", thing)
        if len(thing) < 2 or thing in _ALL_OF_VAGUE:
            return
        q = Quantity.model_construct(value=100.0, value_high=None, unit="%", comparator="=", sign=1, value_norm=100.0,
                                     value_high_norm=None, unit_norm="%", measure="share")
        lead = len(clause) - len(clause.lstrip())
        end = lead + len(clause.strip().rstrip("，,。；;"))
        f = Found(lead, end, q, None, None)
        self._quantitative(doc, text, p, sent, s0, c0 + lead, c0 + end, thing + (m.group("verb") or "覆盖率"), f,
                           period, area, False, partial, cumulative, estimate, [], outcomes, seen,
                           all_of="covered" if m.group("cover") else "done")

    def _quantitative(self, doc, text, p, sent, s0, qstart, qend, subj, f: Found, period, area, is_plan, partial,
                      cumulative, estimate, commitments, outcomes, seen, tail: str = "", context: str = "",
                      all_of: str | None = None) -> None:
        start, end = s0 + qstart, s0 + qend
        # trim leading punctuation
        while start < end and text.text[start] in ",，、:：;； ":
            start += 1
        quote = text.text[start:end]
        rs, re_ = text.raw_span(start, end)
        q = f.quantity
        canonical = self.canonical(subj)
        if canonical is None and subj and len(subj) <= 2:
            canonical = self.canonical(subj + (f.verb or ""))  # "经济" + "增长"
        if is_plan and _FLAT.search(quote):
            return
        if is_plan and q.comparator == "range" and _WORD_RANGE.search(quote):
            # "达到千亿级", "实现两位数增长": as a target, the lower end is the floor (the later figure stays a range)
            q = q.model_copy(update={"comparator": ">=", "value_high": None, "value_high_norm": None})
        key = f"{quote}|{f.start}"
        n = seen.get(key, 0)
        seen[key] = n + 1
        common = dict(
            document=doc.id, government=doc.government, period=period, area=area, quote=quote,
            raw_quote=_same(text.raw[rs:re_], quote), span=Span(start=start, end=end, raw_start=rs, raw_end=re_),
            page=self._page(rs), kind="quantitative", indicator=canonical or subj or None, indicator_raw=subj or None,
            comparator=q.comparator, value=q.value, value_high=q.value_high, unit=q.unit, value_norm=q.value_norm,
            unit_norm=q.unit_norm, sign=q.sign, measure=q.measure,
            # what is counted often follows the number ("打造10个直播电商集聚区"): compare it too
            match_text=context + ((_join_tail(subj, tail) if subj and len(tail) >= 2 and tail not in subj else subj)
                                  or quote),
        )
        if is_plan:
            commitments.append(Commitment(id=record_id("C", doc.id, key, n), tier=f.tier_hint or "primary", **common))
        else:
            outcomes.append(Outcome(id=record_id("O", doc.id, key, n), partial_year=partial, cumulative=cumulative,
                                    estimate=estimate, all_of=all_of, **common))

    def _qualitative(self, doc, text, p, sent, s0, c0, clause, period, area, is_plan, partial,
                     commitments, outcomes, seen) -> None:
        stage = self.stage_of(clause)
        if stage is None:
            return
        for m in self._suffix_re.finditer(clause):
            end = m.end()
            # extend over further suffixes and phase markers glued on ("总部" + "基地" + "二期")
            while True:
                tail = re.match(r"[一二三四五六七八九十\d]+期", clause[end:]) or self._suffix_re.match(clause, end)
                if not tail or tail.end() - (0 if tail.re is self._suffix_re else -end) <= end:
                    break
                end = tail.end() if tail.re is self._suffix_re else end + tail.end()
            left = clause[:m.start()]
            # cut at the last stop word/punctuation before the suffix
            cut = 0
            for sm in _STAGE_STOP.finditer(left):
                cut = sm.end()
            for vm in self._entity_stop.finditer(left):
                if vm.end() > cut:
                    cut = vm.end()
            ent = clause[cut:end]
            core = clause[cut:m.start()]
            if len(core) < 2 or len(ent) > 20:
                continue
            if self._generic and self._generic.match(core):
                continue
            if re.search(r"\d", core):
                continue
            qstart, stop = s0 + c0, s0 + c0 + len(clause.rstrip(",，、:：;；。"))
            quote = text.text[qstart:stop]
            rs, re_ = text.raw_span(qstart, stop)
            key = f"{ent}|{quote}"
            n = seen.get(key, 0)
            seen[key] = n + 1
            common = dict(
                document=doc.id, government=doc.government, period=period, area=area, quote=quote,
                raw_quote=_same(text.raw[rs:re_], quote),
                span=Span(start=qstart, end=stop, raw_start=rs, raw_end=re_), page=self._page(rs), kind="qualitative",
                indicator=None, indicator_raw=None, measure="qualitative", entity=ent, stage=stage[0],
                match_text=ent,
            )
            if is_plan:
                commitments.append(Commitment(id=record_id("C", doc.id, key, n), **common))
            else:
                outcomes.append(Outcome(id=record_id("O", doc.id, key, n), partial_year=partial, **common))
            break  # one named thing per clause
