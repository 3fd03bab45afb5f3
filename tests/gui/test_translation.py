"""The Simplified Chinese window: the shipped .ts/.qm, language switching, translated engine messages."""
from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QApplication, QLabel, QMenu

from playground.cli import main as cli
from playground.config import catalog, presets
from playground.config.experiment import DataSpec, Experiment, ExperimentError
from playground.data.datasets import load
from playground.gui import app as gui_app
from playground.gui import engine_messages, language
from playground.gui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
SHIPPED_TS = ROOT / "playground" / "gui" / "translations" / "playground_zh_CN.ts"
# Python's format fields ({epoch}, {loss:.4g}) and Qt's (%n, %1).
PLACEHOLDER = re.compile(r"\{[A-Za-z_]\w*(?:![rsa])?(?::[^{}]*)?\}|%n|%\d")


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed")
    return path


def _translation_script():
    spec = importlib.util.spec_from_file_location("translations_tool", ROOT / "tools" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(ts: Path):
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") not in ("vanished", "obsolete"):
                forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
                yield context.findtext("name"), message.findtext("source"), translation.get("type"), forms


# -- the shipped files -----------------------------------------------------------------------
def test_the_shipped_ts_translates_at_least_98_percent_of_what_lupdate_extracts_now(tmp_path):
    _tool("pyside6-lupdate")
    current = tmp_path / "current.ts"
    shutil.copy(SHIPPED_TS, current)
    script = _translation_script()
    script.extract(current)  # what `python tools/translations.py` does to the shipped file
    counts = script.counts(current)
    assert counts["texts"] > 400  # the whole package was read, not one file
    assert counts["unfinished"] <= 0.02 * counts["texts"], (
        f"{counts['unfinished']} of {counts['texts']} texts untranslated: run python tools/translations.py and translate them")


def test_every_translation_keeps_the_placeholders_of_its_source():
    wrong = [(context, source, form) for context, source, kind, forms in _messages(SHIPPED_TS) if kind != "unfinished"
             for form in forms if sorted(PLACEHOLDER.findall(form)) != sorted(PLACEHOLDER.findall(source))]
    assert wrong == []


def test_finished_translations_are_not_empty_and_shortcut_markers_survive():
    messages = [m for m in _messages(SHIPPED_TS) if m[2] != "unfinished"]
    assert messages and all(form.strip() for *_, forms in messages for form in forms)
    # A menu title keeps its Alt shortcut: "&File" becomes "文件(&F)".
    assert all("&" in forms[0] for _, source, _, forms in messages if re.match(r"^&\w", source))


def test_the_shipped_qm_is_the_compiled_ts_and_is_found_through_resources(tmp_path):
    lrelease = _tool("pyside6-lrelease")
    compiled = tmp_path / "zh.qm"
    subprocess.run([lrelease, str(SHIPPED_TS), "-qm", str(compiled)], check=True, capture_output=True)
    shipped = (resources.files("playground.gui") / "translations" / "playground_zh_CN.qm").read_bytes()
    assert shipped == language.qm_data("zh_CN") == compiled.read_bytes()


# -- switching -------------------------------------------------------------------------------
def test_install_translates_the_window_and_qt_and_english_takes_it_back(qtbot, chinese):
    assert language.current() == "zh_CN"
    assert QCoreApplication.translate("TopBar", "Learning rate") == "学习率"
    assert QCoreApplication.translate("NetworkView", "%n hidden layers", None, 3) == "3 个隐藏层"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # Qt's own qtbase_zh_CN
    window = MainWindow(Experiment())
    qtbot.addWidget(window)
    captions = {label.text() for label in window.top_bar.findChildren(QLabel)}
    menus = [action.text() for action in window.menuBar().actions()]
    window.close()
    assert "学习率" in captions and "文件(&F)" in menus
    language.install(chinese, language.ENGLISH)
    assert QCoreApplication.translate("TopBar", "Learning rate") == "Learning rate"


def test_an_unknown_language_is_refused_with_its_field():
    with pytest.raises(ValueError, match=r"^language: must be one of en, zh_CN \(got 'fr'\)$"):
        language.install(QApplication.instance() or QApplication([]), "fr")


@pytest.mark.parametrize("locale, expected", [("zh_CN", "zh_CN"), ("zh_TW", "zh_CN"), ("de_DE", "en"), ("en_US", "en")])
def test_the_default_follows_the_system_locale(locale, expected):
    before = QLocale()
    QLocale.setDefault(QLocale(locale))
    try:
        assert language.system_language() == expected
    finally:
        QLocale.setDefault(before)


def test_the_language_menu_stores_the_pick_for_the_next_start(qtbot, tmp_path, monkeypatch):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    told = []
    monkeypatch.setattr(language.QMessageBox, "information", lambda parent, title, text: told.append(text))
    window = MainWindow(Experiment(), settings)
    qtbot.addWidget(window)
    picks = {action.text(): action for action in window.findChild(QMenu, "language").actions()}
    assert set(picks) == {"English", "简体中文"} and picks["English"].isChecked()
    picks["简体中文"].trigger()
    window.close()
    assert language.chosen(settings) == "zh_CN" and picks["简体中文"].isChecked()
    assert len(told) == 1 and "简体中文" in told[0]
    settings.setValue(language.SETTINGS_KEY, "klingon")  # a damaged entry: follow the system instead
    assert language.chosen(settings) is None


@pytest.mark.parametrize("argv, stored, expected", [(["--lang", "zh_CN"], None, "zh_CN"), ([], "zh_CN", "zh_CN"),
                                                    (["--lang", "en"], "zh_CN", "en")])
def test_the_lang_flag_wins_over_the_menus_choice(argv, stored, expected, qtbot, monkeypatch, tmp_path):
    assert set(catalog.LANGUAGES) == set(language.NAMES)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    if stored:
        settings.setValue(language.SETTINGS_KEY, stored)
    windows = []

    class Window(MainWindow):
        def show(self):
            windows.append((self, language.current(), self.menuBar().actions()[0].text()))

    monkeypatch.setattr(gui_app, "QSettings", lambda *_: settings)
    monkeypatch.setattr(gui_app, "MainWindow", Window)
    monkeypatch.setattr(QApplication, "exec", lambda *_: 0)  # no event loop: the window is only built
    try:
        assert gui_app.run(cli.build_parser().parse_args(argv), Experiment()) == 0
    finally:
        language.install(QApplication.instance(), language.ENGLISH)
        for window, *_ in windows:
            window.close()
    assert [(lang, menu) for _, lang, menu in windows] == [(expected, "文件(&F)" if expected == "zh_CN" else "&File")]


@pytest.mark.parametrize("argv, says", [(["--lang", "fr"], "argument --lang: invalid choice: 'fr'"),
                                        (["--lang", "zh_CN", "train"], "argument --lang: only for the window")])
def test_a_bad_lang_flag_stops_with_one_line(argv, says, capsys):
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and says in err


# -- the engine's messages -------------------------------------------------------------------
def _engine_error(make) -> str:
    with pytest.raises(ExperimentError) as raised:
        make()
    return str(raised.value)


def _csv(tmp_path: Path, text: str) -> str:
    path = tmp_path / "table.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


ENGINE_ERRORS = {
    "greater": (lambda tmp: Experiment().with_changes(**{"training.optimizer.lr": -1.0}), ["training.optimizer.lr", "-1.0", "大于"]),
    "at least": (lambda tmp: Experiment().with_changes(**{"training.epochs": 0}), ["training.epochs", "大于或等于"]),
    "at most": (lambda tmp: Experiment().with_changes(**{"data.noise": 2.0}), ["data.noise", "2.0", "小于或等于"]),
    "integer": (lambda tmp: Experiment().with_changes(**{"training.epochs": 1.5}), ["training.epochs", "整数"]),
    "choice": (lambda tmp: Experiment().with_changes(**{"data.dataset": "foo"}), ["data.dataset", "'foo'", "之一（实际为 'foo'）"]),
    "field": (lambda tmp: Experiment.from_dict({"bogus": 1}), ["bogus", "字段"]),
    "feature": (lambda tmp: Experiment().with_changes(**{"data.features": ["zz"]}), ["data.features", "'zz'", "未知特征"]),
    "twice": (lambda tmp: Experiment().with_changes(**{"data.features": ["x1", "x1"]}), ["data.features", "重复"]),
    "hyper": (lambda tmp: Experiment().with_changes(**{"training.optimizer.hyper": {"zz": 1}}), ["'zz'", "超参数"]),
    "batch norm": (lambda tmp: Experiment().with_changes(**{"training.batch_size": 1, "network.layers": [
        {"units": 4, "batch_norm": True}]}), ["training.batch_size", "批归一化"]),
    "tf rules": (lambda tmp: Experiment().with_changes(**{"training.loss": "tf_playground", "training.optimizer.name": "adam"}),
                 ["training.loss", "training.optimizer.name", "SGD"]),
    "json": (lambda tmp: Experiment.from_json("{,"), ["第 1 行", "JSON"]),
    "version": (lambda tmp: Experiment.from_dict({"version": 2}), ["version", "2"]),
    "preset": (lambda tmp: presets.load("no-such-preset"), ["'no-such-preset'", "未知预设"]),
    "csv number": (lambda tmp: load(DataSpec(dataset="csv", csv_path=_csv(tmp, "a,b,label\n1,x,0\n2,3,1\n"))),
                   ["table.csv", "'b'", "'x'", "不是数字"]),
    "csv twice": (lambda tmp: load(DataSpec(dataset="csv", csv_path=_csv(tmp, "a,a,label\n1,2,0\n"))), ["table.csv", "'a'", "两次"]),
    "csv label": (lambda tmp: load(DataSpec(dataset="csv", csv_path=_csv(tmp, "a,b\n1,2\n"), label_column="c")),
                  ["table.csv", "'c'", "标签列"]),
}


@pytest.mark.parametrize("case", sorted(ENGINE_ERRORS))
def test_the_engines_real_messages_are_translated_keeping_fields_and_values(case, chinese, tmp_path):
    make, kept = ENGINE_ERRORS[case]
    english = _engine_error(lambda: make(tmp_path))
    shown = engine_messages.text(english)
    assert shown != english and all(part in shown for part in kept), (english, shown)
    assert not re.search(r"\b(must|should|not|or|unknown|line|column)\b", shown), shown  # no English wording left


@pytest.mark.parametrize("how, kept", [("killed by signal 9", "9"), ("exit code 1", "1")])
def test_a_dead_training_process_is_reported_in_chinese(how, kept, chinese):
    english = f"the training process stopped unexpectedly ({how}); Play, Step or Reset starts a new one"
    shown = engine_messages.text(english)
    assert "训练进程" in shown and kept in shown and not re.search(r"[A-Za-z]{3,}", shown), shown


def test_engine_messages_stay_english_without_a_translation_and_unknown_ones_pass_through():
    english = _engine_error(lambda: Experiment().with_changes(**{"training.optimizer.lr": -1.0}))
    assert engine_messages.text(english) == english
    assert engine_messages.translated("a sentence the engine never wrote") is None


def test_a_message_half_known_is_shown_whole_in_english(chinese):
    # The prefix fits "{field}: {problem}", the rest fits nothing: better all English than a mix.
    assert engine_messages.text("data.noise: too loud today") == "data.noise: too loud today"


def test_the_window_says_why_an_edit_was_refused_in_chinese(qtbot, chinese):
    window = MainWindow(Experiment())
    qtbot.addWidget(window)
    said = []
    window.controller.message.connect(lambda text, severity: said.append(text))
    assert not window.controller.apply({"training.optimizer.lr": -1.0})
    window.close()
    assert said == ["未应用：training.optimizer.lr：必须大于 0（实际为 -1.0）"]
