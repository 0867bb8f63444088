"""The remote store against a real `oxigraph serve`, and against a loopback proxy that misbehaves."""

from __future__ import annotations

import base64
import http.server
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from _oxigraph_server import digest_guard, free_port, oxigraph_server, proxy
from _store_helpers import article, assert_answers_match_the_embedded_store

from newsmodel.errors import AccessDenied, CredentialsRequired, StoreError, StoreUnavailable
from newsmodel.serialize.rdf import to_nquads
from newsmodel.store import IRI, SparqlStore, Store

HEADLINES = (
    "SELECT ?g ?h WHERE { GRAPH ?g { ?a a <http://schema.org/NewsArticle> ; "
    "<http://schema.org/headline> ?h } } ORDER BY ?g ?h"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Oxigraph server on a free loopback port, for this module."""
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph") / "db") as url:
        yield url


@pytest.fixture
def store(server: str) -> Iterator[SparqlStore]:
    """A SparqlStore on the server, emptied before each test."""
    with SparqlStore(server, retries=1, backoff=0.01) as remote:
        remote.update("DROP ALL")
        yield remote


def test_remote_store_satisfies_protocol(store: SparqlStore) -> None:
    """SparqlStore implements the Store protocol."""
    assert isinstance(store, Store)


def test_load_query_replace_remove(store: SparqlStore) -> None:
    """PUT per graph: load writes the graph, a corrected version replaces it, remove deletes it."""
    one = article(1, "first")
    stats = store.load(one)
    assert stats.triples == len(to_nquads(one).splitlines())
    assert store.graphs() == [one.id]
    store.load(one)
    store.load(article(1, "corrected"))
    assert [r["h"] for r in store.query(HEADLINES)] == ["corrected"]
    assert len(store.graph(one.id)) == stats.triples
    assert store.remove(one.id) is True
    assert store.remove(one.id) is False
    assert store.graphs() == []
    assert one.id not in store


def test_answers_match_the_embedded_store(store: SparqlStore) -> None:
    """Every sample query gives the same rows from the server as from the embedded store."""
    assert_answers_match_the_embedded_store(store)


def test_article_reads_one_back_from_the_server(store: SparqlStore) -> None:
    """SparqlStore.article(iri) rebuilds the article from the server; a missing graph is a StoreError."""
    one = article(1, "first", people=(("Ada Example", "Freedonia"),))
    store.load(one)
    assert store.article(one.id) == one
    with pytest.raises(StoreError, match="urn:absent"):
        store.article("urn:absent")


def test_https_schema_iris_find_the_servers_data(store: SparqlStore) -> None:
    """A query spelling schema.org ``https://`` (rdflib's SDO) finds on the server what ``http://`` finds."""
    store.load(article(1, "first"))
    https_rows = store.query(HEADLINES.replace("http://schema.org/", "https://schema.org/")).rows
    assert https_rows and https_rows == store.query(HEADLINES).rows


def test_select_ask_construct_shapes(store: SparqlStore) -> None:
    """Remote answers have the same shapes as embedded ones: typed rows, booleans, triples."""
    one = article(2)
    store.load(one)
    row = store.query(
        f"SELECT ?a ?d WHERE {{ GRAPH <{one.id}> {{ ?a <http://schema.org/datePublished> ?d }} }}"
    ).rows[0]
    assert isinstance(row["a"], IRI) and row["a"] == one.id
    assert row["d"] == one.date_published
    assert store.query(f"ASK {{ GRAPH <{one.id}> {{ ?s ?p ?o }} }}").boolean is True
    built = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{one.id}> {{ ?s ?p ?o }} }}")
    assert built.kind == "graph" and len(built) == len(to_nquads(one).splitlines())


def test_load_many_interrupted_sends_nothing(store: SparqlStore) -> None:
    """If the article iterable raises midway, the server keeps every graph's previous version."""
    store.load(article(1, "v1"))

    def broken() -> Iterator[object]:
        yield article(1, "v2")
        yield article(2)
        raise RuntimeError("input broke")

    with pytest.raises(RuntimeError, match="input broke"):
        store.load_many(broken())  # type: ignore[arg-type]
    assert [r["h"] for r in store.query(HEADLINES)] == ["v1"]


