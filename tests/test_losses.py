"""training.loss: each loss against its formula and autograd, the fast backward, the task check, and
TF Playground's training rules against a transcription of its nn.ts."""
from __future__ import annotations

import numpy as np
import pytest
import torch
from sklearn.metrics import r2_score

from playground.cli.main import main
from playground.config import catalog
from playground.config.experiment import Experiment, ExperimentError, InitSpec, LayerSpec
from playground.diagnosis import divergence
from playground.nn.backward import FastBackward
from playground.nn.model import Network, data_loss, predict
from playground.training.trainer import Trainer

CLASSES = {"binary": 2, "multiclass": 3, "regression": 0}
PAIRS = [(loss, task) for loss, tasks in catalog.LOSSES.items() for task in tasks]
IDS = [f"{loss}-{task}" for loss, task in PAIRS]


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def _softmax(z):
    e = np.exp(z - z.max(1, keepdims=True))
    return e / e.sum(1, keepdims=True)


def _huber(d):
    return np.where(np.abs(d) < 1, 0.5 * d * d, np.abs(d) - 0.5)


def _formula(loss: str, task: str, z: np.ndarray, t: np.ndarray) -> float:
    """Each loss written out from its definition, in numpy float64."""
    if task == "multiclass":
        p, hot = _softmax(z), np.eye(z.shape[1])[t]
        true = z[np.arange(len(t)), t][:, None]
        return {
            "cross_entropy": -np.log(p[np.arange(len(t)), t]).mean(),
            "squared_error": ((p - hot) ** 2).sum(1).mean(),
            "absolute_error": np.abs(p - hot).sum(1).mean(),
            "huber": _huber(p - hot).sum(1).mean(),
            # Weston-Watkins: sum over the wrong classes of max(0, 1 - z_true + z_j), over C.
            "hinge": (np.maximum(0, 1 - true + z) * (1 - hot)).sum(1).mean() / z.shape[1],
        }[loss]
    z = z[:, 0]
    o = _sigmoid(z) if task == "binary" else z
    if loss == "cross_entropy":
        return -(t * np.log(o) + (1 - t) * np.log(1 - o)).mean()
    if loss == "hinge":
        return np.maximum(0, 1 - (2 * t - 1) * z).mean()
    if loss == "tf_playground":
        o, t = (np.tanh(z), 2 * t - 1) if task == "binary" else (z, t)
        return (0.5 * (o - t) ** 2).mean()
    return {"squared_error": (o - t) ** 2, "absolute_error": np.abs(o - t), "huber": _huber(o - t)}[loss].mean()


def _batch(task: str, rows: int = 23, seed: int = 0):
    g = torch.Generator().manual_seed(seed)
    z = torch.randn(rows, CLASSES[task] if task == "multiclass" else 1, generator=g, dtype=torch.float64) * 3
    if task == "multiclass":
        return z, torch.randint(0, CLASSES[task], (rows,), generator=g)
    if task == "binary":
        return z, torch.randint(0, 2, (rows,), generator=g).double()
    return z, torch.randn(rows, generator=g, dtype=torch.float64) * 2


@pytest.mark.parametrize("loss, task", PAIRS, ids=IDS)
def test_value_is_the_formula_and_gradient_matches_finite_differences(loss, task):
    z, t = _batch(task)
    value = data_loss(task, z, t, loss).item()
    assert value == pytest.approx(_formula(loss, task, z.numpy(), t.numpy()), rel=1e-12, abs=1e-14)
    assert torch.autograd.gradcheck(lambda logits: data_loss(task, logits, t, loss), (z.clone().requires_grad_(),))


def test_default_losses_are_the_ones_before_the_field():
    """Documents without training.loss keep their numbers: the defaults are the same torch calls, bit for bit."""
    for task, old in (("binary", lambda z, t: torch.nn.functional.binary_cross_entropy_with_logits(z[:, 0], t)),
                      ("multiclass", torch.nn.functional.cross_entropy),
                      ("regression", lambda z, t: torch.nn.functional.mse_loss(z[:, 0], t))):
        z, t = _batch(task)
        z32, t32 = z.float(), (t if task == "multiclass" else t.float())
        assert torch.equal(data_loss(task, z32, t32), old(z32, t32))
        assert Network(2, [], task, CLASSES[task]).loss == catalog.DEFAULT_LOSS[task]
    assert Experiment.from_dict({"training": {"epochs": 3}}).training.loss is None


@pytest.mark.parametrize("loss, task", PAIRS, ids=IDS)
def test_fast_backward_matches_autograd(loss, task):
    net = Network(3, [LayerSpec(units=5, activation="tanh"), LayerSpec(units=4, activation="relu")], task,
                  CLASSES[task], loss).double()
    net.initialize(InitSpec(scheme="normal", scale=0.8), torch.Generator().manual_seed(1))
    g = torch.Generator().manual_seed(2)
    x = torch.randn(19, 3, generator=g, dtype=torch.float64) * 2
    _, y = _batch(task, 19, seed=3)
    net.zero_grad(set_to_none=True)
    data_loss(task, net(x), y, loss).backward()
    expected = [p.grad.clone() for p in net.parameters()]
    net.zero_grad(set_to_none=True)
    FastBackward(net)(x, y)
    for got, want in zip([p.grad for p in net.parameters()], expected):
        torch.testing.assert_close(got, want, rtol=1e-10, atol=1e-12)


