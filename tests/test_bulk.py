"""Many articles on every core: same bytes whatever -j, failures reported, dead workers survived."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from newsmodel._bulk import JSONL, Job, Options, default_workers, map_many, map_record
from newsmodel.cli import main
from newsmodel.cli._bulk_options import ProgressBar
from tests._shared import MISSING, SHARED

DEV = SHARED / "corpus" / "dev"
PAGES = SHARED / "corpus" / "pages"
pytestmark = pytest.mark.skipif(not DEV.is_dir(), reason=MISSING)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six dev texts with their sidecars, two without, and four pages: a mixed directory."""
    root = tmp_path_factory.mktemp("corpus")
    texts = sorted(DEV.glob("*.txt"))
    for n, text in enumerate(texts[:8]):
        shutil.copy(text, root / f"t{n}.txt")
        if n < 6:
            shutil.copy(text.with_name(text.name.replace(".txt", ".meta.json")), root / f"t{n}.meta.json")
    for n, page in enumerate(sorted(PAGES.glob("*.html.gz"))[:4]):
        shutil.copy(page, root / f"p{n}.html.gz")
    return root


def run_cli(*args: str, stdin: int | None = None) -> subprocess.CompletedProcess[str]:
    """Run the command the way a user does."""
    return subprocess.run(
        [sys.executable, "-m", "newsmodel", *args], capture_output=True, text=True, timeout=600, stdin=stdin
    )


def test_output_is_the_same_bytes_whatever_the_workers(corpus: Path) -> None:
    """N-Quads and JSON Lines of a mixed directory: -j 1 and -j 2 write the same bytes, in input order."""
    one = run_cli("convert", str(corpus), "--to", "nquads", "-j", "1")
    two = run_cli("convert", str(corpus), "--to", "nquads", "-j", "2")
    assert one.returncode == two.returncode == 0, two.stderr
    assert one.stdout == two.stdout and one.stdout.count("\n") > 500
    lines_one = run_cli("convert", str(corpus), "--to", "jsonl", "-j", "1").stdout
    lines_two = run_cli("convert", str(corpus), "--to", "jsonl", "-j", "2").stdout
    assert lines_one == lines_two
    urls = [json.loads(line).get("url") for line in lines_two.splitlines()]
    assert len(urls) == 12 and urls[4] == json.loads((corpus / "t0.meta.json").read_text())["url"]  # p0-3, t0


def test_nquads_stream_loads_into_oxigraph(corpus: Path, tmp_path: Path) -> None:
    """``--to nquads -o all.nq`` for many inputs is one file `oxigraph load` takes: a graph per article."""
    out = tmp_path / "all.nq"
    assert main(["convert", str(corpus), "--to", "nquads", "-o", str(out), "-j", "2"]) == 0
    store = ox.Store()
    store.bulk_load(path=str(out), format=ox.RdfFormat.N_QUADS)
    assert len(list(store.named_graphs())) == 12
    oxigraph = shutil.which("oxigraph")
    if oxigraph is not None:  # the server's own bulk loader, as a user runs it
        db = tmp_path / "db"
        proc = subprocess.run(
            [oxigraph, "load", "--location", str(db), "--file", str(out)], capture_output=True, timeout=300
        )
        assert proc.returncode == 0, proc.stderr


def test_jsonl_of_model_json(corpus: Path, tmp_path: Path) -> None:
    """``--to jsonl --lines-of json`` writes newsmodel's own JSON, one validated document a line."""
    out = tmp_path / "all.jsonl"
    assert main(["convert", str(corpus / "t0.txt"), str(corpus / "p0.html.gz"), "--to", JSONL,
                 "--lines-of", "json", "-o", str(out)]) == 0  # fmt: skip
    docs = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(docs) == 2 and all("@context" not in d and d["id"].startswith("http") for d in docs)


