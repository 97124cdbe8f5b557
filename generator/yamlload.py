"""Safe YAML loading that remembers the line of every node.

PyYAML's `safe_load` forgets where values came from and silently keeps the last of two
duplicate keys. This loader composes the node tree with `SafeLoader`, builds plain Python
values from it, records the line of every key path and reports duplicates, unknown tags,
tabs, byte-order marks and undecodable bytes as problems instead of tracebacks.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Problems

Path_ = tuple[str | int, ...]


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text: the schema parses them with their precision."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

# libyaml's parser, where PyYAML was built with it, composes the same nodes (with the same marks)
# about ten times faster; a file it rejects is parsed again in Python so messages never depend on it.
_STR = "tag:yaml.org,2002:str"


def _resolve(self, kind, value, implicit):
    """PyYAML's resolver, answering first what most scalars are: quoted text, or text that no implicit
    type (number, boolean, null) can start with; then, from memory, the keys said again and again
    (`title`, `topics`, `text`…). Half a million calls on a large fact sheet."""
    if kind is yaml.ScalarNode:
        if not implicit[0] or (value and value[0] not in self.yaml_implicit_resolvers):
            return _STR
        return _plain_tag(value)
    return yaml.resolver.Resolver.resolve(self, kind, value, implicit)


@functools.lru_cache(maxsize=8192)
def _plain_tag(value: str) -> str:
    """The tag of a plain (unquoted) scalar: it depends on its text alone (no path resolvers are set)."""
    return yaml.resolver.Resolver.resolve(_RESOLVER, yaml.ScalarNode, value, (True, False))


_CLoader = type("_CLoader", (yaml.CSafeLoader,), {"yaml_implicit_resolvers": _Loader.yaml_implicit_resolvers,
                                                  "resolve": _resolve}) \
    if getattr(yaml, "__with_libyaml__", False) else None
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_RESOLVER = _Loader("")  # the implicit resolvers of `_Loader`, for `_plain_tag`


@dataclass
class Loaded:
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int:
        """The line of the deepest known node on `path` (a missing key points at its parent)."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return 1


def format_path(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


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
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = exc.problem or "the YAML cannot be parsed"
        context = f" {exc.context}" if exc.context else ""
        problems.add(path, line, "", f"YAML syntax error: {what}{context}",
                     "check indentation, colons and quotes on this line and the one above")
        return None
    except yaml.YAMLError as exc:
        problems.add(path, 1, "", f"YAML error: {exc}", "check the file's syntax")
        return None
    loaded = Loaded(data=None)
    if node is None:
        loaded.data = {}
        return loaded
    loaded.data = _build(node, (), loaded, path, problems)
    return loaded


def _compose(text: str) -> yaml.Node | None:
    if _CLoader is not None:
        try:
            return yaml.compose(text, Loader=_CLoader)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=_Loader)


def _build(node: yaml.Node, path: Path_, loaded: Loaded, file: Path, problems: Problems) -> Any:
    loaded.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                problems.add(file, key_node.start_mark.line + 1, format_path(path),
                             "merge keys (<<) are not supported", "write the keys out in full")
                continue
            key = _scalar(key_node, path, file, problems)
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                problems.add(file, key_node.start_mark.line + 1, format_path(path),
                             f"key {key!r} is not text", "quote the key")
                continue
            key = str(key)
            if key in result:
                first = loaded.lines.get((*path, key), 0)
                problems.add(file, key_node.start_mark.line + 1, format_path((*path, key)),
                             f"duplicate key (first set on line {first})",
                             "keep one of the two; YAML would silently drop the first")
                continue
            result[key] = _build(value_node, (*path, key), loaded, file, problems)
            loaded.lines[(*path, key)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, i), loaded, file, problems) for i, item in enumerate(node.value)]
    return _scalar(node, path, file, problems)


def _scalar(node: yaml.Node, path: Path_, file: Path, problems: Problems) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        problems.add(file, node.start_mark.line + 1, format_path(path),
                     "a key must be plain text, not a list or mapping", "")
        return None
    try:
        return _construct(node)
    except yaml.YAMLError:
        problems.add(file, node.start_mark.line + 1, format_path(path),
                     f"the tag {node.tag} is not allowed",
                     "remove the tag; only plain YAML values are read (safe loading)")
        return None


def _construct(node: yaml.ScalarNode) -> Any:
    """Resolve one scalar with the safe constructor; unknown tags raise."""
    if node.tag == "tag:yaml.org,2002:str":  # most of a fact sheet: what the constructor would return
        return node.value
    try:
        return _CONSTRUCTOR.construct_object(node, deep=True)
    finally:  # one shared constructor: forget this node so nothing accumulates across builds
        _CONSTRUCTOR.constructed_objects.clear()
        _CONSTRUCTOR.recursive_objects.clear()

