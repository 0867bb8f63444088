"""Serialization speed on the seed golden article, beside the rdflib path in the same run.

Run: ``python benchmarks/serialize.py [--runs N]``. Prints, per article, the
median time of each path over many runs, the ratios, and PASS/MISS against the
targets of issue 2:

* model → JSON-LD at least 25× faster than rdflib's JSON-LD serializer on the
  same graph;
* model → Turtle at least 20× faster than the rdflib path (build an
  ``rdflib.Graph`` from the model, serialize it as Turtle);
* validated JSON at most 0.2 ms;
* all outputs (JSON, JSON-LD, Turtle, N-Triples, N-Quads, HTML) plus
  validation at most 1 ms.

Figures are printed, never asserted: a loaded machine must not fail CI.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# Python puts this script's directory first on sys.path; a sibling benchmark
# named like a stdlib module (html.py) would shadow it, so drop the directory.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
for path in (ROOT, ROOT / "tests"):
    if str(path) not in sys.path:  # run from a checkout without installing
        sys.path.insert(0, str(path))

from newsmodel.model import NewsArticle  # noqa: E402
from newsmodel.serialize import html, jsonld, rdf  # noqa: E402
from newsmodel.serialize import json as nm_json  # noqa: E402


def median_seconds(func: Callable[[], object], runs: int, budget: float = 0.02) -> float:
    """Median time of one call: ``runs`` samples, each a batch sized to take about ``budget`` s."""
    func()  # warm caches (lazy imports, compiled validators)
    start = time.perf_counter()
    func()
    once = max(time.perf_counter() - start, 1e-7)
    batch = max(1, int(budget / once))
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        for _ in range(batch):
            func()
        samples.append((time.perf_counter() - start) / batch)
    return statistics.median(samples)


def all_outputs(article: NewsArticle) -> None:
    """Every format the CLI writes, the JSON validated."""
    nm_json.dumps(article)
    jsonld.dumps(article)
    rdf.to_turtle(article)
    rdf.to_ntriples(article)
    rdf.to_nquads(article)
    html.to_html_script(article)


def _fmt(seconds: float) -> str:
    return f"{seconds * 1e6:9.1f} µs"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=31, help="samples per measurement (median reported)")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")  # rdflib's JSON-LD plugin warns about its own deprecated classes

    from seed_article import seed_article

    article = seed_article()
    triples = rdf.to_ntriples(article).count("\n")
    graph = rdf.to_rdflib(article)
    runs = args.runs

    ours_jsonld = median_seconds(lambda: jsonld.dumps(article), runs)
    rdflib_jsonld = median_seconds(lambda: graph.serialize(format="json-ld"), runs)
    ours_turtle = median_seconds(lambda: rdf.to_turtle(article), runs)
    rdflib_build = median_seconds(lambda: rdf.to_rdflib(article), runs)
    rdflib_turtle = median_seconds(lambda: graph.serialize(format="turtle"), runs)
    ours_nt = median_seconds(lambda: rdf.to_ntriples(article), runs)
    ours_nq = median_seconds(lambda: rdf.to_nquads(article), runs)
    ours_html = median_seconds(lambda: html.to_html_script(article), runs)
    validated = median_seconds(lambda: nm_json.to_dict(article), runs)
    validated_text = median_seconds(lambda: nm_json.dumps(article), runs)
    everything = median_seconds(lambda: all_outputs(article), runs)

    print(f"seed golden article: {triples} triples, median of {runs} runs, per article")
    print(f"  model -> JSON-LD (newsmodel)        {_fmt(ours_jsonld)}")
    print(f"  rdflib JSON-LD serializer           {_fmt(rdflib_jsonld)}")
    print(f"  model -> Turtle (newsmodel)         {_fmt(ours_turtle)}")
    print(f"  rdflib build Graph + Turtle         {_fmt(rdflib_build + rdflib_turtle)}"
          f"  (build {_fmt(rdflib_build).strip()}, serialize {_fmt(rdflib_turtle).strip()})")
    print(f"  model -> N-Triples                  {_fmt(ours_nt)}")
    print(f"  model -> N-Quads                    {_fmt(ours_nq)}")
    print(f"  model -> HTML script block          {_fmt(ours_html)}")
    print(f"  validated JSON (to_dict)            {_fmt(validated)}")
    print(f"  validated JSON text (dumps)         {_fmt(validated_text)}")
    print(f"  all outputs + validation            {_fmt(everything)}")

    checks = [
        ("JSON-LD >= 25x faster than rdflib", rdflib_jsonld / ours_jsonld, rdflib_jsonld / ours_jsonld >= 25, "x"),
        (
            "Turtle >= 20x faster than rdflib path",
            (rdflib_build + rdflib_turtle) / ours_turtle,
            (rdflib_build + rdflib_turtle) / ours_turtle >= 20,
            "x",
        ),
        ("validated JSON <= 0.2 ms", validated * 1e3, validated <= 0.2e-3, " ms"),
        ("all outputs + validation <= 1 ms", everything * 1e3, everything <= 1e-3, " ms"),
    ]
    print()
    for name, value, ok, unit in checks:
        figure = f"{value:.1f}{unit}" if unit == "x" else f"{value:.3f}{unit}"
        print(f"  {'PASS' if ok else 'MISS'}  {name}: {figure}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
