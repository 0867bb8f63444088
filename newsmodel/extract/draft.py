"""The article in the making: what the mapper's stages write, before it is frozen.

``NewsArticle`` is a frozen attrs class that checks the whole article when it
is built (every reference held, every IRI once), so stages cannot hand it
pieces one by one. Each stage instead adds to one mutable ``Draft``; the
mapper turns the draft into the article at the end, dropping references to
entities the article does not hold (``newsmodel.extract.mapper``).

A stage only appends to the lists it fills, or sets its own fields; it reads
what earlier stages wrote (the ``credits`` stage reuses the people the
``entities`` stage froze).

>>> from newsmodel.model import Place
>>> draft = Draft()
>>> draft.places.append(Place(id="urn:x:lima", name="Lima"))
>>> [p.name for p in draft.entities()]
['Lima']
"""

from __future__ import annotations

import attrs

from newsmodel.model import Agreement, Author, Entity, Event, Organization, Person, Place, Quotation

__all__ = ["Draft"]


@attrs.define
class Draft:
    """The fields of a ``NewsArticle`` that stages find; the rest comes from the document's metadata."""

    people: list[Person] = attrs.Factory(list)
    organizations: list[Organization] = attrs.Factory(list)
    places: list[Place] = attrs.Factory(list)
    #: The publisher as the article holds it (the organization of that IRI, when the text names it).
    publisher: Organization | None = None
    authors: list[Author] = attrs.Factory(list)
    #: A wire-style dateline ("LIMA, Peru") and the IRI of the place it names.
    dateline: str | None = None
    content_location: str | None = None
    #: IRIs of what the article is mostly about.
    about: list[str] = attrs.Factory(list)
    quotations: list[Quotation] = attrs.Factory(list)
    events: list[Event] = attrs.Factory(list)
    agreements: list[Agreement] = attrs.Factory(list)

    def entities(self) -> list[Entity]:
        """Every person, organization and place found so far."""
        return [*self.people, *self.organizations, *self.places]

    def by_iri(self) -> dict[str, Entity]:
        """The entities found so far by IRI."""
        return {e.id: e for e in self.entities()}
