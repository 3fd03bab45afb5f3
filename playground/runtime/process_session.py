"""A training session in a child process, behind the same Session interface as TrainingSession.

Python runs one thread at a time. In one process the trainer and the window's
drawing share that single lock, so on a two-core machine each slows the other
and neither gets a core of its own. Here a TrainingSession runs in a spawned
child process (its own interpreter, its own core); the commands of session.py
go down a pipe and snapshots come back up as pickled numpy values. Only one
snapshot is in flight at a time: the child's session makes the next only after
the window took the last (the Taken command marks it taken there), and
histories travel as the rows added since the last snapshot, so a long run costs
no more to show than a short one.
"""
from __future__ import annotations

import contextlib
import dataclasses
import itertools
import multiprocessing
import pickle
import queue
import signal
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from functools import partial
from typing import Any

from playground.config.experiment import Experiment, ExperimentError
from playground.runtime.session import (
    Close,
    Command,
    Pause,
    Play,
    Reset,
    SetHyper,
    SnapshotSlot,
    Step,
    StepEpoch,
    StopAtEpoch,
    Taken,
    gradient_check,
    one_line,
    wait_for_checks,
)
from playground.runtime.thread_session import TrainingSession
from playground.training.history import HistoryBuffer, rows_after, rows_since
from playground.training.snapshot import Snapshot

# The relay thread takes the name the session's worker thread has, so a check for
# "training" threads left running covers both kinds of session.
THREAD_NAME = "training"
_CONTEXT = multiprocessing.get_context("spawn")  # fork would copy the window's threads and Qt state


# -- what crosses the pipe besides session.py's commands ----------------------------------------
@dataclass(frozen=True)
class RemoteCall:
    """Down: call(job) in the child; `number` names the answer. The job must pickle (a module-level function)."""

    number: int
    job: Callable[[Any], Any]


@dataclass(frozen=True)
class Answer:
    """Up: a call's value, or its error in one line."""

    number: int
    value: Any = None
    error: str | None = None


@dataclass(frozen=True)
class Status:
    """Up: the child session's (state, message) and experiment, sent when they change."""

    status: tuple[str, str | None]
    experiment_json: str


@dataclass(frozen=True)
class SnapshotRows:
    """Up: a snapshot whose history holds the epochs after the last one sent (all of them when not `continued`),
    and whose data is None when sent before."""

    snapshot: Snapshot
    continued: bool


