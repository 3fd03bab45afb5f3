"""How much memory an experiment will take, estimated from data x network x batch before anything is allocated.

The estimate counts the float32 tensors the trainer holds at its peak: the data
and its shuffled copy, the parameters with their gradients and optimizer state,
one batch's activations through forward and backward, and a whole split's
activations during evaluation. It errs high; the point is to refuse an experiment
that would swap or be killed, with a message naming both numbers, instead of
starting an hour-long epoch or dying in an allocation traceback.
"""
from __future__ import annotations

import os

from playground.config.errors import ExperimentError
from playground.config.experiment import LayerSpec
from playground.config.limits import size_text
from playground.training.probes import GRID_RESOLUTION

FLOAT = 4
# Each parameter: itself, its gradient, two optimizer moments, and one copy (Lookahead's slow weights or the
# best weights early stopping keeps).
PARAMETER_COPIES = 5
# Each activation during training: pre-activation, output, their gradients (and a dropout or batch-norm buffer).
TRAINING_COPIES = 5
FALLBACK_LIMIT = 8 * 2**30
GRID_POINTS = GRID_RESOLUTION ** 2


def estimate_bytes(split_rows: dict[str, int], inputs: int, layers: list[LayerSpec], outputs: int, batch: int) -> int:
    """Peak bytes of training `layers` on splits of the given sizes with this batch size (0: the whole train split)."""
    widths = [inputs] + [layer.units * (layer.maxout_k if layer.activation == "maxout" else 1) for layer in layers]
    widths.append(outputs)
    parameters = sum((a + 1) * b for a, b in zip(widths, widths[1:]))
    train_rows = split_rows.get("train", 0)
    batch_rows = train_rows if batch == 0 else min(batch, train_rows)
    data = sum(split_rows.values()) * inputs + train_rows * inputs
    training = batch_rows * sum(widths) * TRAINING_COPIES
    # Evaluation runs a whole split at once; counted as if every layer's output stayed alive, as the probes keep them.
    evaluation = max(split_rows.values(), default=0) * sum(widths)
    grid = GRID_POINTS * sum(widths)  # the decision-boundary probe over the input plane
    return FLOAT * (data + parameters * PARAMETER_COPIES + max(training, evaluation) + grid)


def memory_limit() -> int:
    """Half the machine's physical memory: room for the window, the other process and the system."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2
    except (ValueError, OSError, AttributeError):  # not every system names these
        return FALLBACK_LIMIT


def check(estimate: int, limit: int | None = None) -> None:
    """Refuse an experiment whose estimate is over the limit, naming both and what to change."""
    limit = memory_limit() if limit is None else limit
    if estimate > limit:
        raise ExperimentError(
            f"this experiment needs about {size_text(estimate)} of memory (data x network x batch), more than the "
            f"limit of {size_text(limit)}: use fewer samples, narrower hidden layers or a smaller batch size")
