"""Other builders keep the core honest about its independence from MkDocs: ProperDocs (a maintained fork of
MkDocs 1.6) builds the same site through the same hook, and Zensical (Material's named successor, which reads
`mkdocs.yml` but runs no hooks) builds the pages `generator render` writes."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from tests.helpers import broken_links, make_project, mkdocs_build, run, tree_bytes

BIN = Path(sys.executable).parent
GENERATOR_TAG = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_the_site_mkdocs_builds(tmp_path: Path):
    """Check that `properdocs build --strict` gives the MkDocs site byte for byte, but for the generator tag."""
    project = make_project(tmp_path / "p")
    ours = mkdocs_build(project, "--site-dir", str(tmp_path / "mkdocs"))
    assert ours.returncode == 0, ours.stderr
    theirs = run([sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml",
                  "--site-dir", str(tmp_path / "properdocs")], project)
    assert theirs.returncode == 0, theirs.stderr
    one, two = tree_bytes(tmp_path / "mkdocs"), tree_bytes(tmp_path / "properdocs")
    assert one.keys() == two.keys()
    differ = [path for path in one if GENERATOR_TAG.sub(b"", one[path]) != GENERATOR_TAG.sub(b"", two[path])]
    assert differ == []
    assert b"ProperDocs" in two["index.html"]  # it was ProperDocs that built it


def test_zensical_builds_the_rendered_pages(tmp_path: Path):
    """Check that Zensical builds the pages `generator render` writes, without an issue, into the same set
    of pages MkDocs publishes, every link between them reaching its page and anchor."""
    reference = make_project(tmp_path / "mkdocs")
    assert mkdocs_build(reference).returncode == 0
    project = make_project(tmp_path / "zensical")
    rendered = run([sys.executable, "-m", "generator", "render", "--out", "docs", "--docs", "docs"], project)
    assert rendered.returncode == 0, rendered.stderr
    built = run([str(BIN / "zensical"), "build", "--clean"], project)
    assert built.returncode == 0, built.stdout + built.stderr
    assert "No issues found" in built.stdout + built.stderr
    pages = {p.relative_to(project / "site") for p in (project / "site").rglob("*.html")}
    assert pages == {p.relative_to(reference / "site") for p in (reference / "site").rglob("*.html")}
    assert broken_links(project / "site") == []
