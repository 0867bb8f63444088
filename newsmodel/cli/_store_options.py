"""The options ``load`` and ``query`` share: which store, and how to reach it.

``--store PATH`` opens the embedded Oxigraph store in a directory (created if
missing); ``--endpoint URL`` talks to a SPARQL 1.1 server. Credentials come
from ``--user``/``--password`` (or the ``NEWSMODEL_STORE_PASSWORD``
environment variable, which keeps the password out of the process list) or
from ``--header 'Name: value'``.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from newsmodel.errors import NewsmodelError
from newsmodel.store import OxigraphStore, SparqlStore, Store
from newsmodel.store._sparql import QUERY_METHODS, SERVERS

__all__ = ["PASSWORD_ENV", "add_store_arguments", "describe", "open_store"]

PASSWORD_ENV = "NEWSMODEL_STORE_PASSWORD"


def add_store_arguments(parser: argparse.ArgumentParser, *, required: bool) -> None:
    """Add ``--store``/``--endpoint`` (one of them ``required`` or not) and the HTTP options."""
    where = parser.add_mutually_exclusive_group(required=required)
    where.add_argument("--store", type=Path, metavar="PATH", help="embedded Oxigraph store directory")
    where.add_argument("--endpoint", metavar="URL", help="base URL of a SPARQL 1.1 server")
    remote = parser.add_argument_group("remote server options (with --endpoint)")
    remote.add_argument(
        "--server",
        choices=sorted(SERVERS),
        default="oxigraph",
        help="endpoint layout of the server (default: oxigraph; see docs/store.md)",
    )
    remote.add_argument("--query-endpoint", metavar="URL", help="override the SPARQL query URL")
    remote.add_argument("--graph-store-endpoint", metavar="URL", help="override the Graph Store Protocol URL")
    remote.add_argument(
        "--query-method",
        choices=["auto", *QUERY_METHODS],
        default="auto",
        help="how queries travel: direct POST, form POST or GET (default auto: the first that answers)",
    )
    remote.add_argument("--user", help="user name for HTTP authentication (basic or digest)")
    remote.add_argument(
        "--auth-scheme",
        choices=["auto", "basic", "digest"],
        default="auto",
        help="authentication scheme for --user (default auto: whichever the server asks for)",
    )
    remote.add_argument(
        "--password", help=f"password for --user (or set {PASSWORD_ENV}, which stays out of `ps`)"
    )
    remote.add_argument(
        "--header",
        action="append",
        default=[],
        metavar="'NAME: VALUE'",
        help="extra HTTP header, e.g. 'Authorization: Bearer TOKEN' (repeatable)",
    )
    remote.add_argument(
        "--timeout", type=float, default=30.0, metavar="SECONDS", help="per request (default 30)"
    )


def _headers(values: list[str]) -> dict[str, str]:
    headers = {}
    for value in values:
        name, sep, content = value.partition(":")
        if not sep or not name.strip():
            raise NewsmodelError(f"--header {value!r} is not 'Name: value'")
        headers[name.strip()] = content.strip()
    return headers


def open_store(args: argparse.Namespace, *, must_exist: bool = False) -> Store:
    """The store the options name; an in-memory Oxigraph store when they name none.

    ``must_exist`` (for reading commands) refuses a ``--store`` directory that is
    not there, rather than creating an empty store and answering from it.
    """
    if args.endpoint is None:
        if args.user or args.header:
            raise NewsmodelError("--user and --header only apply with --endpoint")
        if must_exist and args.store is not None and not Path(args.store).is_dir():
            raise NewsmodelError(f"{args.store}: no store there (create one with 'newsmodel load --store')")
        return OxigraphStore(args.store)
    password = args.password if args.password is not None else os.environ.get(PASSWORD_ENV)
    auth: Any = None
    if args.user:
        if password is None:
            raise NewsmodelError(f"--user needs --password or the {PASSWORD_ENV} environment variable")
        auth = (args.user, password)
    elif args.password:
        raise NewsmodelError("--password needs --user")
    return SparqlStore(
        args.endpoint,
        server=args.server,
        query_endpoint=args.query_endpoint,
        graph_store_endpoint=args.graph_store_endpoint,
        headers=_headers(args.header),
        auth=auth,
        auth_scheme=args.auth_scheme,
        query_method=args.query_method,
        timeout=args.timeout,
    )


def describe(args: argparse.Namespace) -> str:
    """Where the options point, for messages."""
    if args.endpoint is not None:
        return str(args.endpoint)
    if args.store is not None:
        return str(args.store)
    return "a memory store"
