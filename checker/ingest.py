"""Read input files: decode, split Markdown front matter, read sidecar overrides, normalise.

Inputs are files or folders (searched recursively for .txt and .md). Bad input raises `InputError`
with a one-line message naming the file.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from .errors import InputError
from .normalise import NormalText, normalise

SUFFIXES = (".txt", ".md", ".markdown", ".pdf")
# Inside folders, these files describe the collection rather than being reports.
NOT_REPORTS = ("readme", "sources", "license", "changelog", "manifest")
SIDECAR_FIELDS = {"government", "government_full", "kind", "delivered", "year", "reviews", "plans", "title"}
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.S)


@dataclass
class Source:
    """One input file, decoded and normalised, with everything the structure stage needs."""

    path: str  # as given on the command line (or relative to a given folder)
    abspath: Path
    sha256: str
    encoding: str
    raw: str  # decoded text after the front matter
    body_offset: int  # where `raw` starts in the decoded file
    front_matter: dict = field(default_factory=dict)
    overrides: dict = field(default_factory=dict)
    text: NormalText | None = None
    page_starts: list[int] | None = None  # PDF input: raw offset where each page begins


def collect(inputs: list[str | Path]) -> list[tuple[str, Path]]:
    """Expand files and folders into (display path, absolute path) pairs, sorted, without duplicates."""
    seen: set[Path] = set()
    out: list[tuple[str, Path]] = []
    for given in inputs:
        p = Path(given)
        if not p.exists():
            raise InputError(f"{given}: no such file or folder")
        if p.is_dir():
            files = sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in SUFFIXES
                           and not q.name.lower().startswith(NOT_REPORTS))
            if not files:
                raise InputError(f"{given}: folder holds no .txt, .md or .pdf report")
        else:
            if p.suffix.lower() not in SUFFIXES:
                raise InputError(f"{given}: unsupported file type '{p.suffix}' (expected .txt, .md or .pdf)")
            files = [p]
        for f in files:
            a = f.resolve()
            if a in seen:
                continue
            seen.add(a)
            out.append((str(f), a))
    return out


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM) or GB18030; refuse anything else with a clear error."""
    if not data.strip():
        raise InputError(f"{name}: file is empty")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as e:
            raise InputError(f"{name}: invalid UTF-16 ({e.reason} at byte {e.start})") from None
    try:
        text = data.decode("utf-8")
        enc = "utf-8"
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")
            enc = "gb18030"
        except UnicodeDecodeError as e:
            raise InputError(
                f"{name}: not valid UTF-8 or GB18030 (bad byte at offset {e.start}); convert it to UTF-8"
            ) from None
    _check_plausible(text, name, enc)
    return text, enc


def _check_plausible(text: str, name: str, enc: str) -> None:
    han = len(_HAN.findall(text))
    if han < 20:
        raise InputError(f"{name}: no Chinese text found (decoded as {enc}); is this a report?")
    bad = text.count("\ufffd") + len(_PUA.findall(text))
    if bad > max(5, han // 200):
        raise InputError(f"{name}: {bad} replacement or private-use characters; the text extraction is broken")
    # UTF-8 Chinese read as GBK gives characters like 鍔犲揩鎺ㄨ繘: rare characters in a row. Real reports
    # have about half their Han characters among the 500 most common ones; such mojibake under 1%.
    common = len(_COMMON_RE.findall(text))
    if han >= 200 and common / han < 0.2:
        how = "UTF-8 bytes decoded as GBK" if enc == "gb18030" else "text garbled by a wrong conversion earlier"
        raise InputError(f"{name}: looks like mojibake ({how}: only {100 * common / han:.0f}% common characters); "
                         f"fix the encoding and re-save as UTF-8")


_COMMON = set("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质")


_HAN = re.compile("[\u4e00-\u9fff]")
_PUA = re.compile("[\ue000-\uf8ff]")
_COMMON_RE = re.compile("[" + "".join(sorted(_COMMON)) + "]")


def load(display: str, path: Path) -> Source:
    """Read and decode one file, split front matter, apply the sidecar, normalise."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"{display}: cannot read ({e.strerror})") from None
    return from_bytes(display, path, data, overrides=sidecar(display, path))


def from_bytes(display: str, path: Path, data: bytes, overrides: dict | None = None) -> Source:
    """Build a Source from bytes already in memory (`path` names the file: suffix and folder matter)."""
    page_starts = None
    if path.suffix.lower() == ".pdf":
        from .pdf import extract

        pt = extract(data, display)
        text, enc, page_starts = pt.text, pt.parser, pt.page_starts
    else:
        text, enc = decode(data, display)
    front: dict = {}
    body_offset = 0
    is_md = path.suffix.lower() in (".md", ".markdown")
    if is_md:
        m = _FRONT_MATTER.match(text)
        if m:
            try:
                front = YAML(typ="safe").load(m.group(1)) or {}
            except YAMLError as e:
                raise InputError(f"{display}: bad YAML front matter ({_first_line(e)})") from None
            if not isinstance(front, dict):
                raise InputError(f"{display}: front matter is not a mapping")
            body_offset = m.end()
    raw = text[body_offset:]
    src = Source(
        path=display,
        abspath=path,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=enc,
        raw=raw,
        body_offset=body_offset,
        front_matter=front,
        overrides=dict(overrides or {}),
        page_starts=page_starts,
    )
    src.text = normalise(raw, markdown=is_md)
    if len(src.text.text) < 50:
        raise InputError(f"{display}: too little text after normalisation ({len(src.text.text)} characters)")
    return src


def _first_line(e: Exception) -> str:
    return str(e).strip().splitlines()[0] if str(e).strip() else e.__class__.__name__


def sidecar(display: str, path: Path) -> dict:
    """Overrides from NAME.meta.yaml beside the file, or from manifest.yaml in its folder."""
    found: dict = {}
    manifest = path.parent / "manifest.yaml"
    if manifest.exists():
        data = _read_yaml(manifest)
        entry = (data or {}).get(path.name) if isinstance(data, dict) else None
        if entry is not None:
            if not isinstance(entry, dict):
                raise InputError(f"{manifest}: entry '{path.name}' is not a mapping")
            found.update(_check_overrides(entry, f"{manifest}:{path.name}"))
    for cand in (path.with_name(path.stem + ".meta.yaml"), path.with_name(path.name + ".meta.yaml")):
        if cand.exists():
            data = _read_yaml(cand)
            if not isinstance(data, dict):
                raise InputError(f"{cand}: must be a mapping of field: value")
            found.update(_check_overrides(data, str(cand)))
    return found


def _read_yaml(p: Path):
    try:
        return YAML(typ="safe").load(p.read_text(encoding="utf-8"))
    except (YAMLError, UnicodeDecodeError, OSError) as e:
        raise InputError(f"{p}: cannot read metadata ({_first_line(e)})") from None


def _check_overrides(data: dict, where: str) -> dict:
    unknown = sorted(set(map(str, data)) - SIDECAR_FIELDS)
    if unknown:
        raise InputError(f"{where}: unknown field(s) {', '.join(unknown)}; allowed: {', '.join(sorted(SIDECAR_FIELDS))}")
    return dict(data)
