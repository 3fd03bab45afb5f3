"""DATA: which data set, how noisy, how it is split and batched, and which features the network sees.

Every change here rebuilds the data and starts training over, as in TF Playground.
"""
from __future__ import annotations

from functools import cache

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from playground.config import catalog
from playground.config.experiment import DataSpec, Experiment
from playground.data import datasets
from playground.diagnosis.scaling import SCALE_RATIO_LIMIT, badly_scaled
from playground.gui.controller import Controller
from playground.gui.panels.csv_import import CsvImport
from playground.gui.panels.more_data import MoreData
from playground.gui.training_actions import TrainingActions
from playground.gui.views.data_thumbnails import DatasetPicker, FeatureToggles
from playground.gui.widgets.panel_parts import section_title, set_quietly
from playground.training.snapshot import DataView, Snapshot

PREVIEW_SAMPLES = 250
ONE_INPUT_FEATURES = ("x1", "x1^2", "sin_x1")
NOTE_COLOR = "#b35806"  # the diagnosis' colour for a problem worth fixing


@cache
def preview(name: str) -> tuple[np.ndarray, np.ndarray]:
    """A small noise-free sample of a data set for its thumbnail: raw x and y, all splits together."""
    features = ["x1"] if name == "curve" else ["x1", "x2"]
    data = datasets.load(DataSpec(dataset=name, samples=PREVIEW_SAMPLES, features=features))
    return (np.concatenate([data.x_train, data.x_val, data.x_test]),
            np.concatenate([data.y_train, data.y_val, data.y_test]))


class PercentSlider(QWidget):
    """A slider in whole percent with its value beside it; reports once the user lets go."""

    def __init__(self, low: int, high: int, tip: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(low, high)
        self.slider.setTracking(False)  # one rebuild when the user lets go, not one per pixel
        self.value_label = QLabel()
        self.value_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("100 %") + 4)
        self.slider.sliderMoved.connect(self._show)
        self.slider.valueChanged.connect(self._show)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.value_label)
        for part in (self, self.slider, self.value_label):
            part.setToolTip(tip)

    def set_percent(self, value: float) -> None:
        set_quietly(self.slider, round(value))
        self._show(self.slider.value())

    def _show(self, value: int) -> None:
        self.value_label.setText(f"{value} %")


