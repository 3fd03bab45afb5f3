"""The experiment document: round trips, TensorFlow Playground's defaults, and one-line errors naming the field."""
from __future__ import annotations

import json

import pytest

from playground.config import catalog
from playground.config.experiment import Experiment, ExperimentError, LayerSpec, is_feature


def full_experiment() -> Experiment:
    """An experiment that sets something in every section, so a round trip has much to lose."""
    return Experiment(
        name="round trip", description="every section set", seed=7, device="cpu",
        data={"dataset": "spiral", "samples": 321, "noise": 0.15, "train_fraction": 0.6, "val_fraction": 0.2,
              "features": ["x1", "x2", "x1*x2", "sin_x1"], "standardize": True, "baseline_error": 0.02},
        network={"layers": [{"units": 8, "activation": "relu", "dropout": 0.1, "batch_norm": True},
                            {"units": 3, "activation": "maxout", "maxout_k": 3}],
                 "init": {"scheme": "normal", "scale": 0.3}},
        training={"optimizer": {"name": "adam", "lr": 0.005, "hyper": {"beta1": 0.8}},
                  "lookahead": {"enabled": True, "k": 6, "alpha": 0.4},
                  "schedule": {"name": "step", "hyper": {"step_size": 20, "gamma": 0.7}},
                  "batch_size": 16, "epochs": 77, "l1": 0.001, "l2": 0.002, "weight_decay": 0.003,
                  "clip_norm": 1.5, "early_stopping": 9},
    )


# -- round trips -------------------------------------------------------------------

def test_json_round_trip_keeps_every_field():
    exp = full_experiment()
    again = Experiment.from_json(exp.to_json())
    assert again == exp
    assert again.to_dict() == exp.to_dict()


def test_save_and_load_round_trip(tmp_path):
    exp = full_experiment()
    path = tmp_path / "exp.json"
    exp.save(path)
    assert Experiment.load(path) == exp
    assert Experiment.load(str(path)) == exp  # a str path works too
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 1


def test_to_json_is_plain_json_with_every_section():
    value = json.loads(Experiment().to_json())
    assert set(value) >= {"version", "name", "description", "seed", "device", "data", "network", "training"}


def test_a_partial_document_takes_defaults_for_the_rest():
    exp = Experiment.from_json('{"data": {"dataset": "xor"}}')
    assert exp.data.dataset == "xor"
    assert exp.network == Experiment().network
    assert exp.training == Experiment().training


def test_with_changes_validates_and_leaves_the_original():
    base = Experiment()
    changed = base.with_changes(**{"training.optimizer.lr": 0.1, "data.dataset": "xor"})
    assert changed.training.optimizer.lr == 0.1 and changed.data.dataset == "xor"
    assert base.training.optimizer.lr == 0.03 and base.data.dataset == "circle"
    with pytest.raises(ExperimentError, match=r"^training\.optimizer\.lr:"):
        base.with_changes(**{"training.optimizer.lr": -1})


def test_unicode_text_survives(tmp_path):
    exp = Experiment(name="Kreis — ½", description="π ≈ 3.14")
    path = tmp_path / "u.json"
    exp.save(path)
    assert Experiment.load(path).name == "Kreis — ½"


# -- TensorFlow Playground's defaults ----------------------------------------------

def test_defaults_are_tensorflow_playgrounds():
    exp = Experiment()
    assert exp.version == 1
    assert exp.data.dataset == "circle"
    assert exp.data.features == ["x1", "x2"]
    assert exp.data.noise == 0.0
    assert exp.data.train_fraction == 0.5
    assert [(layer.units, layer.activation) for layer in exp.network.layers] == [(4, "tanh"), (2, "tanh")]
    assert all(layer.dropout == 0 and not layer.batch_norm for layer in exp.network.layers)
    assert exp.network.init.scheme == "tf_playground"
    assert exp.training.optimizer.name == "sgd"
    assert exp.training.optimizer.lr == 0.03
    assert exp.training.batch_size == 10
    assert exp.training.schedule.name == "constant"
    assert (exp.training.l1, exp.training.l2, exp.training.weight_decay) == (0, 0, 0)
    assert not exp.training.lookahead.enabled
    assert exp.task == "binary"


