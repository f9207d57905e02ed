"""The package layout holds: stages import only downwards, and no module imports itself in a circle.

The layers are the ones in `.importlinter` (also run by `make lint` with `lint-imports`); this test reads
them from there, so there is one list. Imports inside functions count like any other.
"""
from __future__ import annotations

import configparser
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph("reviewer", "webui", include_external_packages=False, cache_dir=None)


def layers() -> list[list[str]]:
    config = configparser.ConfigParser()
    config.read(ROOT / ".importlinter")
    lines = config["importlinter:contract:layers"]["layers"].split("\n")
    return [[name.strip() for name in line.split("|")] for line in lines if line.strip()]


def layer_of(module: str, table: list[list[str]]) -> int | None:
    for depth, names in enumerate(table):
        if any(module == n or module.startswith(n + ".") for n in names):
            return depth
    return None


def test_every_module_has_a_layer(graph):
    table = layers()
    loose = sorted(m for m in graph.modules if m not in ("reviewer", "webui", "reviewer.__main__")
                   and layer_of(m, table) is None)
    assert loose == [], f"modules outside every layer of .importlinter: {loose}"


def test_no_upward_or_sideways_imports(graph):
    table = layers()
    wrong = []
    for module in graph.modules:
        mine = layer_of(module, table)
        if mine is None:
            continue
        for imported in graph.find_modules_directly_imported_by(module):
            theirs = layer_of(imported, table)
            if theirs is None:
                continue
            same_level_other_package = theirs == mine and not any(
                module.startswith(n) and imported.startswith(n) for n in table[mine])
            if theirs < mine or same_level_other_package:
                wrong.append(f"{module} -> {imported}")
    assert wrong == [], "imports against the layers (a lower stage must not know a higher one):\n" + "\n".join(wrong)


def test_no_import_cycles(graph):
    cycles = strongly_connected(graph)
    assert cycles == [], "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def strongly_connected(graph) -> list[list[str]]:
    """Tarjan's algorithm over the module graph; the components with more than one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(start: str) -> None:  # iterative, so deep graphs do not hit the recursion limit
        nonlocal counter
        work = [(start, iter(sorted(graph.find_modules_directly_imported_by(start))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.find_modules_directly_imported_by(child)))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found
