"""The reader's order, in Chromium: the story first and the evidence one click away; citations as numbered
notes that show their source on hover and focus; how current each page is; search without the lists of who
is involved; the 404 page; print; and no commit message on any page a reader reads."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator import pipeline
from tests.browser.server import serve
from tests.helpers import ROOT, mkdocs_build

SITE, _ = pipeline.load(ROOT / "seeds")
TOPICS = [t.id for t in SITE.topics]
PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
# Each topic page's height on a 375 px phone in the previous design, where every fact, quote, event and
# passage came before the questions (measured before the redesign): a page may now be half as tall at most.
FIRST_QUESTION_MAX = 4_000  # px from the top, on a 375 px phone
READING_ORDER = ["Key points", "Where things stand now", "Since the source article", "Questions and answers",
                 "What to watch", "The evidence"]

HEADINGS = """() => [...document.querySelectorAll('article h1, article h2')]
    .map(h => h.textContent.replace(/¶/g, '').trim())"""


def _top(page, selector: str) -> float:
    return page.evaluate("s => document.querySelector(s).getBoundingClientRect().top + scrollY", selector)


@pytest.mark.parametrize("topic", TOPICS)
def test_topic_page_puts_the_story_first_and_the_questions_near_the_top_on_a_phone(visit, topic: str):
    """Check that on a 375 px phone a topic page reads title, how current it is, lead, key points, where things
    stand, since the article, the questions, what to watch, then the evidence folded; that its first question
    is within the first 4,000 px; and that the page is at most half as tall as the same content laid out as it
    was before this design, which showed every record in full (measured here by opening every folded section:
    the page with everything shown is at least twice as tall)."""
    page = visit(f"topics/{topic}/", **PHONE).page
    headings = page.evaluate(HEADINGS)
    assert headings[0] == SITE.topic_by_id[topic].title
    shown = [h for h in headings[1:] if h in READING_ORDER]
    assert shown == [h for h in READING_ORDER if h in shown] and {"Key points", "Questions and answers",
                                                                   "The evidence"} <= set(shown), headings
    assert _top(page, "article .currency") < _top(page, "article #key-points")
    assert page.locator("article .currency").inner_text().startswith("Events tracked to ")
    question = page.locator("#questions-and-answers ~ h3").first
    assert _top(page, "#questions-and-answers ~ h3") < FIRST_QUESTION_MAX, question.inner_text()
    height = page.evaluate("document.documentElement.scrollHeight")
    page.evaluate("document.querySelectorAll('article details').forEach(d => { d.open = true; })")
    everything = page.evaluate("document.documentElement.scrollHeight")
    assert height <= everything / 2, f"{topic}: {height} px on a phone, {everything} px with everything shown"
    page.evaluate("document.querySelectorAll('article details').forEach(d => { d.open = false; })")
    # The evidence is folded, after the questions, and present in the page.
    evidence = page.locator("article .evidence details")
    assert evidence.count() >= 3
    assert all(not d.get_attribute("open") for d in evidence.all())
    assert page.locator("article .evidence .fact").count() == len(SITE.facts_for(SITE.topic_by_id[topic]))


@pytest.mark.parametrize("topic", TOPICS)
def test_evidence_is_in_the_page_without_javascript_and_opens_at_a_link(visit, topic: str):
    """Check that with JavaScript off the folded evidence is in the page and a link to a fact opens its section."""
    fact = SITE.facts_for(SITE.topic_by_id[topic])[0]
    page = visit(f"topics/{topic}/#{fact.id}", java_script_enabled=False, **DESKTOP).page
    assert page.locator(f"#{fact.id}").is_visible()
    assert page.locator("article .evidence .fact").count() == len(SITE.facts_for(SITE.topic_by_id[topic]))


@pytest.mark.parametrize("how", ["hover", "focus"])
def test_a_note_shows_its_source_on_hover_and_focus(visit, how: str):
    """Check that hovering over or focusing a note's number shows its entry of the list of sources: the kind
    of source and who published it."""
    page = visit("topics/sdf/", **DESKTOP).page
    note = page.locator("article sup.ex-ref a").nth(2)
    entry = page.locator(f"#{note.get_attribute('href')[1:]}").text_content()
    getattr(note, how)()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible")
    shown = " ".join(tooltip.inner_text().split())
    assert shown == " ".join(entry.split()).replace(" · ", " ")
    assert re.match(r"^(Source article|Outside source|Official|News agency|Newspaper|Specialist|Regional|Aggregator)",
                    shown), shown


def test_following_a_note_opens_the_list_of_sources_at_its_entry(visit):
    """Check that clicking a note's number opens the folded list of sources and shows the entry."""
    page = visit("topics/us-syria-cooperation/", **PHONE).page
    note = page.locator("article sup.ex-ref a").nth(4)
    target = note.get_attribute("href")
    note.click()
    page.wait_for_function("() => document.getElementById('notes').open")
    assert page.locator(target).is_visible()
    assert page.locator(target).bounding_box()["y"] < 812


