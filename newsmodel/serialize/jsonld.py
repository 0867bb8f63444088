"""The article as compact schema.org JSON-LD.

The writer builds plain dicts straight from the model, in a fixed key order,
and dumps them with orjson: no JSON-LD processor runs, so it is fast, and the
same model always gives the same bytes. The tree is also the one place that
decides what the article's graph is: :mod:`newsmodel.serialize.rdf` expands
this very tree into triples, so the JSON-LD and the Turtle cannot drift.

Shape (see ``docs/mapping.md`` for every term): one ``NewsArticle`` node with
its authors and publisher embedded in full (what search engines read), every
person, organization, place, event and agreement embedded under ``mentions``,
quotations under ``hasPart``; other references are ``{"@id": …}``. Dates are
plain ISO 8601 strings, as Google documents and plain-JSON readers expect; the
schema.org context types them ``schema:Date``, and so do the RDF writers.
Extension terms are written as full IRIs, so the context is
exactly ``"https://schema.org"``.

>>> from newsmodel.model import NewsArticle
>>> doc = to_jsonld(NewsArticle(id="https://example.org/a", headline="Hello"))
>>> doc["@context"], doc["@type"], doc[_HEADLINE]
('https://schema.org', 'NewsArticle', 'Hello')
>>> dumps(NewsArticle(id="https://example.org/a", headline="Hello"))[:40]
'{"@context":"https://schema.org","@type"'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

import orjson

from newsmodel.errors import FormatError
from newsmodel.model import (
    Agreement,
    Entity,
    Event,
    Image,
    NewsArticle,
    Organization,
    PartialDate,
    Person,
    Place,
    PlaceKind,
    Quotation,
    Span,
)
from newsmodel.vocab import (
    AGREEMENT_CLASS,
    CONTEXT_URL,
    FIELDS,
    ORGANIZATION_TYPES,
    PLACE_TYPES,
    REGION_CLASS,
    TYPES,
    schemaorg_context,
)

if TYPE_CHECKING:
    import rdflib

__all__ = [
    "date_value",
    "decimal_lexical",
    "dumps",
    "image_key",
    "mention_rank",
    "order_literal",
    "parse_jsonld",
    "to_jsonld",
    "web_profile",
]

T = TypeVar("T")
Node = dict[str, Any]

_PIXEL_UNIT = "E37"  # UN/CEFACT code for "pixel", what schema:unitCode expects

# Keys, resolved once from the one table in vocab.py.
_K = {f"{cls}.{field}": term.key for (cls, field), term in FIELDS.items()}
_ORDER = _K["*.order"]
_EVIDENCE = _K["Person.spans"]
_CONFIDENCE = _K["Person.confidence"]
_START = _K["Span.start"]
_END = _K["Span.end"]
_ADDITIONAL_TYPE = _K["Place.kind"]
_ALTERNATE_NAME = _K["Person.alternate_names"]
_JOB_TITLE = _K["Person.job_title"]
_NATIONALITY = _K["Person.nationality"]
_AFFILIATION = _K["Person.affiliation"]
_LOGO = _K["Organization.logo"]
_CONTAINED_IN_PLACE = _K["Place.contained_in"]
_SAME_AS = _K["Person.same_as"]
_URL = _K["Person.url"]
_DESCRIPTION = _K["Event.description"]
_START_DATE = _K["Event.start_date"]
_END_DATE = _K["Event.end_date"]
_LOCATION = _K["Event.location"]
_KEYWORDS = _K["Agreement.topics"]
_DATE_CREATED = _K["Agreement.date_created"]
_WIDTH = _K["Image.width"]
_HEIGHT = _K["Image.height"]
_CAPTION = _K["Image.caption"]
_HEADLINE = _K["NewsArticle.headline"]
_ARTICLE_BODY = _K["NewsArticle.article_body"]
_DATE_PUBLISHED = _K["NewsArticle.date_published"]
_DATE_MODIFIED = _K["NewsArticle.date_modified"]
_IN_LANGUAGE = _K["NewsArticle.in_language"]
_ARTICLE_SECTION = _K["NewsArticle.section"]
_DATELINE = _K["NewsArticle.dateline"]
_CONTENT_LOCATION = _K["NewsArticle.content_location"]
_AUTHOR = _K["NewsArticle.authors"]
_PUBLISHER = _K["NewsArticle.publisher"]
_IMAGE = _K["NewsArticle.images"]
_ABOUT = _K["NewsArticle.about"]
_MENTIONS = _K["NewsArticle.mentions"]
_HAS_PART = _K["NewsArticle.quotations"]
_NAME = _K["Person.name"]
_ADDITIONAL_TYPE = _K["Agreement.class"]


def _name(key: str) -> str:
    """Give the local name of a term's key (``alternateName``, ``party``), as ``nm:order`` spells it."""
    return key.rpartition("#")[2]


