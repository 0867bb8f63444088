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
from typing import Any, BinaryIO

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


def iter_warc(
    source: Path | str | BinaryIO, counts: WarcCounts | None = None, *, name: str | None = None
) -> Iterator[WarcPage]:
    """Yield the HTML pages (status 200 responses) of a WARC file, in archive order.

    ``source`` is a path or an open binary stream (a cluster job's file from
    HDFS or S3); ``name`` is how errors and pages name it (default: the path).
    ``counts``, when given, is updated as records are read (pages and every
    kind of record passed over). A corrupt or truncated archive raises
    ``ReadError`` naming the file and byte offset, once the complete pages
    before the damage have been yielded. Records passed over are streamed
    through, never held whole in memory.
    """
    if isinstance(source, (str, Path)):
        with Path(source).open("rb") as stream:
            yield from iter_warc(stream, counts, name=name or str(source))
        return
    label = name or str(getattr(source, "name", "<stream>"))
    counts = counts if counts is not None else WarcCounts()
    start = source.tell() if source.seekable() else None
    last = -1
    for record, last in _records(source, label):
        skip = _skip_reason(record)
        if skip is None:
            payload = record.reader.read(_SNIFF)
            if record.http_content_type is None and not _looks_like_html(payload):
                skip = "not_html"
            else:
                payload += record.reader.read()
                _check_length(label, last, len(payload), record.content_length)
                counts.pages += 1
                yield WarcPage(
                    url=str(record.headers.get("WARC-Target-URI") or ""),
                    date=str(record.headers.get("WARC-Date") or ""),
                    html=payload,
                    archive=label,
                    offset=last,
                )
                continue
        setattr(counts, skip, getattr(counts, skip) + 1)
        _check_length(label, last, _drain(record, label, last), record.content_length)
    if last < 0:
        raise ReadError(f"{label}: not a WARC file: no record found")
    if start is not None:
        source.seek(start)
        if source.read(2) == _GZIP_MAGIC:
            _check_gzip_tail(source, start + last, label)


#: Bytes read first from a payload that declares no type, to tell HTML by its start.
_SNIFF = 512


def _records(stream: BinaryIO, label: str) -> Iterator[tuple[Any, int]]:
    """FastWARC's records with their offsets; its errors as ``ReadError`` naming the archive."""
    from fastwarc.warc import ArchiveIterator

    records = ArchiveIterator(stream, parse_http=True)
    last = -1
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except OSError as exc:  # broken gzip member or WARC header
            where = f"after byte {last}" if last >= 0 else "at its start"
            raise ReadError(f"{label}: corrupt WARC {where}: {_reason(exc)}") from exc
        last = int(record.stream_pos)
        if record.headers.get("Content-Length") is None:
            raise ReadError(f"{label}: truncated WARC record at byte {last} (its header is cut short)")
        yield record, last


def _skip_reason(record: Any) -> str | None:
    """Which ``WarcCounts`` field a record counts in when it is no page (``None``: maybe a page)."""
    from fastwarc.warc import WarcRecordType

    if record.record_type != WarcRecordType.response or not record.is_http:
        return "not_response"
    if record.http_headers.status_code != 200:
        return "not_ok"
    content_type = record.http_content_type
    if content_type is not None and content_type.split(";")[0].strip().lower() not in _HTML_TYPES:
        return "not_html"
    return None


def _drain(record: Any, label: str, offset: int) -> int:
    """Read a record's payload through, a block at a time; its length."""
    total = 0
    try:
        while block := record.reader.read(1 << 20):
            total += len(block)
    except OSError as exc:
        raise ReadError(f"{label}: corrupt WARC record at byte {offset}: {_reason(exc)}") from exc
    return total


def _check_length(label: str, offset: int, got: int, declared: int) -> None:
    if got != declared:
        raise ReadError(
            f"{label}: truncated WARC record at byte {offset} ({got} of {declared} payload bytes)"
        )


def _looks_like_html(head: bytes) -> bool:
    """A payload with no declared type is HTML when it starts like a page."""
    return head.lstrip().lower().startswith((b"<!doctype html", b"<html"))


def _check_gzip_tail(stream: BinaryIO, offset: int, label: str) -> None:
    """Decompress the gzip members from the last record on: each must be whole.

    FastWARC stops without a word at a gzip member cut short before its WARC
    header; only the tail after the last record read can hide one, so only
    the tail is read again.
    """
    stream.seek(offset)
    data = stream.read()
    at = offset
    while data:
        member = zlib.decompressobj(wbits=31)
        try:
            member.decompress(data)
        except zlib.error as exc:
            raise ReadError(f"{label}: corrupt WARC: bad gzip data at byte {at}: {exc}") from exc
        if not member.eof:
            raise ReadError(f"{label}: truncated WARC: the gzip member at byte {at} is cut short")
        at += len(data) - len(member.unused_data)
        data = member.unused_data


def _reason(exc: OSError) -> str:
    """The first line of a parser error (FastWARC joins several)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
