"""Re-loading articles already in the embedded store: only what changed is written, in bounded batches."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import attrs
import pyoxigraph as ox
import pytest
import rdflib.compare
from _store_helpers import article

from newsmodel.model import Image, NewsArticle
from newsmodel.serialize.rdf import to_rdflib
from newsmodel.store import OxigraphStore
from newsmodel.store import _oxigraph as embedded
from newsmodel.store._diff import graph_change

HEADLINES = (
    "SELECT ?g ?h WHERE { GRAPH ?g { ?a a <http://schema.org/NewsArticle> ; "
    "<http://schema.org/headline> ?h } } ORDER BY ?g ?h"
)
P = ox.NamedNode("urn:ex:p")
S = ox.NamedNode("urn:ex:s")


def blank_nodes(store: OxigraphStore, iri: str) -> set[str]:
    """The labels of the blank nodes stored in graph ``iri`` (they change whenever the graph is rewritten)."""
    found = set()
    for quad in store.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(iri)):
        for term in (quad.subject, quad.object):
            if isinstance(term, ox.BlankNode):
                found.add(term.value)
    return found


def same_as_fresh(store: OxigraphStore, articles: list[NewsArticle]) -> None:
    """Every graph of ``store`` is isomorphic to the graph a fresh store gets from ``articles``."""
    with OxigraphStore() as fresh:
        fresh.load_many(articles)
        assert store.graphs() == fresh.graphs()
        for iri in fresh.graphs():
            assert rdflib.compare.isomorphic(store.graph(iri), fresh.graph(iri)), iri


def tree(label: str, value: str) -> list[ox.Triple]:
    """Subject S with one blank node holding ``value``."""
    node = ox.BlankNode(label)
    return [ox.Triple(S, P, node), ox.Triple(node, P, ox.Literal(value))]


def test_same_triples_under_other_blank_labels_are_no_change() -> None:
    """Graphs equal up to blank-node labels need no write; a changed plain triple is a partial change."""
    base = [ox.Triple(S, P, ox.Literal("a"))]
    assert graph_change(base + tree("x", "1"), base + tree("y", "1")) is None
    change = graph_change(base + tree("x", "1"), [ox.Triple(S, P, ox.Literal("b")), *tree("y", "1")])
    assert change is not None and change.blank is None
    assert [t.object for t in change.removed] == [ox.Literal("a")]
    assert [t.object for t in change.added] == [ox.Literal("b")]


def test_changed_or_untraceable_blank_nodes_are_replaced() -> None:
    """A changed blank node, a shared one, a cycle or a deep chain is never judged unchanged."""
    changed = graph_change(tree("x", "1"), tree("y", "2"))
    assert changed is not None and changed.blank == tuple(tree("y", "2"))
    assert changed.removed == changed.added == () and changed.writes == 4
    shared = ox.BlankNode("s")
    two_parents = [ox.Triple(S, P, shared), ox.Triple(ox.NamedNode("urn:ex:t"), P, shared)]
    a, b = ox.BlankNode("a"), ox.BlankNode("b")
    cycle = [ox.Triple(a, P, b), ox.Triple(b, P, a)]
    chain = [ox.Triple(ox.BlankNode(f"n{k}"), P, ox.BlankNode(f"n{k + 1}")) for k in range(200)]
    for graph in (two_parents, cycle, chain):
        change = graph_change(graph, graph)
        assert change is not None and change.blank == tuple(graph)


def test_reloading_an_unchanged_article_rewrites_nothing(tmp_path: Path) -> None:
    """Loading an article that is already stored leaves its graph as it was, blank nodes included."""
    one = article(1)
    with OxigraphStore(tmp_path / "db") as store:
        store.load(one)
        before, nodes = store.nquads(), blank_nodes(store, one.id)
        assert nodes  # the image and its sizes are blank nodes
        stats = store.load(one)
        assert stats.articles == 1 and stats.triples == len(before.splitlines())
        store.load_many([one, one])
        assert store.nquads() == before
        assert blank_nodes(store, one.id) == nodes


def test_corrected_headline_changes_only_that_triple() -> None:
    """A corrected headline replaces the old one; the untouched blank nodes keep their identity."""
    one = article(1, "Wrong headline")
    with OxigraphStore() as store:
        store.load(one)
        nodes = blank_nodes(store, one.id)
        fixed = article(1, "Right headline")
        store.load(fixed)
        assert blank_nodes(store, one.id) == nodes
        same_as_fresh(store, [fixed])


def test_changed_image_replaces_the_blank_nodes() -> None:
    """A change inside a blank node (the image's width) rewrites the blank nodes; no old value survives."""
    one = article(1)
    wider = attrs.evolve(one, images=(Image(url=one.images[0].url, width=1234, height=600),))
    with OxigraphStore() as store:
        store.load(one)
        store.load(wider)
        same_as_fresh(store, [wider])
        widths = store.query(
            "SELECT ?w WHERE { GRAPH ?g { ?i <http://schema.org/width> ?v . "
            "?v <http://schema.org/value> ?w } }"
        )
        assert [row["w"] for row in widths] == [1234]


@pytest.mark.parametrize("spool_bytes", [1, 1 << 30], ids=["spooled-to-disk", "in-memory"])
def test_load_many_reloads_in_small_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spool_bytes: int
) -> None:
    """Many re-loads (changed, unchanged, repeated) in tiny transactions end exactly as a fresh load."""
    monkeypatch.setattr(embedded, "BATCH_TRIPLES", 40)
    monkeypatch.setattr(embedded, "SPOOL_MEMORY", spool_bytes)
    first = [article(n, people=(("Ada Example", "Freedonia"), (f"Bo {n}", "Sylvania"))) for n in range(30)]
    second = [
        *(article(n, f"corrected {n}") for n in range(0, 30, 2)),  # changed
        *first[1::2],  # unchanged
        *(article(n) for n in range(30, 36)),  # new
        article(3, "repeated, first"),
        article(3, "repeated, last"),  # of two copies in one load, the last wins
        attrs.evolve(first[5], images=()),  # a blank node removed
    ]
    with OxigraphStore(tmp_path / "db") as store:
        store.load_many(first)
        stats = store.load_many(second)
        assert stats.articles == len(second)
        expected = {a.id: a for a in first} | {a.id: a for a in second}
        same_as_fresh(store, list(expected.values()))


