"""People found by general mechanisms beyond the name lists (issue 9): invented sentences and names only."""

from __future__ import annotations

from newsmodel.extract.entities import find_entities
from newsmodel.extract.records import EntityIndex
from newsmodel.read.document import Document


def run(body: str, headline: str = "A report") -> EntityIndex:
    """Find the entities of an invented article."""
    return find_entities(Document.build(headline=headline, body=body))


def kinds(index: EntityIndex) -> dict[str, str]:
    """Each mentioned entity's name -> its kind."""
    mentioned = {id(m.entity) for m in index.mentions}
    return {r.name: r.kind for r in index.records if id(r) in mentioned}


def test_unlisted_first_name_before_a_listed_one_stays_in_the_name() -> None:
    """'Zoltrin Maria Kessel': a first name the census lacks joins the listed one after it."""
    found = kinds(run("The fund was led by Zoltrin Maria Kessel until March."))
    assert found.get("Zoltrin Maria Kessel") == "person"
    assert "Maria Kessel" not in found
