"""The ``entities`` stage: the article's entity records become frozen people, organizations, places.

The entity layer (``Analysis.index``, built by ``newsmodel.extract.entities``)
holds mutable ``EntityRecord`` objects that the frame stages point at. This
stage is the one place that freezes them into ``Person``/``Organization``/
``Place`` objects, so it also enforces what the article as a whole must hold:
every entity once (one IRI, one object, names and spans of every record with
that IRI merged), and every reference pointing at something the article holds
(a nationality that is never named in the text still becomes a ``Place``).
The publisher, when the text names it, becomes a news-media organization with
the metadata's logo and URL.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from newsmodel.extract.records import EntityIndex, EntityRecord
from newsmodel.model import Organization, OrganizationKind, Person, Place, PlaceKind, Span
from newsmodel.read.document import Document

if TYPE_CHECKING:
    from newsmodel.extract.analysis import Analysis
    from newsmodel.extract.draft import Draft

__all__ = ["entities_stage", "freeze_entities"]


def entities_stage(analysis: Analysis, draft: Draft) -> None:
    """Add every entity of the entity layer to the draft, frozen, once per IRI."""
    people, organizations, places = freeze_entities(analysis.doc, analysis.index, analysis.publisher)
    draft.people.extend(people)
    draft.organizations.extend(organizations)
    draft.places.extend(places)


def freeze_entities(
    doc: Document, index: EntityIndex, publisher: Organization | None
) -> tuple[tuple[Person, ...], tuple[Organization, ...], tuple[Place, ...]]:
    """Freeze every record, and every record one of them refers to, once per IRI."""
    records = _closure(index.records)
    # Offsets as plain int pairs (cheap to hash and sort); Span objects are built once each.
    offsets: dict[int, set[tuple[int, int]]] = {}
    base = doc.body_start
    length = len(doc.raw) - base  # len(doc.body), without copying the body
    for mention in (*index.mentions, *index.inner):
        if mention.start >= base and mention.end - base <= length:
            offsets.setdefault(id(mention.entity), set()).add((mention.start - base, mention.end - base))

    merged: dict[str, list[EntityRecord]] = {}
    for record in records:
        merged.setdefault(record.iri, []).append(record)

    people: list[Person] = []
    organizations: list[Organization] = []
    places: list[Place] = []
    for iri, group in merged.items():
        first = group[0]
        names = [n for r in group for n in (r.name, *r.aliases)]
        name = first.name.strip() or next((n.strip() for n in names if n.strip()), "")
        if not name:
            continue
        alternates = _distinct(n.strip() for n in names if n.strip() and n.strip() != name)
        common: dict[str, Any] = {
            "id": iri,
            "name": name,
            "alternate_names": alternates,
            "same_as": _distinct(s for r in group for s in r.same_as),
            "spans": tuple(
                Span(start=a, end=b) for a, b in sorted({o for r in group for o in offsets.get(id(r), ())})
            ),
            "confidence": min(1.0, max(0.0, max(r.confidence for r in group))),
        }
        if first.kind == "person":
            people.append(
                Person(
                    **common,
                    job_title=_first_text(r.job_title for r in group),
                    nationality=next((r.nationality.iri for r in group if r.nationality), None),
                    affiliation=next((r.affiliation.iri for r in group if r.affiliation), None),
                )
            )
        elif first.kind == "organization":
            kind = _enum(OrganizationKind, first.subtype, OrganizationKind.ORGANIZATION)
            logo = None
            if publisher is not None and publisher.id == iri:
                kind, logo = OrganizationKind.NEWS_MEDIA, publisher.logo
                common["url"] = publisher.url
            organizations.append(
                Organization(**common, kind=kind, logo=logo, also_place=any(r.also_other for r in group))
            )
        else:
            places.append(
                Place(
                    **common,
                    kind=_enum(PlaceKind, first.subtype, PlaceKind.OTHER),
                    contained_in=next((r.contained_in.iri for r in group if r.contained_in), None),
                    also_organization=any(r.also_other for r in group),
                )
            )
    # A reference to an IRI whose record was dropped (no usable name) is removed; only the
    # few objects that hold such a reference are rebuilt (evolve re-runs every validator).
    held = {e.id for e in (*people, *organizations, *places)}
    people = [
        p
        if _held(p.nationality, held) and _held(p.affiliation, held)
        else attrs.evolve(
            p,
            nationality=p.nationality if p.nationality in held else None,
            affiliation=p.affiliation if p.affiliation in held else None,
        )
        for p in people
    ]
    places = [
        p
        if _held(p.contained_in, held)
        else attrs.evolve(p, contained_in=p.contained_in if p.contained_in in held else None)
        for p in places
    ]
    return tuple(people), tuple(organizations), tuple(places)


def _held(iri: str | None, held: set[str]) -> bool:
    """Whether a reference may stay as it is: none, or one to an entity the article holds."""
    return iri is None or iri in held


def _closure(records: Iterable[EntityRecord]) -> list[EntityRecord]:
    """Collect the records and, transitively, every record they refer to, in first-seen order."""
    out: list[EntityRecord] = []
    seen: set[int] = set()
    todo = list(records)
    todo.reverse()
    while todo:
        record = todo.pop()
        if id(record) in seen:
            continue
        seen.add(id(record))
        out.append(record)
        for ref in (record.nationality, record.affiliation, record.contained_in):
            if ref is not None and id(ref) not in seen:
                todo.append(ref)
    return out


def _first_text(values: Iterable[str | None]) -> str | None:
    """The first value with any text, its whitespace collapsed."""
    return next((" ".join(v.split()) for v in values if v and v.strip()), None)


def _enum(kind: Any, value: str | None, default: Any) -> Any:
    try:
        return kind(value) if value else default
    except ValueError:
        return default


def _distinct(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))
