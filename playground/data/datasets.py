"""The data an experiment trains on: TensorFlow Playground's generators, a few more, and CSV files.

numpy only (no Qt, no torch): the trainer, the command line and the tests share it.
Every generator draws from one `np.random.default_rng(spec.seed)`, so the same
DataSpec always gives the same arrays; baseline errors draw from a second stream
seeded the same way, so computing them never changes the data.

`spec.noise` is TensorFlow Playground's noise number (its 0-50 % slider is 0..0.5):
- circle, xor, checkerboard, reg-plane, reg-gauss: TF's label noise, the label is
  computed from the point moved by U(-spread, spread) * noise; the stored point is clean.
- gauss: variance 0.5 + noise / 0.5 * 3.5 (TF's 0.5..4, extrapolated above 0.5).
- spiral: the point itself moves by U(-1, 1) * noise per axis (TF).
- moons: sklearn's make_moons scaled by 3 and centred (x in [-4.5, 4.5], y in
  [-2.25, 2.25]); Gaussian noise of std 3 * noise on the points, i.e. `noise` is
  make_moons' own noise parameter. Outer moon is class 0, inner moon class 1.
- checkerboard: x, y ~ U(-6, 6), a 4 x 4 board of 3 x 3 cells; class 1 where
  floor(x/3) + floor(y/3) is even (so the cell [0, 3) x [0, 3) is class 1, as in xor).
- blobs: spec.classes Gaussian blobs centred evenly on a circle of radius 4
  (class 0 at (4, 0), counter-clockwise), std 0.5 + 3.5 * noise.
- curve: 1-D regression, x ~ U(-3, 3), y = sin(1.5 x) + 0.3 x + N(0, noise).
"""
from __future__ import annotations

import csv
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from playground.config import catalog, limits
from playground.config.experiment import DataSpec, ExperimentError

PLANE = (-6.0, 6.0, -6.0, 6.0)  # TensorFlow Playground's drawing area
CURVE_EXTENT = (-3.0, 3.0)
MAX_CSV_ROWS = 1_000_000

# Monte Carlo budget of the baseline estimates: small enough to stay well under a second.
_MC_POINTS = 500
_MC_DRAWS = 64
_MC_BLOB_SAMPLES = 10_000  # per class

_BUMPS = np.array([(-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1)], float)


@dataclass(frozen=True)
class Dataset:
    """Raw inputs (before feature expansion) and targets, shuffled once and split."""

    task: str                      # "binary", "multiclass" or "regression"
    classes: int                   # 2 binary, C multiclass, 0 regression
    class_names: tuple[str, ...]   # () for regression
    input_names: tuple[str, ...]   # ("x1", "x2"), ("x1",) or the CSV's feature columns
    x_train: np.ndarray            # float64 [n, d]
    y_train: np.ndarray            # int64 class index or float64 target, [n]
    x_val: np.ndarray
    y_val: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    extent: tuple[float, ...]      # (x0, x1, y0, y1), (x0, x1) for 1-D, () when d > 2
    baseline_error: float | None  # Bayes error rate or irreducible MSE where known


def load(spec: DataSpec) -> Dataset:
    """Generate (or read the CSV of) the data a DataSpec describes, shuffled once and split train/val/test."""
    if spec.dataset == "csv":
        return _load_csv(spec)
    rng = np.random.default_rng(spec.seed)
    n = spec.samples or catalog.DATASETS[spec.dataset][1]
    x, y, baseline = _GENERATORS[spec.dataset](rng, n, spec)
    task = catalog.task_of(spec.dataset)
    classes = {"binary": 2, "multiclass": spec.classes, "regression": 0}[task]
    one_d = spec.dataset == "curve"
    return _split(
        rng, x, y, spec,
        task=task,
        class_names=tuple(str(c) for c in range(classes)),
        input_names=("x1",) if one_d else ("x1", "x2"),
        extent=CURVE_EXTENT if one_d else PLANE,
        baseline_error=baseline,
    )


def _split(rng: np.random.Generator, x: np.ndarray, y: np.ndarray, spec: DataSpec, **fields) -> Dataset:
    # spec.samples equals a generator's n; for a CSV it keeps a random subset of the rows.
    order = rng.permutation(len(x))[:spec.samples]
    x, y = x[order], y[order]
    # Never an empty training split, however small the data or fraction.
    n_train = max(1, round(len(x) * spec.train_fraction))
    n_val = min(round(len(x) * spec.val_fraction), len(x) - n_train)
    cut = n_train + n_val
    classes = len(fields["class_names"])
    return Dataset(
        classes=classes, x_train=x[:n_train], y_train=y[:n_train], x_val=x[n_train:cut], y_val=y[n_train:cut],
        x_test=x[cut:], y_test=y[cut:], **fields,
    )


