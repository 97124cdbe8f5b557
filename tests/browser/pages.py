"""Every page of the built site, as URL paths, known before the build (for parametrizing)."""

from __future__ import annotations

from tests.helpers import ROOT


def url_path(markdown_path: str) -> str:
    """docs-relative Markdown path → the URL path MkDocs gives it (use_directory_urls)."""
    stem = markdown_path[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def site_pages() -> list[str]:
    """The generated pages (from the generator's own page list) and the hand-written ones in docs/."""
    from generator import pipeline

    generated = set(pipeline.build(ROOT / "seeds").pages)
    written = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    return sorted(url_path(p) for p in generated | written) + ["404.html"]


PAGES = site_pages()
PAGE_IDS = [p.removesuffix("/") or "home" for p in PAGES]
