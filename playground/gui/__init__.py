"""The desktop window: controls, the controller that feeds snapshots to the views, and the views.

PySide6 is pinned to 6.11 in pyproject.toml: 6.12 on CPython 3.11 drops a reference to
None, True or False on every void Qt call and signal emit, and aborts the interpreter.
"""
