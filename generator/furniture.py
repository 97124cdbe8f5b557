"""Page furniture: the lines a news site puts around a report that are not the report itself.

Bylines, datelines, timestamps, photo captions, share and subscribe lines, "Related" and "Read more"
links, advertisements, copyright notices and the comment form come along when a report is copied from a web page. The
article reader leaves each such line out of the numbered paragraphs, wherever it stands, and lists it
(`Article.left_out`); nothing after it is lost. A leaf: it imports nothing of the package.

Each rule names what the line is, for the lists shown to editors and readers. The rules look at one
line at a time, spaces collapsed; a line of more than `MAX_WORDS` words is always the article's text.
"""

from __future__ import annotations

import re

MAX_WORDS = 25

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
_AGENCY = r"(?:AP|AFP|Reuters|Getty Images|EPA|Anadolu|Xinhua|Shutterstock|Alamy|dpa|SANA)"
# A name in a byline: capitalised words, with the particles names carry ("al-Sharaa", "van der Berg").
_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:(?:al|el|de|da|del|der|van|von|bin|ibn|le|la)[-\s])?[A-Z][\w.'’-]*){0,3}"


def _rule(pattern: str, flags: int = re.I) -> re.Pattern[str]:
    return re.compile(rf"^(?:{pattern})$", flags)


# (what the line is, pattern of the whole line): the first that matches names it.
RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("comment form", _rule(
        r"leave a (?:reply|comment)(?: to .*)?|post a comment|add (?:a|your) comment|cancel reply|post comment|"
        r"your email address will not be published\..*|required fields are marked.*|"
        r"you must be (?:logged|signed) in to post a comment\.?|save my name, email,? and website.*|"
        r"(?:comment|name|email|website)\s*\*?|\d+ comments?|comments?(?: \(\d+\))?|view comments?|"
        r"join the conversation")),
    ("advertisement", _rule(
        r"advertisement|advert|ad|sponsored(?: content)?|story continues below(?: this)? advertisement|"
        r"scroll (?:down )?to continue(?: reading)?|continue reading below|skip advert")),
    ("share or subscribe line", _rule(
        r"share(?: this)?:?|share (?:this|the) (?:article|story|page|post)\b.*|"
        r"(?:share|tweet|post|email) (?:on|via|to) "
        r"(?:facebook|x|twitter|whatsapp|linkedin|email|reddit|telegram|bluesky|threads|mastodon)\b.*|"
        r"subscribe\b.*|sign up (?:for|to|here|now)\b.*|get (?:our|the) \w+ newsletter.*|follow us\b.*|"
        r"click here to (?:subscribe|share|follow|sign up)\b.*|copy link|print(?: this article)?|"
        r"listen to (?:this|the) (?:article|story).*")),
    ("related links", _rule(
        r"related(?: articles| posts| stories| coverage| content| news| reading| links)?:?|related:.*|"
        r"recommended(?: stories| for you| articles| reading)?:?|also read\b.*|see also:?.*|"
        r"(?:more|most) (?:read|popular|viewed|shared|from \S.*|on this story|stories|news)|"
        r"trending(?: now| stories)?:?|you may also like:?|you might also like:?|what to read next:?|"
        r"don[’']t miss:?.*|editor[’']s picks?:?|top stories:?")),
    ("read more link", _rule(r"read (?:more|next|the full (?:story|article))\b.*|continue reading\b.*|"
                             r"(?:click|tap) here to read\b.*")),
    ("byline", _rule(
        rf"(?:By|BY)\s+{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*(?:\s*(?:,|\||–|—|-|in)\s*[A-Z][\w’' ]*)?|"
        r"(?:(?:Additional )?(?:Reporting|Writing|Editing|Compiled|Written|Reported)(?: and editing)? by\b.*)",
        0)),
    ("timestamp", _rule(
        rf"(?:published|updated|last updated|first published|posted|modified)(?:\s+(?:on|at))?\s*:?\s*"
        rf"(?:\d|{_MONTH}\s|{_DAY}\s|yesterday|today|an? (?:hour|minute|day)|just now).*|"
        rf"(?:{_DAY},?\s+)?(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}},?)\s+\d{{4}}(?:,?\s+\d{{1,2}}[:.]\d{{2}}.*)?|"
        r"\d{1,2}[:.]\d{2}\s*(?:am|pm)?(?:\s+\w{2,4})?|\d+ (?:minutes?|hours?|days?) ago")),
    ("photo caption", _rule(
        r"(?:photo|photograph|picture|image|caption|file photo|pictured|credit)s?\s*:.*|"
        r".*[\[(](?:file|photo|photograph|image|picture|credit)s?(?: photo)?\s*:[^\])]*[\])]|"
        rf".*[\[(][^\])]*(?:/\s*{_AGENCY}|{_AGENCY} (?:Photo|via Getty Images)|{_AGENCY}/)[^\])]*[\])]|"
        r".*\b(?:photograph|photo|image|credit):\s*[^.]{1,60}")),
    ("copyright notice", _rule(
        r"(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4}))\s*.*|(?:.*[.|•]\s+)?all rights reserved\.?|"
        r"this material may not be published, broadcast, rewritten,? or redistributed.*")),
    ("breaking-news note", _rule(
        r"this (?:is a )?(?:breaking|developing)(?: news)? story.*|this story (?:is developing|will be updated).*")),
)

# A dateline only opens a report, before its first paragraph: "WASHINGTON", "BEIRUT (Reuters) —".
# (Elsewhere a short line in capitals is more likely a heading.)
DATELINE = re.compile(r"^[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}(?:,\s*[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2})?"
                      r"(?:\s*\([^)]{1,30}\))?(?:\s*[—–-]+)?$")
# After one of these, a list of headlines follows: short lines that would otherwise read as headings.
LIST_OPENERS = frozenset({"related links", "read more link"})


def what(line: str, opening: bool = False) -> str:
    """What sort of furniture `line` is (spaces collapsed), or "" if it is the article's own text.
    `opening`: the line stands before the article's first paragraph, where datelines are."""
    if len(line.split()) > MAX_WORDS:
        return ""
    for name, pattern in RULES:
        if pattern.match(line):
            return name
    if opening and DATELINE.match(line) and sum(c.isupper() for c in line) >= 2:
        return "dateline"
    return ""
