"""A person's title, nationality and affiliation from the words around the name.

"analyst X" and "Ecuadorian trade negotiator X" (title before), "X, chief
executive of Y," (apposition after), "Northwind's X" (possessive owner), "X, who" and
"X, 55," (context that the name is a person's).
"""

from __future__ import annotations

from newsmodel.extract.candidates import Cand as _Cand
from newsmodel.extract.candidates import Ctx as _Ctx
from newsmodel.extract.lookup import _country_name, _place_country, _public_office
from newsmodel.extract.names import is_capitalized
from newsmodel.extract.titles import spell_title, title_span_before

__all__ = ["apposition", "lower_title_before", "person_context"]


def _person_context(ctx: _Ctx, c: _Cand) -> int:
    """Evidence from the words around a candidate that it names a person."""
    words = ctx.words
    lower_before = [w.lower() for w in words[max(0, c.a - 4) : c.a]]
    score = 0
    tb = title_span_before(lower_before, len(lower_before), ctx.lex)
    if tb is not None and lower_before and not is_capitalized(words[c.a - 1]):
        score += 2
    nxt = words[c.b : c.b + 3]
    if len(nxt) >= 2 and nxt[0] == "," and nxt[1] in ("who", "whose"):
        score += 2
    if len(nxt) >= 3 and nxt[0] == "," and nxt[1].isdigit() and nxt[2] == ",":
        score += 2
    return score


def _prefix_links(ctx: _Ctx, c: _Cand, start: int, cands_end: dict[int, _Cand]) -> None:
    """Set nationality and affiliation from what stands before a name or its title.

    "Ecuadorian trade negotiator X", "Northwind's X", "opposition Green Party leader X".
    """
    lex = ctx.lex
    words = ctx.words
    k = start - 1
    possessive = k >= 0 and words[k] in ("'s", "\u2019s")
    if possessive:
        k -= 1
    inside = [
        o for pos in range(start + 1, c.a + 1) if (o := cands_end.get(pos)) is not None and o.a >= start
    ]
    # "Northwind's X", "Acme Bank analyst X"; not "Ambassador to Peru X"
    before = cands_end.get(k + 1) if possessive or start < c.a else None
    for other in [*inside, *([before] if before is not None else [])]:
        if other is c:
            continue
        if other.kind == "organization" and c.affiliation is None:
            c.affiliation = other
        elif (
            other.place is not None
            and not c.nationality
            and (other.place.kind == "Country" or _public_office(c.title))
        ):
            c.nationality = _place_country(lex, other.place)  # "Bavaria's Premier X": Germany
    for p in [*range(start, c.a), *([k] if k >= 0 else [])]:
        if words[p] in lex.demonyms and ctx.caps[p] and not c.nationality:
            c.nationality = lex.demonyms[words[p]]


def _lower_title_before(ctx: _Ctx, c: _Cand, cands_end: dict[int, _Cand]) -> None:
    """Fill a person's title from words right before the name.

    "analyst X", "CEO and founder X", and the comma form "Northwind's former
    chairman, X," (then the name must close the clause).
    """
    words = ctx.words
    end = c.a
    comma = end > 0 and words[end - 1] == ","
    if comma:
        nxt = words[c.b] if c.b < len(words) else ""
        if nxt not in (",", "said", "says", "told", "who"):
            if c.kind == "person" or c.evidence:
                _prefix_links(ctx, c, c.a, cands_end)
            return
        end -= 1
    lo = max(0, end - 6)
    lower = [w.lower() for w in words[lo:end]]
    found = title_span_before(lower, len(lower), ctx.lex)
    if found is None:
        if c.kind == "person" or c.evidence:
            _prefix_links(ctx, c, c.a, cands_end)
        return
    start = lo + found[0]
    span = words[start:end]
    if any(is_capitalized(w) and w.lower() not in ctx.lex.title_modifiers for w in span) and not all(
        (w.lower(),) in ctx.lex.titles or w.lower() in ctx.lex.title_modifiers or w in ("and", "&")
        for w in span
    ):
        return
    c.title = c.title or spell_title(span, ctx.lex)
    if found[1] and not c.gender:
        c.gender = found[1]
    c.evidence += 2
    _prefix_links(ctx, c, start, cands_end)


_APPOS_STOP = frozenset({",", ".", ";", ":", '"', "(", ")", "said", "says", "told", "who", "which", "-"})


def _apposition(ctx: _Ctx, c: _Cand, cands_at: dict[int, _Cand]) -> None:
    """Read an apposition after a name (", the chief executive of X,"): title and affiliation."""
    words = ctx.words
    i = c.b
    if i + 1 >= len(words) or words[i] != ",":
        return
    i += 1
    if words[i] in ("a", "an", "the"):
        i += 1
    j = i
    while j < len(words) and j - i < 12 and words[j] not in _APPOS_STOP:
        if words[j] in ("at", "of", "for", "with", "in") and j > i:
            break
        j += 1
    owner = cands_at.get(i)
    if (
        owner is not None
        and owner.kind in ("organization", None)
        and owner.b + 1 < j
        and words[owner.b] in ("'s", "\u2019s")
    ):
        i = owner.b + 1  # "X, Northwind's deputy director"
        if c.affiliation is None:
            c.affiliation = owner
            owner.kind = owner.kind or "organization"
    lower = [w.lower() for w in words[i:j]]
    found = title_span_before(lower, len(lower), ctx.lex) if lower else None
    if found is None:
        return
    title_words = words[i:j]
    if any(
        is_capitalized(w)
        and (w.lower(),) not in ctx.lex.titles
        and w.lower() not in ctx.lex.title_modifiers
        and w not in ctx.lex.demonyms
        for w in title_words
    ):
        org_first = cands_at.get(i)
        if org_first is None or org_first.kind != "organization":
            return
    c.title = c.title or " ".join(title_words)
    c.evidence += 2
    if found[1] and not c.gender:
        c.gender = found[1]
    for w in title_words:
        if w in ctx.lex.demonyms and not c.nationality:
            c.nationality = _country_name(ctx.lex, ctx.lex.demonyms[w])
    if j < len(words) and words[j] in ("at", "of", "for", "with"):
        org = cands_at.get(j + 1) or (
            cands_at.get(j + 2) if j + 2 < len(words) and words[j + 1] == "the" else None
        )
        if org is not None and org.kind == "organization" and c.affiliation is None:
            c.affiliation = org


apposition = _apposition
lower_title_before = _lower_title_before
person_context = _person_context
