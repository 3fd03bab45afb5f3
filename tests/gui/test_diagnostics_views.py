"""The diagnostics tabs on a real training session: they fill in while it trains, and their background jobs end."""
from __future__ import annotations

import dataclasses
import subprocess
import sys
import threading
from pathlib import Path
from types import SimpleNamespace
from xml.etree import ElementTree

import fake_snapshots as fakes
import numpy as np
import PySide6
import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QTabWidget

from playground.analysis import curves
from playground.config import notices, presets
from playground.config.experiment import Experiment
from playground.diagnosis import bias_variance as diagnosis
from playground.diagnosis import gradient_flow
from playground.gui.controller import Controller
from playground.gui.diagnostics import (
    ActivationHistory,
    ActivationView,
    BiasVarianceView,
    DiagnosticsTabs,
    GradientFlowView,
    LessonView,
    activation_view,
    texts,
)
from playground.training.snapshot import LayerProbe

WAIT_MS = 20_000   # machines are slow and shared
WATCHED_THREADS = ("training", "diagnostics-job")
DEEP_SIGMOID = [{"units": 10, "activation": "sigmoid"}] * 8


def small_experiment(**dotted) -> Experiment:
    changes = {"data.samples": 200, "device": "cpu"}
    changes.update(dotted)
    return Experiment().with_changes(**changes)


def watched_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name in WATCHED_THREADS and t.is_alive()]


@pytest.fixture(autouse=True)
def no_thread_left():
    yield
    assert watched_threads() == [], "a training or diagnostics thread outlived its test"


@pytest.fixture
def rig(qtbot):
    """rig(experiment=None) -> the diagnostics tabs on a live controller, shut down at the end of the test."""
    made = []

    def make(experiment: Experiment | None = None) -> SimpleNamespace:
        controller = Controller(experiment or small_experiment())
        tabs = QTabWidget()  # not qtbot.addWidget: the controller must stop drawing before its views go
        diagnostics = DiagnosticsTabs(tabs, controller)
        tabs.resize(420, 900)
        tabs.show()
        qtbot.waitExposed(tabs)
        made.append((controller, diagnostics, tabs))
        return SimpleNamespace(controller=controller, tabs=tabs, diagnostics=diagnostics)

    yield make
    for controller, diagnostics, tabs in made:
        assert diagnostics.shutdown(), "a diagnostics job did not end"
        assert controller.close(), "the training thread did not end"
        diagnostics.lesson.close()
        tabs.close()
        tabs.deleteLater()


def show(rig_: SimpleNamespace, page) -> None:
    rig_.tabs.setCurrentWidget(page)


# -- live training -------------------------------------------------------------------
def test_the_views_fill_in_while_the_network_trains(qtbot, rig):
    r = rig()
    d = r.diagnostics
    assert r.tabs.count() == 8
    assert [r.tabs.tabText(i) for i in range(8)] == ["Gradient flow", "Activations", "Bias && variance",
                                                     "Gradient check", "Classes", "Confusion", "Compare", "Sweep"]
    assert (d.compare.objectName(), d.sweep.objectName()) == ("compare", "sweep")
    show(r, d.gradient_flow)
    r.controller.play()
    layers = len(r.controller.experiment.network.layers) + 1
    qtbot.waitUntil(lambda: len(d.gradient_flow.bar_heights()) == layers
                    and (d.gradient_flow.bar_heights() > 0).all(), timeout=WAIT_MS)
    assert not d.gradient_flow.banner.isVisible()  # two tanh layers of four and two units: healthy
    # The recorder works while the Activations tab is hidden; the view draws it once shown.
    qtbot.waitUntil(lambda: d.activation_history.count >= 3, timeout=WAIT_MS)
    assert d.activations.heatmap_columns() == 0
    show(r, d.activations)
    qtbot.waitUntil(lambda: d.activations.heatmap_columns() >= 3, timeout=WAIT_MS)
    assert d.activations.layer_combo.count() == layers
    assert "saturated" in d.activations.status.text()  # tanh layers report their saturation
    show(r, d.bias_variance)
    qtbot.waitUntil(lambda: d.bias_variance.ladder.diagnosis is not None
                    and d.bias_variance.verdict.text() != "", timeout=WAIT_MS)
    shown = d.bias_variance.ladder.diagnosis
    assert shown["verdict"] in diagnosis.VERDICTS
    assert 0.0 <= shown["train_error"] <= 1.0 and 0.0 <= shown["val_error"] <= 1.0
    assert texts.verdict_headline(shown["verdict"]) in d.bias_variance.verdict.text()


