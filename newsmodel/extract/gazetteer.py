"""The shipped knowledge the entity extractor looks names up in, loaded once.

Every list lives in ``newsmodel/data/`` as a plain TSV or text file, so a user
can read and extend it; ``ATTRIBUTION.md`` there says where each comes from.
``lexicon()`` parses them on first use (about 0.1 s) and caches the result;
nothing is read at import time. Every file is read through
``newsmodel.knowledge``, so same-named files in ``NEWSMODEL_DATA_PATH``
directories extend it.

>>> lex = lexicon()
>>> lex.places["Lima"].kind, lex.places["U.S."].name
('City', 'United States')
>>> lex.demonyms["Peruvian"]
'Peru'
>>> lex.titles[("sen.",)][0]
'Senator'
"""

from __future__ import annotations

import functools
import unicodedata
from typing import NamedTuple

import attrs

from newsmodel import knowledge
from newsmodel.extract.names import english_words

__all__ = ["Lexicon", "OrgEntry", "PlaceEntry", "fold", "lexicon"]


class PlaceEntry(NamedTuple):
    """A known place: canonical name, PlaceKind value, GeoNames id (0 if none), flags."""

    name: str
    kind: str
    geonameid: int
    country: str
    population: int
    #: ``C`` capital, ``a`` ambiguous name, ``m`` metonymy-prone seat, ``c`` needs "Town, " before.
    flags: str


class OrgEntry(NamedTuple):
    """A known organization: canonical name, OrganizationKind value, home country name."""

    name: str
    kind: str
    country: str


@attrs.frozen
class Lexicon:
    """All lookup tables; built by ``lexicon()``."""

    #: surface form (case-sensitive) -> place, countries' aliases included
    places: dict[str, PlaceEntry]
    #: other names of places that are frequent surnames too ("Genova"): places only in place context
    surname_places: dict[str, PlaceEntry]
    #: surface form -> organization
    orgs: dict[str, OrgEntry]
    #: canonical country name -> its place entry (for nationality records)
    countries: dict[str, PlaceEntry]
    #: ISO country code -> canonical country name ("US" -> "United States")
    country_codes: dict[str, str]
    demonyms: dict[str, str]
    #: lowercased title token tuple -> (spelled-out title, gender)
    titles: dict[tuple[str, ...], tuple[str, str]]
    title_modifiers: frozenset[str]
    honorifics: dict[str, str]
    given_names: dict[str, str]
    #: the most frequent surnames of the census lists ("Smith", "Wong"): evidence, never proof
    surnames: frozenset[str]
    english: frozenset[str]
    common: frozenset[str]
    not_entities: frozenset[str]
    #: acronyms WordNet knows only as things ("CPU", "LED", "HTML"): no organization alone
    thing_acronyms: frozenset[str]
    #: capitalized adjectives that name nothing alone ("Arab", "Southern")
    name_adjectives: frozenset[str]
    #: last words of names of laws, wars, shows ("Amendment", "War")
    non_entity_heads: frozenset[str]
    org_cues: dict[str, str]
    place_cues: dict[str, str]
    #: first token -> token tuples of multi-token names (places, orgs), longest first
    phrases: dict[str, list[tuple[str, ...]]]
    #: the first and the last words of every key of ``titles``: most words begin or end no
    #: title, and the title finders, asked at every capitalized word, stop there at once
    title_firsts: frozenset[str]
    title_lasts: frozenset[str]


def fold(text: str) -> str:
    """Drop accents and dotted capitals ("İstanbul" -> "Istanbul", "São" -> "Sao").

    >>> fold("İstanbul Zürich")
    'Istanbul Zurich'
    """
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _lines(name: str) -> list[list[str]]:
    """The rows of a shipped TSV file with the user's same-named files appended (``NEWSMODEL_DATA_PATH``)."""
    text = knowledge.read_text(name)
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        out.append(line.split("\t"))
    return out


def _words(name: str) -> frozenset[str]:
    """The first column of a shipped list with the user's same-named files appended."""
    text = knowledge.read_text(name)
    lines = text.splitlines()
    return frozenset(line.split("\t", 1)[0].strip() for line in lines if line.strip() and line[0] != "#")


def _tokens(name: str) -> tuple[str, ...]:
    """Split a name the way the tokenizer does (for phrase lookup)."""
    from newsmodel.extract.names import scan

    return tuple(scan(name)[0])


