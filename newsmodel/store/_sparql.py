r"""Any SPARQL 1.1 server over HTTP: Graph Store Protocol for writes, Query for reads.

Each article is one ``PUT`` of its triples to ``{graph store}?graph={article
IRI}``: the server swaps the graph whole, so the remote store keeps the same
"never half a graph" promise as the embedded one. Queries go by any of the
three ways the SPARQL 1.1 Protocol allows, ``query_method``: ``"post"`` (the
query as an ``application/sparql-query`` body), ``"form"`` (a form-encoded
``query=`` POST) or ``"get"`` (``?query=`` in the URL); ``"auto"``, the
default, asks the server a trivial ``ASK {}`` each way until one answers,
once per store, because servers differ (Virtuoso 7 never answers a direct
POST query). Answers (``application/sparql-results+json``, or
N-Triples/Turtle for CONSTRUCT) are parsed by pyoxigraph into the same
:class:`~newsmodel.store.QueryResult` the embedded store gives.

Credentials ``auth=(user, password)`` answer whichever challenge the server
sends, HTTP basic or digest (``auth_scheme`` fixes one). A 401 or 403 to a
request sent without credentials raises
:class:`~newsmodel.errors.CredentialsRequired`; with credentials, an
:class:`~newsmodel.errors.AccessDenied` saying they were refused or lack a
right.

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

import re
import time
from collections.abc import Generator, Iterable, Mapping
from types import TracebackType
from typing import Any, Literal, Self

import httpx
import pyoxigraph as ox

from newsmodel.errors import (
    AccessDenied,
    CredentialsRequired,
    FormatError,
    StoreError,
    StoreUnavailable,
)
from newsmodel.model import NewsArticle
from newsmodel.namespaces import http_schema_iris
from newsmodel.serialize.formats import Format
from newsmodel.store._protocol import LoadStats, Progress
from newsmodel.store._rdf import Unit, article_nquads, check_iri, normalize, serialize, triples_text
from newsmodel.store._result import QueryResult, result_from_oxigraph

__all__ = ["QUERY_METHODS", "SERVERS", "SparqlStore"]

Server = Literal["oxigraph", "fuseki", "graphdb", "virtuoso"]
QueryMethod = Literal["auto", "post", "form", "get"]
AuthScheme = Literal["auto", "basic", "digest"]

#: The ways a query can travel (SPARQL 1.1 Protocol, section 2.1): a direct
#: ``application/sparql-query`` POST, a form-encoded POST, or a GET.
QUERY_METHODS: tuple[str, ...] = ("post", "form", "get")

#: The order ``query_method="auto"`` tries them in, per server kind.
_PROBE_ORDER: dict[str, tuple[str, ...]] = {
    "virtuoso": ("form", "get", "post"),  # Virtuoso 7 never answers a direct POST query
}

#: How long the ``auto`` probe waits for ``ASK {}`` by one method (at most ``timeout``).
PROBE_TIMEOUT = 5.0

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
#: Asked per query form: Virtuoso answers a CONSTRUCT with SPARQL JSON results
#: (bindings of ?s ?p ?o, blank nodes as IRIs) when that comes first in Accept.
_ACCEPT_BY_FORM = {
    "select": "application/sparql-results+json, application/sparql-results+xml;q=0.5",
    "ask": "application/sparql-results+json, application/sparql-results+xml;q=0.5",
    "construct": "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5",
    "describe": "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5",
}
_PROLOGUE = re.compile(r"(?:\s+|#[^\n]*(?:\n|$)|PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)*", re.IGNORECASE)
_FORM = re.compile(r"(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


def _accept(sparql: str) -> str:
    r"""The Accept header for a query: by its form (after the prologue), or every format we read.

    >>> _accept("PREFIX s: <http://schema.org/> # people\nconstruct { ?p a s:Person } WHERE {}")[:21]
    'application/n-triples'
    """
    prologue = _PROLOGUE.match(sparql)
    form = _FORM.match(sparql, prologue.end() if prologue else 0)
    return _ACCEPT_BY_FORM[form.group(1).lower()] if form else _ACCEPT


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
#: Virtuoso reports a missing right as a 500 whose text holds an SQL security error.
_SECURITY_ERROR = re.compile(r"\b(?:SR\d+|SQ\d+):SECURITY:")


class ChallengeAuth(httpx.Auth):
    """HTTP basic or digest, whichever the server's ``WWW-Authenticate`` challenge asks for.

    The first request goes without credentials; the scheme the server then
    names (digest preferred when it offers both) is remembered, so later
    requests carry credentials from the start, as ``curl --anyauth`` does.
    """

    requires_request_body = True

    def __init__(self, user: str, password: str) -> None:
        self._basic = httpx.BasicAuth(user, password)
        self._digest = httpx.DigestAuth(user, password)
        self.scheme: str | None = None

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self.scheme is None:
            response = yield request
            if response.status_code != 401:
                return
            offered = " ".join(response.headers.get_list("www-authenticate")).lower()
            if re.search(r"\bdigest\b", offered):
                self.scheme = "digest"
            elif re.search(r"\bbasic\b", offered):
                self.scheme = "basic"
            else:
                return  # a scheme we do not speak: the 401 stands
        flow = self._digest if self.scheme == "digest" else self._basic
        yield from flow.auth_flow(request)


class _NoAnswer(StoreUnavailable):
    """The server took the request but did not answer in time."""


def _excerpt(text: str, limit: int = 300) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class SparqlStore:
    """A remote SPARQL 1.1 store: one named graph per article, written with the Graph Store Protocol.

    ``endpoint`` is the server's base URL; ``server`` picks how the query,
    update and graph-store endpoints hang off it, and ``query_endpoint``,
    ``update_endpoint``, ``graph_store_endpoint`` and ``graph_param`` override
    them. ``query_method`` picks how queries travel (``"post"``, ``"form"``,
    ``"get"``, or ``"auto"`` to find out); updates go as a direct
    ``application/sparql-update`` POST when queries do, form-encoded otherwise.
    Authentication: ``headers`` (e.g. a bearer token), ``auth=(user,
    password)`` answered as the server asks (``auth_scheme="basic"`` or
    ``"digest"`` fixes the scheme; basic is then sent from the first request
    on), or any ``httpx.Auth``. ``timeout`` bounds each request in seconds;
    ``retries`` more attempts follow a connection error or 5xx,
    ``backoff * 2**attempt`` seconds apart.
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
        auth_scheme: AuthScheme = "auto",
        query_method: QueryMethod = "auto",
        timeout: float = 30.0,
        retries: int = 3,
        backoff: float = 0.2,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        if server not in SERVERS:
            raise StoreError(f"unknown server kind {server!r}; choose one of: {', '.join(SERVERS)}")
        if not endpoint.startswith(("http://", "https://")):
            raise StoreError(f"endpoint {endpoint!r} is not an http(s) URL")
        if query_method not in ("auto", *QUERY_METHODS):
            raise StoreError(
                f"unknown query method {query_method!r}; choose one of: auto, {', '.join(QUERY_METHODS)}"
            )
        if auth_scheme not in ("auto", "basic", "digest"):
            raise StoreError(f"unknown auth scheme {auth_scheme!r}; choose one of: auto, basic, digest")
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
        self.server = server
        #: How queries travel; ``"auto"`` until the first query finds out.
        self.query_method: str = query_method
        headers = dict(headers or {})
        self._credentials = auth is not None or any(k.lower() == "authorization" for k in headers)
        if isinstance(auth, tuple):
            user, password = auth
            if auth_scheme == "basic":
                auth = httpx.BasicAuth(user, password)
            elif auth_scheme == "digest":
                auth = httpx.DigestAuth(user, password)
            else:
                auth = ChallengeAuth(user, password)
        self._client: httpx.Client | None = httpx.Client(
            headers=headers,
            auth=auth,
            timeout=timeout,
            transport=transport,
            follow_redirects=True,
        )

    def __repr__(self) -> str:
        return f"SparqlStore({self.endpoint!r})"

    # ------------------------------------------------------------------ HTTP

    def _request(
        self,
        method: str,
        url: str,
        *,
        ok_missing: bool = False,
        timeout: float | None = None,
        **kwargs: Any,
    ) -> httpx.Response:
        """Send one request with retries; return a 2xx response (or a 404 if ``ok_missing``)."""
        if self._client is None:
            raise StoreError(f"{self!r} is closed")
        what = f"{method} {url}"
        limit = self.timeout if timeout is None else timeout
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            try:
                response = self._client.request(method, url, timeout=limit, **kwargs)
            except httpx.TimeoutException as exc:
                if isinstance(exc, httpx.ConnectTimeout) and not last:
                    self._sleep(attempt)
                    continue
                raise _NoAnswer(f"{what}: no answer within {limit:g} s ({type(exc).__name__})") from exc
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
            if response.status_code in _RETRY_STATUS and not last and not self._security_error(response):
                self._sleep(attempt)
                continue
            return self._check(what, response, ok_missing=ok_missing, attempts=attempt + 1)
        raise AssertionError("unreachable")  # pragma: no cover

    def _sleep(self, attempt: int) -> None:
        time.sleep(self.backoff * 2**attempt)

    @staticmethod
    def _security_error(response: httpx.Response) -> bool:
        return response.status_code == 500 and bool(_SECURITY_ERROR.search(response.text[:2000]))

    def _check(
        self, what: str, response: httpx.Response, *, ok_missing: bool, attempts: int
    ) -> httpx.Response:
        status = response.status_code
        if 200 <= status < 300 or (ok_missing and status == 404):
            return response
        body = _excerpt(response.text) if response.content else "(empty body)"
        if status in (401, 403) or self._security_error(response):
            if not self._credentials:
                raise CredentialsRequired(
                    f"{what}: HTTP {status}: the server needs credentials for this; pass auth=(user, "
                    f"password) (on the command line --user, with --password or $NEWSMODEL_STORE_PASSWORD)"
                    f"{self._auth_hint()}: {body}"
                )
            if status == 401:
                offered = response.headers.get("www-authenticate", "")
                asks = f" (it asks for: {_excerpt(offered, 80)})" if offered else ""
                raise AccessDenied(f"{what}: HTTP 401, the server refused the credentials{asks}: {body}")
            raise AccessDenied(
                f"{what}: HTTP {status}, the credentials were accepted but lack the right to do this"
                f"{self._auth_hint()}: {body}"
            )
        if status >= 500:
            cls = StoreUnavailable if status in _RETRY_STATUS else StoreError
            raise cls(f"{what}: HTTP {status} after {attempts} attempts: {body}")
        raise StoreError(f"{what}: HTTP {status}: {body}")

    def _auth_hint(self) -> str:
        if self.server == "virtuoso":
            return (
                "; Virtuoso writes need a user with the SPARQL_UPDATE role, sent to its -auth "
                "endpoints (server='virtuoso' with auth does that)"
            )
        return ""

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

    def load_rdf(self, iri: str, data: bytes | str, format: Format = Format.NQUADS) -> LoadStats:
        """Replace graph ``iri`` with RDF text (``nquads``, ``nt``, ``turtle`` or ``trig``)."""
        return LoadStats(articles=1, triples=self._put((iri, normalize(iri, data, format))))

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
        """POST a SPARQL 1.1 Update (``DROP ALL``, ``DELETE WHERE``…) to the update endpoint.

        Direct (``application/sparql-update``) when queries go direct,
        form-encoded (``update=``) otherwise.
        """
        if self._method() == "post":
            self._request(
                "POST",
                self.update_endpoint,
                content=sparql.encode("utf-8"),
                headers={"Content-Type": "application/sparql-update; charset=utf-8"},
            )
        else:
            self._request("POST", self.update_endpoint, data={"update": sparql})

    def remove(self, iri: str) -> bool:
        """DELETE graph ``iri``; ``True`` if the server held it."""
        check_iri(iri)
        response = self._request(
            "DELETE", self.graph_store_endpoint, params={self.graph_param: iri}, ok_missing=True
        )
        return response.status_code != 404

    # ------------------------------------------------------------------ reads

    def query(self, sparql: str) -> QueryResult:
        """Send a SPARQL query the way ``query_method`` says and parse the answer into a ``QueryResult``.

        schema.org IRIs may be written ``https://`` (rdflib's ``SDO``): see :mod:`newsmodel.namespaces`.
        """
        return self._parse_answer(self._send_query(http_schema_iris(sparql), self._method()))

    def _send_query(self, sparql: str, method: str, timeout: float | None = None) -> httpx.Response:
        headers = {"Accept": _accept(sparql)}
        if method == "get":
            return self._request(
                "GET", self.query_endpoint, params={"query": sparql}, headers=headers, timeout=timeout
            )
        if method == "form":
            return self._request(
                "POST", self.query_endpoint, data={"query": sparql}, headers=headers, timeout=timeout
            )
        headers["Content-Type"] = "application/sparql-query; charset=utf-8"
        return self._request(
            "POST", self.query_endpoint, content=sparql.encode("utf-8"), headers=headers, timeout=timeout
        )

    def _method(self) -> str:
        """The query method: the one given, or the first that answers ``ASK {}`` (asked once)."""
        if self.query_method != "auto":
            return self.query_method
        failures: list[str] = []
        busy = 0  # methods that got no answer in time, or 5xx after the retries
        limit = min(self.timeout, PROBE_TIMEOUT)
        for method in _PROBE_ORDER.get(self.server, QUERY_METHODS):
            try:
                answer = self._parse_answer(self._send_query("ASK {}", method, timeout=limit))
            except _NoAnswer:  # Virtuoso 7 does this to a direct POST query
                failures.append(f"{method}: no answer within {limit:g} s")
                busy += 1
                continue
            except AccessDenied:
                raise  # the credentials, not the method: no other method helps
            except StoreUnavailable as exc:
                if isinstance(exc.__cause__, httpx.TransportError):
                    raise  # the server cannot be reached at all
                failures.append(f"{method}: {exc}")
                busy += 1
                continue
            except StoreError as exc:
                failures.append(f"{method}: {exc}")
                continue
            if answer.kind == "ask":
                self.query_method = method
                return method
            failures.append(f"{method}: the answer to ASK is a {answer.kind} result")
        tried = "; ".join(failures)
        if busy == len(failures):
            raise StoreUnavailable(f"{self.query_endpoint} answers no query in time by any method: {tried}")
        raise StoreError(f"{self.query_endpoint} answers no SPARQL query method; tried {tried}")

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

    def article(self, iri: str) -> NewsArticle:
        """The article stored in graph ``iri``, read back with one CONSTRUCT.

        Raises ``StoreError`` when the server has no such graph, ``FormatError``
        when the graph holds something that is not a valid article.
        """
        if iri not in self:
            raise StoreError(f"the store has no graph <{iri}>")
        from newsmodel.serialize.rdf_read import from_rdf

        return from_rdf(self, iri)

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
