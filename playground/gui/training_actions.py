"""The training commands as QActions with their keys: the top bar's buttons and the menu share them.

Space plays or pauses, Right steps one batch, Shift+Right one epoch, R resets, G regenerates.
The keys are window shortcuts, so a text field that takes typing keeps its own keys.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPixmap, QPolygonF

from playground.gui.controller import Controller

ICON_SIZE = 64


def _icon(paint) -> QIcon:
    pixmap = QPixmap(ICON_SIZE, ICON_SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("white"))
    paint(painter, ICON_SIZE)
    painter.end()
    return QIcon(pixmap)


def play_icon() -> QIcon:
    return _icon(lambda p, s: p.drawPolygon(QPolygonF([QPointF(s * 0.3, s * 0.2), QPointF(s * 0.82, s * 0.5),
                                                        QPointF(s * 0.3, s * 0.8)])))


def pause_icon() -> QIcon:
    def paint(p: QPainter, s: int) -> None:
        p.drawRect(QRectF(s * 0.25, s * 0.2, s * 0.17, s * 0.6))
        p.drawRect(QRectF(s * 0.58, s * 0.2, s * 0.17, s * 0.6))
    return _icon(paint)


class TrainingActions(QObject):
    def __init__(self, controller: Controller, parent: QObject):
        super().__init__(parent)
        self.controller = controller
        self.play = self._action(self.tr("Play"), "Space", controller.toggle_play,
                                 self.tr("Start or pause training (Space)."))
        self.step = self._action(self.tr("Step"), "Right", controller.step,
                                 self.tr("Train on one batch, then pause, to watch a single update (Right arrow)."))
        self.step_epoch = self._action(self.tr("Step epoch"), "Shift+Right", controller.step_epoch,
                                       self.tr("Train until every training example was seen once more, then pause "
                                               "(Shift+Right)."))
        self.reset = self._action(self.tr("Reset"), "R", controller.reset,
                                  self.tr("Start over with fresh weights from the same seed: the same start as before "
                                          "(R)."))
        self.regenerate = self._action(self.tr("Regenerate"), "G", controller.regenerate,
                                       self.tr("Draw new data from the next data seed, then start over (G)."))
        self.show_state(controller.state)
        controller.state_changed.connect(self.show_state)

    def _action(self, text: str, key: str, slot, tip: str) -> QAction:
        action = QAction(text, self.parent())
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def all(self) -> list[QAction]:
        return [self.play, self.step, self.step_epoch, self.reset, self.regenerate]

    def show_state(self, state: str) -> None:
        running = state == "running" or self.controller.playing
        self.play.setText(self.tr("Pause") if running else self.tr("Play"))
        self.play.setIcon(pause_icon() if running else play_icon())
