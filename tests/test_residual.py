"""Residual layers: x + f(x), a projection where widths differ, and what it does to the gradient reaching layer 1."""
from __future__ import annotations

import json
import math

import pytest
import torch
from torch.func import functional_call

from playground.analysis.compare import Race
from playground.analysis.ensemble import Ensemble, member_data, member_experiment
from playground.cli.main import build_parser, experiment_from, main
from playground.config.experiment import Experiment, LayerSpec
from playground.data import datasets
from playground.diagnosis.gradient_flow import assess
from playground.nn.initializers import initialize
from playground.nn.model import Network, data_loss
from playground.training.trainer import Trainer

# 2 features -> 5 (projection), 5 -> 5 (identity), 5 -> 3 maxout (projection), 3 -> 3 not residual
LAYERS = [LayerSpec(units=5, activation="tanh", residual=True), LayerSpec(units=5, activation="sigmoid", residual=True),
          LayerSpec(units=3, activation="maxout", maxout_k=2, residual=True), LayerSpec(units=3, activation="relu")]


def residual_net() -> Network:
    net = Network(2, LAYERS, "binary", 2)
    net.initialize(Experiment().network.init, torch.Generator().manual_seed(3))
    return net.double()


def test_the_forward_pass_is_x_plus_f_of_x_with_a_projection_where_widths_differ():
    net = residual_net()
    x = torch.randn(7, 2, dtype=torch.float64, generator=torch.Generator().manual_seed(1))
    h = [layer.linear for layer in net.hidden]
    p = [layer.project for layer in net.hidden]
    assert [q is not None for q in p] == [True, False, True, False]
    assert p[0].bias is None and p[0].weight.shape == (5, 2)
    a1 = x @ p[0].weight.T + torch.tanh(x @ h[0].weight.T + h[0].bias)
    a2 = a1 + torch.sigmoid(a1 @ h[1].weight.T + h[1].bias)
    z3 = a2 @ h[2].weight.T + h[2].bias
    a3 = a2 @ p[2].weight.T + z3.reshape(7, 3, 2).max(dim=2).values
    a4 = torch.relu(a3 @ h[3].weight.T + h[3].bias)
    hidden, logits = net.forward_all(x)
    for got, want in zip(hidden, [a1, a2, a3, a4]):
        torch.testing.assert_close(got, want, rtol=1e-12, atol=1e-12)
    torch.testing.assert_close(logits, a4 @ net.head.weight.T + net.head.bias, rtol=1e-12, atol=1e-12)


def test_autograd_gradients_of_a_residual_net_pass_gradcheck_in_float64():
    layers = [LayerSpec(units=4, activation="tanh", residual=True), LayerSpec(units=4, activation="elu", residual=True)]
    net = Network(2, layers, "binary", 2).double()
    net.initialize(Experiment().network.init, torch.Generator().manual_seed(0))
    names = [name for name, _ in net.named_parameters()]
    assert "hidden.0.project.weight" in names and "hidden.1.project.weight" not in names
    x = torch.randn(6, 2, dtype=torch.float64, generator=torch.Generator().manual_seed(2))
    y = torch.tensor([0.0, 1.0, 1.0, 0.0, 1.0, 0.0], dtype=torch.float64)
    params = tuple(p.detach().clone().requires_grad_(True) for p in net.parameters())
    loss = lambda *ps: data_loss("binary", functional_call(net, dict(zip(names, ps)), (x,)), y)
    assert torch.autograd.gradcheck(loss, params)


def test_residual_nets_take_autograd_not_the_hand_backward():
    plain = Network(2, [LayerSpec(units=4)], "binary", 2)
    assert plain.is_plain() and not Network(2, [LayerSpec(units=4, residual=True)], "binary", 2).is_plain()
    assert plain.weights() == [layer.weight for layer in plain.linears()]  # no projection: nothing changes


