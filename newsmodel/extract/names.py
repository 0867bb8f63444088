"""Tokens and capitalized runs: the raw material of name finding.

One compiled regular expression splits the text into words, dotted
abbreviations ("U.S.", "Co.", "Sen.") and punctuation; possessive "'s" is split
off so "Duarte's" yields "Duarte". A trailing full stop stays on a word only
when the word is a known abbreviation (from the shipped title, honorific, cue
and place lists) or a single initial ("P.").

>>> [t.text for t in tokenize("Sen. Ana M. Duarte's aide left Northwind Gas & Power Co. today.")]
['Sen.', 'Ana', 'M.', 'Duarte', "'s", 'aide', 'left', 'Northwind', 'Gas', '&', 'Power', 'Co.', 'today', '.']
>>> [t.text for t in tokenize("U.S.-backed rebels")]
['U.S.', '-', 'backed', 'rebels']
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import NamedTuple

from newsmodel import knowledge

__all__ = ["Token", "abbreviations", "is_capitalized", "scan", "sentence_starts", "tokenize"]

_TOKEN_RE = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # U.S., D.C.
    r"|\b[DRI](?=-[A-Z][a-z]+\.?(?:[,)]|\s))"  # D-Ore.: a party, then a state
    r"|[A-Z]\w*(?=-[a-z]+\b)"  # Lisbon-based: the name, then the hyphenated word
    r"|\w+(?:[&\-.]\w+|'(?!s\b)\w+)*\.?"  # words, O'Brien, H&M, Co. (stop checked after)
    r"|'s\b"  # possessive
    r"|[^\w\s]"
)
_ENDERS = frozenset(".!?;:")
_DOTTED_RE = re.compile(r"^(?:[^\W\d_]\.){2,}$")
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
    """Every dotted form in the shipped lists ("Sen.", "Ore.", "Corp.") plus general ones."""
    found = set(_GENERAL_ABBREVIATIONS)
    for name in (
        "titles.tsv",
        "honorifics.tsv",
        "org_cues.tsv",
        "places_extra.tsv",
        "not_entities.txt",
        "place_cues.tsv",
    ):
        for line in knowledge.read_text(name).splitlines():
            if line.startswith("#"):
                continue
            for word in line.split("\t")[0].split():
                if word.endswith(".") and len(word) > 1:
                    found.add(word)
    return frozenset(found)


def scan(text: str) -> tuple[list[str], list[int], list[int]]:
    """Tokenize into parallel lists (words, start offsets, end offsets): the fast path.

    >>> scan("Lisbon-based Co. grew.")[0]
    ['Lisbon', '-', 'based', 'Co.', 'grew', '.']
    """
    matches = list(_TOKEN_RE.finditer(text))
    # map() over the methods: the per-token loop runs in C, not in Python bytecode
    words = list(map(re.Match.group, matches))
    starts = list(map(re.Match.start, matches))
    ends = list(map(re.Match.end, matches))
    abbrevs = abbreviations()
    # a word that took a full stop keeps it only when it is an abbreviation or an initial
    split = [
        i
        for i, w in enumerate(words)
        if w[-1] == "."
        and len(w) > 1
        and w not in abbrevs
        and not _DOTTED_RE.match(w)
        and not (len(w) == 2 and w[0].isupper())
    ]
    if split:
        words, starts, ends = _split_stops(words, starts, ends, split)
    if "'" in text:
        spans = [m.span() for m in _SPACED_APOSTROPHE.finditer(text)]
        if spans:
            words, starts, ends = _join_spans(text, words, starts, ends, spans)
    if "-" in text:
        english = english_words()
        # a hyphenated given name ("Mei-ling", "Ka-wai") is split like "Lisbon-based" and would
        # lose its second half: where the lowercase part is no English word, it is one name word
        names = [
            m.span()
            for m in _HYPHEN_NAME.finditer(text)
            if m.group(1) not in english or _syllable_name(text, m)
        ]
        if names:
            words, starts, ends = _join_spans(text, words, starts, ends, names)
    return words, starts, ends


def _split_stops(
    words: list[str], starts: list[int], ends: list[int], split: list[int]
) -> tuple[list[str], list[int], list[int]]:
    """Split the word at each index of ``split`` (ascending) into the word and its full stop ("Peru.").

    One rebuild, linear: the stretches between two split words are copied as slices.
    """
    w2: list[str] = []
    s2: list[int] = []
    e2: list[int] = []
    done = 0
    for i in split:
        w2 += words[done:i]
        s2 += starts[done:i]
        e2 += ends[done:i]
        word, end = words[i], ends[i]
        w2 += (word[:-1], ".")
        s2 += (starts[i], end - 1)
        e2 += (end - 1, end)
        done = i + 1
    w2 += words[done:]
    s2 += starts[done:]
    e2 += ends[done:]
    return w2, s2, e2


#: "O' Leary", "O 'Reilly": an Irish surname whose apostrophe a retokenized text spaced apart.
_SPACED_APOSTROPHE = re.compile(r"\b[OD](?:' | ')[A-Z][a-z]+\b")


def _join_spans(
    text: str, words: list[str], starts: list[int], ends: list[int], spans: list[tuple[int, int]]
) -> tuple[list[str], list[int], list[int]]:
    """Make the tokens that exactly cover each ``(start, end)`` span one token ("O' Leary", "Mei-ling")."""
    at = {start: end for start, end in spans}
    w2: list[str] = []
    s2: list[int] = []
    e2: list[int] = []
    i, n = 0, len(words)
    while i < n:
        end = at.get(starts[i])
        if end is not None:
            j = i
            while j < n and ends[j] < end:
                j += 1
            if j < n and ends[j] == end:
                w2.append(text[starts[i] : end])
                s2.append(starts[i])
                e2.append(end)
                i = j + 1
                continue
        w2.append(words[i])
        s2.append(starts[i])
        e2.append(ends[i])
        i += 1
    return w2, s2, e2


# A capitalized word, a hyphen and a lowercase part ("Lisbon-based", "Mei-wai"): group 1 the part.
# The capital comes first and the look-behind (no word character or hyphen before it) second,
# so the regex engine only stops at capitals instead of testing the look-behind everywhere.
_HYPHEN_NAME = re.compile(r"[A-Z](?<![\w-].)\w*-([a-z]+)\b(?!-)")
#: A capitalized word and one space, right before a hyphenated word: the name it may continue.
_NAME_BEFORE = re.compile(r"[A-Z][a-z]+ $")
#: Short words that make compound adjectives after a name ("Hong Kong-born", "Iran-led").
_COMPOUND_TAILS = frozenset(
    [
        "run",
        "born",
        "led",
        "made",
        "held",
        "bred",
        "fed",
        "hit",
        "won",
        "set",
        "wide",
        "area",
        "era",
        "style",
        "like",
        "free",
        "only",
        "type",
        "size",
        "class",
        "bound",
        "rich",
        "poor",
        "near",
    ]
)


def _syllable_name(text: str, m: re.Match[str]) -> bool:
    """Whether "Pik-wan" in "Wong Pik-wan" is one given name although "wan" is an English word.

    Given names of two syllables joined by a hyphen ("Ka-man", "Wai-king")
    follow a surname: short parts (a head of up to five letters, a tail of up
    to four that is no "-ed" participle and none of the words that make
    compound adjectives, as in "Hong Kong-born") after a capitalized word and
    one space.
    """
    head = m.group()[: -len(m.group(1)) - 1]
    tail = m.group(1)
    return (
        len(head) <= 5
        and len(tail) <= 4
        and not tail.endswith("ed")
        and tail not in _COMPOUND_TAILS
        and _NAME_BEFORE.search(text, max(0, m.start() - 30), m.start()) is not None
    )


@functools.cache
def english_words() -> frozenset[str]:
    """The shipped English word list (lowercase, one a line, with the user's additions), read once.

    Shared by the gazetteer (capitalized common words are no names) and the
    tokenizer (telling "Lisbon-based" from "Mei-wai").
    """
    lines = knowledge.read_text("english_words.txt").splitlines()
    return frozenset(line for line in lines if line and line[0] != "#") - {""}


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens with offsets (see the module docstring)."""
    words, starts, ends = scan(text)
    return [Token(s, e, w) for s, e, w in zip(starts, ends, words, strict=True)]


def is_capitalized(word: str) -> bool:
    """Whether a token can be part of a name: "Duarte", "U.S.", "al-Haddad", "eBay", "H&M".

    >>> [is_capitalized(w) for w in ("Duarte", "al-Haddad", "eBay", "said", "2019", "'s")]
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


# The quote mark before its look-behind (a space or bracket before it): otherwise the
# look-behind is tried at every character of the text.
_START_RE = re.compile(
    r"""(?P<stop>[.!?;:]["')\]]*[ \t]+)(?=\S)|\n\s*(?=\S)| - (?=\S)|"(?<=[\s(\[].)(?=\S)"""
)
_CLOSERS = frozenset({'"', "'", ")", "]"})


def sentence_starts(text: str, words: list[str], starts: list[int]) -> set[int]:
    """Return the indices of tokens that begin a sentence, line, quotation or dateline clause.

    ``words`` and ``starts`` are the tokens and their start offsets. A
    capitalized word there may be a common word ("The", "After"), so the name
    finder treats its capital as weak evidence.
    """
    out: set[int] = {0}
    n = len(starts)
    if n and words[0] == '"':
        out.add(1)
    for m in _START_RE.finditer(text):
        i = bisect.bisect_left(starts, m.end())
        if i >= n or starts[i] != m.end():
            continue
        if m.group("stop"):
            j = i - 1
            while j > 0 and words[j] in _CLOSERS:
                j -= 1
            if words[j] not in _ENDERS:
                continue  # "U.S. Sen.": the full stop belongs to an abbreviation
        out.add(i)
        if words[i] == '"' and i + 1 < n:
            out.add(i + 1)
    return out
