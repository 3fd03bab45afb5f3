"""A training session on a background thread: commands in, latest snapshot out.

The worker loop follows superqt's GeneratorWorker in spirit: it trains one
step at a time, applies queued commands (session.py's dataclasses) between
steps, and hands failures back as data (a state and a message, a call's
future), never as an exception in the caller's thread. The reader never waits:
latest() returns the newest snapshot, and the worker only spends time on a new
one (with its grid probe) after the last was taken, so probes cost as much as
the display consumes and no more.
"""
from __future__ import annotations

import queue
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from functools import partial
from typing import Any

from playground.config.experiment import Experiment, ExperimentError
from playground.runtime.session import (
    Call,
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
    gradient_check,
    one_line,
    wait_for_checks,
)
from playground.training.snapshot import Snapshot
from playground.training.trainer import Trainer

# A grid probe may take at most this share of the worker's time.
PROBE_SHARE = 0.25


class TrainingSession:
    """A Session (session.py) that owns a Trainer on a worker thread; every method is safe from any thread."""

    def __init__(self, experiment: Experiment, frame_interval: float = 1 / 60,
                 stop_at_epoch: int | None = None, resume: dict | None = None):
        self.frame_interval = frame_interval
        self.stop_at_epoch = stop_at_epoch
        self._experiment = experiment
        self._commands: queue.SimpleQueue = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._slot = SnapshotSlot()
        self._state = "idle"
        self._message: str | None = None
        self._serial = 0
        self._closing = False
        self._thread = threading.Thread(target=self._run, name="training", daemon=True)
        self._thread.start()
        self.send(Reset(experiment, resume))

    # -- the caller's side ---------------------------------------------------
    def latest(self) -> Snapshot | None:
        """The newest snapshot, or None if none is newer than the last one taken."""
        return self._slot.take()

    def peek(self) -> Snapshot | None:
        """The newest snapshot, taken or not."""
        return self._slot.peek()

    @property
    def status(self) -> tuple[str, str | None]:
        """(state, message): idle, running, paused, finished, diverged or error, and why."""
        with self._lock:
            return self._state, self._message

    @property
    def experiment(self) -> Experiment:
        with self._lock:
            return self._experiment

    @property
    def alive(self) -> bool:
        """True while the worker thread runs."""
        return self._thread.is_alive()

    def play(self) -> None:
        self.send(Play())

    def pause(self) -> None:
        self.send(Pause())

    def step(self, batches: int = 1) -> None:
        """Train `batches` batches, then pause; commands sent meanwhile are taken between any two of them."""
        self.send(Step(batches))

    def step_epoch(self) -> None:
        """Train to the end of the current epoch, then pause; commands sent meanwhile are taken between steps."""
        self.send(StepEpoch())

    def reset(self, experiment: Experiment | None = None) -> None:
        """Fresh weights (same seed) for the current experiment, or rebuild for a new one; pauses."""
        self.send(Reset(experiment))

    def set_hyper(self, **values: float) -> None:
        """Change live hyperparameters (lr, l1, l2, weight_decay, clip_norm) between steps."""
        self.send(SetHyper(values))

    def call(self, job: Callable[[Trainer], Any]) -> Future:
        """Run job(trainer) on the worker between steps, after every command before it and the snapshot they
        made; the future holds its value, or its exception (which also puts the session in the error state)."""
        command = Call(job)
        self.send(command)
        return command.future

    def check_gradients(self, should_stop: Callable[[], bool] = lambda: False,
                        progress: Callable[[float], None] = lambda fraction: None) -> list:
        """gradcheck.check on the live model, run on the worker between two steps; blocks the calling thread."""
        return wait_for_checks(self.call(partial(gradient_check, should_stop=should_stop, progress=progress)),
                               should_stop)

    def close(self, timeout: float = 5.0) -> bool:
        """Stop the worker; True when its thread has ended."""
        self._closing = True
        self.send(Close())
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def send(self, command: Command) -> None:
        """Queue a command for the worker (the process session's child forwards the ones it receives)."""
        self._commands.put(command)

    # -- the worker's side ---------------------------------------------------
    _trainer: Trainer | None = None
    _running = False

    def _run(self) -> None:
        self._rate = deque(maxlen=64)
        self._probe_cost = 0.0
        self._last_probe = 0.0
        while not self._closing:
            try:
                self._drain(block=not self._running)
                if self._closing:
                    break
                if self._running and self._trainer is not None:
                    self._train_a_little()
                self._publish_if_wanted()
            except Exception as error:  # handed back as data, the thread lives on
                self._fail(error)

    def _drain(self, block: bool) -> None:
        try:
            command = self._commands.get(timeout=self.frame_interval) if block else self._commands.get_nowait()
        except queue.Empty:
            return
        while True:
            self._execute(command)
            try:
                command = self._commands.get_nowait()
            except queue.Empty:
                return

    def _execute(self, command: Command) -> None:
        match command:
            case Play():
                self._set_running(True)
            case Pause():
                self._set_running(False)
            case Step(batches=batches):
                self._pursue("step_count", batches)
            case StepEpoch():
                self._pursue("epoch", 1)
            case Reset(experiment=None):
                self._reset()
            case Reset(experiment=experiment, resume=resume):
                self._build(experiment)
                if resume is not None and self._trainer is not None:
                    self._trainer.resume_from(**resume)
            case SetHyper(values=values):
                self._apply_hyper(values)
            case StopAtEpoch(epoch=epoch):
                self.stop_at_epoch = epoch
            case Call():
                while self._goal is not None and self._running:  # the steps asked before it: it sees what they made
                    self._train_a_little()
                self._publish_if_wanted()  # what the commands before it changed is out before its answer
                self._run_job(command)
                return  # a job reads the model: nothing new to show
            case Close():
                return
            case _:
                raise ValueError(f"the training worker takes no command {command!r}")
        self._force_publish = True

    def _run_job(self, call: Call) -> None:
        if self._trainer is None:
            call.future.set_exception(ExperimentError("there is no model: the experiment did not build"))
            return
        try:
            value = call.job(self._trainer)
        except Exception as error:
            call.future.set_exception(error)
            raise  # and the session says so, as for a failed command
        call.future.set_result(value)

    def _train_a_little(self) -> None:
        """Steps until a frame's worth of time passed, so commands are seen at least every frame."""
        trainer = self._trainer
        deadline = time.perf_counter() + self.frame_interval / 4
        while time.perf_counter() < deadline:
            want_probe = self._wanted()
            trainer.step(measure_update=want_probe)
            self._rate.append((time.perf_counter(), trainer.step_count, trainer.epoch))
            if trainer.finished or (self.stop_at_epoch is not None and trainer.epoch >= self.stop_at_epoch):
                self._set_running(False, _ended_state(trainer) or "finished")
                self._force_publish = True
                return
            if self._goal is not None and getattr(trainer, self._goal[0]) >= self._goal[1]:
                self._set_running(False, _ended_state(trainer) or "paused")
                self._force_publish = True
                return
            # A waiting command (pause, reset, close) is taken between these two steps, not after the frame.
            if want_probe or not self._commands.empty():
                return

    def _wanted(self) -> bool:
        """True when the reader took the last snapshot and a probe fits its time share."""
        now = time.perf_counter()
        if now - self._last_probe < max(self.frame_interval, self._probe_cost / PROBE_SHARE):
            return False
        return self._slot.taken

    _force_publish = False

    def _publish_if_wanted(self) -> None:
        """A new snapshot after a command, or while training when the reader wants one; none while idle."""
        if self._trainer is None or not (self._force_publish or (self._running and self._wanted())):
            return
        self._force_publish = False
        started = time.perf_counter()
        steps_per_s, epochs_per_s = self._rates()
        self._serial += 1
        snapshot = self._trainer.snapshot(
            serial=self._serial, steps_per_s=steps_per_s, epochs_per_s=epochs_per_s, state=self._state_name(),
        )
        self._last_probe = time.perf_counter()
        self._probe_cost = self._last_probe - started
        self._slot.put(snapshot)
        with self._lock:
            if self._state != "error":
                self._message = snapshot.message

    def _rates(self) -> tuple[float, float]:
        if len(self._rate) < 2 or not self._running:
            return 0.0, 0.0
        (t0, s0, e0), (t1, s1, e1) = self._rate[0], self._rate[-1]
        span = max(t1 - t0, 1e-9)
        return (s1 - s0) / span, (e1 - e0) / span

    def _state_name(self) -> str:
        with self._lock:
            return self._state

    def _set_running(self, running: bool, state: str | None = None) -> None:
        self._goal = None  # play, pause, a step's end or a rebuild: any step goal is over
        ended = _ended_state(self._trainer) if self._trainer is not None else None
        if ended is not None:  # diverged or stopped early: keep saying so until a reset
            running, state = False, ended
        self._running = running and self._trainer is not None
        self._rate.clear()
        if state is None:
            state = "running" if self._running else ("paused" if self._trainer and self._trainer.step_count else "idle")
        self._set_state(state)

    def _set_state(self, state: str, message: str | None = None) -> None:
        with self._lock:
            self._state = state
            if message is not None:
                self._message = message

    _goal: tuple[str, int] | None = None  # (trainer counter, value): train until it is reached, then pause

    def _pursue(self, counter: str, count: int) -> None:
        """Train on the worker's loop, a step at a time, until `counter` (step_count or epoch) grew by `count`.

        Counted from where the trainer is when the command runs; a second Step before the first is done adds to it."""
        if self._trainer is None:
            return
        pending = self._goal[1] if self._goal is not None and self._goal[0] == counter else None
        target = (pending if pending is not None else getattr(self._trainer, counter)) + count
        self._set_running(True)  # says "diverged" or "finished" instead where the run has already ended
        if self._running:
            self._goal = (counter, target)

    def _build(self, experiment: Experiment) -> None:
        self._running, self._goal = False, None
        self._trainer = None
        self._slot.put(None)
        with self._lock:
            self._experiment = experiment
            self._state, self._message = "idle", None
        self._trainer = Trainer(experiment)
        self._set_state("idle", self._trainer.message)

    def _reset(self) -> None:
        if self._trainer is None:
            return self._build(self._experiment)
        self._running, self._goal = False, None
        self._trainer.reset()
        self._set_state("idle")

    def _apply_hyper(self, values: dict) -> None:
        if self._trainer is None:
            return
        self._trainer.set_hyper(**values)
        with self._lock:
            self._experiment = self._trainer.experiment

    def _fail(self, error: Exception) -> None:
        self._running = False
        self._set_state("error", one_line(error))


def _ended_state(trainer: Trainer) -> str | None:
    """The session state for a trainer that stopped by itself, None while it can go on."""
    if not trainer.finished:
        return None
    return "diverged" if trainer.state == "diverged" else "finished"