def test_predictions_read_each_output():
    z, _ = _batch("binary")
    assert torch.allclose(predict("binary", z, "tf_playground"), (torch.tanh(z[:, 0]) + 1) / 2)
    for loss in ("cross_entropy", "hinge", "squared_error"):
        assert torch.equal(predict("binary", z, loss) > 0.5, z[:, 0] > 0)  # the boundary sits where the logit is 0
    assert Network(2, [], "binary", 2, "tf_playground").activation_names() == ["tanh"]


@pytest.mark.parametrize("document, message", [
    ({"data": {"dataset": "reg-plane"}, "training": {"loss": "hinge"}},
     "training.loss: hinge is for classification; for regression use squared_error, absolute_error, huber or tf_playground"),
    ({"data": {"dataset": "reg-gauss"}, "training": {"loss": "cross_entropy"}}, "training.loss: cross_entropy is for classification"),
    ({"data": {"dataset": "blobs"}, "training": {"loss": "tf_playground"}},
     "training.loss: tf_playground is for binary classification and regression; for multiclass classification use"),
    ({"training": {"loss": "tf_playground", "optimizer": {"name": "adam"}}}, "training.loss: tf_playground trains"),
    ({"training": {"loss": "mse"}}, "training.loss: must be one of 'cross_entropy'"),
])
def test_a_loss_that_does_not_fit_is_one_line(document, message):
    with pytest.raises(ExperimentError) as error:
        Experiment.from_dict(document)
    assert str(error.value).startswith(message) and "\n" not in str(error.value)


def test_drawn_classes_are_checked_once_loaded():
    points = [[0.0, 0.0, 0], [1.0, 1.0, 1], [2.0, 0.0, 2], [0.0, 2.0, 0], [1.0, 0.0, 1], [2.0, 2.0, 2]] * 3
    experiment = Experiment.from_dict({"data": {"dataset": "points", "points": points},
                                       "training": {"loss": "tf_playground"}})
    with pytest.raises(ExperimentError, match="^training.loss: tf_playground is for binary"):
        Trainer(experiment)


@pytest.mark.parametrize("argv", [["--loss", "mse"], ["--dataset", "reg-plane", "--loss", "hinge"]])
def test_cli_rejects_a_bad_loss_with_one_line(argv, capsys):
    assert main(["train", "--epochs", "1", "--quiet", *argv]) == 2
    err = capsys.readouterr().err.strip()
    assert "--loss" in err and len(err.splitlines()) == 1


# -- the done-when numbers -------------------------------------------------------------
# Cross-entropy's and the hinge's slope at a logit of 0 is 1/2 and 1; a sigmoid probability's losses have a quarter
# of it (sigmoid' = 1/4 there), so they get ten times TF Playground's default rate.
CIRCLE_LR = {"cross_entropy": 0.03, "hinge": 0.03}


def _val_r2(trainer: Trainer) -> float:
    with torch.no_grad():
        predicted = predict("regression", trainer.net(trainer.x["val"]), trainer.net.loss)
    return r2_score(trainer.dataset.y_val, predicted.numpy())


@pytest.mark.parametrize("loss", [name for name, tasks in catalog.LOSSES.items() if "binary" in tasks])
def test_each_classification_loss_learns_the_circle_in_300_epochs(loss):
    trainer = Trainer(Experiment().with_changes(**{"training.loss": loss, "training.optimizer.lr": CIRCLE_LR.get(loss, 0.3)}))
    trainer.train(300, on_epoch=lambda t: t.evaluate("val")[1] < 0.9)  # stops once it is there
    assert trainer.evaluate("val")[1] >= 0.9


@pytest.mark.parametrize("loss", catalog.losses_for("regression"))
def test_each_regression_loss_fits_the_plane_in_100_epochs(loss):
    trainer = Trainer(Experiment().with_changes(**{"training.loss": loss, "data.dataset": "reg-plane"}))
    trainer.train(100, on_epoch=lambda t: _val_r2(t) < 0.9)
    assert _val_r2(trainer) >= 0.9


