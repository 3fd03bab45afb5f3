"""Ctrl+C in `playground sweep` and `compare`: the race stops between steps and still reports every model."""
from __future__ import annotations

import json
import signal

import pytest

from playground.analysis.compare import Race
from playground.cli import main as cli

FOREVER = ["--epochs", "1000000", "--quiet"]


@pytest.fixture
def ctrl_c_after_an_epoch(monkeypatch):
    """Race.train as it is, but Ctrl+C comes (as a real SIGINT to this process) once the first epoch is done;
    presses=2 sends a second one at the next step."""
    train = Race.train
    presses = {"count": 1}

    def pressing(self, should_stop=lambda: False):
        def stop_check():
            if presses["count"] > 1 and should_stop():
                presses["count"] -= 1
                signal.raise_signal(signal.SIGINT)
            return should_stop()
        for epoch in train(self, stop_check):
            if epoch == 1:
                signal.raise_signal(signal.SIGINT)
            yield epoch

    monkeypatch.setattr(Race, "train", pressing)
    return presses


@pytest.mark.parametrize("command, models", [
    (["sweep", *FOREVER, "--data-samples", "40", "--param", "lr", "--range", "1e-3:1", "--samples", "3", "--json"], 3),
    (["compare", *FOREVER, "--samples", "40", "--vary", "lr=0.01,0.1", "--vary", "optimizer=sgd,adam", "--json"], 4),
], ids=["sweep", "compare"])
def test_ctrl_c_stops_the_race_and_still_prints_every_model(command, models, ctrl_c_after_an_epoch, capsys):
    assert cli.main(command) == 130
    out, err = capsys.readouterr()
    finals = [row for row in map(json.loads, out.splitlines()) if row.get("final", "epoch" not in row)]  # sweep: all
    assert "stopped by Ctrl+C" in err and len(finals) == models
    assert {row["state"] for row in finals} == {"stopped"}
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # the handler is put back


def test_a_second_ctrl_c_interrupts_at_once(ctrl_c_after_an_epoch, capsys):
    ctrl_c_after_an_epoch["count"] = 2
    code = cli.main(["sweep", *FOREVER, "--data-samples", "40", "--param", "lr", "--range", "1e-3:1", "--samples", "2"])
    assert code == 130 and capsys.readouterr().err.strip() == "playground: interrupted"
