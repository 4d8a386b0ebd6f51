"""Clause-level extraction details, table-driven."""

from __future__ import annotations

import pytest

from checker.extract import Extractor
from checker.match import Matcher, different_subject
from checker.quantities import find_quantities


@pytest.fixture(scope="module")
def extractor(rules):
    return Extractor(rules)


def _extract(rules, review="过去一年，经济平稳。", plan="地区生产总值增长5%。", year=2024, city="郑州市"):
    """Records of a small report: a review of the year before and a plan for `year`."""
    from pathlib import Path

    from checker.ingest import from_bytes
    from checker.structure import structure

    text = (f"{city}政府工作报告\n——{year}年1月10日在{city}第十六届人民代表大会第二次会议上\n"
            f"一、{year - 1}年工作回顾\n{review}\n二、{year}年工作安排\n{plan}\n")
    return Extractor(rules).extract(structure(from_bytes("t.txt", Path(f"{year}.txt"), text.encode("utf-8"))))


@pytest.mark.parametrize("clause, subjects", [
    ("城镇居民和农村居民人均可支配收入分别增长6%和7%左右", ["城镇居民人均可支配收入", "农村居民人均可支配收入"]),
    ("航空旅客、货邮吞吐量分别增长5%、6%以上", ["航空旅客", "货邮吞吐量"]),
    ("城镇和农村居民人均可支配收入分别增长4.9%、6.9%", ["城镇居民人均可支配收入", "农村居民人均可支配收入"]),
    ("人工智能、大数据产业规模分别提升至900亿元、1100亿元", ["人工智能", "大数据产业规模"]),
    ("高新技术企业、科技型中小企业总数分别突破1.5万家和1.9万家", ["高新技术企业总数", "科技型中小企业总数"]),
    ("城乡居民人均可支配收入分别增长6%以上、7%以上", ["城镇居民人均可支配收入", "农村居民人均可支配收入"]),
    # a list longer than a subject is kept: every part, however long the list
    ("固定资产投资、社会消费品零售总额、进出口总值、一般公共预算收入分别增长6.1%、18.5%、22.8%、9.1%",
     ["固定资产投资", "社会消费品零售总额", "进出口总值", "一般公共预算收入"]),
    ("地区生产总值增长6%、一般公共预算收入增长5%", None),       # no 分别: each number has its own subject
    ("航空旅客、货邮吞吐量分别增长5%", None),                  # one number: nothing to distribute
    ("甲、乙、丙分别增长5%、6%", None),                        # three things, two numbers: not guessed
])
def test_respective_lists_give_each_number_its_subject(extractor, clause, subjects):
    assert extractor._respective(clause, find_quantities(clause)) == subjects


@pytest.mark.parametrize("before, before_subjects, clause, subjects", [
    ("净增高新技术企业1800家、科技型中小企业2500家，", ["高新技术企业", "科技型中小企业"],
     "总数分别突破1.5万家和1.9万家", ["高新技术企业总数", "科技型中小企业总数"]),
    ("实施创新龙头企业树标提升、高新技术企业培育、科技型中小企业评价“三大行动”，", [],
     "分别新培育8家、10家、30家", ["创新龙头企业树标提升", "高新技术企业培育", "科技型中小企业评价"]),
    ("净增高新技术企业1800家，", ["高新技术企业"], "总数分别突破1.5万家和1.9万家", None),   # counts differ
    ("净增高新技术企业1800家、科技型中小企业2500家，", ["高新技术企业", "科技型中小企业"],
     "营收分别增长5%和6%", None),                                  # a subject of its own: not the things before
])
def test_respective_list_named_in_the_clause_before(extractor, before, before_subjects, clause, subjects):
    assert extractor._respective_back(clause, find_quantities(clause), before, before_subjects) == subjects


@pytest.mark.parametrize("clause, subjects", [
    ("全年开工项目、投产项目均达到10个以上", ["开工项目", "投产项目"]),
    ("力争全年“签约一批”、“开工一批”、“投产一批”项目均超过20个", ["“签约一批”项目", "“开工一批”项目", "“投产一批”项目"]),
    ("新增持牌金融机构、上市企业各10家左右", ["新增持牌金融机构", "上市企业"]),
    ("新增艺术空间、全民阅读点均超100个", ["新增艺术空间", "全民阅读点"]),
    ("接待游客人次、旅游收入均增长10%", ["接待游客人次", "旅游收入"]),
    ("新培育国家级制造业单项冠军企业1家和省级创新龙头企业、瞪羚企业各3家", ["省级创新龙头企业", "瞪羚企业"]),
    # 各/均 before the verb of the list ("各新增", "各完成")
    ("国家高新技术企业、科技型“小巨人”企业各新增200户以上", ["国家高新技术企业", "科技型“小巨人”企业"]),
    ("全市新增造林、沿江修复湿地各完成2000亩以上", ["新增造林", "沿江修复湿地"]),
    ("新增上市企业10家", None),
    ("开工项目、投产项目分别达到10个和12个", None),                  # two figures: a respective list instead
])
def test_one_figure_for_each_thing_of_a_list(extractor, clause, subjects):
    found = find_quantities(clause)
    assert extractor._each(clause, found, len(found) - 1) == subjects


