r"""The read document: what every reader (text, HTML) hands to the mapper.

Readers differ in where the text comes from; the mapper only ever sees a
``Document``. Analysis runs on one string, ``text``: the headline, a blank
line, then the body. ``text`` is the normalized spelling (non-breaking spaces
to spaces, curly quotes to straight ones, dashes to ``-``); ``raw`` is the same
characters as the article spells them. Normalization replaces characters one
for one, so ``text`` and ``raw`` have the same length and every offset is valid
in both: spans found on ``text`` point at the published words in ``raw``.

>>> doc = Document.build(headline="Duarte meets Reyes", body="Reyes met\u00a0Duarte.")
>>> doc.text[doc.body_start:]
'Reyes met Duarte.'
>>> doc.body
'Reyes met\xa0Duarte.'
>>> doc.body_span(doc.body_start, doc.body_start + 5)
Span(start=0, end=5)
"""

from __future__ import annotations

import datetime as dt

import attrs

from newsmodel.model import Image, Span

__all__ = ["Document", "Metadata", "normalize_chars"]

# One-for-one replacements: the analysis text keeps the length of the raw text.
_CHAR_MAP = str.maketrans(
    {
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u3000": " ",
        "\u2028": "\n",
        "\u2029": "\n",
        "\t": " ",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2033": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00ad": "-",
        "\u200b": " ",
        "\ufeff": " ",
    }
)


def normalize_chars(text: str) -> str:
    r"""Replace typographic characters one for one; the length never changes.

    >>> normalize_chars("\u201cIt\u2019s a six\u2011year war\u201d")
    '"It\'s a six-year war"'
    """
    return text.translate(_CHAR_MAP)


@attrs.frozen(kw_only=True)
class Metadata:
    """What a sidecar (``<stem>.meta.json``) or a page's own markup says about the article.

    Readers fill what they know; everything is optional.
    """

    url: str | None = None
    headline: str | None = None
    date_published: dt.datetime | dt.date | None = None
    date_modified: dt.datetime | dt.date | None = None
    publisher: str | None = None
    publisher_url: str | None = None
    publisher_logo: str | None = None
    authors: tuple[str, ...] = ()
    author_urls: tuple[str | None, ...] = ()
    language: str | None = None
    section: str | None = None
    description: str | None = None
    images: tuple[Image, ...] = ()
    #: Human-readable notes on choices the reader made (e.g. which byline won).
    notes: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Document:
    """An article ready for the mapper: analysis text, raw text, paragraphs, metadata."""

    text: str
    raw: str
    body_start: int
    #: ``(start, end)`` of each paragraph in ``text``; the headline is the first.
    paragraphs: tuple[tuple[int, int], ...]
    meta: Metadata = Metadata()
    #: ``(text offset, source offset)`` pairs: where each kept segment of ``raw``
    #: started in the reader's input, for mapping spans back to the original.
    source_offsets: tuple[tuple[int, int], ...] = ()

    @classmethod
    def build(
        cls,
        *,
        headline: str,
        body: str,
        meta: Metadata | None = None,
        source_offsets: tuple[tuple[int, int], ...] = (),
    ) -> Document:
        """Join a headline and a body (paragraphs split on blank lines)."""
        raw = f"{headline}\n\n{body}"
        body_start = len(headline) + 2
        paragraphs = [(0, len(headline))] if headline else []
        pos = body_start
        for chunk in body.split("\n\n"):
            stripped = chunk.strip()
            if stripped:
                start = pos + chunk.index(stripped[0])
                paragraphs.append((start, start + len(stripped)))
            pos += len(chunk) + 2
        return cls(
            text=normalize_chars(raw),
            raw=raw,
            body_start=body_start,
            paragraphs=tuple(paragraphs),
            meta=meta or Metadata(),
            source_offsets=source_offsets,
        )

    @property
    def headline(self) -> str:
        """The headline as published."""
        return self.raw[: max(self.body_start - 2, 0)]

    @property
    def body(self) -> str:
        """The body as published: this becomes ``articleBody``."""
        return self.raw[self.body_start :]

    def body_span(self, start: int, end: int) -> Span | None:
        """A ``Span`` in ``articleBody`` for ``text[start:end]``; ``None`` inside the headline."""
        if start < self.body_start:
            return None
        return Span(start=start - self.body_start, end=end - self.body_start)

    def source_offset(self, offset: int) -> int:
        """Where ``text[offset]`` stood in the reader's input (identity when unknown)."""
        best = (0, 0)
        for text_at, source_at in self.source_offsets:
            if text_at > offset:
                break
            best = (text_at, source_at)
        return best[1] + offset - best[0]
