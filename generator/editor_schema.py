"""The fact sheet's JSON Schema as published for editors' YAML extensions: seeds/factsheet.schema.json.

Its shape comes from the models of `schema.py`. The ids a reference may name come from the fact sheet
itself (its topics, entities and sources) and from the files in seeds/articles: each reference lists
them (`enum`), so that an extension such as Red Hat's YAML for VS Code offers them as you type and
underlines one that does not exist. The lists are only as current as the file: `make schema` writes it
(`make article` does too, after adding a source), and `generator check` warns when it is out of date.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

from . import diskcache
from . import schema as schema_module
from .articles import ARTICLE_SUFFIX, article_id
from .errors import Problems
from .schema import ID_PATTERN, IDS_OF, FactSheet
from .yamlload import load_yaml

FILE = "factsheet.schema.json"
ID_KINDS = ("topics", "entities", "sources", "articles")
_ID = re.compile(ID_PATTERN)
_LIST_NAMES = {"topics": "TopicId", "entities": "EntityId", "sources": "SourceId", "articles": "ArticleId"}


def base() -> dict:
    """The models' JSON Schema (deriving it is slow next to a check; it changes only with `schema.py`)."""
    return diskcache.memo("schema", "", (schema_module,), lambda: FactSheet.model_json_schema(by_alias=True))


def ids_of(sheet: FactSheet, article_ids: list[str]) -> dict[str, list[str]]:
    """The ids of a checked fact sheet and its articles, as `ids` reads them from files."""
    found = {kind: sorted({r.id for r in getattr(sheet, kind)}) for kind in ID_KINDS[:3]}
    return {**found, "articles": sorted(set(article_ids))}


def ids(seeds: Path, problems: Problems) -> dict[str, list[str]] | None:
    """Every id a reference may name, by kind, sorted; None (and the problems) where the fact sheet's YAML
    cannot be read. The records need not be valid: an id is taken wherever a record has one."""
    loaded = load_yaml(seeds / "factsheet.yaml", problems) if (seeds / "factsheet.yaml").is_file() else None
    if loaded is None:
        if not problems.errors:
            problems.add(seeds / "factsheet.yaml", 0, "", "the fact sheet is missing", "create it")
        return None
    data = loaded.data if isinstance(loaded.data, dict) else {}
    found: dict[str, list[str]] = {}
    for kind in ID_KINDS[:3]:
        records = data.get(kind) if isinstance(data.get(kind), list) else []
        found[kind] = sorted({r["id"] for r in records if isinstance(r, dict) and isinstance(r.get("id"), str)
                              and _ID.match(r["id"])})
    folder = seeds / "articles"
    names = sorted(folder.glob(f"*{ARTICLE_SUFFIX}")) if folder.is_dir() else []
    found["articles"] = sorted({article_id(p) for p in names if _ID.match(article_id(p))})
    return found


def published(known: dict[str, list[str]] | None = None) -> str:
    """The JSON Schema's text; with `known` ids, each reference lists the ids of its kind."""
    data = copy.deepcopy(base())
    data["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    data["title"] = "Explainer fact sheet"
    _list_ids(data, known or {})
    for kind, values in sorted((known or {}).items()):
        if values:
            data["$defs"][_LIST_NAMES[kind]] = {
                "description": f"The {kind} of the fact sheet, as `make schema` last listed them.",
                "enum": values, "pattern": ID_PATTERN, "type": "string"}
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _list_ids(node: object, known: dict[str, list[str]]) -> None:
    """Replace each reference's marker (`schema.IDS_OF`) with a pointer to the list of its ids, if known."""
    if isinstance(node, list):
        for item in node:
            _list_ids(item, known)
    elif isinstance(node, dict):
        kind = node.pop(IDS_OF, None)
        if kind is not None and known.get(kind):
            description = node.get("description")
            node.clear()
            node["$ref"] = f"#/$defs/{_LIST_NAMES[kind]}"
            if description:
                node["description"] = description
        for value in node.values():
            _list_ids(value, known)


def current(seeds: Path) -> str | None:
    """The schema `make schema` would write for `seeds`, or None where the fact sheet cannot be read."""
    known = ids(seeds, Problems())
    return published(known) if known is not None else None
