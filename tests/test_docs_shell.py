"""Every shell example in docs/ runs as written (the Python examples run as doctests).

Each page's ``bash`` blocks run in order, with ``bash -euo pipefail``, in a
fresh folder holding a copy of ``seeds/`` and a link to ``benchmarks/``, as a
reader who has a checkout would run them. The one thing not run here is
``pip install`` (the install a newcomer does is ``tests/test_wheel.py``'s job,
in a fresh virtual environment); every other line is.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = sorted((ROOT / "docs").glob("*.md"))
BLOCK = re.compile(r"^```(bash|sh|shell|console)\n(.*?)^```$", re.M | re.S)
INSTALL = re.compile(r"^pip install [^;&|]*?(#.*)?$")


def shell_blocks(page: Path) -> list[str]:
    """The page's shell blocks, in order, without their ``pip install`` lines."""
    blocks = []
    for match in BLOCK.finditer(page.read_text(encoding="utf-8")):
        lines = [line for line in match.group(2).splitlines() if not INSTALL.match(line.strip())]
        if any(line.strip() for line in lines):
            blocks.append("\n".join(lines) + "\n")
    return blocks


PAGES = [page for page in DOCS if shell_blocks(page)]


def test_some_pages_have_shell_examples() -> None:
    """Control: the block finder finds the CLI page's examples (an empty list would test nothing)."""
    assert any(page.name == "cli.md" for page in PAGES)
    assert any("newsmodel convert" in block for page in PAGES for block in shell_blocks(page))


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_shell_examples_run(page: Path, tmp_path: Path) -> None:
    """Each shell block of the page exits 0 in a folder with the seeds, in the order the page shows them."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "benchmarks").symlink_to(ROOT / "benchmarks")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    for block in shell_blocks(page):
        result = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", block],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert result.returncode == 0, (
            f"{page.name}:\n{block}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
        )
        assert "Traceback" not in result.stderr
