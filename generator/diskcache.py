"""A small on-disk memo for slow steps that are pure functions of their inputs and of our code.

Each fresh process (every `mkdocs build`, every run of the CLI) otherwise redoes them: drawing the
actors diagram and deriving the JSON Schema took about a third of a small site's generation. An
entry's name is a hash of the step, its inputs and the source of the modules that compute it, so a
change to any of them is a miss, and a hit gives the very text the step would return: output stays
byte-identical. Entries are JSON text in the user's cache folder; a folder that cannot be written
only means no memo. Never pickles: nothing read back can run code.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TypeVar

T = TypeVar("T")


def folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "syria-explainer"


def memo(step: str, key: str, code: tuple[ModuleType, ...], compute: Callable[[], T]) -> T:
    """`compute()`, or what it returned before for the same step, key and source code."""
    digest = hashlib.sha256(step.encode() + b"\0" + key.encode("utf-8", "surrogatepass"))
    for module in code:
        digest.update(Path(module.__file__ or "").read_bytes())
    path = folder() / f"{step}-{digest.hexdigest()[:32]}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    value = compute()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False) as out:
            json.dump(value, out, ensure_ascii=False)
        os.replace(out.name, path)  # whole or not at all: a reader never sees half an entry
    except OSError:
        pass
    return value
