"""What every picture shares: escaping, short numbers, text widths, dates, and the figure around it.

Every string that comes from the fact sheet goes through `x` before it is written into SVG. The
pictures sit in raw HTML blocks, which Markdown leaves untouched, so XML escaping is the only one
that applies. Text is measured here from character classes, not font files: nothing is read at
build time, and the estimate errs wide, so that room set aside for a label is never too small.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape as _html_escape

from markupsafe import Markup

from ..text import MONTHS

# href(page path, anchor) -> the link to write: the page's own helper, so that links follow the
# builder's addresses (published directory URLs, or paths to the Markdown files).
Href = Callable[[str, str], str]

# Advance widths in ems of Helvetica/Arial-like sans-serif faces (Liberation Sans on Linux), grouped;
# SAFETY covers faces a little wider (San Francisco, Segoe UI).
_NARROW = set("ijlI.,:;'|!’‘`")
_SLIM = set("frt()[]-/ “”\"")
_WIDE = set("mwMW@%")
_CAPS = set("ABCDEFGHJKLNOPQRSTUVXYZ&")
SAFETY = 1.08
BOLD = 1.07


def x(value: object) -> str:
    """XML text and attribute escaping for every input string (quotes too), runs of spaces made one."""
    return _html_escape(" ".join(str(value).split()), quote=True)


def n(value: float) -> str:
    """A coordinate, short and stable (no float noise in the output)."""
    text = f"{value:.1f}"
    text = text[:-2] if text.endswith(".0") else text
    return "0" if text == "-0" else text


def char_em(char: str) -> float:
    if char in _NARROW:
        return 0.24
    if char in _SLIM:
        return 0.34
    if char in _WIDE:
        return 0.86
    if char in _CAPS:
        return 0.68
    if char.isdigit():
        return 0.56
    return 0.53 if char.isascii() else 0.6  # letters with accents, dashes, arrows: a little wider


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of `text` at font size `size`, estimated generously."""
    return sum(char_em(c) for c in text) * size * SAFETY * (BOLD if bold else 1.0)


def wrap(text: str, size: float, width: float, max_lines: int = 0, bold: bool = False) -> list[str]:
    """Words in lines no wider than `width`; past `max_lines` (if set) the last line ends with "…".
    A word longer than a line stands alone on its line (a picture's width is set to fit its words)."""
    lines: list[str] = []
    used = 0.0  # the last line's width: widths add up, so a long text is measured once, not line by line
    for word in " ".join(text.split()).split(" "):
        extra = text_width(f" {word}", size, bold)
        if lines and used + extra <= width:
            lines[-1] = f"{lines[-1]} {word}"
            used += extra
        else:
            lines.append(word)
            used = text_width(word, size, bold)
            if max_lines and len(lines) > max_lines:
                break  # one line past the limit is enough to know the text is cut
    if max_lines and len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and text_width(last + "…", size, bold) > width:
            last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
        lines = lines[:max_lines - 1] + [last.rstrip(" ,;:") + "…"]
    return lines or [""]


def count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


# -- dates ----------------------------------------------------------------------------------


def short_date(date: str, with_year: bool = True) -> str:
    """2025, Dec 2025 or 10 Dec 2025 (without the year: Dec, 10 Dec)."""
    parts = date.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1][:3]
    out = month if len(parts) == 2 else f"{int(parts[2])} {month}"
    return f"{out} {parts[0]}" if with_year else out


# -- the SVG root and the figure around it ---------------------------------------------------


def svg_open(classes: str, width: float, height: float, ident: str, title: str, desc: str) -> str:
    """An SVG root named by its <title> and described by its <desc> (ids made from `ident`). Its role is
    "group", not "img": an image's children are presentational, and these hold links (axe-core's
    nested-interactive rule), which keyboard and screen reader users can then reach, each named by its
    own <title>."""
    return (f'<svg class="ex-svg {classes}" role="group" aria-labelledby="{ident}-title" '
            f'aria-describedby="{ident}-desc" viewBox="0 0 {n(width)} {n(height)}" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{ident}-title">{x(title)}</title><desc id="{ident}-desc">{x(desc)}</desc>')


def link(href: str, label: str, body: str, classes: str = "") -> str:
    """A mark and its label as one link, named by its <title> (also the tooltip on hover)."""
    cls = f' class="{classes}"' if classes else ""
    return f'<a{cls} href="{x(href)}"><title>{x(label)}</title>{body}</a>'


def figure(kind: str, pictures: Iterable[str], caption: str) -> Markup:
    """The pictures (one is shown per screen width, by docs/assets/explainer.css) in a figure that search
    leaves out: its words are run together in an index, and the list next to it says the same."""
    body = "\n".join(pictures)
    return Markup(f'<figure class="ex-figure ex-figure-{kind}" data-search-exclude>\n{body}\n'
                  f'<figcaption>{caption}</figcaption>\n</figure>')


def legend(items: Iterable[tuple[str, str]]) -> str:
    """An HTML legend: (swatch SVG, already escaped label) pairs."""
    return '<ul class="ex-legend">' + "".join(f"<li>{s}{label}</li>" for s, label in items) + "</ul>"
