"""The main window driven as a student would: buttons, keys and typed values, on the real training session."""
from __future__ import annotations

import json
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTranslator
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox
from window_helpers import WAIT_MS, epoch, pick, shown_snapshot, training_threads

from playground.config import catalog
from playground.config.experiment import Experiment
from playground.gui import app as gui_app
from playground.gui import notice_texts
from playground.gui.main_window import EXPERIMENT_KEY, MainWindow


def play_until_epoch(qtbot, window: MainWindow, target: int) -> None:
    if not window.controller.playing:
        qtbot.mouseClick(window.top_bar.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: epoch(window) >= target, timeout=WAIT_MS)


def type_into(qtbot, line_edit, text: str) -> None:
    line_edit.setFocus()
    line_edit.selectAll()
    qtbot.keyClicks(line_edit, text)
    qtbot.keyClick(line_edit, Qt.Key.Key_Return)


# -- training and drawing ----------------------------------------------------------
def test_play_trains_and_the_plots_follow(qtbot, open_window):
    window = open_window()
    surface = window.output_panel.view.surface
    first_image = np.array(surface.image, copy=True)
    assert len(window.loss_view.loss_curves["train"].getData()[0] or []) == 0

    play_until_epoch(qtbot, window, 6)

    def changed() -> bool:
        x, _ = window.loss_view.loss_curves["train"].getData()
        return x is not None and len(x) > 5 and not np.array_equal(surface.image, first_image)
    qtbot.waitUntil(changed, timeout=WAIT_MS)
    assert window.controller.state == "running"
    assert "Epoch" in window.top_bar.epoch_label.text()
    assert window.controller.frames > 1


def test_plus_buttons_add_a_layer_and_a_neuron(qtbot, open_window):
    window = open_window()
    session = window.controller.session
    qtbot.mouseClick(window.network_view.add_layer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(session.experiment.network.layers) == 3
                    and len(shown_snapshot(window).layers) == 4, timeout=WAIT_MS)
    assert [layer.units for layer in session.experiment.network.layers] == [4, 2, 2]

    qtbot.waitUntil(lambda: len(window.network_view.unit_buttons) == 3, timeout=WAIT_MS)
    add_neuron, _ = window.network_view.unit_buttons[0]
    qtbot.mouseClick(add_neuron, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shown_snapshot(window).layers[0].units == 5, timeout=WAIT_MS)
    assert [layer.units for layer in session.experiment.network.layers] == [5, 2, 2]
    assert window.layer_editor.widths.text() == "5, 2, 2"


def test_a_deep_wide_network_from_the_widths_field(qtbot, open_window):
    window = open_window()
    type_into(qtbot, window.layer_editor.widths, "512x32")
    qtbot.waitUntil(lambda: len(shown_snapshot(window).layers) == 33, timeout=WAIT_MS)
    assert [layer.units for layer in window.controller.session.experiment.network.layers] == [512] * 32
    assert window.layer_editor.model.rowCount() == 32


