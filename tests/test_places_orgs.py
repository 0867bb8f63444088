"""Places and organizations beyond the old gazetteer: one test per mechanism, on invented sentences."""

from __future__ import annotations

from newsmodel.extract.entities import find_entities
from newsmodel.extract.gazetteer import lexicon
from newsmodel.extract.records import EntityIndex, EntityRecord
from newsmodel.read.document import Document


def run(body: str, headline: str = "A report") -> EntityIndex:
    """The entity index of an invented article."""
    return find_entities(Document.build(headline=headline, body=body))


def record(index: EntityIndex, form: str) -> EntityRecord:
    """The mentioned entity that has ``form`` as its name or an alias."""
    mentioned = {id(m.entity) for m in index.mentions}
    found = [r for r in index.records if id(r) in mentioned and (r.name == form or form in r.aliases)]
    assert found, f"{form!r} not among {[r.name for r in index.records]}"
    return found[0]


def test_first_order_divisions_are_administrative_areas() -> None:
    """'Bavaria', 'Sindh', 'Liguria' (GeoNames admin1 names) are administrative areas, not organizations."""
    idx = run("Tom Reyes toured Bavaria and Sindh last year. Liguria was left out of the study.")
    for name in ("Bavaria", "Sindh", "Liguria"):
        entity = record(idx, name)
        assert (entity.kind, entity.subtype) == ("place", "AdministrativeArea"), name


def test_division_names_that_are_words_or_directions_are_not_places() -> None:
    """Division names like 'Unity' or 'South East' stay words; 'the West', 'South East Asia' keep theirs."""
    idx = run("Unity was the theme. Mira Dalt flew to South East Asia and met envoys of the West.")
    assert not any(r.name == "Unity" for r in idx.records)
    assert record(idx, "West").kind == "place"
    assert not any(r.name == "South East" for r in idx.records)


def test_other_names_of_big_cities_are_those_cities() -> None:
    """'Bombay' and 'Saigon' (GeoNames alternate names) are Mumbai and Ho Chi Minh City, with their ids."""
    idx = run("Mira Dalt flew from Bombay to Saigon on Monday.")
    places = lexicon().places
    for form, city in (("Bombay", "Mumbai"), ("Saigon", "Ho Chi Minh City")):
        entity = record(idx, form)
        assert (entity.kind, entity.subtype) == ("place", "City")
        assert any(iri.rstrip("/").endswith(f"/{places[city].geonameid}") for iri in entity.same_as), form
