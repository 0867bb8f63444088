"""The article's authors and publisher: built once, from the ``Metadata`` any reader filled.

A sidecar names authors and a publisher; a page says more (which byline is a
desk or an agency, each author's page and profiles, the publisher's logo).
Either way the reader only records values in ``Metadata`` (a sidecar's over a
page's by ``Metadata.overridden_by``), and this module alone makes the model
objects, with the same rules for every input:

- the publisher is a news-media ``Organization`` (the mapper swaps in the
  mentioned entity when the article names it too);
- an author named as the publisher is the publisher (a page crediting its own
  newsroom);
- an author is a ``Person``, or an ``Organization`` when the source says so,
  with the ``url`` and ``sameAs`` links the source gives;
- an author the article also mentions is that entity's object (the model
  holds one version of each IRI); one whose IRI the article holds as another
  kind gets an IRI of its own.

>>> from newsmodel.read.document import Metadata
>>> meta = Metadata(
...     authors=("Jane Doe", "Metro Desk", "The Planet"),
...     author_urls=("https://planet.example/jane",),
...     author_organizations=(False, True),
...     publisher="The Planet",
... )
>>> publisher = publisher_of(meta)
>>> [(type(a).__name__, a.name, a.url) for a in authors_of(meta, publisher, {})]
[('Person', 'Jane Doe', 'https://planet.example/jane'), ('Organization', 'Metro Desk', None), \
('Organization', 'The Planet', None)]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeVar

import attrs

from newsmodel.ids import DEFAULT_BASE, entity_iri
from newsmodel.model import Author, Entity, Organization, OrganizationKind, Person
from newsmodel.read.document import Metadata

__all__ = ["authors_of", "publisher_of"]

T = TypeVar("T")


def publisher_of(meta: Metadata, base: str = DEFAULT_BASE) -> Organization | None:
    """The publisher the metadata names, as a news-media ``Organization``; ``None`` when unnamed."""
    name = (meta.publisher or "").strip()
    if not name:
        return None
    return Organization(
        id=entity_iri("organization", name, base),
        name=name,
        kind=OrganizationKind.NEWS_MEDIA,
        url=meta.publisher_url,
        logo=meta.publisher_logo,
    )


def authors_of(
    meta: Metadata,
    publisher: Organization | None,
    held: Mapping[str, Entity],
    base: str = DEFAULT_BASE,
) -> tuple[Author, ...]:
    """One ``Person`` or ``Organization`` per author the metadata names, in order, each once.

    ``publisher`` is the article's publisher and ``held`` the entities the
    article holds by IRI: an author that is one of them is that object.
    """
    out: dict[str, Author] = {}
    for i, raw_name in enumerate(meta.authors):
        name = raw_name.strip()
        if not name:
            continue
        organization = _at(meta.author_organizations, i, False)
        iri = entity_iri("organization" if organization else "person", name, base)
        if publisher is not None and (iri == publisher.id or name.casefold() == publisher.name.casefold()):
            out.setdefault(publisher.id, publisher)
            continue
        kind: type[Person] | type[Organization] = Organization if organization else Person
        existing = held.get(iri)
        if isinstance(existing, kind):  # mentioned in the article too: its one object
            out.setdefault(iri, existing)
            continue
        url = _at(meta.author_urls, i, None)
        same_as = tuple(dict.fromkeys(u for u in _at(meta.author_same_as, i, ()) if u != url))
        author: Author = kind(id=iri, name=name, url=url, same_as=same_as)
        if existing is not None:  # the article holds this IRI as another kind: a distinct author IRI
            author = attrs.evolve(author, id=iri.rstrip("/") + "-author")
        out.setdefault(author.id, author)
    return tuple(out.values())


def _at(values: Sequence[T], index: int, default: T) -> T:
    """``values[index]``, or ``default`` where the source gave fewer values than names."""
    return values[index] if index < len(values) else default
