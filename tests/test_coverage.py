"""Coverage: the sentence splitter, the three covering rules, the page, and `generator check`.

The fixture tests/cases/provenance has one article of 9 sentences, 5 of them covered.
"""

from __future__ import annotations

import html
import itertools
import re
import shutil
import sys
from pathlib import Path

import pytest

from generator import coverage, pipeline
from generator.articles import read_articles
from generator.errors import Problems
from generator.sentences import split_sentences
from tests.helpers import CASES, ROOT, make_project, mkdocs_build, run

PROVENANCE = CASES / "provenance" / "seeds"
TODAY = {"EXPLAINER_TODAY": "2026-02-15"}


def seed_paragraph(pid: str) -> str:
    article = read_articles(ROOT / "seeds" / "articles", Problems())[0]
    paragraph = article.paragraph(pid)
    assert paragraph is not None
    return paragraph.text


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def page_text(path: Path) -> str:
    """The visible text of a built page's content, whitespace collapsed."""
    body = path.read_text(encoding="utf-8")
    body = body[body.index('<article class="md-content__inner'):body.index("</article>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", body)).split())


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("coverage") / "project", PROVENANCE)
    result = mkdocs_build(project, **TODAY)
    assert result.returncode == 0, result.stderr
    return project


# -- the splitter -------------------------------------------------------------------------

def test_curly_quotes_stay_with_their_sentence():
    """Check that a sentence opening with a curly quote, or with a quote in its middle, is one sentence."""
    assert texts(seed_paragraph("p3")) == [seed_paragraph("p3")]
    p6 = texts(seed_paragraph("p6"))
    assert len(p6) == 2
    assert p6[1].startswith("Cooper emphasized that this integration “will lead")
    assert p6[1].endswith("government forces persist.")


def test_hyphens_and_washington_dc_do_not_split():
    """Check that "US-led", "Washington, DC," and "al-Sharaa" stay inside their sentences."""
    p7 = texts(seed_paragraph("p7"))
    assert p7 == [
        "Last month, Syria officially joined the US-led global coalition against ISIL.",
        "Syrian President Ahmed al-Sharaa, a former rebel commander with historical ties to extremist networks, "
        "visited Washington, DC, and met President Donald Trump, cementing the collaboration.",
    ]


def test_al_assad_does_not_split():
    """Check that "Bashar al-Assad’s overthrow" and the sentence after it split in the right place."""
    p5 = texts(seed_paragraph("p5"))
    assert p5 == [
        "Cooper’s announcement comes on the first anniversary of Bashar al-Assad’s overthrow, a period marked "
        "by significant political transition.",
        "The fall of Assad has reshaped alliances, with Syria pivoting from decades of alignment with Russia and "
        "Iran to cooperating with the US on counterterrorism operations.",
    ]


# Each case is the sentences a reader sees; the splitter gets them joined by single spaces.
SPLIT_CASES = [
    ["Delegates met in Washington, DC, on Monday.", "They left."],
    ["They met in Washington, D.C., and talked.", "Then left."],
    ["He served in the U.S. Navy.", "The ship sailed."],
    ["Troops left the U.S.", "The Pentagon said so."],
    ["Gen. Michael Kurilla left.", "Adm. Brad Cooper came."],
    ["George W. Bush spoke.", "No. 5 was next."],
    ["The answer was no.", "Talks resume on Jan. 20 in Geneva."],
    ["“Is it over?” Cooper asked.", "“Yes.”", "He left."],
    ["He called it “premature.”", "al-Hadi did not reply."],
    ["Prices rose 2.5 percent.", "(Officials agreed.)", "Done."],
    ["Wait… what?", "Yes!", "The end"],
    ["It was small. and it grew."],
    ["Israel—America’s top regional ally—has continued.", "It said so."],
    ["The ministry listed:", "• Two soldiers were wounded.", "• Israel’s military did not comment"],
    ["• No full stop here", "• Nor here.", "Then a sentence."],
]


