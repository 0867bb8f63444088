"""The ``NewsArticle`` a perfect mapper returns for the seed article, built by hand.

This is the expected answer, written from the seed's gold annotation
(``../shared/seeds/000_f91c40fb5c9215a3.gold.json``) and text, so it may name
people and places: it is test data, never mapper code. Offsets are not typed
in; they are found by searching ``articleBody``, and a phrase that is not in
the text fails loudly instead of yielding a wrong span.

``articleBody`` is the text after the "Skip to main content" line and the
headline, stripped (what ``newsmodel.read.text.read_document`` calls the body).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path

from newsmodel.ids import article_iri, entity_iri, item_iri
from newsmodel.model import (
    Agreement,
    AgreementStatus,
    Event,
    EventKind,
    NewsArticle,
    Organization,
    OrganizationKind,
    PartialDate,
    Person,
    Place,
    PlaceKind,
    Quotation,
    Span,
)

__all__ = ["SEED_STEM", "seed_article", "seed_body", "seed_text"]

SEED_STEM = "000_f91c40fb5c9215a3"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"
HEADLINE = "Putin meets with Iranian leader, touts 'reliable and stable partner'"
GEONAMES = "https://sws.geonames.org/{}/"


def seed_text() -> str:
    """The seed's raw text, as shipped in ``seeds/``."""
    return (SEEDS / f"{SEED_STEM}.txt").read_text(encoding="utf-8")


def seed_body() -> str:
    """The article body: everything after the page-furniture line and the headline."""
    text = seed_text()
    lines = text.split("\n")
    assert lines[0] == "Skip to main content", lines[0]
    head = text.index(HEADLINE)
    return text[head + len(HEADLINE) :].strip()


def _find(body: str, phrase: str, start: int = 0) -> Span:
    """The span of the first occurrence of ``phrase`` at or after ``start``; fails if absent.

    A space in ``phrase`` matches any run of white space: the seed has
    non-breaking spaces between some words.
    """
    pattern = r"\s+".join(re.escape(word) for word in phrase.split(" "))
    match = re.compile(pattern).search(body, start)
    assert match, f"{phrase!r} is not in the seed body"
    return Span(start=match.start(), end=match.end())


def _mentions(body: str, *names: str) -> tuple[Span, ...]:
    """Every whole-word mention of any of ``names`` (longest first, no overlaps), in text order."""
    taken: list[Span] = []
    for name in sorted(names, key=len, reverse=True):
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, name.split(" "))) + r"(?!\w)")
        for match in pattern.finditer(body):
            span = Span(start=match.start(), end=match.end())
            if not any(s.start < span.end and span.start < s.end for s in taken):
                taken.append(span)
    assert taken, f"none of {names!r} is in the seed body"
    return tuple(sorted(taken))