# --------------------------------------------------------------------------- literals


def decimal_lexical(value: float) -> str:
    """The ``xsd:decimal`` spelling of a confidence: plain digits, never an exponent.

    >>> decimal_lexical(0.9), decimal_lexical(1e-07), decimal_lexical(0)
    ('0.9', '0.0000001', '0.0')
    """
    text = format(Decimal(repr(float(value))), "f")
    return text if "." in text else text + ".0"


def date_value(value: dt.date | PartialDate) -> str:
    """A date as the plain ISO 8601 string that Google's Article examples and plain-JSON readers expect.

    Under the official schema.org context the key makes it a ``schema:Date``
    literal (the RDF writers type it the same way), and its lexical form keeps
    the precision: a year, a year and month, a day, or a timestamp with its offset.

    >>> date_value(PartialDate(year=2017, month=3))
    '2017-03'
    >>> date_value(dt.datetime(2023, 3, 28, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))))
    '2023-03-28T08:00:00+08:00'
    """
    if isinstance(value, PartialDate):
        return str(value)
    return value.isoformat()


# --------------------------------------------------------------------------- order


def order_literal(name: str, values: Sequence[T], key: Callable[[T], Any]) -> str | None:
    """The ``nm:order`` literal that restores the order of a multi-valued field, or ``None``.

    A graph is a set: it forgets the order of ``author``, ``alternateName``
    and friends. When the model's order is not the canonical one (sorted by
    ``key``), the literal ``"<name> i0 i1 …"`` says which canonical position
    each value had; ``from_rdf`` undoes it. Output of the mapper (and anything
    already sorted) needs none.

    >>> order_literal(_ALTERNATE_NAME, ["b", "a", "c"], str)
    'alternateName 1 0 2'
    >>> order_literal(_ALTERNATE_NAME, ["a", "b"], str) is None
    True
    """
    n = len(values)
    if n < 2:
        return None
    keys = list(map(key, values))
    canonical = sorted(range(n), key=keys.__getitem__)
    if canonical == list(range(n)):
        return None
    position = [0] * n
    for rank, index in enumerate(canonical):
        position[index] = rank
    return name + " " + " ".join(map(str, position))


def image_key(url: str, width: int | None, height: int | None, caption: str | None) -> tuple[Any, ...]:
    """The canonical sort key of an image (images are blank nodes: no IRI to sort by)."""
    return (url, width is not None, width or 0, height is not None, height or 0, caption or "")


def _image_key(image: Image) -> tuple[Any, ...]:
    return image_key(image.url, image.width, image.height, image.caption)


def _span_key(span: Span) -> tuple[int, int]:
    return (span.start, span.end)


_RANK = {"Person": 0, "Organization": 1, "Place": 2, "Event": 3, "Agreement": 4, "Quotation": 5}
_NO_SPAN = 1 << 62


def mention_rank(kind: str, iri: str, spans: Sequence[Span]) -> tuple[int, int, str]:
    """The canonical sort key of a mention or quotation: kind, first evidence offset, IRI.

    Sorting by where the text first names an item makes the mapper's natural
    order (order of appearance) the canonical one, so its output needs no
    ``nm:order`` for ``mentions`` and ``hasPart``.
    """
    first = min((span.start for span in spans), default=_NO_SPAN)
    return (_RANK[kind], first, iri)


def _ident(value: str) -> str:
    return value


# --------------------------------------------------------------------------- nodes


def _ref(iri: str) -> dict[str, str]:
    return {"@id": iri}


