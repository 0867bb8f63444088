"""The JSON Schema: generated from the model, committed without drift, two validators that agree."""

from __future__ import annotations

import copy
import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import SPECIAL_FRAGMENTS, articles

from newsmodel import model
from newsmodel.check import schema
from newsmodel.errors import ValidationError
from newsmodel.serialize import json as nm_json

ROOT = Path(__file__).resolve().parents[1]
COMMITTED = ROOT / "schemas" / "newsarticle.schema.json"
PACKAGED = ROOT / "newsmodel" / "data" / "newsarticle.schema.json"
FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_schema", ROOT / "tools" / "gen_schema.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gen_schema = _load_tool()


def test_committed_schema_matches_the_model() -> None:
    """schemas/newsarticle.schema.json is exactly what tools/gen_schema.py generates now."""
    assert COMMITTED.read_text(encoding="utf-8") == gen_schema.render(gen_schema.build_schema())


def test_packaged_copy_is_identical() -> None:
    """The copy shipped in the package is byte-identical to the committed schema."""
    assert PACKAGED.read_bytes() == COMMITTED.read_bytes()


def test_check_flag_detects_drift(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--check exits 0 on matching copies and 1 when a copy differs."""
    good = tmp_path / "good.json"
    bad = tmp_path / "bad.json"
    good.write_text(gen_schema.render(gen_schema.build_schema()), encoding="utf-8")
    bad.write_text("{}\n", encoding="utf-8")
    monkeypatch.setattr(gen_schema, "ROOT", tmp_path)
    monkeypatch.setattr(gen_schema, "OUTPUTS", (good,))
    assert gen_schema.main(["--check"]) == 0
    monkeypatch.setattr(gen_schema, "OUTPUTS", (good, bad))
    assert gen_schema.main(["--check"]) == 1


def test_check_runs_as_a_script() -> None:
    """python tools/gen_schema.py --check succeeds on the committed tree."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "gen_schema.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_is_valid_draft_2020_12() -> None:
    """The schema itself passes the Draft 2020-12 metaschema."""
    loaded = schema.schema()
    assert loaded["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(loaded)


def test_schema_follows_the_model() -> None:
    """Every class is a closed $def; required keys, enums, minItems, confidence bounds follow the model."""
    defs = schema.schema()["$defs"]
    for cls in (
        model.NewsArticle,
        model.Person,
        model.Organization,
        model.Place,
        model.Event,
        model.Agreement,
        model.Quotation,
        model.Span,
        model.Image,
    ):
        assert defs[cls.__name__]["additionalProperties"] is False
    assert defs["NewsArticle"]["required"] == ["id", "headline"]
    assert defs["Agreement"]["properties"]["parties"]["minItems"] == 2
    assert defs["Place"]["properties"]["kind"]["enum"] == [k.value for k in model.PlaceKind]
    assert defs["Event"]["properties"]["confidence"] == {"type": "number", "minimum": 0, "maximum": 1}
    assert defs["Person"]["properties"]["nationality"] == {"$ref": "#/$defs/IRI"}
    assert defs["Person"]["properties"]["alternateNames"]["uniqueItems"] is True


def test_validators_are_built_once() -> None:
    """Both validators are cached: the same object serves every call."""
    schema.is_valid({})
    schema.errors({})
    assert schema._fast() is schema._fast()
    assert schema._reference() is schema._reference()


@pytest.mark.parametrize(
    "value",
    [
        "https://example.org/x",
        "urn:isbn:0451450523",
        "tag:a,2017:x#y",
        "http://例え.jp/パス",
        "x:y",
        "not an iri",
        "http://a b",
        "://x",
        "http://x\n",
        "http:",
        "1http://x",
        "http://x<y>",
        "https://e/\u2028",
    ],
)
def test_iri_pattern_agrees_with_the_model(value: str) -> None:
    """The schema's IRI pattern accepts exactly what the model's IRI check accepts."""
    iri_schema = {"$ref": "#/$defs/IRI", "$defs": schema.schema()["$defs"]}
    model_ok = model.is_absolute_iri(value)
    assert jsonschema.Draft202012Validator(iri_schema).is_valid(value) == model_ok
    assert schema._fast().is_valid({"id": value, "headline": "h"}) == model_ok


@given(
    st.one_of(
        st.text(max_size=4), st.sampled_from(["\x1c", "\u2028", " \u3000", "\u180e", *SPECIAL_FRAGMENTS])
    )
)
def test_text_pattern_agrees_with_the_model(value: str) -> None:
    """A text passes both validators exactly when the model's non-empty check (strip) passes."""
    doc = {"id": "https://example.org/a", "headline": value}
    expected = bool(value.strip())
    assert (schema.errors(doc) == []) == expected
    assert schema.is_valid(doc) == expected


# ----------------------------------------------------------------------------- agreement


def _locations(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside a JSON document."""
    out = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            out.extend(_locations(item, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            out.extend(_locations(item, (*path, index)))
    return out


def _get(doc: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        doc = doc[part]
    return doc


_ODD_VALUES = st.sampled_from([None, True, 0, -1, 1.5, 2, "", " ", "x", "2017-13-01", [], [1], {}, {"a": 1}])
_BAD_DATES = st.sampled_from(
    [
        "2017-13-01",
        "2017-02-32",
        "28 March 2017",
        "2017/03/28",
        "17-03-28",
        "2017-3",
        "2017-03-28T25:00:00",
        "2017-03-28T10:00:00+5",
        "2017-03-28\n",
        "",
    ]
)


@st.composite
def _mutated(draw: Any) -> tuple[dict[str, Any], str]:
    """A valid document with one mutation; returns the document and the kind of mutation."""
    doc = copy.deepcopy(nm_json.to_dict(draw(articles())))
    kind = draw(st.sampled_from(["type", "missing", "date", "extra"]))
    objects = [p for p in _locations(doc) if isinstance(_get(doc, p), dict)]
    if kind == "type":
        path = draw(st.sampled_from([p for p in _locations(doc) if p]))
        _get(doc, path[:-1])[path[-1]] = draw(_ODD_VALUES)
    elif kind == "missing":
        path = draw(st.sampled_from(objects))
        target = _get(doc, path)
        required = [
            k
            for k in ("id", "name", "headline", "kind", "parties", "start", "end", "type", "url", "text")
            # "kind" is required of events only (places and orgs default it), "url" of images only
            if k in target and (k != "kind" or path[:1] == ["events"]) and (k != "url" or "images" in path)
        ]
        if not required:
            return doc, "none"
        del target[draw(st.sampled_from(required))]
    elif kind == "date":
        key = draw(st.sampled_from(["datePublished", "dateModified"]))
        doc[key] = draw(_BAD_DATES)
    else:
        path = draw(st.sampled_from(objects))
        _get(doc, path)[draw(st.sampled_from(["bogus", "ID", "date_published", "@type"]))] = 1
    return doc, kind


@FAST
@given(articles())
def test_validators_agree_on_valid_documents(article: model.NewsArticle) -> None:
    """On every document we write, jsonschema and jsonschema_rs both say valid."""
    data = nm_json.to_dict(article)
    assert schema.is_valid(data)
    assert schema.errors(data) == []


@FAST
@given(_mutated())
def test_validators_agree_on_mutated_documents(case: tuple[dict[str, Any], str]) -> None:
    """After one mutation (wrong type, missing key, bad date, extra key) both validators agree."""
    doc, kind = case
    reference = schema.errors(doc) == []
    assert schema.is_valid(doc) == reference, (kind, schema.errors(doc))
    if kind in ("missing", "date", "extra"):
        assert not reference, (kind, doc)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 5)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["id", "headline", "people", "x"]), inner, max_size=3)
    ),
    max_leaves=8,
)


@settings(max_examples=100, deadline=None)
@given(json_values)
def test_validators_agree_on_arbitrary_json(value: Any) -> None:
    """On arbitrary JSON values the two validators give the same verdict."""
    assert schema.is_valid(value) == (schema.errors(value) == [])


def test_validate_reports_errors_sorted_with_paths() -> None:
    """validate() raises one ValidationError whose errors are sorted (path, message) pairs."""
    doc = {"id": "bad", "headline": 1, "people": [{"id": "https://e/p"}], "zzz": 0}
    with pytest.raises(ValidationError) as caught:
        schema.validate(doc)
    errors = caught.value.errors
    assert errors == sorted(errors)
    assert [p for p, _ in errors] == ["$", "$.headline", "$.id", "$.people[0]"]
    assert json.dumps(errors)  # plain data, printable by a CLI


def test_check_is_silent_on_valid_documents() -> None:
    """check() returns None for a valid document and raises for an invalid one."""
    schema.check({"id": "https://example.org/a", "headline": "h"})  # no exception
    with pytest.raises(ValidationError):
        schema.check({"id": "https://example.org/a"})


def test_error_messages_say_what_the_schema_wants() -> None:
    """A pattern failure names the expectation (an absolute IRI), not the raw regex."""
    found = dict(schema.errors({"id": "nope", "headline": "h"}))
    assert found["$.id"] == "'nope' is not an absolute IRI"
    assert not re.search(r"\\u00", found["$.id"])
    found = dict(schema.errors({"id": "https://example.org/a\n", "headline": "h"}))
    assert found["$.id"] == "'https://example.org/a\\n' must not contain a line break"
