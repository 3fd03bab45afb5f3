"""A BackgroundJob as the window sees it: polled by a timer, its end announced by signals, its progress as a bar.

The GUI thread never waits on a job. A QTimer looks at it ten times a second,
and only while one runs. cancel() asks the job to stop and still delivers what
it returned (a curve stopped halfway has its first points); abandon() asks it to
stop and forgets it (its experiment is gone, or its panel is). When the runner is
destroyed, every job it started is asked to stop.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from playground.gui.views import theme
from playground.runtime.jobs import BackgroundJob

POLL_MS = 100
BAR_STEPS = 1000


class JobRunner(QObject):
    progressed = Signal(float)
    finished = Signal(object, bool)  # the job's result, and whether it was cancelled on the way
    failed = Signal(str)             # one line saying why
    running_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.job: BackgroundJob | None = None
        # Jobs not yet seen to end, abandoned ones included: shutdown() and destruction reach them all.
        self._started: list[BackgroundJob] = []
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        started = self._started  # the lambda must not hold self: it runs while self is being destroyed
        self.destroyed.connect(lambda: [job.cancel() for job in started])

    @property
    def running(self) -> bool:
        return self.job is not None

    def start(self, fn: Callable[..., Any], *args: Any) -> None:
        """Run fn(*args, should_stop=..., progress=...) in the background, replacing any job still running."""
        self.abandon()
        self._started[:] = [job for job in self._started if not job.done]
        self.job = BackgroundJob(fn, *args)
        self._started.append(self.job)
        self._timer.start()
        self.progressed.emit(0.0)
        self.running_changed.emit(True)

    def cancel(self) -> None:
        """Ask the job to stop; `finished` still comes, with whatever the job returned."""
        if self.job is not None:
            self.job.cancel()

    def abandon(self) -> None:
        """Ask the job to stop and forget it: no signal will tell how it ended."""
        if self.job is None:
            return
        self.job.cancel()
        self.job = None
        self._timer.stop()
        self.running_changed.emit(False)

    def shutdown(self, timeout: float = 5.0) -> bool:
        """Abandon the job and wait up to timeout seconds for every started job's thread; True when all ended."""
        self.abandon()
        for job in self._started:
            job.cancel()
        ended = all(job.join(timeout) for job in self._started)
        self._started.clear()
        return ended

    def _poll(self) -> None:
        job = self.job
        if job is None:
            return
        self.progressed.emit(job.progress)
        if not job.done:
            return
        self.job = None
        self._timer.stop()
        self._started.remove(job)
        self.running_changed.emit(False)
        if job.error is not None:
            self.failed.emit(job.error)
        else:
            self.finished.emit(job.result, job.cancelled)


class JobProgress(QWidget):
    """A progress bar with a Cancel button, shown while the runner's job runs, and one status line."""

    def __init__(self, runner: JobRunner, on_cancel: Callable[[], None] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setRange(0, BAR_STEPS)
        self.bar.setMaximumHeight(self.fontMetrics().height() + 4)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        # on_cancel: a panel that keeps no partial result drops the job and says so itself.
        self.cancel_button.clicked.connect(on_cancel or runner.cancel)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setFont(theme.small_font(self.status))
        self.status.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        self._running_row = QWidget()
        self._running_row.setLayout(row)
        self._running_row.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._running_row, 1)
        layout.addWidget(self.status, 1)
        runner.progressed.connect(lambda fraction: self.bar.setValue(round(fraction * BAR_STEPS)))
        runner.running_changed.connect(self._running)
        runner.failed.connect(lambda text: self.show_status(text, alarm=True))

    def _running(self, running: bool) -> None:
        self._running_row.setVisible(running)
        if running:
            self.show_status("")

    def show_status(self, text: str, alarm: bool = False) -> None:
        """A line under the buttons (empty hides it); alarm colours it as an error."""
        self.status.setStyleSheet(f"color: {theme.ALARM if alarm else theme.MUTED};")
        self.status.setText(text)
        self.status.setVisible(bool(text))