def test_killed_reload_leaves_every_graph_wholly_old_or_new(tmp_path: Path) -> None:
    """A process killed while re-loading (many small transactions) leaves each graph one whole version."""
    db = tmp_path / "db"
    count = 600

    def version(n: int, label: str, width: int) -> NewsArticle:
        one = article(n, f"{label} {n}")
        return attrs.evolve(one, images=(Image(url=one.images[0].url, width=width, height=600),))

    with OxigraphStore(db) as store:
        store.load_many(version(n, "old", 100) for n in range(count))
    script = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        import attrs
        from _store_helpers import article
        from newsmodel.model import Image
        from newsmodel.store import OxigraphStore
        from newsmodel.store import _oxigraph as embedded
        embedded.BATCH_TRIPLES = 100  # about one article per transaction
        store = OxigraphStore({str(db)!r})
        real = store.oxigraph

        class Announcing:  # the real store, saying when the first update starts
            started = False
            def update(self, sparql):
                if not self.started:
                    self.started = True
                    print("updating", flush=True)
                real.update(sparql)
            def __getattr__(self, name):
                return getattr(real, name)

        store._store = Announcing()
        def new(n):
            one = article(n, f"new {{n}}")
            return attrs.evolve(one, images=(Image(url=one.images[0].url, width=200, height=600),))
        store.load_many(new(n) for n in range({count}))
        print("finished", flush=True)
        """
    )
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "updating"
    time.sleep(1.0)
    process.kill()
    process.wait()
    rest = process.stdout.read()
    process.stdout.close()
    assert "finished" not in rest, "the re-load ended before the kill; the test proves nothing"
    versions = {"old": 0, "new": 0}
    with OxigraphStore(db) as store:
        assert len(store.graphs()) == count
        rows = store.query(HEADLINES)
        assert len(rows) == count
        for row in rows:
            label, n = str(row["h"]).split()
            versions[label] += 1
            width = 100 if label == "old" else 200
            expected = version(int(n), label, width)
            assert rdflib.compare.isomorphic(store.graph(expected.id), to_rdflib(expected)), row["g"]
    assert versions["new"] > 0 and versions["old"] > 0
