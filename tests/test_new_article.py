"""`python -m generator article PATH` (`make article FILE=PATH`): a new report checked, copied byte for byte,
given a source entry in the fact sheet without disturbing its comments or layout, and listed as a citation
checklist; then published by the real build although nothing cites it yet."""

from __future__ import annotations

import hashlib
import shutil
import sys

from tests.helpers import CASES, ROOT, generator, make_project, mkdocs_build, run

SAMPLE = CASES / "newsroom" / "sample-report.txt"


def test_article_is_copied_byte_for_byte_and_its_entry_inserted_into_the_sheet(tmp_path):
    """Check that the report is copied unchanged and that the fact sheet gains exactly the source entry's
    lines, after the last article source, every other line (comments included) as it was."""
    project = make_project(tmp_path / "p")  # the real seeds, with their schema
    sheet = project / "seeds" / "factsheet.yaml"
    before = sheet.read_text(encoding="utf-8").split("\n")
    result = generator(project, "article", str(SAMPLE))
    assert result.returncode == 0, result.stderr
    copy = project / "seeds" / "articles" / "sample-report.txt"
    assert hashlib.sha256(copy.read_bytes()).digest() == hashlib.sha256(SAMPLE.read_bytes()).digest()
    after = sheet.read_text(encoding="utf-8").split("\n")
    at = after.index("  - id: sample-report")
    added = after[at - 1:at + 9]
    assert after[:at - 1] + after[at + 9:] == before
    assert added == [
        "",
        "  - id: sample-report",
        "    kind: article",
        "    article: sample-report",
        '    title: "Joint patrol recovers weapons cache near fictional border town of Qaryat Nur"',
        "    # EDITOR: publisher, date and address of the article as published; then remove the #:",
        '    # publisher: "…"',
        "    # date: YYYY-MM-DD",
        "    # url: https://…",
        "    worked_through: false  # true once its sentences are cited: the coverage minimum applies"]
    assert before[at - 2].startswith("    note: ")  # right after the seed article's entry
    assert result.stdout.splitlines()[:3] == [
        f"copied seeds/articles/sample-report.txt, byte for byte as {SAMPLE} (3 paragraphs)",
        f"seeds/factsheet.yaml:{at + 1}: added its source entry, id sample-report; fill in its publisher, date and "
        f"address at line {at + 5}, marked # EDITOR:",
        "seeds/factsheet.schema.json: your editor's YAML extension now completes sample-report"]
    assert generator(project, "check", "--strict").returncode == 0  # the schema's ids are current again


def test_article_prints_what_it_left_out_and_a_citation_checklist(tmp_path):
    """Check that the command lists the furniture it left out and each paragraph's sentences to cite."""
    project = make_project(tmp_path / "p")  # the real seeds, with their schema
    out = generator(project, "article", str(SAMPLE)).stdout
    assert "\nseeds/articles/sample-report.txt:7: left out (dateline): WASHINGTON\n" in out
    assert ("\nseeds/articles/sample-report.txt:8: left out (photo caption): Soldiers unload crates at a staging area "
            "outside Qaryat Nur on Wednesday. [File: Sam Reed/Reuters]\n") in out
    assert "\nleft out: page furniture, not the article's text (a line left out wrongly: list it under `keep:`" in out
    checklist = out[out.index("Citation checklist"):].splitlines()
    assert checklist[:4] == [
        "Citation checklist: 3 paragraphs, 5 sentences. Cite each sentence from a fact, quote or event as "
        "{source: sample-report, paragraph: pN}:",
        "p1 (line 10)",
        "  [ ] 1. A joint patrol of the fictional Northern Task Force and local police recovered a cache of 240 "
        "rifles near Qaryat Nur, officials said on Thursday.",
        "  [ ] 2. The patrol left the town at dawn."]
    assert "p3 (line 26)" in checklist


def test_a_new_article_without_facts_is_published_by_make_site(tmp_path):
    """Check that right after `article`, `make site`'s two steps (check, then the strict MkDocs build) pass,
    and the article's page is published, marked as not yet worked through, with its left-out note."""
    project = make_project(tmp_path / "p")  # the real seeds, with their schema
    assert generator(project, "article", str(SAMPLE)).returncode == 0
    check = generator(project, "check")
    assert check.returncode == 0, check.stderr
    assert "coverage: sample-report: 0 of 5 sentences covered (0%; not yet worked through, so no minimum " \
        "applies)" in check.stdout
    built = mkdocs_build(project)
    assert built.returncode == 0, built.stderr
    page = (project / "site" / "articles" / "sample-report" / "index.html").read_text(encoding="utf-8")
    assert "Not yet worked through" in page
    assert 'id="p3"' in page and 'id="p4"' not in page
    assert "Left out of this copy:" in page and "WASHINGTON" in page


