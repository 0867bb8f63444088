"""Output formats as values.

A format is a value that knows its name, media type and file extension (as in
pyoxigraph), not a string looked up in a plugin registry. The CLI's ``--to``
choices and the ``dumps`` dispatch both come from this one closed enum.

>>> Format.TURTLE.media_type
'text/turtle'
>>> Format.from_name("jsonld").extension
'jsonld'
>>> Format.from_name("rdf/xml")
Traceback (most recent call last):
...
newsmodel.errors.FormatError: unknown format 'rdf/xml'; choose one of: json, jsonld, turtle, nt, nquads, html
"""

from __future__ import annotations

import enum

from newsmodel.errors import FormatError

__all__ = ["Format"]


class Format(enum.Enum):
    """Every format newsmodel writes: ``(name, media type, file extension, is RDF)``."""

    JSON = ("json", "application/json", "json", False)
    JSONLD = ("jsonld", "application/ld+json", "jsonld", True)
    TURTLE = ("turtle", "text/turtle", "ttl", True)
    NTRIPLES = ("nt", "application/n-triples", "nt", True)
    NQUADS = ("nquads", "application/n-quads", "nq", True)
    HTML = ("html", "text/html", "html", False)

    def __init__(self, name: str, media_type: str, extension: str, is_rdf: bool) -> None:
        self.format_name = name
        self.media_type = media_type
        self.extension = extension
        self.is_rdf = is_rdf

    @classmethod
    def from_name(cls, name: str) -> Format:
        """The format called ``name`` (``"json"``, ``"turtle"``, …), or ``FormatError``."""
        for member in cls:
            if member.format_name == name.lower():
                return member
        choices = ", ".join(m.format_name for m in cls)
        raise FormatError(f"unknown format {name!r}; choose one of: {choices}")

    @classmethod
    def names(cls) -> list[str]:
        """The names the CLI accepts, in a stable order."""
        return [m.format_name for m in cls]
