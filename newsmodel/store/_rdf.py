"""The RDF the stores write: an article's N-Quads, and the SPARQL that replaces a graph.

The stores move articles as ``(graph IRI, N-Quads bytes)`` units: the
serializer writes each article once, the embedded store streams the bytes
straight into Oxigraph's bulk loader, and the replace path turns them into
SPARQL updates that write only what changed (:mod:`newsmodel.store._diff`).
Blank-node labels are only unique within one article's serialization, so
they are scoped per unit before units are concatenated (two articles both
saying ``_:b0`` must not share a node): the serializer does it for articles
(its labels hash the article IRI), and :func:`normalize` does it for RDF
from elsewhere.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from typing import Any

import pyoxigraph as ox

from newsmodel.errors import FormatError, StoreError
from newsmodel.model import NewsArticle
from newsmodel.serialize.formats import Format
from newsmodel.store._diff import Change

__all__ = [
    "Unit",
    "article_nquads",
    "change_update",
    "check_iri",
    "normalize",
    "scope_blank_nodes",
    "serialize",
    "triples_text",
    "unit_quads",
]

#: One article as the stores move it: its graph IRI and its N-Quads.
Unit = tuple[str, bytes]


def serialize(terms: Iterable[Any], fmt: ox.RdfFormat) -> bytes:
    """Pyoxigraph's ``serialize`` into bytes (its stub says it may return ``None``)."""
    data = ox.serialize(terms, format=fmt)
    return bytes(data) if data is not None else b""


def article_nquads(article: NewsArticle) -> bytes:
    """The article's N-Quads (graph = article IRI), from the RDF serializer."""
    from newsmodel.serialize import rdf

    return rdf.to_nquads(article).encode("utf-8")


def check_iri(iri: str) -> ox.NamedNode:
    """The named node of ``iri``, or a ``StoreError`` saying it is not an IRI.

    >>> check_iri("urn:x:1").value
    'urn:x:1'
    >>> check_iri("no iri")
    Traceback (most recent call last):
    ...
    newsmodel.errors.StoreError: 'no iri' is not an IRI a graph can be named by
    """
    try:
        return ox.NamedNode(iri)
    except (ValueError, TypeError) as exc:
        raise StoreError(f"{iri!r} is not an IRI a graph can be named by") from exc


def _parse(data: bytes | str, format: Format) -> list[ox.Quad]:
    """The quads of RDF text in an RDF ``format`` (JSON-LD through the bundled schema.org context)."""
    if format is Format.JSONLD:
        from newsmodel.serialize.jsonld import parse_jsonld

        data = parse_jsonld(data).serialize(format="nt", encoding="utf-8")
        format = Format.NTRIPLES
    rdf_format = format.rdf_format if isinstance(format, Format) else None
    if rdf_format is None:
        readable = ", ".join(f"Format.{f.name}" for f in Format if f.is_rdf)
        raise FormatError(f"cannot load {format!r} into a store; pass one of: {readable}")
    try:
        return list(ox.parse(data, format=rdf_format))
    except SyntaxError as exc:
        raise FormatError(f"RDF does not parse as {format.format_name}: {exc}") from exc


def normalize(iri: str, data: bytes | str, format: Format = Format.NQUADS) -> bytes:
    r"""Any RDF text for graph ``iri`` as that graph's N-Quads, blank nodes scoped.

    Triples (N-Triples, Turtle, JSON-LD, or the default graph of N-Quads) go
    into the graph; a quad naming another graph is refused, since replacing
    ``iri`` must not write elsewhere.

    >>> normalize("urn:g", '<urn:s> <urn:p> "o" .', Format.NTRIPLES)
    b'<urn:s> <urn:p> "o" <urn:g> .\n'
    >>> normalize("urn:g", '<urn:s> <urn:p> "o" .', "nt")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    newsmodel.errors.FormatError: cannot load 'nt' into a store; pass one of: Format.JSONLD, ...
    """
    graph = check_iri(iri)
    quads = []
    for quad in _parse(data, format):
        if isinstance(quad.graph_name, ox.DefaultGraph):
            quad = ox.Quad(quad.subject, quad.predicate, quad.object, graph)
        elif quad.graph_name != graph:
            raise FormatError(f"a quad of graph <{quad.graph_name.value}> is in the RDF for graph <{iri}>")
        quads.append(quad)
    return scope_blank_nodes(serialize(quads, ox.RdfFormat.N_QUADS), iri)