def test_layer_table_edits_reach_the_model(qtbot, open_window):
    window = open_window()
    model = window.layer_editor.model
    model.setData(model.index(1, 0), 7)
    model.setData(model.index(0, 3), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    model.setData(model.index(1, 4), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    qtbot.waitUntil(lambda: shown_snapshot(window).layers[1].units == 7 and shown_snapshot(window).layers[1].residual,
                    timeout=WAIT_MS)
    layers = window.controller.session.experiment.network.layers
    assert (layers[1].units, layers[0].batch_norm, layers[1].residual, layers[0].residual) == (7, True, True, False)


def test_changing_the_activation_starts_over(qtbot, open_window):
    window = open_window()
    play_until_epoch(qtbot, window, 3)
    pick(window.top_bar.activation, "relu")
    qtbot.waitUntil(lambda: epoch(window) == 0 and shown_snapshot(window).layers[0].activation == "relu",
                    timeout=WAIT_MS)
    assert {layer.activation for layer in window.controller.session.experiment.network.layers} == {"relu"}
    assert window.controller.state != "running"


def test_learning_rate_changes_live_without_a_reset(qtbot, open_window):
    window = open_window()
    play_until_epoch(qtbot, window, 3)
    type_into(qtbot, window.top_bar.learning_rate.lineEdit(), "0.1")
    session = window.controller.session
    qtbot.waitUntil(lambda: shown_snapshot(window).lr == pytest.approx(0.1), timeout=WAIT_MS)
    assert session.experiment.training.optimizer.lr == pytest.approx(0.1)
    changed_at = epoch(window)
    assert changed_at >= 3, "a reset would have taken the epoch back to 0"
    qtbot.waitUntil(lambda: epoch(window) > changed_at + 2, timeout=WAIT_MS)
    assert window.controller.state == "running"


def test_regularization_applies_live(qtbot, open_window):
    window = open_window()
    play_until_epoch(qtbot, window, 2)
    pick(window.top_bar.regularization, "l2")
    type_into(qtbot, window.top_bar.regularization_rate.lineEdit(), "0.03")
    session = window.controller.session
    qtbot.waitUntil(lambda: session.experiment.training.l2 == pytest.approx(0.03), timeout=WAIT_MS)
    assert session.experiment.training.l1 == 0
    changed_at = epoch(window)
    assert changed_at >= 2, "a reset would have taken the epoch back to 0"
    # Training goes on with the penalty: epochs keep coming and nothing fails at an epoch's end.
    qtbot.waitUntil(lambda: epoch(window) > changed_at + 2 or window.controller.state != "running", timeout=WAIT_MS)
    assert window.controller.state == "running", window.banner.text()


@pytest.mark.parametrize("text, says", [("abc", "not a number"), ("500", "at most 100"), ("0", "above 0")])
def test_an_invalid_learning_rate_is_refused_with_a_message(qtbot, open_window, text, says):
    window = open_window()
    type_into(qtbot, window.top_bar.learning_rate.lineEdit(), text)
    assert says in window.banner.text()
    assert window.banner.severity == "warning"
    assert window.controller.experiment.training.optimizer.lr == 0.03
    assert window.top_bar.learning_rate.lineEdit().text() == "0.03"
    type_into(qtbot, window.top_bar.learning_rate.lineEdit(), "0.3")
    assert window.banner.text() == ""
    assert window.controller.experiment.training.optimizer.lr == 0.3


def test_invalid_widths_are_refused(qtbot, open_window):
    window = open_window()
    type_into(qtbot, window.layer_editor.widths, "4, lots")
    assert "lots" in window.banner.text()
    assert window.layer_editor.widths.text() == "4, 2"
    assert [layer.units for layer in window.controller.experiment.network.layers] == [4, 2]


def test_optimizer_form_is_generated_from_the_catalog(qtbot, open_window):
    window = open_window()
    form = window.settings_panel.optimizer
    assert form.fields == {}
    pick(form.choice, "adam")
    assert list(form.fields) == [h.name for h in catalog.OPTIMIZERS["adam"]]
    assert form.fields["beta1"].text() == "0.9"
    assert "running mean" in form.fields["beta1"].toolTip()
    type_into(qtbot, form.fields["beta1"], "0.8")
    qtbot.waitUntil(lambda: window.controller.session.experiment.training.optimizer.hyper == {"beta1": 0.8},
                    timeout=WAIT_MS)
    assert window.controller.session.experiment.training.optimizer.name == "adam"
    type_into(qtbot, form.fields["beta2"], "2")
    assert "between 0 and 0.999999" in window.banner.text()


def test_divergence_stops_training_with_a_visible_error(qtbot, open_window):
    window = open_window(Experiment().with_changes(**{"data.dataset": "reg-plane", "training.optimizer.lr": 10.0}))
    qtbot.mouseClick(window.top_bar.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.controller.state == "diverged", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "diverged" in window.banner.text(), timeout=WAIT_MS)
    assert window.banner.severity == "error"
    assert not window.controller.playing
    assert window.top_bar.state_label.text() == "Diverged"
    qtbot.keyClick(window, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: window.controller.state == "idle", timeout=WAIT_MS)


def test_a_loss_that_blows_up_without_nan_stops_with_the_engine_notice_in_the_banner(qtbot, open_window):
    window = open_window(Experiment().with_changes(**{"training.optimizer.lr": 100.0,
                                                      "network.init": {"scheme": "normal", "scale": 100.0}}))
    qtbot.mouseClick(window.top_bar.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.controller.state == "diverged", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "guessing" in window.banner.text(), timeout=WAIT_MS)
    assert window.banner.severity == "error" and "smaller learning rate" in window.banner.text()


def test_import_csv_asks_for_the_file_and_the_label_column(qtbot, open_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QInputDialog
    table = tmp_path / "table.csv"
    table.write_text("kind,a,b\n" + "".join(f"{'cat' if i % 3 else 'dog'},{i % 7},{i % 5}\n" for i in range(30)))
    offered = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(table), ""))
    monkeypatch.setattr(QInputDialog, "getItem", lambda parent, title, label, items, current, editable:
                        (offered.extend(items) or "kind", True))
    window = open_window()
    qtbot.mouseClick(window.data_panel.import_button, Qt.MouseButton.LeftButton)
    assert offered == ["kind", "a", "b"]
    data = window.controller.experiment.data
    assert (data.dataset, data.csv_path, data.label_column) == ("csv", str(table), "kind")
    qtbot.waitUntil(lambda: shown_snapshot(window).data.class_names == ("cat", "dog"), timeout=WAIT_MS)

    empty = tmp_path / "empty.csv"
    empty.write_text("")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(empty), ""))
    qtbot.mouseClick(window.data_panel.import_button, Qt.MouseButton.LeftButton)
    assert "empty.csv is empty" in window.banner.text()
    assert window.controller.experiment.data.csv_path == str(table)


