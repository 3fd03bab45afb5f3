"""The main window, laid out left to right like TF Playground: DATA, NETWORK, OUTPUT, then the plots.

Above them the top bar (play, counters, main hyperparameters), a message banner and the
lesson text of a lesson preset; below, a dock with the remaining settings. The right-hand
tabs hold the plots and the diagnostics, and take more views through add_tab().
"""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDockWidget,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from playground.config.experiment import Experiment, ExperimentError
from playground.gui import language, network_edits, presentation
from playground.gui.arena import ArenaTab, LandscapeTab, PathRecorder
from playground.gui.controller import Controller, View
from playground.gui.diagnostics import DiagnosticsTabs
from playground.gui.file_menu import FileMenu
from playground.gui.panels.data_panel import DataPanel
from playground.gui.panels.layer_editor import LayerEditor
from playground.gui.panels.output_panel import OutputPanel
from playground.gui.panels.settings_panel import DockHeight, SettingsPanel
from playground.gui.panels.top_bar import TopBar
from playground.gui.points_editor import PointsEditor
from playground.gui.training_actions import TrainingActions
from playground.gui.views import theme
from playground.gui.views.gradient_view import GradientView
from playground.gui.views.loss_view import LossView, SmoothingControl
from playground.gui.views.metrics_readout import MetricsReadout
from playground.gui.views.network_layout import width_for_columns
from playground.gui.views.network_view import LABEL_MARGIN_RANGE, NetworkView
from playground.gui.widgets.message_banner import MessageBanner
from playground.gui.widgets.panel_parts import scrolling, section_title, tall_enough
from playground.gui.widgets.tab_strip import Pages, TabStrip

DEFAULT_SIZE = (1400, 900)
# Shares of the width, at least each column's minimum: on a 1024 px projector the plots keep a quarter.
COLUMN_WIDTHS = (315, 350, 330, 405)
DEFAULT_COLUMNS = 4  # the default network's diagram: inputs, two hidden layers, output
GEOMETRY_KEY, STATE_KEY, EXPERIMENT_KEY = "window/geometry", "window/state", "experiment/last"
SPEED_KEY = "training/speed"
SMOOTHING_KEY = "view/loss_smoothing"
LOSS_CHART_LINES = 18  # the loss and accuracy charts with their readouts: about 130 px each at the normal font


