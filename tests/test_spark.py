"""The Spark job in local mode (local[2]): the same quads as the process pool, rows for pages and errors."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pyspark
import pytest

from newsmodel.cli import main
from newsmodel.spark import FIELDS, map_pages, map_warc_paths, run_job
from tests._warc import corpus_pages, write_warc


@pytest.fixture(scope="module")
def spark() -> Iterator[object]:
    """One local[2] session for the module (Spark's start-up is seconds; the job reuses it)."""
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("newsmodel tests")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    yield session
    session.stop()


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A gzipped WARC of six real pages, a redirect, an image and a request record."""
    path = tmp_path_factory.mktemp("warc") / "crawl.warc.gz"
    write_warc(path, corpus_pages(6))
    return path


def quads(text: str) -> set[str]:
    """The N-Quads statements of a text, as a set of lines."""
    return {line for line in text.splitlines() if line.strip()}


def test_job_writes_the_same_quads_as_the_process_pool(spark: object, archive: Path, tmp_path: Path) -> None:
    """run_job's part files hold exactly the quads `newsmodel convert ARCHIVE --to nquads -j 2` writes."""
    mapped, errors = run_job([str(archive)], tmp_path / "spark-out")
    assert (mapped, errors) == (6, [])
    from_spark = "".join(
        part.read_text(encoding="utf-8") + "\n" for part in sorted((tmp_path / "spark-out").glob("part-*"))
    )
    assert main(["convert", str(archive), "--to", "nquads", "-o", str(tmp_path / "pool.nq"), "-j", "2"]) == 0
    from_pool = (tmp_path / "pool.nq").read_text(encoding="utf-8")
    assert quads(from_spark) == quads(from_pool)
    assert len(quads(from_pool)) > 100


def test_warc_paths_as_dataframe_give_result_rows(spark: object, archive: Path) -> None:
    """A DataFrame of WARC paths maps to a DataFrame with the documented columns, one row per page."""
    frame = spark.createDataFrame([(str(archive),)], ["path"])  # type: ignore[attr-defined]
    result = map_warc_paths(frame, partitions=2)
    assert tuple(result.columns) == FIELDS
    rows = result.collect()
    assert len(rows) == 6 and all(row.error is None and row.iri and row.nquads for row in rows)
    assert all(row.url.startswith("https://news.example.org/") for row in rows)


def test_damaged_archive_gives_pages_then_an_error_row(spark: object, archive: Path, tmp_path: Path) -> None:
    """An archive cut short: rows for the whole pages before the cut, then one error row naming the file."""
    data = archive.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) * 2 // 3])
    rows = map_warc_paths(spark.sparkContext.parallelize([str(cut)])).collect()  # type: ignore[attr-defined]
    errors = [row.error for row in rows if row.error is not None]
    assert len(errors) == 1 and str(cut) in errors[0]
    assert 1 <= sum(row.error is None for row in rows) < 6


def test_url_html_rows_map_and_a_bad_page_is_an_error_row(spark: object) -> None:
    """(url, html) rows from any source map; an empty page is a row with its error, not a failed task."""
    page = gzip.decompress(corpus_pages(1)[0].read_bytes()).decode("utf-8", "replace")
    frame = spark.createDataFrame(  # type: ignore[attr-defined]
        [("https://news.example.org/a", page), ("https://news.example.org/empty", "")], ["url", "html"]
    )
    good, bad = sorted(map_pages(frame).collect(), key=lambda row: row.url)
    assert good.error is None and good.iri and '"@type":"NewsArticle"' in good.jsonld.replace(" ", "")
    assert bad.error is not None and "news.example.org/empty" in bad.error and bad.nquads is None


def test_rdd_of_pairs_gives_an_rdd_of_rows(spark: object) -> None:
    """An RDD of (url, html) pairs gives an RDD of Rows with the same fields."""
    page = gzip.decompress(corpus_pages(2)[1].read_bytes())
    rdd = spark.sparkContext.parallelize([("https://news.example.org/b", page)])  # type: ignore[attr-defined]
    (row,) = map_pages(rdd).collect()
    assert tuple(row.asDict()) == FIELDS and row.error is None


def test_existing_output_directory_is_refused(tmp_path: Path, archive: Path) -> None:
    """The job refuses an existing output directory before starting Spark (exit 1, one error line)."""
    (tmp_path / "out").mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "newsmodel", "spark", str(archive), "-o", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1 and "exists" in result.stderr and "Traceback" not in result.stderr


def _checkout_path() -> str:
    """PYTHONPATH with the directory holding the ``newsmodel`` under test first."""
    import newsmodel

    root = str(Path(newsmodel.__file__).parent.parent)
    return os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p)


def test_spark_submit_entry_point_runs_the_job(archive: Path, tmp_path: Path) -> None:
    """`spark-submit newsmodel/spark.py ARCHIVE -o OUT` (the cluster entry point) runs in local mode."""
    import newsmodel.spark

    submit = Path(pyspark.__file__).parent / "bin" / "spark-submit"
    result = subprocess.run(
        [
            *(str(submit), "--master", "local[2]", "--conf", "spark.ui.enabled=false"),
            *(newsmodel.spark.__file__, str(archive), "-o", str(tmp_path / "out")),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        # the checkout under test on the driver's path, installed or not
        env={**os.environ, "PYSPARK_PYTHON": sys.executable, "PYTHONPATH": _checkout_path()},
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    # spark-submit merges the Python driver's standard error into its standard output
    assert "mapped 6 pages, 0 failed" in result.stdout + result.stderr
    assert any(part.stat().st_size for part in (tmp_path / "out").glob("part-*"))
