"""Ranked and conflicting sources, and text-fragment links to outside pages.

In tests/cases/provenance, fact `boats` cites the article (normal, "40 boats."), a preferred
web source ("About 35 boats.") and a deprecated one ("400 boats."); fact `harbour-notice`
cites a web page with a `quote:` full of characters a text directive must encode.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import escape, notes, pipeline
from generator.errors import InputError
from generator.schema import Citation
from tests.helpers import CASES, fact_div, make_project, mkdocs_build, note_targets, visible

PROVENANCE = CASES / "provenance" / "seeds"


@pytest.fixture(scope="module")
def topic_page(tmp_path_factory: pytest.TempPathFactory) -> str:
    project = make_project(tmp_path_factory.mktemp("sources") / "project", PROVENANCE)
    result = mkdocs_build(project, EXPLAINER_TODAY="2026-02-15")
    assert result.returncode == 0, result.stderr
    return (project / "site" / "topics" / "talks" / "index.html").read_text(encoding="utf-8")


def test_disagreement_is_shown_with_every_claim(topic_page: str):
    """Check that "Sources differ" lists every source's own claim, not just the preferred one."""
    text = visible(fact_div(topic_page, "boats"))
    assert "Sources differ:" in text
    for claim in ("About 35 boats.", "40 boats.", "400 boats."):
        assert claim in text


def test_preferred_first_and_deprecated_marked(topic_page: str):
    """Check the order preferred → normal → deprecated, and a visible badge on the preferred and deprecated ones."""
    text = visible(fact_div(topic_page, "boats"))
    monitor = text.index("Harbour Monitor")
    article = text.index("The source article")
    rumours = text.index("Rumour Mill")
    assert monitor < article < rumours
    assert text[monitor:article].count("Preferred") == 1
    assert "Deprecated source: 400 boats." in text[rumours:]
    assert "Preferred: About 35 boats." in text[monitor:article]
    assert "Deprecated" not in text[:rumours]
    block = fact_div(topic_page, "boats")
    assert '<span class="badge badge-deprecated"' in block
    assert '<span class="badge badge-preferred"' in block


def test_each_differing_source_has_its_own_note(topic_page: str):
    """Check that where sources differ, each claim carries the note of its own source, and no note follows the
    statement itself (the sources do not agree on it)."""
    block = fact_div(topic_page, "boats")
    statement = block[:block.index("Sources differ")]
    assert "footnote-ref" not in statement
    assert note_targets(topic_page, block) == [
        "https://example.org/monitor", "../../articles/harbour-talks/#p2", "https://example.org/rumours"]


def test_ranking_sources_that_do_not_conflict_is_refused():
    """Check that `rank:` is refused on a record whose sources make no differing claims: a rank orders
    conflicting sources, and sources that agree are corroboration, never "deprecated"."""
    sheet = (PROVENANCE / "factsheet.yaml").read_text(encoding="utf-8")
    edited = sheet.replace("        claim: 40 boats.\n", "").replace("        claim: 400 boats.\n", "") \
        .replace("        claim: About 35 boats.\n", "")
    assert edited.count("claim:") == 0
    with pytest.raises(InputError) as refused:
        _render_with(edited)
    assert [p.message for p in refused.value.problems] == ["`rank:` on a record whose sources do not conflict"]


def test_sources_that_agree_are_shown_as_corroboration():
    """Check that sources with no differing claim are shown as "also reported by", never as a disagreement,
    and that the first source's note follows the statement."""
    sheet = (PROVENANCE / "factsheet.yaml").read_text(encoding="utf-8")
    edited = sheet
    for line in ("        claim: 40 boats.\n", "        claim: 400 boats.\n", "        claim: About 35 boats.\n",
                 "        rank: deprecated\n", "        rank: preferred\n"):
        edited = edited.replace(line, "", 1)
    assert "claim:" not in edited and "rank:" not in edited
    page = _render_with(edited)["topics/talks.md"]
    block = page[page.index('id="boats"'):page.index('id="harbour-notice"')]
    assert "Sources differ" not in block
    also = next(line for line in block.splitlines() if line.startswith('<p class="also"'))
    assert visible(also).startswith("Also reported by")
    assert "Rumour Mill" in also and "Harbour Monitor" in also
    assert "Deprecated source" not in also


