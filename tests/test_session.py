"""The background session: commands in, the latest snapshot out, failures as data, a thread that ends on close."""
from __future__ import annotations

import threading

import numpy as np
import pytest
import torch

from playground.config.experiment import ExperimentError
from playground.runtime.thread_session import TrainingSession
from playground.training.trainer import Trainer

TIMEOUT = 15.0


@pytest.fixture
def open_session(tiny_experiment):
    """open_session(experiment=None, **kwargs): a TrainingSession closed after the test, whatever happens."""
    sessions = []

    def make(experiment=None, **kwargs):
        session = TrainingSession(experiment or tiny_experiment(epochs=1000), **kwargs)
        sessions.append(session)
        return session

    yield make
    for session in sessions:
        session.close()


def on_worker(session: TrainingSession, job):
    """job(trainer) run on the session's worker between steps; its result here."""
    return session.call(job).result(TIMEOUT)


def round_trip(session: TrainingSession, times: int = 1) -> None:
    """Return once the worker has applied every command sent before and published what they made, `times` times
    over: each time is one more pass of its loop, in which it would train or publish if it were going to."""
    for _ in range(times):
        session.call(lambda trainer: None).exception(TIMEOUT)  # a job that fails still answers


def next_snapshot(session: TrainingSession, wait_until, condition=lambda s: True):
    """The first snapshot from latest() that satisfies condition."""
    found = []

    def take():
        snap = session.latest()
        if snap is not None and condition(snap):
            found.append(snap)
            return True
        return False

    assert wait_until(take, TIMEOUT), "no matching snapshot arrived"
    return found[0]


def state_becomes(session: TrainingSession, wait_until, *states: str) -> str:
    got = wait_until(lambda: session.status[0] in states and session.status[0], TIMEOUT)
    assert got, f"state stayed {session.status} instead of {states}"
    return got


def test_the_first_snapshot_arrives_idle(open_session, wait_until):
    session = open_session()
    snap = next_snapshot(session, wait_until)
    assert snap.state == "idle" and snap.epoch == 0 and snap.step == 0
    assert snap.grid is not None and snap.serial >= 1
    assert session.status == ("idle", None)


def test_latest_coalesces_and_returns_none_until_a_new_snapshot(open_session, wait_until):
    session = open_session()
    first = next_snapshot(session, wait_until)
    assert session.latest() is None  # taken: nothing newer yet
    assert session.peek() is first    # peek still sees it
    session.step(2)
    second = next_snapshot(session, wait_until, lambda s: s.step == 2)
    assert second.serial > first.serial
    assert session.latest() is None


def test_a_paused_session_publishes_nothing_new_until_something_changes(open_session, wait_until):
    session = open_session()
    session.step(1)
    next_snapshot(session, wait_until, lambda s: s.step == 1)
    round_trip(session, 30)  # thirty passes of the worker's loop with nothing to show
    assert session.latest() is None


def test_play_trains_and_pause_stops(open_session, wait_until):
    session = open_session()
    session.play()
    running = next_snapshot(session, wait_until, lambda s: s.state == "running" and s.epoch >= 2)
    assert running.steps_per_s > 0 and running.epochs_per_s > 0
    assert len(running.history) == running.epoch
    session.pause()
    assert state_becomes(session, wait_until, "paused") == "paused"
    steps = on_worker(session, lambda t: t.step_count)
    round_trip(session, 10)
    assert on_worker(session, lambda t: t.step_count) == steps
    paused = next_snapshot(session, wait_until, lambda s: s.state == "paused")
    assert paused.step == steps


def test_snapshots_arrive_while_running_and_serials_increase(open_session, wait_until):
    session = open_session()
    session.play()
    serials, steps = [], []
    for _ in range(4):
        snap = next_snapshot(session, wait_until, lambda s: s.state == "running")
        serials.append(snap.serial)
        steps.append(snap.step)
    assert serials == sorted(serials) and len(set(serials)) == 4
    assert steps == sorted(steps) and steps[-1] > steps[0]


