"""Agreements: only sentences that report one being made, with parties, status, topics and date."""

from __future__ import annotations

import datetime as dt

from _entity_index import Spec, index_names, test_iri

from newsmodel.extract.agreements import find_agreements
from newsmodel.extract.records import EntityKind
from newsmodel.model import Agreement, AgreementStatus
from newsmodel.read.document import Document

ARTICLE = "https://example.org/news/3"
TUESDAY = dt.date(2023, 3, 28)

COUNTRIES: Spec = {
    "France": ("place", "Country"),
    "Chile": ("place", "Country"),
    "Peru": ("place", "Country"),
}
FIRMS: Spec = {"Acme Corp.": ("organization", None), "Bolt Inc.": ("organization", None)}
PEOPLE: Spec = {"Ann Lee": ("person", None), "Bo Chen": ("person", None)}


def _agreements(body: str, entities: Spec, published: dt.date | None = TUESDAY) -> list[Agreement]:
    doc = Document.build(headline="Headline", body=body)
    return find_agreements(doc, index_names(doc, entities), article_iri=ARTICLE, published=published)


def _iri(name: str, kind: EntityKind) -> str:
    return test_iri(name, kind)


def test_x_and_y_agreed_with_topics_normalized() -> None:
    """'A and B agreed … on cultural, energy and health matters': agreed, both parties, noun topics."""
    [deal] = _agreements(
        "Ann Lee and Bo Chen agreed to cooperate closely on cultural, energy and health matters.", PEOPLE
    )
    assert deal.parties == (_iri("Ann Lee", "person"), _iri("Bo Chen", "person"))
    assert deal.status is AgreementStatus.AGREED
    assert deal.topics == ("culture", "energy", "health")
    assert (
        deal.description
        == "Ann Lee and Bo Chen agreed to cooperate closely on cultural, energy and health matters."
    )


def test_two_sides_signed_agreements_this_week() -> None:
    """'The two sides … signed … pacts' this week: the two latest countries, signed, dated to the month."""
    body = "Peru was absent. France welcomed Chile.\n\nThe two sides finally this week signed pacts on trade."
    [deal] = _agreements(body, COUNTRIES)
    assert set(deal.parties) == {_iri("France", "place"), _iri("Chile", "place")}
    assert deal.status is AgreementStatus.SIGNED
    assert str(deal.date_created) == "2023-03"
    assert deal.topics == ("trade",)


def test_mere_mentions_are_not_agreements() -> None:
    """A deal that is only talked about ('the deal will help', 'the climate deal') is no agreement."""
    body = "The deal will help Acme Corp. and Bolt Inc. Critics of the climate deal met Acme Corp. officials."
    assert _agreements(body, FIRMS) == []


def test_hypothetical_agreement_verbs_are_skipped() -> None:
    """'could agree', 'seems unlikely to agree' report no agreement."""
    body = "France and Chile could agree to cut tariffs. Peru seems unlikely to agree to a pact with France."
    assert _agreements(body, COUNTRIES) == []


def test_deal_if_reached_is_proposed() -> None:
    """'if a deal is reached with Chile' is a proposed agreement between the speaker's side and Chile."""
    [deal] = _agreements("France said it would lift quotas if a deal is reached with Chile.", COUNTRIES)
    assert deal.status is AgreementStatus.PROPOSED
    assert set(deal.parties) == {_iri("France", "place"), _iri("Chile", "place")}


def test_status_cues() -> None:
    """Finalized -> signed, negotiating -> proposed, cancelled -> other, under a contract -> in force."""
    cases = {
        "Acme Corp. finalized a pact to supply 12 ships to Bolt Inc. on Monday.": AgreementStatus.SIGNED,
        "Acme Corp. is negotiating a merger with Bolt Inc.": AgreementStatus.PROPOSED,
        "Acme Corp. cancelled its order with Bolt Inc.": AgreementStatus.OTHER,
        "Acme Corp. supplies Bolt Inc. under a contract both approved years ago.": AgreementStatus.IN_FORCE,
    }
    for sentence, status in cases.items():
        found = _agreements(sentence, FIRMS)
        assert [a.status for a in found] == [status], sentence


def test_verb_agreement_dated_and_fewer_than_two_parties_dropped() -> None:
    """An acquisition dated 'on Monday' resolves the date; one named party alone gives no agreement."""
    [deal] = _agreements("Acme Corp. acquired Bolt Inc. on Monday.", FIRMS)
    assert str(deal.date_created) == "2023-03-27"
    assert deal.date_text == "on Monday"
    assert _agreements("Acme Corp. signed a contract on Monday.", FIRMS) == []


def test_treaties_with_one_partner_split_per_party() -> None:
    """'France and Peru have signed treaties with Chile' is one agreement per signatory with Chile."""
    found = _agreements("France and Peru have signed treaties with Chile.", COUNTRIES)
    assert {frozenset(a.parties) for a in found} == {
        frozenset({_iri("France", "place"), _iri("Chile", "place")}),
        frozenset({_iri("Peru", "place"), _iri("Chile", "place")}),
    }


def test_in_order_to_is_not_an_order() -> None:
    """'in order to' and 'an executive order' name no purchase order, even next to a making cue."""
    body = (
        "Acme Corp. announced it hired Bolt Inc. in order to grow, and Bolt Inc. approved an executive order."
    )
    assert _agreements(body, FIRMS) == []


def test_a_resolved_subject_after_an_opening_adverbial_is_the_first_party() -> None:
    """'Acme Corp … In May, the firm signed a deal with Bolt Ltd': Acme Corp (the subject) comes first."""
    spec: Spec = {"Acme Corp": ("organization", None), "Bolt Ltd": ("organization", None)}
    body = "Acme Corp repaired the old mill. In May, the firm signed a deal with Bolt Ltd."
    [deal] = _agreements(body, spec)
    assert deal.parties[:2] == (_iri("Acme Corp", "organization"), _iri("Bolt Ltd", "organization"))
