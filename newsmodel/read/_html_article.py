"""Give a mapped article the authors and publisher its page declares, typed and linked.

``Metadata`` carries author names only; a page says more: which byline is a
desk or an agency (an ``Organization``), each author's page and profiles
(``url``, ``sameAs``), the publisher's logo. ``read_html`` applies that here,
after the mapper, so the JSON-LD we emit says what Google's Article guidelines
ask for.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from newsmodel.ids import DEFAULT_BASE, entity_iri
from newsmodel.model import Author, NewsArticle, Organization, OrganizationKind, Person
from newsmodel.read._html_meta import PageMeta
from newsmodel.read._html_people import AuthorInfo

__all__ = ["page_authors", "page_publisher", "with_page_authors"]


def page_authors(meta: PageMeta, *, base: str = DEFAULT_BASE) -> tuple[Author, ...]:
    """One ``Person`` (or ``Organization`` for a desk or agency byline) per author of the page."""
    out: dict[str, Author] = {}
    for info in meta.authors:
        author = _author(info, base)
        out.setdefault(author.id, author)
    return tuple(out.values())


def _author(info: AuthorInfo, base: str) -> Author:
    same_as = tuple(dict.fromkeys(u for u in info.same_as if u != info.url))
    if info.organization:
        return Organization(
            id=entity_iri("organization", info.name, base), name=info.name, url=info.url, same_as=same_as
        )
    return Person(id=entity_iri("person", info.name, base), name=info.name, url=info.url, same_as=same_as)


def page_publisher(meta: PageMeta, *, base: str = DEFAULT_BASE) -> Organization | None:
    """Build the page's publisher as a news-media ``Organization`` with its logo, or ``None``."""
    if meta.publisher is None:
        return None
    pub = meta.publisher
    return Organization(
        id=entity_iri("organization", pub.name, base),
        name=pub.name,
        url=pub.url,
        logo=pub.logo,
        kind=OrganizationKind.NEWS_MEDIA,
    )


def with_page_authors(article: NewsArticle, meta: PageMeta, *, base: str = DEFAULT_BASE) -> NewsArticle:
    """Return the article with the page's authors and publisher (as mapped when the page has none).

    An author or publisher that the article also holds as a mentioned entity
    keeps the entity's object: the model holds one version of each IRI.
    """
    held: dict[str, object] = {e.id: e for e in article.entities}
    publisher = page_publisher(meta, base=base)
    if publisher is not None:
        kept = held.get(publisher.id)
        publisher = kept if isinstance(kept, Organization) else publisher
        held.setdefault(publisher.id, publisher)  # a desk byline naming the publisher is the publisher
    authors = tuple(_reuse(a, held) for a in page_authors(meta, base=base)) or article.authors
    authors = tuple({a.id: a for a in authors}.values())  # one entry per author
    return attrs.evolve(article, authors=authors, publisher=publisher or article.publisher)


def _reuse(author: Author, held: Mapping[str, object]) -> Author:
    kept = held.get(author.id)
    if isinstance(kept, Person | Organization) and type(kept) is type(author):
        return kept
    if kept is not None:  # the same IRI held as another kind: mint a distinct author IRI
        return attrs.evolve(author, id=author.id.rstrip("/") + "-author")
    return author
