"""Property-based: random and hostile fact sheets give a clean build or a clean error, never a traceback."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import markdown
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import pipeline
from generator.errors import InputError
from tests.helpers import CASES

BASIC = CASES / "basic" / "seeds"
BASE = yaml.safe_load((BASIC / "factsheet.yaml").read_text(encoding="utf-8"))
EXTENSIONS = ["abbr", "attr_list", "md_in_html", "tables", "admonition", "toc", "pymdownx.escapeall"]

hostile_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["<script>alert(1)</script>", "[x](javascript:alert(1))", "<img src=x onerror=alert(1)>",
                     "{: onclick=alert(1) }", "*[x]: <script>", "\\", "`", "|", "# h", "- item", "1. one",
                     "&amp;", "]]>", "{{ site }}", "{% raw %}", "\u202e", "\x00", "---", "<!--", "\ud7ff"]),
)
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), hostile_text)
yaml_values = st.recursive(scalars, lambda children: st.one_of(
    st.lists(children, max_size=3), st.dictionaries(st.text(max_size=8), children, max_size=3)), max_leaves=8)


def paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from paths(value, (*prefix, i))


ALL_PATHS = [p for p in paths(BASE) if p]
# Free-text leaves: replacing these keeps the sheet valid, so the build itself meets the hostile text.
STRUCTURAL = {"id", "source", "paragraph", "speaker", "topics", "entities", "from", "to", "article", "kind", "rank",
              "date", "as_of", "last_reviewed", "url", "quote", "text", "value", "qualifier"}


def _leaf(path):
    node = BASE
    for part in path:
        node = node[part]
    return node


TEXT_PATHS = [p for p in ALL_PATHS if isinstance(_leaf(p), str) and str(p[-1]) not in STRUCTURAL]


@st.composite
def hostile_valid_sheets(draw):
    sheet = copy.deepcopy(BASE)
    for path in draw(st.lists(st.sampled_from(TEXT_PATHS), min_size=1, max_size=6)):
        parent = sheet
        for part in path[:-1]:
            parent = parent[part]
        parent[path[-1]] = draw(hostile_text.filter(lambda t: t.strip() != ""))
    return sheet


@st.composite
def mutated_sheets(draw):
    sheet = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(ALL_PATHS))
        parent = sheet
        try:
            for part in path[:-1]:
                parent = parent[part]
            action = draw(st.sampled_from(["replace", "text", "delete"]))
            if action == "delete":
                del parent[path[-1]]
            else:
                parent[path[-1]] = draw(hostile_text if action == "text" else yaml_values)
        except (KeyError, IndexError, TypeError):
            continue
    return sheet


def outcome(tmp: Path, text: str) -> None:
    seeds = tmp / "seeds"
    if seeds.exists():
        shutil.rmtree(seeds)
    shutil.copytree(BASIC, seeds)
    (seeds / "factsheet.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        result = pipeline.build(seeds)
    except InputError as exc:
        assert exc.problems, "an error must name at least one problem"
        for problem in exc.problems:
            assert problem.path and problem.message
        return
    for path, page in result.pages.items():
        html = markdown.markdown(page.split("---\n", 2)[-1], extensions=EXTENSIONS)
        assert "<script>alert" not in html, path
        assert 'href="javascript:' not in html, path


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sheet=mutated_sheets())
def test_mutated_fact_sheets_build_or_fail_cleanly(tmp_path, sheet):
    """Check that changing, retyping or deleting values anywhere never raises anything but InputError."""
    outcome(tmp_path, yaml.safe_dump(sheet, allow_unicode=True))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sheet=hostile_valid_sheets())
def test_hostile_text_in_any_field_renders_as_text(tmp_path, sheet):
    """Check that hostile text in any free-text field builds cleanly and never becomes a script or link."""
    outcome(tmp_path, yaml.safe_dump(sheet, allow_unicode=True))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=yaml_values)
def test_random_yaml_documents_fail_cleanly(tmp_path, doc):
    """Check that any YAML document at all gives a clean build or a clean error."""
    outcome(tmp_path, yaml.safe_dump(doc, allow_unicode=True))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=200))
def test_random_text_fails_cleanly(tmp_path, text):
    """Check that arbitrary text as a fact sheet never causes a traceback."""
    outcome(tmp_path, text)
