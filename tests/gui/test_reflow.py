"""On a 1024x768 projector the narrow columns reflow instead of cutting their contents or scrolling sideways."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication, QScrollArea

from playground.config.experiment import Experiment
from playground.gui.diagnostics.error_ladder import ErrorLadder


def test_the_ladder_puts_labels_over_bars_when_a_row_does_not_fit(qtbot):
    ladder = ErrorLadder()
    qtbot.addWidget(ladder)
    row = ladder.fontMetrics().lineSpacing() + 6
    label = max(ladder.fontMetrics().horizontalAdvance(text) for text in ladder._labels())
    assert ladder.heightForWidth(label * 4) == 5 * row       # label, bar and value side by side
    assert ladder.heightForWidth(label + 10) == 8 * row      # each label on a line above its bar
    assert ladder.minimumSizeHint().width() <= label + 60


def _sideways(area: QScrollArea) -> int:
    return area.horizontalScrollBar().maximum()


def test_at_1024_adams_fields_show_whole_and_no_column_scrolls_sideways(qtbot, open_window):
    window = open_window(Experiment().with_changes(**{"training.optimizer.name": "adam"}))
    window.resize(1024, 768)
    window.show_tab("bias_variance")
    for _ in range(10):
        QApplication.processEvents()
    assert window.width() == 1024
    fields = window.settings_panel.optimizer.fields
    assert set(fields) == {"beta1", "beta2", "eps"}
    for field in fields.values():
        assert field.width() >= field.fontMetrics().horizontalAdvance("0.999999")
        assert field.visibleRegion().boundingRect().size() == field.size()  # nothing covers or clips it
    page = window.diagnostics.bias_variance.findChild(QScrollArea)
    network = window.network_view.parentWidget().parentWidget()
    assert isinstance(network, QScrollArea)
    assert _sideways(page) == 0 and _sideways(network) == 0
