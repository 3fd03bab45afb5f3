"""Bias and variance, diagnosed the way the course teaches it, and no more surely than the data allows.

avoidable bias = training error - baseline error (human level / Bayes),
variance = validation error - training error. Errors are misclassification
rates for classification and mean squared error for regression.

Each error is measured on a finite split, so each gap has a standard error
(from the split sizes, see standard_error). A gap is high only when it is above
the tolerance by more than Z standard errors, low only when it is below the
tolerance by as much; anything between is not yet known, and the verdict says
`uncertain` rather than guess. 125 validation rows at 25 % error measure that
error to about ±4 points: a 3-point gap there cannot be told from noise.

Which errors are noisy: the variance is this model's gap between the data it saw
and new data, so its training error is exact and only the validation error
estimates something (the error on fresh points). The avoidable bias compares the
training error with the Bayes error, which is defined on the whole distribution:
even the Bayes classifier errs more or less often on one finite training set, so
there the training error's own standard error counts. The generator's baseline
is taken as exact (its Monte Carlo estimate is far tighter than either split).
"""
from __future__ import annotations

import math

import numpy as np

from playground.config.texts import QT_TRANSLATE_NOOP
from playground.diagnosis.scaling import badly_scaled

VERDICTS = ("high_bias", "high_variance", "high_bias_and_variance", "fine", "uncertain", "unknown")
CLASSIFICATION_TOLERANCE = 0.03  # three percentage points of error: a gap worth acting on
REGRESSION_TOLERANCE = 0.05      # as a fraction of the targets' variance
Z = 1.645                        # standard errors a gap must clear: each claim ("above", "below") is one-sided 95 %

# English, marked for the window's translations (context "Remedy"; see config.texts).
STANDARDIZE = QT_TRANSLATE_NOOP("Remedy", "standardized inputs (the features' scales differ by more than 100 times)")
REMEDIES = {
    "high_bias": (QT_TRANSLATE_NOOP("Remedy", "a bigger network (more units or layers)"),
                  QT_TRANSLATE_NOOP("Remedy", "train longer"),
                  QT_TRANSLATE_NOOP("Remedy", "a better optimizer (Adam, momentum)"),
                  QT_TRANSLATE_NOOP("Remedy", "less regularization")),
    "high_variance": (QT_TRANSLATE_NOOP("Remedy", "more data"), QT_TRANSLATE_NOOP("Remedy", "regularization (L2, dropout)"),
                      QT_TRANSLATE_NOOP("Remedy", "early stopping"), QT_TRANSLATE_NOOP("Remedy", "a smaller network")),
    "uncertain": (QT_TRANSLATE_NOOP("Remedy", "a larger validation split"), QT_TRANSLATE_NOOP("Remedy", "more data")),
    "fine": (),
    "unknown": (),
}
REMEDIES["high_bias_and_variance"] = REMEDIES["high_bias"][:2] + REMEDIES["high_variance"][:2]
# Why there is no verdict: describe_verdict's sentence per reason.
UNKNOWN_REASONS = {
    "not_trained": "No diagnosis yet: the model has not finished an epoch.",
    "diverged": "No diagnosis: training diverged, so its errors say nothing about bias or variance.",
    "not_numbers": "No diagnosis: the errors are not numbers (there is no validation split, or no training data).",
}


def standard_error(error: float, rows: int, regression: bool = False) -> float:
    """The standard error of an error measured on `rows` examples.

    Classification: the binomial standard error with two errors and two successes
    added (Agresti-Coull), so 0 errors in 50 rows is not certainty. Regression: a
    mean of squared Gaussian residuals, whose standard error is MSE * sqrt(2 / n).
    """
    if rows <= 0 or not math.isfinite(error):
        return math.nan
    if regression:
        return error * math.sqrt(2.0 / rows)
    p = (error * rows + 2.0) / (rows + 4.0)
    return math.sqrt(p * (1.0 - p) / (rows + 4.0))


def gap_state(gap: float, margin: float, tolerance: float) -> str:
    """"high" when the gap is above the tolerance by more than its margin, "low" when below by as much, else "unsure"."""
    if gap - margin > tolerance:
        return "high"
    return "low" if gap + margin <= tolerance else "unsure"


def verdict(avoidable_bias: float, variance: float, tolerance: float,
            bias_margin: float = 0.0, variance_margin: float = 0.0) -> str:
    """One of VERDICTS from the two gaps, the tolerance and each gap's noise margin (Z standard errors).

    A gap that is clearly high is named even while the other is unsure (a straight line on a
    circle is high bias whatever the noise on its variance); "fine" needs both clearly low.
    "unknown" when a gap is not a number.
    """
    if not all(math.isfinite(v) for v in (avoidable_bias, variance, bias_margin, variance_margin)):
        return "unknown"
    bias = gap_state(avoidable_bias, bias_margin, tolerance)
    varied = gap_state(variance, variance_margin, tolerance)
    if bias == "high" and varied == "high":
        return "high_bias_and_variance"
    if "high" in (bias, varied):
        return "high_bias" if bias == "high" else "high_variance"
    return "fine" if bias == varied == "low" else "uncertain"


