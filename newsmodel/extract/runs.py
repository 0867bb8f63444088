"""Capitalized runs: the stretches of text that may be names.

A run is a maximal sequence of capitalized words ("French President Ana
Duarte"); "of", "for", "'s", "&" and name particles join two runs only when the
left one ends in a cue word ("University of Northern Ohio", "Attorney's
Office"), and words inside a known multi-word name always join ("Securities and
Exchange Commission"). Ticker codes, hashtags and handles are masked out.
"""

from __future__ import annotations

import re

from newsmodel.extract.candidates import PARTICLES, Ctx, words_of
from newsmodel.extract.names import is_capitalized

__all__ = ["runs"]


#: Words that join two capitalized runs into one name when the left run ends in a cue.
_JOINERS = words_of("of for 's ’s ' ’ & de del da du van von bin ibn al la le")


#: Extra left-hand words after which "of" continues a name ("Republic of Korea").
_OF_HEADS = words_of(
    "Republic Kingdom State States Union Isle Sea Gulf Strait Bank House Board Court Bay Cape "
    "Duke Prince Princess"
)


def _cue_end(ctx: Ctx, word: str) -> bool:
    lex = ctx.lex
    return (
        word in lex.org_cues
        or word.lower() in lex.place_cues
        or word in _OF_HEADS
        or (word.lower(),) in lex.titles
    )


_CORP_SUFFIXES = words_of("Inc. Inc LLC Ltd. Ltd Corp. Co. L.P. LP PLC plc S.A. N.V. AG GmbH")


_CODE_RE = re.compile(r"^(?=[^\d]*\d)(?=.*[A-Za-z])[\w.]+$")
#: The marks ``_masked`` acts on: brackets, tag marks and the full stop before a ticker.
_MARKS = frozenset({"<", ">", "#", "@", "=", "."})


#: Marks that make the word glued after them a tag, handle or key ("#tag", "@handle", "=x").
_TAG_MARKS = frozenset({"#", "@", "="})


def _masked(ctx: Ctx) -> list[bool]:
    """Tokens inside ``<...>`` (ticker codes such as ``<.SPX>``): never names.

    Also masked: codes of letters and digits ("ABCc2", "GB10YT", "Q400"), a
    word glued after "#", "@" or "=" or before "=", and a capitalized word glued
    after a lone full stop (".SPX", ".DJI": tickers). The brackets themselves
    never are. Built from the positions of the few marks, not word by word.
    """
    words, offs, ends = ctx.words, ctx.offs, ctx.ends
    n = len(words)
    mask = [False] * n
    # a code holds a letter and a digit, so it has two characters at least (most others are stops)
    for i in [i for i, w in enumerate(words) if len(w) > 1 and not w.isalpha() and _CODE_RE.match(w)]:
        mask[i] = True
    brackets: list[int] = []
    for i in [i for i, w in enumerate(words) if w in _MARKS]:
        w = words[i]
        if w in ("<", ">"):
            brackets.append(i)
            continue
        glued_after = i + 1 < n and ends[i] == offs[i + 1]
        if w in _TAG_MARKS and glued_after:
            mask[i + 1] = True
        if w == "=" and i > 0 and ends[i - 1] == offs[i]:
            mask[i - 1] = True
        if w == "." and glued_after and ctx.caps[i + 1] and (i < 1 or ends[i - 1] < offs[i]):
            mask[i + 1] = True
    opened = -1  # the "<" that opened the current bracket, -1 when outside
    for i in brackets:
        if words[i] == "<":
            if opened < 0:
                opened = i
        elif opened >= 0:
            mask[opened + 1 : i] = [True] * (i - opened - 1)
            opened = -1
    if opened >= 0:
        mask[opened + 1 :] = [True] * (n - opened - 1)
    for i in brackets:
        mask[i] = False
    return mask


def runs(ctx: Ctx, lo: int, hi: int) -> list[tuple[int, int]]:
    """Maximal capitalized runs in tokens ``[lo, hi)``, joined over "of"/"&"/particles."""
    words = ctx.words
    caps = ctx.caps
    lex = ctx.lex
    mask = _masked(ctx)
    glue = _glue(ctx, lo, hi)
    out: list[tuple[int, int]] = []
    i = lo
    while i < hi:
        if not caps[i] or words[i] in lex.not_entities or mask[i]:
            i += 1
            continue
        j = i + 1
        joined = False  # the run has already crossed an "of"/"for" after a cue word
        while j < hi:
            w = words[j]
            if glue[j]:
                j += 1  # inside a known name ("Securities and Exchange Commission")
                continue
            if caps[j] and w not in lex.not_entities and _adjacent(ctx, j) and not mask[j]:
                prev = words[j - 1]
                if prev.endswith(".") and (len(prev) == 2 or "." in prev[:-1]) and w.lower() in lex.common:
                    break  # "Block C. The ...", "in Washington D.C. The ...": the sentence ended
                j += 1
                continue
            if w == "," and j + 1 < hi and words[j + 1] in _CORP_SUFFIXES:
                j += 2  # "Northwind Micro-Systems, Inc."
                continue
            if w.isdigit() and _numbered_name(ctx, i, j, hi):
                j += 1  # "Movimento 5 Stelle (M5S)": the acronym spells the number too
                continue
            if w == "and" and _masthead_and(ctx, i, j, hi):
                j += 2  # "The Globe and Mail": two masthead words are one newspaper
                continue
            if w in _JOINERS and j + 1 < hi and _adjacent(ctx, j) and _adjacent(ctx, j + 1):
                k = j + 1
                if words[k] == "the" and k + 1 < hi:
                    k += 1
                while k + 1 < hi and words[j] in PARTICLES and words[k] in PARTICLES:
                    k += 1  # "Anke van de Berg"
                if (
                    is_capitalized(words[k])
                    and words[k] not in ctx.lex.not_entities
                    and (_join_ok(ctx, i, j, k) or (joined and w == "of" and not _place_at(ctx, k)))
                ):
                    # once a cue has opened the name's complement ("Council for the
                    # Welfare"), a further "of" goes on with it ("... of Migrants")
                    joined = joined or w in ("of", "for")
                    j = k + 1
                    continue
            break
        out.append((i, j))
        i = j
    return out


