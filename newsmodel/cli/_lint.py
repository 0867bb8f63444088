"""``newsmodel lint``: check JSON-LD against Google's Article structured-data guidelines."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from newsmodel.errors import LintError
from newsmodel.ids import DEFAULT_BASE

__all__ = ["load_lint_target", "register"]

HELP = """\
Lint an article's JSON-LD as Google's Article documentation asks: headline
present and not too long; authors typed Person or Organization, one per
person, with the name only (no "By", no job title, no publisher name, no
"and"); datePublished/dateModified in ISO 8601 with a time zone offset;
images (count, at least 50,000 pixels, 16x9/4x3/1x1 where sizes are known);
a publisher Organization with a name and a logo.

FILE is .jsonld or .json (a JSON-LD document, or newsmodel's own JSON),
.html/.html.gz (the page's own ld+json blocks; with --ours, or when the page
has none, the JSON-LD newsmodel makes from the page) or .txt (the JSON-LD
newsmodel makes from the text and its .meta.json sidecar).

Each finding is printed as "SEVERITY POINTER: MESSAGE" (critical or warning,
POINTER a JSON Pointer such as /author/0/name), then a count.

exit status:
  0  no critical finding (warnings may remain)
  1  at least one critical finding remains, or FILE cannot be read
  2  usage error
"""


def register(sub: Any) -> None:
    """Add the ``lint`` parser."""
    parser = sub.add_parser(
        "lint",
        help="check JSON-LD against Google's Article guidelines (exit 1 on critical findings)",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", type=Path, metavar="FILE", help=".jsonld, .json, .html, .html.gz or .txt")
    parser.add_argument(
        "--ours",
        action="store_true",
        help="for a web page: lint the JSON-LD newsmodel makes, not the page's own",
    )
    parser.add_argument("--json", action="store_true", help="print the findings as a JSON array")
    parser.add_argument(
        "--base",
        default=DEFAULT_BASE,
        metavar="IRI",
        help=f"base IRI for minted entity IRIs (default: {DEFAULT_BASE})",
    )
    parser.set_defaults(handler=run_lint)


def load_lint_target(path: Path, *, ours: bool = False, base: str = DEFAULT_BASE) -> Any:
    """Load what ``FILE`` asks to lint: a JSON-LD value, or a ``NewsArticle`` made from it."""
    name = path.name.lower()
    if name.endswith((".jsonld", ".json")) and not name.endswith(".meta.json"):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError as exc:
            raise LintError(f"{path}: not UTF-8 text") from exc
        except ValueError as exc:
            raise LintError(f"{path}: not JSON: {exc}") from exc
        if name.endswith(".json") and isinstance(data, dict) and not _is_jsonld(data):
            from newsmodel.serialize.json import from_dict

            return from_dict(data)
        return data
    if name.endswith((".html", ".htm", ".html.gz")) and not ours:
        from newsmodel.check.lint import ARTICLE_TYPES
        from newsmodel.read._html_values import jsonld_nodes
        from newsmodel.read.html import decode_page, parse_tree

        nodes = jsonld_nodes(parse_tree(decode_page(path.read_bytes())))
        articles = [n for n in nodes if ARTICLE_TYPES & _types(n)]
        if len(articles) == 1:  # pointers from the article node, as in a .jsonld file
            return articles[0]
        if articles:
            return nodes
    if name.endswith((".html", ".htm", ".html.gz", ".txt")):
        from newsmodel._reading import read_path

        return read_path(path, base=base)
    raise LintError(f"{path}: cannot tell what this file holds; expected .jsonld, .json, .html or .txt")


def _is_jsonld(data: dict[str, Any]) -> bool:
    return any(key in data for key in ("@context", "@type", "@graph"))


def _types(node: dict[str, Any]) -> set[str]:
    raw = node.get("@type", ())
    items = raw if isinstance(raw, list) else [raw]
    return {str(t).rsplit("/", 1)[-1] for t in items if isinstance(t, str)}


def run_lint(args: argparse.Namespace) -> int:
    """Lint one file; print the findings; 1 when any is critical."""
    from newsmodel.check.lint import has_critical, lint

    findings = lint(load_lint_target(args.file, ours=args.ours, base=args.base))
    if args.json:
        out = [{"severity": str(f.severity), "pointer": f.pointer, "message": f.message} for f in findings]
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        for finding in findings:
            print(finding)
        critical = sum(1 for f in findings if str(f.severity) == "critical")
        if not getattr(args, "quiet", False):
            print(f"{args.file}: {critical} critical, {len(findings) - critical} warnings", file=sys.stderr)
    return 1 if has_critical(findings) else 0
