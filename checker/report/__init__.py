"""The report stage: results.json, commitments.csv and one scorecard (HTML + PDF) per government and period.

Every output is written to a temporary file beside its target while rendering; only when everything has
rendered are they renamed into place, so a failed or interrupted run leaves the previous reports as they
were and never a half-written file.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable

from ..models import Results
from ..rules import RuleSet
from .data import commitments_csv, results_json
from ..fileio import fsync_dir, write_temp
from .files import inside
from .scorecard import build_cards, render_pdf


class Staged:
    """Outputs written to temporary files beside their targets, renamed into place only by `commit()`.
    Until then (and after `abort()`), the previous reports stay exactly as they were."""

    def __init__(self) -> None:
        self.items: list[tuple[Path, Path]] = []

    def add(self, final: Path, data: bytes) -> None:
        self.items.append((write_temp(final, data), final))

    def commit(self) -> list[Path]:
        for tmp, final in self.items:
            os.replace(tmp, final)
        for d in {final.parent for _, final in self.items}:
            fsync_dir(d)
        done = [final for _, final in self.items]
        self.items = []
        return done

    @staticmethod
    def sweep(out: Path, max_age: float = 3600.0) -> int:
        """Remove temporary files a killed run left in `out` (only ones older than `max_age` seconds, so a
        run working in the same folder right now is not disturbed)."""
        import time

        n = 0
        if out.is_dir():
            for p in out.rglob(".*.tmp"):
                try:
                    if time.time() - p.stat().st_mtime > max_age:
                        p.unlink()
                        n += 1
                except OSError:
                    pass
        return n

    def abort(self) -> None:
        for tmp, _ in self.items:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
        self.items = []


def render_all(results: Results, rules: RuleSet, out: Path, stage: Staged,
               progress: Callable[[str, int, int], None] | None = None, pdf: bool = True, run=None,
               jobs: int = 1) -> None:
    """Render every output into `stage` (nothing replaces a previous report until stage.commit())."""
    Staged.sweep(out)
    stage.add(out / "results.json", results_json(results).encode("utf-8"))
    stage.add(out / "commitments.csv", commitments_csv(results))
    cards = build_cards(results, rules, run)
    folders = [inside(out, card.government, card.period) for card in cards]
    for card, folder in zip(cards, folders):
        stage.add(folder / "scorecard.html", card.html.encode("utf-8"))
    if not pdf:
        return
    if jobs > 1 and len(cards) > 1:
        ctx = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
            for i, (folder, data) in enumerate(zip(folders, pool.map(render_pdf, [c.pdf_html for c in cards],
                                                                     chunksize=2))):
                if progress:
                    progress("render", i, len(cards))
                stage.add(folder / "scorecard.pdf", data)
    else:
        for i, (card, folder) in enumerate(zip(cards, folders)):
            if progress:
                progress("render", i, len(cards))
            stage.add(folder / "scorecard.pdf", render_pdf(card.pdf_html))
