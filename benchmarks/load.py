"""Loading speed: generated articles into the embedded store vs `oxigraph load`, and into a server.

Printed, not asserted. Run: ``python benchmarks/load.py [--triples N] [--remote-articles N]``.

1. Generate articles (synthetic names, every kind of item, evidence spans,
   images) until they hold ``--triples`` triples (default 1,000,000).
2. Write their N-Quads to one file and time ``oxigraph load --location DIR
   --file data.nq`` on it: Oxigraph's own bulk loader, the reference.
3. Time ``OxigraphStore(DIR).load_many(articles)`` end to end (serializing
   every article included) on disk, and the same into the in-memory store;
   print each against the reference (target: <= 1.5x).
4. Start ``oxigraph serve`` and time ``SparqlStore.load_many`` (PUT per
   article): articles per second.
5. Time each sample query (median of 5) on the loaded store.
6. Re-loading (``--reload-articles``, default 3,200; ``--reload-only`` runs
   just this): into one disk store, load the articles, then load them again
   three ways: unchanged, corrected (every headline edited), and different
   (other articles under the same IRIs, so every graph is rewritten). Each
   step runs in a forked child, which reports its time and its peak memory
   above what it started with; each re-load is printed against the first.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import functools
import multiprocessing
import multiprocessing.connection
import random
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

# This folder holds html.py, which would shadow the standard library's html module.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import attrs  # noqa: E402

from newsmodel.ids import entity_iri, item_iri  # noqa: E402
from newsmodel.model import (  # noqa: E402
    Agreement,
    AgreementStatus,
    Event,
    EventKind,
    Image,
    NewsArticle,
    Organization,
    PartialDate,
    Person,
    Place,
    PlaceKind,
    Quotation,
    Span,
)
from newsmodel.serialize.rdf import to_nquads  # noqa: E402
from newsmodel.store import OxigraphStore, SparqlStore  # noqa: E402
from newsmodel.store.queries import SAMPLES  # noqa: E402

SYLLABLES = ["ka", "lo", "mi", "ra", "ten", "su", "vor", "an", "el", "dri", "po", "zan", "ith", "gu", "bel"]


def _name(rng: random.Random, parts: int) -> str:
    return " ".join(
        "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize() for _ in range(parts)
    )


class Generator:
    """Synthetic articles over a shared pool of people, places and organizations (so graphs join)."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        rng = self.rng
        self.countries = [
            Place(id=entity_iri("place", n), name=n, kind=PlaceKind.COUNTRY)
            for n in {_name(rng, 1) for _ in range(150)}
        ]
        self.people_names = sorted({_name(rng, 2) for _ in range(3000)})
        self.org_names = sorted({_name(rng, 2) + " Group" for _ in range(400)})

    def article(self, n: int) -> NewsArticle:
        rng = self.rng
        iri = f"https://news.example/{n}"
        countries = rng.sample(self.countries, 3)
        names = rng.sample(self.people_names, 6)
        sentences = [f"{name} of {rng.choice(countries).name} said the talks went on." for name in names]
        sentences += [" ".join(rng.choice(SYLLABLES) for _ in range(12)) + "." for _ in range(20)]
        body = " ".join(sentences)

        def span(text: str) -> tuple[Span, ...]:
            at = body.find(text)
            return (Span(start=at, end=at + len(text)),) if at >= 0 else ()

        people = tuple(
            Person(
                id=entity_iri("person", name),
                name=name,
                alternate_names=(name.split()[-1],),
                job_title=rng.choice(["President", "Minister", "Envoy", "Spokesperson"]),
                nationality=rng.choice(countries).id,
                spans=span(name),
                confidence=0.9,
            )
            for name in names
        )
        orgs = tuple(
            Organization(id=entity_iri("organization", o), name=o) for o in rng.sample(self.org_names, 2)
        )
        day = dt.date(2020, 1, 1) + dt.timedelta(days=n % 1500)
        events = tuple(
            Event(
                id=item_iri(iri, "event", k),
                name=f"talks {k}",
                kind=rng.choice([EventKind.MEETING, EventKind.TALKS]),
                description=sentences[k],
                start_date=PartialDate.from_date(day),
                location=countries[k].id,
                attendees=(people[k].id, people[k + 1].id),
                spans=span(sentences[k]),
                confidence=0.7,
            )
            for k in range(2)
        )
        agreement = Agreement(
            id=item_iri(iri, "agreement", 0),
            name="accord",
            parties=(countries[0].id, countries[1].id),
            status=AgreementStatus.SIGNED,
            topics=("trade", "energy"),
            date_created=PartialDate.from_date(day),
        )
        quotes = tuple(
            Quotation(
                id=item_iri(iri, "quote", k),
                text="the talks went on",
                speaker=people[k].id,
                spans=span(sentences[k]),
                confidence=0.8,
            )
            for k in range(4)
        )
        return NewsArticle(
            id=iri,
            headline=f"Headline {n}: " + sentences[0],
            article_body=body,
            date_published=dt.datetime.combine(day, dt.time(9, 30), tzinfo=dt.UTC),
            in_language="en",
            images=(Image(url=f"https://news.example/img/{n}.jpg", width=1200, height=800),),
            about=(people[0].id,),
            people=people,
            organizations=orgs,
            places=tuple(countries),
            events=events,
            agreements=(agreement,),
            quotations=quotes,
        )


