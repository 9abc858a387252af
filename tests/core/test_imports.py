"""The package's own imports, read with ``ast`` (nothing is imported):

- no cycle among module-level imports of ``veracity``'s own modules, nor of ``veracity_train``'s;
- the runtime package (``veracity``) imports nothing from the training package
  (``veracity_train``): no import statement names it, and only the CLI's door
  (``cli/training.py``) names it, to load it when a ``train`` or ``eval`` command runs;
- a count of own-module imports inside functions outside ``cli/`` (the issue's target is at
  most 30, each with a comment saying why; ``python tests/core/test_imports.py`` lists them).

Module level means executed on import: the module body, class bodies, ``try``/``if`` blocks,
but not ``if TYPE_CHECKING:`` blocks and not function bodies. ``from .pkg import name`` is an
edge to ``pkg.name`` when that is a module, else to ``pkg`` (its ``__init__``).
"""

from __future__ import annotations

import ast
import sys
from collections import Counter
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
PACKAGE = "veracity"
TRAINING = "veracity_train"


def modules(src: Path = SRC, package: str = PACKAGE) -> dict[str, Path]:
    out = {}
    for path in sorted((src / package).rglob("*.py")):
        parts = list(path.relative_to(src).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _is_type_checking(node: ast.If) -> bool:
    t = node.test
    return (isinstance(t, ast.Name) and t.id == "TYPE_CHECKING") or (isinstance(t, ast.Attribute) and t.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST):
    """(import node, inside a function?) for every import, skipping ``if TYPE_CHECKING:`` blocks."""
    def walk(node: ast.AST, in_func: bool):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for sub in child.orelse:
                    yield from walk_one(sub, in_func)
                continue
            yield from walk_one(child, in_func)

    def walk_one(node: ast.AST, in_func: bool):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node, in_func
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            yield from walk(node, True)
        else:
            yield from walk(node, in_func)

    yield from walk(tree, False)


def targets(name: str, path: Path, node: ast.Import | ast.ImportFrom, known: dict[str, Path], package: str = PACKAGE) -> list[str]:
    """The package's own modules that one import statement loads."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names if a.name in known]
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    if node.level:
        base = package.split(".")
        base = base[:len(base) - (node.level - 1)]
        mod = ".".join(base + ([node.module] if node.module else []))
    else:
        mod = node.module or ""
    if mod != package and not mod.startswith(package + "."):
        return []
    out = []
    for a in node.names:
        sub = f"{mod}.{a.name}"
        if sub in known:
            out.append(sub)
        elif mod in known and mod not in out:
            out.append(mod)
    return out


def graph(known: dict[str, Path] | None = None, package: str = PACKAGE) -> tuple[dict[str, set[str]], list[tuple[str, int, str]]]:
    """(module-level edges, function-level imports as (module, line, target))."""
    known = known or modules(package=package)
    edges: dict[str, set[str]] = {m: set() for m in known}
    inner: list[tuple[str, int, str]] = []
    for name, path in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node, in_func in _imports(tree):
            for t in targets(name, path, node, known, package):
                if t == name:
                    continue
                if in_func:
                    inner.append((name, node.lineno, t))
                else:
                    edges[name].add(t)
    return edges, inner


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = [0]
    sys.setrecursionlimit(max(10_000, sys.getrecursionlimit()))

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def function_level(inner: list[tuple[str, int, str]]) -> list[tuple[str, int, str]]:
    """Function-level own imports outside the CLI, one per (module, line, imported module)."""
    return [x for x in inner if not x[0].startswith(f"{PACKAGE}.cli")]


def test_no_import_cycle_among_module_level_imports():
    for package in (PACKAGE, TRAINING):
        edges, _ = graph(package=package)
        found = cycles(edges)
        assert not found, f"module-level import cycles in {package}: " + "; ".join(" <-> ".join(c) for c in found)


def _names_training(name: str | None) -> bool:
    return bool(name) and (name == TRAINING or name.startswith(TRAINING + "."))


def training_references() -> tuple[list[str], set[str]]:
    """(import statements in ``veracity`` that load ``veracity_train``, modules of ``veracity``
    whose string constants name it): read with ``ast``, function bodies included."""
    imports, naming = [], set()
    for name, path in modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import) and any(_names_training(a.name) for a in node.names):
                imports.append(f"{name}:{node.lineno}")
            elif isinstance(node, ast.ImportFrom) and not node.level and _names_training(node.module):
                imports.append(f"{name}:{node.lineno}")
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and _names_training(node.value):
                naming.add(name)
    return imports, naming


def test_the_runtime_imports_nothing_from_the_training_package():
    imports, naming = training_references()
    assert not imports, f"veracity imports {TRAINING} at {', '.join(imports)}"
    # The one door: the CLI loads the training package by name when a train/eval command runs.
    assert naming == {"veracity.cli.training"}, f"modules naming {TRAINING}: {sorted(naming)}"


def test_the_runtime_loads_no_training_code():
    """What ``veracity``'s CLI, stages and API bring in on import: no training module, no torch from it."""
    import subprocess

    code = ("import sys; import veracity.cli, veracity.stages, veracity.analysis, veracity.api.app; "
            f"print(sorted(m for m in sys.modules if m.split('.')[0] == {TRAINING!r}))")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={**__import__("os").environ, "PYTHONPATH": str(SRC)})
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "[]", res.stdout