def deep_sigmoid_experiment(source: str) -> Experiment:
    if source == "lesson preset":
        if "lesson-vanishing-gradients" not in presets.names():
            pytest.skip("no vanishing-gradients lesson preset")
        return presets.load("lesson-vanishing-gradients").with_changes(device="cpu")
    return small_experiment(**{"network.layers": DEEP_SIGMOID, "network.init": {"scheme": "normal", "scale": 0.2}})


@pytest.mark.parametrize("source", ["lesson preset", "eight sigmoid layers"])
def test_the_vanishing_banner_appears_for_a_deep_sigmoid_stack(qtbot, rig, source):
    r = rig(deep_sigmoid_experiment(source))
    banner = r.diagnostics.gradient_flow.banner
    show(r, r.diagnostics.gradient_flow)
    r.controller.play()
    qtbot.waitUntil(lambda: banner.isVisible(), timeout=WAIT_MS)
    assert banner.kind == "vanishing"
    text = banner.label.text()
    assert text.startswith("Vanishing gradients") and "times smaller" in text
    assert texts.remedy("He or Xavier initialization") in text
    bars = r.diagnostics.gradient_flow.bar_heights
    qtbot.waitUntil(lambda: bars()[-2] > 0, timeout=WAIT_MS)  # the first snapshots come before any step
    assert bars()[0] < bars()[-2]  # the first layer moves far less than the last hidden one


def test_the_activation_heatmap_restarts_when_training_does(qtbot, rig):
    r = rig()
    history = r.diagnostics.activation_history
    r.controller.play()
    qtbot.waitUntil(lambda: history.count >= 5, timeout=WAIT_MS)
    r.controller.reset()
    qtbot.waitUntil(lambda: history.count >= 1 and history.last_step == 0, timeout=WAIT_MS)
    assert history.count == 1


# -- background jobs -----------------------------------------------------------------
def test_a_learning_curve_runs_in_the_background_and_is_plotted(qtbot, rig):
    r = rig()
    curves = r.diagnostics.bias_variance.curves
    show(r, r.diagnostics.bias_variance)
    r.controller.play()
    qtbot.waitUntil(lambda: r.controller.frames > 0, timeout=WAIT_MS)  # the window draws before the job starts
    curves.sweep_epochs = 30
    qtbot.mouseClick(curves.learning_button, Qt.MouseButton.LeftButton)
    assert curves.runner.running and not curves.learning_button.isEnabled()
    frames = r.controller.frames
    qtbot.waitUntil(lambda: not curves.runner.running, timeout=WAIT_MS)
    assert r.controller.frames > frames, "the window stopped drawing while the job ran"
    assert curves.curve is not None and curves.curve.complete
    assert curves.points() == len(curves.curve.x) >= 2
    assert curves.plot.isVisible() and curves.baseline_line.isVisible()
    assert curves.learning_button.isEnabled()
    x, y = curves.val_points.getData()
    assert np.allclose(y, 100 * curves.curve.val_error)  # classification errors are drawn in percent


def test_cancel_stops_a_sweep_and_keeps_what_it_finished(qtbot, rig):
    r = rig()
    curves = r.diagnostics.bias_variance.curves
    show(r, r.diagnostics.bias_variance)
    curves.sweep_epochs = 100_000
    curves.start_complexity_curve()
    qtbot.waitUntil(lambda: curves.runner.job is not None and curves.runner.job.progress > 0, timeout=WAIT_MS)
    qtbot.mouseClick(curves.progress.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not curves.runner.running, timeout=WAIT_MS)
    assert curves.curve is not None and not curves.curve.complete
    assert "Stopped" in curves.progress.status.text()


def test_a_new_experiment_drops_running_jobs_but_a_new_baseline_does_not(qtbot, rig):
    r = rig()
    curves = r.diagnostics.bias_variance.curves
    curves.sweep_epochs = 100_000
    curves.start_learning_curve()
    r.controller.apply({"data.baseline_error": 0.05})
    assert curves.runner.running
    r.controller.apply({"data.noise": 0.2})
    assert not curves.runner.running and curves.curve is None


