"""File > Export as PyTorch script: the window writes the script the command line writes, and names its path."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from playground.analysis.export import script_for


def test_the_menu_writes_the_experiments_script_and_names_it(qtbot, open_window, tmp_path, monkeypatch):
    window = open_window()
    said = []
    window.controller.message.connect(lambda text, severity: said.append(text))
    action = next(a for a in window.file_menu.menu.actions() if "PyTorch" in a.text().replace("&", ""))
    path = tmp_path / "net.py"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *args: (str(tmp_path / "net"), ""))
    action.trigger()
    assert path.read_text(encoding="utf-8") == script_for(window.controller.experiment)
    assert any(str(path) in text for text in said)


def test_a_missing_csv_is_named_in_a_message_and_nothing_is_written(qtbot, open_window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    window = open_window()
    csv = tmp_path / "table.csv"
    csv.write_text("a,b,label\n" + "".join(f"{i},{i % 3},{i % 2}\n" for i in range(20)))
    # The experiment in force names the file, which then goes: as if it were deleted while the window is open.
    monkeypatch.setattr(window.controller, "_experiment", window.controller.experiment.with_changes(
        **{"data.dataset": "csv", "data.csv_path": str(csv), "data.samples": None}))
    csv.unlink()
    assert not window.file_menu.export_script(str(tmp_path / "net.py"))
    assert len(shown) == 1 and "\n" not in shown[0] and "data.csv_path" in shown[0]
    assert list(tmp_path.iterdir()) == []
