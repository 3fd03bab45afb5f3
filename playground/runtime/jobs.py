"""One long computation (a learning curve, a gradient check) on a background thread, polled by its owner.

The owner never waits and never catches: it reads `progress`, `done`, `result`
and `error` whenever it likes (the window polls a few times a second), and
`cancel()` only asks; the function sees the request through its should_stop
argument and returns what it has. A failure comes back as one line of text in
`error`, as the training session hands back its failures, never as an exception
in the owner's thread. Qt-free, like the rest of the core.
"""
from __future__ import annotations

import math
import threading
from collections.abc import Callable
from typing import Any

from playground.config.experiment import ExperimentError

THREAD_NAME = "diagnostics-job"


class BackgroundJob:
    """Runs fn(*args, should_stop=..., progress=...) on a daemon thread as soon as it is made."""

    def __init__(self, fn: Callable[..., Any], *args: Any):
        self._progress = 0.0
        self._stop = threading.Event()
        self._done = threading.Event()
        self.result: Any = None
        self.error: str | None = None
        self._thread = threading.Thread(target=self._run, args=(fn, args), name=THREAD_NAME, daemon=True)
        self._thread.start()

    @property
    def progress(self) -> float:
        """The last fraction the function reported, 0..1; 1 once it returned normally."""
        return self._progress

    @property
    def done(self) -> bool:
        """True once the function returned or failed; result and error are final from then on."""
        return self._done.is_set()

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    def cancel(self) -> None:
        """Ask the function to stop at its next check; it may still return a partial result."""
        self._stop.set()

    def join(self, timeout: float | None = None) -> bool:
        """Wait up to timeout seconds for the function to end; True when it has."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _report(self, fraction: float) -> None:
        fraction = float(fraction)
        if not math.isnan(fraction):  # a NaN from the caller's arithmetic keeps the last good value
            self._progress = min(1.0, max(0.0, fraction))

    def _run(self, fn: Callable[..., Any], args: tuple) -> None:
        try:
            self.result = fn(*args, should_stop=self._stop.is_set, progress=self._report)
            if not self._stop.is_set():
                self._progress = 1.0
        except Exception as error:  # handed back as data: the owner's thread must never see it raised
            self.error = one_line(error)
        finally:
            self._done.set()


def one_line(error: Exception) -> str:
    """What the user reads: an ExperimentError's own text, else 'TypeName: message', first line only."""
    message = str(error).strip()
    if not message:
        return type(error).__name__
    first = message.splitlines()[0]
    return first if isinstance(error, ExperimentError) else f"{type(error).__name__}: {first}"