@contextlib.contextmanager
def serve(location: Path) -> Iterator[str]:
    """Run ``oxigraph serve`` on a free loopback port; yield its URL; stop it after."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        ["oxigraph", "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _rss_bytes() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def _child(action: Callable[[], object], conn: multiprocessing.connection.Connection) -> None:
    start = _rss_bytes()
    elapsed = timed(action)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    conn.send((elapsed, max(0, peak - start)))
    conn.close()


def in_child(action: Callable[[], object]) -> tuple[float, int]:
    """Run ``action`` in a forked child: its seconds and its peak memory above its start, in bytes."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(action, send))
    process.start()
    send.close()
    try:
        elapsed, memory = receive.recv()
    except EOFError:
        process.join()
        raise SystemExit(f"the benchmark child died (exit code {process.exitcode})") from None
    process.join()
    return elapsed, memory


def reload_figures(work: Path, count: int) -> None:
    """Load ``count`` articles into a disk store, then re-load them unchanged, corrected, different."""
    generator = Generator()
    articles = [generator.article(n) for n in range(count)]
    corrected = [attrs.evolve(a, headline=a.headline + " (corrected)") for a in articles]
    other = Generator(seed=8)
    different = [other.article(n) for n in range(count)]
    triples = sum(to_nquads(a).count("\n") for a in articles)
    location = work / "reload"

    def load(batch: list[NewsArticle]) -> Callable[[], object]:
        def run() -> None:
            with OxigraphStore(location) as store:
                store.load_many(batch)

        return run

    print(f"re-loading {count} articles ({triples} triples) into one disk store, each step in a child:")
    first, first_memory = in_child(load(articles))
    print(f"  first load                 {first:7.2f} s  peak +{first_memory / 1e6:6.0f} MB")
    steps = (("unchanged", articles), ("corrected headlines", corrected), ("different", different))
    for name, batch in steps:
        elapsed, memory = in_child(load(batch))
        print(
            f"  re-load, {name:18s}{elapsed:7.2f} s  peak +{memory / 1e6:6.0f} MB  = {elapsed / first:.2f}x "
            f"the first load's time, {memory / max(first_memory, 1):.2f}x its memory"
        )
    shutil.rmtree(location, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--remote-articles", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3, help="alternating runs of the reference and ours")
    parser.add_argument("--reload-articles", type=int, default=3200, help="0 skips the re-load figures")
    parser.add_argument("--reload-only", action="store_true", help="print only the re-load figures")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="newsmodel-bench-"))
    try:
        if args.reload_articles:
            reload_figures(work, args.reload_articles)
        if args.reload_only:
            return
        generator = Generator()
        articles: list[NewsArticle] = []
        triples = 0
        started = time.perf_counter()
        chunks: list[str] = []
        while triples < args.triples:
            item = generator.article(len(articles))
            text = to_nquads(item)
            chunks.append(text)
            triples += text.count("\n")
            articles.append(item)
        gen_time = time.perf_counter() - started
        data = work / "data.nq"
        data.write_text("".join(chunks), encoding="utf-8")
        per_article = triples / len(articles)
        print(
            f"generated {len(articles)} articles, {triples} triples ({per_article:.0f} per article), "
            f"{data.stat().st_size / 1e6:.0f} MB of N-Quads in {gen_time:.1f} s"
        )
        serialize = timed(lambda: [to_nquads(a) for a in articles])
        print(
            f"serializing them to N-Quads alone: {serialize:.2f} s "
            f"({triples / serialize / 1e6:.2f} M triples/s)"
        )

        oxigraph = shutil.which("oxigraph")
        if oxigraph is None:
            raise SystemExit("the `oxigraph` command is missing: pip install oxigraph")

        # Alternate the reference and our disk load, so load from other processes hits both alike.
        def reference_load(target: Path) -> None:
            subprocess.run(
                [oxigraph, "load", "--location", str(target), "--file", str(data)],
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )

        def our_load(target: Path) -> None:
            with OxigraphStore(target) as store:
                store.load_many(articles)

        references: list[float] = []
        disks: list[float] = []
        for round_ in range(args.rounds):
            references.append(timed(functools.partial(reference_load, work / f"cli{round_}")))
            disks.append(timed(functools.partial(our_load, work / f"embedded{round_}")))
            shutil.rmtree(work / f"cli{round_}")
            shutil.rmtree(work / f"embedded{round_}")
        reference = statistics.median(references)
        disk = statistics.median(disks)
        print(
            f"oxigraph load --location DIR --file data.nq: {reference:.2f} s "
            f"(reference; median of {args.rounds}: {', '.join(f'{t:.1f}' for t in references)})"
        )
        print(
            f"OxigraphStore(DIR).load_many(articles), on disk, serializing included: {disk:.2f} s "
            f"(median of {args.rounds}: {', '.join(f'{t:.1f}' for t in disks)}) "
            f"= {disk / reference:.2f}x the reference (target <= 1.5x); "
            f"per round: {', '.join(f'{d / r:.2f}x' for d, r in zip(disks, references, strict=True))}"
        )
        memory_store = OxigraphStore()
        memory = timed(lambda: memory_store.load_many(articles))
        print(
            f"OxigraphStore().load_many(articles), in memory (the default), serializing included: "
            f"{memory:.2f} s = {memory / reference:.2f}x the reference"
        )

        print("sample query latency on the loaded memory store (median of 5):")
        for name, sparql in SAMPLES.items():
            runs = []
            rows = 0
            for _ in range(5):
                started = time.perf_counter()
                rows = len(memory_store.query(sparql))
                runs.append(time.perf_counter() - started)
            print(f"  {name:28s} {statistics.median(runs) * 1000:9.1f} ms  ({rows} rows)")
        memory_store.close()

        sample = articles[: args.remote_articles]
        with serve(work / "server") as url, SparqlStore(url) as remote:
            elapsed = timed(lambda: remote.load_many(sample))
            print(
                f"SparqlStore(oxigraph serve).load_many: {len(sample)} articles in {elapsed:.2f} s "
                f"= {len(sample) / elapsed:.0f} articles/s "
                f"({len(sample) * per_article / elapsed:.0f} triples/s)"
            )
            for name in ("who_met_whom", "people"):
                runs = []
                for _ in range(5):
                    started = time.perf_counter()
                    remote.query(SAMPLES[name])
                    runs.append(time.perf_counter() - started)
                print(
                    f"  remote {name:21s} {statistics.median(runs) * 1000:9.1f} ms on {len(sample)} articles"
                )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
