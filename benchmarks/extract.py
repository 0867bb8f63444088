"""Speed and memory of the mapper: words per second, startup, memory over many articles.

Usage::

    python benchmarks/extract.py [--corpus DIR] [--seconds S] [--articles N] [--tracemalloc]

Measures, in one run, single process:

- words/s end to end (read + extract + model: ``newsmodel.read_text``) over
  the dev corpus, repeated for at least ``--seconds``; the same for reading
  alone; and spaCy's blank English tokenizer (``spacy.blank("en")``) over the
  same texts as the floor (what merely tokenizing costs);
- startup: ``python -c "import newsmodel"`` and the first ``read_text`` in a
  fresh interpreter (median CPU seconds of several runs, wall clock beside);
- memory over ``--articles`` articles (default 10,000; each text made unique):
  RSS (and, with ``--tracemalloc``, traced Python memory) every 1,000 articles;
- scaling with many people who share a surname (``--surnames``, default 16,000):
  one generated text of N distinct first names before one surname, mapped at
  N/4 and N; linear time gives a ratio near 4, quadratic near 16.

Words are whitespace-separated tokens of the input. Rates are per CPU second
of this process (with wall-clock rates beside them, which a busy machine
lowers). Figures are printed with
their ratios to the targets (>= 90,000 words/s, startup < 1 s); nothing is asserted.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from newsmodel._reading import read_text  # noqa: E402
from newsmodel.read.document import Metadata  # noqa: E402
from newsmodel.read.text import read_document, read_sidecar, sidecar_path  # noqa: E402

WORDS_TARGET = 90_000
STARTUP_TARGET = 1.0


def load_corpus(directory: Path) -> list[tuple[str, Metadata | None]]:
    """Every ``*.txt`` of the directory with its sidecar metadata."""
    out: list[tuple[str, Metadata | None]] = []
    for path in sorted(directory.glob("*.txt")):
        sidecar = sidecar_path(path)
        out.append((path.read_text(encoding="utf-8"), read_sidecar(sidecar) if sidecar.exists() else None))
    if not out:
        raise SystemExit(f"no .txt articles in {directory}")
    return out


def words_per_second(
    label: str,
    corpus: list[tuple[str, Metadata | None]],
    run: Callable[[str, Metadata | None], object],
    seconds: float,
) -> float:
    """Run ``run(text, meta)`` over the corpus for ``seconds``; print wall and CPU rates; return CPU words/s.

    The CPU rate (``time.process_time``) is the per-core figure: it does not
    count time the process spent waiting for a core on a busy machine.
    """
    words_each = sum(len(text.split()) for text, _ in corpus)
    for text, meta in corpus:  # warm caches and lazy data once
        run(text, meta)
    rounds = 0
    elapsed = cpu = 0.0
    best = float("inf")
    while elapsed < seconds or rounds < 3:
        began, began_cpu = time.perf_counter(), time.process_time()
        for text, meta in corpus:
            run(text, meta)
        took = time.perf_counter() - began
        cpu += time.process_time() - began_cpu
        best = min(best, took)
        elapsed += took
        rounds += 1
    rate = words_each * rounds / cpu
    print(
        f"  {label:<38}{rate:>12,.0f} words/s CPU  (wall {words_each * rounds / elapsed:,.0f}, best round "
        f"{words_each / best:,.0f}; {rounds} rounds x {words_each} words, "
        f"{1000 * cpu / rounds / len(corpus):.2f} ms CPU/article)"
    )
    return rate


def startup(corpus_dir: Path, runs: int) -> tuple[float, float, float]:
    """Median CPU seconds: ``python -c 'import newsmodel'``, the import alone, the first ``read_text``.

    CPU time (the child's own, from ``resource``) rather than wall time, so a
    busy machine does not inflate the figure; the wall times are printed too.
    """
    seed = next(iter(sorted(corpus_dir.glob("*.txt"))))
    code = (
        "import time, sys; c0 = time.process_time(); import newsmodel; c1 = time.process_time(); "
        "from newsmodel import read_text; from newsmodel.read.text import read_sidecar, sidecar_path; "
        "from pathlib import Path; p = Path(sys.argv[1]); s = sidecar_path(p); "
        "m = read_sidecar(s) if s.exists() else None; c2 = time.process_time(); w2 = time.perf_counter(); "
        "read_text(p.read_bytes(), m); print(c1 - c0, time.process_time() - c2, time.perf_counter() - w2)"
    )
    imports, firsts, first_walls = [], [], []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code, str(seed)], capture_output=True, text=True, check=True, cwd=ROOT
        )
        imp, first, first_wall = map(float, out.stdout.split())
        imports.append(imp)
        firsts.append(first)
        first_walls.append(first_wall)
    bare, bare_walls = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        began = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import newsmodel"], check=True, cwd=ROOT)
        bare_walls.append(time.perf_counter() - began)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        bare.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    print(
        f"  (wall clock: python -c 'import newsmodel' {statistics.median(bare_walls):.3f} s, "
        f"first read_text {statistics.median(first_walls):.3f} s)"
    )
    return statistics.median(bare), statistics.median(imports), statistics.median(firsts)


def _rss_mb() -> float:
    """Resident set size of this process in MB (Linux ``/proc``; 0 elsewhere)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            pages = int(handle.read().split()[1])
    except OSError:
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def memory(corpus: list[tuple[str, Metadata | None]], articles: int, traced: bool) -> None:
    """Map ``articles`` unique articles, printing memory every 1,000."""
    if traced:
        tracemalloc.start()
    samples: list[tuple[int, float, float]] = []
    began = time.perf_counter()
    for i in range(articles):
        text, meta = corpus[i % len(corpus)]
        # a unique sentence per article, so no cache keyed on the text can hide growth
        read_text(f"{text}\n\nUpdate {i}: the report was filed on Tuesday by Reporter{i}.", meta)
        if (i + 1) % 1000 == 0:
            gc.collect()
            traced_mb = tracemalloc.get_traced_memory()[0] / 1e6 if traced else 0.0
            samples.append((i + 1, _rss_mb(), traced_mb))
            extra = f", traced {traced_mb:8.2f} MB" if traced else ""
            print(f"  after {i + 1:>6} articles: RSS {samples[-1][1]:8.1f} MB{extra}", flush=True)
    if traced:
        tracemalloc.stop()
    took = time.perf_counter() - began
    if len(samples) >= 2:
        first, last = samples[0], samples[-1]
        growth = last[1] - first[1]
        per_k = growth / ((last[0] - first[0]) / 1000)
        verdict = "flat" if abs(per_k) < 1.0 else "GROWING"
        print(
            f"  RSS from {first[0]} to {last[0]} articles: {growth:+.1f} MB "
            f"({per_k:+.2f} MB per 1,000) -> {verdict}"
        )
        if traced:
            print(f"  traced Python memory: {first[2]:.2f} MB -> {last[2]:.2f} MB")
    print(f"  {articles} articles in {took:.1f} s ({articles / took:,.0f} articles/s)")


def surname_text(count: int) -> str:
    """An article naming ``count`` people who share one surname.

    First names are invented, four two-letter syllables each: all of one
    length, so none is a short form of another and no two people merge.
    """
    import random

    syllables = ("ka", "ro", "mi", "le", "do", "va", "ti", "be", "qu", "ra", "se", "ma", "th", "fi", "ga")
    pick = random.Random(count)
    firsts: set[str] = set()
    while len(firsts) < count:
        firsts.add("".join(pick.choice(syllables) for _ in range(4)).capitalize())
    body = " ".join(f"Dr. {first} Quorrington was there." for first in sorted(firsts))
    return f"A family gathers\n\n{body}"


def surname_scaling(count: int) -> tuple[float, float]:
    """CPU seconds to map ``count // 4`` and ``count`` people of one surname; printed with the ratio."""
    meta = Metadata()
    read_text(surname_text(10), meta)  # load the shipped data before timing
    times = []
    for n in (count // 4, count):
        text = surname_text(n)
        began = time.process_time()
        article = read_text(text, meta)
        took = time.process_time() - began
        times.append(took)
        print(
            f"  {n:>6} people, {len(text.encode()) / 1e6:.2f} MB: {took:7.2f} s CPU "
            f"({len(article.people):,} people found)"
        )
    ratio = times[1] / times[0] if times[0] else 0.0
    print(f"  4x the people -> {ratio:.1f}x the time (linear: ~4, quadratic: ~16)")
    return times[0], times[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "dev", help="articles to time")
    parser.add_argument("--seconds", type=float, default=5.0, help="minimum timed seconds per measure")
    parser.add_argument("--articles", type=int, default=10_000, help="articles for the memory run (0: skip)")
    parser.add_argument("--startup-runs", type=int, default=5, help="fresh interpreters for startup")
    parser.add_argument(
        "--surnames", type=int, default=16_000, help="people sharing a surname for the scaling run (0: skip)"
    )
    parser.add_argument("--tracemalloc", action="store_true", help="also trace Python allocations (slower)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object at the end")
    args = parser.parse_args(argv)

    corpus = load_corpus(args.corpus)
    words = sum(len(text.split()) for text, _ in corpus)
    print(f"corpus: {args.corpus} ({len(corpus)} articles, {words} words); python {sys.version.split()[0]}")

    print("\nthroughput (single process)")
    end_to_end = words_per_second("read + extract + model (read_text)", corpus, read_text, args.seconds)
    reading = words_per_second("read only (read_document)", corpus, read_document, args.seconds)
    floor = 0.0
    try:
        import spacy
    except ImportError:
        print("  spaCy not installed: no tokenizer floor")
    else:
        nlp = spacy.blank("en")
        floor = words_per_second(
            "spaCy blank('en') tokenizer alone", corpus, lambda t, _m: nlp(t), args.seconds
        )

    print("\nstartup (fresh interpreter, median CPU seconds)")
    bare, imported, first = startup(args.corpus, args.startup_runs)
    print(f"  python -c 'import newsmodel' (incl. interpreter)      {bare:.3f} s")
    print(f"  import newsmodel (in process)                         {imported:.3f} s")
    print(f"  first read_text (lazy data, one article)              {first:.3f} s")

    if args.articles:
        print(f"\nmemory over {args.articles:,} articles")
        memory(corpus, args.articles, args.tracemalloc)

    surname_times = (0.0, 0.0)
    if args.surnames:
        print("\nmany people sharing a surname (grouping must stay linear)")
        surname_times = surname_scaling(args.surnames)

    print("\nagainst targets")
    print(
        f"  end to end {end_to_end:,.0f} words/s per CPU second = {end_to_end / WORDS_TARGET:.2f}x the "
        f"{WORDS_TARGET:,} target -> {'PASS' if end_to_end >= WORDS_TARGET else 'MISS'}"
    )
    if floor:
        print(f"  end to end / spaCy blank tokenizer = {end_to_end / floor:.2f}x")
    startup_total = bare + first
    print(
        f"  startup: import {bare:.3f} s + first article {first:.3f} s = {startup_total:.3f} s "
        f"({startup_total / STARTUP_TARGET:.2f}x the 1 s budget) "
        f"-> {'PASS' if startup_total < STARTUP_TARGET else 'MISS'}"
    )
    if args.json:
        print(
            json.dumps(
                {
                    "words_per_second": round(end_to_end),
                    "read_only_words_per_second": round(reading),
                    "spacy_blank_words_per_second": round(floor),
                    "startup_import_s": round(bare, 3),
                    "first_read_text_s": round(first, 3),
                    "surname_scaling_s": [round(t, 3) for t in surname_times],
                }
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