def test_defaults_are_fresh_lists_not_shared():
    a, b = Experiment(), Experiment()
    a.data.features.append("x1^2")
    a.network.layers.append(LayerSpec(units=9))
    assert b.data.features == ["x1", "x2"]
    assert len(b.network.layers) == 2


@pytest.mark.parametrize("name", ["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin_x1", "sin_x2", "x1^3", "x1^12"])
def test_known_features(name):
    assert is_feature(name)


@pytest.mark.parametrize("name", ["x3", "x1^13", "x1^0", "x2^3", "sin_x3", "", "X1"])
def test_unknown_features(name):
    assert not is_feature(name)


def test_value_falls_back_to_catalog_defaults():
    opt = Experiment(training={"optimizer": {"name": "adam", "hyper": {"beta1": 0.5}}}).training.optimizer
    assert opt.value("beta1") == 0.5
    defaults = {h.name: h.default for h in catalog.OPTIMIZERS["adam"]}
    assert opt.value("beta2") == defaults["beta2"]


# -- one-line errors that name the field --------------------------------------------

BAD_DOCUMENTS = [
    # wrong types
    ({"seed": "x"}, "seed"),
    ({"seed": 1.5}, "seed"),
    ({"name": 3}, "name"),
    ({"data": {"standardize": "maybe"}}, "data.standardize"),
    ({"data": "circle"}, "data"),
    ({"network": {"layers": "abc"}}, "network.layers"),
    ({"network": {"layers": [{"units": "four"}]}}, "network.layers.0.units"),
    ({"training": {"optimizer": {"lr": "fast"}}}, "training.optimizer.lr"),
    ({"training": {"batch_size": 1.5}}, "training.batch_size"),
    ({"training": {"optimizer": {"hyper": {"momentum": "lots"}}}}, "training.optimizer.hyper.momentum"),
    # out of range
    ({"seed": -1}, "seed"),
    ({"data": {"noise": 2}}, "data.noise"),
    ({"data": {"samples": 2}}, "data.samples"),
    ({"data": {"train_fraction": 0.0}}, "data.train_fraction"),
    ({"data": {"classes": 9}}, "data.classes"),
    ({"data": {"train_fraction": 0.9, "val_fraction": 0.5}}, "data"),
    ({"network": {"layers": [{"units": 0}]}}, "network.layers.0.units"),
    ({"network": {"layers": [{"units": 4}, {"dropout": 1.0}]}}, "network.layers.1.dropout"),
    ({"network": {"layers": [{"maxout_k": 1}]}}, "network.layers.0.maxout_k"),
    ({"network": {"init": {"scheme": "normal", "scale": 0}}}, "network.init.scale"),
    ({"training": {"optimizer": {"lr": 0}}}, "training.optimizer.lr"),
    ({"training": {"optimizer": {"lr": 1000}}}, "training.optimizer.lr"),
    ({"training": {"epochs": 0}}, "training.epochs"),
    ({"training": {"batch_size": -1}}, "training.batch_size"),
    ({"training": {"l2": -0.1}}, "training.l2"),
    ({"training": {"clip_norm": -1}}, "training.clip_norm"),
    ({"training": {"lookahead": {"alpha": 0}}}, "training.lookahead.alpha"),
    ({"training": {"optimizer": {"name": "adam", "hyper": {"beta1": 2}}}}, "training.optimizer"),
    ({"training": {"schedule": {"name": "step", "hyper": {"gamma": 2}}}}, "training.schedule"),
    # unknown names and fields
    ({"bogus": 1}, "bogus"),
    ({"data": {"colour": "red"}}, "data.colour"),
    ({"training": {"lr": 0.1}}, "training.lr"),
    ({"network": {"layers": [{"units": 4, "size": 3}]}}, "network.layers.0.size"),
    ({"data": {"dataset": "nope"}}, "data.dataset"),
    ({"network": {"layers": [{"activation": "swish"}]}}, "network.layers.0.activation"),
    ({"network": {"init": {"scheme": "orthogonal"}}}, "network.init.scheme"),
    ({"training": {"optimizer": {"name": "lbfgs"}}}, "training.optimizer.name"),
    ({"training": {"schedule": {"name": "warmup"}}}, "training.schedule.name"),
    ({"device": "tpu"}, "device"),
    # unknown optimizer / schedule hyperparameters
    ({"training": {"optimizer": {"name": "sgd", "hyper": {"momentum": 0.9}}}}, "training.optimizer"),
    ({"training": {"optimizer": {"name": "adam", "hyper": {"rho": 0.9}}}}, "training.optimizer"),
    ({"training": {"schedule": {"name": "cosine", "hyper": {"gamma": 0.5}}}}, "training.schedule"),
    # bad features
    ({"data": {"features": ["x3"]}}, "data.features"),
    ({"data": {"features": []}}, "data.features"),
    ({"data": {"features": ["x1", "x1"]}}, "data.features"),
    ({"data": {"features": ["x1^13"]}}, "data.features"),
    ({"data": {"dataset": "curve", "features": ["x1", "x2"]}}, "data"),
    # inconsistent data
    ({"data": {"dataset": "csv"}}, "data"),
    # version mismatch
    ({"version": 2}, "version"),
    ({"version": "1"}, "version"),
]