@cache
def seed_article() -> NewsArticle:
    """The seed article as a perfect mapper would return it."""
    body = seed_body()
    article = article_iri(seed_text())

    def place(name: str, kind: PlaceKind, geonames: int | None = None, **kw: object) -> Place:
        return Place(
            id=entity_iri("place", name),
            name=name,
            kind=kind,
            same_as=(GEONAMES.format(geonames),) if geonames else (),
            spans=_mentions(body, name),
            **kw,  # type: ignore[arg-type]
        )

    russia = place("Russia", PlaceKind.COUNTRY, 2017370)
    iran = place("Iran", PlaceKind.COUNTRY, 130758)
    syria = place("Syria", PlaceKind.COUNTRY, 163843)
    us = place("U.S.", PlaceKind.COUNTRY, 6252001)
    middle_east = place("Middle East", PlaceKind.REGION)
    west = place("the West", PlaceKind.REGION)
    kremlin = place("Kremlin", PlaceKind.LANDMARK, also_organization=True)
    hamadan = place("Hamadan Airbase", PlaceKind.LANDMARK)
    tehran = place("Tehran", PlaceKind.CITY, 112931, contained_in=iran.id, also_organization=True)
    places = (russia, iran, syria, us, middle_east, west, kremlin, hamadan, tehran)

    def person(name: str, job_title: str, country: Place, *aliases: str) -> Person:
        return Person(
            id=entity_iri("person", name),
            name=name,
            alternate_names=aliases,
            job_title=job_title,
            nationality=country.id,
            spans=_mentions(body, name, *aliases),
        )

    putin = person("Vladimir Putin", "President", russia, "Putin")
    rouhani = person("Hassan Rouhani", "President", iran, "Rouhani")
    assad = person("Bashar Assad", "President", syria)
    zarif = person("Mohammad Javad Zarif", "Foreign Minister", iran)
    trump = person("Trump", "President", us)
    people = (putin, rouhani, assad, zarif, trump)

    reuters = Organization(
        id=entity_iri("organization", "Reuters"),
        name="Reuters",
        kind=OrganizationKind.NEWS_MEDIA,
        spans=_mentions(body, "Reuters"),
    )

    def quotation(text: str, speaker: Person, *, partial: bool) -> Quotation:
        span = _find(body, text)
        return Quotation(
            id=item_iri(article, "quotation", span.start, text),
            text=text,
            speaker=speaker.id,
            partial=partial,
            spans=(span,),
        )

    quotations = (
        quotation("reliable and stable partner", putin, partial=True),
        quotation("good neighbor and reliable and stable partner.", putin, partial=True),
        quotation(
            "Russia and Iran share many years, if not centuries, of bilateral cooperation,",
            putin,
            partial=False,
        ),
        quotation(
            "Our ultimate goal is strengthening peace and stability in the region,", rouhani, partial=False
        ),
        quotation("case-by-case basis,", zarif, partial=True),
    )

    def event(
        name: str,
        kind: EventKind,
        evidence: str,
        attendees: tuple[Person | Place, ...],
        *,
        location: Place | None = None,
        date: str | None = None,
        date_text: str | None = None,
        cameo: str | None = None,
    ) -> Event:
        span = _find(body, evidence)
        if date_text is not None:
            _find(body, date_text, span.start)  # the date words are in the evidence
        return Event(
            id=item_iri(article, "event", span.start, name),
            name=name,
            kind=kind,
            description=evidence,
            cameo_code=cameo,
            start_date=PartialDate.parse(date) if date else None,
            date_text=date_text,
            location=location.id if location else None,
            attendees=tuple(a.id for a in attendees),
            spans=(span,),
        )

    signing_evidence = (
        "The two sides this week signed more than a dozen agreements on economics, tourism, "
        "diplomacy and other issues, the Kremlin said."
    )
    events = (
        event(
            "Putin meets Iranian President Rouhani at the Kremlin",
            EventKind.MEETING,
            "Russian President Vladimir Putin met with Iranian President Hassan Rouhani at the Kremlin on "
            'Tuesday and lauded the Persian theocracy as a "good neighbor and reliable and stable partner."',
            (putin, rouhani),
            location=kremlin,
            date="2017-03-28",
            date_text="on Tuesday",
            cameo="043",
        ),
        event(
            "Russia and Iran sign more than a dozen agreements on economics, tourism, diplomacy "
            "and other issues",
            EventKind.SIGNING,
            signing_evidence,
            (russia, iran),
            date="2017-03",
            date_text="this week",
            cameo="057",
        ),
        event(
            "Iranian elections due in May",
            EventKind.ELECTION,
            "The talks come as Putin works to increase Russian influence in the Middle East while Rouhani "
            "attempts to show economic progress ahead of Iranian elections in May.",
            (iran,),
            location=iran,
            date="2017-05",
            date_text="in May",
        ),
        event(
            "Six-year Syrian war, in which Russia and Iran back the Assad government "
            "against U.S.-backed rebels",
            EventKind.WAR,
            "The brutal, six-year Syrian war has crucial implications for Russia, which holds its sole "
            "Middle East base in that country.",
            (syria, russia, iran),
            location=syria,
            cameo="19",
        ),
        event(
            "Russia launched attacks against militants in Syria from Iran's Hamadan Airbase",
            EventKind.ATTACK,
            "Last year, however, Iran allowed Russia to use the Hamadan Airbase to launch attacks against "
            "militants in Syria.",
            (russia, iran),
            location=syria,
            date="2016",
            date_text="Last year",
            cameo="195",
        ),
        event(
            "Bipartisan group of U.S. senators unveils a bill imposing tighter sanctions on Iran",
            EventKind.ANNOUNCEMENT,
            "But Trump has shown Iran only venom, and Tehran would face tighter U.S. sanctions over "
            "ballistic missile launches and other non-nuclear activities under a bill unveiled last week "
            "by a bipartisan group of senators.",
            (us, tehran),
            date="2017-03",
            date_text="last week",
        ),
    )

    def agreement(
        name: str,
        parties: tuple[Person | Place, ...],
        topics: tuple[str, ...],
        status: AgreementStatus,
        evidence: str,
        *,
        date: str | None = None,
        date_text: str | None = None,
    ) -> Agreement:
        span = _find(body, evidence)
        return Agreement(
            id=item_iri(article, "agreement", span.start, name),
            name=name,
            parties=tuple(p.id for p in parties),
            status=status,
            description=evidence,
            topics=topics,
            date_created=PartialDate.parse(date) if date else None,
            date_text=date_text,
            spans=(span,),
        )

    agreements = (
        agreement(
            "Putin and Rouhani agree to work together on economic, energy and military issues",
            (putin, rouhani),
            ("economics", "energy", "military"),
            AgreementStatus.AGREED,
            "Putin and Rouhani agreed to work together on economic, energy and military issues.",
            date="2017-03-28",
        ),
        agreement(
            "More than a dozen Russia-Iran agreements on economics, tourism, diplomacy and other issues",
            (russia, iran),
            ("economics", "tourism", "diplomacy"),
            AgreementStatus.SIGNED,
            signing_evidence,
            date="2017-03",
            date_text="this week",
        ),
        agreement(
            "Iran allows Russia to use Iranian military bases for airstrikes on a case-by-case basis",
            (iran, russia),
            ("military",),
            AgreementStatus.AGREED,
            "Iranian Foreign Minister Mohammad Javad Zarif said Tuesday that his nation has agreed to "
            'allow Russia to use Iranian military bases for airstrikes on a “case-by-case basis," '
            "Reuters reported.",
        ),
        agreement(
            "Iran nuclear deal with the West: sanctions eased in return for Iran reducing enriched uranium "
            "stockpiles and enrichment capacity",
            (iran, west),
            ("nuclear", "sanctions", "economics"),
            AgreementStatus.SIGNED,
            "Economic gains are crucial for Rouhani, who braved fierce attacks from conservatives in his own "
            "government for the historic nuclear deal signed with the West that eased economic sanctions in "
            "return for Iran reducing stockpiles of enriched uranium and its capacity to enrich more.",
        ),
    )

    return NewsArticle(
        id=article,
        headline=HEADLINE,
        article_body=body,
        date_published=dt.date(2017, 3, 28),
        in_language="en",
        about=(putin.id, rouhani.id, russia.id, iran.id),
        people=people,
        organizations=(reuters,),
        places=places,
        events=events,
        agreements=agreements,
        quotations=quotations,
    )
