"""A short mutation fuzz run (the full run is bench/fuzz.py): no mutated input may end in a traceback."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_mutation_fuzz_short_run():
    res = subprocess.run([sys.executable, str(ROOT / "bench" / "fuzz.py"), "--cases", "120", "--seed", "7"],
                         capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-3000:]
    assert "120 mutated cases" in res.stdout and "crash" not in res.stdout
