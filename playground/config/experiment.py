"""The experiment document: data, network, training and seed as one validated JSON value.

The GUI edits it, the command line builds it from flags, saved files hold it.
Validation errors become one line that names the field and what it allows.
"""
from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_serializer, model_validator

from playground.config import catalog, limits
from playground.config.atomic import write_atomic
from playground.config.errors import ExperimentError

VERSION = 1


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


def _check_hypers(table: dict, name: str, values: dict[str, float], what: str) -> dict[str, float]:
    allowed = {h.name: h for h in table[name]}
    for key, value in values.items():
        if key not in allowed:
            names = ", ".join(allowed) or "none"
            raise ValueError(f"{what} '{name}' has no hyperparameter '{limits.clip(key, 40)}' (allowed: {names})")
        h = allowed[key]
        if not h.low <= value <= h.high:
            raise ValueError(f"{what} {key} must be between {h.low:g} and {h.high:g}, got {value:g}")
    return values


_POWER = re.compile(r"^x1\^(\d+)$")


def is_feature(name: str) -> bool:
    """True for a feature name the engine knows (x1, x2, x1^2 ... sin_x2, x1^k)."""
    if name in catalog.FEATURES_2D:
        return True
    m = _POWER.match(name)
    return bool(m) and 1 <= int(m.group(1)) <= catalog.MAX_POWER


class DataSpec(_Strict):
    dataset: Literal[tuple(catalog.DATASETS)] = "circle"  # type: ignore[valid-type]
    samples: int | None = Field(None, ge=4, le=1_000_000, description="None: the dataset's default")
    noise: float = Field(0.0, ge=0.0, le=1.0, description="0..1; TensorFlow Playground's 0-50 % is 0..0.5")
    train_fraction: float = Field(0.5, ge=0.05, le=0.95)
    val_fraction: float = Field(0.25, ge=0.0, le=0.9)
    classes: int = Field(3, ge=3, le=6, description="blobs only")
    seed: int = Field(0, ge=0, le=2**32 - 1)
    csv_path: str | None = None
    label_column: str | None = None
    features: list[str] = Field(default_factory=lambda: ["x1", "x2"], min_length=1)
    standardize: bool | None = Field(None, description="zero mean, unit variance inputs; None: for a CSV only")
    baseline_error: float | None = Field(None, ge=0.0, description="human-level error; None: the generator's own estimate")
    points: list[list[float]] = Field(default_factory=list, max_length=catalog.MAX_POINTS, description="[x1, x2, label]")
    points_task: Literal["classification", "regression"] = "classification"
    formula: str | None = Field(None, description="x2 = f(x1) for the 'function' dataset, e.g. 3*sin(x1)")

    @model_validator(mode="before")
    @classmethod
    def _real_tables_standardized(cls, value: Any) -> Any:
        # Their columns differ in units by orders of magnitude (wine's proline vs. its hue).
        if isinstance(value, dict) and value.get("dataset") in catalog.REAL_DATASETS and "standardize" not in value:
            return {**value, "standardize": True}
        return value

    @field_validator("points")
    @classmethod
    def _point_rows(cls, value: list[list[float]]) -> list[list[float]]:
        for i, row in enumerate(value):
            if len(row) != 3:
                raise ValueError(f"point {i + 1} has {len(row)} values; each point is [x1, x2, label]")
            if not all(math.isfinite(v) for v in row):
                raise ValueError(f"point {i + 1} has a value that is not a finite number: {row}")
        return value

    @field_validator("features")
    @classmethod
    def _known_features(cls, value: list[str]) -> list[str]:
        for name in value:
            if not is_feature(name):
                allowed = ", ".join(catalog.FEATURES_2D)
                raise ValueError(f"unknown feature '{limits.clip(name, 40)}' (allowed: {allowed}, x1^k for k up to {catalog.MAX_POWER})")
        if len(set(value)) != len(value):
            raise ValueError("a feature is listed twice")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> DataSpec:
        if self.train_fraction + self.val_fraction > 1.0 + 1e-9:
            raise ValueError("train_fraction + val_fraction must be at most 1")
        if self.dataset == "csv" and not self.csv_path:
            raise ValueError("dataset 'csv' needs csv_path")
        if self.dataset == "points":
            self._check_points()
        if self.dataset == "function" and not (self.formula or "").strip():
            raise ValueError("dataset 'function' needs a formula, e.g. 3*sin(x1)")
        if self.dataset == "curve" and any(f in ("x2", "x2^2", "x1*x2", "sin_x2") for f in self.features):
            raise ValueError("the 1-D curve has no x2: use x1, sin_x1 or powers x1^k")
        return self

    def _check_points(self) -> None:
        if self.points_task == "regression":
            if len(self.points) < 2:
                raise ValueError(f"points must hold at least 2 points to fit (got {len(self.points)})")
            return
        labels = {row[2] for row in self.points}
        bad = next((i for i, row in enumerate(self.points) if row[2] != int(row[2]) or row[2] < 0), None)
        if bad is not None:
            raise ValueError(f"point {bad + 1} has label {self.points[bad][2]:g}; a class is a whole number 0, 1, 2 ...")
        if len(labels) < 2:
            raise ValueError(f"points must hold at least 2 classes (got {len(labels)})")
        if max(labels) >= catalog.MAX_POINT_CLASSES:
            raise ValueError(f"points: a class is at most {catalog.MAX_POINT_CLASSES - 1} (got {max(labels):g})")

    @property
    def standardizes(self) -> bool:
        """Whether the inputs are standardized: as set, else for a CSV (raw columns often lie 1e5 apart) and not
        for a generator (already on TensorFlow Playground's scale, where its pictures are drawn)."""
        return self.standardize if self.standardize is not None else self.dataset == "csv"

    @property
    def test_fraction(self) -> float:
        return max(0.0, 1.0 - self.train_fraction - self.val_fraction)


