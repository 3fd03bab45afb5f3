"""The top bar, as in TF Playground: play and step buttons, the counters, and the main hyperparameters.

Each hyperparameter sits under a small caption. The regularization kind and rate map onto
the experiment's L1 and L2 (both live, no reset); the rate is remembered while the kind is
"None", so choosing L2 afterwards applies it at once.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from playground.config import catalog
from playground.config.experiment import Experiment, OptimizerSpec, TrainingSpec
from playground.gui import names, network_edits
from playground.gui.controller import SPEEDS, Controller
from playground.gui.training_actions import TrainingActions
from playground.gui.widgets.choice_combo import ChoiceCombo
from playground.gui.widgets.flow_layout import FlowLayout, flowing
from playground.gui.widgets.number_fields import NumberCombo, schema_range
from playground.gui.widgets.panel_parts import captioned, fit_for_life
from playground.training.snapshot import Snapshot

LEARNING_RATES = (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10)
REGULARIZATION_RATES = (0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10)
DEFAULT_RATE = 0.001
PLAY_SIZE = 52
MIXED = "mixed"
STATE_COLORS = {"running": "#2e7d32", "diverged": "#c62828", "error": "#c62828", "finished": "#1565c0"}


class TopBar(QWidget):
    def __init__(self, controller: Controller, actions: TrainingActions, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self._rate = DEFAULT_RATE
        self._kind = "none"

        self.play_button = QToolButton()
        self.play_button.setDefaultAction(actions.play)
        self.play_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.play_button.setFixedSize(PLAY_SIZE, PLAY_SIZE)
        self.play_button.setIconSize(QSize(PLAY_SIZE - 20, PLAY_SIZE - 20))
        self.play_button.setStyleSheet(
            f"QToolButton {{ background: #183d4e; border-radius: {PLAY_SIZE // 2}px; border: none; }}"
            "QToolButton:hover { background: #24566d; } QToolButton:pressed { background: #0f2a36; }")
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        for action in (actions.reset, actions.step, actions.step_epoch, actions.regenerate):
            button = QToolButton()
            button.setDefaultAction(action)
            buttons.addWidget(button)

        self.epoch_label = QLabel()
        big = self.epoch_label.font()
        big.setPointSize(20)
        self.epoch_label.setFont(big)
        self.epoch_label.setStyleSheet("color: #333;")
        self.epoch_label.setToolTip(self.tr("Epochs: how many times training has gone through all training examples."))
        self.speed_label = QLabel()
        self.speed_label.setStyleSheet("color: #555;")
        self.speed_label.setToolTip(self.tr("Updates (batches) so far, and how fast training runs right now."))
        self.state_label = QLabel()
        self.state_label.setToolTip(self.tr("What training is doing now."))
        counters = QWidget()
        counters_layout = QVBoxLayout(counters)
        counters_layout.setContentsMargins(0, 0, 0, 0)
        counters_layout.setSpacing(0)
        counters_layout.addWidget(self.epoch_label)
        counters_layout.addWidget(self.speed_label)
        self.lr_now = QLabel()
        self.lr_now.setStyleSheet("color: #555;")
        self.lr_now.setToolTip(self.tr("The learning rate this epoch, as the schedule set it."))
        counters_layout.addWidget(self.lr_now)

        self.learning_rate = NumberCombo(self.tr("learning rate"), LEARNING_RATES, *schema_range(OptimizerSpec, "lr"))
        self.activation = ChoiceCombo("activation", catalog.ACTIVATIONS, "")
        self.activation.add_choice(MIXED, self.tr("(per layer)"), self.tr("The layers differ; see the layer table."))
        self.regularization = QComboBox()
        for kind, text in (("none", self.tr("None")), ("l1", "L1"), ("l2", "L2"), ("both", "L1 + L2")):
            self.regularization.addItem(text, kind)
        self.regularization_rate = NumberCombo(self.tr("regularization rate"), REGULARIZATION_RATES,
                                               *schema_range(TrainingSpec, "l1"))
        self.speed = QComboBox()
        self.speed.setToolTip(self.tr(
            "How fast Play trains: a couple of updates a second to follow each one, TF Playground's pace to talk "
            "over, or as fast as this machine goes."))
        for key, text in ((key, self._speed_name(key)) for key in SPEEDS):
            self.speed.addItem(text, key)
        self.problem = QLabel()
        fit_for_life(self.problem, max((names.label("task", task) for task in ("binary", "multiclass", "regression")),
                                       key=self.problem.fontMetrics().horizontalAdvance))

        state_box = QWidget()
        state_layout = QVBoxLayout(state_box)
        state_layout.setContentsMargins(0, 0, 0, 0)
        state_layout.setSpacing(2)
        state_layout.addLayout(buttons)
        state_row = QHBoxLayout()
        state_row.addWidget(self.state_label)
        state_row.addStretch(1)
        state_row.addWidget(self.speed)  # beside the buttons it paces, where the row has room
        state_layout.addLayout(state_row)

        # Wraps onto a second row where the window is narrower than everything side by side (a projector).
        layout = FlowLayout(self, spacing=14, row_spacing=4)
        layout.setContentsMargins(8, 4, 8, 4)
        flowing(self)
        layout.addWidget(self.play_button)
        layout.addWidget(state_box)
        layout.addWidget(counters)
        layout.addWidget(captioned(self.tr("Learning rate"), self.learning_rate, self.tr(
            "How big a step each update takes: too small learns slowly, too large overshoots and diverges. "
            "Changes apply at once, without a reset.")))
        layout.addWidget(captioned(self.tr("Activation"), self.activation, self.tr(
            "The function every hidden neuron applies: it is what lets the network draw curved boundaries. "
            "Changing it starts over.")))
        layout.addWidget(captioned(self.tr("Regularization"), self.regularization, self.tr(
            "A penalty on large weights that keeps the model simple and fights overfitting: L1 pushes weights to "
            "exactly zero, L2 shrinks them all. Applies at once.")))
        layout.addWidget(captioned(self.tr("Regularization rate"), self.regularization_rate, self.tr(
            "How strong the penalty is: too strong and the model cannot fit even the training data. "
            "Applies at once.")))
        layout.addWidget(captioned(self.tr("Problem type"), self.problem, self.tr(
            "Classification or regression; it follows from the data set.")))

        self.learning_rate.value_edited.connect(lambda lr: controller.apply({"training.optimizer.lr": lr}))
        self.learning_rate.rejected.connect(controller.refuse)
        self.activation.name_picked.connect(self._activation_picked)
        self.regularization.activated.connect(lambda i: self._regularize(self.regularization.itemData(i), self._rate))
        self.regularization_rate.value_edited.connect(lambda rate: self._regularize(self._kind, rate))
        self.regularization_rate.rejected.connect(controller.refuse)
        controller.experiment_changed.connect(self.show_experiment)
        controller.state_changed.connect(self.show_state)
        self.speed.activated.connect(lambda i: controller.set_speed(self.speed.itemData(i)))
        controller.speed_changed.connect(self.show_speed)
        self.show_speed(controller.speed)
        self.show_experiment(controller.experiment)
        self.show_state(controller.state)
        fit_for_life(self.epoch_label, self._epoch_text(9_999_999))
        fit_for_life(self.speed_label, self._speed_text(99_999_999, 99_999.0, 9_999.9))
        fit_for_life(self.lr_now, self._lr_text(0.000_123_4))
        self._show_counters(0, 0, 0.0, 0.0)

    # -- edits ------------------------------------------------------------------
    def _activation_picked(self, activation: str) -> None:
        if activation == MIXED:
            self.show_experiment(self.controller.experiment)
            return
        self.controller.apply(network_edits.set_activation_everywhere(self.controller.experiment, activation))

    def _regularize(self, kind: str, rate: float) -> None:
        self._kind, self._rate = kind, rate
        l1 = rate if kind in ("l1", "both") else 0.0
        l2 = rate if kind in ("l2", "both") else 0.0
        self.controller.apply({"training.l1": l1, "training.l2": l2})

    # -- what it shows ------------------------------------------------------------
    def show_experiment(self, experiment: Experiment) -> None:
        training = experiment.training
        self.learning_rate.set_value(training.optimizer.lr)
        self.activation.set_name(network_edits.common_activation(experiment) or MIXED)
        l1, l2 = training.l1, training.l2
        if l1 or l2:
            self._kind = "both" if l1 and l2 else ("l1" if l1 else "l2")
            self._rate = l1 or l2
        elif self._rate:
            self._kind = "none"
        self.regularization.setCurrentIndex(self.regularization.findData(self._kind))
        self.regularization_rate.set_value(self._rate)
        self.regularization_rate.setEnabled(self._kind != "none")
        self.problem.setText(names.label("task", experiment.task))

    def _speed_name(self, key: str) -> str:
        return {"steps-2": self.tr("2 steps/s"), "epochs-1": self.tr("1 epoch/s"), "epochs-10": self.tr("10 epochs/s"),
                "epochs-60": self.tr("60 epochs/s"), "full": self.tr("Full speed")}[key]

    def show_speed(self, speed: str) -> None:
        self.speed.setCurrentIndex(self.speed.findData(speed))

    def show_state(self, state: str) -> None:
        self.state_label.setText(names.label("state", state))
        self.state_label.setStyleSheet(f"color: {STATE_COLORS.get(state, '#555')}; font-weight: bold;")

    def render(self, snapshot: Snapshot) -> None:
        scheduled = self.controller.experiment.training.schedule.name != "constant"
        self.lr_now.setText(self._lr_text(snapshot.lr) if scheduled else "")
        self._show_counters(snapshot.epoch, snapshot.step, snapshot.steps_per_s, snapshot.epochs_per_s)
        self.problem.setText(names.label("task", snapshot.data.task))

    def clear(self) -> None:
        self._show_counters(0, 0, 0.0, 0.0)
        self.lr_now.clear()

    def _show_counters(self, epoch: int, step: int, steps_per_s: float, epochs_per_s: float) -> None:
        self.epoch_label.setText(self._epoch_text(epoch))
        self.speed_label.setText(self._speed_text(step, steps_per_s, epochs_per_s))

    def _epoch_text(self, epoch: int) -> str:
        return self.tr("Epoch {epoch}").format(epoch=f"{epoch:07,d}")

    def _lr_text(self, lr: float) -> str:
        return self.tr("learning rate now {lr}").format(lr=f"{lr:.3g}")

    def _speed_text(self, step: int, steps_per_s: float, epochs_per_s: float) -> str:
        return self.tr("step {step:,} \u00b7 {steps:,.0f} steps/s \u00b7 {epochs:,.1f} epochs/s").format(
            step=step, steps=_finite(steps_per_s), epochs=_finite(epochs_per_s))


def _finite(value: float) -> float:
    return value if math.isfinite(value) else 0.0
