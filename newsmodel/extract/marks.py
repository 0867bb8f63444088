"""Where the quotations are: quotation marks paired into quoted spans, a layer every stage shares.

Quotations are found over paragraphs, not sentences: sentence splitters
attach an opening mark to the wrong sentence, and a quotation may run over
several paragraphs (a paragraph that opens with a mark and never closes it
continues in the next paragraph that opens with a mark). Marks are paired in
one left-to-right pass, so 10,000 marks cost 10,000 steps. Headlines and
short sub-heads use single marks too ('…').

The quotation stage turns these spans into ``Quotation`` objects; the
attributor (``attribution.build_attributor``) uses them to tell the
reporter's words from the quoted ones, for every stage.

>>> from newsmodel.read.document import Document
>>> doc = Document.build(headline="'Never again,' says mayor", body='"We agreed," Ann Lee said.')
>>> [doc.text[m.start : m.end] for m in find_marks(doc)]
['Never again,', 'We agreed,']
"""

from __future__ import annotations

import re

import attrs

from newsmodel.read.document import Document

__all__ = ["MARK", "QuoteMarks", "find_marks"]

#: A double quotation mark, or two single ones standing for it.
MARK = re.compile(r"\"|''")


def find_marks(doc: Document) -> list[QuoteMarks]:
    """Every quotation of ``doc`` (double marks; single ones in headline-like lines), by opening mark."""
    return sorted(_double_quoted(doc) + _single_quoted(doc), key=lambda r: r.open)


@attrs.frozen
class QuoteMarks:
    """One quotation's marks: where it opens and closes, and its content pieces (one per paragraph)."""

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


def _double_quoted(doc: Document) -> list[QuoteMarks]:
    text = doc.text
    found: list[QuoteMarks] = []
    open_at: tuple[int, int] | None = None  # (offset of the mark, its length)
    open_para = 0
    pieces: list[tuple[int, int]] = []
    content_start = 0
    for index, (p_start, p_end) in enumerate(doc.paragraphs):
        marks = [(m.start(), m.end() - m.start()) for m in MARK.finditer(text, p_start, p_end)]
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
                    QuoteMarks(open=open_at[0], close=at + length, pieces=tuple(pieces), paragraph=open_para)
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


def _single_quoted(doc: Document) -> list[QuoteMarks]:
    """Single-quoted quotations, which headlines use in place of double marks."""
    text = doc.text
    found: list[QuoteMarks] = []
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
                found.append(
                    QuoteMarks(open=opener, close=at + 1, pieces=((opener + 1, at),), paragraph=index)
                )
                opener = None
    return found
