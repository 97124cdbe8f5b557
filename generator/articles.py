"""Read source articles: plain text files, kept byte for byte as received.

The files have no markup. The first line is the title; a short line standing alone
with no closing punctuation is a section heading; every other block of text is a
paragraph, numbered p1, p2, … in reading order (headings do not take a number, so a
citation such as p7 stays stable when an editor reads the file). The comment-form
boilerplate that news sites append ("Leave a Reply", "Your email address …") is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problems
from .yamlload import read_text

ARTICLE_SUFFIX = ".txt"
ARTICLE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
HEADING_MAX_WORDS = 12
CLOSING_PUNCTUATION = tuple('.!?:;,"”’)…')
# A block that starts one of these ends the article: everything after it is site furniture.
BOILERPLATE_START = re.compile(r"^(Leave a (Reply|Comment)|Related (Posts|Articles)|Share this:?)\s*$", re.I)
BOILERPLATE_LINE = re.compile(
    r"^(Your email address will not be published|Required fields are marked|"
    r"You must be logged in to post a comment)", re.I)


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


@dataclass
class Article:
    id: str
    path: Path
    title: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # boilerplate lines, kept for the record

    def paragraph(self, pid: str) -> Paragraph | None:
        return next((p for p in self.paragraphs if p.id == pid), None)

    def section(self, slug: str) -> Section:
        return next(s for s in self.sections if s.slug == slug)


def read_articles(folder: Path, problems: Problems) -> list[Article]:
    """Every `*.txt` in `folder`, sorted by file name so output order never depends on the disk."""
    if not folder.is_dir():
        problems.add(folder, 0, "", "the articles folder is missing",
                     "create it and put at least one .txt article in it")
        return []
    articles = []
    for path in sorted(folder.glob(f"*{ARTICLE_SUFFIX}")):
        article = read_article(path, problems)
        if article is not None:
            articles.append(article)
    if not articles and not problems.errors:
        problems.add(folder, 0, "", "no articles found", "add a UTF-8 .txt article to this folder")
    return articles


def read_article(path: Path, problems: Problems) -> Article | None:
    article_id = path.stem.lower()
    if not ARTICLE_ID.match(article_id):
        problems.add(path, 1, "", f"the file name {path.name!r} cannot be used as a page address",
                     "rename it with lower-case letters, digits and hyphens only, ending in .txt")
        return None
    text = read_text(path, problems)
    if text is None:
        return None
    blocks = _blocks(text.replace("\r\n", "\n").replace("\r", "\n"))
    if not blocks:
        problems.add(path, 1, "", "the article is empty", "put the title on the first line, then the text")
        return None
    title_line, title = blocks[0]
    if "\n" in title:
        problems.add(path, title_line, "", "the first block must be the title alone on one line",
                     "leave a blank line after the title")
        return None
    article = Article(id=article_id, path=path, title=_clean(title))
    section = ""
    ended = False
    for line, block in blocks[1:]:
        if ended or BOILERPLATE_START.match(block) or BOILERPLATE_LINE.match(block):
            ended = True
            article.dropped.append(block)
            continue
        if _is_heading(block):
            slug = _unique_slug(_slugify(block), article.sections)
            article.sections.append(Section(slug=slug, heading=_clean(block), line=line))
            section = slug
            continue
        number = len(article.paragraphs) + 1
        article.paragraphs.append(
            Paragraph(id=f"p{number}", number=number, text=_clean(block), line=line, section=section))
    if not article.paragraphs:
        problems.add(path, title_line, "", "the article has a title but no paragraphs",
                     "separate paragraphs with a blank line")
        return None
    return article


def _blocks(text: str) -> list[tuple[int, str]]:
    """Blocks of consecutive non-blank lines, each with the number of its first line."""
    blocks: list[tuple[int, str]] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            if not current:
                start = number
            current.append(line.strip())
        elif current:
            blocks.append((start, "\n".join(current)))
            current = []
    if current:
        blocks.append((start, "\n".join(current)))
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
