"""Colors for every heatmap and data point: TensorFlow Playground's orange-white-blue scale.

Signed values in [-1, 1] go through a 256-entry lookup table: orange for negative (class 0),
light grey near zero, blue for positive (class 1). Class probabilities blend up to six
colorblind-safe class colors. Grids are row-major as the engine makes them: row i holds the
i-th y value counted from y0 upwards, column j the j-th x value from x0.

"Surface" colors are the points' colors washed out towards white, as TF Playground draws its
heatmaps at 160/255 opacity on white, so that data points stay visible on top of them.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor, QImage

from playground.training.snapshot import DataView

NEGATIVE = "#f59322"
NEUTRAL = "#e8eaeb"
POSITIVE = "#0877bd"
# Okabe-Ito and Tol picks after TF's own two, distinct for the common colour blindnesses.
CLASS_COLORS = (NEGATIVE, POSITIVE, "#009e73", "#aa3377", "#ccbb44", "#66ccee")
LUT_SIZE = 256
SURFACE_OPACITY = 160 / 255


def rgb(color: str) -> np.ndarray:
    """'#rrggbb' as three floats 0..255."""
    value = QColor(color)
    return np.array([value.red(), value.green(), value.blue()], dtype=np.float64)


def _wash(colors: np.ndarray) -> np.ndarray:
    return 255.0 + (colors - 255.0) * SURFACE_OPACITY


def _with_alpha(colors: np.ndarray) -> np.ndarray:
    alpha = np.full(colors.shape[:-1] + (1,), 255.0)
    return np.round(np.concatenate([colors, alpha], axis=-1)).astype(np.uint8)


def _signed_table() -> np.ndarray:
    t = np.linspace(-1.0, 1.0, LUT_SIZE)[:, None]
    low, mid, high = rgb(NEGATIVE), rgb(NEUTRAL), rgb(POSITIVE)
    return np.where(t < 0, mid + (low - mid) * -t, mid + (high - mid) * t)


POINT_LUT = _with_alpha(_signed_table())      # [256, 4] uint8, opaque data-point colors
SURFACE_LUT = _with_alpha(_wash(_signed_table()))
CLASS_RGB = np.stack([rgb(c) for c in CLASS_COLORS])
WHITE_RGB = np.array([255.0, 255.0, 255.0])


def signed_rgba(values: np.ndarray, scale: float = 1.0, discretize: bool = False,
                lut: np.ndarray = SURFACE_LUT) -> np.ndarray:
    """RGBA uint8 [..., 4] for values / scale on the orange-blue scale; discretize keeps the sign only.

    NaN reads as neutral. Written for speed: the network diagram colors every neuron every frame.
    """
    values = np.asarray(values, dtype=np.float64)
    top, middle = LUT_SIZE - 1, (LUT_SIZE - 1) // 2
    if discretize:
        return lut[np.where(values >= 0, top, np.where(values < 0, 0, middle))]
    half = 0.5 * top
    index = np.clip(values * (half / scale) + (half + 0.5), 0, top)
    return lut[np.where(np.isnan(index), middle, index).astype(np.intp)]


def blend_rgba(weights: np.ndarray, colors: np.ndarray, surface: bool = True) -> np.ndarray:
    """RGBA uint8 [..., 4] mixing colors [K, 3] by weights [K, ...] that sum to one."""
    palette = _wash(colors) if surface else colors
    weights = np.nan_to_num(np.moveaxis(np.asarray(weights, dtype=np.float64), 0, -1))
    return _with_alpha(np.clip(weights @ palette, 0.0, 255.0))


def class_rgba(probs: np.ndarray, discretize: bool = False) -> np.ndarray:
    """Surface colors for class probabilities [C, ...]; discretize paints the likeliest class only."""
    colors = CLASS_RGB[: probs.shape[0]]
    if discretize:
        return _with_alpha(_wash(colors)[np.argmax(np.nan_to_num(probs, nan=-1.0), axis=0)])
    return blend_rgba(probs, colors)


def likeliest(probs: np.ndarray) -> np.ndarray:
    """Discretized class probabilities [C, ...]: 1 where a class is the likeliest, else 0."""
    winner = np.argmax(np.nan_to_num(probs, nan=-1.0), axis=0)
    classes = np.arange(probs.shape[0]).reshape((-1,) + (1,) * (probs.ndim - 1))
    return (classes == winner).astype(np.float64)


def single_class_rgba(probability: np.ndarray, class_index: int) -> np.ndarray:
    """White where a class is unlikely, its color where it is certain."""
    weights = np.stack([1.0 - probability, probability])
    return blend_rgba(weights, np.stack([WHITE_RGB, CLASS_RGB[class_index]]))


def target_scale(data: DataView) -> float:
    """The regression target that gets full color: the largest |target| in the training split."""
    finite = np.abs(data.y_train[np.isfinite(data.y_train)]) if len(data.y_train) else np.zeros(0)
    largest = float(finite.max()) if finite.size else 0.0
    return largest if largest > 0 else 1.0


def output_rgba(output: np.ndarray, data: DataView, discretize: bool = False) -> np.ndarray:
    """The model's output over the grid as surface colors, per task."""
    if data.task == "multiclass":
        return class_rgba(output, discretize)
    if data.task == "binary":
        return signed_rgba(2.0 * output - 1.0, discretize=discretize)
    return signed_rgba(output, target_scale(data), discretize)


def point_rgba(data: DataView, targets: np.ndarray) -> np.ndarray:
    """Opaque colors for data points: the class color, or the target on the orange-blue scale."""
    if data.task == "regression":
        return signed_rgba(targets, target_scale(data), lut=POINT_LUT)
    index = np.clip(targets.astype(np.intp), 0, len(CLASS_COLORS) - 1)
    return _with_alpha(CLASS_RGB[index])


def to_qimage(rgba: np.ndarray) -> QImage:
    """A QImage of a row-major grid [h, w, 4] (or a 1-D line [w, 4]), flipped so that y grows upwards."""
    return atlas_qimage(rgba[None])


def atlas_qimage(stack: np.ndarray) -> QImage:
    """Grids [n, h, w, 4] (or lines [n, w, 4]) stacked top to bottom in one QImage, each flipped;
    grid i fills rows i*h .. (i+1)*h. One image per column of nodes costs far less than one per node."""
    if stack.ndim == 3:  # lines: one row of pixels each
        stack = stack[:, None]
    count, height, width = stack.shape[:3]
    pixels = np.ascontiguousarray(stack[:, ::-1]).reshape(count * height, width, 4)
    # copy(): the QImage must not keep pointing into the numpy buffer.
    return QImage(pixels.data, width, count * height, 4 * width, QImage.Format.Format_RGBA8888).copy()
