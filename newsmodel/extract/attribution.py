"""Whom a stretch of text credits: speech-verb subjects, pronouns and roles.

The ``Attributor`` is built once per document (by
``quotes.build_attributor``, which tells it where the quotations are) and is
shared by the quotation, event and agreement extractors.

A speaker is the subject of the nearest speech verb (a shipped list,
``data/speech_verbs.txt``): ``"…," Duarte said``, ``said Duarte``, ``Duarte said:
"…"``, ``according to Duarte``; a pronoun subject ("he said") is the nearest
earlier person of that gender (or, when genders are unknown, the most recent
person who was a sentence subject); a role ("the spokesperson", "the
statement", "the company") is the nearest organization.

>>> from newsmodel.read.document import Document
>>> from newsmodel.extract.records import EntityIndex, EntityRecord, Mention
>>> doc = Document.build(headline="Talks", body="Ann Lee arrived. She said little.")
>>> ann = EntityRecord(kind="person", name="Ann Lee", iri="urn:x:ann", gender="f")
>>> at = doc.text.index("Ann")
>>> idx = EntityIndex(records=[ann], mentions=[Mention(at, at + 7, ann)])
>>> attr = Attributor(doc, idx, [(doc.body_start, len(doc.text))])
>>> attr.resolve_pronoun(doc.text.index("She"), "f").name
'Ann Lee'
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from typing import Any

import attrs

from newsmodel import knowledge
from newsmodel.extract.candidates import words_of
from newsmodel.extract.records import EntityIndex, EntityRecord, Mention
from newsmodel.extract.sentences import Hit, PhraseMatcher, Tokens, scan_many
from newsmodel.read.document import Document

__all__ = ["WINDOW", "WORD_RE", "Attributor", "speech_verbs"]

# --------------------------------------------------------------------------- word lists

#: Words that may stand between a subject and its verb ("Duarte also said",
#: "Lee, however, said", "Reyes on Wednesday said").
_GAP_WORDS = words_of(
    "has have had also later then again previously reportedly recently earlier once further "
    "however too already still now today yesterday tonight first initially meanwhile separately "
    "on monday tuesday wednesday thursday friday saturday sunday last week night morning "
    "afternoon evening would will could may might did does do is was were are be been"
)

#: Time words after which an "-ing" verb shares the clause's subject ("last month saying that").
_TIME_WORDS = words_of(
    "today yesterday week weeks month months year years day days night morning afternoon evening "
    "monday tuesday wednesday thursday friday saturday sunday weekend"
)

#: Subject nouns that stand for an organization's voice ("the spokesperson said").
_ORG_ROLES = words_of(
    "spokesperson spokesman spokeswoman spokespeople spokesmen spokeswomen representative "
    "statement release communique communiqué announcement company firm corporation ministry "
    "office agency department group organization organisation government administration committee "
    "commission council police union bank airline carrier party team club board league "
    "association embassy military army navy campaign coalition court"
)

_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}

# A determiner or preposition before a "verb" makes it a noun ("the state", "a call", "in a post").
_NOUN_BEFORE = re.compile(
    r"\b(?:the|a|an|this|that|its|his|her|their|our|my|your|of|in|on|per)\s+$", re.IGNORECASE
)

#: How far (in characters) from a quotation its attribution is looked for.
WINDOW = 400

_TELLING = r"(?:said|says|told|tells|reported|reports|added|adds|wrote|writes|stated|noted)"
_SOURCE_AFTER = re.compile(rf"\s*,?\s*(?:also\s+|has\s+|had\s+)?{_TELLING}\b")
_SOURCE_BEFORE = re.compile(rf"\b(?:according to|{_TELLING})\s+(?:the\s+)?$", re.IGNORECASE)
_PERSON_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")

_TOKEN = re.compile(r"[\w.'-]+|[^\w\s]")
#: A word, for counting words and reading the few before a verb.
WORD_RE = re.compile(r"[A-Za-z0-9][\w'-]*")


@functools.cache
def speech_verbs() -> PhraseMatcher:
    """Load the speech verbs of ``data/speech_verbs.txt`` once.

    >>> [h.phrase for h in speech_verbs().finditer("He said it, she pointed out", 0, 27)]
    ['said', 'pointed out']
    """
    text = knowledge.read_text("speech_verbs.txt")
    forms: set[str] = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        forms.update(word.replace("_", " ") for word in line.split())
    return PhraseMatcher(forms, shared=True)


# --------------------------------------------------------------------------- attribution


@attrs.define
class Attributor:
    """Finds whom a span of text credits: the subject of a speech verb, a pronoun's referent, a role.

    Built once per document; the event and agreement extractors use it too
    ("the two sides", "he" as a participant).
    """

    doc: Document
    index: EntityIndex
    sentences: Sequence[tuple[int, int]]
    #: ``(start, end)`` of quoted text, sorted: mentions and verbs inside are not the reporter's.
    quoted: list[tuple[int, int]] = attrs.Factory(list)
    #: ``(offset, organization)`` of the last quotation credited to an organization:
    #: "the group added" after it most likely means that group.
    recent_org_speaker: tuple[int, EntityRecord] | None = None
    _quoted_starts: list[int] = attrs.field(init=False, factory=list)
    _starts: list[int] = attrs.field(init=False, factory=list)
    _sent_starts: list[int] = attrs.field(init=False, factory=list)
    #: The document's words, tokenized once for every word-list look-up.
    tokens: Tokens = attrs.field(init=False)

    #: Hits per matcher (keyed by the matcher object itself, which the dict keeps alive).
    _hits: dict[PhraseMatcher, tuple[list[Hit], list[int]]] = attrs.field(init=False, factory=dict)
    #: Per-document results the extractors share (e.g. the demonym table of the article's countries).
    memo: dict[str, Any] = attrs.field(init=False, factory=dict)
    _verbs: tuple[list[Hit], list[int]] | None = attrs.field(init=False, default=None)

    def __attrs_post_init__(self) -> None:
        self.tokens = Tokens(self.doc.text)
        self.set_quoted(self.quoted)
        self._starts = [m.start for m in self.index.mentions]
        self._sent_starts = [s for s, _ in self.sentences]

    def set_quoted(self, spans: list[tuple[int, int]]) -> None:
        """Declare the quoted spans (content offsets), sorted by start."""
        self.quoted = sorted(spans)
        self._quoted_starts = [s for s, _ in self.quoted]
        self._verbs = None

    def find(self, matcher: PhraseMatcher, start: int, end: int) -> list[Hit]:
        """Return the hits of ``matcher`` inside ``[start, end)``; the text is scanned once per matcher."""
        cached = self._hits.get(matcher)
        if cached is None:
            wanted = [
                matcher,
                *(m for m in PhraseMatcher.shared() if m is not matcher and m not in self._hits),
            ]
            for each, found in zip(wanted, scan_many(wanted, self.tokens), strict=True):
                self._hits[each] = (found, [h.start for h in found])
            cached = self._hits[matcher]
        hits, starts = cached
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_left(starts, end)
        return [h for h in hits[lo:hi] if h.end <= end]

    def in_quote(self, offset: int) -> bool:
        """Whether ``offset`` lies inside quoted words."""
        i = bisect.bisect_right(self._quoted_starts, offset) - 1
        return i >= 0 and self.quoted[i][0] <= offset < self.quoted[i][1]

    def sentence_of(self, offset: int) -> tuple[int, int]:
        """The sentence holding ``offset`` (or the nearest one before it)."""
        i = max(bisect.bisect_right(self._sent_starts, offset) - 1, 0)
        return self.sentences[i] if self.sentences else (0, len(self.doc.text))

    def mentions(self, start: int, end: int) -> list[Mention]:
        """Mentions wholly inside ``[start, end)`` and outside quotations."""
        return [m for m in self.index.between(start, end) if not self.in_quote(m.start)]

    def is_source(self, mention: Mention) -> bool:
        """Tell whether a mention is its sentence's teller ("X said", "X told", "according to X")."""
        text = self.doc.text
        after = _SOURCE_AFTER.match(text, mention.end, min(len(text), mention.end + 30))
        return (
            after is not None
            or _SOURCE_BEFORE.search(text, max(0, mention.start - 30), mention.start) is not None
        )

    def mention_ending_at(self, end: int) -> Mention | None:
        """The mention (outside quotes) whose last character is ``text[end - 1]``."""
        m = self.index.at(end - 1)
        if m is not None and m.end == end and not self.in_quote(m.start):
            return m
        return None

    # -- speech verbs and their subjects

    def verbs(self, start: int, end: int) -> list[Hit]:
        """Speech verbs in ``[start, end)`` outside quotations (not nouns: "the state", "a call")."""
        if self._verbs is None:
            text = self.doc.text
            found = [
                v
                for v in self.find(speech_verbs(), 0, len(text))
                if not self.in_quote(v.start) and not _NOUN_BEFORE.search(text, max(0, v.start - 12), v.start)
            ]
            self._verbs = (found, [v.start for v in found])
        hits, starts = self._verbs
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_left(starts, end)
        return [h for h in hits[lo:hi] if h.end <= end]

    def subject_before(self, verb_start: int, lo: int) -> tuple[str, EntityRecord | None]:
        """The subject of a verb, looking left no further than ``lo``.

        Returns ``("entity", record)`` when found, ``("unnamed", None)`` when
        the subject is a noun phrase naming no one ("analysts said"),
        ``("coordinated", None)`` when the verb shares an earlier subject
        ("… and said"), ``("none", None)`` when nothing stands before it.
        """
        text = self.doc.text
        window = max(lo, verb_start - 160)
        tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, window, verb_start)]
        tokens = [t for t in tokens[-25:] if not self.in_quote(t[1])]
        while tokens and (
            tokens[-1][0].lower() in _GAP_WORDS
            or tokens[-1][0].endswith("ly")
            or (tokens[-1][0] == "," and len(tokens) > 1 and tokens[-2][0].lower() in _GAP_WORDS)
        ):
            tokens.pop()
        if tokens and tokens[-1][0] == "," and len(tokens) > 1 and tokens[-2][0].endswith("ly"):
            tokens = tokens[:-2]
            while tokens and tokens[-1][0] == ",":
                tokens.pop()
        if not tokens:
            return "none", None
        word, _, end = tokens[-1]
        mention = self.mention_ending_at(end)
        if mention is not None:
            return "entity", mention.entity
        low = word.lower()
        if low in _PRONOUNS:
            return "entity", self.resolve_pronoun(tokens[-1][1], _PRONOUNS[low])
        if low == "it":
            return "entity", self.last_entity(tokens[-1][1], "organization", within=2)
        if low in _ORG_ROLES:
            return "entity", self.resolve_role(tokens[-1][1])
        if word == ",":
            found = self._appositive(window, end)
            if found is not None:
                return "entity", found.entity
            return "coordinated", None
        if low in {"and", "but", "then", "or"}:
            return "coordinated", None
        if word in {'"', "''", ":", ".", "?", "!", ";", "(", ")", "-"}:
            return "none", None
        return "unnamed", None

    def _appositive(self, lo: int, comma_end: int) -> Mention | None:
        """``X, the minister of Y, said``: the mention right before the appositive's opening comma."""
        text = self.doc.text
        best: Mention | None = None
        for m in self.mentions(lo, comma_end):
            if m.end < len(text) and text[m.end] == ",":
                segment = text[m.end : comma_end]
                if segment.count(",") == 2 and len(segment) > 3 and not re.search(r"[.;:\"]\s", segment):
                    best = m
        return best

    def after_time(self, verb: Hit) -> bool:
        """Tell "… this month stating that": an "-ing" verb after a time word shares the clause's subject.

        After a plain noun ("forecasters warning") the noun is the subject, and it names no one.
        """
        if not verb.phrase.endswith("ing"):
            return False
        before = WORD_RE.findall(self.doc.text[max(0, verb.start - 20) : verb.start])
        return bool(before) and before[-1].lower() in _TIME_WORDS

    def subject_after(self, verb_end: int, hi: int) -> EntityRecord | None:
        """Find the subject of an inverted verb (``said Duarte``, ``says analyst Lee``, ``said the firm``)."""
        text = self.doc.text
        for count, tok in enumerate(_TOKEN.finditer(text, verb_end, min(hi, verb_end + 120))):
            word = tok.group()
            if word in {",", ".", ";", ":", '"', "''", "!", "?"} or count > 6:
                return None
            mention = self.index.at(tok.start())
            if mention is not None and not self.in_quote(mention.start):
                return mention.entity
            if word.lower() in _ORG_ROLES:
                return self.resolve_role(tok.start())
            if word.lower() in _PRONOUNS:
                return self.resolve_pronoun(tok.start(), _PRONOUNS[word.lower()])
        return None

    def clause_subject(self, sent_start: int, verb_start: int) -> EntityRecord | None:
        """The first named actor or person pronoun of the sentence, before ``verb_start``."""
        stop = min(verb_start, sent_start + WINDOW)
        mentions = self.mentions(sent_start, stop)
        first = mentions[0] if mentions else None
        for pronoun in _PERSON_PRONOUN.finditer(self.doc.text, sent_start, first.start if first else stop):
            if not self.in_quote(pronoun.start()):
                return self.resolve_pronoun(pronoun.start(), _PRONOUNS[pronoun.group().lower()])
        return first.entity if first else None

    def according_to(self, start: int, end: int) -> EntityRecord | None:
        """``according to X`` (or ``a survey by X``) inside ``[start, end)``: X."""
        for match in re.finditer(r"\baccording to\b", self.doc.text[start:end], re.IGNORECASE):
            at = start + match.end()
            stop = self.doc.text.find(",", at, end)
            stop = end if stop < 0 else stop
            found = self.mentions(at, stop)
            people = [m for m in found if m.entity.kind == "person"]
            if people or found:
                return (people or found)[0].entity
            low = self.doc.text[at:stop].lower().split()
            if low and low[-1] in _ORG_ROLES:
                return self.resolve_role(at)
        return None

    # -- references

    def resolve_pronoun(self, offset: int, gender: str | None) -> EntityRecord | None:
        """Find the person a "he"/"she" at ``offset`` refers to.

        The nearest earlier person known to have that gender; when none is
        known, the most recent person of unknown gender who was the subject
        of a sentence; else the nearest earlier person of unknown gender.
        People known to have the other gender are never chosen.
        """
        i = bisect.bisect_left(self._starts, offset) - 1
        fallback: EntityRecord | None = None
        subject: EntityRecord | None = None
        seen = 0
        while i >= 0 and seen < 80:
            m = self.index.mentions[i]
            i -= 1
            if m.entity.kind != "person" or m.end > offset or self.in_quote(m.start):
                continue
            seen += 1
            if offset - m.start > 3000:
                break
            if m.entity.gender is not None:
                if m.entity.gender == gender:
                    return m.entity
                continue
            if fallback is None:
                fallback = m.entity
            if subject is None and self._is_subject(m):
                subject = m.entity
        return subject or fallback

    def _is_subject(self, m: Mention) -> bool:
        start, _ = self.sentence_of(m.start)
        head = self.doc.text[start : m.start]
        words = WORD_RE.findall(head)
        return len(words) <= 6 and "," not in head.rstrip(", ")[-1:] and not self.verbs(start, m.start)

    def last_entity(self, offset: int, kind: str, within: int = 3) -> EntityRecord | None:
        """The nearest earlier mention of ``kind`` within ``within`` sentences."""
        sent = max(bisect.bisect_right(self._sent_starts, offset) - 1, 0)
        floor = self._sent_starts[max(sent - within + 1, 0)] if self._sent_starts else 0
        i = bisect.bisect_left(self._starts, offset) - 1
        while i >= 0:
            m = self.index.mentions[i]
            if m.start < floor:
                return None
            if m.entity.kind == kind and m.end <= offset and not self.in_quote(m.start):
                return m.entity
            i -= 1
        return None

    def resolve_role(self, offset: int) -> EntityRecord | None:
        """The organization a role noun ("the spokesperson", "the company") at ``offset`` speaks for."""
        text = self.doc.text
        follow = re.match(r"[\w'-]+\s+(?:for|of|at)\s+(?:the\s+)?", text[offset : offset + 40])
        if follow:
            m = self.index.at(offset + follow.end())
            if m is not None and m.entity.kind != "person":
                return m.entity
        sent_start, _ = self.sentence_of(offset)
        recent = self.recent_org_speaker
        if (
            recent is not None
            and 0 <= offset - recent[0] < 1500
            and not any(m.entity.kind == "organization" for m in self.mentions(sent_start, offset))
        ):
            return recent[1]
        return self.last_entity(offset, "organization", within=4)
