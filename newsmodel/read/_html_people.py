"""Who wrote and who published a page: JSON-LD, meta tags and the visible byline, reconciled.

The markup and the visible byline disagree often enough (a wire byline in the
JSON-LD, a staff name on the page; only the first of two authors in the
markup) that both are read, and ``notes`` records which one was used whenever
they differ.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import attrs
import lxml.html

from newsmodel.read._bylines import is_organization_name, split_byline
from newsmodel.read._html_values import (
    ORG_TYPES,
    absolute_url,
    first_of,
    norm,
    resolve_ref,
    text_of,
    types_of,
)

__all__ = ["AuthorInfo", "PublisherInfo", "read_authors", "read_publisher", "site_root"]

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


def read_publisher(
    art: dict[str, Any],
    nodes: list[dict[str, Any]],
    by_id: dict[str, dict[str, Any]],
    tags: dict[str, list[str]],
    base: str | None,
) -> PublisherInfo | None:
    candidates: list[Any] = [resolve_ref(art.get("publisher"), by_id)]
    candidates += [n for n in nodes if types_of(n) & ORG_TYPES]
    logo_fallback = None
    for cand in candidates:
        for node in cand if isinstance(cand, list) else [cand]:
            if isinstance(node, str) and text_of(node):
                return PublisherInfo(name=str(text_of(node)), url=site_root(base))
            if not isinstance(node, dict):
                continue
            logo = absolute_url(resolve_ref(node.get("logo"), by_id), base)
            logo_fallback = logo_fallback or logo
            name = text_of(node.get("name"))
            if name and not absolute_url(name, None):
                return PublisherInfo(
                    name=name, url=absolute_url(node.get("url"), base) or site_root(base), logo=logo
                )
    site = first_of(tags, "og:site_name", "application-name", "publisher", "twitter:site")
    if site and not absolute_url(site, None):
        site = site.lstrip("@")
        return PublisherInfo(name=site, url=site_root(base), logo=logo_fallback)
    return None


def site_root(url: str | None) -> str | None:
    if not url:
        return None
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/"


def _person_nodes(value: Any, by_id: dict[str, dict[str, Any]]) -> list[Any]:
    value = resolve_ref(value, by_id)
    return value if isinstance(value, list) else [value] if value else []


def read_authors(
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
                text = text_of(value)
                if text and not absolute_url(text, None):
                    marked.extend(AuthorInfo(n, is_organization_name(n)) for n in split_byline(text, pub))
            if marked:
                source = f"the page's <meta name={key!r}>"
                break
    visible = _visible_byline(tree, pub)
    marked = _dedupe(marked)
    if marked and visible:
        same = {norm(a.name) for a in marked} == {norm(a.name) for a in visible}
        if not same:
            marked_people = [a for a in marked if not a.organization]
            visible_people = [a for a in visible if not a.organization]
            if visible_people and not marked_people:
                notes.append(
                    f"byline: used the visible byline {[a.name for a in visible]} over {source} "
                    f"{[a.name for a in marked]}, which names no person"
                )
                return visible
            by_name = {norm(a.name): a for a in marked}
            if set(by_name) < {norm(a.name) for a in visible}:  # the markup lists only some authors
                notes.append(
                    f"byline: used the visible byline {[a.name for a in visible]}, which adds authors "
                    f"to {source} {[a.name for a in marked]}"
                )
                return [by_name.get(norm(a.name), a) for a in visible]
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
        seen.setdefault(norm(author.name), author)
    return list(seen.values())


def _author_from_node(node: Any, publisher: str | None, base: str | None) -> list[AuthorInfo]:
    if isinstance(node, str):
        if absolute_url(node, None):  # an author page URL and no name
            return []
        return [AuthorInfo(n, is_organization_name(n)) for n in split_byline(node, publisher)]
    if not isinstance(node, dict):
        return []
    name = text_of(node.get("name")) or " ".join(
        filter(None, [text_of(node.get("givenName")), text_of(node.get("familyName"))])
    )
    if not name:
        return []
    names = split_byline(name, publisher)
    typed_org = bool(types_of(node) & ORG_TYPES) or (publisher is not None and norm(name) == norm(publisher))
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
