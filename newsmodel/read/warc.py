"""Read web archives (WARC, ISO 28500): the HTML pages their response records hold.

Crawls (Common Crawl's news crawl, national web archives) come as WARC files,
plain or gzipped record by record (``.warc.gz``). :func:`iter_warc` yields one
:class:`WarcPage` per ``response`` record whose HTTP status is 200 and whose
payload is HTML, with the record's target URI and date; every other record is
passed over and counted in a :class:`WarcCounts` (request, metadata and
warcinfo records, redirects and errors, images and scripts).

The parser is FastWARC (``fastwarc``): on the same archive it read response
records about twice as fast as ``warcio`` (``benchmarks/bulk.py`` measures
both), and it raises on a broken gzip member or header instead of printing a
warning and going on. Neither library reports an archive cut short, so this
module checks each record against its declared ``Content-Length`` and the
last gzip member for its end: a truncated or corrupt archive raises a
:class:`~newsmodel.errors.ReadError` that names the file and the byte offset,
after every complete page before it has been yielded.

The crawl date is not the article's publication date; it is kept as the
page's ``date`` for the caller (the mapper reads publication dates from the
page itself).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

import attrs

from newsmodel.errors import ReadError

__all__ = ["WarcCounts", "WarcPage", "is_warc", "iter_warc"]

_WARC_SUFFIXES = (".warc", ".warc.gz")
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_GZIP_MAGIC = b"\x1f\x8b"


@attrs.frozen(kw_only=True)
class WarcPage:
    """One HTML page of an archive: what the mapper needs, and where it came from."""

    #: ``WARC-Target-URI``: the page's address, used as the article's ``url``.
    url: str
    #: ``WARC-Date`` as written in the record (ISO 8601): when it was crawled.
    date: str
    #: The HTTP payload (the page's bytes, still in their own encoding).
    html: bytes = attrs.field(repr=False)
    #: The archive the record is in.
    archive: str
    #: Byte offset of the record in the archive (of its gzip member in a ``.warc.gz``).
    offset: int

    @property
    def label(self) -> str:
        """How errors name this page: ``archive.warc.gz@1234 (https://…)``."""
        return f"{self.archive}@{self.offset} ({self.url})"


@attrs.define
class WarcCounts:
    """What one pass over an archive found: pages yielded, records passed over and why."""

    pages: int = 0
    #: request, metadata, warcinfo, revisit, resource … records.
    not_response: int = 0
    #: responses whose HTTP status is not 200 (redirects, errors).
    not_ok: int = 0
    #: 200 responses whose payload is not HTML (images, scripts, PDFs, feeds).
    not_html: int = 0

    @property
    def skipped(self) -> int:
        """Records passed over, for any reason."""
        return self.not_response + self.not_ok + self.not_html

    def add(self, other: WarcCounts) -> None:
        """Add another archive's counts to these."""
        self.pages += other.pages
        self.not_response += other.not_response
        self.not_ok += other.not_ok
        self.not_html += other.not_html

    def describe(self) -> str:
        """One phrase for a summary line: ``3 pages; skipped 2 not HTML, 1 not 200, 4 not responses``."""
        parts = [
            f"{n} {why}"
            for n, why in (
                (self.not_html, "not HTML"),
                (self.not_ok, "not status 200"),
                (self.not_response, "not response records"),
            )
            if n
        ]
        pages = f"{self.pages} page{'' if self.pages == 1 else 's'}"
        return pages + (f"; skipped {', '.join(parts)}" if parts else "")


def is_warc(path: Path) -> bool:
    """Whether a path names a web archive (``.warc`` or ``.warc.gz``).

    >>> is_warc(Path("crawl/CC-NEWS-2024.warc.gz")), is_warc(Path("a.html.gz"))
    (True, False)
    """
    return path.name.lower().endswith(_WARC_SUFFIXES)


def iter_warc(path: Path | str, counts: WarcCounts | None = None) -> Iterator[WarcPage]:
    """Yield the HTML pages (status 200 responses) of a WARC file, in archive order.

    ``counts``, when given, is updated as records are read (pages and every
    kind of record passed over). A corrupt or truncated archive raises
    ``ReadError`` naming the file and byte offset, once the complete pages
    before the damage have been yielded.
    """
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    path = Path(path)
    counts = counts if counts is not None else WarcCounts()
    gzipped = _is_gzipped(path)
    last = -1
    with path.open("rb") as stream:
        records = ArchiveIterator(stream, parse_http=True)
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except OSError as exc:  # broken gzip member or WARC header
                where = f"after byte {last}" if last >= 0 else "at its start"
                raise ReadError(f"{path}: corrupt WARC {where}: {_reason(exc)}") from exc
            last = record.stream_pos
            try:
                payload = record.reader.read()
            except OSError as exc:
                raise ReadError(f"{path}: corrupt WARC record at byte {last}: {_reason(exc)}") from exc
            if record.headers.get("Content-Length") is None or len(payload) != record.content_length:
                raise ReadError(
                    f"{path}: truncated WARC record at byte {last} "
                    f"({len(payload)} of {record.content_length} payload bytes)"
                )
            if record.record_type != WarcRecordType.response or not record.is_http:
                counts.not_response += 1
                continue
            if record.http_headers.status_code != 200:
                counts.not_ok += 1
                continue
            if not _is_html(record.http_content_type, payload):
                counts.not_html += 1
                continue
            counts.pages += 1
            yield WarcPage(
                url=str(record.headers.get("WARC-Target-URI") or ""),
                date=str(record.headers.get("WARC-Date") or ""),
                html=payload,
                archive=str(path),
                offset=last,
            )
    if last < 0:
        raise ReadError(f"{path}: not a WARC file: no record found")
    if gzipped:
        _check_gzip_tail(path, last)


def _is_gzipped(path: Path) -> bool:
    with path.open("rb") as stream:
        return stream.read(2) == _GZIP_MAGIC


def _is_html(content_type: str | None, payload: bytes) -> bool:
    """HTML by its declared type; with none declared, by the first bytes of the payload."""
    if content_type:
        return content_type.split(";")[0].strip().lower() in _HTML_TYPES
    head = payload[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _check_gzip_tail(path: Path, offset: int) -> None:
    """Decompress the gzip members from the last record on: each must be whole.

    FastWARC stops without a word at a gzip member cut short before its WARC
    header; only the tail after the last record read can hide one, so only
    the tail is read again.
    """
    with path.open("rb") as stream:
        stream.seek(offset)
        data = stream.read()
    at = offset
    while data:
        member = zlib.decompressobj(wbits=31)
        try:
            member.decompress(data)
        except zlib.error as exc:
            raise ReadError(f"{path}: corrupt WARC: bad gzip data at byte {at}: {exc}") from exc
        if not member.eof:
            raise ReadError(f"{path}: truncated WARC: the gzip member at byte {at} is cut short")
        at += len(data) - len(member.unused_data)
        data = member.unused_data


def _reason(exc: OSError) -> str:
    """The first line of a parser error (FastWARC joins several)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
