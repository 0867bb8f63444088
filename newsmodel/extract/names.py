"""Tokens and capitalized runs: the raw material of name finding.

One compiled regular expression splits the text into words, dotted
abbreviations ("U.S.", "Co.", "Sen.") and punctuation; possessive "'s" is split
off so "Putin's" yields "Putin". A trailing full stop stays on a word only
when the word is a known abbreviation (from the shipped title, honorific, cue
and place lists) or a single initial ("P.").

>>> [t.text for t in tokenize("Sen. John W. McCain's aide left Pacific Gas & Electric Co. today.")]
['Sen.', 'John', 'W.', 'McCain', "'s", 'aide', 'left', 'Pacific', 'Gas', '&', 'Electric', 'Co.', 'today', '.']
>>> [t.text for t in tokenize("U.S.-backed rebels")]
['U.S.', '-', 'backed', 'rebels']
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import NamedTuple

__all__ = ["Token", "abbreviations", "is_capitalized", "sentence_starts", "tokenize"]

_TOKEN_RE = re.compile(r"(?:[^\W\d_]\.){2,}|\w+(?:[&'\u2019\-.]\w+)*|[^\w\s]")
_NAME_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "abu", "ben", "de", "van", "von", "da", "di", "le", "la"}
)
#: General abbreviations that keep their full stop, beyond those in the data files.
_GENERAL_ABBREVIATIONS = frozenset(
    [
        "Jr.",
        "Sr.",
        "St.",
        "Mt.",
        "Ft.",
        "No.",
        "Nos.",
        "vs.",
        "Bros.",
        "Messrs.",
        "Mmes.",
        "Gens.",
        "Reps.",
        "Sens.",
        "Govs.",
        "Univ.",
        "Assn.",
        "Intl.",
        "Natl.",
        "Dept.",
        "Ave.",
        "Blvd.",
        "Rd.",
        "Hwy.",
        "Sq.",
        "Pt.",
        "Ph.D.",
        "a.m.",
        "p.m.",
        "e.g.",
        "i.e.",
        "etc.",
        "Inc.",
        "Co.",
        "Corp.",
        "Ltd.",
    ]
)


class Token(NamedTuple):
    """A token ``text`` at ``[start, end)`` of the analysed text."""

    start: int
    end: int
    text: str


@functools.cache
def abbreviations() -> frozenset[str]:
    """Every dotted form in the shipped lists ("Sen.", "Minn.", "Corp.") plus general ones."""
    found = set(_GENERAL_ABBREVIATIONS)
    data = resources.files("newsmodel.data")
    for name in (
        "titles.tsv",
        "honorifics.tsv",
        "org_cues.tsv",
        "places_extra.tsv",
        "not_entities.txt",
        "place_cues.tsv",
    ):
        for line in data.joinpath(name).read_text(encoding="utf-8").splitlines():
            if line.startswith("#"):
                continue
            for word in line.split("\t")[0].split():
                if word.endswith(".") and len(word) > 1:
                    found.add(word)
    return frozenset(found)


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens with offsets (see the module docstring)."""
    abbrevs = abbreviations()
    out: list[Token] = []
    n = len(text)
    for m in _TOKEN_RE.finditer(text):
        start, end = m.span()
        word = m.group()
        if word[0].isupper() and "-" in word and (word.rsplit("-", 1)[1].islower() or word[1] == "-"):
            # "Dubai-based", "U.S.-backed", "Shiite-led": the name, then a hyphenated word
            head = word.split("-", 1)[0]
            out.append(Token(start, start + len(head), head))
            out.append(Token(start + len(head), start + len(head) + 1, "-"))
            tail = word[len(head) + 1 :]
            if end < n and text[end] == "." and f"{tail}." in abbrevs:
                out.append(Token(start + len(head) + 1, end + 1, f"{tail}."))
            else:
                out.append(Token(start + len(head) + 1, end, tail))
            continue
        if word[0].isalnum() and "." not in word[-1:]:
            low = word.lower()
            if (low.endswith("'s") or low.endswith("\u2019s")) and len(word) > 2:
                out.append(Token(start, end - 2, word[:-2]))
                out.append(Token(end - 2, end, word[-2:]))
                continue
            if (
                end < n
                and text[end] == "."
                and ((len(word) == 1 and word.isupper()) or f"{word}." in abbrevs)
            ):
                out.append(Token(start, end + 1, f"{word}."))
                continue
        if word == "." and out and out[-1].end == end and out[-1].text.endswith("."):
            continue  # the full stop was taken by the abbreviation before it
        out.append(Token(start, end, word))
    return out


def is_capitalized(word: str) -> bool:
    """Whether a token can be part of a name: "Putin", "U.S.", "al-Assad", "eBay", "PG&E".

    >>> [is_capitalized(w) for w in ("Putin", "al-Assad", "eBay", "said", "2019", "'s")]
    [True, True, True, False, False, False]
    """
    if not word:
        return False
    first = word[0]
    if first.isupper():
        if "'" in word:
            tail = word.rsplit("'", 1)[1]
            return not (tail.islower() and len(tail) <= 2)  # "We're", "I'm" are no names
        return True
    if first.islower():
        if "-" in word:
            head, _, rest = word.partition("-")
            return head in _NAME_PARTICLES and rest[:1].isupper()
        return len(word) > 1 and word[1].isupper() and word[1:].isalpha()  # eBay, iPhone
    return False


_ENDERS = frozenset(".!?;:")
_OPENERS = frozenset("\"'([")


def sentence_starts(text: str, tokens: list[Token]) -> set[int]:
    """Return the indices of tokens that begin a sentence, line, quotation or dateline clause.

    A capitalized word there may be a common word ("The", "After"), so the
    name finder treats its capital as weak evidence.
    """
    starts: set[int] = set()
    prev_real = -1  # index of the previous token that is not an opening mark
    for i, tok in enumerate(tokens):
        if i == 0:
            starts.add(i)
        else:
            gap = text[tokens[i - 1].end : tok.start]
            prev = tokens[prev_real].text if prev_real >= 0 else ""
            if "\n" in gap or prev in _ENDERS or (prev == "-" and gap == " "):
                starts.add(i)
        if tok.text in _OPENERS:
            opening = (tok.start == 0 or text[tok.start - 1] in " \n([") and (
                tok.end < len(text) and not text[tok.end].isspace()
            )
            if opening:
                if i in starts or tok.text == '"':
                    starts.add(i + 1)
                continue
        prev_real = i
    return starts
