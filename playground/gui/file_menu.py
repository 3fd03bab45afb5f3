"""The File menu: experiments to and from JSON files, recent files, presets, plot and script export, quit.

A file that cannot be read or is not a valid experiment gets a one-line message box naming
the problem; the experiment in force stays.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QWidget

from playground.analysis import export
from playground.config import presets
from playground.config.atomic import write_atomic
from playground.config.experiment import Experiment, ExperimentError
from playground.config.limits import ECHO_CHARS, clip
from playground.gui import engine_messages, preset_texts
from playground.gui.controller import Controller

MAX_RECENT = 8
RECENT_KEY = "files/recent"


class FileMenu(QObject):
    def __init__(self, window: QMainWindow, controller: Controller, settings: QSettings | None,
                 plots: Callable[[], dict[str, QWidget]]):
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.settings = settings
        self.plots = plots
        menu = window.menuBar().addMenu(self.tr("&File"))
        self.menu = menu
        self._add(menu, self.tr("&New experiment"), self.new, QKeySequence.StandardKey.New,
                  self.tr("Start over from TF Playground's default experiment: every setting back to its default."))
        self._add(menu, self.tr("&Open experiment\u2026"), self.open_dialog, QKeySequence.StandardKey.Open,
                  self.tr("Load an experiment from a JSON file; training starts over."))
        self._add(menu, self.tr("&Save experiment as\u2026"), self.save_dialog, QKeySequence.StandardKey.SaveAs,
                  self.tr("Write this experiment (data, network, training settings) to a JSON file."))
        self.recent_menu = menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.presets_menu = menu.addMenu(self.tr("&Presets"))
        self._fill_presets()
        menu.addSeparator()
        self._add(menu, self.tr("&Export plots as PNG\u2026"), self.export_dialog, None,
                  self.tr("Save pictures of the window and of each plot into a folder."))
        self._add(menu, self.tr("Export as Py&Torch script\u2026"), self.script_dialog, None,
                  self.tr("Write this experiment as one Python file that needs only torch and numpy and trains "
                          "the same network to the same loss."))
        menu.addSeparator()
        self._add(menu, self.tr("&Quit"), window.close, QKeySequence.StandardKey.Quit, self.tr("Close the window."))

    def _add(self, menu: QMenu, text: str, slot, key, tip: str) -> QAction:
        action = menu.addAction(text)
        if key is not None:
            action.setShortcut(key)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    # -- experiments ----------------------------------------------------------
    def new(self) -> None:
        self.controller.replace(Experiment())

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open experiment"), self._folder(),
                                              self._json_filter())
        if path:
            self.open(path)

    def open(self, path: str) -> bool:
        try:
            experiment = Experiment.load(path)
        except ExperimentError as error:
            self._problem(self.tr("Cannot open experiment"), str(error))
            return False
        self._start(experiment)
        self._remember(path)
        return True

    def open_preset(self, name: str) -> bool:
        try:
            experiment = presets.load(name)
        except ExperimentError as error:
            self._problem(self.tr("Cannot open preset"), str(error))
            return False
        self._start(experiment)
        return True

    def _start(self, experiment: Experiment) -> None:
        """Train `experiment` from the start, with the tab open that its lesson is about."""
        self.controller.replace(experiment)
        self.window.show_lesson_view(experiment)

    def save_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save experiment as"), self._folder(),
                                              self._json_filter())
        if path:
            self.save(path if Path(path).suffix else path + ".json")

    def save(self, path: str) -> bool:
        try:
            self.controller.experiment.save(path)
        except ExperimentError as error:
            self._problem(self.tr("Cannot save experiment"), str(error))
            return False
        self._remember(path)
        return True

    # -- pictures ---------------------------------------------------------------
    def export_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Export plots into"), self._folder())
        if folder:
            self.export(folder)

    def export(self, folder: str) -> list[Path]:
        """window.png and one PNG per plot in folder; the paths written."""
        plots = self.plots()
        # Views draw only while shown; a tab never opened would be saved blank.
        self.controller.draw_now(list(plots.values()))
        pictures = {"window": self.window, **plots}
        written = []
        for name, widget in pictures.items():
            path = Path(folder) / f"{name}.png"
            try:
                write_atomic(path, png_bytes(widget))
            except ExperimentError as error:
                self._problem(self.tr("Cannot export plots"), str(error))
                return written
            written.append(path)
        # In the banner, not only the status bar: a student looks for the files where the window says.
        self.controller.inform(self.tr("Saved {count} pictures in {folder}").format(count=len(written), folder=folder))
        return written

    def script_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export as PyTorch script"), self._folder(),
                                              self.tr("Python scripts (*.py);;All files (*)"))
        if path:
            self.export_script(path if Path(path).suffix else path + ".py")

    def export_script(self, path: str) -> bool:
        """Write the experiment as a standalone training script (from its seed, not the weights trained so far)."""
        try:
            write_atomic(path, export.script_for(self.controller.experiment).encode("utf-8"))
        except ExperimentError as error:
            self._problem(self.tr("Cannot export the script"), str(error))
            return False
        self.controller.inform(self.tr("Saved the PyTorch script {path}: run it with python").format(path=path))
        return True

    # -- recent files and presets -----------------------------------------------
    def recent(self) -> list[str]:
        if self.settings is None:
            return []
        value = self.settings.value(RECENT_KEY, [])
        return [value] if isinstance(value, str) else list(value or [])

    def _remember(self, path: str) -> None:
        if self.settings is None:
            return
        absolute = str(Path(path).resolve())
        files = [absolute] + [p for p in self.recent() if p != absolute]
        self.settings.setValue(RECENT_KEY, files[:MAX_RECENT])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = self.recent()
        for path in files:
            action = self.recent_menu.addAction(Path(path).name)
            action.setStatusTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open(p))
        if not files:
            self.recent_menu.addAction(self.tr("(none yet)")).setEnabled(False)

    def _fill_presets(self) -> None:
        """Data sets first, then the lessons in teaching order in a submenu of their own; each item says what it shows."""
        loaded = []
        for name in presets.names():
            try:
                loaded.append((name, presets.load(name)))
            except ExperimentError:
                continue  # a broken preset file is named when someone picks it from the command line
        self.presets_menu.setToolTipsVisible(True)
        for name, experiment in loaded:
            if not name.startswith("lesson-"):
                self._add_preset(self.presets_menu, name, experiment)
        lessons = [(name, experiment) for name, experiment in loaded if name.startswith("lesson-")]
        if lessons:
            self.presets_menu.addSeparator()
            submenu = self.presets_menu.addMenu(self.tr("&Lessons"))
            submenu.setToolTipsVisible(True)
            for name, experiment in lessons:
                self._add_preset(submenu, name, experiment)
        if not loaded:
            self.presets_menu.addAction(self.tr("(none installed)")).setEnabled(False)

    def _add_preset(self, menu: QMenu, name: str, experiment: Experiment) -> None:
        description = preset_texts.translated(experiment.description)
        action = menu.addAction(preset_texts.translated(experiment.name) or name)
        action.setToolTip(description)
        action.setStatusTip(description.splitlines()[0] if description else "")
        action.triggered.connect(lambda _=False: self.open_preset(name))

    def _json_filter(self) -> str:
        return self.tr("Experiments (*.json);;All files (*)")

    def _folder(self) -> str:
        files = self.recent()
        return str(Path(files[0]).parent) if files else ""

    def _problem(self, title: str, text: str) -> None:
        QMessageBox.warning(self.window, title, clip(engine_messages.text(text), 2 * ECHO_CHARS))


def png_bytes(widget: QWidget) -> bytes:
    """A picture of the widget as PNG bytes, so the file is written in one atomic step."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    widget.grab().save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())
