"""Deterministic IRI minting.

The same input always gives the same IRIs, so output is byte-identical run to
run, and the same person named in two articles gets the same IRI, so graphs of
many articles join in a store. Entities live under a configurable base
(``{base}{kind}/{slug}``); an article's IRI is its URL when known, else one
minted from a hash of its text.

>>> entity_iri("person", "Ana Duarte")
'https://w3id.org/newsmodel/id/person/ana-duarte'
>>> entity_iri("place", "São Paulo")
'https://w3id.org/newsmodel/id/place/sao-paulo'
>>> article_iri("Some text")[:44]
'https://w3id.org/newsmodel/id/article/4c2e9e'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["DEFAULT_BASE", "article_iri", "entity_iri", "item_iri", "slugify"]

#: Where minted IRIs live unless the caller gives another base.
DEFAULT_BASE = "https://w3id.org/newsmodel/id/"


def slugify(name: str) -> str:
    """A lowercase ASCII slug of a name: accents dropped, runs of other characters to ``-``.

    >>> slugify("  U.S. Department of State ")
    'u-s-department-of-state'
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    if not slug:  # a name with no ASCII letters at all: hash it, stay deterministic
        slug = "x" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:16]
    return slug[:80]


def entity_iri(kind: str, name: str, base: str = DEFAULT_BASE) -> str:
    """The IRI of a person, organization or place, from its kind and canonical name."""
    return f"{base}{kind}/{slugify(name)}"


def article_iri(text: str, url: str | None = None, base: str = DEFAULT_BASE) -> str:
    """The article's URL when known, else ``{base}article/{sha256 of the text}``."""
    if url:
        return url
    return f"{base}article/{hashlib.sha256(text.encode('utf-8')).hexdigest()[:32]}"


def item_iri(article: str, kind: str, *parts: object, base: str = DEFAULT_BASE) -> str:
    """The IRI of a quotation, event or agreement of one article.

    Frames belong to their article, so their IRI hashes the article IRI with the
    frame's own distinguishing parts (its text, its offset).
    """
    digest = hashlib.sha256("\x1f".join([article, *map(str, parts)]).encode("utf-8")).hexdigest()[:20]
    return f"{base}{kind}/{digest}"