@pytest.mark.parametrize("a, b, why", [
    ("新建中小学和幼儿园", "新建中小学校", "combined figure"),    # the outcome counts only part of it
    ("新建中小学", "新建中小学、幼儿园", "combined figure"),
    ("新建、改扩建中小学", "新建改扩建中小学", None),            # a list of verbs is not a combined figure
    ("郑州、开封、新乡同城通办事项", "同城通办事项", None),       # places qualifying one head
    ("集中供热率", "集中供热普及率", None),                     # 及 inside 普及 joins nothing
    ("省级绿色工厂", "国家级绿色工厂", "administrative level"),
    ("市级重点实验室", "全国重点实验室", "administrative level"),
    ("净增国家高新技术企业", "净增国家级高新技术企业", None),       # 国家 and 国家级 name one level
    ("省级重点项目", "省市级重点项目", "administrative level"),       # 省市级 names two
    ("市级以上龙头企业", "省级龙头企业", "administrative level"),      # fewer levels: a part (see part_of)
    ("市级科技领军企业", "市级以上科技领军企业", None),              # the level in common, and more
    ("省级以上绿色工厂", "国家级绿色工厂", "administrative level"),
    ("棚户区改造新开工", "棚户区改造基本建成", "stage"),
    ("新建公园", "建成公园", None),                             # 新建 and 建成 are one stage
    ("分配人才公寓", "筹集人才公寓", "stage"),
    ("整备工业用地", "供应工业用地", "stage"),                    # land assembled is not land supplied
    ("新增规模以上工业企业", "规模以上工业企业开展数字化转型诊断", "activity"),   # the firms that did something
    ("实施在建重点项目", "在建重点项目完成投资", None),            # the projects' investment: still the projects
    ("新建未来工厂", "启动培育未来工厂", "stage"),                 # 启动 is a start, 新建 a completion
    ("国际货邮吞吐量", "货邮吞吐量", "scope qualifier"),        # rules/matching.yaml scope.qualifiers
    ("签约项目", "招商引资签约亿元以上项目", "scope qualifier"),
    ("净增高新技术企业", "认定高新技术企业", "scope qualifier"),   # a net increase is not the number certified
    ("幼儿园", "新(改、扩)建公办中小学和幼儿园", "combined figure"),  # the bracketed list joins nothing
    ("园区固投", "固定资产投资", "scope qualifier"),              # a park's figure is not the city's
    ("新能源汽车产量", "汽车年产量", "scope qualifier"),
    ("港澳科研机构", "高端科研机构", "scope qualifier"),
    ("智慧化养老服务机构", "养老机构", "scope qualifier"),
    ("东恒锂电新能源等重点产业项目", "落地产业项目", None),        # qualifiers of the examples before 等 do not count
    ("配售型保障性住房主体工程", "开工建设配售型保障房", "stage"),  # a finished main structure is not a start
    ("开工新建改扩建中小学", "开工新建改扩建中小学幼儿园", "combined figure"),  # 中小学幼儿园 counts both
    ("居家社区养老服务站点", "居家和社区养老站点", None),    # the same list, written without the joiner
    ("开工新建改扩建幼儿园", "开工新建改扩建中小学幼儿园", "combined figure"),
    ("新建高标准农田", "新建和改造提升高标准农田", "combined figure"),   # more kinds of work counted
    ("新建、改造各类公园", "新建各类公园", "combined figure"),
    # the same list on both sides, one part reworded: not a part of it
    ("推动机关、企事业单位附属空间对社会开", "机关、企事业单位附属空间对外开放", None),   # (texts cut at 16)
    ("新增上市企业、过会企业", "新增上市企业、专精特新企业", "combined figure"),   # another list
])
def test_scope_mismatch(rules, a, b, why):
    m = Matcher(rules)
    assert m.scope.mismatch(a, b, m.core(a), m.core(b)) == why


@pytest.mark.parametrize("a, b, part", [
    ("国家级孵化器和众创空间", "国家级孵化器", True),            # some things of a combined target
    ("货邮吞吐量", "国际货邮吞吐量", True),                     # a scope qualifier added
    ("国际货邮吞吐量", "货邮吞吐量", False),                    # a qualifier dropped: wider
    ("国家级孵化器", "国家级孵化器和众创空间", False),          # the later figure is the combined one
    ("城建项目、投资", "完成投资", False),                      # a generic amount is not a part
    ("省级孵化器和众创空间", "国家级孵化器", False),            # another administrative level
    ("新建中小学", "新建中小学", False),                        # the same scope
    ("新登记市场主体", "净增市场主体", True),                   # a net increase is at most the number added
    ("市级以上农业产业化龙头企业", "省级农业产业化龙头企业", True),  # 市级以上 counts the 省级 ones too
    ("国家级和省级专精特新企业", "省级专精特新企业", True),
    ("省级龙头企业", "市级以上龙头企业", False),                 # more levels: wider
])
def test_outcome_part_of_target(rules, a, b, part):
    m = Matcher(rules)
    ca, cb = m.core(a), m.core(b)
    assert m.scope.part_of(a, b, ca, cb, m.scope.parts(ca), m.scope.parts(cb)) is part


def test_examples_of_the_same_head_are_not_a_combined_figure(rules):
    m = Matcher(rules)
    a, b = "四大特色农业产业集群产值", "粮食加工、畜牧养殖加工、食用菌生产加工等四大农业特色产业集群产值"
    assert m.scope.mismatch(a, b, m.core(a), m.core(b)) is None
    assert m.scope.mismatch("新建中小学", "新建中小学、幼儿园") == "combined figure"


@pytest.mark.parametrize("plan_heading", [
    "二、2023年工作重点", "二、当前形势与目标", "二、2023年主要工作", "二、2023 年工作任务", "二、扎实做好2023年工作",
    "二、2023年的形势和任务", "二、2023年工作安排", "二、牢记嘱托、感恩奋进，在中国式现代化建设中奋勇争先",
])
def test_plan_part_headings(plan_heading):
    from pathlib import Path

    from checker.ingest import from_bytes
    from checker.structure import structure

    text = (f"长沙市政府工作报告\n——2023年1月10日在长沙市第十六届人民代表大会第二次会议上\n"
            f"一、2022年工作回顾\n过去一年，地区生产总值增长4.5%。\n{plan_heading}\n"
            f"地区生产总值增长7%左右。\n")
    s = structure(from_bytes("t.txt", Path("2023.txt"), text.encode("utf-8")))
    kinds = {sec.kind: sec.heading for sec in s.document.sections}
    assert kinds.get("review") == "一、2022年工作回顾"
    assert kinds.get("plan", "").replace(",", "，") in (plan_heading.replace(" ", ""), plan_heading)