# -- TensorFlow Playground's label noise ------------------------------------------

LabelFn = Callable[[np.ndarray], np.ndarray]


def _noisy_labels(
    rng: np.random.Generator, points: np.ndarray, label_of: LabelFn, spread: float, noise: float
) -> np.ndarray:
    # TF moves the point only to compute its label: the noise blurs the boundary, not the inputs.
    return label_of(points + rng.uniform(-spread, spread, points.shape) * noise)


def _baseline_rng(spec: DataSpec) -> np.random.Generator:
    # A stream of its own, so estimating the baseline never changes the data.
    return np.random.default_rng([spec.seed, 1])


def _label_noise_baseline(points: np.ndarray, label_of: LabelFn, spread: float, spec: DataSpec) -> float:
    """Monte Carlo over the label noise: Bayes error (classification) or E[Var(label | x)] (regression)."""
    if spec.noise == 0:
        return 0.0
    rng = _baseline_rng(spec)
    sample = points[rng.permutation(len(points))[:_MC_POINTS]]
    draws = np.repeat(sample, _MC_DRAWS, axis=0)
    labels = _noisy_labels(rng, draws, label_of, spread, spec.noise).reshape(len(sample), _MC_DRAWS)
    if catalog.task_of(spec.dataset) == "regression":
        return float(labels.var(axis=1, ddof=1).mean())
    p = labels.mean(axis=1)
    return float(np.minimum(p, 1.0 - p).mean())


def _with_label_noise(points_of: Callable[[np.random.Generator, int], np.ndarray], label_of: LabelFn, spread: float):
    def generate(rng: np.random.Generator, n: int, spec: DataSpec):
        x = points_of(rng, n)
        y = _noisy_labels(rng, x, label_of, spread, spec.noise)
        return x, y, _label_noise_baseline(x, label_of, spread, spec)
    return generate


def _halves(n: int) -> tuple[int, int]:
    """The sizes of the first and second half; an odd n gives the first one more."""
    return n - n // 2, n // 2


def _circle_points(rng: np.random.Generator, n: int) -> np.ndarray:
    inside, outside = _halves(n)
    r = np.concatenate([rng.uniform(0.0, 2.5, inside), rng.uniform(3.5, 5.0, outside)])
    angle = rng.uniform(0.0, 2 * np.pi, n)
    return np.column_stack([r * np.sin(angle), r * np.cos(angle)])


def _xor_points(rng: np.random.Generator, n: int) -> np.ndarray:
    p = rng.uniform(-5.0, 5.0, (n, 2))
    return p + np.where(p > 0, 0.3, -0.3)  # TF's padding keeps points off the axes


def _square_points(rng: np.random.Generator, n: int) -> np.ndarray:
    return rng.uniform(-6.0, 6.0, (n, 2))


def _circle_label(p: np.ndarray) -> np.ndarray:
    return (np.hypot(p[:, 0], p[:, 1]) < 2.5).astype(np.int64)


def _xor_label(p: np.ndarray) -> np.ndarray:
    return (p[:, 0] * p[:, 1] >= 0).astype(np.int64)


def _checker_label(p: np.ndarray) -> np.ndarray:
    cells = np.floor(p[:, 0] / 3) + np.floor(p[:, 1] / 3)
    return (cells % 2 == 0).astype(np.int64)


def _plane_label(p: np.ndarray) -> np.ndarray:
    return (p[:, 0] + p[:, 1]) / 10.0


def _bumps_label(p: np.ndarray) -> np.ndarray:
    dist = np.hypot(p[:, :1] - _BUMPS[:, 0], p[:, 1:] - _BUMPS[:, 1])
    values = _BUMPS[:, 2] * np.clip(1.0 - dist / 2.0, 0.0, 1.0)
    # TF keeps the bump largest in absolute value (the first on a tie, 0 when none reaches).
    return values[np.arange(len(p)), np.abs(values).argmax(axis=1)]


# -- generators that move the points themselves -------------------------------------

def _gauss(rng: np.random.Generator, n: int, spec: DataSpec):
    std = math.sqrt(0.5 + spec.noise / 0.5 * 3.5)
    pos, neg = _halves(n)
    x = np.concatenate([rng.normal(2.0, std, (pos, 2)), rng.normal(-2.0, std, (neg, 2))])
    y = np.repeat(np.array([1, 0], np.int64), (pos, neg))
    # Two equal isotropic Gaussians 4*sqrt(2) apart: the Bayes boundary is the bisector.
    z = 4 * math.sqrt(2) / (2 * std)
    return x, y, 0.5 * (1 + math.erf(-z / math.sqrt(2)))  # Phi(-z)


