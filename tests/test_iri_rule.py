"""The IRI rule's fast form: Python's possessive pattern accepts exactly what the schema's plain one does."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from newsmodel.iri import IRI_CONTEXT_PREFIX_PATTERN, IRI_DOT_SEGMENT_PATTERN, IRI_PATTERN, is_absolute_iri

_PLAIN = re.compile(IRI_PATTERN)
_DOTS = re.compile(IRI_DOT_SEGMENT_PATTERN)
_PREFIX = re.compile(IRI_CONTEXT_PREFIX_PATTERN)

#: Pieces that exercise every part of the pattern: delimiters, escapes good and bad, dot segments.
_PIECES = st.sampled_from(
    [
        *"aZ9-._~!$&'()*+,;=:@/?#%[]<>\"{}|\\^` \t\u00e9\u00a0\u2028\ufdd0\ufff0",
        *("%2F", "%zz", "//", "/.", "/..", "x:"),
    ]
)
_SCHEMES = st.sampled_from(
    ["", "https://", "http://u:p@h:80/", "urn:a:", "x:/", "x:?", "x:#", "x:.", "time:", "1a:"]
)


def _plain_rule(value: str) -> bool:
    """The rule written with the plain patterns only (what the JSON Schema and the docs state)."""
    return _PLAIN.fullmatch(value) is not None and not _DOTS.match(value) and not _PREFIX.match(value)


@given(_SCHEMES, st.lists(_PIECES, max_size=16).map("".join))
@example("https://", "example.org/a/../b")
@example("http://u:p@h:80/", "x@y:z/%41?q=/?#f")
def test_fast_iri_check_agrees_with_the_plain_patterns(scheme: str, rest: str) -> None:
    """is_absolute_iri (possessive runs, dot pre-test) gives the plain patterns' answer on any string."""
    value = scheme + rest
    assert is_absolute_iri(value) == _plain_rule(value)


def test_examples_of_both_answers() -> None:
    """Known good and bad IRIs keep their answers (the property above cannot be vacuous)."""
    good = ["https://example.org/caf\u00e9", "urn:isbn:0451450523", "http://u@h:8080/p?q#f", "x:/%41"]
    bad = ["https://example.org/a b", "https://example.org/./a", "time:x", "https://h/%zz", "no-scheme"]
    assert [is_absolute_iri(v) for v in good] == [True] * len(good)
    assert [is_absolute_iri(v) for v in bad] == [False] * len(bad)
