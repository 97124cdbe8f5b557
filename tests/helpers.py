"""Small helpers shared by the tests: make a throwaway project and build it with real MkDocs."""

from __future__ import annotations

import os
import posixpath
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "cases"


def make_project(where: Path, seeds: Path = ROOT / "seeds") -> Path:
    """A copy of the site project (config, hand-written pages, seeds) around the real generator."""
    where.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", where / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", where / "docs")
    shutil.copytree(ROOT / "overrides", where / "overrides")  # theme.custom_dir
    shutil.copytree(seeds, where / "seeds")
    (where / "generator").symlink_to(ROOT / "generator")
    return where


def run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=environment, timeout=600)


def mkdocs_build(project: Path, *extra: str, **env: str) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "mkdocs", "build", "--strict", *extra], project, **env)


def generator(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "generator", *args], project)


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def visible(fragment: str) -> str:
    """The text a reader sees in an HTML fragment: tags removed, entities decoded, spaces collapsed."""
    import html
    import re

    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def fact_div(page: str, fact_id: str) -> str:
    """The HTML block of one fact on a page."""
    import re

    match = re.search(r'<div class="fact[^"]*" id="' + fact_id + r'">(.*?)</div>', page, re.DOTALL)
    assert match, f"no fact {fact_id}"
    return match.group(0)


class LinksAndIds(HTMLParser):
    """The `href`s and the ids of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("href") is not None:
            self.hrefs.append(values["href"])

    @classmethod
    def of(cls, page: Path) -> LinksAndIds:
        found = cls()
        found.feed(page.read_text(encoding="utf-8"))
        return found


def _parsed(page: Path, cache: dict[Path, LinksAndIds]) -> LinksAndIds:
    if page not in cache:
        cache[page] = LinksAndIds.of(page)
    return cache[page]


def broken_links(site: Path) -> list[str]:
    """Every link between the site's own pages whose page or anchor does not exist."""
    cache: dict[Path, LinksAndIds] = {}
    broken = []
    for page in sorted(site.rglob("*.html")):
        for href in _parsed(page, cache).hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("//"):
                continue  # outside the site (background sources)
            target = page
            if parts.path:  # relative to the page, or to the site's root (the 404 page's links)
                base = site if parts.path.startswith("/") else page.parent
                target = Path(posixpath.normpath(posixpath.join(base.as_posix(), unquote(parts.path).lstrip("/"))))
                if target.is_dir():
                    target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: {href} (no such page)")
            elif parts.fragment and target.suffix == ".html" and parts.fragment not in _parsed(target, cache).ids:
                broken.append(f"{page.relative_to(site)}: {href} (no such anchor)")
    return broken


def note_targets(page: str, block: str) -> list[str]:
    """Where the numbered notes in `block` lead: the links of their entries in the page's list of sources."""
    import re

    targets = []
    for anchor in dict.fromkeys(re.findall(r'class="footnote-ref" href="#(note-\d+)"', block)):
        entry = re.search(r'<li id="' + anchor + r'">(.*?)</li>', page, re.DOTALL)
        assert entry, f"no entry {anchor} in the list of sources"
        targets += re.findall(r'href="([^"]*)"', entry.group(1))
    return targets
