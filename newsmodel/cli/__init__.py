"""The ``newsmodel`` command.

Each subcommand lives in its own module (``_convert``, ``_validate``, …) with a
``register(subparsers)`` function that adds its parser and sets ``handler``.
``main`` owns what every command shares: one ``error:`` line and exit 1 for a
user error, exit 2 for a usage error, never a traceback for either.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from typing import Any

from newsmodel import __version__
from newsmodel.errors import NewsmodelError

__all__ = ["main", "run"]

#: Subcommand modules, in the order ``--help`` lists them.
COMMANDS: tuple[str, ...] = ("_convert", "_validate", "_lint", "_page", "_load", "_query", "_spark")


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="newsmodel",
        description=(
            "Turn news articles (plain text or HTML) into schema.org JSON-LD, RDF and "
            "validated JSON; lint, embed and load them into triple stores."
        ),
        epilog="Run 'newsmodel COMMAND --help' for the options of one command.",
    )
    parser.add_argument("--version", action="version", version=f"newsmodel {__version__}")
    _add_chattiness(parser, default=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        importlib.import_module(f"newsmodel.cli.{name}").register(sub)
    for command in sub.choices.values():
        # also after the command (``newsmodel convert … -q``); SUPPRESS keeps a value given before it
        _add_chattiness(command, default=argparse.SUPPRESS)
    return parser


def _add_chattiness(parser: argparse.ArgumentParser, default: Any) -> None:
    """``-q/--quiet`` and ``-v/--verbose``, which exclude each other."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        default=default,
        help="print errors only (no summaries, progress bars or notes)",
    )
    group.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=default,
        help="print notes on the choices made while reading (e.g. which byline of a page was used)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv``; return the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help/--version exit 0, usage errors 2
        return int(exc.code or 0)
    if args.quiet and args.verbose:
        _error("-q/--quiet and -v/--verbose exclude each other")
        return 2
    if args.verbose:
        _show_notes()
    try:
        status: int = args.handler(args)
    except NewsmodelError as exc:
        _error(str(exc))
        return 1
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        _error(f"{where}{exc.strerror or exc}")
        return 1
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    return status


def _show_notes() -> None:
    """Send the library's INFO records (reading notes) to standard error as ``note:`` lines."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("note: %(message)s"))
    logger = logging.getLogger("newsmodel")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def _error(message: str) -> None:
    first_line = " ".join(message.split())
    print(f"error: {first_line}", file=sys.stderr)


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
