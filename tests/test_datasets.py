"""Tests for playground.data.datasets: the generators' TF semantics, splits, baselines and CSV files."""
from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from playground.config import catalog
from playground.config.experiment import DataSpec, ExperimentError
from playground.data import datasets
from playground.data.datasets import PLANE, curve_function, load

DATA = Path(__file__).parent / "data"
GENERATED = list(catalog.GENERATORS)
CLASSIFIERS = [name for name in GENERATED if catalog.task_of(name) != "regression"]


def spec(dataset: str, **fields) -> DataSpec:
    features = ["x1"] if dataset == "curve" else ["x1", "x2"]
    return DataSpec(dataset=dataset, features=features, **fields)


def all_x(ds) -> np.ndarray:
    return np.concatenate([ds.x_train, ds.x_val, ds.x_test])


def all_y(ds) -> np.ndarray:
    return np.concatenate([ds.y_train, ds.y_val, ds.y_test])


def radius(x: np.ndarray) -> np.ndarray:
    return np.hypot(x[:, 0], x[:, 1])


# -- every generator -----------------------------------------------------------------

@pytest.mark.parametrize("name", GENERATED)
def test_shapes_types_and_names(name):
    ds = load(spec(name, noise=0.2))
    task, n = catalog.DATASETS[name]
    d = 1 if name == "curve" else 2
    assert ds.task == task
    assert all_x(ds).shape == (n, d) and all_x(ds).dtype == np.float64
    assert all_y(ds).shape == (n,)
    assert ds.input_names == (("x1",) if d == 1 else ("x1", "x2"))
    assert ds.extent == ((-3.0, 3.0) if d == 1 else PLANE)
    if task == "regression":
        assert ds.classes == 0 and ds.class_names == () and all_y(ds).dtype == np.float64
    else:
        assert all_y(ds).dtype == np.int64
        assert ds.class_names == tuple(str(c) for c in range(ds.classes))
        assert set(all_y(ds).tolist()) == set(range(ds.classes))


@pytest.mark.parametrize("name", GENERATED)
def test_same_seed_same_arrays_other_seed_other_arrays(name):
    a, b = load(spec(name, noise=0.3, seed=7)), load(spec(name, noise=0.3, seed=7))
    c = load(spec(name, noise=0.3, seed=8))
    for field in ("x_train", "y_train", "x_val", "y_val", "x_test", "y_test"):
        assert np.array_equal(getattr(a, field), getattr(b, field))
    assert a.baseline_error == b.baseline_error
    assert not np.array_equal(a.x_train, c.x_train)


@pytest.mark.parametrize("name", GENERATED)
def test_split_sizes_follow_the_fractions(name):
    ds = load(spec(name, samples=101, train_fraction=0.6, val_fraction=0.3))
    assert (len(ds.x_train), len(ds.x_val), len(ds.x_test)) == (61, 30, 10)
    assert (len(ds.y_train), len(ds.y_val), len(ds.y_test)) == (61, 30, 10)


def test_no_test_split_gives_empty_arrays_of_the_right_width():
    ds = load(spec("circle", samples=40, train_fraction=0.75, val_fraction=0.25))
    assert ds.x_test.shape == (0, 2) and ds.y_test.shape == (0,)
    assert len(ds.x_train) == 30 and len(ds.x_val) == 10


def test_data_is_shuffled_before_the_split():
    ds = load(spec("circle", samples=400))
    # Generated class by class; unshuffled, the training half would be all class 1.
    assert 0.3 < ds.y_train.mean() < 0.7


@pytest.mark.parametrize("name", CLASSIFIERS)
def test_classes_are_balanced(name):
    ds = load(spec(name, samples=3000, noise=0.1))
    counts = np.bincount(all_y(ds), minlength=ds.classes) / 3000
    assert np.all(np.abs(counts - 1 / ds.classes) < 0.05), counts


# -- TensorFlow Playground semantics ---------------------------------------------------

def test_circle_at_noise_0_separates_by_radius():
    ds = load(spec("circle", samples=1000))
    r, y = radius(all_x(ds)), all_y(ds)
    assert np.all(r[y == 1] < 2.5)
    assert np.all((r[y == 0] >= 3.5) & (r[y == 0] <= 5.0))
    assert (y == 1).sum() == 500


def test_circle_noise_flips_labels_but_not_points():
    ds = load(spec("circle", samples=1000, noise=0.5))
    r, y = radius(all_x(ds)), all_y(ds)
    assert np.all((r < 2.5) | ((r >= 3.5) & (r <= 5.0)))  # points stay clean
    assert 0 < np.mean((r < 2.5) != (y == 1)) < 0.5


