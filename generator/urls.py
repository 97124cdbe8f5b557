"""Where a builder that reads `mkdocs.yml` publishes a page, and the relative address of one page from another.

MkDocs rewrites a Markdown link to `page.md` into the page's published address, but leaves the links
inside raw HTML blocks alone. The blocks the generator writes as HTML (facts, quotes, events, article
paragraphs) therefore carry the address itself, computed here by the rules MkDocs documents for
`use_directory_urls`, so they match the links MkDocs writes for the same targets.
"""

from __future__ import annotations

import functools
import posixpath
from urllib.parse import quote

# How the links in HTML blocks are written: as the page is published with `use_directory_urls` on
# ("directory", MkDocs's default) or off ("file"), or, like Markdown links, as the path of the target's
# Markdown file ("source"), for builders that resolve the links in HTML as they do those in Markdown.
LINK_STYLES = ("directory", "file", "source")


def link_style(use_directory_urls: bool) -> str:
    return "directory" if use_directory_urls else "file"


@functools.lru_cache(maxsize=16384)
def page_url(path: str, directory_urls: bool = True) -> str:
    """The published address of a Markdown page, relative to the site root.

    With directory URLs `a/b.md` is served as `a/b/` and `a/index.md` as `a/`; without them as
    `a/b.html` and `a/index.html`. The home page is `./` (MkDocs' spelling)."""
    parent, name = posixpath.split(path.removesuffix(".md"))
    if not directory_urls:
        url = posixpath.join(parent, name + ".html")
    elif name == "index":
        url = (parent or ".") + "/"
    else:
        url = posixpath.join(parent, name) + "/"
    return quote(url)


def _parts(url: str) -> list[str]:
    normal = posixpath.normpath("/" + url.lstrip("/"))[1:]
    return normal.split("/") if normal else []


@functools.lru_cache(maxsize=65536)
def relative(target: str, start: str) -> str:
    """The address `target` as written on the page published at `start` (both from `page_url`).

    Like a browser resolving it back: the last part of `start` is a directory unless it names a
    file, `..` climbs one level, and a directory address keeps its trailing slash."""
    folder, _, last = start.rpartition("/")
    here = _parts(folder if "." in last else start)
    there = _parts(target)
    common = 0
    for a, b in zip(here, there, strict=False):
        if a != b:
            break
        common += 1
    rel = "/".join([".."] * (len(here) - common) + there[common:]) or "."
    return rel + "/" if target.endswith("/") else rel
