"""The remote store against a real Virtuoso 7 (Debian's virtuoso-opensource), started by the tests.

Virtuoso differs from Oxigraph where the SPARQL 1.1 Protocol leaves room:
it never answers a query sent as a direct POST, its authenticated endpoints
speak HTTP digest only, and writes need a user with the SPARQL_UPDATE role.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from _store_helpers import BASE, article, assert_answers_match_the_embedded_store
from _virtuoso_server import Virtuoso, virtuoso_server

from newsmodel.cli import main
from newsmodel.errors import AccessDenied, CredentialsRequired, StoreUnavailable
from newsmodel.serialize import json as json_format
from newsmodel.serialize.rdf import to_nquads
from newsmodel.store import SparqlStore, Store

HEADLINES = (
    "SELECT ?g ?h WHERE { GRAPH ?g { ?a a <http://schema.org/NewsArticle> ; "
    "<http://schema.org/headline> ?h } } ORDER BY ?g ?h"
)


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    """A Virtuoso server over a new database, with a reader and an editor (SPARQL_UPDATE) user."""
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as server:
        server.sql(
            "DB.DBA.USER_CREATE('reader', 'r3ad'); GRANT SPARQL_SELECT TO \"reader\"; "
            "DB.DBA.USER_CREATE('editor', 'ed1t'); GRANT SPARQL_UPDATE TO \"editor\";"
        )
        yield server


@pytest.fixture
def store(virtuoso: Virtuoso) -> Iterator[SparqlStore]:
    """A SparqlStore as dba (digest auth); the test articles' graphs are dropped before each test."""
    with SparqlStore(virtuoso.url, server="virtuoso", auth=("dba", "dba"), retries=1, backoff=0.05) as remote:
        for iri in remote.graphs():
            if iri.startswith(BASE):
                remote.remove(iri)
        yield remote


def test_load_query_replace_remove_with_digest_auth(store: SparqlStore) -> None:
    """PUT per graph through /sparql-graph-crud-auth: load, replace by a corrected version, read, remove."""
    assert isinstance(store, Store)
    one = article(1, "first")
    stats = store.load(one)
    assert stats.triples == len(to_nquads(one).splitlines())
    assert one.id in store
    store.load(article(1, "corrected"))
    assert [r["h"] for r in store.query(HEADLINES)] == ["corrected"]
    assert store.query_method == "form"  # what the auto probe tries first on Virtuoso, and it answers
    assert len(store.graph(one.id)) == stats.triples
    built = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{one.id}> {{ ?s ?p ?o }} }}")
    assert built.kind == "graph" and len(built) == stats.triples
    assert store.remove(one.id) is True
    assert store.remove(one.id) is False
    assert one.id not in store


def test_answers_match_the_embedded_store(store: SparqlStore) -> None:
    """Every sample query gives the same rows from Virtuoso as from the embedded store."""
    assert_answers_match_the_embedded_store(store)


@pytest.mark.parametrize("method", ["form", "get"])
def test_form_and_get_queries_answer(virtuoso: Virtuoso, store: SparqlStore, method: str) -> None:
    """Queries sent form-encoded or in the URL (SPARQL 1.1 Protocol) get the same answer."""
    store.load_many([article(2, "by form"), article(3, "by get")])
    with SparqlStore(virtuoso.url, server="virtuoso", query_method=method) as reader:  # type: ignore[arg-type]
        assert [r["h"] for r in reader.query(HEADLINES)] == ["by form", "by get"]
        assert reader.query_method == method


def test_direct_post_query_gets_no_answer_so_auto_falls_back(virtuoso: Virtuoso) -> None:
    """Virtuoso 7 never answers a direct POST query; query_method='auto' finds the form POST instead."""
    direct = SparqlStore(virtuoso.url, server="virtuoso", query_method="post", timeout=2, retries=0)
    with direct, pytest.raises(StoreUnavailable, match=r"no answer within 2 s"):
        direct.query("ASK {}")
    # Not told it is Virtuoso, the probe tries the direct POST first, waits, and moves on.
    with SparqlStore(virtuoso.url, query_endpoint=f"{virtuoso.url}/sparql", timeout=4) as probing:
        assert probing.query("ASK {}").boolean is True
        assert probing.query_method == "form"


def test_writes_without_credentials_say_credentials_are_needed(virtuoso: Virtuoso) -> None:
    """Anonymous reads work; an anonymous PUT (HTTP 403) or update raises CredentialsRequired."""
    with SparqlStore(virtuoso.url, server="virtuoso", retries=0) as anonymous:
        assert anonymous.query("ASK {}").boolean is True
        with pytest.raises(CredentialsRequired, match=r"HTTP 403: the server needs credentials"):
            anonymous.load(article(4))
        with pytest.raises(CredentialsRequired, match="SPARQL_UPDATE role"):
            anonymous.update(f"DROP SILENT GRAPH <{article(4).id}>")


def test_writing_needs_the_sparql_update_role(virtuoso: Virtuoso, store: SparqlStore) -> None:
    """A user without SPARQL_UPDATE may query but not write (AccessDenied); one with it writes."""
    with SparqlStore(virtuoso.url, server="virtuoso", auth=("reader", "r3ad"), retries=0) as reader:
        assert reader.query("ASK {}").boolean is True
        with pytest.raises(AccessDenied, match="lack the right") as caught:
            reader.load(article(5))
        assert not isinstance(caught.value, CredentialsRequired)
    with SparqlStore(virtuoso.url, server="virtuoso", auth=("editor", "ed1t"), retries=0) as editor:
        editor.load(article(5, "by the editor"))
    assert [r["h"] for r in store.query(HEADLINES)] == ["by the editor"]


def test_wrong_password_and_basic_auth_are_refused(virtuoso: Virtuoso) -> None:
    """A wrong password gets HTTP 401; so does basic auth, which Virtuoso's -auth endpoints do not take."""
    wrong = SparqlStore(virtuoso.url, server="virtuoso", auth=("dba", "wrong"), retries=0)
    with wrong, pytest.raises(AccessDenied, match=r"HTTP 401, the server refused the credentials.*Digest"):
        wrong.query("ASK {}")
    basic = SparqlStore(virtuoso.url, server="virtuoso", auth=("dba", "dba"), auth_scheme="basic", retries=0)
    with basic, pytest.raises(AccessDenied, match="HTTP 401"):
        basic.load(article(6))
    digest = SparqlStore(virtuoso.url, server="virtuoso", auth=("dba", "dba"), auth_scheme="digest")
    with digest:
        digest.load(article(6))
        assert article(6).id in digest


def test_command_line_loads_and_queries_virtuoso(
    virtuoso: Virtuoso,
    store: SparqlStore,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """newsmodel load/query --server virtuoso --user: digest writes, form queries; no user: one error line."""
    for n in (7, 8):
        (tmp_path / f"a{n}.json").write_text(json_format.dumps(article(n, f"cli {n}")), encoding="utf-8")
    remote = ["--endpoint", virtuoso.url, "--server", "virtuoso"]
    monkeypatch.setenv("NEWSMODEL_STORE_PASSWORD", "ed1t")
    assert main(["load", str(tmp_path), *remote, "--user", "editor"]) == 0
    assert capsys.readouterr().err.startswith("loaded 2 articles")
    assert main(["query", *remote, "--query-method", "get", HEADLINES, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row["h"] for row in rows] == ["cli 7", "cli 8"]
    assert main(["load", str(tmp_path), *remote, "--timeout", "10"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: PUT ") and "needs credentials" in err and "Traceback" not in err