def _one_line_naming(message: str, field: str) -> None:
    assert "\n" not in message, f"not one line: {message!r}"
    assert message.strip() == message and message
    assert message.startswith(f"{field}: "), f"{message!r} does not start with the field {field!r}"
    assert "Traceback" not in message


@pytest.mark.parametrize("document, field", BAD_DOCUMENTS, ids=[json.dumps(d)[:60] for d, _ in BAD_DOCUMENTS])
def test_every_bad_document_is_one_line_naming_the_field(document, field):
    with pytest.raises(ExperimentError) as caught:
        Experiment.from_dict(document)
    _one_line_naming(str(caught.value), field)
    # The same document as JSON text says the same.
    with pytest.raises(ExperimentError) as again:
        Experiment.from_json(json.dumps(document))
    assert str(again.value) == str(caught.value)


@pytest.mark.parametrize("document, mentions", [
    ({"training": {"optimizer": {"name": "sgd", "hyper": {"momentum": 0.9}}}}, "momentum"),
    ({"training": {"optimizer": {"name": "adam", "hyper": {"beta1": 2}}}}, "beta1"),
    ({"data": {"features": ["x3"]}}, "x3"),
    ({"data": {"dataset": "nope"}}, "circle"),  # says what is allowed
    ({"seed": -1}, "-1"),                       # says what it got
    ({"version": 2}, "2"),
])
def test_error_says_what_is_wrong(document, mentions):
    with pytest.raises(ExperimentError, match=mentions.replace("^", r"\^")):
        Experiment.from_dict(document)


@pytest.mark.parametrize("text", ["{", "", "[1,", '{"seed": 1,}', "not json at all"])
def test_invalid_json_is_one_line(text):
    with pytest.raises(ExperimentError) as caught:
        Experiment.from_json(text)
    message = str(caught.value)
    assert "\n" not in message and "JSON" in message and "line 1" in message


@pytest.mark.parametrize("text", ["[]", "null", "3", '"circle"'])
def test_a_document_that_is_not_an_object(text):
    with pytest.raises(ExperimentError) as caught:
        Experiment.from_json(text)
    assert "\n" not in str(caught.value) and "object" in str(caught.value)


def test_loading_a_bad_file_names_the_file_and_the_field(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"training": {"optimizer": {"lr": -3}}}', encoding="utf-8")
    with pytest.raises(ExperimentError) as caught:
        Experiment.load(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(str(path)) and "training.optimizer.lr" in message


def test_loading_invalid_json_names_the_file(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"seed": 1,\n  oops}', encoding="utf-8")
    with pytest.raises(ExperimentError) as caught:
        Experiment.load(path)
    message = str(caught.value)
    assert "\n" not in message and str(path) in message and "line 2" in message


@pytest.mark.parametrize("make", [
    lambda tmp: tmp / "missing.json",                                           # no such file
    lambda tmp: tmp,                                                            # a directory
    lambda tmp: (tmp / "latin1.json").write_bytes(b'{"name": "\xe9"}') and tmp / "latin1.json",  # not UTF-8
])
def test_unreadable_file_is_one_line(tmp_path, make):
    path = make(tmp_path)
    with pytest.raises(ExperimentError) as caught:
        Experiment.load(path)
    message = str(caught.value)
    assert "\n" not in message and str(path) in message and "cannot read" in message


def test_assignment_is_validated_too():
    exp = Experiment()
    with pytest.raises(ValueError):
        exp.training.optimizer.lr = -1.0
    assert exp.training.optimizer.lr == 0.03
