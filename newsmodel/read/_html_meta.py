"""What a news page says about itself: JSON-LD, OpenGraph, meta tags, the visible byline.

Publishers describe their articles three times over: a JSON-LD block for search
engines, OpenGraph and ``<meta>`` tags for social sites, and the visible page.
The three disagree often enough (a wire byline in the markup, a staff name on
the page; a headline rewritten after publication) that we read them all, take
each field from the most reliable source that has it, and write down in
``notes`` where the byline came from when the sources differ.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

import attrs
import lxml.html

from newsmodel.model import Image
from newsmodel.read._html_dates import page_dates
from newsmodel.read._html_people import AuthorInfo, PublisherInfo, read_authors, read_publisher
from newsmodel.read._html_values import (
    absolute_url,
    article_node,
    first_of,
    int_of,
    jsonld_nodes,
    meta_tags,
    norm,
    text_of,
)

__all__ = ["PageMeta", "read_page_meta"]

_TAG = re.compile(r"<[^<>]{0,2000}>")
_LANG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")


@attrs.frozen(kw_only=True)
class PageMeta:
    """Everything the page's markup says about the article."""

    url: str | None = None
    headline: str | None = None
    description: str | None = None
    date_published: dt.datetime | dt.date | None = None
    date_modified: dt.datetime | dt.date | None = None
    authors: tuple[AuthorInfo, ...] = ()
    publisher: PublisherInfo | None = None
    images: tuple[Image, ...] = ()
    section: str | None = None
    language: str | None = None
    #: The ``articleBody`` the page's own markup carries (JSON-LD or microdata), if any.
    markup_body: str | None = None
    notes: tuple[str, ...] = ()


def read_page_meta(tree: lxml.html.HtmlElement, url: str | None = None) -> PageMeta:
    """Read every metadata source of a parsed page into one ``PageMeta``."""
    nodes = jsonld_nodes(tree)
    by_id = {str(n["@id"]): n for n in nodes if isinstance(n.get("@id"), str)}
    art = article_node(nodes)
    tags = meta_tags(tree)
    notes: list[str] = []

    page_url = url or absolute_url(_canonical(tree), None) or absolute_url(first_of(tags, "og:url"), None)
    if not page_url:
        page_url = absolute_url(art.get("url"), None)
    base = page_url

    publisher = read_publisher(art, nodes, by_id, tags, base)
    headline = _headline(tree, art, tags, publisher, notes)
    description = text_of(art.get("description")) or first_of(
        tags, "og:description", "description", "twitter:description"
    )
    published, modified = page_dates(tree, art, tags)
    authors = read_authors(tree, art, by_id, tags, publisher, base, notes)
    images = _images(art, tags, base)
    section = text_of(art.get("articleSection")) or first_of(
        tags, "article:section", "parsely-section", "section"
    )
    language = _language(tree, art, tags)
    markup_body = _markup_body(tree, art)
    return PageMeta(
        url=page_url,
        headline=headline,
        description=description,
        date_published=published,
        date_modified=modified,
        authors=tuple(authors),
        publisher=publisher,
        images=tuple(images),
        section=section,
        language=language,
        markup_body=markup_body,
        notes=tuple(notes),
    )


def _canonical(tree: lxml.html.HtmlElement) -> str | None:
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            href = link.get("href")
            return str(href) if href else None
    return None


def _headline(
    tree: lxml.html.HtmlElement,
    art: dict[str, Any],
    tags: dict[str, list[str]],
    publisher: PublisherInfo | None,
    notes: list[str],
) -> str | None:
    """Choose the visible ``<h1>`` when it is a headline, else the markup's headline, else the title."""
    marked = text_of(art.get("headline")) or first_of(tags, "og:title", "twitter:title")
    site = (publisher.name if publisher else "").lower()
    visible = None
    for h1 in tree.iter("h1"):
        text = " ".join(h1.text_content().split())
        if len(text.split()) >= 3 and text.lower() != site and len(text) <= 400:
            visible = text
            break
    if visible:
        if marked and norm(visible) not in norm(marked) and norm(marked) not in norm(visible):
            notes.append(f"headline: used the visible <h1> {visible!r}; the page's markup says {marked!r}")
        return visible
    if marked:
        return marked
    title = tree.find(".//title")
    if title is not None and title.text:
        text = " ".join(title.text.split())
        return re.split(r"\s+[|\u2013\u2014-]\s+(?=[^|\u2013\u2014-]*$)", text)[0] or None
    return None


def _images(art: dict[str, Any], tags: dict[str, list[str]], base: str | None) -> list[Image]:
    found: dict[str, Image] = {}

    def add(url: str | None, width: Any = None, height: Any = None) -> None:
        if url and url not in found and len(found) < 12:
            found[url] = Image(url=url, width=int_of(width), height=int_of(height))

    raw = art.get("image")
    for item in raw if isinstance(raw, list) else [raw] if raw else []:
        if isinstance(item, dict):
            add(
                absolute_url(item.get("url") or item.get("contentUrl") or item.get("@id"), base),
                item.get("width"),
                item.get("height"),
            )
        else:
            add(absolute_url(item, base))
    og = tags.get("og:image") or tags.get("og:image:url") or tags.get("og:image:secure_url") or []
    widths, heights = tags.get("og:image:width", []), tags.get("og:image:height", [])
    for index, value in enumerate(og):
        add(
            absolute_url(value, base),
            widths[index] if index < len(widths) else None,
            heights[index] if index < len(heights) else None,
        )
    if not found:
        add(absolute_url(first_of(tags, "twitter:image", "twitter:image:src", "thumbnailurl"), base))
    return list(found.values())


def _language(tree: lxml.html.HtmlElement, art: dict[str, Any], tags: dict[str, list[str]]) -> str | None:
    for value in (
        text_of(art.get("inLanguage")),
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        first_of(tags, "content-language", "og:locale", "language", "dc.language"),
    ):
        text = (text_of(value) or "").replace("_", "-").split(",")[0].strip()
        if text and _LANG.fullmatch(text):
            return text
    return None


def _markup_body(tree: lxml.html.HtmlElement, art: dict[str, Any]) -> str | None:
    body = art.get("articleBody")
    if isinstance(body, str) and body.strip():
        text = html.unescape(body)
        if "<" in text and ">" in text:
            text = html.unescape(_TAG.sub(" ", body))
        return text
    for elem in tree.xpath("//*[@itemprop='articleBody']")[:1]:
        return " ".join(elem.text_content().split()) or None
    return None