def test_a_file_name_that_cannot_be_an_address_is_refused_with_one_that_can(tmp_path):
    """Check that, run without a terminal, a bad file name is refused with a valid one offered, nothing is
    written, and `--name` with the offered name adds the article."""
    project = make_project(tmp_path / "p")  # the real seeds, with their schema
    odd = tmp_path / "Test Wire - Patrol (Feb 13).txt"
    shutil.copy(SAMPLE, odd)
    before = (project / "seeds" / "factsheet.yaml").read_bytes()
    refused = run([sys.executable, "-m", "generator", "article", str(odd)], project)
    assert refused.returncode == 1
    assert refused.stderr.splitlines()[0] == (
        f"{odd.as_posix()}: the file name 'Test Wire - Patrol (Feb 13).txt' cannot be a page address (run again "
        "with --name test-wire-patrol-feb-13.txt (make article FILE=… NAME=test-wire-patrol-feb-13.txt))")
    assert (project / "seeds" / "factsheet.yaml").read_bytes() == before
    assert not (project / "seeds" / "articles" / "test-wire-patrol-feb-13.txt").exists()
    added = generator(project, "article", str(odd), "--name", "test-wire-patrol-feb-13.txt")
    assert added.returncode == 0, added.stderr
    assert (project / "seeds" / "articles" / "test-wire-patrol-feb-13.txt").read_bytes() == SAMPLE.read_bytes()


def test_adding_the_same_article_twice_changes_nothing_and_another_with_its_name_is_refused(tmp_path):
    """Check that a second run with the same file leaves the sheet as it is, and that a different file under
    a taken name is refused with nothing written."""
    project = make_project(tmp_path / "p")  # the real seeds, with their schema
    assert generator(project, "article", str(SAMPLE)).returncode == 0
    sheet = (project / "seeds" / "factsheet.yaml").read_bytes()
    again = generator(project, "article", str(SAMPLE))
    assert again.returncode == 0, again.stderr
    assert "its source entry, id sample-report, is there already (unchanged)" in again.stdout
    assert (project / "seeds" / "factsheet.yaml").read_bytes() == sheet
    other = tmp_path / "sample-report.txt"
    other.write_text("Another report\n\nDifferent text.\n", encoding="utf-8")
    refused = generator(project, "article", str(other))
    assert refused.returncode == 1
    assert refused.stderr.splitlines()[0] == ("seeds/articles/sample-report.txt: another article already has this "
                                              "file name (choose another name with --name (make article NAME=…))")


def test_a_broken_article_or_sheet_stops_it_before_anything_is_written(tmp_path):
    """Check that an article that cannot be read (not UTF-8) or a fact sheet that cannot be parsed is reported
    with file:line, and nothing is copied or inserted."""
    project = make_project(tmp_path / "p")  # the real seeds, with their schema
    bad = tmp_path / "bad-report.txt"
    bad.write_bytes(b"Title\n\nBad \xff byte.\n")
    result = generator(project, "article", str(bad))
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == f"{bad.as_posix()}:3: byte 0xff is not valid UTF-8 (save the file as UTF-8)"
    assert not (project / "seeds" / "articles" / "bad-report.txt").exists()
    sheet = project / "seeds" / "factsheet.yaml"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("sources:\n", "sources: [\n", 1), encoding="utf-8")
    before = sheet.read_bytes()
    result = generator(project, "article", str(SAMPLE))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0].startswith("seeds/factsheet.yaml:")
    assert sheet.read_bytes() == before
    assert not (project / "seeds" / "articles" / "sample-report.txt").exists()


def test_make_article_needs_a_file_and_passes_the_name_on():
    """Check that `make article` without FILE says how to call it, and with FILE and NAME runs the command."""
    result = run(["make", "-s", "article"], ROOT)
    assert result.returncode != 0
    assert "usage: make article FILE=path/to/report.txt [NAME=file-name.txt]" in result.stdout
    dry = run(["make", "-n", "article", "FILE=some where/report.txt", "NAME=report.txt"], ROOT)
    assert '.venv/bin/python -m generator article "some where/report.txt" --name "report.txt"' in dry.stdout