class LayerSpec(_Strict):
    units: int = Field(4, ge=1, le=4096)
    activation: Literal[catalog.ACTIVATIONS] = "tanh"  # type: ignore[valid-type]
    dropout: float = Field(0.0, ge=0.0, lt=1.0)
    batch_norm: bool = False
    maxout_k: int = Field(2, ge=2, le=8, description="pieces per unit, maxout only")
    residual: bool = Field(False, description="output x + f(x): a skip connection around the layer (nn.model.Hidden)")


class InitSpec(_Strict):
    scheme: Literal[tuple(catalog.INITIALIZERS)] = "tf_playground"  # type: ignore[valid-type]
    scale: float | None = Field(None, gt=0.0, le=100.0, description="sigma, bound or value, per scheme")

    def resolved_scale(self) -> float | None:
        if catalog.INITIALIZERS[self.scheme] is None:
            return None
        return self.scale if self.scale is not None else catalog.INIT_DEFAULT_SCALE[self.scheme]


class NetworkSpec(_Strict):
    layers: list[LayerSpec] = Field(
        default_factory=lambda: [LayerSpec(units=4), LayerSpec(units=2)], max_length=256
    )
    init: InitSpec = Field(default_factory=InitSpec)


class _Choice(_Strict):
    """A name from a catalog table with the hyperparameters the document sets; the rest take their defaults."""

    table: ClassVar[dict[str, tuple[catalog.Hyper, ...]]]
    what: ClassVar[str]

    @model_validator(mode="after")
    def _known_hypers(self) -> _Choice:
        _check_hypers(self.table, self.name, self.hyper, self.what)
        return self

    def value(self, key: str) -> float:
        """A hyperparameter's value, its default where the document sets none."""
        if key in self.hyper:
            return self.hyper[key]
        return next(h.default for h in self.table[self.name] if h.name == key)


class OptimizerSpec(_Choice):
    table: ClassVar = catalog.OPTIMIZERS
    what: ClassVar = "optimizer"
    name: Literal[tuple(catalog.OPTIMIZERS)] = "sgd"  # type: ignore[valid-type]
    lr: float = Field(0.03, gt=0.0, le=100.0)
    hyper: dict[str, float] = Field(default_factory=dict)


