"""Sample SPARQL queries over loaded articles, as named constants.

They use only the terms the serializer writes (``schema:`` and the project's
``nm:`` extension) and name every graph with ``GRAPH ?article``, so they run
the same on Oxigraph (whose default graph is separate), Fuseki, GraphDB and
Virtuoso. The README's main job and ``benchmarks/load.py`` use them.

>>> from newsmodel.store import OxigraphStore
>>> OxigraphStore().query(WHO_MET_WHOM).variables
('who', 'whom', 'where', 'when', 'kind', 'article')
"""

from __future__ import annotations

__all__ = [
    "AGREEMENTS",
    "PEOPLE",
    "PEOPLE_IN_SEVERAL_ARTICLES",
    "PREFIXES",
    "QUOTES",
    "SAMPLES",
    "WHO_MET_WHOM",
]

PREFIXES = """\
PREFIX schema: <http://schema.org/>
PREFIX nm: <https://w3id.org/newsmodel#>
"""

#: Who met whom, where and when: every pair of attendees of a meeting, talks or
#: a visit, with the place and date when the article gives them.
WHO_MET_WHOM = (
    PREFIXES
    + """\
SELECT DISTINCT ?who ?whom ?where ?when ?kind ?article WHERE {
  GRAPH ?article {
    ?event nm:eventKind ?kind .
    FILTER (?kind IN ("meeting", "talks", "visit"))
    ?event schema:attendee ?a, ?b .
    FILTER (STR(?a) < STR(?b))
    ?a schema:name ?who .
    ?b schema:name ?whom .
    OPTIONAL { ?event schema:location ?place . ?place schema:name ?where }
    OPTIONAL { ?event schema:startDate ?when }
  }
}
ORDER BY ?when ?who ?whom ?article
"""
)

#: Every person, with a job title and nationality, and in how many articles they appear.
PEOPLE = (
    PREFIXES
    + """\
SELECT ?person (SAMPLE(?name_) AS ?name) (SAMPLE(?title_) AS ?jobTitle)
       (SAMPLE(?country_) AS ?country) (COUNT(DISTINCT ?article) AS ?articles) WHERE {
  GRAPH ?article {
    ?person a schema:Person ; schema:name ?name_ .
    OPTIONAL { ?person schema:jobTitle ?title_ }
    OPTIONAL { ?person schema:nationality ?nation . ?nation schema:name ?country_ }
  }
}
GROUP BY ?person
ORDER BY DESC(?articles) ?name
"""
)

#: Who said what: every quotation with its speaker's name.
QUOTES = (
    PREFIXES
    + """\
SELECT ?speaker ?text ?article WHERE {
  GRAPH ?article {
    ?quote a schema:Quotation ; schema:text ?text .
    OPTIONAL { ?quote schema:spokenByCharacter ?who . ?who schema:name ?speaker }
  }
}
ORDER BY ?article ?speaker ?text
"""
)

#: Agreements with their status, date and parties (party names sorted where
#: the server keeps a subquery's order, as Oxigraph does).
AGREEMENTS = (
    PREFIXES
    + """\
SELECT ?agreement ?name ?status ?date
       (GROUP_CONCAT(?party_name; SEPARATOR=", ") AS ?parties) ?article WHERE {
  {
    SELECT DISTINCT ?agreement ?name ?status ?date ?party_name ?article WHERE {
      GRAPH ?article {
        ?agreement schema:additionalType nm:Agreement ; schema:name ?name ; nm:party ?party .
        ?party schema:name ?party_name .
        OPTIONAL { ?agreement nm:status ?status }
        OPTIONAL { ?agreement schema:dateCreated ?date }
      }
    }
    ORDER BY ?party_name
  }
}
GROUP BY ?agreement ?name ?status ?date ?article
ORDER BY ?date ?name
"""
)

#: People named in two or more articles: the join that per-article graphs with shared IRIs allow.
PEOPLE_IN_SEVERAL_ARTICLES = (
    PREFIXES
    + """\
SELECT ?person (SAMPLE(?name_) AS ?name) (COUNT(DISTINCT ?article) AS ?articles) WHERE {
  GRAPH ?article { ?person a schema:Person ; schema:name ?name_ }
}
GROUP BY ?person
HAVING (COUNT(DISTINCT ?article) >= 2)
ORDER BY DESC(?articles) ?name
"""
)

#: Every sample, by a short name (the benchmark times each).
SAMPLES: dict[str, str] = {
    "who_met_whom": WHO_MET_WHOM,
    "people": PEOPLE,
    "quotes": QUOTES,
    "agreements": AGREEMENTS,
    "people_in_several_articles": PEOPLE_IN_SEVERAL_ARTICLES,
}
