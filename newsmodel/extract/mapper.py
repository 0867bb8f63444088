"""The mapper: a read ``Document`` in, a frozen, valid ``NewsArticle`` out.

Each extractor does one job (entities, quotations, events, agreements); this
module runs them in order, each on what the one before found, and assembles
the model. It is the one place that turns the mutable ``EntityRecord`` objects
into frozen ``Person``/``Organization``/``Place`` objects, so it also enforces
what the article as a whole must hold: every entity once (one IRI, one
object), every reference pointing at something the article holds (a
nationality that is never named in the text still becomes a ``Place``), every
span inside ``articleBody``. A frame whose references cannot be resolved loses
them (or, for an agreement left with fewer than two parties, is dropped)
instead of failing the whole article.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs

from newsmodel.errors import ExtractionError, NewsmodelError
from newsmodel.extract.analysis import Analysis
from newsmodel.extract.credits import authors_of, publisher_of
from newsmodel.extract.records import EntityIndex, EntityRecord
from newsmodel.ids import DEFAULT_BASE
from newsmodel.model import (
    Agreement,
    Entity,
    Event,
    NewsArticle,
    Organization,
    OrganizationKind,
    Person,
    Place,
    PlaceKind,
    Quotation,
    Span,
)
from newsmodel.read.document import Document

__all__ = ["ABOUT_LIMIT", "DEFAULT_LANGUAGE", "map_document"]

#: How many of the most-mentioned entities make up ``about``.
ABOUT_LIMIT = 3
#: ``inLanguage`` when the metadata does not say: the mapper reads English.
DEFAULT_LANGUAGE = "en"
# A mention in the headline counts this many times towards ``about``.
_HEADLINE_WEIGHT = 2
# Headline stand-in when a document has none: the start of its body, cut at a word.
_HEADLINE_CHARS = 110

T = TypeVar("T")

# A dateline: capitalised place words (the first in capitals), maybe ", Region",
# maybe "(Agency)", then a dash, at the very start of the body (normalized text).
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]*)*(?:, [A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3})?)"
    r"(?: \([^()\n]{1,40}\))? {0,2}--? "
)


def map_document(doc: Document, *, base: str = DEFAULT_BASE, nlp: object | None = None) -> NewsArticle:
    """Extract everything from ``doc`` and build its ``NewsArticle``.

    ``base`` is where minted entity IRIs live; ``nlp`` an optional spaCy
    pipeline whose entities the entity extractor merges in.
    """
    from newsmodel.extract import agreements, events, quotes

    analysis = Analysis(doc, base=base, nlp=nlp)
    meta = doc.meta
    body = doc.body
    article_id = analysis.article_iri
    day = analysis.published
    index = analysis.index
    attributor = analysis.attributor
    found_quotes = _run(
        "quotations",
        lambda: quotes.find_quotations(doc, index, article_iri=article_id, base=base, attributor=attributor),
    )
    found_events = _run(
        "events",
        lambda: events.find_events(
            doc, index, article_iri=article_id, base=base, published=day, attributor=attributor
        ),
    )
    found_agreements = _run(
        "agreements",
        lambda: agreements.find_agreements(
            doc, index, article_iri=article_id, base=base, published=day, attributor=attributor
        ),
    )

    publisher = publisher_of(meta, base)
    people, organizations, places = _entities(doc, index, publisher)
    by_iri: dict[str, Entity] = {e.id: e for e in (*people, *organizations, *places)}
    if publisher is not None and publisher.id in by_iri:
        held = by_iri[publisher.id]
        publisher = held if isinstance(held, Organization) else None
    authors = authors_of(meta, publisher, by_iri, base)

    dateline, content_location = _dateline(doc, index, by_iri)
    known = set(by_iri) | {a.id for a in authors} | ({publisher.id} if publisher else set())
    length = len(body)
    return _run(
        "the article",
        lambda: NewsArticle(
            id=article_id,
            headline=_headline(doc),
            article_body=body,
            url=meta.url,
            date_published=meta.date_published,
            date_modified=meta.date_modified,
            in_language=meta.language or DEFAULT_LANGUAGE,
            section=meta.section,
            dateline=dateline,
            content_location=content_location,
            authors=authors,
            publisher=publisher,
            images=meta.images,
            about=_about(doc, index, by_iri),
            people=people,
            organizations=organizations,
            places=places,
            events=_unique(e for e in map(lambda e: _clean_event(e, known, length), found_events) if e),
            agreements=_unique(
                a for a in map(lambda a: _clean_agreement(a, known, length), found_agreements) if a
            ),
            quotations=_unique(_clean_quote(q, known, length) for q in found_quotes),
        ),
    )


def _run(stage: str, step: Callable[[], T]) -> T:
    """Run one extraction stage; an unexpected failure becomes an ``ExtractionError``."""
    try:
        return step()
    except NewsmodelError:
        raise
    except Exception as exc:  # a bug must not escape as a bare IndexError on odd input
        raise ExtractionError(f"mapper failed while finding {stage}: {type(exc).__name__}: {exc}") from exc


# --------------------------------------------------------------------------- entities


def _entities(
    doc: Document, index: EntityIndex, publisher: Organization | None
) -> tuple[tuple[Person, ...], tuple[Organization, ...], tuple[Place, ...]]:
    """Freeze every record, and every record one of them refers to, once per IRI."""
    records = _closure(index.records)
    # Offsets as plain int pairs (cheap to hash and sort); Span objects are built once each.
    offsets: dict[int, set[tuple[int, int]]] = {}
    base = doc.body_start
    length = len(doc.raw) - base  # len(doc.body), without copying the body
    for mention in index.mentions:
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
    # A reference to an IRI whose record was dropped (no usable name) is removed.
    held = {e.id for e in (*people, *organizations, *places)}
    people = [
        attrs.evolve(
            p,
            nationality=p.nationality if p.nationality in held else None,
            affiliation=p.affiliation if p.affiliation in held else None,
        )
        for p in people
    ]
    places = [
        attrs.evolve(p, contained_in=p.contained_in if p.contained_in in held else None) for p in places
    ]
    return tuple(people), tuple(organizations), tuple(places)


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


def _about(doc: Document, index: EntityIndex, held: dict[str, Entity]) -> tuple[str, ...]:
    """Rank the IRIs of the most-mentioned entities (headline mentions count double)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for mention in index.mentions:
        iri = mention.entity.iri
        if iri not in held:
            continue
        counts[iri] += _HEADLINE_WEIGHT if mention.start < doc.body_start else 1
        first.setdefault(iri, mention.start)
    ranked = sorted(counts, key=lambda iri: (-counts[iri], first[iri]))
    return tuple(iri for iri in ranked[:ABOUT_LIMIT] if counts[iri] >= 2)