class LookaheadSpec(_Strict):
    enabled: bool = False
    k: int = Field(5, ge=1, le=1000)
    alpha: float = Field(0.5, gt=0.0, le=1.0)


class ScheduleSpec(_Choice):
    table: ClassVar = catalog.SCHEDULES
    what: ClassVar = "schedule"
    name: Literal[tuple(catalog.SCHEDULES)] = "constant"  # type: ignore[valid-type]
    hyper: dict[str, float] = Field(default_factory=dict)


class TrainingSpec(_Strict):
    optimizer: OptimizerSpec = Field(default_factory=OptimizerSpec)
    lookahead: LookaheadSpec = Field(default_factory=LookaheadSpec)
    schedule: ScheduleSpec = Field(default_factory=ScheduleSpec)
    batch_size: int = Field(10, ge=0, le=1_000_000, description="0: full batch")
    epochs: int = Field(300, ge=1, le=10_000_000)
    l1: float = Field(0.0, ge=0.0, le=10.0)
    l2: float = Field(0.0, ge=0.0, le=10.0)
    weight_decay: float = Field(0.0, ge=0.0, le=10.0)
    clip_norm: float = Field(0.0, ge=0.0, le=1e6, description="0: no clipping")
    early_stopping: int = Field(0, ge=0, le=1_000_000, description="patience in epochs; 0: off")
    loss: Literal[tuple(catalog.LOSSES)] | None = Field(None, description="None: the task's default")  # type: ignore[valid-type]


# The right-hand tabs a document may open, by the objectName the window gives each page.
VIEW_TABS = ("loss", "gradients", "gradient_flow", "activations", "bias_variance", "gradcheck", "classes", "confusion", "arena")
# The arena's surfaces (playground.arena.surfaces.NAMES, which tests/test_arena_lessons.py holds to this list).
ARENA_FUNCTIONS = ("quadratic", "rosenbrock", "beale", "himmelblau", "saddle", "regression")
MAX_ARENA_RACERS = 4  # a lesson's race: a few racers to compare, each in a colour of its own
MAX_ARENA_STEPS = 100_000


class ArenaSpec(_Strict):
    """A race a lesson sets up in the arena: each racer is an optimizer with its lr and hyperparameters."""
    function: Literal[ARENA_FUNCTIONS] = "rosenbrock"  # type: ignore[valid-type]
    start: tuple[float, float] | None = Field(None, description="None: the function's own start")
    racers: list[OptimizerSpec] = Field(min_length=1, max_length=MAX_ARENA_RACERS)
    steps: int = Field(500, ge=1, le=MAX_ARENA_STEPS)

    @field_validator("start")
    @classmethod
    def _finite_start(cls, start: tuple[float, float] | None) -> tuple[float, float] | None:
        if start is not None and not all(math.isfinite(v) for v in start):
            raise ValueError("must be two finite numbers")
        return start


class ViewSpec(_Strict):
    tab: Literal[VIEW_TABS] | None = Field(None, description="the tab that shows a lesson's point; None: leave it")  # type: ignore[valid-type]
    arena: ArenaSpec | None = Field(None, description="the race a lesson sets up in the arena; None: leave it")

    @model_serializer(mode="wrap")
    def _arena_only_when_set(self, handler) -> dict:
        """Documents without a race are written as they were before the arena section existed."""
        value = handler(self)
        if value.get("arena", True) is None:
            del value["arena"]
        return value


