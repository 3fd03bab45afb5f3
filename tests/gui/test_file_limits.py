"""The File menu and CSV import with odd files: one-line messages, old files kept, nothing read forever."""
from __future__ import annotations

import os
import types

import pytest
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from playground.config import atomic
from playground.config.experiment import Experiment
from playground.gui.file_menu import FileMenu
from playground.gui.panels.csv_import import read_header


@pytest.fixture
def menu(qtbot, monkeypatch):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QLabel("plot"))
    replaced = []
    controller = types.SimpleNamespace(experiment=Experiment(), replace=replaced.append, draw_now=lambda views: None,
                                       inform=lambda text: None)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    file_menu = FileMenu(window, controller, None, lambda: {"plot": window.centralWidget()})
    return file_menu, replaced, warnings


@pytest.mark.parametrize("content, expected", [
    (b"[" * 100_000 + b"]" * 100_000, "nested more than 32 levels deep"),
    (b'{"seed": ' + b"7" * 5000 + b"}", "a number has 5,000 digits"),
    (b'{"name": "\\udc00"}', "lone surrogate"),
    (b'{"name": "' + b"x" * 10_000_000 + b'", "seed": "x"}', "seed: must be a valid integer"),
])
def test_open_refuses_odd_json_in_one_short_line(menu, tmp_path, content, expected):
    file_menu, replaced, warnings = menu
    path = tmp_path / "odd.json"
    path.write_bytes(content)
    assert file_menu.open(str(path)) is False
    assert replaced == [] and len(warnings) == 1
    assert expected in warnings[0] and "\n" not in warnings[0] and len(warnings[0]) <= 500


def test_open_refuses_a_device(menu):
    file_menu, replaced, warnings = menu
    assert file_menu.open("/dev/zero") is False
    assert warnings == ["/dev/zero: cannot read (not a regular file)"]


def test_a_failed_save_keeps_the_old_file(menu, tmp_path, monkeypatch):
    file_menu, _, warnings = menu
    target = tmp_path / "e.json"
    target.write_text("old")

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", disk_full)
    assert file_menu.save(str(target)) is False
    assert target.read_text() == "old" and os.listdir(tmp_path) == ["e.json"]
    assert warnings == [f"{target}: cannot write (No space left on device)"]


def test_export_writes_whole_pictures_and_no_temporary_files(menu, tmp_path):
    file_menu, _, warnings = menu
    written = file_menu.export(str(tmp_path))
    assert warnings == [] and sorted(p.name for p in written) == ["plot.png", "window.png"]
    assert sorted(os.listdir(tmp_path)) == ["plot.png", "window.png"]
    assert all(p.read_bytes().startswith(b"\x89PNG\r\n\x1a\n") for p in written)


def test_csv_import_refuses_a_device_before_reading():
    with pytest.raises(ValueError, match=r"^zero: cannot read \(not a regular file\)$"):
        read_header("/dev/zero")
