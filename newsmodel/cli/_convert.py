"""``newsmodel convert``: articles to JSON, JSON-LD, Turtle, N-Triples, N-Quads or an HTML block."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from newsmodel._bulk import JSONL, Job, Options, jobs_from_inputs
from newsmodel.cli._bulk_options import Tally, add_jobs_argument, run_jobs, summary
from newsmodel.errors import NewsmodelError
from newsmodel.formats import Format
from newsmodel.ids import DEFAULT_BASE
from newsmodel.inputs import iter_inputs

__all__ = ["STREAM_SUFFIXES", "atomic_output", "convert_stream", "register", "write_atomically"]

#: With several inputs, ``--to nquads -o NAME`` writes one file (not a directory) when NAME ends so.
STREAM_SUFFIXES = (".nq", ".nquads")

HELP = """\
Read articles and write them in one format.

INPUT is a file or a directory: .txt (plain text; a <stem>.meta.json beside it
is its metadata sidecar), .html or .html.gz (a web page), or .json (newsmodel's
own JSON). With one input, the output goes to -o FILE or to standard output;
with several, -o names a directory that receives <stem>.<ext> for each.

formats: json (validated plain JSON), jsonld (schema.org JSON-LD), turtle,
nt (N-Triples), nquads (N-Quads, one named graph per article), html (the
<script type="application/ld+json"> block for a web page), jsonl (JSON Lines:
one JSON-LD document a line, or newsmodel's JSON with --lines-of json).

Many articles: INPUT may also be a web archive (.warc or .warc.gz), read page
by page (HTML responses with status 200; other records are counted and
skipped). Articles are mapped on every CPU (-j N to choose, -j 1 for one
process), and written in input order whatever N. --to jsonl, and --to nquads
with several inputs and no -o or -o FILE.nq, write every article to one
stream, ready for a store's bulk loader. A failed article is reported on its
own line and the others are still written (--fail-fast stops at the first);
the exit status is then 1, after a count of the failures.

examples:
  newsmodel convert seeds/000_f91c40fb5c9215a3.txt --to jsonld
  newsmodel convert seeds/ --to turtle -o out/
  newsmodel convert crawl.warc.gz --to nquads -o crawl.nq
  newsmodel convert crawl.warc.gz corpus/ --to jsonl > articles.jsonl
"""


def register(sub: Any) -> None:
    """Add the ``convert`` parser."""
    parser = sub.add_parser(
        "convert",
        help="convert articles to json, jsonld, turtle, nt, nquads or html",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="+", type=Path, metavar="INPUT", help="files or directories")
    parser.add_argument(
        "--to",
        required=True,
        choices=[*Format.names(), JSONL],
        metavar="FORMAT",
        help="output format: " + ", ".join([*Format.names(), JSONL]),
    )
    parser.add_argument("-o", "--out", type=Path, help="output file (one input) or directory (several)")
    parser.add_argument(
        "--base",
        default=DEFAULT_BASE,
        metavar="IRI",
        help=f"base IRI for minted entity IRIs (default: {DEFAULT_BASE})",
    )
    add_jobs_argument(parser)
    parser.add_argument(
        "--fail-fast",
        action="store_true",
        help="stop at the first article that fails (default: report it and go on)",
    )
    parser.add_argument(
        "--lines-of",
        choices=("jsonld", "json"),
        default="jsonld",
        help="what --to jsonl writes a line of: schema.org JSON-LD (default) or newsmodel's JSON",
    )
    parser.set_defaults(handler=convert)


def convert(args: argparse.Namespace) -> int:
    """Convert every input; report each failure on its own line; 1 if any failed."""
    from newsmodel.read.warc import is_warc

    inputs = list(iter_inputs(args.inputs))
    archives = any(is_warc(p) for p in inputs)
    several = len(inputs) > 1 or any(p.is_dir() for p in args.inputs) or archives
    if _streams(args, several):
        return convert_stream(args, inputs)
    fmt = Format.from_name(args.to)
    if several and args.out is None:
        raise NewsmodelError("several inputs need -o DIR, the directory that receives one file each")
    if several and args.out.exists() and not args.out.is_dir():
        raise NewsmodelError(f"{args.out}: exists and is not a directory (several inputs need -o DIR)")
    tally = Tally()
    jobs = _jobs(inputs, tally)
    total = None if archives else len(inputs)
    for result in run_jobs(jobs, _options(args, fmt.format_name), args, total=total, tally=tally):
        if not result.ok:
            continue
        text = result.texts[fmt.format_name]
        if several:
            args.out.mkdir(parents=True, exist_ok=True)
            write_atomically(args.out / f"{result.name}.{fmt.extension}", text)
        elif args.out is not None:
            write_atomically(args.out, text)
        else:
            sys.stdout.write(text)
    if tally.done > 1 or archives:
        summary(tally, fail_fast=args.fail_fast)
    return 1 if tally.failed else 0


def _streams(args: argparse.Namespace, several: bool) -> bool:
    """Whether all articles go to one stream: JSON Lines always; N-Quads of many to stdout or a .nq file."""
    if args.to == JSONL:
        return True
    if args.to != Format.NQUADS.format_name or not several:
        return False
    return args.out is None or str(args.out) == "-" or args.out.suffix.lower() in STREAM_SUFFIXES


def _jobs(inputs: list[Path], tally: Tally) -> Iterator[Job]:
    from newsmodel.read.warc import is_warc

    tally.archive_files = sum(1 for p in inputs if is_warc(p))
    return jobs_from_inputs(inputs, counts=tally.archives)


def _options(args: argparse.Namespace, name: str) -> Options:
    return Options(base=args.base, formats=(name,), lines_of=args.lines_of)


def convert_stream(args: argparse.Namespace, inputs: list[Path]) -> int:
    """Write every article's N-Quads or JSON line to one file or standard output, in input order.

    Each article's text is complete before a byte of it is written, so a
    failed article (or a dead worker) leaves no partial line; an output file
    is written under a temporary name and renamed when the run ends, so an
    interrupted run leaves no half file either.
    """
    from newsmodel.read.warc import is_warc

    tally = Tally()
    jobs = _jobs(inputs, tally)
    total = None if any(is_warc(p) for p in inputs) else len(inputs)
    results = run_jobs(jobs, _options(args, args.to), args, total=total, tally=tally)
    to_stdout = args.out is None or str(args.out) == "-"
    if to_stdout:
        for result in results:
            if result.ok:
                sys.stdout.write(result.texts[args.to])
                sys.stdout.flush()
    else:
        with atomic_output(args.out) as handle:
            for result in results:
                if result.ok:
                    handle.write(result.texts[args.to])
    if tally.done > 1 or tally.archive_files:
        summary(tally, fail_fast=args.fail_fast)
    return 1 if tally.failed else 0


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[TextIO]:
    """A text file that appears at ``path`` only when the block ends (no exception): all or nothing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file, so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
