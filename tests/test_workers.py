"""Work split with a forked worker (the generator's rendering, MkDocs's conversion): the same pages, the
same site and the same warnings as in one process."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures.process import BrokenProcessPool

import pytest

from generator import pipeline, workers
from tests.helpers import ROOT, make_project, mkdocs_build, tree_bytes


def test_pages_rendered_with_a_worker_are_the_pages_rendered_in_one_process(monkeypatch):
    """Check that rendering every other page in a forked worker gives the same pages and data files, in
    the same order."""
    monkeypatch.setenv("EXPLAINER_JOBS", "1")
    alone = pipeline.build(ROOT / "seeds", parallel=True).outputs
    monkeypatch.setenv("EXPLAINER_JOBS", "2")
    shared = pipeline.build(ROOT / "seeds", parallel=True).outputs
    assert list(shared.items()) == list(alone.items())


def test_a_build_with_a_worker_gives_the_same_site_as_one_process(tmp_path):
    """Check that the site built with the conversion worker is byte for byte the site built without it."""
    project = make_project(tmp_path / "p")
    alone = mkdocs_build(project, "--site-dir", str(tmp_path / "alone"), EXPLAINER_JOBS="1")
    shared = mkdocs_build(project, "--site-dir", str(tmp_path / "shared"), EXPLAINER_JOBS="2")
    assert alone.returncode == 0, alone.stderr
    assert shared.returncode == 0, shared.stderr
    assert tree_bytes(tmp_path / "shared") == tree_bytes(tmp_path / "alone")


def test_a_broken_link_on_a_page_the_worker_converts_still_fails_a_strict_build(tmp_path):
    """Check that a warning raised while the worker converts a page is reported once, by MkDocs's own
    process, and fails `--strict`. The pages are split by size: a first page twice as large as all the
    others together leaves every later page, the one with the broken link included, to the worker."""
    project = make_project(tmp_path / "p")
    docs = project / "docs"
    generated = sum(len(text) for text in pipeline.build(project / "seeds").pages.values())
    paragraph = "A plain paragraph of text.\n\n"
    (docs / "aaa-long.md").write_text("# Long\n\n" + paragraph * (2 * generated // len(paragraph)),
                                      encoding="utf-8")
    (docs / "aab-broken.md").write_text("# Broken\n\nSee [the missing page](no-such-page.md).\n", encoding="utf-8")
    built = mkdocs_build(project, EXPLAINER_JOBS="2")
    assert built.returncode != 0
    assert "a second process converts 18 of the 19 pages, from 'aab-broken.md' on" in built.stderr
    said = "Doc file 'aab-broken.md' contains a link 'no-such-page.md', but the target is not found"
    assert built.stderr.count(said) == 1, built.stderr
    assert "Aborted with 1 warnings in strict mode!" in built.stdout


def _die(code: int) -> None:
    os._exit(code)  # as a worker killed for memory would: no exception, no result


def test_a_worker_that_dies_raises_instead_of_hanging():
    """Check that a worker process that dies makes `result()` raise, so a build stops instead of waiting."""
    worker = workers.Worker(_die, 3)
    with pytest.raises(BrokenProcessPool):
        worker.result()


def test_the_generator_runs_without_importing_mkdocs():
    """Check that the generator's own pipeline and CLI import no MkDocs module (only the hook's glue does)."""
    probe = ("import sys, generator.__main__, generator.pipeline, generator.workers; "
             "print(sorted(m for m in sys.modules if m.split('.')[0] == 'mkdocs'))")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
