"""JSON Schema validation of the plain JSON, with every error and its JSON path.

Two validators of the same Draft 2020-12 schema, each built once on first use:

- the reference, the ``jsonschema`` package (what users know), which
  :func:`validate` runs to report *every* error, sorted by path;
- a fast one, ``jsonschema_rs``, which :func:`is_valid` runs on the hot path
  (about 100 times faster). A property test shows the two agree on valid and
  invalid documents, and :func:`check` only falls back to the reference when
  the fast one says no, so the errors a user sees always come from
  ``jsonschema``.

The schema is generated from the model by ``tools/gen_schema.py`` and shipped
in the package (``newsmodel/data/newsarticle.schema.json``), so validation
never touches the network or the source tree.

>>> is_valid({"id": "https://example.org/a", "headline": "Talks"})
True
>>> try:
...     validate({"id": "not an iri", "headline": "", "extra": 1})
... except ValidationError as exc:
...     for path, message in exc.errors:
...         print(path, "|", message[:40])
$ | Additional properties are not allowed ('
$.headline | '' is not a non-empty text (not only whi
$.id | 'not an iri' is not an absolute IRI
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from typing import Any

import jsonschema
import jsonschema_rs

from newsmodel.errors import ValidationError
from newsmodel.knowledge import read_shipped

__all__ = ["check", "errors", "is_valid", "json_path", "schema", "validate"]

_SCHEMA_FILE = "newsarticle.schema.json"


@cache
def schema() -> dict[str, Any]:
    """Return the NewsArticle JSON Schema (Draft 2020-12), read once from the package data."""
    loaded: dict[str, Any] = json.loads(read_shipped(_SCHEMA_FILE))
    return loaded


@cache
def _reference() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema())


@cache
def _fast() -> Any:
    return jsonschema_rs.Draft202012Validator(schema(), validate_formats=False)


def json_path(parts: Iterable[str | int]) -> str:
    """Build the JSON path (``$.people[2].name``) of the keys and indexes leading to a value.

    >>> json_path(["people", 2, "name"])
    '$.people[2].name'
    >>> json_path(["odd key"])
    '$["odd key"]'
    """
    out = "$"
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.isidentifier():
            out += f".{part}"
        else:
            out += f"[{json.dumps(part, ensure_ascii=False)}]"
    return out


def is_valid(data: Any) -> bool:
    """Tell whether ``data`` follows the schema (fast: ``jsonschema_rs``, no error details)."""
    result: bool = _fast().is_valid(data)
    return result


def errors(data: Any) -> list[tuple[str, str]]:
    """List every ``(path, message)`` the reference validator finds, sorted and without repeats."""
    found = {(json_path(err.absolute_path), _message(err)) for err in _reference().iter_errors(data)}
    return sorted(found)


def _message(err: jsonschema.ValidationError) -> str:
    message: str = err.message
    described = err.schema.get("description") if isinstance(err.schema, dict) else None
    if err.validator == "pattern" and isinstance(described, str):
        # "does not match '^[A-Za-z][…200 characters…'" helps nobody; the schema says what it wants.
        message = f"{_short(err.instance)} is not {described[0].lower()}{described[1:].rstrip('.')}"
    elif (
        err.validator == "not"
        and isinstance(err.validator_value, dict)
        and "description" in err.validator_value
    ):
        message = f"{_short(err.instance)} must not contain {err.validator_value['description']}"
    if len(message) > 200:  # a whole object quoted back is noise
        message = message[:197] + "..."
    return message


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def validate(data: Any) -> None:
    """Raise ``ValidationError`` with every error of ``data`` against the schema (reference validator)."""
    found = errors(data)
    if found:
        raise ValidationError("document breaks the NewsArticle schema", found)


def check(data: Any) -> None:
    """Like :func:`validate`, at the speed of :func:`is_valid` when ``data`` is valid."""
    if not is_valid(data):
        validate(data)
        # The fast validator refused what the reference accepts: they must agree.
        raise ValidationError(
            "document breaks the NewsArticle schema",
            [("$", "rejected by jsonschema_rs but accepted by jsonschema; please report this document")],
        )
