"""Model invariants: frozen, keyword-only objects that refuse invalid values at construction."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from newsmodel import (
    Agreement,
    Event,
    ModelError,
    NewsArticle,
    PartialDate,
    Person,
    Place,
    PlaceKind,
    Quotation,
    Span,
)

BASE = "https://example.org/id/"


def person(name: str = "Ann Lee", **kw: object) -> Person:
    return Person(id=BASE + "person/" + name.lower().replace(" ", "-"), name=name, **kw)  # type: ignore[arg-type]


def test_objects_are_frozen() -> None:
    """Assigning to a field of a model object fails."""
    p = person()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        p.name = "Other"  # type: ignore[misc]


def test_fields_are_keyword_only() -> None:
    """Positional construction is refused, so field order is never an API."""
    with pytest.raises(TypeError):
        Person(BASE + "p", "Ann")  # type: ignore[misc]


@pytest.mark.parametrize(
    "iri",
    [
        "",
        "person/ann",
        "http://exa mple.org/x",
        "<http://x>",
        "http://a/%zz",
        "http://a/[x]",
        "http://a/#x#y",
        "http://a:b:c/",
        "http://a/x/../y",
        "http://a/./y",
        "time:x",
        "org:acme",
    ],
)
def test_iris_must_be_absolute(iri: str) -> None:
    """Relative or malformed IRIs raise ModelError naming the field."""
    with pytest.raises(ModelError, match=r"Person\.id"):
        Person(id=iri, name="Ann")


@pytest.mark.parametrize("name", ["", "   ", "\n"])
def test_names_must_not_be_blank(name: str) -> None:
    """Empty or whitespace names raise ModelError."""
    with pytest.raises(ModelError, match="name"):
        person(name=name) if name.strip() else Person(id=BASE + "p", name=name)


def test_names_keep_quotes_and_newlines() -> None:
    """Hostile but non-empty names are kept exactly."""
    p = Person(id=BASE + "p", name='Ann "The Rock"\nLee </script>')
    assert p.name == 'Ann "The Rock"\nLee </script>'


def test_agreement_needs_two_parties() -> None:
    """An agreement with fewer than two parties cannot be built."""
    with pytest.raises(ModelError, match="two or more parties"):
        Agreement(id=BASE + "a", name="Deal", parties=[BASE + "x"])


def test_agreement_parties_are_unique() -> None:
    """The same party twice is refused."""
    with pytest.raises(ModelError, match="same value twice"):
        Agreement(id=BASE + "a", name="Deal", parties=[BASE + "x", BASE + "x"])


@pytest.mark.parametrize(
    ("year", "month", "day"), [(2017, 2, 29), (2017, 13, None), (0, None, None), (2017, None, 3)]
)
def test_partial_dates_are_real(year: int, month: int | None, day: int | None) -> None:
    """Impossible calendar dates raise ModelError."""
    with pytest.raises(ModelError):
        PartialDate(year=year, month=month, day=day)


@pytest.mark.parametrize("text", ["2016", "2017-03", "2016-02-29"])
def test_partial_date_round_trips_through_text(text: str) -> None:
    """``str(PartialDate.parse(t)) == t`` at every precision."""
    assert str(PartialDate.parse(text)) == text


def test_partial_date_parse_rejects_garbage() -> None:
    """A non-ISO string raises ModelError."""
    with pytest.raises(ModelError):
        PartialDate.parse("March 2017")


def test_span_end_not_before_start() -> None:
    """A span that ends before it starts is refused."""
    with pytest.raises(ModelError):
        Span(start=5, end=4)


def test_confidence_in_unit_interval() -> None:
    """Confidence outside [0, 1] or NaN is refused."""
    for bad in (-0.1, 1.5, float("nan")):
        with pytest.raises(ModelError):
            person(confidence=bad)


def test_article_references_must_resolve() -> None:
    """A quotation whose speaker is not in the article is refused."""
    q = Quotation(id=BASE + "q", text="Hello", speaker=BASE + "person/nobody")
    with pytest.raises(ModelError, match="does not hold"):
        NewsArticle(id=BASE + "art", headline="H", quotations=[q])


def test_article_ids_are_unique() -> None:
    """Two items with one IRI are refused."""
    with pytest.raises(ModelError, match="share the IRI"):
        NewsArticle(id=BASE + "art", headline="H", people=[person(), person()])


def test_spans_must_fit_the_body() -> None:
    """A span past the end of ``article_body`` is refused."""
    with pytest.raises(ModelError, match="past the end"):
        NewsArticle(
            id=BASE + "art",
            headline="H",
            article_body="short",
            people=[person(spans=[Span(start=0, end=50)])],
        )


def test_event_end_not_before_start() -> None:
    """An event cannot end before it starts."""
    with pytest.raises(ModelError):
        Event(
            id=BASE + "e",
            name="Talks",
            kind="talks",
            start_date=PartialDate(year=2017, month=3),
            end_date=PartialDate(year=2016),
        )


def test_valid_article_builds() -> None:
    """A consistent article with cross-references builds and finds its entities."""
    iran = Place(id=BASE + "place/iran", name="Iran", kind=PlaceKind.COUNTRY)
    ann = person(nationality=iran.id)
    art = NewsArticle(
        id=BASE + "art",
        headline="H",
        date_published=dt.date(2017, 3, 28),
        people=[ann],
        places=[iran],
        quotations=[Quotation(id=BASE + "q", text="Hi", speaker=ann.id)],
    )
    assert art.entity(iran.id) == iran
    assert art.entities == (ann, iran)
    assert isinstance(art.people, tuple)


def test_timestamps_must_be_dates() -> None:
    """``date_published`` must be a date or datetime, not a string."""
    with pytest.raises(ModelError):
        NewsArticle(id=BASE + "a", headline="H", date_published="2017-03-28")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "iri",
    [
        "https://example.org/a?b=c#d",
        "urn:isbn:0451450523",
        "tag:ann@example.org,2019:x",
        "https://example.org/caf%C3%A9",
        "https://example.org/café",
        "http://127.0.0.1:8080/x",
    ],
)
def test_good_iris_are_accepted(iri: str) -> None:
    """Absolute IRIs of every common shape pass the model's check."""
    assert Person(id=iri, name="Ann").id == iri


def test_model_iris_are_ones_oxigraph_accepts() -> None:
    """Every IRI the model accepts is one the store's RDF library accepts too."""
    import pyoxigraph
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from newsmodel.model import is_absolute_iri

    alphabet = "abAB09-._~/?#[]@!$&'()*+,;=%:é中 {|"

    @settings(max_examples=400, deadline=None)
    @given(st.sampled_from(["http", "urn", "tag", "a"]), st.text(alphabet=alphabet, max_size=12))
    def check(scheme: str, rest: str) -> None:
        iri = f"{scheme}:{rest}"
        if is_absolute_iri(iri):
            pyoxigraph.NamedNode(iri)

    check()


def test_same_author_twice_is_refused() -> None:
    """An author listed twice, or with two different values for one IRI, is refused."""
    ann = person()
    with pytest.raises(ModelError, match="listed twice"):
        NewsArticle(id=BASE + "art", headline="H", authors=[ann, ann])
    other = person(job_title="Editor")
    with pytest.raises(ModelError, match="different values"):
        NewsArticle(id=BASE + "art", headline="H", authors=[ann], people=[other])
