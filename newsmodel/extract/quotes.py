"""Direct quotations and whom the article credits with them.

Quotations are found over paragraphs, not sentences: sentence splitters
attach an opening mark to the wrong sentence, and a quotation may run over
several paragraphs (a paragraph that opens with a mark and never closes it
continues in the next paragraph that opens with a mark). Marks are paired in
one left-to-right pass, so 10,000 marks cost 10,000 steps.

The speaker is the subject of the nearest speech verb (a shipped list,
``data/speech_verbs.txt``): ``"…," Duarte said``, ``said Duarte``, ``Duarte said:
"…"``, ``according to Duarte``; a pronoun subject ("he said") is the nearest
earlier person of that gender (or, when genders are unknown, the most recent
person who was a sentence subject); a role ("the spokesperson", "the
statement", "the company") is the nearest organization. A quotation with no
attribution of its own takes that of a quotation in the same sentence, or of
the quotation before it in the paragraph, or (when it makes up a paragraph of
its own) of the quotation that ended the paragraph before. Otherwise its
speaker stays unknown: nothing is guessed from the first name in the sentence.

>>> from newsmodel.read.document import Document
>>> from newsmodel.extract.records import EntityIndex, EntityRecord, Mention
>>> doc = Document.build(headline="Talks", body='"We agreed," Ann Lee said. "It took years."')
>>> ann = EntityRecord(kind="person", name="Ann Lee", iri="urn:x:ann")
>>> at = doc.text.index("Ann")
>>> idx = EntityIndex(records=[ann], mentions=[Mention(at, at + 7, ann)])
>>> [(q.text, q.speaker, q.partial) for q in find_quotations(doc, idx, article_iri="urn:x:a")]
[('We agreed,', 'urn:x:ann', False), ('It took years.', 'urn:x:ann', False)]
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from typing import Any

import attrs

from newsmodel import knowledge
from newsmodel.extract.records import EntityIndex, EntityRecord, Mention
from newsmodel.extract.sentences import Hit, PhraseMatcher, Tokens, scan_many, split_sentences
from newsmodel.ids import DEFAULT_BASE, item_iri
from newsmodel.model import Quotation
from newsmodel.read.document import Document

__all__ = ["Attributor", "build_attributor", "document_sentences", "find_quotations", "speech_verbs"]

# --------------------------------------------------------------------------- word lists

#: Words that may stand between a subject and its verb ("Duarte also said",
#: "Lee, however, said", "Reyes on Wednesday said").
_GAP_WORDS = frozenset(
    [
        "has",
        "have",
        "had",
        "also",
        "later",
        "then",
        "again",
        "previously",
        "reportedly",
        "recently",
        "earlier",
        "once",
        "further",
        "however",
        "too",
        "already",
        "still",
        "now",
        "today",
        "yesterday",
        "tonight",
        "first",
        "initially",
        "meanwhile",
        "separately",
        "on",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "last",
        "week",
        "night",
        "morning",
        "afternoon",
        "evening",
        "has",
        "had",
        "would",
        "will",
        "could",
        "may",
        "might",
        "did",
        "does",
        "do",
        "is",
        "was",
        "were",
        "are",
        "be",
        "been",
    ]
)

#: Time words after which an "-ing" verb shares the clause's subject ("last month saying that").
_TIME_WORDS = frozenset(
    [
        "today",
        "yesterday",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "day",
        "days",
        "night",
        "morning",
        "afternoon",
        "evening",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "weekend",
    ]
)

#: Subject nouns that stand for an organization's voice ("the spokesperson said").
_ORG_ROLES = frozenset(
    [
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "spokespeople",
        "spokesmen",
        "spokeswomen",
        "representative",
        "statement",
        "release",
        "communique",
        "communiqué",
        "announcement",
        "company",
        "firm",
        "corporation",
        "ministry",
        "office",
        "agency",
        "department",
        "group",
        "organization",
        "organisation",
        "government",
        "administration",
        "committee",
        "commission",
        "council",
        "police",
        "union",
        "bank",
        "airline",
        "carrier",
        "party",
        "team",
        "club",
        "board",
        "league",
        "association",
        "embassy",
        "military",
        "army",
        "navy",
        "campaign",
        "coalition",
        "court",
    ]
)

#: Speech-verb forms that are as often plural nouns ("Gulf states", "news reports").
_NOUNISH = frozenset(
    [
        "states",
        "calls",
        "posts",
        "reports",
        "claims",
        "notes",
        "comments",
        "answers",
        "promises",
        "remarks",
        "warnings",
        "tweets",
        "cries",
        "demands",
        "proposals",
        "pledges",
        "vows",
        "state",
        "call",
        "post",
        "report",
        "claim",
        "note",
        "comment",
        "answer",
        "promise",
        "remark",
        "tweet",
        "cry",
        "demand",
        "pledge",
        "vow",
        "warning",
        "statement",
        "reply",
        "replies",
    ]
)

_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}

#: Cues before a short quotation that make it a name, not words said.
_NAME_CUES = re.compile(
    r"(?:so-called|dubbed|nicknamed|named|titled|entitled|known as|hashtag|account|handle|"
    r"the (?:word|term|name|brand|title|label))\s+(?:the\s+|a\s+|an\s+)?$",
    re.IGNORECASE,
)

# A determiner or preposition before a "verb" makes it a noun ("the state", "a call", "in a post").
_NOUN_BEFORE = re.compile(
    r"\b(?:the|a|an|this|that|its|his|her|their|our|my|your|of|in|on|per)\s+$", re.IGNORECASE
)

#: How far (in characters) from a quotation its attribution is looked for.
_WINDOW = 400

_TELLING = r"(?:said|says|told|tells|reported|reports|added|adds|wrote|writes|stated|noted)"
_SOURCE_AFTER = re.compile(rf"\s*,?\s*(?:also\s+|has\s+|had\s+)?{_TELLING}\b")
_SOURCE_BEFORE = re.compile(rf"\b(?:according to|{_TELLING})\s+(?:the\s+)?$", re.IGNORECASE)
_PERSON_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")

_MARK = re.compile(r"\"|''")
_TOKEN = re.compile(r"[\w.'-]+|[^\w\s]")
_WORD = re.compile(r"[A-Za-z0-9][\w'-]*")


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


def document_sentences(doc: Document) -> list[tuple[int, int]]:
    """Every sentence of a document in order: the headline whole, then each body paragraph split.

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


