"""Body quality and speed of the HTML reader on the 30 real pages of ../shared/corpus/pages.

Usage::

    python benchmarks/html.py [--pages DIR] [--rounds N] [--verbose]

Prints, from one run:

- body F1 / precision / recall with ../shared/eval/body_score.py (the public
  article-extraction-benchmark's metric) for the ``articleBody`` we emit, and
  for the installed trafilatura's plain ``extract`` on the same pages (the
  benchmark's stored trafilatura 2.0.0 output scores F1 0.969);
- pages/s for HTML -> JSON-LD (``read_html`` + ``to_jsonld`` + ``dumps``:
  reader, mapper and serializer), for the reader alone (``read_html_document``),
  and trafilatura's own extraction time alone on the same pages (best of
  ``--rounds``).

Nothing is asserted; tests/test_body_quality.py holds the bar.
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file is named html.py: run as a script, its folder would shadow the standard
# library's ``html`` module for every later import (trafilatura's included).
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]

import argparse  # noqa: E402
import importlib.util  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from typing import Any  # noqa: E402

import trafilatura  # noqa: E402

from newsmodel._reading import read_html  # noqa: E402
from newsmodel.read._html_body import extract_blocks  # noqa: E402
from newsmodel.read.html import decode_page, parse_tree, read_html_document  # noqa: E402
from newsmodel.serialize.jsonld import dumps, to_jsonld  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"
TRAFILATURA_2_0_0_F1 = 0.969


def _body_score() -> Any:
    spec = importlib.util.spec_from_file_location("body_score", SHARED / "eval" / "body_score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _best_time(run: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=SHARED / "corpus" / "pages")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--verbose", action="store_true", help="per-page precision and recall")
    args = parser.parse_args(argv)

    bs = _body_score()
    truth: dict[str, dict[str, str]] = json.loads((args.pages / "ground-truth.json").read_text("utf-8"))
    ids = sorted(truth)
    raw = {i: (args.pages / f"{i}.html.gz").read_bytes() for i in ids}
    urls = {i: truth[i].get("url") for i in ids}
    texts = {i: decode_page(raw[i]) for i in ids}
    total_mb = sum(len(t.encode("utf-8")) for t in texts.values()) / 1e6

    # --- quality: the articleBody of the JSON-LD we emit (mapper failures fall back to the reader's body)
    ours: dict[str, str] = {}
    failures: list[str] = []
    for i in ids:
        try:
            ours[i] = to_jsonld(read_html(raw[i], url=urls[i])).get("articleBody", "")
        except Exception as exc:  # a benchmark reports failures, it does not stop
            failures.append(f"{i[:12]}: {type(exc).__name__}: {exc}")
            ours[i] = read_html_document(raw[i], url=urls[i]).body
    plain = {i: trafilatura.extract(raw[i], url=urls[i]) or "" for i in ids}

    def scored(bodies: dict[str, str]) -> dict[str, float]:
        result: dict[str, float] = bs.metrics([bs.tp_fp_fn(truth[i]["articleBody"], bodies[i]) for i in ids])
        return result

    mine, theirs = scored(ours), scored(plain)
    print(f"pages: {len(ids)} ({total_mb:.1f} MB of HTML)")
    print(f"body F1  newsmodel  {mine['f1']:.4f}  (P {mine['precision']:.4f}  R {mine['recall']:.4f})")
    print(
        f"body F1  trafilatura {trafilatura.__version__} plain  {theirs['f1']:.4f}  "
        f"(P {theirs['precision']:.4f}  R {theirs['recall']:.4f})"
    )
    print(f"body F1  trafilatura 2.0.0 (benchmark's stored output)  {TRAFILATURA_2_0_0_F1:.3f}")
    if args.verbose:
        for i in ids:
            c = bs.tp_fp_fn(truth[i]["articleBody"], ours[i])
            print(f"  {i[:12]}  P {bs.precision(*c):.3f}  R {bs.recall(*c):.3f}")
    if failures:
        print(f"mapper failures ({len(failures)}; body taken from the reader):")
        for line in failures:
            print("  " + " ".join(line.split())[:160])

    # --- speed
    ok = [i for i in ids if not any(f.startswith(i[:12]) for f in failures)]

    def full() -> None:
        for i in ok:
            dumps(read_html(raw[i], url=urls[i]))

    def reader() -> None:
        for i in ids:
            read_html_document(raw[i], url=urls[i])

    def extraction() -> None:
        for i in ids:
            trafilatura.extract(raw[i], url=urls[i])

    trees: dict[str, Any] = {}

    def our_options() -> None:
        for i in ids:
            extract_blocks(trees[i], urls[i])

    def parse_all() -> None:
        for i in ids:
            trees[i] = parse_tree(texts[i])

    t_full = _best_time(full, args.rounds)
    t_reader = _best_time(reader, args.rounds)
    t_traf = _best_time(extraction, args.rounds)
    t_ours_traf = 0.0
    for _ in range(args.rounds):  # trees are consumed: parse fresh ones each round, untimed
        parse_all()
        start = time.perf_counter()
        our_options()
        elapsed = time.perf_counter() - start
        t_ours_traf = elapsed if not t_ours_traf else min(t_ours_traf, elapsed)
    print(f"HTML -> JSON-LD (read_html + dumps)   {len(ok) / t_full:7.1f} pages/s  ({len(ok)} pages)")
    print(f"reader alone (read_html_document)     {len(ids) / t_reader:7.1f} pages/s")
    print(
        f"trafilatura.extract alone (plain)     {len(ids) / t_traf:7.1f} pages/s  "
        f"({t_traf / len(ids) * 1000:.1f} ms/page)"
    )
    print(
        f"trafilatura with our options alone    {len(ids) / t_ours_traf:7.1f} pages/s  "
        "(precision mode, XML with links: the reader's share spent in trafilatura)"
    )
    print(f"median page size {statistics.median(len(t) for t in texts.values()) / 1000:.0f} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
