"""from_rdf: model → RDF (any spelling, any store) → model is the identity."""

from __future__ import annotations

from typing import Any

import attrs
import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from seed_article import seed_article
from strategies import articles

from newsmodel.errors import FormatError
from newsmodel.model import NewsArticle, Person
from newsmodel.serialize import jsonld, rdf
from newsmodel.serialize.formats import Format
from newsmodel.serialize.rdf_read import RdfText, from_rdf
from newsmodel.store import OxigraphStore
from newsmodel.vocab import NM

SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _store(*items: NewsArticle) -> ox.Store:
    store = ox.Store()
    for item in items:
        store.load(rdf.to_nquads(item), format=ox.RdfFormat.N_QUADS, lenient=True)
    return store


def _iris_parse(article: NewsArticle) -> bool:
    """Whether every IRI of the article is one SPARQL and Oxigraph accept (the model is looser)."""
    try:
        list(ox.parse(rdf.to_nquads(article), format=ox.RdfFormat.N_QUADS))
    except SyntaxError:
        return False
    return True


@SETTINGS
@given(articles())
def test_identity_through_rdflib_graph_turtle_and_jsonld(article: NewsArticle) -> None:
    """to_rdflib, parsed Turtle, parsed N-Triples and parsed JSON-LD all read back to an equal model."""
    assert from_rdf(rdf.to_rdflib(article), article.id) == article
    turtle = rdflib.Graph().parse(data=rdf.to_turtle(article), format="turtle")
    assert from_rdf(turtle, article.id) == article
    nt = rdflib.Graph().parse(data=rdf.to_ntriples(article), format="nt")
    assert from_rdf(nt, article.id) == article
    assert from_rdf(jsonld.parse_jsonld(jsonld.dumps(article)), article.id) == article


@SETTINGS
@given(articles())
def test_identity_through_an_oxigraph_store(article: NewsArticle) -> None:
    """Loaded into an Oxigraph store next to another article, the article reads back equal, same bytes."""
    other = seed_article()
    back = from_rdf(_store(other, article), article.id)
    assert back == article
    assert rdf.to_turtle(back) == rdf.to_turtle(article)
    assert jsonld.dumps(back) == jsonld.dumps(article)


@SETTINGS
@given(articles())
def test_identity_through_the_project_store_and_rdf_text(article: NewsArticle) -> None:
    """The project's store (by SPARQL CONSTRUCT) and RdfText in each RDF format read back equal."""
    if not _iris_parse(article):  # SPARQL cannot name a graph whose IRI Oxigraph refuses
        article = attrs.evolve(seed_article(), id="https://example.org/stand-in", headline=article.headline)
    with OxigraphStore() as project_store:
        project_store.load(seed_article())
        project_store.load(article)
        assert from_rdf(project_store, article.id) == article
    assert from_rdf(RdfText(rdf.to_turtle(article), Format.TURTLE), article.id) == article
    assert from_rdf(RdfText(rdf.to_ntriples(article).encode(), Format.NTRIPLES), article.id) == article
    assert from_rdf(RdfText(rdf.to_nquads(article), Format.NQUADS), article.id) == article
    assert from_rdf(RdfText(jsonld.dumps(article), Format.JSONLD), article.id) == article


def test_seed_identity_everywhere() -> None:
    """The seed golden article survives every path: rdflib, Dataset, Oxigraph, SPARQL."""
    seed = seed_article()
    assert from_rdf(rdf.to_rdflib(seed), seed.id) == seed
    dataset = rdflib.Dataset()
    named = dataset.graph(rdflib.URIRef(seed.id))
    for triple in rdf.to_rdflib(seed):
        named.add(triple)
    dataset.graph(rdflib.URIRef("https://example.org/other")).add(
        (rdflib.URIRef(seed.id), rdflib.URIRef("http://schema.org/headline"), rdflib.Literal("elsewhere"))
    )
    assert from_rdf(dataset, seed.id) == seed
    assert from_rdf(_store(seed), seed.id) == seed
    assert from_rdf(RdfText(rdf.to_nquads(seed), Format.NQUADS), seed.id) == seed


def test_order_is_restored_and_only_written_when_needed() -> None:
    """Reversed alternate names come back reversed; sorted ones need no nm:order."""
    seed = seed_article()
    person = seed.people[0]
    names = ("Zed", "Alpha", "Mid")
    flipped = attrs.evolve(person, alternate_names=names)
    people = (flipped, *seed.people[1:])
    article = attrs.evolve(seed, people=people)
    node = next(m for m in jsonld.to_jsonld(article)["mentions"] if m["@id"] == person.id)
    assert node[NM + "order"] == ["alternateName 2 0 1"]
    back = from_rdf(rdf.to_rdflib(article), article.id)
    assert back.people[0].alternate_names == names
    in_order = attrs.evolve(person, alternate_names=tuple(sorted(names)))
    node = next(
        m
        for m in jsonld.to_jsonld(attrs.evolve(seed, people=(in_order, *seed.people[1:])))["mentions"]
        if m["@id"] == person.id
    )
    assert NM + "order" not in node


