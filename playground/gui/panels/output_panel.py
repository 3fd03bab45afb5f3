"""OUTPUT: the current losses in words, the decision surface with its legend, and how it is drawn."""
from __future__ import annotations

import math

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from playground.gui.views.loss_view import number
from playground.gui.views.output_view import OutputView
from playground.gui.views.projection_view import ProjectionView
from playground.gui.widgets.flow_layout import FlowLayout, flowing
from playground.gui.widgets.panel_parts import section_title
from playground.training.snapshot import Snapshot


def _loss(value: float) -> str:
    # Three digits and an exponent past 1000: an exploding loss of 26 digits would widen the column.
    return number(value) if math.isfinite(value) else "\u2013"


def _percent(value: float | None) -> str:
    return f"{value:.1%}" if value is not None and math.isfinite(value) else "\u2013"


class OutputPanel(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = OutputView()
        self.projection = ProjectionView()  # instead of the plane when the data have more than two inputs
        self.projection.hide()
        self.losses = QLabel()
        self.losses.setStyleSheet("color: #333;")
        self.losses.setToolTip(self.tr(
            "Loss on the test data (never trained on) and on the training data: when training loss keeps falling "
            "while test loss rises, the network is overfitting."))
        self.show_test = QCheckBox(self.tr("Show test data"))
        self.show_test.setToolTip(self.tr(
            "Draw the test points too (outlined): does the boundary fit data it never saw?"))
        self.discretize = QCheckBox(self.tr("Discretize output"))
        self.show_pieces = QCheckBox(self.tr("Show hidden-unit pieces"))
        self.show_pieces.setToolTip(self.tr(
            "y = b + \u03a3 c\u1d62\u00b7a\u1d62(x): each thin curve is one last-hidden unit's activation times its "
            "weight to the output, the dashed line is the output's bias; together they add up to the output curve. "
            "Hover one to find its neuron."))
        self.show_pieces.setChecked(True)
        self.show_pieces.setVisible(False)  # only a 1-D regression's output is such a sum
        self.show_test.toggled.connect(self.view.set_show_test)
        self.discretize.toggled.connect(self.view.set_discretize)
        self.show_pieces.toggled.connect(self.view.set_show_pieces)
        toggles = QWidget()
        toggles_flow = FlowLayout(toggles)  # one above the other in a narrow column
        toggles_flow.addWidget(self.show_test)
        toggles_flow.addWidget(self.discretize)
        toggles_flow.addWidget(self.show_pieces)
        flowing(toggles)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(section_title(self.tr("Output")))
        layout.addWidget(self.losses)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.projection, 1)
        layout.addWidget(toggles)
        # As wide as its widest text from the start: the column then never gets narrower than the numbers.
        widest = self.tr("Training loss {train} \u00b7 accuracy {train_accuracy}").format(
            train="0.000", train_accuracy="100.0%")
        self.losses.setMinimumWidth(self.losses.fontMetrics().horizontalAdvance(widest) + 8)
        self._show_losses(None)
        self._task: str | None = None
        self._offer_discretize("binary")

    def render(self, snapshot: Snapshot) -> None:
        if snapshot.data.task != self._task:
            self._offer_discretize(snapshot.data.task)
        table = len(snapshot.data.extent) not in (2, 4)
        self.show_pieces.setVisible(snapshot.grid is not None and snapshot.grid.last_hidden is not None)
        self.view.setVisible(not table)
        self.projection.setVisible(table)
        (self.projection if table else self.view).render(snapshot)
        self._show_losses(snapshot)

    def clear(self) -> None:
        self.view.clear()
        self.projection.clear()
        self._show_losses(None)

    def _offer_discretize(self, task: str) -> None:
        """A regression target has no classes to pick from: the check box is off and says why."""
        self._task = task
        regression = task == "regression"
        if regression:
            self.discretize.setChecked(False)  # the views stop discretizing through toggled
        self.discretize.setEnabled(not regression)
        self.discretize.setToolTip(
            self.tr("Discretizing needs classes; a regression predicts numbers, drawn as they are.") if regression
            else self.tr("Paint only the predicted class instead of how sure the network is."))

    def _show_losses(self, snapshot: Snapshot | None) -> None:
        if snapshot is None:
            self.losses.setText(self.tr("Test loss \u2013\nTraining loss \u2013"))
            return
        text = self.tr("Test loss {test}\nTraining loss {train}").format(
            test=_loss(snapshot.test_loss), train=_loss(snapshot.train_loss))
        if snapshot.train_accuracy is not None:
            text = self.tr("Test loss {test} \u00b7 accuracy {test_accuracy}\n"
                           "Training loss {train} \u00b7 accuracy {train_accuracy}").format(
                test=_loss(snapshot.test_loss), train=_loss(snapshot.train_loss),
                test_accuracy=_percent(snapshot.test_accuracy), train_accuracy=_percent(snapshot.train_accuracy))
        self.losses.setText(text)
