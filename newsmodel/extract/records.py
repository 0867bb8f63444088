"""What the entity extractor hands to the quotation, event and agreement extractors.

The frame extractors never re-find entities: they ask an ``EntityIndex`` which
entity stands at an offset of ``Document.text``, or which entities a sentence
names. An ``EntityRecord`` is mutable while the mapper works on it; the mapper
turns each into a frozen model object at the end.
"""

from __future__ import annotations

import bisect
from typing import Literal

import attrs

__all__ = ["EntityIndex", "EntityKind", "EntityRecord", "Mention"]

EntityKind = Literal["person", "organization", "place"]


@attrs.define(kw_only=True, eq=False)
class EntityRecord:
    """One entity of one article, with every surface form and mention.

    ``subtype`` is a ``PlaceKind``/``OrganizationKind`` value; ``nationality`` and
    ``affiliation`` are other records (a country place, an organization).
    """

    kind: EntityKind
    name: str
    iri: str
    aliases: list[str] = attrs.Factory(list)
    subtype: str | None = None
    job_title: str | None = None
    nationality: EntityRecord | None = None
    affiliation: EntityRecord | None = None
    same_as: list[str] = attrs.Factory(list)
    contained_in: EntityRecord | None = None
    also_other: bool = False  # a place used as an organization, or the reverse
    confidence: float = 0.5
    gender: Literal["m", "f"] | None = None


@attrs.frozen
class Mention:
    """A mention ``text[start:end]`` of an entity."""

    start: int
    end: int
    entity: EntityRecord


@attrs.define
class EntityIndex:
    """Every mention of every entity of a document, sorted by offset.

    >>> rec = EntityRecord(kind="person", name="Ann Lee", iri="urn:x:ann")
    >>> idx = EntityIndex(records=[rec], mentions=[Mention(10, 17, rec), Mention(40, 43, rec)])
    >>> [m.start for m in idx.between(0, 20)]
    [10]
    >>> idx.last_before(39).start
    10
    """

    records: list[EntityRecord]
    mentions: list[Mention]
    #: Mentions of places named inside another entity's name ("Lisbon" in "University of Lisbon"):
    #: spans of the article, kept apart so that the frame stages, which ask which entity stands
    #: at an offset, still find the organization there.
    inner: list[Mention] = attrs.Factory(list)
    _starts: list[int] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.mentions.sort(key=lambda m: (m.start, m.end))
        self._starts = [m.start for m in self.mentions]

    def between(self, start: int, end: int) -> list[Mention]:
        """Mentions that lie wholly inside ``[start, end)``."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return [m for m in self.mentions[lo:hi] if m.end <= end]

    def at(self, offset: int) -> Mention | None:
        """The mention covering ``offset``, if any."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.mentions[i].start <= offset < self.mentions[i].end:
            return self.mentions[i]
        return None

    def last_before(self, offset: int, kind: EntityKind | None = None) -> Mention | None:
        """The nearest mention ending at or before ``offset`` (of ``kind`` if given)."""
        i = bisect.bisect_left(self._starts, offset) - 1
        while i >= 0:
            m = self.mentions[i]
            if m.end <= offset and (kind is None or m.entity.kind == kind):
                return m
            i -= 1
        return None

    def first_after(self, offset: int, kind: EntityKind | None = None) -> Mention | None:
        """The nearest mention starting at or after ``offset`` (of ``kind`` if given)."""
        i = bisect.bisect_left(self._starts, offset)
        while i < len(self.mentions):
            m = self.mentions[i]
            if kind is None or m.entity.kind == kind:
                return m
            i += 1
        return None
