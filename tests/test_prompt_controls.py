"""Commands inside a long epoch: Pause, Step, Reset and close are taken between two steps, not after the epoch."""
from __future__ import annotations

import pytest
from conftest import snapshot_where

from playground.runtime.process_session import ProcessSession
from playground.runtime.thread_session import TrainingSession

TIMEOUT = 30.0
STEPS_PER_EPOCH = 50_000  # 100,000 samples, half for training, batches of 1: many seconds an epoch


@pytest.fixture
def long_epochs(tiny_experiment):
    return tiny_experiment(samples=100_000, epochs=10, **{"training.batch_size": 1})


@pytest.mark.parametrize("kind", [TrainingSession, ProcessSession], ids=["thread", "process"])
def test_pause_step_and_reset_are_taken_inside_a_long_step_epoch(kind, long_epochs, wait_until):
    session = kind(long_epochs)
    try:
        session.step_epoch()
        snapshot_where(session, lambda s: s.state == "running" and s.step > 0)
        session.pause()
        assert wait_until(lambda: session.status[0] == "paused", TIMEOUT)
        paused = snapshot_where(session, lambda s: s.state == "paused")
        assert paused.epoch == 0 and 0 < paused.step < STEPS_PER_EPOCH
        session.step(3)
        stepped = snapshot_where(session, lambda s: s.step == paused.step + 3 and s.state == "paused")
        assert stepped.epoch == 0
        session.step_epoch()
        snapshot_where(session, lambda s: s.state == "running" and s.step > stepped.step)
        session.reset()
        fresh = snapshot_where(session, lambda s: s.step == 0 and s.state == "idle")
        assert fresh.epoch == 0 and len(fresh.history) == 0
    finally:
        assert session.close() is True


@pytest.mark.parametrize("kind", [TrainingSession, ProcessSession], ids=["thread", "process"])
def test_close_during_a_long_step_epoch_ends_the_worker_without_finishing_the_epoch(kind, long_epochs, wait_until):
    session = kind(long_epochs)
    session.step_epoch()
    snapshot_where(session, lambda s: s.state == "running" and s.step > 0)
    # The epoch has tens of seconds to go; a close that waited for it would miss this bound by far.
    assert session.close(timeout=5.0) is True
    assert not session.alive