def test_a_bad_csv_row_shows_the_engine_message(qtbot, open_window, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b,label\n1,2,x\n3,oops,y\n")
    window = open_window()
    window.data_panel.csv.use(str(bad), ["a", "b", "label"])
    qtbot.waitUntil(lambda: window.controller.state == "error", timeout=WAIT_MS)
    assert "oops" in window.banner.text() and window.banner.severity == "error"


def test_a_bad_csv_clears_the_previous_runs_plots(qtbot, open_window, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b,label\n1,2,x\n3,oops,y\n")
    window = open_window()
    train_points = lambda: window.loss_view.loss_curves["train"].getData()[0]
    play_until_epoch(qtbot, window, 3)
    qtbot.waitUntil(lambda: train_points() is not None and len(train_points()) > 0, timeout=WAIT_MS)
    window.data_panel.csv.use(str(bad), ["a", "b", "label"])
    qtbot.waitUntil(lambda: window.controller.state == "error", timeout=WAIT_MS)
    assert window.controller.snapshot is None
    assert window.top_bar.epoch_label.text() == window.top_bar._epoch_text(0)
    assert train_points() is None or len(train_points()) == 0
    assert window.output_panel.view.surface.image is None and window.network_view._snapshot is None
    assert window.output_panel.losses.text() == "Test loss \u2013\nTraining loss \u2013"


def test_a_good_csv_trains(qtbot, open_window, tmp_path):
    good = tmp_path / "flowers.csv"
    good.write_text("a,b,label\n" + "".join(f"{i % 7},{i % 5},{'yes' if i % 2 else 'no'}\n" for i in range(40)))
    window = open_window()
    window.data_panel.csv.use(str(good), ["a", "b", "label"])
    qtbot.waitUntil(lambda: shown_snapshot(window).data.input_names == ("a", "b"), timeout=WAIT_MS)
    assert window.data_panel.picker.current() is None


def test_a_csv_is_standardized_unless_turned_off_and_then_badly_scaled_features_get_a_note(qtbot, open_window, tmp_path):
    table = tmp_path / "scales.csv"
    table.write_text("income,ratio,label\n" + "".join(f"{1e5 * (i % 7)},{(i % 5) / 10},{'yes' if i % 2 else 'no'}\n"
                                                        for i in range(40)))
    window = open_window()
    panel = window.data_panel
    assert not panel.standardize.isChecked()  # TensorFlow Playground's generators: raw
    panel.csv.use(str(table), ["income", "ratio", "label"])
    qtbot.waitUntil(lambda: shown_snapshot(window).data.input_names == ("income", "ratio"), timeout=WAIT_MS)
    assert panel.standardize.isChecked() and not panel.scale_note.isVisible()
    panel.standardize.click()
    assert window.controller.experiment.data.standardize is False
    qtbot.waitUntil(lambda: panel.scale_note.isVisible(), timeout=WAIT_MS)
    assert "100" in panel.scale_note.text()


# -- keys -------------------------------------------------------------------------------
def test_space_right_and_r_keys(qtbot, open_window):
    window = open_window()
    controller = window.controller
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: controller.state == "running", timeout=WAIT_MS)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: controller.state == "paused", timeout=WAIT_MS)
    assert not controller.playing

    qtbot.keyClick(window, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: shown_snapshot(window).step == 0, timeout=WAIT_MS)
    qtbot.keyClick(window, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: shown_snapshot(window).step == 1, timeout=WAIT_MS)
    qtbot.keyClick(window, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: shown_snapshot(window).step == 2, timeout=WAIT_MS)
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: shown_snapshot(window).epoch == 1, timeout=WAIT_MS)
    qtbot.keyClick(window, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: shown_snapshot(window).step == 0, timeout=WAIT_MS)
    assert controller.state == "idle"


