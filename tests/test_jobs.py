"""BackgroundJob: results, progress, cancelling and failures come back as data, on a named daemon thread."""
from __future__ import annotations

import threading

import pytest

from playground.config.experiment import ExperimentError
from playground.runtime.jobs import THREAD_NAME, BackgroundJob

TIMEOUT = 10.0


def job_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == THREAD_NAME and t.is_alive()]


@pytest.fixture(autouse=True)
def no_job_thread_left():
    yield
    assert job_threads() == [], "a diagnostics job outlived its test"


def counting(limit, gate=None, *, should_stop, progress):
    """Counts to limit, reporting progress; waits at the gate (if any) before each step; stops when asked."""
    done = 0
    for i in range(limit):
        if gate is not None:
            gate.acquire(timeout=TIMEOUT)
        if should_stop():
            break
        done = i + 1
        progress(done / limit)
    return done


def test_the_result_comes_back_with_full_progress():
    job = BackgroundJob(counting, 5)
    assert job.join(TIMEOUT)
    assert job.done and job.result == 5 and job.error is None
    assert job.progress == 1.0 and not job.cancelled


def test_it_runs_on_a_daemon_thread_named_for_the_diagnostics():
    seen = {}

    def where(should_stop, progress):
        seen["name"], seen["daemon"] = threading.current_thread().name, threading.current_thread().daemon

    assert BackgroundJob(where).join(TIMEOUT)
    assert seen == {"name": "diagnostics-job", "daemon": True}


def test_the_caller_does_not_wait_and_sees_progress_as_it_grows(wait_until):
    gate = threading.Semaphore(0)
    job = BackgroundJob(counting, 4, gate)
    assert not job.done and job.progress == 0.0  # constructed and returned at once
    gate.release()
    wait_until(lambda: job.progress >= 0.25, TIMEOUT)
    assert job.progress == 0.25 and not job.done
    for _ in range(3):
        gate.release()
    assert job.join(TIMEOUT) and job.result == 4


def test_cancel_asks_and_the_function_returns_what_it_has(wait_until):
    gate = threading.Semaphore(0)
    job = BackgroundJob(counting, 100, gate)
    gate.release()
    gate.release()
    wait_until(lambda: job.progress >= 0.02, TIMEOUT)
    job.cancel()
    gate.release()
    assert job.join(TIMEOUT)
    assert job.cancelled and job.result == 2 and job.error is None
    assert job.progress == pytest.approx(0.02)  # a stopped job did not finish: no false 100 %


@pytest.mark.parametrize("error, text", [
    (ExperimentError("network.layers: at most 256"), "network.layers: at most 256"),
    (ValueError("bad value\nsecond line"), "ValueError: bad value"),
    (RuntimeError(), "RuntimeError"),
])
def test_a_failure_is_one_line_of_data_never_an_exception_here(error, text):
    def failing(should_stop, progress):
        progress(0.5)
        raise error

    job = BackgroundJob(failing)
    assert job.join(TIMEOUT)
    assert job.done and job.result is None
    assert job.error == text
    assert job.progress == 0.5


def test_progress_stays_within_zero_and_one_and_ignores_nan():
    reported, made = [], threading.Event()

    def wild(should_stop, progress):
        made.wait(TIMEOUT)  # `job` is bound only once the constructor returned
        for value in (-3.0, 0.4, float("nan"), 7.0):
            progress(value)
            reported.append(job.progress)

    job = BackgroundJob(wild)
    made.set()
    assert job.join(TIMEOUT)
    assert reported == [0.0, 0.4, 0.4, 1.0]


def test_arguments_are_passed_before_the_keywords():
    job = BackgroundJob(lambda a, b, should_stop, progress: (a, b, should_stop(), callable(progress)), 1, "two")
    assert job.join(TIMEOUT)
    assert job.result == (1, "two", False, True)
