"""The one cattrs converter between the model and plain JSON-ready data.

The model classes know nothing of JSON; this module holds every format
decision of the plain JSON in one place (cattrs style): keys are camelCase
(``articleBody``, ``alternateNames``, ``jobTitle``), fields left at an empty
default (``None``, ``()``, ``False``) are omitted for compact output,
``confidence``, ``kind`` and ``status`` are always written, datetimes are ISO
8601 with their UTC offset when they have one, dates ``YYYY-MM-DD``, partial
dates ``YYYY``/``YYYY-MM``/``YYYY-MM-DD``, enums their values, and an author
carries a ``"type"`` tag (``"Person"`` or ``"Organization"``). Key order is
fixed: cattrs writes the fields it always writes first, then the optional
ones, each group in model order.

``structure(unstructure(x)) == x`` for every valid article. Structuring
errors (wrong types, missing keys, model invariants) become one
:class:`~newsmodel.errors.ValidationError` listing every error with a JSON
path such as ``$.people[2].name``. An object's own invariants run once its
fields have structured, so they show up after the type errors are fixed;
``serialize.json.from_dict`` runs the JSON Schema first and reports those too.

>>> from newsmodel.model import NewsArticle
>>> art = NewsArticle(id="https://example.org/a", headline="Talks")
>>> unstructure(art)
{'id': 'https://example.org/a', 'headline': 'Talks'}
>>> structure({"id": "https://example.org/a", "headline": "Talks"}) == art
True
>>> try:
...     structure({"id": "https://example.org/a", "headline": "", "people": [{"name": 3}]})
... except ValidationError as exc:
...     for path, message in exc.errors:
...         print(path, "|", message)
$.people[0].id | required key 'id' is missing
$.people[0].name | 3 is not a string
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import typing
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar, cast

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from newsmodel.errors import ModelError, ValidationError
from newsmodel.model import (
    Agreement,
    AgreementStatus,
    Event,
    EventKind,
    Image,
    NewsArticle,
    Organization,
    OrganizationKind,
    PartialDate,
    Person,
    Place,
    PlaceKind,
    Quotation,
    Span,
)

__all__ = ["ALWAYS_WRITTEN", "MODEL_CLASSES", "camel", "converter", "structure", "unstructure"]

T = TypeVar("T")

#: Every attrs class the plain JSON holds, in the order the schema lists them.
MODEL_CLASSES: tuple[type[Any], ...] = (
    NewsArticle,
    Person,
    Organization,
    Place,
    Event,
    Agreement,
    Quotation,
    Image,
    Span,
)

#: Fields written even when they hold their default: they carry meaning.
ALWAYS_WRITTEN = frozenset({"confidence", "kind", "status"})

#: The key of the tag that tells a ``Person`` author from an ``Organization`` one.
AUTHOR_TAG = "type"
_AUTHOR_CLASSES: dict[str, type[Person] | type[Organization]] = {
    "Person": Person,
    "Organization": Organization,
}


def camel(name: str) -> str:
    """Return the JSON key of a Python field name.

    >>> camel("alternate_names")
    'alternateNames'
    >>> camel("id")
    'id'
    """
    return re.sub(r"_([a-z])", lambda m: m.group(1).upper(), name)


# --------------------------------------------------------------------------- leaf hooks


def _unstructure_partial_date(value: PartialDate) -> str:
    return str(value)


def _structure_partial_date(value: Any, _: type[Any]) -> PartialDate:
    if not isinstance(value, str):
        raise ModelError(f"PartialDate: {value!r} is not a string")
    return PartialDate.parse(value)


def _structure_timestamp(value: Any, _: Any) -> dt.datetime | dt.date:
    if not isinstance(value, str):
        raise ModelError(f"{value!r} is not an ISO 8601 date or datetime string")
    try:
        if "T" in value:
            return dt.datetime.fromisoformat(value)
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ModelError(f"{value!r} is not an ISO 8601 date or datetime: {exc}") from exc


def _structure_str(value: Any, _: Any) -> str:
    # cattrs would turn 3 into "3"; plain JSON that says 3 where a string
    # belongs is an error, not something to coerce.
    if not isinstance(value, str):
        raise ModelError(f"{value!r} is not a string")
    return value


def _structure_int(value: Any, _: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ModelError(f"{value!r} is not an integer")
    return value


def _structure_float(value: Any, _: Any) -> float:
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise ModelError(f"{value!r} is not a number")
    return float(value)


def _structure_bool(value: Any, _: Any) -> bool:
    if not isinstance(value, bool):
        raise ModelError(f"{value!r} is not a boolean")
    return value


def _structure_enum(value: Any, cls: type[enum.Enum]) -> enum.Enum:
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(repr(member.value) for member in cls)
        raise ModelError(f"{value!r} is not one of {allowed}") from None


def _enum_value(value: enum.Enum) -> Any:
    return value.value


def _is_homogeneous_tuple(typ: Any) -> bool:
    args = typing.get_args(typ)
    return typing.get_origin(typ) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_structure_factory(typ: Any, conv: cattrs.Converter) -> Callable[[Any, Any], tuple[Any, ...]]:
    """Structure ``tuple[X, ...]`` from a JSON array only (never from a string or an object)."""
    item = typing.get_args(typ)[0]
    handler = conv.get_structure_hook(item)

    def structure_tuple(value: Any, _: Any) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple):
            raise ModelError(f"{value!r} is not an array")
        out = []
        errors: list[Exception] = []
        for index, element in enumerate(value):
            try:
                out.append(handler(element, item))
            except Exception as exc:  # collected, raised as one group below
                exc.__notes__ = [
                    *getattr(exc, "__notes__", []),
                    IterableValidationNote(f"Structuring {item} @ index {index}", index, item),
                ]
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"While structuring {typ}", errors, typ)
        return tuple(out)

    return structure_tuple


def _tuple_unstructure_factory(typ: Any, conv: cattrs.Converter) -> Callable[[tuple[Any, ...]], list[Any]]:
    """Unstructure ``tuple[X, ...]`` to a list: JSON Schema validators see only lists as arrays."""
    item = typing.get_args(typ)[0]
    if item is str:
        return list
    handler = conv.get_unstructure_hook(item)

    def unstructure_list(value: tuple[Any, ...]) -> list[Any]:
        return [handler(element) for element in value]

    return unstructure_list


# --------------------------------------------------------------------------- the converter


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)

    conv.register_unstructure_hook(PartialDate, _unstructure_partial_date)
    conv.register_structure_hook(PartialDate, _structure_partial_date)
    conv.register_unstructure_hook(dt.datetime, dt.datetime.isoformat)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_structure_hook(dt.datetime | dt.date, _structure_timestamp)
    conv.register_structure_hook(
        dt.datetime | dt.date | None, lambda v, t: None if v is None else _structure_timestamp(v, t)
    )
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(float, _structure_float)
    conv.register_structure_hook(bool, _structure_bool)
    for kind in (PlaceKind, OrganizationKind, EventKind, AgreementStatus):
        conv.register_structure_hook(kind, _structure_enum)
        conv.register_unstructure_hook(kind, _enum_value)
    conv.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_structure_factory)
    conv.register_unstructure_hook_factory(_is_homogeneous_tuple, _tuple_unstructure_factory)

    # Inner classes first: a class's generated hook looks up its fields' hooks once.
    for cls in reversed(MODEL_CLASSES):
        if cls is not NewsArticle:
            _register_class(conv, cls)
    # Authors: a tagged union, the tag first so a reader sees the type at once.
    conv.register_unstructure_hook(Person | Organization, _unstructure_author(conv))
    conv.register_structure_hook(Person | Organization, _structure_author(conv))
    _register_class(conv, NewsArticle)
    return conv


def _register_class(conv: cattrs.Converter, cls: type[Any]) -> None:
    fields = attrs.fields(cls)
    unstructure_overrides = {
        f.name: override(rename=camel(f.name), omit_if_default=f.name not in ALWAYS_WRITTEN) for f in fields
    }
    structure_overrides = {f.name: override(rename=camel(f.name)) for f in fields}
    conv.register_unstructure_hook(
        cls, make_dict_unstructure_fn(cls, conv, **cast(dict[str, Any], unstructure_overrides))
    )
    generated = make_dict_structure_fn(cls, conv, **cast(dict[str, Any], structure_overrides))

    def structure_object(value: Any, typ: Any) -> Any:
        if not isinstance(value, Mapping):
            raise ModelError(f"{_short(value)} is not an object")
        return generated(value, typ)

    conv.register_structure_hook(cls, structure_object)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _unstructure_author(conv: cattrs.Converter) -> Callable[[Person | Organization], dict[str, Any]]:
    person = conv.get_unstructure_hook(Person)
    organization = conv.get_unstructure_hook(Organization)

    def unstructure_author(value: Person | Organization) -> dict[str, Any]:
        if isinstance(value, Person):
            return {AUTHOR_TAG: "Person", **person(value)}
        return {AUTHOR_TAG: "Organization", **organization(value)}

    return unstructure_author


def _structure_author(conv: cattrs.Converter) -> Callable[[Any, Any], Person | Organization]:
    hooks = {name: conv.get_structure_hook(cls) for name, cls in _AUTHOR_CLASSES.items()}

    def structure_author(value: Any, _: Any) -> Person | Organization:
        if not isinstance(value, Mapping):
            raise ModelError(f"{value!r} is not an object")
        tag = value.get(AUTHOR_TAG)
        if tag not in hooks:
            raise ModelError(f"{AUTHOR_TAG!r} must be 'Person' or 'Organization', got {tag!r}")
        rest = {key: item for key, item in value.items() if key != AUTHOR_TAG}
        result: Person | Organization = hooks[tag](rest, _AUTHOR_CLASSES[tag])
        return result

    return structure_author


#: The converter, configured once at import.
converter: cattrs.Converter = _make_converter()
_unstructure_article = converter.get_unstructure_hook(NewsArticle)
_structure_article = converter.get_structure_hook(NewsArticle)


# --------------------------------------------------------------------------- verbs


def unstructure(article: NewsArticle) -> dict[str, Any]:
    """Return the plain-JSON dict of an article (no validation here: see ``serialize.json``)."""
    result: dict[str, Any] = _unstructure_article(article)
    return result


def structure(data: Any, cls: type[T] = NewsArticle) -> T:  # type: ignore[assignment]
    """Build a model object from plain-JSON data; every problem in one ``ValidationError``."""
    try:
        if cls is NewsArticle:
            result: T = _structure_article(data, cls)
        else:
            result = converter.structure(data, cls)
    except (
        ClassValidationError,
        IterableValidationError,
        ModelError,
        ValueError,
        TypeError,
        KeyError,
        AttributeError,
    ) as exc:
        errors = sorted(set(_flatten(exc, "$")))
        raise ValidationError(f"invalid {_describe(cls)}", errors) from exc
    return result


def _describe(cls: type[Any]) -> str:
    return "article" if cls is NewsArticle else cls.__name__


# --------------------------------------------------------------------------- error paths


_MODEL_PREFIX = re.compile(r"^(?P<cls>[A-Za-z]+)\.(?P<field>[a-z_]+): ")


def _flatten(exc: BaseException, path: str) -> Iterator[tuple[str, str]]:
    """Every leaf error of a cattrs exception group, with its JSON path."""
    if isinstance(exc, ClassValidationError | IterableValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            if isinstance(note, AttributeValidationNote):
                sub_path = f"{path}.{camel(note.name)}"
            elif isinstance(note, IterableValidationNote):
                sub_path = f"{path}[{note.index}]"
            else:  # pragma: no cover - cattrs only attaches the two notes above
                sub_path = path
            yield from _flatten(sub, sub_path)
        for sub in without:
            yield from _flatten(sub, path)
        return
    if isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(exc.extra_fields):
            yield f"{path}.{key}", "is not a known key"
        return
    if isinstance(exc, KeyError):
        yield path, f"required key {exc.args[0]!r} is missing"
        return
    message = str(exc)
    match = _MODEL_PREFIX.match(message)
    if match and match["cls"] != "PartialDate" and not path.endswith("." + camel(match["field"])):
        # A constructor invariant names its field: point the path at it.
        path = f"{path}.{camel(match['field'])}"
    yield path, message
