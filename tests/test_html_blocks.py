"""The blocks the generator writes as HTML (facts, quotes, events, paragraphs, who's who entries).

MkDocs checks the links of Markdown, not those inside HTML, so the links of these blocks are checked
here on built sites: every one must reach a page and an anchor that exist, with MkDocs's default
directory URLs and without them. Passing the blocks through Markdown whole must give what Markdown
makes of them when it parses them, as a builder without the hook does (`generator render`)."""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.utils import get_relative_url

from generator import pipeline, urls
from generator.context import PageContext
from generator.mkdocs_adapter.blocks import PageBlocks, PassBlocks
from tests.helpers import ROOT, LinksAndIds, broken_links, generator, make_project, mkdocs_build

FRONT_MATTER = re.compile(r"---\n.*?\n---\n", re.S)


def _lines(html: str) -> str:
    """HTML with blank lines and the spaces around line breaks gone, as the hook publishes it."""
    return re.sub(r"\s*\n\s*", "\n", html)


def test_every_link_of_the_seed_site_reaches_its_page_and_anchor(seed_site: Path):
    """Check that every link between pages of the seed site, HTML blocks and Markdown alike, reaches
    an existing page and anchor (a link checker that finds nothing must also find a broken link)."""
    assert broken_links(seed_site) == []
    assert len(LinksAndIds.of(seed_site / "topics" / "sdf" / "index.html").hrefs) > 50


def test_link_checker_finds_a_missing_page_and_a_missing_anchor(tmp_path: Path):
    """Check that the checker used above reports a link to a missing page and one to a missing anchor."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p id="here"><a href="../b/">b</a> <a href="#gone">x</a>'
                                               ' <a href="#here">ok</a> <a href="https://example.org/">out</a></p>')
    assert broken_links(tmp_path) == ["a/index.html: ../b/ (no such page)", "a/index.html: #gone (no such anchor)"]


def test_links_hold_without_directory_urls(tmp_path: Path):
    """Check that with `use_directory_urls: false` (pages as `name.html`) every link still reaches its page and
    anchor, and the HTML blocks' links are written that way too."""
    project = make_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nuse_directory_urls: false\n", encoding="utf-8")
    built = mkdocs_build(project)
    assert built.returncode == 0, built.stderr
    site = project / "site"
    assert broken_links(site) == []
    topic = (site / "topics" / "sdf.html").read_text(encoding="utf-8")
    assert 'href="../whos-who.html#syrian-democratic-forces"' in topic


@pytest.mark.parametrize("directory_urls", [True, False])
def test_addresses_match_the_ones_mkdocs_writes(directory_urls: bool):
    """Check `urls` against MkDocs's own rules for every pair of the seed's generated pages."""
    paths = list(pipeline.build(ROOT / "seeds").pages) + ["index.md", "about.md"]

    def mkdocs_url(path: str) -> str:  # File.url in MkDocs 1.6
        stem = path.removesuffix(".md")
        if not directory_urls:
            return stem + ".html"
        parent, name = posixpath.split(stem)
        return ((parent or ".") + "/") if name == "index" else stem + "/"

    for start in paths:
        for target in paths:
            ours = urls.relative(urls.page_url(target, directory_urls), urls.page_url(start, directory_urls))
            assert ours == get_relative_url(mkdocs_url(target), mkdocs_url(start)), (start, target)


def test_passing_blocks_through_gives_what_markdown_makes_of_them():
    """Check, page by page on the seed, that Markdown with the blocks passed through writes the HTML it
    writes when it parses them, that every block was passed (none was left for Markdown to parse),
    and that the ids collected from them are those an HTML parser finds in them."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    result = pipeline.build(ROOT / "seeds")
    extensions = [e for e in config.markdown_extensions if not isinstance(e, PassBlocks)]
    assert result.blocks, "the seed's pages have HTML blocks"
    for path, text in result.pages.items():
        body = FRONT_MATTER.sub("", text, count=1)
        parsed = markdown.Markdown(extensions=extensions, extension_configs=config.mdx_configs).convert(body)
        blocks = result.blocks.get(path, ())
        current = PageBlocks()
        current.start(blocks)
        converted = markdown.Markdown(extensions=[*extensions, PassBlocks(current)],
                                      extension_configs=config.mdx_configs).convert(body)
        assert _lines(converted) == _lines(parsed), path
        assert current.passed == len(blocks), path
        found = LinksAndIds()
        found.feed("\n".join(blocks))
        assert current.finish() == found.ids, path


def test_html_links_cannot_end_their_attribute():
    """Check that a link written as HTML quotes its anchor: ids are slugs by the schema, but one that is not
    (say, from a future field) still cannot end the `href` and add an attribute."""
    site, _ = pipeline.load(ROOT / "seeds")
    page = PageContext(site=site, path="topics/sdf.md").as_html()
    assert page.href("whos-who.md", 'x" onclick="y') == "../../whos-who/#x%22%20onclick=%22y"
    assert page.link(page.text("<b>"), "about.md") == '<a href="../../about/">&lt;b&gt;</a>'


def test_pages_rendered_for_other_builders_link_to_markdown_files(tmp_path: Path):
    """Check that `generator render` (for builders such as Zensical, which resolve the links in HTML as those
    in Markdown) writes every link of the HTML blocks as the path of a Markdown file it wrote or a
    hand-written one, to an anchor that page has."""
    project = make_project(tmp_path / "p")
    rendered = generator(project, "render", "--seeds", "seeds", "--out", "out")
    assert rendered.returncode == 0, rendered.stderr
    out = project / "out"
    pages = {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8") for p in out.rglob("*.md")}
    checked = 0
    for path, text in pages.items():
        for href in re.findall(r'<a href="([^"]*)"', text):
            parts = urlsplit(html.unescape(href))
            if parts.scheme or not parts.path:
                continue  # a background source, or an anchor on the same page
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), unquote(parts.path)))
            written = pages.get(target)
            if written is None and (project / "docs" / target).is_file():
                written = (project / "docs" / target).read_text(encoding="utf-8")
            assert written is not None, (path, href)
            if parts.fragment:
                assert f'id="{parts.fragment}"' in written or f"{{ #{parts.fragment} }}" in written, (path, href)
            checked += 1
    assert checked > 200
    assert '<a href="../whos-who.md#syrian-democratic-forces">' in pages["topics/sdf.md"]
