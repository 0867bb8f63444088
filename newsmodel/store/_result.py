"""Query results as plain Python values, the same from every store.

A SPARQL answer is a table of RDF terms; most callers want Python values
(``str``, ``int``, ``datetime``…) and a way to tell an IRI from a string that
looks like one. :class:`IRI` and :class:`BlankNode` are ``str`` subclasses, so
they print, compare and hash as the text they hold while ``isinstance`` still
tells them apart from literals.

Both stores turn their answer into pyoxigraph terms first (the embedded store
natively, the remote one by parsing the ``application/sparql-results+json`` or
N-Triples it receives), so one converter gives one row shape everywhere.

>>> import pyoxigraph as ox
>>> to_python(ox.Literal("42", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")))
42
>>> to_python(ox.NamedNode("http://schema.org/Person"))
IRI('http://schema.org/Person')
"""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Iterator
from typing import Any, Literal, TypeAlias

import attrs
import pyoxigraph as ox

__all__ = ["IRI", "BlankNode", "QueryResult", "Value", "result_from_oxigraph", "to_python"]

_XSD = "http://www.w3.org/2001/XMLSchema#"


class IRI(str):
    """An IRI in a query answer; a ``str`` that ``isinstance`` can tell from a literal."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"IRI({str.__repr__(self)})"


class BlankNode(str):
    """A blank node label in a query answer (only meaningful within that answer)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"BlankNode({str.__repr__(self)})"


#: What a cell of a result row holds; ``None`` for an unbound variable.
Value: TypeAlias = IRI | BlankNode | str | bool | int | float | decimal.Decimal | dt.datetime | dt.date | None


def _integer(text: str) -> Any:
    return int(text)


def _boolean(text: str) -> Any:
    if text in ("true", "1"):
        return True
    if text in ("false", "0"):
        return False
    raise ValueError(text)


def _schema_date(text: str) -> Any:
    """A ``schema:Date``: a full date, or a datetime where the context typed one so; partial dates fail."""
    return dt.datetime.fromisoformat(text) if "T" in text else dt.date.fromisoformat(text)


#: Datatypes with a Python reading; any other literal stays its lexical form.
_READERS: dict[str, Any] = {
    **{
        _XSD + name: _integer
        for name in (
            "integer",
            "int",
            "long",
            "short",
            "byte",
            "nonNegativeInteger",
            "positiveInteger",
            "nonPositiveInteger",
            "negativeInteger",
            "unsignedInt",
            "unsignedLong",
            "unsignedShort",
            "unsignedByte",
        )
    },
    _XSD + "decimal": decimal.Decimal,
    _XSD + "double": float,
    _XSD + "float": float,
    _XSD + "boolean": _boolean,
    _XSD + "dateTime": dt.datetime.fromisoformat,
    _XSD + "date": dt.date.fromisoformat,
    # what the official schema.org context types dates as (and so what we write)
    **{ns + "DateTime": dt.datetime.fromisoformat for ns in ("http://schema.org/", "https://schema.org/")},
    **{ns + "Date": _schema_date for ns in ("http://schema.org/", "https://schema.org/")},
}


def to_python(term: Any) -> Value:
    """The Python value of a pyoxigraph term (``None`` stays ``None``).

    Literals whose lexical form does not fit their datatype, and datatypes
    without a Python reading (``xsd:gYearMonth``, custom ones), stay strings:
    an answer is never refused for one odd cell.

    >>> to_python(ox.Literal("2023-03-28", datatype=ox.NamedNode(_XSD + "date")))
    datetime.date(2023, 3, 28)
    >>> to_python(ox.Literal("Main Street", language="en"))
    'Main Street'
    >>> to_python(ox.Literal("x", datatype=ox.NamedNode(_XSD + "integer")))
    'x'
    """
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return IRI(term.value)
    if isinstance(term, ox.BlankNode):
        return BlankNode(term.value)
    if isinstance(term, ox.Literal):
        reader = _READERS.get(term.datatype.value)
        if reader is not None:
            try:
                value: Value = reader(term.value)
            except (ValueError, ArithmeticError):
                return term.value
            return value
        return term.value
    return str(term)  # an RDF-star quoted triple: its N-Triples text


@attrs.frozen
class QueryResult:
    """The answer to one SPARQL query, whatever its form.

    ``kind`` is ``"select"`` (``rows`` of ``{variable: value}``, every variable
    present, ``None`` when unbound), ``"ask"`` (``boolean``) or ``"graph"``
    (CONSTRUCT/DESCRIBE: ``rows`` of ``subject``/``predicate``/``object`` and
    the triples as N-Triples in ``ntriples``). Iterating gives the rows; the
    truth of an ASK answer is its boolean, of any other its having rows.

    >>> r = QueryResult(kind="select", variables=("x",), rows=({"x": 1}, {"x": 2}))
    >>> [row["x"] for row in r], len(r)
    ([1, 2], 2)
    >>> bool(QueryResult(kind="ask", variables=(), rows=(), boolean=False))
    False
    """

    kind: Literal["select", "ask", "graph"]
    variables: tuple[str, ...]
    rows: tuple[dict[str, Value], ...]
    boolean: bool | None = None
    ntriples: str | None = None

    def __iter__(self) -> Iterator[dict[str, Value]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __bool__(self) -> bool:
        if self.kind == "ask":
            return bool(self.boolean)
        return bool(self.rows)

    def to_rdflib(self) -> Any:
        """The triples of a CONSTRUCT/DESCRIBE answer as an ``rdflib.Graph``."""
        import rdflib

        graph = rdflib.Graph()
        if self.ntriples:
            graph.parse(data=self.ntriples, format="nt")
        return graph


_TRIPLE_VARIABLES = ("subject", "predicate", "object")


def result_from_oxigraph(answer: Any) -> QueryResult:
    """Convert a pyoxigraph ``QuerySolutions``, ``QueryBoolean`` or ``QueryTriples``."""
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult(kind="ask", variables=(), rows=(), boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        names = tuple(v.value for v in answer.variables)
        rows = tuple({name: to_python(solution[name]) for name in names} for solution in answer)
        return QueryResult(kind="select", variables=names, rows=rows)
    triples = list(answer)
    text = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    rows = tuple(
        {"subject": to_python(t.subject), "predicate": to_python(t.predicate), "object": to_python(t.object)}
        for t in triples
    )
    return QueryResult(
        kind="graph", variables=_TRIPLE_VARIABLES, rows=rows, ntriples=bytes(text).decode("utf-8")
    )