def test_xor_at_noise_0_labels_by_sign_and_keeps_off_the_axes():
    x, y = all_x(ds := load(spec("xor", samples=1000))), all_y(ds)
    assert np.array_equal(y, (x[:, 0] * x[:, 1] >= 0).astype(int))
    assert np.all(np.abs(x) >= 0.3) and np.all(np.abs(x) <= 5.3)


def test_xor_noise_flips_some_labels():
    x, y = all_x(ds := load(spec("xor", samples=1000, noise=0.5))), all_y(ds)
    assert 0 < np.mean(y != (x[:, 0] * x[:, 1] >= 0)) < 0.5


def test_gauss_centres_and_variance_growing_with_noise():
    def variance(noise):
        ds = load(spec("gauss", samples=4000, noise=noise))
        x, y = all_x(ds), all_y(ds)
        assert np.allclose(x[y == 1].mean(axis=0), 2.0, atol=0.2)
        assert np.allclose(x[y == 0].mean(axis=0), -2.0, atol=0.2)
        return x[y == 1].var(axis=0).mean()

    # TF maps noise 0..0.5 linearly onto variance 0.5..4.
    assert variance(0.0) == pytest.approx(0.5, rel=0.1)
    assert variance(0.25) == pytest.approx(2.25, rel=0.1)
    assert variance(0.5) == pytest.approx(4.0, rel=0.1)


def test_spiral_radii_and_arms():
    ds = load(spec("spiral", samples=400))
    x, y = all_x(ds), all_y(ds)
    for label, delta in ((1, 0.0), (0, math.pi)):
        arm = x[y == label]
        order = np.argsort(radius(arm))
        r = radius(arm)[order]
        assert np.allclose(r, np.arange(200) / 200 * 5)  # r = i / (n/2) * 5, below 5
        t = 1.75 * np.arange(200) / 200 * 2 * math.pi + delta
        assert np.allclose(arm[order][1:], np.column_stack([r * np.sin(t), r * np.cos(t)])[1:])


def test_spiral_noise_moves_the_points():
    x = all_x(load(spec("spiral", samples=400, noise=0.5)))
    grid = np.arange(200) / 200 * 5
    assert not np.allclose(np.sort(radius(x))[::2], grid, atol=1e-6)
    assert radius(x).max() <= 5 + 0.5 * math.sqrt(2)


def test_reg_plane_label_at_noise_0_and_with_noise():
    ds = load(spec("reg-plane"))
    x, y = all_x(ds), all_y(ds)
    assert np.all(np.abs(x) <= 6)
    assert np.allclose(y, (x[:, 0] + x[:, 1]) / 10)
    noisy = load(spec("reg-plane", noise=0.5))
    x, y = all_x(noisy), all_y(noisy)
    shift = y - (x[:, 0] + x[:, 1]) / 10
    assert np.all(np.abs(shift) <= 2 * 6 * 0.5 / 10) and shift.std() > 0.1


def _tf_reg_gauss_label(px: float, py: float) -> float:
    # A direct transcription of TF's getLabel loop, to check the vectorized version.
    label = 0.0
    for cx, cy, sign in [(-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1)]:
        new = sign * min(1.0, max(0.0, 1 - math.dist((px, py), (cx, cy)) / 2))
        if abs(new) > abs(label):
            label = new
    return label


def test_reg_gauss_matches_tf_and_stays_in_range():
    ds = load(spec("reg-gauss", samples=600))
    x, y = all_x(ds), all_y(ds)
    assert np.allclose(y, [_tf_reg_gauss_label(a, b) for a, b in x])
    assert np.all(np.abs(y) <= 1) and y.min() < -0.5 and y.max() > 0.5
    noisy = all_y(load(spec("reg-gauss", noise=1.0)))
    assert np.all(np.abs(noisy) <= 1)


def test_moons_at_noise_0_lie_on_two_scaled_half_circles():
    ds = load(spec("moons", samples=600))
    x, y = all_x(ds), all_y(ds)
    outer, inner = x[y == 0], x[y == 1]
    assert np.allclose(np.hypot(*(outer - (-1.5, -0.75)).T), 3.0) and np.all(outer[:, 1] >= -0.75 - 1e-9)
    assert np.allclose(np.hypot(*(inner - (1.5, 0.75)).T), 3.0) and np.all(inner[:, 1] <= 0.75 + 1e-9)
    assert np.all(np.abs(x[:, 0]) <= 4.5 + 1e-9) and np.all(np.abs(x[:, 1]) <= 2.25 + 1e-9)
    noisy = load(spec("moons", samples=600, noise=0.3))
    spread = np.hypot(*(all_x(noisy) - (-1.5, -0.75)).T)[all_y(noisy) == 0] - 3.0
    assert spread.std() == pytest.approx(0.9, rel=0.2)  # the radial part of isotropic noise of std 3 * noise


