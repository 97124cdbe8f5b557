"""Work split with a forked worker (the generator's rendering, MkDocs's conversion): the same pages, the
same site and the same warnings as in one process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from generator import pipeline, render, workers
from tests.helpers import ROOT, make_project, mkdocs_build, tree_bytes


def test_pages_rendered_with_a_worker_are_the_pages_rendered_in_one_process(monkeypatch):
    """Check that rendering every other page in a forked worker gives the same pages and data files, in
    the same order."""
    monkeypatch.setenv("EXPLAINER_JOBS", "1")
    alone = pipeline.build(ROOT / "seeds", parallel=True).outputs
    monkeypatch.setenv("EXPLAINER_JOBS", "2")
    shared = pipeline.build(ROOT / "seeds", parallel=True).outputs
    assert list(shared.items()) == list(alone.items())


@pytest.mark.parametrize(("pages", "deferred"), [(n, d) for n in (1, 2, 5, 6) for d in range(n)])
def test_the_split_gives_every_page_once_and_the_page_made_as_it_is_rendered_to_the_worker(pages, deferred):
    """Check that the two shares cover every page once, in order, alternately, and that a page whose
    context is made as it is rendered (coverage) falls to the worker, whose time is to spare."""
    todo = [(f"p{i}.md", "t", (lambda: {}) if i == deferred else {}) for i in range(pages)]
    ours, theirs = render._split(todo)
    assert sorted(ours + theirs) == list(range(pages))
    assert ours == sorted(ours) and theirs == sorted(theirs)
    assert len(ours) - len(theirs) in (0, 1)
    assert deferred in theirs or pages == 1


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
    assert "a second process converts 19 of the 20 pages, from 'aab-broken.md' on" in built.stderr
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


def test_the_serve_helper_renders_what_one_process_renders():
    """Check that the serve helper (a process of its own, which reads the inputs itself) renders every
    other page as this process would, and signs what it read as this process does."""
    alone = pipeline.build(ROOT / "seeds", with_history=True)
    before = pipeline._inputs(ROOT / "seeds")
    site, _ = pipeline.load(ROOT / "seeds")
    site.history = alone.site.history
    signature, pages = workers.Helper.submit(pipeline._helper_share, ROOT / "seeds", False, None, True,
                                             "directory").result(timeout=120)
    assert signature == pipeline._signature(before, ROOT / "seeds", site)
    assert [path for path, _ in pages] == list(alone.pages)[1::2]
    assert [rendered.markdown for _, rendered in pages] == list(alone.pages.values())[1::2]
    shared = pipeline.build(ROOT / "seeds", with_history=True, helper=True)
    assert list(shared.outputs.items()) == list(alone.outputs.items())


def test_a_save_while_the_inputs_are_read_changes_the_signature(tmp_path):
    """Check that an input changed during a read leaves no signature, so neither process's pages are
    mixed with the other's."""
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    site, _ = pipeline.load(seeds)
    before = pipeline._inputs(seeds)
    assert pipeline._signature(before, seeds, site) is not None
    sheet = seeds / "factsheet.yaml"
    sheet.write_text(sheet.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert pipeline._signature(before, seeds, site) is None


HELPER_THEN_WAIT = """
import sys, time
from generator import workers
workers.Helper.submit(int).result(timeout=60)
print(*workers.Helper._pool._processes, flush=True)
time.sleep(60)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(")")[-1].split()[0] == "Z")  # a zombie has ended


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_serve_helper_ends_when_the_serving_process_is_killed():
    """Check that killing the serving process outright (no chance to stop its helper) still ends the helper,
    so no process is left holding a copy of the site."""
    serving = subprocess.Popen([sys.executable, "-c", HELPER_THEN_WAIT], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        helper = int(serving.stdout.readline())
        assert _alive(helper)
    finally:
        serving.kill()
        serving.wait()
    for _ in range(50):
        if not _alive(helper):
            break
        time.sleep(0.1)
    assert not _alive(helper)