# Attribution's components and what each may import inside the package's attribution folder:
# the core, the shared helpers (features; sources with its source_types, source_names,
# source_words, people, wordnet), and within the tagger's family the network (tagger) and its
# decoder (tagger_decode). Only ``extractors`` composes components.
ATTRIBUTION_LAYERS = {
    "core": set(),
    "wordnet": set(),
    "features": {"core", "wordnet"},
    "people": {"core"},
    "source_words": {"wordnet"},
    "source_names": {"people", "wordnet", "source_words"},
    "source_types": {"core", "wordnet", "people", "source_words", "source_names"},
    "sources": {"core", "source_words", "source_names", "source_types"},
    "rules": {"core"},
    "colon": {"core"},
    "citing": {"core", "sources"},
    "crf": {"core", "features"},
    "tagger": set(),
    "tagger_decode": {"core", "features", "tagger"},
    "cuepass": {"core", "tagger", "tagger_decode"},
}


def test_attribution_components_import_only_the_core():
    edges, inner = graph()
    prefix = f"{PACKAGE}.attribution."
    for name, allowed in ATTRIBUTION_LAYERS.items():
        mod = prefix + name
        seen = {t[len(prefix):] for t in edges[mod] if t.startswith(prefix)}
        seen |= {t[len(prefix):] for m, _, t in inner if m == mod and t.startswith(prefix)}
        assert seen <= allowed, f"attribution.{name} imports {sorted(seen - allowed)}; only {sorted(allowed)} allowed"


def test_the_graph_sees_the_package():
    """A check on the checker: known edges are found, relative imports resolved."""
    edges, inner = graph()
    assert "veracity.records" in edges["veracity.pipeline"]
    assert "veracity.errors" in edges["veracity.pipeline"]
    assert any(m == "veracity.stages" for m, _, _ in inner)  # stages load their modules lazily
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def report() -> str:
    edges, inner = graph()
    fl = function_level(inner)
    by_pkg = Counter(m.split(".")[1] if m.count(".") >= 1 else m for m, _, _ in fl)
    lines = [f"module-level cycles: {len(cycles(edges))}",
             f"function-level own imports outside cli/: {len(fl)} (statements: {len({(m, l) for m, l, _ in fl})})"]
    lines += [f"  {pkg}: {n}" for pkg, n in sorted(by_pkg.items(), key=lambda kv: (-kv[1], kv[0]))]
    return "\n".join(lines)


if __name__ == "__main__":
    print(report())
    if "-v" in sys.argv:
        for m, line, t in function_level(graph()[1]):
            print(f"{m}:{line} -> {t}")
