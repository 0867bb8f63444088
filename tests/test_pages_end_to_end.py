"""Real pages end to end: every benchmark page maps to an article whose outputs validate."""

from __future__ import annotations

from pathlib import Path

import pytest
from _shared import SHARED

import newsmodel as nm
from newsmodel.check.shacl import check_graph

PAGES = SHARED / "corpus" / "pages"


@pytest.mark.parametrize("page", sorted(PAGES.glob("*.html.gz")), ids=lambda p: p.name[:12])
def test_page_maps_and_validates(page: Path) -> None:
    """read_html never crashes on a real page; its JSON validates and its RDF meets the shapes."""
    article = nm.read_html(page.read_bytes())
    assert article.article_body and len(article.article_body.split()) > 50
    nm.validate_json(nm.to_json(article))
    report = check_graph(nm.to_rdflib(article))
    assert report.conforms, report.violations
