"""What ``convert`` and ``load`` share for many articles: ``-j``, the progress bar, summaries.

The mapping itself is :mod:`newsmodel._bulk`; this module turns its
per-article results into what a terminal user sees: one ``error:`` line per
failed article as it happens, a bar while the run goes on, and one summary
line at the end.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from typing import Any, TextIO

from newsmodel._bulk import AUTO_POOL_MIN, Job, Options, Result, default_workers, map_many
from newsmodel.read.warc import WarcCounts

__all__ = ["ProgressBar", "add_jobs_argument", "run_jobs", "workers_of"]


def add_jobs_argument(parser: Any) -> None:
    """Add ``-j/--jobs``."""
    parser.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        default=None,
        metavar="N",
        help=f"map articles in N processes (default: every CPU, here {default_workers()}, "
        f"from {AUTO_POOL_MIN} articles on; 1: no pool)",
    )


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def workers_of(args: argparse.Namespace) -> int | None:
    """The number of worker processes ``-j`` asks for (``None``: every CPU, for runs worth a pool)."""
    jobs: int | None = args.jobs
    return jobs


class ProgressBar:
    r"""A one-line ``\r`` progress bar, drawn only on a terminal, at most ten times a second.

    With no ``total`` (a web archive's page count is known only at its end)
    it shows the count alone.
    """

    def __init__(self, total: int | None, stream: TextIO | None = None, *, force: bool = False) -> None:
        self.total = None if total is None else max(total, 1)
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = force or self.stream.isatty()
        self._last = 0.0
        self._drawn = False

    def __call__(self, done: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if (self.total is None or done < self.total) and now - self._last < 0.1:
            return
        self._last = now
        if self.total is None:
            self.stream.write(f"\r{done} articles")
        else:
            width = 30
            filled = width * min(done, self.total) // self.total
            self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{self.total} articles")
        self.stream.flush()
        self._drawn = True

    def clear(self) -> None:
        """Erase the bar so the summary line starts clean."""
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._drawn = False


class Tally:
    """Counts of a run, for its summary line."""

    def __init__(self) -> None:
        self.done = 0
        self.failed = 0
        self.archives = WarcCounts()
        self.archive_files = 0


def run_jobs(
    jobs: Iterator[Job],
    options: Options,
    args: argparse.Namespace,
    *,
    total: int | None,
    tally: Tally,
    report: bool = True,
) -> Iterator[Result]:
    """Map ``jobs`` with ``-j`` workers, drawing the bar; print each failure (when ``report``)."""
    bar = ProgressBar(total)
    bar.enabled = bar.enabled and not getattr(args, "quiet", False)
    try:
        for result in map_many(jobs, options, workers=workers_of(args), fail_fast=args.fail_fast):
            tally.done += 1
            if not result.ok:
                tally.failed += 1
                if report:
                    bar.clear()
                    print(f"error: {result.error}", file=sys.stderr)
            bar(tally.done)
            yield result
    finally:
        bar.clear()


def summary(tally: Tally, *, fail_fast: bool) -> None:
    """Print what archives held and how many articles failed (nothing when all went well from files)."""
    if tally.archive_files:
        s = "" if tally.archive_files == 1 else "s"
        print(f"read {tally.archive_files} web archive{s}: {tally.archives.describe()}", file=sys.stderr)
    if tally.failed:
        stopped = " (stopped at the first, --fail-fast)" if fail_fast else ""
        print(f"error: {tally.failed} of {tally.done} articles failed{stopped}", file=sys.stderr)
