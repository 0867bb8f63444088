"""What replacing a graph must change: the stored version against the new one.

Re-loading an article that is already in the store is the common case (a
corpus loaded again, a mapper upgrade that touches a few facts), and rewriting
its whole graph in a transaction costs Oxigraph several times a first load:
every old quad is deleted and every new one inserted, index by index. So the
embedded store compares first and writes only the difference:

- the same triples: nothing to write;
- otherwise delete and insert just the triples without blank nodes that
  differ (``DELETE DATA`` / ``INSERT DATA`` name them exactly), and, when
  the blank nodes differ too, replace every triple that holds one (SPARQL
  cannot name a stored blank node, so they go by a pattern, ``isBlank``).

Blank nodes have no stable labels (Oxigraph relabels them on load), so they
are compared by shape: each blank node gets a hash of its outgoing edges,
recursively (a Merkle hash). That identifies trees of blank nodes exactly,
which is what serializers write for images, sizes and other nested values;
a blank node with two parents, a cycle or a very deep chain has no such
label, and its blank nodes are then treated as changed (replaced), never as
the same. Terms are compared as parsed terms, not as text, so two spellings of
one literal are equal.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable

import attrs
import pyoxigraph as ox

__all__ = ["Change", "graph_change"]

#: Deeper chains of blank nodes (an RDF list of thousands of items) are not
#: hashed; their graph counts as changed and is replaced whole.
MAX_DEPTH = 64


@attrs.frozen
class Change:
    """How a stored graph differs from its new version.

    Delete ``removed`` and insert ``added`` (triples without blank nodes);
    when ``blank`` is not ``None``, also replace every triple holding a blank
    node with the triples of ``blank``. ``writes`` counts the triples this
    deletes and inserts, to size transactions.
    """

    removed: tuple[ox.Triple, ...] = ()
    added: tuple[ox.Triple, ...] = ()
    blank: tuple[ox.Triple, ...] | None = None
    writes: int = 0


Shape = Counter[tuple[str, str, str]]

#: Triples, or quads of one graph (cheaper to take straight from the store).
Statement = ox.Triple | ox.Quad


def _split(triples: Iterable[Statement]) -> tuple[set[Statement], list[Statement]]:
    plain: set[Statement] = set()
    linked: list[Statement] = []
    for triple in triples:
        if isinstance(triple.subject, ox.BlankNode) or isinstance(triple.object, ox.BlankNode):
            linked.append(triple)
        else:
            plain.add(triple)
    return plain, linked


def _shape(linked: list[Statement]) -> Shape | None:
    """The triples with blank nodes, each blank node written as its hash; ``None`` if not a forest."""
    edges: dict[ox.BlankNode, list[Statement]] = defaultdict(list)
    parents: Counter[ox.BlankNode] = Counter()
    for triple in linked:
        if isinstance(triple.subject, ox.BlankNode):
            edges[triple.subject].append(triple)
        if isinstance(triple.object, ox.BlankNode):
            parents[triple.object] += 1
            if parents[triple.object] > 1:
                return None  # a shared blank node: the hash of a tree does not identify it
    labels: dict[ox.BlankNode, str] = {}

    def label(node: ox.BlankNode, depth: int) -> str | None:
        if node in labels:
            return labels[node]
        if depth > MAX_DEPTH:
            return None  # too deep, or a cycle (which never ends)
        parts = []
        for triple in edges.get(node, ()):
            obj = triple.object
            text = label(obj, depth + 1) if isinstance(obj, ox.BlankNode) else str(obj)
            if text is None:
                return None
            parts.append(f"{triple.predicate} {text}")
        parts.sort()
        digest = hashlib.blake2b("\n".join(parts).encode("utf-8"), digest_size=16).hexdigest()
        labels[node] = "_:" + digest
        return labels[node]

    shape: Shape = Counter()
    for triple in linked:
        ends = []
        for term in (triple.subject, triple.object):
            text = label(term, 0) if isinstance(term, ox.BlankNode) else str(term)
            if text is None:
                return None
            ends.append(text)
        shape[(ends[0], str(triple.predicate), ends[1])] += 1
    return shape


def graph_change(old: Iterable[Statement], new: Iterable[Statement]) -> Change | None:
    """What turns graph ``old`` into ``new``; ``None`` when they hold the same triples.

    Both are triples, or quads of one and the same graph.

    >>> s, p = ox.NamedNode("urn:s"), ox.NamedNode("urn:p")
    >>> size = ox.BlankNode()
    >>> old = [ox.Triple(s, p, ox.Literal("a")), ox.Triple(s, p, size), ox.Triple(size, p, ox.Literal("9"))]
    >>> again = ox.BlankNode()  # the same shape under another label
    >>> new = [ox.Triple(s, p, ox.Literal("a")), ox.Triple(s, p, again), ox.Triple(again, p, ox.Literal("9"))]
    >>> graph_change(old, new) is None
    True
    >>> change = graph_change(old, [*new[1:], ox.Triple(s, p, ox.Literal("b"))])
    >>> change.blank, [t.object.value for t in change.removed], [t.object.value for t in change.added]
    (None, ['a'], ['b'])
    >>> len(graph_change(old, new[:2]).blank)  # a blank node lost an edge: its triples are replaced
    1
    """
    old_plain, old_linked = _split(old)
    new_plain, new_linked = _split(new)
    old_shape = _shape(old_linked)
    same_blanks = old_shape is not None and old_shape == _shape(new_linked)
    if same_blanks and old_plain == new_plain:
        return None
    removed = tuple(_triple(s) for s in old_plain - new_plain)
    added = tuple(_triple(s) for s in new_plain - old_plain)
    if same_blanks:
        return Change(removed=removed, added=added, writes=len(removed) + len(added))
    blank = tuple(_triple(s) for s in new_linked)
    writes = len(removed) + len(added) + len(old_linked) + len(blank)
    return Change(removed=removed, added=added, blank=blank, writes=writes)


def _triple(statement: Statement) -> ox.Triple:
    return statement.triple if isinstance(statement, ox.Quad) else statement
