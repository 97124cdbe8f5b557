"""The generator's HTML blocks handed to Python-Markdown whole, unparsed.

A generated page is mostly HTML blocks (facts, quotes, events, article paragraphs) that the generator
wrote complete: escaped, linked and with their glossary tooltips. Markdown would still parse each of
their tags twice (its raw-HTML pass and MkDocs's anchor scan), most of a large build's conversion. This
extension stores each block in Markdown's store of raw HTML (`htmlStash`, the extension API raw HTML
goes through) before those passes run; Markdown writes it back, unchanged, at the end. A block not
found verbatim (another plugin edited the page) is simply left to Markdown.

The hook says which blocks the page being converted has (`on_page_markdown`) and collects the ids they
carry once it is converted (`on_page_content`): MkDocs checks links against them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

# Ids in our own blocks: attribute values are always double-quoted and escaped (escape.attr).
_ID = re.compile(r'\sid="([^"]*)"')


@dataclass
class PageBlocks:
    """The blocks of the page being converted, and what the conversion passed through (count and ids)."""

    blocks: Sequence[str] = ()
    passed: int = 0
    ids: set[str] = field(default_factory=set)

    def start(self, blocks: Sequence[str]) -> None:
        self.blocks, self.passed, self.ids = blocks, 0, set()

    def finish(self) -> set[str]:
        """The ids the page's passed blocks carry; nothing is passed until the next `start`."""
        ids = self.ids
        self.start(())
        return ids


class PassBlocks(Extension):
    """Markdown extension: pass `current`'s blocks through whole."""

    def __init__(self, current: PageBlocks) -> None:
        super().__init__()
        self.current = current

    def extendMarkdown(self, md: Markdown) -> None:
        # After whitespace is normalised (30), before the raw-HTML passes (MkDocs's at 21, Markdown's at 20).
        md.preprocessors.register(_Stash(md, self.current), "generator_blocks", 29)

    def __repr__(self) -> str:
        return "generator.mkdocs_adapter.blocks.PassBlocks()"


class _Stash(Preprocessor):
    def __init__(self, md: Markdown, current: PageBlocks) -> None:
        super().__init__(md)
        self.current = current

    def run(self, lines: list[str]) -> list[str]:
        blocks = self.current.blocks
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
            self.current.passed += 1
            self.current.ids.update(html.unescape(i) for i in _ID.findall(block))
        out.append(text[at:])
        return "".join(out).split("\n")
