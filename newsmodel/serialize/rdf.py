r"""The article as RDF: Turtle, N-Triples, N-Quads, an ``rdflib.Graph``, pyoxigraph quads.

The graph is defined once, by the JSON-LD tree of
:func:`newsmodel.serialize.jsonld.to_jsonld`; this module expands that tree
with the term table of :mod:`newsmodel.vocab` (what a JSON-LD processor would
do with the schema.org context, for the small subset the writer emits) and
spells the triples directly as text. No RDF library runs on the write path,
which is what makes it fast, and the JSON-LD and the Turtle are the same
graph by construction (a test checks it with rdflib).

Blank nodes (evidence spans, images, pixel sizes) are nested ``[ … ]`` in
Turtle; in N-Triples and N-Quads their labels carry a hash of the article IRI,
so the blank nodes of two articles loaded into one store never merge.

>>> from newsmodel.model import NewsArticle
>>> article = NewsArticle(id="https://example.org/a", headline='Say "hi"')
>>> print(dumps(article, Format.NTRIPLES), end="")
<https://example.org/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/NewsArticle> .
<https://example.org/a> <http://schema.org/headline> "Say \"hi\"" .
>>> to_nquads(article).splitlines()[0].split()[-2]
'<https://example.org/a>'
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from newsmodel.errors import FormatError
from newsmodel.model import NewsArticle
from newsmodel.serialize.formats import Format
from newsmodel.serialize.jsonld import to_jsonld
from newsmodel.vocab import (
    AGREEMENT_CLASS,
    FIELDS,
    KEYS,
    NM,
    ORGANIZATION_TYPES,
    PLACE_TYPES,
    RDF_TYPE,
    REGION_CLASS,
    SCHEMA,
    TYPES,
    XSD,
    Term,
)

if TYPE_CHECKING:
    import pyoxigraph
    import rdflib

__all__ = [
    "dumps",
    "escape_string",
    "join_statements",
    "statements",
    "to_nquads",
    "to_ntriples",
    "to_quads",
    "to_rdflib",
    "to_triples",
    "to_turtle",
    "triples",
    "turtle_from_tree",
]

N = TypeVar("N")
Node = dict[str, Any]

_TYPE_CURIES: dict[str, str] = {
    term.key: term.curie for term in (*TYPES.values(), *ORGANIZATION_TYPES.values(), *PLACE_TYPES.values())
}
_CLASS_CURIES = {AGREEMENT_CLASS: "nm:Agreement", REGION_CLASS: "nm:Region"}
_PREFIXES = {"schema": SCHEMA, "nm": NM, "xsd": XSD}
_BLOCK_SEPARATOR = " ;\n    "
_TURTLE_HEAD = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in _PREFIXES.items()) + "\n"

# --------------------------------------------------------------------------- escaping

_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f"\\\x7f]')
_CONTROL = re.compile(r"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_ESCAPES = {chr(i): f"\\u{i:04X}" for i in (*range(0x20), 0x7F)}
_CONTROL_ESCAPES["\t"] = "\\t"


def _control(match: re.Match[str]) -> str:
    return _CONTROL_ESCAPES[match.group()]


def escape_string(text: str) -> str:
    r"""Escape the body of a Turtle / N-Triples ``"…"`` literal: quotes, backslashes, controls.

    >>> escape_string('a "b"\\c\n\x00\t')
    'a \\"b\\"\\\\c\\n\\u0000\\t'
    """
    if (text.isprintable() and '"' not in text and "\\" not in text) or _NEEDS_ESCAPE.search(text) is None:
        return text  # the common case: isprintable() and `in` are C scans, cheaper than the regex
    # chained str.replace runs in C; only the rare other control characters need the regex
    text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    if _CONTROL.search(text) is not None:
        text = _CONTROL.sub(_control, text)
    return text


def _expand_datatype(name: str) -> str:
    """``xsd:date`` (as the JSON-LD value objects spell it) → the full datatype IRI."""
    if name.startswith("xsd:"):
        return XSD + name[4:]
    return name


# --------------------------------------------------------------------------- triples


class _Terms(Generic[N]):
    """How one target spells IRIs, blank nodes and literals."""

    def __init__(
        self,
        iri: Callable[[str], N],
        literal: Callable[[str, str | None], N],
        bnode: Callable[[], N],
    ) -> None:
        self.iri = iri
        self.literal = literal
        self.bnode = bnode
        self.predicates: dict[str, N] = {key: iri(term.iri) for key, term in KEYS.items()}
        self.rdf_type = iri(RDF_TYPE)
        self.types: dict[str, N] = {key: iri(SCHEMA + key) for key in _TYPE_CURIES}


_XSD_INTEGER = XSD + "integer"
_XSD_BOOLEAN = XSD + "boolean"


def _walk(node: Node, terms: _Terms[N], out: list[tuple[N, N, N]]) -> N:
    ident = node.get("@id")
    subject = terms.iri(ident) if ident is not None else terms.bnode()
    for key, value in node.items():
        if key[0] == "@":
            if key == "@type":
                out.append((subject, terms.rdf_type, terms.types[value]))
            continue
        term = KEYS[key]
        predicate = terms.predicates[key]
        for item in value if isinstance(value, list) else (value,):
            out.append((subject, predicate, _object(item, term, terms, out)))
    return subject


def _object(item: Any, term: Term, terms: _Terms[N], out: list[tuple[N, N, N]]) -> N:
    if isinstance(item, str):
        return terms.iri(item) if term.coerce_id else terms.literal(item, term.datatype)
    if isinstance(item, bool):
        return terms.literal("true" if item else "false", _XSD_BOOLEAN)
    if isinstance(item, int):
        return terms.literal(str(item), _XSD_INTEGER)
    if isinstance(item, dict):
        if "@value" in item:
            return terms.literal(item["@value"], _expand_datatype(item["@type"]))
        if len(item) == 1 and "@id" in item:
            return terms.iri(item["@id"])
        return _walk(item, terms, out)
    raise FormatError(f"cannot spell {item!r} as RDF")  # pragma: no cover - the writer never builds it


def triples(article: NewsArticle, terms: _Terms[N]) -> list[tuple[N, N, N]]:
    """The article's triples, spelled by ``terms`` (N-Triples text, rdflib or pyoxigraph terms)."""
    out: list[tuple[N, N, N]] = []
    _walk(to_jsonld(article), terms, out)
    return out


