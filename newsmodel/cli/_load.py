"""``newsmodel load``: read articles and load them into a store, one named graph each.

Loading is all or nothing: every input is read (running the mapper on text
and HTML) while the store's bulk transaction is open, so a file that fails
to read aborts the load and leaves the store as it was, unless
``--skip-errors`` reports it and goes on.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from newsmodel._reading import read_path
from newsmodel.cli._query import FORMATS, format_result, query_text
from newsmodel.cli._store_options import add_store_arguments, describe, open_store
from newsmodel.errors import NewsmodelError
from newsmodel.ids import DEFAULT_BASE
from newsmodel.inputs import iter_inputs
from newsmodel.model import NewsArticle

__all__ = ["ProgressBar", "register"]

HELP = """\
Read articles and load them into a triple store, each in its own named graph
(the article IRI); loading an article again replaces its graph.

INPUT is a file or a directory of .txt (with <stem>.meta.json sidecars),
.html, .html.gz or .json (newsmodel's JSON) articles. The store is an
embedded Oxigraph directory (--store PATH, created if missing) or a SPARQL 1.1
server (--endpoint URL). With neither, articles go into a memory store that
lives as long as the command: useful with --query.

A progress bar is drawn on standard error when it is a terminal; a summary
line (articles, triples, time) is always printed there.

examples:
  newsmodel load seeds/ --query who-met-whom
  newsmodel load corpus/ --store news.db
  newsmodel load corpus/ --endpoint http://localhost:3030/news --server fuseki --user admin
"""


def register(sub: Any) -> None:
    """Add the ``load`` parser."""
    parser = sub.add_parser(
        "load",
        help="load articles into an embedded store or a SPARQL server",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="+", type=Path, metavar="INPUT", help="files or directories")
    add_store_arguments(parser, required=False)
    parser.add_argument(
        "--base",
        default=DEFAULT_BASE,
        metavar="IRI",
        help=f"base IRI for minted entity IRIs (default: {DEFAULT_BASE})",
    )
    parser.add_argument(
        "--skip-errors",
        action="store_true",
        help="report inputs that fail to read and load the others (default: abort, load nothing)",
    )
    parser.add_argument(
        "--query",
        metavar="QUERY",
        help="after loading, run QUERY (SPARQL, @FILE or a sample name) and print the answer",
    )
    parser.add_argument("--format", choices=FORMATS, default=None, help="output format of --query")
    parser.set_defaults(handler=load)


class ProgressBar:
    r"""A one-line ``\r`` progress bar, drawn only on a terminal, at most ten times a second."""

    def __init__(self, total: int, stream: TextIO | None = None, *, force: bool = False) -> None:
        self.total = max(total, 1)
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = force or self.stream.isatty()
        self._last = 0.0
        self._drawn = False

    def __call__(self, done: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if done < self.total and now - self._last < 0.1:
            return
        self._last = now
        width = 30
        filled = width * min(done, self.total) // self.total
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{self.total} articles")
        self.stream.flush()
        self._drawn = True

    def clear(self) -> None:
        """Erase the bar so the summary line starts clean."""
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._drawn = False


def _articles(paths: list[Path], base: str, skip_errors: bool, failures: list[str]) -> Iterator[NewsArticle]:
    for path in paths:
        try:
            yield read_path(path, base=base)
        except NewsmodelError as exc:
            if not skip_errors:
                raise
            failures.append(" ".join(str(exc).split()))


def load(args: argparse.Namespace) -> int:
    """Load every input, print the summary (and the --query answer); 1 if any input failed."""
    paths = list(iter_inputs(args.inputs))
    sparql = query_text(args.query) if args.query else None
    quiet = getattr(args, "quiet", False)
    bar = ProgressBar(len(paths))
    bar.enabled = bar.enabled and not quiet
    failures: list[str] = []
    started = time.perf_counter()
    with open_store(args) as store:
        try:
            stats = store.load_many(_articles(paths, args.base, args.skip_errors, failures), progress=bar)
        finally:
            bar.clear()
        elapsed = time.perf_counter() - started
        for failure in failures:
            print(f"error: {failure}", file=sys.stderr)
        rate = stats.articles / elapsed if elapsed > 0 else 0.0
        if not quiet:
            print(
                f"loaded {stats.articles} article{'' if stats.articles == 1 else 's'}, "
                f"{stats.triples} triples in {elapsed:.2f} s "
                f"({rate:.0f} articles/s) into {describe(args)}",
                file=sys.stderr,
            )
        if sparql is not None:
            result = store.query(sparql)
            fmt = args.format or ("table" if sys.stdout.isatty() else "csv")
            sys.stdout.write(format_result(result, fmt))
    return 1 if failures else 0