def _spiral(rng: np.random.Generator, n: int, spec: DataSpec):
    counts, arms = _halves(n), []
    for count, delta in zip(counts, (0.0, np.pi)):  # class 1's arm, then class 0's half a turn on
        s = np.arange(count) / count
        r, t = s * 5, 1.75 * s * 2 * np.pi + delta
        arms.append(np.column_stack([r * np.sin(t), r * np.cos(t)]) + rng.uniform(-1, 1, (count, 2)) * spec.noise)
    return np.concatenate(arms), np.repeat(np.array([1, 0], np.int64), counts), None


def _moons(rng: np.random.Generator, n: int, spec: DataSpec):
    outer, inner = _halves(n)
    t = rng.uniform(0.0, np.pi, n)
    upper = np.column_stack([np.cos(t[:outer]), np.sin(t[:outer])])
    lower = np.column_stack([1 - np.cos(t[outer:]), 0.5 - np.sin(t[outer:])])
    x = 3.0 * (np.concatenate([upper, lower]) - (0.5, 0.25)) + rng.normal(0.0, 3.0 * spec.noise, (n, 2))
    return x, np.repeat(np.array([0, 1], np.int64), (outer, inner)), None


def _blob_centers(classes: int) -> np.ndarray:
    angle = 2 * np.pi * np.arange(classes) / classes
    return 4.0 * np.column_stack([np.cos(angle), np.sin(angle)])


