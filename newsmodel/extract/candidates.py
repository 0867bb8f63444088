"""The working types of the entity finder: a typed token span and the shared context."""

from __future__ import annotations

import re

import attrs

from newsmodel.extract.gazetteer import Lexicon, PlaceEntry

__all__ = ["ACRONYM_RE", "CAMEL_RE", "PARTICLES", "SUFFIXES", "Cand", "Ctx", "surface", "words_of"]


def words_of(text: str) -> frozenset[str]:
    """A set of the space-separated words of ``text`` (for short word lists kept in code).

    >>> sorted(words_of("van de"))
    ['de', 'van']
    """
    return frozenset(text.split())


#: Lowercase particles inside names ("Luis de Souza", "Karim bin Khalid").
PARTICLES = words_of("de del da du van von bin ibn al la le der den")
#: Generational suffixes that end a name but are not its surname.
SUFFIXES = words_of("Jr. Sr. Jr Sr II III IV")

#: "NATO", "H&M", "U.N.": an all-capitals word is an organization's acronym more often than not.
ACRONYM_RE = re.compile(r"^(?:[A-Z][A-Z0-9&]{1,7}|(?:[A-Z]\.){2,4})$")
#: "YouTube", "PayPal", "eBay": inner capitals mark brand names.
CAMEL_RE = re.compile(r"^[A-Z]?[a-z]+[A-Z][A-Za-z]*$|^[A-Z][a-z]*[A-Z]{2,}[A-Za-z.]*$")


@attrs.define(eq=False)
class Cand:
    """A typed span of tokens ``[a, b)`` waiting to be grouped into an entity."""

    a: int
    b: int
    kind: str | None  # person / organization / place / None (unknown)
    subtype: str | None = None
    key: str | None = None  # canonical grouping key for known entities
    confidence: float = 0.5
    title: str | None = None
    nationality: str | None = None  # a country's canonical name
    affiliation: Cand | None = None
    gender: str | None = None
    place: PlaceEntry | None = None
    name: str | None = None  # a name to use instead of the surface text
    also_other: bool = False
    evidence: int = 0  # person evidence from context


@attrs.define
class Ctx:
    text: str
    words: list[str]
    offs: list[int]  # start offset of each token
    ends: list[int]  # end offset of each token
    caps: list[bool]  # whether each token can be part of a name
    starts: set[int]
    lex: Lexicon
    body_tok: int  # index of the first body token
    lower_seen: frozenset[str]


def surface(ctx: Ctx, a: int, b: int) -> str:
    return ctx.text[ctx.offs[a] : ctx.ends[b - 1]]
