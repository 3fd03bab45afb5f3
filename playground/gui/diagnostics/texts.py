"""The diagnostics' words in the user's language.

The engine's remedy lists (bias_variance.REMEDIES, gradient_flow.REMEDIES) are
English marked for lupdate in the "Remedy" context (config.texts), so remedy()
translates the engine's own strings. So are the sweeps' axis labels
(curves.AXIS_LABELS, context "Sweep"). Verdict headlines are the window's own
words, keyed by the engine's stable verdicts.
"""
from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from playground.analysis.curves import AXIS_LABELS

_REMEDY = "Remedy"

# diagnosis.VERDICTS -> (headline, what it means)
_VERDICT = "Verdict"
VERDICT_TEXTS = {
    "high_bias": (QT_TRANSLATE_NOOP("Verdict", "High bias"),
                  QT_TRANSLATE_NOOP("Verdict", "The model underfits: it does not even fit the training data well.")),
    "high_variance": (QT_TRANSLATE_NOOP("Verdict", "High variance"),
                      QT_TRANSLATE_NOOP("Verdict", "The model overfits: it fits the training data but not new data.")),
    "high_bias_and_variance": (
        QT_TRANSLATE_NOOP("Verdict", "High bias and high variance"),
        QT_TRANSLATE_NOOP("Verdict", "The model fits the training data poorly and new data worse still.")),
    "fine": (QT_TRANSLATE_NOOP("Verdict", "Fine"),
             QT_TRANSLATE_NOOP("Verdict", "Bias and variance are both small.")),
    "unknown": (QT_TRANSLATE_NOOP("Verdict", "No diagnosis"),
                QT_TRANSLATE_NOOP("Verdict", "The errors are not numbers: training diverged, or there is no "
                                             "validation split.")),
}

_SWEEP = "Sweep"


def remedy(text: str) -> str:
    """An engine remedy in the user's language (English where no translation ships)."""
    return QCoreApplication.translate(_REMEDY, text)


def remedy_list(remedies: Iterable[str]) -> str:
    """'a, b, c' with the list separator of the user's language (Chinese lists use 、)."""
    separator = QCoreApplication.translate("Remedy", ", ")  # a literal context, so that lupdate finds it
    return separator.join(remedy(text) for text in remedies)


def verdict_headline(verdict: str) -> str:
    return QCoreApplication.translate(_VERDICT, VERDICT_TEXTS[verdict][0])


def verdict_meaning(verdict: str) -> str:
    return QCoreApplication.translate(_VERDICT, VERDICT_TEXTS[verdict][1])


def sweep_axis(kind: str) -> str:
    """What a sweep's x counts (curves.Curve.kind), in the user's language."""
    return QCoreApplication.translate(_SWEEP, AXIS_LABELS[kind])

