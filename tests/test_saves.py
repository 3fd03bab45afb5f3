"""Saves that lose nothing: atomic replacement, exact continuation, and saved models checked field by field."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from playground.config.atomic import write_atomic
from playground.config.experiment import Experiment, ExperimentError
from playground.training.saved import SAVE_FORMAT
from playground.training.trainer import Trainer

ROOT = Path(__file__).resolve().parent.parent


def state(trainer: Trainer) -> list[torch.Tensor]:
    """Everything training changes: parameters and buffers (batch-norm statistics)."""
    return [t.detach().clone() for t in trainer.net.state_dict().values()]


def history_rows(trainer: Trainer, first_epoch: int) -> dict:
    h = trainer.history.view()
    keep = h.epoch >= first_epoch
    return {name: getattr(h, name)[keep].tolist() for name in ("epoch", "step", "lr", "train_loss", "val_loss")}


# -- atomic writes -------------------------------------------------------------

def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "x.json"
    target.write_bytes(b"old")

    def half_then_fail(out):
        out.write(b"new and half")
        raise OSError(28, "No space left on device")

    with pytest.raises(ExperimentError) as caught:
        write_atomic(target, half_then_fail)
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["x.json"]
    assert str(caught.value) == f"{target}: cannot write (No space left on device)"


def test_a_write_replaces_the_file_and_keeps_its_permissions(tmp_path):
    target = tmp_path / "x.json"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new" and (target.stat().st_mode & 0o777) == 0o640
    assert os.listdir(tmp_path) == ["x.json"]


def test_a_name_the_file_system_cannot_encode_is_one_line(tmp_path):
    with pytest.raises(ExperimentError) as caught:
        Experiment().save(tmp_path / "bad\ud800.json")
    assert "cannot be encoded" in str(caught.value) and "\n" not in str(caught.value)
    assert os.listdir(tmp_path) == []


def _train_under_file_size_limit(folder: Path, limit_bytes: int, *flags: str) -> subprocess.CompletedProcess:
    """`playground train` with RLIMIT_FSIZE set, as `ulimit -f` does; output goes to pipes, which the limit spares."""
    script = (
        "import resource, sys\n"
        f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit_bytes}, {limit_bytes}))\n"
        "from playground.cli.main import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", script, "train", "--quiet", *flags], cwd=folder, env=env,
                          capture_output=True, text=True, timeout=300)


def test_a_save_cut_short_by_the_file_size_limit_leaves_the_old_model_loadable(tmp_path):
    exp = Experiment().with_changes(**{"network.layers": [{"units": 64}, {"units": 64}], "training.epochs": 2,
                                       "device": "cpu"})
    old = Trainer(exp)
    old.train()
    old.save(tmp_path / "m.pt")
    before = (tmp_path / "m.pt").read_bytes()
    run = _train_under_file_size_limit(tmp_path, 8192, "--epochs", "2", "--hidden", "64,64", "--save", "m.pt")
    assert run.returncode == 2, run.stderr
    assert run.stderr.count("\n") == 1 and "--save m.pt: cannot write (File too large)" in run.stderr
    assert (tmp_path / "m.pt").read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["m.pt"]
    loaded = Trainer.load(tmp_path / "m.pt")
    assert all(torch.equal(a, b) for a, b in zip(state(old), state(loaded)))


def test_a_metrics_write_failure_stops_the_run_and_still_saves_the_model(tmp_path):
    (tmp_path / "m.jsonl").write_text("old metrics\n")
    run = _train_under_file_size_limit(tmp_path, 40_000, "--epochs", "300", "--metrics", "m.jsonl", "--save", "m.pt")
    assert run.returncode == 2 and run.stderr.count("\n") == 1, run.stderr
    assert "--metrics m.jsonl: cannot write (File too large); training stopped after epoch" in run.stderr
    assert "the model is saved in m.pt" in run.stderr
    assert (tmp_path / "m.jsonl").read_text() == "old metrics\n"
    stopped_at = int(run.stderr.split("after epoch ")[1].split(",")[0])
    assert 0 < stopped_at < 300
    assert Trainer.load(tmp_path / "m.pt").epoch == stopped_at
    assert sorted(os.listdir(tmp_path)) == ["m.jsonl", "m.pt"]


# -- exact continuation -----------------------------------------------------------

CONTINUATIONS = {
    "default": ({}, 100),
    "dropout and batch norm": ({"network.layers": [{"units": 6, "dropout": 0.3, "batch_norm": True},
                                                   {"units": 4, "activation": "relu", "dropout": 0.2}]}, 30),
    "adam, lookahead and a schedule": ({"training.optimizer.name": "adam", "training.optimizer.lr": 0.01,
                                        "training.lookahead.enabled": True, "training.schedule.name": "exponential",
                                        "training.schedule.hyper": {"gamma": 0.97}}, 30),
    "early stopping's best so far": ({"training.early_stopping": 10_000, "data.noise": 0.4}, 30),
}


@pytest.mark.parametrize("name", CONTINUATIONS)
def test_training_on_from_a_save_equals_training_straight_through(tmp_path, name):
    changes, half = CONTINUATIONS[name]
    exp = Experiment().with_changes(device="cpu", **changes)
    straight = Trainer(exp)
    straight.train(2 * half)
    first = Trainer(exp)
    first.train(half)
    first.save(tmp_path / "m.pt")
    del first
    torch.manual_seed(12345)  # whatever ran in between must not matter
    second = Trainer.load(tmp_path / "m.pt")
    second.train(2 * half)
    assert second.step_count == straight.step_count
    assert all(torch.equal(a, b) for a, b in zip(state(straight), state(second)))
    assert history_rows(second, half + 1) == history_rows(straight, half + 1)
    best = lambda t: None if t._best_state is None else (
        float(t._best.loss.item()), int(t._best.epoch.item()), [v.clone() for v in t._best_state.values()])
    if best(straight) is None:
        assert best(second) is None
    else:
        assert best(second)[:2] == best(straight)[:2]
        assert all(torch.equal(a, b) for a, b in zip(best(second)[2], best(straight)[2]))


def test_a_save_in_the_middle_of_an_epoch_continues_from_that_batch(tmp_path):
    exp = Experiment().with_changes(device="cpu", **CONTINUATIONS["dropout and batch norm"][0])
    straight = Trainer(exp)
    straight.train(4)
    first = Trainer(exp)
    first.train(2)
    for _ in range(7):
        first.step()
    first.save(tmp_path / "m.pt")
    second = Trainer.load(tmp_path / "m.pt")
    second.train(4)
    assert all(torch.equal(a, b) for a, b in zip(state(straight), state(second)))
    # The interrupted epoch's row too: its gradient norms average over steps before and after the save.
    assert second.history.view().grad_norm.tolist() == straight.history.view().grad_norm[2:].tolist()


# -- saved models checked field by field --------------------------------------------

def _saved_with(tmp_path, **fields) -> Path:
    trainer = Trainer(Experiment().with_changes(device="cpu", **{"data.samples": 40}))
    trainer.save(tmp_path / "good.pt")
    saved = torch.load(tmp_path / "good.pt", weights_only=True)
    for key, value in fields.items():
        if value is _MISSING:
            del saved[key]
        else:
            saved[key] = value
    torch.save(saved, tmp_path / "bad.pt")
    return tmp_path / "bad.pt"


_MISSING = object()
BAD_FIELDS = {
    "experiment as an int": ({"experiment": 3}, "experiment: expected the experiment as JSON text, got int"),
    "experiment not valid": ({"experiment": '{"seed": -1}'}, "experiment: seed: must be greater than or equal to 0"),
    "missing epoch": ({"epoch": _MISSING}, "epoch: missing"),
    "missing step": ({"step": _MISSING}, "step: missing"),
    "negative epoch": ({"epoch": -4}, "epoch: expected a whole number of at least 0, got -4"),
    "epoch as text": ({"epoch": "12"}, "epoch: expected a whole number of at least 0, got '12'"),
    "model as a list": ({"model": [1, 2]}, "model: expected named weight tensors, got list"),
    "optimizer as an int": ({"optimizer": 7}, "optimizer: expected the optimizer's state, got int"),
    "optimizer of another kind": ({"optimizer": {"state": 1}}, "optimizer: its state does not fit this optimizer"),
    "rng as text": ({"rng": "seed"}, "rng: expected the batch-order and dropout generator states"),
    "gradient sums as a list": ({"epoch_grad_sums": [1.0]}, "epoch_grad_sums: expected one gradient-norm sum"),
    "best as an int": ({"best": 3}, "best: expected early stopping's best loss, epoch and weights"),
    "negative epoch_steps": ({"epoch_steps": -1}, "epoch_steps: expected a whole number of at least 0, got -1"),
    "wrong format": ({"format": "other"}, "not a saved Neural Playground model"),
}


@pytest.mark.parametrize("name", BAD_FIELDS)
def test_every_field_of_a_saved_model_is_checked_with_a_named_message(tmp_path, name):
    fields, expected = BAD_FIELDS[name]
    path = _saved_with(tmp_path, **fields)
    with pytest.raises(ExperimentError) as caught:
        Trainer.load(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and expected in message and "\n" not in message


def test_a_model_file_that_is_not_a_regular_file_is_refused_before_reading():
    with pytest.raises(ExperimentError, match="not a regular file"):
        Trainer.load("/dev/zero")


def test_a_file_from_before_random_states_were_saved_still_loads(tmp_path):
    path = _saved_with(tmp_path, rng=_MISSING, batch_index=_MISSING)
    loaded = Trainer.load(path)
    loaded.train(1)
    assert loaded.epoch == 1 and torch.load(path, weights_only=True)["format"] == SAVE_FORMAT


def test_the_command_line_continues_exactly_too(tmp_path, capsys):
    from playground.cli import main as cli

    def final(*args: str) -> dict:
        metrics = tmp_path / "m.jsonl"
        assert cli.main(["train", "--quiet", "--dropout", "0.2", "--metrics", str(metrics), *args]) == 0
        capsys.readouterr()
        return json.loads(metrics.read_text().splitlines()[-1])

    straight = final("--epochs", "20")
    final("--epochs", "10", "--save", str(tmp_path / "half.pt"))
    continued = final("--load", str(tmp_path / "half.pt"), "--epochs", "10")
    for key in ("epoch", "step", "train_loss", "val_loss", "test_loss", "train_accuracy", "val_accuracy"):
        assert continued[key] == straight[key], key
