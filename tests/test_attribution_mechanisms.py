"""Quote attribution through the whole mapper, one general mechanism per test.

Every sentence and name here is invented; the entity finder, not a hand-made
index, finds the people and organizations, so these tests check what a user
of ``read_text`` gets on an article nobody tuned on.
"""

from __future__ import annotations

import pytest

from newsmodel import read_text
from newsmodel.model import NewsArticle

META = {"datePublished": "2024-03-05", "url": "https://example.org/news/1"}


def _article(body: str, headline: str = "Talks stall in Dovetown") -> NewsArticle:
    return read_text(f"{headline}\n\n{body}", META)


def _speakers(article: NewsArticle) -> list[str | None]:
    names = {e.id: e.name for e in [*article.people, *article.organizations, *(article.places or [])]}
    return [names.get(q.speaker) if q.speaker else None for q in article.quotations]


def _titles(article: NewsArticle) -> dict[str, str | None]:
    return {p.name: p.job_title for p in article.people}


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ('"The plan is dead," Marla Quenby said on Monday.', "Marla Quenby"),
        ('"The plan is dead," said Marla Quenby.', "Marla Quenby"),
        ('The plan is "dead and buried," according to Marla Quenby.', "Marla Quenby"),
        ('Marla Quenby told reporters: "The plan is dead."', "Marla Quenby"),
        ('Marla Quenby, the mayor of Dovetown, said: "The plan is dead."', "Marla Quenby"),
        ('"The plan is dead," Marla Quenby told Tobias Wrenfield.', "Marla Quenby"),
    ],
)
def test_basic_cue_patterns(body: str, speaker: str) -> None:
    """'X said', 'said X', 'according to X', 'X told', 'X, the …, said' credit X, not the object."""
    assert _speakers(_article(body)) == [speaker]


@pytest.mark.parametrize("verb", ["opined", "retorted", "divulged", "expostulated", "underscored"])
def test_cue_verbs_from_the_wordnet_lexicon(verb: str) -> None:
    """Reporting verbs taken from WordNet (not from any article) credit their subject."""
    assert _speakers(_article(f'"The plan is dead," Tobias Wrenfield {verb}.')) == ["Tobias Wrenfield"]


def test_phrasal_place_particles_are_not_speech_verbs() -> None:
    """'stuck in' (a WordNet 'stick in' sense) is left out: no speaker from a traffic jam."""
    article = _article('Tobias Wrenfield was stuck in traffic. "The plan is dead," the newsletter read.')
    assert _speakers(article) == [None]


def test_pronoun_subject_takes_the_person_of_its_gender() -> None:
    """'she said' resolves to the most recent woman, past a nearer man; 'he said' to the man."""
    text = 'Marla Quenby met Tobias Wrenfield on Monday. "The plan is dead," {} said.'
    assert _speakers(_article(text.format("she"))) == ["Marla Quenby"]
    assert _speakers(_article(text.format("he"))) == ["Tobias Wrenfield"]


def test_quotation_continued_over_paragraphs_keeps_its_speaker() -> None:
    """A paragraph that continues an open quotation, and a following all-quote paragraph, keep the speaker."""
    article = _article(
        '"The plan is dead," Marla Quenby said. "Nobody wants it.\n\n"We will try again next year."'
        '\n\n"And we will win."'
    )
    assert set(_speakers(article)) == {"Marla Quenby"}


def test_organization_as_speaker() -> None:
    """'the ministry said' is the ministry named before; '… the Authority said' names it."""
    first = _article('The Dovetown Ministry of Roads met on Monday. "The plan is dead," the ministry said.')
    assert _speakers(first) == ["Dovetown Ministry of Roads"]
    second = _article('"The plan is dead," the Dovetown Harbour Authority said in a statement.')
    assert _speakers(second) == ["Dovetown Harbour Authority"]


def test_groups_are_unnamed_speakers() -> None:
    """'the doctors said' names no one: the quote is not credited to the person before it."""
    article = _article('Marla Quenby runs the clinic. "The plan is dead," the doctors said.')
    assert _speakers(article) == [None]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ('"The plan is dead," spokesman Tobias Wrenfield said.', "Tobias Wrenfield"),
        ('"The plan is dead," Marla Quenby\'s lawyer Tobias Wrenfield said.', "Tobias Wrenfield"),
        (
            'Dovetown Harbour Authority spokesman Tobias Wrenfield said the plan was "dead and buried."',
            "Tobias Wrenfield",
        ),
    ],
)
def test_title_before_the_name_and_possessive_owner(body: str, speaker: str) -> None:
    """A title or an owner's possessive before the name never takes the quote from the name."""
    assert _speakers(_article(body)) == [speaker]


