"""The embedded Oxigraph store: replace semantics, bulk loads, queries, faults."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from _store_helpers import article

from newsmodel.errors import FormatError, ModelError, StoreError, StoreUnavailable
from newsmodel.model import NewsArticle
from newsmodel.serialize import jsonld
from newsmodel.serialize.formats import Format
from newsmodel.serialize.rdf import to_nquads, to_turtle
from newsmodel.store import IRI, LoadStats, OxigraphStore, Store

HEADLINES = (
    "SELECT ?g ?h WHERE { GRAPH ?g { ?a a <http://schema.org/NewsArticle> ; "
    "<http://schema.org/headline> ?h } } ORDER BY ?g ?h"
)


def quads_in(store: OxigraphStore, iri: str) -> int:
    return len(store.nquads(iri).splitlines())


def test_store_satisfies_protocol() -> None:
    """OxigraphStore implements the Store protocol."""
    assert isinstance(OxigraphStore(), Store)


def test_load_puts_article_in_its_own_named_graph() -> None:
    """load() writes every triple of the article, in the graph named by the article IRI."""
    one = article(1)
    with OxigraphStore() as store:
        stats = store.load(one)
        assert store.graphs() == [one.id]
        assert one.id in store
        expected = len(to_nquads(one).splitlines())
        assert stats == LoadStats(articles=1, triples=expected)
        assert quads_in(store, one.id) == expected
        assert len(store) == expected


def test_loading_twice_leaves_one_copy() -> None:
    """Loading the same article twice leaves exactly the quads of one load."""
    one = article(1)
    with OxigraphStore() as store:
        store.load(one)
        first = store.nquads()
        store.load(one)
        assert len(store.nquads().splitlines()) == len(first.splitlines())
        assert len(store.query(HEADLINES)) == 1


def test_corrected_version_replaces_the_old_one() -> None:
    """A corrected article replaces its graph: only the new headline remains."""
    with OxigraphStore() as store:
        store.load(article(1, "Wrong headline"))
        store.load(article(1, "Right headline"))
        assert [row["h"] for row in store.query(HEADLINES)] == ["Right headline"]


def test_load_many_loads_every_article_and_reports_progress() -> None:
    """load_many() writes one graph per article and calls progress once per article."""
    articles = [article(n) for n in range(25)]
    seen: list[int] = []
    with OxigraphStore() as store:
        stats = store.load_many(iter(articles), progress=seen.append)
        assert stats.articles == 25
        assert stats.triples == sum(len(to_nquads(a).splitlines()) for a in articles)
        assert store.graphs() == sorted(a.id for a in articles)
        assert seen == list(range(1, 26))


def test_load_many_replaces_existing_graphs_and_keeps_the_last_duplicate() -> None:
    """In load_many, an article already stored is replaced, and of two copies in one batch the last wins."""
    with OxigraphStore() as store:
        store.load(article(1, "old one"))
        store.load(article(2, "old two"))
        store.load_many([article(1, "new one"), article(3, "first three"), article(3, "last three")])
        rows = {str(r["g"]): r["h"] for r in store.query(HEADLINES)}
        assert rows == {
            article(1).id: "new one",
            article(2).id: "old two",
            article(3).id: "last three",
        }
        assert len(store.query(HEADLINES)) == 3


def _failing(articles: list[NewsArticle], fail_after: int) -> Iterator[NewsArticle]:
    for n, item in enumerate(articles):
        if n == fail_after:
            raise RuntimeError("input broke midway")
        yield item


@pytest.mark.parametrize("path", [False, True], ids=["memory", "disk"])
def test_interrupted_load_many_keeps_previous_version_of_every_graph(path: bool, tmp_path: Path) -> None:
    """An iterator failing midway aborts load_many: old graphs keep their version, no new graph appears."""
    with OxigraphStore(tmp_path / "db" if path else None) as store:
        store.load_many([article(1, "v1 one"), article(2, "v1 two")])
        before = store.nquads()
        batch = [article(1, "v2 one"), article(5, "new five"), article(2, "v2 two"), article(6), article(7)]
        with pytest.raises(RuntimeError, match="midway"):
            store.load_many(_failing(batch, fail_after=4))
        assert store.nquads() == before
        assert [r["h"] for r in store.query(HEADLINES)] == ["v1 one", "v1 two"]


def test_killed_load_leaves_whole_graphs_only(tmp_path: Path) -> None:
    """A process killed in the middle of a big load leaves every graph wholly old or absent, never partial."""
    db = tmp_path / "db"
    with OxigraphStore(db) as store:
        store.load(article(0, "kept"))
    script = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from _store_helpers import article
        from newsmodel.store import OxigraphStore
        store = OxigraphStore({str(db)!r})
        def articles():
            n = 0
            while True:
                n += 1
                if n == 50:
                    print("started", flush=True)
                yield article(n % 4000, f"killed {{n}}")
        store.load_many(articles())
        """
    )
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "started"
    time.sleep(1.0)  # let the bulk loader take in a few thousand articles
    process.kill()
    process.wait()
    process.stdout.close()
    with OxigraphStore(db) as store:
        assert [r["h"] for r in store.query(HEADLINES)] == ["kept"]
        assert quads_in(store, article(0).id) == len(to_nquads(article(0, "kept")).splitlines())


