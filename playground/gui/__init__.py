"""The desktop window: controls, the controller that feeds snapshots to the views, and the views.

Importing this package first works around a PySide6 6.12 bug on Python 3.11: calls of Qt
methods that return void (setText, update ...) hand back None, and signal emit() hands back
True or False, without taking a reference, so their reference counts fall by one per call
until CPython aborts with "none_dealloc" or "bool_dealloc" (after minutes of training, or a
few GUI tests). Python 3.12 made these objects immortal; here we do the same by hand, giving
each a reference count it can never run out of. PySide6 6.11 does not need this.
"""
import ctypes
import sys

import PySide6

_AFFECTED = sys.version_info < (3, 12) and PySide6.__version_info__[:2] >= (6, 12)
_PLENTY = 1 << 50   # a million calls a second would take 35 years to use this up


def _make_immortal(singleton: object) -> None:
    count = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt leads a release build's PyObject
    before = sys.getrefcount(singleton)
    count.value += 1
    if sys.getrefcount(singleton) != before + 1:  # not the layout we expect: leave it alone
        count.value -= 1
        return
    count.value += _PLENTY


if _AFFECTED:
    for _singleton in (None, True, False):
        _make_immortal(_singleton)
