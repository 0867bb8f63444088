"""Every emitted type and property is in schema.org 30.0 (fitting domain and range) or nm:."""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict
from functools import cache
from pathlib import Path

import attrs
import orjson
import pyoxigraph as ox
from _shared import SHARED
from hypothesis import HealthCheck, given, settings
from seed_article import seed_article
from strategies import articles

from newsmodel.model import NewsArticle, PlaceKind
from newsmodel.serialize import rdf
from newsmodel.vocab import FIELDS, KEYS, NM, ORGANIZATION_TYPES, PLACE_TYPES, RDF_TYPE, SCHEMA, TYPES, XSD

ROOT = Path(__file__).resolve().parents[1]
FULL_VOCAB = SHARED / "vocab" / "schemaorg-30.0" / "schemaorg-current-http.ttl"
EXTENSION = ROOT / "schemas" / "newsmodel.ttl"

RDFS = "http://www.w3.org/2000/01/rdf-schema#"
RDF_PROPERTY = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property"
#: What schema.org datatype each literal datatype we write stands for.
LITERAL_TYPES = {
    None: "Text",
    XSD + "string": "Text",
    XSD + "integer": "Integer",
    XSD + "decimal": "Number",
    XSD + "boolean": "Boolean",
    XSD + "dateTime": "DateTime",
    XSD + "date": "Date",
    XSD + "gYearMonth": "Date",
    XSD + "gYear": "Date",
    SCHEMA + "Date": "Date",
}
#: The one declared departure from schema.org's rangeIncludes (docs/mapping.md,
#: "Event"): a country or a place standing for a body takes part in an event as a
#: party, so it is an attendee or organizer like a person or an organization.
PARTY_PLACES = {SCHEMA + "attendee": SCHEMA + "Place", SCHEMA + "organizer": SCHEMA + "Place"}


class Vocabulary:
    """Classes, properties, superclasses, domains and ranges of schema.org plus the extension."""

    def __init__(self) -> None:
        self.classes: set[str] = set()
        self.properties: set[str] = set()
        self.parents: dict[str, set[str]] = defaultdict(set)
        self.domains: dict[str, set[str]] = defaultdict(set)
        self.ranges: dict[str, set[str]] = defaultdict(set)
        self.extension: set[str] = set()
        self._read(FULL_VOCAB, schema_style=True)
        self._read(EXTENSION, schema_style=False)

    def _read(self, path: Path, schema_style: bool) -> None:
        domain = SCHEMA + "domainIncludes" if schema_style else RDFS + "domain"
        range_ = SCHEMA + "rangeIncludes" if schema_style else RDFS + "range"
        for triple in ox.parse(path=path, format=ox.RdfFormat.TURTLE):
            s, p, o = triple.subject, triple.predicate.value, triple.object
            if not isinstance(s, ox.NamedNode):
                continue
            if not schema_style:
                self.extension.add(s.value)
            if p == RDF_TYPE and o.value in (RDFS + "Class", SCHEMA + "DataType"):
                self.classes.add(s.value)
            elif p == RDF_TYPE and o.value == RDF_PROPERTY:
                self.properties.add(s.value)
            elif p == RDFS + "subClassOf":
                self.parents[s.value].add(o.value)
            elif p == domain:
                self.domains[s.value].add(o.value)
            elif p == range_:
                self.ranges[s.value].add(o.value)

    @cache  # noqa: B019 - one vocabulary object lives for the whole session
    def ancestors(self, cls: str) -> frozenset[str]:
        """The class and all its superclasses (rdfs:Resource-free)."""
        seen = {cls}
        todo = [cls]
        while todo:
            for parent in self.parents.get(todo.pop(), ()):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        return frozenset(seen)


@cache
def vocabulary() -> Vocabulary:
    return Vocabulary()


def _fit(vocab: Vocabulary, types: set[str], allowed: set[str]) -> bool:
    return any(vocab.ancestors(t) & allowed for t in types)


def check_graph(article: NewsArticle) -> list[str]:
    """Every problem with the terms of the article's graph (empty: all fit)."""
    vocab = vocabulary()
    quads = list(ox.parse(rdf.to_nquads(article), format=ox.RdfFormat.N_QUADS, lenient=True))
    types: dict[ox.NamedNode | ox.BlankNode, set[str]] = defaultdict(set)
    for q in quads:
        extension_class = q.predicate.value == SCHEMA + "additionalType" and q.object.value in vocab.extension
        if q.predicate.value == RDF_TYPE or extension_class:
            types[q.subject].add(q.object.value)
    for q in quads:  # RDFS range inference of extension properties (an evidence node is an nm:Span)
        if q.predicate.value in vocab.extension and isinstance(q.object, ox.BlankNode):
            types[q.object].update(vocab.ranges[q.predicate.value])
    problems = []
    for q in quads:
        s, p, o = q.subject, q.predicate.value, q.object
        if p == RDF_TYPE:
            if o.value not in vocab.classes:
                problems.append(f"type {o.value} is in neither vocabulary")
            continue
        if p not in vocab.properties:
            problems.append(f"property {p} is in neither vocabulary")
            continue
        if not _fit(vocab, types[s], vocab.domains[p]):
            problems.append(f"{p}: subject types {sorted(types[s])} outside {sorted(vocab.domains[p])}")
        if isinstance(o, ox.Literal):
            datatype = None if o.datatype.value == XSD + "string" else o.datatype.value
            if p in vocab.extension:
                ok = (datatype or XSD + "string") in vocab.ranges[p]
            else:
                ok = _fit(vocab, {SCHEMA + LITERAL_TYPES[datatype]}, vocab.ranges[p])
        elif o in types:
            ok = _fit(vocab, types[o], vocab.ranges[p] | set(PARTY_PLACES.get(p, "").split()))
        else:  # an IRI the article does not describe (sameAs, url, logo): a URL
            ok = SCHEMA + "URL" in vocab.ranges[p]
        if not ok:
            found = sorted(types.get(o, ()))
            problems.append(f"{p}: object {o} (types {found}) outside {sorted(vocab.ranges[p])}")
    return problems