def test_remove_drops_the_graph() -> None:
    """remove() drops one article graph and says whether it was there."""
    with OxigraphStore() as store:
        store.load_many([article(1), article(2)])
        assert store.remove(article(1).id) is True
        assert store.remove(article(1).id) is False
        assert store.graphs() == [article(2).id]
        assert article(1).id not in store


def test_select_rows_hold_python_values() -> None:
    """SELECT rows map every variable to Python values: IRI, str, datetime, int, None when unbound."""
    one = article(3)
    with OxigraphStore() as store:
        store.load(one)
        result = store.query(
            """SELECT ?a ?h ?d ?n ?missing WHERE { GRAPH ?g {
                 ?a <http://schema.org/headline> ?h ; <http://schema.org/datePublished> ?d .
                 ?a <http://schema.org/image> ?i . ?i <http://schema.org/width> ?w .
                 ?w <http://schema.org/value> ?n
                 OPTIONAL { ?a <http://schema.org/nothing> ?missing } } }"""
        )
    assert result.kind == "select"
    assert result.variables == ("a", "h", "d", "n", "missing")
    (row,) = result.rows
    assert isinstance(row["a"], IRI) and row["a"] == one.id
    assert row["h"] == one.headline
    assert row["d"] == dt.datetime(2020, 1, 4, 12, 0, tzinfo=dt.UTC)
    assert row["n"] == 800
    assert row["missing"] is None


def test_ask_and_construct_answers() -> None:
    """ASK gives a boolean; CONSTRUCT gives subject/predicate/object rows and N-Triples that rdflib reads."""
    one = article(1)
    with OxigraphStore() as store:
        store.load(one)
        assert store.query(f"ASK {{ GRAPH <{one.id}> {{ ?s ?p ?o }} }}").boolean is True
        assert not store.query("ASK { GRAPH <urn:none> { ?s ?p ?o } }")
        built = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{one.id}> {{ ?s ?p ?o }} }}")
    assert built.kind == "graph"
    assert built.variables == ("subject", "predicate", "object")
    assert len(built) == len(to_nquads(one).splitlines())
    assert len(built.to_rdflib()) == len(built)


def test_bad_query_is_a_store_error() -> None:
    """A query that does not parse raises StoreError naming the problem."""
    with OxigraphStore() as store, pytest.raises(StoreError, match="does not parse"):
        store.query("SELECT WHERE {")


def test_graph_reads_one_article_back_as_rdflib() -> None:
    """graph(iri) gives the article's triples as an rdflib.Graph; an unknown IRI gives an empty one."""
    from newsmodel.serialize.rdf import to_rdflib

    one = article(1)
    with OxigraphStore() as store:
        store.load_many([one, article(2)])
        graph = store.graph(one.id)
        assert len(graph) == len(to_rdflib(one))
        assert len(store.graph("urn:absent")) == 0


