r"""Read the JSON that web pages actually publish in their ``ld+json`` blocks.

Pages wrap their JSON-LD in ``<!-- -->`` or ``<![CDATA[ ]]>``, write
JavaScript instead of JSON (``//`` comments, single-quoted strings, trailing
commas, raw newlines in strings), leave a stray closing brace or glue two
objects together. Search engines read such blocks best-effort, so do we: one
linear pass rewrites the text into strict JSON, then every top-level value
that decodes is kept. Nothing here raises: a block that cannot be read gives
no values.

>>> loads_loose("<!-- {'@type': 'NewsArticle', // comment\n 'headline': 'Hi',} -->")
[{'@type': 'NewsArticle', 'headline': 'Hi'}]
>>> loads_loose('{"a": 1}} {"b": 2}')
[{'a': 1}, {'b': 2}]
>>> loads_loose("not json")
[]
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["loads_loose"]

_WRAPPERS = re.compile(r"^\s*(?://\s*)?(?:<!--|<!\[CDATA\[)|(?://\s*)?(?:-->|\]\]>)\s*$")
_DECODER = json.JSONDecoder(strict=False)
#: Give up on a block after this many undecodable starts (keeps the time linear).
_MAX_FAILURES = 16
_CONTROL_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def loads_loose(text: str) -> list[Any]:
    """Every JSON value a script block holds, read as leniently as browsers' consumers do."""
    text = _unwrap(text)
    if not text:
        return []
    try:
        return [json.loads(text)]
    except (ValueError, RecursionError):  # RecursionError: absurdly deep nesting
        pass
    return _decode_all(_to_strict(text))


def _unwrap(text: str) -> str:
    text = text.strip().lstrip("\ufeff")
    previous = None
    while previous != text:
        previous = text
        text = _WRAPPERS.sub("", text).strip()
    return text


def _decode_all(text: str) -> list[Any]:
    """Decode values one after the other, skipping what is between them."""
    values: list[Any] = []
    pos, size = 0, len(text)
    failures = 0
    while pos < size and failures < _MAX_FAILURES:
        start = _next_value(text, pos)
        if start < 0:
            break
        try:
            value, end = _DECODER.raw_decode(text, start)
        except (ValueError, RecursionError):
            pos = start + 1
            failures += 1
            continue
        values.append(value)
        pos = end
    return values


def _next_value(text: str, pos: int) -> int:
    brace, bracket = text.find("{", pos), text.find("[", pos)
    found = [i for i in (brace, bracket) if i >= 0]
    return min(found) if found else -1


def _to_strict(text: str) -> str:
    """Rewrite JavaScript-ish JSON as strict JSON in one pass, linear in its length.

    Comments go, single-quoted strings are requoted, raw control characters in
    strings escaped, trailing commas dropped.
    """
    out: list[str] = []
    i, size = 0, len(text)
    pending_comma = False
    while i < size:
        ch = text[i]
        if ch in "\"'":
            if pending_comma:
                out.append(",")
                pending_comma = False
            i = _string(text, i, out)
            continue
        if ch == "/" and i + 1 < size and text[i + 1] == "/":
            end = text.find("\n", i)
            i = size if end < 0 else end
            continue
        if ch == "/" and i + 1 < size and text[i + 1] == "*":
            end = text.find("*/", i + 2)
            i = size if end < 0 else end + 2
            continue
        if ch == ",":
            if pending_comma:
                out.append(",")
            pending_comma = True
            i += 1
            continue
        if ch in " \t\r\n":
            i += 1
            if not pending_comma:
                out.append(" ")
            continue
        if ch in "}]":
            pending_comma = False  # a trailing comma before a closer is dropped
        elif pending_comma:
            out.append(",")
            pending_comma = False
        out.append(ch)
        i += 1
    return "".join(out)


def _string(text: str, start: int, out: list[str]) -> int:
    """Copy the string literal at ``start`` as a double-quoted JSON string; return where it ends."""
    quote = text[start]
    out.append('"')
    i, size = start + 1, len(text)
    while i < size:
        ch = text[i]
        if ch == "\\" and i + 1 < size:
            nxt = text[i + 1]
            out.append("'" if nxt == "'" else "\\" + nxt)  # JSON has no \' escape
            i += 2
            continue
        if ch == quote:
            out.append('"')
            return i + 1
        if ch == '"':
            out.append('\\"')
        elif ch in _CONTROL_ESCAPES:
            out.append(_CONTROL_ESCAPES[ch])
        else:
            out.append(ch)
        i += 1
    out.append('"')
    return size
