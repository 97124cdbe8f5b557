"""Safe YAML loading that can say the line of every key path.

PyYAML's `safe_load` forgets where values came from and silently keeps the last of two
duplicate keys. This loader composes the node tree with `SafeLoader`, builds plain Python
values from it, keeps the tree to find the line of a key path when a problem names one, and
reports duplicates, unknown tags, tabs, byte-order marks and undecodable bytes as problems
instead of tracebacks.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Problems

KeyPath = tuple[str | int, ...]


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text: the schema parses them with their precision."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

# libyaml's parser, where PyYAML was built with it, composes the same nodes (with the same marks) much
# faster; a file it rejects is parsed again in Python so that messages never depend on it.
_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"
_IMPLICIT_FIRST = frozenset(_Loader.yaml_implicit_resolvers)


def _resolve_later(self, kind, value, implicit):
    """Called by libyaml's composer for every node without a tag: half a million times on a large fact
    sheet. It only marks the node; `_tag` resolves a scalar's tag when the value is built, from its text
    and style (the composer's `implicit` says no more than whether the scalar is plain)."""
    return _LATER


@functools.lru_cache(maxsize=8192)
def _plain_tag(value: str) -> str:
    """The tag of a plain (unquoted) scalar: it depends on its text alone (no path resolvers are set)."""
    return yaml.resolver.Resolver.resolve(_RESOLVER, yaml.ScalarNode, value, (True, False))


_LATER = "?later"  # the tag of a node composed by libyaml, until `_tag` resolves it
_CLoader = type("_CLoader", (yaml.CSafeLoader,), {"yaml_implicit_resolvers": _Loader.yaml_implicit_resolvers,
                                                  "resolve": _resolve_later}) \
    if getattr(yaml, "__with_libyaml__", False) else None
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_RESOLVER = _Loader("")  # the implicit resolvers of `_Loader`, for `_plain_tag`


@dataclass
class Loaded:
    """The plain values of a YAML file, and its node tree for finding the line of a key path.

    Lines are looked up only when a problem is reported, so they are found by walking the nodes then,
    not recorded for every node while the values are built (most nodes never need one)."""

    data: Any
    root: yaml.Node | None = None
    _keys: dict[int, dict[str, tuple[int, yaml.Node]]] = field(default_factory=dict, repr=False)

    def line_of(self, path: KeyPath) -> int:
        """The line of the deepest node found on `path`: a key's own line, a list item's first line
        (a missing key points at its parent)."""
        node = self.root
        if node is None:
            return 1
        line = node.start_mark.line + 1
        for part in path:
            found = self._child(node, part)
            if found is None:
                break
            line, node = found
        return line

    def _child(self, node: yaml.Node, part: str | int) -> tuple[int, yaml.Node] | None:
        if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and not isinstance(part, bool):
            if 0 <= part < len(node.value):
                item = node.value[part]
                return item.start_mark.line + 1, item
            return None
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            keys = self._keys.get(id(node))
            if keys is None:  # the keys `_build` kept, each with its first occurrence
                keys = self._keys[id(node)] = {}
                for key_node, value_node in node.value:
                    key = _key(key_node)
                    if key is not None and key not in keys:
                        keys[key] = (key_node.start_mark.line + 1, value_node)
            return keys.get(part)
        return None


_RECORD_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def format_path(path: KeyPath, data: Any = None) -> str:
    """`facts[isil-detainees].cite[0].quote`: with the file's values as `data`, a record in a list is named
    by its id where the id is its own (no other record of the list has it), else by its position."""
    out = ""
    node = data
    for part in path:
        if isinstance(part, int):
            out += f"[{_record_name(node, part)}]"
            node = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
        else:
            out += f".{part}" if out else str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return out


def _record_name(records: Any, index: int) -> str:
    if not isinstance(records, list) or not 0 <= index < len(records) or not isinstance(records[index], dict):
        return str(index)
    own = records[index].get("id")
    if not isinstance(own, str) or not _RECORD_ID.match(own):
        return str(index)
    same = sum(1 for r in records if isinstance(r, dict) and r.get("id") == own)
    return own if same == 1 else str(index)


def read_text(path: Path, problems: Problems) -> str | None:
    """Decode a UTF-8 file, reporting a BOM or bad bytes with their line."""
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.add(path, 1, "", "the file starts with a byte-order mark",
                     "save it as UTF-8 without BOM")
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.add(path, line, "", f"byte 0x{raw[exc.start]:02x} is not valid UTF-8",
                     "save the file as UTF-8")
        return None


def load_yaml(path: Path, problems: Problems) -> Loaded | None:
    text = read_text(path, problems)
    if text is None:
        return None
    if "\r" in text:
        line = text[: text.index("\r")].count("\n") + 1
        problems.add(path, line, "", "the file has Windows (CRLF) or old Mac line endings",
                     "save it with Unix (LF) line endings")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for number, content in enumerate(text.split("\n") if "\t" in text else (), start=1):
        indent = re.match(r"[ \t]*", content).group(0)
        if "\t" in indent:
            problems.add(path, number, "", "a tab is used for indentation",
                         "YAML indents with spaces only; replace the tab with spaces")
            return None
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        problems.add(path, *_syntax_error(exc, text))
        return None
    except yaml.YAMLError as exc:
        problems.add(path, 1, "", f"YAML error: {exc}", "check the file's syntax")
        return None
    if node is None:
        return Loaded(data={})
    found: list[_Found] = []
    data = _build(node, (), found)
    for line, loc, message, hint in found:
        problems.add(path, line, format_path(loc, data), message, hint)
    return Loaded(data=data, root=node)


_Found = tuple[int, KeyPath, str, str]  # a problem met while building values: line, key path, message, hint
# A line of YAML structure (a key, a list item's key, a comment) that a quoted value swallowed.
_STRUCTURE = re.compile(r"^\s*(?:- )?(?:[\w-]+:(?:\s|$)|#)")


def _syntax_error(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, str, str, str]:
    """(line, key, message, hint) for text YAML cannot parse. A quote or bracket left open is the usual
    cause, and the parser only stumbles lines later, where the next quote closes it: name the line that
    opened it instead."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    context = exc.context or ""
    if exc.context_mark is not None and context.startswith("while scanning a quoted scalar"):
        quote = text[exc.context_mark.index:exc.context_mark.index + 1]
        return (exc.context_mark.line + 1, "", f"the {quote} opened on this line is never closed",
                f"end the value with {quote}")
    if exc.context_mark is not None and context.startswith(("while parsing a flow sequence",
                                                             "while parsing a flow mapping")):
        bracket = "[" if "sequence" in context else "{"
        closing = "]" if bracket == "[" else "}"
        return (exc.context_mark.line + 1, "", f"the {bracket} opened on this line is never closed",
                f"end the list with {closing}" if bracket == "[" else f"end the mapping with {closing}")
    opened, quote = _unclosed_quote(text, line)
    if opened:
        return (opened, "", f"the {quote} opened on this line is not closed where the value ends: YAML read on "
                f"to line {line}", f"end the value with {quote} on this line")
    what = exc.problem or "the YAML cannot be parsed"
    return (line, "", f"YAML syntax error: {what}{' ' + context if context else ''}",
            "check indentation, colons and quotes on this line and the one above")


def _unclosed_quote(text: str, line: int) -> tuple[int, str]:
    """The line and quotation mark of a quoted value that runs on to `line` (where the parser failed) across
    lines of YAML structure, or (0, ""). Only ever called for text that fails to parse."""
    lines = text.split("\n")
    tokens: list[yaml.Token] = []
    try:
        for token in yaml.scan(text, Loader=_Loader):
            tokens.append(token)
            if token.start_mark.line + 1 > line:
                break
    except yaml.YAMLError:
        pass
    for token in reversed(tokens):
        start, end = token.start_mark.line + 1, token.end_mark.line + 1
        if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'") and start < line == end and \
                any(_STRUCTURE.match(lines[n - 1]) for n in range(start + 1, end + 1)):
            return start, token.style
    return 0, ""


def plain_values(text: str) -> Any:
    """The values of a YAML text by the rules `load_yaml` follows (dates stay text; of two duplicate keys
    the first is kept; merge keys and unknown tags are left out), without lines or problems: for the
    fact sheet as it was at an earlier commit. Raises `yaml.YAMLError` where the text cannot be parsed."""
    node = _compose(text)
    return {} if node is None else _build(node, (), [])


def _compose(text: str) -> yaml.Node | None:
    if _CLoader is not None:
        try:
            return yaml.compose(text, Loader=_CLoader)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=_Loader)


def _build(node: yaml.Node, path: KeyPath, found: list[_Found]) -> Any:
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if _tag(key_node) == _MERGE:
                found.append((key_node.start_mark.line + 1, path, "merge keys (<<) are not supported",
                              "write the keys out in full"))
                continue
            key = _scalar(key_node, path, found)
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                found.append((key_node.start_mark.line + 1, path, f"key {key!r} is not text", "quote the key"))
                continue
            key = str(key)
            if key in result:
                first = next(k.start_mark.line + 1 for k, _ in node.value if _key(k) == key)
                found.append((key_node.start_mark.line + 1, (*path, key), f"duplicate key (first set on line {first})",
                              "keep one of the two; YAML would silently drop the first"))
                continue
            result[key] = _build(value_node, (*path, key), found)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, i), found) for i, item in enumerate(node.value)]
    return _scalar(node, path, found)


def _key(node: yaml.Node) -> str | None:
    """A mapping key as `_build` keeps it, or None where it reports the key instead."""
    if not isinstance(node, yaml.ScalarNode) or _tag(node) == _MERGE:
        return None
    try:
        key = _construct(node)
    except yaml.YAMLError:
        return None
    return str(key) if isinstance(key, (str, int)) and not isinstance(key, bool) else None


def _scalar(node: yaml.Node, path: KeyPath, found: list[_Found]) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        found.append((node.start_mark.line + 1, path, "a key must be plain text, not a list or mapping", ""))
        return None
    try:
        return _construct(node)
    except yaml.YAMLError:
        found.append((node.start_mark.line + 1, path, f"the tag {node.tag} is not allowed",
                      "remove the tag; only plain YAML values are read (safe loading)"))
        return None


def _tag(node: yaml.Node) -> str:
    """A node's tag; for a scalar libyaml composed without one, what PyYAML's resolver would have said:
    text when quoted or a block (`|`, `>`), else by its text alone, answering first for text that no
    implicit type (number, boolean, null) can start with."""
    tag = node.tag
    if tag != _LATER or not isinstance(node, yaml.ScalarNode):  # a list or mapping: only ever asked if a merge key
        return tag
    value = node.value
    if node.style or (value and value[0] not in _IMPLICIT_FIRST):
        return _STR
    return _plain_tag(value)


def _construct(node: yaml.ScalarNode) -> Any:
    """Resolve one scalar with the safe constructor; unknown tags raise."""
    tag = _tag(node)
    if tag == _STR:  # most of a fact sheet: what the constructor would return
        return node.value
    if tag != node.tag:
        node.tag = tag
    try:
        return _CONSTRUCTOR.construct_object(node, deep=True)
    finally:  # one shared constructor: forget this node so nothing accumulates across builds
        _CONSTRUCTOR.constructed_objects.clear()
        _CONSTRUCTOR.recursive_objects.clear()