def test_blank_nodes_of_two_loads_never_merge() -> None:
    """Raw RDF reusing the blank-node label _:b0 in two graphs yields two distinct nodes."""
    data = '_:b0 <http://schema.org/name> "{}" .\n<urn:s{}> <http://schema.org/image> _:b0 .\n'
    with OxigraphStore() as store:
        store.load_rdf("urn:g1", data.format("one", 1), Format.NTRIPLES)
        store.load_rdf("urn:g2", data.format("two", 2), Format.NTRIPLES)
        rows = store.query("SELECT DISTINCT ?b WHERE { GRAPH ?g { ?b <http://schema.org/name> ?n } }")
        assert len(rows) == 2
        names = store.query(
            "SELECT ?n WHERE { GRAPH ?g { <urn:s1> <http://schema.org/image> ?b . "
            "?b <http://schema.org/name> ?n } }"
        )
        assert [r["n"] for r in names] == ["one"]


def test_load_rdf_refuses_quads_of_another_graph() -> None:
    """load_rdf() for graph A refuses N-Quads that write into graph B."""
    with OxigraphStore() as store, pytest.raises(FormatError, match="urn:other"):
        store.load_rdf("urn:g", '<urn:s> <urn:p> "o" <urn:other> .\n')


def test_load_rdf_reads_every_rdf_format_alike() -> None:
    """One article as Turtle, JSON-LD, N-Triples or N-Quads loads into the same graph, read back whole."""
    one = article(1)
    texts = {
        Format.TURTLE: to_turtle(one),
        Format.JSONLD: jsonld.dumps(one),
        Format.NTRIPLES: to_nquads(one).replace(f" <{one.id}> .\n", " .\n"),
        Format.NQUADS: to_nquads(one),
    }
    with OxigraphStore() as store:
        for format, text in texts.items():
            store.remove(one.id)
            store.load_rdf(one.id, text, format)
            assert store.article(one.id) == one, format


def test_load_rdf_refuses_a_format_name_or_a_format_that_is_not_rdf() -> None:
    """A string where a Format belongs, and a non-RDF Format, are FormatErrors naming what to pass."""
    with OxigraphStore() as store:
        for wrong in ("nt", Format.HTML, Format.JSON):
            with pytest.raises(FormatError, match=r"pass one of: Format\.JSONLD"):
                store.load_rdf("urn:g", '<urn:s> <urn:p> "o" .\n', wrong)  # type: ignore[arg-type]


def test_article_reads_one_back_and_names_a_missing_graph() -> None:
    """store.article(iri) is the loaded article again; an IRI the store lacks is a StoreError naming it."""
    one = article(1)
    with OxigraphStore() as store:
        store.load_many([one, article(2)])
        assert store.article(one.id) == one
        with pytest.raises(StoreError, match="urn:absent"):
            store.article("urn:absent")


def test_disk_store_persists_across_reopen(tmp_path: Path) -> None:
    """An on-disk store keeps its graphs after close and reopen."""
    with OxigraphStore(tmp_path / "db") as store:
        store.load(article(1))
    with OxigraphStore(tmp_path / "db") as store:
        assert store.graphs() == [article(1).id]


def test_closed_store_refuses_calls() -> None:
    """Any call on a closed store raises StoreError."""
    store = OxigraphStore()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.query("ASK {}")


def test_store_locked_by_this_process_is_unavailable(tmp_path: Path) -> None:
    """Opening a directory that another OxigraphStore holds raises StoreUnavailable saying it is locked."""
    with OxigraphStore(tmp_path / "db"), pytest.raises(StoreUnavailable, match="locked"):
        OxigraphStore(tmp_path / "db")


def test_store_locked_by_another_process_is_unavailable(tmp_path: Path) -> None:
    """A store directory held by an `oxigraph serve` process raises StoreUnavailable saying it is locked."""
    from _oxigraph_server import oxigraph_server

    with oxigraph_server(tmp_path / "db"), pytest.raises(StoreUnavailable, match="locked"):
        OxigraphStore(tmp_path / "db")