@pytest.mark.parametrize("review_heading, plan_heading", [
    ("一、回顾2022年，我们解放思想、奋发进取，实现经济总量过万亿根基更稳、底气更足",
     "二、展望2023年，我们要乘势而上、接续奋斗，努力开创现代化、国际化美丽省会城市建设新局面"),
    ("一、“十四五”时期发展成就和2025年主要工作", "二、“十五五”时期主要目标任务和2026年工作安排"),
])
def test_long_numbered_part_headings(review_heading, plan_heading):
    """Markdown reports with a long numbered heading that says which part it opens (石家庄 2023, 深圳 2026)."""
    from pathlib import Path

    from checker.ingest import from_bytes
    from checker.structure import structure

    text = (f"——2023年2月3日在石家庄市第十五届人民代表大会第四次会议上\n\n{review_heading}\n\n"
            f"过去一年，地区生产总值增长6.1%。\n\n{plan_heading}\n\n地区生产总值增长6%左右。\n")
    s = structure(from_bytes("石家庄市/2023.md", Path("石家庄市/2023.md"), text.encode("utf-8")))
    kinds = [sec.kind for sec in s.document.sections]
    assert "review" in kinds and "plan" in kinds


@pytest.mark.parametrize("first, second, kinds", [
    # 石家庄 2022: the plan part is named by its year, with no plan word in its first twelve characters
    ("一、回顾2021年，我们在守正出新中破题起势，奠定了加快发展的信心和底气",
     "二、竞进2022年，我们要锚定奋斗目标，加快高质量发展，努力实现弯道超车、跨越赶超新突破", ["review", "plan"]),
    ("一、2021年，我们在守正出新中破题起势，奠定了加快发展的信心和底气",
     "二、2022年，我们要锚定奋斗目标，加快高质量发展，努力实现弯道超车、跨越赶超新突破", ["review", "plan"]),
])
def test_numbered_parts_named_by_their_year(first, second, kinds):
    from pathlib import Path

    from checker.ingest import from_bytes
    from checker.structure import structure

    text = (f"——2022年1月23日在石家庄市第十五届人民代表大会第一次会议上\n\n{first}\n\n"
            f"地区生产总值增长6.5%。\n\n{second}\n\n主要预期目标是：地区生产总值增长8%以上。\n")
    s = structure(from_bytes("石家庄市/2022.md", Path("石家庄市/2022.md"), text.encode("utf-8")))
    assert [(sec.kind, sec.period) for sec in s.document.sections] == list(zip(kinds, ["2021", "2022"]))


def test_review_opening_is_not_a_plan():
    from pathlib import Path

    from checker.ingest import from_bytes
    from checker.structure import structure

    text = ("**政府工作报告**\n\n——2025年1月8日在厦门市第十六届人民代表大会第五次会议上\n\n"
            "**一年来的主要工作和成效：**\n\n新增签约项目765个。\n\n**二、牢记嘱托、感恩奋进，在中国式现代化建设中奋勇争先**\n\n"
            "地区生产总值增长5.5%左右。\n")
    s = structure(from_bytes("2025.md", Path("厦门市/2025.md"), text.encode("utf-8")))
    assert [sec.kind for sec in s.document.sections] == ["review", "plan"]


@pytest.mark.parametrize("name, date, year", [
    ("青岛市/2023.md", "2022年12月29日", 2023),   # delivered in December for the year its name says
    ("青岛市/2022.md", "2022年1月10日", 2022),
    ("西宁市/2016-11.md", "2016年11月25日", 2016),   # a November report that names no later year
])
def test_year_of_a_report_delivered_before_its_year(name, date, year):
    from pathlib import Path

    from checker.ingest import from_bytes
    from checker.structure import structure

    text = f"政府工作报告\n\n——{date}在某市第十七届人民代表大会第二次会议上\n\n一、工作回顾\n\n过去一年，经济平稳。\n"
    assert structure(from_bytes(name, Path(name), text.encode("utf-8"))).document.year == year


@pytest.mark.parametrize("headings, kinds", [
    # an unnumbered review counts its own numbered headings, whatever their words (乌鲁木齐 2018)
    (["2022年工作回顾", "一、经济持续健康快速发展", "三、民生改善取得新成效", "五、政府自身建设全面加强",
      "2023年主要工作"], ["review", "plan"]),
    # a numbered task heading of the plan that aims at results is not a review (东莞 2025)
    (["2022年工作回顾", "2023年工作安排", "七、着力推动“百千万工程”初见成效，让市镇村运转更顺畅",
      "八、加快推进新型城镇化建设"], ["review", "plan"]),
    # a numbered heading that does not continue the review's count opens the next part (厦门 2021)
    (["工作回顾", "二、“十四五”主要战略任务和", "三、2023年主要工作"], ["review", "plan", "plan"]),
    # the work of a past year is a review, whatever its words (大连 2022)
    (["一、2022年主要工作", "二、2023年重点工作安排"], ["review", "plan"]),
])
def test_numbered_headings_inside_parts(headings, kinds):
    from pathlib import Path

    from checker.ingest import from_bytes
    from checker.structure import structure

    body = "".join(f"{h}\n\n地区生产总值增长{k + 5}%。\n\n" for k, h in enumerate(headings))
    text = f"——2023年1月10日在乌鲁木齐市第十六届人民代表大会第二次会议上\n\n{body}"
    s = structure(from_bytes("2023.md", Path("乌鲁木齐市/2023.md"), text.encode("utf-8")))
    assert [sec.kind for sec in s.document.sections] == kinds


@pytest.mark.parametrize("raw, canonical", [
    ("全社会研发经费支出占地区生产总值比重", "研发经费投入强度"),   # the share of R&D, not GDP
    ("地区生产总值", "地区生产总值"),
    ("新增城镇就业参保", "新增就业参保"),                          # the longest alias wins
    ("服务业增加值", "服务业增加值"),
    ("空气优良率", "空气质量优良天数比例"),                       # the same ratio under another name
    ("国考断面水质优良率", "地表水水质优良率"),
    ("户籍人口城镇化率", "户籍人口城镇化率"),                     # not the resident-population rate
    ("海洋生产总值", "海洋生产总值"),                              # the marine economy, not GDP
    ("第二产业增加值", "第二产业增加值"),                          # industry and construction, not 工业增加值
    ("城镇就业困难人员", "就业困难人员就业"),                      # not 城镇新增就业
])
def test_canonical_indicator(extractor, raw, canonical):
    assert extractor.canonical(raw) == canonical


