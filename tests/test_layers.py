"""The layers, read from the imports: app -> ui -> report -> scoring; the core never reaches up or out; the
tools (deploy, bench, harness) never import the tests."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# package -> the project packages it may import (besides itself)
ALLOWED = {
    "scoring": set(),
    "report": {"scoring"},
    "ui": {"scoring", "report"},
    "harness": set(),
    "deploy": {"harness"},
    "bench": {"scoring", "report", "ui", "harness"},
}
PROJECT = {"scoring", "report", "ui", "harness", "deploy", "bench", "tests", "app"}
OUTSIDE_THE_CORE = {"streamlit", "pandas", "fpdf", "jinja2", "segno", "playwright"}  # scoring imports none of these


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_each_package_imports_only_the_layers_below_it(package: str) -> None:
    wrong = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        reached = (imports(path) & PROJECT) - ALLOWED[package] - {package}
        if package == "scoring":
            reached |= imports(path) & OUTSIDE_THE_CORE
        if reached:
            wrong[str(path.relative_to(ROOT))] = sorted(reached)
    assert wrong == {}, f"imports across the layers: {wrong}"
