"""Many articles: the process pool against one process, worker memory, and the two WARC readers.

Printed, not asserted. Run: ``python benchmarks/bulk.py [--articles N] [--workers N] [--repeat N]``.

1. Build ``--articles`` inputs (default 2,000) in a temporary directory from
   the shared corpus: the dev and open texts and the HTML pages, cycled, each
   copy a distinct article (its sidecar's URL differs), with varied sidecars:
   a full one, only a date, only a URL, or none; pages with a URL sidecar or
   none.
2. Map them all to N-Quads with ``map_many(workers=1)`` (in this process) and
   with ``map_many(workers=N)`` (default: every CPU), same job list, same
   options; print both rates and the ratio (target >= 1.7x on 2 cores). The
   pool's time includes starting its workers (spawn + loading knowledge),
   which is also printed on its own. The outputs of the two runs are compared
   byte for byte.
3. While the pool runs, sample each worker's resident memory (``/proc``)
   and print, per worker, its peak in each quarter of the run: flat means
   no growth with the number of articles.
4. Build a WARC of the pages (repeated to ``--warc-records``) and time
   reading every response payload with FastWARC (what newsmodel uses) and
   with warcio, gzipped and plain.
5. Spark (when pyspark and Java are installed; ``--skip-spark`` to leave it
   out): map one WARC of ``--spark-pages`` pages with the process pool
   (``--workers``) and with ``newsmodel.spark.map_warc_paths`` on
   ``local[N]``; print both times and their ratio (target: Spark within 1.5x
   of the pool). Spark's startup (the session, the JVM, and a first job that
   loads the knowledge in each Python worker) is timed and printed apart;
   the pool's time includes its own spawn. The two runs' quads are compared.

Timing runs on a shared machine: the CPU seconds of this process and the
load average are printed beside the wall-clock figures.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import resource
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

# This folder holds html.py, which would shadow the standard library's html module.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsmodel._bulk import Job, Options, default_workers, map_many  # noqa: E402

SHARED = Path(os.environ.get("NEWSMODEL_SHARED") or _HERE.parents[1] / "shared")
CORPUS = SHARED / "corpus"


def build_inputs(root: Path, count: int) -> list[Path]:
    """``count`` article files: texts with varied sidecars and pages, in a fixed order."""
    texts = sorted((CORPUS / "dev").glob("*.txt")) + sorted((CORPUS / "open").glob("*.txt"))
    pages = sorted((CORPUS / "pages").glob("*.html.gz"))
    if not texts or not pages:
        raise SystemExit(f"the shared corpus is missing under {CORPUS}")
    paths: list[Path] = []
    for n in range(count):
        if n % 4 == 3:  # a quarter pages, three quarters texts (what a news archive mixes)
            source = pages[(n // 4) % len(pages)]
            path = root / f"{n:05d}.html.gz"
            shutil.copy(source, path)
            if n % 8 == 3:
                _sidecar(path, {"url": f"https://news.example.org/page/{n}"})
        else:
            source = texts[n % len(texts)]
            path = root / f"{n:05d}.txt"
            shutil.copy(source, path)
            meta_path = source.with_name(source.name[: -len(".txt")] + ".meta.json")
            meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
            kind = n % 3
            if kind == 0:  # the full sidecar, its URL made unique
                meta["url"] = f"https://news.example.org/text/{n}"
                _sidecar(path, meta)
            elif kind == 1 and meta.get("datePublished"):  # only a date: IRI minted from the body
                _sidecar(path, {"datePublished": meta["datePublished"], "url": f"https://x.example/{n}"})
            # kind 2: no sidecar at all
        paths.append(path)
    return paths


def _sidecar(path: Path, meta: dict[str, object]) -> None:
    stem = path.name.split(".", 1)[0]
    path.with_name(f"{stem}.meta.json").write_text(json.dumps(meta))


class MemorySampler:
    """Samples the resident memory of this process's children (the pool's workers) every 0.2 s."""

    def __init__(self) -> None:
        self.samples: dict[int, list[tuple[float, int]]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> MemorySampler:
        self.started = time.monotonic()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.ended = time.monotonic()

    def _run(self) -> None:
        me = os.getpid()
        while not self._stop.is_set():
            for pid in _children(me):
                rss = _rss_kib(pid)
                if rss:
                    self.samples.setdefault(pid, []).append((time.monotonic(), rss))
            time.sleep(0.2)

    def quarters(self) -> dict[int, list[int]]:
        """Per worker, its peak RSS (MiB) in each quarter of the run."""
        span = max(self.ended - self.started, 1e-9)
        out: dict[int, list[int]] = {}
        for pid, samples in self.samples.items():
            peaks = [0, 0, 0, 0]
            for at, rss in samples:
                q = min(3, int(4 * (at - self.started) / span))
                peaks[q] = max(peaks[q], rss // 1024)
            out[pid] = peaks
        return out


def _children(parent: int) -> Iterator[int]:
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == parent and b"spawn_main" in _cmdline(proc):
                yield int(proc.name)  # a pool worker (not the resource tracker)


def _cmdline(proc: Path) -> bytes:
    try:
        return (proc / "cmdline").read_bytes()
    except OSError:
        return b""


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def time_map(paths: list[Path], workers: int) -> tuple[float, float, list[str], MemorySampler | None]:
    """Seconds for the whole run, seconds to the first result, the N-Quads texts, the memory samples."""
    options = Options(formats=("nquads",))
    jobs = (Job.from_path(p) for p in paths)
    texts: list[str] = []
    failed = 0
    sampler = MemorySampler() if workers > 1 else None
    started = time.perf_counter()
    first = 0.0
    if sampler is not None:
        sampler.__enter__()
    try:
        for result in map_many(jobs, options, workers=workers):
            if not first:
                first = time.perf_counter() - started
            if result.ok:
                texts.append(result.texts["nquads"])
            else:
                failed += 1
    finally:
        if sampler is not None:
            sampler.__exit__()
    elapsed = time.perf_counter() - started
    if failed:
        print(f"  ({failed} articles failed to map)")
    return elapsed, first, texts, sampler


def bench_pool(count: int, workers: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        paths = build_inputs(Path(tmp), count)
        pages = sum(1 for p in paths if p.name.endswith(".html.gz"))
        sidecars = len(list(Path(tmp).glob("*.meta.json")))
        print(f"{count} articles: {count - pages} texts, {pages} pages, {sidecars} sidecars")
        from newsmodel._bulk import warm_up

        warm_up()  # the single process gets its knowledge loaded too, outside the clock
        cpu0 = time.process_time()
        one, _, one_texts, _ = time_map(paths, 1)
        cpu_one = time.process_time() - cpu0
        print(f"  1 process:   {one:7.1f} s  {count / one:6.1f} articles/s  (CPU {cpu_one:.1f} s)")
        load = os.getloadavg()[0]
        children0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        pool, first, pool_texts, sampler = time_map(paths, workers)
        children1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu_pool = (children1.ru_utime + children1.ru_stime) - (children0.ru_utime + children0.ru_stime)
        print(
            f"  {workers} workers:   {pool:7.1f} s  {count / pool:6.1f} articles/s  "
            f"(workers' CPU {cpu_pool:.1f} s; first result after {first:.1f} s: spawn + knowledge)"
        )
        print(f"  pool without its startup: {count / max(pool - first, 1e-9):6.1f} articles/s")
        print(f"  pool / single-process rate: {one / pool:.2f}x  (target >= 1.7x on 2 cores)")
        print(
            f"  CPU the runs got: one process {cpu_one / one:.0%} of a CPU, the pool {cpu_pool / pool:.0%} "
            f"of a CPU over {workers} workers (on an idle machine: ~100% and ~{workers * 100}%)"
        )
        print(f"  load average before the pool run: {load:.2f} on {os.cpu_count()} CPUs")
        same = one_texts == pool_texts
        print(f"  outputs identical: {same} ({sum(len(t) for t in pool_texts):,} bytes of N-Quads)")
        if sampler is not None:
            print("  peak RSS per worker in each quarter of the run (MiB):")
            for pid, peaks in sorted(sampler.quarters().items()):
                print(f"    worker {pid}: {peaks}")


def bench_warc(records: int) -> None:
    from fastwarc.warc import ArchiveIterator as FastIterator
    from fastwarc.warc import WarcRecordType
    from warcio.archiveiterator import ArchiveIterator as WarcioIterator

    distinct = len(list((CORPUS / "pages").glob("*.html.gz")))
    with tempfile.TemporaryDirectory() as tmp:
        print(f"WARC of {records} HTML responses ({distinct} distinct pages), payload read in full:")
        for gz in (True, False):
            path = Path(tmp) / f"a.warc{'.gz' if gz else ''}"
            _write_warc(path, records, gzip_records=gz)
            size = path.stat().st_size / 1e6

            def fast(path: Path = path) -> int:
                total = 0
                with path.open("rb") as stream:
                    for record in FastIterator(stream, record_types=WarcRecordType.response):
                        total += len(record.reader.read())
                return total

            def warcio(path: Path = path) -> int:
                total = 0
                with path.open("rb") as stream:
                    for record in WarcioIterator(stream):
                        if record.rec_type == "response":
                            total += len(record.content_stream().read())
                return total

            times = {}
            for name, read in (("fastwarc", fast), ("warcio", warcio)):
                best = min(_timed(read) for _ in range(3))
                times[name] = best
            ratio = times["warcio"] / times["fastwarc"]
            print(
                f"  {path.name:9} {size:6.1f} MB: fastwarc {times['fastwarc']:.2f} s, "
                f"warcio {times['warcio']:.2f} s  (fastwarc {ratio:.2f}x faster)"
            )


def _write_warc(path: Path, count: int, *, gzip_records: bool = True) -> None:
    """A WARC of ``count`` HTML responses, the shared pages cycled, each at its own URL."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = [gzip.decompress(p.read_bytes()) for p in sorted((CORPUS / "pages").glob("*.html.gz"))]
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip_records)
        for n in range(count):
            body = pages[n % len(pages)]
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"https://news.example.org/{n}",
                "response",
                payload=io.BytesIO(body),
                length=len(body),
                http_headers=headers,
            )
            writer.write_record(record)


