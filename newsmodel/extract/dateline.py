"""The ``dateline`` stage: a wire-style dateline ("LIMA, Peru (AP) -") and the place it names.

The dateline becomes ``dateline``; the place it names, when the article holds
that place, ``contentLocation``. So this stage runs after ``entities``.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import TYPE_CHECKING

from newsmodel.extract.records import EntityIndex
from newsmodel.read.document import Document

if TYPE_CHECKING:
    from newsmodel.extract.analysis import Analysis
    from newsmodel.extract.draft import Draft

__all__ = ["dateline_stage", "read_dateline"]

# A dateline: capitalised place words (the first in capitals), maybe ", Region",
# maybe "(Agency)", then a dash, at the very start of the body (normalized text).
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]*)*(?:, [A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3})?)"
    r"(?: \([^()\n]{1,40}\))? {0,2}--? "
)


def dateline_stage(analysis: Analysis, draft: Draft) -> None:
    """Set the draft's ``dateline`` and ``content_location``."""
    draft.dateline, draft.content_location = read_dateline(analysis.doc, analysis.index, draft.by_iri())


def read_dateline(doc: Document, index: EntityIndex, held: Collection[str]) -> tuple[str | None, str | None]:
    """Read a wire-style dateline ("LIMA, Peru (AP) -") and the place it names.

    The first word must be in capitals ("LIMA", "BUENOS AIRES"); an agency in
    parentheses and the dash after it are not part of the dateline.
    """
    match = _DATELINE.match(doc.text, doc.body_start)
    if match is None:
        return None, None
    start, end = match.span("place")
    dateline = " ".join(doc.raw[start:end].split())
    for mention in index.between(start, end):
        if mention.entity.kind == "place" and mention.entity.iri in held:
            return dateline, mention.entity.iri
    return dateline, None
