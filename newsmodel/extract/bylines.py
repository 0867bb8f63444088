"""The ``credits`` stage: the article's publisher and authors, as the article holds them.

The model objects come from ``credits`` (one rule for every reader); this
stage only hands them the entities the ``entities`` stage froze, so an author
or publisher the text also names is that entity's one object. It runs after
``entities``; without it the article has no authors and no publisher.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsmodel.extract.credits import authors_of
from newsmodel.model import Organization

if TYPE_CHECKING:
    from newsmodel.extract.analysis import Analysis
    from newsmodel.extract.draft import Draft

__all__ = ["credits_stage"]


def credits_stage(analysis: Analysis, draft: Draft) -> None:
    """Set the draft's publisher and add its authors, reusing the entities it holds."""
    held = draft.by_iri()
    publisher = analysis.publisher
    if publisher is not None and publisher.id in held:
        mentioned = held[publisher.id]  # named in the text too: the article's one object of that IRI
        publisher = mentioned if isinstance(mentioned, Organization) else None
    draft.publisher = publisher
    draft.authors.extend(authors_of(analysis.doc.meta, publisher, held, analysis.base))