def test_regenerate_draws_new_data(qtbot, open_window):
    window = open_window()
    before = shown_snapshot(window).data.x_train.copy()
    qtbot.mouseClick(window.data_panel.regenerate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not np.array_equal(shown_snapshot(window).data.x_train, before), timeout=WAIT_MS)
    assert window.controller.session.experiment.data.seed == 1


# -- data column -------------------------------------------------------------------------
def test_picking_a_dataset_and_features(qtbot, open_window):
    window = open_window()
    window.data_panel.picker.buttons["curve"].click()
    qtbot.waitUntil(lambda: shown_snapshot(window).data.input_names == ("x1",), timeout=WAIT_MS)
    assert window.controller.experiment.data.features == ["x1"]
    assert not window.data_panel.features.buttons["x2"].isEnabled()
    window.data_panel.picker.buttons["spiral"].click()
    qtbot.waitUntil(lambda: shown_snapshot(window).data.input_names == ("x1", "x2"), timeout=WAIT_MS)
    window.data_panel.features.buttons["sin_x1"].click()
    qtbot.waitUntil(lambda: shown_snapshot(window).data.feature_names == ("x1", "x2", "sin_x1"), timeout=WAIT_MS)
    assert window.top_bar.problem.text() == "Classification"


def test_noise_slider_maps_percent_to_noise(qtbot, open_window):
    window = open_window()
    window.data_panel.noise.slider.setValue(30)
    qtbot.waitUntil(lambda: window.controller.session.experiment.data.noise == pytest.approx(0.3), timeout=WAIT_MS)


# -- settings dock -----------------------------------------------------------------------
def test_split_sliders_show_the_fractions_applied(qtbot, open_window):
    window = open_window()
    panel = window.data_panel
    panel.train_split.slider.setValue(90)
    panel.val_split.slider.setValue(50)  # only 10 % is left beside 90 % training
    data = window.controller.experiment.data
    assert (data.train_fraction, data.val_fraction) == (0.9, 0.1)
    assert panel.val_split.slider.value() == 10 and panel.val_split.value_label.text() == "10 %"
    assert panel.train_split.slider.value() == 90 and panel.test_label.text() == "0 %"


def test_stop_at_epoch_pauses_by_itself(qtbot, open_window):
    window = open_window()
    panel = window.settings_panel
    panel.stop_enabled.setChecked(True)
    panel.stop_at.setValue(3)
    qtbot.mouseClick(window.top_bar.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.controller.state == "finished", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: shown_snapshot(window).state == "finished", timeout=WAIT_MS)
    assert epoch(window) == 3 and not window.controller.playing


def test_device_choices_are_what_this_machine_has(qtbot, open_window):
    from playground.nn import devices
    window = open_window()
    combo = window.settings_panel.device
    assert [combo.itemData(i) for i in range(combo.count())] == [value for value, _ in devices.available()]


