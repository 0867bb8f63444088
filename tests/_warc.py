"""Build small WARC files for the tests from the shared corpus's HTML pages (with warcio's writer)."""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterable
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests._shared import SHARED

PAGES = SHARED / "corpus" / "pages"


def corpus_pages(limit: int | None = None) -> list[Path]:
    """The shared corpus's ``.html.gz`` pages, sorted (the first ``limit``)."""
    pages = sorted(PAGES.glob("*.html.gz"))
    return pages[:limit] if limit else pages


def write_warc(
    path: Path,
    pages: Iterable[Path],
    *,
    gzipped: bool = True,
    extras: bool = True,
) -> list[str]:
    """Write a WARC of ``pages`` as 200 text/html responses; return their target URIs in order.

    With ``extras`` the archive also holds what a crawl holds besides pages:
    a warcinfo record, a request record, a 301 redirect and a 200 image,
    which the reader must pass over.
    """
    urls: list[str] = []
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzipped)
        if extras:
            writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for n, page in enumerate(pages):
            url = f"https://news.example.org/{n:03d}/{page.name[:12]}.html"
            if extras and n == 1:
                _response(writer, "https://news.example.org/old", b"", "301 Moved Permanently", "text/html")
                _response(writer, "https://news.example.org/logo.png", b"\x89PNG\r\n", "200 OK", "image/png")
                get = b"GET / HTTP/1.1\r\n\r\n"
                request = writer.create_warc_record(url, "request", payload=io.BytesIO(get), length=len(get))
                writer.write_record(request)
            _response(writer, url, gzip.decompress(page.read_bytes()), "200 OK", "text/html; charset=utf-8")
            urls.append(url)
    return urls


def _response(writer: WARCWriter, url: str, body: bytes, status: str, content_type: str) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        length=len(body),  # given, so warcio needs no temporary buffer (which it leaves open)
        http_headers=headers,
        warc_headers_dict={"WARC-Date": "2024-05-06T07:08:09Z"},
    )
    writer.write_record(record)
