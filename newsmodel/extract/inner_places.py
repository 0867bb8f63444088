"""Places named inside the name of an organization or a venue.

"the University of Lisbon", "the Bank of Ghana", "Oslo City Council",
"the Tamworth Stadium": the name itself says where the body is or whom it
serves, so the text does mention that place, although no mention of it stands
alone. Each such place becomes a mention of a place entity (joining the
article's record of it when the text also names it alone), kept in
``EntityIndex.inner``: the frame stages, which ask which entity stands at an
offset, still find the organization there ("the University of Lisbon said").

Only places the gazetteer knows count, in the positions where a name states a
place: after "of" ("Society of X"), "at" or "in"; first in the name of a
venue or a school ("X Arena", "X Airport", "X University", "X Institute of
Technology") when the name ends in a cue word (a kind of building or body);
and a country first in the name of any other body that is no company, paper
or team ("X Air Force", "X Tourism": the country's own body). A place that
opens a company's, newspaper's or team's name is left alone: "X Airlines",
"The X Post", "X Robotics" name a brand, and where it is based is not what
the name states (measured: such places were often not where the body is). Places
inside names of people or of other places ("New York" in "New York City") are
left to the gazetteer, except a country that opens the name of one of its own
cities ("Panama City" lies in Panama) and a town or region named before a
compass word ("Kowloon West" is a part of Kowloon); a station named after a
building ("X Hospital Station") mentions that building, and one named by a
single word no list has as an English word or a person's name ("Dornby
Station") the place it serves.

Two forms need no gazetteer entry for the whole: a name after a territorial
body's head and "of" ("the Municipality of X", "the County of X": X is the
town or county the body governs), and a direction before a known place
("University of Southern X": a region of X, named as written). A city of the
same country right after a state ("University of X State Y Campus") is the
city the campus is in.

>>> from newsmodel.read.document import Document
>>> from newsmodel.extract.entities import find_entities
>>> doc = Document.build(headline="Study", body="Researchers at the University of Lisbon said so.")
>>> index = find_entities(doc)
>>> [(m.entity.name, m.entity.kind) for m in index.inner]
[('Lisbon', 'place')]
>>> [m.entity.name for m in index.mentions]
['University of Lisbon']
"""

from __future__ import annotations

import bisect

import attrs

from newsmodel.extract.candidates import Ctx
from newsmodel.extract.gazetteer import PlaceEntry
from newsmodel.extract.lookup import known
from newsmodel.extract.records import EntityIndex, EntityRecord, Mention
from newsmodel.ids import entity_iri

__all__ = ["add_inner_places"]

#: Words before a place that make it the place of the name ("Society of X", "University at X").
_BEFORE = frozenset({"of", "at", "in"})
#: Place kinds a name can state; a landmark inside a name is usually the name's own part.
_KINDS = frozenset({"Country", "City", "AdministrativeArea", "Region"})
#: Heads of territorial bodies -> the kind of place named after their "of" ("Municipality of X").
_TERRITORIAL = {
    **dict.fromkeys(("Municipality", "Commune", "Township", "Borough", "Town", "Village"), "City"),
    **dict.fromkeys(("County", "Province", "Prefecture", "Canton"), "AdministrativeArea"),
}
#: Directions that, before a known place, name a region of it ("Southern X").
_DIRECTIONS = frozenset(
    {"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central"}
)


@attrs.frozen
class _Inner:
    """A place found inside a name: its token span, canonical name, kind and gazetteer entry."""

    i: int
    j: int
    name: str
    kind: str
    entry: PlaceEntry | None = None