def test_initializer_scale_only_where_the_scheme_takes_one(qtbot, open_window):
    window = open_window()
    panel = window.settings_panel
    assert not panel.init_scale.isEnabled()
    pick(panel.initializer, "normal")
    assert panel.init_scale.isEnabled() and panel.init_scale.text() == "1"
    type_into(qtbot, panel.init_scale, "0.2")
    qtbot.waitUntil(lambda: window.controller.session.experiment.network.init.scale == 0.2, timeout=WAIT_MS)


# -- closing, files and settings --------------------------------------------------------
def test_a_lesson_preset_starts_over_and_says_what_to_watch(qtbot, open_window):
    from playground.config import presets
    lesson = presets.load("lesson-vanishing-gradients")
    window = open_window()
    lessons = next(a.menu() for a in window.file_menu.presets_menu.actions() if a.menu() is not None)
    assert [a.text() for a in lessons.actions()] == [presets.load(name).name for name in presets.teaching_order()]
    action = next(a for a in lessons.actions() if a.text() == lesson.name)
    assert window.tabs.currentWidget().objectName() != lesson.view.tab
    action.trigger()
    assert window.controller.experiment == lesson
    assert window.tabs.currentWidget().objectName() == lesson.view.tab == "gradients"
    assert window.diagnostics.lesson.isVisible() and lesson.description in window.diagnostics.lesson.text.text()
    qtbot.waitUntil(lambda: len(shown_snapshot(window).layers) == len(lesson.network.layers) + 1, timeout=WAIT_MS)
    assert lesson.name in window.windowTitle()


def test_every_tab_an_experiment_may_name_opens(open_window):
    from playground.config.experiment import VIEW_TABS
    window = open_window()
    for key in VIEW_TABS:
        window.show_tab(key)
        assert window.tabs.currentWidget().objectName() == key


def test_closing_during_training_stops_the_worker(qtbot, open_window):
    window = open_window()
    play_until_epoch(qtbot, window, 1)
    session = window.controller.session
    window.close()
    assert not session.alive
    assert training_threads() == []
    assert not window.controller._timer.isActive()


