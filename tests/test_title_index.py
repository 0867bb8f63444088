"""The title finders' quick test (first and last words of the titles list) never hides a real title."""

from __future__ import annotations

from newsmodel.extract.gazetteer import lexicon
from newsmodel.extract.titles import head_at, title_span_before


def test_every_listed_title_is_still_found_at_both_ends() -> None:
    """Each key of the shipped titles list is found as a head at its start and as a title at its end."""
    lex = lexicon()
    assert lex.titles  # the property below would hold vacuously on an empty list
    for key in lex.titles:
        words = list(key)
        assert head_at(words, 0, lex) is not None, key
        assert title_span_before(words, len(words), lex) is not None, key


def test_hyphenated_head_and_plain_words() -> None:
    """A hyphenated head keyed split ("co-founder") is found; words that end or begin no title are not."""
    lex = lexicon()
    assert head_at(["co-founder"], 0, lex) is not None
    assert title_span_before(["the", "co-founder"], 2, lex) is not None
    assert head_at(["zorvanite", "minister"], 0, lex) is None
    assert title_span_before(["minister", "zorvanite"], 2, lex) is None
    assert head_at(["minister"], 1, lex) is None  # past the end: nothing, no error
