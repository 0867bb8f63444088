"""Goldens: the mapper's JSON, JSON-LD and Turtle for the seed stay what they were when last reviewed.

The goldens are what the mapper makes of ``seeds/<seed>.txt`` with its sidecar
(issue 3: the seed goldens come from the mapper). The hand-built article a
perfect mapper would return (``tests/seed_article.py``) is checked against the
gold annotation here, and the mapper against it in ``test_mapper.py``.
Golden files are rewritten only with ``pytest --regen-golden``; without the
flag a missing golden is a failure, never a silent write.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest
import rdflib
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from seed_article import SEED_STEM, seed_article

from newsmodel import read_path
from newsmodel.model import NewsArticle
from newsmodel.serialize import json as nm_json
from newsmodel.serialize import jsonld, rdf
from newsmodel.serialize.formats import Format

SEED_TEXT = Path(__file__).resolve().parents[1] / "seeds" / f"{SEED_STEM}.txt"


def mapped_seed() -> NewsArticle:
    """What the mapper makes of the seed text and its sidecar."""
    return read_path(SEED_TEXT)


def _golden(directory: Path, name: str, actual: str, regen: bool) -> str:
    """The golden text of ``name``; with ``regen`` it is first rewritten from ``actual``."""
    path = directory / name
    if regen:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="")
    if not path.is_file():
        pytest.fail(f"missing golden {path}; run pytest --regen-golden after reviewing the output")
    return path.read_text(encoding="utf-8")


def test_seed_json_golden(golden_dir: Path, regen_golden: bool) -> None:
    """The mapped seed's plain JSON is byte-identical to tests/golden/<seed>.json and reads back."""
    article = mapped_seed()
    actual = nm_json.dumps(article, indent=True)
    expected = _golden(golden_dir, f"{SEED_STEM}.json", actual, regen_golden)
    assert orjson.loads(actual) == orjson.loads(expected)
    assert actual == expected
    assert nm_json.loads(expected) == article


def test_seed_jsonld_golden(golden_dir: Path, regen_golden: bool) -> None:
    """The seed's JSON-LD equals the golden as parsed JSON and as bytes."""
    actual = jsonld.dumps(mapped_seed())
    expected = _golden(golden_dir, f"{SEED_STEM}.jsonld", actual, regen_golden)
    assert orjson.loads(actual) == orjson.loads(expected)
    assert actual.encode("utf-8") == expected.encode("utf-8")


def _diff(expected: rdflib.Graph, actual: rdflib.Graph) -> str:
    _, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
    lines = [f"- {t}" for t in sorted(only_expected)][:10] + [f"+ {t}" for t in sorted(only_actual)][:10]
    return "\n".join(lines)


def test_seed_turtle_golden(golden_dir: Path, regen_golden: bool) -> None:
    """The seed's Turtle parses to a graph isomorphic to the golden's."""
    actual = rdf.dumps(mapped_seed(), Format.TURTLE)
    expected = _golden(golden_dir, f"{SEED_STEM}.ttl", actual, regen_golden)
    got = rdflib.Graph().parse(data=actual, format="turtle")
    want = rdflib.Graph().parse(data=expected, format="turtle")
    assert len(got) == len(want) > 0
    assert isomorphic(got, want), _diff(want, got)


def test_golden_jsonld_and_turtle_are_one_graph(golden_dir: Path) -> None:
    """The JSON-LD golden and the Turtle golden hold the same RDF graph (parsed offline)."""
    ttl = _golden(golden_dir, f"{SEED_STEM}.ttl", "", regen=False)
    ld = _golden(golden_dir, f"{SEED_STEM}.jsonld", "", regen=False)
    from_turtle = rdflib.Graph().parse(data=ttl, format="turtle")
    from_jsonld = jsonld.parse_jsonld(ld)
    assert isomorphic(from_turtle, from_jsonld), _diff(from_turtle, from_jsonld)


def test_seed_golden_holds_what_the_gold_annotation_names() -> None:
    """The hand-built seed has the gold's counts of people, places, quotations, events and agreements."""
    article = seed_article()
    assert (len(article.people), len(article.organizations), len(article.places)) == (5, 1, 9)
    assert (len(article.quotations), len(article.events), len(article.agreements)) == (5, 6, 4)
    body = article.article_body
    assert body is not None and body.startswith("Russian President Vladimir Putin")
    items: list[Any] = [*article.entities, *article.quotations, *article.events, *article.agreements]
    for item in items:
        assert item.spans, item.id
        for span in item.spans:
            assert span.slice(body).strip(), (item.id, span)
    for quote in article.quotations:
        assert quote.spans[0].slice(body) == quote.text


def test_mapper_finds_what_the_hand_built_seed_holds() -> None:
    """The mapped seed has the hand-built article's people (title, country), quotes and agreements."""
    perfect, mapped = seed_article(), mapped_seed()

    def name(article: NewsArticle, iri: str | None) -> str | None:
        """The entity's name without a leading "the" ("the West" and "West" are one name)."""
        entity = article.entity(iri) if iri else None
        return entity.name.removeprefix("the ") if entity else None

    def people(article: NewsArticle) -> set[tuple[str, str | None, str | None]]:
        return {(p.name, p.job_title, name(article, p.nationality)) for p in article.people}

    def quotes(article: NewsArticle) -> set[tuple[str, str | None]]:
        return {(q.text, name(article, q.speaker)) for q in article.quotations}

    def parties(article: NewsArticle) -> set[frozenset[str | None]]:
        return {frozenset(name(article, p) for p in a.parties) for a in article.agreements}

    assert people(perfect) == people(mapped)
    assert quotes(perfect) == quotes(mapped)
    # every hand-built agreement is found with all its parties (the mapper may name one more)
    assert all(any(want <= got for got in parties(mapped)) for want in parties(perfect))
