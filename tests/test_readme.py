"""The editor's quick start in README.md works as written: its example records, added for the sample report
that `generator article` brought in, pass the checks and are published once the report is worked through."""

from __future__ import annotations

import re

import yaml

from tests.helpers import CASES, ROOT, generator, make_project, mkdocs_build

README = (ROOT / "README.md").read_text(encoding="utf-8")


def quick_start_records() -> dict[str, list[dict]]:
    """The YAML example of step 3 of the quick start."""
    step = README[README.index("**3. Cite it.**"):README.index("**4. Preview.**")]
    block = re.search(r"```yaml\n(.*?)```", step, re.S)
    assert block, "step 3 has a YAML example"
    return yaml.safe_load(block.group(1))


def test_readme_starts_with_the_two_commands_and_the_editors_quick_start():
    """Check that the README gives the two commands, then the editor's quick start, with the extension, the
    file-name and coverage rules and the warning that commit messages are public."""
    headings = re.findall(r"^## (.+)$", README, re.M)
    assert headings[:2] == ["Two commands", "Editor's quick start: from a news report to a cited, published page"]
    for needed in ("make article FILE=", "redhat.vscode-yaml", "lower-case letters, digits and hyphens",
                   "worked_through: true", "meta.coverage_min", "Commit messages are public", "make serve",
                   "make check"):
        assert needed in README, needed


def test_quick_start_examples_pass_the_checks_and_are_published(tmp_path):
    """Check that after `generator article` with the sample report, the README's fact, quote, event and entity
    (each added under its section), with the report marked as worked through, pass `check --strict` and the
    strict MkDocs build, and show on the pages."""
    project = make_project(tmp_path / "p")
    assert generator(project, "article", str(CASES / "newsroom" / "sample-report.txt")).returncode == 0
    sheet = project / "seeds" / "factsheet.yaml"
    text = sheet.read_text(encoding="utf-8")
    for section, records in quick_start_records().items():
        items = yaml.safe_dump(records, sort_keys=False, allow_unicode=True, width=1000)
        indented = "".join(f"  {line}\n" for line in items.splitlines())
        assert text.count(f"\n{section}:\n") == 1
        text = text.replace(f"\n{section}:\n", f"\n{section}:\n{indented}\n")
    text = text.replace("    worked_through: false  #", "    worked_through: true  #")
    sheet.write_text(text, encoding="utf-8")
    assert generator(project, "schema").returncode == 0
    check = generator(project, "check", "--strict")
    assert check.returncode == 0, check.stderr
    assert "coverage: sample-report: 3 of 5 sentences covered (60%; minimum 50%)" in check.stdout
    built = mkdocs_build(project)
    assert built.returncode == 0, built.stderr
    topic = (project / "site" / "topics" / "us-syria-cooperation" / "index.html").read_text(encoding="utf-8")
    assert 'id="patrol-rifles-recovered"' in topic and 'id="voss-cache-found"' in topic
    article = (project / "site" / "articles" / "sample-report" / "index.html").read_text(encoding="utf-8")
    assert "Not yet worked through" not in article
