"""Shared fixtures. Qt runs offscreen so that a plain `pytest` works on a headless machine."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# `pytest` without `pip install -e .` still finds the package.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from playground.config.experiment import Experiment  # noqa: E402


def make_experiment(samples: int = 100, epochs: int = 5, **dotted) -> Experiment:
    """A small, quick experiment: the defaults with few samples and epochs, then dotted overrides.

    make_experiment(**{"training.optimizer.lr": 0.1, "data.dataset": "xor"})
    """
    changes = {"data.samples": samples, "training.epochs": epochs, "device": "cpu"}
    changes.update(dotted)
    return Experiment().with_changes(**changes)


_THIS = sys.modules[__name__]
_GUI_TESTS = Path(__file__).resolve().parent / "gui"


def pytest_collectstart(collector):
    """Keep `from conftest import make_experiment` working in tests/*.py.

    Without __init__.py files every conftest is imported as the module "conftest", so
    tests/gui/conftest.py (collected first) would otherwise be what that import finds.
    Prefer the `tiny_experiment` fixture in new tests.
    """
    path = getattr(collector, "path", None)
    if isinstance(collector, pytest.Module) and path is not None and _GUI_TESTS not in path.parents:
        sys.modules["conftest"] = _THIS


def pytest_collection_modifyitems(session, config, items):
    """Tests marked event_loop run the app's own loop (gui.app.run, app.exec()): they go last in the session.

    A window opened in the same process after app.exec() has returned gets no frames (the app itself runs
    its loop once per process), so every other window test must come before them, whatever its file's name.
    """
    items.sort(key=lambda item: item.get_closest_marker("event_loop") is not None)  # a stable sort keeps the rest


@pytest.fixture
def tiny_experiment():
    """Factory for small experiments; see make_experiment."""
    return make_experiment


def poll(condition, timeout: float = 10.0, interval: float = 0.005):
    """Poll condition() until it returns something truthy; that value, or None after the timeout."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            return None
        time.sleep(interval)


def snapshot_where(session, condition=lambda snapshot: True, timeout: float = 60.0):
    """The first snapshot a session's latest() hands out that satisfies condition; fails the test after timeout."""
    found = []

    def look():
        snapshot = session.latest()
        if snapshot is not None and condition(snapshot):
            found.append(snapshot)
        return bool(found)

    assert poll(look, timeout), f"no such snapshot; status {session.status}"
    return found[0]


@pytest.fixture
def wait_until():
    """poll(condition, timeout=10.0): condition()'s first truthy value, or None after the timeout."""
    return poll


def _training_threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if t.name == "training" and t.is_alive()}


@pytest.fixture(autouse=True)
def no_training_thread_left():
    """Every test closes the sessions it opens: no new thread named 'training' outlives it."""
    before = _training_threads()
    yield
    left = _training_threads() - before
    deadline = time.monotonic() + 2.0
    while left and time.monotonic() < deadline:  # close() may still be finishing
        time.sleep(0.01)
        left = {t for t in left if t.is_alive()}
    assert not left, f"{len(left)} 'training' thread(s) still running after the test: close() every session"
