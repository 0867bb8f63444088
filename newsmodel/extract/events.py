"""Events: meetings, visits, talks, elections, wars, attacks, signings, announcements, trials.

An event needs two things in one sentence: a trigger (a verb or noun of the
shipped list ``data/event_triggers.json``: "met", "visit", "election",
"airstrikes", "pleaded") and an anchor (a named participant, a place or a
date). A trigger in a hypothetical, negated or hoped-for clause ("could
meet", "would face", "did not sign", "if talks fail") reports no event and is
skipped; so is one inside a quotation (the speaker's words, not the
reporter's assertion). One sentence may hold several events, one per kind:
the most specific, and a second predicate joined to its verb by "and" ("met
the ministers and paid a visit to the prison"). Where no listed trigger
reports anything, a general verb of doing (``data/event_verbs.txt``, from
WordNet: "donated", "repaired") right after a named actor reports an event of
kind ``other``. The headline is a sentence too, read by its own grammar: its
verb lacks an auxiliary and stands in the present ("Acme acquires Bolt",
``data/headline_verbs.txt``); after "will" a general verb stands bare ("Acme
will acquire Bolt", ``data/bare_verbs.txt``); a verb of words with a quantity
for object reports a transaction ("Acme ordered 55 jets", ``data/quantity_verbs.txt``).
A noun after "during", a present passive and a
reduced relative ("others selected by X") name a setting, a habit or a
description, not a happening. What a named reporter says of itself ("Acme
said it has acquired Bolt") is its event too.

Participants are the named people, organizations and acting countries of the
sentence (a place after "in", "at", "near"… is the location instead); a
sentence-opening "he"/"she", "the company" or "the two sides" is resolved.
The date is the sentence's date phrase nearest the trigger, resolved against
the publication date by ``newsmodel.extract.dates``; a sentence without one
takes the last date phrase of its paragraph before it (the narrative's time),
else the lead paragraph's first date when that lies within a week of
publication (the news's own time; never for a war, a lasting state); the
description is the whole evidence sentence as published.

>>> import datetime as dt
>>> from newsmodel.read.document import Document
>>> from newsmodel.extract.records import EntityIndex, EntityRecord, Mention
>>> doc = Document.build(headline="News", body="Ann Lee met Bo Chen in Paris on Tuesday.")
>>> recs = {n: EntityRecord(kind=k, name=n, iri=f"urn:x:{n[:2]}", subtype=s) for n, k, s in
...         [("Ann Lee", "person", None), ("Bo Chen", "person", None), ("Paris", "place", "City")]}
>>> idx = EntityIndex(records=list(recs.values()), mentions=[
...     Mention(doc.text.index(n), doc.text.index(n) + len(n), r) for n, r in recs.items()])
>>> [ev] = find_events(doc, idx, article_iri="urn:x:a", published=dt.date(2023, 3, 28))
>>> ev.kind.value, ev.attendees, ev.location, str(ev.start_date), ev.date_text
('meeting', ('urn:x:An', 'urn:x:Bo'), 'urn:x:Pa', '2023-03-28', 'on Tuesday')
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import attrs

from newsmodel import knowledge
from newsmodel.extract.actors import implicit_actors, is_actor, shared_countries
from newsmodel.extract.attribution import Attributor, build_attributor, speech_verbs
from newsmodel.extract.dates import DateMention, DatePhrases
from newsmodel.extract.records import EntityIndex, EntityRecord, Mention
from newsmodel.extract.sentences import Hit, PhraseMatcher
from newsmodel.ids import DEFAULT_BASE, item_iri
from newsmodel.model import Event, EventKind
from newsmodel.read.document import Document

if TYPE_CHECKING:
    from newsmodel.extract.analysis import Analysis
    from newsmodel.extract.draft import Draft

__all__ = ["Trigger", "events_stage", "find_events", "trigger_table"]


@attrs.frozen
class Trigger:
    """One entry of the trigger table: the kind of event a word reports and its CAMEO code."""

    kind: EventKind
    cameo: str | None
    nominal: bool
    #: Listed as a verb too ("visit", "attacks"): which one an occurrence is depends on its context.
    verbal: bool = False


@attrs.frozen
class _Table:
    matcher: PhraseMatcher
    triggers: dict[str, Trigger]


@functools.cache
def trigger_table() -> _Table:
    """Load ``data/event_triggers.json`` once into one compiled alternation."""
    raw = knowledge.read_json("event_triggers.json")
    triggers: dict[str, Trigger] = {}
    for group in raw["groups"]:
        kind = EventKind(group["kind"])
        for nominal, key in ((False, "verbs"), (True, "nouns")):
            for word in group[key]:
                known = triggers.get(word.lower())
                if known is None:
                    triggers[word.lower()] = Trigger(
                        kind=kind, cameo=group["cameo"], nominal=nominal, verbal=not nominal
                    )
                elif nominal and known.kind == kind:
                    triggers[word.lower()] = attrs.evolve(known, nominal=True)
    return _Table(PhraseMatcher(triggers, shared=True), triggers)


@functools.cache
def happening_verbs() -> PhraseMatcher:
    """The general verbs of ``data/event_verbs.txt`` (WordNet's verbs of doing), loaded once.

    They report a happening only with a named subject ("Acme acquired Bolt"),
    and only in a sentence whose own trigger list found nothing. A phrasal
    verb is written as WordNet writes it, its words joined by "_"
    ("stepped_down"), and matched as the two words it stands for.
    """
    forms: set[str] = set()
    for line in knowledge.read_text("event_verbs.txt").splitlines():
        forms.update(form.replace("_", " ") for form in line.split("#", 1)[0].split())
    return PhraseMatcher(forms, shared=True)


@functools.cache
def headline_verbs() -> frozenset[str]:
    """The general verbs in the third person present (``data/headline_verbs.txt``), loaded once.

    Headlines tell news in the present ("Acme acquires Bolt"); body sentences
    in the present mostly tell habits and states, so only headlines read these.
    """
    forms: set[str] = set()
    for line in knowledge.read_text("headline_verbs.txt").splitlines():
        forms.update(line.split("#", 1)[0].split())
    return frozenset(forms)


@functools.cache
def quantity_verbs() -> tuple[PhraseMatcher, frozenset[str]]:
    """The verbs of words of ``data/quantity_verbs.txt``: past forms (matched) and present forms.

    WordNet files them first as words ("ordered the evacuation", "delivered
    a speech"); they report a happening only with a quantity for object
    ("ordered 55 jets", "delivered the final 717"), a transaction
    (``_quantity_verbs_in``).
    """
    past: set[str] = set()
    present: set[str] = set()
    for line in knowledge.read_text("quantity_verbs.txt").splitlines():
        forms, _, third = line.split("#", 1)[0].partition("|")
        past.update(forms.split())
        present.update(third.split())
    return PhraseMatcher(past, shared=True), frozenset(present)


#: A quantity for object: an amount or a number, after at most a determiner and one word
#: ("55", "US$ 6 billion in", "the final 717", "up to 60").
_QUANTITY_AFTER = re.compile(
    r"\s+(?:(?:the|a|an|its|their|his|her|up\s+to|more\s+than|about|some|nearly|over|another)\s+)?"
    r"(?:[a-z]+\s+)?(?:US\s?\$|\$|€|£|#)?\s?\d"
)


def _quantity_verbs_in(attr: Attributor, start: int, end: int, *, present: bool = False) -> list[Hit]:
    """The verbs of words in ``[start, end)`` with a quantity for object ("ordered 55", "delivers 20").

    A determiner and one word may come first ("delivered the final 717").
    The past forms always; the present ones too for a headline (``present``).
    """
    text = attr.doc.text
    matcher, third = quantity_verbs()
    hits = attr.find(matcher, start, end)
    if present:
        hits += [
            Hit(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end) if m.group() in third
        ]
    return [h for h in hits if _QUANTITY_AFTER.match(text, h.end, end)]


_GENERAL = Trigger(kind=EventKind.OTHER, cameo=None, nominal=False, verbal=True)
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


#: Which kind wins when a sentence holds triggers of several: the specific before the general.
_RANK = {
    EventKind.SIGNING: 0,
    EventKind.MEETING: 1,
    EventKind.VISIT: 2,
    EventKind.TALKS: 3,
    EventKind.ATTACK: 4,
    EventKind.WAR: 5,
    EventKind.ELECTION: 6,
    EventKind.TRIAL: 7,
    EventKind.ANNOUNCEMENT: 8,
    EventKind.OTHER: 9,
}

# --------------------------------------------------------------------------- clause cues

#: Words in the few tokens before a trigger that make its clause unreal:
#: modality, condition, negation, wishes and plans.
_UNREAL = re.compile(
    r"\b(?:could|would|might|may|should|must|can|cannot|can't|couldn't|wouldn't|shouldn't|if|unless|whether|"
    r"not|never|no|n't|without|hope|hopes|hoped|hoping|want|wants|wanted|wish|plan|plans|planning|"
    r"propose|proposed|proposes|possible|possibly|potential|likely|unlikely|threatened|threatening|"
    r"seek|seeks|sought|try|tries|tried|trying|aim|aims|consider|considering|expected|expects|"
    r"urged|urges|called for|calling for|demanded|to have)\b",
    re.IGNORECASE,
)
_ANAPHORIC = re.compile(r"(?:the|this|that|these|those)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
#: "the" or "this" and up to two modifiers right before a nominal trigger ("by the
#: announcement", "the proposed merger"): a happening already introduced.
_DEFINITE_BEFORE = re.compile(r"\b(?:the|this)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_IMPERATIVE = re.compile(r"(?:(?:please|for [\w\s]{1,40},)\s*)?$", re.IGNORECASE)
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|its|his|her|their)\s+$", re.IGNORECASE)
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|on|at|of|for|with|from|into|under|over)\s+$", re.IGNORECASE)
#: "said in a statement", "wrote in the announcement": the medium of words already reported.
_MEDIUM_BEFORE = re.compile(
    r"\b(?:said|says|told|tells|wrote|writes|added|stated)\s+in\s+(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE
)
_CLAUSE_CUT = re.compile(r"[,;:()]|\b(?:and|but|while|which|who|that|as|after|before|because)\b")

#: Prepositions that make the place after them the event's location.
#: Up to two lowercase modifiers may stand between ("in northern Syria", "at the old Kremlin"),
#: never a capitalized word ("on Wednesday accused China"), a clause word ("over whether the
#: United States") or, after "to", anything but "the" and a possessive ("to the city's X"):
#: "to allow Russia" makes Russia a verb's object.
_LOCATIVE = re.compile(
    r"\b(?:(?:in|at|near|inside|outside|across|throughout|into|over|from|off|on)\s+(?:the\s+)?"
    r"(?:(?!(?:whether|and|or|but|that|which|who|if|than|as)\s)(?-i:[a-z][\w.'-]*)\s+){0,2}"
    r"|to\s+(?:the\s+)?(?:(?-i:[a-z][\w-]*)['’]s\s+)?)"
    r"(?:(?:area|part|parts|region|city|town|village|province|state)\s+of\s+)?$",
    re.IGNORECASE,
)


def _as_used(text: str, sent_start: int, hit: Hit, trigger: Trigger) -> Trigger | None:
    """Return the trigger as this occurrence uses it, or ``None`` when it reports nothing.

    A word listed as verb and noun ("visit", "attacks") is a noun after a
    determiner; a verb after a determiner is an adjective ("a convicted felon").
    """
    after_determiner = _DETERMINER_BEFORE.search(text, max(sent_start, hit.start - 8), hit.start) is not None
    if trigger.nominal and trigger.verbal:
        return attrs.evolve(trigger, verbal=not after_determiner, nominal=after_determiner)
    if trigger.verbal and after_determiner:
        return None
    if (
        trigger.verbal
        and hit.phrase.endswith("ed")
        and _PREPOSITION_BEFORE.search(text, max(sent_start, hit.start - 8), hit.start)
    ):
        return None  # "built on occupied land", "of elected officials": an adjective
    return trigger


#: "during the debate", "during a wildfire or other disaster": a happening named as the
#: time of another is that one's setting, not the news of the sentence.
_DURING_BEFORE = re.compile(r"\bduring\s+(?:[\w'’.-]+\s+){0,3}$", re.IGNORECASE)


def _backdrop(text: str, sent_start: int, match: Hit, trigger: Trigger) -> bool:
    """Whether a trigger names a setting, a habit or a description rather than a happening.

    Three grammatical frames: a noun after "during" is the time of the
    sentence's own news ("posted tweets during the debate"); a past participle
    after "is"/"are" is a present passive, a standing state or habit ("is
    accused by critics of", "are selected by the government"); a past
    participle after a noun with "by" next and no auxiliary before is a
    reduced relative describing that noun ("nine others selected by the
    agency"), as for the general verbs.
    """
    before = max(sent_start, match.start - 40)
    if trigger.nominal:
        return _DURING_BEFORE.search(text, before, match.start) is not None
    if not match.phrase.endswith("ed"):
        return False
    if _STATE_BEFORE.search(text, before, match.start):
        return True
    return _reduced_relative(text, sent_start, match)


def _modifier_start(attr: Attributor, match: Hit) -> int | None:
    """Where a name right before the trigger starts ("a Security Council debate"), if there is one."""
    text = attr.doc.text
    gap = match.start
    while gap > 0 and text[gap - 1] == " ":
        gap -= 1
    mention = attr.mention_ending_at(gap) if gap < match.start else None
    return mention.start if mention is not None else None


def _is_unreal(text: str, sent_start: int, at: int, nominal: bool, modifier_start: int | None = None) -> bool:
    """Whether the clause leading to the trigger at ``at`` is hypothetical or negated.

    A verb is judged by its whole clause ("could soon meet"); a noun only by
    the few words before it ("no deal", "a possible summit"), because the
    clause's modal often governs another verb ("could agree to halt the fighting").
    A name that modifies the noun ("calling for a Security Council debate",
    starting at ``modifier_start``) does not count towards those few words.
    """
    reach = at if modifier_start is None else modifier_start
    left = max(sent_start, reach - (24 if nominal else 60))
    for cut in _CLAUSE_CUT.finditer(text, left, at):
        left = cut.end()
    return bool(_UNREAL.search(text, left, at))


# --------------------------------------------------------------------------- the extractor


def find_events(
    doc: Document,
    index: EntityIndex,
    *,
    article_iri: str,
    base: str = DEFAULT_BASE,
    published: dt.date | None,
    sentences: Sequence[tuple[int, int]] | None = None,
    attributor: Attributor | None = None,
    dates: DatePhrases | None = None,
    per_sentence: int = 1,
) -> list[Event]:
    """Every event the body of ``doc`` asserts, in text order, then those of its headline.

    The headline's events come last: they restate the news the body tells in
    full (with all its participants), so a caller taking the first meeting
    gets the body's.

    ``sentences`` (``sentences.document_sentences``), ``attributor`` and
    ``dates`` may be passed by a caller that has them already. ``per_sentence`` caps the
    events taken from one sentence (the most specific kinds first): most
    sentences report one happening, and every extra kind found is more often
    a background mention than a second event, except a predicate joined by
    "and" to the chosen verb, which adds one more.
    """
    attr = attributor if attributor is not None else build_attributor(doc, index, sentences)
    phrases = dates if dates is not None else DatePhrases(doc.text, published)
    table = trigger_table()
    text = doc.text
    countries = shared_countries(attr)
    out: list[Event] = []
    told: list[Event] = []  # the headline's, listed after the body's fuller accounts
    joined: list[bool] = []  # for each of them: a second predicate of its headline ("…, announces B")
    paragraph_dates: dict[tuple[int, int], list[DateMention]] = {}
    reported: set[EventKind] = set()  # kinds of the events found so far
    lead = next(((a, b) for a, b in doc.paragraphs if b > doc.body_start), None)
    lead_time: list[DateMention | None] = []  # found on first use

    def resolved_dates(para: tuple[int, int]) -> list[DateMention]:
        """The resolved date phrases of one paragraph (found once per paragraph)."""
        if para not in paragraph_dates:
            paragraph_dates[para] = [d for d in phrases.between(*para) if d.value is not None]
        return paragraph_dates[para]

    def lead_date() -> DateMention | None:
        """The news's own time: the lead's first date within a week of publication.

        Later undated paragraphs that tell the same news ("Esper on Wednesday
        accused …", then "Esper met …") happen then.
        """
        if not lead_time:
            found = None
            if published is not None and lead is not None:
                found = next((d for d in resolved_dates(lead) if _within_days(d, published, 7)), None)
            lead_time.append(found)
        return lead_time[0]

    def earlier_dates(at: int) -> DateMention | None:
        """The last date phrase of the paragraph before ``at``, else (after the lead) the lead's time."""
        para = next(((a, b) for a, b in doc.paragraphs if a <= at < b), None)
        if para is None:
            return None
        before = [d for d in resolved_dates(para) if d.end <= at]
        if before:
            return before[-1]
        return lead_date() if para != lead else None

    for sent_start, sent_end in attr.sentences:
        if sent_start < doc.body_start:
            # a headline is a sentence too: "Acme acquires Bolt" reports the news in the present
            headline = _headline_happenings(attr, table, sent_start, sent_end)
            if headline:
                frame = _Frame.of(attr, sent_start, sent_end, phrases, countries)
                frame.earlier = earlier_dates
                for number, (verb, used, subject) in enumerate(headline):
                    told.append(frame.event(doc, article_iri, used.kind, verb, used, [subject], base=base))
                    joined.append(number > 0)
                    reported.add(used.kind)
            continue
        found: dict[EventKind, tuple[Hit, Trigger]] = {}
        hits = attr.find(table.matcher, sent_start, sent_end)
        resolved = [_as_used(text, sent_start, hit, table.triggers[hit.phrase]) for hit in hits]
        real = [
            trigger is not None
            and not attr.in_quote(match.start)
            and not _is_unreal(text, sent_start, match.start, trigger.nominal, _modifier_start(attr, match))
            for match, trigger in zip(hits, resolved, strict=True)
        ]
        for number, (match, trigger) in enumerate(zip(hits, resolved, strict=True)):
            if trigger is None or not real[number] or trigger.kind in found:
                continue
            if not trigger.nominal and _IMPERATIVE.match(text, sent_start, match.start):
                continue  # "Visit our website", "For details, visit …": an instruction, not news
            if trigger.nominal and _MEDIUM_BEFORE.search(text, max(0, match.start - 60), match.start):
                continue  # "Lee said in the announcement": the saying is the news, not a second event
            if _backdrop(text, sent_start, match, trigger):
                continue  # "during the debate", "is accused by critics", "others selected by X"
            if trigger.nominal and reported and _ANAPHORIC.match(text, sent_start, match.start):
                continue  # "The talks come as…" after an event: that one again, not a new one
            if (
                trigger.nominal
                and trigger.kind in reported
                and _DEFINITE_BEFORE.search(text, max(sent_start, match.start - 40), match.start)
                and not phrases.between(sent_start, sent_end)
            ):
                continue  # "moved by the announcement": the one already reported, not a second
            if not trigger.nominal and number + 1 < len(hits) and real[number + 1]:
                following, as_used = hits[number + 1], resolved[number + 1]
                if as_used is not None and as_used.nominal and following.start - match.end < 25:
                    continue  # a light verb: "paid a visit", "launch attacks", "held talks"
            found[trigger.kind] = (match, trigger)
        general = None if found else _general_happening(attr, sent_start, sent_end)
        inner = _reported_happening(attr, table, sent_start, sent_end, [h for h, _ in found.values()])
        if not found and general is None and inner is None:
            continue
        frame = _Frame.of(attr, sent_start, sent_end, phrases, countries)
        frame.earlier = earlier_dates
        ranked = sorted(
            found.items(), key=lambda item: (item[1][1].nominal, _RANK[item[0]], item[1][0].start)
        )
        chosen = ranked[:per_sentence]
        chosen += [item for item in ranked[per_sentence:] if _coordinated(text, chosen, item[1][0])][:1]
        for kind, (match, trigger) in chosen:
            extra = _trigger_actors(attr, match, trigger, countries)
            if frame.anchored or extra:
                out.append(frame.event(doc, article_iri, kind, match, trigger, extra, base=base))
                reported.add(kind)
        if general is not None:
            verb, subject, aside = general
            out.append(
                frame.event(
                    doc, article_iri, EventKind.OTHER, verb, _GENERAL, [subject], base=base, aside=aside
                )
            )
            reported.add(EventKind.OTHER)
        if inner is not None:
            verb, used, subject = inner
            out.append(frame.event(doc, article_iri, used.kind, verb, used, [subject], base=base))
            reported.add(used.kind)
        taken = [m for _, (m, _t) in chosen] + [h[0] for h in (general, inner) if h is not None]
        verbal = [
            (h, t) for h, t, ok in zip(hits, resolved, real, strict=True) if ok and t is not None and t.verbal
        ]
        second = _second_clause_happening(attr, sent_start, sent_end, taken, verbal)
        if second is not None and any(t.nominal and k is second[1].kind for k, (_m, t) in chosen):
            second = (
                None  # "Alongside both announcements, Lee announced …": the noun is the verb's background
            )
        if second is not None:
            verb, used, subject = second
            out.append(frame.event(doc, article_iri, used.kind, verb, used, [subject], base=base))
            reported.add(used.kind)
    return _with_restatements(out, told, joined)


def _named_subject(attr: Attributor, hit: Hit, start: int) -> EntityRecord | None:
    """The named actor right before a verb ("Acme Corp has bought"), if it is one; else None."""
    named = _subject_before(attr, hit.start)
    text = attr.doc.text
    if named is None or named.start < start or attr.in_quote(named.start):
        return None
    if not _SUBJECT_GAP.fullmatch(text, named.end, hit.start):
        return None
    if _OBJECT_BEFORE.search(text, max(start, named.start - 8), named.start):
        return None
    return named.entity if is_actor(named.entity) else None


#: What parts two clauses: a comma, a semicolon, or a conjunction of clauses.
_CLAUSES_PART = re.compile(r"[,;]|\b(?:and|but|while|whereas|when|after|before)\b")


def _second_clause_happening(
    attr: Attributor, start: int, end: int, taken: list[Hit], verbal: list[tuple[Hit, Trigger]]
) -> tuple[Hit, Trigger, EntityRecord] | None:
    """A second happening of a sentence, told by a clause of its own with another named subject.

    "Acme Corp has bought a mill, while Bolt Inc has sold two" and "When Acme
    Corp hired Ann Lee, Bolt Inc challenged the choice" tell two happenings of
    two actors. Only a listed verbal trigger, a general verb, a verb of words
    with a quantity for object (``_quantity_verbs_in``) or a perfect's
    participle ("Air Acme has ordered …, while …": ``_perfect_participles``;
    measured as a sentence's first event too, where it cost dev a false event)
    or, in an absolute clause opening after a comma, a general verb's -ing
    form ("…, Bolt Inc ultimately winning the contest")
    right after its own named subject counts, in a clause parted from every verb already taken
    (a comma, a semicolon or a clause conjunction between them), and only when
    that subject is not already the subject of one of them: "Acme Corp bought
    a mill and sold a barn" stays one event.
    """
    text = attr.doc.text
    if not taken or _CLAUSES_PART.search(text, start, end) is None:
        return None  # the cheap test first: most sentences have one clause
    general = [
        (h, _GENERAL)
        for h in {
            *attr.find(happening_verbs(), start, end),
            *_quantity_verbs_in(attr, start, end),
            *_perfect_participles(attr, start, end),
        }
    ]
    absolute = [
        (Hit(m.start(), m.end(), m.group()), _ABSOLUTE)
        for m in _ING_WORD.finditer(text, start, end)
        if _is_progressive(m.group())
    ]
    subjects: set[int] | None = None  # of the verbs taken, found on first need
    for hit, trigger in sorted([*verbal, *general, *absolute], key=lambda item: item[0].start):
        if any(t.start <= hit.start < t.end for t in taken) or attr.in_quote(hit.start):
            continue
        if trigger is _ABSOLUTE and not _after_comma(attr, hit, start):
            continue  # ", Lockheed ultimately winning the contest": an absolute clause opens after a comma
        subject = _named_subject(attr, hit, start)
        if subject is None:
            continue
        if subjects is None:
            subjects = {id(s) for s in (_named_subject(attr, h, start) for h in taken) if s is not None}
        if id(subject) in subjects:
            continue
        if (trigger is _GENERAL or trigger is _ABSOLUTE) and not _general_verb(attr, hit, start):
            continue
        parted = all(_CLAUSES_PART.search(text, *sorted((t.start, hit.start))) is not None for t in taken)
        if parted and not _is_unreal(text, start, hit.start, False):
            return hit, attrs.evolve(trigger, nominal=False), subject
    return None


#: A general verb's -ing form heading an absolute clause (``_second_clause_happening``).
_ABSOLUTE = attrs.evolve(_GENERAL)
_ING_WORD = re.compile(r"\b[a-z]{3,}ing\b")


def _after_comma(attr: Attributor, hit: Hit, start: int) -> bool:
    """Whether the name before ``hit`` follows a comma: ", Bolt Inc ultimately winning …"."""
    named = _subject_before(attr, hit.start)
    if named is None or named.start <= start:
        return False
    return attr.doc.text[max(start, named.start - 4) : named.start].rstrip().endswith(",")


def _with_restatements(
    body: list[Event], headline: list[Event], joined: Sequence[bool] | None = None
) -> list[Event]:
    """The body's events, then the headline's that restate none of them.

    "Acme buys Bolt" over "Acme said on Monday it had bought Bolt" tells one
    happening twice; two nodes would make a graph count it twice. A headline
    event that shares a participant with a body event of the same kind (for
    the general kind ``other``, also of the same verb: "unveils" and
    "unveiled") is that event, which the body tells in full (its date, place
    and every participant), so the body's node stands for both. A headline
    event with no such twin is news the body does not repeat and stays.

    A second predicate of a headline (``joined``: "Acme releases A, announces
    B") is by the headline's own grammar another happening than its first, so
    a body event of its kind alone is no twin: only one told with its own
    verb ("announced") is.

    >>> told = Event(id="urn:e:1", name="unveils (Acme)", kind="other", attendees=["urn:acme"])
    >>> found = Event(id="urn:e:2", name="unveiled (Acme)", kind="other", attendees=["urn:acme", "urn:bolt"])
    >>> other = Event(id="urn:e:3", name="approved (Acme)", kind="other", attendees=["urn:acme"])
    >>> [e.id for e in _with_restatements([found], [told])]
    ['urn:e:2']
    >>> [e.id for e in _with_restatements([other], [told])]
    ['urn:e:3', 'urn:e:1']
    >>> announces = Event(id="urn:e:4", name="announces (Acme)", kind="announcement", attendees=["urn:acme"])
    >>> released = Event(id="urn:e:5", name="released (Acme)", kind="announcement", attendees=["urn:acme"])
    >>> [e.id for e in _with_restatements([released], [told, announces], [False, True])]
    ['urn:e:5', 'urn:e:1', 'urn:e:4']
    """

    def restates(told: Event, event: Event, second: bool) -> bool:
        same_kind = event.kind == told.kind and (
            (told.kind is not EventKind.OTHER and not second) or _verb_stem(told) == _verb_stem(event)
        )
        return same_kind and bool({*told.attendees, *told.organizers} & {*event.attendees, *event.organizers})

    seconds = joined if joined is not None else [False] * len(headline)
    return body + [
        told
        for told, second in zip(headline, seconds, strict=True)
        if not any(restates(told, event, second) for event in body)
    ]


_INFLECTION = re.compile(r"(?:es|ed|s|d)$")


def _verb_stem(event: Event) -> str:
    """The trigger word an event's name opens with, uninflected: "unveils", "unveiled" -> "unveil".

    Only the first word of a phrasal verb: "rolled out" is the headline's "rolls" (a headline
    reads its one-word present forms only), so both stems are "roll".
    """
    return _INFLECTION.sub("", event.name.split(" (", 1)[0].split(" ", 1)[0].lower())


@attrs.define
class _Frame:
    """What one sentence offers every event it holds: participants, place, dates."""

    sent_start: int
    sent_end: int
    attendees: list[EntityRecord]
    location: EntityRecord | None
    phrases: DatePhrases

    @property
    def dates(self) -> list[DateMention]:
        """The sentence's date phrases, found on first use (most sentences never need them)."""
        return self.phrases.between(self.sent_start, self.sent_end)

    text: str = ""
    #: The paragraph's last date phrase before an offset, for a sentence that has none of its own.
    earlier: Callable[[int], DateMention | None] | None = None
    #: Who tells of the happening ("X said"): attendees of an announcement only.
    sources: list[EntityRecord] = attrs.Factory(list)
    #: The IRIs of the events this sentence gave so far: two happenings of one kind need two.
    given: set[str] = attrs.Factory(set)

    @property
    def anchored(self) -> bool:
        """An event needs someone or somewhere: a date alone anchors nothing."""
        return bool(self.attendees or self.location is not None)

    @classmethod
    def of(
        cls,
        attr: Attributor,
        start: int,
        end: int,
        phrases: DatePhrases,
        countries: dict[str, EntityRecord],
    ) -> _Frame:
        text = attr.doc.text
        attendees: list[EntityRecord] = []
        sources: list[EntityRecord] = []
        location: EntityRecord | None = None
        for m in attr.mentions(start, end):
            rec = m.entity
            locative = _LOCATIVE.search(text, max(start, m.start - 30), m.start) is not None
            if location is None and locative and (rec.kind == "place" or rec.also_other):
                location = rec
            if not is_actor(rec) or rec in attendees or (locative and rec.subtype not in (None, "Country")):
                continue  # a city, a region or a building is where it happened, not who acted
            if attr.is_source(m):
                sources.append(rec)  # "the White House said": who reports it, not who took part
            else:
                attendees.append(rec)
        for extra in implicit_actors(attr, start, end, countries):
            if extra not in attendees:
                attendees.append(extra)
        if not attendees:
            attendees, sources = sources, []
        return cls(start, end, attendees, location, phrases, text=text, sources=sources)

    def event(
        self,
        doc: Document,
        article_iri: str,
        kind: EventKind,
        match: Hit,
        trigger: Trigger,
        extra: list[EntityRecord],
        *,
        base: str = DEFAULT_BASE,
        aside: tuple[int, int] | None = None,
    ) -> Event:
        # a date inside an apposition ("Lee, born on May 2, 1950, has built …") is the apposition's
        dates = self.dates if aside is None else [d for d in self.dates if not aside[0] <= d.start < aside[1]]
        date = _nearest_date(dates, match.start)
        if (
            date is None
            and self.earlier is not None
            and kind is not EventKind.WAR
            and not _RELATIVE_BEFORE.search(self.text, self.sent_start, match.start)
        ):
            # no date in the sentence: the paragraph's narrative time so far ("On Monday,
            # X met Y. They signed a deal."), else the lead's, is when it happened; a war
            # is a state that lasts, dated only by its own words
            date = self.earlier(self.sent_start)
        attendees = [*extra, *(r for r in self.attendees if r not in extra)]
        if kind is EventKind.ANNOUNCEMENT:
            attendees += [r for r in self.sources if r not in attendees]
        names = ", ".join(r.name for r in attendees[:3])
        span = doc.body_span(self.sent_start, self.sent_end)
        iri = item_iri(article_iri, "event", self.sent_start, kind.value, base=base)
        if iri in self.given:
            # "A acquired X, and B sold Y": a second happening of the kind in the sentence, its own node
            iri = item_iri(article_iri, "event", self.sent_start, kind.value, match.start, base=base)
        self.given.add(iri)
        return Event(
            id=iri,
            name=f"{match.phrase} ({names})" if names else match.phrase,
            kind=kind,
            description=doc.raw[self.sent_start : self.sent_end],
            cameo_code=_cameo(self.text, self.sent_start, match, kind, trigger),
            start_date=date.value if date else None,
            date_text=date.text if date else None,
            location=self.location.iri if self.location else None,
            attendees=tuple(dict.fromkeys(r.iri for r in attendees)),
            spans=(span,) if span else (),
            confidence=0.6 if trigger.nominal else 0.7,
        )


#: ", who braved … for the deal signed": a trigger inside a relative clause describes someone or
#: something; the clause has no part in the narrative's sequence of time.
_RELATIVE_BEFORE = re.compile(r",\s+(?:who|which|whose)\b[^,;:()\"“”]*$", re.IGNORECASE)

_TWO_WORDS_BEFORE = re.compile(r"([A-Z][\w.-]*)\s+(?:[\w-]+\s+)?$")


def _trigger_actors(
    attr: Attributor, match: Hit, trigger: Trigger, countries: dict[str, EntityRecord]
) -> list[EntityRecord]:
    """Actors tied to the trigger itself: the subject of a verb, the country of "Peruvian elections"."""
    text = attr.doc.text
    if trigger.nominal:
        before = _TWO_WORDS_BEFORE.search(text, max(0, match.start - 30), match.start)
        if before and before.group(1) in countries:
            return [countries[before.group(1)]]
        return []
    sent_start, _ = attr.sentence_of(match.start)
    kind, who = attr.subject_before(match.start, sent_start)
    return [who] if kind == "entity" and who is not None else []


#: "is based", "are frustrated": a present passive names a state; "declined to comment",
#: "managed to": the happening is the verb after "to", if any ("returned to the stage", "to its
#: plant": a determiner after "to" makes it a preposition, and the verb before the happening).
_STATE_BEFORE = re.compile(r"\b(?:is|are|am)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_CATENATIVE_AFTER = re.compile(
    r"\s+to\s+(?!(?:the|a|an|his|her|its|their|our|this|that|these|those|[a-z]+['’]s)\b)[a-z]"
)
#: "a campaign led by X": a participle after a noun, not the clause's verb.
_AGENT_AFTER = re.compile(r"\s+by\b")
_AUXILIARY_BEFORE = re.compile(
    r"\b(?:was|were|been|be|being|is|are|has|have|had)\s+(?:(?:\w+ly|first|also|later|since|once)\s+)?$",
    re.IGNORECASE,
)


#: "… and paid a visit", "… and signed": a second predicate of the same subject.
_AND_PREDICATE = re.compile(r"[^,;.:()]*\band\s+(?:[a-z]+\s+){0,2}$")


def _coordinated(text: str, chosen: list[tuple[EventKind, tuple[Hit, Trigger]]], hit: Hit) -> bool:
    """Whether ``hit`` opens a predicate joined by "and" to the verb of an event already chosen.

    "Lee met the ministers and paid a visit to the prison" reports two
    happenings of one actor; a second trigger anywhere else in the sentence
    is more often background than news.
    """
    return any(
        not trigger.nominal
        and match.end <= hit.start
        and _AND_PREDICATE.fullmatch(text, match.end, hit.start) is not None
        for _, (match, trigger) in chosen
    )


#: "Acme to acquire Bolt": a headline's announced plan, its verb bare after "to".
_TO_BEFORE = re.compile(r"\s+to\s+$")
#: A second headline verb sharing the first one's subject: "Acme buys Bolt, sells Volt".
_HEADLINE_NEXT = re.compile(r"[^;:()]*(?:,|\band)\s+$")


def _headline_happenings(
    attr: Attributor, table: _Table, start: int, end: int
) -> list[tuple[Hit, Trigger, EntityRecord]]:
    """The happenings a headline reports: a verb right after a named actor, and the verbs joined to it.

    A headline's verb lacks the auxiliary a body sentence would have, and its
    tense is the present: a listed verbal trigger ("Acme unveils …"), a
    general verb in the present (``headline_verbs``) or past, right after its
    named subject, with the same clause rules as the body (not a wish, a
    denial, a quotation or a noun), or a bare one after "to" ("Acme to
    acquire Bolt": a plan the headline announces). A further verb right after a comma or
    "and" shares that subject ("Acme buys Bolt, sells Volt"). A capitalized
    verb ("Acme Buys Bolt") is left alone: in a title-case line names and
    words cannot be told apart.
    """
    text = attr.doc.text
    candidates = [(h, table.triggers[h.phrase]) for h in attr.find(table.matcher, start, end)]
    candidates += [(h, _GENERAL) for h in attr.find(happening_verbs(), start, end)]
    candidates += [(h, _GENERAL) for h in _quantity_verbs_in(attr, start, end, present=True)]
    present, bare = headline_verbs(), bare_verbs()
    candidates += [
        (Hit(m.start(), m.end(), m.group()), _GENERAL)
        for m in _WORD.finditer(text, start, end)
        if m.group() in present or (m.group() in bare and _TO_BEFORE.search(text, start, m.start()))
    ]
    found: list[tuple[Hit, Trigger, EntityRecord]] = []
    for hit, trigger in sorted(candidates, key=lambda c: c[0].start):
        if not trigger.verbal or not text[hit.start].islower() or attr.in_quote(hit.start):
            continue
        if any(hit.start < known.end for known, _, _ in found):
            continue  # inside a verb already taken ("steps down")
        if _DETERMINER_BEFORE.search(text, max(start, hit.start - 8), hit.start):
            continue  # "the attacks": a noun
        if _is_unreal(text, start, hit.start, False):
            continue
        if trigger is _GENERAL and hit.phrase in speech_verbs().phrases:
            continue  # "Acme says": words, not a happening (a listed "announces" is one)
        if found:
            if _HEADLINE_NEXT.fullmatch(text, found[-1][0].end, hit.start):
                found.append((hit, attrs.evolve(trigger, nominal=False), found[0][2]))
            continue
        named = attr.index.last_before(hit.start)
        if named is None or named.start < start:
            continue
        planned = _TO_BEFORE.search(text, named.end, hit.start)
        if not _SUBJECT_GAP.fullmatch(text, named.end, hit.start) and (
            planned is None or planned.start() != named.end
        ):
            continue  # "Acme acquires Bolt", "Acme to acquire Bolt" (a plan the headline announces)
        if _OBJECT_BEFORE.search(text, max(start, named.start - 8), named.start):
            continue  # "Plant built by Acme opens": a name after a preposition is no subject
        if is_actor(named.entity):
            found.append((hit, attrs.evolve(trigger, nominal=False), named.entity))
    return found


@functools.cache
def bare_verbs() -> frozenset[str]:
    """The bare forms of the general verbs (``data/bare_verbs.txt``: "acquire", "own", "step down").

    A bare form is a verb only where an auxiliary or "to" says so ("will own",
    a headline's "to acquire"), so every lemma of ``event_verbs.txt`` has one,
    the noun-like ones too ("own", "double"), which give no headline present.
    """
    forms: set[str] = set()
    for line in knowledge.read_text("bare_verbs.txt").splitlines():
        forms.update(form.replace("_", " ") for form in line.split("#", 1)[0].split())
    return frozenset(forms)


def _is_progressive(word: str) -> bool:
    """Whether ``word`` is the -ing form of a general verb ("acquiring", "making", "shipping")."""
    if not word.endswith("ing") or len(word) < 6:
        return False
    stem, bare = word[:-3], bare_verbs()
    return stem in bare or stem + "e" in bare or (stem[-1] == stem[-2] and stem[:-1] in bare)


#: After a reporting verb: a few words of time or medium, "that", then a pronoun subject and its verb group.
_COMPLEMENT = re.compile(
    r"\s+(?:(?:on\s+)?(?-i:[A-Z][a-z]+)\s+|today\s+|yesterday\s+)?(?:that\s+)?(?P<subject>it|they|he|she)\s+"
    r"(?:(?P<aux>has|have|had|will|is|are|was|were)\s+)?(?:(?:also|now|already|\w+ly)\s+)?"
    r"(?P<verb>[a-z]+)\b"
)


#: After "will", words that are no verb of doing: auxiliaries and copulas ("it will be", "will become"),
#: adverbs, and verbs whose happening is the verb or noun after them ("it will continue to", "will begin
#: production", "will allow developers to create").
_NOT_DOING = frozenset(
    [
        "be",
        "have",
        "do",
        "get",
        "not",
        "also",
        "still",
        "soon",
        "now",
        "then",
        "only",
        "again",
        "continue",
        "begin",
        "start",
        "remain",
        "keep",
        "need",
        "seek",
        "try",
        "look",
        "become",
        "stay",
        "allow",
        "let",
        "help",
        "want",
        "fail",
    ]
)


def _reported_happening(
    attr: Attributor, table: _Table, start: int, end: int, taken: list[Hit]
) -> tuple[Hit, Trigger, EntityRecord] | None:
    """The happening a named actor reports of itself: "Acme said (on Monday) (that) it had acquired Bolt".

    The reporting verb is words, but its complement is news when its subject
    is a pronoun standing for the reporter and its verb group is asserted: a
    listed or general verb in the past or perfect ("it has settled"), any
    verb after "will" ("it will receive", "it will give": only a verb stands
    there, so no list is needed; ``_NOT_DOING`` keeps out auxiliaries,
    adverbs and verbs whose happening follows them) or a general verb in the
    progressive ("it is acquiring"). A wish or a denial ("it would buy", "it
    did not buy") and a verb already taken as the sentence's trigger add nothing.
    """
    text = attr.doc.text
    for speech in attr.verbs(start, end):
        m = _COMPLEMENT.match(text, speech.end, end)  # the cheap test first: most have no complement
        if m is None:
            continue
        verb, aux = m.group("verb"), m.group("aux")
        hit = Hit(m.start("verb"), m.end("verb"), verb)
        if any(t.start <= hit.start < t.end for t in taken) or attr.in_quote(hit.start):
            continue
        listed = table.triggers.get(verb)
        if aux in ("is", "are", "was", "were"):
            ok = _is_progressive(verb)
        elif aux == "will":
            ok = verb in bare_verbs() or (verb not in _NOT_DOING and not verb.endswith(("ly", "ing", "ed")))
        else:
            ok = verb in happening_verbs().phrases or (listed is not None and listed.verbal)
        if not ok or _is_unreal(text, start, hit.start, False):
            continue
        kind, who = attr.subject_before(speech.start, start)
        if kind != "entity" or who is None or not is_actor(who):
            continue
        trigger = listed if listed is not None and listed.verbal else _GENERAL
        return hit, attrs.evolve(trigger, nominal=False), who
    return None


#: A general happening: the verb, its subject, and the apposition between them, if any.
_Happening = tuple[Hit, EntityRecord, tuple[int, int] | None]


def _general_happening(attr: Attributor, start: int, end: int) -> _Happening | None:
    """The first general verb of doing (``happening_verbs``) right after a named actor, if any.

    Only a name right before the verb counts as its subject (auxiliaries and
    adverbs between: "Acme has quietly acquired"), or right before an
    apposition or a relative clause set off by commas that ends there ("Acme,
    a maker of tools, has acquired", "Acme, which makes tools, will acquire"):
    a pronoun (but see ``_resolved_subject_happening``), a role or a subject
    across a restrictive relative clause is too often someone else. After a
    subject's "will" any verb counts ("Acme will own …"; ``_NOT_DOING`` aside):
    only a verb stands there, so no list is needed to know it is one; a
    phrasal verb there is taken whole ("will step down", ``bare_verbs``).
    """
    text = attr.doc.text
    progressive = [
        Hit(m.start(1), m.end(1), m.group(1))
        for m in _PROGRESSIVE.finditer(text, start, end)
        if _is_progressive(m.group(1))
    ]
    future = _future_verbs(text, start, end)
    candidates = [*attr.find(happening_verbs(), start, end), *progressive, *future]
    for hit in sorted([*candidates, *_quantity_verbs_in(attr, start, end)]):
        if not _general_verb(attr, hit, start):
            continue
        named, aside = _subject_before(attr, future.get(hit, hit.start)), None
        appo = _APPOSITION_BEFORE.search(text, start, hit.start)
        head = _apposition_head(attr, appo.start()) if appo is not None else None
        if appo is not None and head is not None and head.start >= start and is_actor(head.entity):
            named, aside = head, (appo.start(), appo.end())
        if named is None or named.start < start:
            continue
        if (
            aside is None
            and not _SUBJECT_GAP.fullmatch(text, named.end, future.get(hit, hit.start))
            and not _named_apposition(text, start, named, hit)
        ):
            continue  # "Acme Corp has acquired", "tool maker, Acme Corp, has acquired"
        if _OBJECT_BEFORE.search(text, max(start, named.start - 8), named.start):
            continue  # "repaired by Ann Lee fell": a name after a preposition is no subject
        if is_actor(named.entity) and not attr.in_quote(named.start):
            return hit, named.entity, aside
    return _resolved_subject_happening(attr, start, end) or _passive_happening(attr, start, end)


#: "was acquired", "had been first sold", "will be sold": the auxiliary of a past, perfect or future
#: passive (never "is"/"are": a present passive tells a habit or a state, "airliners are selected by
#: the government").
_PAST_PASSIVE_BEFORE = re.compile(
    r"(?<![\w-])(?:was|were|had\s+been|has\s+been|have\s+been|will\s+be)\s+(?:(?:\w+ly|first|also|later)\s+)?$"
)
#: A participle in "-ed" after a passive's auxiliary: "was delivered", "will be compensated".
_PASSIVE_PARTICIPLE = re.compile(
    r"(?<![\w-])(?:was|were|been|be)\s+(?:(?:\w+ly|first|also|later)\s+)?(?P<verb>[a-z]{3,}ed)\b"
)
#: "… by Acme", "… today to the Acme": the agent or the recipient of a passive, a name right after.
#: A time adverb between a participle and its recipient: the passive tells a happening, not a state.
_EVENT_TIME = re.compile(r"\b(?:today|yesterday)\b")
_AGENT_OR_RECIPIENT_WORD = re.compile(r"\s(?:by|to)\s")
_PASSIVE_WORD = re.compile(r"(?<![\w-])(?:was|were|been|be)\s")
_AGENT_OR_RECIPIENT = re.compile(r"\s+(?:(?:\w+ly|today|yesterday)\s+)?(?:by|to)\s+(?:the\s+)?")
#: "to US $99", "by Acme's attempts": the name is a currency's country or the owner of the agent.
_NOT_THE_ACTOR_AFTER = re.compile(r"\s*(?:\$|\d)|['’]s\b")
#: "which was acquired", "that were sold": a passive inside a relative clause describes a noun.
_RELATIVE_WORD_BEFORE = re.compile(r"\b(?:which|that|who|whom)\s+$", re.IGNORECASE)


def _passive_happening(attr: Attributor, start: int, end: int) -> _Happening | None:
    """A passive whose agent or recipient is named: "The mill was sold to Acme", "… will be paid by Acme".

    The subject of a passive is what the happening befell, most often a
    thing no list names ("the first jet was sold to X"); the named agent
    ("by X") or recipient ("to X") right after the verb is then its actor.
    The verb is a general verb, or any participle in "-ed" after the
    auxiliary (a verb there, listed or not) with an agent: an unlisted one
    with "to" is as often a state ("was clearly linked to X"), unless a time
    adverb stands between ("was delivered today to X"). A present
    passive names a state or a habit, a passive inside a relative clause
    ("…, which was acquired by X") or after a noun alone ("others selected
    by X") a description: none of them is a happening.
    """
    text = attr.doc.text
    if (
        _PASSIVE_WORD.search(text, start, end) is None
        or _AGENT_OR_RECIPIENT_WORD.search(text, start, end) is None
    ):
        return None  # the cheap tests first: most sentences have no passive's auxiliary, or no "by"/"to"
    participles = [
        Hit(m.start("verb"), m.end("verb"), m.group("verb"))
        for m in _PASSIVE_PARTICIPLE.finditer(text, start, end)
    ]
    general = set(attr.find(happening_verbs(), start, end))
    for hit in sorted({*general, *participles}):
        aux = _PAST_PASSIVE_BEFORE.search(text, max(start, hit.start - 24), hit.start)
        if aux is None or _RELATIVE_WORD_BEFORE.search(text, max(start, aux.start() - 8), aux.start()):
            continue
        if _RELATIVE_BEFORE.search(text, start, hit.start) or not _general_verb(attr, hit, start):
            continue
        after = _AGENT_OR_RECIPIENT.match(text, hit.end, end)
        if after is None:
            continue
        recipient = after.group().rstrip().endswith(("to", "to the"))
        if recipient and hit not in general and not _EVENT_TIME.search(after.group()):
            continue  # "was clearly linked to X": a state; "was delivered today to X": a happening
        named = attr.index.at(after.end())
        if named is None or named.start != after.end() or _NOT_THE_ACTOR_AFTER.match(text, named.end):
            continue  # "was reduced to US $99", "was prompted by Acme's attempts": no actor named
        if is_actor(named.entity):
            return hit, named.entity, None
    return None


_APPOSITION_BEFORE = re.compile(
    r",\s+(?!(?:whose|and|but|while|as|after|before|when|because|although|if)\b)"
    r"(?:[^,;:()\"“”]|,\s*(?=\d{4}\b)){1,80},\s+"
    r"(?:(?:has|have|had|will|also|then|later|now)\s+)*$"
)


def _apposition_head(attr: Attributor, at: int) -> Mention | None:
    """The name an apposition starting at ``at`` describes: the one ending there, or before its bracket.

    "Acme Corp (AC), a maker of tools, has acquired": the apposition follows the
    acronym's closing bracket, and the name it describes is the one before the bracket.
    """
    head = attr.mention_ending_at(at)
    if head is not None or not attr.doc.text.startswith(")", at - 1):
        return head
    inner = attr.mention_ending_at(at - 1)
    if inner is None or not attr.doc.text.startswith("(", inner.start - 1):
        return None
    return attr.mention_ending_at(inner.start - 1) or attr.mention_ending_at(inner.start - 2) or inner


#: "tool maker, Acme Corp, has": a description, then the name between commas.
_DESCRIPTION_BEFORE = re.compile(r"\b[a-z][a-z-]*\s*,\s+$")
_CLOSING_COMMA_GAP = re.compile(r"\s*,\s*")


def _named_apposition(text: str, start: int, named: Mention, hit: Hit) -> bool:
    """Whether ``named`` is a name set between commas after a description, right before the verb.

    "European tool maker, Acme Corp, has acquired Bolt Inc": the name is an
    apposition to the description that opens the clause, and the subject of
    the verb after its closing comma. A name after a capitalized word and a
    comma ("Monday, Acme Corp, Bolt Inc") is more often one of a list.
    """
    gap = _CLOSING_COMMA_GAP.match(text, named.end, hit.start)
    if gap is None or not _SUBJECT_GAP.fullmatch(text, gap.end(), hit.start):
        return False
    return _DESCRIPTION_BEFORE.search(text, max(start, named.start - 40), named.start) is not None


#: A sentence-opening subject that stands for a named actor: "he", "she", "the company" (not
#: "it", which as often stands for a thing or a happening: "It also marked the end of …").
_OPENING_SUBJECT = re.compile(
    r"(?:he|she|the\s+(?:company|firm|group|agency|airline|carrier|ministry|government))\s+",
    re.IGNORECASE,
)


def _resolved_subject_happening(attr: Attributor, start: int, end: int) -> _Happening | None:
    """A general verb right after a sentence-opening "he", "she" or "the company", resolved to its actor.

    The resolution is the one the frame uses for every event of the sentence
    (``implicit_actors``: the most recent compatible person, the organization
    named within three sentences); an unresolved subject gives no event.
    """
    text = attr.doc.text
    opening = _OPENING_SUBJECT.match(text, start, end)
    if opening is None:
        return None
    verbs = attr.find(happening_verbs(), opening.end(), end)
    if not verbs or not _SUBJECT_GAP.fullmatch(text, opening.end(), verbs[0].start):
        return None
    if not _general_verb(attr, verbs[0], start):
        return None
    actors = implicit_actors(attr, start, end)
    return (verbs[0], actors[0], None) if actors and is_actor(actors[0]) else None


#: "has ordered", "had quietly delivered": a participle in "-ed" after the perfect's auxiliary is a verb.
_PERFECT_VERB = re.compile(
    r"(?<![\w-])(?:has|have|had)\s+(?:(?:also|now|already|just|\w+ly)\s+)?(?P<verb>[a-z]{3,}ed)\b"
)


def _perfect_participles(attr: Attributor, start: int, end: int) -> list[Hit]:
    """The participles in "-ed" after "has", "have" or "had" ("Acme has ordered"): verbs, listed or not.

    After the perfect's auxiliary a word in "-ed" can only be a past participle
    (nouns in "-ed", "seed", "need", are too short to pass), so no list is
    needed to know it is a verb; the general rules decide whether it is asserted.
    """
    text = attr.doc.text
    return [
        Hit(m.start("verb"), m.end("verb"), m.group("verb")) for m in _PERFECT_VERB.finditer(text, start, end)
    ]


#: "will own", "will also license": after "will" only a verb stands, so any verb (``_NOT_DOING`` aside).
_FUTURE_VERB = re.compile(
    r"(?<![\w-])will\s+(?:(?:also|now|\w+ly)\s+)?(?P<verb>[a-z]+)\b(?:\s+(?P<particle>[a-z]+))?"
)


def _future_verbs(text: str, start: int, end: int) -> dict[Hit, int]:
    """The verbs after "will" in ``text[start:end]``, each with where its "will" stands.

    Any word there is a verb ("will own", "will double"), auxiliaries,
    adverbs and aspectual verbs aside (``_NOT_DOING``); a phrasal verb of
    ``bare_verbs`` is taken whole ("will step down"). The subject is sought
    before "will", not before the verb.
    """
    found: dict[Hit, int] = {}
    if text.find("will", start, end) < 0:
        return found  # the cheap test first: most sentences have no "will"
    bare = bare_verbs()
    for m in _FUTURE_VERB.finditer(text, start, end):
        verb, particle = m.group("verb"), m.group("particle")
        if verb in _NOT_DOING or verb.endswith(("ly", "ing", "ed")):
            continue
        if particle is not None and m.end("particle") <= end and f"{verb} {particle}" in bare:
            found[Hit(m.start("verb"), m.end("particle"), f"{verb} {particle}")] = m.start()
        else:
            found[Hit(m.start("verb"), m.end("verb"), verb)] = m.start()
    return found


#: "was acquiring", "will be acquiring": a general verb in the past or future progressive, its
#: -ing form derived from ``headline_verbs`` (``_is_progressive``). The present progressive ("are
#: developing") tells an ongoing activity, more a state than a happening (measured: a false event).
_PROGRESSIVE = re.compile(r"\b(?:was|were|will\s+be)\s+(?:\w+ly\s+)?([a-z]+ing)\b")


def _subject_before(attr: Attributor, at: int) -> Mention | None:
    """The last name before ``at``; for a name in brackets right after another, that other one.

    "Senator Ann Lee (D-Vt.) visited": the party is Ann Lee's, the subject is
    Ann Lee; "Acme Corp (AC) has acquired": the acronym is Acme Corp again.
    """
    named = attr.index.last_before(at)
    text = attr.doc.text
    bracketed = named is not None and text[max(named.start - 1, 0)] == "(" and text.startswith(")", named.end)
    if named is None or named.start == 0 or not bracketed:
        return named
    outer = attr.mention_ending_at(named.start - 1) or attr.mention_ending_at(named.start - 2)
    return outer if outer is not None else named


_OBJECT_BEFORE = re.compile(
    r"\b(?:by|to|towards?|of|for|with|from|in|on|at|into|than|against)\s+(?:the\s+)?$", re.IGNORECASE
)
#: What may stand between a subject and its verb: auxiliaries, a few adverbs of time, "-ly" adverbs.
#: A short parenthesis right after the name may stand between too: the name's acronym or party
#: ("Acme Corp (AC) has acquired", "Senator Lee (D-Vt.) visited"), or the closing bracket of one.
_SUBJECT_GAP = re.compile(
    r"(?:\)|\s*\([^()]{1,30}\))?"
    r"(?:\s+|\b(?:has|have|had|was|were|been|will be|will|also|then|later|now|today|yesterday|\w+ly)\b)*"
)


def _general_verb(attr: Attributor, hit: Hit, start: int) -> bool:
    """Whether a general verb is asserted here as a verb.

    Not in a quotation, not a noun, not a wish or a denial, not speech, not a
    state ("is based"), not a catenative ("declined to comment").
    """
    text = attr.doc.text
    if attr.in_quote(hit.start) or not text[hit.start].islower():
        return False
    if _DETERMINER_BEFORE.search(text, max(start, hit.start - 8), hit.start):
        return False  # "the attacks", "its supplies": a noun
    if _is_unreal(text, start, hit.start, False) or hit.phrase in speech_verbs().phrases:
        return False  # "he added": words, not a happening
    before = max(start, hit.start - 20)
    if _STATE_BEFORE.search(text, before, hit.start) or _CATENATIVE_AFTER.match(text, hit.end):
        return False
    return not _reduced_relative(text, start, hit)


def _reduced_relative(text: str, start: int, hit: Hit) -> bool:
    """Whether a participle with "by" after it describes the noun before it ("a campaign led by X").

    An auxiliary before it (and at most one adverb: "was first introduced by X") makes it a passive.
    """
    before = max(start, hit.start - 24)
    if _AGENT_AFTER.match(text, hit.end) is None:
        return False
    return not _AUXILIARY_BEFORE.search(text, before, hit.start)


def _cameo(text: str, sent_start: int, match: Hit, kind: EventKind, trigger: Trigger) -> str | None:
    """The trigger group's CAMEO code; a meeting still to come is 036, "express intent to meet"."""
    if kind is EventKind.MEETING and _FUTURE.search(text, max(sent_start, match.start - 40), match.start):
        return "036"
    return trigger.cameo


_FUTURE = re.compile(
    r"\b(?:will|shall|is to|are to|set to|due to|scheduled to|expected to)\b[^,;.]*$", re.IGNORECASE
)


def _within_days(date: DateMention, published: dt.date, days: int) -> bool:
    """Whether a resolved date phrase names a day within ``days`` of ``published``."""
    value = date.value
    if value is None or value.month is None or value.day is None:
        return False
    return abs((dt.date(value.year, value.month, value.day) - published).days) <= days


def _nearest_date(dates: list[DateMention], at: int) -> DateMention | None:
    resolved = [d for d in dates if d.value is not None]
    if not resolved:
        return None
    return min(resolved, key=lambda d: abs(d.start - at))


def events_stage(analysis: Analysis, draft: Draft) -> None:
    """The ``events`` stage: adds ``find_events``'s finds to the draft, from the shared layers."""
    draft.events.extend(
        find_events(
            analysis.doc,
            analysis.index,
            article_iri=analysis.article_iri,
            base=analysis.base,
            published=analysis.published,
            attributor=analysis.attributor,
            dates=analysis.dates,
        )
    )