_NT_TYPE = f"<{RDF_TYPE}>"
_NT_TYPES = {key: f"<{SCHEMA}{key}>" for key in _TYPE_CURIES}
_NT_PREDICATES = {key: f"<{term.iri}>" for key, term in KEYS.items()}
_NT_INTEGER = f"^^<{_XSD_INTEGER}>"
_NT_BOOLEAN = {True: f'"true"^^<{_XSD_BOOLEAN}>', False: f'"false"^^<{_XSD_BOOLEAN}>'}
_START = KEYS[FIELDS["Span", "start"].key]
_END = KEYS[FIELDS["Span", "end"].key]
_START_KEY, _END_KEY = _START.key, _END.key
#: What a plain string under a key means: True an IRI, a datatype IRI a typed literal, None a plain one.
_COERCE: dict[str, bool | str | None] = {
    key: True if term.coerce_id else term.datatype for key, term in KEYS.items()
}


def _ttl_datatype(iri: str | None) -> str | None:
    """The Turtle spelling of a key's datatype: a CURIE where a prefix is declared."""
    if iri is None:
        return None
    return "schema:" + iri[len(SCHEMA) :] if iri.startswith(SCHEMA) else f"<{iri}>"


_TTL_TERMS = {
    key: (term.curie, True if term.coerce_id else _ttl_datatype(term.datatype)) for key, term in KEYS.items()
}
_NT_SPAN_START = f"<{_START.iri}> "
_NT_SPAN_END = f"<{_END.iri}> "