def bench_spark(pages: int, workers: int) -> None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        print("Spark: pyspark is not installed (pip install 'newsmodel[spark]'); skipped")
        return
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        print("Spark: no Java runtime found; skipped")
        return
    from pyspark.sql import SparkSession

    from newsmodel._bulk import jobs_from_inputs
    from newsmodel.spark import map_warc_paths

    with tempfile.TemporaryDirectory() as tmp:
        warc = Path(tmp) / "pages.warc.gz"
        _write_warc(warc, pages)
        print(f"Spark local[{workers}] against the pool of {workers} workers, one WARC of {pages} pages:")
        options = Options(formats=("nquads",))
        started = time.perf_counter()
        pool_quads = sorted(
            r.texts["nquads"] for r in map_many(jobs_from_inputs([warc]), options, workers=workers) if r.ok
        )
        pool = time.perf_counter() - started
        print(f"  pool:  {pool:7.1f} s  {pages / pool:6.1f} pages/s  (its spawn and knowledge loading in)")

        started = time.perf_counter()
        session = (
            SparkSession.builder.master(f"local[{workers}]")
            .appName("newsmodel bulk benchmark")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.python.worker.reuse", "true")
            .getOrCreate()
        )
        session.sparkContext.setLogLevel("ERROR")
        context = session.sparkContext
        # A first job on a tiny archive starts the Python workers and loads their knowledge.
        tiny = Path(tmp) / "tiny.warc.gz"
        _write_warc(tiny, workers * 2)
        map_warc_paths(context.parallelize([str(tiny)], 1), partitions=workers).count()
        startup = time.perf_counter() - started
        try:
            started = time.perf_counter()
            rows = map_warc_paths(context.parallelize([str(warc)], 1), partitions=workers)
            spark_quads = sorted(row.nquads for row in rows.collect() if row.error is None)
            job = time.perf_counter() - started
        finally:
            session.stop()
        print(f"  Spark: {job:7.1f} s  {pages / job:6.1f} pages/s  (startup apart: {startup:.1f} s)")
        print(f"  Spark / pool time: {job / pool:.2f}x  (target <= 1.5x)")
        print(f"  same quads: {spark_quads == pool_quads} ({len(spark_quads)} pages mapped by each)")
        print(f"  load average: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")


def _timed(read: object) -> float:
    assert callable(read)
    started = time.perf_counter()
    read()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=default_workers())
    parser.add_argument("--warc-records", type=int, default=1000)
    parser.add_argument("--spark-pages", type=int, default=1000)
    parser.add_argument("--skip-pool", action="store_true", help="leave out the pool against one process")
    parser.add_argument("--skip-warc", action="store_true", help="leave out the WARC readers")
    parser.add_argument("--skip-spark", action="store_true", help="leave out Spark against the pool")
    args = parser.parse_args()
    if not args.skip_pool:
        bench_pool(args.articles, args.workers)
    if not args.skip_warc:
        bench_warc(args.warc_records)
    if not args.skip_spark:
        bench_spark(args.spark_pages, args.workers)


if __name__ == "__main__":
    main()