class ProcessSession:
    """A Session (session.py) whose trainer runs in a child process."""

    def __init__(self, experiment: Experiment, frame_interval: float = 1 / 60,
                 stop_at_epoch: int | None = None):
        self._lock = threading.Lock()
        self._sending = threading.Lock()
        self._experiment = experiment
        self._stop_at_epoch = stop_at_epoch
        self._slot = SnapshotSlot()
        self._calls: dict[int, Future] = {}
        self._numbers = itertools.count()
        self._ended: str | None = None  # why no call will be answered any more, once the relay has stopped
        self._status: tuple[str, str | None] = ("idle", None)
        self._history: HistoryBuffer | None = None
        self._data = None
        self._closing = False
        self._crashed = False
        self._frame_interval = frame_interval
        self._start_child(experiment, None)

    def _start_child(self, experiment: Experiment, resume: dict | None) -> None:
        self._conn, child = _CONTEXT.Pipe()
        self._process = _CONTEXT.Process(
            target=_serve, args=(child, experiment.to_json(), self._frame_interval, self._stop_at_epoch, resume),
            name=THREAD_NAME, daemon=True,
        )
        with _sigint_ignored():  # an ignored signal stays ignored in the child from its first instruction
            self._process.start()
        child.close()
        self._relay = threading.Thread(target=self._receive, name=THREAD_NAME, daemon=True)
        self._relay.start()

    # -- supervision -------------------------------------------------------------
    @property
    def crashed(self) -> bool:
        """True once the training process died unasked; the next play, step or reset starts a new one."""
        with self._lock:
            return self._crashed

    def _revive(self, keep_weights: bool) -> bool:
        """A new training process for the current experiment when the last one died; True if one was started.

        With keep_weights it continues from the last snapshot's weights and counters, where those hold the model."""
        with self._lock:
            if not self._crashed or self._closing:
                return False
            self._crashed, self._ended = False, None
            experiment, last = self._experiment, self._slot.peek()
            self._status, self._history = ("idle", None), None
        self._slot.put(None)
        self._relay.join(1.0)
        self._conn.close()
        self._start_child(experiment, _resume_from(last) if keep_weights else None)
        return True

    # -- the reader's side, as TrainingSession --------------------------------
    def latest(self) -> Snapshot | None:
        """The newest snapshot, or None if none is newer than the last one taken."""
        snapshot = self._slot.take()
        if snapshot is not None:
            self._send(Taken())
        return snapshot

    def peek(self) -> Snapshot | None:
        return self._slot.peek()

    @property
    def status(self) -> tuple[str, str | None]:
        with self._lock:
            return self._status

    @property
    def experiment(self) -> Experiment:
        with self._lock:
            return self._experiment

    @property
    def stop_at_epoch(self) -> int | None:
        return self._stop_at_epoch

    @stop_at_epoch.setter
    def stop_at_epoch(self, epoch: int | None) -> None:
        self._stop_at_epoch = epoch
        self._send(StopAtEpoch(epoch))

    @property
    def alive(self) -> bool:
        return self._process.is_alive() or self._relay.is_alive()

    def play(self) -> None:
        self._revive(keep_weights=True)
        self._send(Play())

    def pause(self) -> None:
        self._send(Pause())

    def step(self, batches: int = 1) -> None:
        self._revive(keep_weights=True)
        self._send(Step(batches))

    def step_epoch(self) -> None:
        self._revive(keep_weights=True)
        self._send(StepEpoch())

    def reset(self, experiment: Experiment | None = None) -> None:
        with self._lock:
            if experiment is not None:
                self._experiment = experiment
            # Not the old run's "diverged" or "error" while the child rebuilds: a Play right away is welcome.
            self._status = ("idle", None)
        if not self._revive(keep_weights=False):  # a new process is built from the experiment already
            self._send(Reset(experiment))

    def set_hyper(self, **values: float) -> None:
        self._send(SetHyper(values))

    def call(self, job: Callable[[Any], Any]) -> Future:
        """job(trainer) in the child, after every command before it; the future holds its value, or an
        ExperimentError with its error in one line. The job and its value must pickle."""
        future: Future = Future()
        with self._lock:
            if self._ended is not None:
                future.set_exception(ExperimentError(self._ended))
                return future
            number = next(self._numbers)
            self._calls[number] = future
        try:
            self._send(RemoteCall(number, job))
        except (pickle.PicklingError, AttributeError, TypeError) as error:  # a lambda or a local function
            with self._lock:
                del self._calls[number]
            future.set_exception(ExperimentError(f"the job cannot go to the training process: {one_line(error)}"))
        return future

    def check_gradients(self, should_stop: Callable[[], bool] = lambda: False,
                        progress: Callable[[float], None] = lambda fraction: None) -> list:
        """gradcheck.check on the live model in the child, between two steps; blocks the calling thread.
        Progress is not reported across the pipe; should_stop() ends the wait, not the child's check."""
        return wait_for_checks(self.call(gradient_check), should_stop)

    def close(self, timeout: float = 5.0) -> bool:
        """Stop the child process; True when it and the relay thread have ended."""
        self._closing = True
        self._send(Close())
        self._process.join(timeout)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(1.0)
        self._conn.close()
        self._relay.join(timeout)
        return not self.alive

    def _send(self, command: Command | RemoteCall) -> None:
        try:
            with self._sending:  # the window's thread and a tool's worker thread both send
                self._conn.send(command)
        except (OSError, ValueError):  # the child is gone; status already says why
            pass

    # -- the relay thread ------------------------------------------------------
    def _receive(self) -> None:
        while True:
            try:
                message = self._conn.recv()
            except (EOFError, OSError, ValueError):
                break
            match message:
                case SnapshotRows(snapshot=snapshot, continued=continued):
                    self._slot.put(self._with_history(snapshot, continued))
                case Status(status=status, experiment_json=experiment_json):
                    experiment = Experiment.from_json(experiment_json)
                    with self._lock:
                        self._status, self._experiment = status, experiment
                case Answer(number=number, value=value, error=error):
                    with self._lock:
                        future = self._calls.pop(number)
                    if error is None:
                        future.set_result(value)
                    else:
                        future.set_exception(ExperimentError(error))
        ended = "the training session was closed"
        if not self._closing:  # the pipe closed without our asking: the child died
            self._process.join(1.0)
            code = self._process.exitcode
            how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
            ended = f"the training process stopped unexpectedly ({how}); Play, Step or Reset starts a new one"
            with self._lock:
                self._crashed = True
                self._status = ("error", ended)
        with self._lock:
            unanswered, self._calls, self._ended = list(self._calls.values()), {}, ended
        for future in unanswered:
            future.set_exception(ExperimentError(ended))

    def _with_history(self, snapshot: Snapshot, continued: bool) -> Snapshot:
        """The snapshot made whole: the history rows received so far (thinned alike), and the data last sent."""
        rows = snapshot.history
        if self._history is None or self._history.run != rows.run or not continued:
            self._history = HistoryBuffer(rows.grad_norm.shape[1], run=rows.run)
        self._history.extend(rows_since(rows, 0))
        if snapshot.data is not None:
            self._data = snapshot.data
        return dataclasses.replace(snapshot, history=self._history.view(), data=self._data)


