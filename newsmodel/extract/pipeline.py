"""The mapper as a declared pipeline: a named table of stages over one ``Analysis``.

Modelled on spaCy's components over one ``Doc``. Every stage is a callable
with one signature, ``stage(analysis, draft) -> None``: it reads the shared
layers of the ``Analysis`` (entities, sentences, quotation marks, sentence
subjects; each computed once, on first use) and adds what it finds to the
``Draft``, which the mapper turns into the frozen ``NewsArticle`` at the end.
No stage imports another stage; what two of them need lives in a layer.

A ``Pipeline`` is an immutable, ordered table of ``(name, stage)`` pairs:
``names`` lists them, ``without`` drops some, ``with_stage`` adds one (last, or
``before=``/``after=`` a named stage). Each returns a new pipeline, so the
default one can never be changed by accident. Pass a pipeline to
``map_document``, ``read_text`` or ``read_html`` as ``pipeline=``.

>>> Pipeline.default().names
('entities', 'credits', 'dateline', 'about', 'quotations', 'events', 'agreements')
>>> Pipeline.default().without("events", "agreements").names
('entities', 'credits', 'dateline', 'about', 'quotations')
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

import attrs

from newsmodel.errors import ExtractionError, PipelineError
from newsmodel.extract.about import about_stage
from newsmodel.extract.agreements import agreements_stage
from newsmodel.extract.analysis import Analysis, failures_named
from newsmodel.extract.bylines import credits_stage
from newsmodel.extract.dateline import dateline_stage
from newsmodel.extract.draft import Draft
from newsmodel.extract.events import events_stage
from newsmodel.extract.freeze import entities_stage
from newsmodel.extract.quotes import quotations_stage

__all__ = ["DEFAULT_STAGES", "Pipeline", "Stage"]


class Stage(Protocol):
    """One step of the mapper: read the analysis, add what it finds to the draft."""

    def __call__(self, analysis: Analysis, draft: Draft, /) -> None:
        """Add this stage's finds to ``draft``; the return value is ignored."""


#: The default stages, in the order they run. Later stages read what earlier
#: ones wrote: ``credits``, ``dateline`` and ``about`` use the entities the
#: ``entities`` stage froze; ``events`` and ``agreements`` resolve "the group"
#: through the last organization the ``quotations`` stage credited.
DEFAULT_STAGES: tuple[tuple[str, Stage], ...] = (
    ("entities", entities_stage),
    ("credits", credits_stage),
    ("dateline", dateline_stage),
    ("about", about_stage),
    ("quotations", quotations_stage),
    ("events", events_stage),
    ("agreements", agreements_stage),
)


def _checked(stages: tuple[tuple[str, Stage], ...]) -> tuple[tuple[str, Stage], ...]:
    """The stages as given, if every name is a non-empty string used once and every stage is callable."""
    seen: set[str] = set()
    for name, stage in stages:
        if not isinstance(name, str) or not name.strip():
            raise PipelineError(f"a stage name must be a non-empty string, not {name!r}")
        if name in seen:
            raise PipelineError(f"two stages are named {name!r}")
        if not callable(stage):
            raise PipelineError(f"stage {name!r} is not callable: {stage!r}")
        seen.add(name)
    return stages


def _as_table(stages: Iterable[tuple[str, Stage]]) -> tuple[tuple[str, Stage], ...]:
    return tuple((name, stage) for name, stage in stages)


def _validate(_self: object, _attribute: object, stages: tuple[tuple[str, Stage], ...]) -> None:
    _checked(stages)


@attrs.frozen
class Pipeline:
    """An ordered, immutable table of named stages; ``run`` applies them to one analysis."""

    stages: tuple[tuple[str, Stage], ...] = attrs.field(converter=_as_table, validator=_validate)

    @classmethod
    def default(cls) -> Pipeline:
        """The pipeline ``map_document`` runs when given none."""
        return _DEFAULT

    @property
    def names(self) -> tuple[str, ...]:
        """The stage names, in the order they run."""
        return tuple(name for name, _ in self.stages)

    def __iter__(self) -> Iterator[tuple[str, Stage]]:
        return iter(self.stages)

    def __len__(self) -> int:
        return len(self.stages)

    def __contains__(self, name: object) -> bool:
        return name in self.names

    def __getitem__(self, name: str) -> Stage:
        for own, stage in self.stages:
            if own == name:
                return stage
        raise PipelineError(self._unknown(name))

    def without(self, *names: str) -> Pipeline:
        """A copy without the named stages; naming a stage it lacks is a ``PipelineError``."""
        for name in names:
            if name not in self:
                raise PipelineError(self._unknown(name))
        return Pipeline(tuple((n, s) for n, s in self.stages if n not in names))

    def with_stage(
        self, name: str, stage: Stage, *, before: str | None = None, after: str | None = None
    ) -> Pipeline:
        """A copy with ``stage`` added as ``name``: last, or just ``before``/``after`` a named stage."""
        if before is not None and after is not None:
            raise PipelineError(f"stage {name!r}: give before= or after=, not both")
        at = len(self.stages)
        if before is not None or after is not None:
            anchor = before if before is not None else after
            if anchor not in self:
                raise PipelineError(self._unknown(anchor))
            at = self.names.index(anchor) + (1 if after is not None else 0)
        return Pipeline((*self.stages[:at], (name, stage), *self.stages[at:]))

    def run(self, analysis: Analysis) -> Draft:
        """Run every stage in order on ``analysis``; the draft they filled.

        An unexpected failure inside a stage becomes an ``ExtractionError``
        naming the stage (a layer's own failure names the layer).
        """
        draft = Draft()
        for name, stage in self.stages:
            with failures_named(f"in stage {name!r}", passing=ExtractionError):
                stage(analysis, draft)
        return draft

    def _unknown(self, name: str | None) -> str:
        return f"no stage is named {name!r}; the stages are {', '.join(self.names) or '(none)'}"


_DEFAULT = Pipeline(DEFAULT_STAGES)
