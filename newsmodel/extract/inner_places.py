"""Places named inside the name of an organization or a venue.

"the University of Lisbon", "the Bank of Ghana", "Oslo City Council",
"the Tamworth Stadium": the name itself says where the body is or whom it
serves, so the text does mention that place, although no mention of it stands
alone. Each such place becomes a mention of a place entity (joining the
article's record of it when the text also names it alone), kept in
``EntityIndex.inner``: the frame stages, which ask which entity stands at an
offset, still find the organization there ("the University of Lisbon said").

Only places the gazetteer knows count, in the positions where a name states a
place: after "of" ("Society of X"), "at" or "in"; and first in the name of a
venue or a school ("X Arena", "X Airport", "X University", "X Institute of
Technology") when the name ends in a cue word (a kind of building or body).
A place that opens a company's, agency's or newspaper's name is left alone:
"X Airlines", "X Air Force", "The X Post" name a brand or a country's
service, and where they are based is not what the name states (measured: most
such places were not where the body is, or were written alone anyway). Places
inside names of people or of other places ("New York" in "New York City") are
left to the gazetteer.

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

from newsmodel.extract.candidates import Ctx
from newsmodel.extract.lookup import known
from newsmodel.extract.records import EntityIndex, EntityRecord, Mention
from newsmodel.ids import entity_iri

__all__ = ["add_inner_places"]

#: Words before a place that make it the place of the name ("Society of X", "University at X").
_BEFORE = frozenset({"of", "at", "in"})
#: Place kinds a name can state; a landmark inside a name is usually the name's own part.
_KINDS = frozenset({"Country", "City", "AdministrativeArea", "Region"})


def add_inner_places(index: EntityIndex, ctx: Ctx, base: str) -> None:
    """Add to ``index.inner`` a mention of each known place inside a body's or venue's name."""
    places = ctx.lex.places
    by_place: dict[str, EntityRecord] = {}  # the gazetteer's name -> the article's record
    for record in index.records:
        if record.kind == "place":
            for form in (record.name, *record.aliases):
                entry = places.get(form)
                if entry is not None:
                    by_place.setdefault(entry.name, record)
    outer = [
        m
        for m in index.mentions
        if m.entity.kind == "organization" or (m.entity.kind == "place" and m.entity.subtype == "Landmark")
    ]
    for m in outer:
        a = bisect.bisect_left(ctx.offs, m.start)
        b = bisect.bisect_left(ctx.offs, m.end)
        if b - a < 2 or a >= len(ctx.words) or ctx.offs[a] != m.start:
            continue
        lead = m.entity.kind == "place" or m.entity.subtype == "EducationalOrganization"
        for i, j in _inner_spans(ctx, a, b, lead=lead):
            cand = known(ctx, i, j)
            if cand is None or cand.kind != "place" or cand.place is None or cand.subtype not in _KINDS:
                continue
            name = cand.place.name
            rec = by_place.get(name)
            if rec is None:
                iri = entity_iri("place", name, base)
                rec = EntityRecord(kind="place", name=name, iri=iri, subtype=cand.place.kind, confidence=0.6)
                if cand.place.geonameid:
                    rec.same_as = [f"https://sws.geonames.org/{cand.place.geonameid}/"]
                index.records.append(rec)
                by_place[name] = rec
            form = ctx.text[ctx.offs[i] : ctx.ends[j - 1]]
            if form != rec.name and form not in rec.aliases:
                rec.aliases.append(form)
            index.inner.append(Mention(ctx.offs[i], ctx.ends[j - 1], rec))


def _inner_spans(ctx: Ctx, a: int, b: int, *, lead: bool) -> list[tuple[int, int]]:
    """Spans inside name ``[a, b)`` where a place can stand: first (if ``lead``), after "of"/"at"/"in"."""
    words = ctx.words
    out: list[tuple[int, int]] = []
    starts = [a + (words[a] == "The")] + [k + 1 for k in range(a, b - 1) if words[k] in _BEFORE]
    lex = ctx.lex
    for i in starts:
        if i >= b or not ctx.caps[i]:
            continue
        first = i == a + (words[a] == "The")
        if first and not lead:
            continue
        for j in range(b if not first else b - 1, i, -1):
            spaced, written = " ".join(words[i:j]), ctx.text[ctx.offs[i] : ctx.ends[j - 1]]
            if spaced not in lex.places and written not in lex.places:
                continue
            if first and not _cue_ends(ctx, j, b):
                break
            if any(w in lex.org_cues for w in words[i:j]):
                break  # GeoNames' "University of X" campus towns are the body's own name
            out.append((i, j))
            break
    return out


def _cue_ends(ctx: Ctx, j: int, b: int) -> bool:
    """Whether the words after a leading place end in an organization's or building's cue word."""
    last = ctx.words[b - 1]
    lex = ctx.lex
    return last in lex.org_cues or last.lower() in lex.place_cues or ctx.words[j] in lex.org_cues
