"""The JSON-LD writer: shape, determinism, the mapping table, offline parsing."""

from __future__ import annotations

import datetime as dt
import socket
from typing import Any

import attrs
import orjson
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from seed_article import seed_article
from strategies import articles

from newsmodel.errors import FormatError
from newsmodel.model import (
    Agreement,
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
)
from newsmodel.serialize import jsonld
from newsmodel.vocab import NM, SCHEMA

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
BASE = "https://example.org/"


def _nodes(doc: Any) -> list[dict[str, Any]]:
    """Every node object (dict with @type) in a JSON-LD tree."""
    found = []
    if isinstance(doc, dict):
        if "@type" in doc and "@value" not in doc:
            found.append(doc)
        for value in doc.values():
            found.extend(_nodes(value))
    elif isinstance(doc, list):
        for item in doc:
            found.extend(_nodes(item))
    return found


def _small(**fields: Any) -> NewsArticle:
    return NewsArticle(id=BASE + "a", headline="Headline", **fields)


@SETTINGS
@given(articles())
def test_same_model_gives_same_bytes(article: NewsArticle) -> None:
    """Two dumps of one model, and of an equal copy of it, are byte-identical."""
    copy = attrs.evolve(article)
    assert jsonld.dumps(article) == jsonld.dumps(article) == jsonld.dumps(copy)


@SETTINGS
@given(articles())
def test_context_is_schema_org_and_tree_round_trips_json(article: NewsArticle) -> None:
    """The context is exactly "https://schema.org" and the text is the JSON of the dict."""
    doc = jsonld.to_jsonld(article)
    assert doc["@context"] == "https://schema.org"
    assert doc["@type"] == "NewsArticle"
    assert doc["@id"] == article.id
    assert orjson.loads(jsonld.dumps(article)) == doc


@SETTINGS
@given(articles())
def test_every_entity_is_a_mention_with_its_full_node_once(article: NewsArticle) -> None:
    """mentions lists every entity, event and agreement; each @id is described by one full node."""
    doc = jsonld.to_jsonld(article)
    mentioned = [m["@id"] for m in doc.get("mentions", [])]
    expected = [e.id for e in article.entities]
    expected += [e.id for e in article.events] + [a.id for a in article.agreements]
    assert mentioned == expected
    full = [n["@id"] for n in _nodes(doc) if "@id" in n and n is not doc]
    assert len(full) == len(set(full))
    described = set(full)
    ids = [e.id for e in (*article.entities, *article.authors)]
    ids += [e.id for e in article.events] + [a.id for a in article.agreements]
    assert set(ids) <= described


def test_seed_author_publisher_and_quotations_follow_the_table() -> None:
    """The seed's quotations are hasPart Quotations whose speaker is an @id reference."""
    article = seed_article()
    doc = jsonld.to_jsonld(article)
    assert doc["headline"] == article.headline
    assert doc["articleBody"] == article.article_body
    parts = doc["hasPart"]
    assert [p["@type"] for p in parts] == ["Quotation"] * len(article.quotations)
    for part, quote in zip(parts, article.quotations, strict=True):
        assert part["text"] == quote.text
        if quote.speaker is not None:
            assert part["spokenByCharacter"] == {"@id": quote.speaker}


def test_place_and_organization_kinds_map_to_schema_types() -> None:
    """Each PlaceKind and OrganizationKind becomes its schema.org type (Region: Place + nm:Region)."""
    places = tuple(Place(id=f"{BASE}place/{kind.name}", name=kind.value, kind=kind) for kind in PlaceKind)
    orgs = tuple(
        Organization(id=f"{BASE}org/{kind.name}", name=kind.value, kind=kind) for kind in OrganizationKind
    )
    doc = jsonld.to_jsonld(_small(places=places, organizations=orgs))
    types = {m["@id"]: m["@type"] for m in doc["mentions"]}
    assert types[f"{BASE}place/COUNTRY"] == "Country"
    assert types[f"{BASE}place/CITY"] == "City"
    assert types[f"{BASE}place/ADMINISTRATIVE_AREA"] == "AdministrativeArea"
    assert types[f"{BASE}place/LANDMARK"] == "LandmarksOrHistoricalBuildings"
    assert types[f"{BASE}place/OTHER"] == types[f"{BASE}place/REGION"] == "Place"
    region = next(m for m in doc["mentions"] if m["@id"] == f"{BASE}place/REGION")
    assert region["additionalType"] == {"@id": NM + "Region"}
    for kind in OrganizationKind:
        assert types[f"{BASE}org/{kind.name}"] == kind.value


