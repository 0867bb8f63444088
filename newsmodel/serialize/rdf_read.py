"""Back from RDF to the model: :func:`from_rdf`.

The reader walks the article's graph through the same term table the writers
use (:mod:`newsmodel.vocab`), so model → RDF → model is the identity: every
field has a term, the extension's ``nm:order`` literals restore the order of
multi-valued fields that a graph (a set) forgets, and defaults that the writer
leaves out (a confidence of 1, ``partial`` false) come back as defaults.

The source is typed, never guessed at: an ``rdflib.Graph`` or ``Dataset``, a
``pyoxigraph.Store`` (the article's named graph), one of the project's stores
(``OxigraphStore``, ``SparqlStore``: the article's graph by a SPARQL CONSTRUCT,
whose answer keeps the triples as N-Triples, so no datatype is lost), or
:class:`RdfText`, text with its :class:`~newsmodel.serialize.formats.Format`.

>>> from newsmodel.model import NewsArticle
>>> from newsmodel.serialize.rdf import to_rdflib
>>> article = NewsArticle(id="https://example.org/a", headline="Hi", in_language="en")
>>> from_rdf(to_rdflib(article), "https://example.org/a") == article
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

import attrs

from newsmodel.errors import FormatError, NewsmodelError
from newsmodel.model import (
    Agreement,
    AgreementStatus,
    Author,
    Entity,
    Event,
    EventKind,
    Image,
    NewsArticle,
    Organization,
    PartialDate,
    Person,
    Place,
    PlaceKind,
    Quotation,
    Span,
    Timestamp,
)
from newsmodel.serialize.formats import Format
from newsmodel.serialize.jsonld import image_key, mention_rank
from newsmodel.vocab import (
    AGREEMENT_CLASS,
    FIELDS,
    ORGANIZATION_TYPES,
    PLACE_TYPES,
    RDF_TYPE,
    REGION_CLASS,
    TYPES,
    XSD,
)

if TYPE_CHECKING:
    import pyoxigraph
    import rdflib

    from newsmodel.store import Store

__all__ = ["RdfSource", "RdfText", "from_rdf"]

T = TypeVar("T")

# A term, whatever library it came from: ("I", iri), ("B", label) or ("L", lexical, datatype|None).
Term = tuple[Any, ...]  # ("L", lexical, datatype) has datatype None for plain strings
Props = dict[str, list[Term]]

_XSD_STRING = XSD + "string"
_CONSTRUCT = "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}"


def _p(cls: str, field: str) -> str:
    return FIELDS[cls, field].iri


def _name(cls: str, field: str) -> str:
    """The local name of a field's term: how its ``nm:order`` literal starts."""
    return FIELDS[cls, field].curie.partition(":")[2]


_ORG_KINDS = {term.iri: kind for kind, term in ORGANIZATION_TYPES.items()}
_PLACE_KINDS = {term.iri: kind for kind, term in PLACE_TYPES.items() if kind is not PlaceKind.REGION}
_PERSON = TYPES["Person"].iri
_EVENT = TYPES["Event"].iri
_ARTICLE = TYPES["NewsArticle"].iri
_ADDITIONAL_TYPE = _p("Agreement", "class")
_ORDER = _p("*", "order")


# --------------------------------------------------------------------------- terms from any source


def _from_rdflib(term: Any) -> Term:
    import rdflib

    if isinstance(term, rdflib.URIRef):
        return ("I", str(term))
    if isinstance(term, rdflib.BNode):
        return ("B", str(term))
    if isinstance(term, rdflib.Literal):
        datatype = str(term.datatype) if term.datatype else None
        return ("L", str(term), None if datatype == _XSD_STRING else datatype)
    raise FormatError(f"unexpected RDF term {term!r}")


def _from_oxigraph(term: Any) -> Term:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return ("I", term.value)
    if isinstance(term, ox.BlankNode):
        return ("B", term.value)
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        return ("L", term.value, None if datatype == _XSD_STRING or term.language else datatype)
    raise FormatError(f"unexpected RDF term {term!r}")


