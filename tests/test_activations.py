"""Activations: each module computes its textbook formula, each derivative matches autograd."""
from __future__ import annotations

import math

import pytest
import torch

from playground.config import catalog
from playground.nn import activations
from playground.nn.activations import LEAKY_SLOPE, Maxout

# Points away from every kink (0 for relu-likes, +-3 for hard sigmoid), both signs, small and large.
Z = torch.tensor([-7.5, -3.2, -2.9, -1.7, -0.6, -0.05, 0.04, 0.3, 1.1, 2.2, 2.95, 3.4, 8.0], dtype=torch.float64)


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


FORMULAS = {
    "linear": lambda z: z,
    "sigmoid": _sigmoid,
    "tanh": math.tanh,
    "relu": lambda z: max(0.0, z),
    "leaky_relu": lambda z: z if z > 0 else LEAKY_SLOPE * z,
    "prelu": lambda z: z if z > 0 else 0.25 * z,  # its slope starts at 0.25
    "elu": lambda z: z if z > 0 else math.exp(z) - 1.0,
    "gelu": lambda z: 0.5 * z * (1.0 + math.erf(z / math.sqrt(2.0))),
    "silu": lambda z: z * _sigmoid(z),
    "softplus": lambda z: math.log1p(math.exp(z)),
    "hard_sigmoid": lambda z: min(1.0, max(0.0, z / 6.0 + 0.5)),
}
WITH_DERIVATIVE = [name for name in catalog.ACTIVATIONS if activations.derivative(name) is not None]


def test_every_activation_has_a_formula_here():
    assert set(FORMULAS) | {"maxout"} == set(catalog.ACTIVATIONS)


def test_leaky_slope_is_small_and_positive():
    assert 0 < LEAKY_SLOPE < 0.1


@pytest.mark.parametrize("name", sorted(FORMULAS))
def test_module_computes_its_formula(name):
    units = len(Z)
    module = activations.module(name, units).double()
    with torch.no_grad():
        got = module(Z.unsqueeze(0))[0]
    expected = torch.tensor([FORMULAS[name](float(z)) for z in Z], dtype=torch.float64)
    torch.testing.assert_close(got, expected, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "hard_sigmoid"])
def test_saturating_bounds_hold(name):
    low, high = activations.SATURATING_BOUNDS[name]
    module = activations.module(name, 1)
    out = module(torch.linspace(-50, 50, 1001))
    assert out.min() >= low and out.max() <= high
    assert out.min() == pytest.approx(low, abs=1e-6) and out.max() == pytest.approx(high, abs=1e-6)


def test_only_elementwise_parameter_free_activations_have_derivatives():
    assert activations.derivative("maxout") is None
    assert activations.derivative("prelu") is None
    assert set(WITH_DERIVATIVE) == set(catalog.ACTIVATIONS) - {"maxout", "prelu"}


@pytest.mark.parametrize("name", WITH_DERIVATIVE)
def test_derivative_matches_autograd(name):
    z = Z.clone().requires_grad_(True)
    module = activations.module(name, len(Z)).double()
    a = module(z.unsqueeze(0))[0]
    (expected,) = torch.autograd.grad(a.sum(), z)
    got = activations.derivative(name)(z.detach(), a.detach())
    torch.testing.assert_close(got, expected, rtol=1e-7, atol=1e-10)


# The slopes of the piecewise-linear parts, exact in float64: a gradient check resolves errors of 1e-12.
EXACT_SLOPES = {
    "linear": lambda z: 1.0, "relu": lambda z: float(z > 0), "leaky_relu": lambda z: 1.0 if z > 0 else LEAKY_SLOPE,
    "hard_sigmoid": lambda z: 1.0 / 6.0 if -3 < z < 3 else 0.0, "elu": lambda z: 1.0 if z > 0 else None,
    "softplus": lambda z: 1.0 if z > activations.SOFTPLUS_THRESHOLD else None,
}


