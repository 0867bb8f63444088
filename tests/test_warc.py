"""Web archives in: the WARC reader on archives built from the shared pages, and convert/load on them."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from newsmodel.cli import main
from newsmodel.errors import ReadError
from newsmodel.read.warc import WarcCounts, iter_warc
from newsmodel.store import OxigraphStore
from tests._shared import MISSING
from tests._warc import PAGES, corpus_pages, write_warc

pytestmark = pytest.mark.skipif(not PAGES.is_dir(), reason=MISSING)

SCHEMA_URL = "http://schema.org/url"


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A gzipped WARC of four corpus pages plus the records a crawl also holds."""
    path = tmp_path_factory.mktemp("warc") / "crawl.warc.gz"
    return path, write_warc(path, corpus_pages(4))


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the command the way a user does."""
    return subprocess.run(
        [sys.executable, "-m", "newsmodel", *args], capture_output=True, text=True, timeout=300
    )


def graphs_and_urls(nquads: str) -> dict[str, str]:
    """Each named graph of an N-Quads text with the schema:url of its article."""
    urls: dict[str, str] = {}
    for quad in ox.parse(nquads.encode(), format=ox.RdfFormat.N_QUADS):
        assert isinstance(quad.graph_name, ox.NamedNode)
        if quad.predicate.value == SCHEMA_URL and quad.subject.value == quad.graph_name.value:
            urls[quad.graph_name.value] = quad.object.value
    return urls


def test_reads_html_responses_with_url_and_date(archive: tuple[Path, list[str]]) -> None:
    """Every 200 HTML response is a page with its target URI and date; the other records are counted."""
    path, urls = archive
    counts = WarcCounts()
    pages = list(iter_warc(path, counts))
    assert [p.url for p in pages] == urls
    assert {p.date for p in pages} == {"2024-05-06T07:08:09Z"}
    assert all(p.html.lstrip().lower().startswith((b"<!doctype", b"<html")) for p in pages)
    assert (counts.pages, counts.not_ok, counts.not_html, counts.not_response) == (4, 1, 1, 2)
    assert counts.describe() == "4 pages; skipped 1 not HTML, 1 not status 200, 2 not response records"
    assert len({p.offset for p in pages}) == 4 and pages[0].label.startswith(f"{path}@")


def test_plain_warc_reads_the_same(tmp_path: Path, archive: tuple[Path, list[str]]) -> None:
    """An uncompressed .warc gives the same pages as the .warc.gz."""
    plain = tmp_path / "crawl.warc"
    write_warc(plain, corpus_pages(4), gzipped=False)
    gz_pages = [(p.url, p.html) for p in iter_warc(archive[0])]
    assert [(p.url, p.html) for p in iter_warc(plain)] == gz_pages


@pytest.mark.parametrize("gzipped", [True, False])
def test_truncated_archive_yields_whole_pages_then_fails(tmp_path: Path, gzipped: bool) -> None:
    """An archive cut in the middle of a record: the complete pages first, then a ReadError naming it."""
    whole = tmp_path / ("w.warc.gz" if gzipped else "w.warc")
    write_warc(whole, corpus_pages(4), gzipped=gzipped, extras=False)
    data = whole.read_bytes()
    cut = tmp_path / ("cut.warc.gz" if gzipped else "cut.warc")
    cut.write_bytes(data[: len(data) * 5 // 8])
    seen: list[str] = []
    with pytest.raises(ReadError) as caught:
        seen.extend(page.url for page in iter_warc(cut))
    assert str(cut) in str(caught.value) and "truncated" in str(caught.value)
    assert 1 <= len(seen) < 4


def test_gzip_member_cut_before_its_header_is_caught(tmp_path: Path) -> None:
    """A .warc.gz cut a few bytes into its last gzip member is truncated, not silently shorter."""
    whole = tmp_path / "w.warc.gz"
    write_warc(whole, corpus_pages(2), extras=False)
    last = [page.offset for page in iter_warc(whole)][-1]
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole.read_bytes()[: last + 12])
    with pytest.raises(ReadError, match="truncated"):
        list(iter_warc(cut))


def test_corrupt_gzip_is_an_error_at_its_offset(tmp_path: Path) -> None:
    """Bytes overwritten inside a gzip member: a ReadError saying corrupt, after the pages before it."""
    whole = tmp_path / "w.warc.gz"
    write_warc(whole, corpus_pages(3), extras=False)
    offsets = [page.offset for page in iter_warc(whole)]
    data = bytearray(whole.read_bytes())
    at = offsets[2] + 200
    data[at : at + 64] = b"\x00" * 64
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(bytes(data))
    seen: list[int] = []
    with pytest.raises(ReadError, match=r"corrupt|truncated"):
        seen.extend(page.offset for page in iter_warc(bad))
    assert seen == offsets[:2]


@pytest.mark.parametrize("content", [b"", b"this is a text file, not an archive\n" * 5])
def test_not_a_warc_is_an_error(tmp_path: Path, content: bytes) -> None:
    """An empty file or text named .warc is refused with the file's name."""
    path = tmp_path / "x.warc"
    path.write_bytes(content)
    with pytest.raises(ReadError, match=r"x\.warc: (not a WARC|corrupt)"):
        list(iter_warc(path))


