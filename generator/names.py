"""Where entities are named: one pattern that finds any entity's name in text (to link first mentions),
and which articles mention an entity (for who's who)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cached_property

from .articles import Article
from .schema import Entity
from .text import occurs_whole

_WORD = re.compile(r"\w+")


class Names:
    """The names and aliases of the fact sheet's entities, and the articles they stand in."""

    def __init__(self, entities: Sequence[Entity], articles: Sequence[Article]) -> None:
        self.entities = entities
        self.articles = articles

    @cached_property
    def pairs(self) -> list[tuple[str, str]]:
        """(name, entity id) for every name and alias, longest first, for linking mentions."""
        pairs = {(n, e.id) for e in self.entities for n in (e.name, *e.aliases)}
        return sorted(pairs, key=lambda p: (-len(p[0]), p[0]))

    @cached_property
    def to_id(self) -> dict[str, str]:
        return dict(self.pairs)

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        """One pattern for every name; a mention must stand as a whole word."""
        if not self.pairs:
            return None
        return re.compile(r"(?<![\w-])(" + trie([name for name, _ in self.pairs]) + r")(?![\w-])")

    def articles_mentioning(self, entity: Entity) -> list[Article]:
        """The articles in which one of the entity's names stands as a whole word, in article order."""
        names = (entity.name, *entity.aliases)
        return [a for a in self._candidates(entity)
                if any(occurs_whole(n, p.text) for p in a.paragraphs for n in names)]

    @cached_property
    def _articles_with_word(self) -> dict[str, set[int]]:
        """Word → positions (in `articles`) of the articles whose paragraphs contain it as a whole word."""
        index: dict[str, set[int]] = {}
        for k, article in enumerate(self.articles):
            for word in {w for p in article.paragraphs for w in _WORD.findall(p.text)}:
                index.setdefault(word, set()).add(k)
        return index

    def _candidates(self, entity: Entity) -> list[Article]:
        """The articles that can mention the entity: every word of one of its names stands in them whole.

        A mention is bounded by non-word characters, so each word of the name is a whole word of
        the text; `articles_mentioning` then decides exactly. This keeps who's who linear in the articles.
        """
        candidates: set[int] = set()
        for name in {entity.name, *entity.aliases}:
            words = _WORD.findall(name)
            if not words:
                return list(self.articles)
            sets = sorted((self._articles_with_word.get(w, set()) for w in set(words)), key=len)
            candidates |= set.intersection(*sets)
        return [self.articles[k] for k in sorted(candidates)]


def trie(words: list[str]) -> str:
    """An alternation of `words` factored by common prefixes, longest match first.

    It matches exactly what `a|b|…` sorted longest first matches (the longest name at the leftmost
    place that satisfies the pattern around it), but `re` no longer tries every name at every
    character: with thousands of entities that made linking mentions the slowest part of a build.
    """
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        group = "(?:" + "|".join(branches) + ")"
        return group + "?" if "" in node else group  # greedy: the longer name is tried first

    return emit(root)