@pytest.mark.parametrize("name", sorted(EXACT_SLOPES))
def test_piecewise_linear_slopes_are_exact_in_float64(name):
    z = torch.cat([Z, torch.tensor([25.0], dtype=torch.float64)])
    a = activations.module(name, len(z)).double()(z.unsqueeze(0))[0]
    got = activations.derivative(name)(z, a)
    assert got.dtype == torch.float64
    for value, slope in zip(z.tolist(), got.tolist()):
        exact = EXACT_SLOPES[name](value)
        assert exact is None or slope == exact, (value, slope, exact)


# torch's own Hardsigmoid backward multiplies by a float32 1/6 (relative error 3e-8); its exact slope is tested above.
@pytest.mark.parametrize("name", [name for name in WITH_DERIVATIVE if name != "hard_sigmoid"])
def test_derivative_matches_autograd_to_float64_resolution(name):
    z = (torch.randn(256, generator=torch.Generator().manual_seed(5), dtype=torch.float64) * 8).requires_grad_(True)
    a = activations.module(name, 256).double()(z.unsqueeze(0))[0]
    (expected,) = torch.autograd.grad(a.sum(), z)
    torch.testing.assert_close(activations.derivative(name)(z.detach(), a.detach()), expected, rtol=1e-13, atol=1e-15)


@pytest.mark.parametrize("name", WITH_DERIVATIVE)
def test_derivative_matches_autograd_in_float32_on_random_batches(name):
    z = (torch.randn(64, 7, generator=torch.Generator().manual_seed(3)) * 3).requires_grad_(True)
    a = activations.module(name, 7)(z)
    (expected,) = torch.autograd.grad(a.sum(), z)
    got = activations.derivative(name)(z.detach(), a.detach())
    assert got.shape == z.shape and got.dtype == torch.float32
    torch.testing.assert_close(got, expected)


# -- maxout ---------------------------------------------------------------------------

def test_maxout_picks_the_max_of_k_consecutive_pieces():
    z = torch.tensor([[1.0, 5.0, 3.0, 2.0, -4.0, -1.0]])
    assert Maxout(2)(z).tolist() == [[5.0, 3.0, -1.0]]
    assert Maxout(3)(z).tolist() == [[5.0, 2.0]]


@pytest.mark.parametrize("k", [2, 3, 5])
def test_maxout_on_a_batch(k):
    units = 4
    z = torch.randn(10, units * k, generator=torch.Generator().manual_seed(k))
    out = activations.module("maxout", units, maxout_k=k)(z)
    assert out.shape == (10, units)
    for n in range(10):
        for u in range(units):
            assert out[n, u] == max(z[n, u * k:(u + 1) * k].tolist())


def test_maxout_gradient_flows_only_to_the_winning_piece():
    z = torch.tensor([[1.0, 5.0, 3.0, 2.0]], requires_grad=True)
    Maxout(2)(z).sum().backward()
    assert z.grad.tolist() == [[0.0, 1.0, 1.0, 0.0]]


# -- prelu ------------------------------------------------------------------------------

def test_prelu_has_one_slope_per_unit_starting_at_a_quarter():
    module = activations.module("prelu", 5)
    slopes = list(module.parameters())
    assert len(slopes) == 1 and slopes[0].shape == (5,)
    assert torch.all(slopes[0] == 0.25)


def test_prelu_learns_its_slope():
    torch.manual_seed(0)
    module = activations.module("prelu", 3)
    true_slopes = torch.tensor([0.7, -0.3, 0.05])
    z = torch.randn(512, 3)
    target = torch.where(z > 0, z, true_slopes * z)
    opt = torch.optim.SGD(module.parameters(), lr=0.5)
    for _ in range(200):
        opt.zero_grad()
        torch.nn.functional.mse_loss(module(z), target).backward()
        opt.step()
    torch.testing.assert_close(module.weight.detach(), true_slopes, atol=1e-3, rtol=0)
