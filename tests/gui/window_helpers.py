"""What the window tests share besides fixtures: how long to wait, and which threads are training."""
from __future__ import annotations

import threading

WAIT_MS = 20_000   # machines are slow and shared


def training_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "training" and t.is_alive()]
