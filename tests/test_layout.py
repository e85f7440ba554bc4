"""kg/ is laid out by stage (issue 12): core -> build -> store -> answers -> curate. No module imports a
later stage, and no stage imports api/ (web code). The CLI (kg/cli.py) is the entry point over all of them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

KG = Path(__file__).resolve().parent.parent / "kg"
ORDER = ["core", "build", "store", "answers", "curate"]
ENTRY_POINTS = {"kg.cli"}


def stage(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] == "api":
        return "api"
    if parts[0] != "kg":
        return None
    return parts[1] if len(parts) > 1 and parts[1] in ORDER else "core"


def module_name(path: Path) -> str:
    name = ".".join(path.relative_to(KG.parent).with_suffix("").parts)
    return name.removesuffix(".__init__")


def imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found |= {f"{node.module}.{alias.name}" for alias in node.names} | {node.module}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return found


MODULES = sorted(p for p in KG.rglob("*.py") if "bundled" not in p.parts)


def test_the_stages_are_folders():
    assert {p.name for p in KG.iterdir() if p.is_dir() and (p / "__init__.py").exists()} >= set(ORDER[1:])


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(KG.parent)))
def test_no_module_imports_a_later_stage(path):
    name = module_name(path)
    if name in ENTRY_POINTS:
        return
    own = ORDER.index(stage(name))
    later = sorted(
        i for i in imports(path) if stage(i) == "api" or (stage(i) in ORDER and ORDER.index(stage(i)) > own)
    )
    assert later == [], f"{name} ({ORDER[own]}) imports {later}"


def test_the_check_sees_a_later_import():
    """The rule above is not vacuous: an answers module importing curate is caught."""
    tree = "from kg.curate.checking import check_paths\n"
    found = {
        f"{n.module}.{a.name}"
        for n in ast.walk(ast.parse(tree))
        if isinstance(n, ast.ImportFrom)
        for a in n.names
    }
    assert any(ORDER.index(stage(i)) > ORDER.index("answers") for i in found)


def module_imports(path: Path, known: set[str]) -> set[str]:
    """The kg modules a module imports: `from kg.store import results` imports kg.store.results, not kg.store."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                found.add(
                    f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in known else node.module
                )
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return found & known


def test_no_import_cycles():
    known = {module_name(p) for p in MODULES}
    edges = {module_name(p): module_imports(p, known) - {module_name(p)} for p in MODULES}
    state: dict[str, int] = {}

    def visit(node, trail):
        state[node] = 1
        for nxt in edges[node]:
            if state.get(nxt) == 1:
                raise AssertionError("import cycle: " + " -> ".join([*trail, node, nxt]))
            if nxt not in state:
                visit(nxt, [*trail, node])
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node, [])
