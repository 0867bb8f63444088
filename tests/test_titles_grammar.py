"""Titles, nationality and affiliation from the sentence's grammar, on invented names and sentences."""

from __future__ import annotations

import pytest

from newsmodel import read_text

META = {"datePublished": "2024-03-05", "url": "https://example.org/news/2"}


def _person(sentence: str, name: str = "Tobias Wrenfield") -> tuple[str | None, str | None, str | None]:
    """(title, nationality name, affiliation name) of ``name`` in a one-sentence article."""
    article = read_text(f"Talks stall\n\n{sentence}", META)
    names = {e.id: e.name for e in [*article.people, *article.organizations, *(article.places or [])]}
    [person] = [p for p in article.people if p.name == name]
    return (
        person.job_title,
        names.get(person.nationality) if person.nationality else None,
        names.get(person.affiliation) if person.affiliation else None,
    )


@pytest.mark.parametrize(
    ("sentence", "title", "country"),
    [
        ("Chilean Foreign Minister Tobias Wrenfield arrived in Dovetown.", "Foreign Minister", "Chile"),
        ("Peru's foreign minister Tobias Wrenfield arrived.", "foreign minister", "Peru"),
        ("Tobias Wrenfield, the foreign minister of Peru, arrived.", "foreign minister", "Peru"),
    ],
)
def test_pre_modifiers_possessives_and_of_give_title_and_country(
    sentence: str, title: str, country: str
) -> None:
    """A demonym, a country's possessive or 'of Z' gives the country a title belongs to."""
    got_title, got_country, _ = _person(sentence)
    assert (got_title, got_country) == (title, country)


def test_hyphenated_title_heads_join_a_coordinated_title() -> None:
    """'CEO and co-founder X': the hyphenated head is read whole, and the two titles join."""
    assert _person("After CEO and co-founder Tobias Wrenfield left, shares fell.")[0] == "CEO and co-founder"


def test_apposition_after_an_age() -> None:
    """'X, 54, a spokesman for Y,': the age is skipped; title and affiliation are read."""
    title, _, org = _person("Tobias Wrenfield, 54, a spokesman for Quenby Foods Inc., declined to comment.")
    assert (title, org) == ("spokesman", "Quenby Foods Inc.")


def test_apposition_with_a_country_possessive_and_a_link_to_another_country() -> None:
    """'X, Chile's ambassador to Peru,': the title is the ambassador's, the country the possessive's."""
    title, country, _ = _person("Tobias Wrenfield, Chile's ambassador to Peru, arrived.")
    assert (title, country) == ("ambassador", "Chile")


def test_apposition_with_a_common_noun_possessive() -> None:
    """'X, the country's finance minister,': 'country's' is no part of the title."""
    assert _person("Tobias Wrenfield, the country's finance minister, arrived.")[0] == "finance minister"


def test_capitalized_title_words_that_name_nothing() -> None:
    """'X, Research and Policy Director for Latin America at Y': the capitalized title and Y are read."""
    title, _, org = _person(
        '"We will win," said Tobias Wrenfield, Research and Policy Director for Latin America '
        "at the Dovetown Institute."
    )
    assert (title, org) == ("Research and Policy Director", "Dovetown Institute")


def test_organization_after_modifiers_and_its_country() -> None:
    """'a senior fellow at the right-wing Y in Peru': affiliation Y, country Peru (where Y is)."""
    title, country, org = _person(
        "Tobias Wrenfield, a senior fellow at the right-wing Dovetown Policy Institute in Peru, declined."
    )
    assert (title, country, org) == ("senior fellow", "Peru", "Dovetown Policy Institute")


def test_who_heads_gives_a_title_and_affiliation() -> None:
    """'X, who heads Y,': X's title is head, of Y."""
    title, _, org = _person("Tobias Wrenfield, who heads Quenby Foods Inc., declined to comment.")
    assert (title, org) == ("head", "Quenby Foods Inc.")


def test_copula_gives_a_title() -> None:
    """'X is the mayor of Y': X's title is mayor."""
    assert _person("Tobias Wrenfield is the mayor of Dovetown. He arrived on Monday.")[0] == "mayor"


def test_preposed_title_of_a_country_before_the_name() -> None:
    """'The president of Peru, X, arrived': title president, country Peru."""
    title, country, _ = _person("The president of Peru, Tobias Wrenfield, arrived.")
    assert (title, country) == ("president", "Peru")


def test_country_name_as_a_pre_modifier_inside_an_apposition() -> None:
    """'X, the Peru coach,': a country's name before the title gives the country and stays in the title."""
    title, country, _ = _person("Tobias Wrenfield, the Peru coach, arrived.")
    assert (title, country) == ("Peru coach", "Peru")
    title, country, _ = _person("Tobias Wrenfield, the U.S. Attorney for the district, said little.")
    # the country is the place the text names ("U.S."), one entity with the mention
    assert (title, country) in {("U.S. Attorney", "United States"), ("U.S. Attorney", "U.S.")}


def test_possessive_country_after_of_owns_the_title() -> None:
    """'X, the head of Peru's central bank,': the title is Peru's."""
    title, country, _ = _person("Tobias Wrenfield, the head of Peru's central bank, arrived.")
    assert (title, country) == ("head", "Peru")


def test_to_ends_a_title_only_when_the_words_before_it_are_one() -> None:
    """'ambassador to Peru' ends at 'to'; 'undersecretary to the prime minister' is one title."""
    title, _, _ = _person("Tobias Wrenfield, undersecretary to the prime minister, said little.")
    assert title == "undersecretary to the prime minister"
