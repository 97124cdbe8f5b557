"""Small helpers shared by the tests: make a throwaway project and build it with real MkDocs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "cases"


def make_project(where: Path, seeds: Path = ROOT / "seeds") -> Path:
    """A copy of the site project (config, hand-written pages, seeds) around the real generator."""
    where.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", where / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", where / "docs")
    shutil.copytree(ROOT / "overrides", where / "overrides")  # theme.custom_dir
    shutil.copytree(seeds, where / "seeds")
    (where / "generator").symlink_to(ROOT / "generator")
    return where


def run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=environment, timeout=600)


def mkdocs_build(project: Path, *extra: str, **env: str) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "mkdocs", "build", "--strict", *extra], project, **env)


def generator(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "generator", *args], project)


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def visible(fragment: str) -> str:
    """The text a reader sees in an HTML fragment: tags removed, entities decoded, spaces collapsed."""
    import html
    import re

    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def fact_div(page: str, fact_id: str) -> str:
    """The HTML block of one fact on a page."""
    import re

    match = re.search(r'<div class="fact[^"]*" id="' + fact_id + r'">(.*?)</div>', page, re.DOTALL)
    assert match, f"no fact {fact_id}"
    return match.group(0)
