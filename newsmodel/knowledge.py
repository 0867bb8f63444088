"""The mapper's shipped knowledge files, and the user's additions to them.

Everything the mapper knows about English news (gazetteers, demonyms, titles,
speech verbs, event triggers, agreement cues) lives as plain files in
``newsmodel/data/``. A user extends any of them without touching the package:
put a file of the same name in a directory and name that directory in the
``NEWSMODEL_DATA_PATH`` environment variable (several directories separated by
``os.pathsep``), before the first article is mapped.

- a text or TSV list (``titles.tsv``, ``speech_verbs.txt``, …) is read after the
  shipped one, line by line, as if appended to it;
- a JSON file (``event_triggers.json``, ``agreement_cues.json``) is merged into
  the shipped one: objects key by key, lists extended.

>>> "said" in read_text("speech_verbs.txt")
True
>>> merge_json({"a": [1], "b": {"x": 1}}, {"a": [2], "b": {"y": 2}})
{'a': [1, 2], 'b': {'x': 1, 'y': 2}}
"""

from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["ENV_VAR", "extra_dirs", "merge_json", "read_json", "read_shipped", "read_text"]

#: The environment variable that names directories of additional knowledge files.
ENV_VAR = "NEWSMODEL_DATA_PATH"


def extra_dirs() -> list[Path]:
    """The user's knowledge directories, in the order ``NEWSMODEL_DATA_PATH`` names them."""
    value = os.environ.get(ENV_VAR, "")
    return [Path(part) for part in value.split(os.pathsep) if part.strip()]


def read_shipped(name: str) -> bytes:
    """A shipped file users do not extend, as bytes: the JSON Schema, the SHACL shapes, schema.org's files.

    These define what newsmodel writes, not what the mapper knows, so
    ``NEWSMODEL_DATA_PATH`` does not reach them. ``name`` may name a subfolder
    (``"schemaorg/jsonldcontext.json"``).

    >>> b"sh:NodeShape" in read_shipped("newsmodel.shacl.ttl")
    True
    """
    return resources.files("newsmodel").joinpath("data", *name.split("/")).read_bytes()


def read_text(name: str) -> str:
    """A shipped list with the user's same-named files appended (one newline between)."""
    text = resources.files("newsmodel").joinpath("data", name).read_text(encoding="utf-8")
    for directory in extra_dirs():
        extra = directory / name
        if extra.is_file():
            text = text.rstrip("\n") + "\n" + extra.read_text(encoding="utf-8")
    return text


def read_json(name: str) -> Any:
    """A shipped JSON file with the user's same-named files merged in."""
    data = json.loads(resources.files("newsmodel").joinpath("data", name).read_text(encoding="utf-8"))
    for directory in extra_dirs():
        extra = directory / name
        if extra.is_file():
            from newsmodel.errors import ReadError

            try:
                data = merge_json(data, json.loads(extra.read_text(encoding="utf-8")))
            except json.JSONDecodeError as exc:
                raise ReadError(f"{extra}: not valid JSON: {exc}") from exc
    return data


def merge_json(base: Any, extra: Any) -> Any:
    """Objects merged key by key, lists extended, anything else replaced by ``extra``."""
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = merge_json(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return [*base, *extra]
    return extra
