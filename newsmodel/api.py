r"""The one-call entry points: article text in, ``NewsArticle`` out.

>>> article = read_text(
...     "Skip to main content\n\nLee visits Paris\n\nAnn Lee arrived in Paris on Tuesday.",
...     {"datePublished": "2023-03-28"},
... )
>>> article.headline, str(article.date_published)
('Lee visits Paris', '2023-03-28')
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from newsmodel.ids import DEFAULT_BASE
from newsmodel.model import NewsArticle
from newsmodel.read.document import Metadata
from newsmodel.read.text import DEFAULT_MAX_SIZE

__all__ = ["read_text"]


def read_text(
    text: str | bytes,
    meta: Mapping[str, Any] | Metadata | None = None,
    *,
    base: str = DEFAULT_BASE,
    nlp: object | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
) -> NewsArticle:
    """Read a plain-text article (and its sidecar metadata) and map it to a ``NewsArticle``.

    ``meta`` is a sidecar mapping (``{"datePublished": "2023-03-28", "url": …}``)
    or a ``Metadata``; relative dates resolve against its ``datePublished``.
    ``nlp`` is an optional spaCy pipeline whose entities are merged in.
    Unreadable input raises ``ReadError``; anything the mapper cannot handle,
    ``ExtractionError``.
    """
    from newsmodel.extract.mapper import map_document
    from newsmodel.read.text import read_document

    return map_document(read_document(text, meta, max_size=max_size), base=base, nlp=nlp)
