"""The sum of hidden units on the 1-D curve: y = b + sum_i c_i a_i(x), as the snapshot carries it."""
from __future__ import annotations

import copy

import numpy as np
import pytest
import torch

from playground.config import presets
from playground.config.experiment import Experiment
from playground.data import datasets
from playground.data.datasets import curve_function
from playground.training.trainer import Trainer


def curve_trainer(layers: list[dict], features: tuple[str, ...] = ("x1",)) -> Trainer:
    exp = Experiment(device="cpu").with_changes(**{
        "data.dataset": "curve", "data.features": list(features), "network.layers": layers,
    })
    trainer = Trainer(exp)
    trainer.train(3)
    return trainer


@pytest.mark.parametrize("layers, features", [
    ([{"units": 4, "activation": "relu"}], ("x1",)),
    ([{"units": 6, "activation": "tanh"}, {"units": 20, "activation": "sigmoid"}], ("x1", "x1^2", "sin_x1")),
    ([{"units": 5, "activation": "tanh", "dropout": 0.3, "batch_norm": True}], ("x1",)),
    ([{"units": 3, "activation": "maxout", "maxout_k": 2}], ("x1",)),
    ([{"units": 4, "activation": "tanh"}, {"units": 4, "activation": "tanh", "residual": True}], ("x1",)),  # a + f(a)
])
def test_pieces_plus_bias_are_the_drawn_output_and_a_float64_forward(layers, features):
    trainer = curve_trainer(layers, features)
    grid = trainer.snapshot().grid
    pieces = grid.contributions()
    units = layers[-1]["units"]
    assert pieces.shape == (units, grid.resolution)  # every unit, also past the 16 the diagram gets
    np.testing.assert_allclose(pieces.sum(axis=0) + grid.head_bias, grid.output, rtol=1e-5, atol=1e-5)

    # Independently: the network in float64, in eval mode (dropout off, batch norm's running statistics).
    net = copy.deepcopy(trainer.net).double().eval()
    xs = np.linspace(*grid.extent, grid.resolution)[:, None]
    with torch.no_grad():
        x = trainer.to_inputs(xs).double()
        for layer in net.hidden:
            x = layer(x)
        reference = (x * net.head.weight[0]).numpy().T  # [units, r]
        output = net(trainer.to_inputs(xs).double())[:, 0].numpy()
    np.testing.assert_allclose(pieces, reference, rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(reference.sum(axis=0) + net.head.bias.detach()[0].item(), output, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(grid.output, output, rtol=1e-4, atol=1e-5)
    assert grid.head_bias == pytest.approx(net.head.bias.detach()[0].item(), rel=1e-6)


def test_pieces_do_not_change_as_training_goes_on():
    trainer = curve_trainer([{"units": 4, "activation": "relu"}])
    grid = trainer.snapshot().grid
    kept = grid.contributions().copy(), grid.head_bias
    trainer.train(5)
    assert not np.array_equal(trainer.snapshot().grid.contributions(), kept[0])
    np.testing.assert_array_equal(grid.contributions(), kept[0])
    assert grid.head_bias == kept[1]


@pytest.mark.parametrize("changes", [
    {"data.dataset": "circle"},                                # a plane: nothing grows for the 2-D datasets
    {"data.dataset": "curve", "data.features": ["x1"], "network.layers": []},          # no hidden unit to split the output into
])
def test_no_pieces_where_there_is_no_one_dimensional_sum(changes):
    trainer = Trainer(Experiment(device="cpu").with_changes(**changes))
    grid = trainer.snapshot().grid
    assert grid.last_hidden is None and grid.head_weights is None and grid.head_bias is None
    assert grid.contributions() is None


def test_the_sum_of_hidden_units_lesson_shows_what_it_says():
    trainer = Trainer(presets.load("lesson-sum-of-hidden-units").with_changes(device="cpu"))
    text = trainer.experiment.description
    assert "four ReLU units" in text and "100 epochs" in text and "under 0.03" in text and "costs 0.01" in text
    trainer.train()
    assert trainer.epoch == 100
    snapshot = trainer.snapshot()
    grid = snapshot.grid
    pieces = grid.contributions()
    assert pieces.shape[0] == 4
    np.testing.assert_allclose(pieces.sum(axis=0) + grid.head_bias, grid.output, rtol=1e-5, atol=1e-5)
    # Four kinks on the plotted line; each piece is exactly flat on one side of its kink and straight on the other.
    linear = trainer.net.hidden[0].linear
    w, b = linear.weight.detach().numpy()[:, 0], linear.bias.detach().numpy()
    kinks = -b / w
    x = np.linspace(*grid.extent, grid.resolution)
    assert np.all((kinks > x[0]) & (kinks < x[-1]))
    for piece, kink, slope in zip(pieces, kinks, w):
        side = (x - kink) * slope  # > 0 where the unit is active; a margin keeps float32 rounding at the kink out
        assert np.all(piece[side < -1e-3] == 0) and np.ptp(piece[side > 1e-3]) > 0.1
        np.testing.assert_allclose(np.diff(piece[side > 1e-3], 2), 0, atol=1e-5)  # a straight ramp
    assert snapshot.val_loss < 0.03
    # "The noise alone costs 0.01": the generator's own function, on many fresh points of the same noise.
    fresh = datasets.load(trainer.experiment.with_changes(**{"data.seed": 2**31 - 1, "data.samples": 20_000}).data)
    noise_cost = np.mean((curve_function(fresh.x_train[:, 0]) - fresh.y_train) ** 2)
    assert noise_cost == pytest.approx(0.01, rel=0.05)
