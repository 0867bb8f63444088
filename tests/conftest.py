"""Shared pytest options and fixtures.

``--regen-golden`` is the only way golden files under ``tests/golden/`` are
(re)written; without it a missing or different golden fails the test.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from newsmodel.model import NewsArticle

TESTS = Path(__file__).resolve().parent
GOLDEN = TESTS / "golden"

# Test helpers (strategies, seed_article) import as top-level modules from any rootdir.
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))


# Property tests judge properties, not speed: a loaded CI machine must not turn a
# slow example or slow data generation into a failure. Under CI the examples are
# derandomized, so a red run can be replayed exactly.
settings.register_profile(
    "newsmodel",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=bool(os.environ.get("CI")),
)
settings.load_profile("newsmodel")


def pytest_configure(config: pytest.Config) -> None:
    """Stop at once, with the reason, when the shared inputs the tests read are not there."""
    from _shared import MISSING, SHARED

    if not (SHARED / "corpus").is_dir():
        raise pytest.UsageError(MISSING)


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
