"""Tests for playground.data.features: the feature formulas, feature names and standardization."""
from __future__ import annotations

import numpy as np
import pytest

from playground.config.experiment import DataSpec, ExperimentError
from playground.data.features import Standardizer, expand, feature_names

X = np.array([[1.0, 2.0], [-0.5, 3.0], [2.0, -1.5]])
A, B = X[:, 0], X[:, 1]


@pytest.mark.parametrize(
    "name, expected",
    [
        ("x1", A),
        ("x2", B),
        ("x1^2", A * A),
        ("x2^2", B * B),
        ("x1*x2", A * B),
        ("sin_x1", np.sin(A)),
        ("sin_x2", np.sin(B)),
    ],
)
def test_each_2d_formula(name, expected):
    out = expand(X, [name], ("x1", "x2"))
    assert out.shape == (3, 1) and out.dtype == np.float64
    assert np.allclose(out[:, 0], expected)


@pytest.mark.parametrize("k", range(1, 13))
def test_powers_of_x1(k):
    x = np.array([[0.5], [-1.5], [2.0]])
    assert np.allclose(expand(x, [f"x1^{k}"], ("x1",))[:, 0], x[:, 0] ** k)


def test_columns_follow_the_order_of_names():
    out = expand(X, ["x1*x2", "x1", "sin_x2"], ("x1", "x2"))
    assert np.allclose(out, np.column_stack([A * B, A, np.sin(B)]))


def test_csv_columns_play_x1_and_x2():
    out = expand(X, ["x1", "x2^2"], ("petal", "sepal"))
    assert np.allclose(out, np.column_stack([A, B * B]))


@pytest.mark.parametrize("name", ["x2", "x2^2", "x1*x2", "sin_x2"])
def test_1d_data_has_no_x2(name):
    with pytest.raises(ExperimentError) as caught:
        expand(np.ones((4, 1)), ["x1", name], ("x1",))
    assert str(caught.value) == f"feature '{name}' needs a second input column; this data has one"


def test_1d_data_takes_x1_sin_and_powers():
    x = np.array([[0.1], [0.7]])
    out = expand(x, ["x1", "sin_x1", "x1^2", "x1^7"], ("x1",))
    assert np.allclose(out, np.column_stack([x[:, 0], np.sin(x[:, 0]), x[:, 0] ** 2, x[:, 0] ** 7]))


def test_unknown_feature_is_an_error():
    with pytest.raises(ExperimentError, match="unknown feature 'cos_x1'"):
        expand(X, ["cos_x1"], ("x1", "x2"))


def test_wide_data_passes_through_as_float64():
    wide = np.arange(12, dtype=np.int32).reshape(3, 4)
    names = ("a", "b", "c", "d")
    out = expand(wide, names, names)
    assert out.dtype == np.float64 and np.array_equal(out, wide)
    with pytest.raises(ExperimentError):
        expand(wide, ["x1", "x2"], names)


def test_feature_names():
    spec = DataSpec(features=["x1", "x1*x2", "sin_x2"])
    assert feature_names(spec, 2) == ("x1", "x1*x2", "sin_x2")
    assert feature_names(spec, 5, ("a", "b", "c", "d", "e")) == ("a", "b", "c", "d", "e")
    assert len(feature_names(spec, 5)) == 5
    assert feature_names(DataSpec(dataset="curve", features=["x1", "x1^3"]), 1) == ("x1", "x1^3")
    with pytest.raises(ExperimentError, match="feature 'x1\\*x2' needs a second input column"):
        feature_names(spec, 1)


def test_standardizer_fits_the_training_split_only():
    rng = np.random.default_rng(0)
    train = rng.normal([3.0, -2.0, 100.0], [2.0, 0.1, 50.0], (200, 3))
    val = rng.normal([5.0, -2.0, 100.0], [2.0, 0.1, 50.0], (50, 3))
    s = Standardizer.fit(train)
    z = s.apply(train)
    assert np.allclose(z.mean(axis=0), 0.0) and np.allclose(z.std(axis=0), 1.0)
    assert np.allclose(s.mean, train.mean(axis=0)) and np.allclose(s.std, train.std(axis=0))
    assert np.allclose(s.apply(val), (val - train.mean(axis=0)) / train.std(axis=0))
    assert s.apply(val)[:, 0].mean() > 0.5  # the val shift survives: its own stats were not used


def test_standardizer_keeps_std_1_for_a_constant_column():
    train = np.column_stack([np.full(10, 0.1), np.arange(10.0)])
    s = Standardizer.fit(train)
    assert s.std[0] == 1.0 and s.std[1] != 1.0
    z = s.apply(train)
    assert np.all(np.isfinite(z)) and np.allclose(z[:, 0], 0.0)
