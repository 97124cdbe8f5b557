"""Golden Markdown: the generated pages of each case, compared byte for byte.

Refresh after an intended change with `make golden` (python -m tests.golden), then review
the diff like any other change.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

from generator import pipeline
from tests.helpers import CASES, ROOT

GOLDEN_CASES = {
    "basic": CASES / "basic" / "seeds",
    "seed": ROOT / "seeds",
}


# Golden pages are rendered as of a fixed day, so "may be out of date" markers never drift.
TODAY = dt.date(2026, 11, 24)


def expected_dir(case: str) -> Path:
    return CASES / case / "expected"


def rendered(case: str) -> dict[str, str]:
    return pipeline.build(GOLDEN_CASES[case], today=TODAY).pages


def refresh() -> None:
    for case in GOLDEN_CASES:
        out = expected_dir(case)
        if out.exists():
            shutil.rmtree(out)
        for path, text in rendered(case).items():
            target = out / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        print(f"refreshed {out.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    refresh()
