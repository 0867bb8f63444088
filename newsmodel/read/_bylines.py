"""Bylines as Google asks for them: one name per author, and only the name.

Pages write "By Jane Doe and John Roe, Senior Writers | The Daily Planet" in
their bylines and often in their own JSON-LD. Google's Article guidelines want
one author object per person whose ``name`` holds the name only: no "By", no
job title, no publisher name, no "and" joining two people. The word lists
here are general English written for this module (byline lead words, job
title words, words that make a name a desk or an agency rather than a person).

>>> split_byline("By Jane Doe and John Roe, Senior Writers | The Daily Planet", publisher="The Daily Planet")
['Jane Doe', 'John Roe']
>>> split_byline("Written by: JANE DOE, Political Correspondent")
['Jane Doe']
>>> is_organization_name("Newsroom Staff"), is_organization_name("Jane Doe")
(True, False)
"""

from __future__ import annotations

import re

__all__ = ["clean_name", "is_organization_name", "split_byline"]

_LEAD = re.compile(
    r"^\s*(?:(?:written|posted|reported|story|words|text|report(?:ing)?|compiled|updated|"
    r"published|edited|produced|photos?|video)\s+)?(?:by|from)\b\s*:?\s*|^\s*(?:authors?|bylines?|"
    r"writers?|reporters?|credits?)\s*:\s*",
    re.IGNORECASE,
)
#: Words that end a job title and never a name (the job nouns).
_TITLE_ENDS = frozenset(
    [
        "analyst",
        "analysts",
        "columnist",
        "columnists",
        "contributor",
        "contributors",
        "correspondent",
        "correspondents",
        "critic",
        "critics",
        "editor",
        "editors",
        "journalist",
        "journalists",
        "photographer",
        "photographers",
        "producer",
        "producers",
        "reporter",
        "reporters",
        "writer",
        "writers",
    ]
)
#: Words that make a comma-separated part a job title, not a name: the job nouns
#: and the words that qualify them ("senior", "White House", "deputy").
_TITLE_WORDS = _TITLE_ENDS | frozenset(
    [
        "anchor",
        "assistant",
        "associate",
        "at",
        "author",
        "authors",
        "bureau",
        "business",
        "capitol",
        "ceo",
        "chief",
        "content",
        "contributing",
        "coordinator",
        "culture",
        "data",
        "deputy",
        "desk",
        "digital",
        "director",
        "dr",
        "economics",
        "economy",
        "editorial",
        "entertainment",
        "executive",
        "fellow",
        "food",
        "foreign",
        "founder",
        "freelance",
        "head",
        "health",
        "host",
        "house",
        "intern",
        "international",
        "investigative",
        "large",
        "lead",
        "london",
        "manager",
        "managing",
        "markets",
        "md",
        "national",
        "news",
        "officer",
        "opinion",
        "phd",
        "political",
        "politics",
        "presenter",
        "president",
        "professor",
        "science",
        "senior",
        "special",
        "sports",
        "staff",
        "strategist",
        "team",
        "tech",
        "technology",
        "travel",
        "washington",
        "white",
    ]
)
#: Words that make a "name" a desk, a wire or an agency: an Organization author.
_ORG_WORDS = frozenset(
    [
        "staff",
        "sport",
        "sports",
        "desk",
        "team",
        "newsroom",
        "editors",
        "editorial",
        "board",
        "wire",
        "wires",
        "services",
        "service",
        "agency",
        "agencies",
        "press",
        "news",
        "media",
        "reports",
        "reporters",
        "network",
        "networks",
        "bureau",
        "group",
        "associated",
        "newspaper",
        "magazine",
        "times",
        "post",
        "journal",
        "herald",
        "tribune",
        "gazette",
        "daily",
        "weekly",
        "online",
        "digital",
        "radio",
        "television",
        "tv",
        "channel",
        "inc",
        "ltd",
        "llc",
        "corp",
        "corporation",
        "company",
    ]
)
_SEPARATORS = re.compile(r"\s*(;|\||\band\b|&|\+|/|\bwith\b|,|\s[-\u2013\u2014]\s)\s*", re.IGNORECASE)
_JOINERS = frozenset({"and", "&", "+", "with"})
_STAMP = re.compile(
    r"\s+(?:updated|published|posted|last updated)\b.*$|\s+\d.*$|\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|"
    r"oct|nov|dec)[a-z]*\.?\s+\d.*$|\s+(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(?:\d|[a-z]{3}).*$",
    re.IGNORECASE,
)
_CUT = re.compile(
    r"\s+(?:is|was|has|covers|writes|reports)\s+.*$|\s*[\(\[].*$|\s+(?:updated|published|posted|"
    r"last updated|on)\b.*$|\s*\d.*$|\S+@\S+|@\w+|https?://\S+",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.\-]*", re.UNICODE)


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def is_organization_name(name: str) -> bool:
    """Tell whether a byline names a desk, a wire or an agency rather than a person."""
    words = _key(name).split()
    return bool(words) and (words[-1] in _ORG_WORDS or (words[0] in {"the"} and len(words) > 1))


