"""Date phrases in news text, resolved against the publication date.

News gives dates at every precision and mostly relative to the day it was
published: "on Tuesday", "this week", "last year", "in May", "Feb. 14". This
module finds such phrases with its own patterns (one compiled regex) and
resolves each by calendar arithmetic, as precise as the words allow: a weekday
gives a day, "this week" or "earlier this month" a month, "last year" a year.

Why not ``dateparser.search``: over whole text it returns junk spans and reads
durations as dates ("500 years" becomes a year). Durations ("six-year",
"500 years", "centuries", "for two weeks") match none of the patterns here.
Why not ``dateparser`` to resolve each phrase: the arithmetic below is a few
microseconds a phrase where dateparser takes about half a millisecond, and it
needs the tense of the sentence anyway; ``tests/test_dates.py`` checks that
both agree where dateparser is right.

Direction: a bare weekday or month is the nearest such day or month in the
direction the clause's tense gives ("will", "next", "ahead of", "scheduled"
look forward; otherwise backward, counting today for a weekday). Without a
publication date every relative phrase stays unresolved (``value=None``):
nothing is invented.

>>> text = "Duarte met Reyes on Tuesday, ahead of elections in May."
>>> [(m.text, str(m.value)) for m in find_dates(text, 0, len(text), dt.date(2023, 3, 28))]
[('on Tuesday', '2023-03-28'), ('in May', '2023-05')]
>>> [(m.text, m.value) for m in find_dates(text, 0, len(text), None)]
[('on Tuesday', None), ('in May', None)]
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Literal

import attrs

from newsmodel.errors import ModelError
from newsmodel.model import PartialDate

__all__ = ["DateMention", "DatePhrases", "find_dates"]


@attrs.frozen
class DateMention:
    """A date phrase ``text[start:end]`` and its resolved value (``None`` when unresolved)."""

    start: int
    end: int
    text: str
    value: PartialDate | None


# --------------------------------------------------------------------------- vocabulary

_MONTHS = {
    name: i + 1
    for i, name in enumerate(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ]
    )
}
_MONTH_ABBR = {
    "Jan": 1,
    "Feb": 2,
    "Mar": 3,
    "Apr": 4,
    "Jun": 6,
    "Jul": 7,
    "Aug": 8,
    "Sep": 9,
    "Sept": 9,
    "Oct": 10,
    "Nov": 11,
    "Dec": 12,
}
_WEEKDAYS = {
    name: i
    for i, name in enumerate(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])
}
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
}
# Northern-hemisphere seasons: (first month, last month).
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 2)}

_FULL_MONTH = "|".join(_MONTHS)
_ANY_MONTH = rf"(?:{_FULL_MONTH}|(?:{'|'.join(sorted(_MONTH_ABBR, key=len, reverse=True))})\.?)"
_WEEKDAY = "|".join(_WEEKDAYS)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_PREP = r"(?:(?i:on|in|since|by|until|till|from|during|before|after|of|through|as\s+of|for)\s+)?"
_EDGE = r"(?:(?i:early|late|mid|the\s+(?:end|start|beginning|middle)\s+of)[\s-]+)?"
_COUNT = rf"(?:\d{{1,2}}|(?i:{'|'.join(sorted(_NUMBERS, key=len, reverse=True))}))"

_PATTERN = re.compile(
    rf"""
    (?<![\w$£€#/-])
    (?:
      (?P<iso>{_PREP}(?P<iso_y>{_YEAR})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01]))(?![\w-])
    | (?P<md>{_PREP}{_EDGE}(?:(?:{_WEEKDAY}),?\s+)?(?P<md_m>{_ANY_MONTH})\s+(?P<md_d>{_DAY})\b
          (?:,?\s+(?P<md_y>{_YEAR})\b)?)(?![\d,]\d)
    | (?P<dm>{_PREP}{_EDGE}(?:(?:{_WEEKDAY}),?\s+)?(?P<dm_d>{_DAY})\s+(?i:of\s+)?(?P<dm_m>{_ANY_MONTH})
          (?:,?\s+(?P<dm_y>{_YEAR})\b)?)(?![\w-])
    | (?P<my>{_PREP}{_EDGE}(?P<my_m>{_ANY_MONTH}),?\s+(?P<my_y>{_YEAR})\b)(?![\w-]|[.,]\d)
    | (?P<ago>(?P<ago_n>{_COUNT})\s+(?P<ago_u>(?i:days?|weeks?|months?|years?))\s+(?i:ago)\b)
    | (?P<rel>(?P<rel_edge>(?i:earlier|later|early|late)\s+)?(?P<rel_dir>(?i:last|this|next))\s+
          (?P<rel_u>(?i:week|month|year|spring|summer|fall|autumn|winter|night|morning|afternoon|evening))\b)
    | (?P<wkend>(?P<wkend_dir>(?i:last|this|next|this\s+past|over\s+the|the))\s+(?i:weekend)\b)
    | (?P<edge>(?i:the\s+(?:end|start|beginning|middle)\s+of\s+the\s+(?P<edge_u>year|month))\b)
    | (?P<day>(?i:today|tonight|yesterday|tomorrow)\b)
    | (?P<mon>(?P<mon_cue>(?i:in|since|by|until|till|from|during|before|after|through|of|this\s+past|
          last|next|this|early|late|mid|earlier\s+in|later\s+in)[\s-]+)(?P<mon_m>{_FULL_MONTH})\b)(?!\s+\d)
    | (?P<wd>(?P<wd_cue>(?i:on|last|this|next|since|until|till|by|from|before|after|early|late|every)\s+)?
          (?P<wd_d>{_WEEKDAY})\b(?:'s)?(?:\s+(?i:morning|afternoon|evening|night)\b)?)
    | (?P<yr>{_PREP}{_EDGE}(?P<yr_y>{_YEAR}))(?![\w%-]|[.,]\d|/)
    )
    """,
    re.VERBOSE,
)

# The core word of every phrase, and how far before it the phrase may start
# ("as of the beginning of March": 24 characters of preposition and edge).
_ANCHOR = re.compile(
    rf"(?<![\w$£€#/])(?:{_FULL_MONTH}|{'|'.join(_MONTH_ABBR)}|{_WEEKDAY}|1[89]\d\d|20\d\d|"
    r"(?i:today|tonight|yesterday|tomorrow|weekend|(?:day|week|month|year)s?|spring|summer|fall|autumn|winter|"
    r"night|morning|afternoon|evening))\b"
)
_REACH = 40
# Words that may lead into a phrase before its core word.
_LEAD_IN = re.compile(
    rf"(?:(?i:on|in|since|by|until|till|from|during|before|after|of|through|as|for|early|late|mid|the|end|"
    rf"start|beginning|middle|this|past|last|next|earlier|later|every|{'|'.join(_NUMBERS)})|{_WEEKDAY}|"
    rf"{_DAY})(?![\w])"
)
_WORD_START = re.compile(r"(?<![\w'])[\w$£€#/-]")

# "the last year", "over the next month": a span of time, not a date.
_DURATION_BEFORE = re.compile(r"(?i:\b(?:the|over|for|within|in|past|coming)\s+)$")
# A year followed by a plural count noun ("2000 employees") is a number.
_PLURAL_AFTER = re.compile(r"\s+(?!(?:was|has|is|as|this|its|his|hers|ours|yes|thus|less)\b)[a-z]+s\b")
_YEAR_CONTEXT = re.compile(r"(?i:\b(?:in|since|by|of|from|until|through|before|after|during|early|late)\s+)$")

# Tense cues (general English). Future: auxiliaries and scheduling words (one
# word, or two: "ahead of"). Past: auxiliaries and markers, "-ed" forms, and
# common irregular past verbs. An "-ed" or irregular form right after a form of
# "be" is a participle ("will be postponed", "was held"): the auxiliary decides.


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_FUTURE_WORDS = _word_set("will shall won't 'll next upcoming scheduled coming later tomorrow")
_FUTURE_PAIRS = frozenset(
    (a, b)
    for a, b in (
        pair.split()
        for pair in (
            "going to",
            "ahead of",
            "is due",
            "are due",
            "due to",
            "set to",
            "is to",
            "are to",
            "plan to",
            "plans to",
            "planning to",
            "expect to",
            "expects to",
            "expected to",
            "to be",
        )
    )
)
_PAST_WORDS = _word_set(
    """
    was were had did ago earlier last past previous since said told met made took gave came went saw held
    left sent spent began won lost led paid fell rose bought sold brought thought found got became ran wrote
    spoke broke chose drove flew grew knew shot stood struck threw fought caught built felt kept heard
    """
)
_BE = _word_set("be been being is are was were")
_TOKEN = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|'ll")
_CLAUSE_END = re.compile(r"[.;!?\n]")
# After the phrase, the clause is read only up to the next comma.
_RIGHT_END = re.compile(r"[,.;!?\n]")

Tense = Literal["future", "past", "none"]


# --------------------------------------------------------------------------- search


def find_dates(
    text: str, start: int = 0, end: int | None = None, published: dt.date | None = None
) -> list[DateMention]:
    """Every date phrase in ``text[start:end]``, resolved against ``published``.

    ``published`` may be a ``datetime`` (its calendar day is used). Offsets are
    offsets of ``text``.

    >>> t = "The bill, unveiled last week, follows talks this week and a vote last year."
    >>> [str(m.value) for m in find_dates(t, 0, len(t), dt.date(2023, 3, 28))]
    ['2023-03', '2023-03', '2022']
    >>> find_dates("a six-year war of 500 years", 0, 27, dt.date(2023, 3, 28))
    []
    """
    stop = len(text) if end is None else end
    base = published.date() if isinstance(published, dt.datetime) else published
    out: list[DateMention] = []
    consumed = start
    # Every phrase holds a core word (a month, a weekday, a year, "week", "today"…):
    # a cheap scan finds those, and the full pattern is only tried at the few
    # word starts just before each one.
    for anchor in _ANCHOR.finditer(text, start, stop):
        if anchor.start() < consumed:
            continue
        match = _phrase_at(text, max(consumed, anchor.start() - _REACH), anchor.start(), stop)
        if match is None:
            continue
        consumed = match.end()
        kind = match.lastgroup
        if kind is None or not _keep(text, match, kind, start):
            continue
        span = match.span()

        def tense(span: tuple[int, int] = span) -> Tense:
            return _tense(text, span[0], span[1], start, stop)

        value = _resolve(match, kind, base, tense)
        out.append(DateMention(match.start(), match.end(), match.group(), value))
    return out


def _phrase_at(text: str, lo: int, at: int, stop: int) -> re.Match[str] | None:
    """The leftmost date phrase that covers ``at`` and starts at a word in ``[lo, at]``.

    Only the unbroken run of lead-in words just before ``at`` ("on", "early",
    "the end of", a weekday, a day number…) can start a phrase, so the full
    pattern is tried at those few word starts only.
    """
    starts = [w.start() for w in _WORD_START.finditer(text, lo, at)]
    first = len(starts)
    while first and _LEAD_IN.match(text, starts[first - 1]):
        first -= 1
    for begin in (*starts[first:], at):
        match = _PATTERN.match(text, begin, stop)
        if match is not None and match.end() > at:
            return match
    return None


def _keep(text: str, match: re.Match[str], kind: str, floor: int) -> bool:
    """Drop matches that are durations, recurrences or plain numbers."""
    before = text[max(floor, match.start() - 12) : match.start()]
    if kind == "rel" and match.group("rel_edge") is None and _DURATION_BEFORE.search(before):
        return False  # "over the last year", "in the next month"
    if kind == "wd" and (match.group("wd_cue") or "").strip().lower() == "every":
        return False
    if kind == "yr" and not match.group().startswith(match.group("yr_y")):
        return True  # a preposition or an edge word makes it a year
    if kind == "yr":
        if _PLURAL_AFTER.match(text, match.end()) and not _YEAR_CONTEXT.search(before):
            return False
        if text[max(floor, match.start() - 4) : match.start()].lower().endswith(("no. ", "nos. ")):
            return False
    return True


def _tense(text: str, start: int, end: int, floor: int, ceiling: int) -> Tense:
    """Tell the tense of the clause around ``text[start:end]`` from the cue nearest to it."""
    left = max(floor, start - 120)
    for cut in _CLAUSE_END.finditer(text, left, start):
        left = cut.end()
    right_match = _RIGHT_END.search(text, end, min(ceiling, end + 60))
    right = right_match.start() if right_match else min(ceiling, end + 60)
    best: tuple[int, Tense] | None = None
    for lo, hi in ((left, start), (end, right)):
        words = [(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(text, lo, hi)]
        for i, (w_start, w_end, word) in enumerate(words):
            tense: Tense
            following = words[i + 1][2] if i + 1 < len(words) else ""
            if word in _FUTURE_WORDS or word.endswith("'ll") or (word, following) in _FUTURE_PAIRS:
                tense = "future"
            elif word in _PAST_WORDS or (len(word) > 3 and word.endswith("ed")):
                if i and words[i - 1][2] in _BE:
                    continue  # a participle: its auxiliary was (or is) the cue
                tense = "past"
            else:
                continue
            distance = start - w_end if w_end <= start else w_start - end
            if best is None or distance < best[0]:
                best = (distance, tense)
    return best[1] if best else "none"


# --------------------------------------------------------------------------- resolution


def _month_of(name: str) -> int:
    name = name.rstrip(".")
    return _MONTHS.get(name) or _MONTH_ABBR[name]


def _day_of(token: str) -> int:
    return int(token.rstrip("stndrh"))


def _partial(year: int, month: int | None = None, day: int | None = None) -> PartialDate | None:
    try:
        return PartialDate(year=year, month=month, day=day)
    except ModelError:
        return None  # "February 30", or a year outside 1..9999


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def _resolve(
    match: re.Match[str], kind: str, base: dt.date | None, tense_of: Callable[[], Tense]
) -> PartialDate | None:
    """Resolve one matched phrase; ``tense_of`` is called only when direction matters."""
    group = match.group
    if kind == "iso":
        return _partial(int(group("iso_y")), int(group("iso_m")), int(group("iso_d")))
    if kind == "yr":
        return _partial(int(group("yr_y")))
    if kind == "my":
        return _partial(int(group("my_y")), _month_of(group("my_m")))
    if kind in ("md", "dm"):
        month, day = _month_of(group(f"{kind}_m")), _day_of(group(f"{kind}_d"))
        if group(f"{kind}_y"):
            return _partial(int(group(f"{kind}_y")), month, day)
        if base is None:
            return None
        return _month_day(base, month, day, tense_of())
    if base is None:
        return None
    if kind == "day":
        word = group().lower()
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
        return PartialDate.from_date(base + dt.timedelta(days=offset))
    if kind == "wkend":
        return _weekend(base, " ".join(group("wkend_dir").lower().split()), tense_of)
    if kind == "edge":
        return _partial(base.year, base.month if group("edge_u").lower() == "month" else None)
    if kind == "ago":
        return _ago(base, group("ago_n").lower(), group("ago_u").lower())
    if kind == "rel":
        return _relative(base, group("rel_dir").lower(), group("rel_u").lower())
    if kind == "mon":
        cue = " ".join(group("mon_cue").lower().split()).rstrip("-")
        month = _MONTHS[group("mon_m")]
        direction: Tense = (
            "future" if cue == "next" else "past" if cue in ("last", "this past") else tense_of()
        )
        return _bare_month(base, month, direction)
    if kind == "wd":
        cue = (group("wd_cue") or "").strip().lower()
        weekday = _WEEKDAYS[group("wd_d")]
        if cue == "last":
            back = (base.weekday() - weekday) % 7 or 7
            return PartialDate.from_date(base - dt.timedelta(days=back))
        if cue == "next":
            ahead = (weekday - base.weekday()) % 7 or 7
            return PartialDate.from_date(base + dt.timedelta(days=ahead))
        if tense_of() == "future":
            return PartialDate.from_date(base + dt.timedelta(days=(weekday - base.weekday()) % 7))
        return PartialDate.from_date(base - dt.timedelta(days=(base.weekday() - weekday) % 7))
    return None


def _month_day(base: dt.date, month: int, day: int, tense: Tense) -> PartialDate | None:
    """Date a month and day without a year: this year's, unless the tense points past it."""
    year = base.year
    if tense == "future" and (month, day) < (base.month, base.day):
        year += 1
    elif tense == "past" and (month, day) > (base.month, base.day):
        year -= 1
    return _partial(year, month, day)


def _bare_month(base: dt.date, month: int, direction: Tense) -> PartialDate | None:
    """Date a month alone: the next one for the future, else the latest one not after ``base``."""
    year = base.year
    if direction == "future":
        if month < base.month:
            year += 1
    elif month > base.month:
        year -= 1
    return _partial(year, month)


def _weekend(base: dt.date, direction: str, tense_of: Callable[[], Tense]) -> PartialDate:
    """The Saturday of the weekend meant: "this weekend" in a past clause is the one just gone.

    A weekend is dated by its Saturday. "Last weekend" is the latest one that
    has ended; "next weekend" the next one to begin; "this weekend" and "the
    weekend" follow the clause's tense (reported news looks back).
    """
    since_saturday = (base.weekday() - 5) % 7  # 0 on a Saturday, 1 on a Sunday, 2 on a Monday…
    latest = base - dt.timedelta(days=since_saturday)  # the Saturday on or before base
    if direction == "last":
        day = latest - dt.timedelta(weeks=1) if since_saturday <= 1 else latest
    elif direction == "next":
        day = latest + dt.timedelta(weeks=1)
    elif since_saturday <= 1 or tense_of() != "future":
        day = latest  # during a weekend it is that weekend; in a past clause the one just gone
    else:
        day = latest + dt.timedelta(weeks=1)
    return PartialDate.from_date(day)


def _ago(base: dt.date, count: str, unit: str) -> PartialDate | None:
    n = int(count) if count.isdigit() else _NUMBERS[count]
    unit = unit.rstrip("s")
    if unit == "day":
        return PartialDate.from_date(base - dt.timedelta(days=n))
    if unit == "week":
        when = base - dt.timedelta(weeks=n)
        return _partial(when.year, when.month)
    if unit == "month":
        return _partial(*_shift_month(base.year, base.month, -n))
    return _partial(base.year - n)


def _relative(base: dt.date, direction: str, unit: str) -> PartialDate | None:
    step = {"last": -1, "this": 0, "next": 1}[direction]
    if unit in ("night", "morning", "afternoon", "evening"):
        # "last night" is the evening before; "this morning" today. "next
        # morning" is narrative ("the next morning") and no date of its own.
        if step == 1:
            return None
        return PartialDate.from_date(base + dt.timedelta(days=-1 if step == -1 and unit == "night" else 0))
    if unit == "week":
        when = base + dt.timedelta(weeks=step)
        return _partial(when.year, when.month)
    if unit == "month":
        return _partial(*_shift_month(base.year, base.month, step))
    if unit == "year":
        return _partial(base.year + step)
    first, last = _SEASONS[unit]
    if step == 0:
        return _partial(base.year)
    if step == -1:
        # the latest such season that has begun and is not the current one
        ended_this_year = base.month > last if first <= last else base.month >= 3
        return _partial(base.year if ended_this_year else base.year - 1)
    return _partial(base.year if base.month < first else base.year + 1)


class DatePhrases:
    """The date phrases of one document, found once per stretch asked for, whichever stage asks.

    The events and agreements stages both read the dates of the same
    sentences; this layer (``Analysis.dates``) finds each stretch's phrases
    once and hands both the same list. Lists are shared: do not change them.

    >>> phrases = DatePhrases("Talks ended on Friday.", dt.date(2023, 3, 28))
    >>> phrases.between(0, 22) is phrases.between(0, 22)
    True
    >>> [str(m.value) for m in phrases.between(0, 22)]
    ['2023-03-24']
    """

    def __init__(self, text: str, published: dt.date | None) -> None:
        self.text = text
        self.published = published
        self._found: dict[tuple[int, int], list[DateMention]] = {}

    def between(self, start: int, end: int) -> list[DateMention]:
        """The date phrases of ``text[start:end]`` (as :func:`find_dates` finds them)."""
        key = (start, end)
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = find_dates(self.text, start, end, self.published)
        return found
