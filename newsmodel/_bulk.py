"""Map many articles on every core: a process pool that keeps input order.

``convert`` and ``load`` hand their inputs here as :class:`Job` values (a
file path, or an archived page's bytes with its URL) and get back one
:class:`Result` per job, in input order, whatever the number of workers: the
output of a run is the same bytes with ``-j 1`` and ``-j 8``.

Design, for whoever builds on it (a Spark job maps the same records):

- :func:`map_record` maps one job. It is a pure top-level function of
  picklable values (a ``Job`` and an ``Options``) and never raises for a bad
  article: the failure is the ``Result``'s ``error``. Anything that runs
  Python on a cluster can call it per record.
- :func:`map_many` runs it over an iterable in a pool of worker processes
  (``spawn``ed: no state inherited from the caller, the same on every OS).
  Each worker loads the shipped knowledge once, in its initializer, not per
  article. At most a few jobs per worker are in flight, so memory stays flat
  over a run of any length and the inputs are read lazily.
- A worker that dies (killed, out of memory, a crash in a C parser) breaks
  the pool. Of the jobs that were in flight, those whose results had come
  back are kept and the others are run again one at a time in a fresh
  worker: the one that kills its worker again is reported as failed, the
  others map as usual, and the run goes on in a new pool.
"""

from __future__ import annotations

import collections
import itertools
import logging
import multiprocessing
import os
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from newsmodel.errors import NewsmodelError
from newsmodel.ids import DEFAULT_BASE

if TYPE_CHECKING:
    from newsmodel.model import NewsArticle
    from newsmodel.read.warc import WarcCounts, WarcPage

__all__ = [
    "AUTO_POOL_MIN",
    "JSONL",
    "Job",
    "Options",
    "Result",
    "default_workers",
    "jobs_from_inputs",
    "map_many",
    "map_record",
    "warm_up",
]

#: Output name for one JSON-LD document a line (JSON Lines); the other names are ``Format`` names.
JSONL = "jsonl"

#: With ``workers=None``, runs of fewer jobs than this map in the caller's process.
AUTO_POOL_MIN = 8

#: Jobs in flight per worker: enough to keep every worker busy, few enough for flat memory.
_PER_WORKER = 4

#: After this many jobs in a row kill a lone worker, the workers are what is broken: stop.
_MAX_LOST = 3


@attrs.frozen(kw_only=True)
class Job:
    """One article to map: a file, an archived page, or an input that failed before mapping."""

    #: How error lines name this article (a path, or ``archive@offset (url)``).
    label: str
    #: The stem of its output file name: the input's stem, or ``<archive stem>-<offset>``.
    name: str = ""
    #: A file to read (``.txt`` with its sidecar, ``.html``, ``.html.gz``, ``.json``).
    path: str | None = None
    #: A page's bytes (from a WARC record), with its address and crawl date.
    html: bytes | None = attrs.field(default=None, repr=False)
    url: str | None = None
    date: str | None = None
    #: An article already read (standard input): only written out.
    article: NewsArticle | None = attrs.field(default=None, repr=False)
    #: Set when reading the input already failed (a corrupt archive): reported, not mapped.
    error: str | None = None

    @classmethod
    def from_path(cls, path: Path | str) -> Job:
        """A job for one input file."""
        from newsmodel.inputs import stem_of

        return cls(label=str(path), name=stem_of(Path(path)), path=str(path))

    @classmethod
    def from_page(cls, page: WarcPage) -> Job:
        """A job for one archived page."""
        from newsmodel.inputs import stem_of

        return cls(
            label=page.label,
            name=f"{stem_of(Path(page.archive))}-{page.offset}",
            html=page.html,
            url=page.url or None,
            date=page.date or None,
        )

    @classmethod
    def from_article(cls, article: NewsArticle, *, label: str) -> Job:
        """A job for an article read already (its texts are still written by a worker)."""
        return cls(label=label, name=label, article=article)

    @classmethod
    def from_html(cls, url: str | None, html: bytes | str, *, label: str | None = None) -> Job:
        """A job for a page's HTML (a ``(url, html)`` row of some other source)."""
        data = html.encode("utf-8") if isinstance(html, str) else html
        return cls(label=label or url or "<html>", name=label or "", html=data, url=url)


