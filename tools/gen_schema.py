"""Generate the JSON Schema (Draft 2020-12) of the plain JSON from the attrs model.

The schema is derived by introspection, never written by hand, so it cannot
silently disagree with the model: every attrs class becomes a ``$defs`` entry
whose properties are its fields (camelCase keys, as ``newsmodel.serialize.converter``
writes them), required when the field has no default, closed with
``additionalProperties: false``. Field validators of the model map to schema
keywords (an IRI validator to an IRI pattern, a non-empty-text validator to a
pattern that needs one non-space character, the confidence validator to
[0, 1], uniqueness to ``uniqueItems``); the few invariants written as methods
are listed in ``EXTRA`` below.

Patterns use only syntax that Python's ``re`` (the ``jsonschema`` package) and
Rust's regex (``jsonschema_rs``) read the same way. Python's ``$`` also
matches before a final newline, so every anchored pattern comes with
``"not": {"pattern": "\\n"}``: a lookahead would do it in one pattern but makes
the fast validator three times slower.

Usage: ``python tools/gen_schema.py`` writes ``schemas/newsarticle.schema.json``
and the packaged copy ``newsmodel/data/newsarticle.schema.json``;
``--check`` writes nothing and exits 1 when either differs from the model.
"""

from __future__ import annotations

import argparse
import datetime as dt
import enum
import inspect
import json
import sys
import types
import typing
from pathlib import Path
from typing import Any

import attrs

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from newsmodel import iri, model  # noqa: E402
from newsmodel.serialize.converter import ALWAYS_WRITTEN, AUTHOR_TAG, MODEL_CLASSES, camel  # noqa: E402

__all__ = ["OUTPUTS", "SCHEMA_ID", "build_schema", "main", "render"]

SCHEMA_ID = "https://w3id.org/newsmodel/schema/newsarticle.schema.json"
OUTPUTS = (
    ROOT / "schemas" / "newsarticle.schema.json",
    ROOT / "newsmodel" / "data" / "newsarticle.schema.json",
)

_END = "$"
#: Added beside every anchored pattern: no line break anywhere (see the module docstring).
NO_LINE_BREAK = {"not": {"description": "a line break", "pattern": "\\n"}}


def _space_class() -> str:
    """Every character ``str.isspace()`` accepts, as a regex class body of ``\\uXXXX`` ranges."""
    points = [c for c in range(0x110000) if chr(c).isspace()]
    ranges: list[tuple[int, int]] = []
    for c in points:
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1] = (ranges[-1][0], c)
        else:
            ranges.append((c, c))
    parts = []
    for lo, hi in ranges:
        assert hi <= 0xFFFF, "a space outside the BMP needs another escape"
        parts.append(f"\\u{lo:04x}" if lo == hi else f"\\u{lo:04x}-\\u{hi:04x}")
    return "".join(parts)


_SPACE = _space_class()

#: An absolute IRI, the same rule as ``newsmodel.model``'s validator.
IRI = {
    "type": "string",
    "format": "iri",
    "pattern": "^(?:" + iri.IRI_PATTERN + ")" + _END,
    "allOf": [
        NO_LINE_BREAK,
        {"not": {"description": "a . or .. path segment", "pattern": "^" + iri.IRI_DOT_SEGMENT_PATTERN}},
        {
            "not": {
                "description": "a scheme that schema.org's JSON-LD context defines as a prefix",
                "pattern": "^" + iri.IRI_CONTEXT_PREFIX_PATTERN,
            }
        },
    ],
}
#: A URL a page may link to: an IRI whose scheme is http or https (``newsmodel.iri.is_web_url``).
WEB_URL = {
    "allOf": [{"$ref": "#/$defs/IRI"}, {"pattern": "^[Hh][Tt][Tt][Pp][Ss]?://"}],
    "description": "An http(s) URL: only those become links in pages (no javascript: or data: URLs).",
}
#: Text with at least one character that ``str.strip()`` keeps.
TEXT = {"type": "string", "pattern": "[^" + _SPACE + "]"}
CONFIDENCE = {"type": "number", "minimum": 0, "maximum": 1}

_DAY = "-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
PARTIAL_DATE = {
    "type": "string",
    "description": "A date known to the year, the month or the day (YYYY, YYYY-MM or YYYY-MM-DD).",
    "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?" + _END,
    **NO_LINE_BREAK,
}
TIMESTAMP = {
    "type": "string",
    "description": ("A calendar date (YYYY-MM-DD) or an ISO 8601 datetime (with its UTC offset when known)."),
    "pattern": (
        "^[0-9]{4}" + _DAY + "(T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,6})?"
        "(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,6})?)?)?)?" + _END
    ),
    **NO_LINE_BREAK,
}

#: Invariants the model checks in methods rather than reusable validators.
EXTRA: dict[tuple[str, str], dict[str, Any]] = {
    ("Span", "start"): {"minimum": 0},
    ("Span", "end"): {"minimum": 0},
    ("Image", "width"): {"minimum": 0},
    ("Image", "height"): {"minimum": 0},
    ("Agreement", "parties"): {"minItems": 2},
    ("Event", "cameo_code"): {
        "description": "A CAMEO event code (2 to 4 digits).",
        "pattern": "^[0-9]{2,4}" + _END,
        **NO_LINE_BREAK,
    },
    ("NewsArticle", "in_language"): {
        "description": "A BCP 47 language tag.",
        "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*" + _END,
        **NO_LINE_BREAK,
    },
}


