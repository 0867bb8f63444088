"""The typed model of a news article.

The classes here know nothing about JSON, JSON-LD or RDF: they hold what an
article says, and they refuse to hold nonsense. Every class is frozen and
keyword-only, and checks its invariants when it is built, so a model object
that exists is a valid one (names are non-empty, IRIs are absolute, dates are
real dates, an agreement has two or more parties, every reference inside an
article points at something the article holds).

Entities reference each other by IRI (``Person.nationality`` is the IRI of a
``Place``), the way the RDF graph does: the article is the one place that
holds the objects, and the references stay flat and serializable.

>>> duarte = Person(id="https://w3id.org/newsmodel/id/person/ana-duarte",
...                 name="Ana Duarte", alternate_names=("Duarte",),
...                 job_title="President")
>>> duarte.name
'Ana Duarte'
>>> Person(id="not an iri", name="X")
Traceback (most recent call last):
...
newsmodel.errors.ModelError: Person.id: 'not an iri' is not an absolute IRI
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import re
from collections.abc import Iterator
from typing import Any, TypeAlias

import attrs

from newsmodel.errors import ModelError
from newsmodel.iri import is_absolute_iri, is_web_url

__all__ = [
    "Agreement",
    "AgreementStatus",
    "Author",
    "Entity",
    "Event",
    "EventKind",
    "Image",
    "NewsArticle",
    "Organization",
    "OrganizationKind",
    "PartialDate",
    "Person",
    "Place",
    "PlaceKind",
    "Quotation",
    "Span",
    "Timestamp",
    "is_absolute_iri",
]


# --------------------------------------------------------------------------- validators


def _fail(inst: Any, attribute: attrs.Attribute[Any], message: str) -> ModelError:
    return ModelError(f"{type(inst).__name__}.{attribute.name}: {message}")


def _iri(inst: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    if not is_absolute_iri(value):
        raise _fail(inst, attribute, f"{value!r} is not an absolute IRI")


def _optional_iri(inst: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None:
        _iri(inst, attribute, value)


def _web_url(inst: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    _iri(inst, attribute, value)
    if not is_web_url(value):
        raise _fail(inst, attribute, f"{value!r} is not an http(s) URL (only those become links)")


def _optional_web_url(inst: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None:
        _web_url(inst, attribute, value)


def _iris(inst: Any, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    for item in value:
        _iri(inst, attribute, item)


def _text(inst: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise _fail(inst, attribute, f"{value!r} must be a non-empty string")


def _optional_text(inst: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None:
        _text(inst, attribute, value)


def _texts(inst: Any, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    for item in value:
        _text(inst, attribute, item)


def _confidence(inst: Any, attribute: attrs.Attribute[Any], value: float) -> None:
    if not isinstance(value, int | float) or math.isnan(value) or not 0.0 <= value <= 1.0:
        raise _fail(inst, attribute, f"{value!r} is not a confidence in [0, 1]")


def _unique(inst: Any, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    if len(set(value)) != len(value):
        raise _fail(inst, attribute, "holds the same value twice")


def _tuple(value: Any) -> tuple[Any, ...]:
    """Accept any iterable (a list from a user) and store an immutable tuple."""
    if isinstance(value, str):
        return (value,)
    return tuple(value)


# --------------------------------------------------------------------------- value types


@attrs.frozen(kw_only=True, order=True)
class Span:
    """Character offsets ``[start, end)`` of a piece of evidence in ``articleBody``.

    >>> Span(start=4, end=9)
    Span(start=4, end=9)
    """

    start: int = attrs.field()
    end: int = attrs.field()

    @start.validator
    def _check_start(self, attribute: attrs.Attribute[int], value: int) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise _fail(self, attribute, f"{value!r} is not an offset >= 0")

    @end.validator
    def _check_end(self, attribute: attrs.Attribute[int], value: int) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or value < self.start:
            raise _fail(self, attribute, f"{value!r} is before start {self.start}")

    def slice(self, text: str) -> str:
        """The text this span covers in ``text``.

        >>> Span(start=4, end=9).slice("Mr. Reyes said")
        'Reyes'
        """
        return text[self.start : self.end]


@attrs.frozen(kw_only=True)
class PartialDate:
    """A calendar date known to the year, the month or the day.

    News text gives dates at every precision ("last year", "in May", "on
    Tuesday"); storing them as one full date would invent the missing parts.

    >>> str(PartialDate(year=2017, month=3))
    '2017-03'
    >>> PartialDate.parse("2023-03-28").day
    28
    >>> PartialDate(year=2017, month=2, day=30)
    Traceback (most recent call last):
    ...
    newsmodel.errors.ModelError: PartialDate.day: 2017-02-30 is not a real date
    """

    year: int = attrs.field()
    month: int | None = attrs.field(default=None)
    day: int | None = attrs.field(default=None)

    @year.validator
    def _check_year(self, attribute: attrs.Attribute[int], value: int) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 9999:
            raise _fail(self, attribute, f"{value!r} is not a year in 1..9999")

    @month.validator
    def _check_month(self, attribute: attrs.Attribute[int | None], value: int | None) -> None:
        if value is not None and (not isinstance(value, int) or not 1 <= value <= 12):
            raise _fail(self, attribute, f"{value!r} is not a month in 1..12")

    @day.validator
    def _check_day(self, attribute: attrs.Attribute[int | None], value: int | None) -> None:
        if value is None:
            return
        if self.month is None:
            raise _fail(self, attribute, "a day needs a month")
        try:
            dt.date(self.year, self.month, value)
        except (TypeError, ValueError):
            raise _fail(
                self, attribute, f"{self.year:04d}-{self.month:02d}-{value!r:0>2} is not a real date"
            ) from None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

        >>> PartialDate.parse("2016")
        PartialDate(year=2016, month=None, day=None)
        """
        match = re.fullmatch(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?", text.strip())
        if not match:
            raise ModelError(f"PartialDate: {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = match.groups()
        return cls(
            year=int(year),
            month=int(month) if month else None,
            day=int(day) if day else None,
        )

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        """The day-precision partial date of a ``datetime.date``."""
        return cls(year=value.year, month=value.month, day=value.day)

    @property
    def precision(self) -> str:
        """``"year"``, ``"month"`` or ``"day"``."""
        return "year" if self.month is None else "month" if self.day is None else "day"

    def __str__(self) -> str:
        out = f"{self.year:04d}"
        if self.month is not None:
            out += f"-{self.month:02d}"
            if self.day is not None:
                out += f"-{self.day:02d}"
        return out


def _pixels(inst: Any, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
        raise _fail(inst, attribute, f"{value!r} is not a pixel count >= 0")


#: When an article was published or modified: a full timestamp (with its UTC
#: offset when the source gives one) or just a calendar day.
Timestamp: TypeAlias = dt.datetime | dt.date


@attrs.frozen(kw_only=True)
class Image:
    """An image of the article, with its pixel size when the page states it."""

    url: str = attrs.field(validator=_web_url)
    width: int | None = attrs.field(default=None, validator=_pixels)
    height: int | None = attrs.field(default=None, validator=_pixels)
    caption: str | None = attrs.field(default=None, validator=_optional_text)


# --------------------------------------------------------------------------- enums


class PlaceKind(enum.StrEnum):
    """The kind of a place; each maps to one schema.org type."""

    COUNTRY = "Country"
    CITY = "City"
    ADMINISTRATIVE_AREA = "AdministrativeArea"
    REGION = "Region"
    LANDMARK = "Landmark"
    OTHER = "Other"


class OrganizationKind(enum.StrEnum):
    """The kind of an organization; each maps to schema.org ``Organization`` or a subtype."""

    ORGANIZATION = "Organization"
    GOVERNMENT = "GovernmentOrganization"
    NEWS_MEDIA = "NewsMediaOrganization"
    CORPORATION = "Corporation"
    EDUCATIONAL = "EducationalOrganization"
    NGO = "NGO"
    POLITICAL_PARTY = "PoliticalParty"
    SPORTS_TEAM = "SportsTeam"
    MEDICAL = "MedicalOrganization"


class EventKind(enum.StrEnum):
    """What kind of happening an event is (a coarse, CAMEO-aligned set)."""

    MEETING = "meeting"
    VISIT = "visit"
    TALKS = "talks"
    ELECTION = "election"
    WAR = "war"
    ATTACK = "attack"
    SIGNING = "signing"
    ANNOUNCEMENT = "announcement"
    TRIAL = "trial"
    OTHER = "other"


class AgreementStatus(enum.StrEnum):
    """How far an agreement has got."""

    PROPOSED = "proposed"
    AGREED = "agreed"
    SIGNED = "signed"
    IN_FORCE = "in force"
    OTHER = "other"


# --------------------------------------------------------------------------- entities


@attrs.frozen(kw_only=True)
class Entity:
    """What people, organizations and places share: an IRI, names, evidence.

    ``alternate_names`` are the other surface forms the article uses ("Duarte"
    for Ana Duarte, "U.S." for United States). ``spans`` point at every
    mention in ``articleBody``; ``confidence`` is the mapper's, in [0, 1].
    """

    id: str = attrs.field(validator=_iri)
    name: str = attrs.field(validator=_text)
    alternate_names: tuple[str, ...] = attrs.field(default=(), converter=_tuple, validator=[_texts, _unique])
    same_as: tuple[str, ...] = attrs.field(default=(), converter=_tuple, validator=[_iris, _unique])
    url: str | None = attrs.field(default=None, validator=_optional_web_url)
    spans: tuple[Span, ...] = attrs.field(default=(), converter=_tuple)
    confidence: float = attrs.field(default=1.0, validator=_confidence)


@attrs.frozen(kw_only=True)
class Person(Entity):
    """A person the article names.

    ``nationality`` is the IRI of a country ``Place`` (from "French President"
    or a demonym); ``affiliation`` the IRI of the ``Organization`` the title
    belongs to.
    """

    job_title: str | None = attrs.field(default=None, validator=_optional_text)
    nationality: str | None = attrs.field(default=None, validator=_optional_iri)
    affiliation: str | None = attrs.field(default=None, validator=_optional_iri)


@attrs.frozen(kw_only=True)
class Organization(Entity):
    """An organization the article names (or that published or wrote it)."""

    kind: OrganizationKind = attrs.field(default=OrganizationKind.ORGANIZATION, converter=OrganizationKind)
    logo: str | None = attrs.field(default=None, validator=_optional_web_url)
    #: The name is a place used for the body that sits there ("the White House said").
    also_place: bool = False


@attrs.frozen(kw_only=True)
class Place(Entity):
    """A place the article names; ``same_as`` links it to GeoNames where known."""

    kind: PlaceKind = attrs.field(default=PlaceKind.OTHER, converter=PlaceKind)
    contained_in: str | None = attrs.field(default=None, validator=_optional_iri)
    #: The name is used for a body that sits there ("Ottawa would respond").
    also_organization: bool = False


Author: TypeAlias = Person | Organization


# --------------------------------------------------------------------------- frames


@attrs.frozen(kw_only=True)
class Quotation:
    """Words the article quotes, and whom it credits with them.

    ``text`` is what stands between the quote marks; ``partial`` is true for a
    fragment built into the reporter's sentence.
    """

    id: str = attrs.field(validator=_iri)
    text: str = attrs.field(validator=_text)
    speaker: str | None = attrs.field(default=None, validator=_optional_iri)
    partial: bool = False
    spans: tuple[Span, ...] = attrs.field(default=(), converter=_tuple)
    confidence: float = attrs.field(default=1.0, validator=_confidence)


@attrs.frozen(kw_only=True)
class Event:
    """A happening the article asserts: a meeting, a visit, an election, an attack.

    ``description`` is the evidence sentence; ``date_text`` the words the date
    came from ("on Tuesday"), kept even when they could not be resolved.
    """

    id: str = attrs.field(validator=_iri)
    name: str = attrs.field(validator=_text)
    kind: EventKind = attrs.field(converter=EventKind)
    description: str | None = attrs.field(default=None, validator=_optional_text)
    cameo_code: str | None = attrs.field(default=None)
    start_date: PartialDate | None = None
    end_date: PartialDate | None = attrs.field(default=None)
    date_text: str | None = attrs.field(default=None, validator=_optional_text)
    location: str | None = attrs.field(default=None, validator=_optional_iri)
    attendees: tuple[str, ...] = attrs.field(default=(), converter=_tuple, validator=[_iris, _unique])
    organizers: tuple[str, ...] = attrs.field(default=(), converter=_tuple, validator=[_iris, _unique])
    spans: tuple[Span, ...] = attrs.field(default=(), converter=_tuple)
    confidence: float = attrs.field(default=1.0, validator=_confidence)

    @cameo_code.validator
    def _check_cameo(self, attribute: attrs.Attribute[str | None], value: str | None) -> None:
        if value is not None and not re.fullmatch(r"[0-9]{2,4}", value):
            raise _fail(self, attribute, f"{value!r} is not a CAMEO code (2 to 4 digits)")

    @end_date.validator
    def _check_order(self, attribute: attrs.Attribute[PartialDate | None], value: PartialDate | None) -> None:
        if value is None or self.start_date is None:
            return
        common = min(len(str(value)), len(str(self.start_date)))
        if str(value)[:common] < str(self.start_date)[:common]:
            raise _fail(self, attribute, f"{value} is before start_date {self.start_date}")


@attrs.frozen(kw_only=True)
class Agreement:
    """A deal, accord, treaty or contract between two or more parties."""

    id: str = attrs.field(validator=_iri)
    name: str = attrs.field(validator=_text)
    parties: tuple[str, ...] = attrs.field(converter=_tuple, validator=[_iris, _unique])
    status: AgreementStatus = attrs.field(default=AgreementStatus.AGREED, converter=AgreementStatus)
    description: str | None = attrs.field(default=None, validator=_optional_text)
    topics: tuple[str, ...] = attrs.field(default=(), converter=_tuple, validator=[_texts, _unique])
    date_created: PartialDate | None = None
    date_text: str | None = attrs.field(default=None, validator=_optional_text)
    spans: tuple[Span, ...] = attrs.field(default=(), converter=_tuple)
    confidence: float = attrs.field(default=1.0, validator=_confidence)

    @parties.validator
    def _check_parties(self, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]) -> None:
        if len(value) < 2:
            raise _fail(self, attribute, f"an agreement needs two or more parties, got {len(value)}")


# --------------------------------------------------------------------------- the article


def _timestamp(inst: Any, attribute: attrs.Attribute[Any], value: Timestamp | None) -> None:
    if value is not None and not isinstance(value, dt.date):
        raise _fail(inst, attribute, f"{value!r} is not a datetime.date or datetime.datetime")


@attrs.frozen(kw_only=True)
class NewsArticle:
    """A news article and everything the mapper found in it.

    ``people``, ``organizations`` and ``places`` are every entity the article
    mentions, once each; ``about`` lists the IRIs of those it is mainly about.
    References inside the article (a quotation's speaker, an event's
    attendees, a person's nationality, …) must point at one of its entities or
    authors: the constructor checks it.
    """

    id: str = attrs.field(validator=_iri)
    headline: str = attrs.field(validator=_text)
    article_body: str | None = None
    url: str | None = attrs.field(default=None, validator=_optional_web_url)
    date_published: Timestamp | None = attrs.field(default=None, validator=_timestamp)
    date_modified: Timestamp | None = attrs.field(default=None, validator=_timestamp)
    in_language: str | None = attrs.field(default=None)
    section: str | None = attrs.field(default=None, validator=_optional_text)
    dateline: str | None = attrs.field(default=None, validator=_optional_text)
    content_location: str | None = attrs.field(default=None, validator=_optional_iri)
    authors: tuple[Author, ...] = attrs.field(default=(), converter=_tuple)
    publisher: Organization | None = None
    images: tuple[Image, ...] = attrs.field(default=(), converter=_tuple)
    about: tuple[str, ...] = attrs.field(default=(), converter=_tuple, validator=[_iris, _unique])
    people: tuple[Person, ...] = attrs.field(default=(), converter=_tuple)
    organizations: tuple[Organization, ...] = attrs.field(default=(), converter=_tuple)
    places: tuple[Place, ...] = attrs.field(default=(), converter=_tuple)
    events: tuple[Event, ...] = attrs.field(default=(), converter=_tuple)
    agreements: tuple[Agreement, ...] = attrs.field(default=(), converter=_tuple)
    quotations: tuple[Quotation, ...] = attrs.field(default=(), converter=_tuple)

    @in_language.validator
    def _check_language(self, attribute: attrs.Attribute[str | None], value: str | None) -> None:
        if value is not None and not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", value):
            raise _fail(self, attribute, f"{value!r} is not a BCP 47 language tag")

    def __attrs_post_init__(self) -> None:
        known = self._check_ids_unique()
        for owner, field, ref in self._references():
            if ref not in known:
                raise ModelError(
                    f"NewsArticle: {owner}.{field} refers to {ref!r}, which the article does not hold"
                )
        if self.article_body is not None:
            self._check_spans(len(self.article_body))

    @property
    def entities(self) -> tuple[Entity, ...]:
        """Every person, organization and place, in that order."""
        return (*self.people, *self.organizations, *self.places)

    def entity(self, iri: str) -> Entity | None:
        """The entity or author with this IRI, or ``None``."""
        for item in (*self.entities, *self.authors, *([self.publisher] if self.publisher else [])):
            if item.id == iri:
                return item
        return None

    def _check_ids_unique(self) -> set[str]:
        seen: dict[str, Any] = {}
        holders: tuple[Entity | Event | Agreement | Quotation, ...] = (
            *self.entities,
            *self.events,
            *self.agreements,
            *self.quotations,
        )
        for item in holders:
            if item.id in seen:
                raise ModelError(f"NewsArticle: two items share the IRI {item.id!r}")
            seen[item.id] = item
        if self.id in seen:
            raise ModelError(f"NewsArticle: the article IRI {self.id!r} is also an item's IRI")
        known = set(seen)
        # An author or publisher may also be an entity (a columnist quoted in
        # the text); it must then be the same object, not a second version.
        for extra in (*self.authors, *([self.publisher] if self.publisher else [])):
            if extra.id in seen and seen[extra.id] != extra:
                raise ModelError(f"NewsArticle: {extra.id!r} is held twice with different values")
            seen[extra.id] = extra
            known.add(extra.id)
        if len({a.id for a in self.authors}) != len(self.authors):
            raise ModelError("NewsArticle: the same author is listed twice")
        return known

    def _references(self) -> Iterator[tuple[str, str, str]]:
        for person in self.people:
            for field in ("nationality", "affiliation"):
                ref = getattr(person, field)
                if ref is not None:
                    yield f"Person {person.name!r}", field, ref
        for place in self.places:
            if place.contained_in is not None:
                yield f"Place {place.name!r}", "contained_in", place.contained_in
        for quote in self.quotations:
            if quote.speaker is not None:
                yield "Quotation", "speaker", quote.speaker
        for event in self.events:
            for ref in (*event.attendees, *event.organizers):
                yield f"Event {event.name!r}", "attendees", ref
            if event.location is not None:
                yield f"Event {event.name!r}", "location", event.location
        for agreement in self.agreements:
            for ref in agreement.parties:
                yield f"Agreement {agreement.name!r}", "parties", ref
        for ref in self.about:
            yield "NewsArticle", "about", ref
        if self.content_location is not None:
            yield "NewsArticle", "content_location", self.content_location

    def _check_spans(self, length: int) -> None:
        holders: tuple[Any, ...] = (*self.entities, *self.events, *self.agreements, *self.quotations)
        for item in holders:
            for span in item.spans:
                if span.end > length:
                    raise ModelError(
                        f"NewsArticle: {type(item).__name__} {item.id!r} has span "
                        f"{span.start}-{span.end} past the end of article_body ({length} characters)"
                    )
