"""A training session in a child process, behind the same interface as TrainingSession.

Python runs one thread at a time. In one process the trainer and the window's
drawing share that single lock, so on a two-core machine each slows the other
and neither gets a core of its own. Here a TrainingSession runs in a spawned
child process (its own interpreter, its own core); commands go down a pipe as
plain tuples and snapshots come back up as pickled numpy values. Only one
snapshot is in flight at a time: the child sends the next only after the
window took the last, and histories travel as the rows added since the last
snapshot, so a long run costs no more to show than a short one.
"""
from __future__ import annotations

import dataclasses
import multiprocessing
import threading
from collections.abc import Callable

from playground.analysis import gradcheck
from playground.config.experiment import Experiment
from playground.runtime.jobs import one_line
from playground.runtime.thread_session import TrainingSession, wait_for_checks, wait_for_result
from playground.training.history import HistoryBuffer, rows_since
from playground.training.snapshot import Snapshot

# The relay thread takes the name the session's worker thread has, so a check for
# "training" threads left running covers both kinds of session.
THREAD_NAME = "training"
_CONTEXT = multiprocessing.get_context("spawn")  # fork would copy the window's threads and Qt state


class ProcessSession:
    """TrainingSession's interface; the trainer runs in a child process."""

    def __init__(self, experiment: Experiment, frame_interval: float = 1 / 60,
                 stop_at_epoch: int | None = None):
        self._lock = threading.Lock()
        self._experiment = experiment
        self._stop_at_epoch = stop_at_epoch
        self._latest: Snapshot | None = None
        self._taken = True
        self._status: tuple[str, str | None] = ("idle", None)
        self._history: HistoryBuffer | None = None
        self._data = None
        self._closing = False
        self._checks = (threading.Event(), {})
        self._result = (threading.Event(), {})
        self._conn, child = _CONTEXT.Pipe()
        self._process = _CONTEXT.Process(
            target=_serve, args=(child, experiment.to_json(), frame_interval, stop_at_epoch),
            name=THREAD_NAME, daemon=True,
        )
        self._process.start()
        child.close()
        self._relay = threading.Thread(target=self._receive, name=THREAD_NAME, daemon=True)
        self._relay.start()

    # -- the reader's side, as TrainingSession --------------------------------
    def latest(self) -> Snapshot | None:
        """The newest snapshot, or None if none is newer than the last one taken."""
        with self._lock:
            if self._taken:
                return None
            self._taken = True
            snapshot = self._latest
        self._send("taken")
        return snapshot

    def peek(self) -> Snapshot | None:
        with self._lock:
            return self._latest

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
        self._send("stop_at_epoch", epoch)

    @property
    def alive(self) -> bool:
        return self._process.is_alive() or self._relay.is_alive()

    def play(self) -> None:
        self._send("play")

    def pause(self) -> None:
        self._send("pause")

    def step(self, batches: int = 1) -> None:
        self._send("step", batches)

    def step_epoch(self) -> None:
        self._send("step_epoch")

    def reset(self, experiment: Experiment | None = None) -> None:
        with self._lock:
            if experiment is not None:
                self._experiment = experiment
            # Not the old run's "diverged" or "error" while the child rebuilds: a Play right away is welcome.
            self._status = ("idle", None)
        self._send("reset", experiment.to_json() if experiment is not None else None)

    def set_hyper(self, **values: float) -> None:
        self._send("set_hyper", values)

    def check_gradients(self, should_stop: Callable[[], bool] = lambda: False,
                        progress: Callable[[float], None] = lambda fraction: None) -> list:
        """gradcheck.check on the live model in the child, between two steps; blocks the calling thread."""
        done, box = threading.Event(), {}
        with self._lock:
            self._checks = (done, box)
        self._send("check_gradients")
        return wait_for_checks(done, box, should_stop)

    def run_on_model(self, fn: Callable[..., object], *args, should_stop: Callable[[], bool] = lambda: False):
        """fn(trainer, *args) in the child between two steps, and its result (None if should_stop came first);
        blocks the calling thread. fn and args travel pickled: a module-level function and plain values."""
        done, box = threading.Event(), {}
        with self._lock:
            self._result = (done, box)
        self._send("run_on_model", fn, args)
        return wait_for_result(done, box, should_stop)

    def close(self, timeout: float = 5.0) -> bool:
        """Stop the child process; True when it and the relay thread have ended."""
        self._closing = True
        self._send("close")
        self._process.join(timeout)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(1.0)
        self._conn.close()
        self._relay.join(timeout)
        return not self.alive

    def _send(self, *command) -> None:
        try:
            self._conn.send(command)
        except (OSError, ValueError):  # the child is gone; status already says why
            pass

    # -- the relay thread ------------------------------------------------------
    def _receive(self) -> None:
        while True:
            try:
                kind, payload = self._conn.recv()
            except (EOFError, OSError, ValueError):
                break
            if kind == "snapshot":
                snapshot = self._with_history(*payload)
                with self._lock:
                    self._latest, self._taken = snapshot, False
            elif kind == "checks":
                done, box = self._checks
                box.update(payload)
                done.set()
            elif kind == "result":
                done, box = self._result
                box.update(payload)
                done.set()
            else:
                status, experiment_json = payload
                experiment = Experiment.from_json(experiment_json)
                with self._lock:
                    self._status, self._experiment = status, experiment
        if not self._closing:  # the pipe closed without our asking: the child died
            self._process.join(1.0)
            with self._lock:
                self._status = ("error", f"the training process stopped unexpectedly (exit code {self._process.exitcode})")

    def _with_history(self, snapshot: Snapshot, start: int) -> Snapshot:
        """The snapshot made whole: every history row received so far, and the data last sent."""
        rows = snapshot.history
        if self._history is None or self._history.run != rows.run or start == 0:
            self._history = HistoryBuffer(rows.grad_norm.shape[1], run=rows.run)
        self._history.extend(rows_since(rows, 0))
        if snapshot.data is not None:
            self._data = snapshot.data
        return dataclasses.replace(snapshot, history=self._history.view(), data=self._data)