@attrs.frozen
class RdfText:
    """RDF as text in a known format: Turtle, N-Triples, N-Quads or JSON-LD (a format is a value).

    >>> from newsmodel.serialize.formats import Format
    >>> RdfText("<https://example.org/a> a <http://schema.org/NewsArticle> .", Format.NTRIPLES).format.name
    'NTRIPLES'
    >>> RdfText("{}", Format.HTML)
    Traceback (most recent call last):
    ...
    newsmodel.errors.FormatError: Format.HTML is not an RDF format; use one of: jsonld, turtle, nt, nquads
    """

    data: str | bytes
    format: Format = attrs.field()

    @format.validator
    def _rdf_only(self, _: attrs.Attribute[Format], value: Format) -> None:
        if not isinstance(value, Format) or not value.is_rdf:
            rdf = ", ".join(f.format_name for f in Format if f.is_rdf)
            raise FormatError(f"{value} is not an RDF format; use one of: {rdf}")


#: What :func:`from_rdf` reads: an rdflib graph or dataset, a pyoxigraph store, one of our stores, or text.
RdfSource: TypeAlias = "rdflib.Graph | pyoxigraph.Store | Store | RdfText"


def _oxigraph_graph(store: Any, iri: str) -> Any:
    """Find the named graph ``iri`` of a pyoxigraph store.

    A lenient load may have let in an IRI that ``NamedNode`` refuses (``%``
    without two hex digits, ``[`` outside a host); the store still names it.
    """
    import pyoxigraph as ox

    try:
        return ox.NamedNode(iri)
    except ValueError:
        for graph in store.named_graphs():
            if isinstance(graph, ox.NamedNode) and graph.value == iri:
                return graph
        raise FormatError(f"the store has no graph named {iri!r}") from None


def _from_rdflib_graph(source: Any, iri: str) -> list[tuple[Term, Term, Term]]:
    import rdflib

    raw: list[Any] = []
    if isinstance(source, rdflib.Dataset):
        named = source.graph(rdflib.URIRef(iri))
        raw = [(s, p, o) for s, p, o, _ in source.quads((None, None, None, named))]
    if not raw:
        raw = list(source.triples((None, None, None)))
    return [(_from_rdflib(s), _from_rdflib(p), _from_rdflib(o)) for s, p, o in raw]


