"""Model -> RDF -> store -> model is the identity, in the embedded store and on a real server."""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox
import pytest
from _oxigraph_server import oxigraph_server
from _store_helpers import article
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import articles

from newsmodel.model import NewsArticle
from newsmodel.serialize.rdf import to_nquads
from newsmodel.serialize.rdf_read import from_rdf
from newsmodel.store import OxigraphStore, SparqlStore

_EMBEDDED = OxigraphStore()


def storable(article: NewsArticle) -> bool:
    """Whether every IRI of the article is one RFC 3987 (and so Oxigraph) accepts.

    The model accepts some IRIs that triple stores refuse (a ``%`` without two
    hex digits, ``[`` outside a host); the store refuses those with a
    StoreError (tested in test_store_oxigraph.py), so the identity is drawn
    over the articles a store can hold.
    """
    try:
        list(ox.parse(to_nquads(article), format=ox.RdfFormat.N_QUADS))
    except SyntaxError:
        return False
    return True


def stored_articles() -> st.SearchStrategy[NewsArticle]:
    return articles().filter(storable)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stored_articles())
def test_generated_articles_come_back_from_the_embedded_store(generated: NewsArticle) -> None:
    """Any valid model, loaded alone into the embedded store, reads back equal."""
    _EMBEDDED.load(generated)
    assert from_rdf(_EMBEDDED.graph(generated.id), generated.id) == generated
    assert from_rdf(_EMBEDDED, generated.id) == generated
    assert _EMBEDDED.remove(generated.id)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stored_articles(), stored_articles())
def test_generated_articles_survive_a_bulk_load_together(first: NewsArticle, second: NewsArticle) -> None:
    """Two generated articles bulk-loaded in one transaction read back equal (blank nodes never merge)."""
    if first.id == second.id:
        return
    with OxigraphStore() as store:
        store.load_many([first, second])
        assert from_rdf(store.graph(first.id), first.id) == first
        assert from_rdf(store.graph(second.id), second.id) == second


def test_seed_comes_back_from_the_embedded_store(seed: NewsArticle) -> None:
    """The seed article, bulk-loaded beside another and read back (by graph or by store), is equal."""
    with OxigraphStore() as store:
        store.load_many([seed, article(1)])
        assert from_rdf(store.graph(seed.id), seed.id) == seed
        assert from_rdf(store, seed.id) == seed


@pytest.fixture(scope="module")
def remote(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SparqlStore]:
    """A SparqlStore on a real Oxigraph server for this module."""
    with oxigraph_server(tmp_path_factory.mktemp("rt") / "db") as url, SparqlStore(url) as store:
        yield store


def test_seed_comes_back_from_the_server(remote: SparqlStore, seed: NewsArticle) -> None:
    """The seed PUT to a real server, fetched back by Graph Store GET or by CONSTRUCT, is equal."""
    remote.load(seed)
    assert from_rdf(remote.graph(seed.id), seed.id) == seed
    assert from_rdf(remote, seed.id) == seed


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(generated=stored_articles())
def test_generated_articles_come_back_from_the_server(remote: SparqlStore, generated: NewsArticle) -> None:
    """Any valid model PUT to a real server reads back equal."""
    remote.load(generated)
    assert from_rdf(remote.graph(generated.id), generated.id) == generated
    remote.remove(generated.id)
