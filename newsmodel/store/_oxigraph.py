"""The embedded store: pyoxigraph, in memory or in a directory on disk.

Writes keep one promise: a graph is always a whole version of its article,
never half of one.

- ``load`` writes a new graph with one transactional load. An existing one is
  compared with the new version first (:mod:`newsmodel.store._diff`): the
  same triples are left alone, and otherwise one SPARQL update, which
  Oxigraph runs as a single transaction, writes the difference.
- ``load_many`` streams the N-Quads of every *new* article into Oxigraph's
  bulk loader, which commits all of it at the end or nothing (an exception
  from the article iterable aborts it). The serializer labels blank nodes
  with a hash of their article's IRI, so the blank nodes of two articles in
  one bulk load never merge (``load_rdf`` relabels RDF from elsewhere).
  Articles whose graph already exists (or that come twice) are set aside in
  a temporary file, not in memory, and brought up to date after the bulk
  commit the same way ``load`` does it, in transactions of about
  ``BATCH_TRIPLES`` written triples: each graph ends up wholly old or wholly
  new, and memory stays bounded however many articles are re-loaded.

>>> from newsmodel.serialize.formats import Format
>>> from newsmodel.store import OxigraphStore
>>> with OxigraphStore() as store:
...     _ = store.load_rdf("urn:ex:a1", '<urn:ex:p> <http://schema.org/name> "Ada" .', Format.NTRIPLES)
...     [row["name"] for row in store.query(
...         "SELECT ?name WHERE { GRAPH ?g { ?p <http://schema.org/name> ?name } }")]
['Ada']
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self, cast

import pyoxigraph as ox

from newsmodel.errors import FormatError, StoreError, StoreUnavailable
from newsmodel.model import NewsArticle
from newsmodel.namespaces import http_schema_iris
from newsmodel.serialize.formats import Format
from newsmodel.store._diff import graph_change
from newsmodel.store._protocol import LoadStats, Progress
from newsmodel.store._rdf import (
    Unit,
    article_nquads,
    change_update,
    check_iri,
    normalize,
    serialize,
    unit_quads,
)
from newsmodel.store._result import QueryResult, result_from_oxigraph

__all__ = ["BATCH_TRIPLES", "OxigraphStore"]

#: About how many triples one replacing transaction writes (deleted plus
#: inserted). Oxigraph holds a transaction in memory until it commits, so this
#: bounds the memory of re-loading. Batches of 5,000 to 100,000 took the same
#: time within the noise of a shared 2-core machine.
BATCH_TRIPLES = 20_000

#: Set-aside units stay in memory up to this many bytes, then go to a temporary file.
SPOOL_MEMORY = 8 * 1024 * 1024


class _UnitReader(io.RawIOBase):
    """A binary file over a stream of byte chunks, pulled as the bulk loader reads."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        super().__init__()
        self._chunks = chunks
        self._buffer = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, target: Any) -> int:
        while not self._buffer:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._buffer = memoryview(chunk)
        size = min(len(target), len(self._buffer))
        target[:size] = self._buffer[:size]
        self._buffer = self._buffer[size:]
        return size


def _open_error(path: Path, exc: OSError) -> StoreError:
    text = str(exc)
    if "lock" in text.lower() or exc.errno in (errno.EAGAIN, errno.ENOLCK):
        return StoreUnavailable(
            f"store {path} is locked: another process (or another open OxigraphStore) is using it"
        )
    if (
        isinstance(exc, PermissionError)
        or "permission denied" in text.lower()
        or exc.errno
        in (
            errno.EACCES,
            errno.EPERM,
            errno.EROFS,
        )
    ):
        return StoreUnavailable(f"cannot open store {path}: the directory is not writable ({text})")
    return StoreUnavailable(f"cannot open store {path}: {text}")


def _names(iris: list[str]) -> str:
    shown = ", ".join(f"<{iri}>" for iri in iris[:3])
    return shown + (f" and {len(iris) - 3} more" if len(iris) > 3 else "")


class _Spool:
    """Units set aside during a bulk load, in a temporary file; a later unit of one graph wins."""

    def __init__(self) -> None:
        self._file = tempfile.SpooledTemporaryFile(max_size=SPOOL_MEMORY)  # noqa: SIM115 (closed by close())
        self._index: dict[str, tuple[int, int]] = {}

    def __len__(self) -> int:
        return len(self._index)

    def add(self, iri: str, data: bytes) -> None:
        offset = self._file.seek(0, io.SEEK_END)
        self._file.write(data)
        self._index[iri] = (offset, len(data))

    def __iter__(self) -> Iterator[Unit]:
        for iri, (offset, size) in self._index.items():
            self._file.seek(offset)
            yield iri, self._file.read(size)

    def close(self) -> None:
        self._file.close()


