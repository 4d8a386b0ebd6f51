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


_TABLE: dict[int, str] | None = None
_SLOW: re.Pattern | None = None


def _tables() -> tuple[dict[int, str], re.Pattern]:
    """A 1:1 translation table for every BMP character whose mapping is one character, and a pattern for the
    characters that need the slow path (mapping to zero or several characters, CR, astral planes)."""
    global _TABLE, _SLOW
    if _TABLE is None:
        table: dict[int, str] = {}
        slow: list[str] = ["\r"]
        for cp in range(0x80, 0x10000):
            if 0xD800 <= cp <= 0xDFFF:
                continue
            c = chr(cp)
            m = _map_char(c)
            if len(m) == 1:
                if m != c:
                    table[cp] = m
            else:
                slow.append(re.escape(c))
        _TABLE = table
        _SLOW = re.compile("[" + "".join(slow) + "\U00010000-\U0010FFFF]")
    return _TABLE, _SLOW


def _map_line(line: str, start: int) -> tuple[str, list[int]]:
    """Step 1 for one line: (mapped text, raw offset of each mapped character)."""
    table, slow = _tables()
    if slow.search(line) is None:
        return line.translate(table), list(range(start, start + len(line)))
    chars: list[str] = []
    src: list[int] = []
    for i, c in enumerate(line):
        if c == "\r":
            continue
        for ch in (c if c.isascii() else _map_char(c)):
            chars.append(ch)
            src.append(start + i)
    return "".join(chars), src


def normalise(raw: str, *, markdown: bool = False) -> NormalText:
    """Normalise `raw`; see the module docstring for the steps."""
    # Steps 1 and 2, line by line: map characters (fast path: one translate call), clean the line.
    lines: list[tuple[str, list[int], bool]] = []  # text, raw offsets, blank line before
    pos = 0
    blank_before = False
    for line in raw.split("\n"):
        start = pos
        pos += len(line) + 1
        if line.endswith("\r"):
            line = line[:-1]
        lt, ls = _map_line(line, start)
        if "\n" in lt:  # a lone CR inside the line became a line break
            parts, off = lt.split("\n"), 0
            pieces = []
            for part in parts:
                pieces.append((part, ls[off:off + len(part)]))
                off += len(part) + 1
        else:
            pieces = [(lt, ls)]
        for pt, ps in pieces:
            ct, cs = _clean_line(pt, ps, markdown)
            if ct:
                lines.append((ct, cs, blank_before))
                blank_before = False
            else:
                blank_before = True

    # Step 3: join lines.
    out_c: list[str] = []
    out_s: list[int] = []
    prev: str | None = None
    for lt, ls, blank in lines:
        if prev is not None and _breaks_paragraph(prev, lt, blank, markdown):
            out_c.append("\n")
            out_s.append(out_s[-1])
        out_c.append(lt)
        out_s.extend(ls)
        prev = lt
    text = "".join(out_c)
    offsets = array("i", out_s)
    offsets.append(len(raw))
    return NormalText(text=text, raw=raw, offsets=offsets)


_WS = re.compile(r"\s+")
_MD_MARKS = re.compile(r"^[#>]+|\*\*")


def _clean_line(t: str, ts: list[int], markdown: bool) -> tuple[str, list[int]]:
    if not t.strip():
        return "", []
    if PAGE_MARKER.match(t) and ("—" in t or "-" in t or "－" in t or "–" in t or "页" in t):
        return "", []
    if _PAGE_MARKER_DASHED.match(t):
        return "", []
    if markdown and ("*" in t or t[0] in "#>"):
        t, ts = _drop(t, ts, _MD_MARKS)
    if not _WS.search(t):
        return t, ts
    # Step 4: drop blanks except one between two Latin letters.
    out_t: list[str] = []
    out_s: list[int] = []
    last = 0
    for m in _WS.finditer(t):
        out_t.append(t[last:m.start()])
        out_s.extend(ts[last:m.start()])
        left = t[m.start() - 1] if m.start() > 0 else ""
        right = t[m.end()] if m.end() < len(t) else ""
        if left and right and _is_latin(left) and _is_latin(right):
            out_t.append(" ")
            out_s.append(ts[m.start()])
        last = m.end()
    out_t.append(t[last:])
    out_s.extend(ts[last:])
    return "".join(out_t), out_s


def _drop(t: str, ts: list[int], pattern: re.Pattern) -> tuple[str, list[int]]:
    out_t, out_s, last = [], [], 0
    for m in pattern.finditer(t):
        out_t.append(t[last:m.start()])
        out_s.extend(ts[last:m.start()])
        last = m.end()
    out_t.append(t[last:])
    out_s.extend(ts[last:])
    return "".join(out_t), out_s


def _breaks_paragraph(prev: str, cur: str, blank: bool, markdown: bool) -> bool:
    if markdown and blank:
        return True
    last = prev[-1]
    if HEADING_START.match(cur[:12]):
        return True
    if last in _SENTENCE_END:
        return True
    if HEADING_START.match(prev) and len(prev) <= 40 and "。" not in prev:
        return True
    if last.isdigit() and _YEARISH.match(cur[:12]):
        return True
    return False


# Chinese numerals, for the stages after this one (section numbers, figures written in characters).
CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# a year written digit by digit (二〇二四): zeros as printed or OCR'd, and no 两
YEAR_DIGITS = {"〇": 0, "零": 0, "○": 0, "O": 0, **{k: v for k, v in CN_DIGITS.items() if k != "两"}}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def cn_number(s: str) -> float | None:
    """A round number in characters: 十 10, 五十 50, 百 100, 一百五十 150; None when `s` is not one."""
    total, digit = 0, None
    for ch in s:
        if ch in CN_DIGITS and digit is None:
            digit = CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        else:
            return None
    return float(total + (digit or 0)) or None