class _NTWriter:
    """N-Triples / N-Quads lines straight from the JSON-LD tree (the hot path of the stores)."""

    def __init__(self, article_id: str) -> None:
        self.tag = "_:b" + hashlib.blake2b(article_id.encode("utf-8"), digest_size=5).hexdigest() + "n"
        self.count = 0
        self.lines: list[str] = []  # statements without their final " ." (N-Quads puts the graph there)

    def node(self, node: Node) -> str:
        ident = node.get("@id")
        if ident is None:
            subject = f"{self.tag}{self.count}"
            self.count += 1
        else:
            subject = f"<{ident}>"
        lines = self.lines
        for key, value in node.items():
            if key[0] == "@":
                if key == "@type":
                    lines.append(f"{subject} {_NT_TYPE} {_NT_TYPES[value]}")
                continue
            head = f"{subject} {_NT_PREDICATES[key]} "
            coerce = _COERCE[key]
            for item in value if type(value) is list else (value,):
                if type(item) is dict and len(item) == 1:  # a reference {"@id": …}, the commonest object
                    lines.append(f"{head}<{item['@id']}>")
                else:
                    lines.append(f"{head}{self.object(item, coerce)}")
        return subject

    def object(self, item: Any, coerce: bool | str | None) -> str:
        kind = type(item)
        if kind is dict:
            if "@id" in item:
                return f"<{item['@id']}>" if len(item) == 1 else self.node(item)
            if "@value" in item:
                return f'"{escape_string(item["@value"])}"^^<{_expand_datatype(item["@type"])}>'
            if len(item) == 2 and _START_KEY in item and _END_KEY in item:  # an evidence span, inline
                label = f"{self.tag}{self.count}"
                self.count += 1
                self.lines.append(f'{label} {_NT_SPAN_START}"{item[_START_KEY]}"{_NT_INTEGER}')
                self.lines.append(f'{label} {_NT_SPAN_END}"{item[_END_KEY]}"{_NT_INTEGER}')
                return label
            return self.node(item)
        if kind is str:
            if coerce is None:
                return f'"{escape_string(item)}"'
            return f"<{item}>" if coerce is True else f'"{escape_string(item)}"^^<{coerce}>'
        if kind is bool:
            return _NT_BOOLEAN[item]
        if kind is int:
            return f'"{item}"{_NT_INTEGER}'
        raise FormatError(f"cannot spell {item!r} as RDF")  # pragma: no cover - the writer never builds it


def statements(tree: Node) -> list[str]:
    """List the N-Triples statements of an article's JSON-LD tree, each without its final `` .``.

    :func:`join_statements` turns them into N-Triples or N-Quads; a caller
    that needs both walks the tree once.
    """
    writer = _NTWriter(tree["@id"])
    writer.node(tree)
    return writer.lines


def join_statements(lines: list[str], graph: str | None = None) -> str:
    """Write statements as N-Triples, or as N-Quads in ``graph``."""
    end = " .\n" if graph is None else f" <{graph}> .\n"
    return end.join(lines) + end if lines else ""


def to_ntriples(article: NewsArticle) -> str:
    """Write the article as N-Triples (blank-node labels carry a hash of the article IRI)."""
    return join_statements(statements(to_jsonld(article)))


def to_nquads(article: NewsArticle) -> str:
    """Write the article as N-Quads in one named graph, the article IRI (what a store loads)."""
    return join_statements(statements(to_jsonld(article)), article.id)


def to_rdflib(article: NewsArticle) -> rdflib.Graph:
    """Build the article's ``rdflib.Graph`` (prefixes ``schema``, ``nm`` and ``xsd`` bound)."""
    import rdflib

    def literal(lexical: str, datatype: str | None) -> rdflib.Literal:
        return rdflib.Literal(lexical, datatype=rdflib.URIRef(datatype) if datatype else None)

    graph = rdflib.Graph(bind_namespaces="none")
    for prefix, iri in _PREFIXES.items():
        graph.bind(prefix, rdflib.Namespace(iri))
    terms: _Terms[Any] = _Terms(rdflib.URIRef, literal, rdflib.BNode)
    for triple in triples(article, terms):
        graph.add(triple)
    return graph


