"""A hand-built ``EntityIndex`` for the frame extractors' tests.

The quotation, event and agreement tests name their entities themselves, so
they test the frame rules alone, not the entity finder.
"""

from __future__ import annotations

import re
from typing import Literal

from newsmodel.extract.records import EntityIndex, EntityKind, EntityRecord, Mention
from newsmodel.read.document import Document

#: name -> (kind, subtype); the subtype is a PlaceKind/OrganizationKind value or None.
Spec = dict[str, tuple[EntityKind, str | None]]
#: name -> (kind, gender)
GenderSpec = dict[str, tuple[EntityKind, Literal["m", "f"] | None]]


def test_iri(name: str, kind: EntityKind) -> str:
    """The IRI ``index_names`` gives the record of ``name``."""
    return f"urn:test:{kind}:{name.replace(' ', '-')}"


test_iri.__test__ = False  # type: ignore[attr-defined]  # a helper, not a test


def index_names(
    doc: Document, entities: Spec | None = None, genders: GenderSpec | None = None
) -> EntityIndex:
    """Index every occurrence of each name (longest names first) as a mention of one record."""
    records = {
        name: EntityRecord(kind=kind, name=name, iri=test_iri(name, kind), subtype=subtype)
        for name, (kind, subtype) in (entities or {}).items()
    }
    records |= {
        name: EntityRecord(kind=kind, name=name, iri=test_iri(name, kind), gender=gender)
        for name, (kind, gender) in (genders or {}).items()
    }
    taken: set[int] = set()
    mentions: list[Mention] = []
    for name in sorted(records, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", doc.text):
            if not taken & set(range(m.start(), m.end())):
                taken.update(range(m.start(), m.end()))
                mentions.append(Mention(m.start(), m.end(), records[name]))
    return EntityIndex(records=list(records.values()), mentions=mentions)
