"""The house: a core that never sees MkDocs, keeps no module-level state and has no import cycle; a second
process that renders the same pages as one."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator import parallel, pipeline
from tests.helpers import ROOT

CORE = sorted(p for p in (ROOT / "generator").rglob("*.py") if "mkdocs_adapter" not in p.parts)
ADAPTER = sorted((ROOT / "generator" / "mkdocs_adapter").glob("*.py"))
BUILDERS = ("mkdocs", "material", "markdown", "pymdownx", "properdocs")


def _module(path: Path, root: Path = ROOT) -> str:
    return ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__")


def _imports(path: Path, root: Path = ROOT) -> set[str]:
    """The modules a file imports, relative imports resolved against its package."""
    module = _module(path, root)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return found


def test_the_core_imports_neither_mkdocs_nor_the_adapter():
    """Check that no core module names MkDocs, Material, Markdown or the adapter in an import, and that
    importing every core module loads none of them."""
    for path in CORE:
        bad = {m for m in _imports(path) if m.split(".")[0] in BUILDERS or m.startswith("generator.mkdocs_adapter")}
        assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"
    modules = [_module(p) for p in CORE]
    probe = (f"import sys, importlib; [importlib.import_module(m) for m in {modules!r}]; "
             f"print(sorted(m for m in sys.modules if m.split('.')[0] in {BUILDERS!r} "
             f"or m.startswith('generator.mkdocs_adapter')))")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_core_module_that_imports_mkdocs_is_caught(tmp_path):
    """Check that the import scan sees an import of MkDocs or of the adapter, relative ones included."""
    sample = tmp_path / "generator" / "sample.py"
    sample.parent.mkdir()
    sample.write_text("from .mkdocs_adapter import hook\nimport markdown.extensions\n", encoding="utf-8")
    found = _imports(sample, tmp_path)
    assert "generator.mkdocs_adapter.hook" in found and "markdown.extensions" in found


def test_the_core_has_no_import_cycle():
    """Check that the core's imports between its own modules form no cycle."""
    names = {_module(p): p for p in CORE}
    graph = {name: {m for m in _imports(path) if m in names and m != name} for name, path in names.items()}
    done: set[str] = set()

    def visit(name: str, trail: tuple[str, ...]) -> None:
        assert name not in trail, "import cycle: " + " → ".join((*trail[trail.index(name):], name))
        if name in done:
            return
        for target in sorted(graph[name]):
            visit(target, (*trail, name))
        done.add(name)

    for name in sorted(graph):
        visit(name, ())


def test_the_core_keeps_no_module_level_mutable_state():
    """Check that no core module starts an empty dict, list or set at module level, or rebinds a global:
    data travels in arguments and return values, not through module variables."""
    for path in CORE:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            assert not isinstance(node, ast.Global), f"{path.relative_to(ROOT)}:{node.lineno}: global statement"
        for node in tree.body:
            value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
            empty = isinstance(value, (ast.Dict, ast.List, ast.Set)) and not (
                getattr(value, "keys", None) or getattr(value, "elts", None))
            called = isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and \
                value.func.id in ("dict", "list", "set", "defaultdict") and not value.args
            assert not (empty or called), f"{path.relative_to(ROOT)}:{node.lineno}: module-level mutable state"


@pytest.mark.parametrize("path", CORE + ADAPTER, ids=lambda p: str(p.relative_to(ROOT)))
def test_modules_stay_readable_in_one_sitting(path: Path):
    """Check that no module of the generator is longer than about 330 lines."""
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 330


def test_pages_rendered_by_two_processes_are_the_pages_rendered_by_one(monkeypatch):
    """Check that rendering every other page in a forked child gives the same pages, blocks and data files,
    in the same order."""
    monkeypatch.setenv(parallel.JOBS_VARIABLE, "1")
    alone = pipeline.build(ROOT / "seeds", parallel_ok=True)
    monkeypatch.setenv(parallel.JOBS_VARIABLE, "2")
    shared = pipeline.build(ROOT / "seeds", parallel_ok=True)
    assert list(shared.outputs.items()) == list(alone.outputs.items())
    assert shared.blocks == alone.blocks


def test_a_child_that_dies_raises_instead_of_hanging():
    """Check that a child that dies without answering (killed for memory, say) makes `result()` raise."""
    child = parallel.Child(lambda: os._exit(3))
    with pytest.raises(parallel.ChildFailed, match="ended without an answer"):
        child.result()


def test_a_child_that_fails_raises_its_error_here():
    """Check that an exception in the child is raised in the parent, with the child's traceback."""
    child = parallel.Child(lambda: 1 / 0)
    with pytest.raises(parallel.ChildFailed, match="ZeroDivisionError"):
        child.result()


def test_a_child_answers_a_large_result():
    """Check that a result larger than a pipe's buffer comes back whole (the parent reads before it waits)."""
    assert parallel.Child(lambda: "x" * 5_000_000).result() == "x" * 5_000_000
