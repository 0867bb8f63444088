"""Direct quotations and whom the article credits with them.

Quotations are found over paragraphs, not sentences: sentence splitters
attach an opening mark to the wrong sentence, and a quotation may run over
several paragraphs (a paragraph that opens with a mark and never closes it
continues in the next paragraph that opens with a mark). Marks are paired in
one left-to-right pass, so 10,000 marks cost 10,000 steps.

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

import attrs

from newsmodel.extract.attribution import ACCORDING, WINDOW, WORD_RE, Attributor
from newsmodel.extract.candidates import words_of
from newsmodel.extract.records import EntityIndex, EntityRecord
from newsmodel.extract.sentences import Hit, split_sentences
from newsmodel.ids import DEFAULT_BASE, item_iri
from newsmodel.model import Quotation
from newsmodel.read.document import Document

if TYPE_CHECKING:
    from newsmodel.extract.analysis import Analysis
    from newsmodel.extract.draft import Draft

__all__ = ["build_attributor", "document_sentences", "find_quotations", "quotations_stage"]

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

_MARK = re.compile(r"\"|''")


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


def _whole_sentence(attr: Attributor, raw: _Raw) -> bool:
    """Whether a quotation makes up its sentence (nothing but a full stop outside its marks)."""
    text = attr.doc.text
    start, end = attr.sentence_of(raw.open)
    return not text[start : raw.open].strip() and not text[raw.close : max(end, raw.close)].strip(" .\n")


def _previous_sentence_speaker(attr: Attributor, raw: _Raw) -> EntityRecord | None:
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
        if _MARK.search(text, before[0], before[1]):
            return None
        verbs = attr.verbs(before[0], before[1])
        if verbs:
            kind, who = attr.subject_before(verbs[0].start, before[0])
            if kind in {"coordinated", "none"}:
                who = attr.clause_subject(before[0], verbs[0].start)
            return who if kind != "unnamed" else None
    return None


def _next_sentence_speaker(attr: Attributor, raw: _Raw) -> EntityRecord | None:
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
    if _MARK.search(text, n_start, n_end) or text.count("\n\n", raw.close, n_start) > 1:
        return None
    verbs = attr.verbs(n_start, n_end)
    if not verbs or len(WORD_RE.findall(text[n_start : verbs[0].start])) > 12:
        return None
    kind, who = attr.subject_before(verbs[0].start, n_start)
    if kind == "none":
        return attr.subject_after(verbs[0].end, n_end)
    return who if kind == "entity" else None


def _last_paragraph(starts: list[int], raw: _Raw) -> int:
    """The paragraph where a quotation ends (one that runs over paragraphs ends after it opened).

    ``starts`` are the document's paragraph starts.
    """
    return max(bisect.bisect_right(starts, raw.pieces[-1][0]) - 1, raw.paragraph)


def _whole_paragraph(doc: Document, raw: _Raw) -> bool:
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
        )
    )