@pytest.mark.parametrize("pre, subject", [
    ("环保投入相当于全市生产总值的比例保持在", "环保投入相当于全市生产总值的比例"),   # a bare 比例 names nothing
    ("规模以上工业企业的研发活动覆盖率达到", "研发活动覆盖率"),
    ("七成以上村建成经济强村、“百万元村”突破", "百万元村"),       # a list part with its own figure is another target
    ("推进核心区平房整院落退租、完成申请式退租", "申请式退租"),   # so is a task before a part with its own verb
    ("新建、改扩建中小学", "新建、改扩建中小学"),                  # a list of verbs is not a task
    ("城镇居民和农村居民人均可支配收入", "城镇居民和农村居民人均可支配收入"),
    ("开工项目、投产项目", "开工项目、投产项目"),                 # a plain list stays whole (shared figure)
    ("第三产业增加值增长", "第三产业增加值"),                     # 第三产业 is not an ordinal
])
def test_subject_of_a_figure(extractor, pre, subject):
    assert extractor._subject(pre) == subject


@pytest.mark.parametrize("plan, subjects", [
    # a rate of a list of things is each thing's rate
    ("基本养老保险、基本医疗保险参保率稳定在95%以上。", ["基本养老保险参保率", "基本医疗保险参保率"]),
    ("力争营业收入、利润、税金增长20%以上。", ["营业收入", "利润", "税金"]),
    ("“双随机、一公开”监管覆盖率100%。", ["双随机、一公开监管覆盖率"]),      # a name in quotes is one thing
    ("新建中小学、幼儿园30所。", ["新建中小学、幼儿园"]),                     # a count of a list is one figure
])
def test_rates_of_a_list(rules, plan, subjects):
    from pathlib import Path

    from checker.ingest import from_bytes
    from checker.structure import structure

    text = ("郑州市政府工作报告\n——2024年1月10日在郑州市第十六届人民代表大会第二次会议上\n"
            f"一、2023年工作回顾\n过去一年经济平稳。\n二、2024年工作安排\n{plan}\n")
    s = structure(from_bytes("t.txt", Path("2024.txt"), text.encode("utf-8")))
    assert [c.match_text for c in Extractor(rules).extract(s).commitments] == subjects


def test_a_generic_amount_is_about_the_figure_before_it_in_its_clause(rules):
    from pathlib import Path

    from checker.ingest import from_bytes
    from checker.structure import structure

    text = ("泉州市政府工作报告\n——2026年1月10日在泉州市第十八届人民代表大会第五次会议上\n"
            "一、2025年工作回顾\n着力提升项目建设效率，省、市重点项目1082个完成投资2500多亿元。\n"
            "二、2026年工作安排\n地区生产总值增长5%。\n")
    s = structure(from_bytes("t.txt", Path("2026.txt"), text.encode("utf-8")))
    (o,) = [o for o in Extractor(rules).extract(s).outcomes if o.value == 2500]
    assert "重点项目" in o.match_text and "效率" not in o.match_text


def test_words_after_a_figure_stop_at_the_next_list_item(rules):
    from pathlib import Path

    from checker.ingest import from_bytes
    from checker.structure import structure

    text = ("郑州市政府工作报告\n——2024年1月10日在郑州市第十六届人民代表大会第二次会议上\n"
            "一、2023年工作回顾\n完成高标准农田改造提升3万亩、提前完成“十四五”目标。\n二、2024年工作安排\n地区生产总值增长5%。\n")
    s = structure(from_bytes("t.txt", Path("2024.txt"), text.encode("utf-8")))
    (o,) = [o for o in Extractor(rules).extract(s).outcomes if o.value == 3]
    assert "十四五" not in o.match_text and "高标准农田" in o.match_text


