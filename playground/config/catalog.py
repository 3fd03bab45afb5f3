"""The choices an experiment can name, with their hyperparameters.

Torch-free on purpose: the schema, the command line and the GUI's forms read
these tables, and the modules that build torch objects key on the same names.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hyper:
    """One numeric hyperparameter: its default and the range a user may set."""

    name: str
    default: float
    low: float
    high: float
    help: str


# Dataset name -> (task, default sample count). "csv" takes its task from the file, "points" from
# data.points_task; a real table's count is its whole size.
DATASETS: dict[str, tuple[str, int]] = {
    "circle": ("binary", 500),
    "xor": ("binary", 500),
    "gauss": ("binary", 500),
    "spiral": ("binary", 500),
    "moons": ("binary", 500),
    "checkerboard": ("binary", 500),
    "blobs": ("multiclass", 500),
    "reg-plane": ("regression", 1200),
    "reg-gauss": ("regression", 1200),
    "curve": ("regression", 200),
    "function": ("binary", 500),
    "csv": ("from-file", 0),
    "points": ("from-points", 0),
    "iris": ("multiclass", 0),
    "wine": ("multiclass", 0),
    "breast_cancer": ("binary", 0),
    "digits": ("multiclass", 0),
}
# The generators TF Playground's thumbnails show; the others need a file, drawn points, a formula or are tables.
GENERATORS = ("circle", "xor", "gauss", "spiral", "moons", "checkerboard", "blobs", "reg-plane", "reg-gauss", "curve")
# The tables scikit-learn ships inside its package: standardized unless a document says otherwise.
REAL_DATASETS = ("iris", "wine", "breast_cancer", "digits")
MAX_POINTS = 10_000
MAX_POINT_CLASSES = 6  # labels 0 .. 5: the plane's six class colors

# TensorFlow Playground's seven inputs; the 1-D curve also takes powers x1^3 .. x1^12.
FEATURES_2D = ("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin_x1", "sin_x2")
MAX_POWER = 12

ACTIVATIONS = (
    "linear", "sigmoid", "tanh", "relu", "leaky_relu", "prelu", "elu", "gelu",
    "silu", "softplus", "hard_sigmoid", "maxout",
)

INITIALIZERS = {
    # name -> meaning of `scale` (None: the scheme takes no scale)
    "tf_playground": None,
    "zeros": None,
    "constant": "value",
    "normal": "sigma",
    "uniform": "bound",
    "xavier_uniform": None,
    "xavier_normal": None,
    "he_uniform": None,
    "he_normal": None,
    "lecun_normal": None,
}
INIT_DEFAULT_SCALE = {"constant": 0.1, "normal": 1.0, "uniform": 0.5}

_BETAS = (
    Hyper("beta1", 0.9, 0.0, 0.9999, "decay of the running mean of gradients"),
    Hyper("beta2", 0.999, 0.0, 0.999999, "decay of the running mean of squared gradients"),
    Hyper("eps", 1e-8, 1e-12, 1.0, "added to the denominator so it never is zero"),
)
OPTIMIZERS: dict[str, tuple[Hyper, ...]] = {
    "sgd": (),
    "momentum": (Hyper("momentum", 0.9, 0.0, 0.9999, "fraction of the last step carried on"),),
    "nesterov": (Hyper("momentum", 0.9, 0.0, 0.9999, "fraction of the last step carried on, looked ahead"),),
    "adagrad": (Hyper("eps", 1e-10, 1e-12, 1.0, "added to the denominator so it never is zero"),),
    "adadelta": (
        Hyper("rho", 0.9, 0.0, 0.9999, "decay of the running averages"),
        Hyper("eps", 1e-6, 1e-12, 1.0, "added to the denominator so it never is zero"),
    ),
    "rmsprop": (
        Hyper("alpha", 0.99, 0.0, 0.9999, "decay of the running mean of squared gradients"),
        Hyper("eps", 1e-8, 1e-12, 1.0, "added to the denominator so it never is zero"),
        Hyper("momentum", 0.0, 0.0, 0.9999, "fraction of the last step carried on"),
    ),
    "adam": _BETAS,
    "adamw": _BETAS,
    "amsgrad": _BETAS,
    "nadam": _BETAS,
    "radam": _BETAS,
}

SCHEDULES: dict[str, tuple[Hyper, ...]] = {
    "constant": (),
    "step": (
        Hyper("step_size", 100, 1, 1e6, "epochs between two cuts"),
        Hyper("gamma", 0.5, 0.0, 1.0, "factor applied at each cut"),
    ),
    "exponential": (Hyper("gamma", 0.99, 0.0, 1.0, "factor applied every epoch"),),
    "inverse_time": (Hyper("decay", 0.01, 0.0, 1e3, "lr / (1 + decay * epoch)"),),
    "inverse_sqrt": (),
    "cosine": (
        Hyper("t_max", 300, 1, 1e7, "epochs of one half cosine, after which it restarts from lr"),
        Hyper("eta_min", 0.0, 0.0, 10.0, "smallest learning rate"),
    ),
}

# Loss name -> the tasks it fits. TF Playground's loss needs its one output: tanh for a binary task, linear for regression.
LOSSES: dict[str, tuple[str, ...]] = {
    "cross_entropy": ("binary", "multiclass"),
    "squared_error": ("binary", "multiclass", "regression"),
    "absolute_error": ("binary", "multiclass", "regression"),
    "huber": ("binary", "multiclass", "regression"),
    "hinge": ("binary", "multiclass"),
    "tf_playground": ("binary", "regression"),
}
# What a document without training.loss trains with.
DEFAULT_LOSS = {"binary": "cross_entropy", "multiclass": "cross_entropy", "regression": "squared_error"}
_TASK_WORDS = {"binary": "binary classification", "multiclass": "multiclass classification", "regression": "regression"}

DEVICES = ("auto", "cpu", "cuda", "mps")
# The window's languages: English and each translation in gui/translations/.
LANGUAGES = ("en", "zh_CN")


def task_of(dataset: str) -> str:
    """'binary', 'multiclass', 'regression', 'from-file' or 'from-points' for a dataset name."""
    return DATASETS[dataset][0]


def losses_for(task: str) -> tuple[str, ...]:
    """The losses that fit a task ('binary', 'multiclass' or 'regression'), the task's default first."""
    default = DEFAULT_LOSS[task]
    return (default,) + tuple(name for name, tasks in LOSSES.items() if task in tasks and name != default)


def loss_problem(loss: str | None, tasks: tuple[str, ...]) -> str | None:
    """One line naming training.loss when `loss` fits none of `tasks` (the tasks the data may turn out to be)."""
    if loss is None or any(task in LOSSES[loss] for task in tasks):
        return None
    fits = "classification" if set(LOSSES[loss]) == {"binary", "multiclass"} else " and ".join(
        _TASK_WORDS[task] for task in LOSSES[loss])
    allowed = losses_for(tasks[0])
    return (f"training.loss: {loss} is for {fits}; for {_TASK_WORDS[tasks[0]]} use "
            f"{', '.join(allowed[:-1])} or {allowed[-1]}")
