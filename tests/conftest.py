"""Shared pytest options and fixtures.

``--regen-golden`` is the only way golden files under ``tests/golden/`` are
(re)written; without it a missing or different golden fails the test.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newsmodel.model import NewsArticle

TESTS = Path(__file__).resolve().parent
GOLDEN = TESTS / "golden"

# Test helpers (strategies, seed_article) import as top-level modules from any rootdir.
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regen-golden",
        action="store_true",
        default=False,
        help="rewrite the golden files in tests/golden/ from the current code",
    )


@pytest.fixture(scope="session")
def regen_golden(request: pytest.FixtureRequest) -> bool:
    """Whether this run may rewrite golden files."""
    return bool(request.config.getoption("--regen-golden"))


@pytest.fixture(scope="session")
def golden_dir() -> Path:
    """The directory of golden files."""
    return GOLDEN


@pytest.fixture(scope="session")
def seed() -> NewsArticle:
    """The hand-built NewsArticle of the seed (tests/seed_article.py)."""
    from seed_article import seed_article

    return seed_article()
