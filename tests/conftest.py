from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import make_project, mkdocs_build


@pytest.fixture(scope="session")
def seed_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project (seeds/ as committed) built once with real MkDocs."""
    project = make_project(tmp_path_factory.mktemp("seed") / "project")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="session")
def seed_site(seed_project: Path) -> Path:
    return seed_project / "site"
