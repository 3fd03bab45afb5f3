"""The engine's English words in the diagnostics, translated where they are shown.

The core is Qt-free, so its remedy lists (diagnosis.REMEDIES, gradient_flow.REMEDIES)
carry no marker for lupdate; the same texts are listed here with QT_TRANSLATE_NOOP and
looked up by their English text, so a translation ships without touching the engine.
A remedy the engine adds later shows in English until it is listed (a test checks the
list is complete).
"""
from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_REMEDY = "Remedy"
REMEDY_TEXTS = (
    QT_TRANSLATE_NOOP("Remedy", "a bigger network (more units or layers)"),
    QT_TRANSLATE_NOOP("Remedy", "train longer"),
    QT_TRANSLATE_NOOP("Remedy", "a better optimizer (Adam, momentum)"),
    QT_TRANSLATE_NOOP("Remedy", "less regularization"),
    QT_TRANSLATE_NOOP("Remedy", "more data"),
    QT_TRANSLATE_NOOP("Remedy", "regularization (L2, dropout)"),
    QT_TRANSLATE_NOOP("Remedy", "early stopping"),
    QT_TRANSLATE_NOOP("Remedy", "a smaller network"),
    QT_TRANSLATE_NOOP("Remedy", "ReLU-family activations (ReLU, leaky ReLU, ELU)"),
    QT_TRANSLATE_NOOP("Remedy", "He or Xavier initialization"),
    QT_TRANSLATE_NOOP("Remedy", "batch norm"),
    QT_TRANSLATE_NOOP("Remedy", "a smaller learning rate"),
    QT_TRANSLATE_NOOP("Remedy", "gradient clipping"),
    QT_TRANSLATE_NOOP("Remedy", "a smaller (Xavier or He) initialization"),
    QT_TRANSLATE_NOOP("Remedy", "a smaller initialization"),
    QT_TRANSLATE_NOOP("Remedy", "a larger validation split"),
    QT_TRANSLATE_NOOP("Remedy", "standardized inputs (the features' scales differ by more than 100 times)"),
)

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
    "uncertain": (QT_TRANSLATE_NOOP("Verdict", "Not sure yet"),
                  QT_TRANSLATE_NOOP("Verdict", "A gap is within the noise of {rows} validation points: "
                                               "variance {variance} ± {variance_margin}, avoidable bias "
                                               "{bias} ± {bias_margin}, against a tolerance of {tolerance}.")),
    "unknown": (QT_TRANSLATE_NOOP("Verdict", "No diagnosis"),
                QT_TRANSLATE_NOOP("Verdict", "The errors are not numbers: there is no validation split.")),
}
# diagnosis.UNKNOWN_REASONS -> why there is no verdict
UNKNOWN_TEXTS = {
    "not_trained": QT_TRANSLATE_NOOP("Verdict", "The model has not finished an epoch yet."),
    "diverged": QT_TRANSLATE_NOOP("Verdict", "Training diverged, so its errors say nothing about bias or variance."),
    "not_numbers": VERDICT_TEXTS["unknown"][1],
}

# curves.Curve.kind -> what its x counts
_SWEEP = "Sweep"
SWEEP_AXES = {
    "learning": QT_TRANSLATE_NOOP("Sweep", "training examples"),
    "width": QT_TRANSLATE_NOOP("Sweep", "hidden units per layer"),
    "depth": QT_TRANSLATE_NOOP("Sweep", "hidden layers"),
    "degree": QT_TRANSLATE_NOOP("Sweep", "polynomial degree"),
}


def remedy(text: str) -> str:
    """An engine remedy in the user's language (English where no translation ships)."""
    return QCoreApplication.translate(_REMEDY, text)


def remedy_list(remedies: Iterable[str]) -> str:
    """'a, b, c' with the list separator of the user's language (Chinese lists use 、)."""
    separator = QCoreApplication.translate("Remedy", ", ")  # a literal context, so that lupdate finds it
    return separator.join(remedy(text) for text in remedies)


def verdict_headline(verdict: str) -> str:
    return QCoreApplication.translate(_VERDICT, VERDICT_TEXTS[verdict][0])


def verdict_meaning(d: dict, gap_text) -> str:
    """What the diagnosis `d` means, with its numbers where it is unsure; gap_text(value) writes a gap."""
    if d["verdict"] == "unknown":
        return QCoreApplication.translate(_VERDICT, UNKNOWN_TEXTS[d.get("unknown_reason") or "not_numbers"])
    meaning = QCoreApplication.translate(_VERDICT, VERDICT_TEXTS[d["verdict"]][1])
    if d["verdict"] != "uncertain":
        return meaning
    return meaning.format(rows=d["val_rows"], variance=gap_text(d["variance"]), bias=gap_text(d["avoidable_bias"]),
                          variance_margin=gap_text(d["variance_margin"]), bias_margin=gap_text(d["bias_margin"]),
                          tolerance=gap_text(d["tolerance"]))


def sweep_axis(kind: str) -> str:
    return QCoreApplication.translate(_SWEEP, SWEEP_AXES[kind])

