"""Lookups shared by the typing rules: known names, place context, name shape.

``known`` answers whether a run is exactly a known place or organization (an
ambiguous town name, "Mobile", needs place context: "in Mobile", "Mobile,
Alabama"); the rest are small predicates on names and offices.
"""

from __future__ import annotations

from newsmodel.extract import candidates
from newsmodel.extract.candidates import PARTICLES, SUFFIXES, Cand, Ctx, words_of
from newsmodel.extract.gazetteer import Lexicon, PlaceEntry, fold
from newsmodel.extract.names import is_capitalized

__all__ = ["country_name", "known", "name_like", "place_country", "plural_demonym", "public_office"]


_OFFICE_WORDS = words_of(
    "president minister secretary senator representative governor mayor chancellor premier "
    "attorney ambassador lawmaker congressman congresswoman speaker king queen"
)


def known(ctx: Ctx, a: int, b: int) -> Cand | None:
    """Return the known place or organization that run ``[a, b)`` is exactly, if any."""
    lex = ctx.lex
    surface = " ".join(ctx.words[a:b])
    text = candidates.surface(ctx, a, b)
    for s in (text, surface):
        org = lex.orgs.get(s)
        if org is not None:
            return Cand(
                a, b, "organization", org.kind, f"org:{org.name}", 0.9, nationality=org.country or None
            )
        place = None
        if a > 0 and ctx.words[a - 1] == "the":
            place = lex.places.get(f"the {s}")  # "the Balkans", "the West": before any "West"
        if place is None and s not in lex.name_adjectives:
            place = lex.places.get(s)
        if place is None and not s.isascii():
            place = lex.places.get(fold(s))  # "İstanbul"
        if place is None and s in lex.surname_places and _place_context(ctx, a, b):
            place = lex.surname_places[s]  # "next to Genova,": a surname elsewhere
        if place is not None:
            if "c" in place.flags and not (
                a >= 2 and ctx.words[a - 1] in (",", "-") and is_capitalized(ctx.words[a - 2])
            ):
                return None
            big = "C" in place.flags or place.population >= 500_000
            if "a" in place.flags and not big and not _place_context(ctx, a, b):
                return None
            return Cand(a, b, "place", place.kind, f"place:{place.name}", 0.9, place=place)
    return None


def _place_context(ctx: Ctx, a: int, b: int) -> bool:
    """Tell place context ("in X", "X, State", "Town, X") that makes an ambiguous name a place."""
    words = ctx.words
    prev = words[a - 1] if a > 0 else ""
    nxt = words[b] if b < len(words) else ""
    if prev in ("in", "at", "near", "from", "to", "outside", "across", "of") and nxt in (
        ",",
        ".",
        "and",
        ")",
        ";",
    ):
        return True
    if nxt == "," and b + 1 < len(words) and words[b + 1] in ctx.lex.places:
        return True
    return prev == "," and a >= 2 and is_capitalized(words[a - 2]) and nxt in (",", ".", "(")


def plural_demonym(lex: Lexicon, surface: str) -> bool:
    """Tell plural demonyms ("Canadians", "New Yorkers", "Ohioans"): people, not an entity."""
    if not surface.endswith("s") or len(surface) < 5:
        return False
    if surface[:-1] in lex.demonyms or surface[:-2] in lex.places or surface[:-1] in lex.places:
        return True
    for suffix, add in (
        ("ites", ""),
        ("ians", ""),
        ("ians", "a"),
        ("ans", ""),
        ("ans", "as"),
        ("ans", "a"),
        ("ers", ""),
    ):
        if surface.endswith(suffix) and surface[: -len(suffix)] + add in lex.places:
            return True
    return False


def public_office(title: str | None) -> bool:
    """Whether a title is a public office (its holder serves the country of a named place)."""
    return bool(title) and bool(set(str(title).lower().replace("-", " ").split()) & _OFFICE_WORDS)


def place_country(lex: Lexicon, place: PlaceEntry) -> str | None:
    """The country a known place is or lies in."""
    if place.kind == "Country":
        return place.name
    return lex.country_codes.get(place.country)


def country_name(lex: Lexicon, name: str) -> str:
    place = lex.places.get(name)
    return place.name if place is not None else name


def name_like(ctx: Ctx, words: list[str]) -> bool:
    """Whether words can be a person's name (not a cue word, place or title)."""
    lex = ctx.lex
    if not words or len(words) > 5:
        return False
    if any(not is_capitalized(w) and w not in PARTICLES for w in words):
        return False
    if (words[-1] in lex.org_cues and words[-1] not in SUFFIXES) or words[-1].lower() in lex.place_cues:
        return False
    joined = " ".join(words)
    if joined in lex.places or joined in lex.orgs or joined in lex.not_entities or joined in lex.demonyms:
        return False
    return not ((words[0].lower(),) in lex.titles and len(words) == 1)