@attrs.frozen(kw_only=True)
class Options:
    """What every job of a run is mapped with (picklable, sent to each worker once per job)."""

    base: str = DEFAULT_BASE
    #: Texts wanted per article: ``Format`` names (``"nquads"``, ``"jsonld"`` …) or ``JSONL``.
    formats: tuple[str, ...] = ()
    #: Whether the result carries the ``NewsArticle`` itself (the loader wants it).
    keep_article: bool = False
    #: The JSON Lines document kind: ``"jsonld"`` (schema.org JSON-LD) or ``"json"`` (the model).
    lines_of: str = "jsonld"


@attrs.frozen(kw_only=True)
class Result:
    """What became of one job: its texts (or article), or why it failed."""

    label: str
    name: str = ""
    url: str | None = None
    date: str | None = None
    #: The article IRI (named graph), when the article mapped.
    iri: str | None = None
    #: One text per requested format name, each ending in a newline (JSON Lines: exactly one line).
    texts: dict[str, str] = attrs.field(factory=dict)
    article: NewsArticle | None = None
    #: One line saying what went wrong and where; ``None`` when the article mapped.
    error: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the article mapped."""
        return self.error is None


def map_record(job: Job, options: Options) -> Result:
    """Map one job to its result; a bad article becomes the result's ``error``, never an exception.

    Pure and picklable: the same job and options give the same result in any
    process. Only newsmodel's own errors are caught; a programming bug still
    raises, so it is not mistaken for a bad article.

    >>> result = map_record(Job(label="x", error="x: corrupt archive"), Options())
    >>> result.ok, result.error
    (False, 'x: corrupt archive')
    """
    if job.error is not None:
        return Result(label=job.label, name=job.name, url=job.url, date=job.date, error=job.error)
    try:
        article = _read(job, options.base)
        texts = _texts(article, options)
    except NewsmodelError as exc:
        message = " ".join(str(exc).split())
        if job.path is None and not message.startswith(job.label):
            message = f"{job.label}: {message}"
        return Result(label=job.label, name=job.name, url=job.url, date=job.date, error=message)
    return Result(
        label=job.label,
        name=job.name,
        url=job.url,
        date=job.date,
        iri=article.id,
        texts=texts,
        article=article if options.keep_article else None,
    )


def _read(job: Job, base: str) -> NewsArticle:
    if job.article is not None:
        return job.article
    if job.path is not None:
        from newsmodel._reading import read_path

        return read_path(job.path, base=base)
    from newsmodel._reading import read_html

    return read_html(job.html or b"", url=job.url, base=base)


def _texts(article: NewsArticle, options: Options) -> dict[str, str]:
    from newsmodel.serialize import dumps
    from newsmodel.serialize.formats import Format

    texts: dict[str, str] = {}
    for name in options.formats:
        if name == JSONL:
            text = dumps(article, Format.from_name(options.lines_of))
            if "\n" in text:  # compact writers never break lines; a line must stay one line
                text = " ".join(text.splitlines())
        else:
            text = dumps(article, Format.from_name(name))
        texts[name] = text if text.endswith("\n") else text + "\n"
    return texts


def warm_up() -> None:
    """Load the shipped knowledge (gazetteers, word lists, patterns) by mapping one invented article.

    Every table is cached per process on first use; a worker calls this once
    at start so no article pays for it, and none loads it twice.
    """
    from newsmodel._reading import read_text

    read_text(
        "Council opens new library\n\n"
        'Mara Quell, the mayor of Eastfield, said on Monday: "The library opens in May." '
        "She met officials of the Eastfield Trust in London to sign an agreement.",
        {"datePublished": "2020-01-06"},
    )


def _start_worker(notes: bool) -> None:
    """A worker's first act: print reading notes as the caller would (``-v``), then load the knowledge."""
    if notes:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("note: %(message)s"))
        logger = logging.getLogger("newsmodel")
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    warm_up()


