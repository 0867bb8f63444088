"""Plain JSON: round trips, validation of what we write, every error with its path on read."""

from __future__ import annotations

import contextlib
import datetime as dt
import json as stdlib_json
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from seed_article import seed_article
from strategies import articles, timestamps

from newsmodel.check import schema
from newsmodel.errors import FormatError, ModelError, NewsmodelError, ValidationError
from newsmodel.model import NewsArticle, Organization, PartialDate, Person
from newsmodel.serialize import json as nm_json
from newsmodel.serialize.converter import camel, structure, unstructure

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _minimal(**extra: Any) -> dict[str, Any]:
    return {"id": "https://example.org/a", "headline": "Talks", **extra}


@FAST
@given(articles())
def test_round_trip_is_identity(article: NewsArticle) -> None:
    """model -> JSON text -> model gives an equal model, and writing it again gives the same bytes."""
    text = nm_json.dumps(article)
    back = nm_json.loads(text)
    assert back == article
    assert nm_json.dumps(back) == text


@FAST
@given(articles())
def test_indented_output_reads_back_the_same(article: NewsArticle) -> None:
    """The indented spelling parses to the same data as the compact one and round-trips too."""
    compact = nm_json.dumps(article)
    indented = nm_json.dumps(article, indent=True)
    assert indented.endswith("\n")
    assert orjson.loads(indented) == orjson.loads(compact)
    assert nm_json.loads(indented.encode("utf-8")) == article


@FAST
@given(articles())
def test_every_json_we_write_validates(article: NewsArticle) -> None:
    """What to_dict returns passes the reference validator with no error at all."""
    data = nm_json.to_dict(article)
    assert schema.errors(data) == []
    assert schema.is_valid(data)


@FAST
@given(timestamps())
def test_timestamps_keep_type_and_offset(value: dt.date) -> None:
    """A date stays a date, a datetime keeps its exact UTC offset (or its lack of one)."""
    article = NewsArticle(id="https://example.org/a", headline="h", date_published=value)
    back = nm_json.loads(nm_json.dumps(article)).date_published
    assert type(back) is type(value)
    assert back == value
    if isinstance(value, dt.datetime):
        assert isinstance(back, dt.datetime)
        assert back.utcoffset() == value.utcoffset()


def test_keys_are_camel_case_and_empty_fields_omitted() -> None:
    """The seed's JSON uses camelCase keys, writes no null or empty list, and keeps confidence."""
    data = nm_json.to_dict(seed_article())
    assert "articleBody" in data and "datePublished" in data
    assert data["datePublished"] == "2017-03-28"
    person = data["people"][0]
    assert {"jobTitle", "alternateNames", "nationality", "spans", "confidence"} <= set(person)
    assert person["spans"][0].keys() == {"start", "end"}

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                assert key == camel(key) and "_" not in key, key
                assert item is not None and item != [], key
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)


def test_partial_dates_and_enums_are_plain_strings() -> None:
    """Partial dates are written at their precision, enums as their values."""
    data = nm_json.to_dict(seed_article())
    dates = {event["name"]: event.get("startDate") for event in data["events"]}
    assert set(dates.values()) == {"2017-03-28", "2017-03", "2017-05", "2016", None}
    assert {event["kind"] for event in data["events"]} >= {"meeting", "war"}
    assert all(type(event["kind"]) is str for event in data["events"])


def test_authors_are_tagged() -> None:
    """Each author carries "type": "Person" or "Organization" and comes back as that class."""
    article = NewsArticle(
        id="https://example.org/a",
        headline="h",
        authors=(
            Person(id="https://example.org/p", name="Ann Lee"),
            Organization(id="https://example.org/o", name="Wire Desk"),
        ),
    )
    data = nm_json.to_dict(article)
    assert [a["type"] for a in data["authors"]] == ["Person", "Organization"]
    back = nm_json.from_dict(data)
    assert [type(a) for a in back.authors] == [Person, Organization]


def test_output_is_deterministic() -> None:
    """Two writes of equal models give the same bytes; keys follow the model's field order."""
    first = nm_json.dumps(seed_article())
    assert nm_json.dumps(structure(unstructure(seed_article()))) == first
    assert list(orjson.loads(first))[:3] == ["id", "headline", "articleBody"]


def test_non_ascii_is_written_as_utf8() -> None:
    """Unicode, quotes, </script> and U+2028 survive and are written as UTF-8, not escaped."""
    headline = 'Oslo “deal” </script> \u2028 Москва "x"'
    text = nm_json.dumps(NewsArticle(id="https://example.org/a", headline=headline))
    assert "Москва" in text and "\u2028" in text
    assert nm_json.loads(text).headline == headline


