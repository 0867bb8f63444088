"""``newsmodel convert``: articles to JSON, JSON-LD, Turtle, N-Triples, N-Quads or an HTML block."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from newsmodel.errors import NewsmodelError
from newsmodel.formats import Format
from newsmodel.ids import DEFAULT_BASE
from newsmodel.inputs import iter_inputs, read_path, stem_of

__all__ = ["register", "write_atomically"]

HELP = """\
Read articles and write them in one format.

INPUT is a file or a directory: .txt (plain text; a <stem>.meta.json beside it
is its metadata sidecar), .html or .html.gz (a web page), or .json (newsmodel's
own JSON). With one input, the output goes to -o FILE or to standard output;
with several, -o names a directory that receives <stem>.<ext> for each.

formats: json (validated plain JSON), jsonld (schema.org JSON-LD), turtle,
nt (N-Triples), nquads (N-Quads, one named graph per article), html (the
<script type="application/ld+json"> block for a web page).

examples:
  newsmodel convert seeds/000_f91c40fb5c9215a3.txt --to jsonld
  newsmodel convert seeds/ --to turtle -o out/
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
        choices=Format.names(),
        metavar="FORMAT",
        help="output format: " + ", ".join(Format.names()),
    )
    parser.add_argument("-o", "--out", type=Path, help="output file (one input) or directory (several)")
    parser.add_argument(
        "--base",
        default=DEFAULT_BASE,
        metavar="IRI",
        help=f"base IRI for minted entity IRIs (default: {DEFAULT_BASE})",
    )
    parser.set_defaults(handler=convert)


def convert(args: argparse.Namespace) -> int:
    """Convert every input; report each failure on its own line; 1 if any failed."""
    from newsmodel.serialize import dumps

    fmt = Format.from_name(args.to)
    inputs = list(iter_inputs(args.inputs))
    several = len(inputs) > 1 or any(p.is_dir() for p in args.inputs)
    if several and args.out is None:
        raise NewsmodelError("several inputs need -o DIR, the directory that receives one file each")
    if several and args.out.exists() and not args.out.is_dir():
        raise NewsmodelError(f"{args.out}: exists and is not a directory (several inputs need -o DIR)")
    failed = 0
    for path in inputs:
        try:
            text = dumps(read_path(path, base=args.base), fmt)
        except NewsmodelError as exc:
            print(f"error: {' '.join(str(exc).split())}", file=sys.stderr)
            failed += 1
            continue
        if not text.endswith("\n"):
            text += "\n"
        if several:
            args.out.mkdir(parents=True, exist_ok=True)
            write_atomically(args.out / f"{stem_of(path)}.{fmt.extension}", text)
        elif args.out is not None:
            write_atomically(args.out, text)
        else:
            sys.stdout.write(text)
    if failed and len(inputs) > 1:
        print(f"error: {failed} of {len(inputs)} inputs failed", file=sys.stderr)
    return 1 if failed else 0


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
