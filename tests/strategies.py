"""Hypothesis strategies for valid ``NewsArticle`` objects, shared by every test module.

``articles()`` draws a whole article whose internal references (speakers,
attendees, nationalities, parties, ``about``…) point at entities of the same
article, whose spans lie inside ``article_body``, and whose texts include the
characters that break naive serializers: quotes, backslashes, newlines,
``</script>``, U+2028/U+2029, non-Latin scripts. Sizes are small by default so
a property test stays fast; pass ``max_items`` for bigger articles.

Smaller strategies (``texts``, ``iris``, ``partial_dates``, ``timestamps``…)
are exported for tests that need one piece.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from hypothesis import strategies as st

from newsmodel.model import (
    Agreement,
    AgreementStatus,
    Author,
    Event,
    EventKind,
    Image,
    NewsArticle,
    Organization,
    OrganizationKind,
    PartialDate,
    Person,
    Place,
    PlaceKind,
    Quotation,
    Span,
    Timestamp,
    is_absolute_iri,
)

__all__ = [
    "SPECIAL_FRAGMENTS",
    "articles",
    "bodies",
    "confidences",
    "iris",
    "partial_dates",
    "texts",
    "timestamps",
    "web_urls",
]

T = TypeVar("T")

#: Pieces of text that break naive JSON, HTML-embedding or Turtle writers.
SPECIAL_FRAGMENTS: tuple[str, ...] = (
    '"',
    "'",
    "\\",
    "\n",
    "\r\n",
    "\t",
    "</script>",
    "<script>alert(1)</script>",
    "\u2028",
    "\u2029",
    "&amp;",
    "“quoted”",
    "‘single’",
    "São Paulo",
    "Москва",
    "北京",
    "تهران",
    "😀",
    '"""',
    "@prefix",
    "\x00",
    "{}",
)

_WORDS = st.text(
    alphabet=st.characters(exclude_categories=["Cs"]),
    min_size=1,
    max_size=8,
)


def texts(max_parts: int = 3) -> st.SearchStrategy[str]:
    """Non-empty text (``strip()`` leaves something): arbitrary unicode mixed with special fragments."""
    return (
        st.lists(st.one_of(_WORDS, st.sampled_from(SPECIAL_FRAGMENTS)), min_size=1, max_size=max_parts)
        .map("".join)
        .filter(lambda s: bool(s.strip()))
    )


def bodies() -> st.SearchStrategy[str]:
    """An article body: any text, empty included."""
    return st.lists(st.one_of(_WORDS, st.sampled_from(SPECIAL_FRAGMENTS)), max_size=12).map("".join)


_IRI_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/?@!$&'()*+,;=:éü中"


def web_urls() -> st.SearchStrategy[str]:
    """http(s) URLs, the only IRIs that ``url`` fields take."""
    return iris().map(lambda iri: "https://" + iri.partition(":")[2].lstrip("/")).filter(is_absolute_iri)


def iris() -> st.SearchStrategy[str]:
    """Absolute IRIs: a scheme, a colon, then characters RFC 3987 allows unescaped."""
    return st.builds(
        lambda scheme, rest, tail: f"{scheme}:{rest}{tail}",
        st.sampled_from(("https", "http", "urn", "tag", "x-my.scheme+1")),
        st.text(alphabet=_IRI_CHARS, min_size=1, max_size=20),
        st.one_of(st.just(""), st.just("#x"), st.just("%C3%A9")),
    ).filter(is_absolute_iri)  # the model's own rule


def confidences() -> st.SearchStrategy[float]:
    """A confidence in [0, 1] (the bounds included)."""
    return st.one_of(st.just(1.0), st.just(0.0), st.floats(min_value=0.0, max_value=1.0))