def test_missing_article_and_bad_sources_are_format_errors() -> None:
    """An IRI the graph lacks, an untyped source (bare text), broken text or a non-RDF format: FormatError."""
    graph = rdf.to_rdflib(seed_article())
    with pytest.raises(FormatError, match="no schema:NewsArticle"):
        from_rdf(graph, "https://example.org/absent")
    with pytest.raises(FormatError, match="cannot read RDF"):
        from_rdf(object(), seed_article().id)  # type: ignore[arg-type]
    with pytest.raises(FormatError, match="cannot read RDF"):
        from_rdf(rdf.to_turtle(seed_article()), seed_article().id)  # type: ignore[arg-type]
    with pytest.raises(FormatError, match="not valid turtle"):
        from_rdf(RdfText("<broken", Format.TURTLE), seed_article().id)
    with pytest.raises(FormatError, match="not an RDF format"):
        RdfText("{}", Format.JSON)


def test_broken_graphs_are_format_errors() -> None:
    """A graph missing a required field, or with a bad nm:order, fails with a readable FormatError."""
    seed = seed_article()
    graph = rdf.to_rdflib(seed)
    graph.remove((rdflib.URIRef(seed.id), rdflib.URIRef("http://schema.org/headline"), None))
    with pytest.raises(FormatError, match="headline"):
        from_rdf(graph, seed.id)
    graph = rdf.to_rdflib(seed)
    graph.add((rdflib.URIRef(seed.id), rdflib.URIRef(NM + "order"), rdflib.Literal("about 0 0 7")))
    with pytest.raises(FormatError, match="nm:order"):
        from_rdf(graph, seed.id)


def test_model_invariants_surface_as_format_errors() -> None:
    """A graph whose agreement has one party breaks the model; from_rdf says so as a FormatError."""
    seed = seed_article()
    agreement = seed.agreements[0]
    graph = rdf.to_rdflib(seed)
    party = rdflib.URIRef(NM + "party")
    for obj in list(graph.objects(rdflib.URIRef(agreement.id), party))[1:]:
        graph.remove((rdflib.URIRef(agreement.id), party, obj))
    graph.remove((rdflib.URIRef(agreement.id), rdflib.URIRef(NM + "order"), None))
    with pytest.raises(FormatError, match="two or more parties"):
        from_rdf(graph, seed.id)


def test_place_speaker_and_place_attendees_round_trip() -> None:
    """A quotation credited to a place and an event attended by places come back unchanged."""
    seed = seed_article()
    place = seed.places[0]
    quote = attrs.evolve(seed.quotations[0], speaker=place.id)
    event = attrs.evolve(seed.events[0], attendees=(seed.people[0].id, place.id), organizers=(place.id,))
    article = attrs.evolve(seed, quotations=(quote, *seed.quotations[1:]), events=(event, *seed.events[1:]))
    doc: dict[str, Any] = jsonld.to_jsonld(article)
    assert doc["hasPart"][0][NM + "speaker"] == {"@id": place.id}
    event_node = next(m for m in doc["mentions"] if m.get("@id") == event.id)
    assert {"@id": place.id} in event_node["attendee"] and {"@id": place.id} in event_node["organizer"]
    assert from_rdf(_store(article), article.id) == article


def test_older_place_attendees_still_read() -> None:
    """A graph of older versions, with places under nm:attendee and nm:organizer, reads the same."""
    seed = seed_article()
    place = seed.places[0]
    event = attrs.evolve(seed.events[0], attendees=(seed.people[0].id, place.id), organizers=(place.id,))
    article = attrs.evolve(seed, events=(event, *seed.events[1:]))
    graph = rdf.to_rdflib(article)
    node, schema = rdflib.URIRef(event.id), "http://schema.org/"
    for field in ("attendee", "organizer"):
        graph.remove((node, rdflib.URIRef(schema + field), rdflib.URIRef(place.id)))
        graph.add((node, rdflib.URIRef(NM + field), rdflib.URIRef(place.id)))
    assert (node, rdflib.URIRef(NM + "attendee"), rdflib.URIRef(place.id)) in graph
    assert from_rdf(graph, article.id) == article


def test_author_that_is_also_mentioned_is_one_object() -> None:
    """An author who is also a mentioned person reads back once, in both places."""
    seed = seed_article()
    author = seed.people[0]
    article = attrs.evolve(seed, authors=(author, Person(id="https://example.org/p/w", name="Writer")))
    back = from_rdf(rdf.to_rdflib(article), article.id)
    assert back == article
    assert back.authors[0] is back.people[0]
