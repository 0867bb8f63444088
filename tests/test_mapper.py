"""The mapper end to end: the seed's people, quotations, events and agreements, and the assembly rules."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from newsmodel import read_text
from newsmodel.extract import mapper
from newsmodel.extract.records import EntityIndex, EntityRecord, Mention
from newsmodel.ids import DEFAULT_BASE
from newsmodel.model import (
    Agreement,
    EventKind,
    NewsArticle,
    OrganizationKind,
    Person,
    Quotation,
)
from newsmodel.read.document import Document
from newsmodel.read.text import read_document, read_sidecar, sidecar_path

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_f91c40fb5c9215a3.txt"

# What the seed states (written from reading it): name, title, country of the title.
SEED_PEOPLE = [
    ("Vladimir Putin", "President", "Russia"),
    ("Hassan Rouhani", "President", "Iran"),
    ("Bashar Assad", "President", "Syria"),
    ("Mohammad Javad Zarif", "Foreign Minister", "Iran"),
    ("Trump", "President", "United States"),
]
SEED_QUOTES = [
    ("reliable and stable partner", "Vladimir Putin"),
    ("good neighbor and reliable and stable partner.", "Vladimir Putin"),
    ("Russia and Iran share many years, if not centuries, of bilateral cooperation,", "Vladimir Putin"),
    ("Our ultimate goal is strengthening peace and stability in the region,", "Hassan Rouhani"),
    ("case-by-case basis,", "Mohammad Javad Zarif"),
]
_SAME_COUNTRY = {"united states": {"u s", "us", "united states", "america", "usa"}}


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def _names(article: NewsArticle, iri: str | None) -> set[str]:
    entity = article.entity(iri) if iri else None
    return {_norm(n) for n in (entity.name, *entity.alternate_names)} if entity is not None else set()


def _is(article: NewsArticle, iri: str | None, name: str) -> bool:
    wanted = _SAME_COUNTRY.get(_norm(name), {_norm(name)})
    return bool(_names(article, iri) & wanted)


def _person(article: NewsArticle, name: str) -> Person:
    found = [p for p in article.people if _norm(name) in {_norm(n) for n in (p.name, *p.alternate_names)}]
    assert len(found) == 1, f"{name}: {[p.name for p in article.people]}"
    return found[0]


@pytest.fixture(scope="module")
def seed() -> NewsArticle:
    return read_text(SEED.read_bytes(), read_sidecar(sidecar_path(SEED)))


def test_seed_people_have_titles_and_countries(seed: NewsArticle) -> None:
    """Every person the seed names is found once, with the title and the country the title belongs to."""
    for name, title, country in SEED_PEOPLE:
        person = _person(seed, name)
        assert person.job_title is not None, name
        assert _norm(title) in _norm(person.job_title), (name, person.job_title)
        assert _is(seed, person.nationality, country), (name, _names(seed, person.nationality))


def test_seed_surface_forms_are_one_entity(seed: NewsArticle) -> None:
    """'Putin' and 'Vladimir Putin' are one person, with the short form as an alternate name."""
    putin = _person(seed, "Vladimir Putin")
    assert putin.name == "Vladimir Putin"
    assert "Putin" in putin.alternate_names
    assert len(putin.spans) >= 5


def test_seed_places_and_metonymy(seed: NewsArticle) -> None:
    """Countries, the region, the Kremlin and Tehran are places; the Kremlin and Tehran also act as bodies."""
    places = {p.name: p for p in seed.places}
    for name in ("Russia", "Iran", "Syria", "Middle East", "Kremlin", "Tehran"):
        assert name in places, sorted(places)
    assert places["Iran"].kind.value == "Country" and places["Tehran"].kind.value == "City"
    assert places["Iran"].same_as, "countries link to GeoNames"
    assert places["Kremlin"].also_organization and places["Tehran"].also_organization
    assert any(o.name == "Reuters" for o in seed.organizations)


def test_seed_quotations_have_their_speakers(seed: NewsArticle) -> None:
    """Every quotation of the seed is found with the person it is credited to."""
    for text, speaker in SEED_QUOTES:
        found = [q for q in seed.quotations if q.text == text]
        assert len(found) == 1, (text, [q.text for q in seed.quotations])
        assert _is(seed, found[0].speaker, speaker), (text, _names(seed, found[0].speaker))


def test_seed_kremlin_meeting(seed: NewsArticle) -> None:
    """The meeting at the Kremlin on 2017-03-28 has both presidents, its place, date and evidence.

    The headline's "Putin meets with Iranian leader" is a second mention of it
    (no body span, only the one named participant); the body's is checked here.
    """
    meetings = [e for e in seed.events if e.kind is EventKind.MEETING and e.spans]
    assert meetings, [e.kind for e in seed.events]
    meeting = meetings[0]
    assert any(_is(seed, a, "Vladimir Putin") for a in meeting.attendees)
    assert any(_is(seed, a, "Hassan Rouhani") for a in meeting.attendees)
    assert _is(seed, meeting.location, "Kremlin")
    assert str(meeting.start_date) == "2017-03-28" and meeting.date_text == "on Tuesday"
    assert meeting.description is not None and meeting.description.startswith("Russian President")


def test_seed_relative_dates_resolve(seed: NewsArticle) -> None:
    """Events dated 'in May' (elections ahead) and 'last year' resolve against 2017-03-28."""
    dated = {e.date_text: str(e.start_date) for e in seed.events if e.date_text}
    assert dated.get("in May") == "2017-05", dated
    assert dated.get("Last year") == "2016", dated


def test_seed_agreements(seed: NewsArticle) -> None:
    """Putin and Rouhani agree, and Russia and Iran sign agreements on economics and tourism this week."""

    def parties(agreement: Agreement) -> set[str]:
        return set().union(*(_names(seed, p) for p in agreement.parties))

    pairs = [parties(a) for a in seed.agreements]
    assert any({"vladimir putin", "hassan rouhani"} <= names for names in pairs), pairs
    signed = [
        a for a in seed.agreements if {"russia", "iran"} <= parties(a) and "signed" in (a.description or "")
    ]
    assert signed, [(a.name, a.parties) for a in seed.agreements]
    assert {"economics", "tourism"} <= set(signed[0].topics)


def test_seed_spans_point_at_the_text(seed: NewsArticle) -> None:
    """Every entity span slices one of its names; every quotation in the body has a span over its words."""
    body = seed.article_body or ""
    flat = body.replace("\u00a0", " ").replace("\u201c", '"')
    for entity in seed.entities:
        names = {_norm(n) for n in (entity.name, *entity.alternate_names)}
        for span in entity.spans:
            assert _norm(span.slice(flat)) in names, (entity.name, span.slice(flat))
    in_body = [q for q in seed.quotations if q.text in flat and q.text not in seed.headline]
    assert len(in_body) >= 4
    for quote in in_body:
        assert quote.spans, quote.text
        assert " ".join(s.slice(flat) for s in quote.spans).strip() == quote.text


def test_seed_article_metadata(seed: NewsArticle) -> None:
    """Headline and date come from the sidecar, the IRI is minted from the text, the language is English."""
    meta = json.loads(sidecar_path(SEED).read_text())
    assert seed.headline == meta["headline"]
    assert seed.date_published == dt.date.fromisoformat(meta["datePublished"])
    assert seed.id.startswith(f"{DEFAULT_BASE}article/")
    assert seed.in_language == "en"
    assert seed.about and _is(seed, seed.about[0], "Vladimir Putin")


def test_seed_output_validates_and_round_trips(seed: NewsArticle) -> None:
    """The seed's article passes the JSON Schema and reads back equal."""
    from newsmodel.serialize.json import from_dict, to_dict

    assert from_dict(to_dict(seed)) == seed