class OxigraphStore:
    """An embedded Oxigraph store: in memory without ``path``, on disk with one.

    ``read_only=True`` opens an existing directory for queries only (several
    processes may then read it); every write raises ``StoreError``.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        if read_only and self.path is None:
            raise StoreError("a read-only store needs the path of an existing store")
        self._store: ox.Store | None = self._open()

    def _open(self) -> ox.Store:
        if self.path is None:
            return ox.Store()
        if self.path.exists() and not self.path.is_dir():
            raise StoreUnavailable(f"cannot open store {self.path}: it is a file, not a directory")
        if not self.read_only and self.path.is_dir() and not os.access(self.path, os.W_OK):
            raise StoreUnavailable(f"cannot open store {self.path}: the directory is read-only")
        try:
            if self.read_only:
                if not self.path.is_dir():
                    raise StoreUnavailable(f"cannot open store {self.path}: no such directory")
                return ox.Store.read_only(str(self.path))
            self.path.mkdir(parents=True, exist_ok=True)
            return ox.Store(str(self.path))
        except OSError as exc:
            raise _open_error(self.path, exc) from exc

    def __repr__(self) -> str:
        where = str(self.path) if self.path is not None else "memory"
        return f"OxigraphStore({where!r}{', read_only=True' if self.read_only else ''})"

    # ------------------------------------------------------------------ plumbing

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying ``pyoxigraph.Store``, for what this class does not wrap."""
        if self._store is None:
            raise StoreError(f"{self!r} is closed")
        return self._store

    def _writable(self) -> ox.Store:
        store = self.oxigraph
        if self.read_only:
            raise StoreError(f"{self!r} was opened read-only; open it without read_only to write")
        return store

    def _fail(self, action: str, exc: Exception) -> StoreError:
        return StoreError(f"{action} failed in {self!r}: {exc}")

    def close(self) -> None:
        """Flush and release the store (and the lock on its directory)."""
        if self._store is not None and self.path is not None and not self.read_only:
            try:
                self._store.flush()
            except OSError as exc:
                raise self._fail("flush", exc) from exc
        self._store = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ------------------------------------------------------------------ writes

    def load(self, article: NewsArticle) -> LoadStats:
        """Replace the article's graph with its triples, in one transaction."""
        return self._put((article.id, article_nquads(article)))

    def load_rdf(self, iri: str, data: bytes | str, format: Format = Format.NQUADS) -> LoadStats:
        """Replace graph ``iri`` with RDF text in an RDF ``Format`` (N-Quads, N-Triples, Turtle or JSON-LD).

        For RDF that did not come from a ``NewsArticle``: triples go into the
        graph, and quads must already name it.
        """
        return self._put((iri, normalize(iri, data, format)))

    def _put(self, unit: Unit) -> LoadStats:
        """One graph: a transactional load when it is new, an update of what changed otherwise."""
        store = self._writable()
        iri, data = unit
        if store.contains_named_graph(check_iri(iri)):
            return self._replace([unit])
        try:
            store.load(data, format=ox.RdfFormat.N_QUADS)
        except SyntaxError as exc:
            raise StoreError(f"cannot store <{iri}>: its RDF holds a term the store refuses: {exc}") from exc
        except OSError as exc:
            raise self._fail(f"loading <{iri}>", exc) from exc
        return LoadStats(articles=1, triples=data.count(b"\n"))

    def _replace(self, units: Iterable[Unit]) -> LoadStats:
        """Bring existing graphs up to their new versions, writing only what changed.

        Unchanged graphs cost a comparison and no write; the updates of the
        others are committed in transactions of about ``BATCH_TRIPLES``
        triples, so memory stays bounded. If one transaction fails, the
        earlier ones stay committed and the error says how many graphs they
        updated.
        """
        store = self._writable()
        pending: list[str] = []
        names: list[str] = []
        weight = articles = triples = committed = 0

        def commit() -> None:
            nonlocal weight, committed
            if pending:
                try:
                    store.update(" ;\n".join(pending))
                except (OSError, SyntaxError, ValueError) as exc:
                    before = f" ({committed} graphs were updated before)" if committed else ""
                    raise self._fail(f"replacing {_names(names)}{before}", exc) from exc
                committed += len(pending)
                if self.path is not None:
                    # RocksDB keeps written data in memory tables until they are flushed to
                    # disk; flushing per batch keeps a long re-load from growing them to
                    # their limit (hundreds of MB over a dozen column families).
                    try:
                        store.flush()
                    except OSError as exc:
                        raise self._fail("flush", exc) from exc
            pending.clear()
            names.clear()
            weight = 0

        for iri, data in units:
            try:
                new = unit_quads(iri, data)
            except FormatError as exc:
                raise StoreError(f"cannot store <{iri}>: {exc}") from exc
            articles += 1
            triples += data.count(b"\n")
            old = list(store.quads_for_pattern(None, None, None, check_iri(iri)))
            change = graph_change(old, new)
            if change is None:
                continue
            pending.append(change_update(iri, change))
            names.append(iri)
            weight += change.writes
            if weight >= BATCH_TRIPLES:
                commit()
        commit()
        return LoadStats(articles=articles, triples=triples)

    def load_many(self, articles: Iterable[NewsArticle], *, progress: Progress | None = None) -> LoadStats:
        """Load many articles: new graphs in one bulk transaction, existing ones updated after it.

        If ``articles`` raises midway, its exception propagates and the store
        is unchanged: the bulk load aborts before it commits.
        """
        return self._load_units(((a.id, article_nquads(a)) for a in articles), progress=progress)

    def _load_units(self, units: Iterable[Unit], *, progress: Progress | None = None) -> LoadStats:
        store = self._writable()
        seen: set[str] = set()
        replaced = _Spool()
        counts = [0, 0]  # articles, triples

        def chunks() -> Iterator[bytes]:
            for iri, data in units:
                counts[0] += 1
                counts[1] += data.count(b"\n")
                if iri in seen or store.contains_named_graph(check_iri(iri)):
                    replaced.add(iri, data)
                else:
                    seen.add(iri)
                    yield data
                if progress is not None:
                    progress(counts[0])

        with contextlib.closing(replaced):
            try:
                store.bulk_load(cast("IO[bytes]", _UnitReader(chunks())), format=ox.RdfFormat.N_QUADS)
            except SyntaxError as exc:
                raise StoreError(
                    f"bulk load aborted, nothing written: an article among the first {counts[0]} holds "
                    f"a term the store refuses (an IRI that is not RFC 3987?): {exc}"
                ) from exc
            except OSError as exc:
                raise self._fail("bulk load", exc) from exc
            if len(replaced):
                self._replace(replaced)
        return LoadStats(articles=counts[0], triples=counts[1])

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update in one transaction (for what the article API does not cover)."""
        store = self._writable()
        try:
            store.update(sparql)
        except SyntaxError as exc:
            raise StoreError(f"the update does not parse: {exc}") from exc
        except OSError as exc:
            raise self._fail("update", exc) from exc

    def remove(self, iri: str) -> bool:
        """Drop graph ``iri``; ``True`` if the store held it."""
        store = self._writable()
        node = check_iri(iri)
        try:
            if not store.contains_named_graph(node):
                return False
            store.remove_graph(node)
        except OSError as exc:
            raise self._fail(f"removing <{iri}>", exc) from exc
        return True

    # ------------------------------------------------------------------ reads

    def query(self, sparql: str) -> QueryResult:
        """Run a SPARQL query; named graphs are queried with ``GRAPH`` patterns.

        schema.org IRIs may be written ``https://`` (rdflib's ``SDO``): see :mod:`newsmodel.namespaces`.
        """
        store = self.oxigraph
        try:
            return result_from_oxigraph(store.query(http_schema_iris(sparql)))
        except SyntaxError as exc:
            raise StoreError(f"the query does not parse: {exc}") from exc
        except (OSError, ValueError, RuntimeError) as exc:
            raise self._fail("query", exc) from exc

    def __contains__(self, iri: object) -> bool:
        if not isinstance(iri, str):
            return False
        try:
            node = ox.NamedNode(iri)
        except ValueError:
            return False
        store = self.oxigraph
        return any(True for _ in store.quads_for_pattern(None, None, None, node))

    def graphs(self) -> list[str]:
        """The IRIs of the named graphs, sorted."""
        return sorted(g.value for g in self.oxigraph.named_graphs() if isinstance(g, ox.NamedNode))

    def __len__(self) -> int:
        """The number of quads in the store."""
        return len(self.oxigraph)

    def nquads(self, iri: str | None = None) -> bytes:
        """The N-Quads of graph ``iri``, or of the whole store."""
        store = self.oxigraph
        quads = store.quads_for_pattern(None, None, None, check_iri(iri) if iri is not None else None)
        return serialize(quads, ox.RdfFormat.N_QUADS)

    def article(self, iri: str) -> NewsArticle:
        """The article stored in graph ``iri``, read back into the model.

        Raises ``StoreError`` when the store has no such graph, ``FormatError``
        when the graph holds something that is not a valid article.
        """
        if iri not in self:
            raise StoreError(f"the store has no graph <{iri}>")
        from newsmodel.serialize.rdf_read import from_rdf

        return from_rdf(self.oxigraph, iri)

    def graph(self, iri: str) -> Any:
        """Graph ``iri`` as an ``rdflib.Graph`` (empty when the store lacks it)."""
        import rdflib

        node = check_iri(iri)
        triples = [q.triple for q in self.oxigraph.quads_for_pattern(None, None, None, node)]
        graph = rdflib.Graph(identifier=rdflib.URIRef(iri))
        if triples:
            graph.parse(data=serialize(triples, ox.RdfFormat.N_TRIPLES), format="nt")
        return graph
