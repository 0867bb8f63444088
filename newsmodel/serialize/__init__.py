"""Every output format behind one verb: ``dumps(article, fmt)``.

Each format lives in its own module with the same verbs (``to_…`` for the
in-memory value, ``dumps`` for text); this package dispatches on the closed
:class:`~newsmodel.serialize.formats.Format` enum, never on a plugin registry.

>>> from newsmodel.model import NewsArticle
>>> article = NewsArticle(id="https://example.org/a", headline="Hi")
>>> dumps(article, Format.TURTLE).splitlines()[4]
'<https://example.org/a> a schema:NewsArticle ;'
>>> dumps(article, Format.HTML)[:35]
'<script type="application/ld+json">'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import orjson

from newsmodel.model import NewsArticle
from newsmodel.serialize.formats import Format
from newsmodel.serialize.html import to_html_script
from newsmodel.serialize.jsonld import parse_jsonld, to_jsonld, web_profile
from newsmodel.serialize.rdf import to_nquads, to_ntriples, to_quads, to_rdflib, to_triples, to_turtle

__all__ = [
    "WRITERS",
    "Format",
    "dumps",
    "dumps_all",
    "parse_jsonld",
    "to_html_script",
    "to_jsonld",
    "to_nquads",
    "to_ntriples",
    "to_quads",
    "to_rdflib",
    "to_triples",
    "to_turtle",
]


def dumps_all(article: NewsArticle, formats: Iterable[Format] = tuple(Format)) -> dict[Format, str]:
    """Write the article in several formats at once, building its JSON-LD tree only once.

    Same text as :func:`dumps` for each format; cheaper than calling it per
    format (the tree, the N-Triples behind the N-Quads and the JSON-LD behind
    the HTML block are shared).

    >>> from newsmodel.model import NewsArticle
    >>> texts = dumps_all(NewsArticle(id="https://example.org/a", headline="Hi"))
    >>> texts[Format.NQUADS] == dumps(NewsArticle(id="https://example.org/a", headline="Hi"), Format.NQUADS)
    True
    """
    from newsmodel.serialize import rdf
    from newsmodel.serialize.html import escape_script_json

    wanted = list(formats)
    out: dict[Format, str] = {}
    tree = to_jsonld(article)
    if Format.JSON in wanted:
        out[Format.JSON] = dumps(article, Format.JSON)
    if Format.JSONLD in wanted or Format.HTML in wanted:
        if Format.JSONLD in wanted:
            out[Format.JSONLD] = orjson.dumps(tree).decode("utf-8")
        if Format.HTML in wanted:
            text = orjson.dumps(web_profile(tree)).decode("utf-8")
            out[Format.HTML] = f'<script type="application/ld+json">{escape_script_json(text)}</script>'
    if Format.TURTLE in wanted:
        out[Format.TURTLE] = rdf.turtle_from_tree(tree)
    if Format.NTRIPLES in wanted or Format.NQUADS in wanted:
        lines = rdf.statements(tree)
        if Format.NTRIPLES in wanted:
            out[Format.NTRIPLES] = rdf.join_statements(lines)
        if Format.NQUADS in wanted:
            out[Format.NQUADS] = rdf.join_statements(lines, article.id)
    return {fmt: out[fmt] for fmt in wanted}


def _json(article: NewsArticle) -> str:
    from newsmodel.serialize import json as json_format  # helper module, imported when used

    text: str = json_format.dumps(article)
    return text


def _jsonld(article: NewsArticle) -> str:
    from newsmodel.serialize.jsonld import dumps as jsonld_dumps

    return jsonld_dumps(article)


def _rdf_writer(fmt: Format) -> Callable[[NewsArticle], str]:
    def write(article: NewsArticle) -> str:
        from newsmodel.serialize.rdf import dumps as rdf_dumps

        return rdf_dumps(article, fmt)

    return write


#: The writer of each format: a table, so a new format is one line here and one member of ``Format``.
WRITERS: dict[Format, Callable[[NewsArticle], str]] = {
    Format.JSON: _json,
    Format.JSONLD: _jsonld,
    Format.HTML: to_html_script,
    **{fmt: _rdf_writer(fmt) for fmt in (Format.TURTLE, Format.NTRIPLES, Format.NQUADS)},
}


def dumps(article: NewsArticle, fmt: Format) -> str:
    """The article as text in format ``fmt`` (plain JSON is validated by its writer)."""
    return WRITERS[fmt](article)
