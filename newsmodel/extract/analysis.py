"""One article under analysis: the document and the layers every stage reads.

The mapper's stages (``newsmodel.extract.pipeline``) all look at the same
things: the entity index, the sentences, where the quotations are, who the
sentence subjects are. Before, each extractor rebuilt what its caller had not
passed in; now an ``Analysis`` holds them, each computed on first use and then
kept for the rest of the article. A stage that never asks for a layer never
pays for it, and two stages that ask get the same object.

The layers live on the instance (``functools.cached_property``), never in a
module-level cache: an ``Analysis`` is made per article and dropped with it.

>>> from newsmodel.read.document import Document
>>> a = Analysis(Document.build(headline="Talks", body="Ann Lee met Bo Chen. They agreed."))
>>> a.sentences is a.sentences, len(a.sentences)
(True, 3)
>>> sorted(r.name for r in a.index.records)
['Ann Lee', 'Bo Chen']
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
from collections.abc import Callable, Iterator
from typing import TypeVar

from newsmodel.errors import ExtractionError, NewsmodelError
from newsmodel.extract.attribution import Attributor, build_attributor
from newsmodel.extract.credits import publisher_of
from newsmodel.extract.dates import DatePhrases
from newsmodel.extract.entities import find_entities
from newsmodel.extract.marks import QuoteMarks, find_marks
from newsmodel.extract.records import EntityIndex
from newsmodel.extract.sentences import document_sentences
from newsmodel.ids import DEFAULT_BASE, article_iri
from newsmodel.model import Organization
from newsmodel.read.document import Document

__all__ = ["Analysis", "failures_named"]

T = TypeVar("T")


@contextlib.contextmanager
def failures_named(where: str, *, passing: type[Exception]) -> Iterator[None]:
    """Turn an unexpected failure inside the block into an ``ExtractionError`` saying ``where``.

    A bug must not escape as a bare ``IndexError`` on odd input: the user
    gets one error of the library's tree, naming the layer or stage that
    failed. Errors of the ``passing`` class (already the library's own) go
    through as they are.
    """
    try:
        yield
    except passing:
        raise
    except Exception as exc:
        raise ExtractionError(f"mapper failed {where}: {type(exc).__name__}: {exc}") from exc


def _layer(name: str) -> Callable[[Callable[[Analysis], T]], functools.cached_property[T]]:
    """A layer: computed once on first use; an unexpected failure names the layer."""

    def wrap(compute: Callable[[Analysis], T]) -> functools.cached_property[T]:
        @functools.wraps(compute)
        def guarded(self: Analysis) -> T:
            with failures_named(f"while finding {name}", passing=NewsmodelError):
                return compute(self)

        return functools.cached_property(guarded)

    return wrap


class Analysis:
    """A document and its shared layers, each computed once, on first use.

    ``base`` is where minted IRIs live; ``nlp`` an optional spaCy pipeline
    whose entities the entity layer merges in.
    """

    def __init__(self, doc: Document, *, base: str = DEFAULT_BASE, nlp: object | None = None) -> None:
        self.doc = doc
        self.base = base
        self.nlp = nlp

    @_layer("the article IRI")
    def article_iri(self) -> str:
        """The article's IRI, from its URL or, without one, its text."""
        return article_iri(self.doc.body, self.doc.meta.url, self.base)

    @_layer("the publication day")
    def published(self) -> dt.date | None:
        """The day of publication: what relative dates ("on Tuesday") resolve against."""
        published = self.doc.meta.date_published
        return published.date() if isinstance(published, dt.datetime) else published

    @_layer("entities")
    def index(self) -> EntityIndex:
        """Every entity record the text names, and each of its mentions."""
        return find_entities(self.doc, base=self.base, nlp=self.nlp)

    @_layer("sentences")
    def sentences(self) -> list[tuple[int, int]]:
        """``(start, end)`` of every sentence: the headline whole, then each body paragraph split."""
        return document_sentences(self.doc)

    @_layer("quotation marks")
    def quote_marks(self) -> list[QuoteMarks]:
        """Every quotation's marks and content pieces, by opening mark."""
        return find_marks(self.doc)

    @_layer("sentence subjects")
    def attributor(self) -> Attributor:
        """Who each stretch of text credits (speech-verb subjects, pronouns, roles), quotations marked."""
        return build_attributor(self.doc, self.index, self.sentences, self.quote_marks)

    @_layer("date phrases")
    def dates(self) -> DatePhrases:
        """The date phrases of any stretch of the text, resolved against the publication day."""
        return DatePhrases(self.doc.text, self.published)

    @_layer("the publisher")
    def publisher(self) -> Organization | None:
        """The publisher the metadata names, as an ``Organization``."""
        return publisher_of(self.doc.meta, self.base)
