"""SHACL shapes of the newsmodel RDF profile, checked with pyshacl.

The shapes (``schemas/newsmodel.shacl.ttl``, shipped as
``newsmodel/data/newsmodel.shacl.ttl``) say what our RDF must look like:
literal-aware (a ``name`` is an ``xsd:string``, a date an ``xsd:date`` or
``xsd:dateTime``) and with cardinalities (one headline, two or more parties).
Structural rules are violations; the properties Google recommends for a
``NewsArticle`` (image, author, datePublished, dateModified, publisher) are
warnings, since an honest article may lack them.

:func:`check_graph` returns a :class:`Report` of findings, each with its focus
node, path and message; :meth:`Report.raise_for_violations` turns violations
into a :class:`~newsmodel.errors.ValidationError`.

>>> import rdflib
>>> g = rdflib.Graph().parse(format="turtle", data='''
...     @prefix schema: <http://schema.org/> .
...     <https://example.org/a> a schema:NewsArticle ; schema:headline "Hi", "Hello" .''')
>>> report = check_graph(g)
>>> report.conforms
False
>>> print(report.violations[0].path, "/", report.violations[0].message)
schema:headline / a NewsArticle needs exactly one headline, a non-empty string
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any, Literal

import attrs

from newsmodel.errors import FormatError, ValidationError
from newsmodel.knowledge import read_shipped

__all__ = ["Finding", "Report", "check_graph", "shapes_graph", "validate_file"]

_SH = "http://www.w3.org/ns/shacl#"
_PREFIXES = {
    "http://schema.org/": "schema:",
    "https://w3id.org/newsmodel#": "nm:",
    "http://www.w3.org/2001/XMLSchema#": "xsd:",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
}

Severity = Literal["Violation", "Warning", "Info"]


def _short(term: Any) -> str:
    """A readable spelling of a term: a CURIE for our namespaces, ``<iri>``, ``_:b`` or a literal."""
    import rdflib

    if term is None:
        return "(none)"
    if isinstance(term, rdflib.URIRef):
        text = str(term)
        for namespace, prefix in _PREFIXES.items():
            if text.startswith(namespace):
                return prefix + text[len(namespace) :]
        return f"<{text}>"
    if isinstance(term, rdflib.BNode):
        return "_:" + str(term)
    if isinstance(term, rdflib.Literal):
        return str(term.n3())
    return str(term)


@attrs.frozen
class Finding:
    """One SHACL result: how bad, on which node, along which property, saying what."""

    severity: Severity
    focus: str
    path: str
    message: str
    value: str | None = None

    def __str__(self) -> str:
        where = f"{self.focus} {self.path}" if self.path else self.focus
        value = f" (value {self.value})" if self.value is not None and self.value != self.focus else ""
        return f"{self.severity}: {where}: {self.message}{value}"


@attrs.frozen
class Report:
    """Every finding of one check; ``conforms`` is true when none is a violation."""

    findings: tuple[Finding, ...]

    @property
    def violations(self) -> tuple[Finding, ...]:
        """The findings that break the profile."""
        return tuple(f for f in self.findings if f.severity == "Violation")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings that are recommendations (Google's Article properties)."""
        return tuple(f for f in self.findings if f.severity != "Violation")

    @property
    def conforms(self) -> bool:
        """Whether the graph has no violation (warnings allowed)."""
        return not self.violations

    def text(self) -> str:
        """One line per finding, violations first; ``"conforms"`` when there is none."""
        if not self.findings:
            return "conforms"
        return "\n".join(str(f) for f in (*self.violations, *self.warnings))

    def raise_for_violations(self, what: str = "graph") -> None:
        """Raise ``ValidationError`` listing every violation, if there is any."""
        if self.violations:
            raise ValidationError(
                f"{what} breaks the newsmodel SHACL shapes ({len(self.violations)} violations)",
                [(f"{f.focus} {f.path}".strip(), f.message) for f in self.violations],
            )


@functools.cache
def shapes_graph() -> Any:
    """The shapes as an ``rdflib.Graph``, parsed once from the copy shipped in the package."""
    import rdflib

    data = read_shipped("newsmodel.shacl.ttl")
    return rdflib.Graph().parse(data=data, format="turtle")


def check_graph(graph: Any) -> Report:
    """Check an ``rdflib.Graph`` against the shapes; every finding goes into the report."""
    import pyshacl
    import rdflib

    _conforms, results, _text = pyshacl.validate(
        graph,
        shacl_graph=shapes_graph(),
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
        meta_shacl=False,
        advanced=False,
    )
    sh = rdflib.Namespace(_SH)
    findings = []
    for result in results.subjects(rdflib.RDF.type, sh.ValidationResult):
        severity = results.value(result, sh.resultSeverity)
        value = results.value(result, sh.value)
        message = results.value(result, sh.resultMessage)
        findings.append(
            Finding(
                severity=str(severity).removeprefix(_SH) if severity is not None else "Violation",  # type: ignore[arg-type]
                focus=_short(results.value(result, sh.focusNode)),
                path=_short(results.value(result, sh.resultPath))
                if results.value(result, sh.resultPath)
                else "",
                message=str(message) if message is not None else "breaks a shape",
                value=_short(value) if value is not None else None,
            )
        )
    findings.sort(key=lambda f: (f.severity != "Violation", f.focus, f.path, f.message, f.value or ""))
    return Report(findings=tuple(findings))


def _union_of_quads(data: bytes, fmt: str) -> Any:
    """The union of every graph of an N-Quads or TriG document, as one ``rdflib.Graph``.

    pyoxigraph reads the dataset (rdflib's Dataset parser warns on every
    call); the shapes apply to each article's triples, so the union is what
    gets checked.
    """
    import pyoxigraph as ox
    import rdflib

    syntax = ox.RdfFormat.N_QUADS if fmt == "nquads" else ox.RdfFormat.TRIG
    triples = [quad.triple for quad in ox.parse(data, format=syntax)]
    graph = rdflib.Graph()
    if triples:
        graph.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"", format="nt")
    return graph


_FILE_FORMATS = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld"}


def validate_file(path: str | os.PathLike[str]) -> Report:
    """Check an RDF file (``.ttl``, ``.nt``, ``.nq``, ``.trig``, ``.jsonld``) against the shapes.

    For ``newsmodel validate``: a file that does not parse raises
    ``FormatError``; what parses is checked and reported (the caller decides
    what to do with violations: ``report.raise_for_violations(path)``).
    """
    import rdflib

    file = Path(path)
    fmt = _FILE_FORMATS.get(file.suffix.lower())
    if fmt is None:
        raise FormatError(f"{file}: cannot tell the RDF format; use one of {', '.join(_FILE_FORMATS)}")
    data = file.read_bytes()
    graph: Any
    try:
        if fmt == "json-ld":
            from newsmodel.serialize.jsonld import parse_jsonld

            graph = parse_jsonld(data)
        elif fmt in ("nquads", "trig"):
            graph = _union_of_quads(data, fmt)
        else:
            graph = rdflib.Graph().parse(data=data, format=fmt)
    except FormatError:
        raise
    except Exception as exc:  # rdflib raises many unrelated types on bad input
        raise FormatError(f"{file}: does not parse as {fmt}: {exc}") from exc
    return check_graph(graph)