def test_cue_verb_far_before_a_partial_quote() -> None:
    """'X said on Monday that …, which …, was "…"': the verb many words before the quote still counts."""
    article = _article(
        "Tobias Wrenfield said on Monday that the plan, which the council approved last spring "
        'after a long debate, was "dead and buried."'
    )
    assert _speakers(article) == ["Tobias Wrenfield"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ('Tobias Wrenfield arrived. "The plan is dead," Mr. Wrenfield said.', "Tobias Wrenfield"),
        ('"The plan is dead," Dr. Wrenfield said.', "Wrenfield"),
        ('"The plan is dead," said Mrs. Quenby.', "Quenby"),
    ],
)
def test_honorific_before_the_name(body: str, speaker: str) -> None:
    """'Mr./Mrs./Dr. X' is X (the honorific is left out of the name)."""
    assert _speakers(_article(body)) == [speaker]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "President Tobias Wrenfield arrived in Dovetown on Monday. Crowds gathered.\n\n"
            '"The plan is dead," the president said.',
            "Tobias Wrenfield",
        ),
        (
            "The mayor, Marla Quenby, arrived on Monday. Tobias Wrenfield was absent.\n\n"
            '"The plan is dead," the mayor told reporters.',
            "Marla Quenby",
        ),
        (
            "Marla Quenby, the chief executive of Quenby Foods Inc., spoke. "
            "Tobias Wrenfield runs its rival.\n\n"
            '"The plan is dead," said the company\'s chief executive.',
            "Marla Quenby",
        ),
    ],
)
def test_role_phrase_resolves_to_the_holder_of_that_title(body: str, speaker: str) -> None:
    """'the president said' credits the article's person titled President, not the nearest person."""
    assert _speakers(_article(body)) == [speaker]


def test_role_phrase_without_a_holder_names_no_one() -> None:
    """'the governor said' when no one in the article is a governor is not given to another person."""
    article = _article('Marla Quenby arrived on Monday.\n\n"The plan is dead," the governor said.')
    assert _speakers(article) == [None]


def test_possessive_owner_does_not_take_the_quote_from_the_named_apposition() -> None:
    """'X's lawyer, Y, said …': Y speaks, not the possessive's owner X."""
    article = _article('Marla Quenby\'s lawyer, Tobias Wrenfield, said the plan was "dead and buried."')
    assert _speakers(article) == ["Tobias Wrenfield"]


def test_colon_after_a_clause_without_a_speech_verb() -> None:
    """'In a statement, X was blunt: "…"': the clause's named actor introduces the quote."""
    article = _article('In a statement, Tobias Wrenfield was blunt: "The plan is dead."')
    assert _speakers(article) == ["Tobias Wrenfield"]


@pytest.mark.parametrize(
    "follow",
    [
        "Marla Quenby, the mayor of Dovetown, said the council had voted against it.",
        "Marla Quenby added that talks would resume.",
        "Said Marla Quenby, the mayor: nothing more.",
    ],
)
def test_speaker_introduced_in_the_next_sentence(follow: str) -> None:
    """A quotation that is a whole sentence takes the speaker the next sentence introduces."""
    article = _article(f'Gregor Ashby spoke first.\n\n"The plan is dead and we will not revive it." {follow}')
    assert _speakers(article) == ["Marla Quenby"]


def test_next_sentence_that_quotes_someone_else_does_not_lend_its_speaker() -> None:
    """The next sentence's speaker is not borrowed when that sentence has its own quotation."""
    article = _article('"The plan is dead." Marla Quenby said: "We will try again."')
    assert _speakers(article) == [None, "Marla Quenby"]


def test_pronoun_gender_from_the_given_name_when_a_title_found_the_person() -> None:
    """'Prime Minister Tobias Wrenfield' has his gender from the name lists: 'he said' is him, not Marla."""
    article = _article(
        'Prime Minister Tobias Wrenfield met Marla Quenby on Monday.\n\n"We made progress," he said.'
    )
    assert _speakers(article) == ["Tobias Wrenfield"]


def test_pronoun_prefers_a_nearer_subject_of_unknown_gender_to_a_farther_match() -> None:
    """'he added' after 'Xandor Quill said' is Quill (gender unknown), not an earlier man further back."""
    article = _article(
        "Tobias Wrenfield opened the summit on Monday.\n\n"
        "Xandor Quill, 54, said the talks would go on.\n\n"
        '"We will meet again," he added.'
    )
    assert _speakers(article) == ["Xandor Quill"]


def test_in_the_words_of_with_a_named_apposition() -> None:
    """'in the words of the city's lawyer, X, "…"' credits X, like 'according to X'."""
    article = _article(
        "The ruling was harsh and, in the words of the city's lawyer, "
        'Tobias Wrenfield, "a disgrace to us all."'
    )
    assert _speakers(article) == ["Tobias Wrenfield"]


def test_participle_after_a_subordinator_shares_the_main_subject() -> None:
    """'X defended the plan whilst promising a "…"': the participle's subject is X."""
    article = _article('Marla Quenby defended the plan whilst promising a "full and frank review" soon.')
    assert _speakers(article) == ["Marla Quenby"]


