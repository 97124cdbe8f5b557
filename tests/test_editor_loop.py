"""The editor's loop on real builds: nothing lost on error, no clobbering, deterministic output, live preview."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.run import fetch, free_port
from tests.helpers import CASES, make_project, mkdocs_build, tree_bytes

BASIC = CASES / "basic" / "seeds"


def break_sheet(project: Path) -> None:
    sheet = project / "seeds" / "factsheet.yaml"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("topics: [accord]", "topics: [acord]", 1),
                     encoding="utf-8")


def test_failed_build_leaves_previous_site_byte_identical(tmp_path):
    """Check that a broken fact sheet stops `mkdocs build` with file:line and the old site untouched."""
    project = make_project(tmp_path / "p", BASIC)
    assert mkdocs_build(project).returncode == 0
    before = tree_bytes(project / "site")
    break_sheet(project)
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert ("seeds/factsheet.yaml:36: events[accord-signed].topics[0]: no topic with id 'acord' (did you mean "
            "'accord'?)") in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_bytes(project / "site") == before


def test_generated_page_never_overwrites_a_hand_written_one(tmp_path):
    """Check that a hand-written docs/timeline.md stops the build with a message naming both pages."""
    project = make_project(tmp_path / "p", BASIC)
    (project / "docs" / "timeline.md").write_text("# My own timeline\n", encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert "docs/timeline.md: this hand-written page has the same path as the generated page timeline.md" \
        in result.stderr
    assert (project / "docs" / "timeline.md").read_text(encoding="utf-8") == "# My own timeline\n"


def test_two_builds_are_byte_identical(tmp_path):
    """Check that the same inputs built in two places give identical site folders, sitemap included."""
    first = make_project(tmp_path / "a", BASIC)
    second = make_project(tmp_path / "b", BASIC)
    assert mkdocs_build(first, SITE_URL="https://explainer.test/").returncode == 0
    assert mkdocs_build(second, SITE_URL="https://explainer.test/").returncode == 0
    one, two = tree_bytes(first / "site"), tree_bytes(second / "site")
    assert one.keys() == two.keys()
    assert [k for k in one if one[k] != two[k]] == []
    assert b"<lastmod>2026-01-15</lastmod>" in one["sitemap.xml"]


def wait_for(predicate, limit: float = 60.0) -> bool:
    """Poll until `predicate()` holds; the limit only stops a hung test, it asserts no speed."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def test_serve_keeps_last_good_site_and_recovers(tmp_path):
    """Check that `mkdocs serve` prints the error, keeps serving the last good page, and shows the fix."""
    project = make_project(tmp_path / "p", BASIC)
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=project, stdout=log, stderr=subprocess.STDOUT,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    sheet = project / "seeds" / "factsheet.yaml"
    url = f"http://127.0.0.1:{port}/topics/accord/"
    try:
        assert wait_for(lambda: "covers 12 border posts, according" in fetch(url))
        break_sheet(project)
        assert wait_for(lambda: "no topic with id 'acord'" in (tmp_path / "serve.log").read_text())
        assert "covers 12 border posts, according" in fetch(url)
        text = sheet.read_text(encoding="utf-8").replace("topics: [acord]", "topics: [accord]", 1)
        sheet.write_text(text.replace("covers 12 border posts, according", "covers twelve posts, according"),
                         encoding="utf-8")
        assert wait_for(lambda: "covers twelve posts, according" in fetch(url))
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def _server(tmp_path: Path):
    from mkdocs.livereload import LiveReloadServer

    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    (tmp_path / "seeds").mkdir()
    server.watch(str(tmp_path / "seeds"))
    return server


def test_serve_listens_to_file_events_for_the_same_folders(tmp_path, caplog):
    """Check that the adapter moves every watched folder from MkDocs' polling observer to file events."""
    from watchdog.observers.polling import PollingObserver

    from generator.mkdocs_adapter import watch

    server = _server(tmp_path)
    server.watch(str(tmp_path / "seeds"))  # asked for twice: unwatching once must leave it watched
    assert isinstance(server.observer, PollingObserver)
    assert watch.use_file_events(server, logging.getLogger("test"))
    assert not isinstance(server.observer, PollingObserver)
    assert server._watched_paths == {str(tmp_path / "seeds"): 2}
    assert caplog.records == []


def test_serve_keeps_polling_when_file_events_cannot_be_had(tmp_path, monkeypatch, caplog):
    """Check that when the system refuses file events (say, its inotify limit is reached) the server
    keeps MkDocs' polling observer instead of failing, and says so once."""
    from watchdog.observers.polling import PollingObserver

    from generator.mkdocs_adapter import watch

    def refuse(paths):
        raise OSError(28, "inotify watch limit reached")

    monkeypatch.setattr(watch, "_try_watching", refuse)
    server = _server(tmp_path)
    with caplog.at_level(logging.INFO):
        assert not watch.use_file_events(server, logging.getLogger("test"))
    assert isinstance(server.observer, PollingObserver)
    assert list(server._watched_paths) == [str(tmp_path / "seeds")]
    assert [r.getMessage() for r in caplog.records] == [
        "file events unavailable ([Errno 28] inotify watch limit reached); MkDocs keeps polling every half second"]


def test_serve_keeps_polling_under_a_version_it_was_not_written_for(tmp_path, caplog):
    """Check that the private attributes are touched only under the versions they were read in: under
    another, the server keeps its polling observer, and the log says why."""
    from watchdog.observers.polling import PollingObserver

    from generator.mkdocs_adapter import watch

    server = _server(tmp_path)
    with caplog.at_level(logging.INFO):
        assert not watch.use_file_events(server, logging.getLogger("test"), version=("mkdocs", "2.0.0"))
    assert isinstance(server.observer, PollingObserver)
    assert [r.getMessage() for r in caplog.records] == [
        "mkdocs 2.0.0 is not a version this was written for; MkDocs keeps polling every half second"]
    del server._watch_refs
    assert watch.unsupported(server) == "the live-reload server has no _watch_refs"


def test_banner_escapes_every_message_and_goes_first_in_the_content():
    """Check that the banner of a rejected save is an alert whose messages are escaped HTML, placed first
    in the page's content, and worded for a last good version or for none yet."""
    from generator.errors import Problem
    from generator.mkdocs_adapter.banner import inject

    problems = [Problem("seeds/factsheet.yaml", 7, "facts[x].statement", "<script>alert(1)</script> & co", "fix")]
    page = '<html><body><header>h</header><article class="md-content__inner">text</article></body></html>'
    shown = inject(page, problems, last_good=True)
    assert shown.index('role="alert"') > shown.index("<article")
    assert "<script>alert(1)" not in shown
    assert ("<li><code>seeds/factsheet.yaml:7</code> facts[x].statement: &lt;script&gt;alert(1)&lt;/script&gt; "
            "&amp; co (fix)</li>") in shown
    assert "You are seeing the last good version." in shown
    assert "The explainer could not be built." in inject(page, problems, last_good=False)


def test_a_build_never_carries_the_banner(tmp_path):
    """Check that `mkdocs build` fails on a broken sheet instead of publishing a banner, and that a good
    build has none."""
    project = make_project(tmp_path / "p", BASIC)
    assert mkdocs_build(project).returncode == 0
    assert not any("explainer-error" in p.read_text(encoding="utf-8") for p in (project / "site").rglob("*.html"))
