"""The YAML loader: the values PyYAML's safe loader gives (dates left as text), and the line of any key path."""

from pathlib import Path

import pytest
import yaml

from generator.errors import Problems
from generator.yamlload import _Loader, load_yaml, plain_values

SCALARS = """\
int: 12
octal_like: 012
float: 1.5
exp: 1e3
inf: .inf
bool_yes: yes
bool_off: Off
bool_true: true
null_tilde: ~
null_empty:
text: Damascus
number_quoted: "12"
bool_quoted: 'yes'
date: 2025-12-13
month: 2025-12
tagged_text: !!str 12
tagged_int: !!int "7"
block: |
  two
  lines
folded: >
  one
  line
flow: [1, "a", no, 2025-01-01]
colon_text: "a: b"
dash: -5
plus: +5
dot: .5
sexagesimal: 1:30
"""


def _load(tmp_path: Path, text: str):
    path = tmp_path / "sheet.yaml"
    path.write_text(text, encoding="utf-8")
    problems = Problems()
    return load_yaml(path, problems), problems


def test_values_are_what_the_safe_loader_gives_with_dates_as_text(tmp_path):
    loaded, problems = _load(tmp_path, SCALARS)
    assert not problems.errors
    expected = yaml.load(SCALARS, Loader=_Loader)  # noqa: S506 - the project's safe loader, pure Python
    assert loaded.data == expected
    assert [type(v) for v in loaded.data.values()] == [type(v) for v in expected.values()]
    assert loaded.data["date"] == "2025-12-13" and loaded.data["bool_yes"] is True


SHEET = """\
meta:
  title: T
facts:
  - id: fact-a
    topics:
      - topic-one
  -   id: fact-b
      statement: >
        folded
"""


@pytest.mark.parametrize(("path", "line"), [
    ((), 1),
    (("meta",), 1),
    (("meta", "title"), 2),
    (("facts",), 3),
    (("facts", 0), 4),
    (("facts", 0, "topics", 0), 6),
    (("facts", 1), 7),
    (("facts", 1, "statement"), 8),
    (("facts", 1, "missing"), 7),  # a missing key points at its parent
    (("facts", 5, "id"), 3),  # so does an index past the end
    (("meta", 0), 1),  # an index into a mapping finds nothing
])
def test_line_of_a_key_path(tmp_path, path, line):
    loaded, _ = _load(tmp_path, SHEET)
    assert loaded.line_of(path) == line


def test_a_duplicate_key_names_the_line_of_the_first(tmp_path):
    loaded, problems = _load(tmp_path, "meta:\n  title: A\n  note: x\n  title: B\n")
    [problem] = problems.errors
    assert (problem.line, problem.key) == (4, "meta.title")
    assert "first set on line 2" in problem.message
    assert loaded.data["meta"]["title"] == "A" and loaded.line_of(("meta", "title")) == 2


def test_unsafe_tags_and_merge_keys_are_problems_not_values(tmp_path):
    text = "base: &b {x: 1}\nother:\n  <<: *b\nbad: !!python/object:os.system echo\n"
    loaded, problems = _load(tmp_path, text)
    assert [(p.line, p.key) for p in problems.errors] == [(3, "other"), (4, "bad")]
    assert loaded.data["other"] == {} and loaded.data["bad"] is None


def test_plain_values_follow_the_same_rules_without_problems():
    """Check that an earlier version of the fact sheet (read for its history) is read by the build's rules."""
    text = "a: 1\na: 2\nd: 2025-12\nbase: &b {x: 1}\nother:\n  <<: *b\n  y: 2\nbad: !!python/name:os.system\n"
    assert plain_values(text) == {"a": 1, "d": "2025-12", "base": {"x": 1}, "other": {"y": 2}, "bad": None}
    assert plain_values("") == {}
    with pytest.raises(yaml.YAMLError):
        plain_values("a: [1, 2\n")
