import json

from generator.__main__ import schema_json
from generator.schema import FactSheet
from tests.helpers import ROOT, generator


def test_published_json_schema_is_current():
    """Check that seeds/factsheet.schema.json equals the schema declared in code (refresh: make schema)."""
    published = (ROOT / "seeds" / "factsheet.schema.json").read_text(encoding="utf-8")
    assert published == schema_json()
    assert json.loads(published)["additionalProperties"] is False


def test_fact_sheet_points_editors_at_the_schema():
    """Check that the fact sheet's first line tells YAML editor extensions where the schema is."""
    first = (ROOT / "seeds" / "factsheet.yaml").read_text(encoding="utf-8").split("\n", 1)[0]
    assert first == "# yaml-language-server: $schema=factsheet.schema.json"


def test_every_schema_field_is_described():
    """Check that each field editors can write has a description for the reference page, or is self-evident."""
    schema = FactSheet.model_json_schema(by_alias=True)
    undocumented = [f"{name}.{key}" for name, spec in schema["$defs"].items()
                    for key, prop in spec.get("properties", {}).items()
                    if "description" not in prop and key not in {"id", "title", "name", "term", "definition",
                                                                  "question", "answer", "summary", "cite",
                                                                  "date", "topics", "entities", "value"}]
    assert undocumented == []


def test_reference_page_lists_every_record_kind(tmp_path):
    """Check that the generated fact sheet reference documents each kind of record."""
    result = generator(ROOT, "render", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out" / "reference" / "factsheet.md").read_text(encoding="utf-8")
    for name in ("Citation", "Source", "Entity", "Event", "Fact", "Quote", "Topic", "Term", "Relation", "Meta"):
        assert f"## {name}\n" in page
    assert "| `review_after` |" in page


def test_check_command_is_clean_on_the_seeds():
    """Check that `python -m generator check --strict` passes on the committed fact sheet and article."""
    result = generator(ROOT, "check", "--strict")
    assert result.returncode == 0, result.stderr
    assert "ok: 1 articles" in result.stdout
