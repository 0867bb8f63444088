"""``newsmodel convert``: articles to JSON, JSON-LD, Turtle, N-Triples, N-Quads or an HTML block."""

from __future__ import annotations

import argparse
import collections
import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

import attrs

from newsmodel import _bulk
from newsmodel._bulk import JSONL, Options, jobs_from_inputs
from newsmodel._reading import read_data
from newsmodel.cli._bulk_options import Tally, add_jobs_argument, run_jobs, summary
from newsmodel.errors import NewsmodelError
from newsmodel.ids import DEFAULT_BASE
from newsmodel.inputs import InputKind, iter_inputs, sniff_kind, stem_of
from newsmodel.model import NewsArticle
from newsmodel.serialize.formats import Format

__all__ = [
    "STDIO",
    "STREAM_SUFFIXES",
    "Job",
    "atomic_output",
    "convert_stream",
    "plan_jobs",
    "read_stdin",
    "register",
    "write_atomically",
]

#: The path that means standard input (as INPUT) or standard output (as -o).
STDIO = "-"

#: With several inputs, ``--to nquads -o NAME`` writes one file (not a directory) when NAME ends so.
STREAM_SUFFIXES = (".nq", ".nquads")

HELP = """\
Read articles and write them in one format.

INPUT is a file, a directory (read recursively), or - for standard input:
.txt (plain text; a <stem>.meta.json beside it is its metadata sidecar),
.html or .html.gz (a web page), or .json (newsmodel's own JSON). Standard
input is taken for HTML when it starts with '<', JSON with '{', text otherwise.

Where the output goes:
  one input, no -o (or -o -)     standard output
  one input, -o FILE             that file
  one input, -o DIR/ or -o DIR   DIR/<stem>.<ext> when DIR ends in / or exists
  several inputs, -o DIR         DIR/<path of the input below the directory named>/<stem>.<ext>
Inputs that would write the same output file (a/x.txt and a/x.html) are
refused before anything is written. Files get the permissions of your umask.

formats: json (validated plain JSON), jsonld (schema.org JSON-LD), turtle,
nt (N-Triples), nquads (N-Quads, one named graph per article), html (the
<script type="application/ld+json"> block for a web page), jsonl (JSON Lines:
one JSON-LD document a line, or newsmodel's JSON with --lines-of json).

Many articles: INPUT may also be a web archive (.warc or .warc.gz), read page
by page (HTML responses with status 200; other records are counted and
skipped); under -o DIR each page is written as <archive stem>-<offset>.<ext>.
Articles are mapped on every CPU (-j N to choose, -j 1 for one process) and
written in input order whatever N. --to jsonl, and --to nquads with several
inputs and no -o (or -o -, or -o FILE.nq), write every article to one stream,
ready for a store's bulk loader. A failed article is reported on its own line
and the others are still written (--fail-fast stops at the first); a count of
the failures ends the run.

exit status: 0 all written, 1 an input failed (the others are still
written) or a user error, 2 a usage error.

examples:
  newsmodel convert seeds/000_f91c40fb5c9215a3.txt --to jsonld
  newsmodel convert seeds/ --to turtle -o out/
  cat seeds/000_f91c40fb5c9215a3.txt | newsmodel convert - --to nt
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
    parser.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="files, directories, or - for standard input"
    )
    parser.add_argument(
        "--to",
        required=True,
        choices=[*Format.names(), JSONL],
        metavar="FORMAT",
        help="output format: " + ", ".join([*Format.names(), JSONL]),
    )
    parser.add_argument(
        "-o",
        "--out",
        metavar="OUT",
        help="output file, directory (several inputs, or a name ending in /), or - for standard output",
    )
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


@attrs.frozen
class Job:
    """One input and where its output goes (``None``: standard output)."""

    source: Path | None  # None: standard input
    target: Path | None


def _is_dir_target(out: str) -> bool:
    return out.endswith(("/", os.sep)) or Path(out).is_dir()


def plan_jobs(inputs: list[str], out: str | None, fmt: Format) -> list[Job]:
    """Decide every output path before anything is read, refusing collisions and impossible plans.

    >>> [str(job.target) for job in plan_jobs(["seeds"], "out/", Format.TURTLE)]
    ['out/000_f91c40fb5c9215a3.ttl']
    """
    if out == STDIO:
        out = None
    if STDIO in inputs:
        if len(inputs) > 1:
            raise NewsmodelError("- (standard input) must be the only INPUT")
        target = Path(out, f"stdin.{fmt.extension}") if out and _is_dir_target(out) else out
        return [Job(None, Path(target) if target else None)]
    paths = [Path(name) for name in inputs]
    several = len(paths) > 1 or any(path.is_dir() for path in paths)
    if not several:
        (path,) = list(iter_inputs(paths))
        if out is None:
            return [Job(path, None)]
        name = f"{stem_of(path)}.{fmt.extension}"
        return [Job(path, Path(out) / name if _is_dir_target(out) else Path(out))]
    if out is None:
        raise NewsmodelError("several inputs need -o DIR, the directory that receives one file each")
    root = Path(out)
    if root.exists() and not root.is_dir():
        raise NewsmodelError(f"{root}: exists and is not a directory (several inputs need -o DIR)")
    jobs: list[Job] = []
    for given in paths:
        for path in iter_inputs([given]):
            below = path.parent.relative_to(given) if given.is_dir() else Path()
            jobs.append(Job(path, root / below / f"{stem_of(path)}.{fmt.extension}"))
    _refuse_collisions(jobs)
    return jobs


def _refuse_collisions(jobs: list[Job]) -> None:
    """Two inputs, one output file: say which, before anything is written."""
    seen: dict[Path, Path | None] = {}
    clashes: list[str] = []
    for job in jobs:
        assert job.target is not None
        if job.target in seen:
            clashes.append(f"{seen[job.target]} and {job.source} -> {job.target}")
        else:
            seen[job.target] = job.source
    if clashes:
        more = f" (and {len(clashes) - 3} more)" if len(clashes) > 3 else ""
        listed = "; ".join(clashes[:3]) + more
        raise NewsmodelError(f"inputs would overwrite each other's output: {listed}; nothing written")


def read_stdin(base: str = DEFAULT_BASE) -> NewsArticle:
    """The article on standard input, its kind told by its first bytes."""
    data = sys.stdin.buffer.read()
    try:
        kind = sniff_kind(data)
        if kind is InputKind.HTML_GZ:
            import gzip

            data, kind = gzip.decompress(data), InputKind.HTML
        return read_data(data, kind, base=base)
    except NewsmodelError as exc:
        raise type(exc)(f"<stdin>: {exc}") from exc
    except OSError as exc:  # a broken gzip stream
        raise NewsmodelError(f"<stdin>: {exc}") from exc


def convert(args: argparse.Namespace) -> int:
    """Convert every input in a process pool; report each failure on its own line; 1 if any failed."""
    if _streams(args):
        return convert_stream(args)
    fmt = Format.from_name(args.to)
    plan = plan_jobs(args.inputs, args.out, fmt)
    lone_archive = len(args.inputs) == 1 and is_warc(Path(args.inputs[0]))
    if lone_archive and not (args.out and args.out != STDIO and _is_dir_target(args.out)):
        raise NewsmodelError(
            f"a web archive holds many articles: give -o DIR/ for one {fmt.format_name} file each, "
            "or write one stream with --to nquads or --to jsonl"
        )
    tally = Tally()
    targets: collections.deque[Path | None] = collections.deque()
    jobs = _plan_to_jobs(plan, fmt, args.base, targets, tally)
    total = None if tally.archive_files else len(plan)
    for result in run_jobs(jobs, _options(args, fmt.format_name), args, total=total, tally=tally):
        target = targets.popleft()
        if not result.ok:
            continue
        text = result.texts[fmt.format_name]
        if target is None:
            sys.stdout.write(text)
        else:
            write_atomically(target, text)
    if tally.failed and tally.done > 1:
        summary(tally, fail_fast=args.fail_fast)
    elif tally.done > 1 and not getattr(args, "quiet", False):
        if tally.archive_files:
            summary(tally, fail_fast=args.fail_fast)
        print(f"wrote {tally.done} files under {args.out}", file=sys.stderr)
    return 1 if tally.failed else 0


def is_warc(path: Path) -> bool:
    """Whether an input is a web archive (read page by page)."""
    from newsmodel.read.warc import is_warc as warc_suffix

    return warc_suffix(path)


def _plan_to_jobs(
    plan: list[Job], fmt: Format, base: str, targets: collections.deque[Path | None], tally: Tally
) -> Iterator[_bulk.Job]:
    """The pool's jobs for a plan, in order, queueing each one's output path in ``targets``.

    Standard input is read here (it is one article); a web archive becomes
    one job per page, written beside where the archive's own file would go.
    """
    tally.archive_files = sum(1 for job in plan if job.source is not None and is_warc(job.source))
    for job in plan:
        if job.source is None:
            try:
                yield _bulk.Job.from_article(read_stdin(base), label="<stdin>")
            except NewsmodelError as exc:
                yield _bulk.Job(label="<stdin>", error=" ".join(str(exc).split()))
            targets.append(job.target)
        elif is_warc(job.source):
            assert job.target is not None
            for page_job in jobs_from_inputs([job.source], counts=tally.archives):
                targets.append(job.target.parent / f"{page_job.name or stem_of(job.source)}.{fmt.extension}")
                yield page_job
        else:
            targets.append(job.target)
            yield _bulk.Job.from_path(job.source)


def _streams(args: argparse.Namespace) -> bool:
    """Whether all articles go to one stream: JSON Lines always; N-Quads of many to stdout or a .nq file."""
    if args.to == JSONL:
        return True
    if args.to != Format.NQUADS.format_name or STDIO in args.inputs:
        return False
    paths = [Path(name) for name in args.inputs]
    several = len(paths) > 1 or any(p.is_dir() or is_warc(p) for p in paths)
    if not several:
        return False
    out = args.out
    return out is None or out == STDIO or Path(out).suffix.lower() in STREAM_SUFFIXES


def _options(args: argparse.Namespace, name: str) -> Options:
    return Options(base=args.base, formats=(name,), lines_of=args.lines_of)


def convert_stream(args: argparse.Namespace) -> int:
    """Write every article's N-Quads or JSON line to one file or standard output, in input order.

    Each article's text is complete before a byte of it is written, so a
    failed article (or a dead worker) leaves no partial line; an output file
    is written under a temporary name and renamed when the run ends, so an
    interrupted run leaves no half file either.
    """
    tally = Tally()
    targets: collections.deque[Path | None] = collections.deque()
    if STDIO in args.inputs:
        plan = plan_jobs(args.inputs, None, Format.NQUADS)
    else:
        plan = [Job(path, Path()) for path in iter_inputs([Path(name) for name in args.inputs])]
    jobs = _plan_to_jobs(plan, Format.NQUADS, args.base, targets, tally)
    total = None if tally.archive_files else len(plan)
    results = run_jobs(jobs, _options(args, args.to), args, total=total, tally=tally)
    if args.out is None or args.out == STDIO:
        for result in results:
            if result.ok:
                sys.stdout.write(result.texts[args.to])
                sys.stdout.flush()
    else:
        with atomic_output(Path(args.out)) as handle:
            for result in results:
                if result.ok:
                    handle.write(result.texts[args.to])
    if (tally.failed and tally.done > 1) or (tally.archive_files and not getattr(args, "quiet", False)):
        summary(tally, fail_fast=args.fail_fast)
    return 1 if tally.failed else 0


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[TextIO]:
    """A text file that appears at ``path`` only when the block ends (no exception): all or nothing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    """The process umask (read by setting it and putting it back: there is no getter)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file, so a crash never leaves half a file.

    The file gets the mode a plain ``open()`` would give it (0666 less the
    umask), not the 0600 of the temporary file, so a web server can serve it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
