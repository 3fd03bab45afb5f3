"""Activation functions by name, with the derivatives the fast backward pass uses.

Each entry gives the torch module the network is built from and, where the
function is elementwise and parameter-free, its derivative written in terms of
the pre-activation z and the output a, so that a hand-derived backward pass can
skip autograd (checked against autograd in the tests).
"""
from __future__ import annotations

import math
from collections.abc import Callable

import torch
from torch import nn

LEAKY_SLOPE = 0.01
SOFTPLUS_THRESHOLD = 20.0  # torch's Softplus is z itself above this (slope exactly 1)
_SQRT_2 = math.sqrt(2.0)
_INV_SQRT_2PI = 1.0 / math.sqrt(2.0 * math.pi)

Derivative = Callable[[torch.Tensor, torch.Tensor], torch.Tensor]


class Maxout(nn.Module):
    """Max over k linear pieces: the layer before it produces units * k values."""

    def __init__(self, k: int):
        super().__init__()
        self.k = k

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        return z.unflatten(-1, (-1, self.k)).amax(-1)


def _hard_sigmoid_grad(z: torch.Tensor, a: torch.Tensor) -> torch.Tensor:
    return ((z > -3) & (z < 3)).to(z.dtype) / 6.0


def _gelu_grad(z: torch.Tensor, a: torch.Tensor) -> torch.Tensor:
    cdf = 0.5 * (1.0 + torch.erf(z / _SQRT_2))
    return cdf + z * torch.exp(-0.5 * z * z) * _INV_SQRT_2PI


def _silu_grad(z: torch.Tensor, a: torch.Tensor) -> torch.Tensor:
    s = torch.sigmoid(z)
    return s * (1.0 + z * (1.0 - s))


_DERIVATIVES: dict[str, Derivative] = {
    "linear": lambda z, a: torch.ones_like(z),
    "sigmoid": lambda z, a: a * (1.0 - a),
    "tanh": lambda z, a: 1.0 - a * a,
    "relu": lambda z, a: (z > 0).to(z.dtype),
    # Tensors of z's dtype: Python scalars in torch.where make a float32 0.01, inexact in a float64 check.
    "leaky_relu": lambda z, a: torch.where(z > 0, torch.ones_like(z), torch.full_like(z, LEAKY_SLOPE)),
    "elu": lambda z, a: torch.where(z > 0, torch.ones_like(z), a + 1.0),
    "gelu": _gelu_grad,
    "silu": _silu_grad,
    "softplus": lambda z, a: torch.where(z > SOFTPLUS_THRESHOLD, torch.ones_like(z), torch.sigmoid(z)),
    "hard_sigmoid": _hard_sigmoid_grad,
}

# Output ranges that saturate: an activation within 1 % of a bound counts as saturated.
SATURATING_BOUNDS: dict[str, tuple[float, float]] = {
    "sigmoid": (0.0, 1.0),
    "tanh": (-1.0, 1.0),
    "hard_sigmoid": (0.0, 1.0),
}
# Activations whose units can die: silent (exactly zero) for every input.
CAN_DIE = frozenset({"relu"})


def module(name: str, units: int, maxout_k: int = 2) -> nn.Module:
    """The torch module for an activation name."""
    if name == "maxout":
        return Maxout(maxout_k)
    if name == "prelu":
        return nn.PReLU(units, init=0.25)
    return {
        "linear": nn.Identity,
        "sigmoid": nn.Sigmoid,
        "tanh": nn.Tanh,
        "relu": nn.ReLU,
        "leaky_relu": lambda: nn.LeakyReLU(LEAKY_SLOPE),
        "elu": nn.ELU,
        "gelu": nn.GELU,
        "silu": nn.SiLU,
        "softplus": lambda: nn.Softplus(threshold=SOFTPLUS_THRESHOLD),
        "hard_sigmoid": nn.Hardsigmoid,
    }[name]()


def derivative(name: str) -> Derivative | None:
    """d activation / dz as a function of (z, a), or None where autograd must do it."""
    return _DERIVATIVES.get(name)

