"""Direct quotations and whom the article credits with them.

Where the quotations are is a shared layer (``marks.find_marks``: marks
paired over paragraphs, a quotation may run over several); this stage keeps
those that are words said, not names, and finds who said them.

The speaker is found by the ``Attributor`` (``attribution.py``): the subject
of the nearest speech verb, a pronoun's referent or a role's organization. A
quotation with no attribution of its own takes that of a quotation in the same
sentence, or of the quotation before it in the paragraph, or (when it makes up
a paragraph of its own) of the quotation that ended the paragraph before.
Otherwise its speaker stays unknown: nothing is guessed from the first name in
the sentence.

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
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsmodel.extract.attribution import ACCORDING, WINDOW, WORD_RE, Attributor, build_attributor
from newsmodel.extract.candidates import words_of
from newsmodel.extract.marks import MARK, QuoteMarks, find_marks
from newsmodel.extract.records import EntityIndex, EntityRecord
from newsmodel.extract.sentences import Hit
from newsmodel.ids import DEFAULT_BASE, item_iri
from newsmodel.model import Quotation
from newsmodel.read.document import Document

if TYPE_CHECKING:
    from newsmodel.extract.analysis import Analysis
    from newsmodel.extract.draft import Draft

__all__ = ["find_quotations", "quotations_stage"]

# --------------------------------------------------------------------------- word lists

#: Speech-verb forms that are as often plural nouns ("Gulf states", "news reports").
_NOUNISH = words_of(
    "states calls posts reports claims notes comments answers promises remarks warnings tweets "
    "cries demands proposals pledges vows state call post report claim note comment answer "
    "promise remark tweet cry demand pledge vow warning statement reply replies"
)

#: Cues before a short quotation that make it a name, not words said.
_NAME_CUES = re.compile(
    r"(?:so-called|dubbed|nicknamed|named|titled|entitled|known as|hashtag|account|handle|"
    r"the (?:word|term|name|brand|title|label))\s+(?:the\s+|a\s+|an\s+)?$",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------- quotations


def _is_name(doc: Document, raw: QuoteMarks, content: str) -> bool:
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
    according = re.match(rf"{ACCORDING}\b", text[at:hi], re.IGNORECASE)
    if according:
        return True, attr.according_to(at, hi), True
    for verb in attr.verbs(at, min(hi, at + 200)):
        between = text[at : verb.start]
        if len(WORD_RE.findall(between)) > 14 or re.search(
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


def find_quotations(
    doc: Document,
    index: EntityIndex,
    *,
    article_iri: str,
    base: str = DEFAULT_BASE,
    sentences: Sequence[tuple[int, int]] | None = None,
    attributor: Attributor | None = None,
    marks: Sequence[QuoteMarks] | None = None,
) -> list[Quotation]:
    """Every direct quotation of ``doc``, in text order, with its speaker's IRI when known.

    ``sentences`` (``sentences.document_sentences``), a whole ``attributor``
    (``attribution.build_attributor``, shared with the event and agreement
    stages) and the quotation ``marks`` (``marks.find_marks``) may be passed
    when the caller has them; they are computed otherwise.
    """
    raws = list(marks) if marks is not None else find_marks(doc)
    attr = attributor if attributor is not None else build_attributor(doc, index, sentences, raws)
    text = doc.text

    kept: list[tuple[QuoteMarks, str]] = []
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
        sent_start = max(real_start, raw.open - WINDOW)
        sent_end = max(real_end, raw.close)
        following = kept[number + 1][0].open if number + 1 < len(kept) else len(text)
        hi = min(sent_end, following, raw.close + WINDOW)
        intro, intro_verb = _is_intro(attr, sent_start, raw.open)
        is_attr, after_who, after_verb = _after_attribution(attr, raw.close, hi)
        full = intro and (is_attr or hi <= raw.close + 2)
        who: EntityRecord | None = None
        sure = False
        if intro_verb is not None:
            kind, who = attr.subject_before(intro_verb.start, sent_start)
            verb_form = intro_verb.phrase.lower()
            if kind == "none":  # "Says Lee: "…"": the verb opens its clause, the subject follows
                who = attr.subject_after(intro_verb.end, raw.open)
            if (kind in {"coordinated", "none"} and who is None) or (
                kind == "unnamed" and attr.after_time(intro_verb)
            ):
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
    verbs = attr.verbs(sent_start, open_at)
    for verb in verbs[:2]:
        kind, who = attr.subject_before(verb.start, sent_start)
        if kind == "entity" and who is not None:
            return who, True
        if kind == "none" and (after := attr.subject_after(verb.end, open_at)) is not None:
            return after, True
        if kind in {"coordinated", "none"} or (kind == "unnamed" and attr.after_time(verb)):
            subject = attr.clause_subject(sent_start, verb.start)
            if subject is not None:
                return subject, True
        if kind == "unnamed" and verb.phrase.lower() not in _NOUNISH:
            return None, True
    if not verbs and attr.doc.text[sent_start:open_at].rstrip().endswith(":"):
        # "In a statement, Lee was blunt: "…"": the clause before the colon introduces the quote.
        actors = [m for m in attr.mentions(sent_start, open_at) if m.entity.kind != "place"]
        if actors:
            return actors[0].entity, True
    return None, False


def _share(
    kept: list[tuple[QuoteMarks, str]],
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
    starts = [s for s, _ in attr.doc.paragraphs]
    for i in range(len(kept)):
        raw = kept[i][0]
        if speakers[i] is not None or decided[i] or not _whole_paragraph(attr.doc, raw) or raw.paragraph < 1:
            continue
        if (
            i > 0
            and _last_paragraph(starts, kept[i - 1][0]) == raw.paragraph - 1
            and speakers[i - 1] is not None
        ):
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
    for i in range(len(kept)):
        if speakers[i] is None and not decided[i]:
            speakers[i] = _previous_sentence_speaker(attr, kept[i][0]) or _next_sentence_speaker(
                attr, kept[i][0]
            )


def _whole_sentence(attr: Attributor, raw: QuoteMarks) -> bool:
    """Whether a quotation makes up its sentence (nothing but a full stop outside its marks)."""
    text = attr.doc.text
    start, end = attr.sentence_of(raw.open)
    return not text[start : raw.open].strip() and not text[raw.close : max(end, raw.close)].strip(" .\n")


def _previous_sentence_speaker(attr: Attributor, raw: QuoteMarks) -> EntityRecord | None:
    """``Lee admitted she was late. "…."``: a whole-sentence quotation after a speaker's sentence.

    The sentence before, in the same paragraph, must quote nothing and have a
    speech verb whose subject is named: the quotation goes on in that
    speaker's words.
    """
    text = attr.doc.text
    if not _whole_sentence(attr, raw):
        return None
    cursor = raw.open
    for _ in range(2):
        before = attr.previous_sentence(cursor)
        if before is None or "\n" in text[before[1] : raw.open]:
            return None  # only sentences of the quotation's own paragraph
        cursor = before[0]
        if MARK.search(text, before[0], before[1]):
            return None
        verbs = attr.verbs(before[0], before[1])
        if verbs:
            kind, who = attr.subject_before(verbs[0].start, before[0])
            if kind in {"coordinated", "none"}:
                who = attr.clause_subject(before[0], verbs[0].start)
            return who if kind != "unnamed" else None
    return None


def _next_sentence_speaker(attr: Attributor, raw: QuoteMarks) -> EntityRecord | None:
    """``"…." Lee said the plan had failed.``: a quotation that is a whole sentence, credited by the next one.

    The next sentence (in the same paragraph or opening the next one) must
    quote nothing itself and open with a speech verb's named subject within
    its first dozen words ("Lee said", "Said Lee", "The ministry added").
    """
    text = attr.doc.text
    if not _whole_sentence(attr, raw):
        return None
    following = attr.next_sentence(raw.close)
    if following is None or following[0] < raw.close:
        return None
    n_start, n_end = following
    if MARK.search(text, n_start, n_end) or text.count("\n\n", raw.close, n_start) > 1:
        return None
    verbs = attr.verbs(n_start, n_end)
    if not verbs or len(WORD_RE.findall(text[n_start : verbs[0].start])) > 12:
        return None
    kind, who = attr.subject_before(verbs[0].start, n_start)
    if kind == "none":
        return attr.subject_after(verbs[0].end, n_end)
    return who if kind == "entity" else None


def _last_paragraph(starts: list[int], raw: QuoteMarks) -> int:
    """The paragraph where a quotation ends (one that runs over paragraphs ends after it opened).

    ``starts`` are the document's paragraph starts.
    """
    return max(bisect.bisect_right(starts, raw.pieces[-1][0]) - 1, raw.paragraph)


def _whole_paragraph(doc: Document, raw: QuoteMarks) -> bool:
    p_start, p_end = doc.paragraphs[raw.paragraph]
    return raw.open == p_start and not doc.text[raw.close : p_end].strip()


def quotations_stage(analysis: Analysis, draft: Draft) -> None:
    """The ``quotations`` stage: adds ``find_quotations``'s finds to the draft, from the shared layers."""
    draft.quotations.extend(
        find_quotations(
            analysis.doc,
            analysis.index,
            article_iri=analysis.article_iri,
            base=analysis.base,
            attributor=analysis.attributor,
            marks=analysis.quote_marks,
        )
    )
