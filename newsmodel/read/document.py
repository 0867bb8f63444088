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
import re
from typing import Any

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
    return _CHAR_RE.sub(_replacement, text)


#: Any character of the map: ``str.translate`` looks up every character of the text in a
#: dict, while the regex skips the (vast majority of) characters that stay as they are.
_CHAR_RE = re.compile("[" + "".join(re.escape(chr(code)) for code in _CHAR_MAP) + "]")


def _replacement(match: re.Match[str]) -> str:
    """The map's one character for the matched one."""
    return str(_CHAR_MAP[ord(match.group())])


#: Fields that go together: a sidecar that sets one of a group replaces the whole group.
_GROUPS: tuple[tuple[str, ...], ...] = (
    ("authors", "author_urls", "author_same_as", "author_organizations"),
    ("publisher", "publisher_url", "publisher_logo"),
)


@attrs.frozen(kw_only=True)
class Metadata:
    """What a sidecar (``<stem>.meta.json``) or a page's own markup says about the article.

    Readers fill what they know; everything is optional. It holds values, not
    model objects: the mapper builds the article's authors and publisher from
    them (``extract/credits.py``), the same way whichever reader filled them.
    """

    url: str | None = None
    headline: str | None = None
    date_published: dt.datetime | dt.date | None = None
    date_modified: dt.datetime | dt.date | None = None
    publisher: str | None = None
    publisher_url: str | None = None
    publisher_logo: str | None = None
    authors: tuple[str, ...] = ()
    #: Per author, in the order of ``authors`` (shorter when the source gives none):
    #: the author's page, its ``sameAs`` profiles, whether the source makes it an
    #: organization (a desk, a wire, an agency) rather than a person.
    author_urls: tuple[str | None, ...] = ()
    author_same_as: tuple[tuple[str, ...], ...] = ()
    author_organizations: tuple[bool, ...] = ()
    language: str | None = None
    section: str | None = None
    description: str | None = None
    images: tuple[Image, ...] = ()
    #: Human-readable notes on choices the reader made (e.g. which byline won).
    notes: tuple[str, ...] = ()

    def overridden_by(self, sidecar: Metadata | None) -> Metadata:
        """Return this metadata with what ``sidecar`` says put over it: the one sidecar rule.

        Every field the sidecar sets wins; a field it leaves empty keeps this
        one's value. The authors (names with their links and kinds) and the
        publisher (name, url, logo) go as wholes when the sidecar names them, so
        a sidecar's author never inherits a link the page gave another author.
        Notes are kept from both.

        >>> page = Metadata(headline="Page title", authors=("Ann Lee",), author_urls=("https://a.example/lee",))
        >>> merged = page.overridden_by(Metadata(authors=("Bo Chen",), section="World"))
        >>> merged.headline, merged.authors, merged.author_urls, merged.section
        ('Page title', ('Bo Chen',), (), 'World')
        """
        if sidecar is None:
            return self
        grouped = {name for group in _GROUPS for name in group}
        changes: dict[str, Any] = {}
        for group in _GROUPS:
            if getattr(sidecar, group[0]):  # the group's name: the authors, the publisher
                changes.update({name: getattr(sidecar, name) for name in group})
        for field in attrs.fields(Metadata):
            name = field.name
            if name in grouped or name == "notes":
                continue
            value = getattr(sidecar, name)
            if value is not None and value != ():
                changes[name] = value
        changes["notes"] = self.notes + tuple(n for n in sidecar.notes if n not in self.notes)
        return attrs.evolve(self, **changes)


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
