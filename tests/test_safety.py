"""Safe output: hostile strings in the fact sheet and an article show as text and never run."""

from __future__ import annotations

import functools
import http.server
import threading
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.helpers import CASES, make_project, mkdocs_build

HOSTILE = CASES / "hostile" / "seeds"

@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("hostile") / "p", HOSTILE)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


class Audit(HTMLParser):
    """Collects everything in a page that could run: scripts, handlers, javascript: URLs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []
        self.in_script = False
        self.in_title = False
        self.title = ""

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            # JSON-LD is data, never run: it may carry hostile text, escaped so it cannot close the tag.
            self.in_script = dict(attrs).get("type") != "application/ld+json"
        if tag == "title":
            self.in_title = True
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.findings.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action", "formaction") and value.strip().lower().startswith("javascript:"):
                self.findings.append(f"<{tag} {name}={value}>")
        if tag in ("iframe", "img", "svg", "style") and any("alert" in (v or "") for _, v in attrs):
            self.findings.append(f"<{tag}> from input")
        if tag in ("iframe", "b", "style"):
            self.findings.append(f"<{tag}> element from input")

    def handle_endtag(self, tag):
        self.in_script = self.in_script and tag != "script"
        self.in_title = self.in_title and tag != "title"

    def handle_data(self, data):
        if self.in_script and "alert(" in data:
            self.findings.append(f"script containing {data[:60]!r}")
        if self.in_title:
            self.title += data


def test_hostile_strings_never_become_markup(hostile_site):
    """Check that no page holds a script, handler, javascript: link or element that came from the inputs."""
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 8
    for page in pages:
        audit = Audit()
        audit.feed(page.read_text(encoding="utf-8"))
        assert audit.findings == [], page


def test_hostile_strings_still_show_as_text(hostile_site):
    """Check that a reader sees the hostile text literally, e.g. the topic title and the page tab."""
    topic = (hostile_site / "topics" / "hostile-topic" / "index.html").read_text(encoding="utf-8")
    assert "Topic &lt;script&gt;alert('topic')&lt;/script&gt;" in topic
    for field in ("lead", "update", "watched"):  # the topic's own texts, an update note, an answered watch item
        assert f"&lt;script&gt;alert('{field}')&lt;/script&gt;" in topic, field
    audit = Audit()
    audit.feed(topic)
    assert audit.title.startswith("Topic <script>alert('topic')</script> - ")
    article = (hostile_site / "articles" / "hostile-report" / "index.html").read_text(encoding="utf-8")
    assert "[clicked](javascript:alert('p1link'))" in article


def test_no_hostile_script_runs_in_a_browser(hostile_site, browser):
    """Check in Chromium that loading every page and hovering its links and terms, folded sections opened,
    opens no alert dialog."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(hostile_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    dialogs: list[str] = []
    try:
        context = browser.new_context()  # the session's one browser (tests/conftest.py)
        page = context.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        base = f"http://127.0.0.1:{server.server_port}/"
        for html_file in sorted(hostile_site.rglob("index.html")):
            path = html_file.parent.relative_to(hostile_site).as_posix()
            page.goto(base + ("" if path == "." else path + "/"))
            page.wait_for_load_state("load")
            page.evaluate("document.querySelectorAll('article details').forEach(d => { d.open = true; })")
            for link in page.locator("article a, article b, article abbr").filter(visible=True).all()[:40]:
                link.hover(timeout=2000)
        context.close()
    finally:
        server.shutdown()
    assert dialogs == []
