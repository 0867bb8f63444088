"""Tests of the product rule (extract/products.py) on invented sentences and names."""

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


def test_company_forms_and_plain_makers_stay_organizations() -> None:
    """'Quellsoft Inc.' before 'app' and a maker that only says things stay organizations."""
    found = _orgs("Quellsoft Inc. app sales rose. Zentrovia said its profit fell. Zentrovia hired staff.")
    assert "Quellsoft Inc." in found
    assert "Zentrovia" in found