def test_checkerboard_at_noise_0_labels_by_cell_parity():
    x, y = all_x(ds := load(spec("checkerboard", samples=2000))), all_y(ds)
    assert np.all(np.abs(x) <= 6)
    parity = (np.floor(x[:, 0] / 3) + np.floor(x[:, 1] / 3)) % 2
    assert np.array_equal(y, (parity == 0).astype(int))
    cells = set(zip(np.floor(x[:, 0] / 3).tolist(), np.floor(x[:, 1] / 3).tolist()))
    assert len(cells) == 16


@pytest.mark.parametrize("classes", [3, 4, 5, 6])
def test_blobs_have_the_requested_classes_around_a_circle(classes):
    ds = load(spec("blobs", classes=classes, samples=600))
    x, y = all_x(ds), all_y(ds)
    assert ds.task == "multiclass" and ds.classes == classes
    assert ds.class_names == tuple(str(c) for c in range(classes))
    counts = np.bincount(y)
    assert counts.max() - counts.min() <= 1
    centres = np.array([x[y == c].mean(axis=0) for c in range(classes)])
    assert np.allclose(radius(centres), 4.0, atol=0.25)
    assert x[y == 0].std(axis=0).mean() == pytest.approx(0.5, rel=0.25)


def test_blobs_spread_grows_with_noise():
    ds = load(spec("blobs", classes=3, noise=0.5, samples=3000))
    x, y = all_x(ds), all_y(ds)
    assert x[y == 1].std(axis=0).mean() == pytest.approx(0.5 + 3.5 * 0.5, rel=0.1)


def test_curve_is_the_documented_function_plus_gaussian_noise():
    ds = load(spec("curve"))
    x, y = all_x(ds), all_y(ds)
    assert np.all(np.abs(x) <= 3)
    assert np.allclose(y, np.sin(1.5 * x[:, 0]) + 0.3 * x[:, 0])
    noisy = load(spec("curve", samples=2000, noise=0.3))
    residual = all_y(noisy) - curve_function(all_x(noisy)[:, 0])
    assert residual.std() == pytest.approx(0.3, rel=0.1)


def test_curve_needs_more_than_a_low_degree_polynomial():
    ds = load(spec("curve", samples=400))
    x, y = all_x(ds)[:, 0], all_y(ds)

    def fit_mse(degree):
        return np.mean((np.polyval(np.polyfit(x, y, degree), x) - y) ** 2)

    assert fit_mse(3) > 0.03 and fit_mse(9) < 1e-4


# -- baseline errors ---------------------------------------------------------------

@pytest.mark.parametrize("name", ["circle", "xor", "checkerboard", "reg-plane", "reg-gauss", "curve"])
def test_baseline_is_0_without_noise(name):
    assert load(spec(name)).baseline_error == 0.0


@pytest.mark.parametrize("name", ["spiral", "moons"])
def test_baseline_unknown_where_the_generator_cannot_say(name):
    assert load(spec(name, noise=0.3)).baseline_error is None


@pytest.mark.parametrize("name", ["circle", "xor", "checkerboard"])
def test_label_noise_gives_a_bayes_error_that_grows_with_noise(name):
    low, high = load(spec(name, noise=0.1)).baseline_error, load(spec(name, noise=0.5)).baseline_error
    assert 0 < low < high < 0.5


def test_circle_bayes_error_agrees_with_the_labels_it_generated():
    # The generator's own label noise: on clean points the best rule is the radius 2.5,
    # and its error rate should match the estimate of min(p, 1 - p).
    ds = load(spec("circle", samples=20000, noise=0.3))
    r, y = radius(all_x(ds)), all_y(ds)
    observed = np.mean((r < 2.5) != (y == 1))
    assert ds.baseline_error == pytest.approx(observed, abs=0.02)


def test_gauss_baseline_is_the_closed_form():
    assert load(spec("gauss")).baseline_error == pytest.approx(0.5 * math.erfc(4 / math.sqrt(2)))  # Phi(-4)
    ds = load(spec("gauss", noise=0.5, samples=20000))
    assert ds.baseline_error == pytest.approx(0.0786496, abs=1e-6)  # variance 4: Phi(-sqrt 2)
    x, y = all_x(ds), all_y(ds)
    assert np.mean((x.sum(axis=1) > 0) != (y == 1)) == pytest.approx(ds.baseline_error, abs=0.01)


