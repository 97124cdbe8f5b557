"""Only changed files are written, and a save sets off one rebuild: the editor's loop stays calm."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.helpers import CASES, generator, make_project
from tests.test_editor_loop import fetch, free_port, wait_for

BASIC = CASES / "basic" / "seeds"


def snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
            for p in sorted(folder.rglob("*")) if p.is_file()}


def counts(output: str) -> tuple[int, int, int]:
    found = re.search(r"(\d+) written, (\d+) unchanged, (\d+) removed", output)
    assert found, output
    return int(found.group(1)), int(found.group(2)), int(found.group(3))


def test_second_render_writes_nothing(tmp_path):
    """Check that `render --out` run twice on the same inputs writes no file the second time."""
    project = make_project(tmp_path / "p", BASIC)
    first = generator(project, "render", "--out", "build/pages")
    assert first.returncode == 0, first.stderr
    written, unchanged, removed = counts(first.stdout)
    assert written > 0 and unchanged == 0 and removed == 0
    before = snapshot(project / "build" / "pages")
    second = generator(project, "render", "--out", "build/pages")
    assert second.returncode == 0, second.stderr
    assert counts(second.stdout) == (0, written, 0)
    assert snapshot(project / "build" / "pages") == before  # not even rewritten with the same bytes


def test_one_line_edit_rewrites_only_the_pages_it_changes(tmp_path):
    """Check that a one-line edit of the fact sheet rewrites the pages that show it and leaves the rest."""
    project = make_project(tmp_path / "p", BASIC)
    assert generator(project, "render", "--out", "build/pages").returncode == 0
    before = snapshot(project / "build" / "pages")
    sheet = project / "seeds" / "factsheet.yaml"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace(
        "watch: [Whether the inspectors are hired.]", "watch: [Whether the inspectors are hired soon.]"),
        encoding="utf-8")
    result = generator(project, "render", "--out", "build/pages")
    assert result.returncode == 0, result.stderr
    written, unchanged, _ = counts(result.stdout)
    after = snapshot(project / "build" / "pages")
    changed = sorted(p for p in after if after[p] != before.get(p))
    assert "topics/accord.md" in changed
    assert written == len(changed) and unchanged == len(after) - len(changed) - 1  # the manifest is not a page
    assert written < len(after) // 2


def test_serve_rebuilds_once_per_save(tmp_path):
    """Check that each save of the fact sheet sets off exactly one rebuild of `mkdocs serve`."""
    project = make_project(tmp_path / "p", BASIC)
    port = free_port()
    log_path = tmp_path / "serve.log"
    url = f"http://127.0.0.1:{port}/topics/accord/"
    sheet = project / "seeds" / "factsheet.yaml"
    with log_path.open("w") as log:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                  cwd=project, stdout=log, stderr=subprocess.STDOUT,
                                  env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        try:
            assert wait_for(lambda: "Whether the inspectors are hired." in fetch(url))
            for word in ("first", "second"):
                text = sheet.read_text(encoding="utf-8")
                sheet.write_text(re.sub(r"watch: \[Whether the inspectors are hired[^\]]*\]",
                                        f"watch: [Whether the inspectors are hired ({word} save).]", text),
                                 encoding="utf-8")
                assert wait_for(lambda word=word: f"hired ({word} save)." in fetch(url))
        finally:
            server.terminate()
            server.wait(timeout=30)
    builds = log_path.read_text(encoding="utf-8").count("Building documentation")
    assert builds == 3, log_path.read_text(encoding="utf-8")  # the first build, then one per save


def test_write_whole_keeps_an_existing_files_permissions_and_leaves_nothing_behind(tmp_path):
    """Check that rewriting a file (the fact sheet under `make article`) keeps its mode, that a new file is
    readable as usual files are, and that no temporary file is left."""
    import stat

    from generator.write import write_whole

    target = tmp_path / "factsheet.yaml"
    mask = os.umask(0)
    os.umask(mask)  # read, not changed
    write_whole(target, b"one")
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask
    target.chmod(0o640)
    write_whole(target, b"two")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["factsheet.yaml"]