def add_inner_places(index: EntityIndex, ctx: Ctx, base: str) -> None:
    """Add to ``index.inner`` a mention of each place named inside a body's, venue's or city's name."""
    places = ctx.lex.places
    by_place: dict[str, EntityRecord] = {}  # the gazetteer's name (or the written one) -> the record
    for record in index.records:
        if record.kind == "place":
            for form in (record.name, *record.aliases):
                entry = places.get(form)
                by_place.setdefault(entry.name if entry is not None else form, record)
    for m in index.mentions:
        kind, subtype = m.entity.kind, m.entity.subtype
        if kind == "person" or (kind == "place" and subtype not in ("Landmark", "City", "Region")):
            continue
        a = bisect.bisect_left(ctx.offs, m.start)
        b = bisect.bisect_left(ctx.offs, m.end)
        if b - a < 2 or a >= len(ctx.words) or ctx.offs[a] != m.start:
            continue
        if subtype == "City":
            found = _country_of_city(ctx, a, b)
        elif subtype == "Region":
            found = _whole_of_part(ctx, a, b)
        else:
            found = _named_after(ctx, a, b) if kind == "place" else []
            found = found or _inner_places(ctx, a, b, lead=_lead_kinds(kind, subtype))
        for inner in found:
            rec = by_place.get(inner.name)
            if rec is None:
                iri = entity_iri("place", inner.name, base)
                rec = EntityRecord(kind="place", name=inner.name, iri=iri, subtype=inner.kind, confidence=0.6)
                if inner.entry is not None and inner.entry.geonameid:
                    rec.same_as = [f"https://sws.geonames.org/{inner.entry.geonameid}/"]
                index.records.append(rec)
                by_place[inner.name] = rec
            start, end = ctx.offs[inner.i], ctx.ends[inner.j - 1]
            form = ctx.text[start:end]
            if form != rec.name and form not in rec.aliases:
                rec.aliases.append(form)
            index.inner.append(Mention(start, end, rec))


def _lead_kinds(kind: str, subtype: str | None) -> frozenset[str]:
    """The kinds of place that may open the name of this kind of body or venue ("X Arena", "X Air Force")."""
    if kind == "place" or subtype == "EducationalOrganization":
        return _KINDS  # a venue or a school is where its name says
    if subtype in ("Corporation", "NewsMediaOrganization", "SportsTeam"):
        return frozenset()  # "X Airlines", "The X Post", "X United": a brand, wherever it is based
    return frozenset({"Country"})  # "X Air Force", "X Tourism board": the country's own body


def _inner_places(ctx: Ctx, a: int, b: int, *, lead: frozenset[str]) -> list[_Inner]:
    """Places inside name ``[a, b)``: first (of the ``lead`` kinds), and after "of"/"at"/"in"."""
    words = ctx.words
    lex = ctx.lex
    out: list[_Inner] = []
    begin = a + (words[a] == "The")
    starts = [begin] + [k + 1 for k in range(a, b - 1) if words[k] in _BEFORE]
    for i in starts:
        if i >= b or not ctx.caps[i]:
            continue
        first = i == begin
        if first and not lead:
            continue
        venue = lead == _KINDS
        if not first and words[i - 1] == "of" and words[i - 2] in _TERRITORIAL:
            if _proper(ctx, i, b):
                name = ctx.text[ctx.offs[i] : ctx.ends[b - 1]]
                entry = lex.places.get(name)
                out.append(_Inner(i, b, entry.name if entry else name, _TERRITORIAL[words[i - 2]], entry))
            continue
        for j in range(b if not first else b - 1, i, -1):
            spaced, written = " ".join(words[i:j]), ctx.text[ctx.offs[i] : ctx.ends[j - 1]]
            region = False
            if spaced not in lex.places and written not in lex.places:
                region = not first and words[i] in _DIRECTIONS and " ".join(words[i + 1 : j]) in lex.places
                if not region:
                    continue
            if first and venue and not _cue_ends(ctx, j, b):
                break
            if any(w in lex.org_cues for w in words[i:j]):
                break  # GeoNames' "University of X" campus towns are the body's own name
            cand = known(ctx, i + region, j)
            if cand is None or cand.kind != "place" or cand.place is None or cand.subtype not in _KINDS:
                break
            if first and cand.subtype not in lead:
                break
            if region:
                out.append(_Inner(i, j, written, "Region"))  # "University of Southern X"
            else:
                out.append(_Inner(i, j, cand.place.name, cand.place.kind, cand.place))
                if cand.place.kind == "AdministrativeArea" and not first:
                    out.extend(_campus(ctx, cand.place, j, b))
            break
    return out