class DataPanel(QWidget):
    def __init__(self, controller: Controller, actions: TrainingActions, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self._data: DataView | None = None
        self.picker = DatasetPicker(preview, columns=4)
        self.picker.setToolTip(self.tr("Which data to learn: click a picture to switch; training starts over."))
        self.picker.dataset_chosen.connect(self._dataset_chosen)
        self.csv = CsvImport(controller, self)
        self.import_button = QPushButton(self.tr("Import CSV\u2026"))
        self.import_button.setToolTip(self.tr(
            "Train on your own table: numeric input columns and one label column (classes or numbers)."))
        self.import_button.clicked.connect(self.csv.ask)
        self.more_data = MoreData(controller)
        self.regenerate_button = QToolButton()
        self.regenerate_button.setDefaultAction(actions.regenerate)

        self.noise = PercentSlider(0, 50, self.tr(
            "How much the labels are blurred near the boundary (0-50 % as in TF Playground): noisy data cannot be "
            "fitted perfectly, and a big model starts fitting the noise (overfitting)."))
        self.noise.slider.valueChanged.connect(lambda v: controller.apply({"data.noise": v / 100}))
        self.train_split = PercentSlider(10, 90, self.tr(
            "Share of the examples the network trains on; the rest checks how well it generalizes."))
        self.train_split.slider.valueChanged.connect(self._train_split_changed)
        self.val_split = PercentSlider(0, 50, self.tr(
            "Share held out to watch for overfitting while training (early stopping uses it); "
            "what is left over is the test set."))
        self.val_split.slider.valueChanged.connect(self._val_split_changed)
        self.test_label = QLabel()
        self.test_label.setToolTip(self.tr("Examples kept aside to measure the final model; it never trains on them."))
        self.batch_size = QSpinBox()
        self.batch_size.setRange(0, 1_000_000)
        self.batch_size.setSpecialValueText(self.tr("full batch"))
        self.batch_size.setKeyboardTracking(False)
        self.batch_size.setToolTip(self.tr(
            "Examples per update: small batches give many noisy steps, large ones few smooth steps. "
            "0 means the whole training set (full-batch gradient descent)."))
        self.batch_size.valueChanged.connect(lambda v: controller.apply({"training.batch_size": v}))
        self.training_count = QLabel()
        self.training_count.setToolTip(self.tr("Examples in the training split."))
        batch = QHBoxLayout()
        batch.addWidget(self.batch_size, 1)
        batch.addWidget(self.training_count)
        self.classes = QSpinBox()
        self.classes.setRange(3, 6)
        self.classes.setToolTip(self.tr("How many classes (blobs only); the output uses softmax."))
        self.classes.valueChanged.connect(lambda v: controller.apply({"data.classes": v}))
        self.standardize = QCheckBox(self.tr("Standardize inputs"))
        self.standardize.setToolTip(self.tr(
            "Shift and scale each input to mean 0 and spread 1 (feature scaling): gradient descent then moves "
            "evenly in every direction."))
        self.standardize.toggled.connect(lambda on: controller.apply({"data.standardize": on}))
        self.scale_note = QLabel(self.tr(
            "These features' scales differ by more than {limit:g} times: without standardizing, one learning "
            "rate cannot suit them all.").format(limit=SCALE_RATIO_LIMIT))
        self.scale_note.setWordWrap(True)
        self.scale_note.setStyleSheet(f"color: {NOTE_COLOR};")
        self.scale_note.hide()
        self._badly_scaled = False
        self.features = FeatureToggles(columns=3)
        self.features.setToolTip(self.tr(
            "What the network gets as inputs. Hand-made features such as X\u2081\u00b2 can make a hard problem easy "
            "for a small network. Changing them starts over."))
        self.features.features_changed.connect(lambda names: controller.apply({"data.features": names}))

        form = QFormLayout()
        form.setVerticalSpacing(4)
        form.addRow(self.tr("Noise"), self.noise)
        form.addRow(self.tr("Training"), self.train_split)
        form.addRow(self.tr("Validation"), self.val_split)
        form.addRow(self.tr("Test"), self.test_label)
        form.addRow(self.tr("Batch size"), batch)
        self.classes_label = QLabel(self.tr("Classes"))
        form.addRow(self.classes_label, self.classes)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.regenerate_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(6)
        layout.addWidget(section_title(self.tr("Data")))
        layout.addWidget(self.picker)
        layout.addLayout(buttons)
        layout.addWidget(self.more_data)
        layout.addLayout(form)
        layout.addWidget(self.standardize)
        layout.addWidget(self.scale_note)
        layout.addWidget(section_title(self.tr("Features")))
        layout.addWidget(self.features)
        layout.addStretch(1)
        controller.experiment_changed.connect(self.show_experiment)
        self.show_experiment(controller.experiment)

    def _dataset_chosen(self, name: str) -> None:
        changes = {"data.dataset": name, "data.csv_path": None, "data.label_column": None}
        before = self.controller.experiment.data
        if name == "curve":
            changes["data.features"] = [f for f in before.features if f in ONE_INPUT_FEATURES] or ["x1"]
        elif before.dataset in ("curve", "csv"):
            changes["data.features"] = ["x1", "x2"]  # back on the plane: TF Playground's two inputs
        self.controller.apply(changes)

    def _train_split_changed(self, percent: int) -> None:
        train = percent / 100
        val = min(self.controller.experiment.data.val_fraction, round(1 - train, 2))
        self.controller.apply({"data.train_fraction": train, "data.val_fraction": val})
        self._show_splits(self.controller.experiment.data)

    def _val_split_changed(self, percent: int) -> None:
        room = round(1 - self.controller.experiment.data.train_fraction, 2)
        self.controller.apply({"data.val_fraction": min(percent / 100, room)})
        # A clamped value can leave the experiment as it was, and then no experiment_changed redraws the slider.
        self._show_splits(self.controller.experiment.data)

    def _show_splits(self, data: DataSpec) -> None:
        self.train_split.set_percent(100 * data.train_fraction)
        self.val_split.set_percent(100 * data.val_fraction)
        self.test_label.setText(f"{round(100 * data.test_fraction)} %")

    def show_experiment(self, experiment: Experiment) -> None:
        data = experiment.data
        self.picker.set_current(data.dataset)
        self.noise.set_percent(100 * data.noise)
        self._show_splits(data)
        set_quietly(self.batch_size, experiment.training.batch_size)
        set_quietly(self.classes, data.classes)
        set_quietly(self.standardize, data.standardizes)
        self._show_scale_note(data)
        blobs = data.dataset == "blobs"
        self.classes.setVisible(blobs)
        self.classes_label.setVisible(blobs)
        self.features.set_features(data.features)
        self.noise.setEnabled(data.dataset in catalog.GENERATORS or data.dataset == "function")

    def render(self, snapshot: Snapshot) -> None:
        """Enable the features the data can have: two inputs all, one input x1-only, a wide table none."""
        if snapshot.data is self._data:
            return
        self._data = snapshot.data
        inputs = len(snapshot.data.input_names)
        self.features.set_allowed({1: ONE_INPUT_FEATURES, 2: self.features.buttons}.get(inputs, ()))
        self.training_count.setText(self.tr("of {count}").format(count=len(snapshot.data.x_train)))
        self._badly_scaled = badly_scaled(snapshot.data.x_train)
        self._show_scale_note(self.controller.experiment.data)

    def _show_scale_note(self, data: DataSpec) -> None:
        self.scale_note.setVisible(self._badly_scaled and not data.standardizes)
