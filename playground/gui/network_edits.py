"""Edits of the hidden layers as {dotted field: value} changes for Controller.apply; no Qt.

New layers copy the settings of the last one (activation, dropout...), as a student who
adds a layer expects "one more of the same".
"""
from __future__ import annotations

import re
from typing import Any

from playground.config.experiment import Experiment, LayerSpec

MAX_UNITS = 4096
MAX_LAYERS = 256
NEW_LAYER_UNITS = 2  # TensorFlow Playground's new layer
_REPEAT = re.compile(r"^(\d+)[x\u00d7*](\d+)$")


def _layers(experiment: Experiment) -> list[dict[str, Any]]:
    return [layer.model_dump() for layer in experiment.network.layers]


def _template(layers: list[dict[str, Any]], activation: str = "tanh") -> dict[str, Any]:
    return dict(layers[-1]) if layers else LayerSpec(units=NEW_LAYER_UNITS, activation=activation).model_dump()


def change_layer_count(experiment: Experiment, delta: int) -> dict[str, Any]:
    """Add (delta > 0) copies of the last hidden layer or remove (delta < 0) layers from the end."""
    layers = _layers(experiment)
    if delta > 0:
        layers += [_template(layers) for _ in range(delta)]
    else:
        layers = layers[: max(len(layers) + delta, 0)]
    return {"network.layers": layers}


def change_units(experiment: Experiment, index: int, delta: int) -> dict[str, Any]:
    """One hidden layer's width changed by delta, kept within 1..MAX_UNITS."""
    layers = _layers(experiment)
    layers[index]["units"] = min(max(layers[index]["units"] + delta, 1), MAX_UNITS)
    return {"network.layers": layers}


def set_layer_field(experiment: Experiment, index: int, field: str, value: Any) -> dict[str, Any]:
    layers = _layers(experiment)
    layers[index][field] = value
    return {"network.layers": layers}


def set_activation_everywhere(experiment: Experiment, activation: str) -> dict[str, Any]:
    """TF Playground's single activation: the same for every hidden layer."""
    return {"network.layers": [{**layer, "activation": activation} for layer in _layers(experiment)]}


def common_activation(experiment: Experiment) -> str | None:
    """The hidden layers' activation when they all share one, else None."""
    found = {layer.activation for layer in experiment.network.layers}
    return found.pop() if len(found) == 1 else None


def parse_widths(text: str) -> list[int]:
    """'8, 8, 4' or '512x32' (32 layers of 512 units) or a mix; ValueError on anything else."""
    widths: list[int] = []
    text = re.sub(r"\s*([x\u00d7*])\s*", r"\1", text.strip())
    for part in re.split(r"[,;\s]+", text):
        if not part:
            continue
        repeat = _REPEAT.match(part)
        units, times = (int(repeat.group(1)), int(repeat.group(2))) if repeat else (_integer(part), 1)
        if len(widths) + times > MAX_LAYERS:
            raise ValueError(part)
        widths += [units] * times
    return widths


def _integer(text: str) -> int:
    if not text.isdigit():
        raise ValueError(text)
    return int(text)


def set_widths(experiment: Experiment, widths: list[int]) -> dict[str, Any]:
    """Hidden layers with these widths; existing layers keep their settings, new ones copy the last."""
    layers = _layers(experiment)
    shaped = []
    for i, units in enumerate(widths):
        layer = dict(layers[i]) if i < len(layers) else _template(shaped or layers)
        layer["units"] = units
        shaped.append(layer)
    return {"network.layers": shaped}


def format_widths(experiment: Experiment) -> str:
    """The widths as parse_widths reads them, long runs of equal widths shortened: "4, 2", "512x32"."""
    parts: list[str] = []
    widths = [layer.units for layer in experiment.network.layers]
    i = 0
    while i < len(widths):
        j = i
        while j < len(widths) and widths[j] == widths[i]:
            j += 1
        run = j - i
        parts += [f"{widths[i]}x{run}"] if run > 4 else [str(widths[i])] * run
        i = j
    return ", ".join(parts)
