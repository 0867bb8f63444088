r"""The article as a ``<script type="application/ld+json">`` block for a web page.

Inside a ``<script>`` element the HTML parser looks only for ``</script``;
JavaScript engines used to treat U+2028 and U+2029 as line ends. Escaping
``<``, ``>``, ``&``, U+2028 and U+2029 as JSON ``\uXXXX`` escapes (never HTML
entities, which a script element does not decode) keeps any headline from
closing the tag, and the text is still exactly the same JSON.

>>> from newsmodel.model import NewsArticle
>>> block = to_html_script(NewsArticle(id="https://example.org/a", headline="</script>"))
>>> "</script>" in block[:-len("</script>")]
False
>>> block[-42:]
'"headline":"\\u003c/script\\u003e"}</script>'
"""

from __future__ import annotations

from newsmodel.model import NewsArticle
from newsmodel.serialize.jsonld import dumps as jsonld_dumps

__all__ = ["escape_script_json", "to_html_script"]

_ESCAPES = tuple((c, f"\\u{ord(c):04x}") for c in "<>&\u2028\u2029")


def escape_script_json(text: str) -> str:
    r"""JSON text made safe inside a script element (same JSON value, no ``<``, ``>``, ``&``…).

    Valid only for JSON: the characters it escapes may only occur inside JSON
    strings, where ``\uXXXX`` means the same character.

    >>> escape_script_json('{"a":"<b>&\u2028"}')
    '{"a":"\\u003cb\\u003e\\u0026\\u2028"}'
    """
    for raw, escaped in _ESCAPES:
        if raw in text:  # a C scan; the copy only happens for a character that occurs
            text = text.replace(raw, escaped)
    return text


def to_html_script(article: NewsArticle, *, provenance: bool = False) -> str:
    """The article's JSON-LD wrapped in a ``<script type="application/ld+json">`` element.

    The block is the web profile (no evidence spans, confidences or order
    literals) unless ``provenance=True`` keeps them.
    """
    text = jsonld_dumps(article, provenance=provenance)
    return f'<script type="application/ld+json">{escape_script_json(text)}</script>'
