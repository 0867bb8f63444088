"""``newsmodel query``: run SPARQL against a store and print the answer.

Output: ``table`` (aligned columns, long cells cut), ``csv`` or ``json``. The
default is ``table`` when standard output is a terminal and ``csv`` when it
is a pipe or file, so ``newsmodel query … > out.csv`` gives data, not art.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import decimal
import io
import sys
from pathlib import Path
from typing import Any

import orjson

from newsmodel.cli._store_options import add_store_arguments, open_store
from newsmodel.errors import NewsmodelError
from newsmodel.store import QueryResult
from newsmodel.store.queries import SAMPLES

__all__ = ["format_result", "query_text", "register"]

FORMATS = ("table", "csv", "json")
_CELL = 80  # longest cell a table shows whole

HELP = f"""\
Run a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT or DESCRIBE) against a store.

QUERY is the query text, @FILE to read it from a file (e.g. @who.rq), or the
name of a sample query: {", ".join(name.replace("_", "-") for name in SAMPLES)}.
Each article is its own named graph: match its triples inside GRAPH ?g {{ … }}.

Output is a table on a terminal and CSV otherwise, unless --format says.

examples:
  newsmodel query --store news.db who-met-whom
  newsmodel query --store news.db 'SELECT ?g WHERE {{ GRAPH ?g {{}} }}' --format json
  newsmodel query --endpoint http://localhost:7878 @people.rq
"""


def register(sub: Any) -> None:
    """Add the ``query`` parser."""
    parser = sub.add_parser(
        "query",
        help="run a SPARQL query against an embedded store or a SPARQL server",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("query", metavar="QUERY", help="SPARQL text, @FILE, or a sample query name")
    add_store_arguments(parser, required=True)
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="table, csv or json (default: table on a terminal, csv otherwise)",
    )
    parser.set_defaults(handler=run_query)


def query_text(spec: str) -> str:
    """The SPARQL a QUERY argument stands for: sample name, ``@file`` or the text itself.

    >>> query_text("who-met-whom") == SAMPLES["who_met_whom"]
    True
    >>> query_text("ASK {}")
    'ASK {}'
    """
    name = spec.strip().replace("-", "_")
    if name in SAMPLES:
        return SAMPLES[name]
    if spec.startswith("@"):
        path = Path(spec[1:])
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise NewsmodelError(f"{path}: no such query file") from None
        except UnicodeDecodeError as exc:
            raise NewsmodelError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    if not spec.strip():
        raise NewsmodelError("the query is empty")
    return spec


def run_query(args: argparse.Namespace) -> int:
    """Open the store, run the query, print the answer."""
    sparql = query_text(args.query)
    with open_store(args, must_exist=True) as store:
        result = store.query(sparql)
    fmt = args.format or ("table" if sys.stdout.isatty() else "csv")
    sys.stdout.write(format_result(result, fmt))
    return 0


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _json_value(value: Any) -> Any:
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return str(value)  # IRI and BlankNode become plain strings
    return value


def format_result(result: QueryResult, fmt: str) -> str:
    """The answer as ``table``, ``csv`` or ``json`` text (ending in a newline).

    >>> r = QueryResult(kind="select", variables=("who", "n"), rows=({"who": "Ada", "n": 2},))
    >>> print(format_result(r, "table"), end="")
    who | n
    ----+--
    Ada | 2
    >>> print(format_result(r, "json"), end="")
    [{"who":"Ada","n":2}]
    """
    if fmt not in FORMATS:
        raise NewsmodelError(f"unknown output format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if result.kind == "ask":
        if fmt == "json":
            return orjson.dumps({"boolean": result.boolean}).decode() + "\n"
        return ("true" if result.boolean else "false") + "\n"
    if fmt == "json":
        rows = [{k: _json_value(v) for k, v in row.items()} for row in result.rows]
        return orjson.dumps(rows).decode() + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(result.variables)
        for row in result.rows:
            writer.writerow([_cell(row.get(v)) for v in result.variables])
        return out.getvalue()
    return _table(result)


def _table(result: QueryResult) -> str:
    def show(value: Any) -> str:
        text = " ".join(_cell(value).split())
        return text if len(text) <= _CELL else text[: _CELL - 1] + "…"

    header = list(result.variables)
    body = [[show(row.get(v)) for v in header] for row in result.rows]
    widths = [max([len(h)] + [len(r[i]) for r in body]) for i, h in enumerate(header)]
    out = io.StringIO()

    def line(cells: list[str]) -> None:
        out.write(" | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip() + "\n")

    line(header)
    out.write("-+-".join("-" * w for w in widths) + "\n")
    for cells in body:
        line(cells)
    if not body:
        out.write("(no rows)\n")
    return out.getvalue()
