"""Loss landscapes: the centre is the training loss, batched equals one load_state_dict per point, Li et al.'s scaling."""
from __future__ import annotations

import json
from functools import partial

import numpy as np
import pytest
import torch
from conftest import make_experiment

from playground.analysis import landscape
from playground.config.experiment import ExperimentError
from playground.training.trainer import Trainer


@pytest.fixture(scope="module")
def trained() -> Trainer:
    trainer = Trainer(make_experiment(samples=120, **{"data.dataset": "xor", "network.layers": [
        {"units": 6, "activation": "relu"}, {"units": 4, "activation": "tanh"}]}))
    trainer.train(4)
    return trainer


def test_the_centre_is_the_training_loss_the_window_shows(trained):
    land = landscape.random_plane(trained, resolution=9, span=0.5)
    middle = land.loss[4, 4]
    assert land.alpha[4] == land.beta[4] == 0.0
    assert land.centre_loss == trained.evaluate("train")[0] == trained.snapshot(grid=False).train_loss
    assert middle == pytest.approx(land.centre_loss, rel=1e-6)
    assert land.loss.shape == (9, 9) and np.isfinite(land.loss).all()
    assert land.loss.min() <= middle < land.loss.max()  # the plane is not flat


def test_batched_equals_one_load_state_dict_per_point():
    # Batch norm (running statistics as buffers), dropout (off in eval mode), PReLU's own parameter, maxout.
    layers = [{"units": 5, "activation": "prelu", "batch_norm": True, "dropout": 0.2},
              {"units": 3, "activation": "maxout"}]
    trainer = Trainer(make_experiment(samples=80, **{"data.dataset": "blobs", "network.layers": layers}))
    trainer.train(2)
    params = landscape.parameters(trainer)
    generator = torch.Generator().manual_seed(1)
    d1, d2 = (landscape.flat(landscape.filter_normalized(params, generator)) for _ in range(2))
    a, b = landscape.axis(5, 1.0), landscape.axis(4, 0.3)
    fast = landscape.plane_losses(trainer, landscape.flat(params), d1, d2, a, b)
    slow = landscape.plane_losses_one_by_one(trainer, landscape.flat(params), d1, d2, a, b)
    assert fast.shape == (4, 5)
    np.testing.assert_allclose(fast, slow, rtol=1e-5)


def test_directions_are_filter_normalized(trained):
    params = landscape.parameters(trained)
    direction = landscape.filter_normalized(params, torch.Generator().manual_seed(0))
    for name, p in params.items():
        d = direction[name]
        if p.dim() == 1:
            assert torch.count_nonzero(d) == 0, name
        else:
            torch.testing.assert_close(d.norm(dim=1), p.norm(dim=1))
            assert not torch.allclose(d, p)


def test_the_axis_holds_zero_and_bad_resolutions_are_refused():
    for r in (3, 4, 31, 201):
        values = landscape.axis(r, 2.0)
        assert len(values) == r and 0.0 in values and values[0] == -2.0
    for r in (2, 202):
        with pytest.raises(ExperimentError, match=r"^resolution: must be between 3 and 201, got"):
            landscape.check_resolution(r)


def test_the_pca_plane_holds_a_path_that_lies_in_a_plane(trained):
    origin = landscape.flat(landscape.parameters(trained)).double().numpy()
    rng = np.random.default_rng(0)
    u, v = np.linalg.qr(rng.normal(size=(origin.size, 2)))[0].T
    t = np.linspace(1.0, 0.0, 8)
    path = origin + np.outer(3 * t, u) + np.outer(t**2, v)  # ends at the weights now
    land = landscape.pca_plane(trained, path, resolution=7)
    assert land.trajectory.shape == (8, 2)
    np.testing.assert_allclose(land.trajectory[-1], 0.0, atol=1e-6)
    # Distances along the path survive the projection: the path lies in the plane the components span.
    np.testing.assert_allclose(np.linalg.norm(np.diff(land.trajectory, axis=0), axis=1),
                               np.linalg.norm(np.diff(path, axis=0), axis=1), rtol=1e-5)
    assert np.abs(land.trajectory[:, 0]).max() < land.alpha.max()
    assert land.loss[3, 3] == pytest.approx(land.centre_loss, rel=1e-6)
    with pytest.raises(ExperimentError, match="at least three recorded epochs"):
        landscape.pca_plane(trained, path[:2])


