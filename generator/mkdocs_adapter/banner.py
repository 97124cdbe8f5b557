"""Under `mkdocs serve`, a rejected save is shown where the editor looks: in the open page.

While the last build failed, every page served carries a banner with the problems (file:line, key,
message, hint) above its content, and says that it is the last good version, or, when nothing has been
built yet, that the site will appear once the problems are fixed. The banner is added to the finished
HTML (`on_post_page`), after the search index has read the page, so search never finds it; it is an
ARIA alert, and every string in it is escaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from generator.errors import Problem

# The banner goes first inside Material's content column; any other theme: first in the body.
_CONTENT_STARTS = (re.compile(r"<article\b[^>]*>"), re.compile(r"<body\b[^>]*>"))


def banner(problems: Sequence[Problem], last_good: bool) -> str:
    """The banner's HTML for the problems of the last build."""
    count = len(problems)
    found = f"{count} problem{'s' if count != 1 else ''}"
    if last_good:
        lead = ("<strong>Your last save was not published.</strong> You are seeing the last good version. "
                f"Fix the {found} below and save again: this page reloads by itself.")
    else:
        lead = ("<strong>The explainer could not be built.</strong> "
                f"Fix the {found} below and save: the site appears here by itself.")
    items = "".join(f"<li><code>{html.escape(_where(p))}</code> {html.escape(_what(p))}</li>" for p in problems)
    return (f'<div class="explainer-error" role="alert" data-search-exclude>\n<p>{lead}</p>\n'
            f"<ul>{items}</ul>\n</div>\n")


def inject(page: str, problems: Sequence[Problem], last_good: bool) -> str:
    """`page` with the banner first in its content."""
    match = next((m for m in (start.search(page) for start in _CONTENT_STARTS) if m), None)
    at = match.end() if match else 0
    return page[:at] + "\n" + banner(problems, last_good) + page[at:]


def _where(problem: Problem) -> str:
    return f"{problem.path}:{problem.line}" if problem.line else problem.path


def _what(problem: Problem) -> str:
    return str(problem)[len(_where(problem)) + 1:].strip()


STAND_IN = ("# Not built yet\n\nThis page is built from the fact sheet and the articles in `seeds/`, which have "
            "problems: they are listed above. Fix them and save; this page then reloads with the site.\n")


def nav_pages(nav: object) -> list[str]:
    """Every page a nav configuration names (`mkdocs.yml`'s `nav:`), in order."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    if isinstance(nav, dict):
        return [p for value in nav.values() for p in nav_pages(value)]
    if isinstance(nav, list):
        return [p for item in nav for p in nav_pages(item)]
    return []
