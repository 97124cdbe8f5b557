import json
import shutil

import yaml

from generator import editor_schema
from generator.schema import FactSheet
from tests.helpers import CASES, ROOT, generator


def test_published_json_schema_is_current():
    """Check that seeds/factsheet.schema.json equals the schema declared in code with the fact sheet's ids
    (refresh: make schema)."""
    published = (ROOT / "seeds" / "factsheet.schema.json").read_text(encoding="utf-8")
    assert published == editor_schema.current(ROOT / "seeds")
    assert json.loads(published)["additionalProperties"] is False


def test_schema_lists_the_ids_each_reference_may_name():
    """Check that the published schema lists the fact sheet's topic, entity and source ids and the article
    names, and that every reference points at the list of its kind, so an editor's extension completes
    them and underlines an id that does not exist."""
    schema = json.loads((ROOT / "seeds" / "factsheet.schema.json").read_text(encoding="utf-8"))
    sheet = yaml.safe_load((ROOT / "seeds" / "factsheet.yaml").read_text(encoding="utf-8"))
    defs = schema["$defs"]
    for kind, name in (("topics", "TopicId"), ("entities", "EntityId"), ("sources", "SourceId")):
        assert defs[name]["enum"] == sorted(r["id"] for r in sheet[kind])
    assert defs["ArticleId"]["enum"] == ["us-general-cooper-syria-isil"]
    assert defs["Fact"]["properties"]["topics"]["items"]["$ref"] == "#/$defs/TopicId"
    assert defs["Event"]["properties"]["entities"]["items"]["$ref"] == "#/$defs/EntityId"
    assert defs["Quote"]["properties"]["speaker"]["$ref"] == "#/$defs/EntityId"
    assert defs["Relation"]["properties"]["from"]["$ref"] == "#/$defs/EntityId"
    assert defs["Citation"]["properties"]["source"]["$ref"] == "#/$defs/SourceId"
    assert "x-ids-of" not in json.dumps(schema)


def test_schema_accepts_a_plain_year_and_gives_the_date_pattern():
    """Check that a date may be a year written as a number (`date: 2026`) or text of the date pattern."""
    schema = json.loads((ROOT / "seeds" / "factsheet.schema.json").read_text(encoding="utf-8"))
    date = schema["$defs"]["Event"]["properties"]["date"]
    assert {"type": "integer", "minimum": 1000, "maximum": 9999} in date["anyOf"]
    assert {"type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"} in date["anyOf"]


def test_check_warns_when_the_schema_ids_are_out_of_date(tmp_path):
    """Check that `check` warns (and `--strict` fails) when a new topic is not yet in the published schema,
    and that `generator schema` brings it up to date."""
    seeds = tmp_path / "seeds"
    shutil.copytree(CASES / "basic" / "seeds", seeds)
    assert generator(tmp_path, "schema").returncode == 0
    assert generator(tmp_path, "check", "--strict").returncode == 0
    sheet = seeds / "factsheet.yaml"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace(
        "glossary:\n", "  - id: second\n    title: Second\n    summary: Second topic.\nglossary:\n").replace(
        "topics: [accord]\n    entities: [dana-reyes]", "topics: [second]\n    entities: [dana-reyes]"),
        encoding="utf-8")
    lenient = generator(tmp_path, "check")
    assert lenient.returncode == 0, lenient.stderr
    assert lenient.stderr.splitlines()[0] == ("seeds/factsheet.schema.json: warning: the ids your editor's YAML "
                                              "extension completes are out of date (run `make schema`)")
    assert generator(tmp_path, "check", "--strict").returncode == 1
    written = generator(tmp_path, "schema")
    assert written.stdout == "wrote seeds/factsheet.schema.json\n"
    assert "second" in json.loads((seeds / "factsheet.schema.json").read_text())["$defs"]["TopicId"]["enum"]
    assert generator(tmp_path, "check", "--strict").returncode == 0


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
