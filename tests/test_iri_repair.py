"""URL repair: disallowed characters percent-encoded, valid IRIs byte-identical, the rest refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _shared import SHARED
from hypothesis import given
from hypothesis import strategies as st

import newsmodel as nm
from newsmodel.errors import ReadError
from newsmodel.iri import is_absolute_iri
from newsmodel.iri_repair import repair_iri
from newsmodel.read.text import metadata_from_mapping, read_sidecar, sidecar_path

OPEN = SHARED / "corpus" / "open"


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/",
        "https://example.org/wiki/Caf%C3%A9?x=1#top",
        "https://example.org/wiki/Caf\u00e9_Lumi\u00e8re",
        "http://user:pw@example.org:8080/a;b=c/d?e=f&g=h",
        "https://example.org/a(b)!$'*+,;=~",
    ],
)
def test_valid_iri_is_returned_byte_identical(url: str) -> None:
    """An IRI the model already accepts is neither re-encoded nor normalized."""
    assert repair_iri(url) == url


@pytest.mark.parametrize(
    ("url", "repaired"),
    [
        ('https://example.org/wiki/A_"quoted"_word', "https://example.org/wiki/A_%22quoted%22_word"),
        ("https://example.org/a page/two words", "https://example.org/a%20page/two%20words"),
        ("https://example.org/rate?v=50%", "https://example.org/rate?v=50%25"),
        ("https://example.org/50%_off%2", "https://example.org/50%25_off%252"),
        ("https://example.org/a#b#c", "https://example.org/a#b%23c"),
        ("https://example.org/x{y}|z^`\\", "https://example.org/x%7By%7D%7Cz%5E%60%5C"),
        ("https://example.org/p?q=[1]", "https://example.org/p?q=%5B1%5D"),
        ("https://example.org/\U0001f600", "https://example.org/%F0%9F%98%80"),
        ("https://example.org/a/./b/../c", "https://example.org/a/c"),
        ("https://example.org/a\u2028b", "https://example.org/a%E2%80%A8b"),
    ],
)
def test_disallowed_characters_are_percent_encoded(url: str, repaired: str) -> None:
    """Each character RFC 3987 disallows in its component becomes its UTF-8 escapes; the result is valid."""
    assert repair_iri(url) == repaired
    assert is_absolute_iri(repaired)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("example.org/no-scheme", "no scheme"),
        ("/relative/path", "no scheme"),
        ("https://exa mple.org/", "host"),
        ("https://example.org:80a/", "port"),
        ("https://[::1]/", "IPv6"),
    ],
)
def test_unrepairable_url_is_refused_with_the_reason(url: str, reason: str) -> None:
    """Only what has no faithful repair is refused, and the message names the field and the reason."""
    with pytest.raises(ReadError, match=reason) as caught:
        repair_iri(url, where="author.url")
    assert "author.url" in str(caught.value)


@given(st.text(min_size=0, max_size=30))
def test_any_path_text_repairs_to_a_valid_iri(tail: str) -> None:
    """Whatever follows a good scheme and host repairs to a valid IRI (or a ReadError, never junk)."""
    try:
        repaired = repair_iri("https://example.org/" + tail)
    except ReadError:
        return
    assert is_absolute_iri(repaired)
    assert repair_iri(repaired) == repaired


def test_sidecar_url_with_raw_quotes_is_repaired_not_refused() -> None:
    """A sidecar carrying an address-bar URL maps; its url is the percent-encoded IRI."""
    meta = metadata_from_mapping(
        {"url": 'https://news.example.org/wiki/Ship_"Northern Star"_sails', "datePublished": "2024-05-02"}
    )
    assert meta.url == "https://news.example.org/wiki/Ship_%22Northern%20Star%22_sails"
    article = nm.read_text("Ship sails\n\nThe Northern Star left the harbour on Tuesday.", meta)
    assert article.url == meta.url


def test_html_link_with_lone_percent_is_repaired() -> None:
    """A page's canonical link with a lone '%' becomes a valid IRI instead of breaking the article."""
    page = (
        '<html><head><link rel="canonical" href="https://news.example.org/a/100%_sure">'
        "<title>Sure</title></head><body><article><h1>Sure</h1>"
        + "<p>Mara Quell said on Tuesday that the plan was sound and would go ahead as announced.</p>" * 3
        + "</article></body></html>"
    )
    article = nm.read_html(page.encode())
    assert article.url == "https://news.example.org/a/100%25_sure"


@pytest.mark.parametrize("path", sorted(OPEN.glob("*.txt")), ids=lambda p: p.stem)
def test_every_open_corpus_article_maps(path: Path) -> None:
    """Every article of the open corpus maps without error, with its sidecar's URL kept or repaired."""
    sidecar = sidecar_path(path)
    meta = read_sidecar(sidecar)
    article = nm.read_text(path.read_bytes(), meta)
    raw_url = json.loads(sidecar.read_text(encoding="utf-8"))["url"]
    assert article.url == repair_iri(raw_url)
    assert article.people or article.organizations or article.places
