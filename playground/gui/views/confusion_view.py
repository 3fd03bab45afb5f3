"""CONFUSION: one split's confusion matrix (rows = true class, columns = predicted) with its macro precision,
recall and F1, drawn from Snapshot.metrics; a split selector picks train, validation or test."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from playground.gui.views import theme
from playground.gui.views.class_views import draw_confusion, picture
from playground.gui.views.frames import already_drawn
from playground.training.snapshot import Snapshot

SPLITS = ("train", "val", "test")


def split_name(split: str) -> str:
    """The split as the loss chart's legend names it, in its translation context."""
    return {"train": QCoreApplication.translate("LossView", "train"),
            "val": QCoreApplication.translate("LossView", "validation"),
            "test": QCoreApplication.translate("LossView", "test")}[split]


def _classes_tr(text: str) -> str:
    """A string the Classes tab shows too, in its translation context: one translation serves both."""
    return QCoreApplication.translate("ClassViews", text)


class ConfusionView(QWidget):
    """Renders Snapshot.metrics' <split>_confusion, _precision, _recall and _f1 for the chosen split."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        theme.light_background(self)
        self._drawn: Snapshot | None = None
        self._cell_texts: list[pg.TextItem] = []
        self.split = QComboBox()
        for split in SPLITS:
            self.split.addItem(split_name(split), split)
        self.split.setCurrentIndex(SPLITS.index("val"))
        self.split.setToolTip(self.tr("The examples counted: the ones trained on, or the held-out validation or test "
                                      "examples that show how the network does on data it has not seen."))
        self.split.currentIndexChanged.connect(self._split_changed)
        self.scores = QLabel(wordWrap=True)
        self.scores.setToolTip(self.tr(
            "Precision: of the examples predicted as a class, the share that are that class. Recall: of a class's "
            "examples, the share predicted as it. F1: their harmonic mean. Each is averaged over the classes (macro), "
            "every class counting equally; a class never predicted has precision 0."))
        self.note = QLabel(wordWrap=True)
        self.note.setStyleSheet(f"color: {theme.MUTED}; padding: 8px;")
        pg.setConfigOptions(antialias=True, background=theme.BACKGROUND, foreground=theme.TEXT)
        self.canvas = pg.GraphicsLayoutWidget()
        self.plot, self.image = picture(_classes_tr("Confusion matrix"), self.tr(
            "Examples counted by true class (rows) and predicted class (columns): the diagonal is right, the rest "
            "shows which classes the network mixes up. Each row is shaded by its own share."))
        self.plot.getViewBox().invertY(True)
        self.plot.setLabel("left", _classes_tr("true class"))
        self.plot.setLabel("bottom", _classes_tr("predicted class"))
        self.canvas.addItem(self.plot)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Examples:")))
        top.addWidget(self.split)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.scores)
        layout.addWidget(self.note)
        layout.addWidget(self.canvas, 1)
        layout.addStretch(0)  # takes the room only while the matrix is hidden: the note stays at the top
        self.clear()

    def chosen_split(self) -> str:
        return self.split.currentData()

    def clear(self) -> None:
        self._drawn = None
        self.image.clear()
        self.scores.clear()
        self._show_note(_classes_tr("Train a classifier: its confusion matrix appears here."))

    def _split_changed(self) -> None:
        drawn, self._drawn = self._drawn, None
        if drawn is not None:
            self.render(drawn)

    def render(self, snapshot: Snapshot) -> None:
        if already_drawn(snapshot, self._drawn):
            return
        self._drawn = snapshot
        split = self.chosen_split()
        confusion = snapshot.metrics.get(f"{split}_confusion")
        if snapshot.data.task == "regression" or confusion is None:
            self.image.clear()
            self.canvas.setVisible(False)
            self.scores.clear()
            self._show_note(self.tr("The confusion matrix is for classification: this network predicts numbers "
                                    "(see R\u00b2, RMSE and MAE beside the loss chart).")
                            if snapshot.data.task == "regression" else
                            self.tr("The {split} split has no examples.").format(split=split_name(split)))
            return
        self._show_note("")
        self.canvas.setVisible(True)
        counts = np.asarray(confusion)
        draw_confusion(self.plot, self.image, self._cell_texts, counts, snapshot.data.class_names,
                       theme.small_font(self))
        total = int(counts.sum())
        self.scores.setText(self.tr(
            "precision {precision} \u00b7 recall {recall} \u00b7 F1 {f1} (macro)\n"
            "{count} {split} examples, accuracy {accuracy}").format(
            split=split_name(split), count=total, precision=score(snapshot.metrics[f"{split}_precision"]),
            recall=score(snapshot.metrics[f"{split}_recall"]), f1=score(snapshot.metrics[f"{split}_f1"]),
            accuracy=f"{100 * np.trace(counts) / total:.1f} %"))

    def _show_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))


def score(value: float | None) -> str:
    """A score between 0 and 1 with three decimals; a dash where there is none (a diverged network)."""
    return "\u2013" if value is None or not np.isfinite(value) else f"{value:.3f}"
