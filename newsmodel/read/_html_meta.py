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
import warnings
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

import attrs
import dateutil.parser
import dateutil.tz
import lxml.html

from newsmodel.model import Image
from newsmodel.read._bylines import is_organization_name, split_byline
from newsmodel.read._loose_json import loads_loose

__all__ = ["AuthorInfo", "PageMeta", "PublisherInfo", "parse_date", "read_page_meta"]

#: schema.org types that are an article (the node whose fields describe the page).
_ARTICLE_TYPES = frozenset(
    [
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
    ]
)
_ORG_TYPES = frozenset({"Organization", "NewsMediaOrganization", "Corporation", "OnlineBusiness"})
_PAGE_TYPES = frozenset({"WebPage", "ItemPage", "ClaimReview"})
_HOST = re.compile(r"[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+\.?(:\d{1,5})?")
_TAG = re.compile(r"<[^<>]{0,2000}>")
_LANG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")
_IRI_BAD = re.compile(r"[\s<>\"{}|\\^`\x00-\x20]")
#: Unambiguous zone abbreviations pages print next to times (dateutil wants them spelled out).
_ZONES = {
    name: dateutil.tz.tzoffset(name, hours * 3600)
    for name, hours in {
        "UTC": 0,
        "GMT": 0,
        "Z": 0,
        "EST": -5,
        "EDT": -4,
        "CST": -6,
        "CDT": -5,
        "MST": -7,
        "MDT": -6,
        "PST": -8,
        "PDT": -7,
        "AKST": -9,
        "AKDT": -8,
        "HST": -10,
        "BST": 1,
        "CET": 1,
        "CEST": 2,
        "EET": 2,
        "EEST": 3,
        "MSK": 3,
        "JST": 9,
        "KST": 9,
        "AEST": 10,
        "AEDT": 11,
        "NZST": 12,
        "NZDT": 13,
        "WAT": 1,
        "EAT": 3,
        "SAST": 2,
    }.items()
}
_BYLINE_XPATH = (
    "//*[@rel='author' or @itemprop='author' or contains(@class,'byline') or contains(@id,'byline') "
    "or contains(@class,'author-name') or contains(@class,'article-author') "
    "or contains(@class,'author__name') or contains(@class,'contributor')]"
)


@attrs.frozen
class AuthorInfo:
    """One author as the page gives it: a clean name, its kind, and links."""

    name: str
    organization: bool = False
    url: str | None = None
    same_as: tuple[str, ...] = ()


@attrs.frozen
class PublisherInfo:
    """The publisher as the page gives it."""

    name: str
    url: str | None = None
    logo: str | None = None


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


# --------------------------------------------------------------------------- small readers


def _text(value: Any) -> str | None:
    """Return a clean one-line string from a JSON-LD or attribute value (``None`` when empty)."""
    if isinstance(value, list):
        value = next((v for v in value if _text(v)), None)
    if isinstance(value, dict):
        value = value.get("@value", value.get("name"))
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    value = " ".join(html.unescape(value).split())
    return value or None


def _int(value: Any) -> int | None:
    if isinstance(value, dict):
        value = value.get("@value")
    try:
        number = int(float(str(value).strip().removesuffix("px")))
    except (TypeError, ValueError, OverflowError):
        return None
    return number if 0 < number < 100_000 else None


def absolute_url(value: Any, base: str | None) -> str | None:
    """Return an absolute http(s) IRI for a link found in the page, or ``None``."""
    text = _text(value) if not isinstance(value, dict) else _text(value.get("url") or value.get("@id"))
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
    return _IRI_BAD.sub(lambda m: quote(m.group(0)), text)


