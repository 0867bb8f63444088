"""The package's layers import downwards only: readers never reach the mapper or the entry points."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "newsmodel"


def imported_modules(path: Path) -> set[str]:
    """Every module a source file imports, at the top or inside a function."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
    return out


def test_readers_return_documents_only() -> None:
    """No module under read/ imports the mapper, the serializers or the entry points."""
    forbidden = ("newsmodel.extract", "newsmodel.serialize", "newsmodel._reading", "newsmodel.store")
    found = {
        f"{path.name}: {module}"
        for path in sorted((PACKAGE / "read").glob("*.py"))
        for module in imported_modules(path)
        if module.startswith(forbidden)
    }
    assert found == set()


def test_the_read_entry_points_live_in_one_module() -> None:
    """read_text, read_html and read_path are defined in _reading.py and nowhere else."""
    defined = {
        f"{path.relative_to(PACKAGE)}:{node.name}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef) and node.name in {"read_text", "read_html", "read_path"}
    }
    # knowledge.read_text reads a data file, not an article: a different job under the same verb
    assert defined - {"knowledge.py:read_text"} == {
        "_reading.py:read_html",
        "_reading.py:read_path",
        "_reading.py:read_text",
    }
