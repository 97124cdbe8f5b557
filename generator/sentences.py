"""Split an article's paragraph into sentences, knowing where each sits in the paragraph's text.

Full stops after titles ("Gen.", "Adm."), before numbers ("No. 5", "Jan. 20") and inside initialisms
("U.S.") do not end a sentence unless the next word plainly starts one; quotes and brackets that
close a sentence stay with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words that end with a full stop but do not end a sentence: titles before a name ("Gen.", "Adm.").
ABBREVIATIONS = frozenset("""
    mr mrs ms dr prof gen adm lt col maj capt cmdr cdr sgt cpl pvt brig gov sen rep rev hon pres
    st mt ft vs cf approx dept univ jr sr
""".split())
# These do so only before a number: "No. 5", "Jan. 20", but "The answer was no. Then …" ends.
ABBREVIATIONS_BEFORE_NUMBER = frozenset("""
    no nos fig vol pp ca est jan feb mar apr jun jul aug sep sept oct nov dec
""".split())
# After an initialism such as "U.S." or "D.C." the sentence ends only if one of these follows:
# "the U.S. The Pentagon said" splits, "the U.S. Navy" and "Washington, D.C. Mayor" do not.
SENTENCE_STARTERS = frozenset("""
    a an the he she it its they we i you this that these those there his her their our my
    but and so yet or in on at as after before when while if however meanwhile according
    still since despite although though last earlier later
""".split())
# Lower-case particles that begin Arabic names at the start of a sentence: "al-Sharaa said …".
_NAME_PARTICLE = re.compile(r"(?:al|el|ad|an|ar|as|ash|at|az|ibn|bin|bint)[-‑]\w")
_OPENERS = "\"'“‘«([„"
_CLOSERS = "\"'”’»)]"
# A run of terminal punctuation, any closing quotes or brackets, then white space.
_CANDIDATE = re.compile(r"([.!?…]+)([" + re.escape(_CLOSERS) + r"]*)(\s+)")
_SPEECH = re.compile(r"(?:[A-Z][\w’'.-]*\s+){1,3}(?:said|says|asked|asks|added|adds|told|wrote|replied|"
                     r"continued|explained|noted|insisted|warned)\b")
_INITIALISM = re.compile(r"^(?:[A-Za-z]\.)+$")
# A list bullet after white space: where a list item begins inside a paragraph's joined lines.
_BULLET = re.compile(r"(?<=\s)[•▪◦‣●](?=\s)")


@dataclass(frozen=True)
class Span:
    """A sentence: its text and where it sits in the paragraph's text (start inclusive, end exclusive)."""

    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Span]:
    """Split one paragraph into sentences, keeping offsets into `text`.

    A sentence ends at `.`, `!`, `?` or `…` (with any closing quote or bracket after it) that is
    followed by white space and then something that can start a sentence: a capital, a digit, an
    opening quote, or a name particle such as "al-". Not a boundary: an abbreviation ("Gen.",
    "Adm.", "No."), a single initial ("George W. Bush"), an initialism ("U.S.", "D.C.") unless a
    common sentence-opening word follows, and "?” Cooper asked" style attributions. Hyphens
    ("US-led", "al-Assad"), commas ("Washington, DC,") and dashes never split; a list bullet ("•")
    always starts a new sentence.
    """
    spans: list[Span] = []
    start = _skip_space(text, 0)
    for match in _CANDIDATE.finditer(text):
        end = match.end(2)
        if end <= start or not _is_boundary(text, match):
            continue
        spans.append(Span(start, end, text[start:end]))
        start = match.end(3)
    tail_end = len(text.rstrip())
    if start < tail_end:
        spans.append(Span(start, tail_end, text[start:tail_end]))
    return [piece for span in spans for piece in _list_items(text, span)]


def _list_items(text: str, span: Span) -> list[Span]:
    """A span cut before each list bullet inside it: lines "• …" joined into one paragraph are
    separate items, whether or not each ends with a full stop."""
    cuts = [m.start() for m in _BULLET.finditer(text, span.start, span.end) if m.start() > span.start]
    if not cuts:
        return [span]
    pieces, start = [], span.start
    for cut in cuts:
        end = len(text[:cut].rstrip())
        if end > start:
            pieces.append(Span(start, end, text[start:end]))
        start = cut
    pieces.append(Span(start, span.end, text[start:span.end]))
    return pieces


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    punct, closers = match.group(1), match.group(2)
    after = text[match.end(3):]
    if not after or not _can_start(after):
        return False
    if punct == "." and not closers:
        word = _word_before(text, match.start(1))
        bare = word.strip(_OPENERS).lower()
        if bare in ABBREVIATIONS or (bare in ABBREVIATIONS_BEFORE_NUMBER and after[0].isdigit()):
            return False
        if _INITIALISM.match(word.strip(_OPENERS) + "."):
            if len(bare) == 1:  # one initial: "George W. Bush"
                return False
            first = re.match(r"[\w’']+", after)
            return bool(first) and first.group(0).lower() in SENTENCE_STARTERS
    if punct[-1] in "!?" and closers and _SPEECH.match(after):
        return False  # “Is it over?” Cooper asked.
    return True


def _can_start(after: str) -> bool:
    first = after[0]
    if first.isupper() or first.isdigit():
        return True
    if first in _OPENERS:
        return len(after) > 1 and (after[1].isupper() or after[1].isdigit() or after[1] in _OPENERS
                                   or bool(_NAME_PARTICLE.match(after[1:])))
    return bool(_NAME_PARTICLE.match(after))


def _word_before(text: str, end: int) -> str:
    """The non-space run just before `end` (the word a full stop is attached to)."""
    i = end
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return text[i:end]