def _from_oxigraph_store(source: Any, iri: str) -> list[tuple[Term, Term, Term]]:
    import pyoxigraph as ox

    quads = list(source.quads_for_pattern(None, None, None, _oxigraph_graph(source, iri)))
    if not quads:
        quads = list(source.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    return [(_from_oxigraph(q.subject), _from_oxigraph(q.predicate), _from_oxigraph(q.object)) for q in quads]


def _from_store(source: Store, iri: str) -> list[tuple[Term, Term, Term]]:
    """The article's graph through the store's own SPARQL: its answer keeps the triples as N-Triples."""
    answer = source.query(_CONSTRUCT.format(iri=iri))
    if answer.ntriples is None:
        raise FormatError(f"the store answered the CONSTRUCT for {iri} with {answer.kind} rows, not triples")
    return _from_text(RdfText(answer.ntriples, Format.NTRIPLES), iri)


def _from_text(source: RdfText, iri: str) -> list[tuple[Term, Term, Term]]:
    import pyoxigraph as ox

    if source.format is Format.JSONLD:
        from newsmodel.serialize.jsonld import parse_jsonld  # our bundled context: nothing is fetched

        return _from_rdflib_graph(parse_jsonld(source.data), iri)
    store = ox.Store()
    try:
        store.load(source.data, format=source.format.rdf_format, lenient=True)
    except SyntaxError as exc:
        raise FormatError(f"not valid {source.format.format_name}: {exc}") from exc
    return _from_oxigraph_store(store, iri)


def _triples(source: RdfSource, iri: str) -> list[tuple[Term, Term, Term]]:
    """The triples of the article's graph, by the type of the source (no guessing at shapes)."""
    import pyoxigraph as ox
    import rdflib

    from newsmodel.store import Store

    if isinstance(source, RdfText):
        return _from_text(source, iri)
    if isinstance(source, rdflib.Graph):
        return _from_rdflib_graph(source, iri)
    if isinstance(source, ox.Store):
        return _from_oxigraph_store(source, iri)
    if isinstance(source, Store):
        return _from_store(source, iri)
    raise FormatError(
        f"cannot read RDF from {type(source).__name__}: give an rdflib.Graph, a pyoxigraph.Store, "
        "a newsmodel store or RdfText(text, Format)"
    )


# --------------------------------------------------------------------------- literals


#: schema.org's date datatypes, in both namespaces: what the official context gives plain date strings.
_SCHEMA_DATES = frozenset(
    f"{ns}{name}" for ns in ("http://schema.org/", "https://schema.org/") for name in ("Date", "DateTime")
)


def _timestamp(term: Term) -> Timestamp:
    """A publication or modification time: ``xsd:dateTime``/``xsd:date``, or ``schema:Date`` by its form."""
    if term[0] != "L":
        raise FormatError(f"expected a date literal, got {term[1]!r}")
    lexical, datatype = term[1], term[2]
    try:
        if datatype == XSD + "dateTime" or (datatype in _SCHEMA_DATES and "T" in lexical):
            return dt.datetime.fromisoformat(lexical)
        if datatype in (XSD + "date", *_SCHEMA_DATES):
            return dt.date.fromisoformat(lexical)
    except ValueError as exc:
        raise FormatError(f"{lexical!r} is not an {datatype}: {exc}") from exc
    raise FormatError(f"{lexical!r} has datatype {datatype}, not schema:Date, xsd:dateTime or xsd:date")


def _partial_date(term: Term) -> PartialDate:
    """An event's or agreement's date: ``xsd:date``/``gYearMonth``/``gYear``, or ``schema:Date``."""
    if term[0] != "L" or term[2] not in (XSD + "date", XSD + "gYearMonth", XSD + "gYear", *_SCHEMA_DATES):
        raise FormatError(
            f"expected a schema:Date, xsd:date, xsd:gYearMonth or xsd:gYear literal, got {term!r}"
        )
    return PartialDate.parse(term[1])


# --------------------------------------------------------------------------- the reader


class _Reader:
    def __init__(self, triples: Iterable[tuple[Term, Term, Term]]) -> None:
        self.nodes: dict[Term, Props] = {}
        for s, p, o in triples:
            self.nodes.setdefault(s, {}).setdefault(p[1], []).append(o)
        self.entities: dict[str, Entity] = {}

    # ----- access

    def props(self, node: Term) -> Props:
        return self.nodes.get(node, {})

    def all(self, node: Term, predicate: str) -> list[Term]:
        return self.props(node).get(predicate, [])

    def one(self, node: Term, predicate: str) -> Term | None:
        values = self.all(node, predicate)
        if len(values) > 1:
            raise FormatError(f"{node[1]} has {len(values)} values for {predicate}, expected one")
        return values[0] if values else None

    def text(self, node: Term, predicate: str) -> str | None:
        value = self.one(node, predicate)
        if value is None:
            return None
        if value[0] != "L":
            raise FormatError(f"{node[1]} {predicate}: expected a literal, got {value[1]!r}")
        return str(value[1])

    def required_text(self, node: Term, predicate: str) -> str:
        value = self.text(node, predicate)
        if value is None:
            raise FormatError(f"{node[1]} has no {predicate}")
        return value

    def iri(self, node: Term, predicate: str) -> str | None:
        value = self.one(node, predicate)
        if value is None:
            return None
        if value[0] != "I":
            raise FormatError(f"{node[1]} {predicate}: expected an IRI, got {value[1]!r}")
        return str(value[1])

    def iris(self, node: Term, predicate: str) -> list[str]:
        out = []
        for value in self.all(node, predicate):
            if value[0] != "I":
                raise FormatError(f"{node[1]} {predicate}: expected an IRI, got {value[1]!r}")
            out.append(value[1])
        return out

    def texts(self, node: Term, predicate: str) -> list[str]:
        out = []
        for value in self.all(node, predicate):
            if value[0] != "L":
                raise FormatError(f"{node[1]} {predicate}: expected a literal, got {value[1]!r}")
            out.append(value[1])
        return out

    def flag(self, node: Term, predicate: str) -> bool:
        value = self.text(node, predicate)
        return value in ("true", "1")

    def number(self, node: Term, predicate: str) -> int | None:
        value = self.text(node, predicate)
        try:
            return None if value is None else int(value)
        except ValueError as exc:
            raise FormatError(f"{node[1]} {predicate}: {value!r} is not an integer") from exc

    def confidence(self, node: Term, cls: str) -> float:
        value = self.text(node, _p(cls, "confidence"))
        try:
            return 1.0 if value is None else float(value)
        except ValueError as exc:
            raise FormatError(f"{node[1]}: confidence {value!r} is not a number") from exc

    def types(self, node: Term) -> set[str]:
        return {t[1] for t in self.all(node, RDF_TYPE)}

    # ----- order

    def ordered(self, node: Term, name: str, values: list[T], key: Callable[[T], Any]) -> tuple[T, ...]:
        """``values`` in the model's order: canonical, then the ``nm:order`` permutation if any."""
        canonical = sorted(values, key=key)
        literals = [t for t in self.texts(node, _ORDER) if t.partition(" ")[0] == name]
        if len(literals) > 1:
            raise FormatError(f"{node[1]}: {len(literals)} nm:order literals for {name}, expected one")
        for literal in literals:
            rest = literal.partition(" ")[2]
            try:
                positions = [int(i) for i in rest.split()]
                if sorted(positions) != list(range(len(canonical))):
                    raise ValueError("not a permutation")
            except ValueError as exc:
                raise FormatError(f"{node[1]}: bad nm:order {literal!r} for {len(values)} values") from exc
            return tuple(canonical[i] for i in positions)
        return tuple(canonical)

    # ----- pieces

    def spans(self, node: Term, cls: str) -> tuple[Span, ...]:
        spans = []
        start, end = _p("Span", "start"), _p("Span", "end")
        for span_node in self.all(node, _p(cls, "spans")):
            first, last = self.number(span_node, start), self.number(span_node, end)
            if first is None or last is None:
                raise FormatError(f"{node[1]}: an evidence span lacks its start or end")
            spans.append(Span(start=first, end=last))
        return self.ordered(node, _name(cls, "spans"), spans, lambda s: (s.start, s.end))

    def entity(self, iri: str) -> Entity:
        if iri in self.entities:
            return self.entities[iri]
        node: Term = ("I", iri)
        types = self.types(node)
        common: dict[str, Any] = {
            "id": iri,
            "name": self.required_text(node, _p("Person", "name")),
            "alternate_names": self.ordered(
                node,
                _name("Person", "alternate_names"),
                self.texts(node, _p("Person", "alternate_names")),
                str,
            ),
            "same_as": self.ordered(
                node, _name("Person", "same_as"), self.iris(node, _p("Person", "same_as")), str
            ),
            "url": self.iri(node, _p("Person", "url")),
            "confidence": self.confidence(node, "Person"),
        }
        common["spans"] = self.spans(node, "Person")
        entity: Entity
        org_kinds = [_ORG_KINDS[t] for t in types if t in _ORG_KINDS]
        place_kinds = [_PLACE_KINDS[t] for t in types if t in _PLACE_KINDS]
        if _PERSON in types:
            entity = Person(
                **common,
                job_title=self.text(node, _p("Person", "job_title")),
                nationality=self.iri(node, _p("Person", "nationality")),
                affiliation=self.iri(node, _p("Person", "affiliation")),
            )
        elif org_kinds:
            entity = Organization(
                **common,
                kind=org_kinds[0],
                logo=self.iri(node, _p("Organization", "logo")),
                also_place=self.flag(node, _p("Organization", "also_place")),
            )
        elif place_kinds:
            kind: PlaceKind = place_kinds[0]
            if kind is PlaceKind.OTHER and REGION_CLASS in self.iris(node, _ADDITIONAL_TYPE):
                kind = PlaceKind.REGION
            entity = Place(
                **common,
                kind=kind,
                contained_in=self.iri(node, _p("Place", "contained_in")),
                also_organization=self.flag(node, _p("Place", "also_organization")),
            )
        else:
            raise FormatError(f"{iri} is not typed as a Person, Organization or Place")
        self.entities[iri] = entity
        return entity

    def author(self, iri: str) -> Author:
        entity = self.entity(iri)
        if not isinstance(entity, Person | Organization):
            raise FormatError(f"author {iri} is neither a Person nor an Organization")
        return entity

    def quotation(self, iri: str) -> Quotation:
        node: Term = ("I", iri)
        return Quotation(
            id=iri,
            text=self.required_text(node, _p("Quotation", "text")),
            speaker=(
                self.iri(node, _p("Quotation", "speaker")) or self.iri(node, _p("Quotation", "place_speaker"))
            ),
            partial=self.flag(node, _p("Quotation", "partial")),
            spans=self.spans(node, "Quotation"),
            confidence=self.confidence(node, "Quotation"),
        )

    def _date(self, node: Term, predicate: str) -> PartialDate | None:
        value = self.one(node, predicate)
        return None if value is None else _partial_date(value)

    def event(self, iri: str) -> Event:
        node: Term = ("I", iri)
        return Event(
            id=iri,
            name=self.required_text(node, _p("Event", "name")),
            kind=EventKind(self.required_text(node, _p("Event", "kind"))),
            description=self.text(node, _p("Event", "description")),
            cameo_code=self.text(node, _p("Event", "cameo_code")),
            start_date=self._date(node, _p("Event", "start_date")),
            end_date=self._date(node, _p("Event", "end_date")),
            date_text=self.text(node, _p("Event", "date_text")),
            location=self.iri(node, _p("Event", "location")),
            attendees=self.ordered(node, _name("Event", "attendees"), self.agents(node, "attendees"), str),
            organizers=self.ordered(node, _name("Event", "organizers"), self.agents(node, "organizers"), str),
            spans=self.spans(node, "Event"),
            confidence=self.confidence(node, "Event"),
        )

    def agents(self, node: Term, field: str) -> list[str]:
        """An event's attendees or organizers; ``nm:attendee``/``nm:organizer`` of older graphs too."""
        return self.iris(node, _p("Event", field)) + self.iris(node, _p("Event", f"place_{field}"))

    def agreement(self, iri: str) -> Agreement:
        node: Term = ("I", iri)
        return Agreement(
            id=iri,
            name=self.required_text(node, _p("Agreement", "name")),
            parties=self.ordered(
                node, _name("Agreement", "parties"), self.iris(node, _p("Agreement", "parties")), str
            ),
            status=AgreementStatus(self.required_text(node, _p("Agreement", "status"))),
            description=self.text(node, _p("Agreement", "description")),
            topics=self.ordered(
                node, _name("Agreement", "topics"), self.texts(node, _p("Agreement", "topics")), str
            ),
            date_created=self._date(node, _p("Agreement", "date_created")),
            date_text=self.text(node, _p("Agreement", "date_text")),
            spans=self.spans(node, "Agreement"),
            confidence=self.confidence(node, "Agreement"),
        )

    def image(self, node: Term) -> Image:
        url = self.iri(node, _p("Image", "url"))
        if url is None:
            raise FormatError("an image has no url")
        sizes: list[int | None] = []
        for field in ("width", "height"):
            pixels = self.one(node, _p("Image", field))
            sizes.append(None if pixels is None else self.number(pixels, _p("Pixels", "value")))
        caption = self.text(node, _p("Image", "caption"))
        return Image(url=url, width=sizes[0], height=sizes[1], caption=caption)

    def mention_kind(self, iri: str) -> str:
        types = self.types(("I", iri))
        if _PERSON in types:
            return "Person"
        if _EVENT in types:
            return "Event"
        if AGREEMENT_CLASS in self.iris(("I", iri), _ADDITIONAL_TYPE):
            return "Agreement"
        if any(t in _ORG_KINDS for t in types):
            return "Organization"
        if any(t in _PLACE_KINDS for t in types):
            return "Place"
        raise FormatError(f"mention {iri} has no type newsmodel knows")

    def article(self, iri: str) -> NewsArticle:
        node: Term = ("I", iri)
        if _ARTICLE not in self.types(node):
            raise FormatError(f"the graph has no schema:NewsArticle {iri}")

        def p(field: str) -> str:
            return _p("NewsArticle", field)

        def stamp(field: str) -> Timestamp | None:
            value = self.one(node, p(field))
            return None if value is None else _timestamp(value)

        kinds = {m: self.mention_kind(m) for m in self.iris(node, p("mentions"))}
        ranks = {m: mention_rank(kind, m, self.spans(("I", m), kind)) for m, kind in kinds.items()}
        mentions = self.ordered(node, _name("NewsArticle", "mentions"), list(kinds), ranks.__getitem__)
        quote_iris = self.iris(node, p("quotations"))
        quote_ranks = {q: mention_rank("Quotation", q, self.spans(("I", q), "Quotation")) for q in quote_iris}
        groups: dict[str, list[str]] = {k: [] for k in ("Person", "Organization", "Place")}
        groups.update(Event=[], Agreement=[])
        for mention in mentions:
            groups[kinds[mention]].append(mention)
        images = [self.image(n) for n in self.all(node, p("images"))]
        publisher_iri = self.iri(node, p("publisher"))
        publisher = self.entity(publisher_iri) if publisher_iri else None
        if publisher is not None and not isinstance(publisher, Organization):
            raise FormatError(f"publisher {publisher_iri} is not an Organization")
        return NewsArticle(
            id=iri,
            headline=self.required_text(node, p("headline")),
            article_body=self.text(node, p("article_body")),
            url=self.iri(node, p("url")),
            date_published=stamp("date_published"),
            date_modified=stamp("date_modified"),
            in_language=self.text(node, p("in_language")),
            section=self.text(node, p("section")),
            dateline=self.text(node, p("dateline")),
            content_location=self.iri(node, p("content_location")),
            authors=tuple(
                self.author(a)
                for a in self.ordered(
                    node, _name("NewsArticle", "authors"), self.iris(node, p("authors")), str
                )
            ),
            publisher=publisher,
            images=self.ordered(
                node,
                _name("NewsArticle", "images"),
                images,
                lambda i: image_key(i.url, i.width, i.height, i.caption),
            ),
            about=self.ordered(node, _name("NewsArticle", "about"), self.iris(node, p("about")), str),
            people=tuple(self.entity(m) for m in groups["Person"]),
            organizations=tuple(self.entity(m) for m in groups["Organization"]),
            places=tuple(self.entity(m) for m in groups["Place"]),
            events=tuple(self.event(m) for m in groups["Event"]),
            agreements=tuple(self.agreement(m) for m in groups["Agreement"]),
            quotations=tuple(
                self.quotation(q)
                for q in self.ordered(
                    node, _name("NewsArticle", "quotations"), quote_iris, quote_ranks.__getitem__
                )
            ),
        )


def from_rdf(source: RdfSource, iri: str) -> NewsArticle:
    """Rebuild the ``NewsArticle`` with IRI ``iri`` from a graph, a store, or RDF text with its format.

    Raises :class:`FormatError` when the graph does not hold that article or
    holds something the model refuses.
    """
    reader = _Reader(_triples(source, iri))
    try:
        return reader.article(iri)
    except FormatError:
        raise
    except (NewsmodelError, ValueError) as exc:
        raise FormatError(f"the graph of {iri} is not a valid article: {exc}") from exc
