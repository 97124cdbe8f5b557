"""The generator's HTML blocks handed to Python-Markdown whole, unparsed. Used by the hook only.

A generated page is mostly HTML blocks (facts, quotes, events, article paragraphs) that the generator
wrote complete: escaped, linked and with their glossary tooltips. Markdown would still parse each
of their tags twice (its raw-HTML pass and MkDocs's anchor scan), which was most of a large build's
conversion. This extension puts each block in Markdown's own store of raw HTML as it starts, the
step Markdown itself takes for a raw HTML block once it has found where it ends; the block is written
back into the page, unchanged, at the end. A block not found verbatim (a plugin edited the page) is
simply left to Markdown. The blocks' ids are given to MkDocs, which checks links to them.
"""

from __future__ import annotations

import contextlib
import html
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor


@dataclass
class Passed:
    """What a conversion passed through: how many blocks, and the ids in them (anchors of the page)."""

    blocks: int = 0
    ids: set[str] = field(default_factory=set)


_page: dict = {"blocks": (), "passed": Passed()}
# Ids in our own blocks: attribute values are always double-quoted and escaped (escape.attr).
_ID = re.compile(r'\sid="([^"]*)"')


@contextlib.contextmanager
def passing(blocks: Sequence[str]) -> Iterator[Passed]:
    """Convert one page with `blocks` passed through; what was passed is known once it returns."""
    passed = Passed()
    _page.update(blocks=blocks, passed=passed)
    try:
        yield passed
    finally:
        _page.update(blocks=(), passed=Passed())


class PassBlocks(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After whitespace is normalised (30), before MkDocs's raw-HTML scan (21) and Markdown's (20).
        md.preprocessors.register(_Stash(md), "generator_blocks", 29)

    def __repr__(self) -> str:
        # The same in every build of a process: the preview keys its reused pages on the extensions.
        return "generator.blockstash.PassBlocks()"


class _Stash(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        blocks, passed = _page["blocks"], _page["passed"]
        if not blocks:
            return lines
        text = "\n".join(lines)
        out: list[str] = []
        at = 0
        for block in blocks:
            found = text.find(block, at)
            while found > 0 and text[found - 1] != "\n":  # a block starts a line
                found = text.find(block, found + 1)
            if found < 0:
                continue
            out += [text[at:found], "\n\n", self.md.htmlStash.store(block), "\n\n"]
            at = found + len(block)
            passed.blocks += 1
            passed.ids.update(html.unescape(i) for i in _ID.findall(block))
        out.append(text[at:])
        return "".join(out).split("\n")
