"""``newsmodel load``: read articles and load them into a store, one named graph each.

An input that fails is reported (its path and the reason) and the others are
loaded; the command then exits 1. Every input is read (running the mapper)
while the store's bulk transaction is open, so ``--fail-fast`` makes the
first failure abort the whole load and leave the store as it was.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsmodel._bulk import Options, Result, jobs_from_inputs
from newsmodel.cli._bulk_options import ProgressBar, Tally, add_jobs_argument, run_jobs, summary
from newsmodel.cli._query import FORMATS, format_result, query_text
from newsmodel.cli._store_options import add_store_arguments, describe, open_store
from newsmodel.errors import NewsmodelError
from newsmodel.ids import DEFAULT_BASE
from newsmodel.inputs import iter_inputs
from newsmodel.model import NewsArticle
from newsmodel.read.warc import is_warc

__all__ = ["ProgressBar", "register"]

HELP = """\
Read articles and load them into a triple store, each in its own named graph
(the article IRI); loading an article again replaces its graph.

INPUT is a file or a directory of .txt (with <stem>.meta.json sidecars),
.html, .html.gz or .json (newsmodel's JSON) articles, or a web archive
(.warc, .warc.gz) whose HTML pages are loaded. Articles are mapped on every
CPU (-j N to choose, -j 1 for one process). The store is an
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
        "--fail-fast",
        action="store_true",
        help="abort at the first input that fails and load nothing (default: report it, load the others)",
    )
    # the default since 0.1 went bulk; still accepted so that existing scripts run unchanged
    parser.add_argument("--skip-errors", action="store_true", help=argparse.SUPPRESS)
    add_jobs_argument(parser)
    parser.add_argument(
        "--query",
        metavar="QUERY",
        help="after loading, run QUERY (SPARQL, @FILE or a sample name) and print the answer",
    )
    parser.add_argument("--format", choices=FORMATS, default=None, help="output format of --query")
    parser.set_defaults(handler=load)


def _articles(results: Iterator[Result], fail_fast: bool, failures: list[str]) -> Iterator[NewsArticle]:
    """The mapped articles; a failure is noted, or with ``fail_fast`` raised (aborting the bulk load)."""
    for result in results:
        if result.article is not None:
            yield result.article
        elif fail_fast:
            raise NewsmodelError(result.error or result.label)
        else:
            failures.append(result.error or result.label)


def load(args: argparse.Namespace) -> int:
    """Load every input, print the summary (and the --query answer); 1 if any input failed."""
    paths = list(iter_inputs(args.inputs))
    sparql = query_text(args.query) if args.query else None
    tally = Tally()
    tally.archive_files = sum(1 for p in paths if is_warc(p))
    jobs = jobs_from_inputs(paths, counts=tally.archives)
    options = Options(base=args.base, keep_article=True)
    total = None if tally.archive_files else len(paths)
    results = run_jobs(jobs, options, args, total=total, tally=tally, report=False)
    quiet = getattr(args, "quiet", False)
    failures: list[str] = []
    started = time.perf_counter()
    with open_store(args) as store:
        stats = store.load_many(_articles(results, args.fail_fast, failures))
        elapsed = time.perf_counter() - started
        for failure in failures:
            print(f"error: {failure}", file=sys.stderr)
        if not quiet:
            summary(tally, fail_fast=False)  # what the archives held, and how many failed
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
