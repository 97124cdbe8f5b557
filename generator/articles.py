"""Read source articles: plain text files, kept byte for byte as received.

The files have no markup. The first line is the title; a short line standing alone
with no closing punctuation is a section heading; every other block of text is a
paragraph, numbered p1, p2, … in reading order (headings do not take a number, so a
citation such as p7 stays stable when an editor reads the file). Page furniture (bylines,
datelines, captions, share lines, "Related", "Read more", the comment form …: `furniture`)
is left out line by line, wherever it stands, and listed in `Article.left_out`: no text is
dropped without saying so. An editor may overrule the rules for an article (`Overrides`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import furniture
from .errors import Problems
from .yamlload import read_text

ARTICLE_SUFFIX = ".txt"
ARTICLE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
HEADING_MAX_WORDS = 12
CLOSING_PUNCTUATION = tuple('.!?:;,"”’)…')
SKIPPED = "skipped on its source entry"


@dataclass(frozen=True)
class Paragraph:
    id: str
    number: int
    text: str
    line: int
    section: str  # slug of the section heading above it, "" before the first heading


@dataclass(frozen=True)
class Section:
    slug: str
    heading: str
    line: int


@dataclass(frozen=True)
class LeftOut:
    """A line of the file that is not the article's text, and what it is (a byline, a caption …)."""

    line: int
    text: str
    why: str


@dataclass(frozen=True)
class Overrides:
    """An editor's decisions for one article (its source entry's `keep:` and `skip:`): whole lines,
    compared with spaces collapsed, to keep although they look like furniture, or to leave out."""

    keep: tuple[str, ...] = ()
    skip: tuple[str, ...] = ()


@dataclass
class Article:
    id: str
    path: Path
    title: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)  # furniture, in file order
    overruled: set[str] = field(default_factory=set)  # the override lines that matched a line of the file

    def paragraph(self, pid: str) -> Paragraph | None:
        return next((p for p in self.paragraphs if p.id == pid), None)

    def section(self, slug: str) -> Section:
        return next(s for s in self.sections if s.slug == slug)


def article_id(path: Path) -> str:
    return path.stem.lower()


def read_articles(folder: Path, problems: Problems,
                  overrides: dict[str, Overrides] | None = None) -> list[Article]:
    """Every `*.txt` in `folder`, sorted by file name so output order never depends on the disk.
    `overrides`: the editor's decisions, by article id."""
    if not folder.is_dir():
        problems.add(folder, 0, "", "the articles folder is missing",
                     "create it and put at least one .txt article in it")
        return []
    articles = []
    for path in sorted(folder.glob(f"*{ARTICLE_SUFFIX}")):
        article = read_article(path, problems, (overrides or {}).get(article_id(path)))
        if article is not None:
            articles.append(article)
    if not articles and not problems.errors:
        problems.add(folder, 0, "", "no articles found", "add a UTF-8 .txt article to this folder")
    return articles


def read_article(path: Path, problems: Problems, overrides: Overrides | None = None,
                 name: str | None = None) -> Article | None:
    """The article in the file at `path`; `name`: the file name it will have in the articles folder (by
    default its own), from which its id comes."""
    name = name or path.name
    if not ARTICLE_ID.match(article_id(Path(name))):
        problems.add(path, 1, "", f"the file name {name!r} cannot be used as a page address",
                     f"rename it {valid_name(name)!r}: lower-case letters, digits and hyphens only, "
                     "ending in .txt")
        return None
    text = read_text(path, problems)
    if text is None:
        return None
    blocks = _blocks(text.replace("\r\n", "\n").replace("\r", "\n"))
    if not blocks:
        problems.add(path, 1, "", "the article is empty", "put the title on the first line, then the text")
        return None
    (title_line, title), *under_title = blocks[0]
    article = Article(id=article_id(Path(name)), path=path, title=title)
    reader = _Reader(article, overrides or Overrides())
    if any(not reader.leave_out(number, line) for number, line in under_title):
        problems.add(path, title_line, "", "the first block must be the title alone on one line",
                     "leave a blank line after the title")
        return None
    for block in blocks[1:]:
        reader.block(block)
    if not article.paragraphs:
        problems.add(path, title_line, "", "the article has a title but no paragraphs",
                     "separate paragraphs with a blank line")
        return None
    return article


class _Reader:
    """Reads an article's blocks in order: furniture left out, then headings and paragraphs."""

    def __init__(self, article: Article, overrides: Overrides) -> None:
        self.article = article
        self.keep = {_clean(line) for line in overrides.keep}
        self.skip = {_clean(line) for line in overrides.skip}
        self.section = ""
        self.listing = ""  # the "Related …" or "Read more" line whose list of headlines follows

    def leave_out(self, number: int, line: str) -> bool:
        """Record `line` as left out if it is furniture (or the editor skips it); False if it is text."""
        why = ""
        if line in self.skip:
            why = SKIPPED
        elif line not in self.keep:
            why = furniture.what(line, opening=not self.article.paragraphs)
        if line in self.skip or line in self.keep:
            self.article.overruled.add(line)
        if not why:
            return False
        self.article.left_out.append(LeftOut(number, line, why))
        opens_list = why in furniture.LIST_OPENERS and len(line.split()) <= 4 and not re.search(r"[:|]\s*\S", line)
        self.listing = line if opens_list else ""  # a list of headlines follows its opener directly
        return True

    def block(self, block: list[tuple[int, str]]) -> None:
        kept = [(number, line) for number, line in block if not self.leave_out(number, line)]
        if not kept:
            return
        if self.listing and all(_is_heading(line) for _, line in kept):
            why = f"listed under “{self.listing}”"
            self.article.left_out += [LeftOut(number, line, why) for number, line in kept]
            return
        self.listing = ""
        first = kept[0][0]
        text = _clean(" ".join(line for _, line in kept))
        if len(kept) == 1 and _is_heading(text):
            slug = _unique_slug(_slugify(text), self.article.sections)
            self.article.sections.append(Section(slug=slug, heading=text, line=first))
            self.section = slug
            return
        number = len(self.article.paragraphs) + 1
        self.article.paragraphs.append(
            Paragraph(id=f"p{number}", number=number, text=text, line=first, section=self.section))


def valid_name(name: str) -> str:
    """A file name that can be a page address, made from `name`: `Report (Feb 13).txt` → `report-feb-13.txt`."""
    stem = name[:-len(ARTICLE_SUFFIX)] if name.lower().endswith(ARTICLE_SUFFIX) else name
    return (_slugify(stem) if _slugify(stem) != "section" else "article") + ARTICLE_SUFFIX


def _blocks(text: str) -> list[list[tuple[int, str]]]:
    """Blocks of consecutive non-blank lines: each line with its number, spaces collapsed."""
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            current.append((number, _clean(line)))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _is_heading(block: str) -> bool:
    return ("\n" not in block
            and len(block.split()) <= HEADING_MAX_WORDS
            and not block.endswith(CLOSING_PUNCTUATION)
            and not block.startswith(("“", '"', "‘", "'")))


def _clean(block: str) -> str:
    return " ".join(block.split())


def _slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "section"


def _unique_slug(slug: str, sections: list[Section]) -> str:
    taken = {s.slug for s in sections}
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate
