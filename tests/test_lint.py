"""The code follows the project's lint rules (ruff, configured in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import ROOT


def test_ruff_finds_nothing():
    """Check that ruff reports no finding in the generator, the benchmarks and the tests."""
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "--output-format", "concise",
                           "generator", "benchmarks", "tests"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
