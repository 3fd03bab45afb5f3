"""The window in a classroom: it fits a projector, presents large, paces itself and stops where a lesson ends.

The screenshot flags are tested at the end of test_main_window.py: they run the application's event
loop, after which a new window in the same process gets no frames.
"""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QScrollArea,
    QWidget,
)
from window_helpers import WAIT_MS, epoch, pick

from playground.config.experiment import Experiment
from playground.gui import presentation
from playground.gui.main_window import SPEED_KEY, MainWindow

CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QAbstractSlider)


def settle(window, size: tuple[int, int]) -> None:
    window.resize(*size)
    for _ in range(5):
        QApplication.processEvents()


def _in_window(window: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def unreachable(window: QWidget) -> list[str]:
    """Shown controls that lie outside the window or outside what their scroll area can show."""
    out = []
    frame = window.rect()
    for control in window.findChildren(QWidget):
        if not isinstance(control, CONTROLS) or not control.isVisibleTo(window) or control.window() is not window:
            continue
        holder, parent = control, control.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        # Inside a scroll area the control is reachable by scrolling: the area itself must be in the window.
        holder = parent.viewport() if parent is not None else control
        if holder.width() == 0 or not frame.contains(_in_window(window, holder)):
            out.append(f"{type(control).__name__} {control.objectName() or control.toolTip()[:30]!r}")
    return out


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720)])
@pytest.mark.parametrize("presenting", [False, True])
def test_every_control_is_reachable_on_a_projector(qtbot, open_window, size, presenting):
    window = open_window()
    window.set_presentation(presenting)
    settle(window, size)
    hint = window.minimumSizeHint()
    assert hint.width() <= size[0] and hint.height() <= size[1]
    assert (window.width(), window.height()) == size
    assert unreachable(window) == []
    # Every tab title is in sight: none hides behind scroll arrows.
    buttons = window.tab_strip.buttons()
    assert len(buttons) == window.tabs.count()
    assert all(button.isVisible() and window.rect().contains(_in_window(window, button)) for button in buttons)
    strip = _in_window(window, window.tab_strip)
    assert strip.bottom() < _in_window(window, window.tabs).top()  # wrapped rows never cover the page


def test_show_tab_finds_tabs_by_key_including_added_ones(qtbot, open_window):
    window = open_window()
    assert window.tab_keys()[:2] == ["loss", "gradients"]
    assert window.show_tab("bias_variance") and window.tabs.currentWidget() is window.diagnostics.bias_variance
    page = QWidget()
    window.add_tab(page, "Later", key="later")
    assert window.show_tab("later") and window.tabs.currentWidget() is page
    qtbot.waitUntil(lambda: window.tab_strip.buttons()[-1].text() == "Later", timeout=WAIT_MS)
    window.tab_strip.buttons()[0].click()
    assert window.tabs.currentIndex() == 0
    assert not window.show_tab("no-such-tab")


def test_presentation_scales_fonts_and_folds_the_settings(qtbot, open_window):
    window = open_window()
    axis = window.loss_view.findChildren(presentation.pg.GraphicsView)[0].getPlotItem().getAxis("left")
    watched = [window, window.top_bar.epoch_label, window.top_bar.speed, window.tab_strip.buttons()[0]]
    before = [widget.font().pointSizeF() for widget in watched]
    base = window.font().pointSizeF()
    header = window.network_view._layout.body_top
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.presenting and window.presentation_action.isChecked()
    assert [widget.font().pointSizeF() for widget in watched] == pytest.approx([1.5 * b for b in before])
    assert axis.style["tickFont"].pointSizeF() == pytest.approx(1.5 * base)
    assert not window.settings_dock.isVisible() and not window.columns.widget(0).isVisible()
    # The network's column headers make room for their larger text above the first neurons.
    assert window.network_view._layout.body_top > header
    # The counter keeps room for its widest text at the larger size.
    label = window.top_bar.epoch_label
    assert label.width() >= label.fontMetrics().horizontalAdvance(label.text())
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert not window.presenting
    assert [widget.font().pointSizeF() for widget in watched] == pytest.approx(before)
    assert axis.style["tickFont"] is None
    assert window.network_view._layout.body_top == header
    assert window.settings_dock.isVisible() and window.columns.widget(0).isVisible()


def test_the_speed_is_applied_and_remembered(qtbot, open_window, tmp_path, monkeypatch):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = open_window(settings=settings)
    assert window.controller.speed == "epochs-60"  # TF Playground's pace: the classroom default
    sent = []
    monkeypatch.setattr(window.controller.session, "pace", lambda *rates: sent.append(rates))
    pick(window.top_bar.speed, "full")
    assert window.controller.speed == "full" and sent == [(None, None)]
    pick(window.top_bar.speed, "steps-2")
    assert sent[-1] == (2.0, None) and settings.value(SPEED_KEY) == "steps-2"
    window.close()
    again = open_window(settings=settings)
    assert again.controller.speed == "steps-2"
    assert again.top_bar.speed.currentData() == "steps-2"


