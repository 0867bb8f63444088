"""``newsmodel validate``: check files against the JSON Schema or the SHACL shapes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from newsmodel.errors import FormatError, NewsmodelError, ValidationError

__all__ = ["register"]

HELP = """\
Check documents and list every problem.

.json files are checked against the JSON Schema (schemas/newsarticle.schema.json),
each error with its JSON path. Turtle, N-Triples, N-Quads and JSON-LD files
(.ttl, .nt, .nq, .jsonld) are checked against the project's SHACL shapes
(schemas/newsmodel.shacl.ttl).

Every file is checked, whatever the ones before it gave; each line names its
file. -q prints only the problems.

exit status: 0 when every file is valid, 1 when any is invalid or cannot be
read, 2 for a usage error.
"""

RDF_SUFFIXES = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".jsonld": "json-ld"}


def register(sub: Any) -> None:
    """Add the ``validate`` parser."""
    parser = sub.add_parser(
        "validate",
        help="check JSON against the JSON Schema, RDF against the SHACL shapes",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    parser.set_defaults(handler=validate)


def validate(args: argparse.Namespace) -> int:
    """Validate every file, naming it on each line; 1 when any is invalid or cannot be read.

    A file that cannot be read (missing, not UTF-8, an unknown suffix) is
    reported as ``FILE: error: …`` and the next file is still checked.
    """
    quiet = getattr(args, "quiet", False)
    bad = 0
    for path in args.files:
        try:
            warnings = _validate_one(path)
        except ValidationError as exc:
            bad += 1
            print(f"{path}: invalid ({len(exc.errors)} error{'s' if len(exc.errors) != 1 else ''})")
            for where, message in exc.errors:
                print(f"  {path}: {where}: {message}")
        except (NewsmodelError, OSError) as exc:
            bad += 1
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            reason = reason.removeprefix(f"{path}: ")
            print(f"{path}: error: {' '.join(reason.split())}", file=sys.stderr)
        else:
            if not quiet:
                print(f"{path}: valid" + (f" ({len(warnings)} warnings)" if warnings else ""))
                for warning in warnings:
                    print(f"  {path}: {warning}")
    if bad and len(args.files) > 1:
        print(f"{bad} of {len(args.files)} files invalid or unreadable", file=sys.stderr)
    return 1 if bad else 0


def _validate_one(path: Path) -> list[str]:
    """Raise ``ValidationError`` for a broken file; return the warnings of a valid one."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        from newsmodel.serialize.json import loads

        # The schema first (every error with its path), then the model's own
        # invariants (real dates, references that resolve).
        loads(path.read_bytes())
        return []
    if suffix in RDF_SUFFIXES:
        from newsmodel.check.shacl import validate_file

        report = validate_file(path)
        report.raise_for_violations(str(path))
        return [str(f) for f in report.findings if f.severity != "Violation"]
    kind = suffix or "suffix-less"
    raise FormatError(f"{path}: cannot validate a {kind} file; use .json, .ttl, .nt, .nq or .jsonld")
