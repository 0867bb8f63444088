"""Score quotations, speakers, events and agreements on the dev corpus and the seed.

Usage:
    python benchmarks/frames_dev.py [--entities auto|oracle] [--show quotations,events,agreements]

Runs the frame extractors (quotes, events, agreements) over every article of
``../shared/corpus/dev`` and the seed, builds a minimal JSON-LD graph of the
frames and their entities, and scores it with ``../shared/eval/score.py``'s own
functions. ``--entities auto`` (the default when it exists) uses the entity
extractor ``newsmodel.extract.entities.find_entities``; ``--entities oracle``
builds the entity index from the gold entity names, which isolates the frame
extractors' own errors (gold measures here; it never feeds the package).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import importlib.util
import json
import re
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from newsmodel.extract.records import EntityIndex, EntityKind, EntityRecord, Mention
from newsmodel.ids import article_iri as mint_article_iri
from newsmodel.ids import entity_iri
from newsmodel.read.document import Document
from newsmodel.read.text import read_document

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV = SHARED / "corpus" / "dev"
SEEDS = SHARED / "seeds"
EXT = "https://w3id.org/newsmodel#"
KIND_TYPE = {"person": "Person", "organization": "Organization", "place": "Place"}


def _score_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("nm_score", SHARED / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _articles() -> list[tuple[Path, Path]]:
    out = [(p, p.with_name(p.name[: -len(".txt")] + ".gold.json")) for p in sorted(DEV.glob("*.txt"))]
    out += [(p, p.with_name(p.name[: -len(".txt")] + ".gold.json")) for p in sorted(SEEDS.glob("*.txt"))]
    return out


def _read(path: Path) -> Document:
    meta_path = path.with_name(path.name[: -len(".txt")] + ".meta.json")
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else None
    return read_document(path.read_text(encoding="utf-8"), meta)


def _oracle_index(doc: Document, gold: dict[str, Any]) -> EntityIndex:
    """An entity index from the gold names (measurement only)."""
    records: list[EntityRecord] = []
    forms: list[tuple[str, EntityRecord]] = []
    kinds: tuple[tuple[str, EntityKind], ...] = (
        ("people", "person"),
        ("organizations", "organization"),
        ("places", "place"),
    )
    for key, kind in kinds:
        for entry in gold.get(key, []):
            rec = EntityRecord(
                kind=kind,
                name=entry["name"],
                iri=entity_iri(kind, entry["name"]),
                aliases=list(entry.get("aliases", [])),
                subtype=entry.get("kind"),
                also_other=bool(entry.get("alsoOrganization") or entry.get("alsoPlace")),
            )
            records.append(rec)
            for form in {entry["name"], *entry.get("aliases", [])}:
                forms.append((form, rec))
    forms.sort(key=lambda f: -len(f[0]))
    taken = [False] * len(doc.text)
    mentions: list[Mention] = []
    for form, rec in forms:
        for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", doc.text):
            if any(taken[m.start() : m.end()]):
                continue
            for i in range(m.start(), m.end()):
                taken[i] = True
            mentions.append(Mention(m.start(), m.end(), rec))
    return EntityIndex(records=records, mentions=mentions)


def _auto_index(doc: Document) -> EntityIndex:
    entities = importlib.import_module("newsmodel.extract.entities")
    index: EntityIndex = entities.find_entities(doc)
    return index


def _jsonld(doc: Document, index: EntityIndex, frames: dict[str, list[Any]], article: str) -> dict[str, Any]:
    graph: list[dict[str, Any]] = [{"@id": article, "@type": "NewsArticle", "headline": doc.headline}]
    for rec in index.records:
        node: dict[str, Any] = {"@id": rec.iri, "@type": KIND_TYPE[rec.kind], "name": rec.name}
        if rec.aliases:
            node["alternateName"] = rec.aliases
        graph.append(node)
    for q in frames["quotations"]:
        node = {"@id": q.id, "@type": "Quotation", "text": q.text}
        if q.speaker:
            node["spokenByCharacter"] = {"@id": q.speaker}
        graph.append(node)
    for e in frames["events"]:
        node = {"@id": e.id, "@type": "Event", "name": e.name, "description": e.description or ""}
        if e.attendees:
            node["attendee"] = [{"@id": a} for a in e.attendees]
        if e.location:
            node["location"] = {"@id": e.location}
        if e.start_date:
            node["startDate"] = str(e.start_date)
        graph.append(node)
    for a in frames["agreements"]:
        node = {
            "@id": a.id,
            "@type": "CreativeWork",
            "additionalType": {"@id": EXT + "Agreement"},
            "name": a.name,
            "description": a.description or "",
            EXT + "party": [{"@id": p} for p in a.parties],
            "keywords": list(a.topics),
        }
        graph.append(node)
    return {"@context": "https://schema.org", "@graph": graph}


def _frames(
    doc: Document, index: EntityIndex, article: str, published: dt.date | None
) -> dict[str, list[Any]]:
    from newsmodel.extract.attribution import build_attributor
    from newsmodel.extract.quotes import find_quotations

    attr = build_attributor(doc, index)
    out: dict[str, list[Any]] = {"quotations": [], "events": [], "agreements": []}
    out["quotations"] = find_quotations(doc, index, article_iri=article, attributor=attr)
    try:
        from newsmodel.extract.events import find_events
    except ImportError:
        pass
    else:
        out["events"] = find_events(
            doc,
            index,
            article_iri=article,
            published=published,
            attributor=attr,
        )
    try:
        from newsmodel.extract.agreements import find_agreements
    except ImportError:
        pass
    else:
        out["agreements"] = find_agreements(
            doc, index, article_iri=article, published=published, attributor=attr
        )
    return out


def _show(kind: str, gold: dict[str, Any], pred: dict[str, Any], score: ModuleType) -> None:
    """Print the unmatched predictions and gold frames of one category."""
    index = score.name_index(gold)
    if kind == "quotations":
        gq, pq = gold["quotations"], pred["quotations"]
        pairs = score.max_matching(
            len(pq), len(gq), lambda i, j: score.dice(pq[i]["text"], gq[j]["text"]) >= 0.6
        )
        for i, j in pairs.items():
            if gq[j].get("speaker") and not score.same_entity(pq[i]["speaker"], gq[j]["speaker"], index):
                print(f"   SPEAKER {pq[i]['speaker']} != {gq[j]['speaker']}: {gq[j]['text'][:70]!r}")
        for i, p in enumerate(pq):
            if i not in pairs:
                print(f"   FP {p['text'][:90]!r} {p['speaker']}")
        for j, g in enumerate(gq):
            if j not in pairs.values():
                print(f"   FN {g['text'][:90]!r} {g['speaker']}")
        return
    people_key = "participants" if kind == "events" else "parties"
    preds, golds = pred[kind], gold.get(kind, [])

    def ok(i: int, j: int) -> bool:
        pe, ge = preds[i], golds[j]
        same_text = (
            bool(pe["evidence"])
            and max(
                score.containment(pe["evidence"], ge["evidence"]),
                score.containment(ge["evidence"], pe["evidence"]),
            )
            >= 0.6
        )
        overlap = sum(any(score.same_entity(p, g, index) for p in pe[people_key]) for g in ge[people_key])
        when_where = bool(
            (ge.get("date") and any(d.startswith(ge["date"]) for d in pe.get("date", [])))
            or (ge.get("location") and score.same_entity(pe.get("location", []), ge["location"], index))
        )
        return (same_text and (overlap >= 1 or not ge[people_key])) or (overlap >= 2 and when_where)

    pairs = score.max_matching(len(preds), len(golds), ok)
    for i, p in enumerate(preds):
        if i not in pairs:
            names = [n[0] for n in p[people_key] if n]
            print(f"   FP {names} {p.get('date')} {p['evidence'][:110]!r}")
    for j, g in enumerate(golds):
        if j not in pairs.values():
            label, when = g.get("kind", g.get("status")), g.get("date")
            print(f"   FN {label} {g[people_key]} {when} {g['evidence'][:90]!r}")


def _unshadow() -> None:
    """Running this file puts benchmarks/ first on sys.path, where a sibling script may shadow a
    standard module that rdflib imports lazily (``html``): drop that entry before parsing.
    """
    here = Path(__file__).resolve().parent
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != here]
    shadow = sys.modules.get("html")
    if shadow is not None and Path(getattr(shadow, "__file__", "") or "").resolve().parent == here:
        del sys.modules["html"]


def main(argv: list[str] | None = None) -> int:
    _unshadow()
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    has_entities = importlib.util.find_spec("newsmodel.extract.entities") is not None
    ap.add_argument("--entities", choices=["auto", "oracle"], default="auto" if has_entities else "oracle")
    ap.add_argument("--show", default="", help="comma-separated categories whose errors to print")
    ap.add_argument("--seed-only", action="store_true")
    ap.add_argument("--repeat", type=int, default=5, help="timing passes over the corpus (frames only)")
    args = ap.parse_args(argv)
    score = _score_module()
    show = {s for s in args.show.split(",") if s}

    loaded = []
    for txt, gold_path in _articles():
        if args.seed_only and txt.parent != SEEDS:
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = _read(txt)
        index = _oracle_index(doc, gold) if args.entities == "oracle" else _auto_index(doc)
        published = doc.meta.date_published
        if isinstance(published, dt.datetime):
            published = published.date()
        loaded.append((txt, gold, doc, index, published, mint_article_iri(doc.text, doc.meta.url)))

    counted = ("quotations", "events", "agreements")
    totals = {k: {"tp": 0, "fp": 0, "fn": 0} for k in counted}
    speaker = {"right": 0, "total": 0}
    seed_lines: list[str] = []
    for txt, gold, doc, index, published, article in loaded:
        frames = _frames(doc, index, article, published)
        data = score._walk_contexts(_jsonld(doc, index, frames, article))
        graph = score.Graph()
        graph.parse(data=json.dumps(data), format="json-ld")
        pred = score.extract(graph)
        res = score.score_doc(gold, pred)
        if show:
            print(f"== {txt.name[:12]} {doc.headline[:70]!r}")
            for kind in sorted(show):
                _show(kind, gold, pred, score)
        if txt.parent == SEEDS and not args.seed_only:
            seed_lines.append(
                f"seed {txt.name[:12]}: quotations {res['quotations']}, speakers {res['quote_speaker']}, "
                f"events {res['events']}, agreements {res['agreements']}"
            )
            continue  # the table is the dev corpus's; the seed gets its own line
        for k in counted:
            for m in ("tp", "fp", "fn"):
                totals[k][m] += res[k][m]
        for m in ("right", "total"):
            speaker[m] += res["quote_speaker"][m]

    # timing: the frame extractors alone, warm (data files loaded by the pass above)
    words = sum(len(item[2].text.split()) for item in loaded) * args.repeat
    began = time.process_time()
    for _ in range(args.repeat):
        for _txt, _gold, doc, index, published, article in loaded:
            _frames(doc, index, article, published)
    elapsed = time.process_time() - began

    print(f"entities: {args.entities}; table: {'seed' if args.seed_only else 'dev corpus'}")
    print(f"{'category':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'fp':>5}{'fn':>5}")
    for k in counted:
        s = score.prf(totals[k])
        print(
            f"{k:<14}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}{s['tp']:>5}{s['fp']:>5}{s['fn']:>5}"
        )
    acc = speaker["right"] / speaker["total"] if speaker["total"] else 0.0
    print(f"quote speaker accuracy {acc:.3f} ({speaker['right']}/{speaker['total']})")
    for line in seed_lines:
        print(line)
    if elapsed > 0:
        print(f"frames only (quotes + events + agreements, CPU time): {words / elapsed:,.0f} words/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
