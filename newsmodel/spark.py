"""Map web archives and pages on Apache Spark: one mapper per executor process, rows of N-Quads and JSON-LD.

A process pool (``newsmodel convert -j``) fills one machine; archives of
millions of pages want a cluster. This module runs the same per-record
function as the pool (:func:`newsmodel._bulk.map_record`) inside Spark tasks,
so a page maps to the same quads on a laptop and on YARN, Kubernetes, EMR or
Dataproc. It needs the optional extra: ``pip install newsmodel[spark]``.

- :func:`map_warc_paths` takes WARC paths (an RDD of strings, or a DataFrame
  whose first column holds them) that every executor can open (a shared or
  mounted file system), reads each archive's HTML responses and maps them;
- :func:`map_pages` takes ``(url, html)`` rows (a DataFrame with ``url`` and
  ``html`` columns, or an RDD of pairs) from any other source;
- both give rows of :data:`FIELDS`: ``label`` (where the page came from),
  ``url``, ``iri`` (the article IRI, also its named graph), ``nquads``,
  ``jsonld`` and ``error`` (one line, or null when the page mapped). A bad
  page is a row with an error, never a failed task.

Each partition is mapped by one Python worker, which loads the shipped
knowledge once (Spark reuses its Python workers across tasks, so a worker
pays for it once per executor process, not per partition or page).

``python -m newsmodel.spark`` (or ``newsmodel spark``, or the file of this
module given to ``spark-submit``) runs the WARC → N-Quads job; see
``docs/spark.md``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from newsmodel._bulk import Job, Options, map_record, warm_up
from newsmodel.errors import NewsmodelError
from newsmodel.ids import DEFAULT_BASE

__all__ = ["FIELDS", "main", "map_pages", "map_warc_paths", "run_job"]

#: The columns of every result row, in order.
FIELDS: tuple[str, ...] = ("label", "url", "iri", "nquads", "jsonld", "error")

_FORMATS = ("nquads", "jsonld")
_warm = False


def _spark() -> Any:
    """The ``pyspark`` module, or a clear error naming the extra that brings it."""
    try:
        import pyspark
    except ImportError as exc:  # pragma: no cover - the extra is installed wherever the tests run
        raise NewsmodelError("the Spark job needs pyspark: pip install 'newsmodel[spark]'") from exc
    return pyspark


def _row(result: Any) -> tuple[str | None, ...]:
    """One result as a row of :data:`FIELDS` (texts without their final newline)."""
    texts = result.texts
    return (
        result.label,
        result.url,
        result.iri,
        texts.get("nquads"),
        texts["jsonld"].rstrip("\n") if "jsonld" in texts else None,
        result.error,
    )


def _map_jobs(jobs: Iterable[Job], base: str) -> Iterator[tuple[str | None, ...]]:
    """Map one partition's jobs in this worker process, loading the knowledge on its first partition."""
    global _warm
    if not _warm:
        warm_up()
        _warm = True
    options = Options(base=base, formats=_FORMATS)
    for job in jobs:
        yield _row(map_record(job, options))


def _warc_jobs(path: str) -> Iterator[Job]:
    """The jobs of one archive: a job per page, then a failed job if the archive is damaged."""
    from newsmodel._bulk import jobs_from_inputs

    yield from jobs_from_inputs([Path(path)])


def _page_job(row: Any) -> Job:
    """A job for one ``(url, html)`` row (a Row or a pair)."""
    url, html = (row["url"], row["html"]) if hasattr(row, "asDict") else row
    return Job.from_html(url, html if html is not None else b"", label=url)


def _as_rdd(data: Any) -> tuple[Any, bool]:
    """An RDD of the rows of ``data``, and whether ``data`` was a DataFrame."""
    sql = _spark().sql
    if isinstance(data, sql.DataFrame):
        return data.rdd, True
    return data, False


def _result(rows: Any, as_frame: bool) -> Any:
    """The result rows as a DataFrame (for DataFrame input) or an RDD of ``Row`` (for RDD input)."""
    sql = _spark().sql
    if as_frame:
        schema = sql.types.StructType(
            [sql.types.StructField(name, sql.types.StringType()) for name in FIELDS]
        )
        return sql.SparkSession.builder.getOrCreate().createDataFrame(rows, schema)
    Row = sql.Row
    return rows.map(lambda values: Row(**dict(zip(FIELDS, values, strict=True))))


def map_warc_paths(paths: Any, *, base: str = DEFAULT_BASE, partitions: int | None = None) -> Any:
    """Map every HTML page of the archives at ``paths`` (an RDD of strings or a DataFrame of them).

    An archive is read whole by one task; its pages are then spread over
    ``partitions`` (default: the context's parallelism) so that a few large
    archives still keep every core busy. A damaged archive gives the rows of
    the pages before the damage and one error row naming the file and offset.
    """
    rdd, as_frame = _as_rdd(paths)
    if as_frame:
        rdd = rdd.map(lambda row: row[0])
    jobs = rdd.flatMap(_warc_jobs)
    jobs = jobs.repartition(partitions or rdd.context.defaultParallelism)
    rows = jobs.mapPartitions(lambda part: _map_jobs(part, base))
    return _result(rows, as_frame)