@contextlib.contextmanager
def _sigint_ignored():
    """SIGINT ignored for a moment, in the main thread (the only one that may change handlers).

    Ctrl+C in a terminal reaches the whole process group: the window decides what it means and closes the
    training process itself, which must not die of it halfway through importing torch."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _resume_from(snapshot: Snapshot | None) -> dict | None:
    """What a new training process needs to continue from a snapshot: its weights and counters."""
    if snapshot is None or not snapshot.layers:
        return None
    return {"weights": [layer.weights for layer in snapshot.layers], "biases": [layer.bias for layer in snapshot.layers],
            "epoch": snapshot.epoch, "step": snapshot.step}


def _serve(conn, experiment_json: str, frame_interval: float, stop_at_epoch: int | None,
           resume: dict | None = None) -> None:
    """The child process: a TrainingSession driven by the commands that come down the pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # also when started off the main thread (see _sigint_ignored)
    session = TrainingSession(Experiment.from_json(experiment_json), frame_interval, stop_at_epoch, resume)
    answers: queue.SimpleQueue = queue.SimpleQueue()  # filled on the worker thread as calls finish
    sent_status, sent_serial, sent, sent_data = None, 0, (0, 0.0), None  # sent: (history run, last epoch sent)
    try:
        while True:
            if conn.poll(frame_interval / 2):
                command = conn.recv()
                if isinstance(command, Close):
                    break
                if isinstance(command, Taken):
                    session.latest()  # the window has it: the worker may make the next
                elif isinstance(command, RemoteCall):
                    session.call(command.job).add_done_callback(partial(_answer, answers, command.number))
                else:
                    session.send(command)
            # Answers finished before the status and snapshot below are read, so they follow them up the pipe:
            # what a call's caller reads next is at least as new as what the call saw.
            done = [answers.get() for _ in range(answers.qsize())]
            status = (session.status, session.experiment)
            if status != sent_status:
                conn.send(Status(status[0], status[1].to_json()))
                sent_status = status
            snapshot = session.peek()
            if snapshot is not None and snapshot.serial != sent_serial:
                history = snapshot.history
                # By epoch, not row: the history thins its old rows, so row numbers shift under a long run.
                continued = sent[0] == history.run
                delta = dataclasses.replace(history, **(rows_after(history, sent[1]) if continued else rows_since(history, 0)))
                data = None if snapshot.data is sent_data else snapshot.data
                conn.send(SnapshotRows(dataclasses.replace(snapshot, history=delta, data=data), continued))
                last_epoch = float(history.epoch[-1]) if len(history) else 0.0
                sent, sent_data, sent_serial = (history.run, last_epoch), snapshot.data, snapshot.serial
            for answer in done:
                _send_answer(conn, answer)
    except (EOFError, OSError):  # the window went away without saying close
        pass
    finally:
        session.close()


def _answer(answers: queue.SimpleQueue, number: int, future: Future) -> None:
    error = future.exception()
    answers.put(Answer(number, error=one_line(error)) if error is not None else Answer(number, future.result()))


def _send_answer(conn, answer: Answer) -> None:
    try:
        conn.send(answer)
    except (pickle.PicklingError, TypeError, AttributeError) as error:  # a value that does not pickle
        conn.send(Answer(answer.number, error=one_line(error)))
