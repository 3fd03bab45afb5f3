"""Tests for playground.analysis.compare: every variant trained in a race has exactly its solo Trainer's numbers."""
from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from conftest import make_experiment

from playground.analysis.compare import Race, compare, grid, parse_value, variant
from playground.config.experiment import ExperimentError
from playground.training.trainer import Trainer

COLUMNS = ("train_loss", "val_loss", "test_loss", "train_accuracy", "val_accuracy", "lr", "step", "grad_norm", "weight_norm")


def assert_equals_solo(race: Race) -> None:
    """Each variant's history and final weights against the same experiment trained alone by a Trainer: bit for
    bit where its stack ran the hand backward (or it trained alone), to float rounding where vmap's autograd did."""
    for group in race.groups:
        exact = group.solo or group.fast is not None
        for raced in group.trainers:
            alone = Trainer(raced.experiment)
            alone.train()
            ours, theirs = raced.history.view(), alone.history.view()
            assert len(ours) == len(theirs) and raced.state == alone.state
            for column in COLUMNS:
                message = f"{raced.experiment.training.optimizer.name}: {column}"
                if exact:
                    np.testing.assert_array_equal(getattr(ours, column), getattr(theirs, column), err_msg=message)
                else:
                    np.testing.assert_allclose(getattr(ours, column), getattr(theirs, column), rtol=1e-4, atol=1e-6,
                                               err_msg=message)
            for (name, value), expected in zip(raced.net.state_dict().items(), alone.net.state_dict().values()):
                if exact:
                    assert torch.equal(value, expected), name
                else:
                    torch.testing.assert_close(value, expected, rtol=1e-4, atol=1e-5, msg=name)


def race_of(base, values: dict[str, list]) -> Race:
    race = Race([variant(base, combo) for combo in grid(values)])
    for _ in race.train():
        pass
    return race


def test_optimizers_on_the_spiral_each_get_their_solo_numbers():
    base = make_experiment(samples=120, epochs=6, **{"data.dataset": "spiral", "network.layers": [{"units": 8}] * 3})
    race = race_of(base, {"optimizer": ["sgd", "momentum", "adam"]})
    assert len(race.groups) == 3  # one shape but three rules: each trains as its own stack
    assert_equals_solo(race)
    losses = [t.history.view().train_loss[-1] for t in race.trainers]
    assert len(set(losses)) == 3  # the variants really differ


def test_a_chaotic_sweep_gives_every_learning_rate_its_solo_run_bit_for_bit():
    """Adam at large learning rates on the spiral is chaotic: one ulp at a step ends the run elsewhere, so only
    a stack that rounds as each solo run does gives a sweep's rows their solo numbers."""
    base = make_experiment(samples=200, epochs=12, **{"data.dataset": "spiral", "network.layers": [{"units": 8}] * 3,
                                                      "training.optimizer.name": "adam", "training.batch_size": 32})
    race = race_of(base, {"lr": [0.3, 0.0814, 0.5]})
    assert len(race.groups) == 1 and race.groups[0].fast is not None
    assert_equals_solo(race)


@pytest.mark.parametrize("activation", ["sigmoid", "gelu", "softplus", "elu", "silu", "relu"])
def test_activations_whose_last_elements_round_otherwise_still_match_bit_for_bit(activation):
    """Widths and a batch size whose tensors end in a few elements the vector routines do not take."""
    base = make_experiment(samples=60, epochs=4, **{"network.layers": [{"units": 5, "activation": activation},
                                                                       {"units": 3, "activation": activation}],
                                                    "training.optimizer.name": "adam", "training.batch_size": 7})
    assert_equals_solo(race_of(base, {"lr": [0.3, 0.1, 0.03]}))


@pytest.mark.parametrize("base_changes, values", [
    ({"training.optimizer": {"name": "momentum", "lr": 0.05}},
     {"lr": [0.01, 0.3], "momentum": [0.5, 0.99], "l2": [0.0, 0.01]}),
    ({"training.schedule": {"name": "exponential", "hyper": {"gamma": 0.8}}, "training.early_stopping": 2},
     {"l1": [0.0, 1e-3], "clip_norm": [0.0, 0.05], "weight_decay": [0.0, 0.1], "init": ["he_normal", "xavier_uniform"]}),
    ({"data.dataset": "blobs", "network.layers": [{"units": 6, "activation": "relu", "batch_norm": True}],
      "training.batch_size": 10}, {"lookahead": [False, True], "optimizer": ["sgd", "momentum"]}),
    ({"data.dataset": "curve", "data.features": ["x1"], "data.noise": 0.2},
     {"hidden": [[4], [4, 4], []], "batch_size": [0, 10], "activation": ["tanh", "relu"]}),
    ({"data.dataset": "circle", "training.l1": 1e-3},
     {"loss": ["cross_entropy", "squared_error", "hinge", "tf_playground"], "residual": [False, True], "lr": [0.03, 0.3]}),
], ids=["lr-momentum-l2", "l1-clip-decay-init-schedule-early-stopping", "multiclass-batch-norm-lookahead", "shapes",
        "losses-residual"])
