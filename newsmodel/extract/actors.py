"""Who acts in a sentence without being named there: shared by the event and agreement stages.

Both stages take as participants the entities a sentence names, and also the
ones it points at: "the two sides" and "both countries" (the two most recent
countries, else people, else organizations), an opening "he"/"she" or "the
company", and "his country" (the nationality of the person "his" refers to).
A demonym ("Kenyan officials") stands for its country when the article holds
that country. These rules live here, not in either stage, so that neither
stage imports the other.

>>> from newsmodel.extract.records import EntityRecord
>>> is_actor(EntityRecord(kind="place", name="Lima", iri="urn:x:lima", subtype="City"))
False
>>> is_actor(EntityRecord(kind="place", name="Peru", iri="urn:x:peru", subtype="Country"))
True
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsmodel.extract.attribution import Attributor, country_records
from newsmodel.extract.records import EntityRecord, Mention
from newsmodel.extract.sentences import PhraseMatcher

__all__ = ["country_records", "implicit_actors", "is_actor", "shared_countries", "two_sides"]

_PAIR_NOUNS = [
    "sides",
    "countries",
    "nations",
    "leaders",
    "presidents",
    "governments",
    "companies",
    "firms",
    "men",
    "parties",
    "states",
]
#: "the two sides", "both countries": two actors named before.
_TWO_SIDES = PhraseMatcher(
    [f"{lead} {noun}" for lead in ("the two", "both") for noun in _PAIR_NOUNS], shared=True
)
#: "his country": the nationality of the person the pronoun refers to.
_OWN_COUNTRY = PhraseMatcher(
    [f"{pronoun} {noun}" for pronoun in ("his", "her") for noun in ("country", "nation", "government")],
    shared=True,
)
#: Subject words that stand for an organization named before ("the company said").
_ORG_SUBJECTS = frozenset(
    {"company", "firm", "group", "agency", "airline", "carrier", "ministry", "government"}
)


def shared_countries(attr: Attributor) -> dict[str, EntityRecord]:
    """``country_records`` of the attributor's index, computed once per document."""
    return attr.countries()


def is_actor(rec: EntityRecord) -> bool:
    """Whether an entity can act in an event or agreement: people, organizations, countries, states.

    Cities, regions and buildings are where things happen, unless the text
    uses them for the body that sits there ("Ottawa would respond", "the White House said").
    """
    return rec.kind != "place" or rec.also_other or rec.subtype in (None, "Country", "AdministrativeArea")


def implicit_actors(
    attr: Attributor, start: int, end: int, countries: dict[str, EntityRecord] | None = None
) -> list[EntityRecord]:
    """Actors the sentence names without a name.

    "the two sides", an opening "he" or "the company", an opening "they" after
    a sentence opened by an organization, and "his country" (the nationality of
    the person "his" refers to).
    """
    out: list[EntityRecord] = []
    sides = attr.find(_TWO_SIDES, start, end)
    if sides:
        out.extend(two_sides(attr, sides[0].start, countries))
    for own in attr.find(_OWN_COUNTRY, start, end):
        person = attr.resolve_pronoun(own.start, "m" if own.phrase.startswith("his") else "f")
        if person is not None and person.nationality is not None and person.nationality not in out:
            out.append(person.nationality)
    found = _opening_actor(attr, start, start, end)
    intro = _INTRODUCTION.match(attr.doc.text, start, end)
    if found is None and intro is not None:
        found = _opening_actor(attr, start, intro.end(), end)
    if found is not None:
        out.append(found)
    return out


#: An opening adverbial before the main clause: "In addition to X, they …", "After the talks, he …";
#: it ends at the first comma a subject word follows ("In addition to X, Y and Z, they …").
_INTRODUCTION = re.compile(
    r"(?:In|On|At|After|Before|During|Following|Despite|Since|Under|Earlier|Later|Meanwhile)\b"
    r"[^;:()\"“”]{0,100}?,\s+(?=(?:he|she|it|they|the\s+(?:" + "|".join(sorted(_ORG_SUBJECTS)) + r"))\b)"
)


