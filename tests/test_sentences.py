"""Sentence splitting and the word-list matcher the frame extractors share."""

from __future__ import annotations

from _timing import cpu_seconds
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmodel.extract.sentences import PhraseMatcher, Tokens, document_sentences, scan_many, split_sentences
from newsmodel.read.document import Document


def _split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, 0, len(text))]


def test_abbreviations_and_initials_end_no_sentence() -> None:
    """Titles, months, initials and corporate suffixes keep their sentence whole."""
    text = "Sen. Ann B. Lee met Dr. Kim of Acme Corp. on Jan. 5. They talked."
    assert _split(text) == ["Sen. Ann B. Lee met Dr. Kim of Acme Corp. on Jan. 5.", "They talked."]


def test_dotted_acronym_splits_only_before_a_sentence_starter() -> None:
    """'U.S.' inside a sentence stays; at a sentence end followed by 'The' it splits."""
    assert _split("The U.S. Navy sailed. It docked.") == ["The U.S. Navy sailed.", "It docked."]
    assert _split("He flew to the U.S. The trip was short.") == ["He flew to the U.S.", "The trip was short."]


def test_quotation_closing_after_full_stop_stays_with_its_sentence() -> None:
    """A sentence ending in '."' ends after the mark, and no split falls inside a quotation."""
    text = 'She said: "We came. We saw." Then she left. "Go," he said.'
    assert _split(text) == ['She said: "We came. We saw."', "Then she left.", '"Go," he said.']


def test_line_breaks_always_end_a_sentence() -> None:
    """Paragraph and line breaks never merge two sentences, even without a full stop."""
    text = "A headline without stop\nThe body starts here. It goes on"
    assert _split(text) == ["A headline without stop", "The body starts here.", "It goes on"]


def test_offsets_exclude_surrounding_whitespace_and_respect_the_range() -> None:
    """Offsets point at the sentence text itself, inside the requested range only."""
    text = "xx   One. Two.   yy"
    spans = split_sentences(text, 2, 17)
    assert [text[s:e] for s, e in spans] == ["One.", "Two."]
    assert all(2 <= s < e <= 17 for s, e in spans)


def test_headline_is_one_sentence() -> None:
    """document_sentences keeps the headline whole even when it holds a full stop."""
    doc = Document.build(headline="Update. Hundreds protest", body="They marched. Police watched.")
    assert [doc.text[s:e] for s, e in document_sentences(doc)] == [
        "Update. Hundreds protest",
        "They marched.",
        "Police watched.",
    ]


def test_splitting_is_linear() -> None:
    """Twenty times more text takes at most about twenty times longer (with slack), never quadratic."""
    unit = 'Mr. Lee said "Yes. No." on Jan. 5 in the U.S. capital. '

    def cost(n: int) -> float:
        text = unit * n
        return cpu_seconds(lambda: split_sentences(text, 0, len(text)))

    small, large = cost(500), cost(10_000)
    assert large < max(small, 1e-4) * 60, (small, large)


def test_phrase_matcher_prefers_the_longest_phrase_case_insensitively() -> None:
    """Multi-word phrases win over their first word; case and runs of spaces do not matter."""
    matcher = PhraseMatcher(["shot", "shot down", "met"])
    hits = list(matcher.finditer("They MET, then shot  down a jet and shot twice", 0, 46))
    assert [h.phrase for h in hits] == ["met", "shot down", "shot"]
    assert "They MET, then shot  down a jet and shot twice"[hits[1].start : hits[1].end] == "shot  down"


def test_phrase_matcher_does_not_bridge_punctuation() -> None:
    """A phrase's words must be separated by spaces only, not by a comma or a full stop."""
    matcher = PhraseMatcher(["pointed out"])
    assert list(matcher.finditer("He pointed. Out there", 0, 21)) == []


_WORDS = st.sampled_from(["he", "signed", "signed off", "off", "the", "deal", "deal was", "was", "x"])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(_WORDS, max_size=30), st.lists(st.lists(_WORDS, min_size=1, max_size=4), min_size=1, max_size=4)
)
def test_scan_many_gives_each_matcher_what_its_own_scan_gives(
    words: list[str], lists: list[list[str]]
) -> None:
    """One shared pass over the words yields, per matcher, exactly the hits of that matcher alone."""
    text = " ".join(words)
    matchers = [PhraseMatcher(phrases) for phrases in lists]
    tokens = Tokens(text)
    together = scan_many(matchers, tokens)
    for matcher, hits in zip(matchers, together, strict=True):
        assert hits == list(matcher.scan(tokens, 0, len(text)))


def test_scan_many_never_reuses_the_tables_of_freed_matchers() -> None:
    """Matchers built and dropped one after another (same ids recycled) each get their own hits."""
    tokens = Tokens("alpha beta gamma delta")
    for round_ in range(200):
        word = ("alpha", "beta", "gamma", "delta")[round_ % 4]
        hits = scan_many([PhraseMatcher([word])], tokens)
        assert [h.phrase for h in hits[0]] == [word]


def test_shared_matchers_are_held_weakly() -> None:
    """A shared matcher that nobody holds any more is no longer scanned with the others."""
    import gc

    before = len(PhraseMatcher.shared())
    matcher = PhraseMatcher(["zebra crossing"], shared=True)
    assert matcher in PhraseMatcher.shared()
    del matcher
    gc.collect()
    assert len(PhraseMatcher.shared()) == before
