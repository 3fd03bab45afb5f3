"""Real tables, drawn points, formula boundaries and `playground predict`, checked against independent references."""
from __future__ import annotations

import csv
import json
import math

import numpy as np
import pytest
from sklearn import datasets as sk
from sklearn.metrics import confusion_matrix

from playground.cli import main as cli
from playground.config.experiment import DataSpec, Experiment, ExperimentError
from playground.data import datasets, formula
from playground.training.trainer import Trainer

DONE_FLAGS = ["--hidden", "32", "--activation", "relu", "--optimizer", "adam", "--lr", "0.01", "--batch-size", "32",
              "--epochs", "60", "--device", "cpu"]
TWO_MOONS = [[x, y, int(y > 0)] for x in np.linspace(-5, 5, 11).tolist() for y in (-3.0, -1.5, 1.5, 3.0)]


def run_main(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# -- real tables ------------------------------------------------------------------

@pytest.mark.parametrize("name, loader", [("iris", sk.load_iris), ("wine", sk.load_wine),
                                          ("breast_cancer", sk.load_breast_cancer), ("digits", sk.load_digits)])
def test_a_real_table_is_scikit_learns_copy_split_whole(name, loader):
    table = loader()
    data = datasets.load(DataSpec(dataset=name))
    x = np.concatenate([data.x_train, data.x_val, data.x_test])
    y = np.concatenate([data.y_train, data.y_val, data.y_test])
    # The same rows, shuffled: sort both by every column and compare.
    order = lambda a, b: np.lexsort(np.column_stack([a, b]).T)
    np.testing.assert_array_equal(x[order(x, y)], table.data[order(table.data, table.target)])
    np.testing.assert_array_equal(np.sort(y), np.sort(table.target))
    assert data.input_names == tuple(table.feature_names)
    assert data.class_names == tuple(str(c) for c in table.target_names)
    assert data.task == ("binary" if len(table.target_names) == 2 else "multiclass")
    assert data.image_shape == ((8, 8) if name == "digits" else ())
    assert DataSpec(dataset=name).standardize and not DataSpec(dataset=name, standardize=False).standardize


@pytest.mark.parametrize("name", ["iris", "wine", "breast_cancer", "digits"])
def test_the_issues_recipe_reaches_090_validation_accuracy(tmp_path, capsys, name):
    metrics = tmp_path / "m.jsonl"
    code, out, err = run_main(capsys, "train", "--dataset", name, *DONE_FLAGS, "--quiet", "--metrics", str(metrics))
    assert code == 0, err
    final = json.loads(metrics.read_text().splitlines()[-1])
    assert final["epoch"] == 60
    assert final["val_accuracy"] >= 0.9, (name, final["val_accuracy"])


def test_the_confusion_matrix_is_sklearns_on_the_validation_split():
    experiment = Experiment().with_changes(**{"data.dataset": "wine", "device": "cpu", "training.epochs": 3})
    trainer = Trainer(experiment)
    trainer.train(3)
    probe = trainer.snapshot(grid=False).classes
    logits = trainer.net(trainer.x["val"]).detach().numpy()
    np.testing.assert_array_equal(probe.predicted, logits.argmax(axis=1))
    np.testing.assert_array_equal(probe.confusion, confusion_matrix(trainer.dataset.y_val, probe.predicted, labels=[0, 1, 2]))
    accuracy = np.trace(probe.confusion) / probe.confusion.sum()
    assert accuracy == pytest.approx(trainer.evaluate("val")[1])


def test_a_regression_has_no_class_probe():
    trainer = Trainer(Experiment().with_changes(**{"data.dataset": "reg-plane", "data.samples": 40, "device": "cpu"}))
    assert trainer.snapshot(grid=False).classes is None


# -- formulas -------------------------------------------------------------------

SAFE = {
    "3*sin(x1)": lambda x: 3 * math.sin(x),
    "x1^3 - x1": lambda x: x ** 3 - x,
    "abs(x1)": abs,
    "-x1^2 + 2": lambda x: -(x ** 2) + 2,
    "2^-1 * x1 / (1 + 0.5)": lambda x: 2 ** -1 * x / 1.5,
    "max(cos(x1), tanh(x1)) - min(x1, .5e1)": lambda x: max(math.cos(x), math.tanh(x)) - min(x, 5.0),
    "sqrt(abs(x1)) * exp(-x1^2 / 4) - log(2 + x1^2)": lambda x: math.sqrt(abs(x)) * math.exp(-x * x / 4) - math.log(2 + x * x),
    "tan(x1 / 5) - 2 - -3": lambda x: math.tan(x / 5) - 2 + 3,
    "2^3^0.5": lambda x: 2 ** (3 ** 0.5),
    "8 / 4 / 2 - 3 - x1": lambda x: 8 / 4 / 2 - 3 - x,
}


@pytest.mark.parametrize("text", sorted(SAFE))
def test_a_formula_computes_what_python_maths_computes(text):
    x = np.linspace(-6, 6, 97)
    got = formula.evaluate(formula.parse(text), x)
    np.testing.assert_allclose(got, [SAFE[text](v) for v in x], rtol=1e-12, atol=1e-12)


HOSTILE = {
    "__import__('os').system('touch /tmp/pwned')": "position 1: unknown name '__import__'",
    "x1.__class__": "position 3: '.' is not allowed",
    "(lambda: 0)()": "position 2: unknown name 'lambda'",
    "9**9**9**9": "position 2: '**' is not allowed",
    "9^9^9^9": "position 4: exponent",
    "x1^x1": "position 3: an exponent must be a number",
    "exp(exp(exp(x1)))": "position 1: not a finite number",
    "1/x1": "position 2: not a finite number at x1 = 0",
    "sin(x1": "position 7: expected ')'",
    "2 x1": "position 3: unexpected 'x1'",
    "x2 + 1": "position 1: unknown name 'x2'",
    "open('f')": "position 1: unknown name 'open'",
    "max(x1)": "position 1: max() takes 2 arguments, got 1",
    "1e999": "position 1: the number 1e999 is too large",
    "x1" + "+x1" * 100: "position 201: longer than 200 characters",
    "(" * 60 + "x1" + ")" * 60: "nested more than 40 deep",
}


@pytest.mark.parametrize("text", sorted(HOSTILE))
def test_a_hostile_or_broken_formula_is_refused_with_its_position(text):
    with pytest.raises(formula.FormulaError) as error:
        formula.parse(text)
    message = str(error.value)
    assert "\n" not in message and message.startswith("data.formula: ")
    assert HOSTILE[text] in message


def test_a_hostile_formula_on_the_command_line_runs_nothing(tmp_path, capsys):
    marker = tmp_path / "pwned"
    code, out, err = run_main(capsys, "train", "--formula", f"__import__('os').system('touch {marker}')", "--quiet")
    assert code == 2 and not marker.exists()
    assert err.count("\n") == 1 and "data.formula: position 1: unknown name '__import__'" in err


def test_the_function_dataset_labels_points_above_the_curve():
    spec = DataSpec(dataset="function", formula="x1^3 - x1", samples=400)
    data = datasets.load(spec)
    x = np.concatenate([data.x_train, data.x_val, data.x_test])
    y = np.concatenate([data.y_train, data.y_val, data.y_test])
    np.testing.assert_array_equal(y, (x[:, 1] > x[:, 0] ** 3 - x[:, 0]).astype(int))
    assert data.baseline_error == 0.0 and data.extent == datasets.PLANE


def test_noise_blurs_a_formula_boundary_like_the_generators():
    clean = datasets.load(DataSpec(dataset="function", formula="abs(x1)", samples=2000))
    noisy = datasets.load(DataSpec(dataset="function", formula="abs(x1)", samples=2000, noise=0.3))
    np.testing.assert_array_equal(clean.x_train, noisy.x_train)  # TF's label noise moves no stored point
    flipped = np.mean(noisy.y_train != (noisy.x_train[:, 1] > np.abs(noisy.x_train[:, 0])))
    assert 0.02 < flipped < 0.3
    assert noisy.baseline_error == pytest.approx(flipped, abs=0.05)


# -- drawn points ---------------------------------------------------------------

def test_drawn_points_round_trip_through_a_saved_experiment_and_train_from_config(tmp_path, capsys):
    experiment = Experiment().with_changes(**{"data.dataset": "points", "data.points": TWO_MOONS, "device": "cpu"})
    path = tmp_path / "drawn.json"
    experiment.save(path)
    again = Experiment.load(path)
    assert again == experiment and again.data.points == TWO_MOONS
    metrics = tmp_path / "m.jsonl"
    code, out, err = run_main(capsys, "train", "--config", str(path), "--epochs", "40", "--lr", "0.1", "--quiet",
                              "--metrics", str(metrics))
    assert code == 0, err
    final = json.loads(metrics.read_text().splitlines()[-1])
    assert final["train_accuracy"] == 1.0  # y > 0 against y < 0 with a gap of 3: a line separates them


def test_a_drawn_label_is_its_class_index():
    points = [[0, 0, 4], [1, 0, 1], [2, 0, 4], [3, 0, 1], [4, 0, 2]]
    data = datasets.load(DataSpec(dataset="points", points=points, train_fraction=0.95, val_fraction=0))
    assert data.class_names == ("0", "1", "2", "3", "4") and data.task == "multiclass"
    rows = {tuple(p): data.class_names[c] for p, c in zip(data.x_train.tolist(), data.y_train)}
    assert rows == {(float(x1), float(x2)): str(label) for x1, x2, label in points}


def test_regression_points_take_their_values():
    points = [[0, 0, 0.25], [1, 1, -1.5], [2, 2, 3.0]]
    data = datasets.load(DataSpec(dataset="points", points=points, points_task="regression", train_fraction=0.95,
                                  val_fraction=0))
    assert data.task == "regression" and sorted(data.y_train.tolist()) == [-1.5, 0.25, 3.0]


def _points_file(tmp_path, points, **data) -> str:
    path = tmp_path / "bad.json"
    # 1e999 is valid JSON that reads as infinity (a literal NaN is refused by the JSON reader itself).
    body = json.dumps({"data": {"dataset": "points", "points": points, **data}}).replace('"INF"', "1e999")
    path.write_text(body)
    return str(path)


@pytest.mark.parametrize("points, expected", [
    ([[0, 0, 0], [1, 1]], "data.points: point 2 has 2 values; each point is [x1, x2, label]"),
    ([[0, 0, 0], [1, "INF", 1]], "data.points: point 2 has a value that is not a finite number"),
    ([[0, 0, 1], [1, 1, 1]], "points must hold at least 2 classes (got 1)"),
    ([[0, 0, 0.5], [1, 1, 1]], "point 1 has label 0.5; a class is a whole number"),
    ([], "points must hold at least 2 classes (got 0)"),
    ([[0, 0, 0], [1, 1, 6]], "points: a class is at most 5 (got 6)"),
])
def test_bad_points_exit_2_with_one_line(tmp_path, capsys, points, expected):
    code, out, err = run_main(capsys, "train", "--config", _points_file(tmp_path, points), "--quiet")
    assert code == 2 and err.count("\n") == 1 and expected in err, err


def test_an_edit_of_the_points_applies_when_the_next_epoch_starts():
    experiment = Experiment().with_changes(**{"data.dataset": "points", "data.points": TWO_MOONS, "device": "cpu",
                                              "training.batch_size": 4})
    trainer = Trainer(experiment)
    trainer.step()
    weights = trainer.weights[0].detach().clone()
    more = TWO_MOONS + [[5.5, 5.5, 1], [5.5, -5.5, 0], [-5.5, 5.5, 1], [-5.5, -5.5, 0]]
    trainer.set_hyper(points=more)
    assert len(trainer.dataset.x_train) == 22  # mid-epoch: the old data until it ends
    trainer.run_epoch()
    assert len(trainer.dataset.x_train) == 24 and trainer.epoch == 1
    assert not np.array_equal(trainer.weights[0].detach(), weights)  # trained on, not reset
    trainer.set_hyper(points=more + [[0, 5, 2]])  # a third class: the output layer needs three units
    assert trainer.dataset.classes == 3 and trainer.epoch == 0 and trainer.net.head.out_features == 3


# -- predict --------------------------------------------------------------------

@pytest.fixture(scope="module")
def iris_model(tmp_path_factory):
    path = tmp_path_factory.mktemp("model") / "iris.pt"
    assert cli.main(["train", "--dataset", "iris", "--hidden", "8", "--epochs", "20", "--optimizer", "adam", "--lr",
                     "0.02", "--device", "cpu", "--quiet", "--save", str(path)]) == 0
    return path


def _read(path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_predict_a_split_matches_the_trainer(iris_model, tmp_path, capsys):
    out = tmp_path / "p.csv"
    code, text, err = run_main(capsys, "predict", "--load", str(iris_model), "--split", "val", "--out", str(out))
    assert code == 0, err
    rows = _read(out)
    trainer = Trainer.load(iris_model)
    names = trainer.dataset.class_names
    assert len(rows) == len(trainer.dataset.x_val)
    assert list(rows[0]) == [*trainer.dataset.input_names, "y_true", "y_pred", *(f"p_{c}" for c in names)]
    probs = np.array([[float(r[f"p_{c}"]) for c in names] for r in rows])
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, atol=1e-6)
    x = np.array([[float(r[c]) for c in trainer.dataset.input_names] for r in rows])
    np.testing.assert_array_equal(x, trainer.dataset.x_val)
    assert [r["y_true"] for r in rows] == [names[i] for i in trainer.dataset.y_val]
    accuracy = np.mean([r["y_true"] == r["y_pred"] for r in rows])
    assert accuracy == pytest.approx(trainer.evaluate("val")[1])
    assert [r["y_pred"] for r in rows] == [names[i] for i in probs.argmax(axis=1)]


def test_predict_a_csv_of_raw_measurements(iris_model, tmp_path, capsys):
    table = sk.load_iris()
    source = tmp_path / "in.csv"
    with open(source, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["label", *reversed(table.feature_names)])  # any column order
        for row, target in zip(table.data[:20], table.target[:20]):
            writer.writerow([table.target_names[target], *reversed(row.tolist())])
    out = tmp_path / "p.csv"
    code, text, err = run_main(capsys, "predict", "--load", str(iris_model), "--csv", str(source), "--out", str(out))
    assert code == 0, err
    rows = _read(out)
    assert [r["y_true"] for r in rows] == ["setosa"] * 20
    assert [float(rows[3][c]) for c in table.feature_names] == table.data[3].tolist()


def test_predict_names_the_missing_columns(iris_model, tmp_path, capsys):
    source = tmp_path / "in.csv"
    source.write_text("sepal length (cm),petal width (cm)\n5.1,0.2\n")
    out = tmp_path / "p.csv"
    code, text, err = run_main(capsys, "predict", "--load", str(iris_model), "--csv", str(source), "--out", str(out))
    assert code == 2 and err.count("\n") == 1
    assert "lacks the model's input columns: sepal width (cm), petal length (cm)" in err
    assert not out.exists()


def test_predict_leaves_no_temporary_file_and_replaces_whole(iris_model, tmp_path, capsys):
    out = tmp_path / "p.csv"
    out.write_text("old\n")
    assert run_main(capsys, "predict", "--load", str(iris_model), "--split", "test", "--out", str(out))[0] == 0
    assert out.read_text().startswith("sepal length (cm),") and sorted(p.name for p in tmp_path.iterdir()) == ["p.csv"]


def test_a_regression_model_predicts_values(tmp_path, capsys):
    model = tmp_path / "r.pt"
    assert cli.main(["train", "--dataset", "reg-plane", "--samples", "80", "--epochs", "2", "--device", "cpu",
                     "--quiet", "--save", str(model)]) == 0
    out = tmp_path / "p.csv"
    assert run_main(capsys, "predict", "--load", str(model), "--split", "train", "--out", str(out))[0] == 0
    rows = _read(out)
    assert list(rows[0]) == ["x1", "x2", "y_true", "y_pred"]
    trainer = Trainer.load(model)
    expected = trainer.net(trainer.x["train"]).detach().numpy()[:, 0]
    np.testing.assert_allclose([float(r["y_pred"]) for r in rows], expected, rtol=1e-6)


def test_an_unknown_dataset_is_one_line():
    with pytest.raises(ExperimentError) as error:
        Experiment.from_dict({"data": {"dataset": "mnist"}})
    assert str(error.value).startswith("data.dataset: must be one of") and "digits" in str(error.value)
