"""Weight initializers by name, each drawing from a seeded torch.Generator.

The variances are the textbook ones: Xavier/Glorot 2/(fan_in + fan_out),
He/Kaiming 2/fan_in, LeCun 1/fan_in. Biases start at zero except where the
scheme says otherwise (TensorFlow Playground: 0.1; constant: the value).
"""
from __future__ import annotations

import math

import torch


def initialize(weight: torch.Tensor, bias: torch.Tensor | None, scheme: str,
               scale: float | None, generator: torch.Generator) -> None:
    """Fill a linear layer's weight [out, in] and bias [out] in place."""
    fan_out, fan_in = weight.shape
    with torch.no_grad():
        if scheme == "tf_playground":
            weight.uniform_(-0.5, 0.5, generator=generator)
        elif scheme == "zeros":
            weight.zero_()
        elif scheme == "constant":
            weight.fill_(scale)
        elif scheme == "normal":
            weight.normal_(0.0, scale, generator=generator)
        elif scheme == "uniform":
            weight.uniform_(-scale, scale, generator=generator)
        elif scheme == "xavier_uniform":
            bound = math.sqrt(6.0 / (fan_in + fan_out))
            weight.uniform_(-bound, bound, generator=generator)
        elif scheme == "xavier_normal":
            weight.normal_(0.0, math.sqrt(2.0 / (fan_in + fan_out)), generator=generator)
        elif scheme == "he_uniform":
            bound = math.sqrt(6.0 / fan_in)
            weight.uniform_(-bound, bound, generator=generator)
        elif scheme == "he_normal":
            weight.normal_(0.0, math.sqrt(2.0 / fan_in), generator=generator)
        elif scheme == "lecun_normal":
            weight.normal_(0.0, math.sqrt(1.0 / fan_in), generator=generator)
        else:
            raise ValueError(f"unknown initializer {scheme!r}")
        if bias is not None:
            bias.fill_(bias_value(scheme, scale))


def bias_value(scheme: str, scale: float | None) -> float:
    """The value every bias starts at under a scheme."""
    if scheme == "tf_playground":
        return 0.1
    if scheme == "constant":
        return scale
    return 0.0
