"""Writes playground/gui/preset_texts.py from the preset and lesson files: run it after adding or editing one.

pyside6-lupdate reads Python, not JSON; the module this writes repeats each document's title and description
inside QT_TRANSLATE_NOOP so that they are extracted for translation (tests/test_presets.py checks it is current).
"""
import json
from pathlib import Path

from playground.config import presets

HEADER = '''"""The presets' and lessons' titles and descriptions, where pyside6-lupdate finds them to translate.

The JSON files are data, which lupdate does not read; this list repeats their texts (tools/preset_texts.py
writes it, tests/test_presets.py fails when it misses one), and `translated` looks a document's text up in
the "Presets" context. A text of the user's own experiment has no translation and comes back as it is.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

TEXTS = (
'''
FOOTER = '''
)


def translated(text: str) -> str:
    return QCoreApplication.translate("Presets", text) if text else text
'''


def entry(text: str) -> str:
    line = f'    QT_TRANSLATE_NOOP("Presets", {json.dumps(text, ensure_ascii=False)}),'
    return line + "  # noqa: E501" if len(line) > 140 else line


def main() -> None:
    texts = [text for name in presets.names() for text in (presets.load(name).name, presets.load(name).description)]
    target = Path(__file__).resolve().parent.parent / "playground" / "gui" / "preset_texts.py"
    target.write_text(HEADER + "\n".join(entry(text) for text in texts) + FOOTER, encoding="utf-8")


if __name__ == "__main__":
    main()
