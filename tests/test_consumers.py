"""Real consumers read our web output: extruct, trafilatura and htmldate find what Google asks for."""

from __future__ import annotations

import datetime as dt

import extruct
import htmldate
import pytest
import trafilatura

from newsmodel.model import Image, NewsArticle, Organization, Person
from newsmodel.serialize.html import to_html_script
from newsmodel.serialize.jsonld import PROVENANCE_KEYS
from newsmodel.serialize.page import to_html_page

OFFSET = dt.timezone(dt.timedelta(hours=8))
PUBLISHED = dt.datetime(2024, 1, 5, 8, 0, tzinfo=OFFSET)


def article(with_image: bool = True) -> NewsArticle:
    """An invented article with everything Google's Article page recommends."""
    return NewsArticle(
        id="https://news.example/2024/01/harbour-bridge",
        url="https://news.example/2024/01/harbour-bridge",
        headline="Harbour bridge reopens after two years of repairs",
        date_published=PUBLISHED,
        date_modified=PUBLISHED + dt.timedelta(hours=3),
        authors=(
            Person(
                id="https://news.example/staff/ann-lee",
                name="Ann Lee",
                url="https://news.example/staff/ann-lee",
            ),
        ),
        publisher=Organization(id="https://news.example/", name="Example News"),
        images=(Image(url="https://news.example/img/bridge.jpg", width=1600, height=900),)
        if with_image
        else (),
        article_body="The bridge reopened on Friday morning.\n\nTraffic resumed at noon, the city said.",
    )


@pytest.mark.parametrize("with_image", [True, False])
def test_extruct_finds_headline_author_date_with_offset_and_image(with_image: bool) -> None:
    """extruct's JSON-LD item holds the headline, the author, the offset date string and the image."""
    page = to_html_page(article(with_image))
    (item,) = extruct.extract(page, base_url="https://news.example/", syntaxes=["json-ld"])["json-ld"]
    assert item["headline"] == "Harbour bridge reopens after two years of repairs"
    assert [a["name"] for a in item["author"]] == ["Ann Lee"]
    assert item["datePublished"] == "2024-01-05T08:00:00+08:00"
    assert ("image" in item) is with_image
    if with_image:
        assert item["image"][0]["url"] == "https://news.example/img/bridge.jpg"


def test_trafilatura_metadata_finds_headline_author_date_and_image() -> None:
    """trafilatura's metadata extraction reads title, author, date (with its offset) and image."""
    config = {"outputformat": "%Y-%m-%dT%H:%M:%S%z", "extensive_search": False, "original_date": True}
    meta = trafilatura.extract_metadata(to_html_page(article()), date_config=config)
    assert meta.title == "Harbour bridge reopens after two years of repairs"
    assert meta.author == "Ann Lee"
    assert meta.date == "2024-01-05T08:00:00+0800"
    assert meta.image == "https://news.example/img/bridge.jpg"


def test_htmldate_finds_the_publication_date_with_its_offset() -> None:
    """htmldate finds the original publication date, not the modification, with its offset."""
    page = to_html_page(article())
    assert htmldate.find_date(page, original_date=True) == "2024-01-05"
    found = htmldate.find_date(page, original_date=True, outputformat="%Y-%m-%dT%H:%M:%S%z")
    assert found == "2024-01-05T08:00:00+0800"


def test_htmldate_reads_the_bare_script_block() -> None:
    """The script block alone in a publisher's page is enough for htmldate to find the date."""
    page = f"<html><head>{to_html_script(article())}</head><body><p>Text.</p></body></html>"
    assert htmldate.find_date(page, original_date=True, extensive_search=False) == "2024-01-05"


def test_web_profile_leaves_provenance_out_unless_asked(seed: NewsArticle) -> None:
    """The page's block has no evidence, confidence or order terms by default; provenance=True keeps them."""
    assert not any(key in to_html_script(seed) for key in PROVENANCE_KEYS)
    kept = to_html_script(seed, provenance=True)
    assert sum(key in kept for key in PROVENANCE_KEYS) >= 2  # evidence always, confidences or order
    assert len(to_html_script(seed)) < 0.8 * len(kept)
