"""How errors read: classification error rates in percent, as on the course's slides; regression errors as MSE."""
from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

MISSING = "\u2013"


@dataclass(frozen=True)
class ErrorUnit:
    percent: bool

    def scaled(self, error: float) -> float:
        """The number drawn on an axis."""
        return 100.0 * error if self.percent else error

    def text(self, error: float, signed: bool = False) -> str:
        if error is None or not math.isfinite(error):
            return MISSING
        sign = "+" if signed else ""
        return f"{100.0 * error:{sign}.1f} %" if self.percent else f"{error:{sign}.3g}"

    def axis_label(self) -> str:
        if self.percent:
            return QCoreApplication.translate("ErrorUnit", "error (%)")
        return QCoreApplication.translate("ErrorUnit", "mean squared error")


def unit_for(task: str) -> ErrorUnit:
    """Percent for "binary" and "multiclass", MSE for "regression"."""
    return ErrorUnit(percent=task != "regression")
