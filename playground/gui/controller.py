"""The glue between the training session and the window: the current experiment in, frames out.

A display-rate timer asks the session for its newest snapshot and, only when one arrived,
hands it to each visible view: one render per frame at most, however fast training steps.
A new snapshot is taken only once every shown view has drawn the last one, so slow drawing
makes the worker probe less often instead of piling up frames; and views are drawn a few
at a time, within a time budget, with waiting clicks and keys served in between.
The GUI thread never trains and never waits on the worker; every command is queued.

Edits arrive as {dotted field: value}. Learning rate, L1, L2, weight decay and clipping
apply live between steps; every other change rebuilds the model (TF Playground users expect
a reset when data or architecture change). An invalid edit leaves the experiment as it was
and says why in one line.
"""
from __future__ import annotations

import time
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from playground.config.experiment import Experiment, ExperimentError
from playground.gui import engine_messages, notice_texts
from playground.runtime.process_session import ProcessSession
from playground.runtime.session import Session
from playground.training.snapshot import Snapshot
from playground.training.trainer import LIVE_DATA_FIELDS, LIVE_FIELDS

FRAME_MS = 16
# Drawing time after which the remaining views wait until the events queued meanwhile ran.
RENDER_BUDGET_S = 0.008
LIVE_KEYS = {path: key for key, path in (LIVE_FIELDS | LIVE_DATA_FIELDS).items()}
# Session states that end a run on their own; the window shows why.
STOPPED_BY_ITSELF = ("finished", "diverged", "error")
# How fast Play trains, as (steps/s, epochs/s): slow enough to follow single updates, TF Playground's
# pace that a teacher can talk over, or as fast as the machine goes.
SPEEDS = {"steps-2": (2.0, None), "epochs-1": (None, 1.0), "epochs-10": (None, 10.0), "epochs-60": (None, 60.0),
          "full": (None, None)}
DEFAULT_SPEED = "epochs-60"


class View(Protocol):
    """Also clear(), where a view has one: called when the views must show nothing (see _clear_views)."""

    def render(self, snapshot: Snapshot) -> None: ...