class MainWindow(QMainWindow):
    def __init__(self, experiment: Experiment, settings: QSettings | None = None):
        super().__init__()
        self.settings = settings
        # Changing label texts re-lay out the window every frame; animated docks would animate each time.
        self.setAnimated(False)
        theme.light_background(self)
        self.controller = Controller(experiment, self)
        self.presenting = False
        self._dock_was_shown = True
        self.training_actions = TrainingActions(self.controller, self)
        self.addActions(self.training_actions.all())

        self.top_bar = TopBar(self.controller, self.training_actions)
        self.banner = MessageBanner()
        self.controller.message.connect(self.banner.show_message)
        self.data_panel = DataPanel(self.controller, self.training_actions)
        self.network_view = NetworkView()
        self.network_view.setToolTip(self.tr(
            "Each square shows what a neuron computes over the input plane; lines are weights (blue positive, "
            "orange negative, thicker is stronger). Hover for values; + and \u2212 change the shape."))
        self.network_view.layer_count_change_requested.connect(
            lambda delta: self.controller.apply(network_edits.change_layer_count(self.controller.experiment, delta)))
        self.network_view.units_change_requested.connect(
            lambda index, delta: self.controller.apply(
                network_edits.change_units(self.controller.experiment, index, delta)))
        self.layer_editor = LayerEditor(self.controller)
        self.output_panel = OutputPanel()
        self.points_editor = PointsEditor(self.output_panel, self.controller)
        self.loss_view = LossView()
        self.gradient_view = GradientView()
        self.output_panel.show_test.toggled.connect(self.loss_view.set_show_test)
        self.output_panel.discretize.toggled.connect(self.network_view.set_discretize)
        # The 1-D output's pieces are the last hidden layer's units: hovering either marks the other.
        output_view, last_hidden = self.output_panel.view, lambda: len(self.controller.experiment.network.layers)
        output_view.piece_hovered.connect(lambda k: self.network_view.highlight_neuron(last_hidden(), k))
        self.network_view.neuron_hovered.connect(lambda c, k: output_view.highlight_piece(k if c == last_hidden() else -1))

        self.tabs = Pages()
        self.tabs.setDocumentMode(True)
        self.tab_strip = TabStrip(self.tabs)
        self.log_scale = QCheckBox(self.tr("Log scale"))
        self.log_scale.setToolTip(self.tr("Show the loss on a log scale, where slow late progress stays visible."))
        self.log_scale.toggled.connect(self.loss_view.set_log_y)
        self.smoothing = SmoothingControl(beside=self.log_scale)
        self.smoothing.changed.connect(self.loss_view.set_smoothing)
        loss_page = QWidget()
        loss_layout = QVBoxLayout(loss_page)
        loss_layout.setContentsMargins(2, 2, 2, 2)
        loss_layout.addWidget(self.loss_view, 1)
        self.metrics_readout = MetricsReadout()
        loss_layout.addWidget(self.metrics_readout)
        loss_layout.addWidget(self.smoothing)
        tall_enough(self.loss_view, LOSS_CHART_LINES)
        loss_page = scrolling(loss_page)
        self.add_tab(loss_page, self.tr("Loss"), self.tr("Loss and accuracy per epoch on each split."), key="loss")
        self.add_tab(self.gradient_view, self.tr("Gradients"), self.tr(
            "How large each layer's gradient is: tiny in the first layers means vanishing gradients, huge means "
            "exploding ones."), view=self.gradient_view, key="gradients")
        self.diagnostics = DiagnosticsTabs(self.tabs, self.controller)
        self.diagnostics.bias_variance.baseline_changed.connect(
            lambda error: self.controller.apply({"data.baseline_error": error}))
        self.arena = ArenaTab()
        # Its optimizer table is tall: a 720 px projector scrolls to it.
        self.add_tab(scrolling(self.arena), self.tr("Arena"), self.tr(
            "SGD, Momentum, Adam and the rest racing on the same surface from the same start."), key="arena")
        self.path_recorder = PathRecorder(self)
        self.controller.add_view(self.path_recorder)
        self.landscape = LandscapeTab(lambda job: self.controller.session.call(job), self.path_recorder)
        self.add_tab(scrolling(self.landscape), self.tr("Landscape"), self.tr(
            "The training loss around the weights now, and the path training took, on a plane."), view=self.landscape,
            key="landscape")
        self.tabs.currentChanged.connect(lambda _: self.controller.tick())

        for view in (self.top_bar, self.data_panel, self.network_view, self.output_panel, self.loss_view,
                     self.metrics_readout):
            self.controller.add_view(view)
        self.setCentralWidget(self._columns())
        self.settings_dock = self._settings_dock()
        self.file_menu = FileMenu(self, self.controller, settings, self.plots)
        self._training_menu()
        self._view_menu()
        self.controller.experiment_changed.connect(self._show_title)
        self._show_title(experiment)
        self.show_lesson_view(experiment)
        self.statusBar().setSizeGripEnabled(True)
        room = self.screen().availableGeometry()  # a 1024x768 projector gets all of itself, not more
        self.resize(min(DEFAULT_SIZE[0], room.width()), min(DEFAULT_SIZE[1], room.height()))
        self._restore()
        self.controller.speed_changed.connect(self._remember_speed)
        self.smoothing.changed.connect(self._remember_smoothing)

    # -- layout ---------------------------------------------------------------
    def _columns(self) -> QWidget:
        network = QWidget()
        network_layout = QVBoxLayout(network)
        network_layout.setContentsMargins(4, 4, 4, 4)
        network_layout.setSpacing(4)
        network_layout.addWidget(section_title(self.tr("Network")))
        split = QSplitter(Qt.Orientation.Vertical)
        # Wide networks (32 layers) get a horizontal scroll bar instead of squeezed columns; the default one
        # (two hidden layers) always fits, its output column's header included, even on a 1024 px projector.
        area = scrolling(self.network_view, horizontal=True)
        area.setMinimumWidth(width_for_columns(DEFAULT_COLUMNS, LABEL_MARGIN_RANGE[0]))
        split.addWidget(area)
        split.addWidget(self.layer_editor)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        network_layout.addWidget(split, 1)

        self.columns = QSplitter(Qt.Orientation.Horizontal)
        self.columns.setChildrenCollapsible(False)
        plots = QWidget()
        plots_layout = QVBoxLayout(plots)
        plots_layout.setContentsMargins(0, 4, 0, 0)
        plots_layout.setSpacing(2)
        plots_layout.addWidget(self.tab_strip)
        plots_layout.addWidget(self.tabs, 1)
        for widget in (scrolling(self.data_panel), network, self.output_panel, plots):
            self.columns.addWidget(widget)
        self.columns.setSizes(list(COLUMN_WIDTHS))
        for index, stretch in enumerate((0, 2, 1, 1)):
            self.columns.setStretchFactor(index, stretch)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(2)
        layout.addWidget(self.top_bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.diagnostics.lesson)  # a lesson's text; hidden for experiments without one
        layout.addWidget(self.columns, 1)
        return central

    def _settings_dock(self) -> QDockWidget:
        dock = QDockWidget(self.tr("Settings"), self)
        dock.setObjectName("settings")
        self.settings_panel = SettingsPanel(self.controller)
        dock.setWidget(scrolling(self.settings_panel))  # its groups wrap rather than run off to the side
        DockHeight(self, dock, self.settings_panel)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        return dock

    def _training_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Training"))
        menu.addActions(self.training_actions.all())
        # A text field keeps Space and R for typing; Esc leaves it so that they play and reset again.
        leave = QAction(self.tr("Leave the text field"), self)
        leave.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        leave.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        leave.setStatusTip(self.tr("Esc: leave the field being typed in, so that Space, R and the arrows train again."))
        leave.triggered.connect(self.leave_field)
        menu.addAction(leave)

    def leave_field(self) -> None:
        focused = QApplication.focusWidget()
        if focused is not None and focused.window() is self:
            focused.clearFocus()
        self.setFocus()

    def _view_menu(self) -> None:
        """View: the settings panel and presentation mode (the language helper adds a submenu here)."""
        menu = self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        toggle = self.settings_dock.toggleViewAction()
        toggle.setText(self.tr("&Settings panel"))
        toggle.setStatusTip(self.tr("Show or hide the optimizer, schedule, regularization and start settings."))
        menu.addAction(toggle)
        self.presentation_action = menu.addAction(self.tr("&Presentation"))
        self.presentation_action.setCheckable(True)
        self.presentation_action.setShortcuts([QKeySequence("F11"), QKeySequence("F5")])
        self.presentation_action.setStatusTip(self.tr(
            "Large type, a large output plane and network, the settings folded away: readable from the back of a "
            "room (F11 or F5)."))
        self.presentation_action.toggled.connect(self.set_presentation)
        language.add_menu(menu, self.settings)

    def set_presentation(self, on: bool) -> None:
        """Presentation mode: every font 1.5x; the data column, layer table and settings dock folded away so the
        network and the output plane get the room (the dock comes back on leaving if it was shown)."""
        if on == self.presenting:
            return
        self.presenting = on
        self.presentation_action.setChecked(on)
        if on:
            self._dock_was_shown = self.settings_dock.isVisible()
            self._column_sizes = self.columns.sizes()
        presentation.scale_fonts(self, presentation.FACTOR if on else 1.0)
        self.settings_dock.setVisible(not on and self._dock_was_shown)
        self.layer_editor.setVisible(not on)
        self.columns.widget(0).setVisible(not on)
        if on:  # the data column's room to the network and the output plane, the plots keep a quarter
            width = sum(self._column_sizes)
            self.columns.setSizes([0, int(width * 0.4), int(width * 0.35), int(width * 0.25)])
        else:
            self.columns.setSizes(self._column_sizes)

    def add_tab(self, page: QWidget, title: str, tip: str = "", view: View | None = None, key: str = "") -> None:
        """A page in the right-hand tabs; `view` (often the page itself) gets every new frame while shown.

        `key` names the tab for show_tab() and `--tab` whatever the language: "loss", "gradients", ...
        """
        if key:
            page.setObjectName(key)
        index = self.tabs.addTab(page, title)
        self.tabs.setTabToolTip(index, tip)
        if view is not None:
            self.controller.add_view(view)

    def tab_keys(self) -> list[str]:
        return [self.tabs.widget(index).objectName() for index in range(self.tabs.count())]

    def show_lesson_view(self, experiment: Experiment) -> None:
        """What a lesson's document asks the window to show: its race in the arena, the tab it is about."""
        if experiment.view.arena is not None:
            self.arena.arena.apply(experiment.view.arena)
        if experiment.view.tab:
            self.show_tab(experiment.view.tab)

    def show_tab(self, key: str) -> bool:
        """Bring the right-hand tab with this key to the front; False if there is none."""
        keys = self.tab_keys()
        if key not in keys:
            return False
        self.tabs.setCurrentIndex(keys.index(key))
        return True

    def _show_title(self, experiment: Experiment) -> None:
        title = self.tr("Neural Playground")
        self.setWindowTitle(f"{experiment.name} \u2014 {title}" if experiment.name else title)

    def plots(self) -> dict[str, QWidget]:
        """The pictures File > Export plots writes, by file name; each is a view, drawn afresh for the export."""
        return {"network": self.network_view, "output": self.output_panel, "loss": self.loss_view,
                "gradients": self.gradient_view}

    def fall_back_when_broken(self) -> None:
        """If this experiment fails to build (a remembered CSV that moved), the default instead, with a note."""
        controller = self.controller

        def check(state: str) -> None:
            if state == "idle" and controller.snapshot is None:
                return  # still building
            controller.state_changed.disconnect(check)
            if state == "error" and controller.snapshot is None:
                reason = controller.session.status[1] or ""
                # After the frame that reported the error: its banner would cover the note.
                QTimer.singleShot(0, lambda: fall_back(reason))

        def fall_back(reason: str) -> None:
            controller.replace(Experiment())
            controller.inform(self.tr("The last experiment could not be opened ({reason}); this is the default "
                                      "one.").format(reason=reason))
        controller.state_changed.connect(check)

    # -- persistence ---------------------------------------------------------------
    def _restore(self) -> None:
        if self.settings is None:
            return
        speed = self.settings.value(SPEED_KEY)
        if isinstance(speed, str):
            self.controller.set_speed(speed)
        try:  # an INI file gives the number back as text; anything unreadable leaves smoothing off
            self.smoothing.set_beta(float(self.settings.value(SMOOTHING_KEY, 0.0)))
        except (TypeError, ValueError):
            pass
        geometry, state = self.settings.value(GEOMETRY_KEY), self.settings.value(STATE_KEY)
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def _remember_speed(self, speed: str) -> None:
        if self.settings is not None:
            self.settings.setValue(SPEED_KEY, speed)

    def _remember_smoothing(self, beta: float) -> None:
        if self.settings is not None:
            self.settings.setValue(SMOOTHING_KEY, beta)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.settings is not None:
            self.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
            self.settings.setValue(STATE_KEY, self.saveState())
            self.settings.setValue(EXPERIMENT_KEY, self.controller.experiment.to_json())
            self.settings.sync()
        self.diagnostics.shutdown()  # its background jobs first: they may wait on the model
        self.landscape.runner.shutdown()
        self.controller.close()
        super().closeEvent(event)


def last_experiment(settings: QSettings) -> Experiment | None:
    """The experiment open when the window last closed; None if there is none or it no longer validates."""
    text = settings.value(EXPERIMENT_KEY)
    if not isinstance(text, str):
        return None
    try:
        return Experiment.from_json(text)
    except ExperimentError:  # an older or damaged entry: start from the default instead
        return None
