"""Namespaces users already have: our namespace objects find our data; https-spelled queries find it too."""

from __future__ import annotations

import rdflib
from rdflib.namespace import SDO
from seed_article import seed_article

from newsmodel.namespaces import NM, SCHEMA, http_schema_iris
from newsmodel.serialize.rdf import to_rdflib
from newsmodel.store import OxigraphStore


def test_namespace_objects_find_our_triples() -> None:
    """SCHEMA.headline finds the headline in our graph, and rdflib's https SDO does not (why we offer it)."""
    article = seed_article()
    graph = to_rdflib(article)
    subject = rdflib.URIRef(article.id)
    assert str(graph.value(subject, SCHEMA.headline)) == article.headline
    assert graph.value(subject, SDO.headline) is None
    assert any(True for _ in graph.triples((None, NM.evidence, None)))


def test_query_with_https_schema_iris_finds_our_data() -> None:
    """The same SELECT with http and with https schema.org IRIs gives the same rows from the store."""
    article = seed_article()
    query = (
        "PREFIX s: <{ns}> SELECT ?name WHERE {{ GRAPH ?g {{ ?p a s:Person ; s:name ?name }} }} ORDER BY ?name"
    )
    with OxigraphStore() as store:
        store.load(article)
        http_rows = store.query(query.format(ns="http://schema.org/")).rows
        https_rows = store.query(query.format(ns="https://schema.org/")).rows
    assert http_rows and http_rows == https_rows


def test_rewrite_leaves_strings_and_comments_alone() -> None:
    """Only IRI references change: a string or a comment naming the https namespace is kept byte for byte."""
    query = 'SELECT * { ?a <https://schema.org/name> "<https://schema.org/x>" } # <https://schema.org/y>\n'
    assert http_schema_iris(query) == query.replace(
        "<https://schema.org/name>", "<http://schema.org/name>", 1
    )
    assert http_schema_iris("ASK {}") == "ASK {}"