def _countries_for_nationality(article: NewsArticle) -> NewsArticle:
    """The model lets nationality point at any place; schema:nationality wants a Country."""
    nationalities = {p.nationality for p in article.people}
    places = tuple(
        attrs.evolve(place, kind=PlaceKind.COUNTRY) if place.id in nationalities else place
        for place in article.places
    )
    return attrs.evolve(article, places=places)


def test_seed_graph_fits_the_vocabularies() -> None:
    """Every triple of the seed's graph uses known terms with fitting domain and range."""
    assert check_graph(seed_article()) == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles(max_items=3))
def test_generated_graphs_fit_the_vocabularies(article: NewsArticle) -> None:
    """Over many generated articles, every emitted type and property fits schema.org 30.0 or nm:."""
    assert check_graph(_countries_for_nationality(article)) == []


def test_party_places_are_the_only_departure() -> None:
    """A country attending an event passes the range check; the same country as an affiliation does not."""
    seed = seed_article()
    country = next(p for p in seed.places if p.kind is PlaceKind.COUNTRY)
    event = attrs.evolve(seed.events[0], attendees=(*seed.events[0].attendees, country.id))
    with_event = attrs.evolve(seed, events=(event, *seed.events[1:]))
    assert check_graph(with_event) == []
    first = attrs.evolve(seed.people[0], affiliation=country.id)
    people = (first, *seed.people[1:])
    problems = check_graph(attrs.evolve(with_event, people=people))
    assert any("affiliation" in problem and "Country" in problem for problem in problems)


def test_checker_catches_a_misfit() -> None:
    """The checker is not vacuous: a nationality pointing at a City is reported."""
    seed = seed_article()
    person = next(p for p in seed.people if p.nationality)
    places = tuple(
        attrs.evolve(p, kind=PlaceKind.CITY) if p.id == person.nationality else p for p in seed.places
    )
    problems = check_graph(attrs.evolve(seed, places=places))
    assert any("nationality" in problem for problem in problems)


def test_every_table_term_is_defined() -> None:
    """Every term in the mapping table exists in schema.org 30.0 or in schemas/newsmodel.ttl."""
    vocab = vocabulary()
    for (cls, field), term in FIELDS.items():
        assert term.iri in vocab.properties, f"{cls}.{field} -> {term.iri}"
    for term in (*TYPES.values(), *ORGANIZATION_TYPES.values(), *PLACE_TYPES.values()):
        assert term.iri in vocab.classes, term.iri
    for name in ("Agreement", "party", "status", "eventKind", "cameoCode", "evidence", "confidence"):
        assert NM + name in vocab.extension


def test_extension_terms_are_documented() -> None:
    """Each extension term has a label, a comment, and (properties) a domain and a range."""
    vocab = vocabulary()
    labelled = {
        t.subject.value
        for t in ox.parse(path=EXTENSION, format=ox.RdfFormat.TURTLE)
        if t.predicate.value in (RDFS + "label",)
    }
    commented = {
        t.subject.value
        for t in ox.parse(path=EXTENSION, format=ox.RdfFormat.TURTLE)
        if t.predicate.value == RDFS + "comment"
    }
    mapping = (ROOT / "docs" / "mapping.md").read_text(encoding="utf-8")
    for term in vocab.extension - {NM}:
        assert term in labelled and term in commented, term
        assert f"nm:{term.removeprefix(NM)}" in mapping, f"{term} not in docs/mapping.md"
        if term in vocab.properties:
            assert vocab.domains[term] and vocab.ranges[term], term


def test_context_coercion_matches_the_table() -> None:
    """The writer's idea of which keys hold IRIs is what the bundled schema.org context says."""
    bundled = ROOT / "newsmodel" / "data" / "schemaorg" / "schemaorgcontext.jsonld"
    context = orjson.loads(bundled.read_bytes())
    terms = context["@context"]
    for key, term in KEYS.items():
        if key.startswith("http"):
            continue
        definition = terms[key]
        assert definition["@id"] == f"schema:{key}"
        assert (definition.get("@type") == "@id") == term.coerce_id, key


def test_shipped_copies_are_current() -> None:
    """The package's newsmodel.ttl equals schemas/, and the trimmed vocabulary matches its generator."""
    shipped = ROOT / "newsmodel" / "data" / "newsmodel.ttl"
    assert shipped.read_bytes() == EXTENSION.read_bytes()
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "trim_vocab.py"), "--check", str(FULL_VOCAB)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
