"""How current the explainer is: tracked to, checked on, the editor's note, facts overtaken by later events,
what came after the source articles, and "sources differ" only where sources really conflict."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generator import pipeline
from generator.errors import InputError
from tests.helpers import CASES, visible

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


TOPIC_TEXTS = ("    summary: Delegates met to discuss the harbour.\n",
               "    summary: Delegates met to discuss the harbour.\n"
               "    lead:\n      text: Delegates met in Washington, DC, on Monday, officials said.\n"
               "      cite: [{source: report, paragraph: p1}]\n"
               "    why_it_matters:\n      text: The US-led mission praised the talks.\n"
               "      cite: [{source: report, paragraph: p1}]\n"
               "    key_points:\n"
               "      - {text: Critics disagreed., cite: [{source: report, paragraph: p2}]}\n"
               "    now:\n      text: The talks ended on 30 January.\n      cite: [{source: monitor}]\n"
               "    watch:\n      - Whether the talks resume.\n"
               "      - question: Whether the harbour reopens.\n        answered: 2026-01-30\n"
               "        answer: The talks ended without a date for it, the monitor says.\n"
               "        cite: [{source: monitor}]\n"
               "      - Who commands the port next.\n")


def _page(tmp_path: Path, *edits: tuple[str, str], path: str = "topics/talks.md") -> str:
    return pipeline.build(seeds_with(tmp_path, *edits), today=DAY).pages[path]


def _fact(page: str, fact_id: str) -> str:
    start = page.index('<div class="fact')
    start = page.index(f'id="{fact_id}"', start)
    return page[start:page.index("\n</div>", start)]


def test_an_overtaken_fact_reads_as_history_linked_to_what_changed(tmp_path):
    """Check that a fact with `superseded_by` says "Until <date>:" before its statement, links to the event that
    overtook it, and drops its "As of"; a fact nothing overtook keeps the present."""
    overtaken = ("    review_after: 2026-03\n", "    review_after: 2026-03\n    superseded_by: talks-end\n")
    page = _page(tmp_path, LATER_EVENT, overtaken)
    critics = visible(_fact(page, "critics"))
    assert "Until 30 January 2026: The report says critics disagreed" in critics
    assert "What changed: 30 January 2026: The talks end" in critics
    assert "As of" not in critics
    assert 'href="../../timeline/#talks-end"' in _fact(page, "critics")
    assert "Until" not in visible(_fact(page, "mission-praise"))
    assert 'id="talks-end"' in pipeline.build(seeds_with(tmp_path / "b", LATER_EVENT), today=DAY).pages["timeline.md"]


def test_an_update_note_is_shown_where_the_editor_wrote_one(tmp_path):
    """Check that a fact's `update_note` is shown to readers as an update, and that other facts show none."""
    noted = ("    statement: The report says the US-led mission praised the talks.\n",
             "    statement: The report says the US-led mission praised the talks.\n"
             "    update_note: Reworded after the mission published its own statement.\n")
    page = _page(tmp_path, noted)
    assert "Update: Reworded after the mission published its own statement." in visible(_fact(page, "mission-praise"))
    assert page.count("Update:") == 1


def test_the_topic_page_reads_in_the_readers_order(tmp_path):
    """Check the order of a topic page: title, how current it is, lead, why it matters, key points, where
    things stand, since the article, questions, what to watch, the evidence folded, and the sources."""
    page = _page(tmp_path, LATER_EVENT, TOPIC_TEXTS)
    text = visible(page.split("\n---\n", 1)[1])  # after the front matter
    marks = ["# The talks", "Events tracked to January 2026; checked 1 February 2026.",
             "Delegates met in Washington, DC, on Monday, officials said.",
             "**Why it matters:** The US-led mission praised the talks.", "## Key points", "Critics disagreed.",
             "## Where things stand now", "The talks ended on 30 January.", "## Since the source article",
             "30 January 2026 The talks end", "## What to watch", "Whether the talks resume.",
             "Who commands the port next.",
             "Whether the harbour reopens. **Answered 30 January 2026:** The talks ended without a date for it",
             "## The evidence", "Facts (4)", "Sources ("]
    places = [text.index(m) for m in marks]
    assert places == sorted(places), [m for m, a, b in zip(marks, places, places[1:], strict=False) if a > b]
    assert "Delegates met to discuss the harbour." not in text.split("## The evidence")[0]  # the lead replaces it


def test_since_the_article_lists_later_events_linked_to_the_timeline(tmp_path):
    """Check that the topic's "since the article" section lists the events after those the article reports,
    newest first, each linked to its timeline entry, and is left out where there are none."""
    more = ("facts:\n", "  - id: talks-resume\n    date: 2026-02\n    title: Talks resume\n"
                        "    topics: [talks]\n    cite: [{source: monitor}]\nfacts:\n")
    page = _page(tmp_path, LATER_EVENT, more)
    since = page[page.index("## Since the source article"):page.index("## The evidence")]
    assert "After 12 January 2026, the last date it reports; newest first:" in visible(since)
    assert since.index("#talks-resume") < since.index("#talks-end")
    assert "delegates-met" not in since
    assert "## Since the source article" not in _page(tmp_path / "b")


def test_topic_texts_are_checked(tmp_path):
    """Check that a lead of more than three sentences and fewer than four key points are reported, with lines."""
    long_lead = ("    summary: Delegates met to discuss the harbour.\n",
                 "    summary: Delegates met to discuss the harbour.\n"
                 "    lead:\n      text: One. Two. Three. Four.\n      cite: [{source: monitor}]\n"
                 "    key_points:\n      - {text: One point., cite: [{source: monitor}]}\n")
    _, warnings = pipeline.load(seeds_with(tmp_path, long_lead), today=DAY)
    assert [w.message for w in warnings] == ["the lead has more than 3 sentences",
                                             "1 key points; a reader expects 4 to 6"]
    bad_cite = ("    summary: Delegates met to discuss the harbour.\n",
                "    summary: Delegates met to discuss the harbour.\n"
                "    now:\n      text: Later.\n      cite: [{source: nowhere}]\n")
    with pytest.raises(InputError) as caught:
        pipeline.load(seeds_with(tmp_path / "b", bad_cite), today=DAY)
    assert "topics[talks].now.cite[0].source: no source with id 'nowhere'" in caught.value.format_message()