def _dateline(doc: Document, index: EntityIndex, held: dict[str, Entity]) -> tuple[str | None, str | None]:
    """Read a wire-style dateline ("LIMA, Peru (AP) -") and the place it names.

    The first word must be in capitals ("LIMA", "BUENOS AIRES"); an agency in
    parentheses and the dash after it are not part of the dateline.
    """
    match = _DATELINE.match(doc.text, doc.body_start)
    if match is None:
        return None, None
    start, end = match.span("place")
    dateline = " ".join(doc.raw[start:end].split())
    for mention in index.between(start, end):
        if mention.entity.kind == "place" and mention.entity.iri in held:
            return dateline, mention.entity.iri
    return dateline, None


# --------------------------------------------------------------------------- metadata


def _headline(doc: Document) -> str:
    headline = " ".join(doc.headline.split())
    if headline:
        return headline
    body = " ".join(doc.body.split())
    if not body:
        raise ExtractionError("the article has neither a headline nor any text")
    if len(body) <= _HEADLINE_CHARS:
        return body
    cut = body.rfind(" ", 0, _HEADLINE_CHARS)
    return body[: cut if cut > 0 else _HEADLINE_CHARS] + "…"


# --------------------------------------------------------------------------- frames


def _spans(spans: tuple[Span, ...], length: int) -> tuple[Span, ...]:
    return spans if all(s.end <= length for s in spans) else tuple(s for s in spans if s.end <= length)


def _clean_quote(quote: Quotation, known: set[str], length: int) -> Quotation:
    speaker = quote.speaker if quote.speaker in known else None
    spans = _spans(quote.spans, length)
    if speaker == quote.speaker and spans is quote.spans:
        return quote
    return attrs.evolve(quote, speaker=speaker, spans=spans)


def _clean_event(event: Event, known: set[str], length: int) -> Event:
    attendees = tuple(a for a in event.attendees if a in known)
    organizers = tuple(o for o in event.organizers if o in known)
    location = event.location if event.location in known else None
    spans = _spans(event.spans, length)
    if (attendees, organizers, location) == (event.attendees, event.organizers, event.location) and (
        spans is event.spans
    ):
        return event
    return attrs.evolve(event, attendees=attendees, organizers=organizers, location=location, spans=spans)


def _clean_agreement(agreement: Agreement, known: set[str], length: int) -> Agreement | None:
    parties = tuple(p for p in agreement.parties if p in known)
    if len(parties) < 2:
        return None
    spans = _spans(agreement.spans, length)
    if parties == agreement.parties and spans is agreement.spans:
        return agreement
    return attrs.evolve(agreement, parties=parties, spans=spans)


def _unique(items: Iterable[T]) -> tuple[T, ...]:
    """Keep the first item of each IRI (frames found twice in one sentence)."""
    out: dict[str, T] = {}
    for item in items:
        out.setdefault(item.id, item)  # type: ignore[attr-defined]
    return tuple(out.values())
