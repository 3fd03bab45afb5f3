"""Marking the engine's English for Qt's lupdate without importing Qt.

lupdate finds a text by the name of the call around it, QT_TRANSLATE_NOOP(context,
"text"), in every Python file it reads, whatever that name is bound to. This one
returns the text as it is: the engine keeps speaking English (the command line
prints it) and the window translates the same string with
QCoreApplication.translate(context, text), so each text is written once.
Write a text as one literal, or adjacent literals, with no parentheses around
them: lupdate skips a parenthesized argument.
"""
from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name is what lupdate looks for)
    """The text, unchanged; `context` is the translation context the window looks it up in."""
    return text
