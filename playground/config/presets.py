"""Presets and lessons: experiment documents shipped as package data, one per file, named after the file.

Examples live in `playground/presets/`, lessons (`lesson-*`) in `playground/lessons/`; both are read with
importlib.resources, so an installed wheel finds them wherever it is. The lessons are listed in teaching
order (each problem, then its cures), which `lessons/order.json` states once for the command line and the
window alike.
"""
from __future__ import annotations

import json
from importlib import resources
from importlib.resources.abc import Traversable

from playground.config.experiment import Experiment, ExperimentError

FOLDERS = ("presets", "lessons")
ORDER_FILE = "order.json"


def _documents() -> dict[str, Traversable]:
    root = resources.files("playground")
    return {entry.name.removesuffix(".json"): entry
            for folder in FOLDERS for entry in (root / folder).iterdir()
            if entry.name.endswith(".json") and entry.name != ORDER_FILE}


def teaching_order() -> list[str]:
    """The lessons' names as order.json lists them."""
    return json.loads((resources.files("playground") / "lessons" / ORDER_FILE).read_text(encoding="utf-8"))["lessons"]


def names() -> list[str]:
    """Every preset's name, sorted, then every lesson's in teaching order (a lesson order.json misses comes last)."""
    documents = _documents()
    lessons = [name for name in teaching_order() if name in documents]
    rest = sorted(name for name in documents if name not in lessons)
    return [name for name in rest if not name.startswith("lesson-")] + lessons + [
        name for name in rest if name.startswith("lesson-")]


def text(name: str) -> str:
    """The JSON document of the preset called `name`; ExperimentError naming the choices if there is none."""
    document = _documents().get(name)
    if document is None:
        raise ExperimentError(f"unknown preset '{name}' (available: {', '.join(names())})")
    return document.read_text(encoding="utf-8")


def load(name: str) -> Experiment:
    """The preset called `name`, validated; ExperimentError naming the choices if there is none."""
    document = text(name)
    try:
        return Experiment.from_json(document)
    except ExperimentError as error:
        raise ExperimentError(f"preset {name}: {error}") from None
