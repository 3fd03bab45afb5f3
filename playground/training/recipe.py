"""The training recipe, once, for everything that trains: the Trainer (one model) and the ensemble (K at once).

Pure functions of plain tensors and lists of tensors, so a caller whose tensors
hold one model and one whose tensors stack K models along a first dimension get
the same arithmetic: the penalties are elementwise, batching is row bookkeeping,
and early stopping keeps one best loss and epoch per model in [K] tensors.
Decoupled weight decay is the optimizer's (optim.update_rules.decay_), so every
caller of optimizers.build gets it.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from typing import NamedTuple

import torch

from playground.optim.update_rules import Scale, nonzero, scaled_add_


# -- loss and penalties ------------------------------------------------------------------
def penalty(weights: list[torch.Tensor], l1: float, l2: float) -> torch.Tensor:
    """L2/2 * sum W² + L1 * sum |W| over the weights (not biases): the part of the objective add_penalty_grads_ adds."""
    total = torch.zeros((), device=weights[0].device, dtype=weights[0].dtype)
    for w in weights:
        if l2:
            total = total + 0.5 * l2 * (w * w).sum()
        if l1:
            total = total + l1 * w.abs().sum()
    return total


@torch.no_grad()
def add_penalty_grads_(grads: list[torch.Tensor], weights: list[torch.Tensor], l1: Scale, l2: Scale) -> None:
    """Add penalty()'s gradient, l2 * W + l1 * sign(W), to the data loss's gradients in place (for K stacked
    models l1 and l2 may be [K] tensors, one each)."""
    if nonzero(l2):
        scaled_add_(grads, weights, l2)
    if nonzero(l1):
        scaled_add_(grads, torch._foreach_sign(weights), l1)


def stacked_norms(t: torch.Tensor) -> torch.Tensor:
    """Each of K models' 2-norm of its slice of t [K, ...]."""
    return torch.linalg.vector_norm(t.flatten(1), dim=1)


@torch.no_grad()
def clip_stacked_(grads: list[torch.Tensor], max_norm: torch.Tensor,
                  norms: Callable[[torch.Tensor], torch.Tensor] = stacked_norms) -> None:
    """torch.nn.utils.clip_grad_norm_ (foreach) for each of K models whose gradients are stacked [K, ...], to its
    own max_norm [K]; 0 leaves that model's gradient as it is. `norms` gives each model's 2-norm of its slice of a
    [K, ...] tensor (a caller can pass one that rounds as each model's own norm does); the coefficient is worked
    out as clip_grad_norm_ does, the reciprocal of the norm times max_norm."""
    total = norms(torch.stack([norms(g) for g in grads], dim=1))
    limit = max_norm.to(total.dtype)
    coef = torch.where(limit > 0, torch.clamp((total + 1e-6).reciprocal() * limit, max=1.0), 1.0)
    torch._foreach_mul_(grads, [coef.view(-1, *([1] * (g.dim() - 1))) for g in grads])


# -- batching -------------------------------------------------------------------------------
def epoch_batches(rows: int, batch_size: int, batch_norm: bool) -> tuple[int, int]:
    """(batch size, rows trained per epoch) for `rows` training rows; batch size 0 means the whole set.

    Batch norm cannot normalize a batch of one row, so with it a lone last row sits
    out the epoch (the next shuffle gives it a place in a full batch).
    """
    batch = rows if batch_size == 0 or batch_size > rows else batch_size
    lone_last_row = batch_norm and rows > 1 and rows % batch == 1
    return batch, rows - 1 if lone_last_row else rows


def epoch_order(rows: int, generator: torch.Generator, device: torch.device) -> torch.Tensor:
    """An epoch's order of the training rows, drawn from the model's own generator (on the CPU, for every device)."""
    return torch.randperm(rows, generator=generator).to(device)


def tf_playground_order(rows: int, batch: int, carry: bool) -> tuple[torch.Tensor, int, int]:
    """TF Playground's epoch (playground.ts oneStep): the rows in their generated order, never reshuffled, an
    update after every `batch` rows; the last rows short of a batch keep their derivatives, which the next
    epoch's first update adds in (`carry`: an epoch came before). (order, rows the first batch has beyond
    `batch`, rows the epoch's updates cover after those)."""
    left = rows % batch
    lead = left if carry else 0
    return torch.cat([torch.arange(rows - lead, rows), torch.arange(rows)]), lead, rows - left


@torch.no_grad()
def tf_playground_l1_(weights: list[torch.Tensor], signs_before: list[torch.Tensor], dead: list[torch.Tensor],
                      lr: float, l1: float) -> None:
    """nn.ts updateWeights' L1 rule after an SGD step: a weight that the L1 part of the step, lr * l1 * sign(W),
    carried across zero is set to exactly zero and stays dead (`dead` marks it; its gradient is dropped)."""
    for w, sign, gone in zip(weights, signs_before, dead):
        crossed = (w + lr * l1 * sign) * w < 0
        gone |= crossed
        w.masked_fill_(gone, 0.0)


def batch_rows(index: int, batch: int) -> slice:
    """Where batch `index` of an epoch sits in the epoch's order."""
    return slice(index * batch, (index + 1) * batch)


def epoch_complete(batches_done: int, batch: int, epoch_rows: int) -> bool:
    """True once `batches_done` batches have covered the rows an epoch trains."""
    return batches_done * batch >= epoch_rows


def grid_maps(values: torch.Tensor, shape: tuple[int, ...], channels: bool) -> torch.Tensor:
    """Values at a probe grid's points, [..., points] or with `channels` [..., points, C] (classes, neurons),
    as maps of `shape`: [..., *shape] or [..., C, *shape]; leading dimensions (none, or K models) stay."""
    if channels:
        values = values.movedim(-1, -2)
    return values.reshape(*values.shape[:-1], *shape)


# -- early stopping ---------------------------------------------------------------------------
class Best(NamedTuple):
    """Early stopping's bookkeeping for K models: each one's best validation loss and the epoch it came."""

    loss: torch.Tensor   # [K], inf before the first epoch
    epoch: torch.Tensor  # [K]


def no_best_yet(k: int, device: torch.device, dtype: torch.dtype = torch.float32) -> Best:
    """The bookkeeping before any epoch: every loss improves on it."""
    return Best(torch.full((k,), math.inf, device=device, dtype=dtype), torch.zeros(k, device=device, dtype=dtype))


def early_stopping(best: Best, val_loss: torch.Tensor, epoch: int, patience: int,
                   active: torch.Tensor) -> tuple[Best, torch.Tensor, torch.Tensor]:
    """After `epoch`, for the K models still `active`: (the new bookkeeping, which improved on their best
    validation loss and should keep these weights, which have gone `patience` epochs without and should stop)."""
    improved = (val_loss < best.loss) & active
    updated = Best(torch.where(improved, val_loss, best.loss), torch.where(improved, float(epoch), best.epoch))
    out_of_patience = active & ~improved & (epoch - updated.epoch >= patience)
    return updated, improved, out_of_patience
