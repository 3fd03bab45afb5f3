"""`playground compare` and `playground sweep`: every line equals a solo `playground train`, bad input is one line."""
from __future__ import annotations

import json

import pytest

from playground.cli import main as cli

SPIRAL = ["--preset", "spiral", "--samples", "120", "--epochs", "4", "--device", "cpu", "--quiet"]


def run_main(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def solo(capsys, tmp_path, *args: str) -> list[dict]:
    """`playground train ARGS --metrics`: its per-epoch lines and, last, its final line."""
    metrics = tmp_path / "solo.jsonl"
    code, _, err = run_main(capsys, "train", *args, "--metrics", str(metrics))
    assert code == 0, err
    return [json.loads(line) for line in metrics.read_text(encoding="utf-8").splitlines()]


def same_numbers(ours: dict, theirs: dict, keys) -> None:
    for key in keys:
        assert ours[key] == pytest.approx(theirs[key], rel=1e-4, abs=1e-7), key


def test_compare_optimizers_on_the_spiral_gives_each_variant_its_solo_numbers(capsys, tmp_path):
    code, out, err = run_main(capsys, "compare", *SPIRAL, "--vary", "optimizer=sgd,momentum,adam", "--json")
    assert code == 0, err
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 3 * 5  # four epochs and a final line per variant
    for i, name in enumerate(("sgd", "momentum", "adam")):
        ours = [line for line in lines if line["variant"] == i]
        assert all(line["optimizer"] == name for line in ours)
        theirs = solo(capsys, tmp_path, *SPIRAL, "--optimizer", name)
        assert [line["epoch"] for line in ours] == [line["epoch"] for line in theirs]
        for a, b in zip(ours, theirs):
            same_numbers(a, b, ("train_loss", "val_loss", "test_loss", "train_accuracy", "val_accuracy", "lr", "step"))
            assert a.keys() - {"variant", "optimizer"} == b.keys()
            for layer_a, layer_b in zip(a.get("layers", []), b.get("layers", [])):
                same_numbers(layer_a, layer_b, ("grad_norm", "weight_norm"))
        assert ours[-1]["state"] == theirs[-1]["state"] and ours[-1]["diagnosis"]["verdict"] == theirs[-1]["diagnosis"]["verdict"]


def test_compare_without_json_prints_a_table_of_every_combination(capsys):
    code, out, _ = run_main(capsys, "compare", "--samples", "40", "--epochs", "2", "--quiet",
                            "--vary", "lr=0.01,0.1", "--vary", "hidden=2,4-4")
    rows = out.splitlines()
    assert code == 0 and rows[0].startswith("variant") and len(rows) == 5
    assert rows[4].startswith("lr=0.1, hidden=4-4") and rows[4].split()[-1] == "finished"


def test_sweep_rows_match_solo_runs_at_their_values(capsys, tmp_path):
    """The issue's command line: in sweep --samples counts the hyperparameter samples, --data-samples the points."""
    args = ["--epochs", "3", "--device", "cpu", "--quiet", "--early-stopping", "1"]
    code, out, err = run_main(capsys, "sweep", "--data-samples", "60", *args, "--param", "lr", "--range", "1e-3:1",
                              "--scale", "log", "--samples", "3", "--json")
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 3 and sum(row["best"] for row in rows) == 1
    for row in rows:
        assert 1e-3 <= row["lr"] <= 1
        final = solo(capsys, tmp_path, "--samples", "60", *args, "--lr", repr(row["lr"]))[-1]
        same_numbers(row, final, ("train_loss", "val_loss", "val_accuracy"))
        assert row["state"] == final["state"]


def test_a_two_parameter_sweep_gives_both_values_per_row(capsys):
    code, out, err = run_main(capsys, "sweep", "--data-samples", "40", "--epochs", "2", "--quiet", "--optimizer", "momentum",
                              "--param", "lr", "--range", "1e-3:1", "--param", "momentum", "--range", "0.5:0.99",
                              "--sampling", "grid", "--models", "4", "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0, err
    assert sorted((row["lr"], row["momentum"]) for row in rows) == pytest.approx([(1e-3, 0.5), (1e-3, 0.99), (1, 0.5), (1, 0.99)])


@pytest.mark.parametrize("args, message", [
    (["compare", "--vary", "seed=1,2"], "seed: cannot vary"),
    (["compare", "--vary", "lr=0.1,1000"], "lr=1000.0: training.optimizer.lr: must be less than or equal to 100"),
    (["compare", "--vary", "lr"], "argument --vary: expected FIELD=v1,v2"),
    (["compare", "--vary", "lr=0.1"], "argument --vary: a comparison needs at least two variants"),
    (["compare", "--vary", "lr=0.1,0.2", "--vary", "lr=1,2"], "argument --vary: lr is varied twice"),
    (["sweep", "--param", "lr", "--range", "1:0.1"], "lr: the range needs low < high"),
    (["sweep", "--param", "l2", "--range", "0:0.1"], "l2: a log range must not touch 0"),
    (["sweep", "--param", "lr", "--range", "0.01:1", "--samples", "1"], "argument --samples: between 2 and 256"),
    (["sweep", "--param", "lr", "--range", "0.01:1", "--models", "257"], "argument --samples: between 2 and 256"),
    (["sweep", "--param", "seed", "--range", "1:2"], "seed: cannot be swept"),
    (["sweep", "--param", "lr", "--range", "fast"], "argument --range: lr: expected LOW:HIGH"),
    (["sweep", "--param", "lr"], "argument --range: one --range"),
    (["sweep", "--range", "0.1:1"], "argument --param: name the hyperparameter"),
])
def test_bad_input_is_one_line_and_exit_2(capsys, args, message):
    data_size = "--data-samples" if args[0] == "sweep" else "--samples"
    code, out, err = run_main(capsys, *args, "--epochs", "1", data_size, "20", "--quiet")
    assert code == 2 and out == ""
    assert err.startswith(f"playground: error: {message}") and err.count("\n") == 1
