"""A training process that dies (SIGKILL) is reported once, and the next Play, Step or Reset starts a new one."""
from __future__ import annotations

import os
import signal

import numpy as np
import pytest
from conftest import snapshot_where

from playground.runtime.process_session import ProcessSession

TIMEOUT = 60.0


@pytest.fixture
def session(tiny_experiment):
    opened = ProcessSession(tiny_experiment(epochs=1000))
    yield opened
    assert opened.close() is True


def kill_child(session, wait_until) -> None:
    os.kill(session._process.pid, signal.SIGKILL)
    assert wait_until(lambda: session.status[0] == "error", TIMEOUT)
    assert session.crashed


def weights(snapshot) -> list[np.ndarray]:
    return [layer.weights for layer in snapshot.layers] + [layer.bias for layer in snapshot.layers]


def test_a_killed_process_is_reported_and_play_continues_from_the_last_snapshot(session, wait_until):
    session.step_epoch()
    session.step_epoch()
    before = snapshot_where(session, lambda s: s.epoch == 2 and s.state == "paused")
    kill_child(session, wait_until)
    assert session.status[1] == ("the training process stopped unexpectedly (killed by signal 9); "
                                 "Play, Step or Reset starts a new one")
    session.play()
    assert not session.crashed
    later = snapshot_where(session, lambda s: s.state == "running" and s.epoch > 3)
    # The new process went on from epoch 2's weights and counters: its history starts at epoch 3.
    assert later.step > before.step and [int(e) for e in later.history.epoch[:2]] == [3, 4]


def test_the_new_process_holds_the_last_snapshots_weights(session, wait_until):
    session.step_epoch()
    before = snapshot_where(session, lambda s: s.epoch == 1 and s.state == "paused")
    kill_child(session, wait_until)
    assert session._revive(keep_weights=True)  # what Play does first, without the Play that trains on
    resumed = snapshot_where(session)
    assert (resumed.epoch, resumed.step, resumed.state) == (1, before.step, "idle")
    assert all(np.array_equal(a, b) for a, b in zip(weights(resumed), weights(before)))


def test_step_after_a_crash_starts_a_new_process_too(session, wait_until):
    snapshot_where(session)
    kill_child(session, wait_until)
    session.step(3)
    assert snapshot_where(session, lambda s: s.step == 3 and s.state == "paused").epoch == 0


def test_reset_after_a_crash_starts_from_fresh_weights(session, wait_until):
    first = snapshot_where(session)
    session.step_epoch()
    snapshot_where(session, lambda s: s.epoch == 1)
    kill_child(session, wait_until)
    session.reset()
    fresh = snapshot_where(session)
    assert fresh.step == 0 and session.status[0] == "idle"
    assert all(np.array_equal(a, b) for a, b in zip(weights(fresh), weights(first)))


def test_a_model_the_snapshot_cannot_hold_starts_afresh(tiny_experiment, wait_until):
    session = ProcessSession(tiny_experiment(**{"network.layers": [{"units": 4, "batch_norm": True}]}))
    try:
        session.step_epoch()
        snapshot_where(session, lambda s: s.epoch == 1)
        kill_child(session, wait_until)
        session.play()
        restarted = snapshot_where(session)
        assert restarted.epoch == 0  # batch norm's parameters are not in a snapshot: no half-restored model
    finally:
        assert session.close() is True
