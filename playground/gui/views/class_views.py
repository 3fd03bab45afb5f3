"""CLASSES: the confusion matrix on the validation split and, for image data (digits), what the first layer
looks for and which images the network gets wrong.

Each picture is one ImageItem with fixed levels, refilled per frame: the confusion counts on a white-to-blue
scale, the first layer's weights as one 8 x 8 tile per hidden unit (blue positive, orange negative, each
tile scaled by its own largest weight), the misclassified validation images in grey with "true -> predicted".
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from playground.gui.views import heatmap, theme
from playground.gui.views.frames import already_drawn
from playground.training.snapshot import Snapshot

MAX_WEIGHT_TILES = 32
MAX_MISTAKES = 12
TILE_COLUMNS = 8
MISTAKE_COLUMNS = 4         # wide enough tiles for a caption under each
GAP = 1                     # pixels between two tiles
CELL_TEXT_LIMIT = 12        # classes up to which each cell shows its count
MIN_HEIGHT = 760            # pixels: the matrix, the weight tiles and the mistakes, each large enough to read
_BLUE = heatmap.rgb(heatmap.POSITIVE)


def mosaic(tiles: np.ndarray, columns: int, fill: float = 255.0) -> np.ndarray:
    """Tiles [n, h, w, 4] laid out in rows of `columns` with GAP pixels between, as one [H, W, 4] image.

    Row 0 of the result is the top row of tiles: the caller shows it flipped (y grows upwards)."""
    n, h, w = tiles.shape[:3]
    rows = max(1, -(-n // columns))
    out = np.full((rows * (h + GAP) - GAP, columns * (w + GAP) - GAP, 4), fill, np.float64)
    out[..., 3] = 255.0
    for i, tile in enumerate(tiles):
        r, c = divmod(i, columns)
        out[r * (h + GAP):r * (h + GAP) + h, c * (w + GAP):c * (w + GAP) + w] = tile
    return out


def weight_tiles(weights: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """First-layer weights [units, pixels] as RGBA tiles [units, h, w, 4], each on its own signed scale."""
    rows = weights[:MAX_WEIGHT_TILES]
    reach = np.abs(rows).max(axis=1, keepdims=True)
    scaled = rows / np.where(reach > 0, reach, 1.0)
    return heatmap.signed_rgba(scaled.reshape(len(rows), *shape), lut=heatmap.POINT_LUT).astype(np.float64)


def grey_tiles(images: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """Raw images [n, pixels] as RGBA tiles, dark ink on white, on the set's common range."""
    if len(images) == 0:
        return np.zeros((0, *shape, 4))
    low, high = float(images.min()), float(images.max())
    ink = (images - low) / (high - low if high > low else 1.0)
    grey = 255.0 * (1.0 - ink.reshape(len(images), *shape))
    return np.stack([grey, grey, grey, np.full_like(grey, 255.0)], axis=-1)


def confusion_rgba(confusion: np.ndarray) -> np.ndarray:
    """Counts as white-to-blue cells, each row (true class) on its own scale: a row's share predicted per class."""
    totals = confusion.sum(axis=1, keepdims=True)
    share = confusion / np.where(totals > 0, totals, 1)
    rgb = 255.0 - share[..., None] * (255.0 - _BLUE)
    return np.concatenate([rgb, np.full(share.shape + (1,), 255.0)], axis=-1)


def picture(title: str, tip: str) -> tuple[pg.PlotItem, pg.ImageItem]:
    plot = pg.PlotItem(title=title)
    plot.setToolTip(tip)
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.getViewBox().setMouseEnabled(x=False, y=False)
    plot.getViewBox().setAspectLocked(True)
    plot.getViewBox().disableAutoRange()  # the captions would widen an automatic range; each picture sets its own
    image = pg.ImageItem(axisOrder="row-major")
    plot.addItem(image)
    return plot, image