def test_a_job_stopped_before_it_starts_evaluates_nothing(trained):
    land = landscape.random_plane(trained, resolution=5, should_stop=lambda: True)
    assert np.isnan(land.loss).all() and np.isfinite(land.centre_loss)


# -- `playground landscape` ------------------------------------------------------------------

def landscape_cli(capsys, *args: str) -> tuple[int, str, str]:
    from playground.cli import main as cli
    code = cli.main(["landscape", "--samples", "80", "--dataset", "xor", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("directions", ["pca", "random"])
def test_the_command_prints_the_plane_and_the_path(capsys, directions):
    code, out, _ = landscape_cli(capsys, "--epochs", "6", "--resolution", "7", "--directions", directions, "--json")
    assert code == 0
    result = json.loads(out)
    alpha, beta, loss = np.array(result["alpha"]), np.array(result["beta"]), np.array(result["loss"], dtype=float)
    assert alpha.shape == beta.shape == (7,) and loss.shape == (7, 7) and 0.0 in alpha and 0.0 in beta
    assert result["kind"] == directions and result["epochs"] == 6
    # The centre is the trained model's training loss: the same experiment trained here, independently.
    trainer = Trainer(make_experiment(samples=80, epochs=6, **{"data.dataset": "xor"}).with_changes(device="auto"))
    trainer.train()
    assert result["centre_loss"] == pytest.approx(trainer.evaluate("train")[0], rel=1e-6)
    assert loss[3, 3] == pytest.approx(result["centre_loss"], rel=1e-5)
    trajectory = np.array(result["trajectory"])
    assert trajectory.shape == (7, 2)
    np.testing.assert_allclose(trajectory[-1], 0.0, atol=1e-6)  # the path ends at the centre


@pytest.mark.parametrize(("args", "message"), [
    (["--resolution", "2"], "argument --resolution: must be between 3 and 201, got 2"),
    (["--resolution", "500"], "argument --resolution: must be between 3 and 201, got 500"),
    (["--span", "0", "--directions", "random"], "argument --span: must be a positive number"),
    (["--epochs", "1"], "argument --epochs: the principal components need a path of at least 2 epochs"),
])
def test_the_command_refuses_bad_input_in_one_line(capsys, args, message):
    code, out, err = landscape_cli(capsys, *args)
    assert code == 2 and out == "" and message in err and err.count("\n") == 1


# -- on the live model, through a session ---------------------------------------------------------

@pytest.mark.parametrize("kind", ["thread", "process"])
def test_the_live_plane_runs_as_a_call_on_the_session(wait_until, kind):
    from playground.runtime.process_session import ProcessSession
    from playground.runtime.thread_session import TrainingSession
    session = (TrainingSession if kind == "thread" else ProcessSession)(make_experiment(samples=80), stop_at_epoch=3)
    try:
        session.play()
        finished = []
        assert wait_until(lambda: (s := session.latest()) is not None and s.state == "finished" and finished.append(s)
                          or finished, 60.0)
        shown = finished[0]
        records = [[(layer.weights, layer.bias) for layer in shown.layers]] * 3
        land = session.call(partial(landscape.live_plane, kind="random", resolution=5, records=records)).result(30.0)
        assert land.centre_loss == pytest.approx(shown.train_loss, rel=1e-6)
        assert land.loss[2, 2] == pytest.approx(shown.train_loss, rel=1e-5)
        np.testing.assert_allclose(land.trajectory, 0.0, atol=1e-6)  # the recorded weights are the weights now
        refused = session.call(partial(landscape.live_plane, kind="pca", resolution=5, records=records[:1])).result(30.0)
        assert "at least three recorded epochs" in refused
        assert session.status[0] == "finished"  # a refused request is an answer, not a session error
    finally:
        assert session.close()
