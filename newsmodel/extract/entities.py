"""People, organizations and places of one article, each once, with every mention.

The finder works on ``Document.text`` in four passes, all rules and lookups
(no model needed):

1. **Runs** (``runs.py``). Capitalized words are grouped into runs ("French
   President Ana Duarte", "University of Northern Ohio", "Northwind Gas &
   Power Co."); "of", "for", "'s", "&" join two runs only when the left one
   ends in a cue word (an organization, place or title word).
2. **Typing** (``classify.py``, ``attributes.py``). Each run is read against
   the shipped lists (``gazetteer.py``): titles and honorifics make people (and
   give job title, gender, nationality), the gazetteers name places and
   well-known organizations, cue words type the rest ("... Airport" is a
   landmark, "... Corp." a corporation), given names and context ("analyst X",
   "X, who", "X, chief executive of Y") find the remaining people.
3. **Linking** (``grouping.py``). Short forms join the full one: a surname to
   its person ("Duarte"), an acronym or a leading part to its organization
   ("NRC", "Northwind"), every spelling of a country to one place ("U.S." /
   "United States"); spans no rule typed are settled with the whole article in
   view; a title-case headline only links names the body or the lists know.
4. **Records.** One ``EntityRecord`` per entity: ``name`` is the fullest form
   in the text, ``aliases`` the others; places carry their GeoNames
   ``same_as``; office-holders with no stated country get the one the article
   makes theirs ("President X" next to "the U.S.").

A trained spaCy pipeline may be passed as ``nlp``: its entities fill in names
the rules did not type. spaCy is imported by the caller, never here.

>>> from newsmodel.read.document import Document
>>> doc = Document.build(headline="Talks in Paris",
...     body="French President Ana Duarte met Peruvian Foreign Minister Tom Reyes "
...          "at the Elysee Palace. Duarte said the U.S. should lift tariffs.")
>>> index = find_entities(doc)
>>> duarte = next(r for r in index.records if r.name == "Ana Duarte")
>>> duarte.job_title, duarte.nationality.name, duarte.aliases
('President', 'France', ['Duarte'])
>>> sorted({m.entity.name for m in index.mentions if m.entity.kind == "place"})
['Elysee Palace', 'Paris', 'U.S.']

Records that no mention points at are nationalities the text only implies
("Peruvian" -> Peru): they exist to be referenced, not listed as mentioned.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from typing import Any

from newsmodel import knowledge
from newsmodel.extract.assemble import build_index
from newsmodel.extract.attributes import apposition, lower_title_before, person_context
from newsmodel.extract.candidates import ACRONYM_RE, CAMEL_RE, Cand, Ctx, words_of
from newsmodel.extract.classify import classify
from newsmodel.extract.gazetteer import PlaceEntry, lexicon
from newsmodel.extract.grouping import group
from newsmodel.extract.inner_places import add_inner_places
from newsmodel.extract.lookup import known
from newsmodel.extract.names import is_capitalized, scan, sentence_starts
from newsmodel.extract.people import coordinated_lists
from newsmodel.extract.products import without_products
from newsmodel.extract.records import EntityIndex, EntityRecord, Mention
from newsmodel.extract.runs import runs
from newsmodel.ids import DEFAULT_BASE
from newsmodel.read.document import Document

__all__ = ["find_entities"]


#: Words after "Peru's foreign ministry" that show it acts ("said"), unlike "military bases".
_BODY_VERBS = words_of("said says has have had is was were will would and or also on")


#: Lowercase words after a name that make it a landmark ("Santa Rita prison").
_LOWER_LANDMARKS = words_of("prison jail airbase palace embassy consulate stadium mosque cathedral airport")


_GOV_HEADS = (
    "foreign ministry",
    "defense ministry",
    "defence ministry",
    "interior ministry",
    "finance ministry",
    "foreign office",
    "military",
    "police",
    "army",
    "navy",
    "air force",
    "coast guard",
    "parliament",
    "ministry",
)


def find_entities(doc: Document, *, base: str = DEFAULT_BASE, nlp: object | None = None) -> EntityIndex:
    """Find every person, organization and place of ``doc`` (see the module docstring).

    ``nlp`` is an optional spaCy ``Language`` (any object whose call returns a
    doc with ``.ents`` carrying ``start_char``, ``end_char`` and ``label_``);
    its entities are merged where the rules found nothing.
    """
    text = doc.text
    words, offs, ends = scan(text)
    if not words:
        return EntityIndex(records=[], mentions=[])
    lex = lexicon()
    body_tok = bisect.bisect_left(offs, doc.body_start)
    lower_seen = frozenset([w for w in words if w.islower()])
    caps = list(map(is_capitalized, words))
    _currency_prefixes(words, offs, ends, caps)
    ctx = Ctx(text, words, offs, ends, caps, sentence_starts(text, words, offs), lex, body_tok, lower_seen)
    title_case = _title_case_headline(words[:body_tok])
    cands: list[Cand] = []
    lo = body_tok if title_case else 0
    for a, b in runs(ctx, lo, len(words)):
        if (
            a in ctx.starts
            and words[a].isupper()
            and words[a].isalpha()
            and (len(words[a]) > 3 or (b - a > 1 and words[a + 1].isupper() and words[a + 1].isalpha()))
        ):
            cands.extend(_dateline(ctx, a, b))
            continue
        if b < len(words) and words[b] in _LOWER_LANDMARKS and (known(ctx, a, b) is None):
            cands.append(Cand(a, b + 1, "place", "Landmark", confidence=0.6))  # "Santa Rita prison"
            continue
        cands.extend(classify(ctx, a, b))
    cands.extend(_gov_bodies(ctx, cands))
    if nlp is not None:
        extra = _from_spacy(ctx, nlp, cands)
        if extra:
            # the pipeline's typed spans replace spans the rules left untyped
            cands = [
                c for c in cands if c.kind is not None or not any(e.a < c.b and c.a < e.b for e in extra)
            ]
            cands.extend(extra)
    _class_noun_orgs(ctx, cands)
    _class_noun_places(ctx, cands)
    _coordinated_bodies(ctx, cands)
    cands = _without_plural_things(ctx, cands)
    cands = without_products(ctx, cands)
    cands_at = {c.a: c for c in cands}
    cands_end = {c.b: c for c in cands}
    for c in cands:
        if c.kind in ("person", None):
            c.evidence += person_context(ctx, c)
            lower_title_before(ctx, c, cands_end)
            apposition(ctx, c, cands_at)
    groups = group(ctx, cands)
    if title_case:
        groups.extend_headline(ctx, 0, body_tok, all_caps=_all_caps(words[:body_tok]))
    groups.link_uncovered(ctx)
    index = build_index(groups, ctx, base)
    _qualified_places(index, text)
    _possessive_landmarks(index, text)
    add_inner_places(index, ctx, base)
    return index


#: Place kinds that qualify a smaller place after a comma ("Mobile, Alabama").
_QUALIFIERS = frozenset({"Country", "AdministrativeArea", "Region"})


def _qualified_places(index: EntityIndex, text: str) -> None:
    """A place written "City, Region" takes that whole form as an alias and the region as its container.

    News disambiguates places by their state or country ("Springfield,
    Illinois", "Toulouse, France"); the qualified form is how the text names
    that place, and the qualifier says where it lies. Only a place followed by
    a comma and a larger place (a country, state or region) counts, and never
    a country itself ("France, Germany" is a list); a city that shares its
    name with a state of the town's country ("Everett, Washington") qualifies
    too, outside lists, as an alias only.
    """
    mentions = index.mentions
    places = lexicon().places
    for k, (m, n) in enumerate(itertools.pairwise(mentions)):
        first, second = m.entity, n.entity
        if (
            first.kind != "place"
            or second.kind != "place"
            or first is second
            or first.subtype in ("Country", "Region")
            or text[m.end : n.start] != ", "
        ):
            continue
        if second.subtype not in _QUALIFIERS and not _state_named_city(
            places, first, second, mentions, k, text
        ):
            continue
        form = text[m.start : n.end]
        if form != first.name and form not in first.aliases:
            first.aliases.append(form)
        if first.contained_in is None and second.subtype in _QUALIFIERS:
            first.contained_in = second  # (a city standing for its state is no container)


def _possessive_landmarks(index: EntityIndex, text: str) -> None:
    """A landmark written "Town's Landmark" takes that form as an alias and the town as container.

    "Lisbon's Grand Mosque", "Peru's Palace of Justice": news names a building
    by the place it stands in, as it names a town by its state ("City,
    Region"); the possessive says where the building is.
    """
    for m, n in itertools.pairwise(index.mentions):
        first, second = m.entity, n.entity
        if (
            first.kind != "place"
            or second.kind != "place"
            or first is second
            or second.subtype != "Landmark"
            or first.subtype not in ("City", "Country", "AdministrativeArea", "Region")
            or text[m.end : n.start] not in ("'s ", "\u2019s ")
        ):
            continue
        form = text[m.start : n.end]
        if form != second.name and form not in second.aliases:
            second.aliases.append(form)
        if second.contained_in is None:
            second.contained_in = first


def _state_named_city(
    places: dict[str, PlaceEntry],
    first: EntityRecord,
    second: EntityRecord,
    mentions: list[Mention],
    k: int,
    text: str,
) -> bool:
    """Whether "Town, X" names X's state: a city that shares its name with a state of its country.

    "Everett, Washington at noon": the gazetteer's "Washington" is the city,
    but after a town of the same country it is the state. Not inside a list
    of towns ("Izmir, Ankara and Adana"): the qualifier ends the phrase.
    """
    town, state = places.get(first.name), places.get(second.name)
    if town is None or state is None or "s" not in state.flags or town.country != state.country:
        return False
    after = text[mentions[k + 1].end : mentions[k + 1].end + 5]
    if after.startswith((" and ", " or ")):
        return False
    if after.startswith(",") and k + 2 < len(mentions):
        nxt = mentions[k + 2]
        between = text[mentions[k + 1].end : nxt.start]
        return not (nxt.entity.kind == "place" and between in (", ", ", and ", ", or "))
    return True


@functools.cache
def _org_class_nouns() -> dict[str, str]:
    """Lowercase class nouns ("manufacturer", "airline") -> the organization kind they announce."""
    rows = (line.split("\t") for line in knowledge.read_text("org_class_nouns.tsv").splitlines())
    return {row[0].strip(): row[1].strip() for row in rows if len(row) > 1 and not row[0].startswith("#")}


def _class_noun_orgs(ctx: Ctx, cands: list[Cand]) -> None:
    """Type a name right after an organization class noun as that kind of organization.

    "aircraft manufacturer X", "the airline X", "engine maker, X": the noun
    says what the name is, whatever its words look like (a given name first,
    as in a company named after its founder). A plural noun types the names
    listed after it too ("the schools X and Y"). Names made people by an
    honorific or a title keep that type.
    """
    nouns = _org_class_nouns()
    words = ctx.words
    by_start = {c.a: c for c in cands}

    def open_to(c: Cand) -> bool:
        return c.kind in ("person", None) and not c.title and c.confidence < 0.9

    def make_org(c: Cand, kind: str) -> None:
        c.kind, c.subtype, c.evidence = "organization", kind, 0
        c.confidence = max(c.confidence, 0.7)
        c.gender = None

    for c in cands:
        if not open_to(c) or c.a == 0:
            continue
        before = c.a - 1
        if words[before] == "," and before > 0:
            before -= 1
        kind = nouns.get(words[before])
        if kind is None or ctx.caps[before]:
            continue
        make_org(c, kind)
        if words[before].endswith("s") and before == c.a - 1:
            nxt = c  # "the schools X and Y", "the clubs X, Y and Z"
            while nxt.b + 1 < len(words) and words[nxt.b] in ("and", ","):
                k = nxt.b + 1
                if words[k] == "and" and k + 1 < len(words):
                    k += 1
                found = by_start.get(k)
                if found is None or not open_to(found):
                    break
                make_org(found, kind)
                nxt = found


@functools.cache
def _place_class_nouns() -> dict[str, tuple[str, str]]:
    """Lowercase place nouns ("town", "counties") -> (PlaceKind, where: before/after/both)."""
    rows = (line.split("\t") for line in knowledge.read_text("place_class_nouns.tsv").splitlines())
    return {
        row[0].strip(): (row[1].strip(), row[2].strip() if len(row) > 2 else "both")
        for row in rows
        if len(row) > 1 and not row[0].startswith("#")
    }


def _class_noun_places(ctx: Ctx, cands: list[Cand]) -> None:
    """Type a name beside a lowercase place noun as that kind of place.

    "the town of X", "X county", "the X settlement bloc", "X and Y counties":
    the common noun says what the name is, whatever its words (no list knows
    most towns). Only names no list or cue typed are changed (a known
    organization, a person, an acronym or brand keeps its type); a plural noun
    types the names listed before it too ("X, Y and Z provinces").
    """
    nouns = _place_class_nouns()
    words = ctx.words
    n = len(words)
    by_end = {c.b: c for c in cands}

    def open_to(c: Cand) -> bool:
        if c.kind == "place":
            return c.place is None
        if c.kind not in (None, "organization") or c.title or c.confidence >= 0.75:
            return False
        if c.b - c.a == 1 and words[c.a].lower() in ctx.lex.common:
            return False  # "The settlement ...": a sentence's first word, no name
        return not any(ACRONYM_RE.match(w) or CAMEL_RE.match(w) for w in words[c.a : c.b])

    def make_place(c: Cand, kind: str) -> None:
        c.kind, c.subtype = "place", kind
        c.confidence = max(c.confidence, 0.6)

    for c in cands:
        if not open_to(c):
            continue
        after = nouns.get(words[c.b]) if c.b < n else None
        if after is not None and after[1] in ("after", "both"):
            make_place(c, after[0])
            if words[c.b].endswith("s"):
                prev = c
                while prev.a >= 2 and words[prev.a - 1] in ("and", ","):
                    prev = by_end.get(prev.a - 1)  # type: ignore[assignment]
                    if prev is None or not open_to(prev):
                        break
                    make_place(prev, after[0])
            continue
        if c.a >= 2 and words[c.a - 1] == "of":
            before = nouns.get(words[c.a - 2])
            if before is not None and before[1] in ("before", "both"):
                make_place(c, before[0])


def _coordinated_bodies(ctx: Ctx, cands: list[Cand]) -> None:
    """Type an untyped name in a list of organizations as an organization.

    Coordination joins like with like: in "Quellsoft, Harwell Corp. and
    Vantor Inc. all exhibited", the untyped first member is a body too. Only
    members no rule typed change, not those that open with a given name, and
    only in lists whose typed members are all organizations typed by a list
    or cue word (a list with a person is left to the people rules). Lists of
    places are not used so: surnames stand in them too often (measured).
    """
    words = ctx.words
    ordered = sorted((c for c in cands if c.b > c.a), key=lambda c: c.a)
    for members in coordinated_lists(ctx, ordered):
        joins = {w for x, y in itertools.pairwise(members) for w in words[x.b : y.a]}
        if not joins & {"and", "or"}:
            continue  # "According to Dorn News, Reyes believes": a comma alone makes no list
        typed = [c for c in members if c.kind is not None]
        kinds = {c.kind for c in typed}
        untyped = [c for c in members if c.kind is None]
        if not untyped or len(kinds) != 1 or not all(c.confidence >= 0.75 for c in typed):
            continue
        if kinds.pop() != "organization":
            continue  # places: too many surnames stand in lists of towns
        for c in untyped:
            nxt = words[c.b] if c.b < len(words) else ""
            if (
                words[c.a] in ctx.lex.given_names  # "Tom Reyes, Harwell Corp. and ...": people too
                or all(w.lower() in ctx.lex.english for w in words[c.a : c.b])  # "... Atheists and Agnostics"
                or nxt in ("of", "'s", "\u2019s")  # "X of the Dorn Party": a member, not a body
                or nxt.startswith("-")
            ):
                continue
            c.kind, c.subtype, c.confidence = "organization", "Organization", 0.6


def _without_plural_things(ctx: Ctx, cands: list[Cand]) -> list[Cand]:
    """Drop one-word names the text also uses in the plural ("Zentrophone" and "Zentrophones", "NGOs").

    A body is one of a kind; a word with a plural names a class of things (a
    product, a device, a kind of group), whatever its capitals. Only names no
    list or cue word typed go, and only when the singular and the plural both
    occur as words of the text.
    """
    words = ctx.words
    seen = set(words)
    out = []
    for c in cands:
        w = words[c.a]
        if (
            c.b - c.a == 1
            and c.kind in (None, "organization")
            and c.confidence < 0.75
            and not c.title
            and len(w) > 2
            and ((w + "s") in seen or (w.endswith("s") and w[:-1] in seen and ctx.caps[c.a]))
        ):
            continue
        out.append(c)
    return out


def _currency_prefixes(words: list[str], offs: list[int], ends: list[int], caps: list[bool]) -> None:
    """Unmark the capitals of currency prefixes ("US$ 5 bn", "HK$3", "A$"): money, no place or body.

    The country code glued to a dollar sign names the currency; were it read
    as a name, every "US$" would mention the United States.
    """
    for i in range(len(words) - 1):
        if caps[i] and words[i + 1] == "$" and ends[i] == offs[i + 1] and words[i].isupper():
            caps[i] = False


def _all_caps(words: list[str]) -> bool:
    """Whether a headline is set in capitals ("NORTHWIND SHARES JUMP"): its words are no acronyms."""
    letters = [w for w in words if w.isalpha() and len(w) > 1]
    return len(letters) >= 3 and all(w.isupper() for w in letters)


def _title_case_headline(words: list[str]) -> bool:
    """Whether the headline capitalizes most words ("Northwind Picks Acme ... to Build ...")."""
    long_words = [w for w in words[1:] if w.isalpha() and len(w) > 3]
    if len(long_words) < 2:
        return False
    return sum(w[0].isupper() for w in long_words) / len(long_words) >= 0.75


def _dateline(ctx: Ctx, a: int, b: int) -> list[Cand]:
    """Look up an all-capitals dateline ("WASHINGTON", "BUENOS AIRES") title-cased."""
    out: list[Cand] = []
    words = ctx.words
    j = a
    while j < b and words[j].isupper():
        j += 1
    name = " ".join(w.capitalize() for w in words[a:j])
    place = ctx.lex.places.get(name)
    if place is not None:
        # named as written, true-cased ("FRANKFURT" -> "Frankfurt", another name of Frankfurt am Main)
        c = Cand(a, j, "place", place.kind, f"place:{place.name}", 0.85, place=place, name=name)
        out.append(c)
    elif ctx.lex.orgs.get(" ".join(words[a:j])) is not None:
        org = ctx.lex.orgs[" ".join(words[a:j])]
        out.append(Cand(a, j, "organization", org.kind, f"org:{org.name}", 0.9))
    else:
        return classify(ctx, a, b)
    if j < b:
        out.extend(classify(ctx, j, b))
    return out


def _gov_bodies(ctx: Ctx, cands: list[Cand]) -> list[Cand]:
    """Find state bodies named by place and noun ("Peru's foreign ministry", "Kenyan foreign ministry")."""
    out: list[Cand] = []
    words = ctx.words
    starts = [
        (c.a, c.b)
        for c in cands
        if c.kind == "place" and c.place is not None and c.place.kind in ("Country", "AdministrativeArea")
    ]
    demonyms, caps = ctx.lex.demonyms, ctx.caps
    starts += [(i, i + 1) for i, w in enumerate(words) if w in demonyms and caps[i]]
    for a, b in starts:
        i = b
        if i < len(words) and words[i] in ("'s", "\u2019s"):
            i += 1
        for head in _GOV_HEADS:
            hw = head.split()
            end = i + len(hw)
            nxt = words[end] if end < len(words) else ""
            if words[i:end] == hw and not (nxt.isalpha() and nxt.islower() and nxt not in _BODY_VERBS):
                name = ctx.text[ctx.offs[a] : ctx.ends[i + len(hw) - 1]]
                # a place keeps its own mention; a demonym is part of the body's name
                first = i if i > b or any(c.a == a for c in cands) else a
                out.append(
                    Cand(
                        first,
                        i + len(hw),
                        "organization",
                        "GovernmentOrganization",
                        f"org:{name}",
                        0.6,
                        name=name,
                    )
                )
                break
    return out


def _from_spacy(ctx: Ctx, nlp: Any, cands: list[Cand]) -> list[Cand]:
    """Entities of a user's spaCy pipeline, where the rules typed nothing."""
    taken = [False] * len(ctx.words)
    for c in cands:
        if c.kind is not None:
            for k in range(c.a, c.b):
                taken[k] = True
    by_start = {o: i for i, o in enumerate(ctx.offs)}
    by_end = {o: i for i, o in enumerate(ctx.ends)}
    kinds = {
        "PERSON": ("person", None),
        "ORG": ("organization", "Organization"),
        "GPE": ("place", "City"),
        "LOC": ("place", "Region"),
        "FAC": ("place", "Landmark"),
    }
    out: list[Cand] = []
    for ent in nlp(ctx.text).ents:
        kind = kinds.get(ent.label_)
        a, b = by_start.get(ent.start_char), by_end.get(ent.end_char)
        if kind is None or a is None or b is None:
            continue
        if any(taken[a : b + 1]):
            continue
        for k in range(a, b + 1):
            taken[k] = True
        out.append(Cand(a, b + 1, kind[0], kind[1], confidence=0.6, evidence=2))
    # candidates of unknown kind that the pipeline typed
    return out
