r"""Read a news web page: its main text and what its markup says about it.

``read_html_document`` turns a page (``str``, ``bytes``, or gzip-compressed
bytes) into the ``Document`` every reader hands to the mapper: the headline,
the article's own paragraphs (no navigation, captions, share lines or related
links) and the page's metadata (JSON-LD, OpenGraph, ``<meta>`` tags, the
visible byline). ``newsmodel.read_html`` hands it to the mapper.

The page is parsed once, with lxml (linear in its size); a page of more than
``MAX_BYTES`` is refused rather than read slowly.

>>> page = ('<html lang="en"><head><title>T</title>'
...         '<meta property="og:site_name" content="The Planet"></head><body><article>'
...         '<h1>Mayor opens the new bridge</h1><p class="byline">By Jane Doe, The Planet</p>'
...         '<p>The mayor opened the bridge on Monday after three years of work on it.</p>'
...         '<p>Thousands of people walked across it in the first hour, officials said.</p>'
...         '</article></body></html>')
>>> doc = read_html_document(page)
>>> doc.headline, doc.meta.authors, doc.meta.publisher, doc.meta.language
('Mayor opens the new bridge', ('Jane Doe',), 'The Planet', 'en')
>>> doc.meta.author_organizations
(False,)
>>> doc.body.split("\n\n")[0]
'The mayor opened the bridge on Monday after three years of work on it.'
"""

from __future__ import annotations

import codecs
import gzip  # noqa: F401  (used by the doctest)
import re
import zlib

import lxml.etree
import lxml.html

from newsmodel.errors import ReadError
from newsmodel.read._html_body import body_text, clean_blocks, extract_blocks
from newsmodel.read._html_meta import PageMeta, read_page_meta
from newsmodel.read.document import Document, Metadata

__all__ = ["MAX_BYTES", "decode_page", "parse_tree", "read_html_document", "read_page"]

#: Pages larger than this (after gunzipping) are refused with a ``ReadError``.
MAX_BYTES = 64 * 1024 * 1024
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_GZIP_MAGIC = b"\x1f\x8b"


def decode_page(data: str | bytes) -> str:
    """Decode the page to text: gunzipped when compressed, decoded by BOM, ``<meta charset>`` or UTF-8.

    >>> decode_page(gzip.compress("<p>caf\u00e9</p>".encode()))
    '<p>café</p>'
    """
    if isinstance(data, str):
        return data
    if not isinstance(data, bytes | bytearray | memoryview):
        raise ReadError(f"an HTML page must be str or bytes, not {type(data).__name__}")
    raw = bytes(data)
    if raw[:2] == _GZIP_MAGIC:
        raw = _gunzip(raw)
    if len(raw) > MAX_BYTES:
        raise ReadError(f"the page is {len(raw):,} bytes; pages over {MAX_BYTES:,} bytes are refused")
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if raw.startswith(bom):
            return raw[len(bom) :].decode(encoding, errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    match = _CHARSET.search(raw[:8192])
    if match:
        try:
            return raw.decode(match.group(1).decode("ascii").lower(), errors="replace")
        except LookupError:
            pass
    return raw.decode("cp1252", errors="replace")


def _gunzip(raw: bytes) -> bytes:
    """Decompress, refusing to inflate past ``MAX_BYTES`` (a small file can unpack huge)."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(raw, MAX_BYTES + 1)
    except zlib.error as exc:
        raise ReadError(f"the page looks gzip-compressed but does not decompress: {exc}") from exc
    if len(out) > MAX_BYTES:
        raise ReadError(f"the page unpacks to over {MAX_BYTES:,} bytes; refused")
    return out


def parse_tree(text: str) -> lxml.html.HtmlElement:
    """The lxml tree of a decoded page (``decode_page``); ``ReadError`` when it is empty or not HTML."""
    if not text.strip():
        raise ReadError("the page is empty")
    # lxml refuses str input that declares an encoding; NULs break its C parser.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text).replace("\x00", "")
    parser = lxml.html.HTMLParser(huge_tree=True, remove_comments=True, recover=True)
    try:
        tree = lxml.html.document_fromstring(text, parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise ReadError(f"the page does not parse as HTML: {exc}") from exc
    if tree is None:
        raise ReadError("the page does not parse as HTML")
    return tree


def read_page(html: str | bytes, url: str | None = None) -> tuple[Document, PageMeta]:
    """Read a page into its ``Document`` and the ``PageMeta`` it was built from.

    The ``Document``'s ``Metadata`` carries all the mapper needs (the authors
    with their links and kinds, the publisher with its logo); ``PageMeta`` is
    for looking at what the page's markup said.
    """
    text = decode_page(html)
    tree = parse_tree(text)
    meta = read_page_meta(tree, url)
    blocks = extract_blocks(tree, meta.url)  # trafilatura prunes the tree: metadata first
    kept = clean_blocks(
        blocks, headline=meta.headline, description=meta.description, reference=meta.markup_body
    )
    body = body_text(kept)
    notes = list(meta.notes)
    if not body and meta.markup_body and len(meta.markup_body.split()) >= 20:
        body = "\n\n".join(p.strip() for p in meta.markup_body.splitlines() if p.strip())
        notes.append("body: no article text found in the page; used the articleBody of its markup")
    if not body and not meta.headline:
        raise ReadError("the page has no article: no headline and no main text found")
    headline = meta.headline
    if not headline:  # body without any headline: take the first short line, else say so
        if len(kept) > 1 and kept[0].words <= 25:
            headline, body = kept[0].text, body_text(kept[1:])
            notes.append("headline: the page names none; used its first line")
        else:
            words = body.split()
            headline = " ".join(words[:12]) + (" ..." if len(words) > 12 else "")
            notes.append("headline: the page names none; used the first words of the text")
    if not body:
        notes.append("body: no article text found in the page")
    metadata = Metadata(
        url=meta.url,
        headline=meta.headline,
        date_published=meta.date_published,
        date_modified=meta.date_modified,
        publisher=meta.publisher.name if meta.publisher else None,
        publisher_url=meta.publisher.url if meta.publisher else None,
        publisher_logo=meta.publisher.logo if meta.publisher else None,
        authors=tuple(a.name for a in meta.authors),
        author_urls=tuple(a.url for a in meta.authors),
        author_same_as=tuple(a.same_as for a in meta.authors),
        author_organizations=tuple(a.organization for a in meta.authors),
        language=meta.language,
        section=meta.section,
        description=meta.description,
        images=meta.images,
        notes=tuple(notes),
    )
    return Document.build(headline=headline, body=body, meta=metadata), meta


def read_html_document(html: str | bytes, url: str | None = None) -> Document:
    """Read a page (``str``, ``bytes`` or gzip bytes) into a ``Document``.

    Raises ``ReadError`` when the page is empty, too large or holds no article.
    """
    return read_page(html, url)[0]