def test_failing_article_is_reported_and_the_rest_written(corpus: Path, tmp_path: Path) -> None:
    """An empty article among good ones: its error line, every other article's lines, exit 1, a count."""
    src = tmp_path / "in"
    shutil.copytree(corpus, src)
    (src / "t3.txt").write_bytes(b"")
    proc = run_cli("convert", str(src), "--to", "jsonl", "-j", "2")
    assert proc.returncode == 1
    assert f"error: {src / 't3.txt'}: empty" in proc.stderr.replace("article is empty", "empty")
    assert "error: 1 of 12 articles failed" in proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 11 and all(json.loads(line)["@type"] == "NewsArticle" for line in lines)
    out = tmp_path / "out"
    assert main(["convert", str(src), "--to", "turtle", "-o", str(out), "-j", "2"]) == 1
    assert len(list(out.iterdir())) == 11 and not (out / "t3.ttl").exists()


def test_fail_fast_stops_at_the_first_failure(corpus: Path, tmp_path: Path) -> None:
    """With --fail-fast the articles after the first failure are not written."""
    src = tmp_path / "in"
    shutil.copytree(corpus, src)
    (src / "p1.html.gz").write_bytes(b"")
    proc = run_cli("convert", str(src), "--to", "jsonl", "-j", "2", "--fail-fast")
    assert proc.returncode == 1 and "stopped at the first" in proc.stderr
    assert len(proc.stdout.splitlines()) == 1  # p0 only: p1 comes second in sorted order


def test_map_record_is_pure_and_picklable(corpus: Path) -> None:
    """The per-record function and its arguments pickle, and the same job maps to the same texts."""
    job = Job.from_path(corpus / "t1.txt")
    options = Options(formats=("nquads", JSONL))
    again = pickle.loads(pickle.dumps((map_record, job, options)))
    first, second = map_record(job, options), again[0](again[1], again[2])
    assert first.ok and first.texts == second.texts and first.iri is not None
    assert first.texts[JSONL].count("\n") == 1 and first.texts["nquads"].endswith(" .\n")


def test_map_record_reports_a_bad_page_without_raising() -> None:
    """A page with no article is an error result naming its label, not an exception."""
    result = map_record(Job.from_html("https://example.org/x", b"<html><body></body></html>"), Options())
    assert not result.ok and result.error is not None and result.error.startswith("https://example.org/x: ")


