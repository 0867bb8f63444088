"""A real consumer: extruct (what search-engine tooling uses to read embedded metadata) reads our pages."""

from __future__ import annotations

import extruct
import pytest
from test_browser import NASTY, nasty_article

from newsmodel.model import NewsArticle
from newsmodel.read.document import normalize_chars
from newsmodel.read.html import read_html_document
from newsmodel.serialize.html import to_html_script
from newsmodel.serialize.jsonld import to_jsonld, web_profile
from newsmodel.serialize.page import to_html_page


def extract_jsonld(page: str, url: str = "https://example.org/page") -> list[object]:
    data = extruct.extract(page, base_url=url, syntaxes=["json-ld"], uniform=False)
    found: list[object] = data["json-ld"]
    return found


def test_extruct_finds_the_seed_jsonld(seed: NewsArticle) -> None:
    """extruct finds exactly one JSON-LD item in the seed's page, equal to our JSON-LD."""
    assert extract_jsonld(to_html_page(seed)) == [web_profile(to_jsonld(seed))]


def test_extruct_reads_nasty_strings_back() -> None:
    """Escaped </script>, <!--, quotes and U+2028 come back from extruct as the original strings."""
    article = nasty_article()
    (doc,) = extract_jsonld(to_html_page(article))
    assert doc == web_profile(to_jsonld(article))
    assert isinstance(doc, dict) and {q["text"] for q in doc["hasPart"]} == set(NASTY)


@pytest.mark.parametrize("where", ["head", "body"])
def test_extruct_reads_the_bare_script_block(where: str, seed: NewsArticle) -> None:
    """The script block alone, pasted in a publisher's head or body, reads the same."""
    block = to_html_script(seed)
    page = (
        f"<html><head>{block}</head><body></body></html>"
        if where == "head"
        else f"<html><head></head><body><p>text</p>{block}</body></html>"
    )
    assert extract_jsonld(page) == [web_profile(to_jsonld(seed))]


def test_our_reader_reads_our_page_back(seed: NewsArticle) -> None:
    """Our own HTML reader on our page recovers the headline, the body and the date.

    (trafilatura turns non-breaking spaces into spaces, so the body is compared
    in the normalized spelling the mapper analyses.)
    """
    doc = read_html_document(to_html_page(seed))
    assert doc.headline == seed.headline
    assert doc.text[doc.body_start :] == normalize_chars(seed.article_body or "")
    assert doc.meta.date_published == seed.date_published
