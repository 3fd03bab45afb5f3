"""Initializers: each gives the variance and bounds it promises, and the same numbers for the same seed."""
from __future__ import annotations

import math

import pytest
import torch

from playground.config import catalog
from playground.config.experiment import InitSpec, LayerSpec
from playground.nn.initializers import bias_value, initialize
from playground.nn.model import Network

FAN_OUT, FAN_IN = 400, 600  # a [out, in] weight: 240,000 draws, so sample variances are within ~0.5 %


def draw(scheme: str, scale=None, seed: int = 0, shape=(FAN_OUT, FAN_IN)):
    weight, bias = torch.empty(shape), torch.empty(shape[0])
    initialize(weight, bias, scheme, scale, torch.Generator().manual_seed(seed))
    return weight, bias


def var(w: torch.Tensor) -> float:
    return float(w.double().var())


@pytest.mark.parametrize("scheme, variance", [
    ("xavier_uniform", 2.0 / (FAN_IN + FAN_OUT)),
    ("xavier_normal", 2.0 / (FAN_IN + FAN_OUT)),
    ("he_uniform", 2.0 / FAN_IN),
    ("he_normal", 2.0 / FAN_IN),
    ("lecun_normal", 1.0 / FAN_IN),
])
def test_fan_based_variance(scheme, variance):
    w, b = draw(scheme)
    assert var(w) == pytest.approx(variance, rel=0.03)
    assert abs(float(w.double().mean())) < 0.02 * math.sqrt(variance)
    assert torch.all(b == 0)


@pytest.mark.parametrize("scheme, fan", [("xavier_uniform", (FAN_IN + FAN_OUT) / 2), ("he_uniform", FAN_IN / 2)])
def test_uniform_schemes_stay_in_their_bound(scheme, fan):
    bound = math.sqrt(3.0 / fan)  # var = bound^2 / 3
    w, _ = draw(scheme)
    assert float(w.abs().max()) <= bound
    assert float(w.abs().max()) > 0.99 * bound  # and fill it


def test_normal_schemes_are_gaussian_shaped():
    # Uniform draws never leave their bound; normal ones reach past 3 sigma about 0.27 % of the time.
    w, _ = draw("he_normal")
    sigma = math.sqrt(2.0 / FAN_IN)
    beyond = float((w.abs() > 3 * sigma).double().mean())
    assert 0.0015 < beyond < 0.004


@pytest.mark.parametrize("sigma", [0.1, 1.0, 2.5])
def test_normal_sigma(sigma):
    w, b = draw("normal", sigma)
    assert math.sqrt(var(w)) == pytest.approx(sigma, rel=0.02)
    assert torch.all(b == 0)


@pytest.mark.parametrize("a", [0.05, 0.5, 3.0])
def test_uniform_bound_and_variance(a):
    w, b = draw("uniform", a)
    assert float(w.min()) >= -a and float(w.max()) <= a
    assert float(w.min()) < -0.99 * a and float(w.max()) > 0.99 * a
    assert var(w) == pytest.approx(a * a / 3.0, rel=0.03)
    assert torch.all(b == 0)


@pytest.mark.parametrize("value", [0.1, 0.7])
def test_constant(value):
    w, b = draw("constant", value)
    assert torch.all(w == torch.tensor(value))
    assert torch.all(b == torch.tensor(value))


def test_zeros():
    w, b = draw("zeros")
    assert torch.all(w == 0) and torch.all(b == 0)


def test_tf_playground_weights_in_half_and_bias_point_one():
    w, b = draw("tf_playground")
    assert float(w.min()) >= -0.5 and float(w.max()) <= 0.5
    assert float(w.min()) < -0.49 and float(w.max()) > 0.49
    assert var(w) == pytest.approx(1.0 / 12.0, rel=0.03)
    assert torch.allclose(b, torch.full_like(b, 0.1))


@pytest.mark.parametrize("scheme", sorted(catalog.INITIALIZERS))
def test_bias_value_agrees_with_initialize(scheme):
    scale = InitSpec(scheme=scheme).resolved_scale()
    _, b = draw(scheme, scale, shape=(5, 3))
    assert torch.allclose(b, torch.full((5,), float(bias_value(scheme, scale))))


RANDOM_SCHEMES = [s for s in catalog.INITIALIZERS if s not in ("zeros", "constant")]


@pytest.mark.parametrize("scheme", RANDOM_SCHEMES)
def test_deterministic_for_a_seed(scheme):
    scale = InitSpec(scheme=scheme).resolved_scale()
    a, _ = draw(scheme, scale, seed=11, shape=(20, 30))
    b, _ = draw(scheme, scale, seed=11, shape=(20, 30))
    c, _ = draw(scheme, scale, seed=12, shape=(20, 30))
    assert torch.equal(a, b)
    assert not torch.equal(a, c)


def test_unknown_scheme_raises():
    with pytest.raises(ValueError, match="orthogonal"):
        draw("orthogonal", shape=(2, 2))


def test_default_scales():
    assert InitSpec(scheme="normal").resolved_scale() == catalog.INIT_DEFAULT_SCALE["normal"]
    assert InitSpec(scheme="normal", scale=0.2).resolved_scale() == 0.2
    assert InitSpec(scheme="he_normal", scale=0.2).resolved_scale() is None  # the scheme takes no scale


def test_network_initializes_every_layer_with_its_own_fans():
    net = Network(2, [LayerSpec(units=300), LayerSpec(units=200)], "binary", 2)
    net.initialize(InitSpec(scheme="he_normal"), torch.Generator().manual_seed(0))
    for linear in net.linears():
        fan_in, n = linear.weight.shape[1], linear.weight.numel()
        # the sample variance of n normal draws has a relative spread of sqrt(2 / n); allow four of them
        assert var(linear.weight.detach()) == pytest.approx(2.0 / fan_in, rel=4 * math.sqrt(2.0 / n))
        assert torch.all(linear.bias == 0)


def test_network_initialize_is_deterministic_for_a_generator_seed():
    def weights(seed):
        net = Network(2, [LayerSpec(units=4), LayerSpec(units=2)], "binary", 2)
        net.initialize(InitSpec(), torch.Generator().manual_seed(seed))
        return [p.detach().clone() for p in net.parameters()]

    assert all(torch.equal(x, y) for x, y in zip(weights(5), weights(5)))
    assert not all(torch.equal(x, y) for x, y in zip(weights(5), weights(6)))
