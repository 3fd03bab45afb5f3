"""The command line: `playground train` with flags and metrics, save and load, presets, and one-line errors."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from playground.cli import main as cli
from playground.config import presets

ROOT = Path(__file__).resolve().parent.parent
EPOCH_KEYS = {"epoch", "step", "elapsed_s", "lr", "train_loss", "val_loss", "train_accuracy", "val_accuracy", "layers"}
DIAGNOSIS_KEYS = {"baseline_error", "train_error", "val_error", "avoidable_bias", "variance", "verdict"}
QUICK = ["--samples", "60", "--quiet"]


def playground(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """`python -m playground ARGS` in a fresh interpreter, from the repository root."""
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.run([sys.executable, "-m", "playground", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def read_metrics(path: Path) -> tuple[list[dict], dict]:
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert lines and lines[-1].get("final") is True
    assert not any(line.get("final") for line in lines[:-1])
    return lines[:-1], lines[-1]


def run_main(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# -- training ------------------------------------------------------------------------------

def test_train_with_flags_writes_one_json_object_per_epoch(tmp_path):
    metrics = tmp_path / "m.jsonl"
    done = playground("train", "--dataset", "xor", "--hidden", "5,3", "--activation", "relu", "--optimizer", "adam",
                      "--lr", "0.01", "--batch-size", "16", "--epochs", "4", "--seed", "3", "--metrics", str(metrics),
                      *QUICK)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    epochs, final = read_metrics(metrics)
    assert [e["epoch"] for e in epochs] == [1, 2, 3, 4]
    for record in epochs:
        assert EPOCH_KEYS <= set(record)
        assert record["lr"] == 0.01
        assert isinstance(record["train_loss"], float) and isinstance(record["val_accuracy"], float)
        assert 0.0 <= record["val_accuracy"] <= 1.0
        assert [layer["name"] for layer in record["layers"]] == ["hidden 1", "hidden 2", "output"]
        for layer in record["layers"]:
            assert {"grad_norm", "weight_norm"} <= set(layer)
            assert layer["grad_norm"] >= 0 and layer["weight_norm"] > 0
    steps = [e["step"] for e in epochs]
    assert steps == sorted(steps) and steps[0] > 0
    assert all(b >= a for a, b in zip([e["elapsed_s"] for e in epochs], [e["elapsed_s"] for e in epochs][1:]))
    assert DIAGNOSIS_KEYS <= set(final["diagnosis"])
    assert final["diagnosis"]["verdict"] in ("high_bias", "high_variance", "high_bias_and_variance", "fine")
    assert final["epoch"] == 4
    # The summary on stdout.
    assert "4 epochs" in done.stdout and "Diagnosis" in done.stdout


def test_layers_are_in_input_to_output_order(tmp_path, capsys):
    metrics = tmp_path / "m.jsonl"
    code, _, _ = run_main(capsys, "train", "--hidden", "7,5,3", "--epochs", "1", "--metrics", str(metrics), *QUICK)
    assert code == 0
    (record,), _ = read_metrics(metrics)
    assert [layer["name"] for layer in record["layers"]] == ["hidden 1", "hidden 2", "hidden 3", "output"]
    # hidden 1 has 2 x 7 weights, the output 3 x 1: norms of tf_playground draws in +-0.5 reflect the sizes.
    assert record["layers"][0]["weight_norm"] <= 0.5 * (14 ** 0.5)
    assert record["layers"][-1]["weight_norm"] <= 0.5 * (3 ** 0.5)


def test_regression_metrics_have_null_accuracy(tmp_path, capsys):
    metrics = tmp_path / "m.jsonl"
    code, out, _ = run_main(capsys, "train", "--dataset", "reg-plane", "--epochs", "2", "--metrics", str(metrics),
                            *QUICK)
    assert code == 0
    epochs, final = read_metrics(metrics)
    assert all(e["val_accuracy"] is None and e["train_accuracy"] is None for e in epochs)
    assert all(isinstance(e["val_loss"], float) for e in epochs)
    assert DIAGNOSIS_KEYS <= set(final["diagnosis"])


def test_save_then_load_continues(tmp_path, capsys):
    model = tmp_path / "model.pt"
    first = tmp_path / "first.jsonl"
    code, _, _ = run_main(capsys, "train", "--optimizer", "adam", "--epochs", "3", "--save", str(model),
                          "--metrics", str(first), *QUICK)
    assert code == 0 and model.is_file()
    second = tmp_path / "second.jsonl"
    code, out, err = run_main(capsys, "train", "--load", str(model), "--epochs", "2", "--metrics", str(second),
                              "--quiet")
    assert code == 0, err
    before, _ = read_metrics(first)
    after, final = read_metrics(second)
    assert [e["epoch"] for e in after] == [4, 5]
    assert after[0]["step"] > before[-1]["step"]
    assert final["epoch"] == 5
    from playground.training.trainer import Trainer
    assert Trainer.load(model).experiment.training.optimizer.name == "adam"  # the saved experiment came back


def test_load_with_a_new_learning_rate(tmp_path, capsys):
    model = tmp_path / "model.pt"
    assert run_main(capsys, "train", "--epochs", "1", "--save", str(model), *QUICK)[0] == 0
    metrics = tmp_path / "m.jsonl"
    code, _, err = run_main(capsys, "train", "--load", str(model), "--lr", "0.2", "--epochs", "1",
                            "--metrics", str(metrics), "--quiet")
    assert code == 0, err
    epochs, _ = read_metrics(metrics)
    assert epochs[0]["epoch"] == 2 and epochs[0]["lr"] == 0.2


def test_csv_with_label(tmp_path, capsys):
    path = tmp_path / "data.csv"
    rows = ["species,a,b"] + [f"{'red' if i % 2 else 'blue'},{(i % 2) * 4 + (i % 7) * 0.1:.2f},{i % 5 * 0.3:.2f}"
                              for i in range(80)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    model, metrics = tmp_path / "m.pt", tmp_path / "m.jsonl"
    code, out, err = run_main(capsys, "train", "--csv", str(path), "--label", "species", "--epochs", "20",
                              "--optimizer", "adam", "--save", str(model), "--metrics", str(metrics), "--quiet")
    assert code == 0, err
    epochs, final = read_metrics(metrics)
    assert final["val_accuracy"] >= 0.9
    from playground.training.trainer import Trainer
    trainer = Trainer.load(model)
    assert trainer.experiment.data.dataset == "csv" and trainer.experiment.data.label_column == "species"
    assert trainer.data_view.input_names == ("a", "b") and trainer.data_view.class_names == ("blue", "red")


def test_preset_then_overrides(tmp_path, capsys):
    model = tmp_path / "m.pt"
    code, _, err = run_main(capsys, "train", "--preset", "spiral", "--epochs", "1", "--lr", "0.005",
                            "--save", str(model), "--quiet")
    assert code == 0, err
    from playground.training.trainer import Trainer
    exp = Trainer.load(model).experiment
    preset = presets.load("spiral")
    assert exp.data.dataset == "spiral" and exp.training.optimizer.lr == 0.005
    assert exp.network == preset.network and exp.training.optimizer.name == preset.training.optimizer.name


def test_config_file(tmp_path, capsys):
    from playground.config.experiment import Experiment
    config = tmp_path / "exp.json"
    Experiment().with_changes(**{"data.dataset": "gauss", "training.epochs": 2, "data.samples": 40}).save(config)
    metrics = tmp_path / "m.jsonl"
    code, out, err = run_main(capsys, "train", "--config", str(config), "--metrics", str(metrics), "--quiet")
    assert code == 0, err
    epochs, _ = read_metrics(metrics)
    assert len(epochs) == 2


def test_divergence_exits_1_with_the_reason(tmp_path, capsys):
    metrics = tmp_path / "m.jsonl"
    code, out, _ = run_main(capsys, "train", "--dataset", "reg-plane", "--lr", "50", "--hidden", "4",
                            "--activation", "relu", "--epochs", "30", "--samples", "200", "--metrics", str(metrics),
                            "--quiet")
    assert code == 1
    _, final = read_metrics(metrics)
    assert final["state"] == "diverged" and "step" in final["message"]
    assert "diverged" in out.lower()


def scales_apart_csv(path: Path, rows: int = 400) -> Path:
    """Income in hundreds of thousands beside a ratio near 1; the label needs both."""
    rng = __import__("numpy").random.default_rng(0)
    income, ratio = rng.normal(3e5, 1e5, rows), rng.normal(0.0, 1.0, rows)
    label = (income - 3e5) / 1e5 + ratio > 0
    path.write_text("income,ratio,label\n" + "".join(
        f"{a:.1f},{b:.5f},{'yes' if c else 'no'}\n" for a, b, c in zip(income, ratio, label)))
    return path


def test_a_csv_with_columns_1e5_apart_trains_with_default_flags(tmp_path, capsys):
    table, metrics = scales_apart_csv(tmp_path / "scales.csv"), tmp_path / "m.jsonl"
    code, out, err = run_main(capsys, "train", "--csv", str(table), "--label", "label", "--metrics", str(metrics),
                              "--quiet")
    assert code == 0, err
    _, final = read_metrics(metrics)
    assert final["val_accuracy"] >= 0.9 and "standardized" not in out


def test_turning_standardizing_off_on_such_a_csv_brings_feature_scaling_into_the_diagnosis(tmp_path, capsys):
    table, metrics = scales_apart_csv(tmp_path / "scales.csv"), tmp_path / "m.jsonl"
    code, out, _ = run_main(capsys, "train", "--csv", str(table), "--label", "label", "--no-standardize",
                            "--epochs", "30", "--metrics", str(metrics), "--quiet")
    _, final = read_metrics(metrics)
    assert final["diagnosis"]["verdict"] == "high_bias"
    assert final["diagnosis"]["remedies"][0].startswith("standardized inputs") and "standardized inputs" in out


@pytest.mark.skipif(__import__("torch").cuda.is_available(), reason="this machine has CUDA")
def test_missing_device_falls_back_with_a_note(capsys):
    code, out, err = run_main(capsys, "train", "--device", "cuda", "--epochs", "1", *QUICK)
    assert code == 0
    assert "cuda" in err and "CPU" in err and "Traceback" not in err


def test_curve_with_its_features(capsys):
    code, _, err = run_main(capsys, "train", "--dataset", "curve", "--features", "x1,x1^2,x1^3", "--epochs", "1",
                            *QUICK)
    assert code == 0, err


# -- presets -------------------------------------------------------------------------------

def test_presets_lists_every_preset():
    done = playground("presets", timeout=60)
    assert done.returncode == 0, done.stderr
    listed = [line.split()[0] for line in done.stdout.splitlines() if line.strip()]
    assert listed == presets.names()
    for name in ("circle", "xor", "gauss", "spiral", "moons", "checkerboard", "blobs", "reg-plane", "reg-gauss",
                 "curve"):
        assert name in listed
    # each line carries the first sentence of the preset's description, and only that
    line = next(line for line in done.stdout.splitlines() if line.split()[0] == "spiral")
    first, rest = presets.load("spiral").description.split(". ", 1)
    assert first in line and rest not in line


# -- errors: exit 2, one line on stderr, no traceback --------------------------------------------

def _bad_files(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "broken.json").write_text("{ not json", encoding="utf-8")
    (tmp_path / "wrong.json").write_text('{"training": {"optimizer": {"lr": -1}}}', encoding="utf-8")
    (tmp_path / "notamodel.pt").write_bytes(b"hello")
    (tmp_path / "ok.csv").write_text("a,b,label\n1,2,x\n2,3,y\n3,1,x\n4,4,y\n5,0,x\n", encoding="utf-8")
    (tmp_path / "bad.csv").write_text("a,b,label\n1,2,x\n2,oops,y\n", encoding="utf-8")
    return {name: str(tmp_path / name) for name in ("broken.json", "wrong.json", "notamodel.pt", "ok.csv",
                                                     "bad.csv", "missing.json", "missing.pt", "missing.csv")}


BAD = [
    (["train", "--lr", "-1"], "--lr"),
    (["train", "--lr", "fast"], "--lr"),
    (["train", "--lr", "1000"], "--lr"),
    (["train", "--hidden", "a,b"], "--hidden"),
    (["train", "--hidden", "4,0"], "--hidden"),
    (["train", "--activation", "swish"], "--activation"),
    (["train", "--dataset", "nope"], "--dataset"),
    (["train", "--features", "x1,x9"], "--features"),
    (["train", "--features", "x1,x1"], "--features"),
    (["train", "--samples", "2"], "--samples"),
    (["train", "--samples", "many"], "--samples"),
    (["train", "--noise", "5"], "--noise"),
    (["train", "--batch-size", "-3"], "--batch-size"),
    (["train", "--epochs", "0"], "--epochs"),
    (["train", "--optimizer", "lbfgs"], "--optimizer"),
    (["train", "--schedule", "warmup"], "--schedule"),
    (["train", "--init", "orthogonal"], "--init"),
    (["train", "--init", "normal", "--init-scale", "0"], "--init-scale"),
    (["train", "--dropout", "1.5"], "--dropout"),
    (["train", "--l2", "-1"], "--l2"),
    (["train", "--clip-norm", "-1"], "--clip-norm"),
    (["train", "--seed", "-4"], "--seed"),
    (["train", "--device", "tpu"], "--device"),
    (["train", "--bogus"], "--bogus"),
    (["train", "--preset", "nope"], "nope"),
    (["train", "--preset", "circle", "--config", "@broken.json"], "--config"),
    (["train", "--config", "@missing.json"], "missing.json"),
    (["train", "--config", "@broken.json"], "broken.json"),
    (["train", "--config", "@wrong.json"], "training.optimizer.lr"),
    (["train", "--load", "@missing.pt"], "missing.pt"),
    (["train", "--load", "@notamodel.pt"], "notamodel.pt"),
    (["train", "--csv", "@missing.csv"], "missing.csv"),
    (["train", "--csv", "@bad.csv"], "bad.csv"),
    (["train", "--csv", "@ok.csv", "--label", "colour"], "colour"),
    (["train", "--epochs", "1", "--metrics", "/nonexistent-dir/m.jsonl"], "--metrics"),
    (["train", "--epochs", "1", "--save", "/nonexistent-dir/m.pt"], "--save"),
    (["nonsense"], "nonsense"),
    (["--train-seconds", "2"], "--train-seconds"),
    (["--window-size", "1024"], "--window-size"),
    (["--window-size", "0x768"], "--window-size"),
    (["--lang", "fr"], "--lang"),
    (["gradcheck", "--hidden", "x"], "--hidden"),
]


@pytest.mark.parametrize("args, names", BAD, ids=[" ".join(getattr(b, "values", b)[0]) for b in BAD])
def test_every_bad_flag_or_file_exits_2_with_one_line(tmp_path, capsys, args, names):
    files = _bad_files(tmp_path)
    args = [files[a[1:]] if a.startswith("@") else a for a in args]  # @name: a file made in tmp_path
    code, out, err = run_main(capsys, *args, "--quiet") if args[0] == "train" else run_main(capsys, *args)
    lines = err.strip().splitlines()
    assert code == 2, err
    assert len(lines) == 1, err
    assert lines[0].startswith("playground: error: ")
    assert names in lines[0]
    assert "Traceback" not in err


@pytest.mark.parametrize("args, names", [
    (["train", "--lr", "-1"], "--lr"),
    (["train", "--epochs", "1", "--csv", "nowhere.csv", "--quiet"], "nowhere.csv"),
    (["train", "--config", "nowhere.json"], "nowhere.json"),
    (["--bogus"], "--bogus"),
])
def test_errors_in_a_real_process(args, names):
    done = playground(*args)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and names in lines[0], done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_help_exits_0(capsys):
    with pytest.raises(SystemExit) as caught:
        cli.main(["train", "--help"])
    assert caught.value.code == 0
    assert "--metrics" in capsys.readouterr().out
