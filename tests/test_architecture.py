"""What the import contracts (pyproject's [tool.importlinter], checked by `lint-imports` in CI) cannot see.

The contracts read import statements; these tests run the code: a headless command loads no Qt even
through the command line's lazy imports, and importing the GUI's views loads no torch.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

QT = ("PySide6", "shiboken6", "pyqtgraph", "playground.gui")
VIEWS = Path(__file__).resolve().parent.parent / "playground" / "gui" / "views"


def _run_python(code: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_headless_commands_load_no_qt(tmp_path):
    """`playground presets` and `playground train` run through the command line and never load Qt."""
    metrics = tmp_path / "m.jsonl"
    code = (
        "import contextlib, io, json, sys\n"
        f"roots = {QT!r}\n"
        "from playground.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        "    codes = [main(['presets']),\n"
        f"             main(['train', '--epochs', '1', '--samples', '40', '--quiet', '--metrics', {str(metrics)!r}])]\n"
        "qt = sorted(m for m in sys.modules if any(m == r or m.startswith(r + '.') for r in roots))\n"
        "print(json.dumps({'codes': codes, 'qt': qt}))\n"
    )
    assert _run_python(code) == {"codes": [0, 0], "qt": []}
    assert metrics.read_text().count("\n") == 2  # one epoch and the final line: the command really ran


def test_importing_the_views_loads_no_torch():
    """The views draw numpy arrays from snapshots; torch stays in the training process."""
    modules = [f"playground.gui.views.{p.stem}" for p in sorted(VIEWS.glob("*.py")) if p.stem != "__init__"]
    assert modules
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps({'torch': 'torch' in sys.modules}))\n"
    )
    assert _run_python(code) == {"torch": False}