def test_bad_query_is_store_error_with_server_message(store: SparqlStore) -> None:
    """A 400 from the server raises StoreError quoting the status and the server's own words."""
    with pytest.raises(StoreError, match=r"HTTP 400: .*expected"):
        store.query("SELECT * WHERE {")


# ------------------------------------------------------------------ auth, retries, faults


def test_basic_auth_reaches_the_server(server: str) -> None:
    """auth=(user, password) sends HTTP basic credentials; wrong ones give a StoreError naming HTTP 401."""
    good = "Basic " + base64.b64encode(b"ada:s3cret").decode()

    def guard(handler: http.server.BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes] | None:
        if handler.headers.get("Authorization") != good:
            return 401, {"WWW-Authenticate": 'Basic realm="x"', "Content-Type": "text/plain"}, b"who are you?"
        return None

    with proxy(server, guard) as gate:
        with SparqlStore(gate.url, auth=("ada", "s3cret")) as remote:
            remote.load(article(7))
            assert article(7).id in remote.graphs()
        wrong = SparqlStore(gate.url, auth=("ada", "wrong"), retries=0)
        with wrong, pytest.raises(StoreError, match=r"HTTP 401.*who are you"):
            wrong.query("ASK {}")


def test_digest_auth_is_answered_and_checked(server: str) -> None:
    """auth=(user, password) answers a digest challenge; a proxy checking the hash lets it through."""
    with proxy(server, digest_guard("ada", "s3cret")) as gate:
        with SparqlStore(gate.url, auth=("ada", "s3cret")) as remote:
            remote.load(article(7))
            assert remote.graphs() == [article(7).id]
            remote.remove(article(7).id)
        sent = [headers.get("Authorization", "") for _, _, headers in gate.seen]
        assert sent[0] == ""  # the first request learns the scheme from the challenge
        assert all(value.startswith("Digest ") for value in sent[2:])
        for kwargs in ({"auth": ("ada", "wrong")}, {"auth": ("ada", "s3cret"), "auth_scheme": "basic"}):
            refused = SparqlStore(gate.url, retries=0, **kwargs)  # type: ignore[arg-type]
            with refused, pytest.raises(AccessDenied, match="HTTP 401, the server refused the credentials"):
                refused.load(article(7))


def test_403_without_credentials_says_credentials_are_needed(server: str) -> None:
    """A 403 to a request without credentials is CredentialsRequired; with credentials, AccessDenied."""

    def forbid(handler: http.server.BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes]:
        return 403, {"Content-Type": "text/plain"}, b"Forbidden"

    with proxy(server, forbid) as gate:
        anonymous = SparqlStore(gate.url, retries=0)
        with anonymous, pytest.raises(CredentialsRequired, match=r"HTTP 403: the server needs credentials"):
            anonymous.load(article(1))
        user = SparqlStore(gate.url, auth=("ada", "s3cret"), auth_scheme="basic", retries=0)
        with user, pytest.raises(AccessDenied, match="lack the right") as caught:
            user.load(article(1))
        assert not isinstance(caught.value, CredentialsRequired)


@pytest.mark.parametrize(
    ("method", "verb", "query_type", "update_type"),
    [
        ("post", "POST", "application/sparql-query", "application/sparql-update"),
        ("form", "POST", "application/x-www-form-urlencoded", "application/x-www-form-urlencoded"),
        ("get", "GET", None, "application/x-www-form-urlencoded"),
    ],
)
def test_each_query_method_reaches_the_server(
    server: str, method: str, verb: str, query_type: str | None, update_type: str
) -> None:
    """Queries go by direct POST, form POST or GET as asked, and updates direct or form-encoded."""
    with (
        proxy(server, lambda handler: None) as gate,
        SparqlStore(gate.url, query_method=method) as remote,  # type: ignore[arg-type]
    ):
        remote.update("DROP ALL")
        remote.load(article(3, f"sent by {method}"))
        assert [r["h"] for r in remote.query(HEADLINES)] == [f"sent by {method}"]
        assert remote.query(f"ASK {{ GRAPH <{article(3).id}> {{ ?s ?p ?o }} }}").boolean is True
    queries = [(m, path, h) for m, path, h in gate.seen if path.startswith("/query")]
    updates = [(m, h) for m, path, h in gate.seen if path.startswith("/update")]
    assert len(queries) == 2 and len(updates) == 1
    assert {(m, h.get("Content-Type", "").split(";")[0]) for m, _, h in queries} == {(verb, query_type or "")}
    assert all(("?query=" in path) == (method == "get") for _, path, _ in queries)
    assert updates[0][1]["Content-Type"].split(";")[0] == update_type


