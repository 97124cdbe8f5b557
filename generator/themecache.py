"""Under `mkdocs serve`, a page whose finished HTML cannot have changed is not put through the theme again.

A save in the preview changes a few pages, yet MkDocs puts every page through Material's templates and the
search plugin parses every page's HTML again: at a hundred articles, two thirds of a rebuild. A page's
written HTML and its search entries depend on its own content, title, metadata and table of contents, on
its place (address, neighbours), on the navigation as a whole and on the theme's files. When all of those
are what they were in the last build, the bytes it wrote and the entries it made are used again.

Used by `generator/pagecache.py` under serve only (a build starts from nothing and keeps no memory). Only
with the plugins this site has: another plugin's page events could make a page differ on their own.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.utils import write_file

# The plugins whose page events are known: the search index (replayed from the memo) and our hook.
KNOWN_PLUGINS = {"material/search", "search", "generator/hook.py"}

_memo: dict[str, Any] = {"current": {}, "previous": {}, "entries": None, "nav": None, "nav_sig": None,
                        "theme_sig": None}


def new_build(config, entries: list | None) -> None:
    """Keep the last build's pages for this one; forget what this one does not ask for again. `entries`: the
    search index's list, which a reused page's entries join; without it, or with other plugins, reuse nothing."""
    usable = entries is not None and set(config.plugins) <= KNOWN_PLUGINS
    _memo.update(previous=_memo["current"], current={}, entries=entries if usable else None, nav=None,
                 nav_sig=None, theme_sig=_theme_signature(config))


def active() -> bool:
    return _memo["entries"] is not None


def build_page(build, page, config, doc_files, nav, env, dirty=False, excluded=False) -> None:
    """MkDocs's `_build_page` (`build`), or the bytes and search entries it gave last time for the same page."""
    key = _key(page, nav, excluded)
    done = _memo["current"].get(key) or _memo["previous"].get(key)
    entries = _memo["entries"]
    if done is not None:
        html, made = done
        write_file(html, page.file.abs_dest_path)
        entries.extend(made)
    else:
        before = len(entries)
        build(page, config, doc_files, nav, env, dirty, excluded)
        try:
            done = (Path(page.file.abs_dest_path).read_bytes(), entries[before:])
        except FileNotFoundError:  # MkDocs skipped an empty page: nothing to remember
            return
    _memo["current"][key] = done


def _key(page, nav, excluded: bool) -> tuple:
    if _memo["nav"] is not nav:  # every page is converted by now, so every title in the nav is known
        _memo.update(nav=nav, nav_sig=_nav_signature(nav.items))
    neighbours = tuple((p.url, p.title) if p is not None else None for p in (page.previous_page, page.next_page))
    return (page.file.src_uri, page.url, page.content, page.title, repr(page.meta), _toc_signature(page.toc),
            neighbours, excluded, _memo["nav_sig"], _memo["theme_sig"])


def _nav_signature(items) -> tuple:
    return tuple((type(item).__name__, item.title, getattr(item, "url", None),
                  _nav_signature(getattr(item, "children", None) or [])) for item in items)


def _toc_signature(toc) -> tuple:
    return tuple((item.id, item.title, item.level, _toc_signature(item.children)) for item in toc)


def _theme_signature(config) -> tuple:
    """The theme's own files that can change while serving (custom_dir; the installed theme does not),
    and the settings the templates read."""
    files = []
    custom = config.theme.custom_dir
    for folder, _, names in os.walk(custom) if custom else ():
        for name in names:
            stat = os.stat(os.path.join(folder, name))
            files.append((os.path.join(folder, name), stat.st_mtime_ns, stat.st_size))
    settings = repr((dict(config.theme), config.extra, config.site_name, config.site_url, config.copyright,
                     config.extra_css, config.extra_javascript, config.repo_url))
    return (tuple(sorted(files)), settings)
