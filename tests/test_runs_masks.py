"""Masked tokens (tickers, codes, tags): the position-based mask matches the word-by-word rules."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from newsmodel.extract.candidates import Ctx
from newsmodel.extract.gazetteer import lexicon
from newsmodel.extract.names import is_capitalized, scan, sentence_starts
from newsmodel.extract.runs import _masked

_CODE = re.compile(r"^(?=[^\d]*\d)(?=.*[A-Za-z])[\w.]+$")


def _ctx(text: str) -> Ctx:
    """The name finder's context for ``text`` (as ``find_entities`` builds it)."""
    words, offs, ends = scan(text)
    caps = [is_capitalized(w) for w in words]
    return Ctx(text, words, offs, ends, caps, sentence_starts(text, words, offs), lexicon(), 0, frozenset())


def _reference(ctx: Ctx) -> list[bool]:
    """The masking rules stated word by word: the specification ``_masked`` must keep."""
    words, offs, ends = ctx.words, ctx.offs, ctx.ends
    mask = [False] * len(words)
    inside = False
    for i, w in enumerate(words):
        if w == "<":
            inside = True
        elif w == ">":
            inside = False
        elif (
            inside
            or (not w.isalpha() and _CODE.match(w))
            or (i > 0 and words[i - 1] in ("#", "@", "=") and ends[i - 1] == offs[i])
            or (i + 1 < len(words) and words[i + 1] == "=" and ends[i] == offs[i + 1])
            or (
                i > 0
                and ctx.caps[i]
                and words[i - 1] == "."
                and ends[i - 1] == offs[i]
                and (i < 2 or ends[i - 2] < offs[i - 1])
            )
        ):
            mask[i] = True
    return mask


_PIECES = st.sampled_from(["<", ">", "#", "@", "=", ".", " ", "\n", "Q400", "Abc", "abc", "x2", "Def Ghi"])


@given(st.lists(_PIECES, max_size=14).map("".join))
def test_masks_match_the_word_by_word_rules(text: str) -> None:
    """On any mix of brackets, tags, codes and stops the mask equals the word-by-word rules."""
    ctx = _ctx(text)
    assert _masked(ctx) == _reference(ctx)


def test_tickers_codes_and_tags_are_masked() -> None:
    """An invented market line: the bracketed ticker, the code, the tag and the key are masked, names not."""
    ctx = _ctx("Shares of Brightwater <.BWX> fell; the Q400 fleet, #Zorvan and key=Val. Tamsin Oke said")
    masked = {w for w, m in zip(ctx.words, _masked(ctx), strict=True) if m}
    assert masked == {".", "BWX", "Q400", "Zorvan", "key", "Val"}
