"""How far two people's labels of the same report pair agree: the ceiling for `checker eval`'s status scores.

    .venv/bin/python bench/label_agreement.py tests/labels/tianjin_2023_exhaustive.yaml OTHER.yaml [A2 B2 ...]

Arguments come in pairs (first labeller, second labeller) of label files for the same documents. Items are
aligned by where their quote sits in the commitments document and by value; the script prints, per pair and
over all pairs, how many items each labeller found, how many align, and on the aligned items the status
agreement, the second labeller's macro-F1 against the first (the same measure `checker eval` uses), and
Cohen's kappa.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.evaluate import STATUSES, _locate, _prf, load_labels, resolve  # noqa: E402
from checker.ingest import load  # noqa: E402


def _positions(lf, text: str) -> list[tuple[int, int, float, str]]:
    bound = _locate(text, lf.exhaustive.from_) if lf.exhaustive else None
    start = bound[0] if bound else 0
    out = []
    for it in lf.items:
        loc = _locate(text, it.quote, start) or (-1, -1)
        out.append((loc[0], loc[1], it.value, it.status))
    return out


def align(a_path: Path, b_path: Path, corpus: Path) -> tuple[int, int, list[tuple[str, str]]]:
    a, b = load_labels(a_path), load_labels(b_path)
    if a.commitments_from != b.commitments_from:
        raise SystemExit(f"{b_path}: labels a different document than {a_path}")
    doc = resolve(a.commitments_from, corpus, ROOT / "seeds")
    text = load(str(doc), doc).text.text
    pa, pb = _positions(a, text), _positions(b, text)
    used: set[int] = set()
    pairs = []
    for s, e, v, st in pa:
        if s < 0:
            continue
        j = next((k for k, (s2, e2, v2, _) in enumerate(pb) if k not in used and s2 >= 0 and s2 < e + 4
                  and e2 > s - 4 and abs(v2 - v) < 1e-9), None)
        if j is not None:
            used.add(j)
            pairs.append((st, pb[j][3]))
    return len(pa), len(pb), pairs


def scores(pairs: list[tuple[str, str]]) -> dict:
    n = len(pairs)
    agree = sum(1 for x, y in pairs if x == y)
    f1 = []
    for s in STATUSES:
        tp = sum(1 for x, y in pairs if x == s and y == s)
        fp = sum(1 for x, y in pairs if x != s and y == s)
        fn = sum(1 for x, y in pairs if x == s and y != s)
        f1.append(_prf(tp, fp, fn)["f1"])
    ca, cb = Counter(x for x, _ in pairs), Counter(y for _, y in pairs)
    pe = sum(ca[s] * cb[s] for s in STATUSES) / (n * n) if n else 0.0
    po = agree / n if n else 0.0
    return {"aligned": n, "agreement": round(po, 3), "macro_f1": round(sum(f1) / 3, 3),
            "kappa": round((po - pe) / (1 - pe), 3) if pe < 1 else 1.0,
            "confusion": {s: {t: sum(1 for x, y in pairs if x == s and y == t) for t in STATUSES} for s in STATUSES}}


def main() -> None:
    args = [Path(x) for x in sys.argv[1:]]
    if not args or len(args) % 2:
        raise SystemExit(__doc__)
    corpus = Path(os.environ.get("CHECKER_CORPUS", ROOT.parent / "shared" / "corpus"))
    every = []
    for a, b in zip(args[::2], args[1::2]):
        na, nb, pairs = align(a, b, corpus)
        every += pairs
        s = scores(pairs)
        print(f"{a.name} vs {b.name}: items {na} / {nb}, aligned {s['aligned']}; status agreement {s['agreement']}, "
              f"macro-F1 {s['macro_f1']}, kappa {s['kappa']}")
    if len(args) > 2:
        s = scores(every)
        print(f"all pairs: aligned {s['aligned']}; status agreement {s['agreement']}, macro-F1 {s['macro_f1']}, "
              f"kappa {s['kappa']}")
        print("confusion first→second: " + "  ".join(
            f"{x}:[" + " ".join(f"{y}={s['confusion'][x][y]}" for y in STATUSES) + "]" for x in STATUSES))


if __name__ == "__main__":
    main()
