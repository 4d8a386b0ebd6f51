"""Shared fixtures: the rules, one pipeline run over the seeds, and the ../shared corpus when present."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"


@pytest.fixture(scope="session")
def rules():
    from checker.rules import load_rules

    return load_rules(ROOT / "rules")


@pytest.fixture(scope="session")
def seeds_run(rules):
    from checker.pipeline import run

    return run([ROOT / "seeds"], rules)


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    return CORPUS