def test_one_provenance_marker_per_record_and_no_sources_differ_without_a_difference(visit):
    """Check that each fact and event says "Background" or "From the article" once, and that "Sources differ" is
    said only above two or more different claims, never "as stated above"."""
    for path in ["timeline/", *[f"topics/{t}/" for t in TOPICS]]:
        page = visit(path, **DESKTOP).page
        page.evaluate("document.querySelectorAll('article details').forEach(d => { d.open = true; })")
        records = page.evaluate("""() => [...document.querySelectorAll('article .fact, article li.event')]
            .filter(r => !r.closest('.repeat')).map(r => r.innerText)""")  # not the digests of dates and titles
        for text in records:
            assert text.count("Background") + text.count("From the article") == 1, text
            assert "as stated above" not in text and "as above" not in text, text
        for block in page.locator("article .differ").all():
            claims = block.locator("li").all_inner_texts()
            assert len({c.split(":", 1)[1].strip() for c in claims}) >= 2, claims


@pytest.mark.parametrize("path", ["", *[f"topics/{t}/" for t in TOPICS]], ids=["home", *TOPICS])
def test_home_and_topic_pages_say_how_far_events_are_tracked(visit, path: str):
    """Check that the home page and each topic page open with how far events are tracked and when the fact
    sheet was checked, in words a reader understands."""
    page = visit(path, **PHONE).page
    line = page.locator("article .currency").inner_text()
    assert re.fullmatch(r"Events tracked to (\d{1,2} )?[A-Z][a-z]+ \d{4}; checked \d{1,2} [A-Z][a-z]+ \d{4}\.( .+)?",
                        line), line
    assert _top(page, "article .currency") < _top(page, "article h2")


def test_home_page_tells_the_story_before_the_events(visit):
    """Check that the home page says what happened, why it matters, where things stand and the key points of
    every topic, names its source article in one line, and lists the latest events after them."""
    page = visit("", **DESKTOP).page
    headings = page.evaluate(HEADINGS)
    order = ["What happened", "Why it matters", "Where things stand now", "Key points", "Latest events"]
    assert [h for h in headings if h in order] == order
    assert "Built from one source article, “" in page.locator("article").inner_text()
    for topic in SITE.topics:
        assert page.locator(f"#key-points-{topic.id}").count() == 1
    assert page.title() == "Syria after Assad: an explainer"


