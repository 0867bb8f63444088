"""``newsmodel convert``: articles to JSON, JSON-LD, Turtle, N-Triples, N-Quads or an HTML block."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import attrs

from newsmodel._reading import read_data, read_path
from newsmodel.errors import NewsmodelError
from newsmodel.ids import DEFAULT_BASE
from newsmodel.inputs import InputKind, iter_inputs, sniff_kind, stem_of
from newsmodel.model import NewsArticle
from newsmodel.serialize.formats import Format

__all__ = ["STDIO", "Job", "plan_jobs", "read_stdin", "register", "write_atomically"]

#: The path that means standard input (as INPUT) or standard output (as -o).
STDIO = "-"

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
<script type="application/ld+json"> block for a web page).

exit status: 0 all written, 1 an input failed (the others are still
written) or a user error, 2 a usage error.

examples:
  newsmodel convert seeds/000_f91c40fb5c9215a3.txt --to jsonld
  newsmodel convert seeds/ --to turtle -o out/
  cat seeds/000_f91c40fb5c9215a3.txt | newsmodel convert - --to nt
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
        choices=Format.names(),
        metavar="FORMAT",
        help="output format: " + ", ".join(Format.names()),
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
    """Convert every input; report each failure on its own line; 1 if any failed."""
    from newsmodel.serialize import dumps

    fmt = Format.from_name(args.to)
    jobs = plan_jobs(args.inputs, args.out, fmt)
    failed = 0
    for job in jobs:
        try:
            article = read_stdin(args.base) if job.source is None else read_path(job.source, base=args.base)
            text = dumps(article, fmt)
        except NewsmodelError as exc:
            print(f"error: {' '.join(str(exc).split())}", file=sys.stderr)
            failed += 1
            continue
        if not text.endswith("\n"):
            text += "\n"
        if job.target is None:
            sys.stdout.write(text)
        else:
            write_atomically(job.target, text)
    if failed and len(jobs) > 1:
        print(f"error: {failed} of {len(jobs)} inputs failed", file=sys.stderr)
    elif len(jobs) > 1 and not getattr(args, "quiet", False):
        print(f"wrote {len(jobs)} files under {args.out}", file=sys.stderr)
    return 1 if failed else 0


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
