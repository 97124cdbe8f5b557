"""Escaping for every place an input string can land.

Strings from the fact sheet and the articles are data, never markup. In Markdown body
text they are HTML-escaped (so `<script>` shows as text) and Markdown's own syntax is
backslash-escaped (so `[x](javascript:…)` never becomes a link). Attributes, URLs and
JSON have their own rules. Values already made safe are `markupsafe.Markup`.
"""

from __future__ import annotations

import functools
import json
import re
from urllib.parse import quote, urlsplit, urlunsplit

from markupsafe import Markup

# Markdown punctuation that can start inline syntax anywhere in a line with the extensions in
# mkdocs.yml (pymdownx.escapeall lets a backslash escape any of them): code, emphasis, links and
# images (`[`; `(`, `)` and `:` mean nothing without it), attribute lists, table cells, and `=`
# (a setext underline). Each escape costs Markdown an inline match, so no more are escaped.
_INLINE = re.compile(r"([\\`*_{}\[\]|=])")
_SPACES = re.compile(r"\s+")
# Syntax that only means something at the start of a block (lists, headings, quotes, admonitions).
_LINE_START = re.compile(r"^(\s*)([-+#>!]|\d+[.)])")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
_HTML_TABLE = str.maketrans(_HTML)  # one C-level pass instead of a Python loop per character
# Body text needs only &, < and > escaped; leaving quote marks alone lets Markdown's abbreviations
# match terms such as "People's Protection Units". Attributes get the full table.
_TEXT_TABLE = str.maketrans({k: v for k, v in _HTML.items() if k in "&<>"})


def md(value: object) -> Markup:
    """Inline Markdown text: one line, HTML and Markdown syntax neutralised."""
    if isinstance(value, Markup):
        return value
    return _md_text(str(value))


@functools.lru_cache(maxsize=65536)  # names, dates and labels come back on page after page
def _md_text(value: str) -> Markup:
    text = _SPACES.sub(" ", value).translate(_TEXT_TABLE)  # (spaces at either end are kept: prose joins pieces)
    if _INLINE.search(text):  # searching first is cheaper than substituting: most text has nothing to escape
        text = _INLINE.sub(r"\\\1", text)
    if _LINE_START.match(text):
        text = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    return Markup(text)


def html_text(value: object) -> Markup:
    """Text inside a raw HTML block, which Markdown leaves alone: only HTML is neutralised."""
    if isinstance(value, Markup):
        return value
    return Markup(_SPACES.sub(" ", str(value)).translate(_TEXT_TABLE))


class Glossary:
    """Body text for raw HTML blocks, with each glossary term wrapped in `<abbr title>` as
    Python-Markdown's `abbr` extension wraps it in Markdown text: longest term first, whole words
    only, a term with an empty definition left alone. Material shows the title as a tooltip."""

    def __init__(self, definitions: dict[str, str]) -> None:
        self._titles = {name: _DOUBLE_QUOTED.sub(lambda m: _HTML[m.group(0)], title)
                        for name, title in definitions.items() if title}
        names = sorted(self._titles, key=len, reverse=True)
        self._pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b") if names else None
        self.text = functools.lru_cache(maxsize=65536)(self._text)

    def _text(self, value: str) -> Markup:
        text = _SPACES.sub(" ", value)
        if self._pattern is None or not self._pattern.search(text):
            return Markup(text.translate(_TEXT_TABLE))
        out: list[str] = []
        last = 0
        for match in self._pattern.finditer(text):
            out.append(text[last:match.start()].translate(_TEXT_TABLE))
            out.append(f'<abbr title="{self._titles[match.group(0)]}">{match.group(0).translate(_TEXT_TABLE)}</abbr>')
            last = match.end()
        out.append(text[last:].translate(_TEXT_TABLE))
        return Markup("".join(out))

    def __call__(self, value: object) -> Markup:
        return value if isinstance(value, Markup) else self.text(str(value))


# Markdown writes attribute values with &, <, > and " escaped (not '): titles match its output.
_DOUBLE_QUOTED = re.compile(r'[&<>"]')


def attr(value: object) -> Markup:
    """A value for an HTML attribute in raw HTML (Markdown does not touch attributes)."""
    text = " ".join(str(value).split())
    return Markup(text.translate(_HTML_TABLE))


@functools.lru_cache(maxsize=4096)  # the same few sources are cited again and again
def url(value: str | None) -> Markup:
    """An http(s) address, percent-encoded where needed; anything else becomes `#`."""
    if not value:
        return Markup("#")
    parts = urlsplit(value.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return Markup("#")
    safe = "/:@!$&'*+,;=-._~%?"
    clean = urlunsplit((parts.scheme.lower(), parts.netloc, quote(parts.path, safe=safe),
                        quote(parts.query, safe=safe), quote(parts.fragment, safe=safe + "#")))
    return attr(clean)


# A quoted passage this long is given as `textStart,textEnd` (its first and last words), so the
# link still finds it if the page differs inside it (a quote mark, a dash, a line break).
FRAGMENT_RANGE_WORDS = 10
FRAGMENT_EDGE_WORDS = 4


@functools.lru_cache(maxsize=4096)
def text_fragment(passage: str) -> str:
    """A text directive, `:~:text=…`, that opens a page at `passage` (WICG "URL Fragment Text Directives").

    Each term is percent-encoded as UTF-8; `-`, `,` and `&` too (they delimit the directive's
    parts; Python's `quote` leaves `-` alone, so it is encoded here). The caller puts it after
    the `#` of the address.
    """
    words = passage.split()
    if len(words) >= FRAGMENT_RANGE_WORDS:
        terms = [" ".join(words[:FRAGMENT_EDGE_WORDS]), " ".join(words[-FRAGMENT_EDGE_WORDS:])]
    else:
        terms = [" ".join(words)]
    return ":~:text=" + ",".join(_directive_term(t) for t in terms)


def _directive_term(text: str) -> str:
    return quote(text, safe="").replace("-", "%2D")


def json_ld(data: object) -> Markup:
    """JSON for a <script> block: `<`, `>` and `&` escaped so no input can close the tag."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=None, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def front_matter(value: object) -> Markup:
    """A front-matter value. MkDocs themes print page titles and descriptions unescaped into
    <title> and attributes, so the text is HTML-escaped first, then quoted as a YAML string."""
    return Markup(json.dumps(str(attr(value)), ensure_ascii=False))


def finalize(value: object) -> object:
    """Jinja's finalize hook: every `{{ … }}` not already Markup is escaped as Markdown text."""
    if value is None:
        return ""
    return md(value)
