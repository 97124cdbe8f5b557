"""How current the explainer is: tracked to, checked on, the editor's note, facts overtaken by later events,
what came after the source articles, and "sources differ" only where sources really conflict."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generator import pipeline
from generator.errors import InputError
from tests.helpers import CASES

PROVENANCE = CASES / "provenance" / "seeds"
DAY = dt.date(2026, 2, 15)


def seeds_with(tmp_path: Path, *edits: tuple[str, str]) -> Path:
    seeds = tmp_path / "seeds"
    shutil.copytree(PROVENANCE, seeds)
    sheet = seeds / "factsheet.yaml"
    text = sheet.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    sheet.write_text(text, encoding="utf-8")
    return seeds


LATER_EVENT = ("facts:\n", "  - id: talks-end\n    date: 2026-01-30\n    title: The talks end\n"
                           "    topics: [talks]\n    cite: [{source: monitor}]\nfacts:\n")


def test_tracked_to_is_the_latest_dated_record_and_checked_on_the_review(tmp_path):
    """Check that "tracked to" is the latest date of an event or a fact's as_of, at its precision."""
    site, _ = pipeline.load(seeds_with(tmp_path), today=DAY)
    assert site.currency.tracked_to == "2026-01"  # the facts' as_of, known to the month, ends after 20 January
    assert site.currency.checked_on == "2026-02-01"
    february = ("facts:\n", "  - id: talks-end\n    date: 2026-02-03\n    title: The talks end\n"
                            "    topics: [talks]\n    cite: [{source: monitor}]\nfacts:\n")
    site, _ = pipeline.load(seeds_with(tmp_path / "b", february), today=DAY)
    assert site.currency.tracked_to == "2026-02-03"


def test_a_review_long_after_the_tracked_period_needs_a_note(tmp_path):
    """Check that a review date far past the latest dated record warns, with its line, unless the editor
    says why nothing newer is covered."""
    late = ("  last_reviewed: 2026-02-01\n", "  last_reviewed: 2026-12-01\n")
    _, warnings = pipeline.load(seeds_with(tmp_path, late), today=DAY)
    assert [str(w) for w in warnings] == [
        f"{tmp_path.as_posix()}/seeds/factsheet.yaml:6: warning: meta.last_reviewed: checked on 1 December 2026, "
        "but the latest dated record is of January 2026, and the fact sheet does not say why nothing newer is "
        "covered (add the newer events, or add `tracking_note:` under `meta:` saying why (readers see it))"]
    noted = (late[0], late[1] + "  tracking_note: No later reports were available to the editors.\n")
    site, warnings = pipeline.load(seeds_with(tmp_path / "b", noted), today=DAY)
    assert warnings == []
    assert site.currency.note == "No later reports were available to the editors."


def test_a_superseded_fact_is_history_not_stale_and_no_key_figure(tmp_path):
    """Check that a fact naming what overtook it is not reported as past review, leaves the key figures, and
    knows the date from which it no longer held."""
    overtaken = ("    review_after: 2026-03\n", "    review_after: 2026-03\n    superseded_by: talks-end\n")
    figure_overtaken = ('    figure: {value: 40, unit: boats, text: "40"}\n',
                        '    figure: {value: 40, unit: boats, text: "40"}\n    superseded_by: talks-end\n')
    site, warnings = pipeline.load(seeds_with(tmp_path, LATER_EVENT, overtaken, figure_overtaken),
                                   today=dt.date(2026, 6, 1))
    assert warnings == []
    critics = site.fact_by_id["critics"]
    assert not site.stale(critics)
    assert site.currency.until(critics) == "2026-01-30"
    assert site.currency.superseding(critics).title == "The talks end"
    assert "boats" not in [f.id for f in site.figures]


def test_since_the_articles_lists_later_events_newest_first(tmp_path):
    """Check that the events after everything the source articles report come newest first, and none before."""
    more = ("facts:\n", "  - id: talks-resume\n    date: 2026-02\n    title: Talks resume\n"
                        "    topics: [talks]\n    cite: [{source: monitor}]\nfacts:\n")
    site, _ = pipeline.load(seeds_with(tmp_path, LATER_EVENT, more), today=DAY)
    assert site.currency.articles_end == "2026-01-12"  # the one event the article reports
    assert [e.id for e in site.currency.since_articles(site.events)] == ["talks-resume", "talks-end"]


def test_sources_differ_only_where_two_sources_say_different_things(tmp_path):
    """Check that a record is disputed only with two different claims, and that one lone claim is refused."""
    site, _ = pipeline.load(seeds_with(tmp_path), today=DAY)
    assert site.disputed(site.fact_by_id["boats"])
    assert not site.disputed(site.fact_by_id["critics"])
    lone = ("        quote: The US-led mission praised the talks.\n",
            "        quote: The US-led mission praised the talks.\n        claim: Praised.\n")
    with pytest.raises(InputError) as refused:
        pipeline.load(seeds_with(tmp_path / "b", lone), today=DAY)
    assert [p.message for p in refused.value.problems] == [
        "`claim:` on the only source of this record: there is nothing for it to differ from"]
