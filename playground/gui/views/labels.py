"""How engine names read on screen: feature names as math, layer names short."""
from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

_SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_VARIABLE = re.compile(r"^x(\d+)$")
_POWER = re.compile(r"^x(\d+)\^(\d+)$")
_PRODUCT = re.compile(r"^x(\d+)\*x(\d+)$")
_SINE = re.compile(r"^sin_x(\d+)$")
_PIXEL = re.compile(r"^pixel_(\d+)_(\d+)$")  # the digits table's inputs: scikit-learn's pixel_<row>_<column>


def _variable(index: str) -> str:
    return "X" + index.translate(_SUBSCRIPT)


def feature_label(name: str) -> str:
    """'x1^2' -> 'X₁²', 'sin_x2' -> 'sin(X₂)'; other names (CSV columns) stay as they are."""
    if match := _VARIABLE.match(name):
        return _variable(match.group(1))
    if match := _POWER.match(name):
        return _variable(match.group(1)) + match.group(2).translate(_SUPERSCRIPT)
    if match := _PRODUCT.match(name):
        return _variable(match.group(1)) + _variable(match.group(2))
    if match := _SINE.match(name):
        return QCoreApplication.translate("FeatureLabel", "sin({x})").format(x=_variable(match.group(1)))
    if match := _PIXEL.match(name):
        return QCoreApplication.translate("FeatureLabel", "pixel {row},{column}").format(
            row=match.group(1), column=match.group(2))
    return name


def layer_label(name: str) -> str:
    """The engine's layer names ('hidden 3', 'output') in the user's language."""
    if name == "output":
        return QCoreApplication.translate("LayerLabel", "output")
    if name.startswith("hidden "):
        return QCoreApplication.translate("LayerLabel", "hidden {index}").format(index=name.split()[1])
    return name


def layer_short_label(name: str) -> str:
    """A label that fits under a narrow bar: 'h3', 'out'."""
    if name == "output":
        return QCoreApplication.translate("LayerLabel", "out")
    if name.startswith("hidden "):
        return QCoreApplication.translate("LayerLabel", "h{index}").format(index=name.split()[1])
    return name
