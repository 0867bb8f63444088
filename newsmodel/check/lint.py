"""Lint JSON-LD the way Google's Article structured-data documentation asks.

Google reads ``Article``/``NewsArticle`` markup for its article rich results
and Top stories. Its Article page has no required properties; it recommends
``author`` (typed ``Person`` or ``Organization``, only the name in ``name``,
a ``url``), ``datePublished`` and ``dateModified`` in ISO 8601 with a time
zone, ``headline`` and ``image`` (for best results several images of 50,000
pixels or more, in 16x9, 4x3 and 1x1), and gives the author best practices
(one object per author, no "By", no job title in the name). The lint checks
exactly that, and no older rule (headline length, a publisher logo). Findings
are data, not errors: each has a severity (``critical``: the item is wrong as
marked up: a date that is not ISO 8601, an author that is a plain string or
holds two people, a link that is not http(s) and so could run script;
``warning``: a recommendation is not met), a JSON Pointer to the property and
a message.

>>> doc = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Hi",
...        "author": [{"@type": "Person", "name": "By Jane Doe and John Roe"}],
...        "datePublished": "2019-11-19T21:57:01"}
>>> for f in lint(doc):
...     print(f)
critical /author/0/name: name starts with "By"; give the name only
critical /author/0/name: name joins two people ('Jane Doe and John Roe'); give one author object per person
warning /author/0: no url or sameAs; Google uses them to identify the author
warning /datePublished: no time zone offset; add one (e.g. +00:00) so the time is unambiguous
warning /dateModified: missing; recommended
warning /image: missing; recommended (images of 50,000 pixels or more, in 16x9, 4x3 and 1x1)
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from newsmodel.errors import LintError
from newsmodel.model import NewsArticle

__all__ = ["Finding", "Severity", "has_critical", "lint"]

#: Types Google reads as an article (schema.org ``Article`` and its subtypes).
ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "AnalysisNewsArticle",
        "AskPublicQuestionArticle",
        "BackgroundNewsArticle",
        "OpinionNewsArticle",
        "ReportageNewsArticle",
        "ReviewNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "SocialMediaPosting",
        "DiscussionForumPosting",
        "SatiricalArticle",
        "ScholarlyArticle",
        "MedicalScholarlyArticle",
        "TechArticle",
        "Report",
        "AdvertiserContentArticle",
    }
)
PERSON_TYPES = frozenset({"Person"})
ORGANIZATION_TYPES = frozenset(
    {
        "Organization",
        "NewsMediaOrganization",
        "Corporation",
        "GovernmentOrganization",
        "NGO",
        "EducationalOrganization",
        "MedicalOrganization",
        "PoliticalParty",
        "SportsTeam",
        "PerformingGroup",
        "OnlineBusiness",
        "LocalBusiness",
        "Project",
        "ResearchOrganization",
        "SportsOrganization",
        "WorkersUnion",
        "Consortium",
        "FundingScheme",
        "LibrarySystem",
        "Airline",
        "SearchRescueOrganization",
    }
)
#: "minimum of 50K pixels when multiplying width and height" (a recommendation, for best results).
MIN_PIXELS = 50_000
#: Recommended aspect ratios, with a small tolerance for rounding in real images.
RATIOS = {"16x9": 16 / 9, "4x3": 4 / 3, "1x1": 1.0}
_RATIO_TOLERANCE = 0.03

_ISO = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})(?:(?P<sep>[T ])(?P<time>\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)"
    r"(?P<zone>Z|[+-]\d{2}:?\d{2})?)?"
)
_BY = re.compile(r"^\s*(?:written\s+|posted\s+|reported\s+)?by\b[\s:]*", re.IGNORECASE)
_JOINED = re.compile(r"\s(?:and|&|und|et|y)\s|\s*[;&|/]\s*|,\s+(?=[A-Z][\w'.-]+\s+[A-Z])")
#: Job-title words that do not belong in an author's ``name`` (general English).
_TITLE_WORDS = frozenset(
    [
        "reporter",
        "correspondent",
        "editor",
        "columnist",
        "writer",
        "contributor",
        "journalist",
        "producer",
        "photographer",
        "analyst",
        "critic",
        "anchor",
        "staff",
        "freelance",
        "senior",
        "chief",
        "bureau",
        "intern",
    ]
)


class Severity(enum.StrEnum):
    """How bad a finding is: ``critical`` breaks the item, ``warning`` misses a recommendation."""

    CRITICAL = "critical"
    WARNING = "warning"


@attrs.frozen
class Finding:
    """One lint finding: a severity, a JSON Pointer to the property, and what to do."""

    severity: Severity
    pointer: str
    message: str

    def __str__(self) -> str:
        return f"{self.severity} {self.pointer or '/'}: {self.message}"


def has_critical(findings: list[Finding]) -> bool:
    """Tell whether any finding is critical (the CLI's exit status)."""
    return any(f.severity is Severity.CRITICAL for f in findings)


def lint(article_or_jsonld: NewsArticle | Mapping[str, Any] | list[Any] | str) -> list[Finding]:
    """Lint a ``NewsArticle`` or a JSON-LD document (dict, list or JSON text).

    Every article node in the document is linted (a ``@graph`` or an array may
    hold several); pointers are from the document's root. A document with no
    article node gives one critical finding. ``LintError`` when the input is
    not JSON at all.
    """
    doc: Any
    if isinstance(article_or_jsonld, NewsArticle):
        from newsmodel.serialize.jsonld import to_jsonld

        doc = to_jsonld(article_or_jsonld)
    elif isinstance(article_or_jsonld, str):
        try:
            doc = json.loads(article_or_jsonld)
        except ValueError as exc:
            raise LintError(f"not JSON: {exc}") from exc
    else:
        doc = article_or_jsonld
    if not isinstance(doc, Mapping | list):
        raise LintError(f"a JSON-LD document is an object or an array, not {type(doc).__name__}")
    by_id: dict[str, Mapping[str, Any]] = {}
    for _, node in _nodes(doc, ""):
        ref = node.get("@id")
        if isinstance(ref, str) and len(node) > len(by_id.get(ref, ())):  # a full node beats a reference
            by_id[ref] = node
    findings: list[Finding] = []
    articles = [(p, n) for p, n in _nodes(doc, "") if _types(n) & ARTICLE_TYPES]
    if not articles:
        return [Finding(Severity.CRITICAL, "", "no Article or NewsArticle node found")]
    seen: set[int] = set()
    for pointer, node in articles:
        if id(node) in seen:
            continue
        seen.add(id(node))
        findings.extend(_ArticleLint(node, pointer, by_id).run())
    return findings


# --------------------------------------------------------------------------- walking


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def _nodes(value: Any, pointer: str, depth: int = 0) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Every JSON object in the document with its JSON Pointer (depth-limited)."""
    if depth > 32:
        return
    if isinstance(value, Mapping):
        yield pointer, value
        for key, item in value.items():
            yield from _nodes(item, f"{pointer}/{_escape(str(key))}", depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nodes(item, f"{pointer}/{index}", depth + 1)


def _types(node: Mapping[str, Any]) -> set[str]:
    raw = node.get("@type", ())
    items = raw if isinstance(raw, list) else [raw]
    return {str(t).rsplit("/", 1)[-1].rsplit(":", 1)[-1] for t in items if isinstance(t, str)}


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _literal(value: Any) -> Any:
    """Return the lexical value of a plain literal or a JSON-LD value object."""
    if isinstance(value, Mapping) and "@value" in value:
        return value["@value"]
    return value


def _number(value: Any) -> float | None:
    value = _literal(value)
    if isinstance(value, Mapping):  # QuantitativeValue / Distance
        value = _literal(value.get("value"))
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*", value)
        return float(match.group(1)) if match else None
    return None


def _url_ok(value: Any) -> bool:
    return isinstance(value, str) and re.fullmatch(r"https?://[^\s<>\"]+\.[^\s<>\"]+", value) is not None


def _link_ok(value: Any) -> bool:
    """A ``url`` that a page may turn into a link: http(s) only (``javascript:`` would run script)."""
    return isinstance(value, str) and re.match(r"https?://", value.strip(), re.IGNORECASE) is not None


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


# --------------------------------------------------------------------------- the checks


class _ArticleLint:
    """The checks for one article node."""

    def __init__(self, node: Mapping[str, Any], pointer: str, by_id: dict[str, Mapping[str, Any]]) -> None:
        self.node = node
        self.at = pointer
        self.by_id = by_id
        self.findings: list[Finding] = []

    def critical(self, where: str, message: str) -> None:
        self.findings.append(Finding(Severity.CRITICAL, self.at + where, message))

    def warning(self, where: str, message: str) -> None:
        self.findings.append(Finding(Severity.WARNING, self.at + where, message))

    def resolve(self, value: Any) -> Any:
        if isinstance(value, Mapping) and set(value) <= {"@id"} and str(value.get("@id")) in self.by_id:
            return self.by_id[str(value["@id"])]
        return value

    def run(self) -> list[Finding]:
        publisher_name = self._publisher_name()
        self._link(self.node, "")
        self._headline()
        self._authors(publisher_name)
        published = self._date("datePublished")
        modified = self._date("dateModified")
        if (
            isinstance(published, dt.datetime)
            and isinstance(modified, dt.datetime)
            and (published.tzinfo is None) == (modified.tzinfo is None)
            and modified < published
        ):
            self.warning("/dateModified", "is earlier than datePublished")
        self._images()
        self._publisher()
        return self.findings

    # headline ----------------------------------------------------------------

    def _headline(self) -> None:
        headline = _literal(self.node.get("headline"))
        if headline is None:
            self.warning("/headline", "missing; recommended (the article's title)")
        elif not isinstance(headline, str) or not headline.strip():
            self.critical("/headline", "must be non-empty text")

    def _link(self, node: Mapping[str, Any], where: str) -> None:
        """Flag a ``url`` that is not http(s): pages turn it into a link, and a script URL would run."""
        url = _literal(node.get("url"))
        if url is not None and not _link_ok(url):
            self.critical(f"{where}/url", f"{url!r} is not an http(s) URL; a page would link to it")

    # authors -----------------------------------------------------------------

    def _authors(self, publisher_name: str | None) -> None:
        raw = self.node.get("author")
        if raw is None:
            self.warning("/author", "missing; recommended (a Person or Organization with a name)")
            return
        many = isinstance(raw, list)
        for index, item in enumerate(_as_list(raw)):
            where = f"/author/{index}" if many else "/author"
            self._author(self.resolve(item), where, publisher_name)

    def _author(self, author: Any, where: str, publisher_name: str | None) -> None:
        if isinstance(author, str):
            self.critical(where, "is a plain string; give an object typed Person or Organization with a name")
            return
        if not isinstance(author, Mapping):
            self.critical(where, "must be an object typed Person or Organization")
            return
        types = _types(author)
        if not types & (PERSON_TYPES | ORGANIZATION_TYPES):
            found = ", ".join(sorted(types)) or "no @type"
            self.warning(where, f"typed {found}; recommended: Person or Organization")
        self._link(author, where)
        name = _literal(author.get("name"))
        if not isinstance(name, str) or not name.strip():
            self.critical(f"{where}/name", "missing; give the author's name")
            return
        self._name(name, f"{where}/name", bool(types & PERSON_TYPES), publisher_name)
        if not (author.get("url") or author.get("sameAs")):
            self.warning(where, "no url or sameAs; Google uses them to identify the author")

    def _name(self, name: str, where: str, person: bool, publisher_name: str | None) -> None:
        if _BY.match(name):
            self.critical(where, 'name starts with "By"; give the name only')
        rest = _BY.sub("", name)
        if _JOINED.search(rest):
            self.critical(where, f"name joins two people ({rest!r}); give one author object per person")
        words = set(_key(rest).split())
        titles = sorted(words & _TITLE_WORDS)
        if person and titles:
            self.warning(where, f"name holds a job title ({', '.join(titles)}); give the name only")
        if person and publisher_name and _key(publisher_name) in _key(rest) and _key(rest):
            self.warning(where, "name holds the publisher's name; give the person's name only")
        if re.search(r"https?://|@\w|\d{3,}", rest):
            self.warning(where, "name holds a link, a handle or digits; give the name only")

    # dates -------------------------------------------------------------------

    def _date(self, prop: str) -> dt.datetime | dt.date | None:
        raw = self.node.get(prop)
        if raw is None:
            self.warning(f"/{prop}", "missing; recommended")
            return None
        value = _literal(raw)
        if not isinstance(value, str):
            self.critical(f"/{prop}", "must be an ISO 8601 date or date-time string")
            return None
        match = _ISO.fullmatch(value.strip())
        if not match:
            self.critical(f"/{prop}", f"{value!r} is not ISO 8601 (e.g. 2019-11-19T21:57:01+00:00)")
            return None
        try:
            stamp = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            self.critical(f"/{prop}", f"{value!r} is not a real date or time")
            return None
        if match.group("sep") == " ":
            self.warning(f"/{prop}", "separates date and time with a space; ISO 8601 uses 'T'")
        if not match.group("time"):
            self.warning(f"/{prop}", "date without a time; add the time and its time zone offset")
            return stamp.date()
        if not match.group("zone"):
            self.warning(f"/{prop}", "no time zone offset; add one (e.g. +00:00) so the time is unambiguous")
        return stamp

    # images ------------------------------------------------------------------

    def _images(self) -> None:
        raw = self.node.get("image")
        if raw is None:
            self.warning(
                "/image", "missing; recommended (images of 50,000 pixels or more, in 16x9, 4x3 and 1x1)"
            )
            return
        many = isinstance(raw, list)
        ratios: set[str] = set()
        sized = 0
        for index, item in enumerate(_as_list(raw)):
            where = f"/image/{index}" if many else "/image"
            image = self.resolve(item)
            if isinstance(image, str):
                if not _url_ok(image):
                    self.critical(where, f"{image!r} is not an absolute http(s) URL")
                continue
            if not isinstance(image, Mapping):
                self.critical(where, "must be a URL or an ImageObject")
                continue
            url = _literal(image.get("url") or image.get("contentUrl") or image.get("@id"))
            if not _url_ok(url):
                self.critical(where + "/url", f"{url!r} is not an absolute http(s) URL")
            width, height = _number(image.get("width")), _number(image.get("height"))
            if width is None or height is None:
                continue
            sized += 1
            if width * height < MIN_PIXELS:
                self.warning(
                    where,
                    f"{width:.0f}x{height:.0f} is {width * height:,.0f} pixels; "
                    f"Google recommends at least {MIN_PIXELS:,}",
                )
            if height:
                ratio = width / height
                for label, wanted in RATIOS.items():
                    if abs(ratio - wanted) / wanted <= _RATIO_TOLERANCE:
                        ratios.add(label)
        if sized:
            missing = [label for label in RATIOS if label not in ratios]
            if missing:
                self.warning(
                    "/image",
                    f"no image in {', '.join(missing)}; Google recommends images in 16x9, 4x3 and 1x1",
                )

    # publisher ---------------------------------------------------------------

    def _publisher_name(self) -> str | None:
        publisher = self.resolve(self.node.get("publisher"))
        if isinstance(publisher, list) and publisher:
            publisher = self.resolve(publisher[0])
        if isinstance(publisher, Mapping):
            name = _literal(publisher.get("name"))
            return name if isinstance(name, str) and name.strip() else None
        return None

    def _publisher(self) -> None:
        """Google's Article page lists no publisher property: only its links are checked (script safety)."""
        raw = self.node.get("publisher")
        many = isinstance(raw, list)
        for index, item in enumerate(_as_list(raw) if raw is not None else []):
            publisher = self.resolve(item)
            if isinstance(publisher, Mapping):
                self._link(publisher, f"/publisher/{index}" if many else "/publisher")
