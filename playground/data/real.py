"""Real tables: the copies of iris, wine, breast cancer and 8x8 digits that scikit-learn ships in its package.

Read from disk, never downloaded. scikit-learn is imported only when one is asked for (it takes a
second to load). Standardization happens where every table's does (features.Standardizer): these
files hold the raw measurements, so `playground predict` takes the same units a student reads.
"""
from __future__ import annotations

import numpy as np

from playground.config import catalog
from playground.config.experiment import DataSpec

IMAGE_SHAPES = {"digits": (8, 8)}


def load_table(name: str) -> tuple[np.ndarray, np.ndarray, tuple[str, ...], tuple[str, ...]]:
    """(x float64 [n, d], y int64 [n], feature names, class names) of a table in catalog.REAL_DATASETS."""
    from sklearn import datasets as bundled

    loaders = {"iris": bundled.load_iris, "wine": bundled.load_wine,
               "breast_cancer": bundled.load_breast_cancer, "digits": bundled.load_digits}
    table = loaders[name]()
    features = tuple(str(f) for f in table.feature_names)
    classes = tuple(str(c) for c in table.target_names)
    return np.asarray(table.data, np.float64), np.asarray(table.target, np.int64), features, classes


def describe(spec: DataSpec) -> dict:
    """The Dataset fields (besides the split) of a real table."""
    x, y, features, classes = load_table(spec.dataset)
    return {"x": x, "y": y, "task": catalog.task_of(spec.dataset), "class_names": classes, "input_names": features,
            "image_shape": IMAGE_SHAPES.get(spec.dataset, ())}
