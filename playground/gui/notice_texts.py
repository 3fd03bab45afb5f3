"""The engine's notices (notices.TEMPLATES) in the user's language.

The core cannot call tr(): it hands out a kind and its values. Its English
templates carry lupdate's marker (config.texts), so the window translates the
engine's own strings here and no copy of them is kept.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from playground.config.notices import CONTEXT, TEMPLATES, Notice


def text(notice: Notice) -> str:
    """The notice's sentence, translated where a translation is installed."""
    return QCoreApplication.translate(CONTEXT, TEMPLATES[notice.kind]).format(**notice.values)
