"""Body quality on 30 real news pages, scored with the public benchmark's own metric.

The pages and their true article bodies are ``../shared/corpus/pages/`` (from
scrapinghub/article-extraction-benchmark); ``../shared/eval/body_score.py`` is
the benchmark's metric. trafilatura 2.0.0's stored output scores F1 0.969 on
these pages; the body we emit must do at least as well.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
from functools import cache
from types import ModuleType

import pytest
import trafilatura
from _shared import SHARED

from newsmodel.read.html import read_html_document

PAGES = SHARED / "corpus" / "pages"
TRAFILATURA_2_0_0_F1 = 0.969


@cache
def body_score() -> ModuleType:
    """The benchmark's scorer, imported from the shared folder (never copied)."""
    spec = importlib.util.spec_from_file_location("body_score", SHARED / "eval" / "body_score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def truth() -> dict[str, dict[str, str]]:
    data: dict[str, dict[str, str]] = json.loads((PAGES / "ground-truth.json").read_text(encoding="utf-8"))
    return data


@cache
def our_bodies() -> dict[str, str]:
    return {
        page_id: read_html_document((PAGES / f"{page_id}.html.gz").read_bytes(), url=item["url"]).body
        for page_id, item in truth().items()
    }


def score(bodies: dict[str, str]) -> dict[str, float]:
    bs = body_score()
    counts = [bs.tp_fp_fn(item["articleBody"], bodies.get(page_id, "")) for page_id, item in truth().items()]
    result: dict[str, float] = bs.metrics(counts)
    return result


def test_corpus_is_complete() -> None:
    """All 30 pages and their true bodies are there (the score below means something)."""
    assert len(truth()) == 30
    assert all((PAGES / f"{page_id}.html.gz").exists() for page_id in truth())


def test_body_f1_beats_trafilatura_2_0_0() -> None:
    """Our articleBody scores at least trafilatura 2.0.0's F1 of 0.969 on the 30 pages."""
    result = score(our_bodies())
    assert result["f1"] >= TRAFILATURA_2_0_0_F1, result
    assert result["precision"] >= 0.95 and result["recall"] >= 0.95, result


def test_body_f1_beats_installed_trafilatura_plain() -> None:
    """Our clean-up adds to trafilatura: we beat its default extraction measured here and now."""
    plain = {
        page_id: trafilatura.extract(
            gzip.decompress((PAGES / f"{page_id}.html.gz").read_bytes()), url=item["url"]
        )
        or ""
        for page_id, item in truth().items()
    }
    assert score(our_bodies())["f1"] > score(plain)["f1"]


@pytest.mark.parametrize("page_id", sorted(json.loads((PAGES / "ground-truth.json").read_text())))
def test_every_page_gives_a_real_body(page_id: str) -> None:
    """No page comes out empty or mostly wrong: per-page F1 stays above 0.8."""
    bs = body_score()
    result = bs.metrics([bs.tp_fp_fn(truth()[page_id]["articleBody"], our_bodies()[page_id])])
    assert result["f1"] >= 0.8, result
