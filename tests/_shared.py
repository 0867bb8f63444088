"""Where the tests find the project's shared inputs (corpus, vocabulary, scorers).

The repository does not carry them: they live in ``shared/`` beside the
checkout (``../shared``), or wherever ``NEWSMODEL_SHARED`` points.
"""

from __future__ import annotations

import os
from pathlib import Path

SHARED = Path(os.environ.get("NEWSMODEL_SHARED") or Path(__file__).resolve().parents[2] / "shared")

MISSING = (
    f"the tests need the project's shared/ folder (corpus, schema.org vocabulary) at {SHARED}: "
    "put it beside the checkout as ../shared, or set NEWSMODEL_SHARED to its path"
)
