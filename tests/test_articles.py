from pathlib import Path

from generator.articles import LeftOut, Overrides, read_article, read_articles, valid_name
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


def test_seed_boilerplate_is_left_out_and_listed():
    """Check that the comment form at the end never reaches a page, and is listed with its lines."""
    article = read_article(SEED, Problems())
    assert not any("Leave a Reply" in p.text for p in article.paragraphs)
    assert not any("Your email address" in p.text for p in article.paragraphs)
    assert article.left_out == [
        LeftOut(37, "Leave a Reply", "comment form"),
        LeftOut(39, "Your email address will not be published. Required fields are marked *", "comment form")]


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
    assert str(problems.errors[0]).endswith(
        "Bad Name.txt:1: the file name 'Bad Name.txt' cannot be used as a page address (rename it 'bad-name.txt': "
        "lower-case letters, digits and hyphens only, ending in .txt)")


def test_valid_names_are_offered_for_any_file_name():
    """Check the file name offered for names that cannot be page addresses."""
    assert valid_name("Publisher - Report (Feb 13).txt") == "publisher-report-feb-13.txt"
    assert valid_name("Überblick_Syrien.TXT") == "berblick-syrien.txt"
    assert valid_name("???.txt") == "article.txt"
    assert valid_name("story") == "story.txt"


# -- page furniture, wherever it stands ------------------------------------------------------

SAMPLE = ROOT / "tests" / "cases" / "newsroom" / "sample-report.txt"


def test_sample_report_furniture_is_left_out_and_listed():
    """Check that the sample report's byline, timestamps, dateline, photo caption, share lines, advertisement,
    "Related" list, newsletter line and comment form are each left out with its line and kind, and that the
    article's own three paragraphs are numbered p1 to p3 with nothing after the "Related" list lost."""
    article = read_article(SAMPLE, problems := Problems())
    assert not problems.items
    assert [(x.line, x.why) for x in article.left_out] == [
        (3, "byline"), (4, "timestamp"), (5, "timestamp"), (7, "dateline"), (8, "photo caption"),
        (12, "share or subscribe line"), (14, "share or subscribe line"), (18, "advertisement"),
        (20, "related links"), (22, "listed under “Related Articles”"), (24, "listed under “Related Articles”"),
        (28, "share or subscribe line"), (30, "comment form"), (32, "comment form")]
    assert [p.text[:40] for p in article.paragraphs] == [
        "A joint patrol of the fictional Northern", "“We found the cache within hours of the ",
        "Officials said the weapons would be dest"]
    assert [p.line for p in article.paragraphs] == [10, 16, 26]
    assert article.sections == []


def furniture_of(tmp_path: Path, text: str, overrides: Overrides | None = None):
    path = write(tmp_path, text)
    problems = Problems()
    article = read_article(path, problems, overrides)
    assert not problems.items, problems.items
    return article


def test_furniture_in_the_middle_never_ends_the_article(tmp_path):
    """Check that "Related Articles" and "Leave a Reply" in the middle are left out alone: every paragraph
    after them is kept and numbered."""
    article = furniture_of(tmp_path, "Title\n\nOne.\n\nRelated Articles\n\nTwo.\n\nLeave a Reply\n\nThree.\n")
    assert [p.text for p in article.paragraphs] == ["One.", "Two.", "Three."]
    assert [(x.line, x.text) for x in article.left_out] == [(5, "Related Articles"), (9, "Leave a Reply")]


def test_furniture_lines_inside_a_block_are_taken_out_of_it(tmp_path):
    """Check that a dateline and a caption on the lines under the title or a furniture line inside a
    paragraph's lines are taken out, and the rest of the block kept as one paragraph."""
    article = furniture_of(tmp_path, "Title\nBy Jane Doe\n\nBEIRUT (Reuters) —\nThe talks began.\n"
                                     "Advertisement\nThey ended late.\n")
    assert [p.text for p in article.paragraphs] == ["The talks began. They ended late."]
    assert [(x.line, x.why) for x in article.left_out] == [(2, "byline"), (4, "dateline"), (6, "advertisement")]