# -- TF Playground, step for step ----------------------------------------------------------------
def _nn_ts(weights, biases, x, labels, lr, regularization, rate, batch, epochs):
    """nn.ts forwardProp / backProp / updateWeights and playground.ts oneStep / getLoss, one point at a
    time, in float64: tanh everywhere (the output too), error ½(o - t)², labels ±1."""
    w = [np.array(v, dtype=np.float64) for v in weights]
    b = [np.array(v, dtype=np.float64) for v in biases]
    dead = [np.zeros(v.shape, dtype=bool) for v in w]
    acc_w, acc_b, count = [np.zeros_like(v) for v in w], [np.zeros_like(v) for v in b], 0
    der = {"L1": lambda v: np.sign(v), "L2": lambda v: v}[regularization]
    losses = []

    def forward(point):
        outputs, totals = [point], []
        for wl, bl in zip(w, b):
            totals.append(wl @ outputs[-1] + bl)
            outputs.append(np.tanh(totals[-1]))
        return outputs, totals

    for _ in range(epochs):
        for i, (point, target) in enumerate(zip(x, labels)):
            outputs, totals = forward(point)
            output_der = outputs[-1] - target
            for layer in range(len(w) - 1, -1, -1):
                input_der = output_der * (1 - np.tanh(totals[layer]) ** 2)
                acc_b[layer] += input_der
                acc_w[layer] += np.where(dead[layer], 0.0, np.outer(input_der, outputs[layer]))
                output_der = w[layer].T @ input_der
            count += 1
            if (i + 1) % batch == 0:
                for layer in range(len(w)):
                    b[layer] -= lr * acc_b[layer] / count
                    regul = der(w[layer])
                    stepped = w[layer] - lr / count * acc_w[layer]
                    new = stepped - lr * rate * regul
                    crossed = (stepped * new < 0) if regularization == "L1" else np.zeros_like(dead[layer])
                    dead[layer] |= crossed
                    w[layer] = np.where(dead[layer], 0.0, new) if regularization == "L1" else new
                    acc_w[layer][:], acc_b[layer][:] = 0, 0
                count = 0
        losses.append(np.mean([0.5 * (forward(p)[0][-1][0] - t) ** 2 for p, t in zip(x, labels)]))
    return w, b, losses, sum(int(d.sum()) for d in dead)


@pytest.mark.parametrize("regularization, rate", [("L1", 0.3), ("L2", 0.3)])
def test_tf_playground_trains_as_nn_ts_does(regularization, rate):
    # 2-4-2-1 tanh, 20 training rows in batches of 7: two updates an epoch and 6 rows carried into the next.
    experiment = Experiment.from_dict({
        "data": {"dataset": "circle", "samples": 40, "noise": 0.1},
        "training": {"loss": "tf_playground", "optimizer": {"name": "sgd", "lr": 0.1}, "batch_size": 7,
                     "l1" if regularization == "L1" else "l2": rate},
    })
    trainer = Trainer(experiment)
    x, y = trainer.x["train"].double().numpy(), trainer.y["train"].double().numpy()
    assert len(x) == 20
    start = [(linear.weight.detach().double().numpy(), linear.bias.detach().double().numpy()) for linear in trainer.linears]
    epochs = 6
    trainer.train(epochs)
    weights, biases, losses, dead = _nn_ts([s[0] for s in start], [s[1] for s in start], x, 2 * y - 1,
                                           0.1, regularization, rate, 7, epochs)
    assert trainer.step_count == 2 * epochs
    for linear, w, b in zip(trainer.linears, weights, biases):
        np.testing.assert_allclose(linear.weight.detach().double().numpy(), w, atol=2e-5)
        np.testing.assert_allclose(linear.bias.detach().double().numpy(), b, atol=2e-5)
    np.testing.assert_allclose(trainer.history.view().train_loss, losses, rtol=1e-4)
    if regularization == "L1":
        assert dead > 0  # the rule fired, and the same weights are exactly zero here
        assert sum(int((linear.weight == 0).sum()) for linear in trainer.linears) == dead


@pytest.mark.parametrize("loss, task", PAIRS, ids=IDS)
def test_chance_loss_is_the_constant_guess_under_each_loss(loss, task):
    """Divergence compares the training loss with guessing's; measured by the same loss it is on the same scale."""
    _, t = _batch(task, rows=41, seed=4)  # odd: one middle value, the median torch and numpy agree on
    if task == "regression":
        guess = t.median() if loss in ("absolute_error", "huber") else t.mean()
        z = guess.expand(len(t), 1)
    else:
        z = torch.zeros(len(t), CLASSES[task] if task == "multiclass" else 1, dtype=torch.float64)
    chance = divergence.chance_loss(task, t.numpy(), CLASSES[task], loss)
    assert chance == pytest.approx(data_loss(task, z, t, loss).item(), rel=1e-9)


def test_tf_playground_dead_weights_stay_dead_across_a_save(tmp_path):
    experiment = Experiment.from_dict({"data": {"samples": 40}, "training": {"loss": "tf_playground", "l1": 0.3,
                                                                             "optimizer": {"name": "sgd", "lr": 0.1}}})
    trainer = Trainer(experiment)
    trainer.train(4)
    trainer.save(tmp_path / "tf.pt")
    loaded = Trainer.load(tmp_path / "tf.pt")
    zero = [linear.weight == 0 for linear in trainer.linears]
    assert sum(int(z.sum()) for z in zero) > 0
    trainer.train(8)
    loaded.train(8)
    for a, b, z in zip(trainer.linears, loaded.linears, zero):
        assert torch.equal(a.weight, b.weight) and bool((b.weight[z] == 0).all())