def test_the_gradient_check_passes_every_layer_of_the_default_network(qtbot, rig):
    r = rig(Experiment(device="cpu"))
    panel = r.diagnostics.gradcheck
    show(r, panel)
    qtbot.mouseClick(panel.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.checks is not None, timeout=WAIT_MS)
    assert [c.name for c in panel.checks] == ["hidden 1", "hidden 2", "output"]
    assert panel.results() == ["OK", "OK", "OK"]
    assert all(c.relative_error <= 1e-7 for c in panel.checks)
    assert "Every layer passes" in panel.verdict.text()


def test_the_ensemble_overlays_one_boundary_per_model(qtbot, rig):
    r = rig()
    panel = r.diagnostics.bias_variance.ensemble
    show(r, r.diagnostics.bias_variance)
    panel.epochs = 2
    panel.k_box.setValue(4)
    qtbot.mouseClick(panel.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.result is not None, timeout=WAIT_MS)
    assert panel.result.k == 4 and panel.member_curves() == 4
    assert "Majority-vote error" in panel.numbers.text()


def test_a_failing_job_says_why_in_its_panel(qtbot, rig):
    r = rig(small_experiment(**{"data.val_fraction": 0.0}))
    panel = r.diagnostics.bias_variance.ensemble
    show(r, r.diagnostics.bias_variance)
    job_errors = []
    panel.runner.failed.connect(job_errors.append)
    panel.start()
    qtbot.waitUntil(lambda: not panel.runner.running, timeout=WAIT_MS)
    assert job_errors and "validation" in job_errors[0]  # the engine's own one line, not a traceback
    assert panel.progress.status.isVisible() and panel.progress.status.text() == job_errors[0]
    assert panel.result is None and panel.button.isEnabled()


def test_destroying_a_panel_cancels_its_job(qtbot):
    panel = BiasVarianceView(lambda: small_experiment())
    panel.curves.sweep_epochs = 100_000
    panel.curves.start_learning_curve()
    job = panel.curves.runner.job
    shiboken6.delete(panel)
    assert job.cancelled
    assert job.join(WAIT_MS / 1000)


# -- the baseline --------------------------------------------------------------------
def test_a_baseline_the_generator_does_not_know_is_typed_in(qtbot, rig):
    r = rig(small_experiment(**{"data.dataset": "spiral"}))
    view = r.diagnostics.bias_variance
    view.baseline_changed.connect(lambda error: r.controller.apply({"data.baseline_error": error}))
    show(r, view)
    qtbot.waitUntil(lambda: view.baseline_field is not None and view.baseline_row.isVisible(), timeout=WAIT_MS)
    assert "Unknown" in view.baseline_source.text()
    with qtbot.assertNotEmitted(view.baseline_changed):
        type_into(qtbot, view.baseline_field, "150")
    assert view.baseline_problem.isVisible()
    with qtbot.waitSignal(view.baseline_changed, timeout=WAIT_MS) as typed:
        type_into(qtbot, view.baseline_field, "5")
    assert typed.args == [pytest.approx(0.05)]
    view.baseline_field.clearFocus()
    qtbot.waitUntil(lambda: (view.ladder.diagnosis or {}).get("baseline_known", False), timeout=WAIT_MS)
    assert view.ladder.diagnosis["baseline_error"] == pytest.approx(0.05)
    assert "Set by you" in view.baseline_source.text()


def test_the_generators_baseline_is_shown_not_asked_for(qtbot, rig):
    r = rig(small_experiment(**{"data.noise": 0.3}))
    view = r.diagnostics.bias_variance
    show(r, view)
    qtbot.waitUntil(lambda: view.ladder.diagnosis is not None, timeout=WAIT_MS)
    assert view.ladder.diagnosis["baseline_error"] > 0
    assert not view.baseline_row.isVisible()
    assert "generator's noise" in view.baseline_source.text()


def type_into(qtbot, line_edit, text: str) -> None:
    line_edit.setFocus()
    line_edit.selectAll()
    qtbot.keyClicks(line_edit, text)
    qtbot.keyClick(line_edit, Qt.Key.Key_Return)


# -- the lesson ----------------------------------------------------------------------
def test_the_lesson_shows_with_a_description_and_hides_without(qtbot, rig):
    r = rig()
    lesson = r.diagnostics.lesson
    assert not lesson.isVisible()  # the default experiment has no lesson
    r.controller.replace(small_experiment(name="Vanishing gradients",
                                          description="Eight sigmoid layers. Watch the first layer's bar."))
    assert lesson.isVisible() and lesson.title.text() == "Vanishing gradients"
    assert "Eight sigmoid layers" in lesson.text.text()
    lesson.title.click()
    assert not lesson.text.isVisible()
    r.controller.replace(small_experiment())
    assert not lesson.isVisible()