def test_blobs_baseline_matches_the_nearest_centre_error_on_its_data():
    ds = load(spec("blobs", classes=5, noise=0.5, samples=20000))
    assert 0.05 < ds.baseline_error < 0.8
    angle = 2 * np.pi * np.arange(5) / 5
    centres = 4 * np.column_stack([np.cos(angle), np.sin(angle)])
    x, y = all_x(ds), all_y(ds)
    nearest = ((x[:, None] - centres) ** 2).sum(axis=2).argmin(axis=1)
    assert np.mean(nearest != y) == pytest.approx(ds.baseline_error, abs=0.015)
    assert load(spec("blobs", classes=5, noise=0.1)).baseline_error < ds.baseline_error


def test_curve_baseline_is_sigma_squared():
    assert load(spec("curve", noise=0.3)).baseline_error == pytest.approx(0.09)


def test_reg_plane_baseline_matches_the_variance_of_its_label_noise():
    # label = (x + nx + y + ny) / 10 with nx, ny ~ U(-6, 6) * noise: Var = 2 * (12 noise)^2 / 12 / 100.
    assert load(spec("reg-plane", noise=0.5)).baseline_error == pytest.approx(0.24 * 0.25, rel=0.05)


def test_reg_gauss_baseline_is_positive_with_noise():
    assert 0 < load(spec("reg-gauss", noise=0.3)).baseline_error < 1


# -- CSV files ---------------------------------------------------------------------

def write(tmp_path: Path, text: str, name: str = "data.csv") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def csv_spec(path: str, **fields) -> DataSpec:
    return DataSpec(dataset="csv", csv_path=path, **fields)


def csv_error(path: str, **fields) -> str:
    with pytest.raises(ExperimentError) as caught:
        load(csv_spec(path, **fields))
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def test_csv_with_three_string_classes():
    ds = load(csv_spec(str(DATA / "flowers.csv"), train_fraction=0.5, val_fraction=0.5))
    assert ds.task == "multiclass" and ds.classes == 3
    assert ds.class_names == ("setosa", "versicolor", "virginica")
    assert ds.input_names == ("sepal length", "petal_width")  # quotes and spaces stripped
    x, y = all_x(ds), all_y(ds)
    assert x.shape == (6, 2) and x.dtype == np.float64
    rows = {tuple(row) for row in x.tolist()}
    assert rows == {(5.1, 0.2), (7.0, 1.4), (6.3, 2.5), (4.9, 0.2), (6.4, 1.5), (5.8, 2.2)}
    assert {(tuple(r), int(c)) for r, c in zip(x.tolist(), y)} >= {((5.1, 0.2), 0), ((7.0, 1.4), 1), ((5.8, 2.2), 2)}
    assert ds.baseline_error is None


def test_csv_extent_is_the_padded_data_range():
    ds = load(csv_spec(str(DATA / "flowers.csv")))
    assert ds.extent == pytest.approx((4.9 - 0.105, 7.0 + 0.105, 0.2 - 0.115, 2.5 + 0.115))


def test_csv_integer_labels_sort_numerically(tmp_path):
    path = write(tmp_path, "a,b,label\n" + "".join(f"{i},{-i},{[10, 2, 9][i % 3]}\n" for i in range(30)))
    ds = load(csv_spec(path))
    assert ds.task == "multiclass" and ds.class_names == ("2", "9", "10")
    x, y = all_x(ds), all_y(ds)
    expected = [{10: 2, 2: 0, 9: 1}[[10, 2, 9][int(a) % 3]] for a in x[:, 0]]
    assert y.tolist() == expected


def test_csv_two_integer_classes_are_binary(tmp_path):
    ds = load(csv_spec(write(tmp_path, "x,y\n1,0\n2,1\n3,0\n4,1\n")))
    assert ds.task == "binary" and ds.classes == 2 and ds.class_names == ("0", "1")
    assert ds.input_names == ("x",) and ds.extent == pytest.approx((1 - 0.15, 4 + 0.15))


def test_csv_float_labels_are_a_regression(tmp_path):
    ds = load(csv_spec(write(tmp_path, "u,v,w,target\n1,2,3,0.5\n4,5,6,1\n7,8,9,-2e-1\n1,1,1,3\n")))
    assert ds.task == "regression" and ds.classes == 0 and ds.class_names == ()
    assert sorted(all_y(ds).tolist()) == [-0.2, 0.5, 1.0, 3.0] and all_y(ds).dtype == np.float64
    assert ds.extent == ()  # more than two inputs