def test_mapping_is_deterministic() -> None:
    """The same text gives an equal article, twice."""
    data = SEED.read_bytes()
    meta = read_sidecar(sidecar_path(SEED))
    assert read_text(data, meta) == read_text(data, meta)


def test_no_publication_date_means_no_relative_dates() -> None:
    """Without datePublished the seed (which states no year) gets no event or agreement dates at all."""
    article = read_text(SEED.read_bytes())
    assert article.date_published is None
    assert article.events
    assert all(e.start_date is None for e in article.events)
    assert all(a.date_created is None for a in article.agreements)


def test_metadata_fills_publisher_authors_and_url() -> None:
    """Publisher (news media), authors and URL come from the sidecar; the URL is the article IRI."""
    article = read_text(
        "Lee visits Paris\n\nAnn Lee, the French Foreign Minister, arrived in Paris on Tuesday.",
        {
            "url": "https://news.example.com/a",
            "datePublished": "2019-11-19",
            "publisher": "Example News",
            "author": ["Bo Chen", "Example News"],
            "inLanguage": "en-GB",
        },
    )
    assert article.id == "https://news.example.com/a" == article.url
    assert article.publisher is not None and article.publisher.kind is OrganizationKind.NEWS_MEDIA
    assert [a.name for a in article.authors] == ["Bo Chen", "Example News"]
    assert article.authors[1] is article.publisher
    assert article.in_language == "en-GB"


def test_base_changes_entity_iris() -> None:
    """A custom base puts every minted entity IRI under it."""
    base = "https://kg.example.org/id/"
    article = read_text("Lee visits Paris\n\nAnn Lee arrived in Paris on Tuesday.", base=base)
    assert article.entities and all(e.id.startswith(base) for e in article.entities)