_scopes = itertools.count()
# In N-Quads as serializers write it (one statement a line, single spaces, no
# comments), a blank node is either the subject, at the start of a line, or
# the object, just before the graph IRI at the end of one. A literal cannot
# hold a raw newline, so neither pattern can match inside one.
_SUBJECT_BNODE = re.compile(rb"^_:", re.MULTILINE)
_OBJECT_BNODE = re.compile(rb" _:([^ ]+) (<[^<>\"]*>) \.$", re.MULTILINE)


def scope_blank_nodes(data: bytes, iri: str) -> bytes:
    r"""Relabel the blank nodes of one unit so no other unit shares a label.

    Units without blank nodes pass through untouched, so the bulk path pays
    one substring search for them and two regular-expression passes otherwise.

    >>> scope_blank_nodes(b'_:b0 <urn:p> _:b1 <urn:g> .\n<urn:s> <urn:p> "_:b0 <urn:g> ." <urn:g> .\n',
    ...                   "urn:g").count(b"_:b")
    1
    """
    if b"_:" not in data:
        return data
    prefix = f"_:u{next(_scopes)}x".encode("ascii")
    data = _SUBJECT_BNODE.sub(prefix, data)
    return _OBJECT_BNODE.sub(b" " + prefix + rb"\1 \2 .", data)


def unit_quads(iri: str, data: bytes) -> list[ox.Quad]:
    """The quads of a unit, checking every one is in graph ``iri``."""
    graph = check_iri(iri)
    quads = _parse(data, Format.NQUADS)
    for quad in quads:
        if quad.graph_name != graph:
            raise FormatError(f"a quad of graph {quad.graph_name} is in the unit of graph <{iri}>")
    return quads


def triples_text(iri: str, data: bytes) -> str:
    """The N-Triples of a unit, checking every quad is in graph ``iri``."""
    triples = [quad.triple for quad in unit_quads(iri, data)]
    return serialize(triples, ox.RdfFormat.N_TRIPLES).decode("utf-8")


def change_update(iri: str, change: Change) -> str:
    r"""The SPARQL update that applies ``change`` to stored graph ``iri``.

    >>> s, p = ox.NamedNode("urn:s"), ox.NamedNode("urn:p")
    >>> old, new = ox.Triple(s, p, ox.Literal("o")), ox.Triple(s, p, ox.Literal("n"))
    >>> print(change_update("urn:g", Change(removed=(old,), added=(new,))))
    DELETE DATA { GRAPH <urn:g> {
    <urn:s> <urn:p> "o" .
    } } ;
    INSERT DATA { GRAPH <urn:g> {
    <urn:s> <urn:p> "n" .
    } }
    >>> print(change_update("urn:g", Change(blank=())))
    DELETE { GRAPH <urn:g> { ?s ?p ?o } }
    WHERE { GRAPH <urn:g> { ?s ?p ?o FILTER(isBlank(?s) || isBlank(?o)) } }
    """
    name = check_iri(iri).value
    parts = []
    added: list[ox.Triple] = list(change.added)
    if change.blank is not None:
        parts.append(
            f"DELETE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}\n"
            f"WHERE {{ GRAPH <{name}> {{ ?s ?p ?o FILTER(isBlank(?s) || isBlank(?o)) }} }}"
        )
        added += change.blank
    for keyword, triples in (("DELETE DATA", change.removed), ("INSERT DATA", added)):
        body = serialize(triples, ox.RdfFormat.N_TRIPLES).decode("utf-8")
        if body:
            parts.append(f"{keyword} {{ GRAPH <{name}> {{\n{body}}} }}")
    return " ;\n".join(parts)
