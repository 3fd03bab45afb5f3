"""The File menu: experiments to and from JSON files, recent files, presets, plot export, quit.

A file that cannot be read or is not a valid experiment gets a one-line message box naming
the problem; the experiment in force stays.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QWidget

from playground.config import presets
from playground.config.experiment import Experiment, ExperimentError
from playground.gui import engine_messages
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
        self.controller.replace(experiment)
        self._remember(path)
        return True

    def open_preset(self, name: str) -> bool:
        try:
            experiment = presets.load(name)
        except ExperimentError as error:
            self._problem(self.tr("Cannot open preset"), str(error))
            return False
        self.controller.replace(experiment)
        return True


    def save_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save experiment as"), self._folder(),
                                              self._json_filter())
        if path:
            self.save(path if Path(path).suffix else path + ".json")

    def save(self, path: str) -> bool:
        try:
            self.controller.experiment.save(path)
        except OSError as error:
            self._problem(self.tr("Cannot save experiment"), f"{path}: {error.strerror or error}")
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
            if not widget.grab().save(str(path)):
                self._problem(self.tr("Cannot export plots"),
                              self.tr("{path}: cannot write the file").format(path=path))
                return written
            written.append(path)
        self.window.statusBar().showMessage(self.tr("Saved {count} pictures in {folder}").format(
            count=len(written), folder=folder), 5000)
        return written

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
        """Data sets first, then the lessons in a submenu of their own; each item says what it shows."""
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
        action = menu.addAction(experiment.name or name)
        action.setToolTip(experiment.description)
        action.setStatusTip(experiment.description.splitlines()[0] if experiment.description else "")
        action.triggered.connect(lambda _=False: self.open_preset(name))

    def _json_filter(self) -> str:
        return self.tr("Experiments (*.json);;All files (*)")

    def _folder(self) -> str:
        files = self.recent()
        return str(Path(files[0]).parent) if files else ""

    def _problem(self, title: str, text: str) -> None:
        QMessageBox.warning(self.window, title, engine_messages.text(text))
