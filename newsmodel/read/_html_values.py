"""Small readers shared by the page-metadata modules: clean values, URLs, JSON-LD nodes, meta tags.

Pages put the same facts in JSON-LD (strings, lists, ``{"@value"}`` objects,
``{"@id"}`` references, ``@graph`` arrays) and in ``<meta>`` tags. These helpers
turn any of those shapes into one clean value, so the readers of dates, people
and the rest stay short.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html

from newsmodel.errors import ReadError
from newsmodel.iri_repair import repair_iri
from newsmodel.read._loose_json import loads_loose

__all__ = [
    "ARTICLE_TYPES",
    "ORG_TYPES",
    "PAGE_TYPES",
    "absolute_url",
    "all_of",
    "article_node",
    "first_of",
    "flatten",
    "int_of",
    "jsonld_nodes",
    "meta_tags",
    "norm",
    "resolve_ref",
    "text_of",
    "types_of",
]

#: schema.org types that are an article (the node whose fields describe the page).
ARTICLE_TYPES = frozenset(
    {
        "NewsArticle",
        "Article",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "AskPublicQuestionArticle",
        "SatiricalArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "SocialMediaPosting",
        "Report",
        "ScholarlyArticle",
        "TechArticle",
        "AdvertiserContentArticle",
    }
)


ORG_TYPES = frozenset({"Organization", "NewsMediaOrganization", "Corporation", "OnlineBusiness"})


PAGE_TYPES = frozenset({"WebPage", "ItemPage", "ClaimReview"})


_HOST = re.compile(r"[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+\.?(:\d{1,5})?")


def text_of(value: Any) -> str | None:
    """Return a clean one-line string from a JSON-LD or attribute value (``None`` when empty)."""
    if isinstance(value, list):
        value = next((v for v in value if text_of(v)), None)
    if isinstance(value, dict):
        value = value.get("@value", value.get("name"))
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    value = " ".join(html.unescape(value).split())
    return value or None


def int_of(value: Any) -> int | None:
    if isinstance(value, dict):
        value = value.get("@value")
    try:
        number = int(float(str(value).strip().removesuffix("px")))
    except (TypeError, ValueError, OverflowError):
        return None
    return number if 0 < number < 100_000 else None


def absolute_url(value: Any, base: str | None) -> str | None:
    """Return an absolute http(s) IRI for a link found in the page, or ``None``."""
    text = text_of(value) if not isinstance(value, dict) else text_of(value.get("url") or value.get("@id"))
    if not text or text.startswith(("data:", "javascript:", "#")):
        return None
    if base:
        try:
            text = urljoin(base, text)
        except ValueError:
            return None
    elif text.startswith("//"):
        text = "https:" + text
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not _HOST.fullmatch(parts.netloc.rsplit("@", 1)[-1]):
        return None
    try:
        return repair_iri(text)
    except ReadError:
        return None


def types_of(node: dict[str, Any]) -> set[str]:
    raw = node.get("@type", node.get("type", []))
    items = raw if isinstance(raw, list) else [raw]
    return {str(t).rsplit("/", 1)[-1].rsplit(":", 1)[-1] for t in items if isinstance(t, str)}


def flatten(value: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every top-level node of a JSON-LD value: arrays and ``@graph`` opened."""
    if depth > 8:
        return
    if isinstance(value, list):
        for item in value:
            yield from flatten(item, depth + 1)
    elif isinstance(value, dict):
        if "@graph" in value:
            yield from flatten(value["@graph"], depth + 1)
            rest = {k: v for k, v in value.items() if k not in ("@graph", "@context")}
            if types_of(rest):
                yield rest
        else:
            yield value


def jsonld_nodes(tree: lxml.html.HtmlElement) -> list[dict[str, Any]]:
    """Every node of every ``application/ld+json`` block, malformed blocks read best-effort."""
    nodes: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        kind = (script.get("type") or "").lower()
        if "ld+json" not in kind:
            continue
        text = script.text or ""
        for value in loads_loose(text):
            nodes.extend(flatten(value))
    return nodes


def article_node(nodes: list[dict[str, Any]]) -> dict[str, Any]:
    """Find the node describing the article: an Article type, else one with a headline."""
    for wanted in (ARTICLE_TYPES, PAGE_TYPES):
        for node in nodes:
            if types_of(node) & wanted:
                return node
    for node in nodes:
        if "headline" in node:
            return node
    return {}


def resolve_ref(value: Any, by_id: dict[str, dict[str, Any]]) -> Any:
    """Follow a ``{"@id": …}`` reference to the node of the same page that holds it."""
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and value.get("@id") in by_id:
        return by_id[str(value["@id"])]
    if isinstance(value, list):
        return [resolve_ref(v, by_id) for v in value]
    return value


def norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def meta_tags(tree: lxml.html.HtmlElement) -> dict[str, list[str]]:
    """``<meta>`` contents by lower-cased name/property/itemprop, in page order."""
    tags: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if content is None:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = meta.get(attr)
            if key:
                tags.setdefault(key.strip().lower(), []).append(content)
    for elem in tree.xpath("//*[@itemprop][@datetime or @content]"):
        if elem.tag == "meta":
            continue
        value = elem.get("datetime") or elem.get("content")
        tags.setdefault(str(elem.get("itemprop")).strip().lower(), []).append(value)
    return tags


def first_of(tags: dict[str, list[str]], *names: str) -> str | None:
    for name in names:
        for value in tags.get(name, ()):
            text = text_of(value)
            if text:
                return text
    return None


def all_of(tags: dict[str, list[str]], keys: Iterable[str]) -> list[str]:
    return [value for key in keys for value in tags.get(key, ())]
