"""``newsmodel spark``: the WARC → N-Quads job on Apache Spark (the optional ``spark`` extra)."""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["register"]


def register(sub: Any) -> None:
    """Add the ``spark`` parser (pyspark itself is imported only when the job runs)."""
    from newsmodel.spark import HELP, build_parser, run_parsed

    parser = sub.add_parser(
        "spark",
        help="map web archives to N-Quads on Apache Spark (needs newsmodel[spark])",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    build_parser(parser)
    parser.set_defaults(handler=run_parsed)