# -- fake snapshots: every kind draws --------------------------------------------------
def with_findings(snapshot):
    """A fake snapshot with the diagnosis and gradient finding a trainer would attach."""
    accuracy = lambda a: 1.0 - a if a is not None else None
    d = diagnosis.diagnose_errors(
        accuracy(snapshot.train_accuracy) if snapshot.train_accuracy is not None else snapshot.train_loss,
        accuracy(snapshot.val_accuracy) if snapshot.val_accuracy is not None else snapshot.val_loss,
        snapshot.data.baseline_error, 0.03)
    return dataclasses.replace(snapshot, diagnosis=d, gradient_finding=gradient_flow.assess(snapshot.layers))


@pytest.mark.parametrize("name", list(fakes.ALL))
def test_every_view_draws_every_kind_of_snapshot(qtbot, name):
    history = ActivationHistory()
    views = [GradientFlowView(), ActivationView(history), BiasVarianceView(lambda: Experiment())]
    for view in views:
        qtbot.addWidget(view)
        view.resize(420, 700)
        view.show()
    for serial, seed in ((1, 0), (2, 1)):
        snapshot = with_findings(fakes.ALL[name](serial=serial, seed=seed))
        snapshot = dataclasses.replace(snapshot, step=snapshot.step + serial)
        for view in views:  # the activation view records into its history itself
            view.render(snapshot)
            assert not view.grab().isNull()
    qtbot.waitUntil(lambda: views[1].heatmap_columns() == 2)  # the heatmap redraws at a slower pace
    for view in views:
        view.clear()
        view.grab()


def test_update_ratios_below_the_default_floor_still_draw(qtbot):
    view = GradientFlowView()
    qtbot.addWidget(view)
    base = fakes.make_snapshot("binary", hidden=(4, 4))
    ratios = (1e-3, 2e-11, 4e-13)
    layers = tuple(dataclasses.replace(layer, update_ratio=r) for layer, r in zip(base.layers, ratios))
    view.render(dataclasses.replace(base, layers=layers))
    assert (view.bar_heights() > 0).all()
    tops = np.asarray(view.bars.opts["y0"]) + view.bar_heights()
    assert np.allclose(tops, np.log10(ratios))


def test_the_activation_heatmap_has_a_true_step_axis():
    # Columns at steps 0, 2553, 3672, 4485, 5372 used to be drawn evenly, their labels irregular.
    steps = np.array([0, 2553, 3672, 4485, 5372])
    cells, last = activation_view.step_cells(steps)
    assert last == 5372 and len(cells) == activation_view.DISPLAY_CELLS
    centres = (np.arange(len(cells)) + 0.5) * last / len(cells)
    # Each cell shows the column recorded at the first step at or after it: the one that covers it.
    assert np.all(steps[cells] >= centres) and np.all((cells == 0) | (steps[np.maximum(cells - 1, 0)] < centres))
    # Every column that covers steps has room on the axis (the one at step 0, before training, covers none).
    assert np.array_equal(np.unique(cells), np.arange(1, len(steps)))
    few, last = activation_view.step_cells(np.array([5, 10]))
    assert last == 10 and list(few) == [0] * 5 + [1] * 5


def test_a_nan_gradient_shows_the_divergence_banner(qtbot):
    view = GradientFlowView()
    qtbot.addWidget(view)
    view.show()
    view.render(with_findings(fakes.nan_gradients()))
    assert view.banner.isVisible() and view.banner.kind == "nan"
    assert "NaN" in view.banner.label.text()


# -- the recorder ----------------------------------------------------------------------
def stepped(snapshot, step: int, fill: float):
    layers = tuple(LayerProbe(**{**layer.__dict__, "act_hist": np.full_like(layer.act_hist, fill)})
                   for layer in snapshot.layers)
    return dataclasses.replace(snapshot, step=step, layers=layers)


def test_the_recorder_keeps_bounded_columns_oldest_merged_first():
    history = ActivationHistory(max_columns=40)
    base = fakes.binary_2d()
    for step in range(1, 1001):
        history.render(stepped(base, step, fill=float(step)))
    assert history.count <= 40
    steps = history.steps
    assert steps[-1] == 1000 and (np.diff(steps) > 0).all()
    assert (np.diff(steps)[-5:] == 1).all() and np.diff(steps)[0] > 1  # recent steps sharp, early ones merged
    # A merged column is the mean of the steps it covers: values still rise with the steps.
    values = history.columns(0)[:, 0]
    assert (np.diff(values) > 0).all() and values[-1] == 1000.0


