"""The public API: one sorted, complete ``__all__`` and a version that matches the package."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import newsmodel

ROOT = Path(__file__).resolve().parents[1]


def test_all_is_sorted_and_unique() -> None:
    """``__all__`` is sorted and has no duplicates, so a diff shows every API change."""
    assert newsmodel.__all__ == sorted(set(newsmodel.__all__))


def test_every_exported_name_resolves() -> None:
    """Every name in ``__all__`` can be imported from the package."""
    for name in newsmodel.__all__:
        assert getattr(newsmodel, name) is not None, name


def test_unknown_name_raises_attribute_error() -> None:
    """A name outside the API is an ``AttributeError``, not a silent ``None``."""
    try:
        newsmodel.no_such_name  # noqa: B018
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:
        raise AssertionError("expected AttributeError")


def test_errors_share_one_root() -> None:
    """Every exported exception is a ``NewsmodelError``."""
    for name in newsmodel.__all__:
        value = getattr(newsmodel, name)
        if isinstance(value, type) and issubclass(value, Exception):
            assert issubclass(value, newsmodel.NewsmodelError), name


def test_version_matches_pyproject() -> None:
    """``__version__`` is the version pyproject.toml publishes."""
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert newsmodel.__version__ == meta["project"]["version"]


def test_import_does_not_load_heavy_dependencies() -> None:
    """``import newsmodel`` loads neither rdflib nor dateparser nor trafilatura (fast startup)."""
    code = (
        "import sys, newsmodel; "
        "print(','.join(m for m in ('rdflib', 'dateparser', 'trafilatura', 'spacy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_public_names_stay_themselves_after_every_submodule_is_imported() -> None:
    """No public name is shadowed by a submodule of the same name (``nm.lint`` stays the function)."""
    import importlib
    import pkgutil
    import types

    import newsmodel as nm

    for info in pkgutil.walk_packages(nm.__path__, "newsmodel."):
        if not info.name.rsplit(".", 1)[-1].startswith("__"):
            importlib.import_module(info.name)
    shadowed = [name for name in nm.__all__ if isinstance(getattr(nm, name), types.ModuleType)]
    assert not shadowed, shadowed
