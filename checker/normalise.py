"""Text normalisation that never loses the way back to the raw file.

`normalise(raw)` returns a `NormalText`: the normalised string plus, for every normalised character, the
index of the raw character it came from. Steps (order matters, see docs):

1. per character: circled/parenthesised list markers and superscripts are mapped *before* NFKC (NFKC would
   turn "①3000套" into "13000套" and "10⁴" into "104"); zero-width characters and soft hyphens are dropped;
   CJK Radicals Supplement characters that NFKC leaves alone are mapped to their ideographs; then NFKC.
2. per line: leading/trailing blanks stripped, page markers ("— 3 —", "- 12-") dropped, Markdown emphasis
   and heading marks dropped (Markdown input only).
3. joining: hard-wrapped lines are joined without inserting anything; a paragraph break ("\n") is kept
   where a line ends a sentence or a heading starts; a digit at the end of a line followed by a year
   ("第3\n2023年") is never glued into one number.
4. inside a line, blanks are removed except between two Latin letters (so "1.62 亿元" -> "1.62亿元",
   "增长 10%" -> "增长10%").
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass
from functools import lru_cache

_CIRCLED = {chr(0x2460 + i): f"({i + 1})" for i in range(20)}  # ①..⑳
_CIRCLED.update({chr(0x2776 + i): f"({i + 1})" for i in range(10)})  # ❶..❿
_CIRCLED.update({chr(0x3251 + i): f"({i + 21})" for i in range(15)})  # ㉑..㉟
_SUPERSCRIPTS = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789"))
_DROP = set("\u200b\u200c\u200d\u2060\ufeff\u00ad")
# CJK Radicals Supplement (U+2E80-U+2EFF) forms seen in PDF extraction that NFKC does not fold.
_RADICALS = {
    "⺀": "冫", "⺁": "厂", "⺇": "几", "⺈": "刀", "⺊": "卜", "⺌": "小", "⺍": "小", "⺎": "尢", "⺏": "尢",
    "⺐": "尢", "⺑": "尢", "⺒": "巳", "⺓": "幺", "⺔": "彐", "⺖": "心", "⺗": "心", "⺘": "手", "⺙": "攴",
    "⺛": "无", "⺜": "日", "⺝": "月", "⺞": "歹", "⺟": "母", "⺠": "民", "⺡": "水", "⺢": "水", "⺣": "火",
    "⺤": "爪", "⺥": "爪", "⺦": "丬", "⺧": "牛", "⺨": "犬", "⺩": "王", "⺪": "疋", "⺫": "目", "⺬": "示",
    "⺭": "示", "⺮": "竹", "⺯": "糸", "⺰": "糸", "⺱": "网", "⺲": "网", "⺳": "网", "⺴": "网", "⺵": "网",
    "⺶": "羊", "⺷": "羊", "⺸": "羊", "⺹": "老", "⺺": "肀", "⺻": "聿", "⺼": "肉", "⺽": "臼", "⺾": "艸",
    "⺿": "艸", "⻀": "艸", "⻁": "虎", "⻂": "衣", "⻃": "覀", "⻄": "西", "⻅": "见", "⻆": "角", "⻇": "角",
    "⻈": "讠", "⻉": "贝", "⻊": "足", "⻋": "车", "⻌": "辶", "⻍": "辶", "⻎": "辶", "⻏": "阝", "⻐": "金",
    "⻑": "長", "⻒": "镸", "⻓": "长", "⻔": "门", "⻕": "阜", "⻖": "阝", "⻗": "雨", "⻘": "青", "⻙": "韦",
    "⻚": "页", "⻛": "风", "⻜": "飞", "⻝": "食", "⻞": "食", "⻟": "食", "⻠": "饣", "⻡": "首", "⻢": "马",
    "⻣": "骨", "⻤": "鬼", "⻥": "鱼", "⻦": "鸟", "⻧": "卤", "⻨": "麦", "⻩": "黄", "⻪": "黾", "⻫": "齐",
    "⻬": "齐", "⻭": "齿", "⻮": "齿", "⻯": "龙", "⻰": "龙", "⻱": "龟", "⻲": "龟", "⻳": "龟",
}

PAGE_MARKER = re.compile(r"^[\s\-—–－_]*(?:第\s*)?\d{1,4}\s*(?:页)?[\s\-—–－_]*$")
_PAGE_MARKER_DASHED = re.compile(r"^\s*[\-—–－]+\s*\d{1,4}\s*[\-—–－]*\s*$")
HEADING_START = re.compile(
    r"^(?:#{1,6}\s*)?(?:\*\*)?(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十]{1,3}[)）]"
    r"|第[一二三四五六七八九十]{1,3}[,，、：:]|[一二三四五六七八九十]{1,2}是[,，：:]|\d{1,2}[、．]|[(（]\d{1,2}[)）])"
)
_SENTENCE_END = tuple("。！？!?：:；;”\"」』)）")
_YEARISH = re.compile(r"^(?:19|20)\d\d年")


@dataclass(frozen=True)
class NormalText:
    """Normalised text plus a map from each normalised offset to its raw offset."""

    text: str
    raw: str
    offsets: array  # len(text) + 1 entries; the last is len(raw)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            r = self.offsets[start]
            return r, r
        return self.offsets[start], self.offsets[end - 1] + 1

    def raw_text(self, start: int, end: int) -> str:
        rs, re_ = self.raw_span(start, end)
        return self.raw[rs:re_]


@lru_cache(maxsize=65536)
def _map_char(c: str) -> str:
    if c in _DROP:
        return ""
    if c in _CIRCLED:
        return _CIRCLED[c]
    if c in _SUPERSCRIPTS:
        return "^" + _SUPERSCRIPTS[c]
    if c in _RADICALS:
        return _RADICALS[c]
    if c == "\u301c":
        return "~"
    if c == "\r":
        return "\n"
    out = unicodedata.normalize("NFKC", c)
    if out in ("\u3000", "\xa0"):
        return " "
    return out


def _is_latin(c: str) -> bool:
    return ("a" <= c <= "z") or ("A" <= c <= "Z")


def normalise(raw: str, *, markdown: bool = False) -> NormalText:
    """Normalise `raw`; see the module docstring for the steps."""
    # Step 1: per-character mapping with provenance.
    chars: list[str] = []
    src: list[int] = []
    prev_cr = False
    for i, c in enumerate(raw):
        if c == "\n" and prev_cr:
            prev_cr = False
            continue
        prev_cr = c == "\r"
        if c.isascii() and c != "\r":
            chars.append(c)
            src.append(i)
            continue
        m = _map_char(c)
        for ch in m:
            chars.append(ch)
            src.append(i)

    # Step 2: split into lines, clean each line.
    lines: list[tuple[list[str], list[int], bool]] = []  # chars, src, blank_before
    start = 0
    n = len(chars)
    blank_before = False
    while start <= n:
        end = start
        while end < n and chars[end] != "\n":
            end += 1
        lc, ls = _clean_line(chars[start:end], src[start:end], markdown)
        if lc:
            lines.append((lc, ls, blank_before))
            blank_before = False
        else:
            blank_before = True
        start = end + 1

    # Step 3: join lines.
    out_c: list[str] = []
    out_s: list[int] = []
    prev: list[str] | None = None
    for lc, ls, blank in lines:
        if prev is not None:
            if _breaks_paragraph(prev, lc, blank, markdown):
                out_c.append("\n")
                out_s.append(out_s[-1])
        out_c.extend(lc)
        out_s.extend(ls)
        prev = lc
    text = "".join(out_c)
    offsets = array("i", out_s)
    offsets.append(len(raw))
    return NormalText(text=text, raw=raw, offsets=offsets)


def _clean_line(lc: list[str], ls: list[int], markdown: bool) -> tuple[list[str], list[int]]:
    s = "".join(lc)
    if not s.strip():
        return [], []
    if PAGE_MARKER.match(s) and ("—" in s or "-" in s or "－" in s or "–" in s or "页" in s):
        return [], []
    if _PAGE_MARKER_DASHED.match(s):
        return [], []
    keep = [True] * len(lc)
    if markdown:
        j = 0
        while j < len(lc) and lc[j] in "#>":
            keep[j] = False
            j += 1
        for k in range(len(lc) - 1):
            if lc[k] == "*" and lc[k + 1] == "*":
                keep[k] = keep[k + 1] = False
    # Step 4: drop blanks except between two Latin letters.
    cc = [c for c, k in zip(lc, keep) if k]
    cs = [p for p, k in zip(ls, keep) if k]
    res_c: list[str] = []
    res_s: list[int] = []
    L = len(cc)
    for k, c in enumerate(cc):
        if c.isspace():
            left = res_c[-1] if res_c else ""
            right = ""
            for m in range(k + 1, L):
                if not cc[m].isspace():
                    right = cc[m]
                    break
            if left and right and _is_latin(left) and _is_latin(right) and (not res_c or res_c[-1] != " "):
                res_c.append(" ")
                res_s.append(cs[k])
            continue
        res_c.append(c)
        res_s.append(cs[k])
    return res_c, res_s


def _breaks_paragraph(prev: list[str], cur: list[str], blank: bool, markdown: bool) -> bool:
    if markdown and blank:
        return True
    last = prev[-1]
    cur_s = "".join(cur[:12])
    if HEADING_START.match(cur_s):
        return True
    if last in _SENTENCE_END:
        return True
    prev_s = "".join(prev)
    if HEADING_START.match(prev_s) and len(prev_s) <= 40 and "。" not in prev_s:
        return True
    if last.isdigit() and _YEARISH.match(cur_s):
        return True
    return False