@functools.cache
def lexicon() -> Lexicon:
    """Parse the data files (once per process)."""
    places: dict[str, PlaceEntry] = {}
    countries: dict[str, PlaceEntry] = {}
    for row in _lines("places.tsv"):
        entry = PlaceEntry(
            row[0], row[1], int(row[2]), row[3], int(row[4] or 0), row[5] if len(row) > 5 else ""
        )
        places[entry.name] = entry
        if entry.kind == "Country":
            countries[entry.name] = entry
    surnames = _words("surnames.txt")
    surname_places: dict[str, PlaceEntry] = {}
    for alias, target in _lines("place_aliases.tsv"):
        # GeoNames' other names of big cities ("Mecca", "Frankfurt"): never over a place's own
        # name; a frequent surname (an old romanization, "Tsang" for Cangzhou; a native name,
        # "Genova") is kept apart: it names the city only in place context ("next to Genova,")
        if target in places and alias not in places:
            (surname_places if alias in surnames else places)[alias] = places[target]
    for alias, target in _lines("country_aliases.tsv"):
        if target in places:
            places[alias] = places[target]
    for row in _lines("places_extra.tsv"):
        row += [""] * (4 - len(row))
        name, kind, alias_of, flags = row[0], row[1], row[2], row[3]
        if alias_of and alias_of in places:
            base = places[alias_of]
            places[name] = base._replace(flags=base.flags + flags)
        else:
            old = places.get(name)
            places[name] = PlaceEntry(
                name,
                kind,
                old.geonameid if old else 0,
                old.country if old else "",
                old.population if old else 0,
                flags,
            )
    # "Sao Paulo" for "São Paulo": accent-free spellings of accented names
    given = {row[0]: row[1] for row in _lines("given_names.tsv")}
    for name in [n for n in places if not n.isascii()]:
        plain = fold(name)
        if len(plain) == len(name) and plain not in places:
            entry = places[name]
            places[plain] = entry._replace(flags=entry.flags + "a") if plain in given else entry
    orgs: dict[str, OrgEntry] = {}
    for row in _lines("organizations.tsv"):
        row += [""] * (4 - len(row))
        org = OrgEntry(row[0], row[1], row[3])
        orgs[org.name] = org
        for alias in filter(None, row[2].split("|")):
            orgs.setdefault(alias, org)
    demonyms = {row[0]: row[1] for row in _lines("demonyms.tsv")}
    titles: dict[tuple[str, ...], tuple[str, str]] = {}
    for row in _lines("titles.tsv"):
        row += [""] * (3 - len(row))
        titles[tuple(t.lower() for t in _tokens(row[0]))] = (row[1], row[2].strip())
    honorifics = {row[0]: (row[1].strip() if len(row) > 1 else "") for row in _lines("honorifics.tsv")}
    for name in _words("given_names_extra.txt"):
        given.setdefault(name, "u")
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for name in [*places, *orgs]:
        if " " not in name and "&" not in name and "'" not in name and "-" not in name:
            continue
        toks = _tokens(name)
        if len(toks) > 1:
            phrases.setdefault(toks[0], []).append(toks)
    for key in phrases:
        phrases[key] = sorted(set(phrases[key]), key=len, reverse=True)
    return Lexicon(
        places=places,
        surname_places=surname_places,
        orgs=orgs,
        countries=countries,
        country_codes={e.country: e.name for e in countries.values() if e.country},
        demonyms=demonyms,
        titles=titles,
        title_modifiers=frozenset(w.lower() for w in _words("title_modifiers.txt")),
        honorifics=honorifics,
        given_names=given,
        surnames=surnames,
        english=english_words(),
        common=_words("common_words.txt"),
        not_entities=_words("not_entities.txt"),
        thing_acronyms=frozenset(w.split("#", 1)[0].strip() for w in _words("thing_acronyms.txt")),
        name_adjectives=_words("name_adjectives.txt"),
        non_entity_heads=_words("non_entity_heads.txt"),
        org_cues={row[0]: row[1] for row in _lines("org_cues.tsv")},
        place_cues={row[0].lower(): row[1] for row in _lines("place_cues.tsv")},
        phrases=phrases,
        title_firsts=frozenset(key[0] for key in titles),
        title_lasts=frozenset(key[-1] for key in titles),
    )
