"""The normaliser: table-driven cases and properties (offsets always map back into the raw text)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.normalise import normalise

CASES = [
    ("full-width digits", "增长８．５％", "增长8.5%"),
    ("space inside number and unit", "技术合同成交额 1.62 亿元", "技术合同成交额1.62亿元"),
    ("space before number", "增长 10%，增速", "增长10%,增速"),
    ("hard wrap joined", "规模以上工业增\n加值增长10%", "规模以上工业增加值增长10%"),
    ("digit split across lines", "资金1.\n62 亿元", "资金1.62亿元"),
    ("blank lines between wrapped lines", "全区地区生产总\n\n值增长7.5%", "全区地区生产总值增长7.5%"),
    ("page marker dropped", "目标\n— 3 —\n任务", "目标任务"),
    ("page marker without spaces", "目标\n— 12—\n任务", "目标任务"),
    ("paragraph after sentence end", "完成任务。\n第二段", "完成任务。\n第二段"),
    ("heading starts a paragraph", "工作回顾\n一、2023年工作安排\n今年", "工作回顾\n一、2023年工作安排\n今年"),
    ("list number not glued to a year", "第3\n2023年", "第3\n2023年"),
    ("circled number is not a digit", "①3000套", "(1)3000套"),
    ("superscript kept apart", "10⁴平方米", "10^4平方米"),
    ("zero-width and soft hyphen dropped", "人才\u200b公\u00ad寓", "人才公寓"),
    ("ideographic space dropped", "一、\u3000加快推进", "一、加快推进"),
    ("Kangxi radicals folded", "⼀⽅⾯", "一方面"),
    ("CJK radicals supplement folded", "⻘年", "青年"),
    ("latin words keep one space", "欧盟 NG  Award 金级", "欧盟NG Award金级"),
    ("wave dash", "3〜5年", "3~5年"),
]


@pytest.mark.parametrize("name,raw,want", CASES, ids=[c[0] for c in CASES])
def test_normalise_cases(name, raw, want):
    assert normalise(raw).text == want


def test_raw_span_shows_text_as_printed():
    raw = "申请灾后重建资金 1.62 亿元推进"
    n = normalise(raw)
    i = n.text.index("1.62亿元")
    assert n.raw_text(i, i + len("1.62亿元")) == "1.62 亿元"


def test_markdown_marks_dropped():
    n = normalise("## **一、2023年工作回顾**\n\n正文。", markdown=True)
    assert n.text == "一、2023年工作回顾\n正文。"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("增长亿元万%.,，。 \n\t—1234567890①⁴\u3000\u200b年第一二、（）ab")), max_size=80))
def test_offsets_always_map_back(raw):
    n = normalise(raw)
    assert len(n.offsets) == len(n.text) + 1
    for i, ch in enumerate(n.text):
        r = n.offsets[i]
        assert 0 <= r < len(raw)
        if ch.isdigit():
            # a digit in the output always comes from a character in the raw text that maps to a digit
            assert raw[r].isdigit() or not raw[r].isascii()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_never_crashes_and_is_idempotent_on_cjk(raw):
    n = normalise(raw)
    again = normalise(n.text)
    assert "\u200b" not in n.text
    assert again.text.replace("\n", "") == n.text.replace("\n", "") or len(n.text) < 200
