"""Change history: each fact's history from git, the change log for editors, and builds without git.

A throwaway repository holds four versions of the provenance fixture's fact sheet, committed
with fixed dates: the start; a reworded fact by an author and message full of markup; a broken
file; a fix that removes one fact and adds another.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import history, pipeline
from generator.render import render_site
from tests.helpers import CASES, make_project, mkdocs_build, run

PROVENANCE = CASES / "provenance" / "seeds"
TODAY = {"EXPLAINER_TODAY": "2026-02-15"}
EVIL_AUTHOR = "Eve *Mallory* [x](javascript:alert(1)) & co"  # git itself drops < and > from names
EVIL_SUBJECT = "Reword [x](javascript:alert(1)) <img src=x onerror=alert(2)> *critics*"
NEW_FACT = """  - id: talks-resume
    statement: Observers expect the talks to resume in spring, the report says.
    topics: [talks]
    as_of: 2026-02
    cite:
      - source: report
        paragraph: p3
quotes:
"""


def git(project: Path, *args: str, when: str = "2026-01-10T12:00:00+00:00", author: str = "Ann Editor"):
    env = {**os.environ, "GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": "ed@example.org",
           "GIT_COMMITTER_NAME": author, "GIT_COMMITTER_EMAIL": "ed@example.org",
           "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", *args], cwd=project, env=env, check=True, capture_output=True)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def make_repo(where: Path) -> Path:
    project = make_project(where, PROVENANCE)
    sheet = project / "seeds" / "factsheet.yaml"
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "seeds")
    git(project, "commit", "-q", "-m", "Start the fact sheet", when="2026-01-10T12:00:00+00:00")
    edit(sheet, "statement: The report says critics disagreed, and the port's commander called the plan premature.",
         "statement: The report says critics disagreed with the plan.")
    edit(sheet, "    as_of: 2026-01\n    review_after: 2026-03", "    as_of: 2026-02\n    review_after: 2026-03")
    git(project, "commit", "-q", "-am", EVIL_SUBJECT, when="2026-02-01T09:00:00+00:00", author=EVIL_AUTHOR)
    good = sheet.read_text(encoding="utf-8")
    sheet.write_text(good + "facts: [\n", encoding="utf-8")
    git(project, "commit", "-q", "-am", "Broken edit", when="2026-02-02T09:00:00+00:00")
    sheet.write_text(good, encoding="utf-8")
    start = good.index("  - id: harbour-notice")
    good = good[:start] + good[good.index("quotes:\n"):]
    sheet.write_text(good.replace("quotes:\n", NEW_FACT, 1), encoding="utf-8")
    git(project, "commit", "-q", "-am", "Drop the notice; add the spring talks", when="2026-02-03T09:00:00+00:00")
    return project


def content(page: Path) -> str:
    body = page.read_text(encoding="utf-8")
    return body[body.index('<article class="md-content__inner'):body.index("</article>")]


def visible(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


@pytest.fixture(scope="module")
def repo_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_repo(tmp_path_factory.mktemp("history") / "project")
    result = mkdocs_build(project, **TODAY)
    assert result.returncode == 0, result.stderr
    return project


def short(project: Path, rev: str) -> str:
    out = subprocess.run(["git", "rev-parse", rev], cwd=project, capture_output=True, text=True, check=True)
    return out.stdout.strip()[:12]


def test_changes_page_lists_commits_newest_first(repo_build: Path):
    """Check that the change log lists each commit with its date and what it did to each fact."""
    text = visible(content(repo_build / "site" / "changes" / "index.html"))
    assert "Read from seeds/factsheet.yaml: 4 commits that changed it (at most the last 200 are read)." in text
    order = [text.index(s) for s in ("3 February 2026: Drop the notice; add the spring talks",
                                     "2 February 2026: Broken edit", "1 February 2026: Reword",
                                     "10 January 2026: Start the fact sheet")]
    assert order == sorted(order)
    assert "talks-resume: added" in text
    assert "harbour-notice: removed" in text
    assert ("critics: changed; statement reworded (before: “The report says critics disagreed, and the port's "
            "commander called the plan premature.”); as_of 2026-01 → 2026-02") in text
    assert "The fact sheet could not be read at this commit" in text
    assert "mission-praise: added" in text


def test_changes_page_links_to_facts_that_still_exist(repo_build: Path):
    """Check that a change links to its fact's anchor, and a removed fact is named without a dead link."""
    page = content(repo_build / "site" / "changes" / "index.html")
    assert '<a href="../topics/talks/#talks-resume">talks-resume</a>: added' in page
    assert "harbour-notice: removed" in page
    assert 'href="../topics/talks/#harbour-notice"' not in page
    anchor = f"commit-{short(repo_build, 'HEAD')}"
    assert f'id="{anchor}"' in page


COMMIT_SUBJECTS = ("Start the fact sheet", "Broken edit", "Drop the notice; add the spring talks", EVIL_SUBJECT)


def test_reader_pages_show_no_commit_message_nor_fact_history(repo_build: Path):
    """Check that a fact's history lives on the change log only: no other page shows a commit's subject or
    author, and no fact carries a history line or box."""
    site = repo_build / "site"
    readers = [p for p in site.rglob("*.html") if p.parent.name != "changes" and "<article" in p.read_text("utf-8")]
    assert len(readers) > 10
    for page in readers:
        text = visible(content(page))
        assert not [s for s in COMMIT_SUBJECTS if s in text], page
        assert EVIL_AUTHOR not in text and "Ann Editor" not in text, page
    topic = (site / "topics" / "talks" / "index.html").read_text(encoding="utf-8")
    assert 'class="history"' not in topic and "changes/#commit-" not in topic
    changes = visible(content(site / "changes" / "index.html"))
    assert all(s in changes for s in COMMIT_SUBJECTS)


