"""Bounded input: file kinds and sizes, JSON nesting and numbers, echoed values, and the memory estimate."""
from __future__ import annotations

import json

import pytest
import torch

from playground.config import limits
from playground.config.experiment import Experiment, ExperimentError
from playground.training import budget
from playground.training.trainer import Trainer


@pytest.mark.parametrize("text, expected", [
    ("[" * 5000 + "]" * 5000, "nested more than 32 levels deep"),
    ('{"a": ' * 40 + "1" + "}" * 40, "nested more than 32 levels deep"),
    ('{"seed": ' + "9" * 5000 + "}", "a number has 5,000 digits, more than the limit of 64"),
    ('{"training": {"optimizer": {"lr": 0.' + "1" * 100 + "}}}", "a number has 102 characters"),
    ('{"name": "\\ud800"}', "holds a lone surrogate"),
    ('{"\\udfff": 1}', "holds a lone surrogate"),
    ('{"seed": NaN}', "NaN is not a JSON number"),
    ('{"seed": -Infinity}', "-Infinity is not a JSON number"),
])
def test_odd_json_is_one_line(text, expected):
    with pytest.raises(ExperimentError) as caught:
        Experiment.from_json(text)
    assert expected in str(caught.value) and "\n" not in str(caught.value)


def test_json_within_the_limits_reads_as_before():
    document = Experiment().with_changes(**{"name": "\u5706 circle \U0001f600", "seed": 4294967295}).to_json()
    assert Experiment.from_json(document) == Experiment.from_dict(json.loads(document))


def test_a_file_beyond_the_size_limit_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "big.json"
    path.write_text(Experiment().to_json() + " " * 2000)
    monkeypatch.setattr(limits, "MAX_JSON_BYTES", 1000)
    with pytest.raises(ExperimentError) as caught:
        Experiment.load(path)
    size = limits.size_text(path.stat().st_size)
    assert str(caught.value) == f"{path}: cannot read (the file is {size}, more than the limit of 1,000 bytes)"


def test_a_csv_beyond_the_size_limit_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "big.csv"
    path.write_text("a,b,label\n" + "1,2,x\n3,4,y\n" * 200)
    monkeypatch.setattr(limits, "MAX_CSV_BYTES", 2 * 2**10)
    exp = Experiment().with_changes(**{"data.dataset": "csv", "data.csv_path": str(path)})
    with pytest.raises(ExperimentError, match=r"cannot read \(the file is 2\.4 KiB, more than the limit of 2\.0 KiB\)"):
        Trainer(exp)


@pytest.mark.parametrize("path", ["/dev/zero", "/dev/null", "/"])
def test_non_regular_files_are_refused(path):
    with pytest.raises(ExperimentError, match="cannot read"):
        Experiment.load(path)


def test_clip_keeps_short_text_and_says_how_much_it_cut():
    assert limits.clip("short") == "short"
    clipped = limits.clip("x" * 10_000_000)
    assert clipped == "x" * 200 + "\u2026 (9,999,800 more characters)"
    assert limits.clip("a\ud800b") == "a\\ud800b"


def test_a_huge_bad_value_is_echoed_cut_short():
    with pytest.raises(ExperimentError) as caught:
        Experiment.from_dict({"version": "v" * 10_000_000})
    assert len(str(caught.value)) < 400
    with pytest.raises(ExperimentError) as caught:
        Experiment.from_dict({"data": {"features": ["f" * 10_000_000]}})
    assert len(str(caught.value)) < 500


@pytest.mark.parametrize("count, text", [(0, "0 bytes"), (1023, "1,023 bytes"), (1024, "1.0 KiB"),
                                         (3 * 2**20, "3.0 MiB"), (1.5 * 2**30, "1.5 GiB"), (2**50, "1048576.0 GiB")])
def test_size_text(count, text):
    assert limits.size_text(count) == text


# -- the memory estimate ------------------------------------------------------------

def _tensor_bytes(trainer: Trainer) -> int:
    """What the trainer holds after a step, counted from its tensors: data, shuffled copy, parameters, gradients,
    optimizer state, plus one forward pass over the largest split."""
    tensors = list(trainer.x.values()) + [trainer._epoch_x]
    tensors += [p for p in trainer.net.parameters()] + [p.grad for p in trainer.net.parameters() if p.grad is not None]
    for value in trainer.optimizer.state_dict()["state"].values():  # per kind of state, one tensor per parameter
        tensors += [v for v in (value if isinstance(value, list) else [value]) if torch.is_tensor(v)]
    total = sum(t.numel() * t.element_size() for t in tensors)
    trainer.snapshot(grid=True)  # builds the grid's inputs, which the probe then runs the network over
    grids = list(trainer.grid_inputs._cache.values())
    total += sum(g.numel() * g.element_size() for g in grids)
    for x in [max(trainer.x.values(), key=lambda t: t.shape[0])] + grids:
        for module in trainer.net.modules():
            if isinstance(module, torch.nn.Linear):
                total += x.shape[0] * module.out_features * 4
    return total


@pytest.mark.parametrize("changes", [
    {},
    {"data.samples": 4000, "network.layers": [{"units": 64}, {"units": 32}], "training.optimizer.name": "adam"},
    {"data.samples": 2000, "training.batch_size": 0, "network.layers": [{"units": 128, "activation": "maxout"}]},
])
def test_the_estimate_covers_what_the_trainer_allocates(changes):
    trainer = Trainer(Experiment().with_changes(device="cpu", **changes))
    trainer.step()
    held = _tensor_bytes(trainer)
    rows = {split: x.shape[0] for split, x in trainer.x.items()}
    estimate = budget.estimate_bytes(rows, trainer.x["train"].shape[1], list(trainer.experiment.network.layers),
                                     1, trainer.experiment.training.batch_size)
    assert held <= estimate <= 20 * held


def test_an_experiment_over_the_memory_limit_is_refused_naming_both_numbers(monkeypatch):
    monkeypatch.setattr(budget, "memory_limit", lambda: 2**20)
    exp = Experiment().with_changes(**{"data.samples": 2000, "network.layers": [{"units": 256}, {"units": 256}]})
    with pytest.raises(ExperimentError) as caught:
        Trainer(exp)
    message = str(caught.value)
    assert message.startswith("this experiment needs about ") and "more than the limit of 1.0 MiB" in message
    rows = {"train": 1000, "val": 500, "test": 500}
    assert limits.size_text(budget.estimate_bytes(rows, 2, list(exp.network.layers), 1, 10)) in message
