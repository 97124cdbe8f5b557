"""Validity and links of the built site, by real third-party checkers: the Nu HTML Checker (vnu),
LinkChecker on the served site, and MkDocs' own strict build with anchor validation."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser.server import serve
from tests.helpers import ROOT, make_project, mkdocs_build

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LINKCHECKER = Path(sys.executable).parent / "linkchecker"
# A page that must fail both checkers, checked in the same run as the site: proof that they look.
CANARY = ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>canary</title></head><body>'
          '<p><a href="no-such-page.html">a broken link</a><span id="twice"></span><span id="twice"></span>'
          '</p></body></html>')


def _material_noise(message: dict) -> bool:
    """The one documented filter: Material 9.8.1 puts autocomplete="off" on its two hidden checkbox
    toggles (drawer, search); HTML allows `autocomplete` only on text-like inputs. Nothing else is
    filtered, and this only on inputs of class md-toggle."""
    return (message["message"].startswith("Attribute “autocomplete” is only allowed when the input type is")
            and 'class="md-toggle"' in message.get("extract", ""))


@pytest.fixture(scope="module")
def checked_site(seed_site: Path, tmp_path_factory) -> Path:
    """A copy of the built site with the canary page added."""
    copy = tmp_path_factory.mktemp("checked") / "site"
    shutil.copytree(seed_site, copy)
    (copy / "canary.html").write_text(CANARY, encoding="utf-8")
    return copy


@pytest.fixture(scope="module")
def vnu_messages(checked_site: Path) -> dict[str, list[dict]]:
    """Every message of one Nu HTML Checker run over all pages, by page (relative path)."""
    assert VNU.is_file(), "vnu.jar is missing: run `npm ci` (make test does)"
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--skip-non-html", str(checked_site)],
                            capture_output=True, text=True, timeout=300)
    report = json.loads(result.stderr or result.stdout)
    pages = {p.relative_to(checked_site).as_posix(): [] for p in checked_site.rglob("*.html")}
    for message in report["messages"]:
        path = message.get("url", "").split(checked_site.as_posix() + "/", 1)[-1]
        pages.setdefault(path, []).append(message)
    return pages


def test_nu_checker_finds_no_error_on_any_page(vnu_messages: dict[str, list[dict]]):
    """Check that the Nu HTML Checker reports no error on any page of the site (Material's known
    `autocomplete` noise aside)."""
    errors = {path: [f"{m.get('lastLine')}: {m['message']}" for m in messages
                     if m["type"] in ("error", "non-document-error") and not _material_noise(m)]
              for path, messages in vnu_messages.items() if path != "canary.html"}
    assert len(errors) >= 15
    assert {path: found for path, found in errors.items() if found} == {}


def test_nu_checker_filter_hides_only_materials_two_toggles(vnu_messages: dict[str, list[dict]]):
    """Check that the filter hides exactly the two toggles of each Material page, and that the checker
    does report errors (the canary page's duplicate id)."""
    for path, messages in vnu_messages.items():
        if path != "canary.html":
            assert sum(_material_noise(m) for m in messages) == 2, path
    canary = [m["message"] for m in vnu_messages["canary.html"] if m["type"] == "error"]
    assert any("Duplicate ID" in m for m in canary)


def test_linkchecker_finds_no_broken_link_on_the_served_site(checked_site: Path):
    """Check that LinkChecker, crawling the site served on 127.0.0.1, finds no broken link in it
    (and does find the canary page's one)."""
    with serve(checked_site) as url:
        result = subprocess.run([str(LINKCHECKER), "--no-status", "--no-warnings", "--output=csv",
                                 url, url + "canary.html"], capture_output=True, text=True, timeout=600)
    rows = [r for r in csv.DictReader(io.StringIO("\n".join(line for line in result.stdout.splitlines()
                                                            if not line.startswith("#"))), delimiter=";")]
    broken = sorted(f"{r['parentname']} → {r['urlname']} ({r['result']})" for r in rows if r["valid"] == "False")
    assert broken == [f"{url}canary.html → no-such-page.html (404 File not found)"], result.stderr[-2000:]


def test_strict_build_rejects_a_link_to_a_missing_anchor(tmp_path: Path):
    """Check that `mkdocs build --strict` fails on a link to an anchor that no page has (anchor
    validation is on), while the real site builds (the seed_site fixture)."""
    project = make_project(tmp_path / "project")
    about = project / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n[Gone](timeline.md#no-such-anchor)\n", encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode != 0
    assert "no-such-anchor" in result.stderr
