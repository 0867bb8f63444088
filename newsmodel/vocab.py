"""Namespaces, the model → term table, and the bundled schema.org context.

One table says which RDF term each model class and field becomes. The JSON-LD
writer takes its keys from it, the RDF writers their predicates, and
:func:`newsmodel.from_rdf` reads the graph back through the same table, so
the three can never disagree about a term.

Terms come from schema.org (``http://schema.org/``, the namespace that
``"@context": "https://schema.org"`` expands to) where schema.org has one, and
from the project's small extension vocabulary (``https://w3id.org/newsmodel#``,
published as RDFS in ``schemas/newsmodel.ttl``) where it has none. In JSON-LD
the extension terms are written as full IRIs, so the context stays exactly
``"https://schema.org"``.

>>> FIELDS["NewsArticle", "headline"].iri
'http://schema.org/headline'
>>> FIELDS["Agreement", "parties"].key
'https://w3id.org/newsmodel#party'
>>> ORGANIZATION_TYPES[OrganizationKind.GOVERNMENT].curie
'schema:GovernmentOrganization'
>>> schemaorg_context()["@vocab"]
'http://schema.org/'
"""

from __future__ import annotations

import functools
from typing import Any, NamedTuple

import orjson

from newsmodel.model import OrganizationKind, PlaceKind

__all__ = [
    "AGREEMENT_CLASS",
    "CONTEXT_URL",
    "FIELDS",
    "KEYS",
    "NM",
    "ORGANIZATION_TYPES",
    "PLACE_TYPES",
    "RDF",
    "RDF_TYPE",
    "REGION_CLASS",
    "SCHEMA",
    "SCHEMA_DATE",
    "TYPES",
    "XSD",
    "Term",
    "bundled_file",
    "schemaorg_context",
]

#: schema.org, in the ``http://`` namespace its official context expands to.
SCHEMA = "http://schema.org/"
#: The project's extension vocabulary (``schemas/newsmodel.ttl``).
NM = "https://w3id.org/newsmodel#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDF_TYPE = RDF + "type"
#: What the JSON-LD writes as its context; parsing maps it to the bundled copy.
CONTEXT_URL = "https://schema.org"


class Term(NamedTuple):
    """One RDF term and its spellings.

    ``key`` is the JSON-LD key (or ``@type`` value) under the schema.org
    context: the local name for schema.org terms, the full IRI for extension
    terms. ``curie`` is the Turtle spelling. ``coerce_id`` is true when the
    schema.org context declares ``"@type": "@id"`` for the key, so a plain
    string value means an IRI, not a literal. ``datatype`` is the datatype IRI
    the context gives a plain string value of the key (``"@type": "Date"`` for
    ``datePublished``, ``startDate``, …): the RDF writers type such literals the
    way a JSON-LD processor reading our output with the official context would.
    """

    key: str
    iri: str
    curie: str
    coerce_id: bool = False
    datatype: str | None = None


#: The datatype the official schema.org context gives every date-valued key we write.
SCHEMA_DATE = SCHEMA + "Date"


def _s(name: str, coerce_id: bool = False, datatype: str | None = None) -> Term:
    return Term(name, SCHEMA + name, "schema:" + name, coerce_id, datatype)


def _nm(name: str) -> Term:
    return Term(NM + name, NM + name, "nm:" + name)


#: Classes of the model (and the value nodes they need) → RDF types.
TYPES: dict[str, Term] = {
    "NewsArticle": _s("NewsArticle"),
    "Person": _s("Person"),
    "Event": _s("Event"),
    "Agreement": _s("CreativeWork"),
    "Quotation": _s("Quotation"),
    "Image": _s("ImageObject"),
    "Pixels": _s("QuantitativeValue"),
}

#: The ``schema:additionalType`` that marks a CreativeWork as an agreement.
AGREEMENT_CLASS = NM + "Agreement"
#: The ``schema:additionalType`` that tells a region from another ``schema:Place``.
REGION_CLASS = NM + "Region"

ORGANIZATION_TYPES: dict[OrganizationKind, Term] = {kind: _s(kind.value) for kind in OrganizationKind}

PLACE_TYPES: dict[PlaceKind, Term] = {
    PlaceKind.COUNTRY: _s("Country"),
    PlaceKind.CITY: _s("City"),
    PlaceKind.ADMINISTRATIVE_AREA: _s("AdministrativeArea"),
    PlaceKind.REGION: _s("Place"),  # plus additionalType nm:Region
    PlaceKind.LANDMARK: _s("LandmarksOrHistoricalBuildings"),
    PlaceKind.OTHER: _s("Place"),
}

_ENTITY = {
    "name": _s("name"),
    "alternate_names": _s("alternateName"),
    "same_as": _s("sameAs", coerce_id=True),
    "url": _s("url", coerce_id=True),
    "spans": _nm("evidence"),
    "confidence": _nm("confidence"),
}

