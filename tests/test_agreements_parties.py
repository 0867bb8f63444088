"""Agreements with all their parties: 'the deal' in the sentences after an agreement is that agreement."""

from __future__ import annotations

import datetime as dt

from _entity_index import Spec, index_names, test_iri

from newsmodel.extract.agreements import find_agreements
from newsmodel.model import Agreement, AgreementStatus
from newsmodel.read.document import Document

ARTICLE = "https://example.org/news/4"
FIRMS: Spec = {"Acme Corp.": ("organization", None), "Bolt Inc.": ("organization", None)}
ACME, BOLT = test_iri("Acme Corp.", "organization"), test_iri("Bolt Inc.", "organization")


def _agreements(body: str) -> list[Agreement]:
    doc = Document.build(headline="Headline", body=body)
    return find_agreements(doc, index_names(doc, FIRMS), article_iri=ARTICLE, published=dt.date(2023, 3, 28))


def test_definite_agreement_noun_with_a_cue_takes_the_earlier_parties() -> None:
    """'The widget order was cancelled' after 'Acme signed a deal with Bolt' is Acme and Bolt's agreement."""
    deals = _agreements(
        "Acme Corp. signed a deal with Bolt Inc. on Monday to buy widgets. "
        "The widget order was later cancelled by the board."
    )
    assert [d.parties for d in deals] == [(ACME, BOLT), (ACME, BOLT)]
    assert deals[1].status is AgreementStatus.OTHER


def test_sentence_opening_with_the_deal_is_the_deal_in_force() -> None:
    """'The deal gives …' right after an agreement reports that agreement at work ('in force')."""
    deals = _agreements(
        "Acme Corp. signed a deal with Bolt Inc. on Monday to buy widgets. "
        "The deal gives the buyer a discount on spare parts."
    )
    assert len(deals) == 2
    assert deals[1].parties == (ACME, BOLT)
    assert deals[1].status is AgreementStatus.IN_FORCE


def test_describing_the_deal_or_another_clause_cue_is_no_new_agreement() -> None:
    """'The deal is worth …' only describes it; '…, but a discount is negotiated' is another clause's cue."""
    deals = _agreements(
        "Acme Corp. signed a deal with Bolt Inc. on Monday to buy widgets. "
        "The deal is worth $5 million. The order is valued at list prices, but a discount is negotiated."
    )
    assert len(deals) == 1


def test_the_deal_long_after_any_agreement_is_not_invented() -> None:
    """With no agreement in the sentences before, 'The deal gives …' names no parties and is dropped."""
    deals = _agreements(
        "Acme Corp. signed a deal with Bolt Inc. on Monday to buy widgets. Sales rose. Rain fell. "
        "Prices fell. Shares rose. The deal gives the buyer a discount on spare parts."
    )
    assert len(deals) == 1


def test_completion_and_entry_into_force_phrases_report_an_agreement() -> None:
    """'The merger of A and B, which became final Tuesday' is signed; 'the pact took effect' is in force."""
    [merger] = _agreements(
        "The merger of Acme Corp. and Bolt Inc., which became final Tuesday, creates a giant."
    )
    assert (merger.parties, merger.status) == ((ACME, BOLT), AgreementStatus.SIGNED)
    [pact] = _agreements("The supply pact between Acme Corp. and Bolt Inc. took effect on Monday.")
    assert (pact.parties, pact.status) == ((ACME, BOLT), AgreementStatus.IN_FORCE)


def test_future_completion_verb_is_agreed_not_signed() -> None:
    """'A will acquire B' reports a deal agreed, not yet done."""
    [deal] = _agreements("Acme Corp. will acquire Bolt Inc. for $2 million, the two firms said.")
    assert (deal.parties, deal.status) == ((ACME, BOLT), AgreementStatus.AGREED)


def test_a_definite_noun_before_a_deal_verb_does_not_take_the_earlier_parties() -> None:
    """'The widget purchased …' after a deal: a verb anchor is no reference to the earlier agreement."""
    deals = _agreements(
        "Acme Corp. signed a deal with Bolt Inc. on Monday to buy widgets. "
        "The widget purchased at the fair was blue."
    )
    assert len(deals) == 1
