"""Sentence splitting for news text, and the word-list matcher the frame extractors share.

Events and agreements carry their evidence sentence, so the split must give
whole sentences: a full stop after "Mr", "Sen", "Jan" or an initial ends no
sentence, and a quotation that ends with ``."`` is closed before the sentence
ends (never between the full stop and its closing mark). A full stop inside a
quotation (``"We came. We saw," he said.``) ends no sentence either: the
quotation belongs to its attribution. Splitting is linear in the text: one
regex pass for candidate boundaries and one for quote marks.

The word lists of the frame extractors (speech verbs, event triggers,
agreement cues) are matched by ``PhraseMatcher``: a dictionary look-up per
word instead of a regex alternation of hundreds of words, and ``scan_many``
serves every shared list in one pass over a text tokenized once (``Tokens``).

>>> text = 'Mr. Reyes met Sen. Ann Lee on Jan. 5 in the U.S. capital. "It went well." He left.'
>>> [text[s:e] for s, e in split_sentences(text, 0, len(text))]
['Mr. Reyes met Sen. Ann Lee on Jan. 5 in the U.S. capital.', '"It went well."', 'He left.']
"""

from __future__ import annotations

import bisect
import itertools
import re
import weakref
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from newsmodel.read.document import Document

__all__ = ["Hit", "PhraseMatcher", "Tokens", "document_sentences", "scan_many", "split_sentences"]

# Words after which a full stop is an abbreviation mark, not a sentence end
# (compared lowercase, without the dot). General English: titles, months,
# corporate suffixes, and the usual Latin shorthands.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "sen",
        "rep",
        "gov",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cmdr",
        "adm",
        "sgt",
        "cpl",
        "pvt",
        "rev",
        "hon",
        "pres",
        "supt",
        "insp",
        "det",
        "atty",
        "amb",
        "sec",
        "treas",
        "messrs",
        "mmes",
        "mt",
        "ft",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "inc",
        "corp",
        "co",
        "ltd",
        "llc",
        "plc",
        "bros",
        "dept",
        "univ",
        "assn",
        "est",
        "no",
        "nos",
        "vol",
        "vols",
        "fig",
        "figs",
        "approx",
        "vs",
        "etc",
        "al",
        "cf",
        "ca",
        "ed",
        "eds",
        "op",
        "ala",
        "ariz",
        "ark",
        "calif",
        "colo",
        "conn",
        "del",
        "fla",
        "ga",
        "ill",
        "ind",
        "kan",
        "kans",
        "ky",
        "la",
        "md",
        "mass",
        "mich",
        "minn",
        "miss",
        "mo",
        "mont",
        "neb",
        "nev",
        "okla",
        "ore",
        "pa",
        "tenn",
        "tex",
        "va",
        "vt",
        "wash",
        "wis",
        "wyo",
    ]
)

# Words that begin a sentence after a dotted acronym ("... in the U.S. The ...").
_STARTERS = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "its",
        "their",
        "our",
        "this",
        "that",
        "these",
        "those",
        "there",
        "but",
        "and",
        "so",
        "yet",
        "or",
        "in",
        "on",
        "at",
        "for",
        "as",
        "after",
        "before",
        "when",
        "while",
        "if",
        "although",
        "though",
        "since",
        "meanwhile",
        "however",
        "still",
        "also",
        "then",
        "now",
        "today",
        "yesterday",
        "last",
        "earlier",
        "later",
    ]
)

# A candidate boundary: sentence-final punctuation, any closing marks, then
# whitespace and something that can open a sentence.
_BOUNDARY = re.compile(r"""[.!?]+(["')\]]*)(?=\s+["'(\[]?[A-Z0-9])""")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.\-]*)$")
_WORD_AFTER = re.compile(r"\s+[\"'(\[]?([A-Za-z]+)")
_QUOTE = re.compile(r'"|\'\'')


def document_sentences(doc: Document) -> list[tuple[int, int]]:
    """Every sentence of a document in order: the headline whole, then each body paragraph split.

    >>> from newsmodel.read.document import Document
    >>> d = Document.build(headline="A b. C d", body="E f. G h.")
    >>> [d.text[s:e] for s, e in document_sentences(d)]
    ['A b. C d', 'E f.', 'G h.']
    """
    out: list[tuple[int, int]] = []
    for start, end in doc.paragraphs:
        if start < doc.body_start:
            if end > start:
                out.append((start, end))
        else:
            out.extend(split_sentences(doc.text, start, end))
    return out


