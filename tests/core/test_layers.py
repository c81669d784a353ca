"""The apps import one way: each only from the layers below it (decision 0064).

An AST walk over kiosque/**/*.py (migrations aside), at every depth (imports inside
functions count) and with relative imports resolved. No database, no Django set-up.
"""

import ast
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

PACKAGE = "kiosque"
PACKAGE_DIR = Path(__file__).resolve().parents[2] / PACKAGE

# The one picture of who may import whom, top first. An app may import every app of the
# layers below its own; within a layer, only the features may import each other, and
# never in a cycle. The top may import anything.
LAYERS = {
    "top": {"demo", "benchdata", "backups", "urls", "cli", "settings", "wsgi", "__main__"},
    "features": {
        "wires",
        "discussion",
        "editorial",
        "readers",
        "distribution",
        "search",
        "api",
        "edge",
        "live",
        "newsletters",
        "audience",
    },
    # The ground, in two layers: the content model, over core.
    "newsroom": {"newsroom"},  # imports core only
    "core": {"core"},  # the bottom: imports no other app
}
MAY_IMPORT_OWN_LAYER = {"top", "features"}
FEATURES = "features"


def layer_of(app: str) -> str | None:
    return next((layer for layer, apps in LAYERS.items() if app in apps), None)


def app_of_path(path: str) -> str:
    """`kiosque/newsroom/models/articles.py` → `newsroom`; `kiosque/urls.py` → `urls`."""
    parts = Path(path).parts
    return parts[1] if len(parts) > 2 else Path(parts[1]).stem


def app_of_module(module: str) -> str | None:
    """`kiosque.edge.keys` → `edge`; None for another package or `kiosque` itself."""
    parts = module.split(".")
    return parts[1] if parts[0] == PACKAGE and len(parts) > 1 else None


def _package_of(path: str) -> list[str]:
    """`kiosque/edge/keys.py` and `kiosque/edge/__init__.py` → ["kiosque", "edge"]."""
    return list(Path(path).parent.parts)


def imported_modules(path: str, source: str) -> Iterator[tuple[int, str]]:
    """(line, module) of every import in `source`, relative ones made absolute."""
    for node in ast.walk(ast.parse(source, filename=path)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                package = _package_of(path)
                base = package[: len(package) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if module == PACKAGE:  # `from kiosque import edge`, `from .. import edge`
                for alias in node.names:
                    yield node.lineno, f"{PACKAGE}.{alias.name}"
            else:
                yield node.lineno, module


def app_imports(path: str, source: str) -> Iterator[tuple[int, str, str]]:
    """(line, module, app) of every import of another kiosque app."""
    own = app_of_path(path)
    for line, module in imported_modules(path, source):
        app = app_of_module(module)
        if app is not None and app != own:
            yield line, module, app


def upward_imports(path: str, source: str) -> list[str]:
    """Imports of `source` (at `path`) that break the layers, one message each."""
    own = app_of_path(path)
    own_layer = layer_of(own)
    if own_layer is None:
        return [f"{path}: the app {own!r} is in no layer: add it to LAYERS"]
    order = list(LAYERS)
    if own_layer == order[0]:
        return []
    allowed = {app for layer in order[order.index(own_layer) + 1 :] for app in LAYERS[layer]}
    if own_layer in MAY_IMPORT_OWN_LAYER:
        allowed |= LAYERS[own_layer]
    return [
        f"{path}:{line} imports {module} ({own} is in {own_layer!r}, {app} in {layer_of(app)!r})"
        for line, module, app in app_imports(path, source)
        if app not in allowed
    ]


def feature_graph(sources: dict[str, str]) -> dict[str, dict[str, str]]:
    """feature → {feature it imports: where, first seen}."""
    graph: dict[str, dict[str, str]] = {}
    for path, source in sorted(sources.items()):
        own = app_of_path(path)
        if layer_of(own) != FEATURES:
            continue
        for line, module, app in app_imports(path, source):
            if layer_of(app) == FEATURES:
                graph.setdefault(own, {}).setdefault(app, f"{path}:{line} imports {module}")
    return graph


def find_cycle(graph: dict[str, dict[str, str]]) -> list[str] | None:
    """One cycle of the graph as [a, b, …, a], or None."""
    done: set[str] = set()

    def visit(app: str, trail: list[str]) -> list[str] | None:
        if app in trail:
            return [*trail[trail.index(app) :], app]
        if app in done:
            return None
        for imported in sorted(graph.get(app, {})):
            cycle = visit(imported, [*trail, app])
            if cycle:
                return cycle
        done.add(app)
        return None

    for app in sorted(graph):
        cycle = visit(app, [])
        if cycle:
            return cycle
    return None


def describe_cycle(cycle: list[str], graph: dict[str, dict[str, str]]) -> str:
    steps = [f"  {a} -> {b}: {graph[a][b]}" for a, b in pairwise(cycle)]
    return " -> ".join(cycle) + "\n" + "\n".join(steps)


def kiosque_sources() -> dict[str, str]:
    root = PACKAGE_DIR.parent
    return {
        path.relative_to(root).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(PACKAGE_DIR.rglob("*.py"))
        # The package's own __init__.py is no app's.
        if "migrations" not in path.parts and path != PACKAGE_DIR / "__init__.py"
    }


def test_no_app_imports_a_layer_above_its_own():
    violations = [
        message
        for path, source in kiosque_sources().items()
        for message in upward_imports(path, source)
    ]
    assert not violations, "Imports against the layers:\n" + "\n".join(violations)


def test_the_features_import_each_other_without_a_cycle():
    graph = feature_graph(kiosque_sources())
    cycle = find_cycle(graph)
    assert cycle is None, "The features import each other in a cycle: " + describe_cycle(
        cycle, graph
    )


def test_the_checker_catches_planted_violations():
    # core above nothing, newsroom above core only, a feature below the top: at any
    # depth, relative or absolute.
    assert upward_imports("kiosque/core/x.py", "from kiosque.newsroom import selectors")
    assert upward_imports("kiosque/newsroom/x.py", "def f():\n    import kiosque.edge.keys\n")
    assert upward_imports("kiosque/newsroom/models/x.py", "from ...discussion import public")
    assert upward_imports("kiosque/newsroom/x.py", "from .. import edge")
    assert upward_imports("kiosque/edge/x.py", "from kiosque.demo.builder import build")
    assert upward_imports("kiosque/search/x.py", "from kiosque.urls import urlpatterns")
    assert upward_imports("kiosque/newapp/x.py", "import os")  # an app in no layer
    # What the layers allow.
    assert not upward_imports("kiosque/newsroom/x.py", "from kiosque.core import sites")
    assert not upward_imports("kiosque/newsroom/models/x.py", "from ..images import LEAD")
    assert not upward_imports("kiosque/edge/x.py", "from kiosque.newsroom.models import Page")
    assert not upward_imports("kiosque/demo/x.py", "from kiosque.benchdata import skeleton")


def test_the_checker_catches_a_planted_cycle():
    sources = {
        "kiosque/readers/services.py": "from kiosque.discussion.models import Comment",
        "kiosque/discussion/policy.py": "def f():\n    from kiosque.readers import staff\n",
        "kiosque/edge/keys.py": "from kiosque.newsroom import models",
    }
    graph = feature_graph(sources)
    cycle = find_cycle(graph)
    assert cycle == ["discussion", "readers", "discussion"]
    assert "kiosque/readers/services.py:1 imports kiosque.discussion.models" in describe_cycle(
        cycle, graph
    )
    assert find_cycle({"api": {"edge": ""}, "edge": {}}) is None
