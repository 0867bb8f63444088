"""Output formats as values.

A format is a value that knows its name, media type and file extension (as in
pyoxigraph), not a string looked up in a plugin registry. The CLI's ``--to``
choices and the ``dumps`` dispatch both come from this one closed enum.

>>> Format.TURTLE.media_type
'text/turtle'
>>> Format.from_name("jsonld").extension
'jsonld'
>>> Format.NQUADS.rdf_format
<RdfFormat N-Quads>
>>> Format.from_name("rdf/xml")
Traceback (most recent call last):
...
newsmodel.errors.FormatError: unknown format 'rdf/xml'; choose one of: json, jsonld, turtle, nt, nquads, html
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from newsmodel.errors import FormatError

if TYPE_CHECKING:
    import pyoxigraph

__all__ = ["Format"]


class Format(enum.Enum):
    """Every format newsmodel writes: ``(name, media type, file extension, is RDF, pyoxigraph's name)``.

    The last item names pyoxigraph's parser for the format, where pyoxigraph can
    read it offline; JSON-LD has none here because pyoxigraph would fetch the
    remote schema.org context, and we read it with the bundled one instead.
    """

    JSON = ("json", "application/json", "json", False, None)
    JSONLD = ("jsonld", "application/ld+json", "jsonld", True, None)
    TURTLE = ("turtle", "text/turtle", "ttl", True, "TURTLE")
    NTRIPLES = ("nt", "application/n-triples", "nt", True, "N_TRIPLES")
    NQUADS = ("nquads", "application/n-quads", "nq", True, "N_QUADS")
    HTML = ("html", "text/html", "html", False, None)

    def __init__(
        self, name: str, media_type: str, extension: str, is_rdf: bool, oxigraph: str | None
    ) -> None:
        self.format_name = name
        self.media_type = media_type
        self.extension = extension
        self.is_rdf = is_rdf
        self._oxigraph = oxigraph

    @property
    def rdf_format(self) -> pyoxigraph.RdfFormat | None:
        """The pyoxigraph ``RdfFormat`` for reading this format offline, or ``None`` (JSON-LD, JSON, HTML)."""
        if self._oxigraph is None:
            return None
        import pyoxigraph

        return getattr(pyoxigraph.RdfFormat, self._oxigraph)  # type: ignore[no-any-return]

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