def test_a_plain_network_draws_the_same_weights_as_before_projections_existed():
    layers = [LayerSpec(units=3), LayerSpec(units=2, residual=True)]  # the residual one differs: it has a projection
    net = Network(2, layers, "binary", 2)
    init = Experiment().with_changes(**{"network.init.scheme": "xavier_normal"}).network.init
    net.initialize(init, torch.Generator().manual_seed(5))
    generator = torch.Generator().manual_seed(5)
    for linear in net.linears():
        weight, bias = torch.empty_like(linear.weight), torch.empty_like(linear.bias)
        initialize(weight, bias, "xavier_normal", None, generator)
        assert torch.equal(weight, linear.weight) and torch.equal(bias, linear.bias)
    projection = torch.empty(2, 3)
    initialize(projection, None, "xavier_normal", None, generator)
    assert torch.equal(projection, net.hidden[1].project.weight)


def residual_experiment(**changes) -> Experiment:
    return Experiment().with_changes(device="cpu", **{
        "data.samples": 60, "training.l1": 1e-3, "training.l2": 1e-2, "training.batch_size": 0,
        "network.layers": [{"units": 5, "residual": True}, {"units": 5, "residual": True}, {"units": 3, "residual": True}],
        **changes})


def test_the_projection_is_penalized_and_its_gradient_counts_in_its_layer():
    trainer = Trainer(residual_experiment())
    trainer.train(2)
    project = trainer.net.hidden[0].project.weight
    x, y = trainer.x["train"], trainer.y["train"]
    trainer.gradients(x, y)
    got = {name: p.grad.clone() for name, p in trainer.net.named_parameters()}
    # The objective written out by hand, every weight matrix (the two projections too) in both penalties.
    trainer.net.zero_grad()
    matrices = [p for name, p in trainer.net.named_parameters() if name.endswith("weight")]
    assert len(matrices) == 4 + 2 and any(p is project for p in matrices)
    objective = data_loss("binary", trainer.net(x), y) + sum(1e-2 / 2 * (w * w).sum() + 1e-3 * w.abs().sum() for w in matrices)
    objective.backward()
    for name, p in trainer.net.named_parameters():
        torch.testing.assert_close(got[name], p.grad, msg=name)
    torch.testing.assert_close(trainer.penalty() + data_loss("binary", trainer.net(x), y), objective)
    trainer.gradients(x, y)
    first = trainer.snapshot(grid=False).layers[0]
    assert first.grad_norm == pytest.approx(math.hypot(got["hidden.0.linear.weight"].norm(), got["hidden.0.project.weight"].norm()))
    assert first.weight_norm == pytest.approx(math.hypot(trainer.net.hidden[0].linear.weight.detach().norm(), project.detach().norm()))


def test_the_skip_keeps_the_first_layers_gradient_in_a_20_layer_sigmoid_stack():
    ratios, findings = {}, {}
    for residual in (False, True):
        exp = Experiment().with_changes(device="cpu", **{
            "data.dataset": "circle", "network.layers": [{"units": 8, "activation": "sigmoid", "residual": residual}] * 20})
        trainer = Trainer(exp)
        trainer.step()
        layers = trainer.snapshot(grid=False).layers  # the numbers the Gradient flow page shows
        ratios[residual] = layers[0].grad_norm / layers[-2].grad_norm
        findings[residual] = assess(layers)
    assert ratios[True] / ratios[False] >= 100.0
    assert findings[False].kind == "vanishing" and "residual connections" in findings[False].text
    assert findings[True] is None


def test_a_residual_net_learns_the_spiral():
    exp = Experiment().with_changes(device="cpu", **{
        "data.dataset": "spiral", "data.noise": 0.0, "training.optimizer": {"name": "adam", "lr": 0.03},
        "data.samples": 200, "network.layers": [{"units": 8, "residual": True}] * 4, "training.epochs": 100})
    trainer = Trainer(exp)
    trainer.train()
    assert trainer.history.view().val_accuracy[-1] >= 0.9


