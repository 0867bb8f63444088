"""The ``newsmodel`` command: help, version, convert, validate, and errors without tracebacks."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsmodel import __version__
from newsmodel.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_f91c40fb5c9215a3.txt"


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed entry point the way a user does (``python -m newsmodel``)."""
    return subprocess.run(
        [sys.executable, "-m", "newsmodel", *args], capture_output=True, text=True, cwd=cwd, timeout=120
    )


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """``--version`` prints the package version and exits 0."""
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"newsmodel {__version__}"


@pytest.mark.parametrize("command", ["convert", "validate", "lint", "page", "load", "query"])
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    """``COMMAND --help`` exits 0 and explains itself with a usage line and options."""
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: newsmodel {command}")
    assert "options:" in out


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown format is a usage error: exit 2, no traceback."""
    assert main(["convert", str(SEED), "--to", "rdfxml"]) == 2
    err = capsys.readouterr().err
    assert "invalid choice" in err and "Traceback" not in err


def test_convert_one_file_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    """One input without -o writes JSON-LD to standard output."""
    assert main(["convert", str(SEED), "--to", "jsonld"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["@type"] == "NewsArticle"
    assert data["headline"].startswith("Putin meets")


@pytest.mark.parametrize(
    ("fmt", "ext"),
    [
        ("json", "json"),
        ("turtle", "ttl"),
        ("nt", "nt"),
        ("nquads", "nq"),
        ("html", "html"),
        ("jsonld", "jsonld"),
    ],
)
def test_convert_directory_writes_stem_files(tmp_path: Path, fmt: str, ext: str) -> None:
    """A directory input writes ``<stem>.<ext>`` per article into the -o directory."""
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED, src / "a.txt")
    shutil.copy(SEED.with_name("000_f91c40fb5c9215a3.meta.json"), src / "a.meta.json")
    (src / "b.txt").write_text("Short headline\n\nThe mayor of Springfield spoke on Monday.\n")
    out = tmp_path / "out"
    assert main(["convert", str(src), "--to", fmt, "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == [f"a.{ext}", f"b.{ext}"]
    assert (out / f"a.{ext}").stat().st_size > 1000


def test_convert_json_back_is_stable(tmp_path: Path) -> None:
    """Model JSON written by ``convert`` converts again to the same bytes."""
    first = tmp_path / "a.json"
    assert main(["convert", str(SEED), "--to", "json", "-o", str(first)]) == 0
    second = tmp_path / "b.json"
    assert main(["convert", str(first), "--to", "json", "-o", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()


def test_several_inputs_need_out_dir(tmp_path: Path) -> None:
    """Two inputs and no -o: one error line, exit 1, no traceback."""
    other = tmp_path / "x.txt"
    other.write_text("Headline\n\nBody text here.\n")
    proc = run_cli("convert", str(SEED), str(other), "--to", "nt")
    assert proc.returncode == 1
    assert proc.stderr.startswith("error: several inputs need -o DIR")
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"   \n\t ", "empty"), (b"\x00\x01\x02binary\x00", "binary")],
)
def test_bad_text_input_is_one_error_line(tmp_path: Path, content: bytes, message: str) -> None:
    """Empty or binary input: exit 1 with one ``error:`` line naming the file."""
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    proc = run_cli("convert", str(path), "--to", "jsonld")
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert str(path) in lines[0] and message in lines[0].lower()


def test_missing_file_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    """A path that does not exist: exit 1, ``error:`` line."""
    proc = run_cli("convert", str(tmp_path / "nope.txt"), "--to", "json")
    assert proc.returncode == 1
    assert proc.stderr.startswith("error: ") and "no such file" in proc.stderr


def test_unknown_suffix_is_an_error(tmp_path: Path) -> None:
    """A file whose kind cannot be told is refused with a hint."""
    path = tmp_path / "notes.docx"
    path.write_bytes(b"x")
    proc = run_cli("convert", str(path), "--to", "json")
    assert proc.returncode == 1 and "expected .txt" in proc.stderr


def test_one_bad_input_does_not_lose_the_others(tmp_path: Path) -> None:
    """A bad file among good ones: the good ones are written, the exit status says 1."""
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED, src / "good.txt")
    (src / "bad.txt").write_bytes(b"")
    out = tmp_path / "out"
    proc = run_cli("convert", str(src), "--to", "jsonld", "-o", str(out))
    assert proc.returncode == 1
    assert (out / "good.jsonld").exists() and not (out / "bad.jsonld").exists()
    assert "bad.txt" in proc.stderr


def test_validate_good_and_bad_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``validate`` accepts what ``convert`` writes and lists every error of a broken file."""
    good = tmp_path / "good.json"
    assert main(["convert", str(SEED), "--to", "json", "-o", str(good)]) == 0
    capsys.readouterr()
    assert main(["validate", str(good)]) == 0
    assert capsys.readouterr().out.strip() == f"{good}: valid"
    data = json.loads(good.read_text())
    data["headline"] = ""
    data["people"][0]["name"] = 7
    del data["id"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    assert main(["validate", str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{bad}: invalid (3 errors)" in out
    assert "$.headline" in out and "$.people[0].name" in out


def test_validate_turtle_with_shapes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``validate`` checks Turtle against the SHACL shapes: ours passes, a broken graph fails."""
    ttl = tmp_path / "a.ttl"
    assert main(["convert", str(SEED), "--to", "turtle", "-o", str(ttl)]) == 0
    capsys.readouterr()
    assert main(["validate", str(ttl)]) == 0
    broken = tmp_path / "broken.ttl"
    broken.write_text(
        "@prefix schema: <http://schema.org/> .\n<http://example.org/a> a schema:NewsArticle .\n"
    )
    assert main(["validate", str(broken)]) == 1
    assert "headline" in capsys.readouterr().out


def test_directory_passes_over_companion_files(tmp_path: Path) -> None:
    """In a directory, ``a.gold.json`` beside ``a.txt`` is an annotation, not an input."""
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED, src / "a.txt")
    (src / "a.gold.json").write_text('{"people": []}')
    out = tmp_path / "out"
    assert main(["convert", str(src), "--to", "nt", "-o", str(out)]) == 0
    assert [p.name for p in out.iterdir()] == ["a.nt"]


def test_long_validation_errors_stay_one_readable_line(tmp_path: Path) -> None:
    """A JSON file with many errors gives one error line showing five of them and the count of the rest."""
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"headline": "", "people": [{"name": ""}] * 10}))
    proc = run_cli("convert", str(path), "--to", "jsonld")
    assert proc.returncode == 1
    [line] = proc.stderr.strip().splitlines()
    assert line.startswith(f"error: {path}") and line.endswith("; and 17 more")  # 22 errors, 5 shown