def parse_date(value: Any) -> dt.datetime | dt.date | None:
    """Read a publication timestamp from the many ways pages write one.

    A bare calendar day stays a ``date``; a time keeps the page's offset.

    >>> parse_date("2019-11-19T21:57:01+0000").isoformat()
    '2019-11-19T21:57:01+00:00'
    >>> parse_date("Tue, 19 Nov 2019 16:57:01 EST").isoformat()
    '2019-11-19T16:57:01-05:00'
    >>> parse_date("2019-11-19")
    datetime.date(2019, 11, 19)
    >>> parse_date("yesterday") is None
    True
    """
    text = _text(value)
    if not text or len(text) > 64 or not re.search(r"\d{4}|\d{1,2}\W\d{1,2}\W\d{2}", text):
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            return None
        return day if 1990 <= day.year <= 2100 else None
    parsed: dt.datetime | None
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                parsed = dateutil.parser.parse(text, tzinfos=_ZONES, fuzzy=False)
        except (ValueError, OverflowError, TypeError):
            return None
    if not 1990 <= parsed.year <= 2100:
        return None
    if parsed.tzinfo is not None:
        offset = parsed.utcoffset()
        if offset is None:
            return parsed.replace(tzinfo=None)
        parsed = parsed.replace(tzinfo=dt.timezone(offset))
    return parsed


def _has_zone(value: dt.datetime | dt.date | None) -> bool:
    return isinstance(value, dt.datetime) and value.tzinfo is not None


# --------------------------------------------------------------------------- JSON-LD


def _types(node: dict[str, Any]) -> set[str]:
    raw = node.get("@type", node.get("type", []))
    items = raw if isinstance(raw, list) else [raw]
    return {str(t).rsplit("/", 1)[-1].rsplit(":", 1)[-1] for t in items if isinstance(t, str)}


