r"""Any SPARQL 1.1 server over HTTP: Graph Store Protocol for writes, Query for reads.

Each article is one ``PUT`` of its triples to ``{graph store}?graph={article
IRI}``: the server swaps the graph whole, so the remote store keeps the same
"never half a graph" promise as the embedded one. Queries are ``POST``\ ed as
``application/sparql-query``; answers (``application/sparql-results+json``,
or N-Triples/Turtle for CONSTRUCT) are parsed by pyoxigraph into the same
:class:`~newsmodel.store.QueryResult` the embedded store gives.

Connection errors and 5xx answers are retried with exponential backoff; a
server that does not answer within ``timeout`` seconds, or keeps failing,
raises :class:`~newsmodel.errors.StoreUnavailable`; a 4xx or an unreadable
answer raises :class:`~newsmodel.errors.StoreError` quoting the server.

Servers lay their endpoints out differently; ``server=`` picks a layout
(see ``docs/store.md``) and the ``*_endpoint`` keywords override any part:

>>> SparqlStore("http://localhost:3030/news", server="fuseki").graph_store_endpoint
'http://localhost:3030/news/data'
>>> SparqlStore("http://localhost:7878").query_endpoint
'http://localhost:7878/query'
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from types import TracebackType
from typing import Any, Literal, Self

import httpx
import pyoxigraph as ox

from newsmodel.errors import FormatError, StoreError, StoreUnavailable
from newsmodel.model import NewsArticle
from newsmodel.store._protocol import LoadStats, Progress
from newsmodel.store._rdf import Unit, article_nquads, check_iri, normalize, serialize, triples_text
from newsmodel.store._result import QueryResult, result_from_oxigraph

__all__ = ["SERVERS", "SparqlStore"]

Server = Literal["oxigraph", "fuseki", "graphdb", "virtuoso"]

#: Endpoint layouts: (query path, update path, graph store path, graph parameter).
SERVERS: dict[str, tuple[str, str, str, str]] = {
    "oxigraph": ("/query", "/update", "/store", "graph"),
    "fuseki": ("/query", "/update", "/data", "graph"),
    "graphdb": ("", "/statements", "/rdf-graphs/service", "graph"),
    "virtuoso": ("/sparql", "/sparql", "/sparql-graph-crud", "graph-uri"),
}

_ACCEPT = (
    "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8, "
    "application/sparql-results+xml;q=0.5, application/rdf+xml;q=0.4"
)
_RESULT_FORMATS: dict[str, Any] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_GRAPH_FORMATS: dict[str, Any] = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}
_RETRY_STATUS = frozenset({500, 502, 503, 504})


def _excerpt(text: str, limit: int = 300) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class SparqlStore:
    """A remote SPARQL 1.1 store: one named graph per article, written with the Graph Store Protocol.

    ``endpoint`` is the server's base URL; ``server`` picks how the query,
    update and graph-store endpoints hang off it, and ``query_endpoint``,
    ``update_endpoint``, ``graph_store_endpoint`` and ``graph_param`` override
    them. Authentication: ``headers`` (e.g. a bearer token), ``auth=(user,
    password)`` for HTTP basic, or any ``httpx.Auth`` (``httpx.DigestAuth``).
    ``timeout`` bounds each request in seconds; ``retries`` more attempts
    follow a connection error or 5xx, ``backoff * 2**attempt`` seconds apart.
    """

    def __init__(
        self,
        endpoint: str,
        *,
        server: Server = "oxigraph",
        query_endpoint: str | None = None,
        update_endpoint: str | None = None,
        graph_store_endpoint: str | None = None,
        graph_param: str | None = None,
        headers: Mapping[str, str] | None = None,
        auth: tuple[str, str] | httpx.Auth | None = None,
        timeout: float = 30.0,
        retries: int = 3,
        backoff: float = 0.2,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        if server not in SERVERS:
            raise StoreError(f"unknown server kind {server!r}; choose one of: {', '.join(SERVERS)}")
        if not endpoint.startswith(("http://", "https://")):
            raise StoreError(f"endpoint {endpoint!r} is not an http(s) URL")
        base = endpoint.rstrip("/")
        query_path, update_path, store_path, param = SERVERS[server]
        if server == "virtuoso" and auth is not None:  # Virtuoso authenticates on its -auth twins
            query_path = update_path = "/sparql-auth"
            store_path = "/sparql-graph-crud-auth"
        self.endpoint = base
        self.query_endpoint = query_endpoint or base + query_path
        self.update_endpoint = update_endpoint or base + update_path
        self.graph_store_endpoint = graph_store_endpoint or base + store_path
        self.graph_param = graph_param or param
        self.retries = max(0, retries)
        self.backoff = backoff
        self.timeout = timeout
        self._client: httpx.Client | None = httpx.Client(
            headers=dict(headers or {}),
            auth=auth,
            timeout=timeout,
            transport=transport,
            follow_redirects=True,
        )

    def __repr__(self) -> str:
        return f"SparqlStore({self.endpoint!r})"

    # ------------------------------------------------------------------ HTTP

    def _request(self, method: str, url: str, *, ok_missing: bool = False, **kwargs: Any) -> httpx.Response:
        """Send one request with retries; return a 2xx response (or a 404 if ``ok_missing``)."""
        if self._client is None:
            raise StoreError(f"{self!r} is closed")
        what = f"{method} {url}"
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            try:
                response = self._client.request(method, url, **kwargs)
            except httpx.TimeoutException as exc:
                if isinstance(exc, httpx.ConnectTimeout) and not last:
                    self._sleep(attempt)
                    continue
                raise StoreUnavailable(
                    f"{what}: no answer within {self.timeout:g} s ({type(exc).__name__})"
                ) from exc
            except httpx.TransportError as exc:  # refused, reset, DNS, protocol garbage
                if not last:
                    self._sleep(attempt)
                    continue
                if isinstance(exc, httpx.RemoteProtocolError):
                    raise StoreError(
                        f"{what}: the server's answer is not valid HTTP ({attempt + 1} attempts): {exc}"
                    ) from exc
                raise StoreUnavailable(
                    f"{what}: cannot reach the server after {attempt + 1} attempts: "
                    f"{exc or type(exc).__name__}"
                ) from exc
            if response.status_code in _RETRY_STATUS and not last:
                self._sleep(attempt)
                continue
            return self._check(what, response, ok_missing=ok_missing, attempts=attempt + 1)
        raise AssertionError("unreachable")  # pragma: no cover

    def _sleep(self, attempt: int) -> None:
        time.sleep(self.backoff * 2**attempt)

    @staticmethod
    def _check(what: str, response: httpx.Response, *, ok_missing: bool, attempts: int) -> httpx.Response:
        status = response.status_code
        if 200 <= status < 300 or (ok_missing and status == 404):
            return response
        body = _excerpt(response.text) if response.content else "(empty body)"
        if status in (401, 403):
            raise StoreError(f"{what}: HTTP {status}, the server refused the credentials: {body}")
        if status >= 500:
            cls = StoreUnavailable if status in _RETRY_STATUS else StoreError
            raise cls(f"{what}: HTTP {status} after {attempts} attempts: {body}")
        raise StoreError(f"{what}: HTTP {status}: {body}")

    def close(self) -> None:
        """Close the HTTP connections."""
        if self._client is not None:
            self._client.close()
            self._client = None

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

    def _put(self, unit: Unit) -> int:
        iri, data = unit
        try:
            body = triples_text(iri, data)
        except FormatError as exc:
            raise StoreError(f"cannot store <{iri}>: {exc}") from exc
        self._request(
            "PUT",
            self.graph_store_endpoint,
            params={self.graph_param: iri},
            content=body.encode("utf-8"),
            headers={"Content-Type": "text/turtle; charset=utf-8"},  # N-Triples is Turtle
        )
        return body.count("\n")

    def load(self, article: NewsArticle) -> LoadStats:
        """Replace the article's graph on the server with one PUT."""
        return LoadStats(articles=1, triples=self._put((article.id, article_nquads(article))))

    def load_rdf(self, iri: str, data: bytes | str, fmt: str = "nquads") -> LoadStats:
        """Replace graph ``iri`` with RDF text (``nquads``, ``nt``, ``turtle`` or ``trig``)."""
        return LoadStats(articles=1, triples=self._put((iri, normalize(iri, data, fmt))))

    def load_many(self, articles: Iterable[NewsArticle], *, progress: Progress | None = None) -> LoadStats:
        """Serialize every article first, then PUT each graph.

        An exception from ``articles`` therefore leaves the server untouched.
        A server failure midway leaves each graph wholly old or wholly new and
        says how many were written.
        """
        units: list[Unit] = []
        for article in articles:
            units.append((article.id, article_nquads(article)))
            if progress is not None:
                progress(len(units))
        return self._put_all(units)

    def _put_all(self, units: list[Unit]) -> LoadStats:
        triples = 0
        for done, unit in enumerate(units):
            try:
                triples += self._put(unit)
            except StoreError as exc:
                raise type(exc)(f"{exc} ({done} of {len(units)} articles were written before)") from exc
        return LoadStats(articles=len(units), triples=triples)

    def update(self, sparql: str) -> None:
        """POST a SPARQL 1.1 Update (``DROP ALL``, ``DELETE WHERE``…) to the update endpoint."""
        self._request(
            "POST",
            self.update_endpoint,
            content=sparql.encode("utf-8"),
            headers={"Content-Type": "application/sparql-update; charset=utf-8"},
        )

    def remove(self, iri: str) -> bool:
        """DELETE graph ``iri``; ``True`` if the server held it."""
        check_iri(iri)
        response = self._request(
            "DELETE", self.graph_store_endpoint, params={self.graph_param: iri}, ok_missing=True
        )
        return response.status_code != 404

    # ------------------------------------------------------------------ reads

    def query(self, sparql: str) -> QueryResult:
        """POST a SPARQL query and parse the answer into a ``QueryResult``."""
        response = self._request(
            "POST",
            self.query_endpoint,
            content=sparql.encode("utf-8"),
            headers={"Content-Type": "application/sparql-query; charset=utf-8", "Accept": _ACCEPT},
        )
        return self._parse_answer(response)

    def _parse_answer(self, response: httpx.Response) -> QueryResult:
        media = response.headers.get("content-type", "").split(";")[0].strip().lower()
        what = f"the answer of {self.query_endpoint}"
        try:
            if media in _RESULT_FORMATS:
                return result_from_oxigraph(ox.parse_query_results(response.content, _RESULT_FORMATS[media]))
            if media in _GRAPH_FORMATS:
                triples = [q.triple for q in ox.parse(response.content, format=_GRAPH_FORMATS[media])]
                return result_from_oxigraph(triples)
        except (SyntaxError, ValueError) as exc:
            raise StoreError(
                f"{what} ({media}) does not parse: {exc}; it begins {_excerpt(response.text, 120)!r}"
            ) from exc
        raise StoreError(
            f"{what} is not SPARQL results or RDF (Content-Type {media or 'missing'!r}); "
            f"it begins {_excerpt(response.text, 120)!r}"
        )

    def ask(self, sparql: str) -> bool:
        """The boolean of an ASK query."""
        answer = self.query(sparql)
        if answer.kind != "ask":
            raise StoreError(f"{self!r}: expected an ASK answer, got a {answer.kind} one")
        return bool(answer.boolean)

    def __contains__(self, iri: object) -> bool:
        if not isinstance(iri, str):
            return False
        try:
            check_iri(iri)
        except StoreError:
            return False
        return self.ask(f"ASK {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}")

    def graphs(self) -> list[str]:
        """The IRIs of the named graphs, sorted."""
        answer = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(str(row["g"]) for row in answer if row["g"] is not None)

    def graph(self, iri: str) -> Any:
        """Graph ``iri`` as an ``rdflib.Graph``, fetched with a Graph Store GET (empty when absent)."""
        import rdflib

        check_iri(iri)
        response = self._request(
            "GET",
            self.graph_store_endpoint,
            params={self.graph_param: iri},
            headers={"Accept": "application/n-triples, text/turtle;q=0.9"},
            ok_missing=True,
        )
        graph = rdflib.Graph(identifier=rdflib.URIRef(iri))
        if response.status_code == 404 or not response.content:
            return graph
        media = response.headers.get("content-type", "").split(";")[0].strip().lower()
        fmt = _GRAPH_FORMATS.get(media)
        if fmt is None:
            raise StoreError(f"GET graph <{iri}>: answer is not RDF (Content-Type {media!r})")
        try:
            triples = [q.triple for q in ox.parse(response.content, format=fmt)]
        except SyntaxError as exc:
            raise StoreError(f"GET graph <{iri}>: the answer does not parse: {exc}") from exc
        graph.parse(data=serialize(triples, ox.RdfFormat.N_TRIPLES), format="nt")
        return graph
