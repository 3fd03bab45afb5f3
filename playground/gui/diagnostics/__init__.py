"""Why a network fails to learn: gradient flow, activations, bias & variance, gradient check, classes, confusion.

How the main window wires it (after its own tabs exist)::

    self.diagnostics = DiagnosticsTabs(self.tabs, self.controller)
    self.diagnostics.bias_variance.baseline_changed.connect(
        lambda error: self.controller.apply({"data.baseline_error": error}))
    some_layout.addWidget(self.diagnostics.lesson)   # hides itself when the experiment has no description
    ...
    def closeEvent(self, event):
        self.diagnostics.shutdown()                  # before controller.close(): stops background jobs
        ...

DiagnosticsTabs adds the tabs "Gradient flow", "Activations", "Bias & variance",
"Gradient check", "Classes", "Confusion", "Compare" and "Sweep" to the end of `tabs`, registers every view that draws snapshots
with controller.add_view (the controller renders a widget only while it is shown;
the activation recorder is no widget, so it records every frame and the heatmap
covers the run even when its tab was opened late), and follows
controller.experiment_changed: the lesson text follows it, and jobs and results
computed for an experiment that changed are dropped (a baseline edit alone keeps them).

`controller` is anything with `experiment` (the Experiment in force),
`experiment_changed` (a Signal(object)), `add_view(view)` and `apply(changes)` (Compare's
and Sweep's "use this"): gui.controller.Controller.
"""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTabWidget

from playground.config.experiment import Experiment
from playground.gui.diagnostics.activation_history import ActivationHistory
from playground.gui.diagnostics.activation_view import ActivationView
from playground.gui.diagnostics.bias_variance_view import BiasVarianceView
from playground.gui.diagnostics.compare_panel import ComparePanel, SweepPanel
from playground.gui.diagnostics.gradcheck_panel import GradcheckPanel
from playground.gui.diagnostics.gradient_flow_view import GradientFlowView
from playground.gui.diagnostics.lesson_view import LessonView
from playground.gui.views.class_views import ClassViews
from playground.gui.views.confusion_view import ConfusionView
from playground.gui.widgets.panel_parts import scrolling

__all__ = ["ActivationHistory", "ActivationView", "BiasVarianceView", "ComparePanel", "DiagnosticsTabs",
           "GradcheckPanel", "GradientFlowView", "LessonView", "SweepPanel"]


def _without_baseline(experiment: Experiment) -> Experiment:
    """The experiment as a curve or an ensemble sees it: the baseline only moves a dashed line."""
    return experiment.with_changes(**{"data.baseline_error": None})


# The pages' keys (objectNames), in tab order: MainWindow.show_tab and `--tab` find a page by its key.
KEYS = ("gradient_flow", "activations", "bias_variance", "gradcheck", "classes", "confusion", "compare", "sweep")
SCROLLED = ("compare", "sweep")  # forms wider than a 1024 px projector's tab column: they scroll instead



class DiagnosticsTabs(QObject):
    def __init__(self, tabs: QTabWidget, controller, parent: QObject | None = None):
        super().__init__(parent or tabs)
        experiment_source = lambda: controller.experiment
        self.gradient_flow = GradientFlowView()
        self.activation_history = ActivationHistory()
        self.activations = ActivationView(self.activation_history)
        self.bias_variance = BiasVarianceView(experiment_source)
        self.gradcheck = GradcheckPanel(lambda **job: controller.session.check_gradients(**job))
        self.lesson = LessonView()
        self.classes = ClassViews()
        self.confusion = ConfusionView()
        self.compare = ComparePanel(experiment_source, controller.apply)
        self.sweep = SweepPanel(experiment_source, controller.apply)
        # "&&": a lone "&" in a tab title underlines the next letter as a shortcut.
        pages = (
            (self.gradient_flow, self.tr("Gradient flow"), self.tr(
                "How much each step changes each layer, and whether gradients vanish or explode on the way back.")),
            (self.activations, self.tr("Activations"), self.tr(
                "What each layer's units output over training: saturated sigmoids and dead ReLUs show here.")),
            (self.bias_variance, self.tr("Bias && variance"), self.tr(
                "Underfitting or overfitting? Baseline, training and validation error, and what to try next.")),
            (self.gradcheck, self.tr("Gradient check"), self.tr(
                "Does backprop compute the right gradients? Compared with numerical differences.")),
            (self.classes, self.tr("Classes"), self.tr(
                "Which classes the network confuses; for digits also what its first layer looks for and the "
                "images it gets wrong.")),
            (self.confusion, self.tr("Confusion"), self.tr(
                "The confusion matrix of the training, validation or test examples, with precision, recall and F1.")),
            (self.compare, self.tr("Compare"), self.tr(
                "Variants of this experiment trained side by side on the same data: which setting learns best?")),
            (self.sweep, self.tr("Sweep"), self.tr(
                "Many models at once, each with its own value of a hyperparameter: where is validation error lowest?")),
        )
        for (page, title, tip), key in zip(pages, KEYS, strict=True):
            page.setObjectName(key)
            if key in SCROLLED:
                page = scrolling(page, horizontal=True)
                page.setObjectName(key)
            tabs.setTabToolTip(tabs.addTab(page, title), tip)
        self.views = [self.activation_history, self.gradient_flow, self.activations, self.bias_variance, self.classes,
                      self.confusion]
        for view in self.views:
            controller.add_view(view)
        self._experiment = _without_baseline(controller.experiment)
        self.lesson.show_experiment(controller.experiment)
        controller.experiment_changed.connect(self.experiment_changed)

    def experiment_changed(self, experiment: Experiment) -> None:
        self.lesson.show_experiment(experiment)
        substance = _without_baseline(experiment)
        if substance == self._experiment:  # a refused edit, or the baseline alone
            return
        self._experiment = substance
        self.bias_variance.set_experiment(experiment)
        self.gradcheck.forget()

    def shutdown(self, timeout: float = 5.0) -> bool:
        """Stop every background job and wait for its thread (up to timeout each); True when all ended."""
        runners = (self.bias_variance.curves.runner, self.bias_variance.ensemble.runner, self.gradcheck.runner,
                   self.compare.runner, self.sweep.runner)
        return all([runner.shutdown(timeout) for runner in runners])
