r"""The read entry points: an article (text, HTML page, file) in, its ``NewsArticle`` out.

Each entry point reads its input into a ``Document`` with a reader of
``newsmodel.read`` and hands it to the mapper; nothing under ``read/`` maps.
``newsmodel`` re-exports ``read_text``, ``read_html`` and ``read_path``; the
CLI uses ``read_data`` for standard input too.

>>> article = read_text(
...     "Skip to main content\n\nLee visits Paris\n\nAnn Lee arrived in Paris on Tuesday.",
...     {"datePublished": "2023-03-28"},
... )
>>> article.headline, str(article.date_published)
('Lee visits Paris', '2023-03-28')
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from newsmodel.errors import NewsmodelError, ReadError, ValidationError
from newsmodel.ids import DEFAULT_BASE
from newsmodel.inputs import InputKind, kind_of, sidecar_of
from newsmodel.model import NewsArticle
from newsmodel.read.document import Metadata
from newsmodel.read.text import DEFAULT_MAX_SIZE

if TYPE_CHECKING:
    from newsmodel.extract.pipeline import Pipeline

__all__ = ["read_data", "read_html", "read_path", "read_text"]

_log = logging.getLogger("newsmodel.read.html")
T = TypeVar("T")


def read_text(
    text: str | bytes,
    meta: Mapping[str, Any] | Metadata | None = None,
    *,
    base: str = DEFAULT_BASE,
    nlp: object | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    pipeline: Pipeline | None = None,
) -> NewsArticle:
    """Read a plain-text article (and its sidecar metadata) and map it to a ``NewsArticle``.

    ``meta`` is a sidecar mapping (``{"datePublished": "2023-03-28", "url": …}``)
    or a ``Metadata``; relative dates resolve against its ``datePublished``.
    ``nlp`` is an optional spaCy pipeline whose entities are merged in;
    ``pipeline`` the mapper's stages (``Pipeline.default()`` when omitted).
    Unreadable input raises ``ReadError``; anything the mapper cannot handle,
    ``ExtractionError``.
    """
    from newsmodel.extract.mapper import map_document
    from newsmodel.read.text import read_document

    return map_document(read_document(text, meta, max_size=max_size), base=base, nlp=nlp, pipeline=pipeline)


def read_html(
    html: str | bytes,
    url: str | None = None,
    *,
    meta: Mapping[str, Any] | Metadata | None = None,
    base: str = DEFAULT_BASE,
    nlp: Any = None,
    pipeline: Pipeline | None = None,
) -> NewsArticle:
    """Read a page and run the mapper on it: the page's ``NewsArticle``.

    Authors come from the page as it types them (a desk or agency byline is an
    ``Organization``), with the ``url`` and ``sameAs`` links the page gives.
    ``meta`` is a sidecar (a mapping or a ``Metadata``): what it sets wins over
    what the page says (``Metadata.overridden_by``); its ``url``, like ``url``,
    is where the page's relative links resolve; ``pipeline`` the mapper's
    stages (``Pipeline.default()`` when omitted).
    The choices the reader made where the page's sources disagree (its JSON-LD
    byline against the visible one, a missing headline) are logged at INFO on
    the ``newsmodel`` logger; ``newsmodel -v`` prints them.
    """
    from newsmodel.extract.mapper import map_document
    from newsmodel.read.html import read_html_document

    sidecar = _metadata(meta)
    document = read_html_document(html, url or (sidecar.url if sidecar else None))
    for note in document.meta.notes:  # which byline, headline or body the page's sources gave
        _log.info("%s", note)
    if sidecar is not None:
        document = attrs.evolve(document, meta=document.meta.overridden_by(sidecar))
    return map_document(document, base=base, nlp=nlp, pipeline=pipeline)


def read_path(path: Path | str, *, base: str = DEFAULT_BASE) -> NewsArticle:
    """Read one input file into a ``NewsArticle`` (running the mapper on text and HTML).

    Errors name the file: ``ReadError("news/a.txt: empty article")``.
    """
    path = Path(path)
    kind = kind_of(path)
    if kind is None:
        raise ReadError(f"{path}: not an article input (.txt, .html, .html.gz, .json)")
    if kind in (InputKind.WARC, InputKind.WARC_GZ):
        raise ReadError(f"{path}: a web archive holds many articles; read it with newsmodel.read.warc")
    data = path.read_bytes()
    sidecar = sidecar_of(path)
    meta: Metadata | None = None
    if kind is not InputKind.JSON and sidecar.exists():
        from newsmodel.read.text import read_sidecar

        meta = _located(sidecar, lambda: read_sidecar(sidecar))
    return _located(path, lambda: read_data(data, kind, meta, base=base))


def read_data(
    data: bytes, kind: InputKind, meta: Metadata | None = None, *, base: str = DEFAULT_BASE
) -> NewsArticle:
    """Read the bytes of one input of a known kind (what ``read_path`` and standard input share)."""
    if kind is InputKind.JSON:
        from newsmodel.serialize import json as json_format

        return json_format.loads(data)
    if kind is InputKind.TEXT:
        return read_text(data, meta, base=base)
    return read_html(data, meta=meta, base=base)


def _metadata(meta: Mapping[str, Any] | Metadata | None) -> Metadata | None:
    """A sidecar as ``Metadata`` (a mapping is read as a sidecar file would be)."""
    if meta is None or isinstance(meta, Metadata):
        return meta
    from newsmodel.read.text import metadata_from_mapping

    return metadata_from_mapping(meta)


def _located(path: Path, read: Callable[[], T]) -> T:
    """Run ``read``; prefix any newsmodel error with the file it came from."""
    try:
        return read()
    except ValidationError as exc:
        if exc.message.startswith(str(path)):
            raise
        raise ValidationError(f"{path}: {exc.message}", exc.errors) from exc
    except NewsmodelError as exc:
        if str(exc).startswith(str(path)):
            raise
        raise type(exc)(f"{path}: {exc}") from exc