@pytest.mark.parametrize("sentence, wanted", [
    # examples before the figure are not the thing counted; the noun after the figure is
    ("开工建设中信科移动、捷威动力电池等200个亿元以上工业项目。", {200: "开工建设亿元以上工业项目"}),
    ("推动市体育馆等9个公共体育场馆向社会免费开放。", {9: "公共体育场馆向社会免费开放"}),
    # in "V N1个X1、N2个X2" each figure counts the noun after it
    ("建成20家标准化农贸市场、300家“微菜场”。", {20: "建成标准化农贸市场", 300: "建成微菜场"}),
    ("“一点一策”整治城区道路46处易涝点、198处积水点。", {46: "一点一策整治城区道路", 198: "一点一策整治城区道路积水点"}),
    ("建成38个中小学幼儿园项目、新增4.1万个学位。", {38: "建成中小学幼儿园项目", 4.1: "新增学位"}),
    ("新增14个立体停车库和12万个停车位。", {14: "新增立体停车库", 12: "新增停车位"}),   # also after 和
    # the things of a 分别 list named in the clause before
    ("净增高新技术企业1800家、科技型中小企业2500家，总数分别突破1.5万家和1.9万家。",
     {1.5: "国家高新技术企业", 1.9: "科技型中小企业"}),
    ("全年接待游客3.06亿人次，旅游总收入3760亿元，分别增长10.3%和12.3%。", {10.3: "接待游客", 12.3: "旅游总收入"}),
    # the 分别 of the clause before reads on into a list of totals
    ("高新技术企业、科技型中小企业分别净增730家、434家，总量达到8650家、9777家。",
     {730: "国家高新技术企业", 8650: "国家高新技术企业", 9777: "科技型中小企业"}),
    # a basis (同口径, 按可比价格计算) is not a subject: the thing named before applies
    ("地方一般公共预算收入266.9亿元、同口径增长8%。", {266.9: "一般公共预算收入", 8: "一般公共预算收入"}),
    # 城乡…分别 with two pairs of figures: 城镇 and 农村, pair by pair
    ("城乡居民人均可支配收入分别达到48220元和18638元、增长6.5%和8.5%。",
     {48220: "城镇居民人均可支配收入", 18638: "农村居民人均可支配收入", 6.5: "城镇居民人均可支配收入",
      8.5: "农村居民人均可支配收入"}),
    # a second stage after 、 counts the same thing as the first
    ("老楼加装电梯新开工1000部、完工600部。", {1000: "老楼加装电梯新开工", 600: "老楼加装电梯完工"}),
    ("棚户区改造新开工7791套、建成39223套。", {7791: "棚户区改造新开工", 39223: "棚户区改造建成"}),
    # ... also when the first names its stage before the thing, or names none, or in the clause before
    ("新开工变电站45座、建成30座。", {45: "新开工变电站", 30: "建成变电站"}),
    ("实施增资扩产项目400个，竣工投产180个。", {400: "实施增资扩产项目", 180: "竣工投产增资扩产项目"}),
    ("市区新建、扩建中小学校15所，投入使用16所。", {15: "市区新建、扩建中小学校", 16: "投入使用中小学校"}),
    # "从X增长到Y": Y is the thing's level; X, where it started, is no result
    ("技术合同成交额从285亿元增长到850亿元。", {850: "技术合同成交额"}),
    # a count before the thing and its investment counts the things
    ("356个重点项目完成投资1213.5亿元。", {356: "重点项目", 1213.5: "重点项目投资"}),
    # examples before 等 are not the thing counted (but the things of a 分别 list are; 高等 is a word)
    ("落地中交海峰风电、宽腾医疗CT制造基地等产业项目488个。", {488: "产业项目"}),
    ("新型显示、新能源装备、生物制药等行业增加值分别增长9.2%、9.6%、11.3%。", {9.2: "新型显示", 9.6: "新能源装备"}),
    ("职业院校、高等学校建成实训基地20个。", {20: "职业院校、高等学校建成实训基地"}),
    # the group a rank is taken in is not a result
    ("规模以上工业增加值增长12.8%，增速居9个国家中心城市首位。", {12.8: "规模以上工业增加值", 9: None}),
    # "首次突破…大关" after 、: the same thing again
    ("技术合同成交额增长34.5%、首次突破百亿元大关。", {34.5: "技术合同成交额", 100: "技术合同成交额"}),
    # a tier of a two-tier target names no thing of its own
    ("地区生产总值增长7%以上，工作目标力争增长8%左右。", {7: "地区生产总值", 8: "地区生产总值"}),
    # 新 before a verb is still only the verb: the thing is the noun after the figure (和美 is a name, not 和)
    ("新创建200个以上和美乡村。", {200: "新创建和美乡村"}),
    # a basis (比上年) names no thing; a share with no owner (占…比重) is the share of the thing before; the
    # growth after a net increase is the growth of the things, not of the increase
    ("实现地区生产总值5576.3亿元，比上年增长3.1%。", {5576.3: "地区生产总值", 3.1: "地区生产总值"}),
    ("全社会研发投入增长10%、占地区生产总值比重达到3.2%。", {3.2: "研发经费投入强度"}),
    ("全年市场主体净增19.7万户、增长19.6%。", {19.7: "市场主体净增", 19.6: "市场主体"}),
    ("社会消费品零售总额与上年持平。", {0: "社会消费品零售总额"}),    # a result in words: 0% growth
    # the growth clause after a 城乡 pair of amounts goes pair by pair too
    ("预计城乡居民人均可支配收入分别达到50441元、20278元，增长5%和9%。",
     {50441: "城镇居民人均可支配收入", 5: "城镇居民人均可支配收入", 9: "农村居民人均可支配收入"}),
    # a 分别 list that starts after other figures of its clause
    ("一般公共预算收入增长17.5%、城乡居民人均可支配收入分别增长6.0%、8.3%。",
     {17.5: "一般公共预算收入", 6: "城镇居民人均可支配收入", 8.3: "农村居民人均可支配收入"}),
    # another attribute of the thing before (产量 after 种植面积)
    ("预计糖料蔗种植面积172.1万亩、产量931.66万吨。", {172.1: "糖料蔗种植面积", 931.66: "糖料蔗产量"}),
    # the figures first, then the thing and a 分别 list of what each counts
    ("3000家和1009家企业分别完成数字化、绿色化诊断。", {3000: "企业完成数字化诊断", 1009: "企业绿色化诊断"}),
    # 规模以上 is a name, not a figure of its own that would split the list
    ("农业、规模以上工业、服务业增加值分别增长5%、8%、6%左右。",
     {5: "农林牧渔业增加值", 8: "规模以上工业增加值", 6: "服务业增加值"}),
])
def test_what_each_figure_counts(rules, sentence, wanted):
    got = {o.value: o.indicator for o in _extract(rules, review=sentence).outcomes}
    assert {v: got.get(v) for v in wanted} == wanted


@pytest.mark.parametrize("review, wanted", [
    # all of the things, no figure printed: 100% of them
    ("贫困村全部出列。", [("贫困村出列", "贫困村全部出列")]),
    ("幸福长春行动计划民生实事全部落实，群众满意度提高。", [("幸福长春行动计划民生实事落实", "幸福长春行动计划民生实事全部落实")]),
    ("生活垃圾分类实现社区全覆盖。", [("生活垃圾分类实现社区覆盖率", "生活垃圾分类实现社区全覆盖")]),
    ("年度目标任务全面完成。", []),                 # the year's tasks in general: no thing to settle
    ("全面完成省下达的节能减排任务。", []),         # nothing named before 全面完成
    ("脱贫攻坚全面完成后，巩固成果。", []),         # not the clause's end
])
def test_all_of_the_things(rules, review, wanted):
    got = [(o.match_text, o.quote) for o in _extract(rules, review=review).outcomes if o.all_of]
    assert got == wanted
    assert all(o.value == 100 and o.unit_norm == "%" for o in _extract(rules, review=review).outcomes if o.all_of)


def test_words_after_a_figure_are_not_repeated(rules):
    """The subject built from the noun after a figure and the words after the figure share that noun: once."""
    r = _extract(rules, plan="推动40个机关、企事业单位附属空间对社会开放共享。")
    assert [c.match_text for c in r.commitments] == ["推动机关、企事业单位附属空间对社会开"]


@pytest.mark.parametrize("sentence, measures", [
    # the verb that opens a list (新增) makes every part a flow; "5G" is a name, not a figure of its own part
    ("新增5G基站、充电设施、公共停车位均超过8000个。", ["flow", "flow", "flow"]),
    ("新增算力2000P、总规模超过6000P。", ["flow", "stock"]),     # a part with its own figure keeps its own verb
])
def test_measure_of_list_parts(rules, sentence, measures):
    assert [o.measure for o in _extract(rules, review=sentence).outcomes if o.unit_norm != "%"] == measures


