"""Job titles around a person's name: "Peruvian Foreign Minister X", "analyst X", "X, CEO of Y".

A title is a head from ``titles.tsv`` ("Minister", "Sen.", "chief executive")
with any modifiers from ``title_modifiers.txt`` before it ("Foreign", "Deputy",
"former"), optionally continued by "of"/"for" and a name ("Secretary of State",
"U.S. Attorney for the Northern District of Ohio"). Abbreviated heads are
spelled out (Sen. -> Senator).

>>> from newsmodel.extract.gazetteer import lexicon
>>> spell_title(["Sen."], lexicon())
'Senator'
>>> spell_title(["Foreign", "Minister"], lexicon())
'Foreign Minister'
"""

from __future__ import annotations

from newsmodel.extract.gazetteer import Lexicon

__all__ = ["head_at", "spell_title", "title_span_before"]

_MAX_TITLE = 4


def _lookup(lex: Lexicon, words: tuple[str, ...]) -> tuple[str, str] | None:
    """A title by its lowercase words; a hyphenated head ("co-founder") may be keyed split or whole."""
    found = lex.titles.get(words)
    if found is None and len(words) == 1 and "-" in words[0]:
        found = lex.titles.get(tuple(words[0].replace("-", " - ").split()))
    return found


def head_at(lower: list[str], i: int, lex: Lexicon) -> tuple[int, str, str] | None:
    """Return the longest title head at ``lower[i]``: (end index, spelled-out, gender)."""
    if i >= len(lower):
        return None
    if i >= 0 and lower[i] not in lex.title_firsts and "-" not in lower[i]:
        return None  # no title begins with this word (a hyphenated one may be keyed split)
    for k in range(min(_MAX_TITLE, len(lower) - i), 0, -1):
        found = _lookup(lex, tuple(lower[i : i + k]))
        if found is not None:
            return i + k, found[0], found[1]
    return None


def spell_title(words: list[str], lex: Lexicon) -> str:
    """Join title words, spelling out abbreviated heads; case as written otherwise."""
    lower = [w.lower() for w in words]
    out: list[str] = []
    i = 0
    while i < len(words):
        head = head_at(lower, i, lex)
        if head is not None and any(w.endswith(".") for w in words[i : head[0]]):
            out.append(head[1])
            i = head[0]
        else:
            out.append(words[i])
            i += 1
    return " ".join(out)


def title_span_before(lower: list[str], end: int, lex: Lexicon) -> tuple[int, str] | None:
    """Find a title (head plus modifiers) ending right at ``end``: (start index, gender) or None.

    ``lower`` are lowercased words; the head must end at ``end``.
    """
    if 0 < end <= len(lower) and lower[end - 1] not in lex.title_lasts and "-" not in lower[end - 1]:
        return None  # no title ends with this word (a hyphenated one may be keyed split)
    for k in range(min(_MAX_TITLE, end), 0, -1):
        found = _lookup(lex, tuple(lower[end - k : end]))
        if found is None:
            continue
        start = end - k
        while start > 0:
            word = lower[start - 1]
            if word in lex.title_modifiers:
                start -= 1
                continue
            if word in ("and", "&") and start >= 2:
                prev = title_span_before(lower, start - 1, lex)
                if prev is not None:
                    start = prev[0]
                    continue
            break
        return start, found[1]
    return None