@pytest.mark.parametrize("expected", SPLIT_CASES, ids=[c[0][:30] for c in SPLIT_CASES])
def test_splitter_cases(expected):
    """Check that each tricky case splits exactly as a reader would."""
    assert texts(" ".join(expected)) == expected


def test_sentence_offsets_point_into_the_paragraph():
    """Check that every sentence's offsets give back its text, in order, with only spaces between."""
    article = read_articles(ROOT / "seeds" / "articles", Problems())[0]
    for paragraph in article.paragraphs:
        spans = split_sentences(paragraph.text)
        assert spans, paragraph.id
        for span in spans:
            assert paragraph.text[span.start:span.end] == span.text
        gaps = [paragraph.text[a.end:b.start] for a, b in itertools.pairwise(spans)]
        assert all(g.isspace() for g in gaps), paragraph.id
        assert " ".join(s.text for s in spans) == paragraph.text


def test_seed_article_has_18_sentences():
    """Check the sentence count of each paragraph of the seed article (the coverage denominator)."""
    article = read_articles(ROOT / "seeds" / "articles", Problems())[0]
    counts = [len(split_sentences(p.text)) for p in article.paragraphs]
    assert counts == [2, 1, 1, 1, 2, 2, 2, 1, 2, 1, 2, 1]
    assert sum(counts) == 18


# -- the covering rules --------------------------------------------------------------------

def covers_of(seeds: Path) -> dict[tuple[str, int], list[str]]:
    site, _ = pipeline.load(seeds)
    result = coverage.compute(site.sheet, site.articles)
    return {(s.paragraph.id, s.number): [c.label for c in s.covers]
            for item in result.articles for s in item.sentences}


def test_three_covering_rules():
    """Check the rules: quoted words cover what they overlap, a bare paragraph cites all of it, a quote its sentence."""
    covers = covers_of(PROVENANCE)
    assert covers[("p1", 1)] == ["event delegates-met"]  # event cites p1 without quote: whole paragraph
    assert covers[("p1", 2)] == ["fact mission-praise", "event delegates-met"]
    assert covers[("p2", 1)] == ["fact boats", "quote reopen"]  # a quote record: the sentence with its text
    assert covers[("p2", 2)] == ["fact critics"]  # quoted words across two sentences cover both
    assert covers[("p2", 3)] == ["fact critics"]
    assert covers[("p2", 4)] == []
    assert covers[("p3", 1)] == covers[("p3", 2)] == covers[("p3", 3)] == []  # web sources cover nothing


def test_seed_coverage_meets_its_minimum():
    """Check the seed article's coverage figure against meta.coverage_min (18 sentences in all)."""
    site, _ = pipeline.load(ROOT / "seeds")
    result = coverage.compute(site.sheet, site.articles)
    assert result.total == 18
    assert result.below_minimum() == []
    assert result.covered / result.total >= site.meta.coverage_min


# -- the page and the check ----------------------------------------------------------------

def test_coverage_page_lists_covered_and_uncovered(built: Path):
    """Check that the page gives the counts, each uncovered sentence, and links from covered ones to records."""
    page = built / "site" / "coverage" / "index.html"
    text = page_text(page)
    assert "What the fact sheet covers" in text
    assert "5 of 9 sentences covered (55%)" in text
    assert "Not covered (4)" in text and "Covered (5)" in text
    uncovered = text[text.index("Not covered (4)"):text.index("Covered (5)")]
    for sentence in ("¶2 al-Hadi did not respond.", "¶3 Observers said the talks could resume in spring.",
                     "¶3 Nobody said when.", "¶3 The U.S. Navy was not involved."):
        assert sentence in uncovered
    raw = page.read_text(encoding="utf-8")
    assert 'href="../topics/talks/#critics"' in raw
    assert 'href="../quotes/#reopen"' in raw
    assert 'href="../articles/harbour-talks/#p2"' in raw


