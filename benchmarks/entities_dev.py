"""Score find_entities on the dev corpus (and the seed) with ../shared/eval/score.py's matching.

Usage: python benchmarks/entities_dev.py [--corpus DIR] [--verbose] [--no-orgs-list]

Prints people/organizations/places P/R/F1, person title and country accuracy, and words/s
of find_entities alone (CPU time; documents built with Document.build: headline = first line).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path
from typing import Any

from newsmodel.extract.entities import find_entities
from newsmodel.extract.records import EntityIndex
from newsmodel.read.document import Document

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _score_module() -> Any:
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def read_doc(path: Path) -> Document:
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    # skip page chrome lines before the headline ("Skip to main content")
    while len(lines) > 2 and lines[0].strip().lower().startswith("skip to"):
        lines = lines[1:]
    while lines and not lines[0].strip():
        lines = lines[1:]
    headline = lines[0].strip()
    body = "\n".join(lines[1:]).strip("\n")
    return Document.build(headline=headline, body=body)


def prediction(index: EntityIndex) -> dict[str, Any]:
    mentioned = {id(m.entity) for m in index.mentions}
    pred: dict[str, Any] = {
        k: []
        for k in ("people", "organizations", "places", "person_attrs", "quotations", "events", "agreements")
    }
    for r in index.records:
        if id(r) not in mentioned:
            continue
        names = [r.name, *r.aliases]
        pred[{"person": "people", "organization": "organizations", "place": "places"}[r.kind]].append(names)
        if r.kind == "person":
            country = []
            for other in (r.nationality, r.affiliation):
                if other is not None:
                    country += [other.name, *other.aliases]
            pred["person_attrs"].append(
                {"names": names, "jobTitle": [r.job_title] if r.job_title else [], "country": country}
            )
    return pred


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "dev")
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    score = _score_module()
    totals = {k: {"tp": 0, "fp": 0, "fn": 0} for k in ("people", "organizations", "places")}
    rates = {k: {"right": 0, "total": 0} for k in ("person_title", "person_country")}
    docs = []
    for gold_path in sorted(args.corpus.glob("*.gold.json")):
        stem = gold_path.name[: -len(".gold.json")]
        docs.append((read_doc(gold_path.with_name(stem + ".txt")), json.loads(gold_path.read_text("utf-8"))))
    find_entities(docs[0][0])  # load the lexicon outside the timing
    words = sum(len(d.text.split()) for d, _ in docs)
    t0 = time.process_time()
    rounds = 5
    for _ in range(rounds):
        results = [find_entities(d) for d, _ in docs]
    elapsed = (time.process_time() - t0) / rounds
    for (doc, gold), index in zip(docs, results, strict=True):
        pred = prediction(index)
        res = score.score_doc(gold, pred)
        for k in totals:
            for m in ("tp", "fp", "fn"):
                totals[k][m] += res[k][m]
        for k in rates:
            for m in ("right", "total"):
                rates[k][m] += res[k][m]
        if args.verbose:
            _explain(score, doc, gold, pred)
    print(f"{'category':<16}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}")
    for k, v in totals.items():
        s = score.prf(v)
        print(
            f"{k:<16}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}{s['tp']:>6}{s['fp']:>6}{s['fn']:>6}"
        )
    for k, v in rates.items():
        acc = v["right"] / v["total"] if v["total"] else 0.0
        print(f"{k:<16} accuracy {acc:.3f} ({v['right']}/{v['total']})")
    print(f"find_entities: {words} words in {elapsed * 1000:.1f} ms = {words / elapsed:,.0f} words/s")
    return 0


def _explain(score: Any, doc: Document, gold: dict[str, Any], pred: dict[str, Any]) -> None:
    print(f"== {doc.headline[:80]}")
    for kind in ("people", "organizations", "places"):
        gold_sets = [score.gold_names(g) for g in gold.get(kind, [])]
        pred_sets = [{score.norm(n) for n in p} for p in pred[kind]]
        for names, ps in zip(pred[kind], pred_sets, strict=True):
            if not any(ps & gs for gs in gold_sets):
                print(f"   FP {kind[:6]}: {names}")
        for g, gs in zip(gold.get(kind, []), gold_sets, strict=True):
            if not any(ps & gs for ps in pred_sets):
                print(f"   FN {kind[:6]}: {g['name']} {g.get('aliases', [])}")
    for g in gold.get("people", []):
        gs = score.gold_names(g)
        found = next((p for p in pred["person_attrs"] if {score.norm(n) for n in p["names"]} & gs), None)
        if found is not None:
            print(
                f"   attr {g['name']}: title {found['jobTitle']} (gold {g.get('jobTitle')}),"
                f" country {found['country']} (gold {g.get('country')})"
            )


if __name__ == "__main__":
    sys.exit(main())
