"""End to end: the real seeds built by real MkDocs, read as a reader would read the pages."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import yaml

from tests.helpers import ROOT, fact_div, note_targets, visible

ARTICLE = "us-general-cooper-syria-isil"


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8") if path else \
        (site / "index.html").read_text(encoding="utf-8")


def main_text(markup: str) -> str:
    """The visible text of the page's article element, tags removed, entities decoded."""
    body = markup.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
    body = re.sub(r"<script.*?</script>", " ", body, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def sheet() -> dict:
    return yaml.safe_load((ROOT / "seeds" / "factsheet.yaml").read_text(encoding="utf-8"))


def test_every_page_is_built(seed_site):
    """Check that the home, topic, reference, article and about pages all exist."""
    topics = [t["id"] for t in sheet()["topics"]]
    assert topics == ["post-assad-syria", "us-syria-cooperation", "sdf"]
    expected = ["", "topics", *[f"topics/{t}" for t in topics], "timeline", "whos-who", "glossary",
                "figures", "quotes", "articles", f"articles/{ARTICLE}", "about", "reference/factsheet"]
    for path in expected:
        assert (seed_site / path / "index.html").is_file() if path else (seed_site / "index.html").is_file(), path


def test_article_page_has_every_paragraph_anchor_and_no_boilerplate(seed_site):
    """Check that ¶1–¶12 are anchored, curly quotes kept, and the comment form left out of the paragraphs
    and named, once, in the note on what this copy leaves out, which search does not index."""
    markup = page(seed_site, f"articles/{ARTICLE}")
    for n in range(1, 13):
        assert f'id="p{n}"' in markup
    assert 'id="p13"' not in markup
    text = main_text(markup)
    assert "“We have now had multiple instances of collaboration" in text
    paragraphs = " ".join(re.findall(r'<p class="para".*?</p>', markup, re.S))
    assert "Leave a Reply" not in paragraphs and "Your email address" not in paragraphs
    assert text.endswith("Left out of this copy: “Leave a Reply” (comment form); “Your email address will not be "
                         "published. Required fields are marked *” (comment form).")
    assert text.count("Leave a Reply") == 1
    index = json.loads((seed_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not any("Leave a Reply" in doc["text"] for doc in index["docs"])


def test_article_page_links_entity_names_to_whos_who(seed_site):
    """Check that entity names in the article link to their who's-who entries."""
    markup = page(seed_site, f"articles/{ARTICLE}")
    assert re.search(r'<a href="../../whos-who/#brad-cooper">Brad Cooper</a>', markup)


def test_each_quote_is_verbatim_and_cited_on_its_topic_pages(seed_site):
    """Check that every quote of the fact sheet appears word for word with a link to its source: the
    article's paragraph for Cooper's words in the article, the outside page for words quoted from the web."""
    data = sheet()
    urls = {s["id"]: s.get("url") for s in data["sources"]}
    from_article = [q for q in data["quotes"] if "paragraph" in q["cite"]]
    from_web = [q for q in data["quotes"] if "paragraph" not in q["cite"]]
    assert len(from_article) == 5 and len(from_web) == 11
    assert len({q["speaker"] for q in data["quotes"]}) > 5, "quotes from several actors, not only Cooper"
    for quote in data["quotes"]:
        paragraph = quote["cite"].get("paragraph")
        for topic in quote["topics"]:
            markup = page(seed_site, f"topics/{topic}")
            # Spaces aside: main_text puts a space where a tag was, as in "counter-<abbr>ISIS</abbr>".
            assert "".join(quote["text"].split()) in "".join(main_text(markup).split()), (quote["id"], topic)
            if paragraph:
                assert f'href="../../articles/{ARTICLE}/#{paragraph}"' in markup
            else:
                assert f'href="{html.escape(urls[quote["cite"]["source"]])}' in markup, (quote["id"], topic)


def test_article_figures_are_verbatim_and_cited_on_their_topic_pages(seed_site):
    """Check that more than 15 sites (CENTCOM's figure, beside the article's 15), over 130 mortars and rockets
    and about 2,000 troops appear with their article paragraph."""
    data = sheet()
    wanted = {"more than 15": "p4", "over 130": "p4", "approximately 2,000": "p9"}
    found = {}
    for fact in data["facts"]:
        figure = fact.get("figure")
        if not figure or figure["text"] not in wanted:
            continue
        for topic in fact["topics"]:
            markup = page(seed_site, f"topics/{topic}")
            block = markup.split(f'id="{fact["id"]}"', 1)[1].split("</div>", 1)[0]
            assert figure["text"] in main_text('<article class="md-content__inner md-typeset">' + block
                                               + "</article>")
            assert f'../../articles/{ARTICLE}/#{wanted[figure["text"]]}' in note_targets(markup, block)
            found[figure["text"]] = topic
    assert set(found) == set(wanted)


def test_background_facts_are_marked_once_and_their_notes_link_out(seed_site):
    """Check that a background fact carries one Background badge and notes that lead to outside pages, and
    an article fact one "From the article" badge and a note that leads to its paragraph."""
    markup = page(seed_site, "topics/sdf")
    background, article = fact_div(markup, "sdf-composition"), fact_div(markup, "sdf-government-clashes")
    assert visible(background).count("Background") == 1 and "From the article" not in visible(background)
    assert all(t.startswith(("https://", "http://")) for t in note_targets(markup, background))
    assert visible(article).count("From the article") == 1 and "Background" not in visible(article)
    assert f"../../articles/{ARTICLE}/#p6" in note_targets(markup, article)


def test_every_citation_link_reaches_an_existing_paragraph(seed_site):
    """Check that each link into an article page points at a paragraph id that exists."""
    article = page(seed_site, f"articles/{ARTICLE}")
    anchors = set(re.findall(r'id="(p\d+)"', article))
    for html_file in seed_site.rglob("*.html"):
        for target in re.findall(rf'href="[./]*articles/{ARTICLE}/#(p\d+)"', html_file.read_text(encoding="utf-8")):
            assert target in anchors, (html_file, target)


def test_search_index_finds_names_on_the_right_pages(seed_site):
    """Check that the search index splits "(SDF)" and holds names and aliases on the expected pages."""
    index = json.loads((seed_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    separator = index["config"]["separator"]
    assert re.split(separator, "(SDF)") .count("SDF") == 1

    def pages_with(word: str) -> set[str]:
        return {d["location"].split("#")[0] for d in index["docs"] if re.search(rf"\b{re.escape(word)}\b", d["text"])}

    assert "whos-who/" in pages_with("Daesh")
    assert "topics/sdf/" in pages_with("SDF")
    assert "whos-who/" in pages_with("al-Shara")
    for word in ("ISIS", "Hezbollah", "Cooper", "al-Sharaa"):
        assert f"articles/{ARTICLE}/" in pages_with(word), word


def test_no_page_loads_anything_from_another_host(seed_site):
    """Check that no built page references a script, style or font on an outside host."""
    for html_file in seed_site.rglob("*.html"):
        markup = html_file.read_text(encoding="utf-8")
        assert not re.search(r'<(script|link)[^>]+(src|href)="(https?:)?//', markup), html_file
        assert "fonts.googleapis" not in markup and "fonts.gstatic" not in markup


def test_bibliography_lists_every_source_with_its_kind_address_and_citing_records(seed_site):
    """Check that the bibliography has an entry for every source, saying what kind it is, with its address and
    date where known, and links to the records that cite it."""
    data = sheet()
    markup = page(seed_site, "bibliography")
    for source in data["sources"]:
        match = re.search(r'<li id="' + source["id"] + r'">(.*?)</li>', markup, re.S)
        assert match, source["id"]
        entry = match.group(1)
        assert '<span class="kind">' in entry
        if source.get("url"):
            assert f'href="{html.escape(source["url"])}"' in entry or source["url"] in html.unescape(entry)
        if source.get("date") is None and source["kind"] == "web":
            assert "undated" in visible(entry)
    reuters = visible(re.search(r'<li id="reuters-2015-10-12">(.*?)</li>', markup, re.S).group(1))
    assert "Event: Syrian Democratic Forces formed" in reuters
    assert "Topic: The Syrian Democratic Forces (SDF)" in reuters
    article = re.search(r'<li id="cooper-mei-article">(.*?)</li>', markup, re.S).group(1)
    assert f'href="../articles/{ARTICLE}/"' in article and "Fact: " in visible(article)
