"""Presets: every file is a valid experiment; each dataset's preset learns its dataset."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import numpy as np
import pytest

from playground.config import catalog, presets
from playground.config.experiment import Experiment, ExperimentError
from playground.training.trainer import Trainer

DATASETS = [name for name in catalog.DATASETS if name != "csv"]

# What "learns well" means per dataset: validation accuracy at least this, or for regression a
# validation MSE at most this fraction of the targets' variance; within MAX_EPOCHS (or the preset's own epochs).
GOALS = {
    "circle": ("accuracy", 0.95),
    "xor": ("accuracy", 0.95),
    "gauss": ("accuracy", 0.95),
    "spiral": ("accuracy", 0.90),
    "moons": ("accuracy", 0.95),
    "checkerboard": ("accuracy", 0.90),
    "blobs": ("accuracy", 0.95),
    "reg-plane": ("mse", 0.05),
    "reg-gauss": ("mse", 0.15),
    "curve": ("mse", 0.10),
}
MAX_EPOCHS = 300


def test_there_is_a_preset_per_dataset():
    assert set(GOALS) == set(DATASETS)
    assert set(DATASETS) <= set(presets.names())


def test_every_preset_file_is_a_valid_experiment():
    assert presets.names()
    for name in presets.names():
        exp = presets.load(name)  # raises ExperimentError naming the preset and field otherwise
        assert exp.name.strip(), f"{name} has no name"
        assert exp.description.strip(), f"{name} has no description"


@pytest.mark.parametrize("dataset", DATASETS)
def test_dataset_preset_is_named_after_its_dataset_and_is_a_full_document(dataset):
    exp = presets.load(dataset)
    assert exp.data.dataset == dataset
    assert json.loads(presets.text(dataset)) == exp.to_dict()  # every field written out
    sentences = [s for s in exp.description.replace("e.g.", "eg").split(". ") if s.strip()]
    assert 1 <= len(sentences) <= 2 and "\n" not in exp.description
    assert exp.task == catalog.task_of(dataset)


def test_unknown_preset_names_the_choices():
    with pytest.raises(ExperimentError) as caught:
        presets.load("no-such-preset")
    assert "circle" in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize("dataset", DATASETS)
def test_dataset_preset_learns(dataset):
    exp = presets.load(dataset).with_changes(device="cpu")
    trainer = Trainer(exp)
    kind, goal = GOALS[dataset]
    spread = float(np.var(trainer.dataset.y_val)) if kind == "mse" else None

    def score(t: Trainer) -> float:
        h = t.history.view()
        return float(h.val_accuracy[-1]) if kind == "accuracy" else float(h.val_loss[-1]) / spread

    reached = (lambda s: s >= goal) if kind == "accuracy" else (lambda s: s <= goal)
    trainer.train(min(exp.training.epochs, MAX_EPOCHS), lambda t: not reached(score(t)))
    assert trainer.state != "diverged", trainer.message
    assert reached(score(trainer)), f"{dataset}: {kind} {score(trainer):.3f} after {trainer.epoch} epochs (goal {goal})"


def test_lupdate_extracts_every_preset_title_and_description(tmp_path):
    # The JSON files are data that lupdate never reads: gui/preset_texts.py repeats their texts for it.
    import PySide6

    from playground.gui import preset_texts

    lupdate = Path(PySide6.__file__).parent / ("lupdate.exe" if sys.platform == "win32" else "lupdate")
    catalog_file = tmp_path / "presets.ts"
    subprocess.run([str(lupdate), preset_texts.__file__, "-ts", str(catalog_file)], check=True, capture_output=True,
                   timeout=120)
    found = {message.findtext("source") for context in ElementTree.parse(catalog_file).getroot().iter("context")
             if context.findtext("name") == "Presets" for message in context.iter("message")}
    for name in presets.names():
        exp = presets.load(name)
        assert {exp.name, exp.description} <= found, f"{name}: add its name and description to gui/preset_texts.py"


def test_a_view_tab_outside_the_known_tabs_is_named_in_one_line():
    document = json.loads(presets.text("circle"))
    document["view"] = {"tab": "no-such-tab"}
    with pytest.raises(ExperimentError) as caught:
        Experiment.from_dict(document)
    assert str(caught.value).startswith("view.tab: must be one of 'loss'") and "\n" not in str(caught.value)
