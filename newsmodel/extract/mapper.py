"""The mapper: a read ``Document`` in, a frozen, valid ``NewsArticle`` out.

The work is done by the stages of a ``Pipeline`` (``newsmodel.extract.pipeline``):
each reads the shared layers of one ``Analysis`` of the document and adds
what it finds to a ``Draft``. This module runs them and assembles the model
from the draft and the document's metadata, enforcing what the article as a
whole must hold: every reference pointing at something the article holds,
every span inside ``articleBody``, every item once. A frame whose references
cannot be resolved loses them (or, for an agreement left with fewer than two
parties, is dropped) instead of failing the whole article; so dropping the
``entities`` stage leaves quotations without speakers, not an error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

import attrs

from newsmodel.errors import ExtractionError, NewsmodelError
from newsmodel.extract.analysis import Analysis
from newsmodel.extract.draft import Draft
from newsmodel.extract.pipeline import Pipeline
from newsmodel.ids import DEFAULT_BASE
from newsmodel.model import Agreement, Event, NewsArticle, Quotation, Span
from newsmodel.read.document import Document

__all__ = ["DEFAULT_LANGUAGE", "map_document"]

#: ``inLanguage`` when the metadata does not say: the mapper reads English.
DEFAULT_LANGUAGE = "en"
# Headline stand-in when a document has none: the start of its body, cut at a word.
_HEADLINE_CHARS = 110

T = TypeVar("T")


def map_document(
    doc: Document, *, base: str = DEFAULT_BASE, nlp: object | None = None, pipeline: Pipeline | None = None
) -> NewsArticle:
    """Run ``pipeline`` (by default ``Pipeline.default()``) on ``doc`` and build its ``NewsArticle``.

    ``base`` is where minted entity IRIs live; ``nlp`` an optional spaCy
    pipeline whose entities the entity layer merges in.
    """
    analysis = Analysis(doc, base=base, nlp=nlp)
    draft = (pipeline if pipeline is not None else Pipeline.default()).run(analysis)
    return _run("the article", lambda: _article(analysis, draft))


def _article(analysis: Analysis, draft: Draft) -> NewsArticle:
    """The frozen article: the document's metadata and the draft, its dangling references dropped."""
    doc = analysis.doc
    meta = doc.meta
    body = doc.body
    publisher = draft.publisher
    known = {e.id for e in draft.entities()} | {a.id for a in draft.authors}
    if publisher is not None:
        known.add(publisher.id)
    length = len(body)
    return NewsArticle(
        id=analysis.article_iri,
        headline=_headline(doc),
        article_body=body,
        url=meta.url,
        date_published=meta.date_published,
        date_modified=meta.date_modified,
        in_language=meta.language or DEFAULT_LANGUAGE,
        section=meta.section,
        dateline=draft.dateline,
        content_location=draft.content_location if draft.content_location in known else None,
        authors=draft.authors,
        publisher=publisher,
        images=meta.images,
        about=tuple(iri for iri in dict.fromkeys(draft.about) if iri in known),
        people=draft.people,
        organizations=draft.organizations,
        places=draft.places,
        events=_unique(e for e in (_clean_event(e, known, length) for e in draft.events) if e),
        agreements=_unique(a for a in (_clean_agreement(a, known, length) for a in draft.agreements) if a),
        quotations=_unique(_clean_quote(q, known, length) for q in draft.quotations),
    )


def _run(stage: str, step: Callable[[], T]) -> T:
    """Run one step of the assembly; an unexpected failure becomes an ``ExtractionError``."""
    try:
        return step()
    except NewsmodelError:
        raise
    except Exception as exc:  # a bug must not escape as a bare IndexError on odd input
        raise ExtractionError(f"mapper failed while finding {stage}: {type(exc).__name__}: {exc}") from exc


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
