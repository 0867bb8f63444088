"""Every output format behind one verb: ``dumps(article, fmt)``.

Each format lives in its own module with the same verbs (``to_…`` for the
in-memory value, ``dumps`` for text); this package dispatches on the closed
:class:`~newsmodel.formats.Format` enum, never on a plugin registry.

>>> from newsmodel.model import NewsArticle
>>> article = NewsArticle(id="https://example.org/a", headline="Hi")
>>> dumps(article, Format.TURTLE).splitlines()[4]
'<https://example.org/a> a schema:NewsArticle ;'
>>> dumps(article, Format.HTML)[:35]
'<script type="application/ld+json">'
"""

from __future__ import annotations

from newsmodel.formats import Format
from newsmodel.model import NewsArticle
from newsmodel.serialize.html import to_html_script
from newsmodel.serialize.jsonld import parse_jsonld, to_jsonld
from newsmodel.serialize.rdf import to_nquads, to_ntriples, to_quads, to_rdflib, to_turtle

__all__ = [
    "Format",
    "dumps",
    "parse_jsonld",
    "to_html_script",
    "to_jsonld",
    "to_nquads",
    "to_ntriples",
    "to_quads",
    "to_rdflib",
    "to_turtle",
]


def dumps(article: NewsArticle, fmt: Format) -> str:
    """The article as text in format ``fmt`` (plain JSON is validated by its writer)."""
    if fmt is Format.JSON:
        from newsmodel.serialize import json as json_format  # helper module, imported when used

        text: str = json_format.dumps(article)
        return text
    if fmt is Format.JSONLD:
        from newsmodel.serialize.jsonld import dumps as jsonld_dumps

        return jsonld_dumps(article)
    if fmt is Format.HTML:
        return to_html_script(article)
    from newsmodel.serialize.rdf import dumps as rdf_dumps

    return rdf_dumps(article, fmt)
