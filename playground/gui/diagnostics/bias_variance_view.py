"""The course's recipe for what to do next: baseline, training and validation error, the two gaps, the verdict, the remedies.

avoidable bias = training error − baseline error, variance = validation error −
training error (diagnosis.py). The baseline is the generator's Bayes error where
the data set knows its noise; elsewhere the student states it (human-level
error) and baseline_changed tells the window, which applies it to the
experiment. Below the diagnosis, tools that measure rather than infer: learning
and complexity curves, and an ensemble over training sets.
"""
from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from playground.config.experiment import Experiment
from playground.gui.diagnostics import texts
from playground.gui.diagnostics.curve_panel import CurvePanel
from playground.gui.diagnostics.ensemble_panel import EnsemblePanel
from playground.gui.diagnostics.error_ladder import ErrorLadder
from playground.gui.diagnostics.error_units import ErrorUnit, unit_for
from playground.gui.diagnostics.notes import note
from playground.gui.panels.data_panel import section_title
from playground.gui.views import theme
from playground.gui.views.frames import already_drawn
from playground.gui.widgets.number_fields import NumberEdit, format_number
from playground.gui.widgets.panel_parts import scrolling
from playground.training.snapshot import Snapshot

FINE_COLOR = "#2e7d32"
PROBLEM_COLOR = "#b35806"
HIGHEST_MSE_BASELINE = 1e6