def test_settings_keep_the_experiment_and_recent_files(qtbot, open_window, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = open_window(settings=settings)
    saved = tmp_path / "mine.json"
    type_into(qtbot, window.top_bar.learning_rate.lineEdit(), "0.3")
    assert window.file_menu.save(str(saved))
    assert json.loads(saved.read_text())["training"]["optimizer"]["lr"] == 0.3
    window.close()
    assert Experiment.from_json(settings.value(EXPERIMENT_KEY)).training.optimizer.lr == 0.3

    again = open_window(settings=settings)
    assert again.file_menu.recent() == [str(saved.resolve())]
    # `playground` with no flags continues where the window closed; flags win over the memory.
    assert gui_app.starting_experiment(Experiment(), settings).training.optimizer.lr == 0.3
    flagged = Experiment().with_changes(**{"data.dataset": "xor"})
    assert gui_app.starting_experiment(flagged, settings) == flagged
    assert gui_app.starting_experiment(Experiment(), None) == Experiment()


def test_a_bad_file_is_named_in_a_message_and_the_experiment_stays(qtbot, open_window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    bad = tmp_path / "broken.json"
    bad.write_text('{"training": {"batch_size": -3}}')
    window = open_window()
    assert not window.file_menu.open(str(bad))
    assert len(shown) == 1 and "batch_size" in shown[0] and "\n" not in shown[0]
    assert window.controller.experiment == Experiment()


def test_export_writes_the_plots(qtbot, open_window, tmp_path):
    window = open_window()
    written = window.file_menu.export(str(tmp_path))
    assert sorted(p.name for p in written) == ["gradients.png", "loss.png", "network.png", "output.png", "window.png"]
    assert all(p.stat().st_size > 1000 for p in written)


def test_export_draws_the_tabs_never_shown(qtbot, open_window, tmp_path):
    window = open_window()
    assert not window.gradient_view.isVisible() and len(window.gradient_view.bar_tops()) == 0
    window.file_menu.export(str(tmp_path))
    assert len(window.gradient_view.bar_tops()) == len(window.controller.snapshot.layers)


def test_more_tabs_can_be_added(qtbot, open_window):
    window = open_window()

    class Counter:
        frames = 0

        def render(self, snapshot):
            self.frames += 1

    counter = Counter()
    from PySide6.QtWidgets import QLabel
    tabs = window.tabs.count()
    window.add_tab(QLabel("more"), "More", view=counter)
    assert window.tabs.count() == tabs + 1 and counter.frames == 1


# -- translation ----------------------------------------------------------------------------
class _MarkNotices(QTranslator):
    """Wraps every text of the Notice context in «», so the test sees the window's wording."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"\u00ab{source}\u00bb" if context == notice_texts.CONTEXT else ""

    def isEmpty(self):
        return False


def test_the_engine_notice_is_shown_in_the_users_language(qtbot, open_window):
    window = open_window(Experiment().with_changes(**{  # diverges within a few steps
        "data.dataset": "reg-plane", "training.optimizer.lr": 5.0,
        "network.layers": [{"units": 8, "activation": "linear"}] * 2}))
    marking = _MarkNotices()  # after the window is up: only the notice's wording is under test
    QCoreApplication.installTranslator(marking)
    try:
        said = []
        window.controller.message.connect(lambda text, severity: said.append(text))
        window.controller.play()
        qtbot.waitUntil(lambda: any(text.startswith("\u00abTraining diverged at step") for text in said),
                        timeout=WAIT_MS)
    finally:
        QCoreApplication.removeTranslator(marking)


# -- the command-line screenshot ------------------------------------------------------------
class Args:
    def __init__(self, screenshot, train_seconds=0.0, window_size=None, presentation=False, lang=None, tab=None):
        self.screenshot, self.train_seconds = screenshot, train_seconds
        self.window_size, self.presentation, self.lang, self.tab = window_size, presentation, lang, tab


@pytest.mark.event_loop
def test_screenshot_run_trains_and_saves(qtbot, tmp_path):
    path = tmp_path / "shot.png"
    assert gui_app.run(Args(str(path), 0.5), Experiment()) == 0
    assert path.stat().st_size > 10_000


@pytest.mark.event_loop
def test_screenshot_to_a_bad_path_fails_with_one_line(qtbot, tmp_path, capsys):
    assert gui_app.run(Args(str(tmp_path / "missing" / "shot.png")), Experiment()) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("playground: error:") and "\n" not in err


@pytest.mark.event_loop
def test_a_screenshot_has_the_asked_size_and_ends_with_a_json_line(qtbot, tmp_path, capsys):
    path = tmp_path / "shot.png"
    flags = {"window_size": (1024, 768), "presentation": True, "tab": "gradient_flow"}
    assert gui_app.run(Args(str(path), 0.5, **flags), Experiment()) == 0
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1024, 768)
    lines = capsys.readouterr().out.strip().splitlines()
    outcome = json.loads(lines[-1])
    assert set(outcome) == {"epoch", "step", "state", "train_loss", "val_loss"}
    assert outcome["state"] == "paused" and outcome["step"] > 0 and outcome["train_loss"] > 0


@pytest.mark.event_loop
def test_an_unknown_tab_is_named_in_one_line(qtbot, tmp_path, capsys):
    assert gui_app.run(Args(str(tmp_path / "shot.png"), tab="nope"), Experiment()) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("playground: error: argument --tab") and "bias_variance" in err and "\n" not in err


@pytest.mark.event_loop
def test_gui_bench_prints_one_json_line(qtbot, capsys):
    from playground.gui import bench

    class BenchArgs:
        seconds = 0.5

    assert bench.run(BenchArgs()) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1
    numbers = json.loads(lines[0])
    assert set(numbers) == {"fps", "latency_p50_ms", "latency_p95_ms", "latency_max_ms", "steps_per_s", "epochs_per_s",
                            "compare_fps", "arena_fps"}
    assert numbers["fps"] > 0 and numbers["steps_per_s"] > 0 and numbers["compare_fps"] > 0 and numbers["arena_fps"] > 0
