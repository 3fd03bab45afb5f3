"""What a training session is to the window and the bench, the commands its worker takes, and its snapshot slot.

Two kinds satisfy Session: TrainingSession (thread_session.py) trains on a
thread of this process, ProcessSession (process_session.py) in a child process.
Both turn each method call into one of the command dataclasses below and queue
it; the worker applies commands between training steps, in order. A command is
plain data, so the process session sends the same ones down its pipe.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any, Protocol

from playground.analysis import gradcheck
from playground.config.experiment import Experiment, ExperimentError
from playground.training.snapshot import Snapshot

# How often a blocked check_gradients() polls its caller's should_stop().
STOP_POLL_S = 0.05


class Session(Protocol):
    """A trainer on a worker, driven by commands; every method is safe to call from any thread and none blocks
    except check_gradients() and a call()'s future."""

    stop_at_epoch: int | None

    def latest(self) -> Snapshot | None:
        """The newest snapshot, or None if none is newer than the last one taken."""

    def peek(self) -> Snapshot | None:
        """The newest snapshot, taken or not."""

    @property
    def status(self) -> tuple[str, str | None]:
        """(state, message): idle, running, paused, finished, diverged or error, and why."""

    @property
    def experiment(self) -> Experiment: ...

    @property
    def alive(self) -> bool: ...

    def play(self) -> None: ...

    def pause(self) -> None: ...

    def step(self, batches: int = 1) -> None: ...

    def step_epoch(self) -> None: ...

    def reset(self, experiment: Experiment | None = None) -> None: ...

    def set_hyper(self, **values: float) -> None: ...

    def call(self, job: Callable[[Any], Any]) -> Future:
        """job(trainer) on the worker after every command sent before it and the snapshot they made; the future
        holds its return value or its exception."""

    def check_gradients(self, should_stop: Callable[[], bool] = lambda: False,
                        progress: Callable[[float], None] = lambda fraction: None) -> list: ...

    def close(self, timeout: float = 5.0) -> bool: ...


# -- commands -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Play:
    pass


@dataclass(frozen=True)
class Pause:
    pass


@dataclass(frozen=True)
class Step:
    batches: int = 1


@dataclass(frozen=True)
class StepEpoch:
    pass


@dataclass(frozen=True)
class Reset:
    experiment: Experiment | None = None  # None: fresh weights for the current one
    resume: dict | None = None  # Trainer.resume_from's arguments: a restarted training process continues


@dataclass(frozen=True)
class SetHyper:
    values: dict[str, float]


@dataclass(frozen=True)
class StopAtEpoch:
    epoch: int | None


@dataclass(frozen=True)
class Call:
    job: Callable[[Any], Any]
    future: Future = field(default_factory=Future, compare=False)


@dataclass(frozen=True)
class Taken:
    """The process session's reader took the last snapshot: the child's worker may make the next."""


@dataclass(frozen=True)
class Close:
    pass


Command = Play | Pause | Step | StepEpoch | Reset | SetHyper | StopAtEpoch | Call | Taken | Close


# -- the snapshot slot ---------------------------------------------------------------------------
class SnapshotSlot:
    """The newest snapshot and whether the reader has taken it: the one "ready for the next snapshot" bit."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None
        self._taken = True

    def put(self, snapshot: Snapshot | None) -> None:
        """A new snapshot, not taken yet; None empties the slot (nothing to show, nothing to take)."""
        with self._lock:
            self._snapshot, self._taken = snapshot, snapshot is None

    def take(self) -> Snapshot | None:
        """The snapshot if it was not taken yet, else None."""
        with self._lock:
            if self._taken:
                return None
            self._taken = True
            return self._snapshot

    def peek(self) -> Snapshot | None:
        with self._lock:
            return self._snapshot

    @property
    def taken(self) -> bool:
        """True when the reader has taken the newest snapshot (or there is none): time to make the next."""
        with self._lock:
            return self._taken


# -- gradient checks -----------------------------------------------------------------------------
@dataclass(frozen=True)
class CheckOutcome:
    """A gradient check's result as data, so it crosses a pipe: the checks, or the error in one line."""

    checks: list
    error: str | None = None


def wait_for_checks(future: Future, should_stop: Callable[[], bool]) -> list:
    """The checks a gradient-check call's future holds once done; [] when should_stop() said so first."""
    while True:
        try:
            outcome = future.result(timeout=STOP_POLL_S)
            break
        except TimeoutError:
            if should_stop():
                return []
    if outcome.error is not None:
        raise ExperimentError(outcome.error)
    return outcome.checks


def gradient_check(trainer, should_stop: Callable[[], bool] = lambda: False,
                   progress: Callable[[float], None] = lambda fraction: None) -> CheckOutcome:
    """gradcheck.check on the live model as a call() job: a failure is an outcome, not a session error."""
    try:
        return CheckOutcome(gradcheck.check(trainer, should_stop=should_stop, progress=progress))
    except Exception as error:  # handed to the caller as data
        return CheckOutcome([], one_line(error))


def one_line(error: BaseException) -> str:
    """An error as the window shows it in one line; a bug's type name in front, a user's mistake as it is."""
    text = str(error) if isinstance(error, ExperimentError) else f"{type(error).__name__}: {error}"
    return text.splitlines()[0] if text else type(error).__name__
