"""Presets: experiment documents shipped in resources/presets/, one per file, named after the file."""
from __future__ import annotations

from pathlib import Path

from .experiment import Experiment, ExperimentError

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
PRESETS = RESOURCES / "presets"


def names() -> list[str]:
    """Every preset's name, sorted."""
    return sorted(path.stem for path in PRESETS.glob("*.json"))


def load(name: str) -> Experiment:
    """The preset called `name`; ExperimentError naming the choices if there is none."""
    path = PRESETS / f"{name}.json"
    if not path.is_file():
        raise ExperimentError(f"unknown preset '{name}' (available: {', '.join(names())})")
    return Experiment.load(path)