def _validators(field: attrs.Attribute[Any]) -> set[Any]:
    """The validator functions of a field, with ``and_`` lists opened."""
    found: set[Any] = set()
    stack = [field.validator]
    while stack:
        item = stack.pop()
        if item is None:
            continue
        inner = getattr(item, "_validators", None)
        if inner is not None:
            stack.extend(inner)
        else:
            found.add(item)
    return found


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{name}"}


def _type_schema(hint: Any, validators: set[Any]) -> dict[str, Any]:
    """The schema of one type hint; ``validators`` refine a string into an IRI or text."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        members = [a for a in args if a is not type(None)]
        if set(members) == {dt.datetime, dt.date}:
            return _ref("Timestamp")
        if set(members) == {model.Person, model.Organization}:
            return _ref("Author")
        if len(members) == 1:  # Optional[X]: None is written by omitting the key
            return _type_schema(members[0], validators)
        raise TypeError(f"no schema for union {hint!r}")
    if origin is tuple:
        if len(args) != 2 or args[1] is not Ellipsis:
            raise TypeError(f"no schema for fixed tuple {hint!r}")
        out: dict[str, Any] = {"type": "array", "items": _type_schema(args[0], validators)}
        if model._unique in validators:
            out["uniqueItems"] = True
        return out
    if inspect.isclass(hint) and issubclass(hint, enum.Enum):
        return {"type": "string", "enum": [member.value for member in hint]}
    if hint is bool:
        return {"type": "boolean"}
    if hint is int:
        return {"type": "integer"}
    if hint is float:
        return dict(CONFIDENCE) if model._confidence in validators else {"type": "number"}
    if hint is str:
        if validators & {model._web_url, model._optional_web_url}:
            return _ref("WebURL")
        if validators & {model._iri, model._optional_iri, model._iris}:
            return _ref("IRI")
        if validators & {model._text, model._optional_text, model._texts}:
            return _ref("Text")
        return {"type": "string"}
    if hint is model.PartialDate:
        return _ref("PartialDate")
    if attrs.has(hint):
        return _ref(hint.__name__)
    raise TypeError(f"no schema for type {hint!r}")


def _class_schema(cls: type[Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        schema = _type_schema(hints[field.name], _validators(field))
        extra = EXTRA.get((cls.__name__, field.name))
        if extra:
            schema = {"allOf": [schema], **extra} if "$ref" in schema else {**schema, **extra}
        properties[camel(field.name)] = schema
        if field.default is attrs.NOTHING:
            required.append(camel(field.name))
    doc = inspect.getdoc(cls) or cls.__name__
    out: dict[str, Any] = {
        "type": "object",
        "description": doc.split("\n\n")[0].replace("\n", " "),
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        out["required"] = required
    return out


def _author(cls: type[Any], base: dict[str, Any]) -> dict[str, Any]:
    """A ``Person`` or ``Organization`` schema that also requires the author tag."""
    return {
        **base,
        "description": f"An author that is a {cls.__name__}, tagged with {AUTHOR_TAG!r}.",
        "properties": {AUTHOR_TAG: {"const": cls.__name__}, **base["properties"]},
        "required": [AUTHOR_TAG, *base.get("required", [])],
    }


def build_schema() -> dict[str, Any]:
    """The whole schema as a dict (keys in a fixed order, so the rendering is stable)."""
    defs: dict[str, Any] = {cls.__name__: _class_schema(cls) for cls in MODEL_CLASSES}
    defs["PersonAuthor"] = _author(model.Person, defs["Person"])
    defs["OrganizationAuthor"] = _author(model.Organization, defs["Organization"])
    defs["Author"] = {
        "description": f"A Person or an Organization, told apart by {AUTHOR_TAG!r}.",
        "type": "object",
        "required": [AUTHOR_TAG],
        "properties": {AUTHOR_TAG: {"enum": ["Person", "Organization"]}},
        "if": {"required": [AUTHOR_TAG], "properties": {AUTHOR_TAG: {"const": "Person"}}},
        "then": _ref("PersonAuthor"),
        "else": _ref("OrganizationAuthor"),
    }
    defs["IRI"] = {"description": "An absolute IRI.", **IRI}
    defs["WebURL"] = WEB_URL
    defs["Text"] = {"description": "A non-empty text (not only white space).", **TEXT}
    defs["PartialDate"] = PARTIAL_DATE
    defs["Timestamp"] = TIMESTAMP
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "newsmodel NewsArticle (plain JSON)",
        "description": (
            "Generated from the attrs model by tools/gen_schema.py; do not edit. "
            f"Fields always written: {', '.join(sorted(ALWAYS_WRITTEN))}; others are omitted when empty."
        ),
        "$ref": "#/$defs/NewsArticle",
        "$defs": defs,
    }


def render(schema: dict[str, Any]) -> str:
    """The schema as committed: two-space indent, ASCII only, one final newline."""
    return json.dumps(schema, indent=2, ensure_ascii=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write both copies of the schema, or with ``--check`` report whether they drifted."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="exit 1 if a committed copy differs")
    args = parser.parse_args(argv)
    text = render(build_schema())
    if args.check:
        stale = [p for p in OUTPUTS if not p.is_file() or p.read_text(encoding="utf-8") != text]
        for path in stale:
            print(f"{path.relative_to(ROOT)} differs from the model: run python tools/gen_schema.py")
        return 1 if stale else 0
    for path in OUTPUTS:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