def test_auto_probe_moves_past_a_refused_or_silent_direct_post(server: str) -> None:
    """query_method='auto' falls back to the form POST when direct POSTs get 415 or no answer, then GET."""

    def refuse(handler: http.server.BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes] | None:
        if handler.headers.get("Content-Type", "").startswith("application/sparql-query"):
            return 415, {"Content-Type": "text/plain"}, b"unsupported media type"
        return None

    def silent(handler: http.server.BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes] | None:
        if handler.command == "POST" and handler.path.startswith("/query"):
            if handler.headers.get("Content-Type", "").startswith("application/sparql-query"):
                time.sleep(3.0)  # the way Virtuoso 7 treats a direct POST query, but it does give up
            else:
                return 405, {"Content-Type": "text/plain"}, b"method not allowed"
        return None

    for behaviour, expected in ((refuse, "form"), (silent, "get")):
        with proxy(server, behaviour) as gate, SparqlStore(gate.url, timeout=1.0, retries=0) as remote:
            assert remote.query_method == "auto"
            assert remote.query("ASK {}").boolean is True
            assert remote.query_method == expected
            probes = len(gate.seen)
            remote.query("ASK {}")
            assert len(gate.seen) == probes + 1  # found once, then used


def test_header_auth_is_sent_on_every_request(server: str) -> None:
    """headers= (a bearer token) goes with queries and graph-store writes alike."""
    with (
        proxy(server, lambda handler: None) as gate,
        SparqlStore(gate.url, headers={"Authorization": "Bearer t0ken"}) as remote,
    ):
        remote.load(article(8))
        remote.query("ASK {}")
        remote.remove(article(8).id)
    methods = {method for method, _, _ in gate.seen}
    assert methods == {"PUT", "POST", "DELETE"}
    assert all(headers.get("Authorization") == "Bearer t0ken" for _, _, headers in gate.seen)


def test_503_is_retried_then_succeeds(server: str) -> None:
    """Two 503 answers are retried with backoff and the third attempt goes through."""
    failures = {"left": 2}

    def flaky(handler: http.server.BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes] | None:
        if failures["left"] > 0:
            failures["left"] -= 1
            return 503, {"Content-Type": "text/plain"}, b"busy"
        return None

    with proxy(server, flaky) as gate, SparqlStore(gate.url, retries=3, backoff=0.01) as remote:
        remote.load(article(9))
        assert len(gate.seen) == 3
        assert article(9).id in remote


def test_503_beyond_retries_is_unavailable(server: str) -> None:
    """A server answering 503 on every attempt raises StoreUnavailable after 1 + retries attempts."""
    answer = (503, {"Content-Type": "text/plain"}, b"down for maintenance")
    with proxy(server, lambda h: answer) as gate:
        remote = SparqlStore(gate.url, retries=2, backoff=0.01)
        with (
            remote,
            pytest.raises(StoreUnavailable, match=r"HTTP 503 after 3 attempts: down for maintenance"),
        ):
            remote.load(article(1))
        assert len(gate.seen) == 3


def test_server_down_is_unavailable() -> None:
    """Nothing listening on the port: StoreUnavailable after the retries, quickly."""
    started = time.monotonic()
    remote = SparqlStore(f"http://127.0.0.1:{free_port()}", retries=2, backoff=0.01)
    with remote, pytest.raises(StoreUnavailable, match="cannot reach the server after 3 attempts"):
        remote.query("ASK {}")
    assert time.monotonic() - started < 5


def test_slow_server_times_out(server: str) -> None:
    """A server slower than the timeout raises StoreUnavailable saying no answer came in time."""

    def slow(handler: http.server.BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes]:
        time.sleep(1.5)
        return 200, {"Content-Type": "application/sparql-results+json"}, b'{"head":{},"boolean":true}'

    with (
        proxy(server, slow) as gate,
        SparqlStore(gate.url, timeout=0.3, retries=0) as remote,
        pytest.raises(StoreUnavailable, match=r"no answer within 0\.3 s"),
    ):
        remote.query("ASK {}")