def fit(plot: pg.PlotItem, image: np.ndarray) -> None:
    plot.getViewBox().setRange(xRange=(0, image.shape[1]), yRange=(0, image.shape[0]), padding=0.02)


def draw_confusion(plot: pg.PlotItem, image: pg.ImageItem, texts: list[pg.TextItem], confusion: np.ndarray,
                   names: tuple[str, ...], font: QFont) -> None:
    """A confusion matrix (rows = true class) into a picture(): shaded cells, their counts, class names on the axes."""
    cells = confusion_rgba(confusion)
    dark = cells[..., 0] < 160  # white counts on the darker blues
    image.setImage(cells, levels=(0, 255))
    fit(plot, cells)
    classes = len(confusion)
    # Long names overlap side by side under the columns: there the columns take the class numbers.
    short = max(len(n) for n in names) <= 3
    bottom = [(i + 0.5, n if short else str(i)) for i, n in enumerate(names)]
    left = [(i + 0.5, n if short else f"{n} ({i})") for i, n in enumerate(names)]
    plot.getAxis("bottom").setTicks([bottom])
    plot.getAxis("left").setTicks([left])
    wanted = classes * classes if classes <= CELL_TEXT_LIMIT else 0
    ensure_texts(texts, wanted, plot, font)
    for k, text in enumerate(texts):
        r, c = divmod(k, classes)
        text.setColor("w" if dark[r, c] else theme.TEXT)
        text.setText(str(int(confusion[r, c])))
        text.setPos(c + 0.5, r + 0.5)


def ensure_texts(texts: list[pg.TextItem], count: int, plot: pg.PlotItem, font: QFont, anchor=(0.5, 0.5)) -> None:
    """Keep exactly `count` reusable text items on the plot."""
    while len(texts) < count:
        text = pg.TextItem(color=theme.TEXT, anchor=anchor)
        text.setFont(font)
        plot.addItem(text)
        texts.append(text)
    while len(texts) > count:
        plot.removeItem(texts.pop())


