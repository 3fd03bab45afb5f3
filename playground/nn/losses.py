"""The losses a network can train with, one function each, read top to bottom like nn.ts's Errors.

Each takes the head's raw output z ([N, 1], or [N, C] for multiclass) and the
targets (0/1 floats, class indices, or values) and returns the batch mean. The
classification losses that compare outputs with targets (squared, absolute,
Huber) compare the sigmoid/softmax probabilities with 0/1 (one-hot) targets:
that is the comparison Hung-yi Lee's lecture makes against cross-entropy.
"""
from __future__ import annotations

import torch
from torch.nn import functional

from playground.config import catalog


def resolve(loss: str | None, task: str) -> str:
    """The loss a network trains with: the experiment's, or the task's default when it names none."""
    return loss if loss is not None else catalog.DEFAULT_LOSS[task]


def value(loss: str | None, task: str, z: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """The mean loss of a batch under the named loss."""
    return LOSSES[resolve(loss, task)](task, z, target)


def values(loss: str | None, task: str, z: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """value() of K models' outputs z [K, N, outputs] on the same targets: their K means, each as value() rounds it
    (analysis.stacked checks that). vmap would take the fused binary cross-entropy apart into ops that round
    otherwise, so that one is written out for K."""
    if resolve(loss, task) == "cross_entropy" and task == "binary":
        return functional.binary_cross_entropy_with_logits(z[..., 0], target.expand(z.shape[:2]), reduction="none").mean(1)
    return torch.vmap(lambda one: value(loss, task, one, target))(z)


def cross_entropy(task: str, z: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    # -log p(true class), with the sigmoid or softmax folded in so that it never takes log(0). The mean of the
    # rows' losses rather than cross_entropy's own mean, which rounds otherwise than K models' at once (values()).
    if task == "binary":
        return functional.binary_cross_entropy_with_logits(z[:, 0], target)
    return functional.cross_entropy(z, target, reduction="none").mean()


def squared_error(task: str, z: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    # (o - t)²: flat where a sigmoid output is saturated, even on the wrong side.
    return _compare(functional.mse_loss, task, z, target)


def absolute_error(task: str, z: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    # |o - t|: the median's loss, so outliers pull less than under squared error.
    return _compare(functional.l1_loss, task, z, target)


def huber(task: str, z: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    # ½(o - t)² within 1 of the target, |o - t| - ½ beyond: squared near, absolute far.
    return _compare(functional.huber_loss, task, z, target)


def hinge(task: str, z: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    # The SVM's margin loss: max(0, 1 - s·z) with s = ±1; for C classes Weston-Watkins,
    # sum over j != y of max(0, 1 - z_y + z_j) / C (torch's MultiMarginLoss).
    if task == "binary":
        return torch.relu(1 - (2 * target - 1) * z[:, 0]).mean()
    return functional.multi_margin_loss(z, target)


def tf_playground(task: str, z: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    # TF Playground's only loss, ½(o - t)², with o = tanh(z) against t = ±1 labels for classification
    # and o = z for regression; its getLoss reports this mean.
    if task == "binary":
        return 0.5 * (torch.tanh(z[:, 0]) - (2 * target - 1)).square().mean()
    return 0.5 * (z[:, 0] - target).square().mean()


LOSSES = {
    "cross_entropy": cross_entropy, "squared_error": squared_error, "absolute_error": absolute_error,
    "huber": huber, "hinge": hinge, "tf_playground": tf_playground,
}


def _compare(distance, task: str, z: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """The mean distance between outputs and targets: per row summed over the classes for multiclass."""
    if task == "regression":
        return distance(z[:, 0], target)
    if task == "binary":
        return distance(torch.sigmoid(z[:, 0]), target)
    one_hot = functional.one_hot(target, z.shape[1]).to(z.dtype)
    return distance(torch.softmax(z, dim=1), one_hot, reduction="sum") / z.shape[0]