class Experiment(_Strict):
    version: Literal[1] = VERSION
    name: str = ""
    description: str = ""
    seed: int = Field(0, ge=0, le=2**32 - 1)
    device: Literal[catalog.DEVICES] = "auto"  # type: ignore[valid-type]
    data: DataSpec = Field(default_factory=DataSpec)
    network: NetworkSpec = Field(default_factory=NetworkSpec)
    training: TrainingSpec = Field(default_factory=TrainingSpec)
    view: ViewSpec = Field(default_factory=ViewSpec)

    @model_validator(mode="after")
    def _batch_norm_needs_batches(self) -> Experiment:
        if self.training.batch_size == 1 and any(layer.batch_norm for layer in self.network.layers):
            raise ValueError("training.batch_size: batch norm needs batches of at least 2 examples (or 0: full batch)")
        return self

    @model_validator(mode="after")
    def _loss_fits_task(self) -> Experiment:
        problem = catalog.loss_problem(self.training.loss, self.possible_tasks)
        if problem is not None:
            raise ValueError(problem)
        if self.training.loss == "tf_playground" and self.training.optimizer.name != "sgd":
            raise ValueError("training.loss: tf_playground trains as TF Playground does, with plain SGD; "
                             "set training.optimizer.name to sgd")
        return self

    # -- reading and writing -------------------------------------------------
    @classmethod
    def from_dict(cls, value: Any) -> Experiment:
        """Validate a decoded document; raises ExperimentError with one line."""
        if not isinstance(value, dict):
            raise ExperimentError("experiment: expected a JSON object")
        if "version" in value and value["version"] != VERSION:
            raise ExperimentError(f"version: this Neural Playground reads version {VERSION}, "
                                  f"the file says {limits.clip(repr(value['version']))}")
        try:
            return cls.model_validate(value)
        except ValidationError as error:
            raise ExperimentError(describe(error)) from None

    @classmethod
    def from_json(cls, text: str) -> Experiment:
        try:
            value = limits.loads(text)
        except json.JSONDecodeError as error:
            raise ExperimentError(f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}") from None
        return cls.from_dict(value)

    @classmethod
    def load(cls, path: str | Path) -> Experiment:
        try:
            return cls.from_json(limits.read_text(path, limits.MAX_JSON_BYTES))
        except ExperimentError as error:
            raise ExperimentError(f"{limits.clip(str(path))}: {error}") from None

    def to_dict(self) -> dict:
        return self.model_dump(mode="json")

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"

    def save(self, path: str | Path) -> None:
        """Write the experiment as JSON atomically: a failed save leaves the old file as it was."""
        write_atomic(path, self.to_json().encode("utf-8"))

    def with_changes(self, **dotted: Any) -> Experiment:
        """A validated copy with fields changed by dotted path: with_changes(**{"training.optimizer.lr": 0.1})."""
        value = self.to_dict()
        for path, new in dotted.items():
            node = value
            *parents, leaf = path.split(".")
            for key in parents:
                node = node[key]
            node[leaf] = new
        return Experiment.from_dict(value)

    @property
    def task(self) -> str:
        return catalog.task_of(self.data.dataset)

    @property
    def possible_tasks(self) -> tuple[str, ...]:
        """The tasks the data may be before it loads: one, both classifications for drawn classes, all for a CSV."""
        if self.task == "from-points":
            return ("regression",) if self.data.points_task == "regression" else ("binary", "multiclass")
        if self.task == "from-file":
            return ("binary", "multiclass", "regression")
        return (self.task,)


def describe(error: ValidationError) -> str:
    """One line for the first problem: the field's dotted path, then what is allowed."""
    first = error.errors()[0]
    message = first["msg"].removeprefix("Value error, ")
    if not first["loc"] and re.match(r"^[a-z_.]+: ", message):  # a whole-document check names its field itself
        return message
    where = ".".join(str(part) for part in first["loc"]) or "experiment"
    if first["type"] == "literal_error":
        message = message.replace("Input should be", "must be one of")
    elif first["type"] == "extra_forbidden":
        message = "is not a field of the experiment"
    else:
        message = message.replace("Input should be", "must be")
    got = first.get("input")
    if first["type"] not in ("extra_forbidden", "missing", "value_error") and not isinstance(got, (dict, list)):
        message += f" (got {limits.clip(repr(got))})"
    return limits.clip(f"{where}: {message}", 2 * limits.ECHO_CHARS)
