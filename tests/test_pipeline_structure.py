"""The pipeline's shape, read from the source: no stage imports another, no module caches an article."""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

from newsmodel.extract.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "newsmodel"

#: Module-level state allowed, each with why it cannot hold anything of an article.
ALLOWED_MODULE_STATE = {
    # A weak registry of the word-list matchers built with shared=True (speech verbs,
    # event triggers, agreement cues): knowledge, one entry per list, never per text.
    ("newsmodel/extract/sentences.py", "_SHARED"),
    # A per-worker flag "the knowledge is loaded" in Spark executors: a bool, no article.
    ("newsmodel/spark.py", "_warm"),
}
EMPTY_CONTAINERS = {
    "dict",
    "list",
    "set",
    "defaultdict",
    "OrderedDict",
    "Counter",
    "deque",
    "WeakSet",
    "WeakKeyDictionary",
    "WeakValueDictionary",
}
CACHE_DECORATORS = {"cache", "lru_cache"}


def _path_of(module: str) -> Path:
    spec = importlib.util.find_spec(module)
    assert spec is not None and spec.origin is not None, module
    return Path(spec.origin)


def _is_module(name: str) -> bool:
    """Whether ``name`` is a module (``newsmodel.read.document.Document`` is a class in one)."""
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def _stage_modules() -> set[str]:
    return {stage.__module__ for _, stage in Pipeline.default()}


def _imports(path: Path) -> tuple[set[str], set[str]]:
    """What ``path`` imports (at run time; only under ``if TYPE_CHECKING``); ``from a import b``: both."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    runtime: set[str] = set()
    typing_only: set[str] = set()

    def visit(node: ast.AST, into: set[str]) -> None:
        if isinstance(node, ast.If) and ast.unparse(node.test).endswith("TYPE_CHECKING"):
            for child in node.body:
                visit(child, typing_only)
            for child in node.orelse:
                visit(child, into)
            return
        if isinstance(node, ast.Import):
            into.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            into.add(node.module)
            into.update(f"{node.module}.{alias.name}" for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child, into)

    visit(tree, runtime)
    return runtime, typing_only


def _runtime_closure(module: str) -> set[str]:
    """Every ``newsmodel`` module that importing ``module`` loads (its run-time imports, transitively)."""
    seen: set[str] = set()
    todo = [module]
    while todo:
        name = todo.pop()
        if name in seen or not _is_module(name):
            continue
        seen.add(name)
        runtime, _ = _imports(_path_of(name))
        todo.extend(m for m in runtime if m.startswith("newsmodel.") and m not in seen)
    return seen - {module}


def test_the_default_stages_live_in_one_module_each() -> None:
    """Each default stage is defined in a module of its own, so "a stage imports a stage" can be checked."""
    modules = [stage.__module__ for _, stage in Pipeline.default()]
    assert len(modules) == len(set(modules)) == len(Pipeline.default())


def test_no_stage_module_imports_another() -> None:
    """No stage module imports another one, directly (even for types) or through the modules it loads."""
    stages = _stage_modules()
    for module in sorted(stages):
        runtime, typing_only = _imports(_path_of(module))
        direct = (runtime | typing_only) & (stages - {module})
        assert not direct, f"{module} imports the stage module(s) {sorted(direct)}"
        loaded = _runtime_closure(module) & (stages - {module})
        assert not loaded, f"importing {module} loads the stage module(s) {sorted(loaded)}"


def test_the_import_walk_sees_a_stage_importing_a_stage(tmp_path: Path) -> None:
    """The walk finds ``from newsmodel.extract import events`` and a type-only import alike."""
    source = tmp_path / "sample.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "from newsmodel.extract import events\n"
        "if TYPE_CHECKING:\n"
        "    from newsmodel.extract.quotes import find_quotations\n"
    )
    runtime, typing_only = _imports(source)
    assert "newsmodel.extract.events" in runtime
    assert "newsmodel.extract.quotes" in typing_only and "newsmodel.extract.quotes" not in runtime


def _module_state(path: Path) -> list[str]:
    """Names of ``path`` that hold state across calls: empty module-level containers, ``global`` names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []
    for node in tree.body:
        target, value = None, None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign):
            target, value = node.target, node.value
        if not isinstance(target, ast.Name) or value is None:
            continue
        empty_literal = isinstance(value, ast.Dict) and not value.keys
        empty_literal = empty_literal or (isinstance(value, ast.List | ast.Set) and not value.elts)
        call = value.func if isinstance(value, ast.Call) else None
        call_name = getattr(call, "id", None) or getattr(call, "attr", None)
        if empty_literal or (
            isinstance(value, ast.Call) and call_name in EMPTY_CONTAINERS and not value.args
        ):
            found.append(target.id)
    for node in ast.walk(tree):
        if isinstance(node, ast.Global):
            found.extend(node.names)
    return found


def test_no_module_keeps_per_article_state() -> None:
    """No module-level cache, registry or ``global`` outside the allow-list: layers live on the analysis."""
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        offenders += [
            f"{relative}: {n}" for n in _module_state(path) if (relative, n) not in ALLOWED_MODULE_STATE
        ]
    assert not offenders, offenders


def test_function_caches_load_knowledge_only() -> None:
    """``functools.cache``/``lru_cache`` only on functions without parameters: one value, no article."""
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for decorator in node.decorator_list:
                target = decorator.func if isinstance(decorator, ast.Call) else decorator
                name = getattr(target, "id", None) or getattr(target, "attr", None)
                arguments = node.args
                params = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
                if name in CACHE_DECORATORS and (params or arguments.vararg or arguments.kwarg):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}")
    assert not offenders, offenders


def test_the_state_scan_finds_a_module_cache(tmp_path: Path) -> None:
    """The scan flags an empty module-level dict, a ``global`` and keeps a constant table."""
    source = tmp_path / "sample.py"
    source.write_text(
        "_SEEN: dict[str, int] = {}\n_TABLE = {'a': 1}\n_HITS = dict()\n"
        "def f():\n    global _COUNT\n    _COUNT = 1\n"
    )
    assert sorted(_module_state(source)) == ["_COUNT", "_HITS", "_SEEN"]
