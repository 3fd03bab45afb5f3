"""Beside the loss chart: R², RMSE and MAE for regression, macro precision, recall and F1 for classification,
on the training and validation splits, from Snapshot.metrics."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from playground.gui.views import theme
from playground.gui.views.confusion_view import split_name
from playground.gui.views.loss_view import number
from playground.training.snapshot import Snapshot

REGRESSION = ("r2", "rmse", "mae")
CLASSIFICATION = ("precision", "recall", "f1")


class MetricsReadout(QLabel):
    """A small table: one column per metric, one row per split that has examples."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setFont(theme.small_font(self))
        self.setStyleSheet(f"color: {theme.TEXT}; padding-left: 4px;")
        self.setToolTip(self.tr(
            "R\u00b2: the share of the targets' variance the network explains (1 is perfect, 0 no better than "
            "predicting the mean). RMSE and MAE: the typical error, in the target's units. Precision, recall and F1 "
            "are averaged over the classes (macro); the Confusion tab shows them per split."))

    def render(self, snapshot: Snapshot) -> None:
        values = snapshot.metrics
        names = REGRESSION if snapshot.data.task == "regression" else CLASSIFICATION
        rows = [(split_name(split), split) for split in ("train", "val") if f"{split}_{names[0]}" in values]
        if not rows:
            self.clear()
            return
        cell = "<td style='padding: 0 6px'>{}</td>"
        header = "".join(cell.format(html.escape(self._title(name))) for name in names)
        body = "".join(
            "<tr>" + cell.format(html.escape(label)) +
            "".join(cell.format(_shown(values[f"{split}_{name}"])) for name in names) + "</tr>"
            for label, split in rows)
        self.setText(f"<table><tr><td></td>{header}</tr>{body}</table>")

    def _title(self, name: str) -> str:
        return {"r2": "R\u00b2", "rmse": "RMSE", "mae": "MAE", "precision": self.tr("precision"),
                "recall": self.tr("recall"), "f1": self.tr("F1 (macro)")}[name]


def _shown(value: float | None) -> str:
    return "\u2013" if value is None else number(value)