def test_event_disagreement_is_shown():
    """Check that an event whose sources differ shows each source's claim on the timeline."""
    sheet = (PROVENANCE / "factsheet.yaml").read_text(encoding="utf-8")
    edited = sheet.replace(
        "    cite: [{source: report, paragraph: p1}]\nfacts:",
        "    cite:\n      - {source: report, paragraph: p1, claim: On Monday.}\n"
        "      - {source: rumour-mill, rank: deprecated, claim: On Sunday.}\nfacts:")
    assert edited != sheet
    timeline = _render_with(edited)["timeline.md"]
    start = timeline.index('id="delegates-met"')
    item = visible(timeline[start:timeline.index("</li>\n</ul>", start)])
    assert "Sources differ:" in item
    assert item.index("On Monday.") < item.index("Rumour Mill") < item.index("On Sunday.")
    assert "Deprecated source" in item


def _render_with(sheet_text: str) -> dict[str, str]:
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        seeds = Path(folder) / "seeds"
        shutil.copytree(PROVENANCE, seeds)
        (seeds / "factsheet.yaml").write_text(sheet_text, encoding="utf-8")
        return pipeline.build(seeds).pages


# -- text fragments ------------------------------------------------------------------------

def test_text_fragment_percent_encodes_dash_comma_ampersand():
    """Check the spec's rule: '-', ',' and '&' are percent-encoded in a text directive, spaces as %20."""
    assert escape.text_fragment("harbour-side talks, US-led & open-ended") == \
        ":~:text=harbour%2Dside%20talks%2C%20US%2Dled%20%26%20open%2Dended"


def test_text_fragment_encodes_utf8_and_collapses_spaces():
    """Check that curly quotes and dashes are UTF-8 percent-encoded and runs of spaces become one."""
    assert escape.text_fragment("“foster\n  cooperation”—now") == \
        ":~:text=%E2%80%9Cfoster%20cooperation%E2%80%9D%E2%80%94now"


def test_long_quote_uses_start_and_end():
    """Check that a long passage becomes textStart,textEnd (first and last four words), each encoded."""
    quote = "one two three four five six seven eight nine ten-eleven"
    assert escape.text_fragment(quote) == \
        ":~:text=one%20two%20three%20four,seven%20eight%20nine%20ten%2Deleven"


def test_citation_link_carries_the_text_fragment(topic_page: str):
    """Check the built link: the page's own query kept, then `#:~:text=` with the encoded quote."""
    assert ('href="https://example.org/notice?lang=en#:~:text=harbour%2Dside%20talks%2C%20US%2Dled%20%26%20'
            'open%2Dended"') in topic_page


def test_existing_fragment_is_kept_and_article_links_have_none(topic_page: str):
    """Check that `#section` becomes `#section:~:text=…`, and that article notes link to the paragraph."""
    site, _ = pipeline.load(PROVENANCE)
    web = site.resolve(Citation(source="monitor", quote="About 35"))
    object.__setattr__(web.source, "url", "https://example.org/monitor#latest")  # frozen record, test only
    try:
        assert notes.address(web) == "https://example.org/monitor#latest:~:text=About%2035"
    finally:
        object.__setattr__(web.source, "url", "https://example.org/monitor")
    article = site.resolve(Citation(source="report", paragraph="p2", quote="Critics disagreed."))
    assert notes.address(article) == ""
    critics = fact_div(topic_page, "critics")
    assert note_targets(topic_page, critics) == ["../../articles/harbour-talks/#p2"]


def test_each_note_says_what_kind_of_source_it_is(topic_page: str):
    """Check that the page's list of sources gives each entry's kind (the source article, or the category the
    fact sheet gives an outside source), its publisher and date, and names the article in full only once."""
    import re

    entries = re.findall(r'<li id="note-(\d+)"><p><span class="kind">([^<]+)</span>(.*?)</p></li>', topic_page)
    kinds = {kind for _, kind, _ in entries}
    assert kinds == {"Source article", "Regional outlet"}
    monitor = next(visible(rest) for _, kind, rest in entries if "Harbour Monitor" in rest)
    assert monitor == "Harbour Monitor, 20 January 2026."
    assert sum("Field Report on the Harbour Talks" in rest for _, _, rest in entries) == 1