class Controller(QObject):
    experiment_changed = Signal(object)   # the Experiment now in force
    state_changed = Signal(str)           # session state: idle, running, paused, finished, diverged, error
    message = Signal(str, str)            # text, severity ("info", "warning", "error"); "" text clears
    speed_changed = Signal(str)           # a key of SPEEDS
    stop_at_epoch_changed = Signal(object)  # the epoch Play stops at by itself, or None

    def __init__(self, experiment: Experiment, parent: QObject | None = None):
        super().__init__(parent)
        self._experiment = experiment
        # A preset's epoch count is the length of its lesson: Play stops there and offers to go on.
        self._stop_at_epoch: int | None = experiment.training.epochs
        self._went_on = False  # Play went on past the stop epoch
        self._speed = DEFAULT_SPEED
        self.session: Session = ProcessSession(experiment, stop_at_epoch=self._stop_at_epoch)
        self.session.pace(*SPEEDS[self._speed])
        self._views: list[View] = []
        self._drawn: dict[int, int] = {}
        self._snapshot: Snapshot | None = None
        self._replaced_run: int | None = None  # the run the last reset ended: its frames are stale
        self._state: str | None = None
        self._status_message: str | None = None
        self._status_said = ""
        self._saying_status = False
        self._offering_more = False  # the banner offers to train past the stop epoch
        self.playing = False
        self.frames = 0
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self.tick)
        self._timer.start()
        # A zero-interval timer runs after the events already waiting: clicks and keys go between views.
        self._more_drawing = QTimer(self)
        self._more_drawing.setSingleShot(True)
        self._more_drawing.setInterval(0)
        self._more_drawing.timeout.connect(self._draw_stale)

    # -- what the window reads ------------------------------------------------
    @property
    def experiment(self) -> Experiment:
        return self._experiment

    @property
    def snapshot(self) -> Snapshot | None:
        """The newest snapshot taken from the session (None before the first)."""
        return self._snapshot

    @property
    def state(self) -> str:
        return self._state or "idle"

    def add_view(self, view: View) -> None:
        self._views.append(view)
        if self._snapshot is not None:
            self._draw(view, self._snapshot)

    def draw_now(self, views: list[View]) -> None:
        """Draw the newest snapshot into views even where not shown: pictures of a tab never opened."""
        if self._snapshot is not None:
            for view in views:
                self._draw(view, self._snapshot)

    # -- edits ------------------------------------------------------------------
    def apply(self, changes: dict[str, Any]) -> bool:
        """Change fields of the experiment; live where the trainer allows, else a reset. False if refused."""
        try:
            changed = self._experiment.with_changes(**changes)
        except ExperimentError as error:
            if not str(error).startswith("training.loss:") or "training.loss" in changes:
                self.refuse(str(error))
                return False
            # A change the chosen loss does not fit (other data, an optimizer but TF Playground's SGD) falls back to the
            # task's default loss rather than refusing.
            return self.apply({**changes, "training.loss": None})
        if changed == self._experiment:
            return True
        before = self._experiment.data
        if (changed.name or changed.description) and (changed.data.dataset, changed.data.csv_path) != (
                before.dataset, before.csv_path):
            # Other data make another experiment: a preset's title and lesson text no longer describe it.
            changed = changed.with_changes(name="", description="")
        live = {LIVE_KEYS[path]: field_value(changed, path) for path in changes if path in LIVE_KEYS}
        self._experiment = changed
        if len(live) == len(changes):
            self.session.set_hyper(**live)
        else:
            self._rebuild()
        self._say("", "info")
        self.experiment_changed.emit(changed)
        return True

    def replace(self, experiment: Experiment) -> None:
        """Start over with another experiment (a file, a preset), stopping at its epoch count."""
        self._experiment = experiment
        self._rebuild()
        self._went_on = False
        self.set_stop_at_epoch(experiment.training.epochs)
        self._say("", "info")
        self.experiment_changed.emit(experiment)

    def refuse(self, reason: str) -> None:
        """Say why an edit was not applied, and show the experiment in force again."""
        self._say(self.tr("Not applied: {reason}").format(reason=engine_messages.text(reason)), "warning")
        self.experiment_changed.emit(self._experiment)

    def inform(self, text: str) -> None:
        """A note in the window's banner (a file written, a fallback taken)."""
        self._say(text, "info")

    def _say(self, text: str, severity: str, about_status: bool = False) -> None:
        self._saying_status = about_status and bool(text)
        self.message.emit(text, severity)

    def _rebuild(self) -> None:
        self.playing = False
        self._forget_run()
        self.session.reset(self._experiment)

    # -- training commands ----------------------------------------------------
    def play(self) -> None:
        if self.state in ("diverged", "error") and not self.session.crashed:  # a crashed process: Play starts anew
            self._say(self._status_text(self._status_message), "error", about_status=True)  # again, in case it was dismissed
            return
        if self.at_stop_epoch():  # Play again after the stop: go on past it, until a reset
            self._went_on = True
            self.set_stop_at_epoch(None)
            self._say("", "info")
        self.playing = True
        self.session.play()

    def at_stop_epoch(self) -> bool:
        """True when training stopped at the epoch Play stops at, not one moved further on since."""
        return self._finished_at_stop() and self._snapshot is not None and self._snapshot.epoch >= self._stop_at_epoch

    def _finished_at_stop(self) -> bool:
        """Finished with nothing else to say: the stop epoch, not early stopping (the frame may still be on its way)."""
        state, text = self.session.status
        return state == "finished" and not text and self._stop_at_epoch is not None

    def pause(self) -> None:
        self.playing = False
        self.session.pause()

    def toggle_play(self) -> None:
        self.pause() if self.playing else self.play()

    def step(self) -> None:
        self.playing = False
        self.session.step()

    def step_epoch(self) -> None:
        self.playing = False
        self.session.step_epoch()

    def reset(self) -> None:
        """Fresh weights from the same seed; the data stay; a run that went on past its end stops there again."""
        self.playing = False
        self._forget_run()
        self.session.reset()
        if self._went_on:
            self._went_on = False
            self.set_stop_at_epoch(self._experiment.training.epochs)

    def regenerate(self) -> None:
        """New data from the next data seed; a reset follows."""
        self.apply({"data.seed": (self._experiment.data.seed + 1) % 2**32})

    def set_stop_at_epoch(self, epoch: int | None) -> None:
        """Pause by itself at this epoch (None: train until paused)."""
        if epoch == self._stop_at_epoch:
            return
        self._stop_at_epoch = epoch
        self.session.stop_at_epoch = epoch
        self.stop_at_epoch_changed.emit(epoch)

    def set_speed(self, speed: str) -> None:
        """How fast Play trains: a key of SPEEDS."""
        if speed not in SPEEDS or speed == self._speed:
            return
        self._speed = speed
        self.session.pace(*SPEEDS[speed])
        self.speed_changed.emit(speed)

    @property
    def speed(self) -> str:
        return self._speed

    @property
    def stop_at_epoch(self) -> int | None:
        return self._stop_at_epoch

    def close(self) -> bool:
        """Stop the display timer and the worker; True when the worker thread has ended."""
        self._timer.stop()
        self._more_drawing.stop()
        return self.session.close()

    # -- frames -----------------------------------------------------------------
    def tick(self) -> None:
        """Take a new snapshot once every shown view has drawn the last, then draw it."""
        self._follow_status()
        if not self._stale_views():
            arrived = self.session.latest()
            if arrived is None or arrived.history.run == self._replaced_run:  # none, or sent before the reset
                return
            self._snapshot = arrived
            self.frames += 1
        self._draw_stale()

    def _draw_stale(self) -> None:
        """Draw views until the time budget is spent; the rest follow as soon as waiting events ran."""
        deadline = time.perf_counter() + RENDER_BUDGET_S
        for view in self._stale_views():
            self._draw(view, self._snapshot)
            if time.perf_counter() > deadline:
                break
        if self._stale_views():
            self._more_drawing.start()

    def _stale_views(self) -> list[View]:
        """Shown views that have not drawn the current snapshot, the longest-waiting first."""
        if self._snapshot is None:
            return []
        serial = self._snapshot.serial
        stale = [view for view in self._views if self._drawn.get(id(view)) != serial and _showing(view)]
        return sorted(stale, key=lambda view: self._drawn.get(id(view), -1))

    def _draw(self, view: View, snapshot: Snapshot) -> None:
        self._drawn[id(view)] = snapshot.serial
        view.render(snapshot)

    def _forget_run(self) -> None:
        """Before a reset: the run shown ends, and frames of it still under way are not drawn."""
        if self._snapshot is not None:
            self._replaced_run = self._snapshot.history.run

    def _clear_views(self) -> None:
        """Show nothing rather than the run before a reset, when the reset failed before its first frame."""
        self._snapshot = None
        self._drawn.clear()
        for view in self._views:
            clear = getattr(view, "clear", None)
            if clear is not None:
                clear()

    def _follow_status(self) -> None:
        state, text = self.session.status
        if state != self._state:
            if state in STOPPED_BY_ITSELF or (self._state == "running" and state != "running"):
                self.playing = False
            if self._state == "finished" and self._offering_more:
                self._offering_more = False
                self._say("", "info")
            self._state = state
            if self._finished_at_stop():
                self._offering_more = True
                self._say(self.tr("Stopped at epoch {epoch}, where this experiment ends. Press Play to train on.")
                          .format(epoch=f"{self._stop_at_epoch:,}"), "info")
            if state == "error" and self._snapshot is not None and self._snapshot.history.run == self._replaced_run:
                self._clear_views()  # the reset failed before its first frame
            self.state_changed.emit(state)
        said = self._status_text(text) if text else ""
        if text != self._status_message or said != self._status_said:
            # Also when only the wording changed: the notice behind a status can arrive a frame after it.
            self._status_message, self._status_said = text, said
            if text:
                self._say(said, _severity(state), about_status=True)
            elif self._saying_status:  # the reason went away (a reset): so does the message
                self._say("", "info")

    def _status_text(self, message: str | None) -> str:
        """A status message in the user's language: a notice's text, or an engine message the window knows the wording of."""
        notice = self._snapshot.notice if self._snapshot is not None else None
        if notice is not None and notice.text == message:
            text = notice_texts.text(notice)
        else:
            text = engine_messages.text(message or "")
        if self._state == "diverged":
            text += " " + self.tr("Press Reset (R) to start again.")
        return text


def _severity(state: str) -> str:
    return {"diverged": "error", "error": "error", "finished": "info"}.get(state, "warning")


def _showing(view: View) -> bool:
    return not isinstance(view, QWidget) or view.isVisible()


def field_value(experiment: Experiment, path: str) -> Any:
    """The value at a dotted path: field_value(e, "training.optimizer.lr")."""
    value: Any = experiment
    for part in path.split("."):
        value = getattr(value, part)
    return value
