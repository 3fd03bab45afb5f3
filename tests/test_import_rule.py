"""The architecture rule: the core (playground/ outside playground/gui/) never imports Qt.

The core trains headless, on any machine, from the command line and the tests;
only playground/gui/ may load PySide6 or pyqtgraph. The command line reaches the
window through importlib with a module name in a string, only in cli.py, and
only for modules that live under playground/gui/. The GUI's views draw numpy
arrays from snapshots and never load torch themselves.
"""
from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "playground"
GUI = PACKAGE / "gui"
VIEWS = GUI / "views"
FORBIDDEN = ("PySide6", "shiboken6", "pyqtgraph", "playground.gui")
QT = ("PySide6", "shiboken6", "pyqtgraph")
DYNAMIC_IMPORTERS = {"import_module", "__import__", "find_spec", "import_optional"}
ALLOWED_GUI_NAMERS = {"cli.py"}  # the one core module that may name a GUI module (as a string)


def core_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if GUI not in p.parents and "__pycache__" not in p.parts)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_forbidden(name: str) -> bool:
    return any(name == f or name.startswith(f + ".") for f in FORBIDDEN)


def _resolve_relative(path: Path, node: ast.ImportFrom) -> str:
    """The absolute module an ImportFrom names (for `from . import x` also each x)."""
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    if node.level:
        package = package[: len(package) - (node.level - 1)]
        base = ".".join(package + ([node.module] if node.module else []))
    else:
        base = node.module or ""
    return base


def imported_names(path: Path, source: str | None = None) -> list[tuple[int, str]]:
    """(line, absolute module) for every import statement anywhere in a file (functions and classes too).

    `source` parses other text as if it were the file at `path` (to test the checker itself).
    """
    text = source if source is not None else path.read_text(encoding="utf-8")
    tree = ast.parse(text, filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _resolve_relative(path, node)
            found.append((node.lineno, base))
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names if alias.name != "*"]
    return found


