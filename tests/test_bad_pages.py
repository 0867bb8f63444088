"""Bad pages: a clear ReadError or a best-effort document, never a crash; time linear in size."""

from __future__ import annotations

import gzip

import pytest
from _timing import cpu_seconds
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmodel.errors import ReadError
from newsmodel.read.html import MAX_BYTES, read_html_document

ARTICLE = (
    "<html><head><title>Storm closes schools | Valley News</title></head><body><article>"
    "<h1>Storm closes schools across the valley</h1>"
    + "".join(
        f"<p>Paragraph {i}: heavy snow closed schools and roads across the valley on Monday, "
        f"and crews worked through the night to clear the main routes into town number {i}.</p>"
        for i in range(6)
    )
    + "</article></body></html>"
)


@pytest.mark.parametrize("page", ["", "   \n\t ", b"", b"\x00\x00\x00"])
def test_empty_page_is_a_read_error(page: str | bytes) -> None:
    """An empty or blank page raises ReadError saying so."""
    with pytest.raises(ReadError, match=r"empty|no article"):
        read_html_document(page)


def test_page_without_article_is_a_read_error() -> None:
    """A page with no headline and no text (only navigation links) raises a clear ReadError."""
    nav = "<html><body><nav>" + "".join(f'<a href="/{i}">{i}</a>' for i in range(50)) + "</nav></body></html>"
    with pytest.raises(ReadError, match="no article"):
        read_html_document(nav)


def test_page_with_title_only_is_best_effort() -> None:
    """A page with a title and no text gives a document with that headline and a note."""
    doc = read_html_document("<html><head><title>Just a title here</title></head><body></body></html>")
    assert doc.headline == "Just a title here"
    assert doc.body == ""
    assert any("no article text" in n for n in doc.meta.notes)


@pytest.mark.parametrize(
    "mangle",
    [
        lambda s: s.replace("</p>", ""),  # unclosed paragraphs
        lambda s: s.replace("</article></body></html>", ""),  # truncated download
        lambda s: s.replace("<p>", "<p><b><i>", 3),  # unclosed inline tags
        lambda s: "<<<>>>&&&" + s + "</div></div></span>",  # junk around the page
        lambda s: s.replace("<html>", '<?xml version="1.0" encoding="utf-8"?><html>'),
    ],
)
def test_broken_markup_reads_best_effort(mangle: object) -> None:
    """Broken markup still gives the headline and the paragraphs."""
    assert callable(mangle)
    doc = read_html_document(mangle(ARTICLE))
    assert doc.headline == "Storm closes schools across the valley"
    assert "heavy snow closed schools" in doc.body


@pytest.mark.parametrize(
    "block",
    [
        "{not json at all",
        "{'@type': 'NewsArticle', 'headline': }",
        "[" * 5000,
        '{"@type": "NewsArticle", "author": {"name": ["odd", {"x": 1}]}, "image": 5, '
        '"datePublished": "someday", "publisher": "Valley News"}',
        '{"@graph": {"@graph": {"@graph": [1, 2, null, "x"]}}}',
        '{"@type": "NewsArticle", "headline": "h", "author": ' + '{"author": ' * 200 + "1" + "}" * 200 + "}",
        "<!-- <![CDATA[ ]]> -->",
    ],
)
def test_malformed_jsonld_never_crashes(block: str) -> None:
    """A page whose own JSON-LD is garbage still reads: metadata best-effort, the body intact."""
    page = ARTICLE.replace("</head>", f'<script type="application/ld+json">{block}</script></head>')
    doc = read_html_document(page)
    assert "heavy snow closed schools" in doc.body
    assert doc.headline


def test_binary_junk_is_handled() -> None:
    """Random non-UTF-8 bytes give a ReadError or a document, never another exception."""
    junk = bytes(range(256)) * 64
    try:
        doc = read_html_document(junk)
    except ReadError:
        return
    assert isinstance(doc.body, str)


def test_corrupt_gzip_is_a_read_error() -> None:
    """Bytes that start like gzip but do not decompress raise ReadError."""
    with pytest.raises(ReadError, match="gzip"):
        read_html_document(b"\x1f\x8b\x08\x00garbage-garbage-garbage")


def test_gzip_bomb_is_refused() -> None:
    """A small gzip file that unpacks past MAX_BYTES is refused before it fills memory."""
    bomb = gzip.compress(b" " * (MAX_BYTES + 1024))
    assert len(bomb) < MAX_BYTES // 100
    with pytest.raises(ReadError, match="refused"):
        read_html_document(bomb)


def test_wrong_type_is_a_read_error() -> None:
    """Passing something that is not a page raises ReadError, not TypeError."""
    with pytest.raises(ReadError, match="str or bytes"):
        read_html_document(12345)  # type: ignore[arg-type]


def _big_page(megabytes: float) -> str:
    para = (
        "<p>Officials said the storm dropped {n} inches of snow on the valley overnight, closing roads, "
        "schools and the airport while crews worked to restore power to homes.</p>\n"
    )
    count = int(megabytes * 1024 * 1024 / len(para))
    body = "".join(para.format(n=i) for i in range(count))
    head = "<html><head><title>Big</title></head><body><article><h1>A huge storm story</h1>"
    return f"{head}{body}</article></body></html>"


def test_twenty_megabyte_page_reads_in_linear_time() -> None:
    """A 20 MB page reads completely, in time roughly proportional to its size."""
    small, big = _big_page(5), _big_page(20)
    small_time = cpu_seconds(lambda: read_html_document(small), repeat=2)
    big_time = cpu_seconds(lambda: read_html_document(big), repeat=1)
    doc = read_html_document(big)
    assert len(big) >= 20 * 1024 * 1024
    assert doc.body.count("Officials said the storm") > 100_000
    # 4x the size: linear time gives ~4x; allow generous noise, but not quadratic (16x)
    assert big_time < 8 * small_time + 1.0, (small_time, big_time)


_TAGS = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<article>",
        "<h1>",
        "</h1>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "<![CDATA[",
        "]]>",
        '<script type="application/ld+json">',
        "<meta property='og:title' content='x'>",
        "<a href='/x'>",
        "</a>",
        "<li>",
        "<br>",
        "&amp;",
        "&#0;",
        "&#xD800;",
        "\x00",
        "\u2028",
        "<",
        ">",
        '"',
    ]
)
_WORDS = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(_TAGS, _WORDS), max_size=60))
def test_arbitrary_markup_never_crashes(pieces: list[str]) -> None:
    """Any soup of tags, text, entities and control characters gives a document or a ReadError."""
    page = "".join(pieces)
    try:
        doc = read_html_document(page)
    except ReadError:
        return
    assert isinstance(doc.body, str) and isinstance(doc.headline, str)
    assert len(doc.text) == len(doc.raw)


def test_page_without_headline_gets_one_from_its_text() -> None:
    """A page with text but no title, h1 or markup headline takes its first short line, noted."""
    snow = [f"Heavy snow fell across the valley all night, report {i}." for i in range(3)]
    lines = ["Storm closes schools", *snow]
    body = "".join(f"<p>{line}</p>" for line in lines)
    doc = read_html_document(f"<html><body><div>{body}</div></body></html>")
    assert doc.headline == "Storm closes schools"
    assert not doc.body.startswith("Storm closes schools")
    assert any(n.startswith("headline:") for n in doc.meta.notes)