def default_workers() -> int:
    """The CPUs this process may run on (its affinity), at least one."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def map_many(
    jobs: Iterable[Job],
    options: Options,
    *,
    workers: int | None = None,
    fail_fast: bool = False,
) -> Iterator[Result]:
    """Map every job, yielding one result per job in input order.

    ``workers`` processes share the work; ``1`` maps in this process. The
    default is every CPU when there are at least ``AUTO_POOL_MIN`` jobs (a
    worker takes about a second to start and load the knowledge, some tens of
    articles' worth), else this process. With ``fail_fast`` the run stops after the first failed
    article (its result is yielded last); otherwise failures are results like
    any other and the run goes on. ``jobs`` is read lazily, a few per worker
    ahead.
    """
    if workers is not None and workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    source = iter(jobs)
    if workers is None:  # every CPU, once there are articles enough to pay for starting workers
        first = list(itertools.islice(source, AUTO_POOL_MIN))
        count = default_workers() if len(first) >= AUTO_POOL_MIN else 1
    else:
        first = list(itertools.islice(source, 2))
        count = workers
    if count == 1 or len(first) < 2:  # one article is not worth starting processes for
        for job in itertools.chain(first, source):
            result = map_record(job, options)
            yield result
            if fail_fast and not result.ok:
                return
        return
    yield from _Pool(count, options).run(itertools.chain(first, source), fail_fast=fail_fast)


class _Pool:
    """A process pool that yields in input order and survives a worker's death."""

    def __init__(self, workers: int, options: Options) -> None:
        self.workers = workers
        self.options = options
        #: How many times a worker died during the run.
        self.deaths = 0
        #: Jobs run alone after a death, and how many of them killed their worker too.
        self.tried = 0
        self.lost = 0
        self._stopped = False

    def _start(self, workers: int) -> ProcessPoolExecutor:
        notes = logging.getLogger("newsmodel").getEffectiveLevel() <= logging.INFO
        return ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(notes,),
        )

    def run(self, jobs: Iterable[Job], *, fail_fast: bool) -> Iterator[Result]:
        window: collections.deque[tuple[Job, Future[Result]]] = collections.deque()
        source = iter(jobs)
        executor = self._start(self.workers)
        try:
            exhausted = False
            while True:
                while not exhausted and len(window) < self.workers * _PER_WORKER:
                    job = next(source, None)
                    if job is None:
                        exhausted = True
                        break
                    window.append((job, executor.submit(map_record, job, self.options)))
                if not window:
                    return
                job, future = window[0]
                try:
                    result = future.result()
                except BrokenProcessPool:
                    executor.shutdown(wait=True, cancel_futures=True)
                    in_flight = list(window)
                    window.clear()
                    yield from self._isolate(in_flight, fail_fast=fail_fast)
                    if fail_fast and self._stopped:
                        return
                    executor = self._start(self.workers)
                    continue
                window.popleft()
                yield result
                if fail_fast and not result.ok:
                    return
        finally:
            for _, future in window:
                future.cancel()
            executor.shutdown(wait=True, cancel_futures=True)

    def _isolate(self, in_flight: list[tuple[Job, Future[Result]]], *, fail_fast: bool) -> Iterator[Result]:
        """After a worker died: keep the results that came back, map the others alone, in order."""
        self.deaths += 1
        executor: ProcessPoolExecutor | None = None
        try:
            for job, future in in_flight:
                if future.done() and not future.cancelled() and future.exception() is None:
                    result = future.result()
                else:
                    executor = executor or self._start(1)
                    self.tried += 1
                    try:
                        result = executor.submit(map_record, job, self.options).result()
                    except BrokenProcessPool:
                        executor.shutdown(wait=True, cancel_futures=True)
                        executor = None
                        self.lost += 1
                        if self.lost >= _MAX_LOST and self.lost == self.tried:
                            raise NewsmodelError(
                                f"worker processes die whatever they map ({self.lost} articles in a row, "
                                f"the last {job.label}): they cannot start, or the machine is out of memory"
                            ) from None
                        result = Result(
                            label=job.label,
                            name=job.name,
                            url=job.url,
                            date=job.date,
                            error=f"{job.label}: the worker process mapping it died (killed, out of memory "
                            "or a crash), also when it was mapped alone; article skipped",
                        )
                yield result
                if fail_fast and not result.ok:
                    self._stopped = True
                    return
        finally:
            if executor is not None:
                executor.shutdown(wait=True, cancel_futures=True)


def jobs_from_inputs(paths: Iterable[Path], *, counts: WarcCounts | None = None) -> Iterator[Job]:
    """The jobs of the CLI's inputs: one per article file, one per HTML page of each WARC.

    Files come from :func:`~newsmodel.inputs.iter_inputs` (directories
    expanded, sorted). A WARC file that turns out corrupt or truncated yields
    a failed job naming it, after the jobs of the pages read before the
    damage; ``counts`` (a ``WarcCounts``) adds up what the archives held.
    """
    from newsmodel.read.warc import WarcCounts, is_warc, iter_warc

    tally = counts if counts is not None else WarcCounts()
    for path in paths:
        if is_warc(path):
            try:
                for page in iter_warc(path, tally):
                    yield Job.from_page(page)
            except NewsmodelError as exc:
                yield Job(label=str(path), error=" ".join(str(exc).split()))
        else:
            yield Job.from_path(path)
