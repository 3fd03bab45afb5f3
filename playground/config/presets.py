"""Presets and lessons: experiment documents shipped as package data, one per file, named after the file.

Examples live in `playground/presets/`, lessons (`lesson-*`) in `playground/lessons/`; both are read with
importlib.resources, so an installed wheel finds them wherever it is.
"""
from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable

from playground.config.experiment import Experiment, ExperimentError

FOLDERS = ("presets", "lessons")


def _documents() -> dict[str, Traversable]:
    root = resources.files("playground")
    return {entry.name.removesuffix(".json"): entry
            for folder in FOLDERS for entry in (root / folder).iterdir() if entry.name.endswith(".json")}


def names() -> list[str]:
    """Every preset's and lesson's name, sorted."""
    return sorted(_documents())


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