def test_members_of_a_residual_ensemble_equal_separately_trained_models():
    exp = residual_experiment(**{"training.weight_decay": 0.05, "training.optimizer": {"name": "adam", "lr": 0.01}})
    ensemble = Ensemble(exp, 2)
    assert len(ensemble.weights) == 6  # the projections are weights there too: penalized and decayed
    for _ in range(10):
        ensemble.step()
    alone = Trainer(member_experiment(exp, 1), dataset=member_data(datasets.load(exp.data), exp, 1))
    for _ in range(10):
        alone.step()
    for name, value in alone.net.state_dict().items():
        torch.testing.assert_close(ensemble.params[name][1].detach(), value, atol=1e-5, rtol=1e-4, msg=name)


def test_a_saved_residual_model_continues_bit_for_bit(tmp_path):
    exp = residual_experiment(**{"training.batch_size": 10})
    straight = Trainer(exp)
    straight.train(20)
    first = Trainer(exp)
    first.train(10)
    first.save(tmp_path / "m.pt")
    second = Trainer.load(tmp_path / "m.pt")
    assert second.net.hidden[0].project is not None
    second.train(20)
    assert all(torch.equal(a, b) for a, b in zip(straight.net.state_dict().values(), second.net.state_dict().values()))


def test_a_saved_model_from_before_residual_layers_loads_as_plain(tmp_path):
    trainer = Trainer(Experiment().with_changes(device="cpu", **{"data.samples": 40}))
    trainer.train(3)
    trainer.save(tmp_path / "m.pt")
    saved = torch.load(tmp_path / "m.pt", weights_only=True)
    old = json.loads(saved["experiment"])
    for layer in old["network"]["layers"]:
        del layer["residual"]
    saved["experiment"] = json.dumps(old)
    torch.save(saved, tmp_path / "old.pt")
    loaded = Trainer.load(tmp_path / "old.pt")
    assert not any(layer.spec.residual for layer in loaded.net.hidden) and loaded.net.is_plain()
    assert all(torch.equal(a, b) for a, b in zip(trainer.net.state_dict().values(), loaded.net.state_dict().values()))


def test_the_residual_flag_needs_a_hidden_layer_and_turns_every_one_on(capsys):
    assert main(["train", "--hidden", "", "--residual", "--epochs", "1"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.splitlines() == [
        "playground: error: network.layers: --residual needs at least one hidden layer (--hidden is empty)"]
    args = build_parser().parse_args(["train", "--hidden", "3,2", "--residual"])
    assert [layer.residual for layer in experiment_from(args).network.layers] == [True, True]


def test_a_race_trains_residual_variants_together_and_apart_from_plain_ones_each_as_alone():
    residual = residual_experiment(**{"training.epochs": 4, "training.batch_size": 10})
    plain = residual.with_changes(**{"network.layers": [{"units": 5}, {"units": 5}, {"units": 3}]})
    race = Race([residual, residual.with_changes(**{"training.optimizer.lr": 0.3, "training.l2": 0.0}), plain])
    for _ in race.train():
        pass
    assert sorted(len(group.trainers) for group in race.groups) == [1, 2]  # the projections make another shape
    for raced in race.trainers:
        alone = Trainer(raced.experiment)
        alone.train()
        for (name, value), expected in zip(raced.net.state_dict().items(), alone.net.state_dict().values()):
            torch.testing.assert_close(value, expected, rtol=1e-4, atol=1e-5, msg=name)


def test_probes_judge_a_residual_layers_activations_before_the_skip_and_its_pictures_after():
    exp = Experiment().with_changes(device="cpu", **{"network.layers": [{"units": 2, "activation": "relu", "residual": True}]})
    trainer = Trainer(exp)
    with torch.no_grad():
        trainer.net.hidden[0].linear.bias.fill_(-100.0)  # f(x) = relu(z) = 0 everywhere: a dead layer
    snapshot = trainer.snapshot()
    layer = snapshot.layers[0]
    assert layer.residual and layer.dead == 1.0 and layer.act_std == 0.0  # though its output, x itself, is alive
    # The neuron pictures show the output, x + f(x) = x: the layer's first neuron is feature x1 over the plane.
    grid = trainer.grid_inputs.inputs(snapshot.grid.resolution)[:, 0].reshape(snapshot.grid.neurons[0][0].shape)
    torch.testing.assert_close(torch.as_tensor(snapshot.grid.neurons[0][0]), grid.float())