def _search(page, query: str) -> list[tuple[str, str, str]]:
    """Type a query into the search box; the results (path, anchor, title) once they answer it."""
    box = page.locator(".md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(query, delay=40)
    words = " ".join(w for w in re.split(r"[\s\-]+", query.lower()) if w)
    page.wait_for_function("""words => [...document.querySelectorAll('.md-search-result__item a')]
        .some(a => new URL(a.href).searchParams.get('h') === words)""", arg=words)
    return page.evaluate("""() => [...document.querySelectorAll('.md-search-result__item a')].map(a => {
        const u = new URL(a.href), t = a.querySelector('h1, h2');
        return [u.pathname, u.hash.slice(1), t ? t.textContent.trim() : '']; })""")


def test_search_leaves_out_who_is_involved(visit, seed_site: Path):
    """Check that a word found on a topic page only in its list of who is involved (an actor's role) finds
    that actor's entry, and never the topic page."""
    index = json.loads((seed_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    indexed = {w.lower() for d in index["docs"] if d["location"].startswith("topics/")
               for w in re.findall(r"[A-Za-z]+", re.sub(r"<[^>]+>", " ", d["title"] + " " + d["text"]))}
    topic = SITE.topic_by_id["us-syria-cooperation"]
    markup = (seed_site / "topics" / topic.id / "index.html").read_text(encoding="utf-8")
    people = markup[markup.index('id="evidence-people"'):]
    words = sorted({w for e in SITE.entities_for(topic) if e.role for w in re.findall(r"[A-Za-z]{7,}", e.role)
                    if w.lower() not in indexed and w in people})
    assert words, "no word of the roles is left to search for"
    page = visit("", **DESKTOP).page
    for word in words[:3]:
        found = _search(page, word)
        assert [p for p, _, _ in found if p == "/whos-who/"], (word, found)
        assert not [p for p, _, _ in found if p.startswith("/topics/")], (word, found)


def test_a_search_result_shows_the_records_own_title(visit):
    """Check that an event found on the timeline is shown under its own date and title, not its year."""
    page = visit("", **DESKTOP).page
    event = next(e for e in reversed(SITE.events) if len(e.title.split()) >= 3)
    word = max(re.findall(r"[A-Za-z]{5,}", event.title), key=len)
    found = _search(page, word)
    titles = [t for p, anchor, t in found if p == "/timeline/" and anchor == event.id]
    assert titles and event.title in titles[0], (word, found)


def test_timeline_puts_a_month_known_only_to_the_month_after_its_days(visit):
    """Check that on the timeline an event dated only to a month comes after the events on days of that month."""
    page = visit("timeline/", **DESKTOP).page
    order = page.evaluate("() => [...document.querySelectorAll('article h3.event-title')].map(h => h.id)")
    dated = {e.id: e.date for e in SITE.events}
    for month in {d[:7] for d in dated.values() if len(d) == 7}:
        days = [order.index(i) for i, d in dated.items() if len(d) == 10 and d.startswith(month)]
        months = [order.index(i) for i, d in dated.items() if d == month]
        assert not days or min(months) > max(days), month


def test_quotations_are_left_aligned_in_full_colour(visit):
    """Check that quotations are left-aligned and in the text's own colour, not Material's dimmed grey."""
    page = visit("quotes/", **DESKTOP).page
    styles = page.evaluate("""() => [...document.querySelectorAll('article figure.quote blockquote')].map(q => {
        const s = getComputedStyle(q), body = getComputedStyle(q.closest('article'));
        return [s.textAlign, s.color === body.color, q.getBoundingClientRect().left]; })""")
    assert styles and all(a in ("left", "start") and same for a, same, _ in styles), styles
    assert len({round(left) for _, _, left in styles}) == 1  # one left edge


def test_glossary_terms_are_not_underlined_in_headings_and_links(visit):
    """Check that a glossary term inside a heading or a link has no dotted line of its own."""
    page = visit("topics/post-assad-syria/", **DESKTOP).page
    lines = page.evaluate("""() => [...document.querySelectorAll('article :is(h1, h2, h3, a) abbr')]
        .map(a => getComputedStyle(a).borderBottomStyle + ' ' + getComputedStyle(a).textDecorationLine)""")
    assert lines and all(line == "none none" for line in lines), lines


def test_the_404_page_offers_search_and_the_topics(visit):
    """Check that the 404 page links every topic and has a search form that opens the site's search."""
    page = visit("404.html", **DESKTOP).page
    links = page.locator("article a").all()
    titles = [a.inner_text() for a in links]
    assert all(t.title in titles for t in SITE.topics), titles
    page.locator("#ex-q").fill("Raqqa")
    page.locator(".ex-search-404 button").click()
    page.wait_for_function("() => document.querySelector('.md-search__input')?.value === 'Raqqa'")
    page.wait_for_selector(".md-search-result__item")


def test_a_topic_page_prints_cleanly(visit):
    """Check that printed, a topic page shows no header, tabs or navigation, opens its folded sections, and
    writes each outside address after its link."""
    page = visit("topics/sdf/", **DESKTOP).page
    page.emulate_media(media="print")
    try:
        for furniture in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer"):
            assert all(not e.is_visible() for e in page.locator(furniture).all()), furniture
        assert page.locator("article .evidence .fact").first.is_visible()
        assert page.locator("#notes li").first.is_visible()
        after = page.evaluate("""() => getComputedStyle(document.querySelector('#notes a[href^="http"]'), '::after')
            .content""")
        assert after.startswith('" (http'), after
    finally:
        page.emulate_media(media="screen")


@pytest.mark.parametrize("path", ["", "topics/sdf/", "whos-who/"], ids=["home", "topic", "whos-who"])
def test_pages_carry_share_cards_without_pictures(visit, path: str):
    """Check that a page has Open Graph and Twitter card tags with its own title and description, no picture
    to fetch, and a <title> that names the site once."""
    page = visit(path, **DESKTOP).page
    meta = page.evaluate("""() => Object.fromEntries(
        [...document.querySelectorAll('meta[property^="og:"], meta[name^="twitter:"]')]
        .map(m => [m.getAttribute('property') || m.getAttribute('name'), m.content]))""")
    assert meta["og:title"] and meta["og:description"] and meta["twitter:card"] == "summary"
    assert meta["twitter:title"] == meta["og:title"]
    assert not [k for k in meta if "image" in k]
    assert page.title().count("Syria after Assad: an explainer") == 1


# -- no commit message on a reader's page: a project whose fact sheet has a git history ---------------------


@pytest.fixture(scope="module")
def history_site(tmp_path_factory: pytest.TempPathFactory):
    from tests.test_history import TODAY, make_repo

    project = make_repo(tmp_path_factory.mktemp("reader-history") / "project")
    result = mkdocs_build(project, **TODAY)
    assert result.returncode == 0, result.stderr
    with serve(project / "site") as url:
        yield project / "site", url


def test_no_commit_message_on_a_readers_page(history_site, browser):
    """Check in Chromium that no page but the editors' change log shows a commit's message or author."""
    from tests.test_history import EVIL_AUTHOR, EVIL_SUBJECT

    site, url = history_site
    subjects = ["Start the fact sheet", "Broken edit", "Drop the notice; add the spring talks", EVIL_SUBJECT]
    context = browser.new_context(**DESKTOP)
    try:
        page = context.new_page()
        checked = 0
        for html in sorted(site.rglob("index.html")):
            path = html.parent.relative_to(site).as_posix()
            page.goto(url + ("" if path == "." else path + "/"))
            page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
            text = page.locator("article").inner_text()
            found = [s for s in (*subjects, EVIL_AUTHOR) if s in text]
            if path == "changes":
                assert len(found) == len(subjects) + 1
            else:
                assert found == [], path
                checked += 1
        assert checked > 10
    finally:
        context.close()
