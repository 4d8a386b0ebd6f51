"""Mutation fuzz run over real corpus files, the seeds and PDFs: every case must end in a result or a clear
one-line error (CheckerError), never a traceback. Prints the number of cases tried and how each ended.

    .venv/bin/python bench/fuzz.py [--cases 2000] [--seed 1]
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.errors import CheckerError  # noqa: E402
from checker.ingest import from_bytes  # noqa: E402
from checker.pipeline import analyse  # noqa: E402
from checker.rules import load_rules  # noqa: E402
from checker.structure import structure  # noqa: E402


def mutations(rng: random.Random, data: bytes, is_pdf: bool) -> tuple[str, bytes]:
    kind = rng.choice(["truncate", "flip", "flip", "shuffle_lines", "huge_line", "empty", "insert_junk",
                       "duplicate_block", "delete_block"] + (["pdf_bytes"] * 3 if is_pdf else []))
    if kind == "truncate":
        return kind, data[: rng.randrange(0, max(1, len(data)))]
    if kind in ("flip", "pdf_bytes"):
        b = bytearray(data)
        for _ in range(rng.choice([1, 4, 16, 64, 256])):
            if b:
                b[rng.randrange(len(b))] = rng.randrange(256)
        return kind, bytes(b)
    if kind == "shuffle_lines":
        lines = data.split(b"\n")
        rng.shuffle(lines)
        return kind, b"\n".join(lines)
    if kind == "huge_line":
        i = rng.randrange(max(1, len(data)))
        return kind, data[:i] + ("增长7.5%，新增人才公寓500套" * rng.choice([1000, 20000])).encode() + data[i:]
    if kind == "empty":
        return kind, rng.choice([b"", b"\n\n", b" ", b"\xef\xbb\xbf"])
    if kind == "insert_junk":
        i = rng.randrange(max(1, len(data)))
        return kind, data[:i] + bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200))) + data[i:]
    if kind == "duplicate_block":
        i = rng.randrange(max(1, len(data)))
        return kind, data[:i] + data[i: i + rng.randrange(1, 5000)] * 3 + data[i:]
    i = rng.randrange(max(1, len(data)))
    return "delete_block", data[:i] + data[i + rng.randrange(1, 20000):]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    rules = load_rules(ROOT / "rules")
    sources = sorted((ROOT / "seeds").glob("*.txt"))
    corpus = ROOT.parent / "shared" / "corpus"
    if corpus.is_dir():
        sources += rng.sample(sorted(corpus.rglob("*.md")), 40)
    pdfs = []
    import weasyprint

    for p in sources[:2]:
        text = p.read_text(encoding="utf-8")
        pdfs.append((p.with_suffix(".pdf").name, weasyprint.HTML(
            string=f'<html lang="zh-CN"><pre style="font-family: Noto Sans CJK SC; white-space: pre-wrap">'
                   f'{text.replace("<", "&lt;")}</pre></html>').write_pdf()))
    originals = [(p.name, p.read_bytes(), p.suffix) for p in sources] + [(n, d, ".pdf") for n, d in pdfs]
    outcomes = collections.Counter()
    reasons = collections.Counter()
    crashes = []
    t = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(a.cases):
            name, data, suffix = rng.choice(originals)
            kind, mutated = mutations(rng, data, suffix == ".pdf")
            folder = Path(tmp) / f"case{i}" / "政府工作报告-主要城市"  # keep the original file name (it carries the year)
            path = folder / name
            try:
                s = structure(from_bytes(path.name, path, mutated))
                analyse([s], rules)
                outcomes["result"] += 1
            except CheckerError as e:
                msg = str(e)
                if "\n" in msg or not msg.startswith(path.name):
                    crashes.append((name, kind, f"error not one line naming the file: {msg[:200]}"))
                outcomes["clear error"] += 1
                reasons[msg.split(":", 1)[1].split(";")[0].split("(")[0].strip()[:50]] += 1
            except Exception:  # a traceback: the thing this run looks for
                crashes.append((name, kind, traceback.format_exc(limit=3)))
                outcomes["crash"] += 1
    secs = time.perf_counter() - t
    print(f"{a.cases} mutated cases from {len(originals)} files ({len(pdfs)} PDFs) in {secs:.0f} s: "
          + ", ".join(f"{k} {v}" for k, v in outcomes.most_common()))
    print("errors: " + "; ".join(f"{k} ×{v}" for k, v in reasons.most_common(8)))
    for name, kind, tb in crashes[:10]:
        print(f"--- {name} ({kind})\n{tb}")
    sys.exit(1 if crashes else 0)


if __name__ == "__main__":
    main()