class BiasVarianceView(QWidget):
    baseline_changed = Signal(float)  # the baseline error the student typed, as diagnosis.py counts errors

    def __init__(self, experiment_source: Callable[[], Experiment], parent: QWidget | None = None):
        super().__init__(parent)
        theme.light_background(self)
        self._drawn: Snapshot | None = None
        self._unit: ErrorUnit | None = None

        self.ladder = ErrorLadder()
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.remedies = QLabel()
        self.remedies.setWordWrap(True)
        self.baseline_source = note()
        self.baseline_problem = QLabel()
        self.baseline_problem.setStyleSheet(f"color: {theme.ALARM};")
        self.baseline_problem.hide()
        self.baseline_field: NumberEdit | None = None
        self.baseline_unit = QLabel()
        self.baseline_row = QWidget()
        self._baseline_layout = QHBoxLayout(self.baseline_row)
        self._baseline_layout.setContentsMargins(0, 0, 0, 0)
        self._baseline_layout.addWidget(QLabel(self.tr("Baseline error")))
        self._baseline_layout.addWidget(self.baseline_unit)
        self._baseline_layout.addStretch(1)
        self.curves = CurvePanel(experiment_source)
        self.ensemble = EnsemblePanel(experiment_source)

        page = QWidget()
        theme.light_background(page)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(section_title(self.tr("Diagnosis")))
        layout.addWidget(self.ladder)
        layout.addWidget(self.verdict)
        layout.addWidget(self.remedies)
        layout.addWidget(self.baseline_row)
        layout.addWidget(self.baseline_source)
        layout.addWidget(self.baseline_problem)
        layout.addSpacing(8)
        layout.addWidget(section_title(self.tr("Learning and complexity curves")))
        layout.addWidget(self.curves)
        layout.addSpacing(8)
        layout.addWidget(section_title(self.tr("Ensemble")))
        layout.addWidget(self.ensemble)
        layout.addStretch(1)
        # The three parts need more height than the tab column has: the page scrolls rather than squeezes.
        # Sideways it reflows instead (the ladder stacks, the buttons wrap), down to a 1024 px projector's column.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(page))

    # -- frames ------------------------------------------------------------
    def render(self, snapshot: Snapshot) -> None:
        if already_drawn(snapshot, self._drawn) or snapshot.diagnosis is None:
            return
        self._drawn = snapshot
        d = snapshot.diagnosis
        unit = unit_for(snapshot.data.task)
        if unit != self._unit:
            self._unit = unit
            self._make_baseline_field(unit)
        self.ladder.set_diagnosis(d, unit)
        self._set_text(self.verdict, self._verdict_text(d, unit))
        remedies = d["remedies"]
        self._set_text(self.remedies, self.tr("Try {remedies}.").format(remedies=texts.remedy_list(remedies))
                       if remedies else "")
        self._show_baseline(snapshot, d, unit)
        self.curves.set_baseline(d["baseline_error"] if d["baseline_known"] else None)
        self.ensemble.set_data(snapshot.data)

    def clear(self) -> None:
        self._drawn = None
        self.ladder.set_diagnosis(None, self.ladder.unit)
        self.verdict.clear()
        self.remedies.clear()

    def set_experiment(self, experiment: Experiment) -> None:
        """A different experiment: the curves and the ensemble computed for the old one go."""
        self.curves.forget()
        self.ensemble.forget()
        self.curves.set_experiment(experiment)

    @staticmethod
    def _set_text(label: QLabel, text: str) -> None:
        if text != label.text():  # a new text re-lays the page out: only when it changed
            label.setText(text)
        label.setVisible(bool(text))

    @staticmethod
    def _verdict_text(d: dict, unit: ErrorUnit) -> str:
        color = {"fine": FINE_COLOR, "uncertain": theme.MUTED, "unknown": theme.MUTED}.get(d["verdict"], PROBLEM_COLOR)
        return (f"<span style='color:{color}; font-weight:bold'>{texts.verdict_headline(d['verdict'])}.</span> "
                f"{texts.verdict_meaning(d, unit.text)}")

    # -- the baseline --------------------------------------------------------
    def _make_baseline_field(self, unit: ErrorUnit) -> None:
        """A field in the unit errors read in: percent for classification, MSE for regression."""
        if self.baseline_field is not None:
            self.baseline_field.deleteLater()
        what = self.tr("baseline error (%)") if unit.percent else self.tr("baseline error")
        field = NumberEdit(what, 0.0, 100.0 if unit.percent else HIGHEST_MSE_BASELINE)
        field.setPlaceholderText(self.tr("not set"))
        field.setToolTip(self.tr("The error you would accept as the best possible: human-level error, or the "
                                 "noise you know the data has. Avoidable bias is measured from it."))
        field.value_edited.connect(lambda value: self._baseline_typed(value, unit))
        field.rejected.connect(self._baseline_refused)
        self._baseline_layout.insertWidget(1, field)
        self.baseline_field = field
        self.baseline_unit.setText("%" if unit.percent else "")

    def _baseline_typed(self, value: float, unit: ErrorUnit) -> None:
        self.baseline_problem.hide()
        self.baseline_changed.emit(value / 100.0 if unit.percent else value)

    def _baseline_refused(self, reason: str) -> None:
        self.baseline_problem.setText(reason)
        self.baseline_problem.show()

    def _show_baseline(self, snapshot: Snapshot, d: dict, unit: ErrorUnit) -> None:
        generated = snapshot.data.baseline_error
        from_generator = generated is not None and math.isclose(d["baseline_error"], generated)
        # The generator's estimate is a fact of the data, shown in the ladder: nothing to type.
        self.baseline_row.setVisible(not from_generator)
        field = self.baseline_field
        shown = format_number(unit.scaled(d["baseline_error"])) if d["baseline_known"] else ""
        if not field.hasFocus() and field.text() != shown:  # never overwrite what the student is typing
            if shown:
                field.set_value(unit.scaled(d["baseline_error"]))
            else:
                field.clear()
        if from_generator:
            source = self.tr("The baseline is estimated from the generator's noise: the best any model can do "
                             "on this data.")
        elif d["baseline_known"]:
            source = self.tr("Set by you (human-level error).")
        else:
            source = self.tr("Unknown, so taken as 0. Type the error a human (or the best model) would make.")
        self._set_text(self.baseline_source, source)
