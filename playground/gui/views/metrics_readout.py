"""Under the loss chart of a regression: R², RMSE and MAE on the training and validation splits, from
Snapshot.metrics. A classifier's chart has the accuracy chart below it and no room to spare on a 768 px
projector: its macro precision, recall and F1 are on the Confusion tab, and this label stays empty (but shown,
so that the controller keeps drawing it and it fills in once the task turns to regression)."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from playground.gui.views import theme
from playground.gui.views.confusion_view import split_name
from playground.gui.views.loss_view import number
from playground.training.snapshot import Snapshot

METRICS = ("r2", "rmse", "mae")


class MetricsReadout(QLabel):
    """A small table: one column per metric, one row per split that has examples; empty for classifiers."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setFont(theme.small_font(self))
        self.setStyleSheet(f"color: {theme.TEXT}; padding-left: 4px;")
        self.setToolTip(self.tr(
            "R\u00b2: the share of the targets' variance the network explains (1 is perfect, 0 no better than "
            "predicting the mean). RMSE and MAE: the typical error, in the target's units."))

    def render(self, snapshot: Snapshot) -> None:
        values = snapshot.metrics
        rows = [(split_name(split), split) for split in ("train", "val") if f"{split}_r2" in values]
        if not rows:
            self.clear()
            return
        cell = "<td style='padding: 0 6px'>{}</td>"
        header = "".join(cell.format(name) for name in ("R\u00b2", "RMSE", "MAE"))
        body = "".join(
            "<tr>" + cell.format(html.escape(label)) +
            "".join(cell.format(_shown(values[f"{split}_{name}"])) for name in METRICS) + "</tr>"
            for label, split in rows)
        self.setText(f"<table><tr><td></td>{header}</tr>{body}</table>")


def _shown(value: float | None) -> str:
    return "\u2013" if value is None else number(value)
