"""Where ``convert`` and ``page`` write: relative paths, collisions, umask, directories, standard streams."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsmodel.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_f91c40fb5c9215a3.txt"
SEED_META = SEED.with_name("000_f91c40fb5c9215a3.meta.json")
PAGE = (
    "<html><head><title>Harbour bridge reopens</title></head><body><article><h1>Harbour bridge reopens</h1>"
)
PAGE += "<p>The harbour bridge reopened on Friday after two years of repairs, the city council said.</p>"
PAGE += "<p>Traffic resumed at noon and the mayor, Ann Lee, crossed it first.</p></article></body></html>"


def run_cli(
    *args: str, stdin: bytes = b"", cwd: Path | None = None, umask: int | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m newsmodel`` as a user does, with bytes on standard input and an optional umask."""
    preexec = (lambda: os.umask(umask)) if umask is not None else None
    return subprocess.run(
        [sys.executable, "-m", "newsmodel", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        timeout=180,
        preexec_fn=preexec,
    )


def seed_copy(folder: Path, stem: str = "x") -> Path:
    """The seed text (and its sidecar) copied into ``folder`` as ``<stem>.txt``."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(SEED, folder / f"{stem}.txt")
    shutil.copy(SEED_META, folder / f"{stem}.meta.json")
    return folder / f"{stem}.txt"


def test_same_names_in_subfolders_keep_their_relative_paths(tmp_path: Path) -> None:
    """a/x.txt and b/x.txt map to OUT/a/x.json and OUT/b/x.json: nothing is overwritten."""
    seed_copy(tmp_path / "in" / "a")
    seed_copy(tmp_path / "in" / "b")
    assert main(["convert", str(tmp_path / "in"), "--to", "json", "-o", str(tmp_path / "out")]) == 0
    written = sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.json"))
    assert written == ["a/x.json", "b/x.json"]


def test_two_inputs_for_one_output_are_refused_before_writing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """a/x.txt beside a/x.html would both write OUT/a/x.json: exit 1, both named, no file written."""
    seed_copy(tmp_path / "in" / "a")
    (tmp_path / "in" / "a" / "x.html").write_text(PAGE, encoding="utf-8")
    seed_copy(tmp_path / "in" / "b", "y")
    assert main(["convert", str(tmp_path / "in"), "--to", "json", "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "x.txt" in err and "x.html" in err and "nothing written" in err
    assert not (tmp_path / "out").exists()


def test_two_directories_with_the_same_file_name_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two named directories that both hold x.txt would clash in OUT/: refused with both paths."""
    one, two = seed_copy(tmp_path / "one"), seed_copy(tmp_path / "two")
    assert main(["convert", str(one.parent), str(two.parent), "--to", "nt", "-o", str(tmp_path / "out")]) == 1
    assert str(one) in capsys.readouterr().err


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_written_files_follow_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    """Outputs get 0666 less the user's umask, as any program's files do (a web server can read them)."""
    out = tmp_path / "page.html"
    result = run_cli("page", str(SEED), "-o", str(out), umask=umask)
    assert result.returncode == 0, result.stderr
    assert out.stat().st_mode & 0o777 == mode


def test_one_input_into_a_new_directory(tmp_path: Path) -> None:
    """``-o newdir/`` makes the directory and writes newdir/<stem>.<ext>."""
    assert main(["convert", str(SEED), "--to", "turtle", "-o", f"{tmp_path / 'newdir'}/"]) == 0
    assert (
        (tmp_path / "newdir" / "000_f91c40fb5c9215a3.ttl").read_text(encoding="utf-8").startswith("@prefix")
    )


def test_one_input_into_an_existing_directory(tmp_path: Path) -> None:
    """``-o DIR`` naming an existing directory writes DIR/<stem>.<ext> (not 'Is a directory')."""
    (tmp_path / "existing").mkdir()
    assert main(["convert", str(SEED), "--to", "jsonld", "-o", str(tmp_path / "existing")]) == 0
    data = json.loads((tmp_path / "existing" / "000_f91c40fb5c9215a3.jsonld").read_text(encoding="utf-8"))
    assert data["@type"] == "NewsArticle"


@pytest.mark.parametrize(
    ("stdin", "headline"),
    [
        (SEED.read_bytes(), "Putin meets"),
        (PAGE.encode(), "Harbour bridge reopens"),
    ],
)
def test_standard_input_to_standard_output(stdin: bytes, headline: str) -> None:
    """``convert - --to jsonld`` reads text or HTML from standard input and writes standard output."""
    result = run_cli("convert", "-", "--to", "jsonld", stdin=stdin)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["headline"].startswith(headline)


def test_empty_standard_input_is_one_error_line() -> None:
    """Nothing on standard input: exit 1, one error naming <stdin>, no traceback."""
    result = run_cli("convert", "-", "--to", "json")
    err = result.stderr.decode()
    assert result.returncode == 1 and "<stdin>" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_page_from_standard_input_with_dash_output() -> None:
    """``page - -o -`` turns an article on standard input into a page on standard output."""
    result = run_cli("page", "-", "-o", "-", stdin=SEED.read_bytes())
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"<!DOCTYPE html>") and b"application/ld+json" in result.stdout


