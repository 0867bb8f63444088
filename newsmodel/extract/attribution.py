"""Whom a stretch of text credits: speech-verb subjects, pronouns and roles.

The ``Attributor`` is built once per document (by ``build_attributor``,
which tells it where the quotations are: ``marks.find_marks``) and is shared
by the quotation, event and agreement stages (``Analysis.attributor``).

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
from collections.abc import Callable, Sequence
from typing import Any, cast

import attrs

from newsmodel import knowledge
from newsmodel.extract.candidates import words_of
from newsmodel.extract.gazetteer import lexicon
from newsmodel.extract.marks import QuoteMarks, find_marks
from newsmodel.extract.records import EntityIndex, EntityRecord, Mention
from newsmodel.extract.sentences import Hit, PhraseMatcher, Tokens, document_sentences, scan_many
from newsmodel.extract.titles import title_span_before
from newsmodel.read.document import Document

__all__ = ["ACCORDING", "WINDOW", "WORD_RE", "Attributor", "build_attributor", "speech_verbs"]

# --------------------------------------------------------------------------- word lists

#: Words that may stand between a subject and its verb ("Duarte also said",
#: "Lee, however, said", "Reyes on Wednesday said").
_GAP_WORDS = words_of(
    "has have had also later then again previously reportedly recently earlier once further "
    "however too already still now today yesterday tonight first initially meanwhile separately "
    "on monday tuesday wednesday thursday friday saturday sunday last week night morning "
    "afternoon evening would will could may might did does do is was were are be been"
)

#: Subordinators whose "-ing" verb shares the main clause's subject ("while saying", "after adding").
_SUBORDINATORS = words_of("while whilst after before when by since in on upon without")

#: Prepositions that open a sentence with a phrase before its subject ("During the talks, Lee said").
_PREPOSITION_OPENER = re.compile(
    r"\s*(?:During|In|On|At|After|Before|Since|Following|Despite|With|For|Under|Amid|Amidst|From|Throughout)\b"
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

#: Roles that a country's state holds: after a demonym ("the Belgian government") they stand for it.
_STATE_ROLES = words_of("government administration military army navy")

_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}

#: Words that open a role phrase naming one holder ("the president", "its chief executive").
_ROLE_OPENERS = words_of("the its their his her our")

# A determiner or preposition before a "verb" makes it a noun ("the state", "a call", "in a post").
_NOUN_BEFORE = re.compile(
    r"\b(?:the|a|an|this|that|its|his|her|their|our|my|your|of|in|on|per)\s+$", re.IGNORECASE
)

#: How far (in characters) from a quotation its attribution is looked for.
WINDOW = 400

_TELLING = r"(?:said|says|told|tells|reported|reports|added|adds|wrote|writes|stated|noted)"
_SOURCE_AFTER = re.compile(rf"\s*,?\s*(?:also\s+|has\s+|had\s+)?{_TELLING}\b")
#: "according to X", "in the words of X": a phrase that names the source of what follows or precedes.
ACCORDING = r"(?:according to|in the words of)"
_SOURCE_BEFORE = re.compile(rf"\b(?:{ACCORDING}|{_TELLING})\s+(?:the\s+)?$", re.IGNORECASE)
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
    #: Resolved pronouns by (offset, gender): a chain of pronouns is resolved once.
    _pronouns: dict[tuple[int, str | None], EntityRecord | None] = attrs.field(init=False, factory=dict)
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

    def previous_sentence(self, offset: int) -> tuple[int, int] | None:
        """The sentence before the one holding ``offset``, if any."""
        i = max(bisect.bisect_right(self._sent_starts, offset) - 1, 0) - 1
        return self.sentences[i] if i >= 0 else None

    def next_sentence(self, offset: int) -> tuple[int, int] | None:
        """The sentence after the one holding ``offset``, if any."""
        i = max(bisect.bisect_right(self._sent_starts, offset) - 1, 0) + 1
        return self.sentences[i] if i < len(self.sentences) else None

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
        if tokens and tokens[-1][0] == ",":
            # "X, speaking to reporters on Monday, said": the apposition before the gap words
            set_off = self._appositive(window, tokens[-1][2])
            if set_off is not None:
                return "entity", set_off.entity
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
        holder = self.role_holder([t[0] for t in tokens[-6:]], tokens[-1][1])
        if holder is not None:
            return "entity", holder
        if low in _STATE_ROLES and len(tokens) > 1 and tokens[-2][0] in lexicon().demonyms:
            # "the Belgian government said": the state of that country, never the company named last
            return self._country_of(tokens[-2][0])
        if low in _ORG_ROLES:
            owner = self._possessive_owner(tokens[-1][1])
            if owner is not None:  # "the ministry's spokesman" speaks for it; "Lee's spokesman" is unnamed
                return ("entity", owner) if owner.kind != "person" else ("unnamed", None)
            return "entity", self.resolve_role(tokens[-1][1])
        if word == ",":
            found = self._appositive(window, end)
            if found is None and len(tokens) >= 3:
                found = self._named_apposition(tokens[-2][2], window)
            if found is not None:
                return "entity", found.entity
            return "coordinated", None
        if low in {"and", "but", "then", "or"}:
            return "coordinated", None
        verb_word = WORD_RE.match(text, verb_start)
        if low in _SUBORDINATORS and verb_word is not None and verb_word.group().endswith("ing"):
            return "coordinated", None  # "…, while saying", "whilst promising": the main clause's subject
        if word in {'"', "''", ":", ".", "?", "!", ";", "(", ")", "-"}:
            return "none", None
        return "unnamed", None

    def _possessive_owner(self, offset: int) -> EntityRecord | None:
        """The entity whose possessive stands right before ``offset`` ("Acme's spokesman": Acme)."""
        before = self.doc.text[max(0, offset - 4) : offset]
        found = re.search(r"(?:'s|\u2019s|s')\s+$", before)
        if found is None:
            return None
        end = offset - (len(before) - found.start())
        m = self.index.at(end - 1)
        return m.entity if m is not None and not self.in_quote(m.start) else None

    def _named_apposition(self, name_end: int, lo: int) -> Mention | None:
        """``X's lawyer, Y, said``: a name set off by commas after a noun phrase is the subject itself."""
        m = self.mention_ending_at(name_end)
        if m is None or m.entity.kind != "person":
            return None
        before = self.doc.text[max(lo, m.start - 3) : m.start]
        return m if before.rstrip().endswith(",") else None

    def role_holder(self, words: list[str], offset: int) -> EntityRecord | None:
        """``the president``, ``the company's chief executive``: the person who holds that title.

        ``words`` end with the role's last word (at ``offset``). The title
        (a head of ``titles.tsv`` and its modifiers) must be opened by "the",
        a possessive pronoun or a possessive ("the firm's"); the holder is the
        nearest earlier person whose title ends with the same head, else the
        only person of the article with it.
        """
        lower = [w.lower() for w in words]
        found = title_span_before(lower, len(lower), lexicon())
        if found is None and lower and lower[-1].endswith("."):  # "… the chief executive."
            lower[-1] = lower[-1].rstrip(".")
            found = title_span_before(lower, len(lower), lexicon())
        if found is None or found[0] == 0:
            return None
        opener = lower[found[0] - 1]
        if opener not in _ROLE_OPENERS and not opener.endswith(("'s", "\u2019s")):
            return None
        role = lower[found[0] :]
        return self.title_holder(role, offset)

    def title_holder(self, role: list[str], offset: int) -> EntityRecord | None:
        """The person titled ``role`` (lowercase words) nearest before ``offset``, else the only one."""

        def holds(record: EntityRecord) -> bool:
            title = (record.job_title or "").lower().split()
            if not title:
                return False
            head = role[-1]
            return title[-1] == head and all(w in title for w in role)

        i = bisect.bisect_left(self._starts, offset) - 1
        while i >= 0:
            m = self.index.mentions[i]
            i -= 1
            if m.entity.kind == "person" and not self.in_quote(m.start) and holds(m.entity):
                return m.entity
        holders = [r for r in self.index.records if r.kind == "person" and holds(r)]
        return holders[0] if len(holders) == 1 else None

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
                if mention.entity.kind != "person":
                    # "said Dovetown mayor Lee", "said Acme chief Lee": the name the title leads to
                    person = self._person_after_title(mention.end, hi)
                    if person is not None:
                        return person
                return mention.entity
            if word.lower() in _ROLE_OPENERS:
                phrase = [
                    (t.group(), t.start())
                    for t in _TOKEN.finditer(text, tok.start(), min(hi, tok.start() + 60))
                    if not self.in_quote(t.start())
                ][:6]
                for k in range(len(phrase), 1, -1):
                    holder = self.role_holder([w for w, _ in phrase[:k]], phrase[k - 1][1])
                    if holder is not None:
                        return holder
            if word.lower() in _ORG_ROLES:
                return self.resolve_role(tok.start())
            if word.lower() in _PRONOUNS:
                return self.resolve_pronoun(tok.start(), _PRONOUNS[word.lower()])
        return None

    def _person_after_title(self, start: int, hi: int) -> EntityRecord | None:
        """A person named right after a title ("… mayor Lee", "… chief Lee"), before any punctuation."""
        text = self.doc.text
        words: list[str] = []
        for tok in _TOKEN.finditer(text, start, min(hi, start + 60)):
            mention = self.index.at(tok.start())
            if mention is not None and mention.entity.kind == "person":
                lower = [w.lower() for w in words]
                found = title_span_before(lower, len(lower), lexicon()) if lower else None
                return mention.entity if found is not None and found[0] == 0 else None
            if tok.group() in ("'s", "\u2019s") and not words:
                continue  # "said Acme's chief executive Lee"
            if not tok.group()[0].isalnum() or len(words) >= 4:
                return None
            words.append(tok.group())
        return None

    def clause_subject(self, sent_start: int, verb_start: int) -> EntityRecord | None:
        """The first named actor or person pronoun of the sentence, before ``verb_start``.

        An opening prepositional phrase ("During the X debate, Lee …", "In
        Y, Lee …") is not the subject: the clause starts after its comma.
        """
        stop = min(verb_start, sent_start + WINDOW)
        opener = _PREPOSITION_OPENER.match(self.doc.text, sent_start, stop)
        if opener is not None:
            comma = self.doc.text.find(",", opener.end(), stop)
            if comma > 0 and not self.in_quote(comma):
                sent_start = comma + 1
        mentions = self.mentions(sent_start, stop)
        first = mentions[0] if mentions else None
        for pronoun in _PERSON_PRONOUN.finditer(self.doc.text, sent_start, first.start if first else stop):
            if not self.in_quote(pronoun.start()):
                return self.resolve_pronoun(pronoun.start(), _PRONOUNS[pronoun.group().lower()])
        return first.entity if first else None

    def according_to(self, start: int, end: int) -> EntityRecord | None:
        """``according to X`` (or ``a survey by X``) inside ``[start, end)``: X."""
        for match in re.finditer(rf"\b{ACCORDING}\b", self.doc.text[start:end], re.IGNORECASE):
            at = start + match.end()
            stop = self.doc.text.find(",", at, end)
            stop = end if stop < 0 else stop
            found = self.mentions(at, stop)
            people = [m for m in found if m.entity.kind == "person"]
            if people or found:
                return (people or found)[0].entity
            if stop < end:  # "according to the firm's lawyer, Ann Lee, …": the named apposition
                after = self.doc.text.find(",", stop + 1, end)
                named = [
                    m
                    for m in self.mentions(stop + 1, end if after < 0 else after)
                    if m.entity.kind == "person" and not self.doc.text[stop + 1 : m.start].strip()
                ]
                if named:
                    return named[0].entity
            low = self.doc.text[at:stop].lower().split()
            if low and low[-1] in _ORG_ROLES:
                return self.resolve_role(at)
            holder = self.role_holder(low[-5:], stop) if low else None
            if holder is not None:
                return holder
        return None

    # -- references

    def resolve_pronoun(self, offset: int, gender: str | None) -> EntityRecord | None:
        """Find the person a "he"/"she" at ``offset`` refers to: the most recent compatible person.

        Walking back from the pronoun, the first person of that gender wins,
        unless a person of unknown gender who was a sentence's subject comes
        first (subjects before objects); a person of unknown gender who was
        not a subject is the last resort. People known to have the other
        gender are never chosen. Genders come from the record or from the
        shipped given-name lists (``gender_of``).

        A chain of the same pronoun continues its referent: when "he" stood
        as a subject in the two sentences before, and no person known to have
        that gender was named since, this "he" is that one's too (a person of
        unknown gender named in between does not break the chain).
        """
        key = (offset, gender)
        if key not in self._pronouns:
            self._pronouns[key] = self._resolve_pronoun(offset, gender)
        return self._pronouns[key]

    def _chain(self, offset: int, gender: str | None) -> int | None:
        """The same pronoun as a sentence subject in the two sentences before ``offset`` (its offset)."""
        sent = max(bisect.bisect_right(self._sent_starts, offset) - 1, 0)
        floor = self._sent_starts[max(sent - 2, 0)] if self._sent_starts else 0
        forms = {"m": r"\b(?:he|He)\b", "f": r"\b(?:she|She)\b"}
        if gender not in forms:
            return None
        last: int | None = None
        for match in re.finditer(forms[gender], self.doc.text[floor:offset]):
            at = floor + match.start()
            if not self.in_quote(at):
                last = at
        return last

    def _resolve_pronoun(self, offset: int, gender: str | None) -> EntityRecord | None:
        chain = self._chain(offset, gender)
        i = bisect.bisect_left(self._starts, offset) - 1
        fallback: EntityRecord | None = None
        seen = 0
        while i >= 0 and seen < 80:
            m = self.index.mentions[i]
            i -= 1
            if m.entity.kind != "person" or m.end > offset or self.in_quote(m.start):
                continue
            seen += 1
            if offset - m.start > 3000:
                break
            if chain is not None and m.start < chain:
                referent = self.resolve_pronoun(chain, gender)
                if referent is not None:
                    return referent
                chain = None
            known = self.gender_of(m.entity)
            if known is not None:
                if known == gender:
                    return m.entity
                continue
            if chain is not None:
                continue  # an unknown-gender name inside the chain does not break it
            if self._is_subject(m):
                return m.entity
            if fallback is None:
                fallback = m.entity
        return fallback

    def gender_of(self, record: EntityRecord) -> str | None:
        """A person's gender: the record's, else that of the given name its name opens with.

        A person found by a title ("Prime Minister X Y") carries the title's
        gender (none for most titles); the shipped given-name lists still know X.
        """
        if record.gender is not None:
            return record.gender
        names = lexicon().given_names
        for word in record.name.split():
            if word in lexicon().honorifics:
                continue
            found = names.get(word)
            return found if found in ("m", "f") else None
        return None

    def _is_subject(self, m: Mention) -> bool:
        start, _ = self.sentence_of(m.start)
        head = self.doc.text[start : m.start]
        words = WORD_RE.findall(head)
        return len(words) <= 6 and "," not in head.rstrip(", ")[-1:] and not self.verbs(start, m.start)

    def last_entity(
        self, offset: int, kind: str, within: int = 3, prefer: Callable[[Mention], bool] | None = None
    ) -> EntityRecord | None:
        """The nearest earlier mention of ``kind`` within ``within`` sentences.

        With ``prefer``, the nearest one it accepts wins over nearer ones ("the
        airline" is the last airline named, not the maker named after it); the
        nearest of all when it accepts none.
        """
        sent = max(bisect.bisect_right(self._sent_starts, offset) - 1, 0)
        floor = self._sent_starts[max(sent - within + 1, 0)] if self._sent_starts else 0
        i = bisect.bisect_left(self._starts, offset) - 1
        nearest: EntityRecord | None = None
        while i >= 0:
            m = self.index.mentions[i]
            if m.start < floor:
                break
            if m.entity.kind == kind and m.end <= offset and not self.in_quote(m.start):
                if prefer is None or prefer(m):
                    return m.entity
                nearest = nearest or m.entity
            i -= 1
        return nearest

    def countries(self) -> dict[str, EntityRecord]:
        """``country_records`` of this index, computed once per document."""
        found = self.memo.get("countries")
        if found is None:
            found = self.memo["countries"] = country_records(self.index)
        return cast(dict[str, EntityRecord], found)

    def _country_of(self, demonym: str) -> tuple[str, EntityRecord | None]:
        """The article's record of the country ``demonym`` names, or unnamed when it names none.

        No place is invented from a demonym alone, so "the Belgian government"
        in an article that never names Belgium is a subject naming no one.
        """
        record = self.countries().get(demonym)
        return ("entity", record) if record is not None else ("unnamed", None)

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


