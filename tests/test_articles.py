from pathlib import Path

from generator.articles import read_article, read_articles
from generator.errors import Problems
from tests.helpers import ROOT

SEED = ROOT / "seeds" / "articles" / "us-general-cooper-syria-isil.txt"


def write(tmp_path: Path, text: str, name: str = "a.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_seed_article_is_kept_byte_for_byte():
    """Check that the project's copy of the seed article is exactly the file received."""
    import hashlib

    digest = hashlib.sha256(SEED.read_bytes()).hexdigest()
    assert digest == "dcdccc8b1ab69db40884fbced5dd88729896662808972ebf296907ca42cbc39c"


def test_seed_title_headings_and_paragraphs():
    """Check that the reader finds the title, the five bare-line headings and twelve paragraphs."""
    problems = Problems()
    article = read_article(SEED, problems)
    assert not problems.items
    assert article.title == "US General Highlights Close Cooperation with Syria Against ISIL Threats"
    assert [s.heading for s in article.sections] == [
        "US-Syria Collaboration Against ISIL",
        "Post-Assad Syria: A New Security Landscape",
        "Syria Joins Global Coalition Against ISIL",
        "US Military Presence and Strategy",
        "Regional Implications",
    ]
    assert [p.id for p in article.paragraphs] == [f"p{n}" for n in range(1, 13)]
    assert article.paragraphs[2].text.startswith("“We have now had multiple instances")


def test_seed_boilerplate_is_dropped():
    """Check that the comment form at the end never reaches a page."""
    article = read_article(SEED, Problems())
    assert not any("Leave a Reply" in p.text for p in article.paragraphs)
    assert not any("Your email address" in p.text for p in article.paragraphs)
    assert article.dropped == ["Leave a Reply",
                               "Your email address will not be published. Required fields are marked *"]


def test_curly_quotes_are_kept():
    """Check that typographic quotes survive reading unchanged."""
    article = read_article(SEED, Problems())
    assert "“will lead to a more predictable and stable security environment,”" in article.paragraphs[5].text
    assert "Cooper’s announcement" in article.paragraphs[4].text


def test_paragraph_lines_point_into_the_file():
    """Check that each paragraph remembers the line it starts on."""
    article = read_article(SEED, Problems())
    lines = SEED.read_text(encoding="utf-8").split("\n")
    for paragraph in article.paragraphs:
        assert lines[paragraph.line - 1].strip().startswith(paragraph.text[:40])


def test_any_text_file_becomes_an_article(tmp_path):
    """Check that a new .txt file is read with no other configuration."""
    write(tmp_path, "A Title\n\nFirst paragraph.\n\nA Heading\n\nSecond paragraph.\n", "new-one.txt")
    [article] = read_articles(tmp_path, Problems())
    assert article.id == "new-one"
    assert [p.section for p in article.paragraphs] == ["", "a-heading"]


def test_question_and_quote_lines_are_not_headings(tmp_path):
    """Check that a short line ending in punctuation or opening with a quote stays a paragraph."""
    write(tmp_path, "T\n\nWhat now?\n\n“Yes we can”\n\nReal Heading\n\nText.\n")
    article = read_articles(tmp_path, Problems())[0]
    assert [p.text for p in article.paragraphs] == ["What now?", "“Yes we can”", "Text."]


def test_crlf_article_reads_like_lf(tmp_path):
    """Check that Windows line endings do not change paragraphs."""
    (tmp_path / "a.txt").write_bytes(b"T\r\n\r\nOne.\r\n\r\nTwo.\r\n")
    article = read_articles(tmp_path, Problems())[0]
    assert [p.text for p in article.paragraphs] == ["One.", "Two."]


def test_bad_article_file_name_is_reported(tmp_path):
    """Check that a file name unusable as an address gives a clear message."""
    write(tmp_path, "T\n\nText.\n", "Bad Name.txt")
    problems = Problems()
    read_articles(tmp_path, problems)
    assert "cannot be used as a page address" in str(problems.errors[0])