def _opening_actor(attr: Attributor, start: int, clause: int, end: int) -> EntityRecord | None:
    """The actor an opening "he", "she", "it", "they" or "the company" of the clause at ``clause`` names."""
    tokens = attr.tokens
    lo, hi = tokens.range(clause, min(end, clause + 60))
    for i in range(lo, min(hi, lo + 3)):
        word = tokens.words[i]
        found: EntityRecord | None = None
        if word in {"he", "she"}:
            found = attr.resolve_pronoun(tokens.starts[i], "m" if word == "he" else "f")
        elif word == "it" or (word in _ORG_SUBJECTS and i > lo and tokens.words[i - 1] in {"the", "its"}):
            prefer = _fits(attr, word) if word in _ORG_SUBJECTS else None
            found = attr.last_entity(tokens.starts[i], "organization", within=3, prefer=prefer)
        elif word == "they" and i == lo:
            found = _opening_organization(attr, start)
        if found is not None:
            return found
    return None


#: Class nouns that name one kind of organization, with the words of the names of that kind.
_CLASS_NAMES: dict[str, frozenset[str]] = {
    "airline": frozenset({"airline", "airlines", "airways", "air", "carrier"}),
    "carrier": frozenset({"airline", "airlines", "airways", "air", "carrier"}),
    "ministry": frozenset({"ministry"}),
    "agency": frozenset({"agency"}),
}


def _fits(attr: Attributor, noun: str) -> Callable[[Mention], bool] | None:
    """Whether a mention is of the kind "the airline" or "the ministry" names.

    A definite description points back at the last organization of its kind,
    not at the last organization: "Acme Air ordered jets from Bolt Aero. The
    airline ..." means Acme Air. The kind shows in the name ("X Airways",
    "Ministry of Y"), in a noun before a mention ("the carrier X") or in an
    apposition after one ("X, the national airline,").
    """
    words = _CLASS_NAMES.get(noun)
    if words is None:
        return None
    text = attr.doc.text
    alternation = "|".join(sorted(words))
    before = re.compile(rf"\b(?:{alternation})\s*,?\s+$", re.IGNORECASE)
    after = re.compile(rf",\s+(?:the|a|an|its)\s+(?:[\w-]+\s+){{0,3}}(?:{alternation})\b", re.IGNORECASE)

    def fits(m: Mention) -> bool:
        if any(w.lower() in words for w in text[m.start : m.end].split()):
            return True
        return (
            before.search(text, max(0, m.start - 30), m.start) is not None
            or after.match(text, m.end) is not None
        )

    return fits


def _opening_organization(attr: Attributor, start: int) -> EntityRecord | None:
    """The organization that opens the previous sentence, for a sentence-opening "they".

    News often treats a company as plural ("Acme have announced … They also
    showed …"); only a name that was the previous sentence's subject, in its
    first words, is taken: "they" after anything else is more often people.
    """
    prev = attr.previous_sentence(start)
    if prev is None:
        return None
    first = attr.index.first_after(prev[0])
    if first is None or first.start != prev[0] or first.entity.kind != "organization" or first.end > prev[1]:
        return None
    return first.entity


def two_sides(
    attr: Attributor, offset: int, countries: dict[str, EntityRecord] | None = None
) -> list[EntityRecord]:
    """The two most recent distinct countries (else people, else organizations) before ``offset``.

    A demonym ("Kenyan influence") counts as a mention of its country when
    ``countries`` maps it to one of the article's records.
    """
    text = attr.doc.text
    floor = max(0, offset - 3000)
    mentions = [m for m in attr.index.between(floor, offset) if not attr.in_quote(m.start)]
    places = [
        (m.start, m.entity)
        for m in mentions
        if m.entity.kind == "place" and m.entity.subtype in (None, "Country")
    ]
    if countries:
        places += [
            (w.start(), countries[w.group()])
            for w in _CAPITALIZED.finditer(text, floor, offset)
            if w.group() in countries and not attr.in_quote(w.start())
        ]
    pools = [places] + [
        [(m.start, m.entity) for m in mentions if m.entity.kind == kind]
        for kind in ("person", "organization")
    ]
    for pool in pools:
        seen: list[EntityRecord] = []
        for _, rec in sorted(pool, key=lambda c: -c[0]):
            if rec not in seen:
                seen.append(rec)
            if len(seen) == 2:
                return seen[::-1]
    return []


_CAPITALIZED = re.compile(r"\b[A-Z][a-z]+\b")