def test_workers_load_knowledge_once() -> None:
    """warm_up fills every cached knowledge table of a fresh process; mapping afterwards loads none again."""
    code = (
        "from newsmodel._bulk import warm_up, map_record, Job, Options\n"
        "from newsmodel.extract import gazetteer, attribution, events, agreements, names\n"
        "tables = [gazetteer.lexicon, attribution.speech_verbs, events.trigger_table, agreements._cues,"
        " names.abbreviations]\n"
        "assert all(t.cache_info().currsize == 0 for t in tables)\n"
        "warm_up()\n"
        "misses = [t.cache_info().misses for t in tables]\n"
        "assert all(m == 1 for m in misses), misses\n"
        "for n in range(3):\n"
        "    map_record(Job.from_html(None, '<html><body><h1>Mayor opens a bridge</h1><p>The mayor of"
        " Northfield opened the bridge on Monday, officials said.</p></body></html>'), Options())\n"
        "assert [t.cache_info().misses for t in tables] == misses\n"
        "print('ok')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.stdout.strip() == "ok", proc.stderr


def test_progress_bar_without_a_total() -> None:
    """A run over archives has no known total: the bar shows the count, and clears."""
    import io

    stream = io.StringIO()
    bar = ProgressBar(None, stream, force=True)
    bar(7)
    assert stream.getvalue() == "\r7 articles"
    bar.clear()
    assert stream.getvalue().endswith("\r\x1b[K")


def _kill_readers_of(fifo: Path, times: int, stop: threading.Event, killed: list[int]) -> None:
    """SIGKILL each process stuck reading ``fifo``, ``times`` times.

    The FIFO is held open for writing (and never written), so a reader's
    open returns and it waits in read, its descriptor visible in /proc.
    """
    writer = os.open(fifo, os.O_RDWR)  # O_RDWR: opening never blocks, and a writer stays
    try:
        while len(killed) < times and not stop.is_set():
            for proc in Path("/proc").iterdir():
                if not proc.name.isdigit() or int(proc.name) in (os.getpid(), *killed):
                    continue
                try:
                    if any(os.readlink(fd) == str(fifo) for fd in (proc / "fd").iterdir()):
                        os.kill(int(proc.name), signal.SIGKILL)
                        killed.append(int(proc.name))
                except OSError:
                    continue
            time.sleep(0.05)
    finally:
        os.close(writer)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs Linux /proc")
def test_worker_killed_midway(corpus: Path, tmp_path: Path) -> None:
    """A worker SIGKILLed while mapping: that article fails with a clear error, every other one is intact."""
    src = tmp_path / "in"
    shutil.copytree(corpus, src)
    fifo = src / "t4.txt"
    (src / "t4.meta.json").unlink(missing_ok=True)
    fifo.unlink()
    os.mkfifo(fifo)  # a worker that opens it blocks until it is killed
    stop, killed = threading.Event(), []
    killer = threading.Thread(target=_kill_readers_of, args=(fifo.resolve(), 2, stop, killed))
    killer.start()
    try:
        inputs = [p for p in sorted(src.iterdir()) if p.name.endswith((".txt", ".gz"))]
        results = list(map_many((Job.from_path(p) for p in inputs), Options(formats=(JSONL,)), workers=2))
    finally:
        stop.set()
        killer.join()
    assert len(killed) == 2  # once in the pool, once when re-run alone
    failed = [r for r in results if not r.ok]
    assert [r.label for r in failed] == [str(fifo)]
    assert "worker process mapping it died" in (failed[0].error or "")
    ok = [r for r in results if r.ok]
    assert len(ok) == 11 and all(r.texts[JSONL].count("\n") == 1 for r in ok)
    expected = {
        r.label: r.texts for r in map_many((Job.from_path(src / "t0.txt"),), Options(formats=(JSONL,)))
    }
    assert next(r for r in ok if r.label == str(src / "t0.txt")).texts == expected[str(src / "t0.txt")]


def test_verbose_notes_come_from_workers_too(tmp_path: Path) -> None:
    """``-v`` prints the readers' notes with a pool as with one process."""
    body = "<p>The council of Westmere voted on Tuesday to close the old harbour bridge for repairs.</p>"
    for n in range(9):
        (tmp_path / f"p{n}.html").write_text(f"<html><body>{body * (n + 2)}</body></html>")
    notes = {}
    for jobs in ("1", "2"):
        proc = run_cli("-v", "convert", str(tmp_path), "--to", "jsonl", "-j", jobs)
        assert proc.returncode == 0, proc.stderr
        notes[jobs] = sorted(line for line in proc.stderr.splitlines() if line.startswith("note: "))
    assert len(notes["1"]) >= 3 and notes["1"] == notes["2"]


def test_small_runs_stay_in_process_by_default(corpus: Path) -> None:
    """Without -j, fewer than AUTO_POOL_MIN articles start no worker; as many or more do."""
    import multiprocessing

    from newsmodel._bulk import AUTO_POOL_MIN

    texts = sorted(corpus.glob("t*.txt"))
    children = []
    for count in (AUTO_POOL_MIN - 1, AUTO_POOL_MIN):
        for _ in map_many((Job.from_path(texts[n % len(texts)]) for n in range(count)), Options()):
            children.append(len(multiprocessing.active_children()))
            break  # the first result is enough to see whether workers run
    assert children[0] == 0
    assert children[1] >= 1 or default_workers() == 1  # one CPU: no pool is worth it