def _evidence(node: Node, spans: tuple[Span, ...], confidence: float, orders: list[str]) -> None:
    if spans:
        node[_EVIDENCE] = [{_START: s.start, _END: s.end} for s in spans]
        literal = order_literal(_name(_EVIDENCE), spans, _span_key)
        if literal:
            orders.append(literal)
    if confidence != 1.0:
        node[_CONFIDENCE] = {"@type": "xsd:decimal", "@value": decimal_lexical(confidence)}


def _finish(node: Node, orders: list[str]) -> Node:
    if orders:
        node[_ORDER] = orders
    return node


def _entity(entity: Entity) -> Node:
    """The full node of a person, organization or place."""
    if isinstance(entity, Person):
        type_key = TYPES["Person"].key
    elif isinstance(entity, Organization):
        type_key = ORGANIZATION_TYPES[entity.kind].key
    elif isinstance(entity, Place):
        type_key = PLACE_TYPES[entity.kind].key
    else:  # pragma: no cover - the model has three entity classes
        raise FormatError(f"unknown entity class {type(entity).__name__}")
    node: Node = {"@type": type_key, "@id": entity.id, _NAME: entity.name}
    orders: list[str] = []
    if isinstance(entity, Place) and entity.kind is PlaceKind.REGION:
        node[_ADDITIONAL_TYPE] = _ref(REGION_CLASS)
    if entity.alternate_names:
        node[_ALTERNATE_NAME] = list(entity.alternate_names)
        literal = order_literal(_ALTERNATE_NAME, entity.alternate_names, _ident)
        if literal:
            orders.append(literal)
    if isinstance(entity, Person):
        if entity.job_title is not None:
            node[_JOB_TITLE] = entity.job_title
        if entity.nationality is not None:
            node[_NATIONALITY] = _ref(entity.nationality)
        if entity.affiliation is not None:
            node[_AFFILIATION] = _ref(entity.affiliation)
    elif isinstance(entity, Organization):
        if entity.logo is not None:
            node[_LOGO] = entity.logo
        if entity.also_place:
            node[_K["Organization.also_place"]] = True
    else:
        if entity.contained_in is not None:
            node[_CONTAINED_IN_PLACE] = _ref(entity.contained_in)
        if entity.also_organization:
            node[_K["Place.also_organization"]] = True
    if entity.same_as:
        node[_SAME_AS] = list(entity.same_as)
        literal = order_literal(_SAME_AS, entity.same_as, _ident)
        if literal:
            orders.append(literal)
    if entity.url is not None:
        node[_URL] = entity.url
    _evidence(node, entity.spans, entity.confidence, orders)
    return _finish(node, orders)


def _quotation(quote: Quotation, places: set[str]) -> Node:
    node: Node = {"@type": TYPES["Quotation"].key, "@id": quote.id, _K["Quotation.text"]: quote.text}
    orders: list[str] = []
    if quote.speaker is not None:
        key = _K["Quotation.place_speaker"] if quote.speaker in places else _K["Quotation.speaker"]
        node[key] = _ref(quote.speaker)
    if quote.partial:
        node[_K["Quotation.partial"]] = True
    _evidence(node, quote.spans, quote.confidence, orders)
    return _finish(node, orders)


def _event(event: Event) -> Node:
    node: Node = {"@type": TYPES["Event"].key, "@id": event.id, _NAME: event.name}
    orders: list[str] = []
    node[_K["Event.kind"]] = event.kind._value_
    if event.cameo_code is not None:
        node[_K["Event.cameo_code"]] = event.cameo_code
    if event.description is not None:
        node[_DESCRIPTION] = event.description
    if event.start_date is not None:
        node[_START_DATE] = date_value(event.start_date)
    if event.end_date is not None:
        node[_END_DATE] = date_value(event.end_date)
    if event.date_text is not None:
        node[_K["Event.date_text"]] = event.date_text
    if event.location is not None:
        node[_LOCATION] = _ref(event.location)
    for field in ("attendees", "organizers"):
        key = _K[f"Event.{field}"]
        refs: tuple[str, ...] = getattr(event, field)
        if refs:
            # a country or a place standing for its body takes part as a party: schema:attendee
            # like a person or organization (rangeIncludes is an expectation, not a constraint),
            # so that every schema.org reader finds it; where it happened is schema:location
            node[key] = [_ref(iri) for iri in refs]
            literal = order_literal(_name(key), refs, _ident)
            if literal:
                orders.append(literal)
    _evidence(node, event.spans, event.confidence, orders)
    return _finish(node, orders)


