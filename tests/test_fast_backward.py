"""FastBackward: the hand-derived backward pass gives autograd's gradients wherever it applies."""
from __future__ import annotations

import pytest
import torch

from playground.config import catalog
from playground.config.experiment import InitSpec, LayerSpec
from playground.nn import activations
from playground.nn.backward import FastBackward
from playground.nn.model import Network, data_loss

WITH_DERIVATIVE = [name for name in catalog.ACTIVATIONS if activations.derivative(name) is not None]
TASKS = {"binary": 2, "multiclass": 4, "regression": 0}
INPUTS, BATCH = 3, 17


def _net(task: str, layers: list[LayerSpec], seed: int = 0) -> Network:
    net = Network(INPUTS, layers, task, TASKS[task])
    # A wide initialization so that every activation sees both signs and its curved parts.
    net.initialize(InitSpec(scheme="normal", scale=0.8), torch.Generator().manual_seed(seed))
    return net


def _batch(task: str, dtype, seed: int = 1):
    g = torch.Generator().manual_seed(seed)
    x = (torch.randn(BATCH, INPUTS, generator=g) * 2).to(dtype)
    if task == "binary":
        y = torch.randint(0, 2, (BATCH,), generator=g).to(dtype)
    elif task == "multiclass":
        y = torch.randint(0, TASKS[task], (BATCH,), generator=g)
    else:
        y = torch.randn(BATCH, generator=g).to(dtype)
    return x, y


def _autograd(net: Network, task: str, x, y) -> list[torch.Tensor]:
    net.zero_grad(set_to_none=True)
    data_loss(task, net(x), y).backward()
    return [p.grad.clone() for p in net.parameters()]


def _fast(net: Network, x, y) -> list[torch.Tensor]:
    net.zero_grad(set_to_none=True)
    FastBackward(net)(x, y)
    return [p.grad.clone() for p in net.parameters()]


CASES = [("none", task, 0) for task in TASKS] + [
    (act, task, depth) for act in WITH_DERIVATIVE for task in TASKS for depth in (1, 3)
]


@pytest.mark.parametrize("activation, task, depth", CASES, ids=[f"{a}-{t}-{d}" for a, t, d in CASES])
@pytest.mark.parametrize("dtype", [torch.float64, torch.float32], ids=["f64", "f32"])
def test_gradients_equal_autograds(activation, task, depth, dtype):
    widths = [5, 4, 6][:depth]
    net = _net(task, [LayerSpec(units=w, activation=activation) for w in widths]).to(dtype)
    assert net.is_plain()
    x, y = _batch(task, dtype)
    expected = _autograd(net, task, x, y)
    got = _fast(net, x, y)
    assert len(got) == len(expected) == 2 * (depth + 1)
    assert any(float(g.abs().max()) > 1e-4 for g in expected)  # a comparison of zeros would prove nothing
    for g, e in zip(got, expected):
        assert g.shape == e.shape and g.dtype == e.dtype
        torch.testing.assert_close(g, e)


def test_fills_every_parameter_including_biases():
    net = _net("binary", [LayerSpec(units=4), LayerSpec(units=2)])
    x, y = _batch("binary", torch.float32)
    net.zero_grad(set_to_none=True)
    FastBackward(net)(x, y)
    assert all(p.grad is not None for p in net.parameters())


def test_leaves_no_autograd_graph():
    net = _net("regression", [LayerSpec(units=4)])
    x, y = _batch("regression", torch.float32)
    FastBackward(net)(x, y)
    assert all(p.grad.grad_fn is None and not p.grad.requires_grad for p in net.parameters())


def test_follows_weights_changed_in_place():
    """An optimizer updates the weights in place; the next call must see the new values."""
    net = _net("binary", [LayerSpec(units=4, activation="tanh")])
    fast = FastBackward(net)
    x, y = _batch("binary", torch.float32)
    with torch.no_grad():
        for p in net.parameters():
            p.mul_(-1.7).add_(0.3)
    net.zero_grad(set_to_none=True)
    fast(x, y)
    got = [p.grad.clone() for p in net.parameters()]
    for g, e in zip(got, _autograd(net, "binary", x, y)):
        torch.testing.assert_close(g, e)


@pytest.mark.parametrize("layer", [
    LayerSpec(units=4, dropout=0.2),
    LayerSpec(units=4, batch_norm=True),
    LayerSpec(units=4, activation="maxout"),
    LayerSpec(units=4, activation="prelu"),
], ids=["dropout", "batch_norm", "maxout", "prelu"])
def test_is_plain_false_where_autograd_is_needed(layer):
    net = Network(2, [LayerSpec(units=3), layer], "binary", 2)
    assert not net.is_plain()


@pytest.mark.parametrize("activation", WITH_DERIVATIVE)
def test_is_plain_true_for_elementwise_layers(activation):
    assert Network(2, [LayerSpec(units=3, activation=activation)] * 2, "multiclass", 3).is_plain()
    assert Network(2, [], "regression", 0).is_plain()


def test_trainer_with_fast_backward_trains_like_autograd(tiny_experiment):
    """End to end: twenty steps with the fast pass and twenty with autograd end at the same weights."""
    from playground.training.trainer import Trainer

    exp = tiny_experiment(**{"training.optimizer.name": "adam", "training.optimizer.lr": 0.05,
                             "training.clip_norm": 0.5})
    fast, slow = Trainer(exp), Trainer(exp)
    assert fast.fast is not None
    slow.fast = None
    for _ in range(20):
        fast.step()
        slow.step()
    for a, b in zip(fast.net.parameters(), slow.net.parameters()):
        torch.testing.assert_close(a, b, rtol=1e-4, atol=1e-6)


@pytest.mark.parametrize("layer", [LayerSpec(units=4, dropout=0.2), LayerSpec(units=4, activation="prelu")],
                         ids=["dropout", "prelu"])
def test_trainer_uses_autograd_where_the_network_is_not_plain(tiny_experiment, layer):
    from playground.training.trainer import Trainer

    trainer = Trainer(tiny_experiment(**{"network.layers": [layer.model_dump()]}))
    assert trainer.fast is None
    before = [p.detach().clone() for p in trainer.net.parameters()]
    trainer.run_epoch()
    assert any(not torch.equal(a, b) for a, b in zip(before, trainer.net.parameters()))