def _blobs(rng: np.random.Generator, n: int, spec: DataSpec):
    centers, std = _blob_centers(spec.classes), 0.5 + 3.5 * spec.noise
    counts = [n // spec.classes + (c < n % spec.classes) for c in range(spec.classes)]
    y = np.repeat(np.arange(spec.classes, dtype=np.int64), counts)
    x = centers[y] + rng.normal(0.0, std, (n, 2))
    # Equal isotropic Gaussians: the nearest centre is the Bayes classifier.
    mc = _baseline_rng(spec)
    truth = np.repeat(np.arange(spec.classes), _MC_BLOB_SAMPLES)
    points = centers[truth] + mc.normal(0.0, std, (len(truth), 2))
    nearest = ((points[:, None, :] - centers) ** 2).sum(axis=2).argmin(axis=1)
    return x, y, float((nearest != truth).mean())


def curve_function(x: np.ndarray) -> np.ndarray:
    """The curve dataset's true function: curved enough that low polynomial degrees underfit."""
    return np.sin(1.5 * x) + 0.3 * x


def _curve(rng: np.random.Generator, n: int, spec: DataSpec):
    x = rng.uniform(*CURVE_EXTENT, n)
    y = curve_function(x) + rng.normal(0.0, spec.noise, n)
    return x[:, None], y, spec.noise ** 2


_GENERATORS = {
    "circle": _with_label_noise(_circle_points, _circle_label, 5.0),
    "xor": _with_label_noise(_xor_points, _xor_label, 5.0),
    "checkerboard": _with_label_noise(_square_points, _checker_label, 6.0),
    "reg-plane": _with_label_noise(_square_points, _plane_label, 6.0),
    "reg-gauss": _with_label_noise(_square_points, _bumps_label, 6.0),
    "gauss": _gauss,
    "spiral": _spiral,
    "moons": _moons,
    "blobs": _blobs,
    "curve": _curve,
}


# -- CSV -------------------------------------------------------------------------------

def _load_csv(spec: DataSpec) -> Dataset:
    path = Path(spec.csv_path)
    name = path.name
    header, lines, columns = _read_csv(path)
    label_name = spec.label_column or header[-1]
    if label_name not in header:
        raise ExperimentError(f"label column '{limits.clip(label_name)}' is not in {name} (columns: {limits.clip(', '.join(header))})")
    label_at = header.index(label_name)
    feature_at = [i for i in range(len(header)) if i != label_at]
    x = np.column_stack([_numbers(columns[i], lines, name, header[i]) for i in feature_at])
    labels = [text.strip() for text in columns[label_at]]
    for line, text in zip(lines, labels):
        if not text:
            raise ExperimentError(f"{name} line {line}, column '{label_name}': missing label")
    task, class_names, y = _targets(labels, lines, name, label_name)
    return _split(
        np.random.default_rng(spec.seed), x, y, spec,
        task=task, class_names=class_names, input_names=tuple(header[i] for i in feature_at),
        extent=_data_extent(x), baseline_error=None,
    )


def _read_csv(path: Path) -> tuple[list[str], list[int], list[tuple[str, ...]]]:
    """The stripped header, each data row's line number, and the raw text of each column."""
    name = path.name
    try:
        limits.check_file(path, limits.MAX_CSV_BYTES)
    except ExperimentError as error:
        raise ExperimentError(f"{limits.clip(str(path))}: {error}") from None
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.reader(handle, skipinitialspace=True)  # `a, "b, c"` is two fields
            header: list[str] | None = None
            lines: list[int] = []
            rows: list[list[str]] = []
            for fields in reader:
                if not fields:
                    continue  # a blank line holds no row
                if header is None:
                    header = _check_header([f.strip() for f in fields], name, reader.line_num)
                    continue
                if len(fields) != len(header):
                    raise ExperimentError(
                        f"{name} line {reader.line_num}: {len(fields)} values, the header has {len(header)} columns")
                if len(rows) == MAX_CSV_ROWS:
                    raise ExperimentError(f"{name} has more than {MAX_CSV_ROWS:,} rows")
                lines.append(reader.line_num)
                rows.append(fields)
    except (OSError, UnicodeDecodeError) as error:
        raise ExperimentError(f"{limits.clip(str(path))}: cannot read ({getattr(error, 'strerror', None) or error})") from None
    except csv.Error as error:
        raise ExperimentError(f"{name}: not a CSV file ({error})") from None
    if header is None:
        raise ExperimentError(f"{name} is empty")
    if not rows:
        raise ExperimentError(f"{name} has a header but no data rows")
    return header, lines, list(zip(*rows))


def _check_header(fields: list[str], name: str, line: int) -> list[str]:
    if len(fields) < 2:
        raise ExperimentError(f"{name} line {line}: the header needs at least two columns (features and a label)")
    for i, column in enumerate(fields):
        if not column:
            raise ExperimentError(f"{name} line {line}: column {i + 1} has no name")
        if fields.index(column) != i:
            raise ExperimentError(f"{name} line {line}: column '{limits.clip(column)}' appears twice")
    return fields


def _numbers(texts: Sequence[str], lines: Sequence[int], name: str, column: str) -> np.ndarray:
    """A column as float64 (surrounding spaces allowed); a bad value raises naming its line."""
    try:
        values = np.array(texts, dtype=np.float64)  # fast path: numpy parses like float()
        if np.isfinite(values).all():
            return values
    except ValueError:
        pass
    return np.array([_number(text.strip(), line, name, column) for line, text in zip(lines, texts)])


def _number(text: str, line: int, name: str, column: str) -> float:
    try:
        value = float(text)
        if math.isfinite(value):
            return value
        problem = f"'{limits.clip(text)}' is not a finite number"
    except ValueError:
        problem = f"'{limits.clip(text)}' is not a number" if text else "missing value"
    raise ExperimentError(f"{name} line {line}, column '{column}': {problem}")


def _parses(text: str, kind: type) -> bool:
    try:
        kind(text)
    except ValueError:
        return False
    return True


def _targets(texts: list[str], lines: list[int], name: str, column: str) -> tuple[str, tuple[str, ...], np.ndarray]:
    """(task, class names, y): integer or text labels are classes, decimal numbers a regression target."""
    distinct = set(texts)
    numeric = all(_parses(t, int) for t in distinct)
    if not numeric and all(_parses(t, float) for t in distinct):
        return "regression", (), _numbers(texts, lines, name, column)
    class_names = tuple(sorted(distinct, key=(lambda t: (int(t), t)) if numeric else None))
    if len(class_names) < 2:
        raise ExperimentError(f"{name}: the label column '{column}' has only one class ({limits.clip(repr(class_names[0]))})")
    index = {c: i for i, c in enumerate(class_names)}
    task = "binary" if len(class_names) == 2 else "multiclass"
    return task, class_names, np.array([index[t] for t in texts], np.int64)


def _data_extent(x: np.ndarray) -> tuple[float, ...]:
    """The data's range padded 5 % per axis, for drawing; () when there are more than two inputs."""
    if x.shape[1] > 2:
        return ()
    low, high = x.min(axis=0), x.max(axis=0)
    pad = np.where(high > low, 0.05 * (high - low), 1.0)  # a constant column still gets a visible range
    return tuple(float(v) for pair in zip(low - pad, high + pad) for v in pair)
