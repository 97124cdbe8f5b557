"""The on-disk memo of slow pure steps: a hit is exactly what the step returns, a change of code misses."""

from __future__ import annotations

import types
from pathlib import Path

from generator import diskcache, pipeline
from tests.helpers import ROOT


def _module(path: Path, source: str) -> types.ModuleType:
    path.write_text(source, encoding="utf-8")
    module = types.ModuleType("step")
    module.__file__ = str(path)
    return module


def test_a_hit_returns_what_the_step_returned_without_running_it(tmp_path, monkeypatch):
    """Check that the second call with the same step, key and code reads the entry back unchanged."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    code = (_module(tmp_path / "step.py", "x = 1\n"),)
    runs = []
    value = {"text": "<svg>é</svg>", "list": [1, 2.5, None, True]}
    first = diskcache.memo("step", "key", code, lambda: runs.append(1) or value)
    second = diskcache.memo("step", "key", code, lambda: runs.append(1) or value)
    assert first == second == value and len(runs) == 1
    assert diskcache.memo("step", "other key", code, lambda: runs.append(1) or "other") == "other"
    assert len(runs) == 2


def test_a_change_of_code_is_a_miss(tmp_path, monkeypatch):
    """Check that editing a module the step depends on makes the step run again."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    module = _module(tmp_path / "step.py", "x = 1\n")
    assert diskcache.memo("step", "key", (module,), lambda: "old") == "old"
    _module(tmp_path / "step.py", "x = 2\n")
    assert diskcache.memo("step", "key", (module,), lambda: "new") == "new"


def test_an_unwritable_cache_folder_only_means_no_memo(tmp_path, monkeypatch):
    """Check that a cache folder that cannot be made (a file is in the way) still gives the value."""
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
    code = (_module(tmp_path / "step.py", "x = 1\n"),)
    assert diskcache.memo("step", "key", code, lambda: [1, 2]) == [1, 2]
    assert diskcache.memo("step", "key", code, lambda: [1, 2]) == [1, 2]


def test_pages_are_byte_identical_from_a_cold_and_a_warm_cache(tmp_path, monkeypatch):
    """Check that the seed site's pages are the same whether the memo is empty or full."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))

    def fresh_build() -> dict[str, str]:
        return pipeline.build(ROOT / "seeds").pages

    cold = fresh_build()
    kinds = sorted(path.name.rsplit("-", 1)[0] for path in (tmp_path / "cache").rglob("*.json"))
    assert kinds == ["map-name-spots", "schema", "timeline"]
    assert fresh_build() == cold
