"""Gradient checking (梯度检验) from the window: backprop against numerical differences, per layer, in the background.

The check runs on the current experiment, not on the model being trained: a
fresh Trainer of the experiment is built on the job's thread, with the weights
training starts from (same seed), and gradcheck.check copies it to float64.
The live model is never touched, so training may go on meanwhile, and the
check needs no lock or hand-over with the training thread. What is checked is
the backward pass itself, which is the same code at every weight.
"""
from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from playground.analysis import gradcheck
from playground.gui.diagnostics.job_runner import JobProgress, JobRunner
from playground.gui.diagnostics.notes import note
from playground.gui.views import theme
from playground.gui.views.labels import layer_label

OK_COLOR = "#2e7d32"
COLUMNS = ("layer", "relative_error", "result", "checked")


ModelCheck = Callable[..., list]  # (should_stop=, progress=) -> list[gradcheck.LayerCheck]


class GradcheckPanel(QWidget):
    def __init__(self, check_model: ModelCheck, parent: QWidget | None = None):
        """check_model: the session's check_gradients, which checks the live model between two steps."""
        super().__init__(parent)
        theme.light_background(self)
        self.check_model = check_model
        self.checks: list[gradcheck.LayerCheck] | None = None

        self.button = QPushButton(self.tr("Gradient check"))
        self.button.setToolTip(self.tr(
            "Compare the gradients backprop computes with two-sided numerical differences, layer by layer."))
        self.button.clicked.connect(self.start)
        self.runner = JobRunner(self)
        self.runner.finished.connect(self._show_checks)
        self.runner.running_changed.connect(lambda running: self.button.setEnabled(not running))
        self.progress = JobProgress(self.runner, on_cancel=self.cancel)

        self.explanation = note(self.tr(
            "For each weight the numerical gradient is (J(\u03b8 + h) \u2212 J(\u03b8 \u2212 h)) / 2h. The relative "
            "error \u2016g_num \u2212 g_backprop\u2016 / (\u2016g_num\u2016 + \u2016g_backprop\u2016) should stay "
            "below {threshold:g}; above it, the backward pass has a bug. Checked on the model as it is now "
            "(training pauses for the check), in double precision, on the first {rows} training examples.").format(
            threshold=gradcheck.THRESHOLD, rows=gradcheck.BATCH_ROWS))

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr("Layer"), self.tr("Relative error"), self.tr("Result"),
                                              self.tr("Checked")])
        self.table.horizontalHeaderItem(COLUMNS.index("checked")).setToolTip(self.tr(
            "Weights compared, of the layer's parameters. Where a nudge of \u00b1h moves a ReLU-like unit across "
            "its kink for an example, the numerical gradient is meaningless there, so that example is left out of "
            "that weight's comparison (the whole weight, with batch norm); large layers are sampled."))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The last column takes what is left, and gives way in a narrow tab column rather than scroll sideways.
        header.setSectionResizeMode(COLUMNS.index("checked"), QHeaderView.ResizeMode.Stretch)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)

        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addWidget(self.progress, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.explanation)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.verdict)

    def start(self) -> None:
        self.runner.start(self.check_model)

    def cancel(self) -> None:
        self.runner.abandon()
        self.progress.show_status(self.tr("Cancelled."))

    def forget(self) -> None:
        """Drop the job and the table: they belong to an experiment that is gone."""
        self.runner.abandon()
        self.checks = None
        self.table.setRowCount(0)
        self.verdict.clear()
        self.progress.show_status("")

    def results(self) -> list[str]:
        """The Result column: OK or FLAG per layer."""
        return [self.table.item(row, COLUMNS.index("result")).text() for row in range(self.table.rowCount())]

    def _skipped_text(self, check: gradcheck.LayerCheck) -> str:
        """Why this layer's other weights went unchecked, and how many examples sat on a kink."""
        parts = [self.tr("{count} not sampled").format(count=check.not_sampled) if check.not_sampled else "",
                 self.tr("{count} at a kink").format(count=check.kinks - check.l1_kinks)
                 if check.kinks > check.l1_kinks else "",
                 self.tr("{count} at L1's kink at 0").format(count=check.l1_kinks) if check.l1_kinks else "",
                 self.tr("{count} example-weight pairs left out at a kink").format(count=check.kink_examples)
                 if check.kink_examples else ""]
        return "; ".join(p for p in parts if p) or self.tr("Every weight checked on every example.")

    def _show_checks(self, checks: list[gradcheck.LayerCheck], cancelled: bool) -> None:
        self.checks = checks
        self.table.setRowCount(len(checks))
        for row, check in enumerate(checks):
            cells = {
                "layer": layer_label(check.name),
                "relative_error": f"{check.relative_error:.2e}" if math.isfinite(check.relative_error) else "NaN",
                "result": self.tr("OK") if check.passed else self.tr("FLAG"),
                "checked": self.tr("{checked} of {parameters}").format(checked=check.checked,
                                                                      parameters=check.parameters),
            }
            for column, key in enumerate(COLUMNS):
                cell = QTableWidgetItem(cells[key])
                if key != "layer":
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if key == "checked":
                    cell.setToolTip(self._skipped_text(check))
                self.table.setItem(row, column, cell)
            result = self.table.item(row, COLUMNS.index("result"))
            result.setForeground(QColor(OK_COLOR if check.passed else theme.ALARM))
        flagged = [layer_label(c.name) for c in checks if not c.passed]
        if flagged:
            self.verdict.setText(self.tr("Flagged: {layers}. Backprop disagrees with the numerical gradient there.")
                                 .format(layers=", ".join(flagged)))
            self.verdict.setStyleSheet(f"color: {theme.ALARM};")
        else:
            self.verdict.setText(self.tr("Every layer passes: backprop matches the numerical gradient."))
            self.verdict.setStyleSheet(f"color: {OK_COLOR};")
