r"""rdflib namespace objects for our data, and queries written with either schema.org namespace.

schema.org has two spellings of its namespace. Its official JSON-LD context,
which every web page's ``"@context": "https://schema.org"`` loads, expands
terms to ``http://schema.org/`` — so that is what search engines, extruct and
every JSON-LD processor produce, and what newsmodel writes in RDF too. rdflib's
built-in ``SDO`` namespace is ``https://schema.org/`` (the spelling schema.org
recommends for new vocabularies), so ``graph.value(article, SDO.headline)``
finds nothing in our graphs. Use the namespace objects here instead:

>>> from newsmodel.namespaces import NM, SCHEMA
>>> str(SCHEMA.headline), str(NM.confidence)
('http://schema.org/headline', 'https://w3id.org/newsmodel#confidence')

and a SPARQL query written with the ``https://`` spelling still finds our
data: :func:`http_schema_iris` rewrites it (the stores do so before running
any query).

>>> print(http_schema_iris("PREFIX s: <https://schema.org/> SELECT * { ?a <https://schema.org/name> ?n }"))
PREFIX s: <http://schema.org/> SELECT * { ?a <http://schema.org/name> ?n }
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from newsmodel import vocab

if TYPE_CHECKING:
    from rdflib import Namespace

    #: schema.org as our RDF (and the official JSON-LD context) spells it: ``http://schema.org/``.
    SCHEMA: Namespace
    #: The project's extension vocabulary (``schemas/newsmodel.ttl``).
    NM: Namespace

__all__ = ["NM", "SCHEMA", "http_schema_iris"]


def __getattr__(name: str) -> Any:
    """``SCHEMA`` and ``NM`` are made on first use: the stores import this module, rdflib need not load."""
    if name in ("SCHEMA", "NM"):
        from rdflib import Namespace

        value = Namespace(vocab.SCHEMA if name == "SCHEMA" else vocab.NM)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: The tokens a rewrite must see whole: strings (long and short, either quote), IRI references, comments.
_LONG_STRINGS = r'"""(?:[^"\\]|\\.|"(?!""))*"""' + "|" + r"'''(?:[^'\\]|\\.|'(?!''))*'''"
_SHORT_STRINGS = r'"(?:[^"\\\n]|\\.)*"' + "|" + r"'(?:[^'\\\n]|\\.)*'"
_TOKENS = re.compile("|".join((_LONG_STRINGS, _SHORT_STRINGS, r'<[^<>"{}|^`\\\s]*>', r"#[^\n]*")))
_HTTPS = "<https://schema.org/"


def http_schema_iris(sparql: str) -> str:
    r"""The query with every ``<https://schema.org/…>`` IRI written ``<http://schema.org/…>``.

    Only IRI references change (``PREFIX`` declarations included); strings and
    comments that merely mention the namespace stay as they are.

    >>> http_schema_iris('SELECT * { ?a ?p "<https://schema.org/name>" } # <https://schema.org/x>')
    'SELECT * { ?a ?p "<https://schema.org/name>" } # <https://schema.org/x>'
    """
    if _HTTPS not in sparql:
        return sparql
    return _TOKENS.sub(_rewrite, sparql)


def _rewrite(token: re.Match[str]) -> str:
    text = token.group(0)
    return "<http://schema.org/" + text[len(_HTTPS) :] if text.startswith(_HTTPS) else text
