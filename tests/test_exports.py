"""Structured and open data: JSON-LD on every generated page, and the fact sheet's records as JSON
and CSV files published with the site and linked from the About page."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from generator import export, pipeline, structured
from tests.browser.pages import url_path
from tests.helpers import CASES, ROOT

LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def _generated_html(site: Path, seeds: Path) -> dict[str, str]:
    return {path: (site / url_path(path) / "index.html").read_text(encoding="utf-8")
            for path in pipeline.build(seeds).pages}


def test_site_publishes_every_kind_as_json_and_csv(seed_site: Path):
    """Check that the built site carries data/<kind>.json and .csv with every record of the fact sheet."""
    sheet = pipeline.build(ROOT / "seeds").site.sheet
    counts = {"facts": len(sheet.facts), "events": len(sheet.events), "quotes": len(sheet.quotes),
              "entities": len(sheet.entities), "relations": len(sheet.relations)}
    for kind, count in counts.items():
        document = json.loads((seed_site / "data" / f"{kind}.json").read_text(encoding="utf-8"))
        assert len(document[kind]) == count and count > 0
        rows = list(csv.DictReader(io.StringIO((seed_site / "data" / f"{kind}.csv").read_text(encoding="utf-8"))))
        assert [r["id"] for r in rows] == [r["id"] for r in document[kind]]
    facts = json.loads((seed_site / "data" / "facts.json").read_text(encoding="utf-8"))["facts"]
    assert all(f["citations"] for f in facts)


def test_entities_carry_their_diagram_group_and_map_coordinates(seed_site: Path):
    """Check that each entity's `group` (the actors diagram's) and `coordinates` (the map's) are in the JSON,
    as the fact sheet gives them (null where it gives none), and in the CSV as group, lat and lon."""
    entities = {e.id: e for e in pipeline.build(ROOT / "seeds").site.entities}
    document = json.loads((seed_site / "data" / "entities.json").read_text(encoding="utf-8"))["entities"]
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(
        (seed_site / "data" / "entities.csv").read_text(encoding="utf-8")))}
    assert {e["id"] for e in document} == set(entities) == set(rows)
    for item in document:
        entity, row = entities[item["id"]], rows[item["id"]]
        assert item["group"] == entity.group and row["group"] == (entity.group or "")
        where = entity.coordinates
        assert item["coordinates"] == (None if where is None else {"lat": where.lat, "lon": where.lon})
        assert (row["lat"], row["lon"]) == (("", "") if where is None else (str(where.lat), str(where.lon)))
    assert any(e["group"] for e in document) and any(e["coordinates"] for e in document)
    assert any(e["group"] is None for e in document) and any(e["coordinates"] is None for e in document)


def test_about_page_links_to_every_data_file(seed_site: Path):
    """Check that the About page links to each JSON and CSV file, and each link resolves."""
    about = (seed_site / "about" / "index.html").read_text(encoding="utf-8")
    for kind in export.KINDS:
        for suffix in ("json", "csv"):
            assert f'href="../data/{kind}.{suffix}"' in about
            assert (seed_site / "data" / f"{kind}.{suffix}").is_file()


def test_csv_cells_that_would_run_as_formulas_are_quoted(tmp_path: Path):
    """Check that a fact-sheet text starting with = + - or @ lands in the CSV prefixed with a quote,
    while numbers stay numbers."""
    seeds = tmp_path / "seeds"
    shutil.copytree(CASES / "basic" / "seeds", seeds)
    sheet = seeds / "factsheet.yaml"
    text = sheet.read_text(encoding="utf-8")
    text = text.replace("statement: The accord covers 12 border posts, according to the report.",
                        "statement: '=HYPERLINK(\"http://example.org\",\"12 posts\")'")
    text = text.replace("title: The accord is signed", "title: '+1 the accord is signed'")
    text = text.replace("role: Chair of the Northern Council", "role: '@SUM(A1:A9)'")
    text = text.replace("label: signed the accord", "label: '-2+3 signed'")
    sheet.write_text(text, encoding="utf-8")
    files = pipeline.build(seeds).files
    cells = {kind: list(csv.reader(io.StringIO(files[f"data/{kind}.csv"]))) for kind in export.KINDS}
    flat = [cell for rows in cells.values() for row in rows[1:] for cell in row]
    assert "'=HYPERLINK(\"http://example.org\",\"12 posts\")" in flat
    assert "'+1 the accord is signed" in flat and "'@SUM(A1:A9)" in flat and "'-2+3 signed" in flat
    assert not [c for c in flat if c[:1] in ("=", "+", "-", "@")]
    assert "12" in flat  # a figure's value, written as a number
    assert json.loads(files["data/facts.json"])["facts"][0]["statement"].startswith("=HYPERLINK")


@pytest.mark.parametrize("value, cell", [("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@A1", "'@A1"),
                                         ("\tx", "'\tx"), ("plain", "plain"), (-3, -3), (2.5, 2.5), (None, "")])
def test_safe_cell(value, cell):
    """Check that only text starting with a formula sign is prefixed; numbers are left alone."""
    assert export.safe_cell(value) == cell


def test_every_generated_page_has_article_json_ld(seed_site: Path):
    """Check that every generated page carries one schema.org Article in JSON-LD that parses, with
    dates, citations and what it is about (people, organisations, events)."""
    pages = _generated_html(seed_site, ROOT / "seeds")
    types: set[str] = set()
    for path, html in pages.items():
        blocks = LD.findall(html)
        assert len(blocks) == 1, path
        data = json.loads(blocks[0])
        assert data["@context"] == "https://schema.org" and data["@type"] == "Article", path
        assert data["headline"] and data["datePublished"] and data["dateModified"], path
        types.update(item["@type"] for item in data.get("about", []))
        if path.startswith("topics/") and path != "topics/index.md":
            assert data["citation"] and data["about"], path
    assert {"Person", "Organization", "Event"} <= types
    # The timeline names its latest events, at most LIST_MAX of them: a long list would outweigh the page.
    timeline = json.loads(LD.findall(pages["timeline.md"])[0])
    events = pipeline.build(ROOT / "seeds").site.events
    named = [item["name"] for item in timeline["about"] if item["@type"] == "Event"]
    assert len(events) > structured.LIST_MAX
    assert named == [e.title for e in reversed(events)][:structured.LIST_MAX]


def test_json_ld_keeps_fact_sheet_markup_as_text(hostile_project: Path):
    """Check that markup in the fact sheet cannot close the JSON-LD script: the block holds no '<', parses,
    and gives back the hostile strings as plain text."""
    pages = _generated_html(hostile_project / "site", CASES / "hostile" / "seeds")
    seen = ""
    for path, html in pages.items():
        blocks = LD.findall(html)
        assert len(blocks) == 1, path
        assert "<" not in blocks[0] and ">" not in blocks[0], path
        seen += json.dumps(json.loads(blocks[0]), ensure_ascii=False)
    assert "<script>alert('meta')</script>" in seen
    assert "<img src=x onerror=alert('entity')>" in seen


def test_a_figure_whose_value_contradicts_its_text_is_never_exported(tmp_path: Path):
    """Check that a figure whose value is not the number its text gives stops `generator render` before any
    data file is written, and that the published figures say what their text says (number and qualifier)."""
    from tests.helpers import generator

    seeds = tmp_path / "seeds"
    shutil.copytree(CASES / "basic" / "seeds", seeds)
    sheet = seeds / "factsheet.yaml"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("figure: {value: 300,", "figure: {value: 7000,"),
                     encoding="utf-8")
    result = generator(tmp_path, "render", "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "seeds/factsheet.yaml:58: facts[inspectors].figure.value: 7000 is not the number the figure's text gives "
        "('about 300') (write value: 300, or correct the text)")
    assert not (tmp_path / "out").exists()
    facts = export.records(pipeline.build(ROOT / "seeds").site)["facts"]
    figures = [f["figure"] for f in facts if f["figure"]]
    assert {(f["value"], f["text"], f["qualifier"]) for f in figures} >= {(130, "over 130", "more-than"),
                                                                          (2000, "approximately 2,000", "about")}