def test_convert_archive_to_nquads_file(tmp_path: Path, archive: tuple[Path, list[str]]) -> None:
    """``convert crawl.warc.gz --to nquads -o all.nq``: one named graph per page, its url the target URI."""
    path, urls = archive
    out = tmp_path / "all.nq"
    proc = run_cli("convert", str(path), "--to", "nquads", "-o", str(out), "-j", "2")
    assert proc.returncode == 0, proc.stderr
    assert "4 pages; skipped 1 not HTML, 1 not status 200, 2 not response records" in proc.stderr
    assert sorted(graphs_and_urls(out.read_text()).values()) == sorted(urls)


def test_convert_archive_to_directory(tmp_path: Path, archive: tuple[Path, list[str]]) -> None:
    """``-o DIR/`` with a WARC writes one file per page, named by the archive's stem and the record offset."""
    path, _ = archive
    out = tmp_path / "out"
    assert main(["convert", str(path), "--to", "jsonld", "-o", f"{out}/", "-j", "1"]) == 0
    offsets = [page.offset for page in iter_warc(path)]
    assert sorted(p.name for p in out.iterdir()) == sorted(f"crawl-{n}.jsonld" for n in offsets)
    assert json.loads((out / f"crawl-{offsets[0]}.jsonld").read_text())["@type"] == "NewsArticle"


def test_archive_to_stdout_needs_a_stream_format(archive: tuple[Path, list[str]]) -> None:
    """Turtle of a whole archive to standard output is refused with a hint, not concatenated."""
    proc = run_cli("convert", str(archive[0]), "--to", "turtle")
    assert proc.returncode == 1 and "web archive holds many articles" in proc.stderr


def test_load_archive(
    tmp_path: Path, archive: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    """``load crawl.warc.gz --store DB`` loads one graph per page."""
    path, _ = archive
    db = tmp_path / "db"
    assert main(["load", str(path), "--store", str(db), "-j", "2"]) == 0
    assert "loaded 4 articles" in capsys.readouterr().err
    with OxigraphStore(db) as store:
        assert len(store.graphs()) == 4


def test_truncated_archive_in_convert_keeps_the_rest(tmp_path: Path, archive: tuple[Path, list[str]]) -> None:
    """A truncated archive beside a good one: error line naming it, every whole article written, exit 1."""
    whole = tmp_path / "w.warc.gz"
    write_warc(whole, corpus_pages(4)[1:], extras=False)
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size * 2 // 3])
    out = tmp_path / "all.jsonl"
    proc = run_cli("convert", str(cut), str(archive[0]), "--to", "jsonl", "-o", str(out), "-j", "2")
    assert proc.returncode == 1
    assert f"error: {cut}: truncated WARC record" in proc.stderr
    assert "error: 1 of " in proc.stderr
    lines = out.read_text().splitlines()
    assert len(lines) >= 4 + 1  # the good archive's four and the cut one's whole pages
    assert all(json.loads(line)["@type"] == "NewsArticle" for line in lines)


def test_page_that_fails_to_map_is_reported_with_its_record(tmp_path: Path) -> None:
    """An HTML record holding no article: an error naming archive, offset and URL; the other pages written."""
    empty = tmp_path / "empty.html.gz"
    empty.write_bytes(gzip.compress(b"<html><body><nav>Home</nav></body></html>"))
    path = tmp_path / "mixed.warc.gz"
    urls = write_warc(path, [*corpus_pages(2), empty, *corpus_pages(3)[2:]], extras=False)
    out = tmp_path / "all.nq"
    proc = run_cli("convert", str(path), "--to", "nquads", "-o", str(out), "-j", "2")
    assert proc.returncode == 1
    [error] = [line for line in proc.stderr.splitlines() if "no article" in line]
    assert error.startswith(f"error: {path}@") and f"({urls[2]})" in error
    assert "error: 1 of 4 articles failed" in proc.stderr
    text = out.read_text()
    assert text.endswith(" .\n") and sorted(graphs_and_urls(text).values()) == sorted(urls[:2] + urls[3:])


def test_load_of_a_truncated_archive(tmp_path: Path) -> None:
    """load --fail-fast aborts on a truncated archive, the store unchanged; by default whole pages load."""
    whole = tmp_path / "w.warc.gz"
    write_warc(whole, corpus_pages(3), extras=False)
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size * 3 // 4])
    whole_pages: list[str] = []
    with pytest.raises(ReadError):
        whole_pages.extend(page.url for page in iter_warc(cut))
    assert whole_pages
    db = tmp_path / "db"
    proc = run_cli("load", str(cut), "--store", str(db), "--fail-fast")
    assert proc.returncode == 1 and f"error: {cut}: truncated WARC" in proc.stderr
    with OxigraphStore(db) as store:
        assert store.graphs() == []
    proc = run_cli("load", str(cut), "--store", str(db))
    assert proc.returncode == 1 and "truncated WARC" in proc.stderr
    with OxigraphStore(db) as store:
        assert len(store.graphs()) == len(whole_pages)


def test_reads_from_an_open_stream(archive: tuple[Path, list[str]]) -> None:
    """An open binary stream (as a cluster job gets from HDFS or S3) reads like the path, named as given."""
    import io

    path, urls = archive
    pages = list(iter_warc(io.BytesIO(path.read_bytes()), name="s3://bucket/crawl.warc.gz"))
    assert [p.url for p in pages] == urls
    assert pages[0].label.startswith("s3://bucket/crawl.warc.gz@")
    cut = io.BytesIO(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(ReadError, match=r"^s3://bucket/crawl\.warc\.gz: truncated"):
        list(iter_warc(cut, name="s3://bucket/crawl.warc.gz"))
