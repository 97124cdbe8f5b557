"""Search, as a reader uses it: typing into the search box of the built site, key by key."""

from __future__ import annotations

import re

import pytest

# query → (the page of the first result, the entry of that page it opens first).
# Every name and alias opens its who's-who entry first (the page is boosted in search, and its
# lists of sources and pages are kept out of the index). The aliases ISIL/ISIS/Daesh and
# al-Sharaa/al-Shara lead to the same entry as each other.
EXPECTED = {
    "SDF": ("whos-who/", "syrian-democratic-forces"),
    "Syrian Democratic Forces": ("whos-who/", "syrian-democratic-forces"),
    "al-Sharaa": ("whos-who/", "ahmed-al-sharaa"),
    "al-Shara": ("whos-who/", "ahmed-al-sharaa"),
    "ISIS": ("whos-who/", "isil"),
    "ISIL": ("whos-who/", "isil"),
    "Daesh": ("whos-who/", "isil"),
    "Hezbollah": ("whos-who/", "hezbollah"),
    "Cooper": ("whos-who/", "brad-cooper"),
    "Barrack": ("whos-who/", "tom-barrack"),
}
# "ISIL" is also in the name and aliases of the Global Coalition against ISIL, whose entry comes
# before ISIL's in the page and ties with it on the title; either may be listed first.
ALSO_FIRST = {"ISIL": {"global-coalition"}}

RESULTS = """() => [...document.querySelectorAll('.md-search-result__item')].map(item =>
    [...item.querySelectorAll('a')].map(a => new URL(a.href)).map(u => [u.pathname, u.hash.slice(1)]))"""


def _search(page, query: str) -> list[list[tuple[str, str]]]:
    """Type the query into the search box key by key; the results once they answer the whole query."""
    box = page.locator(".md-search__input")
    box.click()
    box.press_sequentially(query, delay=40)
    # Results carry the query they answer (?h=…): wait for the one for the whole query, not a prefix.
    words = " ".join(w for w in re.split(r"[\s\-]+", query.lower()) if w)
    page.wait_for_function(
        """words => [...document.querySelectorAll('.md-search-result__item a')]
             .some(a => new URL(a.href).searchParams.get('h') === words)""", arg=words)
    return page.evaluate(RESULTS)


@pytest.mark.parametrize("query", list(EXPECTED))
def test_typing_a_name_lists_its_page_first(visit, site_url: str, query: str):
    """Check that typing a name or an alias into the search box lists the expected page first, opening
    at the entity's entry."""
    seen = visit("", viewport={"width": 1280, "height": 900})
    groups = _search(seen.page, query)
    assert groups, f"no result for {query!r}"
    page_path, entry = EXPECTED[query]
    first = groups[0]
    base = "/" + page_path
    assert first[0] == [base, ""], f"{query!r}: first result is {first[0]}, expected {base}"
    entries = [anchor for path, anchor in first[1:] if path == base]
    allowed_before = ALSO_FIRST.get(query, set())
    leading = next(i for i, anchor in enumerate(entries) if anchor not in allowed_before)
    assert entries[leading] == entry, f"{query!r}: entries in order {entries[:4]}, expected {entry} first"
    assert seen.outside == [] and seen.console_errors == []


def test_aliases_find_the_same_entity(visit):
    """Check that ISIL, ISIS and Daesh reach one entry, and al-Sharaa and al-Shara another."""
    seen = visit("", viewport={"width": 1280, "height": 900})
    for aliases, entry in ((("ISIL", "ISIS", "Daesh"), "isil"), (("al-Sharaa", "al-Shara"), "ahmed-al-sharaa")):
        for alias in aliases:
            seen.page.goto(seen.page.url.split("?")[0])
            groups = _search(seen.page, alias)
            anchors = [anchor for path, anchor in groups[0] if path == "/whos-who/" and anchor]
            assert entry in anchors[:2], f"{alias!r} finds {anchors[:4]} in who's who, not {entry}"
