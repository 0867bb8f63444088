"""A person's title, nationality and affiliation from the words around the name.

"analyst X" and "Ecuadorian trade negotiator X" (title before), "X, chief
executive of Y," (apposition after), "Northwind's X" (possessive owner), "X, who" and
"X, 55," (context that the name is a person's).
"""

from __future__ import annotations

from newsmodel.extract import lookup
from newsmodel.extract.candidates import Cand, Ctx
from newsmodel.extract.names import is_capitalized
from newsmodel.extract.titles import head_at, spell_title, title_span_before

__all__ = ["apposition", "lower_title_before", "person_context"]


def person_context(ctx: Ctx, c: Cand) -> int:
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


def _prefix_links(ctx: Ctx, c: Cand, start: int, cands_end: dict[int, Cand]) -> None:
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
            and (other.place.kind == "Country" or lookup.public_office(c.title))
        ):
            c.nationality = lookup.place_country(lex, other.place)  # "Bavaria's Premier X": Germany
    for p in [*range(start, c.a), *([k] if k >= 0 else [])]:
        if words[p] in lex.demonyms and ctx.caps[p] and not c.nationality:
            c.nationality = lex.demonyms[words[p]]


def _title_of_before(ctx: Ctx, c: Cand, end: int, cands_end: dict[int, Cand]) -> bool:
    """A title with its owner before the comma: "The president of Peru, X,", "the head of Acme, X,".

    ``end`` is the index of the comma before the name. Returns whether a title was read.
    """
    words = ctx.words
    owner = cands_end.get(end)
    if owner is None or owner.kind not in ("organization", "place"):
        return False
    k = owner.a - 1
    if k >= 0 and words[k] == "the":
        k -= 1
    if k < 1 or words[k] not in ("of", "for", "at"):
        return False
    lo = max(0, k - 6)
    lower = [w.lower() for w in words[lo:k]]
    found = title_span_before(lower, len(lower), ctx.lex)
    if found is None or any(
        is_capitalized(w)
        for w in words[lo + found[0] : k]
        if w.lower() not in ctx.lex.title_modifiers and head_at([w.lower()], 0, ctx.lex) is None
    ):
        return False
    c.title = c.title or spell_title(words[lo + found[0] : k], ctx.lex)
    c.evidence += 2
    if owner.kind == "organization" and c.affiliation is None:
        c.affiliation = owner
    elif (
        owner.place is not None
        and not c.nationality
        and (owner.place.kind == "Country" or lookup.public_office(c.title))
    ):
        c.nationality = lookup.place_country(ctx.lex, owner.place)
    return True


def lower_title_before(ctx: Ctx, c: Cand, cands_end: dict[int, Cand]) -> None:
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
        if _title_of_before(ctx, c, end, cands_end):
            return
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
        head_at([w.lower()], 0, ctx.lex) is not None
        or w.lower() in ctx.lex.title_modifiers
        or w in ("and", "&")
        for w in span
    ):
        return
    c.title = c.title or spell_title(span, ctx.lex)
    if found[1] and not c.gender:
        c.gender = found[1]
    c.evidence += 2
    _prefix_links(ctx, c, start, cands_end)


_APPOS_STOP = frozenset({",", ".", ";", ":", '"', "(", ")", "said", "says", "told", "who", "which", "-"})
#: Words that end a title inside an apposition and introduce what it belongs to ("of", "at", "to").
_TITLE_LINKS = frozenset({"at", "of", "for", "with", "in", "to"})
#: "X, who heads Y": verbs whose subject holds a title of their object.
_HEADING_VERBS = {
    "heads": "head",
    "headed": "head",
    "leads": "leader",
    "led": "leader",
    "chairs": "chair",
    "chaired": "chair",
    "directs": "director",
    "directed": "director",
    "founded": "founder",
    "co-founded": "co-founder",
    "runs": "head",
    "ran": "head",
}
#: "X is the mayor of Y": a copula that gives its subject a title.
_COPULAS = frozenset({"is", "was", "became", "becomes", "remains", "remained"})
_POSSESSIVE = ("'s", "\u2019s")


def _org_after(ctx: Ctx, j: int, cands_at: dict[int, Cand]) -> tuple[Cand | None, int]:
    """The organization that ``words[j]`` ("at", "of", "for", …) introduces, and the index after it.

    "at the right-wing Acme Institute": up to two lowercase modifiers may
    stand between the determiner and the name.
    """
    words = ctx.words
    k = j + 1
    if k < len(words) and words[k] in ("the", "a", "an"):
        k += 1
    for skip in range(3):
        found = cands_at.get(k + skip)
        if found is not None:
            return (found if found.kind == "organization" else None), found.b
        if k + skip >= len(words) or is_capitalized(words[k + skip]) or words[k + skip] in _APPOS_STOP:
            break
    return None, j + 1


def _links_after(ctx: Ctx, c: Cand, j: int, cands_at: dict[int, Cand]) -> None:
    """Affiliation and nationality from what follows a title: "… for Latin America at Acme in Peru"."""
    lex = ctx.lex
    words = ctx.words
    k = j
    steps = 0
    while k < len(words) and steps < 12 and words[k] not in (",", ".", ";", ":", '"', ")"):
        steps += 1
        if words[k] in ("at", "of", "for", "with") and c.affiliation is None:
            org, after = _org_after(ctx, k, cands_at)
            if org is not None:
                c.affiliation = org
                k = after
                continue
        if words[k] in ("of", "at", "for") and not c.nationality:
            # "the head of Peru's central bank": the possessive country owns the title
            at = k + 2 if k + 1 < len(words) and words[k + 1] == "the" else k + 1
            place = cands_at.get(at)
            if (
                place is not None
                and place.place is not None
                and place.b < len(words)
                and words[place.b] in _POSSESSIVE
            ):
                c.nationality = lookup.place_country(lex, place.place)
        if words[k] == "in" and c.affiliation is not None and not c.nationality:
            place = cands_at.get(k + 1)
            if place is not None and place.place is not None:
                c.nationality = lookup.place_country(lex, place.place)  # "a fellow at Acme in Peru"
                return
        found = cands_at.get(k)
        k = found.b if found is not None and found.b > k else k + 1


