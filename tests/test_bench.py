"""`playground bench`: one JSON line with the right keys and types; the plain loop trains the same model."""
from __future__ import annotations

import argparse
import importlib.util
import json
import math

import pytest
import torch

from playground.cli import bench
from playground.cli import main as cli
from playground.config.experiment import Experiment
from playground.training.trainer import Trainer

KEYS = {"steps_per_s": float, "plain_steps_per_s": float, "ratio": float, "epochs_per_s": float,
        "plain_epochs_per_s": float, "seconds": float, "device": str, "torch": str}
ENSEMBLE_KEYS = {"ensemble_k": int, "ensemble_model_steps_per_s": float, "single_steps_per_s": float,
                 "ensemble_ratio": float}
LANDSCAPE_KEYS = {"landscape_points": int, "landscape_points_per_s": float, "landscape_point_by_point_per_s": float,
                  "landscape_ratio": float}
SWEEP_KEYS = {"sweep_k": int, "sweep_model_epochs_per_s": float, "sequential_model_epochs_per_s": float, "sweep_ratio": float}


def _check(result: dict, seconds: float) -> None:
    for key, kind in KEYS.items():
        assert isinstance(result[key], kind), f"{key}: {result[key]!r}"
    for key in ("steps_per_s", "plain_steps_per_s", "ratio", "epochs_per_s", "plain_epochs_per_s"):
        assert math.isfinite(result[key]) and result[key] > 0, key
    assert result["seconds"] == seconds
    assert result["torch"] == torch.__version__
    assert result["device"] in ("cpu", "cuda", "mps") or result["device"].startswith(("cuda:", "mps:"))
    if importlib.util.find_spec("playground.analysis.ensemble") is not None:
        for key, kind in ENSEMBLE_KEYS.items():
            assert isinstance(result[key], kind), f"{key}: {result[key]!r}"
        assert result["ensemble_k"] == 16
    for key, kind in LANDSCAPE_KEYS.items():
        assert isinstance(result[key], kind) and result[key] > 0, f"{key}: {result[key]!r}"
    assert result["landscape_points"] == 31 * 31
    for key, kind in SWEEP_KEYS.items():
        assert isinstance(result[key], kind) and result[key] > 0, f"{key}: {result[key]!r}"
    assert result["sweep_k"] == 16


def test_bench_prints_one_json_line(capsys):
    assert bench.run(argparse.Namespace(seconds=0.15, gui=False)) == 0
    out = capsys.readouterr().out
    lines = out.strip().splitlines()
    assert len(lines) == 1
    _check(json.loads(lines[0]), 0.15)


def test_bench_through_the_command_line(capsys):
    assert cli.main(["bench", "--seconds", "0.1"]) == 0
    (line,) = capsys.readouterr().out.strip().splitlines()
    _check(json.loads(line), 0.1)


@pytest.mark.parametrize("seconds", ["0", "-1"])
def test_bench_refuses_a_nonpositive_duration(capsys, seconds):
    assert cli.main(["bench", "--seconds", seconds]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--seconds" in err[0]


def test_the_plain_loop_trains_exactly_what_the_trainer_trains():
    """Same weights, same batches, same rule: after 60 steps (more than two epochs) the models agree."""
    exp = Experiment(device="cpu").with_changes(**{"data.samples": 100})
    trainer = Trainer(exp)
    loop = bench.PlainLoop(Trainer(exp))
    for _ in range(60):
        trainer.step()
        loop.step()
    plain = [m for m in loop.model if isinstance(m, torch.nn.Linear)]
    for ours, theirs in zip(trainer.linears, plain):
        torch.testing.assert_close(ours.weight.detach(), theirs.weight.detach(), rtol=1e-4, atol=1e-5)
        torch.testing.assert_close(ours.bias.detach(), theirs.bias.detach(), rtol=1e-4, atol=1e-5)
    assert trainer.epoch == 60 // trainer.steps_per_epoch


def test_the_plain_model_mirrors_the_network():
    trainer = Trainer(Experiment(device="cpu").with_changes(**{"data.samples": 40}))
    model = bench.plain_model(trainer)
    x = trainer.x["val"]
    with torch.no_grad():
        torch.testing.assert_close(model(x), trainer.net(x))


def test_bench_memory_measures_the_history_of_a_long_run(capsys):
    assert cli.main(["bench", "--memory", "--history-epochs", "30000"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["history_epochs"] == 30000 and result["goal_mb"] == 50.0
    # The window receives what training keeps, thinned alike, and both stay within the buffer's bound.
    assert result["sender_rows"] == result["receiver_rows"] < 30000
    assert 0 < result["sender_mb"] < 5 and 0 < result["receiver_mb"] < 5
    assert math.isfinite(result["rss_growth_mb"]) and result["append_us"] > 0


def test_bench_memory_refuses_a_count_below_one(capsys):
    assert cli.main(["bench", "--memory", "--history-epochs", "0"]) == 2
    assert "--history-epochs: must be at least 1" in capsys.readouterr().err