#: ``(model class, field)`` → term. Value-node fields (a span's offsets, an
#: image's pixel size) are listed under the value class.
FIELDS: dict[tuple[str, str], Term] = {
    ("NewsArticle", "headline"): _s("headline"),
    ("NewsArticle", "article_body"): _s("articleBody"),
    ("NewsArticle", "url"): _s("url", coerce_id=True),
    ("NewsArticle", "date_published"): _s("datePublished", datatype=SCHEMA_DATE),
    ("NewsArticle", "date_modified"): _s("dateModified", datatype=SCHEMA_DATE),
    ("NewsArticle", "in_language"): _s("inLanguage"),
    ("NewsArticle", "section"): _s("articleSection"),
    ("NewsArticle", "dateline"): _s("dateline"),
    ("NewsArticle", "content_location"): _s("contentLocation"),
    ("NewsArticle", "authors"): _s("author"),
    ("NewsArticle", "publisher"): _s("publisher"),
    ("NewsArticle", "images"): _s("image", coerce_id=True),
    ("NewsArticle", "about"): _s("about"),
    # people, organizations, places, events and agreements all go to mentions
    ("NewsArticle", "mentions"): _s("mentions"),
    ("NewsArticle", "quotations"): _s("hasPart"),
    **{("Person", field): term for field, term in _ENTITY.items()},
    ("Person", "job_title"): _s("jobTitle"),
    ("Person", "nationality"): _s("nationality"),
    ("Person", "affiliation"): _s("affiliation"),
    **{("Organization", field): term for field, term in _ENTITY.items()},
    ("Organization", "logo"): _s("logo", coerce_id=True),
    ("Organization", "also_place"): _nm("alsoPlace"),
    **{("Place", field): term for field, term in _ENTITY.items()},
    ("Place", "contained_in"): _s("containedInPlace"),
    ("Place", "also_organization"): _nm("alsoOrganization"),
    ("Place", "kind"): _s("additionalType"),  # only for PlaceKind.REGION
    ("Quotation", "text"): _s("text"),
    ("Quotation", "speaker"): _s("spokenByCharacter"),
    # schema:spokenByCharacter admits only Person and Organization; a place
    # credited with words ("the White House said") goes to the extension's nm:speaker.
    ("Quotation", "place_speaker"): _nm("speaker"),
    ("Quotation", "partial"): _nm("partial"),
    ("Quotation", "spans"): _nm("evidence"),
    ("Quotation", "confidence"): _nm("confidence"),
    ("Event", "name"): _s("name"),
    ("Event", "kind"): _nm("eventKind"),
    ("Event", "description"): _s("description"),
    ("Event", "cameo_code"): _nm("cameoCode"),
    ("Event", "start_date"): _s("startDate", datatype=SCHEMA_DATE),
    ("Event", "end_date"): _s("endDate", datatype=SCHEMA_DATE),
    ("Event", "date_text"): _nm("dateText"),
    ("Event", "location"): _s("location"),
    ("Event", "attendees"): _s("attendee"),
    ("Event", "organizers"): _s("organizer"),
    # Read only, from graphs written before places acting as parties ("Peru and
    # Ecuador signed") went to schema:attendee and schema:organizer like any party.
    ("Event", "place_attendees"): _nm("attendee"),
    ("Event", "place_organizers"): _nm("organizer"),
    ("Event", "spans"): _nm("evidence"),
    ("Event", "confidence"): _nm("confidence"),
    ("Agreement", "class"): _s("additionalType"),
    ("Agreement", "name"): _s("name"),
    ("Agreement", "parties"): _nm("party"),
    ("Agreement", "status"): _nm("status"),
    ("Agreement", "description"): _s("description"),
    ("Agreement", "topics"): _s("keywords"),
    ("Agreement", "date_created"): _s("dateCreated", datatype=SCHEMA_DATE),
    ("Agreement", "date_text"): _nm("dateText"),
    ("Agreement", "spans"): _nm("evidence"),
    ("Agreement", "confidence"): _nm("confidence"),
    ("Image", "url"): _s("url", coerce_id=True),
    ("Image", "width"): _s("width"),
    ("Image", "height"): _s("height"),
    ("Image", "caption"): _s("caption"),
    ("Pixels", "value"): _s("value"),
    ("Pixels", "unit"): _s("unitCode"),
    ("Span", "start"): _nm("start"),
    ("Span", "end"): _nm("end"),
    # the order of a multi-valued field, where the graph alone cannot keep it
    ("*", "order"): _nm("order"),
}

#: JSON-LD key → term, for every key the writers emit (the RDF writers expand
#: the JSON-LD tree through it).
KEYS: dict[str, Term] = {term.key: term for term in FIELDS.values()}


def bundled_file(name: str) -> bytes:
    """The bytes of a file shipped in ``newsmodel/data/schemaorg/``."""
    from newsmodel.knowledge import read_shipped

    return read_shipped(f"schemaorg/{name}")


@functools.cache
def schemaorg_context() -> dict[str, Any]:
    """The official schema.org 30.0 JSON-LD context (its ``@context`` object), loaded once.

    JSON-LD parsing substitutes it for ``https://schema.org`` so that no
    network is ever touched.
    """
    document = orjson.loads(bundled_file("schemaorgcontext.jsonld"))
    context: dict[str, Any] = document["@context"]
    return context