def _campus(ctx: Ctx, state: PlaceEntry, j: int, b: int) -> list[_Inner]:
    """A city of the same country right after a state in a name ("University of X State Y": Y)."""
    lex = ctx.lex
    for k in range(b, j, -1):
        words = ctx.words[j:k]
        city = lex.places.get(" ".join(words))
        if any(w in lex.org_cues or w.lower() in lex.english for w in words):
            continue  # "Texas University": the body's own word, though GeoNames has a town so named
        if city is not None and city.kind == "City" and city.country == state.country:
            return [_Inner(j, k, city.name, city.kind, city)]
    return []


def _country_of_city(ctx: Ctx, a: int, b: int) -> list[_Inner]:
    """The country that opens the name of one of its own cities ("Panama City" -> Panama)."""
    lex = ctx.lex
    city = lex.places.get(" ".join(ctx.words[a:b]))
    if city is None or city.kind != "City":
        return []
    for j in range(b - 1, a, -1):
        country = lex.places.get(" ".join(ctx.words[a:j]))
        if country is not None and country.kind == "Country" and country.country == city.country:
            return [_Inner(a, j, country.name, "Country", country)]
    return []


def _whole_of_part(ctx: Ctx, a: int, b: int) -> list[_Inner]:
    """The place a compass part is named after ("Kowloon West" -> Kowloon)."""
    if ctx.words[b - 1] not in _DIRECTIONS:
        return []
    cand = known(ctx, a, b - 1)
    if cand is None or cand.place is None or cand.subtype not in _KINDS or cand.subtype == "Country":
        return []
    return [_Inner(a, b - 1, cand.place.name, cand.place.kind, cand.place)]


def _named_after(ctx: Ctx, a: int, b: int) -> list[_Inner]:
    """The building a station is named after ("X Memorial Hall Station" -> X Memorial Hall)."""
    words = ctx.words
    lex = ctx.lex
    if words[b - 1] != "Station" or b - a < 2:
        return []
    head = words[b - 2]
    if b - a >= 3 and (head.lower() in lex.place_cues or head in lex.org_cues):
        return [_Inner(a, b - 1, ctx.text[ctx.offs[a] : ctx.ends[b - 2]], "Landmark")]
    if b - a == 2 and _place_word(ctx, a):
        return [_Inner(a, a + 1, words[a], "Other")]  # "Dornby Station": the place it serves
    return []


def _place_word(ctx: Ctx, i: int) -> bool:
    """Whether word ``i`` can only be a place's name: no English word, given name or surname."""
    w = ctx.words[i]
    lex = ctx.lex
    return (
        ctx.caps[i]
        and w.isalpha()
        and not w.isupper()
        and w.lower() not in lex.english
        and w not in lex.given_names
        and w not in lex.surnames
        and w not in lex.orgs
    )


def _proper(ctx: Ctx, i: int, b: int) -> bool:
    """Whether words ``[i, b)`` are a proper name: capitalized, and not all English words."""
    words = ctx.words[i:b]
    lex = ctx.lex
    return all(ctx.caps[k] for k in range(i, b)) and not all(w.lower() in lex.english for w in words)


def _cue_ends(ctx: Ctx, j: int, b: int) -> bool:
    """Whether the words after a leading place end in an organization's or building's cue word."""
    last = ctx.words[b - 1]
    lex = ctx.lex
    return last in lex.org_cues or last.lower() in lex.place_cues or ctx.words[j] in lex.org_cues
