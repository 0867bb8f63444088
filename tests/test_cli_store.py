"""``newsmodel load`` and ``newsmodel query``: end to end through main(), on real stores."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from _oxigraph_server import oxigraph_server
from _store_helpers import article

import newsmodel.cli
from newsmodel.cli import main
from newsmodel.cli._load import ProgressBar
from newsmodel.serialize import json as json_format
from newsmodel.serialize.rdf import to_nquads
from newsmodel.store import OxigraphStore


@pytest.fixture(autouse=True)
def _store_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    """Register load and query even before the CLI entry lists them."""
    missing = tuple(name for name in ("_load", "_query") if name not in newsmodel.cli.COMMANDS)
    monkeypatch.setattr(newsmodel.cli, "COMMANDS", newsmodel.cli.COMMANDS + missing)


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """A directory of three model-JSON articles: two share a person and meet others."""
    folder = tmp_path / "in"
    folder.mkdir()
    people = [
        (("Ada Example", "Freedonia"), ("Bo Other", "Sylvania")),
        (("Ada Example", "Freedonia"), ("Cy Third", "Freedonia")),
        (("Di Fourth", "Sylvania"),),
    ]
    for n, cast in enumerate(people, start=1):
        (folder / f"a{n}.json").write_text(json_format.dumps(article(n, people=cast)), encoding="utf-8")
    return folder


def triples_in(folder: Path) -> int:
    """How many triples the serializer writes for the JSON articles of a folder."""
    return sum(len(to_nquads(json_format.loads(p.read_bytes())).splitlines()) for p in folder.glob("*.json"))


def test_load_then_query_from_a_store_directory(
    inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """load writes every input into --store and prints a summary; query reads the rows back as CSV."""
    db = tmp_path / "db"
    assert main(["load", str(inputs), "--store", str(db)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("loaded 3 articles, ")
    assert f"into {db}" in err
    assert "\r" not in err  # not a terminal: no progress bar
    assert f", {triples_in(inputs)} triples in " in err
    with OxigraphStore(db) as store:
        assert len(store) == triples_in(inputs)

    assert main(["query", "--store", str(db), "who-met-whom"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert sorted((r["who"], r["whom"]) for r in rows) == [
        ("Ada Example", "Bo Other"),
        ("Ada Example", "Cy Third"),
    ]


def test_load_with_query_uses_a_memory_store(inputs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without --store or --endpoint, load fills a memory store and --query prints the answer."""
    assert main(["load", str(inputs), "--query", "people-in-several-articles", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == [
        {"person": "https://w3id.org/newsmodel/id/person/ada-example", "name": "Ada Example", "articles": 2}
    ]
    assert "into a memory store" in err


def test_query_formats(inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--format table aligns columns; json gives typed values; ASK prints true or false."""
    db = tmp_path / "db"
    main(["load", str(inputs), "--store", str(db)])
    capsys.readouterr()
    sparql = "SELECT ?g WHERE { GRAPH ?g { ?a a <http://schema.org/NewsArticle> } } ORDER BY ?g"
    assert main(["query", "--store", str(db), sparql, "--format", "table"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].strip() == "g" and set(table[1]) == {"-"}
    assert [line.strip() for line in table[2:]] == [article(n).id for n in (1, 2, 3)]
    assert main(["query", "--store", str(db), "ASK { GRAPH ?g { ?s ?p ?o } }"]) == 0
    assert capsys.readouterr().out == "true\n"
    assert main(["query", "--store", str(db), "ASK { ?s ?p ?o }", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"boolean": False}


def test_query_text_from_a_file(inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """QUERY as @FILE reads the SPARQL from that file."""
    db = tmp_path / "db"
    main(["load", str(inputs), "--store", str(db)])
    query = tmp_path / "count.rq"
    query.write_text("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", encoding="utf-8")
    capsys.readouterr()
    assert main(["query", "--store", str(db), f"@{query}", "--format", "csv"]) == 0
    assert capsys.readouterr().out == "n\n3\n"


def test_fail_fast_aborts_the_whole_load(
    inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With --fail-fast one bad input aborts load with one error line naming it; the store is unchanged."""
    db = tmp_path / "db"
    main(["load", str(inputs / "a1.json"), "--store", str(db)])
    (inputs / "a0.json").write_text("{not json", encoding="utf-8")
    capsys.readouterr()
    assert main(["load", str(inputs), "--store", str(db), "--fail-fast"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "a0.json" in err and len(err.splitlines()) == 1
    with OxigraphStore(db) as store:
        assert store.graphs() == [article(1).id]


@pytest.mark.parametrize("flags", [[], ["--skip-errors"]], ids=["default", "old --skip-errors"])
def test_a_bad_input_is_reported_and_the_rest_loaded(
    inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], flags: list[str]
) -> None:
    """By default (and with the old --skip-errors) the bad input is reported, the others load, exit 1."""
    (inputs / "a0.json").write_text("{not json", encoding="utf-8")
    db = tmp_path / "db"
    assert main(["load", str(inputs), "--store", str(db), *flags]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("error: ") and "a0.json" in err[0]
    assert err[1] == "error: 1 of 4 articles failed"
    assert err[2].startswith("loaded 3 articles")
    with OxigraphStore(db) as store:
        assert len(store.graphs()) == 3


def test_user_errors_exit_1_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A query that does not parse, a missing query file, a locked store: one error line, exit 1."""
    db = tmp_path / "db"
    OxigraphStore(db).close()  # an existing, empty store
    assert main(["query", "--store", str(db), "SELECT WHERE {"]) == 1
    assert capsys.readouterr().err.startswith("error: the query does not parse")
    assert main(["query", "--store", str(db), "@missing.rq"]) == 1
    assert capsys.readouterr().err == "error: missing.rq: no such query file\n"
    with OxigraphStore(db):
        assert main(["query", "--store", str(db), "ASK {}"]) == 1
    assert "locked" in capsys.readouterr().err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """query without a store, or with both --store and --endpoint, is a usage error (exit 2)."""
    assert main(["query", "ASK {}"]) == 2
    assert main(["query", "--store", "x", "--endpoint", "http://h", "ASK {}"]) == 2
    capsys.readouterr()


def test_credentials_need_each_other(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--user without a password, or --header on an embedded store, is a clear error."""
    assert main(["query", "--endpoint", "http://127.0.0.1:9", "--user", "ada", "ASK {}"]) == 1
    assert "--user needs --password" in capsys.readouterr().err
    assert main(["query", "--store", str(tmp_path / "db"), "--header", "X: y", "ASK {}"]) == 1
    assert "only apply with --endpoint" in capsys.readouterr().err


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """A real Oxigraph server for one test."""
    with oxigraph_server(tmp_path / "server") as url:
        yield url


def test_load_and_query_a_remote_server(
    inputs: Path, server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """--endpoint loads into a real SPARQL server and queries it back."""
    assert main(["load", str(inputs), "--endpoint", server]) == 0
    assert capsys.readouterr().err.startswith(f"loaded 3 articles, {triples_in(inputs)} triples in ")
    assert main(["query", "--endpoint", server, "people-in-several-articles", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["name"], r["articles"]) for r in rows] == [("Ada Example", "2")]


def test_unreachable_server_is_one_error_line(inputs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A server that is down gives one error line and exit 1, no traceback."""
    from _oxigraph_server import free_port

    assert main(["load", str(inputs), "--endpoint", f"http://127.0.0.1:{free_port()}", "--timeout", "1"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: PUT ") and "cannot reach the server" in err
    assert "Traceback" not in err


def test_progress_bar_draws_on_a_terminal_only() -> None:
    """The bar writes \\r-updated lines to a terminal and nothing to a pipe."""
    terminal = io.StringIO()
    bar = ProgressBar(4, terminal, force=True)
    for done in range(1, 5):
        bar(done)
    bar.clear()
    text = terminal.getvalue()
    assert text.startswith("\r[") and "4/4 articles" in text and text.endswith("\r\x1b[K")
    pipe = io.StringIO()
    silent = ProgressBar(4, pipe)
    silent(4)
    silent.clear()
    assert pipe.getvalue() == ""


def test_query_on_a_missing_store_is_an_error_not_an_empty_answer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``query --store`` on a path with no store: one error line, exit 1, and nothing created."""
    missing = tmp_path / "typo.db"
    assert main(["query", "--store", str(missing), "who-met-whom"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "no store there" in err
    assert not missing.exists()
