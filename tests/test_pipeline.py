"""The mapper as a declared pipeline: list the stages, drop one, add an invented one, name a failing one."""

from __future__ import annotations

import re
from typing import Any

import pytest

from newsmodel import Pipeline, PipelineError, read_text
from newsmodel.errors import ExtractionError
from newsmodel.extract.analysis import Analysis
from newsmodel.extract.draft import Draft
from newsmodel.extract.mapper import map_document
from newsmodel.ids import entity_iri
from newsmodel.model import Organization, OrganizationKind
from newsmodel.read.text import read_document
from newsmodel.serialize.json import to_dict

# An invented article with people, a quotation, a meeting and an agreement.
TEXT = (
    "Lee and Okafor sign a trade pact in Lisbon\n\n"
    "LISBON, Portugal (Wire) - Ann Lee, the president of Norland, met Prime Minister Bo Okafor of Sudria "
    "in Lisbon on Tuesday.\n\n"
    '"We have built something that will last," Lee said after the meeting.\n\n'
    "Lee and Okafor signed an agreement to expand energy trade, officials said. "
    "Dunmore Analytics called the deal modest.\n"
)
META = {"datePublished": "2023-03-28", "publisher": "The Daily Planet"}
DEFAULT_NAMES = ("entities", "credits", "dateline", "about", "quotations", "events", "agreements")


def _article(pipeline: Pipeline | None = None) -> dict[str, Any]:
    """The article as plain JSON, every list field present (``to_dict`` leaves empty ones out)."""
    data = to_dict(read_text(TEXT, META, pipeline=pipeline))
    lists = ("people", "organizations", "places", "events", "agreements", "quotations", "about")
    return {**{name: [] for name in lists}, **data}


def test_the_default_stages_are_listed_in_order() -> None:
    """``names`` lists the default stages in the order they run; the package exports ``Pipeline``."""
    assert Pipeline.default().names == DEFAULT_NAMES
    assert "events" in Pipeline.default() and len(Pipeline.default()) == len(DEFAULT_NAMES)


def test_the_default_pipeline_is_what_map_document_runs() -> None:
    """No ``pipeline=`` and ``Pipeline.default()`` give the same article."""
    assert _article() == _article(Pipeline.default())


def test_dropping_events_removes_them_and_changes_nothing_else() -> None:
    """Without the ``events`` stage the article has no events; every other field is identical."""
    full = _article()
    assert full["events"] and full["agreements"] and full["quotations"] and full["people"]
    without = _article(Pipeline.default().without("events"))
    assert without["events"] == []
    assert {k: v for k, v in without.items() if k != "events"} == {
        k: v for k, v in full.items() if k != "events"
    }


def test_dropping_entities_drops_references_to_them_not_the_article() -> None:
    """Without ``entities`` the article holds no entities and no frame points at one; it is still valid."""
    article = _article(Pipeline.default().without("entities"))
    assert article["people"] == [] and article["organizations"] == [] and article["places"] == []
    assert all(q.get("speaker") is None for q in article["quotations"])
    assert article["agreements"] == [] and article["about"] == []


def test_without_leaves_the_original_pipeline_unchanged() -> None:
    """``without`` returns a new pipeline; the default keeps all its stages."""
    smaller = Pipeline.default().without("events", "agreements")
    assert smaller.names == DEFAULT_NAMES[:5]
    assert Pipeline.default().names == DEFAULT_NAMES


_TICKER = re.compile(r"\b([A-Z][a-z]+ Analytics)\b")


def _analytics_firms(analysis: Analysis, draft: Draft) -> None:
    """An invented stage: every "<Name> Analytics" of the body is an organization."""
    doc = analysis.doc
    seen = {o.id for o in draft.organizations}
    for match in _TICKER.finditer(doc.text, doc.body_start):
        iri = entity_iri("organization", match.group(1), analysis.base)
        if iri in seen:
            continue
        seen.add(iri)
        span = doc.body_span(*match.span(1))
        draft.organizations.append(
            Organization(
                id=iri,
                name=match.group(1),
                kind=OrganizationKind.CORPORATION,
                spans=(span,) if span else (),
            )
        )