def _title_end(ctx: Ctx, i: int, links: frozenset[str]) -> int:
    """Where a title that starts at ``words[i]`` in an apposition ends: a stop word or a link word."""
    words = ctx.words
    j = i
    while j < len(words) and j - i < 12 and words[j] not in _APPOS_STOP:
        if words[j] in links and j > i:
            break
        j += 1
    return j


#: Titles that companies hold as well as people: after a lone unknown word they make an organization.
_CORPORATE_ROLES = frozenset({"owner", "partner", "investor", "publisher", "member", "parent", "operator"})


def apposition(ctx: Ctx, c: Cand, cands_at: dict[int, Cand]) -> None:
    """Read what follows a name: its title, affiliation and nationality.

    ", the chief executive of X,", ", 54, a spokesman for X,", ", Peru's
    ambassador to Chile,", ", the country's finance minister,", ", who heads
    X,", " is the mayor of X".
    """
    words = ctx.words
    lex = ctx.lex
    i = c.b
    if i + 1 >= len(words):
        return
    copula = words[i] in _COPULAS and i + 1 < len(words) and words[i + 1] in ("the", "a", "an")
    if words[i] != "," and not copula:
        return
    i += 1
    if i + 1 < len(words) and words[i].isdigit() and words[i + 1] == ",":
        i += 2  # "X, 54, a spokesman for Y"
    if i < len(words) and words[i] == "who" and i + 2 < len(words) and words[i + 1] in _HEADING_VERBS:
        org, _ = _org_after(ctx, i, cands_at)
        if org is not None:
            c.title = c.title or _HEADING_VERBS[words[i + 1]]
            c.affiliation = c.affiliation or org
            c.evidence += 2
        return
    if i < len(words) and words[i] in ("a", "an", "the"):
        i += 1
    j = _title_end(ctx, i, _TITLE_LINKS)
    if j < len(words) and words[j] == "to":
        # "ambassador to Peru" ends at "to"; "undersecretary to the prime minister" is one title
        lower = [w.lower() for w in words[i:j]]
        if title_span_before(lower, len(lower), lex) is None:
            j = _title_end(ctx, i, _TITLE_LINKS - {"to"})
    owner = cands_at.get(i)
    premodifier: Cand | None = None
    if owner is not None and owner.b + 1 < j and words[owner.b] in _POSSESSIVE:
        i = owner.b + 1  # "X, Northwind's deputy director", "X, Peru's ambassador to Chile"
        if owner.kind in ("organization", None) and c.affiliation is None:
            c.affiliation = owner
            owner.kind = owner.kind or "organization"
        elif owner.place is not None and not c.nationality:
            c.nationality = lookup.place_country(lex, owner.place)
    elif i + 1 < j and words[i + 1] in _POSSESSIVE and not is_capitalized(words[i]):
        i += 2  # "X, the country's finance minister": the owner is a common noun
    elif (
        owner is not None
        and owner.b < j
        and (owner.kind == "organization" or (owner.place is not None and owner.place.kind == "Country"))
        and title_span_before([w.lower() for w in words[owner.b : j]], j - owner.b, lex) is not None
    ):
        # "X, the Peru coach", "X, the U.S. Attorney": a name used as a pre-modifier, kept in the title
        premodifier = owner
        if owner.kind == "organization" and c.affiliation is None:
            c.affiliation = owner
        elif owner.place is not None and not c.nationality:
            c.nationality = lookup.place_country(lex, owner.place)
    lower = [w.lower() for w in words[i:j]]
    found = title_span_before(lower, len(lower), lex) if lower else None
    if found is None:
        return
    title_words = words[i:j]
    own = words[premodifier.b : j] if premodifier is not None else title_words
    if any(
        is_capitalized(w)
        and head_at([w.lower()], 0, lex) is None
        and w.lower() not in lex.title_modifiers
        and w not in lex.demonyms
        for w in own
    ):
        org_first = cands_at.get(i)
        # "X, Research and Policy Director": capitalized words that name no entity are the title's own
        named = [cands_at.get(p) for p in range(i, j)]
        if (org_first is None or org_first.kind != "organization") and any(
            n is not None and n.kind is not None for n in named
        ):
            return
    if c.kind is None and c.b - c.a == 1 and {w.lower() for w in title_words} & _CORPORATE_ROLES:
        # "Quellcorp, the former owner of X": a lone unknown word holding a role that
        # companies hold is a company more often than a person known by one name
        c.kind, c.subtype, c.confidence = "organization", "Organization", max(c.confidence, 0.6)
        return
    c.title = c.title or " ".join(title_words)
    c.evidence += 2
    if found[1] and not c.gender:
        c.gender = found[1]
    for w in title_words:
        if w in lex.demonyms and not c.nationality:
            c.nationality = lookup.country_name(lex, lex.demonyms[w])
    if j < len(words):
        _links_after(ctx, c, j, cands_at)
