"""The ``about`` stage: the few entities the article is mostly about.

An entity's weight is its number of mentions, a mention in the headline
counting twice; the ``ABOUT_LIMIT`` heaviest entities the article holds that
are mentioned at least twice make up ``about``, ties going to the one named
first. Only entities the draft holds count, so this stage runs after
``entities`` (and any stage that adds entities).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from typing import TYPE_CHECKING

from newsmodel.extract.records import EntityIndex
from newsmodel.read.document import Document

if TYPE_CHECKING:
    from newsmodel.extract.analysis import Analysis
    from newsmodel.extract.draft import Draft

__all__ = ["ABOUT_LIMIT", "about_stage", "rank_about"]

#: How many of the most-mentioned entities make up ``about``.
ABOUT_LIMIT = 3
# A mention in the headline counts this many times towards ``about``.
_HEADLINE_WEIGHT = 2


def about_stage(analysis: Analysis, draft: Draft) -> None:
    """Set the draft's ``about`` to the most-mentioned entities it holds."""
    draft.about = list(rank_about(analysis.doc, analysis.index, draft.by_iri()))


def rank_about(doc: Document, index: EntityIndex, held: Collection[str]) -> tuple[str, ...]:
    """Rank the IRIs of the most-mentioned entities (headline mentions count double)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for mention in index.mentions:
        iri = mention.entity.iri
        if iri not in held:
            continue
        counts[iri] += _HEADLINE_WEIGHT if mention.start < doc.body_start else 1
        first.setdefault(iri, mention.start)
    ranked = sorted(counts, key=lambda iri: (-counts[iri], first[iri]))
    return tuple(iri for iri in ranked[:ABOUT_LIMIT] if counts[iri] >= 2)