# --------------------------------------------------------------------------- finding the marks


@attrs.frozen
class _Raw:
    """One quotation before attribution: its content pieces (one per paragraph) and marks."""

    open: int
    close: int
    pieces: tuple[tuple[int, int], ...]
    paragraph: int

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def _looks_like_closer(text: str, at: int, length: int) -> bool:
    """A mark glued to the word before it and followed by a space or the end: a closer."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + length] if at + length < len(text) else " "
    return not before.isspace() and (after.isspace() or after in ",.;:!?)")


def _double_quoted(doc: Document) -> list[_Raw]:
    text = doc.text
    found: list[_Raw] = []
    open_at: tuple[int, int] | None = None  # (offset of the mark, its length)
    open_para = 0
    pieces: list[tuple[int, int]] = []
    content_start = 0
    for index, (p_start, p_end) in enumerate(doc.paragraphs):
        marks = [(m.start(), m.end() - m.start()) for m in _MARK.finditer(text, p_start, p_end)]
        i = 0
        if open_at is not None:
            if marks and marks[0][0] == p_start and index > 0 and p_start >= doc.body_start:
                content_start = p_start + marks[0][1]
                i = 1
            else:  # never closed and not continued: not a quotation we can trust
                open_at, pieces = None, []
        while i < len(marks):
            at, length = marks[i]
            if open_at is None:
                if not _looks_like_closer(text, at, length):
                    open_at, open_para, content_start = (at, length), index, at + length
            else:
                pieces.append((content_start, at))
                found.append(
                    _Raw(open=open_at[0], close=at + length, pieces=tuple(pieces), paragraph=open_para)
                )
                open_at, pieces = None, []
            i += 1
        if open_at is not None:
            if p_start < doc.body_start:  # the headline never continues into the body
                open_at = None
            else:
                pieces.append((content_start, p_end))
    return found


def _is_headline_like(doc: Document, start: int, end: int) -> bool:
    """The headline, or a short body line without a full stop (a sub-head, a related link)."""
    if start < doc.body_start:
        return True
    if end - start > 160:
        return False
    return doc.text[end - 1] not in '.!?"' and doc.text.count(" ", start, end) < 20


def _single_quoted(doc: Document) -> list[_Raw]:
    """Single-quoted quotations, which headlines use in place of double marks."""
    text = doc.text
    found: list[_Raw] = []
    for index, (p_start, p_end) in enumerate(doc.paragraphs):
        if not _is_headline_like(doc, p_start, p_end) or "'" not in text[p_start:p_end]:
            continue
        opener: int | None = None
        for at in range(p_start, p_end):
            if text[at] != "'":
                continue
            before = text[at - 1] if at > p_start else " "
            after = text[at + 1] if at + 1 < p_end else " "
            if opener is None:
                if (before.isspace() or before in "([-:") and not after.isspace() and after != "'":
                    opener = at
            elif not before.isspace() and not after.isalnum():
                found.append(_Raw(open=opener, close=at + 1, pieces=((opener + 1, at),), paragraph=index))
                opener = None
    return found


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

    _hits: dict[int, tuple[list[Hit], list[int]]] = attrs.field(init=False, factory=dict)
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
        cached = self._hits.get(id(matcher))
        if cached is None:
            wanted = [
                matcher,
                *(m for m in PhraseMatcher.shared() if m is not matcher and id(m) not in self._hits),
            ]
            for each, found in zip(wanted, scan_many(wanted, self.tokens), strict=True):
                self._hits[id(each)] = (found, [h.start for h in found])
            cached = self._hits[id(matcher)]
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
        before = _WORD.findall(self.doc.text[max(0, verb.start - 20) : verb.start])
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
        stop = min(verb_start, sent_start + _WINDOW)
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
        words = _WORD.findall(head)
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


# --------------------------------------------------------------------------- quotations


def _is_name(doc: Document, raw: _Raw, content: str) -> bool:
    """Names introduced as names ("nicknamed the …", "so-called …") and camel-case handles."""
    words = content.split()
    if not words:
        return True
    if len(words) <= 4 and _NAME_CUES.search(doc.text, max(0, raw.open - 30), raw.open):
        return True
    return len(words) == 1 and any(c.isupper() for c in content[1:])


def _title_case(content: str) -> bool:
    """Tell a short run of capitalized words without inner punctuation: a title or name, unless said."""
    words = content.split()
    if len(words) > 4 or re.search(r"[,.!?;:]", content.rstrip(",.")):
        return False
    return all(w[0].isupper() or w[0].isdigit() for w in words if w[0].isalnum())


def _is_intro(attr: Attributor, sent_start: int, open_at: int) -> tuple[bool, Hit | None]:
    """Whether the quote opens its sentence or follows ``said,``/``said:``/a colon; the verb just before it.

    The verb is the last speech verb at most four words before the opening
    mark ("said that", "called it a", "warning of"), whose subject is the speaker.
    """
    text = attr.doc.text
    prefix = text[sent_start:open_at].rstrip()
    if not prefix:
        return True, None
    verbs = attr.verbs(max(sent_start, open_at - 80), open_at)
    verb = verbs[-1] if verbs else None
    if verb is not None:
        between = text[verb.end : open_at]
        if re.fullmatch(r"(?:\s+[\w'-]+){0,3}\s*[,:]\s*", between):
            return True, verb
        if re.fullmatch(r"(?:\s+[\w'-]+){0,4}\s*", between):
            return False, verb
    return prefix.endswith(":"), None


def _after_attribution(attr: Attributor, close: int, hi: int) -> tuple[bool, EntityRecord | None, bool]:
    """The attribution right after a closing mark: (is attribution, speaker, found a verb)."""
    text = attr.doc.text
    lead = re.match(r"[\s,]*", text[close:hi])
    at = close + (lead.end() if lead else 0)
    if at >= hi:
        return True, None, False
    according = re.match(r"according to\b", text[at:hi], re.IGNORECASE)
    if according:
        return True, attr.according_to(at, hi), True
    for verb in attr.verbs(at, min(hi, at + 200)):
        between = text[at : verb.start]
        if len(_WORD.findall(between)) > 14 or re.search(
            r"[.;!?]", between.replace(".", "", between.count("."))
        ):
            break
        if not between.strip():
            return True, attr.subject_after(verb.end, hi), True
        kind, who = attr.subject_before(verb.start, at)
        if kind == "entity":
            return True, who, True
        if kind == "none":
            return True, attr.subject_after(verb.end, hi), True
        return True, None, True
    return False, None, False


def build_attributor(
    doc: Document, index: EntityIndex, sentences: Sequence[tuple[int, int]] | None = None
) -> Attributor:
    """An ``Attributor`` for ``doc`` that knows where its quotations are."""
    raws = _double_quoted(doc) + _single_quoted(doc)
    attr = Attributor(doc, index, sentences if sentences is not None else document_sentences(doc))
    attr.set_quoted([piece for r in raws for piece in r.pieces])
    return attr


def find_quotations(
    doc: Document,
    index: EntityIndex,
    *,
    article_iri: str,
    base: str = DEFAULT_BASE,
    sentences: Sequence[tuple[int, int]] | None = None,
    attributor: Attributor | None = None,
) -> list[Quotation]:
    """Every direct quotation of ``doc``, in text order, with its speaker's IRI when known.

    ``sentences`` (``document_sentences``) or a whole ``attributor``
    (``build_attributor``, shared with the event and agreement extractors)
    may be passed when the caller has them; they are computed otherwise.
    """
    raws = sorted(_double_quoted(doc) + _single_quoted(doc), key=lambda r: r.open)
    if attributor is None:
        attr = Attributor(doc, index, sentences if sentences is not None else document_sentences(doc))
        attr.set_quoted([piece for r in raws for piece in r.pieces])
    else:
        attr = attributor
    text = doc.text

    kept: list[tuple[_Raw, str]] = []
    for raw in raws:
        content = " ".join(text[s:e].strip() for s, e in raw.pieces).strip()
        if content and not _is_name(doc, raw, content):
            kept.append((raw, content))

    speakers: list[EntityRecord | None] = []
    decided: list[bool] = []
    partials: list[bool] = []
    sentence_of: list[tuple[int, int]] = []
    drop: set[int] = set()
    for number, (raw, content) in enumerate(kept):
        real_start, real_end = attr.sentence_of(raw.open)
        # Attribution is looked for within a bounded window of the quote, so
        # a run-on "sentence" of thousands of quotes stays linear.
        sent_start = max(real_start, raw.open - _WINDOW)
        sent_end = max(real_end, raw.close)
        following = kept[number + 1][0].open if number + 1 < len(kept) else len(text)
        hi = min(sent_end, following, raw.close + _WINDOW)
        intro, intro_verb = _is_intro(attr, sent_start, raw.open)
        is_attr, after_who, after_verb = _after_attribution(attr, raw.close, hi)
        full = intro and (is_attr or hi <= raw.close + 2)
        who: EntityRecord | None = None
        sure = False
        if intro_verb is not None:
            kind, who = attr.subject_before(intro_verb.start, sent_start)
            verb_form = intro_verb.phrase.lower()
            if kind in {"coordinated", "none"} or (kind == "unnamed" and attr.after_time(intro_verb)):
                who = attr.clause_subject(sent_start, intro_verb.start)
            elif kind == "unnamed" and verb_form in _NOUNISH:
                kind = "weak"
            sure = kind in {"entity", "unnamed"} or who is not None
        if who is None and not sure:
            order = ("after", "prefix") if not text[sent_start : raw.open].strip() else ("prefix", "after")
            for source in order:
                if source == "after" and after_verb:
                    who, sure = after_who, True
                elif source == "prefix":
                    who, sure = _prefix_speaker(attr, sent_start, raw.open)
                if who is not None or sure:
                    break
        if _title_case(content) and not (full and (intro_verb is not None or after_verb)):
            drop.add(number)  # "Harbor Hotel", "Blue Sky Nights": named, not said
        if who is not None and who.kind != "person":
            attr.recent_org_speaker = (raw.close, who)
        speakers.append(who)
        decided.append(sure)
        partials.append(not full)
        sentence_of.append((real_start, real_end))

    _share(kept, speakers, decided, sentence_of, attr)

    out: list[Quotation] = []
    for number, ((raw, content), who, partial) in enumerate(zip(kept, speakers, partials, strict=True)):
        if number in drop:
            continue
        words = content.split()
        if len(words) == 1 and who is None:
            continue  # a one-word scare quote no one is said to have said
        spans = tuple(span for s, e in raw.pieces if (span := doc.body_span(s, e)) is not None)
        out.append(
            Quotation(
                id=item_iri(article_iri, "quotation", raw.start, base=base),
                text=content,
                speaker=who.iri if who is not None else None,
                partial=partial,
                spans=spans,
                confidence=0.9 if who is not None else 0.6,
            )
        )
    return out


def _prefix_speaker(attr: Attributor, sent_start: int, open_at: int) -> tuple[EntityRecord | None, bool]:
    """The subject of the first speech verb before the quote in its sentence."""
    according = attr.according_to(sent_start, open_at)
    if according is not None:
        return according, True
    for verb in attr.verbs(sent_start, open_at)[:2]:
        kind, who = attr.subject_before(verb.start, sent_start)
        if kind == "entity" and who is not None:
            return who, True
        if kind in {"coordinated", "none"} or (kind == "unnamed" and attr.after_time(verb)):
            subject = attr.clause_subject(sent_start, verb.start)
            if subject is not None:
                return subject, True
        if kind == "unnamed" and verb.phrase.lower() not in _NOUNISH:
            return None, True
    return None, False


def _share(
    kept: list[tuple[_Raw, str]],
    speakers: list[EntityRecord | None],
    decided: list[bool],
    sentence_of: list[tuple[int, int]],
    attr: Attributor,
) -> None:
    """Give unattributed quotations the speaker of their sentence, then of their paragraph."""
    for i in range(len(kept)):
        if speakers[i] is not None or decided[i]:
            continue
        for j in (i + 1, i - 1):
            if 0 <= j < len(kept) and sentence_of[j] == sentence_of[i] and speakers[j] is not None:
                speakers[i] = speakers[j]
                break
    for i in range(1, len(kept)):
        if speakers[i] is not None or decided[i]:
            continue
        raw, prev = kept[i][0], kept[i - 1][0]
        if prev.paragraph == raw.paragraph:
            speakers[i] = speakers[i - 1]
    for i in range(len(kept)):
        raw = kept[i][0]
        if speakers[i] is not None or decided[i] or not _whole_paragraph(attr.doc, raw) or raw.paragraph < 1:
            continue
        if i > 0 and kept[i - 1][0].paragraph == raw.paragraph - 1 and speakers[i - 1] is not None:
            speakers[i] = speakers[i - 1]
            continue
        p_start, p_end = attr.doc.paragraphs[raw.paragraph - 1]
        if p_start < attr.doc.body_start:
            continue
        for verb in reversed(attr.verbs(p_start, p_end)):
            kind, who = attr.subject_before(verb.start, attr.sentence_of(verb.start)[0])
            if kind == "unnamed" and verb.phrase.lower() in _NOUNISH:
                continue
            if kind == "entity":
                speakers[i] = who
            break


def _whole_paragraph(doc: Document, raw: _Raw) -> bool:
    p_start, p_end = doc.paragraphs[raw.paragraph]
    return raw.open == p_start and not doc.text[raw.close : p_end].strip()