def test_dash_must_be_the_only_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``-`` beside other inputs is a user error that says so."""
    assert main(["convert", "-", str(SEED), "--to", "json", "-o", str(tmp_path)]) == 1
    assert "only INPUT" in capsys.readouterr().err


def test_quiet_prints_nothing_on_success(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """-q (before or after the command) leaves only errors: load, convert and validate say nothing."""
    seed_copy(tmp_path / "in")
    assert main(["-q", "load", str(tmp_path / "in")]) == 0
    assert (
        main(["convert", str(tmp_path / "in"), "--to", "json", "-o", str(tmp_path / "out"), "--quiet"]) == 0
    )
    assert main(["validate", str(tmp_path / "out" / "x.json"), "-q"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_without_quiet_the_same_commands_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Control for -q: without it, load prints its summary and validate its verdict."""
    seed_copy(tmp_path / "in")
    assert main(["load", str(tmp_path / "in")]) == 0
    assert main(["convert", str(tmp_path / "in"), "--to", "json", "-o", str(tmp_path / "out")]) == 0
    assert main(["validate", str(tmp_path / "out" / "x.json")]) == 0
    captured = capsys.readouterr()
    assert "loaded 1 article" in captured.err and "x.json: valid" in captured.out


def test_quiet_and_verbose_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    """-q with -v is a usage error (exit 2)."""
    assert main(["-q", "-v", "convert", str(SEED), "--to", "json"]) == 2
    assert main(["-q", "convert", str(SEED), "--to", "json", "-v"]) == 2
    assert "exclude each other" in capsys.readouterr().err


def test_validate_checks_every_file_and_names_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing file, an unknown suffix and a broken JSON do not stop the check of a good file after them."""
    good = tmp_path / "good.json"
    assert main(["convert", str(SEED), "--to", "json", "-o", str(good)]) == 0
    broken = tmp_path / "broken.json"
    broken.write_text('{"@type": "NewsArticle"}', encoding="utf-8")
    odd = tmp_path / "notes.csv"
    odd.write_text("a,b\n", encoding="utf-8")
    capsys.readouterr()
    status = main(["validate", str(tmp_path / "missing.json"), str(odd), str(broken), str(good)])
    captured = capsys.readouterr()
    assert status == 1
    assert f"{tmp_path / 'missing.json'}: error:" in captured.err
    assert f"{odd}: error:" in captured.err
    assert f"{broken}: invalid" in captured.out
    error_lines = [line for line in captured.out.splitlines() if line.startswith("  ")]
    assert error_lines and all(str(broken) in line for line in error_lines)
    assert f"{good}: valid" in captured.out
    assert "3 of 4 files" in captured.err


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (["convert", str(SEED), "--to", "json"], 0),
        (["convert", "no/such.txt", "--to", "json"], 1),
        (["convert", str(SEED)], 2),
        (["lint", str(SEED)], 0),
        (["validate", "no/such.json"], 1),
        (["query", "--store", "no/such/store", "ASK {}"], 1),
        (["no-such-command"], 2),
    ],
)
def test_documented_exit_codes(args: list[str], status: int, capsys: pytest.CaptureFixture[str]) -> None:
    """0 success, 1 a user error or failed input, 2 a usage error: as docs/cli.md lists them."""
    assert main(args) == status
    assert "Traceback" not in capsys.readouterr().err