def test_opening_prepositional_phrase_is_not_the_subject() -> None:
    """'During the Dovetown Debate, X defended … while promising "…"': X, not the debate's name."""
    article = _article(
        "During the Dovetown Debate, Marla Quenby defended the plan "
        'while promising a "full and frank review".'
    )
    assert _speakers(article) == ["Marla Quenby"]


def test_whole_sentence_quote_after_a_speakers_sentence_in_the_paragraph() -> None:
    """'X admitted she was late. Why? "…"': the quote goes on in the previous sentence's speaker's words."""
    article = _article(
        'Gregor Ashby left early.\n\nMarla Quenby admitted she was late. Why did she come? "It was worth it."'
    )
    assert _speakers(article) == ["Marla Quenby"]


def test_previous_sentence_in_another_paragraph_does_not_lend_its_speaker() -> None:
    """A speaker's sentence in the paragraph before is not borrowed by a quote that opens mid-paragraph."""
    article = _article('Marla Quenby admitted she was late.\n\nThe hall was full. "It was worth it."')
    assert _speakers(article) == [None]


def test_apposition_with_time_words_before_the_verb() -> None:
    """'X, speaking to reporters on Monday, said …': the set-off phrase ends in gap words, X still speaks."""
    article = _article('Marla Quenby, speaking to reporters on Monday, said the plan was "dead and buried."')
    assert _speakers(article) == ["Marla Quenby"]


def test_inverted_verb_opening_the_sentence_before_a_colon() -> None:
    """'Says X: "…"': the subject follows the verb."""
    assert _speakers(_article('Says Marla Quenby: "The plan is dead."')) == ["Marla Quenby"]


@pytest.mark.parametrize(
    "body",
    [
        'Marla Quenby left. Quenby\'s spokesman said the plan was "dead and buried."',
        'Marla Quenby left. "The plan is dead," Quenby\'s lawyer said.',
    ],
)
def test_possessive_owner_of_an_unnamed_speaker_is_not_the_speaker(body: str) -> None:
    """'X's spokesman said': the spokesman speaks, unnamed; X, the possessive's owner, does not."""
    assert _speakers(_article(body)) == [None]


def test_object_of_told_is_not_the_speaker() -> None:
    """'"…," X told the Dovetown Herald': X speaks, not the paper."""
    assert _speakers(_article('"The plan is dead," Tobias Wrenfield told the Dovetown Herald.')) == [
        "Tobias Wrenfield"
    ]


def test_possessive_organization_of_a_spokesman_is_the_speaker() -> None:
    """'the Dovetown Harbour Authority's spokesman said': the authority speaks through its spokesman."""
    article = _article(
        'Marla Quenby left. The Dovetown Harbour Authority\'s spokesman said the plan was "dead and buried."'
    )
    assert _speakers(article) == ["Dovetown Harbour Authority"]


@pytest.mark.parametrize(
    "body",
    [
        '"The plan is dead," said Dovetown mayor Tobias Wrenfield.',
        '"The plan is dead," said Dovetown Harbour Authority chief Tobias Wrenfield.',
        '"The plan is dead," said the Dovetown Harbour Authority\'s chief executive Tobias Wrenfield.',
    ],
)
def test_inverted_verb_before_a_place_or_organization_title_and_name(body: str) -> None:
    """'said Dovetown mayor X': the title's owner is not the speaker, the named person is."""
    assert _speakers(_article(body)) == ["Tobias Wrenfield"]


def test_pronoun_chain_is_not_broken_by_a_name_of_unknown_gender() -> None:
    """'He …. Xandor Quill is …. … he said': the chain of 'he' keeps its man over an unknown-gender name."""
    article = _article(
        "Tobias Wrenfield was arrested in May. During the call, he asked for money. "
        "Xandor Quill, 40, is the port's councillor. "
        'The clerk recalled that he said "pay up now or else".'
    )
    assert _speakers(article) == ["Tobias Wrenfield"]


def test_pronoun_chain_gives_way_to_a_named_person_of_that_gender() -> None:
    """A man named after the chain's last 'he' is the nearer referent of the next 'he'."""
    article = _article(
        "Marla Quenby was arrested in May. During the call, she asked for money. "
        "Tobias Wrenfield, 40, is the port's councillor. "
        '"Pay up now or else," he said.'
    )
    assert _speakers(article) == ["Tobias Wrenfield"]


def test_a_countrys_government_speaks_for_that_country_never_for_the_last_company() -> None:
    """'the Belgian government said' is Belgium when the article names it, and no one when it does not."""
    named = _article('Quellmark Aero cut 500 jobs in Belgium. "We will help," the Belgian government said.')
    assert _speakers(named) == ["Belgium"]
    unnamed = _article('Quellmark Aero cut 500 jobs on Monday. "We will help," the Belgian government said.')
    assert _speakers(unnamed) == [None]