def partial_dates() -> st.SearchStrategy[PartialDate]:
    """A date known to the year, the month or the day (every precision)."""
    return st.one_of(
        st.integers(1, 9999).map(lambda y: PartialDate(year=y)),
        st.builds(lambda y, m: PartialDate(year=y, month=m), st.integers(1, 9999), st.integers(1, 12)),
        st.dates().map(PartialDate.from_date),
    )


_OFFSETS = st.one_of(
    st.just(dt.UTC),
    st.integers(-14 * 60, 14 * 60).map(lambda m: dt.timezone(dt.timedelta(minutes=m))),
)


def timestamps() -> st.SearchStrategy[Timestamp]:
    """A publication time: a naive datetime, one with a UTC offset, or a calendar date."""
    return st.one_of(
        st.dates(),
        st.datetimes(min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30)),
        st.datetimes(min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30), timezones=_OFFSETS),
    ).map(lambda value: value.replace(fold=0) if isinstance(value, dt.datetime) else value)


def _spans(body: str | None, max_spans: int = 3) -> st.SearchStrategy[tuple[Span, ...]]:
    """Spans that lie inside ``body`` (none when there is no body)."""
    if body is None:
        return st.just(())
    n = len(body)
    one = st.integers(0, n).flatmap(lambda s: st.integers(s, n).map(lambda e: Span(start=s, end=e)))
    return st.lists(one, max_size=max_spans).map(tuple)


def _unique_texts(max_size: int = 2) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(texts(2), max_size=max_size, unique=True).map(tuple)


def _subset(
    draw: Callable[[st.SearchStrategy[Any]], Any], items: Sequence[T], max_size: int = 3
) -> tuple[T, ...]:
    if not items:
        return ()
    chosen = draw(st.lists(st.sampled_from(items), max_size=max_size, unique=True))
    return tuple(chosen)


def _maybe(draw: Callable[[st.SearchStrategy[Any]], Any], items: Sequence[T]) -> T | None:
    if not items:
        return None
    result: T | None = draw(st.none() | st.sampled_from(items))
    return result


