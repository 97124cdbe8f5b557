"""What the new messages rest on: where misquoted words are, what a figure's text says, the ISO form of a
date written another way, records named by id, and the line a left-open quote or bracket started on."""

from __future__ import annotations

import pytest

from generator import figures, passages
from generator.articles import read_articles
from generator.errors import Problems
from generator.text import iso_date
from generator.yamlload import format_path, load_yaml
from tests.helpers import ROOT

SEED = read_articles(ROOT / "seeds" / "articles", Problems())[0]


def test_a_misquote_shows_the_nearest_passage_and_each_difference():
    """Check that a quote of p6 with a word left out and one changed gets the passage it was taken from and
    both differences, and no false one at its end (the passage has a comma there)."""
    near = passages.nearest("will lead to a predictable and safe security environment", SEED, SEED.paragraph("p6"))
    assert near is not None and near.paragraph.id == "p6"
    assert near.passage == "will lead to a more predictable and stable security environment,"
    assert near.differences == ["p6 has “more” after “a”, which you left out",
                                "you wrote “safe” where p6 has “stable”"]


def test_words_cited_to_the_wrong_paragraph_are_found_where_they_are():
    """Check that words of p8 are found in p8 alone, quote marks and spacing aside."""
    assert passages.holding('"This is the type of  tangible security gain', SEED) == ["p8"]
    assert passages.holding("words no paragraph has", SEED) == []


@pytest.mark.parametrize(("text", "numbers", "qualifier"), [
    ("15", (15,), "exact"), ("over 130", (130,), "more-than"), ("approximately 2,000", (2000,), "about"),
    ("more than 5,700", (5700,), "more-than"), ("at least 40", (40,), "at-least"),
    ("1.5 million", (1.5, 1_500_000), "exact"), ("twenty-five", (25,), "exact"), ("up to 300", (300,), ""),
    ("hundreds", (), "exact"),
])
def test_a_figures_text_gives_its_number_and_qualifier(text, numbers, qualifier):
    """Check the numbers and the qualifier read from figure texts, words and scales included."""
    reading = figures.read(text)
    assert reading.numbers == numbers and reading.qualifier == qualifier


@pytest.mark.parametrize(("written", "iso"), [
    ("31/01/2026", "2026-01-31"), ("01/31/2026", "2026-01-31"), ("05/05/2026", "2026-05-05"),
    ("31 January 2026", "2026-01-31"), ("Jan 31 2026", "2026-01-31"), ("Feb 12, 2026", "2026-02-12"),
    ("3rd March 2025", "2025-03-03"), ("January 2026", "2026-01"), ("2026/1/31", "2026-01-31"),
    ("12/02/2026", None), ("31/02/2026", None), ("Janvier 2026", None),
])
def test_only_unambiguous_dates_get_an_iso_form(written, iso):
    """Check that a date written another way gets its ISO form only when it can mean one day or month."""
    assert iso_date(written) == iso


def test_records_are_named_by_their_own_id_else_by_position():
    """Check that a key path names a record by its id when no other record of its list has it."""
    data = {"facts": [{"id": "a"}, {"id": "b"}, {"id": "b"}, {"statement": "no id"}]}
    assert format_path(("facts", 0, "cite", 1, "quote"), data) == "facts[a].cite[1].quote"
    assert format_path(("facts", 2, "id"), data) == "facts[2].id"
    assert format_path(("facts", 3), data) == "facts[3]"
    assert format_path(("facts", 0)) == "facts[0]"


@pytest.mark.parametrize(("yaml_text", "expected"), [
    ('a:\n  b: "open\n  c: 1\n  d: "closed"\n', ':2: the " opened on this line is not closed where the value ends: '
     'YAML read on to line 4 (end the value with " on this line)'),
    ("a:\n  b: 'open\n  c: 1\n", ":2: the ' opened on this line is never closed (end the value with ')"),
    ("a:\n  b: [x, y\n  c: 1\n", ":2: the [ opened on this line is never closed (end the list with ])"),
    ("a:\n  b: {x: 1\n  c: 1\n", ":2: the { opened on this line is never closed (end the mapping with })"),
])
def test_a_quote_or_bracket_left_open_is_reported_where_it_opened(tmp_path, yaml_text, expected):
    """Check that a value whose quote or bracket is left open is reported on the line that opened it."""
    path = tmp_path / "f.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    problems = Problems()
    assert load_yaml(path, problems) is None
    assert str(problems.errors[0]).endswith(expected)
