"""Agreements: deals, accords, treaties, contracts, acquisitions, settlements, swaps.

Most sentences that name a deal only mention it ("the deal will help",
"the climate deal"), so a sentence counts only when it reports one being
made, proposed, run or undone: a verb that is itself the making ("agreed",
"signed", "acquired", "bid") or an agreement noun with a making cue nearby
("reached a deal", "the merger was completed", "negotiating a takeover",
"the order was cancelled"). The cues and the status each gives live in
``data/agreement_cues.json``; the nearest cue to the noun sets the status.

Parties are the named people, organizations and countries acting in the
sentence, with "the two sides"/"both countries" resolved to the two most
recent countries (or people), and a pronoun or "the firm" as subject
resolved. An agreement noun with a definite determiner ("the A350 order was
revised", "The deal gives …" opening a sentence) within three sentences of a
reported agreement is that agreement: it takes the earlier parties it lacks.
An agreement with fewer than two parties is dropped. Topics are
keywords of the sentence mapped by a small table ("economic" -> economics).

>>> import datetime as dt
>>> from newsmodel.read.document import Document
>>> from newsmodel.extract.records import EntityIndex, EntityRecord, Mention
>>> body = "Ann Lee and Bo Chen agreed on Tuesday to expand energy trade."
>>> doc = Document.build(headline="News", body=body)
>>> recs = {n: EntityRecord(kind="person", name=n, iri=f"urn:x:{n[:2]}") for n in ("Ann Lee", "Bo Chen")}
>>> idx = EntityIndex(records=list(recs.values()), mentions=[
...     Mention(doc.text.index(n), doc.text.index(n) + len(n), r) for n, r in recs.items()])
>>> [a] = find_agreements(doc, idx, article_iri="urn:x:a", published=dt.date(2023, 3, 28))
>>> a.parties, a.status.value, a.topics, str(a.date_created)
(('urn:x:An', 'urn:x:Bo'), 'agreed', ('energy', 'trade'), '2023-03-28')
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from newsmodel import knowledge
from newsmodel.extract.actors import implicit_actors, is_actor, shared_countries
from newsmodel.extract.attribution import Attributor, build_attributor
from newsmodel.extract.dates import DatePhrases
from newsmodel.extract.records import EntityIndex, EntityRecord
from newsmodel.extract.sentences import Hit, PhraseMatcher
from newsmodel.ids import DEFAULT_BASE, item_iri
from newsmodel.model import Agreement, AgreementStatus
from newsmodel.read.document import Document

if TYPE_CHECKING:
    from newsmodel.extract.analysis import Analysis
    from newsmodel.extract.draft import Draft

__all__ = ["agreements_stage", "find_agreements"]


@attrs.frozen
class _Cues:
    nouns: PhraseMatcher
    verbs: dict[str, AgreementStatus]
    verb_matcher: PhraseMatcher
    status: dict[str, AgreementStatus]
    status_matcher: PhraseMatcher
    making: PhraseMatcher
    topics: dict[str, str]


@functools.cache
def _cues() -> _Cues:
    """Load ``data/agreement_cues.json`` once."""
    raw = knowledge.read_json("agreement_cues.json")
    verbs = {k.lower(): AgreementStatus(v) for k, v in raw["verbs"].items()}
    status = {k.lower(): AgreementStatus(v) for k, v in raw["status"].items()}
    return _Cues(
        nouns=PhraseMatcher(raw["nouns"], shared=True),
        verbs=verbs,
        verb_matcher=PhraseMatcher(verbs, shared=True),
        status=status,
        status_matcher=PhraseMatcher(status, shared=True),
        making=PhraseMatcher(raw["making"], shared=True),
        topics={k.lower(): v for k, v in raw["topics"].items()},
    )


_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|its|his|her|their)\s+$", re.IGNORECASE)
_WITH = re.compile(r"\s+(?:signed\s+|reached\s+|struck\s+)?(?:with|between)\s+(?:the\s+)?$", re.IGNORECASE)
_NOT_AN_AGREEMENT = re.compile(
    r"\b(?:in|executive|court|restraining|gag|public|law and|pecking|world|social|natural)\s+$", re.IGNORECASE
)
_BACKGROUND_BEFORE = re.compile(r"\b(?:after|before|since|when|while|without)\s+$", re.IGNORECASE)
_MODAL = re.compile(
    r"\b(?:could|would|might|may|should|can|cannot|unlikely|likely|whether|if|unless|not|never|refused|"
    r"failed|hope|hopes|hoped|want|wants|wanted)\b",
    re.IGNORECASE,
)
_CLAUSE_CUT = re.compile(r"[,;:()]|\b(?:and|but|while|which|who|that|as|after|because)\b")
#: How many sentences after an agreement "the deal" still refers to it.
_ANAPHORA_SENTENCES = 3
_DEFINITE_BEFORE = re.compile(r"\b(?:the|that|this|its|their)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_FUTURE_BEFORE = re.compile(r"\b(?:will|shall|is to|are to|to)\s+$", re.IGNORECASE)
_COPULA_AFTER = re.compile(r"\s+(?:is|was|are|were|has been|had been|will be|would be|remains|seems)\b", re.I)
_PLURAL_NOUNS = frozenset({"deals", "agreements", "accords", "treaties", "pacts", "contracts", "orders"})


def find_agreements(
    doc: Document,
    index: EntityIndex,
    *,
    article_iri: str,
    base: str = DEFAULT_BASE,
    published: dt.date | None,
    sentences: Sequence[tuple[int, int]] | None = None,
    attributor: Attributor | None = None,
    dates: DatePhrases | None = None,
) -> list[Agreement]:
    """Every agreement the body of ``doc`` reports being made, proposed, in force or undone."""
    attr = attributor if attributor is not None else build_attributor(doc, index, sentences)
    phrases = dates if dates is not None else DatePhrases(doc.text, published)
    cues = _cues()
    countries = shared_countries(attr)
    text = doc.text
    out: list[Agreement] = []
    #: (sentence number, parties) of the last agreement reported: "the deal" in the next sentences is it.
    last: tuple[int, list[EntityRecord]] | None = None
    for number, (sent_start, sent_end) in enumerate(attr.sentences):
        if sent_start < doc.body_start:
            continue
        found = _report(attr, cues, sent_start, sent_end)
        recent = last[1] if last is not None and number - last[0] <= _ANAPHORA_SENTENCES else None
        refers = found is not None and _cue_in_clause(attr, cues, sent_start, sent_end, found[0])
        if found is None and recent is not None:
            found = _definite_subject(attr, cues, sent_start, sent_end)
            refers = found is not None
        if found is None:
            continue
        anchor, status, plural = found
        for found_parties in _parties(attr, sent_start, sent_end, anchor, countries, plural):
            parties = list({p.iri: p for p in found_parties}.values())
            if len(parties) < 2 and recent is not None and _is_definite(text, sent_start, anchor) and refers:
                # "The A350 order was revised": the agreement of the sentences before, with its parties
                parties = list({p.iri: p for p in [*recent, *parties]}.values())
            if len(parties) < 2:
                continue
            last = (number, parties)
            resolved = [d for d in phrases.between(sent_start, sent_end) if d.value is not None]
            date = min(resolved, key=lambda d: abs(d.start - anchor.start)) if resolved else None
            span = doc.body_span(sent_start, sent_end)
            names = " and ".join(p.name for p in parties[:3])
            out.append(
                Agreement(
                    id=item_iri(article_iri, "agreement", sent_start, *(p.iri for p in parties), base=base),
                    name=f"{anchor.phrase} between {names}",
                    parties=tuple(dict.fromkeys(p.iri for p in parties)),
                    status=status,
                    description=doc.raw[sent_start:sent_end],
                    topics=_topics(text, sent_start, sent_end, cues),
                    date_created=date.value if date else None,
                    date_text=date.text if date else None,
                    spans=(span,) if span else (),
                    confidence=0.6,
                )
            )
    return out


def _report(attr: Attributor, cues: _Cues, start: int, end: int) -> tuple[Hit, AgreementStatus, bool] | None:
    """The word that makes the sentence report an agreement, its status, and whether several are meant.

    ``None`` when the sentence only mentions an agreement, or only
    supposes one ("could agree", "after acquiring a paper", "in order to").
    """
    text = attr.doc.text
    nouns = [n for n in attr.find(cues.nouns, start, end) if not attr.in_quote(n.start)]
    nouns = [n for n in nouns if not _NOT_AN_AGREEMENT.search(text, max(start, n.start - 16), n.start)]
    for verb in attr.find(cues.verb_matcher, start, end):
        if attr.in_quote(verb.start):
            continue
        if _DETERMINER_BEFORE.search(text, max(start, verb.start - 8), verb.start):
            continue  # "the signed copy", "a bid" is a noun: handled below
        if _BACKGROUND_BEFORE.search(text, max(start, verb.start - 10), verb.start):
            continue  # "after acquiring …": a circumstance, not the news
        if _unreal_verb(text, start, verb.start):
            continue
        kind, _ = attr.subject_before(verb.start, start)
        if kind == "unnamed" and verb.phrase in {"bid", "bids", "sold", "sells", "ordered"}:
            continue
        plural = any(n.phrase in _PLURAL_NOUNS and 0 <= n.start - verb.end < 30 for n in nouns)
        own = cues.verbs[verb.phrase]
        if own is AgreementStatus.SIGNED and _FUTURE_BEFORE.search(
            text, max(start, verb.start - 16), verb.start
        ):
            own = AgreementStatus.AGREED  # "A will acquire B", "A is to buy B": agreed, not done yet
        return verb, _status_near(attr, cues, start, end, verb, own), plural
    for noun in nouns:
        window_start = max(start, noun.start - 80)
        window_end = min(end, noun.end + 100)
        if any(not attr.in_quote(m.start) for m in attr.find(cues.making, window_start, window_end)):
            status = _status_near(attr, cues, start, end, noun, AgreementStatus.AGREED)
            return noun, status, noun.phrase in _PLURAL_NOUNS
    return None


def _is_definite(text: str, start: int, anchor: Hit) -> bool:
    """An agreement noun with a definite determiner ("the deal", "that order"), maybe modified."""
    before = text[max(start, anchor.start - 30) : anchor.start]
    return _DEFINITE_BEFORE.search(before) is not None


def _cue_in_clause(attr: Attributor, cues: _Cues, start: int, end: int, anchor: Hit) -> bool:
    """Whether a making cue stands in the anchor's own clause ("the order had been revised").

    "The order is valued at …, but a discount is negotiated": the cue is
    another clause's, so the sentence does not report the earlier agreement.
    """
    text = attr.doc.text
    if anchor.phrase.lower() in cues.verbs:
        return False  # "The song purchased …": only an agreement noun refers to an earlier agreement
    for cue in attr.find(cues.making, max(start, anchor.start - 80), min(end, anchor.end + 100)):
        lo, hi = (cue.end, anchor.start) if cue.end <= anchor.start else (anchor.end, cue.start)
        if not _CLAUSE_CUT.search(text, lo, hi):
            return True
    return False


def _definite_subject(
    attr: Attributor, cues: _Cues, start: int, end: int
) -> tuple[Hit, AgreementStatus, bool] | None:
    """A sentence opening with "The deal …", "That merger …": it speaks of the agreement just reported.

    Only asked right after a reported agreement; its status is "in force"
    (the agreement exists and the sentence says what it does). "The deal is
    worth …", "the order was crucial" only describe it: no new frame.
    """
    text = attr.doc.text
    for noun in attr.find(cues.nouns, start, min(end, start + 40)):
        if attr.in_quote(noun.start) or noun.phrase in _PLURAL_NOUNS:
            continue
        if re.fullmatch(r"\s*(?:The|That|This)\s+(?:[\w-]+\s+)?", text[start : noun.start]) and not (
            _COPULA_AFTER.match(text, noun.end, end)
        ):
            return noun, AgreementStatus.IN_FORCE, False
    return None


def _unreal_verb(text: str, start: int, at: int) -> bool:
    left = max(start, at - 40)
    for cut in _CLAUSE_CUT.finditer(text, left, at):
        left = cut.end()
    return bool(_MODAL.search(text, left, at))


def _status_near(
    attr: Attributor, cues: _Cues, start: int, end: int, anchor: Hit, default: AgreementStatus
) -> AgreementStatus:
    """The status given by the cue nearest to the anchor word (a verb anchor's own status wins ties)."""
    best: tuple[int, AgreementStatus] | None = None
    for cue in attr.find(cues.status_matcher, max(start, anchor.start - 80), min(end, anchor.end + 100)):
        if cue.start == anchor.start:
            continue
        distance = anchor.start - cue.end if cue.end <= anchor.start else cue.start - anchor.end
        if best is None or distance < best[0]:
            best = (distance, cues.status[cue.phrase])
    if best is None:
        return default
    if default is AgreementStatus.AGREED or best[1] is AgreementStatus.OTHER:
        return best[1]
    # a verb that is itself the making keeps its status unless a close cue makes it a proposal
    return best[1] if best[1] is AgreementStatus.PROPOSED and best[0] <= 20 else default


def _parties(
    attr: Attributor, start: int, end: int, anchor: Hit, countries: dict[str, EntityRecord], plural: bool
) -> list[list[EntityRecord]]:
    """The parties of the sentence's agreement(s): one list, or one per partner of "treaties with X"."""
    text = attr.doc.text
    actors: list[EntityRecord] = []
    sources: list[EntityRecord] = []
    partner: EntityRecord | None = None
    for m in attr.mentions(start, end):
        rec = m.entity
        is_partner = (
            m.start > anchor.start and _WITH.search(text, max(start, m.start - 24), m.start) is not None
        )
        if is_partner and partner is None:
            partner = rec  # "a deal with the Balkans": any kind of place will do
        elif not is_actor(rec):
            continue
        if attr.is_source(m):
            sources.append(rec)  # "the White House said", "AFP reported": who tells, not who agrees
        elif rec not in actors:
            actors.append(rec)
    kind, subject = attr.subject_before(anchor.start, start)
    if kind == "entity" and subject is not None and subject not in actors:
        actors.insert(
            0, subject
        )  # before the unnamed actors: "In May, the firm bid for X" names the firm first
    for extra in implicit_actors(attr, start, end, countries):
        if extra not in actors:
            actors.append(extra)
    if len(actors) < 2:
        actors += [s for s in sources if s not in actors]
    if partner is not None and plural:
        others = [a for a in actors if a is not partner and a.kind != "person"]
        if len(others) >= 2:
            return [[partner, other] for other in others]
    return [actors]


def _topics(text: str, start: int, end: int, cues: _Cues) -> tuple[str, ...]:
    """Topic keywords of the sentence, in order of appearance."""
    found: list[str] = []
    for word in _WORD.finditer(text, start, end):
        topic = cues.topics.get(word.group().lower())
        if topic is not None and topic not in found:
            found.append(topic)
    return tuple(found)


def agreements_stage(analysis: Analysis, draft: Draft) -> None:
    """The ``agreements`` stage: adds ``find_agreements``'s finds to the draft, from the shared layers."""
    draft.agreements.extend(
        find_agreements(
            analysis.doc,
            analysis.index,
            article_iri=analysis.article_iri,
            base=analysis.base,
            published=analysis.published,
            attributor=analysis.attributor,
            dates=analysis.dates,
        )
    )