def _agreement(agreement: Agreement) -> Node:
    node: Node = {
        "@type": TYPES["Agreement"].key,
        "@id": agreement.id,
        _ADDITIONAL_TYPE: _ref(AGREEMENT_CLASS),
        _NAME: agreement.name,
    }
    orders: list[str] = []
    party = _K["Agreement.parties"]
    node[party] = [_ref(iri) for iri in agreement.parties]
    literal = order_literal(_name(party), agreement.parties, _ident)
    if literal:
        orders.append(literal)
    node[_K["Agreement.status"]] = agreement.status._value_
    if agreement.description is not None:
        node[_DESCRIPTION] = agreement.description
    if agreement.topics:
        node[_KEYWORDS] = list(agreement.topics)
        literal = order_literal(_KEYWORDS, agreement.topics, _ident)
        if literal:
            orders.append(literal)
    if agreement.date_created is not None:
        node[_DATE_CREATED] = date_value(agreement.date_created)
    if agreement.date_text is not None:
        node[_K["Agreement.date_text"]] = agreement.date_text
    _evidence(node, agreement.spans, agreement.confidence, orders)
    return _finish(node, orders)


def _pixels(value: int) -> Node:
    return {"@type": TYPES["Pixels"].key, _K["Pixels.value"]: value, _K["Pixels.unit"]: _PIXEL_UNIT}


def _image(image: Image) -> Node:
    node: Node = {"@type": TYPES["Image"].key, _K["Image.url"]: image.url}
    if image.width is not None:
        node[_WIDTH] = _pixels(image.width)
    if image.height is not None:
        node[_HEIGHT] = _pixels(image.height)
    if image.caption is not None:
        node[_CAPTION] = image.caption
    return node


def to_jsonld(article: NewsArticle) -> dict[str, Any]:
    """The article as a compact schema.org JSON-LD document (a fresh dict, fixed key order)."""
    doc: Node = {"@context": CONTEXT_URL, "@type": TYPES["NewsArticle"].key, "@id": article.id}
    doc[_HEADLINE] = article.headline
    orders: list[str] = []
    if article.article_body is not None:
        doc[_ARTICLE_BODY] = article.article_body
    if article.url is not None:
        doc[_URL] = article.url
    if article.date_published is not None:
        doc[_DATE_PUBLISHED] = date_value(article.date_published)
    if article.date_modified is not None:
        doc[_DATE_MODIFIED] = date_value(article.date_modified)
    if article.in_language is not None:
        doc[_IN_LANGUAGE] = article.in_language
    if article.section is not None:
        doc[_ARTICLE_SECTION] = article.section
    if article.dateline is not None:
        doc[_DATELINE] = article.dateline
    if article.content_location is not None:
        doc[_CONTENT_LOCATION] = _ref(article.content_location)

    embedded: set[str] = set()
    if article.authors:
        doc[_AUTHOR] = [_entity(author) for author in article.authors]
        embedded.update(author.id for author in article.authors)
        literal = order_literal(_AUTHOR, [a.id for a in article.authors], _ident)
        if literal:
            orders.append(literal)
    if article.publisher is not None:
        publisher = article.publisher
        doc[_PUBLISHER] = _ref(publisher.id) if publisher.id in embedded else _entity(publisher)
        embedded.add(publisher.id)
    if article.images:
        doc[_IMAGE] = [_image(image) for image in article.images]
        literal = order_literal(_IMAGE, article.images, _image_key)
        if literal:
            orders.append(literal)
    if article.about:
        doc[_ABOUT] = [_ref(iri) for iri in article.about]
        literal = order_literal(_ABOUT, article.about, _ident)
        if literal:
            orders.append(literal)

    mentions: list[Node] = []
    ranks: list[tuple[int, int, str]] = []
    for kind, entities in (
        ("Person", article.people),
        ("Organization", article.organizations),
        ("Place", article.places),
    ):
        for entity in entities:
            mentions.append(_ref(entity.id) if entity.id in embedded else _entity(entity))
            ranks.append(mention_rank(kind, entity.id, entity.spans))
    places = {place.id for place in article.places}
    for event in article.events:
        mentions.append(_event(event))
        ranks.append(mention_rank("Event", event.id, event.spans))
    for agreement in article.agreements:
        mentions.append(_agreement(agreement))
        ranks.append(mention_rank("Agreement", agreement.id, agreement.spans))
    if mentions:
        doc[_MENTIONS] = mentions
        literal = order_literal(_MENTIONS, ranks, _rank_key)
        if literal:
            orders.append(literal)
    if article.quotations:
        doc[_HAS_PART] = [_quotation(quote, places) for quote in article.quotations]
        quote_ranks = [mention_rank("Quotation", q.id, q.spans) for q in article.quotations]
        literal = order_literal(_HAS_PART, quote_ranks, _rank_key)
        if literal:
            orders.append(literal)
    return _finish(doc, orders)