@st.composite
def articles(draw: Callable[[st.SearchStrategy[Any]], Any], max_items: int = 2) -> NewsArticle:
    """An arbitrary valid ``NewsArticle``; every reference points inside the article."""
    base = draw(iris())
    article_id = f"{base}/article"
    counter = iter(range(10_000))

    def mint(kind: str) -> str:
        return f"{base}/{kind}/{next(counter)}"

    body = draw(st.none() | bodies())
    spans = _spans(body)
    optional_text = st.none() | texts()
    optional_url = st.none() | web_urls()

    def entity_fields(kind: str) -> dict[str, Any]:
        return {
            "id": mint(kind),
            "name": draw(texts()),
            "alternate_names": draw(_unique_texts()),
            "same_as": tuple(draw(st.lists(iris(), max_size=2, unique=True))),
            "url": draw(optional_url),
            "spans": draw(spans),
            "confidence": draw(confidences()),
        }

    # Places first: people and places refer to them.
    places: list[Place] = []
    for _ in range(draw(st.integers(0, max_items))):
        places.append(
            Place(
                **entity_fields("place"),
                kind=draw(st.sampled_from(PlaceKind)),
                contained_in=_maybe(draw, [p.id for p in places]),
                also_organization=draw(st.booleans()),
            )
        )
    organizations = [
        Organization(
            **entity_fields("organization"),
            kind=draw(st.sampled_from(OrganizationKind)),
            logo=draw(optional_url),
            also_place=draw(st.booleans()),
        )
        for _ in range(draw(st.integers(0, max_items)))
    ]
    place_ids = [p.id for p in places]
    org_ids = [o.id for o in organizations]
    people = [
        Person(
            **entity_fields("person"),
            job_title=draw(optional_text),
            nationality=_maybe(draw, place_ids),
            affiliation=_maybe(draw, org_ids),
        )
        for _ in range(draw(st.integers(0, max_items)))
    ]
    agents = [p.id for p in people] + org_ids
    everyone = agents + place_ids

    quotations = [
        Quotation(
            id=mint("quotation"),
            text=draw(texts()),
            speaker=_maybe(draw, agents),
            partial=draw(st.booleans()),
            spans=draw(spans),
            confidence=draw(confidences()),
        )
        for _ in range(draw(st.integers(0, max_items)))
    ]

    events = []
    for _ in range(draw(st.integers(0, max_items))):
        start = draw(st.none() | partial_dates())
        end = draw(st.none() | partial_dates())
        if start is not None and end is not None:
            common = min(len(str(start)), len(str(end)))
            if str(end)[:common] < str(start)[:common]:
                start, end = end, start
        events.append(
            Event(
                id=mint("event"),
                name=draw(texts()),
                kind=draw(st.sampled_from(EventKind)),
                description=draw(optional_text),
                cameo_code=draw(st.none() | st.from_regex(r"[0-9]{2,4}", fullmatch=True)),
                start_date=start,
                end_date=end,
                date_text=draw(optional_text),
                location=_maybe(draw, place_ids),
                attendees=_subset(draw, agents),
                organizers=_subset(draw, agents),
                spans=draw(spans),
                confidence=draw(confidences()),
            )
        )

    agreements = []
    if len(everyone) >= 2:
        for _ in range(draw(st.integers(0, max_items))):
            parties = draw(st.lists(st.sampled_from(everyone), min_size=2, max_size=4, unique=True))
            agreements.append(
                Agreement(
                    id=mint("agreement"),
                    name=draw(texts()),
                    parties=tuple(parties),
                    status=draw(st.sampled_from(AgreementStatus)),
                    description=draw(optional_text),
                    topics=draw(_unique_texts()),
                    date_created=draw(st.none() | partial_dates()),
                    date_text=draw(optional_text),
                    spans=draw(spans),
                    confidence=draw(confidences()),
                )
            )

    # Authors: new people or organizations, or entities the article also mentions.
    authors: list[Author] = []
    for _ in range(draw(st.integers(0, 2))):
        choice = draw(st.sampled_from(("person", "organization", "existing")))
        existing: list[Author] = [*people, *organizations]
        if choice == "existing" and existing:
            candidate = draw(st.sampled_from(existing))
            if candidate not in authors:
                authors.append(candidate)
        elif choice == "organization":
            authors.append(
                Organization(**entity_fields("organization"), kind=draw(st.sampled_from(OrganizationKind)))
            )
        else:
            authors.append(Person(**entity_fields("person"), job_title=draw(optional_text)))

    publisher: Organization | None = None
    publisher_choice = draw(st.sampled_from(("none", "new", "existing")))
    if publisher_choice == "existing" and organizations:
        publisher = draw(st.sampled_from(organizations))
    elif publisher_choice == "new":
        publisher = Organization(**entity_fields("organization"), kind=OrganizationKind.NEWS_MEDIA)

    images = draw(
        st.lists(
            st.builds(
                Image,
                url=web_urls(),
                width=st.none() | st.integers(0, 10_000),
                height=st.none() | st.integers(0, 10_000),
                caption=optional_text,
            ),
            max_size=2,
        )
    )

    return NewsArticle(
        id=article_id,
        headline=draw(texts()),
        article_body=body,
        url=draw(st.none() | web_urls()),
        date_published=draw(st.none() | timestamps()),
        date_modified=draw(st.none() | timestamps()),
        in_language=draw(st.none() | st.from_regex(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,2}", fullmatch=True)),
        section=draw(optional_text),
        dateline=draw(optional_text),
        content_location=_maybe(draw, place_ids),
        authors=tuple(authors),
        publisher=publisher,
        images=tuple(images),
        about=_subset(draw, everyone),
        people=tuple(people),
        organizations=tuple(organizations),
        places=tuple(places),
        events=tuple(events),
        agreements=tuple(agreements),
        quotations=tuple(quotations),
    )