@pytest.mark.parametrize(
    ("content_type", "body", "message"),
    [
        ("text/html", b"<html><body>Welcome to nginx!</body></html>", "not SPARQL results or RDF"),
        ("application/sparql-results+json", b'{"head": {"vars": ["x"]}, "results": ', "does not parse"),
        ("application/n-triples", b"<a> <b> this is not RDF", "does not parse"),
    ],
    ids=["html", "truncated-json", "bad-ntriples"],
)
def test_garbage_answers_are_store_errors(server: str, content_type: str, body: bytes, message: str) -> None:
    """A 200 answer that is not SPARQL results or RDF raises StoreError quoting its beginning."""
    with (
        proxy(server, lambda h: (200, {"Content-Type": content_type}, body)) as gate,
        SparqlStore(gate.url, retries=0) as remote,
        pytest.raises(StoreError, match=message) as caught,
    ):
        remote.query("SELECT * WHERE { ?s ?p ?o }")
    assert not isinstance(caught.value, StoreUnavailable)


def test_refused_write_names_the_count_already_written(server: str) -> None:
    """A 4xx midway through load_many says how many articles were written before it."""
    calls = {"n": 0}

    def refuse_third(handler: http.server.BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes] | None:
        if handler.command == "PUT":
            calls["n"] += 1
            if calls["n"] == 3:
                return 413, {"Content-Type": "text/plain"}, b"payload too large"
        return None

    with (
        proxy(server, refuse_third) as gate,
        SparqlStore(gate.url, retries=0) as remote,
        pytest.raises(StoreError, match=r"HTTP 413: payload too large \(2 of 4 articles"),
    ):
        remote.load_many([article(n) for n in range(4)])


def test_unknown_server_kind_and_bad_url_are_store_errors(tmp_path: Path) -> None:
    """A server kind outside the list, or an endpoint that is not http(s), raises StoreError."""
    with pytest.raises(StoreError, match="unknown server kind"):
        SparqlStore("http://localhost:1", server="blazegraph")  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="not an http"):
        SparqlStore(str(tmp_path))
    with pytest.raises(StoreError, match="unknown query method 'put'"):
        SparqlStore("http://localhost:1", query_method="put")  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="unknown auth scheme 'ntlm'"):
        SparqlStore("http://localhost:1", auth=("a", "b"), auth_scheme="ntlm")  # type: ignore[arg-type]


def test_server_layouts() -> None:
    """Each server kind lays out its query, update and graph-store endpoints as its documentation says."""
    graphdb = SparqlStore("http://h:7200/repositories/news", server="graphdb")
    assert graphdb.query_endpoint == "http://h:7200/repositories/news"
    assert graphdb.update_endpoint == "http://h:7200/repositories/news/statements"
    assert graphdb.graph_store_endpoint == "http://h:7200/repositories/news/rdf-graphs/service"
    virtuoso = SparqlStore("http://h:8890", server="virtuoso", auth=("dba", "dba"))
    assert virtuoso.query_endpoint == "http://h:8890/sparql-auth"
    assert (virtuoso.graph_store_endpoint, virtuoso.graph_param) == (
        "http://h:8890/sparql-graph-crud-auth",
        "graph-uri",
    )
    custom = SparqlStore("http://h", query_endpoint="http://q/sparql")
    assert (custom.query_endpoint, custom.graph_store_endpoint) == ("http://q/sparql", "http://h/store")


def test_non_http_garbage_is_a_store_error() -> None:
    """A port that answers bytes that are not HTTP gives a StoreError saying so, after the retries."""
    import socket
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    stop = threading.Event()

    def babble() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            with conn:
                conn.recv(65536)
                conn.sendall(b"SSH-2.0-OpenSSH_9.0 this is not HTTP\r\n\r\n")

    thread = threading.Thread(target=babble, daemon=True)
    thread.start()
    try:
        remote = SparqlStore(f"http://127.0.0.1:{listener.getsockname()[1]}", retries=1, backoff=0.01)
        with remote, pytest.raises(StoreError, match="not valid HTTP") as caught:
            remote.query("ASK {}")
        assert not isinstance(caught.value, StoreUnavailable)
    finally:
        stop.set()
        thread.join(timeout=5)
        listener.close()