def _rank_key(rank: tuple[int, int, str]) -> tuple[int, int, str]:
    return rank


def dumps(article: NewsArticle, *, provenance: bool = True) -> str:
    """The JSON-LD document as compact UTF-8 text (same model, same bytes).

    ``provenance=False`` gives the web profile (:func:`web_profile`).
    """
    tree = to_jsonld(article)
    return orjson.dumps(tree if provenance else web_profile(tree)).decode("utf-8")


#: Extension terms that say where and how sure the mapper was, not what the article says.
PROVENANCE_KEYS = frozenset({_EVIDENCE, _CONFIDENCE, _ORDER})


def web_profile(tree: Node) -> Node:
    """The tree without provenance terms (evidence spans, confidences, ``nm:order``): what a web page needs.

    Provenance is about half of every block, and search engines and metadata
    readers ignore it; RDF and JSON keep it (they are for the way back).

    >>> web_profile({"@type": "Person", "name": "Ann", _CONFIDENCE: 0.5, _EVIDENCE: []})
    {'@type': 'Person', 'name': 'Ann'}
    """
    return {key: _strip(value) for key, value in tree.items() if key not in PROVENANCE_KEYS}


def _strip(value: Any) -> Any:
    if type(value) is dict:
        return web_profile(value)
    if type(value) is list:
        return [_strip(item) for item in value]
    return value


# --------------------------------------------------------------------------- parsing


_SCHEMA_URLS = frozenset(
    {"https://schema.org", "https://schema.org/", "http://schema.org", "http://schema.org/"}
)


def _offline(value: Any) -> Any:
    """Replace every reference to the schema.org context by the bundled copy; refuse other URLs."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            out[key] = _offline_context(item) if key == "@context" else _offline(item)
        return out
    if isinstance(value, list):
        return [_offline(item) for item in value]
    return value


def _offline_context(context: Any) -> Any:
    if isinstance(context, list):
        return [_offline_context(item) for item in context]
    if isinstance(context, str):
        if context in _SCHEMA_URLS:
            return schemaorg_context()
        raise FormatError(f"JSON-LD context {context!r} is not bundled, and newsmodel never fetches one")
    return _offline(context)


def parse_jsonld(text: str | bytes) -> rdflib.Graph:
    """Parse JSON-LD into an ``rdflib.Graph`` without touching the network.

    The schema.org context is taken from the copy bundled in the package;
    any other remote context is refused with :class:`FormatError`.

    >>> g = parse_jsonld(dumps(NewsArticle(id="https://example.org/a", headline="Hi")))
    >>> len(g)
    2
    """
    import rdflib
    from rdflib.plugins.parsers.jsonld import to_rdf

    try:
        document = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise FormatError(f"not JSON: {exc}") from exc
    document = _offline(document)
    graph = rdflib.Graph()
    try:
        # to_rdf, not Graph.parse: the parse plugin builds a deprecated ConjunctiveGraph.
        to_rdf(document, graph)
    except Exception as exc:  # rdflib raises many unrelated types
        raise FormatError(f"JSON-LD does not parse: {exc}") from exc
    return graph
