"""Triple stores: load articles into an embedded Oxigraph or any SPARQL 1.1 server.

Each article lives in its own named graph (the article IRI); entities are
shared by IRI, so a query joins what many articles say about one person.

>>> from newsmodel.store import OxigraphStore, Store
>>> isinstance(OxigraphStore(), Store)
True
"""

from newsmodel.store._oxigraph import OxigraphStore
from newsmodel.store._protocol import LoadStats, Progress, Store
from newsmodel.store._result import IRI, BlankNode, QueryResult, Value
from newsmodel.store._sparql import SparqlStore

__all__ = [
    "IRI",
    "BlankNode",
    "LoadStats",
    "OxigraphStore",
    "Progress",
    "QueryResult",
    "SparqlStore",
    "Store",
    "Value",
]
