"""Project style promises that a reader would otherwise have to trust."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
PACKAGE = TESTS.parent / "newsmodel"


def _test_functions() -> list[tuple[Path, ast.FunctionDef | ast.AsyncFunctionDef]]:
    found = []
    for path in sorted(TESTS.glob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test_"):
                found.append((path, node))
    return found


def test_every_test_says_what_it_proves_in_one_line() -> None:
    """Every test function has a docstring whose summary is one line."""
    bad = []
    for path, node in _test_functions():
        doc = ast.get_docstring(node)
        if not doc or not doc.strip() or "\n" in doc.split("\n\n")[0].strip():
            bad.append(f"{path.name}:{node.lineno} {node.name}")
    assert not bad, bad


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_module_says_why_it_exists(path: Path) -> None:
    """Every package module opens with a docstring."""
    assert ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))), path
