"""The quantity parser: table-driven cases from real report wording, and no crash on any string."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.quantities import find_quantities

# text, [(comparator, value, value_high, unit printed, normalised value, unit_norm, measure), ...]
CASES = [
    ("全区地区生产总值增长7.5%", [("=", 7.5, None, "%", 7.5, "%", "growth")]),
    ("规模以上工业增加值增长10%以上", [(">=", 10, None, "%", 10, "%", "growth")]),
    ("居民消费价格涨幅3%左右", [("~", 3, None, "%", 3, "%", "growth")]),
    ("单位生产总值能耗降低3%", [("=", 3, None, "%", -3, "%", "growth")]),
    ("城镇调查失业率控制在5.5%以内", [("<=", 5.5, None, "%", 5.5, "%", "share")]),
    ("经济增长4.5%—5%", [("range", 4.5, 5, "%", 4.5, "%", "growth")]),
    ("常住人口城镇化率提高1.5个百分点", [("=", 1.5, None, "个百分点", 1.5, "pp", "change_pp")]),
    ("新增人才公寓500套", [("=", 500, None, "套", 500, "套", "flow")]),
    ("新建街旁游园10万平米", [("=", 10, None, "万平米", 100000, "平方米", "flow")]),
    ("农村劳动力转移就业36.2万人(次)", [("=", 36.2, None, "万人(次)", 362000, "人次", "level")]),
    ("外商直接投资增长1.2倍", [("=", 1.2, None, "倍", 120, "%", "growth")]),       # a growth of 120%
    ("货物、服务进出口总额分别增长1倍和3.4倍", [("=", 1, None, "倍", 100, "%", "growth"), ("=", 3.4, None, "倍", 340, "%", "growth")]),
    ("产值达到上年的2倍", [("=", 2, None, "倍", 2, "倍", "stock")]),               # a multiple, not a growth
    ("技术合同成交额1.62亿元", [("=", 1.62, None, "亿元", 1.62e8, "元", "level")]),
    ("累计办理留抵退税4244万元", [("=", 4244, None, "万元", 4.244e7, "元", "level")]),
    ("城镇新增就业1.2万人", [("=", 1.2, None, "万人", 12000, "人", "flow")]),
    ("引进各类人才2000名以上", [(">=", 2000, None, "名", 2000, "名", "flow")]),
    ("全年签约亿元以上项目不少于25个,其中30亿元以上项目不少于5个",
     [(">=", 25, None, "个", 25, "个", "flow"), (">=", 5, None, "个", 5, "个", "flow")]),
    ("进出口总额达到1.2万亿元", [("=", 1.2, None, "万亿元", 1.2e12, "元", "stock")]),
    # a flow verb in an earlier list part ("建成") does not make the next part's "突破" a flow
    ("七成以上村建成经济强村、“百万元村”突破300个",
     [(">=", 70, None, "%", 70, "%", "share"), (">=", 300, None, "个", 300, "个", "stock")]),
    # figures written in words: tenths, 两位数 growth (10-99%), an amount tier (one order of magnitude)
    ("应急管理站覆盖率超五成", [(">=", 50, None, "%", 50, "%", "share")]),
    ("占全区近七成", [("~", 70, None, "%", 70, "%", "share")]),
    ("一成不变", []),
    ("力争实现两位数增长", [("range", 10, 99, "%", 10, "%", "growth")]),
    ("支持贵阳海信成长为百亿级企业", [("range", 100, 1000, "亿元", 1e10, "元", "stock")]),
    ("汽车及零部件产业形成500亿级产业集群", [("range", 500, 5000, "亿元", 5e10, "元", "stock")]),
    ("人工智能成长为新的千亿级产业", [("range", 1000, 10000, "亿元", 1e11, "元", "stock")]),
    ("打造3个千亿级产业集群", [("=", 3, None, "个", 3, "个", "flow")]),   # a count of things in a tier
    ("形成百亿级园区20个", [("=", 20, None, "个", 20, "个", "level")]),
    ("建设百亿级项目", []),
    # working days: a ceiling after 压缩至/减少到, and the list's last unit is every figure's
    ("企业开办时间压缩至1个工作日", [("<=", 1, None, "个工作日", 1, "工作日", "stock")]),
    ("审批周期分别减少到3个、5个工作日内", [("<=", 3, None, "个工作日", 3, "工作日", "level"),
                                            ("<=", 5, None, "个工作日", 5, "工作日", "level")]),
    ("化肥减量3.45%", [("=", 3.45, None, "%", -3.45, "%", "growth")]),   # 减量: a cut
    # a rate of growth (增速) is a growth whatever 率 stands before it
    ("全员劳动生产率增速均为7%", [("=", 7, None, "%", 7, "%", "growth")]),
    ("研发投入强度达到2.5%", [("=", 2.5, None, "%", 2.5, "%", "share")]),
    # flat on the year before: a growth of 0% (about 0% with 基本)
    ("社会消费品零售总额与上年持平", [("=", 0, None, "%", 0, "%", "growth")]),
    ("居民消费价格与上年基本持平", [("~", 0, None, "%", 0, "%", "growth")]),
    ("保持平稳增长", []),
    # a plain list before 分别为 keeps its flow verb
    ("新签约、新落地亿元以上项目分别为318个、224个", [("=", 318, None, "个", 318, "个", "flow"), ("=", 224, None, "个", 224, "个", "flow")]),
    ("新签约、新落地亿元以上项目分别达到2000个和1100个",   # the second figure of a 分别 list counts like the first
     [("=", 2000, None, "个", 2000, "个", "flow"), ("=", 1100, None, "个", 1100, "个", "flow")]),
    ("“百万元村”突破300个", [(">=", 300, None, "个", 300, "个", "stock")]),
    ("新增公共停车泊位5万多个", [(">=", 5, None, "万个", 50000, "个", "flow")]),
    ("举办会展600余场", [(">=", 600, None, "场", 600, "场", "flow")]),
    ("完成投资2500多亿元", [(">=", 2500, None, "亿元", 2.5e11, "元", "flow")]),   # 多 before the magnitude
    ("加快136宗优质制造业项目开工建设", [("=", 136, None, "宗", 136, "宗", "level")]),   # land parcels
    ("组织20万劳动者参加职业技能培训", [("=", 20, None, "万人", 200000, "人", "level")]),   # a noun of people
    ("新签约、新落地亿元以上项目均达到130个以上", [(">=", 130, None, "个", 130, "个", "flow")]),   # 达到 a year's count
    ("国家高新技术企业新申报43家", [("=", 43, None, "家", 43, "家", "flow")]),     # applications: a flow
    ("山塘清淤整治3850口", [("=", 3850, None, "口", 3850, "口", "level")]),
    ("累计建成5G基站6万个", [("=", 6, None, "万个", 60000, "个", "stock")]),
    ("开展惠民演出不少于1000场次", [(">=", 1000, None, "场次", 1000, "场次", "flow")]),
    ("年内竣工交付66个以上项目", [(">=", 66, None, "个", 66, "个", "flow")]),
    ("开发优质岗位1960个以上", [(">=", 1960, None, "个", 1960, "个", "level")]),
    ("力争空气质量优良天数300天以上", [(">=", 300, None, "天", 300, "天", "level")]),
    ("6.39万自备井用户完成水源切换", [("=", 6.39, None, "万户", 63900, "户", "level")]),
    ("解决13.3万常住人口饮水问题", [("=", 13.3, None, "万人", 133000, "人", "level")]),
    ("今年至少新增1家上市企业", [(">=", 1, None, "家", 1, "家", "flow")]),      # the comparator before the verb
    ("研发人员全时当量稳定保持在36万人年以上", [(">=", 36, None, "万人年", 360000, "人年", "stock")]),
    ("50%以上规上工业企业建有研发机构", [(">=", 50, None, "%", 50, "%", "share")]),  # a share of firms, not a class
    # a figure of a list with no verb of its own is the same kind of figure as the one before
    ("城镇和农村居民人均可支配收入分别增长6.5%左右、7.5%左右",
     [("~", 6.5, None, "%", 6.5, "%", "growth"), ("~", 7.5, None, "%", 7.5, "%", "growth")]),
    ("单位GDP能耗、二氧化碳排放分别下降3%、4%",
     [("=", 3, None, "%", -3, "%", "growth"), ("=", 4, None, "%", -4, "%", "growth")]),
    ("为30万天然气居民用户加装报警器", [("=", 30, None, "万户", 300000, "户", "level")]),   # 为: for
    ("实施1088蒸吨燃气锅炉低氮改造", [("=", 1088, None, "蒸吨", 1088, "蒸吨", "flow")]),
    ("新增智能算力100P以上", [(">=", 100, None, "P", 100, "P", "flow")]),
    ("建设100PB存储", []),
    ("促进12万城镇就业困难人员实现就业", [("=", 12, None, "万人", 120000, "人", "level")]),
    ("4万农村劳动力就业参保", [("=", 4, None, "万人", 40000, "人", "level")]),
    ("力争20万名大学生来郑留郑", [("=", 20, None, "万名", 200000, "名", "level")]),
    ("打造十大工程", []),
    ("过50亿元项目20个以上", [(">=", 20, None, "个", 20, "个", "level")]),   # 过50亿元 is a size class
    ("修复湿地3750亩", [("=", 3750, None, "亩", 2.5e6, "平方米", "level")]),
    ("粮食总产稳定在30亿斤", [("=", 30, None, "亿斤", 1.5e6, "吨", "stock")]),
    ("政务服务事项30天内办结", []),
    ("加快S2线首开段(T3站)建设", []),
    ("落实国家31条", []),
    ("落实落地人才政策“升级版”45条", []),
    ("重度及以上污染天数不超过2天", [("<=", 2, None, "天", 2, "天", "stock")]),
    ("研发投入强度不低于2.5%", [(">=", 2.5, None, "%", 2.5, "%", "share")]),
    ("增速位居四区第1位", []),
    ("2023年", []),
    ("PM2.5平均浓度下降", []),
    ("“12+2+N”应用场景", []),
    ("总投资超过600亿元的重点项目", []),
]


@pytest.mark.parametrize("text,want", CASES, ids=[c[0] for c in CASES])
def test_quantities(text, want):
    got = [(f.quantity.comparator, f.quantity.value, f.quantity.value_high, f.quantity.unit, f.quantity.value_norm,
            f.quantity.unit_norm, f.quantity.measure) for f in find_quantities(text)]
    assert len(got) == len(want), got
    for g, w in zip(got, want):
        assert g[:4] == (w[0], pytest.approx(w[1]), pytest.approx(w[2]) if w[2] is not None else None, w[3])
        assert g[4] == pytest.approx(w[4])
        assert g[5:] == w[5:]


def test_two_tier_target_marks_the_stretch_goal():
    fs = find_quantities("经济增长6%以上、力争7%")
    assert [f.tier_hint for f in fs] == [None, "stretch"]
    assert fs[1].quantity.measure == "growth"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.,%万亿元个套以上左右内增长下降至—-~力争不少于第年")), max_size=40))
def test_no_crash_and_spans_inside(text):
    for f in find_quantities(text):
        assert 0 <= f.start < f.end <= len(text)
        q = f.quantity
        assert q.comparator in (">=", "<=", "~", "=", "range")
        if q.value_high is not None:
            assert q.value_high > q.value


@settings(max_examples=300, deadline=None)
@given(value=st.decimals(min_value="0.01", max_value="99999", places=2, allow_nan=False, allow_infinity=False),
       mag=st.sampled_from(["", "万", "亿", "万亿"]),
       unit=st.sampled_from(["元", "人", "套", "家", "个", "公里", "亩"]),
       cmp=st.sampled_from([("", "="), ("以上", ">="), ("左右", "~"), ("以内", "<=")]),
       noun=st.sampled_from(["新增人才公寓", "完成投资", "城镇新增就业", "建成道路"]))
def test_round_trip(value, mag, unit, cmp, noun):
    text = f"{noun}{value.normalize():f}{mag}{unit}{cmp[0]}"
    found = find_quantities(text)
    assert len(found) == 1, text
    q = found[0].quantity
    factor = {"": 1, "万": 1e4, "亿": 1e8, "万亿": 1e12}[mag] * (10000 / 15 if unit == "亩" else 1)  # 亩 -> 平方米
    assert q.value == pytest.approx(float(value))
    assert q.value_norm == pytest.approx(float(value) * factor)
    assert (q.unit, q.comparator) == (mag + unit, cmp[1])


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_parser_never_crashes_on_any_string(text):
    for f in find_quantities(text):
        assert text[f.start:f.end]