def country_records(index: EntityIndex) -> dict[str, EntityRecord]:
    """Demonyms ("Peruvian", "Kenyan") -> the article's record of that country, where it has one."""
    places = lexicon().places
    by_country = _demonyms_by_country()
    out: dict[str, EntityRecord] = {}
    for rec in index.records:
        if rec.kind != "place" and not rec.also_other:
            continue
        for name in (rec.name, *rec.aliases):
            entry = places.get(name)
            for demonym in by_country.get(entry.name if entry else name, ()):
                out.setdefault(demonym, rec)
    return out


@functools.cache
def _demonyms_by_country() -> dict[str, tuple[str, ...]]:
    """Each country's canonical gazetteer name -> its demonyms ("Peru" -> "Peruvian"), built once."""
    lex = lexicon()
    grouped: dict[str, list[str]] = {}
    for demonym, country in lex.demonyms.items():
        entry = lex.places.get(country)
        grouped.setdefault(entry.name if entry else country, []).append(demonym)
    return {country: tuple(names) for country, names in grouped.items()}


def build_attributor(
    doc: Document,
    index: EntityIndex,
    sentences: Sequence[tuple[int, int]] | None = None,
    marks: Sequence[QuoteMarks] | None = None,
) -> Attributor:
    """An ``Attributor`` for ``doc`` that knows where its quotations are.

    ``sentences`` (``sentences.document_sentences``) and ``marks``
    (``marks.find_marks``) are computed when not given.
    """
    raws = marks if marks is not None else find_marks(doc)
    attr = Attributor(doc, index, sentences if sentences is not None else document_sentences(doc))
    attr.set_quoted([piece for r in raws for piece in r.pieces])
    return attr