def test_path_that_is_a_file_is_unavailable(tmp_path: Path) -> None:
    """A store path naming a file raises StoreUnavailable."""
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreUnavailable, match="not a directory"):
        OxigraphStore(tmp_path / "file")


def test_read_only_directory_is_unavailable(tmp_path: Path) -> None:
    """A store directory the process cannot write raises StoreUnavailable saying so.

    Root ignores permission bits, so as root the directory is made truly
    read-only: a child process bind-mounts it read-only in its own user and
    mount namespace (``unshare -rm``) and opens the store there.
    """
    db = tmp_path / "db"
    with OxigraphStore(db) as store:
        store.load(article(1))
    code = (
        "from newsmodel.store import OxigraphStore\n"
        "from newsmodel.errors import StoreUnavailable\n"
        "try:\n"
        f"    OxigraphStore({str(db)!r})\n"
        "except StoreUnavailable as exc:\n"
        "    print('unavailable:', exc)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    if os.geteuid() == 0:
        command = [
            "unshare",
            "-rm",
            "sh",
            "-c",
            'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" && exec "$2" -c "$3"',
            "sh",
            str(db),
            sys.executable,
            code,
        ]
    else:
        db.chmod(0o555)
        command = [sys.executable, "-c", code]
    try:
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60, check=False)
    finally:
        db.chmod(0o755)
    assert done.stdout.startswith("unavailable:"), done.stdout + done.stderr
    assert "read-only" in done.stdout
    with OxigraphStore(db) as store:  # and the store itself is unharmed
        assert store.graphs() == [article(1).id]


def test_read_only_store_answers_queries_and_refuses_writes(tmp_path: Path) -> None:
    """OxigraphStore(path, read_only=True) queries fine and raises StoreError on any write."""
    with OxigraphStore(tmp_path / "db") as store:
        store.load(article(1))
    with OxigraphStore(tmp_path / "db", read_only=True) as store:
        assert store.graphs() == [article(1).id]
        with pytest.raises(StoreError, match="read-only"):
            store.load(article(2))
        with pytest.raises(StoreError, match="read-only"):
            store.remove(article(1).id)


def test_iri_a_store_refuses_is_a_clear_error_and_writes_nothing() -> None:
    """An IRI RFC 3987 refuses (bad percent escape), of the article or inside it: StoreError, no write.

    The model refuses such IRIs at construction; the store keeps its own
    guard for objects forged past the model, which this test builds by hand.
    """
    import attrs

    with pytest.raises(ModelError):
        attrs.evolve(article(9), id="https://news.example/100%-sure")
    bad = article(9)
    object.__setattr__(bad, "id", "https://news.example/100%-sure")
    with OxigraphStore() as store:
        store.load(article(1))
        before = store.nquads()
        with pytest.raises(StoreError, match="100%-sure"):
            store.load(bad)
        with pytest.raises(StoreError, match="100%-sure"):
            store.load_many([article(2), bad, article(3)])
        odd_person = attrs.evolve(article(4).people[0])
        object.__setattr__(odd_person, "id", "https://news.example/person/50%-off")
        inner = attrs.evolve(article(4), people=(), events=(), quotations=(), agreements=())
        object.__setattr__(inner, "people", (odd_person,))
        with pytest.raises(StoreError, match="refuses"):
            store.load(inner)
        with pytest.raises(StoreError, match="refuses"):
            store.load_many([article(5), inner])
        assert store.nquads() == before


def test_update_runs_sparql_update_and_refuses_bad_text() -> None:
    """update() runs a SPARQL Update on the store; text that does not parse raises StoreError."""
    with OxigraphStore() as store:
        store.load_many([article(1), article(2)])
        store.update(f"DROP GRAPH <{article(1).id}>")
        assert store.graphs() == [article(2).id]
        with pytest.raises(StoreError, match="does not parse"):
            store.update("DROP EVERYTHING")


def test_missing_parent_directories_are_created(tmp_path: Path) -> None:
    """OxigraphStore(path) creates the store directory and its missing parents."""
    with OxigraphStore(tmp_path / "a" / "b" / "db") as store:
        store.load(article(1))
    assert (tmp_path / "a" / "b" / "db").is_dir()