def _serve(conn, experiment_json: str, frame_interval: float, stop_at_epoch: int | None) -> None:
    """The child process: a TrainingSession driven by the commands that come down the pipe."""

    session = TrainingSession(Experiment.from_json(experiment_json), frame_interval, stop_at_epoch)
    sending = threading.Lock()  # the worker thread sends gradient checks while this loop sends snapshots

    def send(message) -> None:
        with sending:
            conn.send(message)

    def check_gradients() -> None:
        def job(trainer) -> None:
            try:
                send(("checks", {"checks": gradcheck.check(trainer)}))
            except Exception as error:  # as one line, like every error the window shows
                send(("checks", {"error": str(error).splitlines()[0] if str(error) else type(error).__name__}))
        session.call(job)

    def run_on_model(fn, args) -> None:
        def job(trainer) -> None:
            try:
                send(("result", {"result": fn(trainer, *args)}))
            except Exception as error:  # as one line, like every error the window shows
                send(("result", {"error": one_line(error)}))
        session.call(job)
    wanted, sent_status, sent, sent_data = True, None, (0, 0), None  # sent: (history run, rows sent)
    try:
        while True:
            if conn.poll(frame_interval / 2):
                command, *args = conn.recv()
                if command == "close":
                    break
                if command == "taken":
                    wanted = True
                elif command == "reset":
                    session.reset(Experiment.from_json(args[0]) if args[0] else None)
                elif command == "set_hyper":
                    session.set_hyper(**args[0])
                elif command == "stop_at_epoch":
                    session.stop_at_epoch = args[0]
                elif command == "check_gradients":
                    check_gradients()
                elif command == "run_on_model":
                    run_on_model(*args)
                else:
                    getattr(session, command)(*args)
            status = (session.status, session.experiment)
            if status != sent_status:
                send(("status", (status[0], status[1].to_json())))
                sent_status = status
            snapshot = session.latest() if wanted else None
            if snapshot is not None:
                history = snapshot.history
                start = sent[1] if sent[0] == history.run and sent[1] <= len(history) else 0
                delta = dataclasses.replace(history, **rows_since(history, start))
                data = None if snapshot.data is sent_data else snapshot.data
                send(("snapshot", (dataclasses.replace(snapshot, history=delta, data=data), start)))
                sent, sent_data, wanted = (history.run, len(history)), snapshot.data, False
    except (EOFError, OSError):  # the window went away without saying close
        pass
    finally:
        session.close()