def test_the_recorder_skips_a_repeated_step_and_restarts_on_a_reset():
    history = ActivationHistory()
    base = fakes.binary_2d()
    history.render(stepped(base, 10, 0.1))
    history.render(stepped(base, 10, 0.2))  # a paused session republishes the same step
    assert history.count == 1
    history.render(stepped(base, 11, 0.2))
    history.render(stepped(base, 0, 0.3))
    assert history.count == 1 and history.last_step == 0
    history.render(stepped(fakes.multiclass_2d(), 1, 0.3))  # other layers: a new record
    assert history.count == 1 and len(history.edges) == len(fakes.multiclass_2d().layers)


# -- translation -------------------------------------------------------------------------
class Marking(QTranslator):
    """Translates every text of the given contexts to «text», so a test sees what went through tr()."""

    def __init__(self, contexts: tuple[str, ...]):
        super().__init__()
        self.contexts = contexts

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"\u00ab{source}\u00bb" if context in self.contexts else ""

    def isEmpty(self):
        return False


def test_the_banner_and_the_verdict_are_translated(qtbot):
    translator = Marking(("GradientBanner", "Remedy", "Verdict"))
    QCoreApplication.installTranslator(translator)
    try:
        banner_view, verdict_view = GradientFlowView(), BiasVarianceView(lambda: Experiment())
        for view in (banner_view, verdict_view):
            qtbot.addWidget(view)
        snapshot = with_findings(fakes.make_snapshot("binary", hidden=(4, 4, 4)))
        layers = tuple(LayerProbe(**{**layer.__dict__, "grad_norm": norm})
                       for layer, norm in zip(snapshot.layers, (1e-9, 1e-3, 1e-2, 1.0)))
        snapshot = dataclasses.replace(snapshot, layers=layers, gradient_finding=gradient_flow.assess(layers))
        banner_view.render(snapshot)
        verdict_view.render(snapshot)
        text = banner_view.banner.label.text()
        assert text.startswith("\u00abVanishing gradients")
        assert "\u00abbatch norm\u00bb" in text
        assert "\u00ab" + texts.VERDICT_TEXTS[snapshot.diagnosis["verdict"]][0] + "\u00bb" in verdict_view.verdict.text()
    finally:
        QCoreApplication.removeTranslator(translator)


def test_a_lessons_title_and_text_are_translated(qtbot):
    translator = Marking(("Presets",))
    QCoreApplication.installTranslator(translator)
    try:
        view = LessonView()
        qtbot.addWidget(view)
        lesson = presets.load("lesson-high-variance")
        view.show_experiment(lesson)
        assert view.title.text() == f"\u00ab{lesson.name}\u00bb" and view.text.text() == f"\u00ab{lesson.description}\u00bb"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_lupdate_extracts_every_engine_text_the_window_translates(tmp_path):
    # The engine's English is translated as written there: lupdate must find each text in its context, or
    # translators never see it (a parenthesized argument, for one, is skipped).
    lupdate = Path(PySide6.__file__).parent / ("lupdate.exe" if sys.platform == "win32" else "lupdate")
    catalog = tmp_path / "engine.ts"
    sources = [notices.__file__, diagnosis.__file__, gradient_flow.__file__, curves.__file__]
    subprocess.run([str(lupdate), *sources, "-ts", str(catalog)], check=True, capture_output=True, timeout=120)
    found = {(context.findtext("name"), message.findtext("source"))
             for context in ElementTree.parse(catalog).getroot().iter("context") for message in context.iter("message")}
    remedies = {text for table in (diagnosis.REMEDIES, gradient_flow.REMEDIES) for row in table.values() for text in row}
    assert {(notices.CONTEXT, text) for text in notices.TEMPLATES.values()} <= found
    assert {("Remedy", text) for text in remedies} <= found
    assert {("Sweep", text) for text in curves.AXIS_LABELS.values()} <= found
    assert set(curves.AXIS_LABELS) >= set(curves.COMPLEXITY_LABELS) | {"learning"}
    assert set(texts.VERDICT_TEXTS) == set(diagnosis.VERDICTS)