def test_every_variant_equals_its_solo_run(base_changes, values):
    # Not batch norm with RMSprop or Adam: the bias before a batch norm has a gradient of zero up to rounding,
    # which those rules scale up to full steps, so rounding alone (vmapped or not) tells two runs apart.
    assert_equals_solo(race_of(make_experiment(samples=60, epochs=5, **base_changes), values))


def test_different_shapes_train_in_groups_of_one_shape():
    race = race_of(make_experiment(samples=40, epochs=2), {"width": [2, 3, 2], "batch_size": [5, 0]})
    assert sorted(len(group.trainers) for group in race.groups) == [1, 1, 2, 2]


def test_a_diverging_variant_stops_alone():
    base = make_experiment(samples=60, epochs=8, **{"data.dataset": "reg-plane", "training.batch_size": 0,
                                                    "network.layers": [{"units": 8, "activation": "relu"}]})
    race = race_of(base, {"lr": [0.01, 50.0]})
    assert [t.state for t in race.trainers] == ["ready", "diverged"]
    assert race.trainers[0].epoch == 8 and race.trainers[1].epoch < 8
    assert_equals_solo(race)


def test_should_stop_ends_the_race_between_steps():
    race = Race([variant(make_experiment(samples=40, epochs=50), {"lr": lr}) for lr in (0.1, 0.2)])
    calls = iter(range(1000))
    epochs = list(race.train(lambda: next(calls) >= 25))
    assert race.trainers[0].step_count == 25 and epochs == list(range(1, len(epochs) + 1)) and epochs[-1] < 50


def test_compare_reports_progress_up_to_one_and_hands_out_the_race_every_epoch():
    seen, epochs = [], []
    compare([variant(make_experiment(samples=40, epochs=3), {"lr": lr}) for lr in (0.1, 0.2)], progress=seen.append,
            on_epoch=lambda race: epochs.append([len(t.history.view()) for t in race.trainers]))
    assert seen == pytest.approx([1 / 3, 2 / 3, 1.0]) and epochs == [[1, 1], [2, 2], [3, 3]]


def test_grid_is_every_combination_first_field_slowest():
    assert grid({"a": [1, 2], "b": ["x", "y"]}) == [{"a": 1, "b": "x"}, {"a": 1, "b": "y"}, {"a": 2, "b": "x"},
                                                   {"a": 2, "b": "y"}]


@pytest.mark.parametrize("field, text, value", [
    ("lr", "0.1", 0.1), ("hidden", "8-8", [8, 8]), ("hidden", "none", []), ("batch_norm", "on", True),
    ("optimizer", "adam", "adam"), ("width", "5", 5),
])
def test_values_read_from_text(field, text, value):
    assert parse_value(field, text) == value


@pytest.mark.parametrize("call, message", [
    (lambda: parse_value("seed", "3"), "seed: cannot vary"),
    (lambda: parse_value("lr", "fast"), "lr: 'fast' is not a float"),
    (lambda: parse_value("hidden", "8,x"), "hidden: expected widths"),
    (lambda: variant(make_experiment(), {"lr": 1000.0}), "lr=1000.0: training.optimizer.lr: must be less than or equal"),
    (lambda: variant(make_experiment(), {"momentum": 0.5}), "momentum=0.5: training.optimizer: optimizer 'sgd' has no"),
    (lambda: variant(make_experiment(), {"optimizer": "lbfgs"}), "optimizer=lbfgs: training.optimizer.name: must be one of"),
    (lambda: Race([]), "variants: between 1 and 256"),
])
def test_bad_values_name_the_field_in_one_line(call, message):
    with pytest.raises(ExperimentError) as caught:
        call()
    assert str(caught.value).startswith(message) and "\n" not in str(caught.value)


def test_variants_must_share_the_data():
    base = make_experiment()
    with pytest.raises(ExperimentError, match="share the data"):
        Race([base, base.with_changes(**{"data.noise": 0.3})])
    assert math.isfinite(Race([base, base]).trainers[1].evaluate("train")[0])