@pytest.mark.parametrize("review, plan, wanted", [
    # a partial-year marker in a clause of its own reads on through the "；" that follow
    ("1—11月份，固定资产投资增长13.6%，居全省第2位；规上工业增加值增长8%。", "",
     {13.6: ("2022partial", True), 8: ("2022partial", True)}),
    # "本届政府收官之年。一年来…": the year, not the five-year term
    ("2022年是本届政府收官之年。一年来，我们稳住了经济大盘。全年完成一般公共预算收入227亿元，增长9%。", "",
     {9: ("2022", False)}),
    ("五年来，本届政府累计新增就业50万人。", "", {50: ("2018-2022", False)}),
    # a paragraph that opens on the year ("2022年是…") is the year's, whatever it calls the year (佛山 2023, 天津 2022)
    ("2022年是党的二十大召开之年，也是本届政府履职的开局之年。全市地区生产总值达1269.4亿元、比上年增长2.1%。", "",
     {2.1: ("2022", False)}),
    ("2022年是实现“十四五”发展目标的夯基之年。全市地区生产总值增长6.6%。", "", {6.6: ("2022", False)}),
    # a mention of the five-year plan's target is not a five-year figure; "十四五以来" is
    ("改造老旧小区570万平方米、提前实现“十四五”目标，新竣工既有住宅加装电梯495台。", "",
     {570: ("2022", False), 495: ("2022", False)}),
    ("“十四五”以来，累计新增就业50万人。", "", {50: ("2021-2025", False)}),
    # "实现了“十四五”良好开局": the plan's first year, not its five years
    ("预计地区生产总值增长12%以上，实现了“十四五”良好开局。", "", {12: ("2022", False)}),
    # a milestone set for the plan's end ("为十四五末建成千座公园城市打下基础") does not make the year's figure five-year
    ("新增公园141座、累计达到973座，为“十四五”末建成千座公园城市打下扎实基础。", "", {141: ("2022", False)}),
    ("这五年，城镇新增就业50万人。", "", {50: ("2018-2022", False)}),
    # a sentence of a five-year paragraph that names one of the five years is that year
    ("过去五年，全市累计新增就业50万人。2022年，预计全市生产总值增长5%以上，技术合同成交额达到18.8亿元。", "",
     {50: ("2018-2022", False), 5: ("2022", False), 18.8: ("2022", False)}),
    # a change against a base year several years back is a multi-year change
    ("预计单位地区生产总值能耗较2018年下降11.7%。", "", {11.7: ("2019-2022", False)}),
    ("全年单位地区生产总值能耗比上年下降3.1%。", "", {3.1: ("2022", False)}),
    # a quarterly target in a plan is a commitment of the year's plan; a report of the year so far is not
    ("", "新建项目开工率一季度达到30%、二季度达到65%。", {30: ("2023", False), 65: ("2023", False)}),
    # a plan clause that names a half year does not make the next clause's figure partial
    ("", "确保太行实验室上半年揭牌运行，新增省级以上研发平台30家。", {30: ("2023", False)}),
    # "N年内", "三年…": a target over the next years; the clause after it is the year's again
    ("", "三年筹集建设40万套人才公寓，今年完成7万套。", {40: ("2023-2025", False), 7: ("2023", False)}),
    ("", "力争3年内产值达到100亿元，实施三年行动计划新增企业20家。", {100: ("2023-2025", False), 20: ("2023", False)}),
])
def test_periods_of_figures(rules, review, plan, wanted):
    from pathlib import Path

    from checker.ingest import from_bytes
    from checker.structure import structure

    text = ("新乡市政府工作报告\n——2023年1月4日在新乡市第十四届人民代表大会第一次会议上\n"
            f"一、2022年和过去五年工作回顾\n{review or '过去一年，经济平稳。'}\n二、2023年工作安排\n{plan or '地区生产总值增长7%。'}\n")
    s = structure(from_bytes("t.txt", Path("2023.txt"), text.encode("utf-8")))
    ex = Extractor(rules).extract(s)
    got = {o.value: (o.period, o.partial_year) for o in ex.outcomes}
    got.update({c.value: (c.period, False) for c in ex.commitments})
    assert {v: got.get(v) for v in wanted} == wanted


@pytest.mark.parametrize("plan, values", [
    ("广州有66万名在园幼儿，新增学位7万个。", [7]),                 # 有: a fact about the city, not a target
    ("广州有66万名在园幼儿、180多万名在校中小学生，新增学位7万个。", [7]),   # and so is the list after it
    ("形成了12项民生实事候选项目，新建公园120座。", [120]),         # 了: already done
    ("推进南沙港区五期、20万吨级航道前期工作，新建泊位3个。", [3]),   # 20万吨级: the size class of a channel
    ("没有10个以上项目不开会，新增就业8万人。", [10, 8]),
    ("抓好总投资412.3亿元、共228个重点项目建设，完成投资50亿元。", [228, 50]),   # 总投资: the projects' size
    ("重点抓好健康食品产业园、年产11万吨乳饮料项目，新增规上企业20家。", [20]),        # 年产: a project's capacity
    # a capacity between a company name and its product names a plant; after a verb or with 以上 it is a target
    ("全力推动旭阳300万吨焦化及制氢、久泰100万吨煤制乙二醇项目，新增装机1217万千瓦。", [1217]),
    ("建成投产大唐200万千瓦风电项目，设立10只以上天使子基金。", [10]),
    ("实际利用外资、出口总额与上年持平，新增规上企业20家。", [20]),   # a flat target in words is not itemised
    # things a plan uses or aims at are not counts to reach
    ("充分发挥10个区域驻点招商中心、15个产业链招商专班作用，新增规上企业20家。", [20]),
    ("聚焦20项重大工程，新开工项目50个。", [50]),
    # a figure inside a quoted name, and 项目 after a version number
    ("用好用足省人才振兴“60条”、市人才新政“30条”，推进智慧港口2.0项目建设，新增规上企业20家。", [20]),
])
def test_plan_figures_that_are_not_targets(rules, plan, values):
    from pathlib import Path

    from checker.ingest import from_bytes
    from checker.structure import structure

    text = ("广州市政府工作报告\n——2024年1月10日在广州市第十六届人民代表大会第四次会议上\n"
            f"一、2023年工作回顾\n过去一年，经济平稳。\n二、2024年工作安排\n{plan}\n")
    s = structure(from_bytes("t.txt", Path("2024.txt"), text.encode("utf-8")))
    assert sorted(c.value for c in Extractor(rules).extract(s).commitments) == sorted(values)


