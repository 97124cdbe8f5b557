"""A new report into the explainer: `python -m generator article PATH` (`make article FILE=PATH`).

The file is checked (a name that can be a page address, UTF-8, a title and paragraphs), copied into
seeds/articles byte for byte, and given a source entry in the fact sheet: text inserted after the last
article source, so the sheet's comments and layout stay as they are (it is never written out again from
its values). The entry's title is the article's first line; publisher, date and address are left for
the editor, marked. What the reader numbered comes back as a citation checklist (`checklist`).
Nothing is written unless every check passes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import editor_schema
from .articles import ARTICLE_ID, ARTICLE_SUFFIX, Article, read_article
from .errors import Problems
from .sentences import split_sentences
from .write import write_whole
from .yamlload import load_yaml

EDITOR_MARK = "# EDITOR:"


@dataclass(frozen=True)
class Plan:
    """What `add` will do, every check passed."""

    source: Path  # the file received
    target: Path  # its copy in seeds/articles
    article: Article  # as the reader reads it
    sheet: Path
    text: str  # the fact sheet as it will be, stub included ("" when it has the article's entry already)
    source_id: str  # the id of the article's source entry (new or found)
    line: int  # the line of that entry in the sheet
    editor_line: int = 0  # the line of the new entry's EDITOR_MARK, for the editor to fill in


def good_name(name: str) -> bool:
    """A file name the reader takes as an article's (its stem becomes the page address)."""
    return name.endswith(ARTICLE_SUFFIX) and bool(ARTICLE_ID.match(name[:-len(ARTICLE_SUFFIX)]))


def plan(source: Path, seeds: Path, name: str, problems: Problems) -> Plan | None:
    """Check everything `add` needs; None (and the problems) if anything is wrong."""
    if not source.is_file():
        problems.add(source, 0, "", "no such file", "give the path of the article's .txt file")
        return None
    if not good_name(name):
        problems.add(source, 0, "", f"{name!r} cannot be the article's file name",
                     "use lower-case letters, digits and hyphens only, ending in .txt")
        return None
    target = seeds / "articles" / name
    if target.exists() and target.read_bytes() != source.read_bytes():
        problems.add(target, 0, "", "another article already has this file name",
                     "choose another name with --name (make article NAME=…)")
        return None
    article = read_article(source, problems, name=name)
    sheet = seeds / "factsheet.yaml"
    loaded = load_yaml(sheet, problems) if sheet.is_file() else None
    if article is None or loaded is None or problems.errors:
        if not sheet.is_file():
            problems.add(sheet, 0, "", "the fact sheet is missing", "create it before adding articles")
        return None
    data = loaded.data if isinstance(loaded.data, dict) else {}
    sources = loaded.root.value if isinstance(loaded.root, yaml.MappingNode) else []
    node = next((value for key, value in sources if getattr(key, "value", None) == "sources"), None)
    if not isinstance(node, yaml.SequenceNode) or node.flow_style or not node.value:
        problems.add(sheet, loaded.line_of(("sources",)), "sources", "no list of sources to add the article to",
                     "write `sources:` as a list of entries, one `- id: …` each")
        return None
    entries = data.get("sources") or []
    for i, entry in enumerate(entries):
        if isinstance(entry, dict) and entry.get("kind") == "article" and entry.get("article") == article.id:
            return Plan(source, target, article, sheet, "", str(entry.get("id")), loaded.line_of(("sources", i)))
    source_id = _free_id(article.id, data)
    after = [i for i, e in enumerate(entries) if isinstance(e, dict) and e.get("kind") == "article"] or \
        [len(node.value) - 1]
    last_item = node.value[after[-1]]
    lines = (sheet.read_text(encoding="utf-8")).split("\n")
    at = _last_line(last_item) + 1  # 0-based index of the line after the entry
    stub = _stub(source_id, article, indent=" " * max(0, last_item.start_mark.column - 2))
    text = "\n".join(lines[:at] + stub + lines[at:])
    line_of = {index: at + 1 + index for index in range(len(stub))}  # stub[0] is the blank line at `at`
    mark = next(i for i, stub_line in enumerate(stub) if EDITOR_MARK in stub_line)
    return Plan(source, target, article, sheet, text, source_id, line_of[1], line_of[mark])


def add(plan: Plan) -> Path | None:
    """Copy the article (unless the same bytes are there), write the fact sheet with its entry, and bring the
    published schema's ids up to date if there is one; the schema's path if it changed."""
    if not plan.target.exists():
        write_whole(plan.target, plan.source.read_bytes())
    if plan.text:
        write_whole(plan.sheet, plan.text.encode("utf-8"))
    schema = plan.sheet.parent / editor_schema.FILE
    text = editor_schema.current(plan.sheet.parent) if schema.is_file() else None
    if text is None or text == schema.read_text(encoding="utf-8"):
        return None
    write_whole(schema, text.encode("utf-8"))
    return schema


def checklist(article: Article, source_id: str) -> list[str]:
    """The numbered paragraphs and their sentences, as lines to tick off while citing."""
    sentences = [(p, split_sentences(p.text)) for p in article.paragraphs]
    count = sum(len(s) for _, s in sentences)
    out = [f"Citation checklist: {len(article.paragraphs)} paragraphs, {count} sentences. Cite each sentence from a "
           f"fact, quote or event as {{source: {source_id}, paragraph: pN}}:"]
    for paragraph, spans in sentences:
        out.append(f"{paragraph.id} (line {paragraph.line})")
        out += [f"  [ ] {n}. {span.text}" for n, span in enumerate(spans, 1)]
    return out


def _free_id(wanted: str, data: dict) -> str:
    """`wanted`, or `wanted-article`, `wanted-article-2` …: an id no record of the sheet has (ids are unique
    across the whole sheet)."""
    taken = {r.get("id") for records in data.values() if isinstance(records, list)
             for r in records if isinstance(r, dict)}
    candidate, n = wanted, 1
    while candidate in taken:
        candidate = f"{wanted}-article" + (f"-{n}" if n > 1 else "")
        n += 1
    return candidate


def _last_line(node: yaml.Node) -> int:
    """The 0-based number of the last line that holds text of `node` (comments after it are not its)."""
    if isinstance(node, yaml.ScalarNode):  # an end mark at a line's start (a block scalar's) ends the line before
        return max(node.start_mark.line, node.end_mark.line - (node.end_mark.column == 0))
    parts = node.value if isinstance(node, yaml.SequenceNode) else [part for pair in node.value for part in pair]
    return max([node.start_mark.line] + [_last_line(part) for part in parts])


def _stub(source_id: str, article: Article, indent: str) -> list[str]:
    title = json.dumps(article.title, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar
    return ["", f"{indent}- id: {source_id}",
            f"{indent}  kind: article",
            f"{indent}  article: {article.id}",
            f"{indent}  title: {title}",
            f"{indent}  {EDITOR_MARK} publisher, date and address of the article as published; then remove the #:",
            f"{indent}  # publisher: \"…\"",
            f"{indent}  # date: YYYY-MM-DD",
            f"{indent}  # url: https://…",
            f"{indent}  worked_through: false  # true once its sentences are cited: the coverage minimum applies"]