def test_wire_dateline_gives_dateline_and_content_location() -> None:
    """A wire dateline ("PARIS, France (AP) -") becomes the dateline, and its place the content location."""
    article = read_text("Talks end\n\nPARIS, France (AP) \u2014 Ann Lee met Bo Chen in Paris on Tuesday.")
    assert article.dateline == "PARIS, France"
    assert _is(article, article.content_location, "Paris")
    plain = read_text("Talks end\n\nA Paris court ruled on Tuesday that the talks may go on.")
    assert plain.dateline is None and plain.content_location is None


# --------------------------------------------------------------------------- robustness of assembly


def _doc() -> tuple[Document, EntityIndex, dict[str, EntityRecord]]:
    doc = read_document("Talks\n\nAnn Lee met Bo Chen. Ann Lee said it went well.")
    ann = EntityRecord(kind="person", name="Ann Lee", iri=f"{DEFAULT_BASE}person/ann-lee", confidence=0.9)
    bo = EntityRecord(kind="person", name="Bo Chen", iri=f"{DEFAULT_BASE}person/bo-chen")
    # a nationality never named in the text, and a duplicate record of the same person
    nowhere = EntityRecord(
        kind="place", name="Atlantis", iri=f"{DEFAULT_BASE}place/atlantis", subtype="Country"
    )
    bo.nationality = nowhere
    twin = EntityRecord(kind="person", name="Ann Lee", iri=ann.iri, aliases=["Lee"])
    text = doc.text
    mentions = [Mention(text.index("Ann Lee"), text.index("Ann Lee") + 7, ann)]
    mentions.append(Mention(text.index("Bo Chen"), text.index("Bo Chen") + 7, bo))
    mentions.append(Mention(text.rindex("Ann Lee"), text.rindex("Ann Lee") + 7, twin))
    return doc, EntityIndex(records=[ann, bo, twin], mentions=mentions), {"ann": ann, "bo": bo}


def _patch(monkeypatch: pytest.MonkeyPatch, index: EntityIndex, **frames: Any) -> None:
    from newsmodel.extract import agreements, analysis, events, quotes

    monkeypatch.setattr(analysis, "find_entities", lambda *a, **k: index)
    monkeypatch.setattr(quotes, "find_quotations", lambda *a, **k: frames.get("quotes", []))
    monkeypatch.setattr(events, "find_events", lambda *a, **k: frames.get("events", []))
    monkeypatch.setattr(agreements, "find_agreements", lambda *a, **k: frames.get("agreements", []))


def test_referenced_records_are_included_and_duplicates_merged(monkeypatch: pytest.MonkeyPatch) -> None:
    """A nationality never mentioned still becomes a Place; two records with one IRI become one entity."""
    doc, index, rec = _doc()
    _patch(monkeypatch, index)
    article = mapper.map_document(doc)
    assert [p.name for p in article.people] == ["Ann Lee", "Bo Chen"]
    ann = article.people[0]
    assert ann.alternate_names == ("Lee",) and len(ann.spans) == 2 and ann.confidence == 0.9
    assert article.places[0].name == "Atlantis" and article.people[1].nationality == article.places[0].id
    assert article.about == (rec["ann"].iri,)


def test_unresolvable_references_are_dropped_not_fatal(monkeypatch: pytest.MonkeyPatch) -> None:
    """A speaker or party the article lacks is removed; an agreement left with one party is dropped."""
    doc, index, rec = _doc()
    ghost = f"{DEFAULT_BASE}person/ghost"
    quote = Quotation(id="urn:x:q", text="it went well", speaker=ghost)
    deal = Agreement(id="urn:x:a", name="deal", parties=(rec["ann"].iri, ghost))
    good = Agreement(id="urn:x:b", name="deal", parties=(rec["ann"].iri, rec["bo"].iri))
    _patch(monkeypatch, index, quotes=[quote, quote], agreements=[deal, good])
    article = mapper.map_document(doc)
    assert [q.speaker for q in article.quotations] == [None]
    assert [a.id for a in article.agreements] == ["urn:x:b"]


def test_extractor_bug_becomes_extraction_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """An unexpected exception inside an extractor surfaces as ExtractionError naming the stage."""
    from newsmodel.errors import ExtractionError
    from newsmodel.extract import events

    doc, index, _ = _doc()
    _patch(monkeypatch, index)

    def broken(*args: object, **kwargs: object) -> list[object]:
        raise IndexError("boom")

    monkeypatch.setattr(events, "find_events", broken)
    with pytest.raises(ExtractionError, match="events"):
        mapper.map_document(doc)
