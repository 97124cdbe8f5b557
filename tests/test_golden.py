import pytest

from tests.golden import GOLDEN_CASES, expected_dir, rendered


@pytest.mark.parametrize("case", sorted(GOLDEN_CASES))
def test_generated_markdown_matches_golden_files(case):
    """Check that every generated page equals its golden file (refresh: make golden)."""
    pages = rendered(case)
    folder = expected_dir(case)
    expected = {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
                for p in folder.rglob("*.md")}
    assert sorted(pages) == sorted(expected), "pages added or removed: run `make golden` and review"
    for path, text in pages.items():
        assert text == expected[path], f"{path} differs from its golden file: run `make golden` and review"
