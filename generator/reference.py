"""The fact sheet reference for editors, derived from the schema's JSON Schema.

The text here comes from the schema in our own code, not from inputs, so it is marked safe
Markdown (backticks and links kept).
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from . import editor_schema


@dataclass(frozen=True)
class FieldDoc:
    key: str
    type: str
    required: bool
    description: str


@dataclass(frozen=True)
class RecordDoc:
    name: str
    description: str
    fields: list[FieldDoc]


def _type(spec: dict, defs: dict) -> str:
    if "$ref" in spec:
        name = spec["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    if "anyOf" in spec:
        kinds = [_type(s, defs) for s in spec["anyOf"] if s.get("type") != "null"]
        return " or ".join(kinds)
    if "enum" in spec:
        return "one of " + ", ".join(f"`{v}`" for v in spec["enum"])
    if "const" in spec:
        return f"`{spec['const']}`"
    kind = spec.get("type", "any")
    if kind == "array":
        return f"list of {_type(spec.get('items', {}), defs)}"
    names = {"string": "text", "number": "number", "integer": "whole number", "boolean": "true/false",
             "object": "mapping"}
    text = names.get(kind, kind)
    if "pattern" in spec:
        text += " (form `" + spec["pattern"] + "`)"
    return text


def record_docs() -> list[RecordDoc]:
    schema = editor_schema.base()
    defs = schema.get("$defs", {})
    docs = []
    for name, spec in [("FactSheet", schema), *sorted(defs.items())]:
        required = set(spec.get("required", []))
        fields = [FieldDoc(key=Markup(key), type=Markup(_type(prop, defs)), required=key in required,
                           description=Markup(prop.get("description", "")))
                  for key, prop in spec.get("properties", {}).items()]
        docs.append(RecordDoc(name=name, description=Markup(spec.get("description", "")), fields=fields))
    return docs