def test_invalid_json_lists_every_error_with_its_path() -> None:
    """A document with several independent errors reports all of them, each at its JSON path."""
    data = _minimal(
        headline="",
        datePublished="28 March 2017",
        people=[
            {"id": "https://example.org/p1", "name": "Ann"},
            {"id": "https://example.org/p2", "name": "Bo"},
            {"id": "not an iri", "name": 3, "favouriteColour": "red"},
        ],
        agreements=[{"id": "https://example.org/g", "name": "Deal", "parties": ["https://example.org/p1"]}],
        events=[{"id": "https://example.org/e", "name": "E", "kind": "party"}],
    )
    with pytest.raises(ValidationError) as caught:
        nm_json.from_dict(data)
    paths = [path for path, _ in caught.value.errors]
    assert paths == sorted(paths)
    for expected in (
        "$.headline",
        "$.datePublished",
        "$.people[2].id",
        "$.people[2].name",
        "$.people[2]",  # the unknown key
        "$.agreements[0].parties",
        "$.events[0].kind",
    ):
        assert expected in paths, (expected, caught.value.errors)
    assert any("favouriteColour" in message for _, message in caught.value.errors)
    message = str(caught.value)  # one line: the first errors, then how many more
    assert paths[0] in message and f"and {len(paths) - 5} more" in message
    assert isinstance(caught.value, NewsmodelError)


def test_missing_required_keys_are_reported() -> None:
    """Missing headline and id are both named, at the object that lacks them."""
    with pytest.raises(ValidationError) as caught:
        nm_json.from_dict({"people": [{"name": "Ann"}]})
    messages = [f"{path} {message}" for path, message in caught.value.errors]
    assert any(m.startswith("$ ") and "'headline'" in m for m in messages)
    assert any(m.startswith("$ ") and "'id'" in m for m in messages)
    assert any(m.startswith("$.people[0] ") and "'id'" in m for m in messages)


def test_model_invariants_the_schema_cannot_see_are_errors_too() -> None:
    """A day that does not exist and a dangling reference fail as ValidationError with a path."""
    with pytest.raises(ValidationError) as caught:
        nm_json.from_dict(_minimal(datePublished="2017-02-30"))
    assert caught.value.errors[0][0] == "$.datePublished"
    with pytest.raises(ValidationError) as caught:
        nm_json.from_dict(
            _minimal(
                events=[
                    {"id": "https://example.org/e", "name": "E", "kind": "war", "startDate": "2017-02-30"}
                ]
            )
        )
    assert caught.value.errors[0][0] == "$.events[0].startDate"
    with pytest.raises(ValidationError) as caught:
        nm_json.from_dict(
            _minimal(
                people=[{"id": "https://example.org/p", "name": "A", "nationality": "https://example.org/x"}]
            )
        )
    assert "does not hold" in str(caught.value)
    assert isinstance(caught.value.__cause__, ModelError | ExceptionGroup)


def test_structure_alone_reports_paths_in_camel_case() -> None:
    """convert.structure (no schema) still names each bad field with its JSON key."""
    with pytest.raises(ValidationError) as caught:
        structure(
            _minimal(
                people=[{"id": "https://example.org/p", "name": "A", "jobTitle": 5, "job_title": "x"}],
                inLanguage=7,
            )
        )
    paths = {path for path, _ in caught.value.errors}
    assert paths == {"$.people[0].jobTitle", "$.people[0].job_title", "$.inLanguage"}


def test_structure_refuses_strings_where_arrays_belong() -> None:
    """A string given for a list is an error, not a tuple of its characters."""
    with pytest.raises(ValidationError) as caught:
        structure(_minimal(about="https://example.org/p"))
    assert caught.value.errors[0][0] == "$.about"


def test_partial_date_hooks() -> None:
    """Partial dates unstructure to their string at each precision and structure back."""
    for text in ("2016", "2017-03", "2017-03-28"):
        value = PartialDate.parse(text)
        assert structure(text, PartialDate) == value
        assert str(value) == text


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ('{"id": "https://example.org/a",', 1, 32),
        ('{\n  "id": "https://example.org/a",\n  "headline": }', 3, 15),
        ("", 1, 1),
        (b"\xff\xfe", 1, 1),
    ],
)
def test_broken_syntax_is_a_format_error_with_position(text: str | bytes, line: int, column: int) -> None:
    """JSON that does not parse raises FormatError naming its line and column."""
    with pytest.raises(FormatError, match=rf"line {line}, column {column}"):
        nm_json.loads(text)


def test_valid_json_that_is_not_an_object_is_a_validation_error() -> None:
    """A JSON array is well-formed but not an article: ValidationError at $."""
    with pytest.raises(ValidationError) as caught:
        nm_json.loads("[1, 2]")
    assert caught.value.errors[0][0] == "$"


def test_negative_image_width_is_refused_by_model_and_schema() -> None:
    """A negative image width fails at construction and in the schema alike."""
    from newsmodel.errors import ModelError
    from newsmodel.model import Image

    with pytest.raises(ModelError, match="width"):
        Image(url="https://e/i", width=-1)
    image = Image(url="https://e/i", width=1)
    article = NewsArticle(id="https://example.org/a", headline="h", images=(image,))
    data = nm_json.to_dict(article)
    data["images"][0]["width"] = -1
    with pytest.raises(ValidationError, match=r"\$\.images\[0\]\.width"):
        nm_json.from_dict(data)


@settings(max_examples=30, deadline=None)
@given(st.text(max_size=30))
def test_loads_never_crashes_on_garbage(text: str) -> None:
    """Arbitrary text either parses to an article or raises a NewsmodelError, nothing else."""
    with contextlib.suppress(NewsmodelError):
        nm_json.loads(text)


def test_stdlib_json_reads_our_output() -> None:
    """Our bytes are plain JSON any parser reads to the same data."""
    text = nm_json.dumps(seed_article(), indent=True)
    assert stdlib_json.loads(text) == orjson.loads(text)