def test_step_and_step_epoch_pause_afterwards(open_session, wait_until, tiny_experiment):
    session = open_session(tiny_experiment(samples=100, epochs=1000))  # 50 training samples, batches of 10
    session.step(3)
    snap = next_snapshot(session, wait_until, lambda s: s.step == 3)
    assert snap.state == "paused" and snap.epoch == 0
    session.step_epoch()
    snap = next_snapshot(session, wait_until, lambda s: s.epoch == 1)
    assert snap.step == 5 and snap.state == "paused"
    session.step_epoch()
    snap = next_snapshot(session, wait_until, lambda s: s.epoch == 2)
    assert snap.step == 10 and len(snap.history) == 2


def test_reset_restores_the_initial_weights(open_session, wait_until):
    session = open_session()
    copy_weights = lambda trainer: [p.detach().clone() for p in trainer.net.parameters()]
    start = on_worker(session, copy_weights)
    session.step_epoch()
    trained = next_snapshot(session, wait_until, lambda s: s.epoch == 1)
    assert not all(np.array_equal(a, b) for a, b in zip(on_worker(session, copy_weights), start))
    session.reset()
    again = next_snapshot(session, wait_until, lambda s: s.epoch == 0 and s.serial > trained.serial)
    assert again.step == 0 and len(again.history) == 0 and again.state == "idle"
    for a, b in zip(on_worker(session, copy_weights), start):
        np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(again.layers[0].weights, start[0].numpy())


def test_reset_with_a_new_experiment_rebuilds(open_session, wait_until, tiny_experiment):
    session = open_session()
    next_snapshot(session, wait_until)
    new = tiny_experiment(**{"data.dataset": "xor", "data.features": ["x1", "x2", "x1*x2"],
                             "network.layers": [{"units": 3}]})
    session.reset(new)
    snap = next_snapshot(session, wait_until, lambda s: s.data.feature_names == ("x1", "x2", "x1*x2"))
    assert [layer.units for layer in snap.layers] == [3, 1]
    assert session.experiment == new


def test_set_hyper_changes_lr_and_keeps_the_weights(open_session, wait_until):
    session = open_session()
    session.step(4)
    before = next_snapshot(session, wait_until, lambda s: s.step == 4)
    session.set_hyper(lr=0.25)
    after = next_snapshot(session, wait_until, lambda s: s.lr == 0.25)
    assert session.experiment.training.optimizer.lr == 0.25
    assert after.step == 4 and after.epoch == before.epoch
    for a, b in zip(after.layers, before.layers):
        np.testing.assert_array_equal(a.weights, b.weights)


def test_a_bad_command_comes_back_as_an_error_and_the_thread_lives_on(open_session, wait_until):
    session = open_session()
    next_snapshot(session, wait_until)
    session.set_hyper(batch_size=3)  # not a live field
    assert state_becomes(session, wait_until, "error") == "error"
    state, message = session.status
    assert message and "\n" not in message and "batch_size" in message
    assert session._thread.is_alive()
    session.step(1)  # the worker still takes commands
    snap = next_snapshot(session, wait_until, lambda s: s.step == 1)
    assert snap.state == "paused"


def test_a_failing_job_is_an_error_not_a_dead_thread(open_session, wait_until):
    session = open_session()
    next_snapshot(session, wait_until)

    def boom(trainer):
        raise RuntimeError("boom\nsecond line")

    with pytest.raises(RuntimeError, match="boom"):
        session.call(boom).result(TIMEOUT)
    assert session.status == ("error", "RuntimeError: boom")
    assert session._thread.is_alive()


def test_a_missing_csv_is_an_error_with_one_line(open_session, wait_until, tiny_experiment, tmp_path):
    missing = tmp_path / "nowhere.csv"
    session = open_session(tiny_experiment(**{"data.dataset": "csv", "data.csv_path": str(missing)}))
    assert state_becomes(session, wait_until, "error") == "error"
    message = session.status[1]
    assert message and "\n" not in message and "nowhere.csv" in message
    assert session._thread.is_alive()
    session.play()  # nothing to train: no exception, still an error
    with pytest.raises(ExperimentError, match="no model"):
        session.call(lambda trainer: None).result(TIMEOUT)
    assert session.latest() is None
    # A good experiment after the bad one works.
    session.reset(tiny_experiment())
    snap = next_snapshot(session, wait_until)
    assert snap.state == "idle"
    assert wait_until(lambda: session.status == ("idle", None), TIMEOUT)