class ClassViews(QWidget):
    """Renders Snapshot.classes and, where DataView.image_shape is set, the weight and mistake mosaics."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        theme.light_background(self)
        self._drawn: Snapshot | None = None
        self._cell_texts: list[pg.TextItem] = []
        self._mistake_texts: list[pg.TextItem] = []
        pg.setConfigOptions(antialias=True, background=theme.BACKGROUND, foreground=theme.TEXT)
        self.canvas = pg.GraphicsLayoutWidget()
        self.confusion_plot, self.confusion = picture(self.tr("Confusion matrix"), self.tr(
            "Validation examples counted by true class (rows) and predicted class (columns): the diagonal is right, "
            "the rest shows which classes the network mixes up. Each row is shaded by its own share."))
        self.confusion_plot.getViewBox().invertY(True)
        for side, text in (("left", self.tr("true class")), ("bottom", self.tr("predicted class"))):
            self.confusion_plot.setLabel(side, text)
        self.weights_plot, self.weights = picture(self.tr("First-layer weights"), self.tr(
            "One tile per hidden unit of the first layer: the pixels that raise its output (blue) or lower it "
            "(orange). Each tile is scaled by its own largest weight."))
        self.mistakes_plot, self.mistakes = picture(self.tr("Mistakes"), self.tr(
            "Validation images the network gets wrong, each captioned true \u2192 predicted class."))
        for plot in (self.weights_plot, self.mistakes_plot):
            plot.hideAxis("left")
            plot.hideAxis("bottom")
            plot.getViewBox().invertY(True)
        self.canvas.addItem(self.confusion_plot, row=0, col=0)
        self.canvas.addItem(self.weights_plot, row=1, col=0)
        self.canvas.addItem(self.mistakes_plot, row=2, col=0)
        self.canvas.ci.layout.setRowStretchFactor(0, 3)  # the matrix needs room for its counts
        for row in (1, 2):
            self.canvas.ci.layout.setRowStretchFactor(row, 2)
        self.note = QLabel(wordWrap=True)
        self.note.setStyleSheet(f"color: {theme.MUTED}; padding: 8px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        # Three pictures do not fit a narrow tab legibly: they keep a readable height and the page scrolls.
        self.canvas.setMinimumHeight(MIN_HEIGHT)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.canvas)
        layout.addWidget(self.note)
        layout.addWidget(scroll, 1)
        self.clear()

    def clear(self) -> None:
        self._drawn = None
        for image in (self.confusion, self.weights, self.mistakes):
            image.clear()
        self._show_note(self.tr("Train a classifier: its confusion matrix appears here."))

    def _show_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def render(self, snapshot: Snapshot) -> None:
        if already_drawn(snapshot, self._drawn):
            return
        self._drawn = snapshot
        probe, data = snapshot.classes, snapshot.data
        images = len(data.image_shape) == 2 and snapshot.layers and snapshot.layers[0].weights.shape[1] == \
            data.image_shape[0] * data.image_shape[1]
        self.weights_plot.setVisible(bool(images))
        self.mistakes_plot.setVisible(bool(images))
        self.canvas.setMinimumHeight(MIN_HEIGHT if images else MIN_HEIGHT // 3)
        if probe is None:
            self._show_note(self.tr("A regression has no classes to confuse.") if data.task == "regression"
                            else self.tr("No validation split: set a validation share in DATA."))
            self.confusion.clear()
        else:
            self._show_note("")
            self._show_confusion(probe.confusion, data.class_names)
        if images:
            self._show_weights(snapshot.layers[0].weights, data.image_shape)
            if probe is not None:
                self._show_mistakes(snapshot, data.image_shape)

    def _show_confusion(self, confusion: np.ndarray, names: tuple[str, ...]) -> None:
        draw_confusion(self.confusion_plot, self.confusion, self._cell_texts, confusion, names, theme.small_font(self))

    def _show_weights(self, weights: np.ndarray, shape: tuple[int, int]) -> None:
        tiles = weight_tiles(weights, shape)
        picture = mosaic(tiles, min(TILE_COLUMNS, len(tiles)))
        self.weights.setImage(picture, levels=(0, 255))
        fit(self.weights_plot, picture)

    def _show_mistakes(self, snapshot: Snapshot, shape: tuple[int, int]) -> None:
        probe, data = snapshot.classes, snapshot.data
        truth = data.y_val[:probe.rows]
        wrong = np.flatnonzero(probe.predicted != truth)[:MAX_MISTAKES]
        ensure_texts(self._mistake_texts, len(wrong), self.mistakes_plot, theme.small_font(self), anchor=(0.5, 0.0))
        if len(wrong) == 0:
            self.mistakes.clear()
            self.mistakes_plot.setTitle(self.tr("No mistakes"))
            return
        self.mistakes_plot.setTitle(self.tr("Mistakes: {count} of {rows}").format(
            count=int((probe.predicted != truth).sum()), rows=probe.rows))
        # A strip under each image holds its caption.
        tiles = grey_tiles(data.x_val[wrong], shape)
        strip = np.full((len(tiles), shape[0] // 2, shape[1], 4), 255.0)
        picture = mosaic(np.concatenate([tiles, strip], axis=1), MISTAKE_COLUMNS)
        self.mistakes.setImage(picture, levels=(0, 255))
        fit(self.mistakes_plot, picture)
        h, w = shape[0] + shape[0] // 2 + GAP, shape[1] + GAP
        for i, (text, row) in enumerate(zip(self._mistake_texts, wrong)):
            r, c = divmod(i, MISTAKE_COLUMNS)
            text.setText(f"{data.class_names[truth[row]]}\u2192{data.class_names[probe.predicted[row]]}")
            text.setPos(c * w + shape[1] / 2, r * h + shape[0])