def test_commit_authors_and_messages_are_escaped(repo_build: Path):
    """Check that markup in a commit's author and message shows as text and never becomes HTML or a link."""
    site = repo_build / "site"
    for page in (site / "changes" / "index.html",):
        raw = page.read_text(encoding="utf-8")
        assert "<img src=x" not in raw
        assert 'href="javascript:' not in raw
        assert "<em>critics</em>" not in raw and "<em>Mallory</em>" not in raw
    text = visible(content(repo_build / "site" / "changes" / "index.html"))
    assert EVIL_SUBJECT in text
    assert f"by {EVIL_AUTHOR}" in text


def test_outside_git_the_page_says_so(tmp_path: Path):
    """Check that a project that is not a git checkout builds, and the change log says why there is no history."""
    project = make_project(tmp_path / "p", PROVENANCE)
    result = mkdocs_build(project, **TODAY)
    assert result.returncode == 0, result.stderr
    text = visible(content(project / "site" / "changes" / "index.html"))
    assert "The change history is not available: the project is not a git checkout. The site was built without it." \
        in text
    topic = (project / "site" / "topics" / "talks" / "index.html").read_text(encoding="utf-8")
    assert 'class="history"' not in topic


def test_untracked_fact_sheet_is_said_plainly(tmp_path: Path):
    """Check that a git checkout whose fact sheet is not committed builds and says the file is untracked."""
    project = make_project(tmp_path / "p", PROVENANCE)
    git(project, "init", "-q")
    result = history.read(project / "seeds" / "factsheet.yaml")
    assert not result.available
    assert result.reason == "seeds/factsheet.yaml is not tracked by git"


def test_without_git_the_build_still_works(tmp_path: Path):
    """Check that with no git on PATH the build succeeds and says git is not installed."""
    project = make_repo(tmp_path / "p")
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    result = run([sys.executable, "-m", "mkdocs", "build", "--strict"], project, PATH=str(empty), **TODAY)
    assert result.returncode == 0, result.stderr
    text = visible(content(project / "site" / "changes" / "index.html"))
    assert "The change history is not available: git is not installed." in text


def test_cap_is_applied_and_said(tmp_path: Path):
    """Check that only the last `cap` commits are shown, the oldest one read serving as the baseline."""
    project = make_repo(tmp_path / "p")
    capped = history.read(project / "seeds" / "factsheet.yaml", cap=2)
    assert capped.capped and len(capped.entries) == 2
    assert [e.commit.subject for e in capped.entries] == ["Drop the notice; add the spring talks", "Broken edit"]
    newest = {c.fact_id: c.kind for c in capped.entries[0].changes}
    assert newest == {"talks-resume": "added", "harbour-notice": "removed"}  # compared with the baseline
    site, _ = pipeline.load(project / "seeds")
    page = render_site(site, capped)["changes.md"].markdown
    assert "2 commits that changed it, the last 2 only; older changes are not shown." in page


def test_history_follows_a_renamed_fact_sheet(tmp_path: Path):
    """Check that commits made before the fact sheet was renamed are read under the old name."""
    project = make_project(tmp_path / "p", PROVENANCE)
    seeds = project / "seeds"
    (seeds / "factsheet.yaml").rename(seeds / "facts.yaml")
    git(project, "init", "-q")
    git(project, "add", "seeds")
    git(project, "commit", "-q", "-m", "Old name", when="2026-01-01T00:00:00+00:00")
    git(project, "mv", "seeds/facts.yaml", "seeds/factsheet.yaml")
    edit(seeds / "factsheet.yaml", "    as_of: 2026-01-20\n", "    as_of: 2026-01-21\n")
    git(project, "commit", "-q", "-am", "Rename and edit", when="2026-01-02T00:00:00+00:00")
    result = history.read(seeds / "factsheet.yaml")
    assert [e.commit.subject for e in result.entries] == ["Rename and edit", "Old name"]
    assert [(c.fact_id, c.details) for c in result.entries[0].changes] == \
        [("harbour-notice", ("as_of 2026-01-20 → 2026-01-21",))]
    assert len(result.entries[1].changes) == 4


def test_second_read_uses_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Check that what each commit changed is cached on disk: a second read reads no file from git."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    project = make_repo(tmp_path / "p")
    sheet = project / "seeds" / "factsheet.yaml"
    first = history.read(sheet)
    assert list((tmp_path / "cache").rglob("history-*.json"))
    calls: list[tuple[str, ...]] = []
    real = history._git

    def spy(git_path, cwd, *args, stdin=None):
        calls.append(args)
        return real(git_path, cwd, *args, stdin=stdin)

    monkeypatch.setattr(history, "_git", spy)
    second = history.read(sheet)
    assert second == first
    assert calls and not [c for c in calls if "cat-file" in c]


def test_the_same_repository_gives_the_same_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Check that the history page is identical across reads of the same repository, cached or not."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    project = make_repo(tmp_path / "p")
    one = pipeline.build(project / "seeds", with_history=True).pages["changes.md"]
    shutil.rmtree(tmp_path / "cache")
    two = pipeline.build(project / "seeds", with_history=True).pages["changes.md"]
    assert one == two
