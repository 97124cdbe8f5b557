"""Under `mkdocs serve`, pages taken from the last build (conversion and theme) are the pages a first build
makes: the preview after an edit is byte for byte the site built from the edited inputs."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT, make_project, run, tree_bytes

# Builds as `mkdocs serve` does (the hook's serve mode: renders and themed pages reused), once per site
# folder given, editing the fact sheet before each build after the first; prints how many pages were reused.
SERVE_BUILDS = """
import json, sys
from pathlib import Path
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from generator import themecache

edits = json.loads(sys.argv[1])
reused = []
for i, site in enumerate(sys.argv[2:]):
    if i:
        sheet = Path("seeds/factsheet.yaml")
        old, new = edits[i - 1]
        assert old in sheet.read_text(encoding="utf-8")
        sheet.write_text(sheet.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    config = load_config("mkdocs.yml", site_dir=site)
    config.plugins.on_startup(command="serve", dirty=False)
    mkdocs_build.build(config)
    reused.append(len(set(themecache._memo["current"]) & set(themecache._memo["previous"])))
print(json.dumps(reused))
"""


def serve_builds(project: Path, sites: list[Path], edits: list[tuple[str, str]], **env: str) -> list[int]:
    result = run([sys.executable, "-c", SERVE_BUILDS, json.dumps(edits), *map(str, sites)], project, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("jobs", ["", "2"], ids=["one-process", "with-helper"])
def test_preview_after_edits_is_the_site_built_from_the_edited_inputs(tmp_path, jobs):
    """A summary edit (a few pages change) and a title edit (the navigation changes, so every page does):
    after each, the served site equals a first build of the same inputs, search index included. With
    EXPLAINER_JOBS=2 the serve helper process renders half the pages of every build."""
    edits = [("the fall of Assad has reshaped alliances", "the fall of Assad has reshaped the alliances"),
             ('title: "Post-Assad Syria"', 'title: "Syria after Assad"')]
    served = make_project(tmp_path / "served", ROOT / "seeds")
    fresh = make_project(tmp_path / "fresh", ROOT / "seeds")
    sheet = (served / "seeds" / "factsheet.yaml").read_text(encoding="utf-8")
    assert all(old in sheet for old, _ in edits), "the edits must match the fixture"
    sites = [tmp_path / f"served-{i}" for i in range(3)]
    reused = serve_builds(served, sites, edits, EXPLAINER_JOBS=jobs)
    assert reused[0] == 0 and reused[1] > 0, reused  # the summary edit left most pages as they were
    for i in range(1, 3):
        (fresh / "seeds" / "factsheet.yaml").write_text((served / "seeds" / "factsheet.yaml").read_text(
            encoding="utf-8") if i == 2 else sheet.replace(*edits[0], 1), encoding="utf-8")
        serve_builds(fresh, [tmp_path / f"fresh-{i}"], [])
        one, two = tree_bytes(sites[i]), tree_bytes(tmp_path / f"fresh-{i}")
        assert one.keys() == two.keys()
        assert [k for k in one if one[k] != two[k]] == [], f"after edit {i}"
    assert b"reshaped the alliances" in tree_bytes(sites[1])["topics/post-assad-syria/index.html"]
    assert b"Syria after Assad" in tree_bytes(sites[2])["topics/sdf/index.html"]  # in its navigation