def _section(page: str) -> str:
    """The links of the nav section a page belongs to (Material marks it active)."""
    start = page.index('md-nav__item--active md-nav__item--section md-nav__item--nested')
    marks = ('<li class="md-nav__item md-nav__item--pruned', "md-sidebar--secondary")
    ends = [page.find(mark, start) for mark in marks]
    return page[start:min(e for e in ends if e > 0)]  # up to the next section (pruned to a link), or the nav's end


def test_editors_pages_have_their_own_section_and_about_keeps_the_sources(built: Path):
    """Check that coverage, the fact sheet reference and the change log sit together under "For editors", and
    that the About section holds the method, the source articles and the bibliography, and none of those."""
    coverage = (built / "site" / "coverage" / "index.html").read_text(encoding="utf-8")
    editors = _section(coverage)
    assert "For editors" in editors
    assert all(f'href="../{page}/"' in editors for page in ("changes", "reference/factsheet")), editors
    about = _section((built / "site" / "about" / "index.html").read_text(encoding="utf-8"))
    assert all(f'href="../{page}/"' in about for page in ("articles", "bibliography")), about
    assert not [page for page in ("coverage", "changes", "reference/factsheet") if f'href="../{page}/"' in about]


def test_check_reports_coverage(tmp_path: Path):
    """Check that `generator check` prints each article's coverage and passes at or above the minimum."""
    project = make_project(tmp_path / "p", PROVENANCE)
    result = run([sys.executable, "-m", "generator", "check"], project, **TODAY)
    assert result.returncode == 0, result.stderr
    assert "coverage: harbour-talks: 5 of 9 sentences covered (55%; minimum 50%)" in result.stdout


def test_check_and_build_fail_under_coverage_min_naming_the_article(tmp_path: Path):
    """Check that coverage under meta.coverage_min of an article marked as worked through fails `check` and
    the build alike, with a message at that article's source entry, naming the article."""
    project = make_project(tmp_path / "p", PROVENANCE)
    sheet = project / "seeds" / "factsheet.yaml"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("coverage_min: 0.5", "coverage_min: 0.6"),
                     encoding="utf-8")
    expected = ("seeds/factsheet.yaml:14: sources[report].worked_through: harbour-talks is marked as worked through, "
                "but the fact sheet covers 5 of its 9 sentences (55%), under the minimum of 60% (cite more of its "
                "sentences (the page “What the fact sheet covers” lists them), or set worked_through: false until "
                "they are cited)")
    result = run([sys.executable, "-m", "generator", "check"], project, **TODAY)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == expected
    built = mkdocs_build(project, **TODAY)
    assert built.returncode == 1
    assert expected in built.stderr
    assert not (project / "site").exists()


def test_new_uncited_article_is_published_and_passes_the_check(tmp_path: Path):
    """Check that an article no record cites (no source entry at all) publishes, marked as not yet worked
    through, shows 0% coverage, and passes `check` as well as the build: the minimum applies only to the
    article marked as worked through."""
    project = make_project(tmp_path / "p", PROVENANCE)
    shutil.copy(ROOT / "seeds" / "articles" / "us-general-cooper-syria-isil.txt",
                project / "seeds" / "articles" / "new-report.txt")
    result = mkdocs_build(project, **TODAY)
    assert result.returncode == 0, result.stderr
    assert "Not yet worked through" in page_text(project / "site" / "articles" / "new-report" / "index.html")
    assert "Not yet worked through" not in page_text(project / "site" / "articles" / "harbour-talks" / "index.html")
    text = page_text(project / "site" / "coverage" / "index.html")
    assert "0 of 18 sentences covered (0%)" in text
    assert "5 of 27 sentences covered (18%)" in text
    check = run([sys.executable, "-m", "generator", "check"], project, **TODAY)
    assert check.returncode == 0, check.stderr
    assert "coverage: new-report: 0 of 18 sentences covered (0%; not yet worked through, so no minimum applies)" \
        in check.stdout
    assert "coverage: harbour-talks: 5 of 9 sentences covered (55%; minimum 50%)" in check.stdout
