"""The architecture, checked: import contracts hold, catch a break, and no cycles or private reach.

The contracts live in pyproject.toml under [tool.importlinter]; `make lint` and `make test`
run `lint-imports` on them. These tests run the same linter on the real tree, then on a copy
of it with one forbidden import planted, to show a broken layer fails rather than passes
quietly. Cycles and private names are checked on the import graph grimp builds (the graph
import-linter itself reads), lazy imports inside functions included.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).with_name("lint-imports")


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [str(LINT), "--config", str(root / "pyproject.toml"), "--no-cache"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_import_contracts_hold() -> None:
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.fixture(scope="module")
def copy_of_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tree")
    for name in ("tracker", "storage"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    return root


@pytest.mark.parametrize(
    ("module", "planted", "contract"),
    [
        ("tracker/engine/model.py", "import storage", "The engine is pure"),
        ("tracker/engine/text.py", "import httpx", "The engine is pure"),
        ("storage/rows.py", "import tracker.config", "Storage never imports tracker"),
        ("tracker/fetch/urls.py", "import tracker.reports.wire", "Fetching knows nothing"),
        ("tracker/reports/wire.py", "import storage.rows", "Reports never import the service or storage"),
        ("tracker/engine/figures/scan.py", "import tracker.engine.compare", "Inside the engine"),
    ],
)
def test_a_planted_forbidden_import_breaks_its_contract(
    copy_of_tree: Path, module: str, planted: str, contract: str
) -> None:
    path = copy_of_tree / module
    original = path.read_text(encoding="utf-8")
    path.write_text(original + f"\n{planted}  # planted by the test\n", encoding="utf-8")
    try:
        result = _lint(copy_of_tree)
    finally:
        path.write_text(original, encoding="utf-8")
    assert result.returncode != 0
    broken = [line for line in result.stdout.splitlines() if line.endswith("BROKEN")]
    assert any(line.startswith(contract) for line in broken), result.stdout


def _graph() -> grimp.ImportGraph:
    return grimp.build_graph("tracker", "storage", cache_dir=None)


def test_no_module_takes_part_in_an_import_cycle() -> None:
    graph = _graph()
    cycles = []
    for module in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            back = graph.find_shortest_chain(importer=imported, imported=module)
            if back is not None:
                cycles.append((module, *back))
    assert cycles == []


def _private_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in ("tracker", "storage"):
            found += [
                f"{node.module}.{a.name}" for a in node.names if a.name.startswith("_") and a.name != "__version__"
            ]
    return found


def test_no_module_imports_another_modules_private_names() -> None:
    offenders = {
        str(p.relative_to(ROOT)): names
        for wing in ("tracker", "storage")
        for p in (ROOT / wing).rglob("*.py")
        if (names := _private_imports(p))
    }
    assert offenders == {}


def test_the_private_name_check_sees_a_private_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("from tracker.engine.statements.changes import _bag\nfrom tracker.engine import text\n")
    assert _private_imports(module) == ["tracker.engine.statements.changes._bag"]


def test_every_wing_is_a_documented_package() -> None:
    for wing in (
        "engine",
        "engine/figures",
        "engine/statements",
        "fetch",
        "service",
        "reports",
        "alerts",
        "cli",
        "demo",
    ):
        init = ROOT / "tracker" / wing / "__init__.py"
        assert init.exists(), wing
        assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), f"tracker/{wing} has no docstring"


def test_tests_mirror_the_wings() -> None:
    wings = {p.name for p in (ROOT / "tracker").iterdir() if (p / "__init__.py").exists()}
    mirrored = {p.name for p in (ROOT / "tests").iterdir() if p.is_dir() and list(p.glob("test_*.py"))}
    assert wings <= mirrored
