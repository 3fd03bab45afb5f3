"""Settings beyond TF Playground's top bar: loss, optimizer, schedule, regularization, stopping, initialization, device.

Groups side by side in one collapsible dock. The optimizer and schedule forms are generated
from the catalog's tables; every numeric range comes from the experiment schema or catalog.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import QCheckBox, QComboBox, QDockWidget, QFormLayout, QGroupBox, QLabel, QMainWindow, QSpinBox, QWidget

from playground.config import catalog
from playground.config.experiment import Experiment, InitSpec, LookaheadSpec, TrainingSpec
from playground.gui import names
from playground.gui.controller import Controller, field_value
from playground.gui.panels.hyper_form import HyperForm
from playground.gui.widgets.choice_combo import ChoiceCombo
from playground.gui.widgets.flow_layout import FlowLayout, flowing
from playground.gui.widgets.number_fields import NumberEdit, schema_range
from playground.gui.widgets.panel_parts import set_quietly, wide_enough
from playground.nn import devices

WIDEST_RATE = "0.0001"  # the finest L1, L2, decay or clip a lesson types; hyperparameters need more (WIDEST_VALUE)
MAX_DOCK_SHARE = 0.4  # of the window's height: the columns above keep the rest
SEED_MAX = 2**31 - 1  # QSpinBox holds a C int; the schema allows up to 2^32 - 1


def _group(title: str, tip: str) -> tuple[QGroupBox, QFormLayout]:
    box = QGroupBox(title)
    box.setToolTip(tip)
    form = QFormLayout(box)
    form.setContentsMargins(6, 4, 6, 4)
    form.setVerticalSpacing(3)
    return box, form


class SettingsPanel(QWidget):
    def __init__(self, controller: Controller, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.number_fields: dict[str, NumberEdit] = {}
        # Side by side where they fit, on a second row where they do not (a 1024 px projector, presentation
        # type): every field keeps the width its value needs instead of being squeezed.
        layout = FlowLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for group in (self._optimizer_group(), self._lookahead_group(), self._schedule_group(),
                      self._regularization_group(), self._stopping_group(), self._start_group()):
            layout.addWidget(group)
        flowing(self)
        controller.experiment_changed.connect(self.show_experiment)
        controller.stop_at_epoch_changed.connect(self.show_stop)
        self.show_experiment(controller.experiment)
        self.show_stop(controller.stop_at_epoch)

    # -- groups ---------------------------------------------------------------
    def _optimizer_group(self) -> QGroupBox:
        box, form = _group(self.tr("Optimizer"), self.tr("How each update turns gradients into weight changes."))
        self.optimizer = HyperForm("optimizer", catalog.OPTIMIZERS, self.tr(
            "The update rule. Changing it starts over, since its running averages belong to the old weights."))
        self.optimizer.choice_picked.connect(
            lambda name: self.controller.apply({"training.optimizer.name": name, "training.optimizer.hyper": {}}))
        self.optimizer.value_edited.connect(lambda key, value: self._hyper_edited("training.optimizer", key, value))
        self.optimizer.rejected.connect(self.controller.refuse)
        self.loss = ChoiceCombo("loss", catalog.LOSSES, self.tr(
            "What training minimizes; only the losses that fit the task are listed. Changing it starts over."))
        self.loss.name_picked.connect(self._loss_picked)
        form.addRow(self.tr("Loss"), self.loss)
        form.addRow(self.optimizer)
        return box

    def _loss_picked(self, name: str) -> None:
        # The task's default is stored as no choice, so that other data later get their own default.
        tasks = self.controller.experiment.possible_tasks
        default = catalog.DEFAULT_LOSS[tasks[0]] if len(tasks) == 1 else None
        self.controller.apply({"training.loss": None if name == default else name})

    def _lookahead_group(self) -> QGroupBox:
        box, form = _group(self.tr("Lookahead"), self.tr(
            "Keeps a slow copy of the weights that moves part of the way towards the fast ones every k steps: "
            "steadier training for any optimizer."))
        self.lookahead = QCheckBox(self.tr("On"))
        self.lookahead.setToolTip(box.toolTip())
        self.lookahead.toggled.connect(lambda on: self.controller.apply({"training.lookahead.enabled": on}))
        self.lookahead_k = self._spin("training.lookahead.k", *schema_range(LookaheadSpec, "k")[:2],
                                      self.tr("Fast steps between two slow updates."))
        self.lookahead_alpha = self._number("training.lookahead.alpha", self.tr("Lookahead \u03b1"),
                                            schema_range(LookaheadSpec, "alpha"),
                                            self.tr("How far the slow weights move towards the fast ones (0..1]."))
        form.addRow(self.lookahead)
        form.addRow(self.tr("k"), self.lookahead_k)
        form.addRow(self.tr("\u03b1"), self.lookahead_alpha)
        return box

    def _schedule_group(self) -> QGroupBox:
        box, form = _group(self.tr("Learning-rate schedule"), self.tr(
            "How the learning rate changes over the epochs: big steps early, small steps to settle late."))
        self.schedule = HyperForm("schedule", catalog.SCHEDULES, self.tr("The schedule; changing it starts over."))
        self.schedule.choice_picked.connect(
            lambda name: self.controller.apply({"training.schedule.name": name, "training.schedule.hyper": {}}))
        self.schedule.value_edited.connect(lambda key, value: self._hyper_edited("training.schedule", key, value))
        self.schedule.rejected.connect(self.controller.refuse)
        form.addRow(self.schedule)
        return box

    def _regularization_group(self) -> QGroupBox:
        box, form = _group(self.tr("Regularization"), self.tr(
            "Ways to keep weights small and training stable; all apply at once, without a reset."))
        rows = (
            ("training.l1", "l1", self.tr("L1"), self.tr(
                "Adds rate \u00d7 |w| to the loss: pushes unneeded weights to exactly zero (a sparse network).")),
            ("training.l2", "l2", self.tr("L2"), self.tr(
                "Adds rate/2 \u00d7 w\u00b2 to the loss: shrinks all weights, giving smoother boundaries.")),
            ("training.weight_decay", "weight_decay", self.tr("Weight decay"), self.tr(
                "Shrinks every weight by lr \u00d7 decay after each step, apart from the gradient "
                "(as AdamW does).")),
            ("training.clip_norm", "clip_norm", self.tr("Gradient clip"), self.tr(
                "Caps the length of the gradient at this value, so one bad batch cannot blow up the weights. "
                "0: off.")),
        )
        for path, field, label, tip in rows:
            form.addRow(label, self._number(path, label, schema_range(TrainingSpec, field), tip))
        return box

    def _stopping_group(self) -> QGroupBox:
        box, form = _group(self.tr("Stopping"), self.tr("When training stops by itself."))
        self.patience = self._spin("training.early_stopping", 0, 100_000, self.tr(
            "Early stopping: stop when the validation loss has not improved for this many epochs, and go back to "
            "the best weights. 0: off."))
        self.patience.setSpecialValueText(self.tr("off"))
        form.addRow(self.tr("Patience"), self.patience)
        self.stop_enabled = QCheckBox(self.tr("Stop at epoch"))
        self.stop_at = QSpinBox()
        self.stop_at.setRange(1, 10_000_000)
        self.stop_at.setKeyboardTracking(False)
        tip = self.tr("Pause by itself at this epoch, e.g. to compare settings after the same amount of training. "
                      "Off: train until you pause.")
        for part in (self.stop_enabled, self.stop_at):
            part.setToolTip(tip)
        self.stop_enabled.toggled.connect(self._stop_changed)
        self.stop_at.valueChanged.connect(self._stop_changed)
        # The check box over its field rather than beside it: a row of all the groups fits a 1024 px projector.
        form.addRow(self.stop_enabled)
        form.addRow("", self.stop_at)
        return box

    def _start_group(self) -> QGroupBox:
        box, form = _group(self.tr("Start"), self.tr("Where training starts from, and where it runs."))
        self.initializer = ChoiceCombo("initializer", catalog.INITIALIZERS, self.tr(
            "How the weights are drawn before training: too large saturates or explodes, too small vanishes, "
            "all equal never breaks the symmetry between neurons. Changing it starts over."))
        self.initializer.name_picked.connect(
            lambda name: self.controller.apply({"network.init.scheme": name, "network.init.scale": None}))
        self.init_scale = self._number("network.init.scale", self.tr("Scale"), schema_range(InitSpec, "scale"),
                                       self.tr("The spread (normal: \u03c3, uniform: bound) or value (constant) "
                                               "of the initial weights."))
        self.device = QComboBox()
        for value, label in devices.available():
            self.device.addItem(self.tr("automatic") if value == "auto" else label, value)
        self.device.setToolTip(self.tr(
            "Where training runs; only what this machine has is listed. Small networks are often faster on the CPU."))
        self.device.activated.connect(lambda i: self.controller.apply({"device": self.device.itemData(i)}))
        self.seed = self._spin("seed", 0, SEED_MAX, self.tr(
            "The random seed of the initial weights and batch order: the same seed gives the same run."))
        self.init_scale_label = QLabel()
        form.addRow(self.tr("Initializer"), self.initializer)
        form.addRow(self.init_scale_label, self.init_scale)
        form.addRow(self.tr("Device"), self.device)
        form.addRow(self.tr("Seed"), self.seed)
        return box

    # -- field makers -----------------------------------------------------------
    def _number(self, path: str, what: str, bounds: tuple[float, float, bool], tip: str) -> NumberEdit:
        field = NumberEdit(what, *bounds)
        wide_enough(field, WIDEST_RATE)
        field.setToolTip(tip)
        field.value_edited.connect(lambda value: self.controller.apply({path: value}))
        field.rejected.connect(self.controller.refuse)
        self.number_fields[path] = field
        return field

    def _spin(self, path: str, low: float, high: float, tip: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(int(low), int(min(high, SEED_MAX)))
        spin.setKeyboardTracking(False)  # one change when typing ends, not one per digit
        spin.setToolTip(tip)
        spin.valueChanged.connect(lambda value: self.controller.apply({path: value}))
        return spin

    def _hyper_edited(self, path: str, key: str, value: float) -> None:
        spec = field_value(self.controller.experiment, path)
        self.controller.apply({f"{path}.hyper": {**spec.hyper, key: value}})

    def _stop_changed(self, *_: Any) -> None:
        self.stop_at.setEnabled(self.stop_enabled.isChecked())
        self.controller.set_stop_at_epoch(self.stop_at.value() if self.stop_enabled.isChecked() else None)

    # -- what it shows ------------------------------------------------------------
    def show_experiment(self, experiment: Experiment) -> None:
        training = experiment.training
        self.optimizer.show_values(training.optimizer.name, training.optimizer.hyper)
        self.schedule.show_values(training.schedule.name, training.schedule.hyper)
        scale = experiment.network.init.resolved_scale()
        self.init_scale.setEnabled(scale is not None)
        meaning = catalog.INITIALIZERS[experiment.network.init.scheme]
        self.init_scale_label.setText({"value": self.tr("Value"), "sigma": self.tr("\u03c3"),
                                       "bound": self.tr("Bound")}.get(meaning, self.tr("Scale")))
        for path, field in self.number_fields.items():
            value = scale if path == "network.init.scale" else field_value(experiment, path)
            field.set_value(value) if value is not None else field.clear()
        self.lookahead_k.setEnabled(training.lookahead.enabled)
        self.lookahead_alpha.setEnabled(training.lookahead.enabled)
        set_quietly(self.lookahead, training.lookahead.enabled)
        set_quietly(self.lookahead_k, training.lookahead.k)
        set_quietly(self.patience, training.early_stopping)
        set_quietly(self.seed, min(experiment.seed, SEED_MAX))
        self.initializer.set_name(experiment.network.init.scheme)
        self._show_losses(experiment)
        with QSignalBlocker(self.device):
            self.device.setCurrentIndex(max(self.device.findData(experiment.device), 0))
        if self.controller.stop_at_epoch is None:
            set_quietly(self.stop_at, training.epochs)

    def _show_losses(self, experiment: Experiment) -> None:
        tasks = experiment.possible_tasks
        fitting = [name for name in catalog.LOSSES if catalog.loss_problem(name, tasks) is None]
        if [self.loss.itemData(i) for i in range(self.loss.count())] != fitting:
            with QSignalBlocker(self.loss):
                self.loss.clear()
                for name in fitting:
                    self.loss.add_choice(name, names.label("loss", name), names.tip("loss", name))
        shown = experiment.training.loss or catalog.DEFAULT_LOSS[tasks[0]]
        self.loss.set_name(shown)

    def show_stop(self, epoch: int | None) -> None:
        set_quietly(self.stop_enabled, epoch is not None)
        if epoch is not None:
            set_quietly(self.stop_at, epoch)
        self.stop_at.setEnabled(epoch is not None)


class DockHeight(QObject):
    """Sets the dock's height to the panel's rows whenever they wrap or unwrap, up to MAX_DOCK_SHARE of the
    window: a dock left at one row's height would hide the second row behind a scroll bar."""

    def __init__(self, window: QMainWindow, dock: QDockWidget, panel: SettingsPanel):
        super().__init__(panel)
        self.window, self.dock, self.panel = window, dock, panel
        panel.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        resized = event.type() == QEvent.Type.Resize and event.size().height() != event.oldSize().height()
        # A LayoutRequest too: fields added to a group (Adam's betas) grow the rows while the scroll area keeps
        # the panel at the dock's height, so no resize would say so.
        if resized or event.type() == QEvent.Type.LayoutRequest:
            QTimer.singleShot(0, self.fit)  # after the layout pass that wrapped the rows
        return False

    def fit(self) -> None:
        title = self.dock.height() - self.dock.widget().height()
        rows = max(self.panel.minimumSizeHint().height(), self.panel.heightForWidth(self.panel.width()))
        wanted = min(rows + title, int(self.window.height() * MAX_DOCK_SHARE))
        self.window.resizeDocks([self.dock], [wanted], Qt.Orientation.Vertical)
