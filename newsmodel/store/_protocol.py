"""What every store does: the ``Store`` protocol and the load summary.

Each article lives in its own named graph, named by the article IRI. That one
rule gives every guarantee the stores make: loading an article replaces its
graph (loading twice leaves one copy, a corrected version leaves only the new
one), removing it drops the graph, and reading it back is reading one graph.
Entities are shared across graphs by IRI, so queries join articles.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol, Self, runtime_checkable

import attrs

from newsmodel.model import NewsArticle
from newsmodel.serialize.formats import Format

if TYPE_CHECKING:
    from newsmodel.store._result import QueryResult

__all__ = ["LoadStats", "Progress", "Store"]

#: Called once per article a load has taken in, with the running count.
Progress = Callable[[int], None]


@attrs.frozen
class LoadStats:
    """How much a load wrote: articles (= named graphs) and triples."""

    articles: int
    triples: int


@runtime_checkable
class Store(Protocol):
    """A triple store holding one named graph per article."""

    def load(self, article: NewsArticle) -> LoadStats:
        """Put the article's triples in its graph, replacing what was there, atomically."""
        ...

    def load_many(self, articles: Iterable[NewsArticle], *, progress: Progress | None = None) -> LoadStats:
        """Load many articles; if the iterable fails midway, no graph is changed."""
        ...

    def load_rdf(self, iri: str, data: bytes | str, format: Format = Format.NQUADS) -> LoadStats:
        """Replace graph ``iri`` with RDF text that did not come from a ``NewsArticle``."""
        ...

    def article(self, iri: str) -> NewsArticle:
        """The article stored in graph ``iri``, read back into the model (``StoreError`` if there is none)."""
        ...

    def query(self, sparql: str) -> QueryResult:
        """Run a SPARQL 1.1 SELECT, ASK, CONSTRUCT or DESCRIBE query."""
        ...

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update (for what the article API does not cover)."""
        ...

    def remove(self, iri: str) -> bool:
        """Drop the article graph ``iri``; ``True`` if it was there."""
        ...

    def __contains__(self, iri: object) -> bool:
        """Whether the store holds a (non-empty) graph named ``iri``."""
        ...

    def graphs(self) -> list[str]:
        """The IRIs of every named graph, sorted."""
        ...

    def graph(self, iri: str) -> Any:
        """The triples of graph ``iri`` as an ``rdflib.Graph`` (empty when absent)."""
        ...

    def close(self) -> None:
        """Release the store (its lock, its connections); further calls fail."""
        ...

    def __enter__(self) -> Self:
        """Use the store in a ``with`` block that closes it."""
        ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Close the store."""
        ...
