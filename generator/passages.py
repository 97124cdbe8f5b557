"""Where cited words really are: for a misquote, the paragraphs that do hold the words, or else the nearest
passage and the words that differ. Only ever asked once a check has failed, so it may take its time.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from .articles import Article, Paragraph
from .text import normalise

_DOUBLE_QUOTES = "“”„\""  # left off the words a message shows inside its own quotation marks
NEAREST_MIN = 0.5  # below this share of matching words, no passage is "near"
DIFFERENCES_SHOWN = 3


@dataclass(frozen=True)
class Nearest:
    paragraph: Paragraph
    passage: str  # the paragraph's words that come closest, as the article writes them
    differences: list[str]  # each in words: you wrote “safely” where p4 has “successfully”


def holding(words: str, article: Article) -> list[str]:
    """The ids of the article's paragraphs that hold `words` (compared as the checks compare)."""
    needle = normalise(words)
    return [p.id for p in article.paragraphs if needle and needle in normalise(p.text)]


def nearest(words: str, article: Article, cited: Paragraph) -> Nearest | None:
    """The passage of the article closest to `words`: in the cited paragraph, unless another paragraph
    holds a clearly closer one."""
    best: tuple[float, Paragraph, int, int] | None = None
    wanted = _bare(_words(words))
    for paragraph in sorted(article.paragraphs, key=lambda p: p is not cited):  # the cited one first
        score, start, end = _window(_bare(_words(paragraph.text)), wanted)
        if best is None or score > best[0] + (0.1 if best[1] is cited else 0):
            best = (score, paragraph, start, end)
    if best is None or best[0] < NEAREST_MIN:
        return None
    _, paragraph, start, end = best
    original = paragraph.text.split()  # one to one with the normalised words: only quote marks differ
    return Nearest(paragraph, " ".join(original[start:end]).strip(_DOUBLE_QUOTES),
                   differences(original[start:end], words.split(), paragraph.id))


def _shown(words: list[str]) -> str:
    return " ".join(words).strip(_DOUBLE_QUOTES)


def _words(text: str) -> list[str]:
    """Words as compared: spaces and quote marks do not count (the check ignores both)."""
    return [word.strip("\"'") for word in normalise(text).split()]


def _bare(words: list[str]) -> list[str]:
    """Words without the punctuation around them, to find the passage by (cited words may end mid-sentence,
    where the passage has a comma)."""
    return [word.strip(".,;:!?()[]…—–-") for word in words]


def _window(words: list[str], wanted: list[str]) -> tuple[float, int, int]:
    """The run of `words` most like `wanted` (a few words shorter or longer): (likeness, start, end)."""
    best = (0.0, 0, 0)
    n = len(wanted)
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(wanted)
    for size in sorted({max(1, n + d) for d in (0, -1, 1, -2, 2)}):
        for start in range(max(1, len(words) - size + 1)):
            matcher.set_seq1(words[start:start + size])
            score = matcher.ratio()
            if score > best[0]:
                best = (score, start, min(len(words), start + size))
    return best


def differences(passage: list[str], wanted: list[str], pid: str) -> list[str]:
    """The words that differ between a passage and what was written, said plainly (at most a few)."""
    theirs_plain, yours_plain = _words(" ".join(passage)), _words(" ".join(wanted))
    # Cited words may start or end inside a word of the passage ("posts" of "posts."): not a difference.
    if theirs_plain and yours_plain and theirs_plain[-1].startswith(yours_plain[-1]):
        theirs_plain[-1] = yours_plain[-1]
    if theirs_plain and yours_plain and theirs_plain[0].endswith(yours_plain[0]):
        theirs_plain[0] = yours_plain[0]
    out = []
    matcher = difflib.SequenceMatcher(None, theirs_plain, yours_plain, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        theirs, yours = _shown(passage[a1:a2]), _shown(wanted[b1:b2])
        if op == "replace":
            out.append(f"you wrote “{yours}” where {pid} has “{theirs}”")
        elif op == "delete":
            after = f" after “{_shown(passage[a1 - 1:a1])}”" if a1 else \
                f" before “{_shown(passage[a2:a2 + 1])}”" if a2 < len(passage) else ""
            out.append(f"{pid} has “{theirs}”{after}, which you left out")
        elif op == "insert":
            out.append(f"“{yours}” is not in {pid}")
    if len(out) > DIFFERENCES_SHOWN:
        out = out[:DIFFERENCES_SHOWN] + [f"and {len(out) - DIFFERENCES_SHOWN} more"]
    return out
