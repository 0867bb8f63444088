"""A newcomer's path: the built wheel installs in a fresh virtual environment and runs the main job.

The wheel and the sdist are built from this checkout (``python -m build
--no-isolation``, with the setuptools already installed); the wheel goes into a
new virtual environment that shares nothing with this one (its dependencies
come from the package index, or pip's cache), and the README's first command
runs there on a copy of the seeds, outside the repository.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel and sdist of this checkout, built once for the module."""
    out = tmp_path_factory.mktemp("dist")
    work = tmp_path_factory.mktemp("src")
    # build from a clean copy: the checkout's build/ and egg-info must not leak into the artefacts
    source = work / "newsmodel"
    ignore = shutil.ignore_patterns(
        ".git", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis", "artifacts"
    )
    shutil.copytree(ROOT, source, ignore=ignore)
    result = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out


def _wheel(dist: Path) -> Path:
    (wheel,) = dist.glob("newsmodel-*.whl")
    return wheel


def test_wheel_carries_schemas_data_types_and_licences(dist: Path) -> None:
    """The wheel holds the JSON Schema, SHACL shapes, shipped data, py.typed, LICENSE and data attribution."""
    names = set(zipfile.ZipFile(_wheel(dist)).namelist())
    for needed in (
        "newsmodel/py.typed",
        "newsmodel/data/newsarticle.schema.json",
        "newsmodel/data/newsmodel.shacl.ttl",
        "newsmodel/data/places.tsv",
        "newsmodel/data/schemaorg/schemaorgcontext.jsonld",
    ):
        assert needed in names, needed
    licences = {name.rsplit("/", 1)[-1] for name in names if "/licenses/" in name}
    assert {"LICENSE", "ATTRIBUTION.md"} <= licences


def test_wheel_metadata_has_spdx_licence_and_project_urls(dist: Path) -> None:
    """METADATA names the MIT licence by SPDX expression and lists the project's URLs."""
    wheel = zipfile.ZipFile(_wheel(dist))
    (meta_name,) = [name for name in wheel.namelist() if name.endswith(".dist-info/METADATA")]
    meta = wheel.read(meta_name).decode()
    assert re.search(r"^License-Expression: MIT$", meta, re.M)
    assert len(re.findall(r"^Project-URL: ", meta, re.M)) >= 3


def test_sdist_carries_what_its_tests_need(dist: Path) -> None:
    """The sdist has the tests, the seeds, the schemas, the docs the tests run and the README."""
    (sdist,) = dist.glob("newsmodel-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    for needed in (
        "README.md",
        "LICENSE",
        "pyproject.toml",
        "tests/conftest.py",
        "tests/test_cli.py",
        "seeds/000_f91c40fb5c9215a3.txt",
        "seeds/000_f91c40fb5c9215a3.meta.json",
        "schemas/newsarticle.schema.json",
        "docs/quickstart.md",
        "tools/gen_schema.py",
    ):
        assert needed in names, needed


def test_readme_main_job_runs_from_the_wheel_in_a_fresh_venv(dist: Path, tmp_path: Path) -> None:
    """`pip install dist/*.whl` in a new venv, then `newsmodel load seeds/ --query who-met-whom` elsewhere."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_command = re.search(r"```bash\n(.*)\n", readme)
    assert first_command is not None
    job = first_command.group(1).split("&&", 1)[1].strip()
    assert job.startswith("newsmodel ")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    pip = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(_wheel(dist))],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert pip.returncode == 0, pip.stderr[-3000:]
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(ROOT / "seeds", elsewhere / "seeds")
    run = subprocess.run(
        [str(venv / "bin" / job.split()[0]), *job.split()[1:]],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Putin" in run.stdout and "Rouhani" in run.stdout and "2017-03-28" in run.stdout
    assert "loaded 1 article" in run.stderr
