"""When a page says its article was published and modified, with the time zone it gives.

Candidates come in order of trust: the article's JSON-LD, the OpenGraph and
``<meta>`` names publishers use, a ``<time pubdate>`` element, any other
``<meta>`` whose name says date, and last the visible dateline. The first that
parses wins, unless a later one names the same day and adds a time zone.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Iterable
from typing import Any

import dateutil.parser
import dateutil.tz
import lxml.html

from newsmodel.read._html_values import all_of, text_of

__all__ = ["has_zone", "page_dates", "parse_date", "pick_date"]

#: Unambiguous zone abbreviations pages print next to times (dateutil wants them spelled out).
_ZONES = {
    name: dateutil.tz.tzoffset(name, hours * 3600)
    for name, hours in {
        "UTC": 0,
        "GMT": 0,
        "Z": 0,
        "EST": -5,
        "EDT": -4,
        "CST": -6,
        "CDT": -5,
        "MST": -7,
        "MDT": -6,
        "PST": -8,
        "PDT": -7,
        "AKST": -9,
        "AKDT": -8,
        "HST": -10,
        "BST": 1,
        "CET": 1,
        "CEST": 2,
        "EET": 2,
        "EEST": 3,
        "MSK": 3,
        "JST": 9,
        "KST": 9,
        "AEST": 10,
        "AEDT": 11,
        "NZST": 12,
        "NZDT": 13,
        "WAT": 1,
        "EAT": 3,
        "SAST": 2,
    }.items()
}


def parse_date(value: Any) -> dt.datetime | dt.date | None:
    """Read a publication timestamp from the many ways pages write one.

    A bare calendar day stays a ``date``; a time keeps the page's offset.

    >>> parse_date("2019-11-19T21:57:01+0000").isoformat()
    '2019-11-19T21:57:01+00:00'
    >>> parse_date("Tue, 19 Nov 2019 16:57:01 EST").isoformat()
    '2019-11-19T16:57:01-05:00'
    >>> parse_date("2019-11-19"), parse_date("Nov. 19, 2019")
    (datetime.date(2019, 11, 19), datetime.date(2019, 11, 19))
    >>> parse_date("yesterday") is None
    True
    """
    text = text_of(value)
    if not text or len(text) > 64 or not re.search(r"\d{4}|\d{1,2}\W\d{1,2}\W\d{2}", text):
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            return None
        return day if 1990 <= day.year <= 2100 else None
    parsed: dt.datetime | None
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                parsed = dateutil.parser.parse(text, tzinfos=_ZONES, fuzzy=False)
        except (ValueError, OverflowError, TypeError):
            return None
    if not 1990 <= parsed.year <= 2100:
        return None
    if not re.search(r"\d:\d\d|T\d\d", text):  # no time of day given: a calendar day
        return parsed.date()
    if parsed.tzinfo is not None:
        offset = parsed.utcoffset()
        if offset is None:
            return parsed.replace(tzinfo=None)
        parsed = parsed.replace(tzinfo=dt.timezone(offset))
    return parsed


def has_zone(value: dt.datetime | dt.date | None) -> bool:
    return isinstance(value, dt.datetime) and value.tzinfo is not None


def pick_date(candidates: Iterable[Any]) -> dt.datetime | dt.date | None:
    """Pick the first date given; a later candidate of the same day wins when it adds a time zone."""
    parsed = [d for d in (parse_date(c) for c in candidates if c) if d is not None]
    if not parsed:
        return None
    first = parsed[0]
    if not has_zone(first):
        day = first.date() if isinstance(first, dt.datetime) else first
        for other in parsed[1:]:
            if has_zone(other) and isinstance(other, dt.datetime) and other.date() == day:
                return other
    return first


_PUBLISHED_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.issued",
    "dc.date",
    "date",
    "article.published",
    "original-publish-date",
)


_MODIFIED_KEYS = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "last-modified",
    "dcterms.modified",
)


#: Other ``<meta>`` names that carry a publication date ("x-post-date", "article.created").
_OTHER_DATE_KEY = re.compile(
    r"(?:^|[:._-])(?:post|pub|publish|published|created|issued)?[-_.]?date$|created$"
)


_VISIBLE_DATE_XPATH = (
    "//*[contains(@class,'publish') or contains(@class,'date') or contains(@class,'time')]"
    "[not(contains(@class,'updat'))][not(contains(@class,'modif'))]"
)


def visible_dates(tree: lxml.html.HtmlElement) -> list[str]:
    """Short texts of elements whose class says date or publish: the dateline the reader sees."""
    found = []
    for elem in tree.xpath(_VISIBLE_DATE_XPATH)[:40]:
        text = " ".join(" ".join(elem.itertext()).split())
        text = re.sub(r"^(?:published|posted|updated)\s*(?:on|:)?\s*", "", text, flags=re.IGNORECASE)
        if 6 <= len(text) <= 60:
            found.append(text)
    return found


def time_element(tree: lxml.html.HtmlElement) -> str | None:
    for elem in tree.xpath("//time[@datetime]"):
        if elem.get("pubdate") is not None or "publish" in (elem.get("class") or "").lower():
            return str(elem.get("datetime"))
    return None


def page_dates(
    tree: lxml.html.HtmlElement, art: dict[str, Any], tags: dict[str, list[str]]
) -> tuple[dt.datetime | dt.date | None, dt.datetime | dt.date | None]:
    """Read when the article was published and last modified (``None`` when the page does not say)."""
    others = sorted(k for k in tags if _OTHER_DATE_KEY.search(k) and k not in _PUBLISHED_KEYS)
    published = pick_date(
        [
            art.get("datePublished"),
            art.get("dateCreated"),
            *all_of(tags, _PUBLISHED_KEYS),
            time_element(tree),
            *all_of(tags, others),
        ]
    ) or pick_date(visible_dates(tree))
    modified = pick_date([art.get("dateModified"), *all_of(tags, _MODIFIED_KEYS)])
    return published, modified
