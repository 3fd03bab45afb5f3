"""Ctrl+C as a request to stop: a race ends between two steps and still reports what it reached; a second
Ctrl+C interrupts at once (main's handler then says so, exit 130)."""
from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def stop_requests() -> Iterator[Callable[[], bool]]:
    """While inside: Ctrl+C sets a flag, read by the callable given (a should_stop); outside, as before."""
    requested = threading.Event()

    def request(signum, frame) -> None:
        if requested.is_set():
            raise KeyboardInterrupt
        requested.set()

    if threading.current_thread() is not threading.main_thread():  # only the main thread may take signals
        yield requested.is_set
        return
    previous = signal.signal(signal.SIGINT, request)
    try:
        yield requested.is_set
    finally:
        signal.signal(signal.SIGINT, previous)


STOPPED = "playground: stopped by Ctrl+C: the numbers are those reached by then"
