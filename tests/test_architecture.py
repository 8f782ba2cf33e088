"""The house rules, checked on the code itself (issue 11):

- no function over 60 lines or cyclomatic complexity over 25 in ``extractors/`` and ``flows/``
  (complexity as ``radon cc`` counts it);
- no module over 500 lines;
- dependencies point one way: ``extractors`` never imports ``flows``, Prefect or DuckDB; inside
  ``extractors``, ``parse`` and ``nlp`` never import ``evaluation`` or ``analysis``; and no module
  takes part in an import cycle (imports inside functions count too).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("extractors", "flows")
MAX_FUNCTION_LINES = 60
MAX_COMPLEXITY = 25
MAX_MODULE_LINES = 500


def _modules() -> dict[str, Path]:
    out = {}
    for pkg in PACKAGES:
        for path in sorted((ROOT / pkg).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            out[".".join(parts)] = path
    return out


MODULES = _modules()


def _functions(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


def test_no_long_functions():
    long = []
    for name, path in MODULES.items():
        for fn in _functions(ast.parse(path.read_text())):
            n = fn.end_lineno - (fn.decorator_list[0].lineno if fn.decorator_list else fn.lineno) + 1
            if n > MAX_FUNCTION_LINES:
                long.append(f"{name}.{fn.name} ({n} lines)")
    assert not long, f"functions over {MAX_FUNCTION_LINES} lines: {long}"


def test_no_complex_functions():
    radon = pytest.importorskip("radon.complexity", reason="radon is a test extra")
    complex_ = set()
    for name, path in MODULES.items():
        for block in radon.cc_visit(path.read_text()):
            blocks = [block, *getattr(block, "methods", [])]
            for b in blocks:
                if type(b).__name__ == "Class":
                    continue
                if b.complexity > MAX_COMPLEXITY:
                    complex_.add(f"{name}.{b.fullname} ({b.complexity})")
    assert not sorted(complex_), f"functions over complexity {MAX_COMPLEXITY}: {complex_}"


def test_no_long_modules():
    long = {n: len(p.read_text().splitlines()) for n, p in MODULES.items()}
    assert not {n: c for n, c in long.items() if c > MAX_MODULE_LINES}


def _imports(name: str, path: Path) -> set[str]:
    """Every module name ``name`` imports (absolute), at any depth of the file."""
    is_pkg = path.name == "__init__.py"
    out = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = name.split(".")[: len(name.split(".")) - (node.level - (1 if is_pkg else 0))]
                base = ".".join(parts + ([node.module] if node.module else []))
            out.add(base)
            out.update(f"{base}.{a.name}" for a in node.names)
    return out


def _graph() -> dict[str, set[str]]:
    return {n: {i for i in _imports(n, p) if i in MODULES and i != n} for n, p in MODULES.items()}


def test_extractors_never_import_the_io_shell():
    bad = []
    for name, path in MODULES.items():
        if not name.startswith("extractors"):
            continue
        for imp in _imports(name, path):
            top = imp.split(".")[0]
            if top in ("flows", "prefect", "duckdb", "prefect_dask", "httpx"):
                bad.append(f"{name} imports {imp}")
            if name.startswith(("extractors.parse", "extractors.nlp")) and imp.startswith(
                ("extractors.evaluation", "extractors.analysis")
            ):
                bad.append(f"{name} imports {imp}")
    assert not bad


def test_no_import_cycles():
    graph = _graph()
    cycles, state = [], {}

    def visit(node, stack):
        state[node] = "open"
        for nxt in sorted(graph[node]):
            # a package importing its own submodules (re-exports) is not a cycle back up
            if nxt.startswith(node + "."):
                continue
            if state.get(nxt) == "open":
                cycles.append(" -> ".join(stack[stack.index(nxt) :] + [nxt]))
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = "done"

    for n in sorted(graph):
        if n not in state:
            visit(n, [n])
    assert not cycles, f"import cycles: {cycles}"