def test_an_added_stage_runs_and_its_output_lands_in_the_article() -> None:
    """A user's stage added after ``entities`` adds its organization, span and all, to the article."""
    plain = _article(Pipeline.default().without("entities"))
    assert not any(o["name"] == "Dunmore Analytics" for o in plain["organizations"])
    pipeline = Pipeline.default().without("entities").with_stage("firms", _analytics_firms, after="credits")
    assert pipeline.names[:3] == ("credits", "firms", "dateline")
    article = read_text(TEXT, META, pipeline=pipeline)
    [firm] = [o for o in article.organizations if o.name == "Dunmore Analytics"]
    assert firm.kind is OrganizationKind.CORPORATION
    assert article.article_body is not None
    [span] = firm.spans
    assert article.article_body[span.start : span.end] == "Dunmore Analytics"


def test_stages_run_in_table_order_and_see_what_earlier_stages_wrote() -> None:
    """A stage placed before ``entities`` sees no people; one placed after it sees them."""
    seen: dict[str, int] = {}

    def count(label: str) -> Any:
        def stage(analysis: Analysis, draft: Draft) -> None:
            """Record how many people the draft holds when this stage runs."""
            seen[label] = len(draft.people)

        return stage

    pipeline = (
        Pipeline.default()
        .with_stage("first", count("first"), before="entities")
        .with_stage("second", count("second"), after="entities")
        .with_stage("last", count("last"))
    )
    assert pipeline.names[0] == "first" and pipeline.names[2] == "second" and pipeline.names[-1] == "last"
    read_text(TEXT, META, pipeline=pipeline)
    assert seen["first"] == 0 and seen["second"] >= 2 and seen["last"] == seen["second"]


def test_shared_layers_are_computed_once_and_shared_by_stages() -> None:
    """Two stages asking for the same layer get the same object: it is computed once per article."""
    layers: list[tuple[object, object, object]] = []

    def look(analysis: Analysis, draft: Draft) -> None:
        """Note the layer objects this stage is handed."""
        layers.append((analysis.index, analysis.sentences, analysis.attributor))

    pipeline = Pipeline.default().with_stage("a", look, before="entities").with_stage("b", look)
    map_document(read_document(TEXT, META), pipeline=pipeline)
    first, second = layers
    assert all(x is y for x, y in zip(first, second, strict=True))


def test_events_and_agreements_find_each_stretchs_dates_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The date layer is shared: no stretch of text is searched for date phrases twice in one mapping."""
    from newsmodel.extract import dates

    asked: list[tuple[int, int | None]] = []
    real = dates.find_dates

    def counting(text: str, start: int = 0, end: int | None = None, published: Any = None) -> Any:
        """Note the stretch, then find its dates as usual."""
        asked.append((start, end))
        return real(text, start, end, published)

    monkeypatch.setattr(dates, "find_dates", counting)
    article = read_text(TEXT, META)
    assert article.events and article.agreements and any(e.start_date for e in article.events)
    assert asked and len(asked) == len(set(asked))


def test_a_failing_stage_is_named_in_the_error() -> None:
    """An unexpected exception in a stage becomes an ``ExtractionError`` naming that stage."""

    def broken(analysis: Analysis, draft: Draft) -> None:
        """A stage with a bug."""
        raise KeyError("oops")

    pipeline = Pipeline.default().with_stage("my-broken-stage", broken, after="quotations")
    with pytest.raises(ExtractionError, match=r"stage 'my-broken-stage'.*KeyError"):
        read_text(TEXT, META, pipeline=pipeline)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda p: p.without("no-such-stage"), "no stage is named 'no-such-stage'"),
        (lambda p: p.with_stage("events", lambda a, d: None), "two stages are named 'events'"),
        (lambda p: p.with_stage("x", lambda a, d: None, before="nowhere"), "no stage is named 'nowhere'"),
        (
            lambda p: p.with_stage("x", lambda a, d: None, before="events", after="events"),
            "not both",
        ),
        (lambda p: p.with_stage("", lambda a, d: None), "non-empty string"),
        (lambda p: p.with_stage("x", "not a stage"), "not callable"),
        (lambda p: p["nope"], "the stages are entities, credits"),
    ],
)
def test_bad_pipeline_changes_raise_pipeline_error(change: Any, message: str) -> None:
    """An unknown or repeated name, a stage that cannot be called: a ``PipelineError`` saying which."""
    with pytest.raises(PipelineError, match=message):
        change(Pipeline.default())
