"""The one on-disk cache: results of slow steps that are pure functions of their inputs and of our code.

Each fresh process (every `mkdocs build`, every run of the CLI) would otherwise redo them: drawing the
actors diagram, deriving the JSON Schema, comparing versions of the fact sheet from git. An entry's
name is a hash of the step, its key and the source of the modules that compute it, so a change to any
of them is a miss, and a hit gives the very value the step returned: output stays byte-identical.
Entries are JSON files in the user's cache folder, written whole or not at all; a folder that cannot
be written only means no cache (logged). Never pickles: nothing read back can run code.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

from .write import write_whole

T = TypeVar("T")
log = logging.getLogger(__name__)
MISSING = object()


def folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "syria-explainer"


class Store:
    """The entries of one step, for the code that computes it as it is now."""

    def __init__(self, step: str, code: tuple[ModuleType, ...]) -> None:
        digest = hashlib.sha256(step.encode() + b"\0")
        for module in code:
            for file in _source_files(module):
                digest.update(file.read_bytes())
        self.step, self._code = step, digest.digest()
        self.folder = folder()

    def _path(self, key: str) -> Path:
        digest = hashlib.sha256(self._code + key.encode("utf-8", "surrogatepass")).hexdigest()
        return self.folder / f"{self.step}-{digest[:32]}.json"

    def get(self, key: str) -> Any:
        """The value stored under `key`, or MISSING."""
        try:
            return json.loads(self._path(key).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return MISSING
        except (OSError, ValueError) as exc:
            log.info("cache entry of %s unreadable, computed again (%s)", self.step, exc)
            return MISSING

    def put(self, key: str, value: Any) -> None:
        path = self._path(key)
        try:
            write_whole(path, json.dumps(value, ensure_ascii=False).encode("utf-8"))
        except OSError as exc:
            log.info("cache folder %s cannot be written, %s is not cached (%s)", path.parent, self.step, exc)


def _source_files(module: ModuleType) -> list[Path]:
    """A module's file; for a package, every file in its folder (its data files too), in a stable order."""
    if hasattr(module, "__path__"):
        return sorted(p for folder in module.__path__ for p in Path(folder).rglob("*")
                      if p.is_file() and "__pycache__" not in p.parts)
    return [Path(module.__file__ or "")]


def memo(step: str, key: str, code: tuple[ModuleType, ...], compute: Callable[[], T]) -> T:
    """`compute()`, or what it returned before for the same step, key and source code."""
    store = Store(step, code)
    value = store.get(key)
    if value is MISSING:
        value = compute()
        store.put(key, value)
    return value