@pytest.mark.parametrize("plan, comparators", [
    ("雏鹰、瞪羚、领军企业分别超过5800家、460家、310家。", {5800: ">=", 460: ">=", 310: ">="}),   # a leading 超过
    ("城镇和农村居民人均可支配收入分别增长6%和7%左右。", {6: "~", 7: "~"}),                   # a closing 左右
    ("新签约、新落地项目分别为2000个和1000个。", {2000: "=", 1000: "="}),
])
def test_a_comparator_reads_on_every_figure_of_a_respective_list(rules, plan, comparators):
    from pathlib import Path

    from checker.ingest import from_bytes
    from checker.structure import structure

    text = ("天津市政府工作报告\n——2023年1月14日在天津市第十八届人民代表大会第一次会议上\n"
            f"一、2022年工作回顾\n过去一年，经济平稳。\n二、2023年工作安排\n{plan}\n")
    s = structure(from_bytes("t.txt", Path("2023.txt"), text.encode("utf-8")))
    got = {c.value: c.comparator for c in Extractor(rules).extract(s).commitments}
    assert got == comparators


@pytest.mark.parametrize("a, b, different", [
    ("文化产业增加值", "汽车产业增加值", True),      # the same kind of rate for two other things
    ("服务业增加值", "文化产业增加值", True),
    ("服务业增加值", "数字经济核心领域规上企业增加值", True),   # 业 alone is no thing in common
    ("规上工业增加值", "工业增加值", False),         # a modifier on one side only: a narrower wording
    ("规上工业增加值", "规模以上工业增加值", False),
    ("金融业增加值", "金融业增加值", False),
    ("地区生产总值", "居民人均可支配收入", False),   # nothing in common at the end: not this test's business
])
def test_different_subject(a, b, different):
    assert different_subject(a, b) is different


@pytest.mark.parametrize("plan, value, context", [
    ("持续推进重大工程建设，全年完成投资2150亿元。", 2150, "重大工程建设"),   # 投资 alone names nothing
    ("新开工项目50个，完成投资1500亿元。", 1500, "新开工项目"),        # the thing of the figure before
    ("持续推进重大工程建设，新增人才公寓500套。", 500, ""),                 # a subject of its own needs no context
])
def test_generic_amounts_are_compared_with_what_the_clause_before_is_about(rules, plan, value, context):
    from pathlib import Path

    from checker.ingest import from_bytes
    from checker.structure import structure

    text = ("上海市政府工作报告\n——2023年1月12日在上海市第十六届人民代表大会第一次会议上\n"
            f"一、2022年工作回顾\n过去一年，经济平稳。\n二、2023年工作安排\n{plan}\n")
    s = structure(from_bytes("t.txt", Path("2023.txt"), text.encode("utf-8")))
    c = next(c for c in Extractor(rules).extract(s).commitments if c.value == value)
    assert c.match_text.startswith(context) and (context == "" or c.match_text != c.indicator)


@pytest.mark.parametrize("heading,turn", [
    # the term alone in the heading; the year begins at "过去的一年" (苏州 2022)
    ("一、本届政府任期内工作回顾", "各位代表，过去的一年，是“十四五”开局之年。"),
    # the year named after 刚刚过去的 (成都 2023)
    ("一、过去五年和2021年工作总结", "各位代表！刚刚过去的2021年，我们稳住了经济大盘。"),
])
def test_review_turns_from_the_term_to_its_last_year(rules, heading, turn):
    from pathlib import Path

    from checker.ingest import from_bytes
    from checker.structure import structure

    text = (f"——2022年3月30日在苏州市第十七届人民代表大会第一次会议上\n\n{heading}\n\n"
            "市十六届人大一次会议以来，我们圆满完成了各项任务。\n\n——五年来，城镇新增就业22.5万人。\n\n"
            f"{turn}\n\n（一）民生保障取得更实成果。新增城镇就业4.1万人，建成投用中小学幼儿园85所。\n\n"
            "二、2022年主要任务\n\n城镇新增就业3.4万人。\n")
    s = structure(from_bytes("苏州市/2022.md", Path("苏州市/2022.md"), text.encode("utf-8")))
    got = {o.value: (o.period, o.cumulative) for o in Extractor(rules).extract(s).outcomes}
    assert got[22.5] == ("2017-2021", True) if "任期" in heading else got[22.5][1]
    assert got[4.1] == (got[85][0], False) and "-" not in got[4.1][0]


def test_term_review_paragraphs_are_five_year_figures_until_the_year_begins(rules):
    """一、本届政府及2022年工作回顾: the term's paragraphs first (five-year figures), then the year's."""
    from pathlib import Path

    from checker.ingest import from_bytes
    from checker.structure import structure

    text = ("——2023年1月4日在漯河市第八届人民代表大会第一次会议上\n\n一、本届政府及2022年工作回顾\n\n"
            "市七届人大一次会议以来，我们圆满完成了各项任务。\n\n——民生福祉显著改善。新增城镇就业22.5万人。\n\n"
            "各位代表！2022年，我们稳住了经济大盘。新增城镇就业4.1万人。\n\n二、2023年重点工作安排\n\n城镇新增就业3.4万人。\n")
    s = structure(from_bytes("漯河市/2023.md", Path("漯河市/2023.md"), text.encode("utf-8")))
    got = {o.value: (o.period, o.cumulative) for o in Extractor(rules).extract(s).outcomes}
    assert got[22.5] == ("2018-2022", True)
    assert got[4.1] == ("2022", False)


