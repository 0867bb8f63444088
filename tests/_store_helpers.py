"""Small articles for the store tests, built with the model (no mapper involved)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from newsmodel.ids import entity_iri, item_iri
from newsmodel.model import (
    Agreement,
    AgreementStatus,
    Event,
    EventKind,
    Image,
    NewsArticle,
    Person,
    Place,
    PlaceKind,
    Quotation,
    Span,
)

BASE = "https://news.example/"

if TYPE_CHECKING:
    from newsmodel.store import Store


def person(name: str, country: str | None = None, title: str | None = None) -> Person:
    return Person(
        id=entity_iri("person", name),
        name=name,
        job_title=title,
        nationality=entity_iri("place", country) if country else None,
    )


def country(name: str) -> Place:
    return Place(id=entity_iri("place", name), name=name, kind=PlaceKind.COUNTRY)


def article(
    n: int,
    headline: str | None = None,
    *,
    people: tuple[tuple[str, str], ...] = (("Ada Example", "Freedonia"),),
    meeting: bool = True,
) -> NewsArticle:
    """Article number ``n``: people with their countries, a meeting of them, a quotation, an image, spans."""
    iri = f"{BASE}article/{n}"
    body = f"Story {n}. " + " ".join(f"{name} of {land} spoke." for name, land in people)
    persons = tuple(person(name, land) for name, land in people)
    places = tuple(country(land) for land in sorted({land for _, land in people}))
    events: tuple[Event, ...] = ()
    if meeting and len(persons) >= 2:
        events = (
            Event(
                id=item_iri(iri, "event", 0),
                name=f"meeting {n}",
                kind=EventKind.MEETING,
                start_date=None,
                location=places[0].id,
                attendees=tuple(p.id for p in persons),
                spans=(Span(start=0, end=5),),
            ),
        )
    agreements: tuple[Agreement, ...] = ()
    if len(places) >= 2:
        agreements = (
            Agreement(
                id=item_iri(iri, "agreement", 0),
                name=f"accord {n}",
                parties=tuple(p.id for p in places),
                status=AgreementStatus.SIGNED,
                topics=("trade",),
            ),
        )
    return NewsArticle(
        id=iri,
        headline=headline or f"Headline {n}",
        article_body=body,
        date_published=dt.datetime(2020, 1, 1 + n % 28, 12, 0, tzinfo=dt.UTC),
        images=(Image(url=f"{BASE}img/{n}.jpg", width=800, height=600),),
        people=persons,
        places=places,
        events=events,
        agreements=agreements,
        quotations=(
            Quotation(
                id=item_iri(iri, "quote", 0),
                text=f"words {n}",
                speaker=persons[0].id,
                spans=(Span(start=0, end=5),),
            ),
        ),
    )


def assert_answers_match_the_embedded_store(store: Store) -> None:
    """Load six articles into ``store`` and an embedded store: every sample query answers alike, not empty."""
    from newsmodel.store import OxigraphStore
    from newsmodel.store.queries import SAMPLES

    articles = [article(n, people=(("Ada Example", "Freedonia"), (f"Bo {n}", "Sylvania"))) for n in range(6)]
    store.load_many(articles)
    with OxigraphStore() as local:
        local.load_many(articles)
        for name, sparql in SAMPLES.items():
            remote_rows = store.query(sparql).rows
            assert remote_rows, name
            assert remote_rows == local.query(sparql).rows, name
    assert {row["parties"] for row in store.query(SAMPLES["agreements"])} == {"Freedonia, Sylvania"}
