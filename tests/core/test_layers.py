"""Apps depend one way (DESIGN.md, Layers): a lower app never imports a higher one, not even
inside a function, and ``core`` imports no app. The whole-site tools (demo, generator, bench,
api) sit above every app and may import any."""

import ast
import importlib
import pathlib

import pytest

import heartbeat

# DESIGN.md's order. Apps not written yet are listed so that none can be imported too early.
ORDER = [
    "core",
    "partnership",
    "accounts",
    "skills",
    "portfolio",
    "recruitment",
    "work_requests",
    "prioritisation",
    "delivery",
    "benefits",
    "roadmap",
    "governance",
    "engagement",
]
ROOT = pathlib.Path(heartbeat.__file__).parent
APPS = [app for app in ORDER if (ROOT / app).is_dir()]


def _modules(app: str) -> list[pathlib.Path]:
    return sorted(
        path
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.relative_to(ROOT).parts
    )


def _imported_apps(path: pathlib.Path) -> set[tuple[str, int]]:
    """Every ``heartbeat.<app>`` a module imports, anywhere in it, with the line."""
    found = set()
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
            if node.module == "heartbeat":
                names = [f"heartbeat.{alias.name}" for alias in node.names]
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", ""))
            in ("import_module", "import_string")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names = [node.args[0].value]
        for name in names:
            parts = name.split(".")
            if len(parts) > 1 and parts[0] == "heartbeat":
                found.add((parts[1], node.lineno))
    return found


def upward_imports(app: str) -> list[str]:
    rank = ORDER.index(app)
    problems = []
    for path in _modules(app):
        for imported, line in sorted(_imported_apps(path)):
            if imported in ORDER and ORDER.index(imported) > rank:
                problems.append(f"{path.relative_to(ROOT.parent)}:{line} imports {imported}")
    return problems


@pytest.mark.parametrize("app", APPS)
def test_no_app_imports_an_app_above_it(app):
    assert upward_imports(app) == []


def test_the_check_finds_an_import_up_the_order(tmp_path, monkeypatch):
    # A lower module that imports a higher app inside a function is found.
    module = tmp_path / "portfolio" / "sneaky.py"
    module.parent.mkdir()
    module.write_text(
        "def f():\n    from heartbeat.recruitment.models import Pledge\n    return Pledge\n"
    )
    monkeypatch.setattr(__import__(__name__, fromlist=["ROOT"]), "ROOT", tmp_path)
    assert upward_imports("portfolio") == [
        f"{tmp_path.name}/portfolio/sneaky.py:2 imports recruitment"
    ]


@pytest.mark.parametrize("app", APPS)
def test_every_module_of_the_app_imports(app):
    for path in _modules(app):
        relative = path.relative_to(ROOT.parent).with_suffix("")
        parts = list(relative.parts)
        if parts[-1] == "__init__":
            parts.pop()
        importlib.import_module(".".join(parts))
