"""Learning curves and complexity curves: training and validation error across many short training runs.

A learning curve trains on growing subsets of the training split (the
validation split stays whole): a gap that stays wide as data grows is
variance, two curves that meet high above the baseline are bias. A complexity
curve trains growing models (hidden width, depth, or the polynomial degree of
a hidden-layer-free model on the 1-D curve): validation error falls while
bias shrinks, then rises again as variance takes over, the U of the course.

Every run keeps the experiment's network, initialization and regularization
but trains with full-batch Adam for a fixed number of epochs (the sweep
recipe), so each point gets the same optimization budget whatever its
training-set size, and a whole curve takes seconds rather than minutes.
Errors are those of the bias/variance diagnosis (diagnosis.diagnose):
misclassification rate, or mean squared error for regression.

Built to run on a background thread: should_stop() is polled after every
epoch, progress(fraction) is called after every epoch; a stopped sweep returns
the points finished so far with complete=False.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from playground.config.experiment import Experiment, ExperimentError, LayerSpec
from playground.config.texts import QT_TRANSLATE_NOOP
from playground.data import datasets
from playground.diagnosis.bias_variance import diagnose
from playground.training.trainer import Trainer

SWEEP_EPOCHS = 200
SWEEP_LR = 0.1  # bold for Adam: tiny networks escape the plateaus that hold them at 0.03 (the default 4-2 on circle)
LEARNING_FRACTIONS = tuple(np.linspace(0.1, 1.0, 6))
WIDTHS = (1, 2, 4, 8, 16, 32)
DEPTHS = (0, 1, 2, 3, 4, 5)
DEGREES = tuple(range(1, 13))
# What each sweep's x counts, in English marked for the window's translations (context "Sweep"; see config.texts).
AXIS_LABELS = {
    "learning": QT_TRANSLATE_NOOP("Sweep", "training examples"),
    "width": QT_TRANSLATE_NOOP("Sweep", "hidden units per layer"),
    "depth": QT_TRANSLATE_NOOP("Sweep", "hidden layers"),
    "degree": QT_TRANSLATE_NOOP("Sweep", "polynomial degree"),
}
COMPLEXITY_LABELS = {kind: AXIS_LABELS[kind] for kind in ("width", "depth", "degree")}


@dataclass(frozen=True)
class Curve:
    """Errors against one swept quantity; arrays stop early when the sweep was stopped."""

    kind: str                 # "learning", "width", "depth" or "degree"
    x_label: str              # what x counts, in English
    x: np.ndarray             # training examples, hidden units, hidden layers or degree
    train_error: np.ndarray
    val_error: np.ndarray
    baseline_error: float | None
    error_name: str           # "error rate" or "mean squared error"
    complete: bool


def learning_curve(experiment: Experiment, fractions: Sequence[float] = LEARNING_FRACTIONS,
                   epochs: int = SWEEP_EPOCHS, should_stop: Callable[[], bool] = lambda: False,
                   progress: Callable[[float], None] = lambda fraction: None) -> Curve:
    """Training and validation error against the number of training examples (nested subsets of the split)."""
    data = datasets.load(experiment.data)
    n = len(data.y_train)
    sizes = sorted({min(n, max(1, round(f * n))) for f in fractions})
    runs = [(m, experiment, dataclasses.replace(data, x_train=data.x_train[:m], y_train=data.y_train[:m]))
            for m in sizes]
    return _sweep("learning", AXIS_LABELS["learning"], runs, epochs, should_stop, progress)


def complexity_curve(experiment: Experiment, kind: str = "width", values: Sequence[int] | None = None,
                     epochs: int = SWEEP_EPOCHS, should_stop: Callable[[], bool] = lambda: False,
                     progress: Callable[[float], None] = lambda fraction: None) -> Curve:
    """Training and validation error against capacity: hidden width, depth, or polynomial degree on the curve data."""
    if kind not in COMPLEXITY_LABELS:
        raise ExperimentError(f"complexity sweep: unknown kind '{kind}' (allowed: {', '.join(COMPLEXITY_LABELS)})")
    if kind == "degree" and experiment.data.dataset != "curve":
        raise ExperimentError("the polynomial-degree sweep needs the 1-D 'curve' dataset")
    values = list(values or {"width": WIDTHS, "depth": DEPTHS, "degree": DEGREES}[kind])
    data = datasets.load(experiment.data)
    runs = [(v, _with_capacity(experiment, kind, v), data) for v in values]
    return _sweep(kind, COMPLEXITY_LABELS[kind], runs, epochs, should_stop, progress)


def _with_capacity(experiment: Experiment, kind: str, value: int) -> Experiment:
    """`value` units in every hidden layer, `value` hidden layers, or features x1..x1^value and no hidden layer."""
    if kind == "degree":
        features = ["x1"] + [f"x1^{p}" for p in range(2, value + 1)]
        # x1^12 reaches 3^12 on the curve's range: unscaled, no step size fits every feature.
        return experiment.with_changes(**{"data.features": features, "data.standardize": True, "network.layers": []})
    layers = [layer.model_dump() for layer in experiment.network.layers] or [LayerSpec().model_dump()]
    if kind == "width":
        return experiment.with_changes(**{"network.layers": [{**layer, "units": value} for layer in layers]})
    return experiment.with_changes(**{"network.layers": [layers[0]] * value})


def sweep_recipe(experiment: Experiment, epochs: int = SWEEP_EPOCHS) -> Experiment:
    """The experiment as one sweep run trains it: full-batch Adam, a constant learning rate, `epochs` epochs."""
    return experiment.with_changes(**{
        "training.batch_size": 0, "training.epochs": epochs,
        "training.optimizer": {"name": "adam", "lr": SWEEP_LR, "hyper": {}},
        "training.schedule": {"name": "constant", "hyper": {}},
        "training.lookahead.enabled": False,
    })


def _sweep(kind: str, x_label: str, runs: list[tuple[int, Experiment, datasets.Dataset]], epochs: int,
           should_stop: Callable[[], bool], progress: Callable[[float], None]) -> Curve:
    """Train each (x, experiment, dataset) run in turn with the sweep recipe and collect its errors."""
    xs, train_errors, val_errors = [], [], []
    baseline: float | None = None
    for i, (x, experiment, data) in enumerate(runs):
        if should_stop():
            break
        trainer = Trainer(sweep_recipe(experiment, epochs), dataset=data)
        stopped = False

        def on_epoch(t: Trainer, done_runs: int = i) -> bool:
            nonlocal stopped
            progress((done_runs + t.epoch / epochs) / len(runs))
            stopped = should_stop()
            return not stopped

        trainer.train(epochs, on_epoch)
        if stopped:
            break
        d = diagnose(trainer)
        xs.append(x)
        train_errors.append(d["train_error"])
        val_errors.append(d["val_error"])
        baseline = d["baseline_error"] if d["baseline_known"] else None
    error_name = "mean squared error" if runs and runs[0][2].task == "regression" else "error rate"
    return Curve(kind=kind, x_label=x_label, x=np.array(xs), train_error=np.array(train_errors),
                 val_error=np.array(val_errors), baseline_error=baseline, error_name=error_name,
                 complete=len(xs) == len(runs))