def test_play_stops_at_the_experiments_epochs_and_offers_to_go_on(qtbot, open_window, tiny_experiment):
    window = open_window(tiny_experiment(epochs=3))
    controller, panel = window.controller, window.settings_panel
    said = []
    controller.message.connect(lambda text, severity: said.append(text))
    assert panel.stop_enabled.isChecked() and panel.stop_at.value() == 3
    controller.set_speed("full")
    controller.play()
    qtbot.waitUntil(lambda: controller.state == "finished" and epoch(window) == 3, timeout=WAIT_MS)
    assert not controller.playing and "Press Play to train on" in said[-1]
    assert window.banner.isVisible()
    panel.stop_at.setValue(5)  # a later end: Play trains to it, not past it
    controller.play()
    qtbot.waitUntil(lambda: controller.state == "finished" and epoch(window) == 5, timeout=WAIT_MS)
    controller.play()  # on past the end
    qtbot.waitUntil(lambda: epoch(window) > 6, timeout=WAIT_MS)
    assert controller.stop_at_epoch is None and not panel.stop_enabled.isChecked() and said[-1] == ""
    controller.pause()
    controller.reset()  # a fresh run ends where the experiment does again
    assert controller.stop_at_epoch == 3 and panel.stop_enabled.isChecked()
    window.controller.replace(tiny_experiment(epochs=7))
    assert controller.stop_at_epoch == 7 and panel.stop_at.value() == 7


# -- small things a classroom runs into -----------------------------------------------------------
def test_escape_leaves_a_text_field_so_that_space_plays_again(qtbot, open_window):
    window = open_window()
    field = window.settings_panel.number_fields["training.l1"]
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=WAIT_MS)
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert not field.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.controller.state == "running", timeout=WAIT_MS)


def test_file_new_restores_the_defaults(qtbot, open_window, tiny_experiment):
    window = open_window(tiny_experiment(epochs=3, **{"data.dataset": "xor"}))
    window.file_menu.new()
    assert window.controller.experiment == Experiment()
    assert window.controller.stop_at_epoch == Experiment().training.epochs
    assert window.top_bar.lr_now.text() == ""  # a constant rate is the one in the box: nothing more to say


def test_a_remembered_experiment_that_no_longer_builds_falls_back_with_a_note(qtbot, tiny_experiment, tmp_path):
    gone = tiny_experiment(**{"data.dataset": "csv", "data.csv_path": str(tmp_path / "moved.csv")})
    window = MainWindow(gone)
    qtbot.addWidget(window)
    try:
        window.fall_back_when_broken()
        window.show()
        qtbot.waitUntil(lambda: window.controller.experiment == Experiment(), timeout=WAIT_MS)
        qtbot.waitUntil(lambda: window.controller.snapshot is not None, timeout=WAIT_MS)
        assert "could not be opened" in window.banner.text() and "moved.csv" in window.banner.text()
        assert window.controller.state == "idle"
    finally:
        window.close()


def test_other_data_drop_the_presets_title_and_lesson(qtbot, open_window):
    from playground.config import presets
    lesson = presets.load("lesson-vanishing-gradients")
    window = open_window(lesson)
    assert lesson.name in window.windowTitle() and window.diagnostics.lesson.isVisible()
    window.data_panel.picker.buttons["xor"].click()
    assert window.controller.experiment.data.dataset == "xor"
    assert window.windowTitle() == "Neural Playground" and not window.diagnostics.lesson.isVisible()
    assert window.controller.experiment.network == lesson.network  # the rest of the experiment stays


def test_an_exploding_loss_keeps_its_column_narrow():
    from playground.gui.panels.output_panel import OutputPanel
    panel = OutputPanel()
    snapshot = SimpleNamespace(test_loss=12345678901234567890123456.0, train_loss=float("inf"), data=None,
                               train_accuracy=None)
    panel._show_losses(snapshot)
    assert panel.losses.text() == "Test loss 1.23e+25\nTraining loss \u2013"


def test_the_scheduled_learning_rate_is_shown(qtbot, open_window, tiny_experiment):
    window = open_window(tiny_experiment(epochs=50, **{"training.schedule.name": "exponential",
                                                       "training.schedule.hyper": {"gamma": 0.5}}))
    assert window.top_bar.lr_now.text() == "learning rate now 0.03"
    window.controller.set_speed("full")
    window.controller.play()
    qtbot.waitUntil(lambda: epoch(window) >= 3, timeout=WAIT_MS)
    window.controller.pause()
    qtbot.waitUntil(lambda: window.controller.snapshot.state == "paused", timeout=WAIT_MS)
    shown = window.controller.snapshot
    expected = 0.03 * 0.5 ** shown.epoch  # the schedule's formula: lr0 * gamma^epoch
    assert window.top_bar.lr_now.text() == f"learning rate now {expected:.3g}"
