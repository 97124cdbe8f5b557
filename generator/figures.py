"""What a figure's text says: its number and the word that qualifies it ("more than 5,700" → 5700, more-than).

A figure carries its number twice: `value`, for sorting and the open data, and `text`, as the cited
passage writes it. The checks compare the two, so that the open data never publishes a number its
own text contradicts. A leaf: it imports nothing of the package.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words that qualify a number, longest first, and the schema's `qualifier` each means.
QUALIFIER_WORDS: tuple[tuple[str, str], ...] = (
    ("more than", "more-than"), ("greater than", "more-than"), ("upwards of", "more-than"),
    ("in excess of", "more-than"), ("over", "more-than"), ("above", "more-than"),
    ("at least", "at-least"), ("no fewer than", "at-least"), ("no less than", "at-least"),
    ("approximately", "about"), ("an estimated", "about"), ("estimated", "about"), ("close to", "about"),
    ("roughly", "about"), ("around", "about"), ("about", "about"), ("nearly", "about"), ("almost", "about"),
    ("some", "about"), ("circa", "about"),
)
# Words that qualify a number in a way no `qualifier` says ("up to 300", "fewer than 10"): the number is
# still checked, the qualifier is not.
OTHER_WORDS = ("fewer than", "less than", "under", "below", "up to", "as many as", "as few as")
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6, "bn": 1e9}
_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s*(thousand|million|billion|trillion|bn|k|m)\b)?",
                     re.I)
_SMALL = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
_TENS = {w: 10 * n for n, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
_WORD_NUMBER = re.compile(r"\b(?:a dozen|dozen|(?:" + "|".join([*_TENS, *_SMALL]) + r")(?:[- ](?:"
                          + "|".join(_SMALL) + r"))?(?:\s+(?:hundred|thousand|million|billion))*)\b", re.I)


@dataclass(frozen=True)
class Reading:
    numbers: tuple[float, ...]  # every number the text gives, as written and scaled ("1.5 million": 1.5, 1500000)
    qualifier: str  # the schema's qualifier the text's words mean; "" if a word none of them says; "exact"
    word: str  # the qualifying word as found, or ""


def read(text: str) -> Reading:
    """The numbers in a figure's text and how it qualifies them."""
    low = " ".join(text.lower().split())
    numbers: list[float] = []
    for match in _NUMBER.finditer(low):
        base = float(match.group(1).replace(",", "") + (match.group(2) or ""))
        numbers.append(base)
        if match.group(3):
            numbers.append(base * _SCALES[match.group(3).lower()])
    if not numbers:
        numbers += [n for n in (_word_number(m.group(0)) for m in _WORD_NUMBER.finditer(low)) if n is not None]
    for word, qualifier in QUALIFIER_WORDS:
        if re.search(rf"\b{word}\b", low):
            return Reading(tuple(numbers), qualifier, word)
    for word in OTHER_WORDS:
        if re.search(rf"\b{word}\b", low):
            return Reading(tuple(numbers), "", word)
    return Reading(tuple(numbers), "exact", "")


def _word_number(words: str) -> float | None:
    """"twenty-five" → 25, "two hundred" → 200, "a dozen" → 12."""
    if "dozen" in words:
        return 12.0
    total = 0.0
    for part in re.split(r"[- ]+", words):
        if part in _SMALL:
            total += _SMALL[part]
        elif part in _TENS:
            total += _TENS[part]
        elif part == "hundred":
            total = (total or 1) * 100
        elif part in _SCALES:
            total = (total or 1) * _SCALES[part]
        else:
            return None
    return total


def agrees(value: float, reading: Reading) -> bool:
    return any(abs(value - n) <= 1e-9 * max(1.0, abs(n)) for n in reading.numbers)


def written(number: float) -> str:
    """A number as `value:` takes it: 5700, 2.5."""
    return str(int(number)) if float(number).is_integer() else repr(number)
