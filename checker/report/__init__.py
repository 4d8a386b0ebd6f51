"""The report stage: results.json, commitments.csv and one scorecard (HTML + PDF) per government and period.

Everything is rendered first; files are then written atomically, so a failed or interrupted run never
leaves a half-written output and, up to the final renames, leaves the previous reports as they were.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..models import Results
from ..rules import RuleSet
from .data import commitments_csv, results_json
from .files import atomic_write, inside
from .scorecard import build_cards, render_pdf


def render_all(results: Results, rules: RuleSet, out: Path, progress: Callable[[str, int, int], None] | None = None,
               pdf: bool = True, run=None) -> dict[Path, bytes]:
    """Every output file's path and bytes, nothing written yet."""
    files: dict[Path, bytes] = {
        out / "results.json": results_json(results).encode("utf-8"),
        out / "commitments.csv": commitments_csv(results),
    }
    cards = build_cards(results, rules, run)
    for i, card in enumerate(cards):
        if progress:
            progress("render", i, len(cards))
        folder = inside(out, card.government, card.period)
        files[folder / "scorecard.html"] = card.html.encode("utf-8")
        if pdf:
            files[folder / "scorecard.pdf"] = render_pdf(card.html)
    return files


def write_all(files: dict[Path, bytes]) -> list[Path]:
    for path, data in files.items():
        atomic_write(path, data)
    return list(files)