def _flatten(value: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every top-level node of a JSON-LD value: arrays and ``@graph`` opened."""
    if depth > 8:
        return
    if isinstance(value, list):
        for item in value:
            yield from _flatten(item, depth + 1)
    elif isinstance(value, dict):
        if "@graph" in value:
            yield from _flatten(value["@graph"], depth + 1)
            rest = {k: v for k, v in value.items() if k not in ("@graph", "@context")}
            if _types(rest):
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
            nodes.extend(_flatten(value))
    return nodes


def _article_node(nodes: list[dict[str, Any]]) -> dict[str, Any]:
    """Find the node describing the article: an Article type, else one with a headline."""
    for wanted in (_ARTICLE_TYPES, _PAGE_TYPES):
        for node in nodes:
            if _types(node) & wanted:
                return node
    for node in nodes:
        if "headline" in node:
            return node
    return {}


def _resolve(value: Any, by_id: dict[str, dict[str, Any]]) -> Any:
    """Follow a ``{"@id": …}`` reference to the node of the same page that holds it."""
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and value.get("@id") in by_id:
        return by_id[str(value["@id"])]
    if isinstance(value, list):
        return [_resolve(v, by_id) for v in value]
    return value


# --------------------------------------------------------------------------- meta tags


def _meta_tags(tree: lxml.html.HtmlElement) -> dict[str, list[str]]:
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


def _first(tags: dict[str, list[str]], *names: str) -> str | None:
    for name in names:
        for value in tags.get(name, ()):
            text = _text(value)
            if text:
                return text
    return None


# --------------------------------------------------------------------------- the reader


def read_page_meta(tree: lxml.html.HtmlElement, url: str | None = None) -> PageMeta:
    """Read every metadata source of a parsed page into one ``PageMeta``."""
    nodes = jsonld_nodes(tree)
    by_id = {str(n["@id"]): n for n in nodes if isinstance(n.get("@id"), str)}
    art = _article_node(nodes)
    tags = _meta_tags(tree)
    notes: list[str] = []

    page_url = url or absolute_url(_canonical(tree), None) or absolute_url(_first(tags, "og:url"), None)
    if not page_url:
        page_url = absolute_url(art.get("url"), None)
    base = page_url

    publisher = _publisher(art, nodes, by_id, tags, base)
    headline = _headline(tree, art, tags, publisher, notes)
    description = _text(art.get("description")) or _first(
        tags, "og:description", "description", "twitter:description"
    )
    published = _pick_date(
        [
            art.get("datePublished"),
            art.get("dateCreated"),
            _first(tags, "article:published_time"),
            _first(
                tags,
                "og:published_time",
                "datepublished",
                "pubdate",
                "publishdate",
                "publish-date",
                "parsely-pub-date",
                "sailthru.date",
                "dc.date.issued",
                "dcterms.created",
                "dc.date",
                "date",
                "article.published",
                "original-publish-date",
            ),
            _time_element(tree),
        ],
    )
    modified = _pick_date(
        [
            art.get("dateModified"),
            _first(
                tags,
                "article:modified_time",
                "og:updated_time",
                "datemodified",
                "last-modified",
                "dcterms.modified",
            ),
        ],
    )
    authors = _authors(tree, art, by_id, tags, publisher, base, notes)
    images = _images(art, tags, base)
    section = _text(art.get("articleSection")) or _first(
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
    marked = _text(art.get("headline")) or _first(tags, "og:title", "twitter:title")
    site = (publisher.name if publisher else "").lower()
    visible = None
    for h1 in tree.iter("h1"):
        text = " ".join(h1.text_content().split())
        if len(text.split()) >= 3 and text.lower() != site and len(text) <= 400:
            visible = text
            break
    if visible:
        if marked and _norm(marked) != _norm(visible):
            notes.append(f"headline: used the visible <h1> {visible!r}; the page's markup says {marked!r}")
        return visible
    if marked:
        return marked
    title = tree.find(".//title")
    if title is not None and title.text:
        text = " ".join(title.text.split())
        return re.split(r"\s+[|\u2013\u2014-]\s+(?=[^|\u2013\u2014-]*$)", text)[0] or None
    return None


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _pick_date(candidates: Iterable[Any]) -> dt.datetime | dt.date | None:
    """Pick the first date given; a later candidate of the same day wins when it adds a time zone."""
    parsed = [d for d in (parse_date(c) for c in candidates if c) if d is not None]
    if not parsed:
        return None
    first = parsed[0]
    if not _has_zone(first):
        day = first.date() if isinstance(first, dt.datetime) else first
        for other in parsed[1:]:
            if _has_zone(other) and isinstance(other, dt.datetime) and other.date() == day:
                return other
    return first


def _time_element(tree: lxml.html.HtmlElement) -> str | None:
    for elem in tree.xpath("//time[@datetime]"):
        if elem.get("pubdate") is not None or "publish" in (elem.get("class") or "").lower():
            return str(elem.get("datetime"))
    return None


def _publisher(
    art: dict[str, Any],
    nodes: list[dict[str, Any]],
    by_id: dict[str, dict[str, Any]],
    tags: dict[str, list[str]],
    base: str | None,
) -> PublisherInfo | None:
    candidates: list[Any] = [_resolve(art.get("publisher"), by_id)]
    candidates += [n for n in nodes if _types(n) & _ORG_TYPES]
    logo_fallback = None
    for cand in candidates:
        for node in cand if isinstance(cand, list) else [cand]:
            if isinstance(node, str) and _text(node):
                return PublisherInfo(name=str(_text(node)), url=_site_root(base))
            if not isinstance(node, dict):
                continue
            logo = absolute_url(_resolve(node.get("logo"), by_id), base)
            logo_fallback = logo_fallback or logo
            name = _text(node.get("name"))
            if name and not absolute_url(name, None):
                return PublisherInfo(
                    name=name, url=absolute_url(node.get("url"), base) or _site_root(base), logo=logo
                )
    site = _first(tags, "og:site_name", "application-name", "publisher", "twitter:site")
    if site and not absolute_url(site, None):
        site = site.lstrip("@")
        return PublisherInfo(name=site, url=_site_root(base), logo=logo_fallback)
    return None


def _site_root(url: str | None) -> str | None:
    if not url:
        return None
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/"


def _person_nodes(value: Any, by_id: dict[str, dict[str, Any]]) -> list[Any]:
    value = _resolve(value, by_id)
    return value if isinstance(value, list) else [value] if value else []


def _authors(
    tree: lxml.html.HtmlElement,
    art: dict[str, Any],
    by_id: dict[str, dict[str, Any]],
    tags: dict[str, list[str]],
    publisher: PublisherInfo | None,
    base: str | None,
    notes: list[str],
) -> list[AuthorInfo]:
    pub = publisher.name if publisher else None
    marked: list[AuthorInfo] = []
    for node in _person_nodes(art.get("author") or art.get("creator"), by_id):
        marked.extend(_author_from_node(node, pub, base))
    source = "the page's JSON-LD"
    if not marked:
        for key in ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl"):
            for value in tags.get(key, ()):
                text = _text(value)
                if text and not absolute_url(text, None):
                    marked.extend(AuthorInfo(n, is_organization_name(n)) for n in split_byline(text, pub))
            if marked:
                source = f"the page's <meta name={key!r}>"
                break
    visible = _visible_byline(tree, pub)
    marked = _dedupe(marked)
    if marked and visible:
        same = {_norm(a.name) for a in marked} == {_norm(a.name) for a in visible}
        if not same:
            marked_people = [a for a in marked if not a.organization]
            visible_people = [a for a in visible if not a.organization]
            if visible_people and not marked_people:
                notes.append(
                    f"byline: used the visible byline {[a.name for a in visible]} over {source} "
                    f"{[a.name for a in marked]}, which names no person"
                )
                return visible
            notes.append(
                f"byline: used {source} {[a.name for a in marked]}; the visible byline says "
                f"{[a.name for a in visible]}"
            )
        return marked
    if visible:
        notes.append(f"byline: from the visible byline {[a.name for a in visible]} (the markup names none)")
        return visible
    return marked


def _dedupe(authors: list[AuthorInfo]) -> list[AuthorInfo]:
    seen: dict[str, AuthorInfo] = {}
    for author in authors:
        seen.setdefault(_norm(author.name), author)
    return list(seen.values())


def _author_from_node(node: Any, publisher: str | None, base: str | None) -> list[AuthorInfo]:
    if isinstance(node, str):
        if absolute_url(node, None):  # an author page URL and no name
            return []
        return [AuthorInfo(n, is_organization_name(n)) for n in split_byline(node, publisher)]
    if not isinstance(node, dict):
        return []
    name = _text(node.get("name")) or " ".join(
        filter(None, [_text(node.get("givenName")), _text(node.get("familyName"))])
    )
    if not name:
        return []
    names = split_byline(name, publisher)
    typed_org = bool(_types(node) & _ORG_TYPES) or (publisher is not None and _norm(name) == _norm(publisher))
    url = absolute_url(node.get("url"), base)
    same_raw = node.get("sameAs")
    same = tuple(
        u
        for u in (absolute_url(v, base) for v in (same_raw if isinstance(same_raw, list) else [same_raw]))
        if u
    )
    if len(names) != 1:  # one node naming several people: links cannot be told apart
        return [AuthorInfo(n, typed_org or is_organization_name(n)) for n in names]
    return [AuthorInfo(names[0], typed_org or is_organization_name(names[0]), url, same)]


def _visible_byline(tree: lxml.html.HtmlElement, publisher: str | None) -> list[AuthorInfo]:
    for elem in tree.xpath(_BYLINE_XPATH)[:20]:
        if elem.tag in ("meta", "link", "script", "style", "body", "html"):
            continue
        text = " ".join(" ".join(elem.itertext()).split())
        if not text or len(text) > 200:
            continue
        names = split_byline(text, publisher)
        if names:
            href = elem.get("href") if elem.tag == "a" else None
            url = absolute_url(href, None) if href and len(names) == 1 else None
            return [AuthorInfo(n, is_organization_name(n), url) for n in names]
    return []


def _images(art: dict[str, Any], tags: dict[str, list[str]], base: str | None) -> list[Image]:
    found: dict[str, Image] = {}

    def add(url: str | None, width: Any = None, height: Any = None) -> None:
        if url and url not in found and len(found) < 12:
            found[url] = Image(url=url, width=_int(width), height=_int(height))

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
        add(absolute_url(_first(tags, "twitter:image", "twitter:image:src", "thumbnailurl"), base))
    return list(found.values())


def _language(tree: lxml.html.HtmlElement, art: dict[str, Any], tags: dict[str, list[str]]) -> str | None:
    for value in (
        _text(art.get("inLanguage")),
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        _first(tags, "content-language", "og:locale", "language", "dc.language"),
    ):
        text = (_text(value) or "").replace("_", "-").split(",")[0].strip()
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
