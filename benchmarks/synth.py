"""Synthetic but realistic seeds at any scale: articles and a fact sheet that pass `python -m generator check`.

Deterministic: the same `(articles, seed)` always writes the same bytes. Per article it makes what an
editor of the real seeds makes per article, so the fact sheet grows in proportion:

- an article of about 700 words: a title, 10 paragraphs under 3 section headings, a quote, numbers,
  names, and sometimes the comment-form boilerplate that the reader drops;
- 5 entities (2 people with a surname alias, an organisation, an armed group, a place);
- 10 facts (3 with a figure, 4 with a verbatim quote, 1 disputed with a background source);
- 5 events (dated to the day, the month or the year), 1 quote, 1 source record;
- relations for the actors diagram, which is curated: one per article up to 12, then one per 50 articles
  among the same 24 key actors;
- one topic per 5 articles (at least 2), each with what to watch and questions and answers;
- a glossary that grows slowly (10 terms, plus 1 per 20 articles).

Usage: `python -m benchmarks.synth --articles 100 --out /tmp/seeds`, then
`python -m generator check --seeds /tmp/seeds`.
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

SYLLABLES = ("ka", "ra", "mo", "li", "ven", "dar", "sa", "tu", "bel", "no", "ri", "zan", "ha", "mi", "ser",
             "qa", "lo", "fen", "da", "ru", "nai", "tor", "ba", "kel", "yo", "mar", "shi", "vol", "ne", "gan",
             "pe", "dul", "ka", "ir", "os", "tan", "el", "ju", "ram", "wes")
FIRST_NAMES = ("Amira", "Bilal", "Carla", "Dmitri", "Elif", "Farid", "Greta", "Hassan", "Ines", "Jonas", "Karim",
               "Leila", "Marco", "Nadia", "Omar", "Petra", "Rami", "Sofia", "Tariq", "Ulla", "Viktor", "Wafa",
               "Yusuf", "Zeynep", "Adel", "Beatriz", "Samir", "Hana", "Idris", "Mariam")
ORG_ADJECTIVES = ("Northern", "Eastern", "Western", "Southern", "United", "Free", "National", "Civic", "Coastal",
                  "Central", "Provisional", "Joint", "Regional", "Independent")
ORG_NOUNS = ("Reform", "Unity", "Recovery", "Water", "Grain", "Border", "Transition", "Reconciliation", "Relief",
             "Energy", "Justice", "Security", "Heritage", "Return", "Labour", "Health")
ORG_BODIES = ("Council", "Authority", "Committee", "Agency", "Movement", "Commission", "Office", "Assembly",
              "Union", "Board")
GROUP_KINDS = ("Brigades", "Battalions", "Guard", "Front", "Legion")
PUBLISHERS = ("Daily Ledger", "Morning Wire", "Regional Courier", "The Observer Desk", "Frontline Report")
VERBS = ("expand", "review", "suspend", "restore", "fund", "monitor", "delay", "reopen")
NOUNS = ("checkpoint", "pipeline", "ceasefire", "aid corridor", "grain depot", "power station", "border crossing",
         "water plant", "field hospital", "school network", "rail link", "market")
UNITS = ("families", "trucks", "fighters", "villages", "tonnes of grain", "weapon sites", "displaced people",
         "schools", "detainees", "kilometres of road")
ADJECTIVES = ("fragile", "tense", "uncertain", "steady", "contested", "promising", "costly", "slow")
HEADINGS = ("Talks in {place}", "What the agreement covers", "Reaction from {org}", "Security on the ground",
            "Aid and reconstruction", "What comes next", "A long dispute", "Voices from {place}")
QUOTE_BODIES = ("We will not accept another delay on the {noun}",
                "The {noun} is the test of whether this agreement holds",
                "Our people need the {noun} open before winter",
                "Nobody here trusts promises about the {noun} any more",
                "This is the first step and not the last one")
GLOSSARY_BASE = (("ceasefire", "An agreement to stop fighting, for a time or for good."),
                 ("aid corridor", "A route that both sides agree to leave open for humanitarian supplies."),
                 ("checkpoint", "A post where armed men or officials stop and search traffic."),
                 ("transitional government", "A government meant to rule only until elections or a new constitution."),
                 ("displaced people", "People forced to leave their homes who remain inside their own country."),
                 ("sanctions", "Penalties one state imposes on another, such as limits on trade or finance."),
                 ("militia", "An armed group that is not part of a state's regular army."),
                 ("coalition", "A group of states or organisations acting together."),
                 ("amnesty", "An official pardon for people who committed certain offences."),
                 ("reconstruction", "Rebuilding what a war destroyed: housing, roads, power and water."))


@dataclass
class Person:
    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    role: str = ""


def _q(text: str) -> str:
    """A YAML double-quoted string (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


class Namer:
    """Unique, pronounceable names from a seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.taken: set[str] = set()

    def word(self) -> str:
        while True:
            parts = self.rng.randint(2, 3)
            name = "".join(self.rng.choice(SYLLABLES) for _ in range(parts)).capitalize()
            if name not in self.taken and len(name) >= 5:
                self.taken.add(name)
                return name

    def org(self) -> str:
        while True:
            name = " ".join((self.rng.choice(ORG_ADJECTIVES), self.rng.choice(ORG_NOUNS), self.rng.choice(ORG_BODIES)))
            if name not in self.taken:
                self.taken.add(name)
                return name


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def _date(rng: random.Random, precision: str) -> str:
    year = rng.randint(2018, 2026)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    return {"year": f"{year}", "month": f"{year}-{month:02d}", "day": f"{year}-{month:02d}-{day:02d}"}[precision]


def generate(articles: int, seed: int = 1) -> tuple[dict[str, str], str]:
    """(file name → article text, fact sheet YAML) for `articles` articles."""
    rng = random.Random(seed)
    namer = Namer(rng)
    n_topics = max(2, articles // 5)
    n_relations = min(articles, 12) + articles // 50
    key_actors: list[tuple[str, str]] = []
    topics = []
    for t in range(n_topics):
        place = namer.word()
        topics.append({"id": f"topic-{t + 1:03d}-{place.lower()}", "place": place,
                       "title": f"The {place} question", "facts": 0})
    texts: dict[str, str] = {}
    y_sources: list[str] = []
    y_entities: list[str] = []
    y_events: list[str] = []
    y_facts: list[str] = []
    y_quotes: list[str] = []
    y_relations: list[str] = []
    qa_for_topic: dict[int, list[str]] = {}
    web = [f"monitor-{k}" for k in range(1, 6)]
    for k, source_id in enumerate(web, start=1):
        y_sources.append(f"  - id: {source_id}\n    kind: web\n    category: specialist\n"
                         f"    publisher: {_q(f'Conflict Monitor {k}')}\n    date: 2025-{k:02d}-15\n"
                         f"    url: https://monitor{k}.example.org/reports\n    accessed: 2026-01-31\n")

    for i in range(articles):
        topic_index = i % n_topics
        topic = topics[topic_index]
        first, second = rng.sample(FIRST_NAMES, 2)
        people = [Person(id="", name=f"{first} {namer.word()}", kind="person"),
                  Person(id="", name=f"{second} {namer.word()}", kind="person")]
        org = Person(id="", name=namer.org(), kind="organisation")
        group = Person(id="", name=f"{namer.word()} {rng.choice(GROUP_KINDS)}", kind="armed-group")
        place = Person(id="", name=namer.word(), kind="place")
        ents = [*people, org, group, place]
        for e in ents:
            e.id = f"{_slug(e.name)}-{i + 1}"
        for p in people:
            p.aliases = [p.name.split()[1]]
        people[0].role = f"Spokesperson of the {org.name}"
        people[1].role = f"Commander of the {group.name}"
        org.role = f"A body that runs services in {place.name}"
        group.role = f"An armed group active around {place.name}"
        place.role = f"A district in the {topic['place']} region"
        noun = rng.choice(NOUNS)
        region = topic["place"]
        article_id = f"report-{i + 1:04d}-{_slug(place.name)}"
        title = f"{people[0].name} warns of {noun} dispute in {place.name}"
        headings = rng.sample(HEADINGS, 3)
        quote_words = rng.choice(QUOTE_BODIES).format(noun=noun)
        numbers = [rng.randint(12, 980) for _ in range(3)]
        units = rng.sample(UNITS, 3)
        # Paragraph sentences: every entity named, numbers and one quote placed in known paragraphs.
        paras: list[list[str]] = [[] for _ in range(10)]
        paras[0] += [f"The {org.name} and the {group.name} agreed on Tuesday to {rng.choice(VERBS)} the {noun} "
                     f"near {place.name}, officials said.",
                     f"The deal follows months of {rng.choice(ADJECTIVES)} talks over who controls the {region} "
                     f"region."]
        paras[1] += [f"“{quote_words},” {people[0].name} said at a news conference.",
                     f"{people[0].aliases[0]} added that the {org.name} would publish the terms within a week."]
        paras[2] += [f"According to the {org.name}, about {numbers[0]} {units[0]} have been affected since the spring.",
                     f"Aid workers in {place.name} described the situation as {rng.choice(ADJECTIVES)}."]
        paras[3] += [f"{people[1].name}, who commands the {group.name}, said his fighters would "
                     f"hold their positions.",
                     f"He said more than {numbers[1]} {units[1]} were at stake."]
        paras[4] += [f"Residents of {place.name} said the {noun} had been closed for {rng.randint(2, 11)} weeks.",
                     "Local traders said prices had doubled since the closure."]
        paras[5] += [f"The {topic['place']} region has seen repeated disputes over the {rng.choice(NOUNS)} and the "
                     f"{rng.choice(NOUNS)}.",
                     f"Observers said the {group.name} and the {org.name} had clashed twice last year."]
        paras[6] += [f"Officials counted {numbers[2]} {units[2]} in the district at the end of the month.",
                     "The figure could not be independently verified."]
        paras[7] += [f"{people[1].aliases[0]} said talks would continue in {place.name} next week.",
                     f"Diplomats said the {rng.choice(NOUNS)} would be the next test."]
        paras[8] += [f"The agreement does not cover the {rng.choice(NOUNS)}, which remains disputed.",
                     f"Both sides said they would {rng.choice(VERBS)} the arrangement after three months."]
        paras[9] += [f"{people[0].aliases[0]} said the {org.name} remained ready to talk.",
                     f"It was not clear when the {noun} would reopen."]
        filler = [f"Officials in {place.name} said work on the {rng.choice(NOUNS)} would {rng.choice(VERBS)} soon.",
                  f"Several residents said they had not been consulted about the {rng.choice(NOUNS)}.",
                  f"Analysts described the mood in the {topic['place']} region as {rng.choice(ADJECTIVES)}.",
                  f"Others said the {rng.choice(NOUNS)} mattered more to them than any agreement.",
                  "A local official said the costs had risen sharply over the past year."]
        for para in paras:  # pad each paragraph to a realistic length
            para += rng.sample(filler, rng.randint(2, 4))
        blocks = [title, ""]
        for number, para in enumerate(paras):
            if number in (0, 3, 7):
                blocks += [headings[(0, 3, 7).index(number)].format(place=place.name, org=org.name), ""]
            blocks += [" ".join(para), ""]
        if i % 3 == 0:
            blocks += ["Leave a Reply", "",
                       "Your email address will not be published. Required fields are marked *", ""]
        texts[f"{article_id}.txt"] = "\n".join(blocks)

        source_id = f"src-{article_id}"
        published = _date(rng, "day")
        y_sources.append(f"  - id: {source_id}\n    kind: article\n    article: {article_id}\n"
                         f"    publisher: {_q(rng.choice(PUBLISHERS))}\n    date: {published}\n"
                         f"    url: https://news.example.org/{article_id}\n")
        for e, para in zip(ents, (1, 3, 0, 0, 2), strict=True):
            lines = [f"  - id: {e.id}", f"    name: {_q(e.name)}", f"    kind: {e.kind}"]
            if e.aliases:
                lines.append(f"    aliases: [{', '.join(_q(a) for a in e.aliases)}]")
            lines.append(f"    role: {_q(e.role)}")
            if e.kind == "person":
                lines.append(f"    summary: {_q(f'{e.name} is named in reporting on the {region} region.')}")
            lines.append(f"    cite: [{{source: {source_id}, paragraph: p{para + 1}}}]")
            y_entities.append("\n".join(lines) + "\n")

        def topics_of(j: int, topic_index: int = topic_index, topic: dict = topic) -> str:
            extra = (topic_index + 1 + j) % n_topics
            ids = [topic["id"]] + ([topics[extra]["id"]] if j % 5 == 1 and extra != topic_index else [])
            for tid in ids:
                next(t for t in topics if t["id"] == tid)["facts"] += 1
            return "[" + ", ".join(ids) + "]"

        spokesperson, commander, alias0 = people[0].name, people[1].name, people[0].aliases[0]
        publish = f"{alias0} added that the {org.name} would publish the terms within a week"
        stake = f"He said more than {numbers[1]} {units[1]} were at stake"
        clashed = f"Observers said the {group.name} and the {org.name} had clashed twice last year"
        ready = f"{alias0} said the {org.name} remained ready to talk"
        # (statement, paragraph index, entities by position, figure, quote from the paragraph)
        facts = [
            (f"According to the report, {spokesperson} said the {org.name} would publish the terms within a week.",
             1, [0, 2], None, publish),
            (f"The {org.name} and the {group.name} agreed to act on the {noun} near {place.name}, officials said.",
             0, [2, 3, 4], None, None),
            (f"The {org.name} says about {numbers[0]} {units[0]} have been affected.",
             2, [2], (numbers[0], units[0], f"about {numbers[0]}", "about"), None),
            (f"{commander} said more than {numbers[1]} {units[1]} were at stake.",
             3, [1, 3], (numbers[1], units[1], f"more than {numbers[1]}", "more-than"), stake),
            (f"Residents of {place.name} said the {noun} had been closed for weeks.", 4, [4], None, None),
            (f"Observers said the {group.name} and the {org.name} had clashed twice last year.",
             5, [2, 3], None, clashed),
            (f"Officials counted {numbers[2]} {units[2]} in {place.name} at the end of the month.",
             6, [4], (numbers[2], units[2], f"{numbers[2]}", "exact"), None),
            (f"{commander} said talks would continue in {place.name}.", 7, [1, 4], None, None),
            ("Both sides said they would review the arrangement after three months.", 8, [2, 3], None, None),
            (f"{spokesperson} said the {org.name} remained ready to talk.", 9, [0, 2], None, ready),
        ]
        for j, (statement, para, who, figure, quote) in enumerate(facts):
            lines = [f"  - id: fact-{i + 1}-{j + 1}", f"    statement: {_q(statement)}", f"    topics: {topics_of(j)}",
                     f"    entities: [{', '.join(ents[w].id for w in who)}]"]
            if figure:
                value, unit, text, qualifier = figure
                lines.append(f"    figure: {{value: {value}, unit: {_q(unit)}, text: {_q(text)}, "
                             f"qualifier: {qualifier}}}")
            lines.append(f"    as_of: {published[:7]}")
            lines.append("    cite:")
            lines.append(f"      - source: {source_id}\n        paragraph: p{para + 1}")
            if quote:
                lines.append(f"        quote: {_q(quote)}")
            if j == 8:  # a disputed fact: a background source says otherwise
                lines[-1] += "\n        claim: \"After three months.\"\n        rank: preferred"
                lines.append(f"      - source: {rng.choice(web)}\n        claim: \"After six months.\"")
            y_facts.append("\n".join(lines) + "\n")

        for j in range(5):
            precision = ("day", "day", "month", "day", "year")[j]
            who = ents[j]
            title_text = (f"{who.name} {rng.choice(VERBS)}s the {rng.choice(NOUNS)}" if who.kind != "place"
                          else f"Fighting reported near {who.name}")
            lines = [f"  - id: event-{i + 1}-{j + 1}", f"    date: {_date(rng, precision)}",
                     f"    title: {_q(title_text)}"]
            if j % 2 == 0:
                summary = f"The report links this to the dispute over the {noun} in {place.name}."
                lines.append(f"    summary: {_q(summary)}")
            lines += [f"    topics: [{topic['id']}]", f"    entities: [{who.id}]",
                      f"    cite: [{{source: {source_id}, paragraph: p{j * 2 + 1}}}]"]
            y_events.append("\n".join(lines) + "\n")

        y_quotes.append(f"  - id: quote-{i + 1}\n    speaker: {people[0].id}\n    text: {_q(quote_words)}\n"
                        f"    context: {_q(f'At a news conference on the {noun} in {place.name}.')}\n"
                        f"    topics: [{topic['id']}]\n    cite: {{source: {source_id}, paragraph: p2}}\n")
        if len(key_actors) < 12:
            key_actors.append((org.id, group.id))
        if i < n_relations:  # the actors diagram is curated: its key actors gain relations slowly
            a, b = (org.id, group.id) if i < 12 else (key_actors[i % 12][0], key_actors[(i * 5 + 1) % 12][1])
            y_relations.append(f"  - id: rel-{i + 1}\n    from: {a}\n    to: {b}\n"
                               f"    kind: {rng.choice(('cooperation', 'conflict', 'integration', 'opposition'))}\n"
                               f"    label: {_q(f'agreed on the {noun}')}\n"
                               f"    cite: [{{source: {source_id}, paragraph: p1}}]\n")
        if len(qa_for_topic.setdefault(topic_index, [])) < 3:
            qa_for_topic[topic_index].append(
                f"      - question: {_q(f'What did the {org.name} agree?')}\n"
                f"        answer: {_q(f'To act on the {noun} near {place.name}, together with the {group.name}.')}\n"
                f"        cite: [{{source: {source_id}, paragraph: p1}}]\n")

    y_topics = []
    for t, topic in enumerate(topics):
        region = topic["place"]
        lines = [f"  - id: {topic['id']}", f"    title: {_q(topic['title'])}",
                 f"    summary: {_q(f'Who controls the {region} region, and what the agreements there cover.')}",
                 "    watch:",
                 f"      - {_q('Whether the agreements reached this year hold.')}",
                 f"      - {_q('Whether aid reaches the districts most affected.')}"]
        if qa_for_topic.get(t):
            lines.append("    qa:")
            lines.append("".join(qa_for_topic[t]).rstrip("\n"))
        y_topics.append("\n".join(lines) + "\n")

    y_glossary = []
    n_terms = 10 + articles // 20
    for k in range(n_terms):
        if k < len(GLOSSARY_BASE):
            term, definition = GLOSSARY_BASE[k]
        else:
            term, definition = f"{namer.word()} accord", "A local agreement named after the town where it was signed."
        y_glossary.append(f"  - id: term-{k + 1}\n    term: {_q(term)}\n    definition: {_q(definition)}\n")

    sheet = (
        "# Synthetic fact sheet written by benchmarks/synth.py; do not edit by hand.\n"
        "meta:\n"
        f"  title: {_q('Synthetic newsroom explainer')}\n"
        f"  description: {_q(f'A synthetic explainer built from {articles} generated reports, for benchmarks.')}\n"
        "  last_reviewed: 2026-11-01\n"
        "sources:\n" + "".join(y_sources)
        + "entities:\n" + "".join(y_entities)
        + "events:\n" + "".join(y_events)
        + "facts:\n" + "".join(y_facts)
        + "quotes:\n" + "".join(y_quotes)
        + "topics:\n" + "".join(y_topics)
        + "glossary:\n" + "".join(y_glossary)
        + "relations:\n" + "".join(y_relations)
    )
    return texts, sheet


def write_seeds(out: Path, articles: int, seed: int = 1) -> Path:
    """Write `articles/*.txt` and `factsheet.yaml` under `out` (which is emptied of old articles first)."""
    texts, sheet = generate(articles, seed)
    folder = out / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.txt"):
        if old.name not in texts:
            old.unlink()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    (out / "factsheet.yaml").write_text(sheet, encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    write_seeds(args.out, args.articles, args.seed)
    print(f"wrote {args.articles} articles and a fact sheet to {args.out}")


if __name__ == "__main__":
    main()
