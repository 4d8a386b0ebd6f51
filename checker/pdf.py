"""Text from PDF reports (pypdfium2, Apache-2.0/BSD), page by page, refusing text that is unusable.

A PDF with no text layer (a scan), with `(cid:NNN)` glyph codes, or with many private-use or replacement
characters gets a clear one-line error instead of garbage commitments. The page each character came from
is kept, so every quote can cite its page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import InputError

MAX_PAGES = 2000
_CID = re.compile(r"\(cid:\d+\)")


@dataclass
class PdfText:
    text: str
    page_starts: list[int]  # offset in `text` where each page begins
    parser: str


def extract(data: bytes, name: str) -> PdfText:
    try:
        import pypdfium2 as pdfium
    except ImportError:  # pragma: no cover - declared dependency
        raise InputError(f"{name}: reading PDFs needs pypdfium2 (pip install pypdfium2)") from None
    try:
        pdf = pdfium.PdfDocument(data)
    except Exception as e:  # pdfium raises PdfiumError; anything else is a broken file too
        raise InputError(f"{name}: not a readable PDF ({str(e).splitlines()[0] if str(e) else type(e).__name__})") from None
    try:
        n = len(pdf)
        if n == 0:
            raise InputError(f"{name}: the PDF has no pages")
        if n > MAX_PAGES:
            raise InputError(f"{name}: {n} pages; more than {MAX_PAGES} is not a report")
        parts: list[str] = []
        starts: list[int] = []
        pos = 0
        for i in range(n):
            try:
                page = pdf[i]
                tp = page.get_textpage()
                t = tp.get_text_range()
                tp.close()
                page.close()
            except Exception as e:
                raise InputError(f"{name}: page {i + 1} cannot be read ({type(e).__name__})") from None
            t = t.replace("\r\n", "\n").replace("\r", "\n")
            starts.append(pos)
            parts.append(t)
            pos += len(t) + 1
        text = "\n".join(parts)
    finally:
        pdf.close()
    check_quality(text, n, name)
    return PdfText(text=text, page_starts=starts, parser=f"pypdfium2 {getattr(pdfium, '__version__', '')}".strip())


def check_quality(text: str, pages: int, name: str) -> None:
    """Raise InputError when extracted text cannot be trusted."""
    visible = [c for c in text if not c.isspace()]
    han = sum(1 for c in visible if "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf")
    if len(visible) < 20 * pages and han < 50:
        raise InputError(f"{name}: no usable text layer ({len(visible)} characters on {pages} page(s)); "
                         f"a scanned PDF needs OCR first")
    cids = len(_CID.findall(text))
    if cids > 5:
        raise InputError(f"{name}: {cids} '(cid:…)' glyph codes: the PDF's fonts have no Unicode map; "
                         f"the text cannot be extracted reliably")
    pua = sum(1 for c in visible if "\ue000" <= c <= "\uf8ff")
    bad = pua + text.count("\ufffd")
    if bad > max(5, len(visible) // 100):
        raise InputError(f"{name}: {bad} private-use or replacement characters in the text layer "
                         f"(fonts without a Unicode map); the text cannot be trusted")
    if han < 0.3 * len(visible):
        raise InputError(f"{name}: only {han} Chinese characters of {len(visible)}; not a Chinese report or "
                         f"a broken text layer")


def page_of(page_starts: list[int], offset: int) -> int:
    """1-based page number of a text offset."""
    import bisect

    return max(1, bisect.bisect_right(page_starts, offset))