def module_like_strings(path: Path) -> list[tuple[int, str]]:
    """String constants that are exactly a dotted module name under one of the forbidden roots."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
            if all(part.isidentifier() for part in text.split(".")) and _is_forbidden(text):
                out.append((node.lineno, text))
    return out


def dynamic_import_calls(path: Path) -> list[ast.Call]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    calls = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name in DYNAMIC_IMPORTERS:
                calls.append(node)
    return calls


CORE = core_files()


def test_the_core_is_found():
    names = {p.name for p in CORE}
    assert {"trainer.py", "session.py", "cli.py", "experiment.py", "snapshot.py"} <= names
    assert not any("gui" in p.relative_to(PACKAGE).parts for p in CORE)


@pytest.mark.parametrize("path", CORE, ids=lambda p: str(p.relative_to(ROOT)))
def test_core_module_imports_no_qt_anywhere(path):
    bad = [(line, name) for line, name in imported_names(path) if _is_forbidden(name)]
    assert not bad, f"{path.relative_to(ROOT)} imports GUI code: " + ", ".join(f"line {l}: {n}" for l, n in bad)


@pytest.mark.parametrize("path", CORE, ids=lambda p: str(p.relative_to(ROOT)))
def test_core_names_gui_modules_only_in_cli_and_only_as_strings(path):
    named = module_like_strings(path)
    qt = [(line, text) for line, text in named if text.split(".")[0] in QT]
    assert not qt, f"{path.relative_to(ROOT)} names Qt modules: {qt}"
    if path.name not in ALLOWED_GUI_NAMERS or path.parent != PACKAGE:
        assert not named, f"{path.relative_to(ROOT)} names GUI modules {named}; only cli.py may, by string"


@pytest.mark.parametrize("path", CORE, ids=lambda p: str(p.relative_to(ROOT)))
def test_dynamic_imports_with_constant_names_stay_out_of_qt(path):
    for call in dynamic_import_calls(path):
        for arg in call.args[:1]:
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                assert not _is_forbidden(arg.value) or path.name in ALLOWED_GUI_NAMERS, (
                    f"{path.relative_to(ROOT)} line {call.lineno} imports {arg.value!r}")


def test_the_gui_modules_cli_names_live_under_playground_gui():
    cli = PACKAGE / "cli.py"
    named = {text for _, text in module_like_strings(cli)}
    assert named, "cli.py names no GUI module; the window could not open"
    assert any(call for call in dynamic_import_calls(cli)), "cli.py should load commands with importlib"
    for name in sorted(named):
        assert name.startswith("playground.gui."), name
        relative = Path(*name.split("."))
        candidates = [ROOT / relative.with_suffix(".py"), ROOT / relative / "__init__.py"]
        found = [c for c in candidates if c.is_file()]
        assert found, f"cli.py names {name}, but neither {candidates[0].relative_to(ROOT)} nor a package exists"
        assert GUI in found[0].parents


def test_the_static_check_catches_what_it_should():
    """The checker itself: imports inside functions, relative imports into gui, aliases."""
    fake = PACKAGE / "_fake_for_the_rule_test.py"  # never written: the text is parsed as if it lived there
    source = (
        "import os\n"
        "def f():\n    import PySide6.QtCore as qc\n"
        "class C:\n    from pyqtgraph import PlotWidget\n"
        "from .gui import app\n"
        "from . import gui\n"
        "from shiboken6 import isValid\n"
    )
    names = [n for _, n in imported_names(fake, source)]
    assert {"PySide6.QtCore", "pyqtgraph", "playground.gui", "playground.gui.app", "shiboken6"} <= set(names)
    assert sum(_is_forbidden(n) for n in names) >= 5
    assert not _is_forbidden("playground.gui_helpers") and not _is_forbidden("os")


# -- dynamic: what importing really loads ---------------------------------------------------

def _run_python(code: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def headless_run(tmp_path_factory):
    """One fresh interpreter: import every core module, then run `presets` and `train`; what Qt it loaded."""
    metrics = tmp_path_factory.mktemp("headless") / "m.jsonl"
    modules = [module_name(p) for p in CORE if p.name != "__main__.py"]  # __main__ would run the app
    code = (
        "import contextlib, importlib, io, json, sys\n"
        f"roots = {FORBIDDEN!r}\n"
        "gui = lambda: sorted(m for m in sys.modules if any(m == r or m.startswith(r + '.') for r in roots))\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "after_import = gui()\n"
        "from playground import cli\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        "    codes = [cli.main(['presets']),\n"
        f"             cli.main(['train', '--epochs', '1', '--samples', '40', '--quiet', '--metrics', {str(metrics)!r}])]\n"
        "print(json.dumps({'after_import': after_import, 'codes': codes, 'after_commands': gui()}))\n"
    )
    return _run_python(code), metrics


def test_importing_every_core_module_loads_no_qt(headless_run):
    result, _ = headless_run
    assert result["after_import"] == [], f"importing the core loaded {result['after_import'][:10]}"


def test_headless_commands_load_no_qt(headless_run):
    """`playground presets` and `playground train` run through cli.main and never load Qt."""
    result, metrics = headless_run
    assert result["codes"] == [0, 0]
    assert result["after_commands"] == []
    assert metrics.read_text().count("\n") == 2  # one epoch and the final line: the command really ran


# -- the GUI's views draw numpy --------------------------------------------------------------

VIEW_FILES = sorted(p for p in VIEWS.glob("*.py")) if VIEWS.is_dir() else []


def _module_level_imports(path: Path) -> list[tuple[int, str]]:
    """Imports executed when the module loads: top-level statements, including inside if/try/with."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found, todo = [], list(tree.body)
    while todo:
        node = todo.pop()
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _resolve_relative(path, node)
            found.append((node.lineno, base))
            found += [(node.lineno, f"{base}.{a.name}") for a in node.names]
        elif isinstance(node, (ast.If, ast.Try, ast.With)):
            for field in ("body", "orelse", "finalbody", "handlers"):
                for child in getattr(node, field, []):
                    todo += child.body if isinstance(child, ast.ExceptHandler) else [child]
    return found


TORCH_LOADERS = ("torch", "playground.trainer", "playground.session", "playground.model", "playground.probes",
                 "playground.activations", "playground.initializers", "playground.fast_backward",
                 "playground.optimizers", "playground.fast_optim", "playground.devices")


@pytest.mark.skipif(not VIEW_FILES, reason="no playground/gui/views yet")
@pytest.mark.parametrize("path", VIEW_FILES, ids=lambda p: p.name)
def test_views_import_no_torch_at_module_level(path):
    bad = [(line, name) for line, name in _module_level_imports(path)
           if any(name == t or name.startswith(t + ".") for t in TORCH_LOADERS)]
    assert not bad, f"{path.relative_to(ROOT)} loads torch at import: {bad}"


@pytest.mark.skipif(not VIEW_FILES, reason="no playground/gui/views yet")
def test_importing_the_views_loads_no_torch():
    modules = [module_name(p) for p in VIEW_FILES if p.name != "__init__.py"]
    code = (
        "import importlib, json, os, sys\n"
        "os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps({'torch': 'torch' in sys.modules}))\n"
    )
    assert _run_python(code) == {"torch": False}
