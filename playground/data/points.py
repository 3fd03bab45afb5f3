"""Points a student drew on the plane: data.points rows [x1, x2, label] as a Dataset's arrays.

The schema has already checked each row's arity, finiteness and the classes (config.experiment).
A label is the class index itself, so a class keeps its color from the editor to the plane: with
labels 0 and 2 the network has three outputs, one for a class nobody drew.
"""
from __future__ import annotations

import numpy as np

from playground.config.experiment import DataSpec


def describe(spec: DataSpec) -> dict:
    """The Dataset fields (besides the split) of the drawn points."""
    rows = np.asarray(spec.points, np.float64).reshape(-1, 3)
    x = rows[:, :2]
    if spec.points_task == "regression":
        return {"x": x, "y": rows[:, 2], "task": "regression", "class_names": ()}
    labels = rows[:, 2].astype(np.int64)
    classes = int(labels.max()) + 1
    return {"x": x, "y": labels, "task": "binary" if classes == 2 else "multiclass",
            "class_names": tuple(str(c) for c in range(classes))}
