"""The saved-model file: what Trainer.save writes, read back without running code and checked field by field."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch

from playground.config import limits
from playground.config.experiment import Experiment, ExperimentError
from playground.config.limits import clip

SAVE_FORMAT = "neural-playground-model"
MAX_MODEL_BYTES = 4 * 2**30


@dataclass(frozen=True)
class Progress:
    """Where a trainer stands beyond its weights and optimizer state: what training on from it needs to know."""

    batch_index: int  # the current epoch's batches done
    epoch_rng: torch.Tensor  # the batch-order generator's state as the current epoch began, before its order was drawn
    epoch_rows: int  # the training rows an epoch covers (one fewer where batch norm leaves a lone row out)
    best_loss: float  # early stopping's best validation loss so far, inf before the first epoch
    best_epoch: int  # the epoch it came after, 0 before the first
    best_state: dict[str, torch.Tensor] | None  # the weights it had, None until early stopping has kept any


def read_saved(path: str | Path) -> dict:
    """A file Trainer.save wrote, read without running code from it and checked field by field;
    ExperimentError naming the field if it is not one."""
    name = clip(str(path))
    try:
        limits.check_file(path, MAX_MODEL_BYTES)
        saved = torch.load(Path(path), map_location="cpu", weights_only=True)
    except ExperimentError as error:
        raise ExperimentError(f"{name}: {error}") from None
    except Exception as error:  # torch raises many kinds for a file that is not its own
        raise ExperimentError(f"{name}: not a saved Neural Playground model ({type(error).__name__})") from None
    if not isinstance(saved, dict) or saved.get("format") != SAVE_FORMAT:
        raise ExperimentError(f"{name}: not a saved Neural Playground model")
    problem = _saved_problem(saved)
    if problem:
        raise ExperimentError(f"{name}: {problem}")
    return saved


def saved_experiment(saved: dict, path: str | Path) -> Experiment:
    """The experiment a read_saved() value holds, its errors naming the file."""
    try:
        return Experiment.from_json(saved["experiment"])
    except ExperimentError as error:
        raise ExperimentError(f"{clip(str(path))}: experiment: {error}") from None


def _saved_problem(saved: dict) -> str | None:
    """What is wrong with a saved model's fields, naming the first bad one; None when all are as save() writes them."""
    kind = lambda value: type(value).__name__
    if not isinstance(saved.get("experiment"), str):
        return f"experiment: expected the experiment as JSON text, got {kind(saved.get('experiment'))}"
    for field in ("epoch", "step", "batch_index", "epoch_steps"):
        if field not in saved and field in ("epoch", "step"):
            return f"{field}: missing"
        value = saved.get(field, 0)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            return f"{field}: expected a whole number of at least 0, got {clip(repr(value))}"
    model = saved.get("model")
    if not isinstance(model, dict) or not all(isinstance(k, str) and isinstance(v, torch.Tensor) for k, v in model.items()):
        return f"model: expected named weight tensors, got {kind(model)}"
    if not isinstance(saved.get("optimizer"), dict):
        return f"optimizer: expected the optimizer's state, got {kind(saved.get('optimizer'))}"
    sums = saved.get("epoch_grad_sums")
    if sums is not None and not (isinstance(sums, torch.Tensor) and sums.dim() == 1 and sums.is_floating_point()):
        return "epoch_grad_sums: expected one gradient-norm sum per weight layer"
    best = saved.get("best")
    if best is not None and not (
            isinstance(best, dict) and isinstance(best.get("loss"), float) and isinstance(best.get("epoch"), int)
            and isinstance(best.get("model"), dict) and all(isinstance(v, torch.Tensor) for v in best["model"].values())):
        return "best: expected early stopping's best loss, epoch and weights"
    if "rng" in saved:
        rng = saved["rng"]
        states = [rng.get(key) for key in ("batch_order", "dropout")] if isinstance(rng, dict) else [None]
        if not all(isinstance(s, torch.Tensor) and s.dtype == torch.uint8 and s.dim() == 1 for s in states):
            return "rng: expected the batch-order and dropout generator states"
    return None