def test_a_bad_csv_row_is_an_error_naming_the_line(open_session, wait_until, tiny_experiment, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("a,b,label\n1,2,x\n3,oops,y\n", encoding="utf-8")
    session = open_session(tiny_experiment(**{"data.dataset": "csv", "data.csv_path": str(path)}))
    state_becomes(session, wait_until, "error")
    message = session.status[1]
    assert "\n" not in message and "line 3" in message


def test_stop_at_epoch_finishes(open_session, wait_until, tiny_experiment):
    session = open_session(tiny_experiment(), stop_at_epoch=3)
    session.play()
    snap = next_snapshot(session, wait_until, lambda s: s.state == "finished")
    assert snap.epoch == 3 and len(snap.history) == 3


def _diverging(tiny_experiment):
    return tiny_experiment(samples=200, epochs=100, **{
        "data.dataset": "reg-plane", "training.optimizer.lr": 50.0,
        "network.layers": [{"units": 4, "activation": "relu"}]})


def test_divergence_in_a_session(open_session, wait_until, tiny_experiment):
    session = open_session(_diverging(tiny_experiment))
    session.play()
    snap = next_snapshot(session, wait_until, lambda s: s.state == "diverged")
    assert snap.message and "diverged" in snap.message.lower() and "\n" not in snap.message
    assert session.status == ("diverged", snap.message)
    steps = on_worker(session, lambda t: t.step_count)
    session.play()  # a diverged model does not train on
    round_trip(session, 10)
    assert on_worker(session, lambda t: t.step_count) == steps


def test_play_after_divergence_keeps_saying_diverged(open_session, wait_until, tiny_experiment):
    session = open_session(_diverging(tiny_experiment))
    session.play()
    next_snapshot(session, wait_until, lambda s: s.state == "diverged")
    session.play()
    round_trip(session)
    assert session.status[0] == "diverged"


def test_jobs_run_on_the_training_thread(open_session):
    session = open_session()
    assert on_worker(session, lambda trainer: threading.current_thread().name) == "training"


def test_commands_from_many_threads(open_session, wait_until):
    session = open_session()
    threads = [threading.Thread(target=session.step, args=(1,)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert next_snapshot(session, wait_until, lambda s: s.step == 8)


def test_close_ends_the_thread(tiny_experiment):
    session = TrainingSession(tiny_experiment())
    session.play()
    round_trip(session, 3)  # training
    assert session.close() is True
    assert not session._thread.is_alive()
    assert not [t for t in threading.enumerate() if t.name == "training" and t.is_alive()]
    assert session.close() is True  # a second close is harmless


def test_close_while_building_a_session_with_an_error(tiny_experiment, tmp_path):
    session = TrainingSession(tiny_experiment(**{"data.dataset": "csv", "data.csv_path": str(tmp_path / "x.csv")}))
    assert session.close() is True


def test_the_gradient_check_sees_the_trained_weights(open_session, wait_until):
    session = open_session()
    session.step_epoch()
    assert wait_until(lambda: session.status[0] == "paused", TIMEOUT)
    weights = lambda trainer: [w.detach().clone() for w in trainer.weights]
    seen = session.call(weights)
    checks = session.check_gradients()
    assert all(c.passed for c in checks)
    # The live weights moved away from the start, and the check left them as they were.
    start = Trainer(session.experiment).weights
    assert any(not torch.equal(a, b) for a, b in zip(seen.result(TIMEOUT), start))
    assert all(torch.equal(a, b) for a, b in zip(seen.result(), on_worker(session, weights)))


def test_a_gradient_check_without_a_model_says_so(open_session, tiny_experiment, tmp_path):
    session = open_session(tiny_experiment(**{"data.dataset": "csv", "data.csv_path": str(tmp_path / "x.csv")}))
    with pytest.raises(ExperimentError, match="no model"):
        session.check_gradients()


def test_a_call_answers_after_the_commands_before_it(open_session):
    session = open_session()
    session.step(3)
    session.set_hyper(lr=0.5)
    assert on_worker(session, lambda t: (t.step_count, t.lr)) == (3, 0.5)
    # The snapshot those commands made is out before the answer: no polling for it.
    snapshot = session.latest()
    assert snapshot is not None and snapshot.step == 3 and snapshot.lr == 0.5
