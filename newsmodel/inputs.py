"""Input files: which reader a path needs, and which files a directory holds.

The CLI and the store loader read articles from paths. The suffix decides the
reader: ``.txt`` (with its ``<stem>.meta.json`` sidecar when one stands beside
it), ``.html``/``.htm``/``.html.gz``, and ``.json`` (the model's own JSON).

>>> stem_of(Path("news/000_abc.html.gz"))
'000_abc'
>>> kind_of(Path("a/b.meta.json")) is None
True
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsmodel.errors import ReadError

__all__ = [
    "InputKind",
    "is_companion",
    "iter_inputs",
    "kind_of",
    "sidecar_of",
    "sniff_kind",
    "stem_of",
]

SIDECAR_SUFFIX = ".meta.json"


class InputKind(enum.Enum):
    """What an input file holds."""

    TEXT = ".txt"
    HTML = ".html"
    HTML_GZ = ".html.gz"
    HTM = ".htm"
    JSON = ".json"
    #: A web archive: read page by page by ``convert`` and ``load`` (``newsmodel.read.warc``).
    WARC = ".warc"
    WARC_GZ = ".warc.gz"


# Longest suffixes first, so ".html.gz" wins over ".gz" and ".meta.json" over ".json".
_BY_SUFFIX = sorted(((k.value, k) for k in InputKind), key=lambda kv: -len(kv[0]))


def kind_of(path: Path) -> InputKind | None:
    """The kind of an input file, or ``None`` for sidecars and files we do not read."""
    name = path.name.lower()
    if name.endswith(SIDECAR_SUFFIX):
        return None
    for suffix, kind in _BY_SUFFIX:
        if name.endswith(suffix):
            return kind
    return None


def stem_of(path: Path) -> str:
    """The file name without its input suffix (``.txt``, ``.html``, ``.html.gz``, ``.json``)."""
    kind = kind_of(path)
    return path.name[: -len(kind.value)] if kind else path.name


def sidecar_of(path: Path) -> Path:
    """Where the metadata sidecar of an input would stand."""
    return path.with_name(stem_of(path) + SIDECAR_SUFFIX)


def is_companion(path: Path) -> bool:
    """Whether a ``<stem>.<word>.json`` file belongs to an article beside it, not being one.

    Corpora keep annotations next to their articles (``a.txt`` with
    ``a.gold.json``, ``a.meta.json``); in a directory those are not inputs.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> (folder / "a.txt").write_text("x") and (folder / "a.gold.json").write_text("{}")
    2
    >>> is_companion(folder / "a.gold.json"), is_companion(folder / "a.txt")
    (True, False)
    """
    name = path.name
    if not name.lower().endswith(".json") or name.count(".") < 2:
        return False
    article_stem = name.split(".", 1)[0]
    return any(
        path.with_name(article_stem + kind.value).exists() for kind in InputKind if kind is not InputKind.JSON
    )


def iter_inputs(paths: Iterable[Path]) -> Iterator[Path]:
    """Expand directories (sorted, not recursive into hidden folders) into readable inputs.

    A file named explicitly must be readable; in a directory, sidecars, other
    companion files (``a.gold.json`` beside ``a.txt``) and other files are passed over.
    """
    for path in paths:
        if path.is_dir():
            found = False
            for child in sorted(path.rglob("*")):
                if (
                    child.is_file()
                    and kind_of(child)
                    and not is_companion(child)
                    and not any(p.startswith(".") for p in child.relative_to(path).parts)
                ):
                    found = True
                    yield child
            if not found:
                raise ReadError(f"{path}: no .txt, .html, .html.gz, .json or .warc article in this directory")
        elif not path.exists():
            raise ReadError(f"{path}: no such file or directory")
        elif kind_of(path) is None:
            raise ReadError(
                f"{path}: cannot tell what this file holds; "
                "expected .txt (with .meta.json sidecar), .html, .html.gz, .json or .warc[.gz]"
            )
        else:
            yield path


def sniff_kind(data: bytes) -> InputKind:
    """What unnamed input (standard input) holds: HTML if it opens with ``<``, JSON with ``{``, else text.

    >>> sniff_kind(b"  <!DOCTYPE html><html>"), sniff_kind(b'{"id": 1}'), sniff_kind(b"Headline")
    (<InputKind.HTML: '.html'>, <InputKind.JSON: '.json'>, <InputKind.TEXT: '.txt'>)
    """
    if data[:2] == b"\x1f\x8b":
        return InputKind.HTML_GZ
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        return InputKind.HTML
    if head.startswith(b"{"):
        return InputKind.JSON
    return InputKind.TEXT