def test_event_and_agreement_nodes() -> None:
    """Events carry kind, CAMEO code and typed dates; agreements are CreativeWork + nm:Agreement."""
    putin = Person(id=BASE + "p/1", name="A Person")
    org = Organization(id=BASE + "o/1", name="An Org")
    event = Event(
        id=BASE + "e/1",
        name="meeting",
        kind=EventKind.MEETING,
        cameo_code="040",
        start_date=PartialDate(year=2017, month=3),
        end_date=PartialDate(year=2017, month=3, day=30),
        attendees=(putin.id, org.id),
        date_text="in March",
    )
    deal = Agreement(
        id=BASE + "g/1",
        name="deal",
        parties=(putin.id, org.id),
        topics=("energy", "trade"),
        date_created=PartialDate(year=2016),
    )
    doc = jsonld.to_jsonld(_small(people=(putin,), organizations=(org,), events=(event,), agreements=(deal,)))
    event_node, deal_node = doc["mentions"][2:]
    assert event_node["@type"] == "Event"
    assert event_node[NM + "eventKind"] == "meeting"
    assert event_node[NM + "cameoCode"] == "040"
    assert event_node["startDate"] == "2017-03"
    assert event_node["endDate"] == "2017-03-30"
    assert event_node["attendee"] == [{"@id": putin.id}, {"@id": org.id}]
    assert deal_node["@type"] == "CreativeWork"
    assert deal_node["additionalType"] == {"@id": NM + "Agreement"}
    assert deal_node[NM + "party"] == [{"@id": putin.id}, {"@id": org.id}]
    assert deal_node["keywords"] == ["energy", "trade"]
    assert deal_node["dateCreated"] == "2016"
    assert deal_node[NM + "status"] == "agreed"


def test_timestamps_images_and_provenance() -> None:
    """Datetimes keep their offset as plain ISO 8601 strings; images are ImageObjects; evidence in full."""
    when = dt.datetime(2017, 3, 28, 10, 5, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    author = Person(id=BASE + "p/9", name="Writer", spans=(Span(start=0, end=2),), confidence=0.25)
    article = _small(
        article_body="Hi there",
        date_published=when,
        date_modified=dt.date(2017, 3, 29),
        authors=(author,),
        images=(Image(url=BASE + "i.jpg", width=800, height=600, caption="A caption"),),
        quotations=(Quotation(id=BASE + "q/1", text="there", partial=True, spans=(Span(start=3, end=8),)),),
    )
    doc = jsonld.to_jsonld(article)
    assert doc["datePublished"] == "2017-03-28T10:05:00+03:00"
    assert doc["dateModified"] == "2017-03-29"
    assert doc["author"][0]["name"] == "Writer"  # embedded in full, for search engines
    assert doc["author"][0][NM + "evidence"] == [{NM + "start": 0, NM + "end": 2}]
    assert doc["author"][0][NM + "confidence"] == {"@type": "xsd:decimal", "@value": "0.25"}
    image = doc["image"][0]
    assert image["@type"] == "ImageObject"
    assert image["width"] == {"@type": "QuantitativeValue", "value": 800, "unitCode": "E37"}
    assert doc["hasPart"][0][NM + "partial"] is True


def test_parse_jsonld_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """With every socket refused, the seed's JSON-LD still parses (the context is bundled)."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network touched")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    graph = jsonld.parse_jsonld(jsonld.dumps(seed_article()))
    article = rdflib.URIRef(seed_article().id)
    assert (article, rdflib.RDF.type, rdflib.URIRef(SCHEMA + "NewsArticle")) in graph


def test_parse_jsonld_refuses_other_remote_contexts_and_bad_json() -> None:
    """A context URL that is not schema.org, or text that is not JSON, is a FormatError."""
    with pytest.raises(FormatError, match="never fetches"):
        jsonld.parse_jsonld('{"@context": "https://example.org/ctx", "@id": "https://e.org/x"}')
    with pytest.raises(FormatError, match="not JSON"):
        jsonld.parse_jsonld("{not json")


def test_parse_jsonld_accepts_schema_org_spellings_in_a_context_list() -> None:
    """http/https, with or without slash, inside a list: all map to the bundled context."""
    text = orjson.dumps(
        {"@context": ["http://schema.org/", {"ex": "https://example.org/"}], "@id": "ex:x", "name": "X"}
    )
    graph = jsonld.parse_jsonld(text)
    name = rdflib.URIRef(SCHEMA + "name")
    assert (rdflib.URIRef("https://example.org/x"), name, rdflib.Literal("X")) in graph
