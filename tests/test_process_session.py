"""The training session in a child process: same behaviour as TrainingSession, seen through a pipe."""
import operator

import numpy as np
import pytest

from playground.config.experiment import ExperimentError
from playground.runtime.process_session import ProcessSession
from playground.runtime.session import Session
from playground.runtime.thread_session import TrainingSession

TIMEOUT = 30.0  # a spawned child imports torch before its first snapshot


@pytest.fixture
def session(tiny_experiment):
    opened = ProcessSession(tiny_experiment(epochs=100_000))
    yield opened
    assert opened.close(), "the training process did not end"
    assert not opened.alive


def take(session, wait_until, condition=lambda s: True):
    found = []

    def ready():
        snapshot = session.latest()
        if snapshot is not None and condition(snapshot):
            found.append(snapshot)
        return bool(found)

    assert wait_until(ready, TIMEOUT), "no matching snapshot arrived"
    return found[0]


def test_training_streams_snapshots_with_the_whole_history(session, wait_until):
    session.play()
    early = take(session, wait_until, lambda s: s.epoch >= 3)
    late = take(session, wait_until, lambda s: s.epoch >= early.epoch + 5)
    # Histories travel as deltas; the reader must still see every epoch exactly once.
    for snapshot in (early, late):
        assert len(snapshot.history) == snapshot.epoch
        np.testing.assert_array_equal(snapshot.history.epoch, np.arange(1, snapshot.epoch + 1))
    np.testing.assert_array_equal(late.history.train_loss[: len(early.history)], early.history.train_loss)
    # The data crosses once: later snapshots share the first one's DataView.
    assert late.data is early.data


def test_reset_starts_a_new_history(session, wait_until):
    session.play()
    before = take(session, wait_until, lambda s: s.epoch >= 3)
    session.reset()
    session.play()
    after = take(session, wait_until, lambda s: s.history.run != before.history.run and s.epoch >= 1)
    assert len(after.history) == after.epoch
    np.testing.assert_array_equal(after.history.epoch, np.arange(1, after.epoch + 1))


def test_live_changes_and_status_come_back(session, wait_until):
    session.play()
    take(session, wait_until, lambda s: s.epoch >= 1)
    session.set_hyper(lr=0.2)
    assert wait_until(lambda: session.experiment.training.optimizer.lr == 0.2, TIMEOUT)
    snapshot = take(session, wait_until, lambda s: s.lr == pytest.approx(0.2))
    assert snapshot.epoch >= 1  # no reset
    session.pause()
    assert wait_until(lambda: session.status[0] == "paused", TIMEOUT)


def test_an_error_comes_back_as_a_status(session, wait_until, tiny_experiment, tmp_path):
    session.reset(tiny_experiment(**{"data.dataset": "csv", "data.csv_path": str(tmp_path / "missing.csv")}))
    assert wait_until(lambda: session.status[0] == "error", TIMEOUT)
    assert "missing.csv" in session.status[1] and "\n" not in session.status[1]


def test_stop_at_epoch_reaches_the_child(session, wait_until):
    session.stop_at_epoch = 4
    session.play()
    assert wait_until(lambda: session.status[0] == "finished", TIMEOUT)
    assert take(session, wait_until, lambda s: s.state == "finished").epoch == 4


def test_a_child_that_dies_is_reported(session, wait_until):
    take(session, wait_until)
    session._process.kill()
    assert wait_until(lambda: session.status[0] == "error", TIMEOUT)
    assert "stopped unexpectedly" in session.status[1]
    with pytest.raises(ExperimentError, match="stopped unexpectedly"):
        session.call(operator.attrgetter("step_count")).result(TIMEOUT)


def test_reset_clears_an_ended_state_at_once(session, wait_until, tiny_experiment):
    session.reset(tiny_experiment(**{"training.optimizer.lr": 100.0, "network.init.scheme": "normal",
                                     "network.init.scale": 50.0, "network.layers": [{"units": 8, "activation": "relu"}] * 4}))
    session.play()
    assert wait_until(lambda: session.status[0] == "diverged", TIMEOUT)
    session.reset(tiny_experiment())
    assert session.status == ("idle", None)


def test_the_gradient_check_runs_on_the_live_model(session, wait_until):
    session.play()
    take(session, wait_until, lambda s: s.epoch >= 2)
    checks = session.check_gradients()
    assert [c.name for c in checks] == ["hidden 1", "hidden 2", "output"]
    assert all(c.passed for c in checks)


def test_a_call_answers_after_the_commands_before_it_and_what_they_made(session):
    session.step(3)
    session.set_hyper(lr=0.5)
    assert session.call(operator.attrgetter("step_count", "lr")).result(TIMEOUT) == (3, 0.5)
    # The status and the snapshot come up the pipe before the answer: no polling for them.
    assert session.status[0] == "paused" and session.experiment.training.optimizer.lr == 0.5
    snapshot = session.latest()
    assert snapshot is not None and (snapshot.step, snapshot.lr) == (3, 0.5)


def test_a_failing_or_unpicklable_call_answers_in_one_line(session):
    with pytest.raises(ExperimentError, match="^AttributeError: .*no_such_thing"):
        session.call(operator.attrgetter("no_such_thing")).result(TIMEOUT)
    with pytest.raises(ExperimentError, match="cannot go to the training process"):
        session.call(lambda trainer: None).result(TIMEOUT)


def test_both_sessions_have_the_whole_session_interface():
    members = {name for name in vars(Session) if not name.startswith("_")} | set(Session.__annotations__)
    assert {"latest", "call", "check_gradients", "stop_at_epoch", "status"} <= members
    for kind in (ProcessSession, TrainingSession):
        missing = {name for name in members if not hasattr(kind, name) and name != "stop_at_epoch"}
        assert not missing, f"{kind.__name__} lacks {missing}"
    assert isinstance(ProcessSession.stop_at_epoch, property) and ProcessSession.stop_at_epoch.fset is not None