def diagnose_errors(train_error: float, val_error: float, baseline_error: float | None, tolerance: float,
                    train_rows: int = 0, val_rows: int = 0, regression: bool = False,
                    unknown_reason: str | None = None, badly_scaled_inputs: bool = False) -> dict:
    """The diagnosis as plain values: the errors, the two gaps (clipped at 0; raw beside), their margins,
    the verdict and its remedies (English, for the GUI).

    Without row counts (0) the errors are taken as exact: margins 0, the plain course recipe.
    """
    baseline = 0.0 if baseline_error is None else baseline_error
    bias, variance = train_error - baseline, val_error - train_error
    se = lambda error, rows: standard_error(error, rows, regression) if rows else 0.0
    train_se, val_se = se(train_error, train_rows), se(val_error, val_rows)
    bias_margin, variance_margin = Z * train_se, Z * val_se
    found = "unknown" if unknown_reason else verdict(bias, variance, tolerance, bias_margin, variance_margin)
    if found == "unknown" and unknown_reason is None:
        unknown_reason = "not_numbers"
    remedies = list(REMEDIES[found])
    if badly_scaled_inputs and found in ("high_bias", "high_bias_and_variance", "uncertain"):
        remedies.insert(0, STANDARDIZE)
    clipped = lambda gap: max(gap, 0.0) if math.isfinite(gap) else gap
    return {
        "baseline_error": baseline, "baseline_known": baseline_error is not None,
        "train_error": train_error, "val_error": val_error,
        "avoidable_bias": clipped(bias), "variance": clipped(variance),
        "avoidable_bias_raw": bias, "variance_raw": variance,
        "tolerance": tolerance, "bias_margin": bias_margin, "variance_margin": variance_margin,
        "train_rows": train_rows, "val_rows": val_rows,
        "verdict": found, "unknown_reason": unknown_reason if found == "unknown" else None, "remedies": remedies,
    }


def diagnose(trainer) -> dict:
    """The diagnosis of a trainer's current model on its training and validation splits."""
    (train_loss, train_acc), (val_loss, val_acc) = trainer.evaluate("train"), trainer.evaluate("val")
    return diagnose_metrics(trainer, train_loss, val_loss, train_acc, val_acc)


def diagnose_metrics(trainer, train_loss: float, val_loss: float,
                     train_acc: float | None, val_acc: float | None) -> dict:
    """The diagnosis from losses and accuracies already measured (a snapshot's), with the trainer's baseline.

    No verdict before the first epoch (the errors are the initial weights', not the training's) or after a
    divergence.
    """
    baseline = trainer.experiment.data.baseline_error
    if baseline is None:
        baseline = trainer.dataset.baseline_error
    reason = "diverged" if trainer.state == "diverged" else "not_trained" if trainer.epoch == 0 else None
    d, spec = trainer.dataset, trainer.experiment.data
    facts = {"train_rows": len(d.y_train), "val_rows": len(d.y_val), "unknown_reason": reason,
             "badly_scaled_inputs": spec.dataset == "csv" and not spec.standardizes and badly_scaled(d.x_train)}
    if trainer.task == "regression":
        spread = float(np.var(d.y_train)) or 1.0
        return diagnose_errors(train_loss, val_loss, baseline, REGRESSION_TOLERANCE * spread, regression=True, **facts)
    val_error = 1.0 - val_acc if val_acc is not None else float("nan")
    train_error = 1.0 - train_acc if train_acc is not None else float("nan")
    return diagnose_errors(train_error, val_error, baseline, CLASSIFICATION_TOLERANCE, **facts)


def describe_verdict(d: dict) -> str:
    """The diagnosis in one or two sentences of English (the CLI's summary)."""
    if d["verdict"] == "unknown":
        return UNKNOWN_REASONS[d["unknown_reason"] or "not_numbers"]
    numbers = (f"baseline error {d['baseline_error']:.3g}{'' if d['baseline_known'] else ' (assumed)'}, "
               f"training error {d['train_error']:.3g}, validation error {d['val_error']:.3g}: "
               f"avoidable bias {d['avoidable_bias']:.3g} ± {d['bias_margin']:.2g}, "
               f"variance {d['variance']:.3g} ± {d['variance_margin']:.2g}, tolerance {d['tolerance']:.3g}")
    words = {
        "high_bias": "High bias: the model underfits.",
        "high_variance": "High variance: the model overfits.",
        "high_bias_and_variance": "High bias and high variance.",
        "fine": "Bias and variance are both small.",
        "uncertain": f"Not sure yet: the gaps are within the noise of {d['val_rows']} validation points.",
    }[d["verdict"]]
    advice = f" Try {', '.join(d['remedies'])}." if d["remedies"] else ""
    return f"Diagnosis: {words} ({numbers}).{advice}"
