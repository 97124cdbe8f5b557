"""Freshness: facts past `review_after` are marked, the build warns, `check --strict` fails.

Today's date comes from EXPLAINER_TODAY so every build here is deterministic. In the
fixture tests/cases/provenance, fact `critics` has review_after 2026-03 (stale from 1 April).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from generator import freshness, pipeline, text
from generator.errors import Problems
from tests.helpers import CASES, fact_div, make_project, mkdocs_build, run, visible

PROVENANCE = CASES / "provenance" / "seeds"
STALE_DAY = "2026-04-01"
FRESH_DAY = "2026-03-31"


@pytest.fixture(scope="module")
def stale_build(tmp_path_factory: pytest.TempPathFactory):
    project = make_project(tmp_path_factory.mktemp("stale") / "project", PROVENANCE)
    result = mkdocs_build(project, EXPLAINER_TODAY=STALE_DAY)
    assert result.returncode == 0, result.stderr
    return project, result


def test_review_dates_end_with_their_period():
    """Check that a month-precise review date is past only from the next month on (likewise years, days)."""
    assert not text.is_past("2026-03", dt.date(2026, 3, 31))
    assert text.is_past("2026-03", dt.date(2026, 4, 1))
    assert not text.is_past("2026", dt.date(2026, 12, 31))
    assert text.is_past("2026", dt.date(2027, 1, 1))
    assert text.is_past("2026-02-28", dt.date(2026, 3, 1))
    assert not text.is_past(None, dt.date(2030, 1, 1))
    assert not text.is_past("2026-03", None)


def test_today_comes_from_the_environment():
    """Check that EXPLAINER_TODAY sets today's date and that a malformed value is reported, not ignored."""
    problems = Problems()
    assert freshness.today(problems, {"EXPLAINER_TODAY": "2026-04-01"}) == dt.date(2026, 4, 1)
    assert freshness.today(problems, {}) == dt.date.today()
    assert problems.items == []
    freshness.today(problems, {"EXPLAINER_TODAY": "1 April"})
    assert [str(p) for p in problems.errors] == [
        "EXPLAINER_TODAY: '1 April' is not a date (set EXPLAINER_TODAY as YYYY-MM-DD, e.g. 2026-01-31, "
        "or unset it to use today's date)"]


def test_stale_fact_is_marked_on_its_page(stale_build):
    """Check that the stale fact shows "May be out of date" and its review date, and a fresh one does not."""
    project, _ = stale_build
    page = (project / "site" / "topics" / "talks" / "index.html").read_text(encoding="utf-8")
    stale = fact_div(page, "critics")
    assert 'class="fact fact-stale"' in stale
    assert "May be out of date" in visible(stale)
    assert "review was due after March 2026" in visible(stale)
    fresh = fact_div(page, "mission-praise")
    assert "May be out of date" not in visible(fresh)


def test_build_warns_about_stale_facts(stale_build):
    """Check that the MkDocs build names the stale fact with file:line and still succeeds."""
    _, result = stale_build
    assert ("seeds/factsheet.yaml:65: warning: facts[critics].review_after: fact 'critics' is past its review "
            "date, March 2026 (today is 2026-04-01), and nothing supersedes it") in result.stderr


def test_home_page_keeps_review_date_and_counts_stale_facts(stale_build):
    """Check that the home page says when the sheet was last reviewed and how many facts are past review."""
    project, _ = stale_build
    text = visible((project / "site" / "index.html").read_text(encoding="utf-8"))
    assert "Events tracked to January 2026; checked 1 February 2026." in text
    assert "1 fact is past its review date and may be out of date" in text
    page = (project / "site" / "changes" / "index.html").read_text(encoding="utf-8")
    changes = visible(page[page.index('<article class="md-content__inner'):page.index("</article>")])
    assert "critics: review was due after March 2026 (as of January 2026)" in changes


def test_nothing_is_marked_before_the_review_date(tmp_path: Path):
    """Check that on the last day of the review month no fact is marked and the build is silent about it."""
    project = make_project(tmp_path / "p", PROVENANCE)
    result = mkdocs_build(project, EXPLAINER_TODAY=FRESH_DAY)
    assert result.returncode == 0, result.stderr
    assert "past its review date" not in result.stderr
    for page in (project / "site").rglob("*.html"):
        assert "May be out of date" not in page.read_text(encoding="utf-8"), page


def test_check_strict_fails_for_a_stale_fact(tmp_path: Path):
    """Check that `check` passes with a warning and `check --strict` fails, with the exact message."""
    project = make_project(tmp_path / "p", PROVENANCE)
    expected = ("seeds/factsheet.yaml:65: warning: facts[critics].review_after: fact 'critics' is past its review "
                "date, March 2026 (today is 2026-04-01), and nothing supersedes it; the site marks it “may be out of "
                "date” (check its sources, then update the fact, its as_of and its review_after, or name what "
                "overtook it in `superseded_by:`)")
    lenient = run([sys.executable, "-m", "generator", "check"], project, EXPLAINER_TODAY=STALE_DAY)
    assert lenient.returncode == 0, lenient.stderr
    assert lenient.stderr.splitlines()[0] == expected
    strict = run([sys.executable, "-m", "generator", "check", "--strict"], project, EXPLAINER_TODAY=STALE_DAY)
    assert strict.returncode == 1
    assert strict.stderr.splitlines()[0] == expected
    fresh = run([sys.executable, "-m", "generator", "check", "--strict"], project, EXPLAINER_TODAY=FRESH_DAY)
    assert fresh.returncode == 0, fresh.stderr


def test_pages_are_deterministic_for_a_fixed_date():
    """Check that two renders for one date are identical and that the date alone changes the marker."""
    first = pipeline.build(PROVENANCE, today=dt.date(2026, 4, 1)).pages
    again = pipeline.build(PROVENANCE, today=dt.date(2026, 4, 1)).pages
    earlier = pipeline.build(PROVENANCE, today=dt.date(2026, 3, 31)).pages
    assert first == again
    assert "May be out of date" in first["topics/talks.md"]
    assert "May be out of date" not in earlier["topics/talks.md"]