def map_pages(pages: Any, *, base: str = DEFAULT_BASE) -> Any:
    """Map ``(url, html)`` rows (a DataFrame with ``url`` and ``html`` columns, or an RDD of pairs)."""
    rdd, as_frame = _as_rdd(pages)
    if as_frame:
        rdd = pages.select("url", "html").rdd
    rows = rdd.map(_page_job).mapPartitions(lambda part: _map_jobs(part, base))
    return _result(rows, as_frame)


def run_job(
    archives: Sequence[str], out: Path, *, master: str | None = None, partitions: int | None = None
) -> tuple[int, list[str]]:
    """The WARC → N-Quads job: write ``out/part-*`` text files of quads; return (pages mapped, errors).

    ``out`` must not exist (Spark refuses to overwrite). The quads of every
    page that mapped are written; the errors (one line each) are returned for
    the caller to report.
    """
    if out.exists():
        raise NewsmodelError(f"{out}: exists; give a new directory for the job's output")
    missing = [path for path in archives if "://" not in path and not Path(path).exists()]
    if missing:
        raise NewsmodelError(f"{missing[0]}: no such archive")
    sql = _spark().sql
    session = sql.SparkSession.getActiveSession()
    owned = session is None  # a session the caller opened stays open
    if session is None:
        builder = sql.SparkSession.builder.appName("newsmodel WARC to N-Quads")
        session = (builder.master(master) if master else builder).getOrCreate()
    try:
        paths = session.sparkContext.parallelize(
            [str(Path(p).resolve()) if "://" not in p else p for p in archives], len(archives)
        )
        rows = map_warc_paths(paths, partitions=partitions).cache()
        rows.filter(lambda row: row.nquads is not None).map(
            lambda row: row.nquads.rstrip("\n")
        ).saveAsTextFile(str(out))
        mapped = rows.filter(lambda row: row.error is None).count()
        errors = sorted(rows.filter(lambda row: row.error is not None).map(lambda row: row.error).collect())
    finally:
        if owned:
            session.stop()
    return mapped, errors


HELP = """\
Map web archives (.warc, .warc.gz) to N-Quads on Apache Spark.

Every HTML response of every archive is mapped by the same code as
'newsmodel convert' (one named graph per article); the quads go to OUT as
Spark text part files (part-00000, …), which 'oxigraph load', Virtuoso's bulk
loader or any store reads as N-Quads. Archives must be readable from every
executor (a shared or mounted file system). Pages that fail are reported, one
line each, and do not stop the job.

Run it with a local Spark (--master local[4]), or submit it to a cluster:
  spark-submit --master yarn $(python3 -c 'import newsmodel.spark as s; print(s.__file__)') \\
      /shared/crawl/*.warc.gz -o /shared/out/quads

exit status: 0 every page mapped, 1 a page failed (the others are written) or
a user error, 2 a usage error.
"""


def build_parser(parser: argparse.ArgumentParser | None = None) -> argparse.ArgumentParser:
    """The job's options (shared by ``newsmodel spark`` and ``python -m newsmodel.spark``)."""
    parser = parser or argparse.ArgumentParser(
        prog="newsmodel spark", description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("archives", nargs="+", metavar="ARCHIVE", help=".warc or .warc.gz files")
    parser.add_argument(
        "-o", "--out", required=True, type=Path, help="a new directory for the N-Quads part files"
    )
    parser.add_argument(
        "--master", default=None, help="Spark master, e.g. local[2] (default: spark-submit's, else local[*])"
    )
    parser.add_argument(
        "--partitions",
        type=int,
        default=None,
        help="page partitions (default: the cluster's parallelism)",
    )
    return parser


def run_parsed(args: argparse.Namespace) -> int:
    """Run the job for parsed options; print errors and a summary on standard error."""
    mapped, errors = run_job(args.archives, args.out, master=args.master, partitions=args.partitions)
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    if not getattr(args, "quiet", False):
        print(f"mapped {mapped} pages, {len(errors)} failed; N-Quads in {args.out}", file=sys.stderr)
    return 1 if errors else 0


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m newsmodel.spark ARCHIVE... -o OUT``: the spark-submit entry point."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        return run_parsed(args)
    except NewsmodelError as exc:
        print(f"error: {' '.join(str(exc).split())}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    # run from the installed module, not this file's copy as __main__, so that the
    # functions Spark ships to executors are imported there, not pickled by value
    from newsmodel.spark import main as installed_main

    sys.exit(installed_main())
