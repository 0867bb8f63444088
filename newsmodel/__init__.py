"""newsmodel: news articles to structured data.

Read an article (plain text with an optional metadata sidecar, or an HTML
page), let the mapper find its people, organizations, places, events,
agreements and quotations, and write the result as schema.org JSON-LD, RDF
(Turtle, N-Triples, N-Quads) or plain JSON validated by a published JSON
Schema; load it into an embedded Oxigraph store or any SPARQL 1.1 server.

Public names are loaded on first use, so ``import newsmodel`` stays fast and a
command that only writes JSON never imports rdflib.

>>> import newsmodel as nm
>>> nm.Format.TURTLE.extension
'ttl'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# name -> "module" or "module:attribute" that defines it; the one table behind
# __all__, __getattr__ and (below) the type checker's imports.
_EXPORTS: dict[str, str] = {
    # model
    "Agreement": "newsmodel.model",
    "AgreementStatus": "newsmodel.model",
    "Event": "newsmodel.model",
    "EventKind": "newsmodel.model",
    "Image": "newsmodel.model",
    "NewsArticle": "newsmodel.model",
    "Organization": "newsmodel.model",
    "OrganizationKind": "newsmodel.model",
    "PartialDate": "newsmodel.model",
    "Person": "newsmodel.model",
    "Place": "newsmodel.model",
    "PlaceKind": "newsmodel.model",
    "Quotation": "newsmodel.model",
    "Span": "newsmodel.model",
    # errors
    "AccessDenied": "newsmodel.errors",
    "CredentialsRequired": "newsmodel.errors",
    "ExtractionError": "newsmodel.errors",
    "FormatError": "newsmodel.errors",
    "LintError": "newsmodel.errors",
    "ModelError": "newsmodel.errors",
    "NewsmodelError": "newsmodel.errors",
    "PipelineError": "newsmodel.errors",
    "ReadError": "newsmodel.errors",
    "StoreError": "newsmodel.errors",
    "StoreUnavailable": "newsmodel.errors",
    "ValidationError": "newsmodel.errors",
    # the mapper's stages
    "Pipeline": "newsmodel.extract.pipeline",
    # formats and inputs
    "Format": "newsmodel.serialize.formats",
    "read_path": "newsmodel._reading",
    "read_text": "newsmodel._reading",
    "read_html": "newsmodel._reading",
    # outputs
    "dumps": "newsmodel.serialize",
    "to_jsonld": "newsmodel.serialize.jsonld",
    "to_html_script": "newsmodel.serialize.html",
    "to_html_page": "newsmodel.serialize.page",
    "to_json": "newsmodel.serialize.json:to_dict",
    "from_json": "newsmodel.serialize.json:from_dict",
    "to_rdflib": "newsmodel.serialize.rdf",
    "from_rdf": "newsmodel.serialize.rdf_read",
    # checks
    "lint": "newsmodel.check.lint",
    "Finding": "newsmodel.check.lint",
    "validate_json": "newsmodel.check.schema:validate",
    # stores
    "OxigraphStore": "newsmodel.store",
    "SparqlStore": "newsmodel.store",
}

__all__ = sorted([*_EXPORTS, "__version__"])

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from newsmodel._reading import read_html, read_path, read_text
    from newsmodel.check.lint import Finding, lint
    from newsmodel.check.schema import validate as validate_json
    from newsmodel.errors import (
        AccessDenied,
        CredentialsRequired,
        ExtractionError,
        FormatError,
        LintError,
        ModelError,
        NewsmodelError,
        PipelineError,
        ReadError,
        StoreError,
        StoreUnavailable,
        ValidationError,
    )
    from newsmodel.extract.pipeline import Pipeline
    from newsmodel.model import (
        Agreement,
        AgreementStatus,
        Event,
        EventKind,
        Image,
        NewsArticle,
        Organization,
        OrganizationKind,
        PartialDate,
        Person,
        Place,
        PlaceKind,
        Quotation,
        Span,
    )
    from newsmodel.serialize import dumps
    from newsmodel.serialize.formats import Format
    from newsmodel.serialize.html import to_html_script
    from newsmodel.serialize.json import from_dict as from_json
    from newsmodel.serialize.json import to_dict as to_json
    from newsmodel.serialize.jsonld import to_jsonld
    from newsmodel.serialize.page import to_html_page
    from newsmodel.serialize.rdf import to_rdflib
    from newsmodel.serialize.rdf_read import from_rdf
    from newsmodel.store import OxigraphStore, SparqlStore


def __getattr__(name: str) -> Any:
    target = _EXPORTS.get(name)
    if target is None:
        raise AttributeError(f"module 'newsmodel' has no attribute {name!r}")
    module, _, attribute = target.partition(":")
    value = getattr(importlib.import_module(module), attribute or name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