def _glue(ctx: Ctx, lo: int, hi: int) -> list[bool]:
    """Mark tokens that continue a known multi-word name begun just before them.

    Only capitalized words that begin a known phrase are tried, left to right;
    a phrase found is skipped over whole.
    """
    glue = [False] * (len(ctx.words) + 1)
    words = ctx.words
    phrases = ctx.lex.phrases
    caps = ctx.caps
    resume = lo
    for i in [i for i in range(lo, hi) if caps[i] and words[i] in phrases]:
        if i < resume:
            continue  # inside the phrase found before
        second = words[i + 1] if i + 1 < len(words) else None
        for phrase in phrases[words[i]]:
            n = len(phrase)
            if n > 1 and phrase[1] != second:
                continue  # the cheap test first: most of the phrases of "The" or "San" fail here
            if tuple(words[i : i + n]) == phrase:
                glue[i + 1 : i + n] = [True] * (n - 1)
                resume = i + n
                break
    return glue


def _adjacent(ctx: Ctx, j: int) -> bool:
    """Whether token ``j`` follows token ``j-1`` with only spaces between (no line break)."""
    gap = ctx.text[ctx.ends[j - 1] : ctx.offs[j]]
    return "\n" not in gap and (gap == " " or gap == "")


#: English plurals without "s" ("People's", "Children's"): their possessive is plural.
_IRREGULAR_PLURALS = frozenset({"People", "Children", "Women", "Men"})


def _join_ok(ctx: Ctx, i: int, j: int, k: int) -> bool:
    """Whether the connector at ``j`` joins run ``[i, j)`` to the run starting at ``k``."""
    joiner, left = ctx.words[j], ctx.words[j - 1]
    if joiner == "&":
        return True
    if joiner in PARTICLES:
        return True
    if joiner in ("of", "for"):
        return _cue_end(ctx, left)
    if joiner in ("'", "\u2019"):
        # a plural possessive before a body's cue word: "Workers' Party", "Farmers' Union"
        return left.endswith("s") and ctx.words[k] in ctx.lex.org_cues
    if joiner in ("'s", "\u2019s"):
        # "Attorney's Office", "Governor's Office": a title's or body's own office
        right = ctx.words[k]
        if left in _IRREGULAR_PLURALS:
            # an irregular plural's possessive is a plural possessive ("Workers' Party"): it
            # belongs to the name it opens, "People's Liberation Army", "Children's Hospital"
            return True
        return right in ctx.lex.org_cues and ((left.lower(),) in ctx.lex.titles or left in ctx.lex.org_cues)
    return False


def _numbered_name(ctx: Ctx, i: int, j: int, hi: int) -> bool:
    """Whether the number at ``j`` belongs to the name ``[i, ...)``: its acronym after it spells it.

    "Movimento 5 Stelle (M5S)", "Quell 4 Dorn (Q4D)": a name with a number in
    it, defined with an acronym that has the number in the same place. Without
    such an acronym a number ends the name ("Quell 4 Dorn" may be a score).
    """
    words = ctx.words
    k = j + 1
    while k < hi and ctx.caps[k] and _adjacent(ctx, k):
        k += 1
    if k == j + 1 or k + 2 >= len(words) or words[k] != "(" or words[k + 2] != ")":
        return False
    initials = "".join(w[0] for w in words[i:j]) + words[j] + "".join(w[0] for w in words[j + 1 : k])
    return words[k + 1] == initials.upper()


def _masthead_and(ctx: Ctx, i: int, j: int, hi: int) -> bool:
    """Whether "and" at ``j`` joins a newspaper's two masthead words ("The Globe and Mail").

    Only right after a capitalized "The" and a news-media cue word ("Globe",
    "Post", "Herald"), before one capitalized word that ends the name: "The
    Post and Courier", not "The Post and The Times" or "the Post and Ana".
    """
    words = ctx.words
    k = j + 1
    return (
        j - i == 2
        and words[i] == "The"
        and i not in ctx.starts
        and ctx.lex.org_cues.get(words[j - 1]) == "NewsMediaOrganization"
        and k < hi
        and ctx.caps[k]
        and words[k] not in ctx.lex.given_names
        and words[k] != "The"
        and (k + 1 >= len(words) or not ctx.caps[k + 1])
        and _adjacent(ctx, j)
        and _adjacent(ctx, k)
    )


def _place_at(ctx: Ctx, k: int) -> bool:
    """Whether a known place starts at token ``k`` ("of Peru", "of the United States")."""
    places = ctx.lex.places
    return any(" ".join(ctx.words[k : k + n]) in places for n in (1, 2, 3))