@pytest.mark.parametrize("text, masked", [
    ("营业收入过10亿元企业", "营业收入过#企业"),
    ("营业收入过十亿元企业", "营业收入过#企业"),     # a round figure in characters after 过/超 is a figure
    ("过五十亿元企业", "过#企业"),
    ("超亿元项目", "超#项目"),
    ("亿元以上项目", "亿元以上项目"),               # a size class, not a figure: the scope qualifier stays
    ("千万元以上项目", "千万元以上项目"),
])
def test_mask_digits(text, masked):
    from checker.match import mask_digits

    assert mask_digits(text) == masked


@pytest.mark.parametrize("text, sizes", [
    ("引进总投资5亿元以上项目", {5e8}),
    ("新备案超10亿元项目", {1e9}),
    ("营业收入过十亿元企业", {1e9}),             # a round figure in characters
    ("新增过百亿制造业企业", {1e10}),
    ("5000万元以上项目", {5e7}),
    ("新签约项目", set()),
    ("84%的村超过10万元", set()),               # an income threshold of villages, not a class of projects
])
def test_size_classes_of_what_is_counted(text, sizes):
    from checker.match import size_classes

    assert size_classes(text) == sizes


def test_different_size_classes_are_different_scopes(rules):
    from checker.models import Commitment, Outcome, Span

    m = Matcher(rules)
    common = dict(document="d", government="g", period="2020", area="a", quote="q", raw_quote="q", span=Span(start=0, end=1, raw_start=0, raw_end=1),
                  kind="quantitative", comparator="=", value=55, unit="个", value_norm=55, unit_norm="个",
                  measure="flow", indicator="签约项目")
    c = Commitment(id="c", match_text="引进总投资5亿元以上项目", **common)
    for text, ok in (("全年新签约项目", False), ("新签约总投资5亿元以上项目", True)):
        o = Outcome(id=text, match_text=text, **{**common, "value": 60, "value_norm": 60})
        k = m._pair(c, o, 80.0, True)
        assert (k is not None and k.level in ("MAT01", "MAT03")) is ok, (text, k)


@pytest.mark.parametrize("parts, shared", [
    (["城镇居民", "农村居民人均可支配收入"], ["城镇居民人均可支配收入", "农村居民人均可支配收入"]),   # the head
    (["旅游总人次", "总收入"], ["旅游总人次", "旅游总收入"]),                                       # the lead
    (["营业收入", "利润", "税金"], ["营业收入", "利润", "税金"]),
    (["开工项目", "投产项目"], ["开工项目", "投产项目"]),
])
def test_a_list_shares_its_head_and_lead(parts, shared):
    from checker.extract import _share_head

    assert _share_head(parts) == shared


@pytest.mark.parametrize("review, cumulative", [
    # a finished campaign of several years sums its years in the figures after it in the sentence
    ("“一圈两场三改”三年攻坚顺利完成，新增公共停车位7.5万个，新开工棚户区改造14.7万户。", {7.5: True, 14.7: True}),
    ("全年新增公共停车位7.5万个，新开工棚户区改造14.7万户。", {7.5: False, 14.7: False}),
    ("新增公共停车位7.5万个，三年行动圆满收官。新开工棚户区改造14.7万户。", {7.5: False, 14.7: False}),
])
def test_running_totals_of_a_campaign(rules, review, cumulative):
    got = {o.value: o.cumulative for o in _extract(rules, review=review, city="贵阳市").outcomes}
    assert {v: got.get(v) for v in cumulative} == cumulative


def test_a_shared_outcome_goes_to_the_nearest_target_of_like_wordings(rules):
    from checker.match import Candidate
    from checker.models import Commitment, Outcome, Span

    m = Matcher(rules)
    common = dict(document="d", government="g", period="2023", area="a", quote="q", raw_quote="q",
                  span=Span(start=0, end=1, raw_start=0, raw_end=1), kind="quantitative", comparator="=",
                  unit="万平方米", unit_norm="平方米", measure="flow", match_text="标准厂房")
    cs = {cid: Commitment(id=cid, value=v, value_norm=v * 1e4, **common)
          for cid, v in (("start", 1000), ("done", 700), ("again", 1000))}
    o = Outcome(id="o", value=1540, value_norm=1540e4, **common)

    def cand(text):
        return Candidate(outcome=o, text_score=text, entity_score=0, same_indicator=False, unit_compatible=True,
                         same_measure=True, score=80, level="MAT03", label="probable")
    kept = [cid for cid, _ in m._exclusive([("start", cand(80.0)), ("done", cand(81.0)), ("again", cand(80.0))], cs)]
    assert kept == ["start", "again"]             # the nearer target (twice printed: both) keeps it
    kept = [cid for cid, _ in m._exclusive([("start", cand(70.0)), ("done", cand(81.0))], cs)]
    assert kept == ["done"]                       # wordings far apart: the closest wording keeps it


def test_a_stretch_tier_in_a_clause_of_its_own(rules):
    plan = "全市经济社会发展主要预期目标：地区生产总值增长6%以上，在实际工作中争取实现7%的更好结果。"
    got = {c.value: (c.indicator, c.measure, c.tier) for c in _extract(rules, plan=plan, year=2023, city="大连市").commitments}
    assert got == {6: ("地区生产总值", "growth", "primary"), 7: ("地区生产总值", "growth", "stretch")}


@pytest.mark.parametrize("value, mutual_best", [(2000, True), (2500, True), (3000, False)])
def test_looser_wording_needs_a_figure_near_the_target(rules, value, mutual_best):
    """MAT05 (each other's closest pair, looser wording) takes a figure at most 2.5 times the target."""
    from checker.models import Commitment, Outcome, Span

    m = Matcher(rules)
    common = dict(document="d", government="g", period="2024", area="a", quote="q", raw_quote="q",
                  span=Span(start=0, end=1, raw_start=0, raw_end=1), kind="quantitative", comparator="=",
                  unit="个", unit_norm="个", measure="flow")
    c = Commitment(id="c", match_text="新建公共充电桩", value=1000, value_norm=1000, **common)
    o = Outcome(id=f"o{value}", match_text="新增公共停车位", value=value, value_norm=value, **common)
    k = m._pair(c, o, 50.0, False, True, 20.0)
    assert (k is not None and k.level == "MAT05") is mutual_best
