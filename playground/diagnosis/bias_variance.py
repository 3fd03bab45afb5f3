"""Bias and variance, diagnosed the way the course teaches it.

avoidable bias = training error - baseline error (human level / Bayes),
variance = validation error - training error. Errors are misclassification
rates for classification and mean squared error for regression.
"""
from __future__ import annotations

import math

import numpy as np

from playground.config.texts import QT_TRANSLATE_NOOP

VERDICTS = ("high_bias", "high_variance", "high_bias_and_variance", "fine", "unknown")
CLASSIFICATION_TOLERANCE = 0.03  # three percentage points of error
REGRESSION_TOLERANCE = 0.05      # as a fraction of the targets' variance

# English, marked for the window's translations (context "Remedy"; see config.texts).
REMEDIES = {
    "high_bias": (QT_TRANSLATE_NOOP("Remedy", "a bigger network (more units or layers)"),
                  QT_TRANSLATE_NOOP("Remedy", "train longer"),
                  QT_TRANSLATE_NOOP("Remedy", "a better optimizer (Adam, momentum)"),
                  QT_TRANSLATE_NOOP("Remedy", "less regularization")),
    "high_variance": (QT_TRANSLATE_NOOP("Remedy", "more data"), QT_TRANSLATE_NOOP("Remedy", "regularization (L2, dropout)"),
                      QT_TRANSLATE_NOOP("Remedy", "early stopping"), QT_TRANSLATE_NOOP("Remedy", "a smaller network")),
    "fine": (),
}
REMEDIES["high_bias_and_variance"] = REMEDIES["high_bias"][:2] + REMEDIES["high_variance"][:2]
REMEDIES["unknown"] = ()


def verdict(avoidable_bias: float, variance: float, tolerance: float) -> str:
    """One of VERDICTS, from the two gaps and how large a gap may be and still be fine.

    "unknown" when a gap is not a number: a diverged run, or no validation split.
    """
    if not (math.isfinite(avoidable_bias) and math.isfinite(variance)):
        return "unknown"
    biased, varied = avoidable_bias > tolerance, variance > tolerance
    if biased and varied:
        return "high_bias_and_variance"
    return "high_bias" if biased else "high_variance" if varied else "fine"


def diagnose_errors(train_error: float, val_error: float, baseline_error: float | None,
                    tolerance: float) -> dict:
    """The diagnosis as plain values: the errors, the two gaps, the verdict and its remedies (English, for the GUI)."""
    baseline = 0.0 if baseline_error is None else baseline_error
    bias, variance = train_error - baseline, val_error - train_error
    found = verdict(bias, variance, tolerance)
    return {
        "baseline_error": baseline, "baseline_known": baseline_error is not None,
        "train_error": train_error, "val_error": val_error,
        "avoidable_bias": bias, "variance": variance, "tolerance": tolerance,
        "verdict": found, "remedies": list(REMEDIES[found]),
    }


def diagnose(trainer) -> dict:
    """The diagnosis of a trainer's current model on its training and validation splits."""
    (train_loss, train_acc), (val_loss, val_acc) = trainer.evaluate("train"), trainer.evaluate("val")
    return diagnose_metrics(trainer, train_loss, val_loss, train_acc, val_acc)


def diagnose_metrics(trainer, train_loss: float, val_loss: float,
                     train_acc: float | None, val_acc: float | None) -> dict:
    """The diagnosis from losses and accuracies already measured (a snapshot's), with the trainer's baseline."""
    baseline = trainer.experiment.data.baseline_error
    if baseline is None:
        baseline = trainer.dataset.baseline_error
    if trainer.task == "regression":
        spread = float(np.var(trainer.dataset.y_train)) or 1.0
        return diagnose_errors(train_loss, val_loss, baseline, REGRESSION_TOLERANCE * spread)
    val_error = 1.0 - val_acc if val_acc is not None else float("nan")
    return diagnose_errors(1.0 - train_acc, val_error, baseline, CLASSIFICATION_TOLERANCE)


def describe_verdict(d: dict) -> str:
    """The diagnosis in one or two sentences of English (the CLI's summary)."""
    numbers = (f"baseline error {d['baseline_error']:.3g}{'' if d['baseline_known'] else ' (assumed)'}, "
               f"training error {d['train_error']:.3g}, validation error {d['val_error']:.3g}: "
               f"avoidable bias {d['avoidable_bias']:.3g}, variance {d['variance']:.3g}")
    words = {
        "high_bias": "High bias: the model underfits.",
        "high_variance": "High variance: the model overfits.",
        "high_bias_and_variance": "High bias and high variance.",
        "fine": "Bias and variance are both small.",
    }.get(d["verdict"])
    if words is None:
        return "No diagnosis: the errors are not numbers (training diverged, or there is no validation split)."
    remedies = REMEDIES[d["verdict"]]
    advice = f" Try {', '.join(remedies)}." if remedies else ""
    return f"Diagnosis: {words} ({numbers}).{advice}"