def to_quads(article: NewsArticle) -> list[pyoxigraph.Quad]:
    """Build the article's pyoxigraph quads in the named graph of its IRI (for ``Store.extend``)."""
    import pyoxigraph as ox

    def literal(lexical: str, datatype: str | None) -> ox.Literal:
        return ox.Literal(lexical, datatype=ox.NamedNode(datatype)) if datatype else ox.Literal(lexical)

    terms: _Terms[Any] = _Terms(ox.NamedNode, literal, ox.BlankNode)
    graph = ox.NamedNode(article.id)
    return [ox.Quad(s, p, o, graph) for s, p, o in triples(article, terms)]


def to_triples(article: NewsArticle) -> list[pyoxigraph.Triple]:
    """Build the article's pyoxigraph triples (for a store's ``load(..., to_graph=)`` or a graph)."""
    return [quad.triple for quad in to_quads(article)]


# --------------------------------------------------------------------------- Turtle


def _ttl_props(node: Node, queue: list[Node], indent: str, separator: str) -> str:
    parts: list[str] = []
    for key, value in node.items():
        if key[0] == "@":
            if key == "@type":
                parts.append("a " + _TYPE_CURIES[value])
            continue
        curie, coerce = _TTL_TERMS[key]
        if type(value) is list:
            inner = indent + "    "
            objects = (" ,\n" + inner).join([_ttl_object(item, coerce, queue, inner) for item in value])
        else:
            objects = _ttl_object(value, coerce, queue, indent)
        parts.append(f"{curie} {objects}")
    return separator.join(parts)


def _ttl_object(item: Any, coerce: bool | str | None, queue: list[Node], indent: str) -> str:
    kind = type(item)
    if kind is dict:  # a reference, an embedded node, a typed value or a blank node
        ident = item.get("@id")
        if ident is not None:
            if len(item) > 1:
                queue.append(item)
            return _CLASS_CURIES.get(ident) or f"<{ident}>"
        if "@value" in item:
            if item["@type"] == "xsd:decimal":
                return str(item["@value"])
            return f'"{escape_string(item["@value"])}"^^{item["@type"]}'
        if len(item) == 2 and _START_KEY in item and _END_KEY in item:  # an evidence span
            return f"[ nm:start {item[_START_KEY]} ; nm:end {item[_END_KEY]} ]"
        return "[ " + _ttl_props(item, queue, indent, " ; ") + " ]"
    if kind is str:
        if coerce is None:
            return f'"{escape_string(item)}"'
        return f"<{item}>" if coerce is True else f'"{escape_string(item)}"^^{coerce}'
    if kind is bool:
        return "true" if item else "false"
    if kind is int:
        return str(item)
    raise FormatError(f"cannot spell {item!r} as Turtle")  # pragma: no cover - the writer never builds it


def to_turtle(article: NewsArticle) -> str:
    """Write the article as Turtle: the article's block first, then every node it embeds."""
    return turtle_from_tree(to_jsonld(article))


def turtle_from_tree(tree: Node) -> str:
    """Write Turtle from an article's JSON-LD tree (what :func:`to_turtle` does after building it)."""
    queue: list[Node] = [tree]
    blocks: list[str] = [_TURTLE_HEAD]
    index = 0
    while index < len(queue):
        node = queue[index]
        index += 1
        blocks.append(f"<{node['@id']}> {_ttl_props(node, queue, '    ', _BLOCK_SEPARATOR)} .\n\n")
    return "".join(blocks)


_WRITERS: dict[Format, Callable[[NewsArticle], str]] = {
    Format.TURTLE: to_turtle,
    Format.NTRIPLES: to_ntriples,
    Format.NQUADS: to_nquads,
}


def dumps(article: NewsArticle, fmt: Format) -> str:
    """The article in one of the RDF text formats (Turtle, N-Triples, N-Quads)."""
    try:
        writer = _WRITERS[fmt]
    except KeyError:
        raise FormatError(f"{fmt.format_name} is not an RDF text format of this module") from None
    return writer(article)
