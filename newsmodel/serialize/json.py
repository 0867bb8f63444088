"""Plain JSON: the cattrs unstructuring of the model, validated against the JSON Schema.

The same four verbs as every format module (msgspec style): ``to_dict`` /
``dumps`` write, ``from_dict`` / ``loads`` read. Writing validates what it
writes (fast validator; the reference one only runs to report errors), so the
library never emits JSON its own schema refuses. Reading validates against the
schema first, then structures, so a user gets every schema error with its JSON
path at once, and the model's invariants (real dates, references that
resolve) on top.

Output is deterministic: keys in model field order, no whitespace unless
``indent=True``, non-ASCII characters written as UTF-8.

>>> from newsmodel.model import NewsArticle
>>> art = NewsArticle(id="https://example.org/a", headline="Talks in “Oslo”")
>>> dumps(art)
'{"id":"https://example.org/a","headline":"Talks in “Oslo”"}'
>>> loads(dumps(art)) == art
True
>>> loads('{"id": "https://example.org/a",')
Traceback (most recent call last):
...
newsmodel.errors.FormatError: invalid JSON at line 1, column 32: unexpected end of data
"""

from __future__ import annotations

import re
from typing import Any

import orjson

from newsmodel.check import schema
from newsmodel.errors import FormatError
from newsmodel.model import NewsArticle
from newsmodel.serialize.converter import structure, unstructure

__all__ = ["dumps", "from_dict", "loads", "to_dict"]


def to_dict(article: NewsArticle) -> dict[str, Any]:
    """Return the article as a plain-JSON dict, checked against the schema."""
    data = unstructure(article)
    schema.check(data)
    return data


def dumps(article: NewsArticle, *, indent: bool = False) -> str:
    """Write the article as validated JSON text (two-space indent and a final newline with ``indent``)."""
    data = to_dict(article)
    if indent:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"
    return orjson.dumps(data).decode("utf-8")


def from_dict(data: Any) -> NewsArticle:
    """Build an article from plain-JSON data: the schema's errors first, then the model's."""
    schema.check(data)
    result: NewsArticle = structure(data, NewsArticle)
    return result


def loads(text: str | bytes) -> NewsArticle:
    """Read an article from JSON text; bad syntax is a ``FormatError`` naming the line and column."""
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise FormatError(_describe(exc)) from exc
    return from_dict(data)


_POSITION = re.compile(r":\s*line \d+ column \d+ \(char \d+\)$")


def _describe(exc: orjson.JSONDecodeError) -> str:
    reason = _POSITION.sub("", exc.msg).strip() or "does not parse"
    return f"invalid JSON at line {exc.lineno}, column {exc.colno}: {reason}"