def test_csv_label_column_by_name(tmp_path):
    path = write(tmp_path, "kind,p,q\nA,1,2\nB,3,4\nA,5,6\nB,7,8\n")
    ds = load(csv_spec(path, label_column="kind"))
    assert ds.input_names == ("p", "q") and ds.class_names == ("A", "B")
    pairs = {(tuple(r), int(c)) for r, c in zip(all_x(ds).tolist(), all_y(ds))}
    assert pairs == {((1.0, 2.0), 0), ((3.0, 4.0), 1), ((5.0, 6.0), 0), ((7.0, 8.0), 1)}


def test_csv_split_is_deterministic_and_samples_keeps_a_subset(tmp_path):
    path = write(tmp_path, "a,b\n" + "".join(f"{i},{i % 2}\n" for i in range(100)))
    a, b = load(csv_spec(path, seed=3)), load(csv_spec(path, seed=3))
    assert np.array_equal(a.x_train, b.x_train) and len(a.x_train) == 50
    assert not np.array_equal(a.x_train, load(csv_spec(path, seed=4)).x_train)
    subset = load(csv_spec(path, samples=20))
    assert len(all_x(subset)) == 20 and len(set(all_x(subset)[:, 0].tolist())) == 20


def test_csv_missing_value_names_line_and_column(tmp_path):
    path = write(tmp_path, "a,petal_width,c\n1,2,x\n3,4,y\n\n5,,z\n")
    assert csv_error(path) == "data.csv line 5, column 'petal_width': missing value"


def test_csv_non_numeric_value_names_line_and_column(tmp_path):
    path = write(tmp_path, "a,petal_width,c\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n9,10,x\n11,abc,y\n")
    assert csv_error(path) == "data.csv line 7, column 'petal_width': 'abc' is not a number"


def test_csv_non_finite_value_is_an_error(tmp_path):
    assert "line 3, column 'a'" in csv_error(write(tmp_path, "a,b\n1,0\nnan,1\n"))


def test_csv_missing_label(tmp_path):
    assert csv_error(write(tmp_path, "a,b\n1,0\n2,\n3,1\n")) == "data.csv line 3, column 'b': missing label"


def test_csv_row_with_too_few_values(tmp_path):
    assert csv_error(write(tmp_path, "a,b,c\n1,2,0\n3,1\n")) == "data.csv line 3: 2 values, the header has 3 columns"


def test_csv_unknown_label_column(tmp_path):
    message = csv_error(write(tmp_path, "a,b,c\n1,2,0\n3,4,1\n"), label_column="foo")
    assert message == "label column 'foo' is not in data.csv (columns: a, b, c)"


def test_csv_missing_file(tmp_path):
    missing = str(tmp_path / "nowhere.csv")
    message = csv_error(missing)
    assert message.startswith(f"{missing}: cannot read")


def test_csv_empty_file(tmp_path):
    assert csv_error(write(tmp_path, "")) == "data.csv is empty"


def test_csv_header_only(tmp_path):
    assert csv_error(write(tmp_path, "a,b,c\n")) == "data.csv has a header but no data rows"


def test_csv_single_class(tmp_path):
    message = csv_error(write(tmp_path, "a,b\n1,yes\n2,yes\n"))
    assert message == "data.csv: the label column 'b' has only one class ('yes')"


def test_csv_header_problems(tmp_path):
    assert "column 'a' appears twice" in csv_error(write(tmp_path, "a,a,b\n1,2,0\n"))
    assert "at least two columns" in csv_error(write(tmp_path, "a\n1\n"))


def test_csv_quoted_fields_and_blank_cells(tmp_path):
    path = write(tmp_path, 'a,b,label\n1,2,"big, red"\n3,4,small\n5,   ,small\n')
    assert csv_error(path) == "data.csv line 4, column 'b': missing value"
    ds = load(csv_spec(write(tmp_path, 'a,b,label\n1,2,"big, red"\n3,4,small\n', "ok.csv")))
    assert ds.class_names == ("big, red", "small")


def test_csv_row_cap(tmp_path, monkeypatch):
    monkeypatch.setattr(datasets, "MAX_CSV_ROWS", 3)
    path = write(tmp_path, "a,b\n1,0\n2,1\n3,0\n")
    assert len(all_x(load(csv_spec(path)))) == 3
    assert csv_error(write(tmp_path, "a,b\n1,0\n2,1\n3,0\n4,1\n")) == "data.csv has more than 3 rows"


def test_numpy_only():
    code = (
        "import sys, playground.data.datasets, playground.data.features; "
        "print(sorted(m for m in ('torch', 'PySide6') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(__file__).parents[1])
    assert done.returncode == 0 and done.stdout.strip() == "[]", done.stderr
