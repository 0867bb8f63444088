"""Tests of the product rules (extract/products.py; grouping's maker and model) on invented sentences."""

from __future__ import annotations

from newsmodel.extract.entities import find_entities
from newsmodel.extract.records import EntityIndex
from newsmodel.read.document import Document


def _orgs(body: str) -> set[str]:
    """The organizations the entity finder keeps for ``body``."""
    index: EntityIndex = find_entities(Document.build(headline="A report", body=body))
    mentioned = {id(m.entity) for m in index.mentions}
    return {r.name for r in index.records if r.kind == "organization" and id(r) in mentioned}


def test_release_number_makes_every_mention_a_product() -> None:
    """'Zorbiq 4.2' is a release: neither it nor a later bare 'Zorbiq' is an organization."""
    body = "Users moved to Zorbiq 4.2 last week. Zorbiq crashed twice on older machines."
    assert "Zorbiq" not in _orgs(body)


def test_kind_noun_after_the_name_makes_a_product() -> None:
    """'the QuillView browser' names a browser, not a company."""
    assert "QuillView" not in _orgs("Many readers use the QuillView browser. QuillView is fast.")


def test_object_of_a_software_verb_is_a_product() -> None:
    """'downloaded TrellPad' names software."""
    assert "TrellPad" not in _orgs("Thousands downloaded TrellPad on Friday. TrellPad stores notes.")


def test_tier_word_ends_a_model_and_its_stem_is_the_product() -> None:
    """'the VoxBand Pro' and the bare 'VoxBand' are one product, no organization."""
    found = _orgs("The VoxBand Pro costs more. The cheaper VoxBand still sells well.")
    assert "VoxBand Pro" not in found
    assert "VoxBand" not in found


def test_a_kind_of_craft_closing_a_name_makes_a_vehicle_not_a_body() -> None:
    """'the Quellar Space Telescope' and 'the Dorvik Rover' are craft; 'Vesk Rover said' is a maker."""
    found = _orgs("The Quellar Space Telescope and the Dorvik Rover found ice. Vesk Rover said sales fell.")
    assert "Quellar Space Telescope" not in found
    assert "Dorvik Rover" not in found
    assert "Vesk Rover" in found


def test_company_forms_and_plain_makers_stay_organizations() -> None:
    """'Quellsoft Inc.' before 'app' and a maker that only says things stay organizations."""
    found = _orgs("Quellsoft Inc. app sales rose. Zentrovia said its profit fell. Zentrovia hired staff.")
    assert "Quellsoft Inc." in found
    assert "Zentrovia" in found


def _people(body: str) -> set[str]:
    """The people the entity finder keeps for ``body``."""
    index: EntityIndex = find_entities(Document.build(headline="A report", body=body))
    mentioned = {id(m.entity) for m in index.mentions}
    return {r.name for r in index.records if r.kind == "person" and id(r) in mentioned}


def test_two_unknown_name_words_after_the_are_no_person() -> None:
    """'the Quellwerk Zorbix' (no given name, after 'the') is a maker's model, not a person."""
    assert "Quellwerk Zorbix" not in _people("Engineers fitted the Quellwerk Zorbix to the new ferry.")


def test_maker_named_alone_makes_the_pair_a_product() -> None:
    """'Vantrel Oskiva' then 'Vantrel' alone: a maker's model; 'Hamdu Zorvani' then 'Zorvani': a person."""
    product = "Buyers queued for Vantrel Oskiva on Friday. Vantrel expects record sales."
    person = "Hamdu Zorvani arrived on Friday. Zorvani expects record sales."
    assert "Vantrel Oskiva" not in _people(product)
    assert "Hamdu Zorvani" in _people(person)