def test_short_furniture_lines_are_not_headings(tmp_path):
    """Check that lines such as "Advertisement", "Share this article", "READ MORE", "Recommended Stories"
    and "Also read | …" are left out, not made into section headings."""
    lines = ["Advertisement", "Share this article", "READ MORE", "Recommended Stories", "Also read | Syria today",
             "Read more: The coalition grows", "Follow us on Twitter for the latest news.",
             "This is a breaking story and will be updated.", "Read more about the coalition which has been updated."]
    article = furniture_of(tmp_path, "Title\n\nOne.\n\n" + "\n\n".join(lines) + "\n\nA Real Heading\n\nTwo.\n")
    assert [x.text for x in article.left_out] == lines
    assert [s.heading for s in article.sections] == ["A Real Heading"]
    assert [p.text for p in article.paragraphs] == ["One.", "Two."]


def test_copyright_notices_are_left_out_and_copyright_in_the_text_is_kept(tmp_path):
    """Check that a wire service's copyright lines at the foot of a report are left out and listed, and that
    a sentence about copyright is the article's text."""
    text = ("Title\n\nOne.\n\nCopyright law in Syria changed in 2025.\n\n"
            "Copyright 2026 The Associated Press. All rights reserved.\n\n© 2026 Reuters\n\n"
            "This material may not be published, broadcast, rewritten or redistributed.\n")
    article = furniture_of(tmp_path, text)
    assert [p.text for p in article.paragraphs] == ["One.", "Copyright law in Syria changed in 2025."]
    assert [(x.line, x.why) for x in article.left_out] == [
        (7, "copyright notice"), (9, "copyright notice"), (11, "copyright notice")]


def test_lines_like_furniture_that_are_text_are_kept(tmp_path):
    """Check that text that only starts like furniture stays: "By the time …", "Share prices …", "Updated
    figures …", and a line in capitals after the first paragraph (a heading, not a dateline)."""
    text = ("Title\n\nBy the time the talks ended, both sides had left.\n\nShare prices fell in Damascus.\n\n"
            "Updated figures show 40 arrests.\n\nBy Tuesday, the forces had left the base.\n\n"
            "WHAT COMES NEXT\n\nMore talks.\n")
    article = furniture_of(tmp_path, text)
    assert article.left_out == []
    assert len(article.paragraphs) == 5
    assert [s.heading for s in article.sections] == ["WHAT COMES NEXT"]


def test_editor_keeps_and_skips_lines(tmp_path):
    """Check that a source entry's `keep:` keeps a line the rules would leave out, and `skip:` leaves out a
    line they would keep; both are listed as overruled."""
    text = "Title\n\nAdvertisement\n\nOne.\n\nPhotos by the agency, used with permission.\n\nTwo.\n"
    article = furniture_of(tmp_path, text, Overrides(keep=("Advertisement",),
                                                    skip=("Photos by the agency,  used with permission.",)))
    assert [s.heading for s in article.sections] == ["Advertisement"]
    assert [p.text for p in article.paragraphs] == ["One.", "Two."]
    assert article.left_out == [
        LeftOut(7, "Photos by the agency, used with permission.", "skipped on its source entry")]
    assert article.overruled == {"Advertisement", "Photos by the agency, used with permission."}


def test_check_lists_the_lines_each_article_leaves_out():
    """Check that `generator check` lists the seed article's left-out lines with file:line and kind, and says
    how to overrule them."""
    from tests.helpers import generator

    out = generator(ROOT, "check").stdout.splitlines()
    assert out[:3] == [
        "seeds/articles/us-general-cooper-syria-isil.txt:37: left out (comment form): Leave a Reply",
        "seeds/articles/us-general-cooper-syria-isil.txt:39: left out (comment form): Your email address will not be "
        "published. Required fields are marked *",
        "left out: page furniture, not the article's text (a line left out wrongly: list it under `keep:` on the "
        "article's source entry; one to leave out: under `skip:`)"]
