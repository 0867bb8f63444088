"""Articles that name the same person or country share one node, so queries join across articles."""

from __future__ import annotations

import pytest
from _store_helpers import article

from newsmodel.ids import entity_iri
from newsmodel.store import OxigraphStore
from newsmodel.store.queries import PEOPLE_IN_SEVERAL_ARTICLES, WHO_MET_WHOM

SCHEMA = "PREFIX schema: <http://schema.org/>\n"


@pytest.fixture
def store() -> OxigraphStore:
    """Two articles: both name Ada Example of Freedonia; each has one other person."""
    first = article(1, people=(("Ada Example", "Freedonia"), ("Bo Other", "Sylvania")))
    second = article(2, people=(("Ada Example", "Freedonia"), ("Cy Third", "Freedonia")))
    store = OxigraphStore()
    store.load_many([first, second])
    return store


def test_same_person_is_one_node_in_two_graphs(store: OxigraphStore) -> None:
    """The person both articles name is one IRI, present in both article graphs."""
    rows = store.query(
        SCHEMA + 'SELECT DISTINCT ?p ?g WHERE { GRAPH ?g { ?p a schema:Person ; schema:name "Ada Example" } }'
    ).rows
    assert {row["p"] for row in rows} == {entity_iri("person", "Ada Example")}
    assert len({row["g"] for row in rows}) == 2


def test_same_country_is_one_node(store: OxigraphStore) -> None:
    """Freedonia, named by both articles, is one Country node; two people hold that nationality."""
    rows = store.query(
        SCHEMA
        + """SELECT (COUNT(DISTINCT ?c) AS ?countries) (COUNT(DISTINCT ?p) AS ?people) WHERE {
               GRAPH ?g { ?c a schema:Country ; schema:name "Freedonia" }
               GRAPH ?h { ?p schema:nationality ?c } }"""
    ).rows
    assert rows == ({"countries": 1, "people": 2},)


def test_query_joins_across_articles(store: OxigraphStore) -> None:
    """A query follows the shared person from one article's meeting to the other's."""
    rows = store.query(
        SCHEMA
        + """SELECT DISTINCT ?shared ?met_first ?met_second WHERE {
               GRAPH ?g1 { ?e1 schema:attendee ?p, ?a . ?a schema:name ?met_first . ?p schema:name ?shared }
               GRAPH ?g2 { ?e2 schema:attendee ?p, ?b . ?b schema:name ?met_second }
               FILTER (?g1 != ?g2 && ?a != ?p && ?b != ?p && STR(?g1) < STR(?g2))
             }"""
    ).rows
    assert rows == ({"shared": "Ada Example", "met_first": "Bo Other", "met_second": "Cy Third"},)


def test_sample_queries_see_the_join(store: OxigraphStore) -> None:
    """The samples list Ada in two articles and one meeting per article."""
    several = store.query(PEOPLE_IN_SEVERAL_ARTICLES).rows
    assert [(row["name"], row["articles"]) for row in several] == [("Ada Example", 2)]
    met = store.query(WHO_MET_WHOM).rows
    assert sorted((row["who"], row["whom"]) for row in met) == [
        ("Ada Example", "Bo Other"),
        ("Ada Example", "Cy Third"),
    ]


def test_every_triple_lives_in_an_article_graph(store: OxigraphStore) -> None:
    """The default graph stays empty: nothing is written outside the article graphs."""
    assert not store.query("ASK { ?s ?p ?o }")
    assert store.query("ASK { GRAPH ?g { ?s ?p ?o } }")


FIRST_TEXT = """Leaders meet in Lisbon

German Chancellor Angela Merkel met French President Emmanuel Macron in Lisbon on Monday to discuss trade, \
officials said.

"We agreed to work together," Merkel said after the talks.
"""
SECOND_TEXT = """Talks continue in Madrid

French President Emmanuel Macron met Spanish Prime Minister Pedro Sanchez in Madrid on Thursday.

"Europe must stay united," Macron told reporters.
"""


def test_mapped_articles_join_through_the_shared_person() -> None:
    """Two texts run through the mapper share one IRI for the person and the country both name."""
    from newsmodel import read_text

    first = read_text(FIRST_TEXT, {"datePublished": "2019-05-06"})
    second = read_text(SECOND_TEXT, {"datePublished": "2019-05-09"})
    macron = entity_iri("person", "Emmanuel Macron")
    france = entity_iri("place", "France")
    for mapped in (first, second):
        assert macron in {p.id for p in mapped.people}
        assert france in {p.id for p in mapped.places}
    with OxigraphStore() as store:
        store.load_many([first, second])
        several = store.query(PEOPLE_IN_SEVERAL_ARTICLES).rows
        assert [(row["person"], row["articles"]) for row in several] == [(macron, 2)]
        rows = store.query(
            SCHEMA
            + """SELECT DISTINCT ?name WHERE {
                   GRAPH ?g1 { ?e1 schema:attendee ?merkel, ?link . ?merkel schema:name "Angela Merkel" }
                   GRAPH ?g2 { ?e2 schema:attendee ?link, ?other . ?other schema:name ?name }
                   FILTER (?g1 != ?g2 && ?other != ?link && ?link != ?merkel)
                 }"""
        ).rows
        assert [row["name"] for row in rows] == ["Pedro Sanchez"]
