"""Rules that span records: references, provenance, dates. Every rule adds its problems to one collector;
the pipeline fails once, with all of them."""

from __future__ import annotations

from collections.abc import Callable

from ..articles import Article
from ..errors import Problems
from ..factsheet import LoadedFactSheet, all_sources
from . import provenance, references
from .sheet import Sheet

RULES: tuple[Callable[[Sheet], None], ...] = (
    references.unique_ids, references.sources_complete, references.article_lines_overruled,
    references.references, provenance.cited_passages, provenance.verbatim_quotes, provenance.figures_in_passages,
    provenance.figures_agree, provenance.dates_in_order, references.topics_used, references.entities_used,
    references.glossary_terms_once, provenance.real_disagreements, provenance.superseded_facts,
    provenance.answered_watch_items, references.place_coordinates, provenance.topic_texts,
)


def check(loaded: LoadedFactSheet, articles: list[Article], problems: Problems) -> None:
    """Every cross-record rule, each problem collected in `problems`."""
    sheet = Sheet(loaded, {a.id: a for a in articles}, all_sources(loaded.sheet, articles), problems)
    for rule in RULES:
        rule(sheet)
