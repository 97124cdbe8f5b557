"""Load the fact sheet and validate it against the schema, keeping YAML lines in errors."""

from __future__ import annotations

import difflib
import types
import typing
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .articles import Article, Paragraph
from .errors import Problems
from .schema import Citation, FactSheet, Source
from .text import iso_date
from .yamlload import KeyPath, Loaded, format_path, load_yaml

DATE_KEYS = frozenset({"date", "as_of", "review_after", "accessed", "last_reviewed", "answered"})


@dataclass
class LoadedFactSheet:
    path: Path
    sheet: FactSheet
    yaml: Loaded

    def line(self, *path: str | int) -> int:
        return self.yaml.line_of(tuple(path))

    def key(self, *path: str | int) -> str:
        """The key path as messages write it, records named by id: `facts[isil-detainees].cite[0]`."""
        return format_path(tuple(path), self.yaml.data)


def read_factsheet(path: Path, problems: Problems) -> LoadedFactSheet | None:
    if not path.is_file():
        problems.add(path, 0, "", "the fact sheet is missing", "create it; see the fact sheet reference page")
        return None
    before = len(problems.errors)
    loaded = load_yaml(path, problems)
    if loaded is None or len(problems.errors) > before:
        return None  # a YAML-level mistake (duplicate key, tag …) would only cause confusing schema errors
    if not isinstance(loaded.data, dict):
        problems.add(path, 1, "", "the fact sheet must be a mapping of sections (meta:, sources:, …)",
                     "start the file with `meta:`")
        return None
    try:
        sheet = FactSheet.model_validate(loaded.data)
    except ValidationError as exc:
        for error in exc.errors():
            _report(error, loaded, path, problems)
        return None
    return LoadedFactSheet(path=path, sheet=sheet, yaml=loaded)


def _report(error: dict, loaded: Loaded, path: Path, problems: Problems) -> None:
    loc = _yaml_path(tuple(error["loc"]), loaded.data)
    kind = error["type"]
    line = loaded.line_of(loc)
    key = format_path(loc, loaded.data)
    if kind == "extra_forbidden":
        allowed = _fields_at(loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = f"did you mean `{close[0]}`?" if close else f"allowed keys: {', '.join(allowed)}"
        problems.add(path, line, key, "unknown key", hint)
    elif kind == "missing":
        problems.add(path, line, key, "required key is missing", f"add `{loc[-1]}:`")
    elif kind == "literal_error":
        problems.add(path, line, key, f"{_value(loaded, loc)} is not allowed",
                     f"use one of: {error['ctx']['expected']}")
    elif kind == "string_pattern_mismatch":
        value = _value_raw(loaded, loc)
        suggestion = iso_date(value) if isinstance(value, str) and str(loc[-1]) in DATE_KEYS else None
        problems.add(path, line, key, f"{_value(loaded, loc)} has the wrong form",
                     f"write it as {suggestion}" if suggestion else _pattern_hint(loc))
    elif kind == "too_short":
        problems.add(path, line, key, "must not be empty", "add at least one entry")
    elif kind == "value_error":
        problems.add(path, line, key, str(error["ctx"]["error"]), _pattern_hint(loc))
    elif kind.endswith("_type") or kind == "model_type":
        problems.add(path, line, key, f"expected {_expected(kind)}, found {_describe(_value_raw(loaded, loc))}",
                     "quote text values; a mapping needs `key: value` lines")
    else:
        problems.add(path, line, key, error["msg"], "see the fact sheet reference page")


def _yaml_path(loc: tuple, data: object) -> KeyPath:
    """Pydantic's location, mapped back to YAML keys (aliases like `from` already match)."""
    out: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            out.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            out.append(part)
            node = node[part]
        elif isinstance(part, (str, int)) and not str(part).startswith(("function-", "union[")):
            out.append(part)
            node = None
    return tuple(out)


def _value_raw(loaded: Loaded, loc: KeyPath) -> object:
    node = loaded.data
    for part in loc:
        try:
            node = node[part]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def _value(loaded: Loaded, loc: KeyPath) -> str:
    value = _value_raw(loaded, loc)
    return repr(value) if value is not None else "the value"


def _describe(value: object) -> str:
    names = {dict: "a mapping", list: "a list", str: "text", bool: "true/false", int: "a number",
             float: "a number", type(None): "nothing"}
    return names.get(type(value), type(value).__name__)


def _expected(kind: str) -> str:
    return {"string_type": "text", "list_type": "a list (lines starting with `- `)",
            "model_type": "a mapping of keys", "dict_type": "a mapping of keys",
            "float_type": "a number", "int_type": "a whole number",
            "bool_type": "true or false"}.get(kind, kind.removesuffix("_type"))


def _pattern_hint(loc: KeyPath) -> str:
    last = str(loc[-1]) if loc else ""
    if last in DATE_KEYS:
        return "write a date as 2025, 2025-12 or 2025-12-10"
    if last == "paragraph":
        return "cite a paragraph as p1, p2, … as numbered on the article's page"
    if last == "url":
        return "use a full http:// or https:// address"
    return "ids use lower-case letters, digits and hyphens, e.g. `brad-cooper`"


def _fields_at(loc: KeyPath) -> list[str]:
    """The keys allowed at a location, for 'did you mean' hints."""
    model: type[BaseModel] | None = FactSheet
    for part in loc:
        if model is None:
            return []
        if isinstance(part, int):
            continue
        field = next((f for name, f in model.model_fields.items() if (f.alias or name) == part), None)
        model = _model_in(field.annotation) if field else None
    if model is None:
        return []
    return [f.alias or name for name, f in model.model_fields.items()]


def _model_in(annotation: object) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found:
                return found
    return None


def all_sources(sheet: FactSheet, articles: list[Article]) -> dict[str, Source]:
    """Declared sources, plus one implicit source per article that no record describes."""
    sources = {s.id: s for s in sheet.sources}
    described = {s.article for s in sheet.sources if s.kind == "article"}
    for article in articles:
        if article.id not in described and article.id not in sources:
            sources[article.id] = Source(id=article.id, kind="article", article=article.id)
    return sources


def cited_paragraph(cite: Citation, sources: dict[str, Source], articles: dict[str, Article]) -> Paragraph | None:
    """The article paragraph a citation names, if its source is an article that has that paragraph."""
    source = sources.get(cite.source)
    if source is None or source.kind != "article" or not cite.paragraph:
        return None
    article = articles.get(source.article or "")
    return article.paragraph(cite.paragraph) if article else None
