"""`playground bench --memory`: how much the history of a very long run costs, in both processes, as one JSON line.

An hour at the window's default speed is about a million epochs. Training that long
would measure the clock, not the history, so synthetic epochs go through the code the
real ones take: Trainer's HistoryBuffer.append in the training process, and every frame
the rows after the last epoch sent, extended into the window's buffer as ProcessSession
receives them. The line reports resident-memory growth (peak RSS, the whole process
holding both buffers) and each buffer's bytes at the end.
"""
from __future__ import annotations

import json
import resource
import sys
import time

import numpy as np

from playground.config.experiment import Experiment, ExperimentError
from playground.training.history import HistoryBuffer, rows_after
from playground.training.trainer import Trainer

DEFAULT_EPOCHS = 1_000_000
EPOCHS_PER_FRAME = 25  # the default problem trains about 1,500 epochs a second; the window takes 60 frames
GOAL_MB = 50.0


def run(args) -> int:
    epochs = DEFAULT_EPOCHS if args.history_epochs is None else args.history_epochs
    if epochs < 1:
        raise ExperimentError(f"argument --history-epochs: must be at least 1, got {epochs}")
    print(json.dumps(measure(epochs)), flush=True)
    return 0


def measure(epochs: int) -> dict:
    trainer = Trainer(Experiment().with_changes(device="cpu"))
    sender = trainer.history
    receiver = HistoryBuffer(sender.layers, run=sender.run)
    layers = sender.layers
    grad, weights = np.full(layers, 0.01), np.ones(layers)
    before = _peak_rss_mb()
    started = time.perf_counter()
    last_sent = 0.0
    for epoch in range(1, epochs + 1):
        loss = 1.0 / epoch
        sender.append(epoch=epoch, step=25 * epoch, elapsed_s=epoch / 1500, lr=trainer.lr, train_loss=loss,
                      val_loss=loss, test_loss=loss, train_accuracy=0.9, val_accuracy=0.9, test_accuracy=0.9,
                      grad_norm=grad, weight_norm=weights)
        if epoch % EPOCHS_PER_FRAME == 0 or epoch == epochs:
            view = sender.view()
            receiver.extend(rows_after(view, last_sent))
            last_sent = float(view.epoch[-1])
    seconds = time.perf_counter() - started
    growth = _peak_rss_mb() - before
    return {
        "history_epochs": epochs,
        "rss_growth_mb": round(growth, 2),
        "goal_mb": GOAL_MB,
        "within_goal": growth < GOAL_MB,
        "sender_rows": len(sender.view()),
        "receiver_rows": len(receiver.view()),
        "sender_mb": round(_megabytes(sender), 3),
        "receiver_mb": round(_megabytes(receiver), 3),
        "append_us": round(1e6 * seconds / epochs, 2),
    }


def _megabytes(buffer: HistoryBuffer) -> float:
    return sum(column.nbytes for column in buffer.columns.values()) / 2**20


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB elsewhere