def _is_title(part: str) -> bool:
    words = _key(part).split()
    if words and words[-1] in _TITLE_ENDS:
        return True
    return (
        bool(words) and all(w in _TITLE_WORDS or w in {"of", "the", "for", "and", "a"} for w in words)
    ) or (bool(words) and words[-1] in _TITLE_WORDS and words[0] in _TITLE_WORDS)


def clean_name(name: str) -> str:
    """One author's name with byline furniture removed; ``''`` when nothing is left.

    >>> clean_name("  by  JOHN O'HARA (AFP) ")
    "John O'Hara"
    """
    name = " ".join(name.split())
    previous = None
    while previous != name:
        previous = name
        name = _LEAD.sub("", name)
    name = " ".join(_CUT.sub("", name).split()).strip(" ,.;:-|\u2013\u2014")
    if not _NAME_WORD.search(name):
        return ""
    words = name.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half and words[:half] == words[half:]:  # "Jane Doe Jane Doe"
        name = " ".join(words[:half])
    if name.isupper() and len(name) > 3:
        name = " ".join(w.capitalize() if not w.startswith(("Mc", "O'")) else w for w in name.title().split())
    return name


def split_byline(byline: str, publisher: str | None = None) -> list[str]:
    """Split one byline string into author names, in order, each cleaned, without duplicates.

    Parts that are job titles or the publisher's own name are dropped; a part
    that is only the publisher is kept when it is the only author (the page
    credits its own newsroom).
    """
    byline = " ".join(byline.split())
    if not byline:
        return []
    byline = _LEAD.sub("", byline)
    byline = re.split(r"\s+(?:is|was)\s+(?:a|an|the)\s+", byline, maxsplit=1, flags=re.IGNORECASE)[0]
    byline = _STAMP.sub("", byline)
    publisher_key = _key(publisher or "")
    names: list[str] = []
    affiliations: list[str] = []
    dropped_publisher = ""
    pieces = _SEPARATORS.split(byline)
    for index in range(0, len(pieces), 2):
        part = pieces[index].strip()
        joined_by = pieces[index - 1].strip().lower() if index else "and"
        if not part or _is_title(part):
            continue
        part = re.split(r"\s+(?:for|at|of)\s+", part, maxsplit=1, flags=re.IGNORECASE)[0]
        name = clean_name(part)
        if not name:
            continue
        key = _key(name)
        if publisher_key and key in (publisher_key, "the " + publisher_key):
            dropped_publisher = name
            continue
        if len(key.split()) > 6:  # a sentence, not a name
            continue
        # "Jane Doe, AFP" / "Jane Doe | The Post": an affiliation after a name
        if names and joined_by not in _JOINERS and (len(key.split()) == 1 or is_organization_name(name)):
            affiliations.append(name)
            continue
        if key not in {_key(n) for n in names}:
            names.append(name)
    people = [n for n in names if not is_organization_name(n)]
    if people:
        names = people
    if not names and dropped_publisher:
        names.append(dropped_publisher)
    return names