def _is_abbreviation(text: str, dot: int, line_start: int) -> bool:
    """Whether the full stop at ``dot`` closes an abbreviation or an initial."""
    match = _WORD_BEFORE.search(text, max(line_start, dot - 24), dot)
    if not match:
        return False
    word = match.group(1)
    last = word.rsplit(".", 1)[-1].rsplit("-", 1)[-1]
    if "." in word.strip("."):  # U.S., D.C., a.m.
        nxt = _WORD_AFTER.match(text, dot + 1)
        return not (nxt and nxt.group(1).lower() in _STARTERS)
    if len(last) == 1 and last.isupper():  # an initial: "Tom J. Reyes"
        return True
    return last.lower() in _ABBREVIATIONS


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentences, as ``(start, end)`` offsets without outer whitespace.

    Line breaks always end a sentence (paragraphs and headlines never merge);
    inside a paragraph, quote marks are counted so that no split falls within
    a quotation.

    >>> t = 'He said: "No. Never." Then he left'
    >>> [t[s:e] for s, e in split_sentences(t, 0, len(t))]
    ['He said: "No. Never."', 'Then he left']
    """
    out: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        _split_line(text, pos, line_end, out)
        pos = line_end + 1
    return out


def _split_line(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    quotes = [m.start() for m in _QUOTE.finditer(text, start, end)]
    # an unmatched last mark opens a quotation that runs on past the line:
    # ignore it, or nothing after it could ever split
    balanced = len(quotes) - len(quotes) % 2
    sent_start = start
    for match in _BOUNDARY.finditer(text, start, end):
        dot = match.start()
        if match.end() - dot == 1 and _is_abbreviation(text, dot, start):
            continue  # a lone full stop after "Mr", "Jan", "U.S." or an initial
        if bisect.bisect_left(quotes, match.end(), 0, balanced) % 2 == 1:
            continue  # the full stop sits inside an open quotation
        _emit(text, sent_start, match.end(), out)
        sent_start = match.end()
    _emit(text, sent_start, end, out)


def _emit(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append((start, end))


# --------------------------------------------------------------------------- word lists in text

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'-]*")


class Hit(NamedTuple):
    """One match of a ``PhraseMatcher``: ``text[start:end]`` is the phrase ``phrase`` (lowercase)."""

    start: int
    end: int
    phrase: str


class PhraseMatcher:
    """Find any of many phrases (one or more words, case-insensitive) in text, by dictionary look-up.

    A regex alternation of hundreds of words tries each word at every
    position; a look-up per token is a few times faster and stays linear.

    >>> m = PhraseMatcher(["met", "shot down", "shot"])
    >>> [h.phrase for h in m.finditer("They MET and shot  down a jet; shot", 0, 35)]
    ['met', 'shot down', 'shot']
    """

    def __init__(self, phrases: Iterable[str], *, shared: bool = False) -> None:
        self._order = next(_BUILT)
        first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            words = tuple(phrase.lower().split())
            if words:
                first.setdefault(words[0], []).append(words)
        for options in first.values():
            options.sort(key=len, reverse=True)
        self._first = first
        self.phrases = frozenset(" ".join(words) for options in first.values() for words in options)
        # Merged look-up tables of this matcher with others (``scan_many``), keyed by
        # the other matchers themselves: the cache lives and dies with its matchers,
        # so no freed matcher's table can ever be handed to a new one.
        self._unions: dict[tuple[PhraseMatcher, ...], dict[str, list[tuple[str, ...]]]] = {}
        if shared:
            _SHARED.add(self)

    @staticmethod
    def shared() -> tuple[PhraseMatcher, ...]:
        """The live matchers built with ``shared=True``: ``scan_many`` serves them all in one pass.

        Held weakly: a matcher dropped with its word list (say, when the data
        path changes and the lists are reloaded) stops being scanned.
        """
        return tuple(sorted(_SHARED, key=lambda m: m._order))

    def finditer(self, text: str, start: int, end: int) -> Iterator[Hit]:
        """Every non-overlapping phrase in ``text[start:end]``, left to right, longest first."""
        return self.scan(Tokens(text, start, end), start, end)

    def scan(self, tokens: Tokens, start: int, end: int) -> Iterator[Hit]:
        """Like ``finditer``, over a text tokenized once (``Tokens``), for many look-ups per text."""
        lo, hi = tokens.range(start, end)
        words, starts, ends, text = tokens.words, tokens.starts, tokens.ends, tokens.text
        first = self._first
        i = lo
        while i < hi:
            options = first.get(words[i])
            if options is None:
                i += 1
                continue
            for phrase in options:
                n = len(phrase)
                if n == 1:
                    yield Hit(starts[i], ends[i], phrase[0])
                    break
                if i + n <= hi and all(
                    words[i + k] == phrase[k] and not text[ends[i + k - 1] : starts[i + k]].strip()
                    for k in range(1, n)
                ):
                    yield Hit(starts[i], ends[i + n - 1], " ".join(phrase))
                    i += n - 1
                    break
            i += 1


_SHARED: weakref.WeakSet[PhraseMatcher] = weakref.WeakSet()
#: Build order of matchers, so that ``shared()`` lists them in a stable order.
_BUILT = itertools.count()


def scan_many(matchers: Sequence[PhraseMatcher], tokens: Tokens) -> list[list[Hit]]:
    """The hits of each matcher over the whole tokenized text, from one pass over its words.

    Gives each matcher exactly what its own ``scan`` would (left to right,
    longest first, no overlaps), at the cost of one look-up per word in all.

    >>> a, b = PhraseMatcher(["committed to"]), PhraseMatcher(["committed", "to"])
    >>> [[h.phrase for h in hits] for hits in scan_many([a, b], Tokens("He committed to it"))]
    [['committed to'], ['committed', 'to']]
    """
    if not matchers:
        return []
    key = tuple(matchers[1:])
    first = matchers[0]._unions.get(key)
    if first is None:
        merged: dict[str, set[tuple[str, ...]]] = {}
        for matcher in matchers:
            for word, options in matcher._first.items():
                merged.setdefault(word, set()).update(options)
        first = {w: sorted(o, key=len, reverse=True) for w, o in merged.items()}
        matchers[0]._unions[key] = first
    words, starts, ends, text = tokens.words, tokens.starts, tokens.ends, tokens.text
    count = len(words)
    candidates: list[Hit] = []  # every phrase that starts at a word, longest first
    for i in [i for i, word in enumerate(words) if word in first]:  # the few words that begin a phrase
        for phrase in first[words[i]]:
            n = len(phrase)
            if n == 1:
                candidates.append(Hit(starts[i], ends[i], phrase[0]))
            elif (
                i + n <= count
                and words[i + 1] == phrase[1]  # the cheap test first: most phrases fail here
                and words[i + n - 1] == phrase[n - 1]
                and all(
                    words[i + k] == phrase[k] and not text[ends[i + k - 1] : starts[i + k]].strip()
                    for k in range(1, n)
                )
            ):
                candidates.append(Hit(starts[i], ends[i + n - 1], " ".join(phrase)))
    out: list[list[Hit]] = []
    for matcher in matchers:
        own = matcher.phrases
        kept: list[Hit] = []
        last_end = -1
        for hit in candidates:
            if hit.start >= last_end and hit.phrase in own:
                kept.append(hit)
                last_end = hit.end
        out.append(kept)
    return out


class Tokens:
    """The words of ``text[start:end]``, lowercased once, with their offsets.

    >>> t = Tokens("Mr. Lee MET them", 0, 16)
    >>> t.words, t.range(4, 11)
    (['mr', 'lee', 'met', 'them'], (1, 3))
    """

    __slots__ = ("ends", "starts", "text", "words")

    def __init__(self, text: str, start: int = 0, end: int | None = None) -> None:
        stop = len(text) if end is None else end
        self.text = text
        matches = list(_TOKEN.finditer(text, start, stop))
        self.starts = list(map(re.Match.start, matches))  # map(): the loop runs in C
        self.ends = list(map(re.Match.end, matches))
        spans = zip(self.starts, self.ends, strict=True)
        # Words are ASCII: lowercase the text once and slice it, when that keeps every offset
        # (a few non-ASCII capitals lowercase to two characters: "\u0130" -> "i\u0307").
        lowered = text[start:stop].lower()
        if len(lowered) == stop - start:
            self.words = [lowered[s - start : e - start] for s, e in spans]
        else:
            self.words = [text[s:e].lower() for s, e in spans]

    def range(self, start: int, end: int) -> tuple[int, int]:
        """Indexes ``[lo, hi)`` of the words wholly inside ``[start, end)``."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        while hi > lo and self.ends[hi - 1] > end:
            hi -= 1
        return lo, hi
