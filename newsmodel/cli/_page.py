"""``newsmodel page``: a standalone HTML page of an article, its JSON-LD block in the head."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from newsmodel.ids import DEFAULT_BASE

__all__ = ["register"]

HELP = """\
Read one article and write a complete HTML5 page of it: title, headline,
byline, date, body paragraphs, and the <script type="application/ld+json">
block search engines read, in <head>.

INPUT is .txt (with its <stem>.meta.json sidecar when present), .html or
.html.gz (a web page, re-rendered clean), or .json (newsmodel's own JSON).
The page goes to -o FILE or to standard output; INPUT - reads standard input.

example:
  newsmodel page seeds/000_f91c40fb5c9215a3.txt -o article.html
"""


def register(sub: Any) -> None:
    """Add the ``page`` parser."""
    parser = sub.add_parser(
        "page",
        help="write a standalone HTML page of an article with its JSON-LD block",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("input", metavar="INPUT", help="an article file, or - for standard input")
    parser.add_argument("-o", "--out", help="output file (default, or -: standard output)")
    parser.add_argument(
        "--base",
        default=DEFAULT_BASE,
        metavar="IRI",
        help=f"base IRI for minted entity IRIs (default: {DEFAULT_BASE})",
    )
    parser.add_argument(
        "--provenance",
        action="store_true",
        help="keep evidence spans, confidences and order in the JSON-LD block (left out by default)",
    )
    parser.set_defaults(handler=page)


def page(args: argparse.Namespace) -> int:
    """Write the page of one input; 0 on success (errors go through the CLI's one-line report)."""
    from newsmodel._reading import read_path
    from newsmodel.cli._convert import STDIO, read_stdin, write_atomically
    from newsmodel.serialize.page import to_html_page

    article = read_stdin(args.base) if args.input == STDIO else read_path(args.input, base=args.base)
    text = to_html_page(article, provenance=args.provenance)
    if args.out not in (None, STDIO):
        write_atomically(Path(args.out), text)
    else:
        sys.stdout.write(text)
    return 0
