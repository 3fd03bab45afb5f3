"""The arena lessons keep their word: each race, run as the window runs it (arena.race, stopping at the plot's
edge), shows what the lesson's text says at the steps it names; and the view.arena section is validated."""
from __future__ import annotations

import numpy as np
import pytest

from playground.arena import race, surfaces
from playground.config import presets
from playground.config.experiment import ARENA_FUNCTIONS, Experiment, ExperimentError


def raced(name: str) -> list[race.Racer]:
    """The lesson's racers after its steps, in the order its file lists them."""
    spec = presets.load(name).view.arena
    surface = surfaces.surface(spec.function)
    racers = [race.Racer(surface, race.racer_spec(r.name, r.lr, r.hyper), spec.start) for r in spec.racers]
    race.advance_together(racers, spec.steps)
    return racers


def across(racer: race.Racer) -> np.ndarray:
    return np.abs(racer.trajectory()[:, 1])


def test_the_arena_knows_exactly_the_functions_a_document_may_name():
    assert surfaces.NAMES == ARENA_FUNCTIONS


def test_momentum_gets_through_the_ravine_where_sgd_zig_zags():
    sgd, momentum = raced("lesson-arena-momentum-ravine")
    assert np.all(np.diff(np.sign(sgd.trajectory()[:20, 1])) != 0)  # across the floor at every step
    assert momentum.loss_curve()[50] * 1e6 < sgd.loss_curve()[50]
    assert sgd.status == momentum.status == race.RUNNING


def test_a_learning_rate_above_two_over_the_curvature_leaves_the_plot_and_diverges():
    small, good, large = raced("lesson-arena-learning-rate")
    assert small.steps == good.steps == 100 and small.loss_curve()[-1] > 0.1
    assert good.loss_curve()[-1] < 1e-5 and np.all(np.diff(np.sign(good.trajectory()[:20, 1])) != 0)
    assert large.status == race.LEFT and large.steps == 8
    assert np.all(np.diff(across(large)) > 0)  # the zig-zag grows at every step
    spec = presets.load("lesson-arena-learning-rate").view.arena
    beyond = race.run(surfaces.surface(spec.function), race.racer_spec("sgd", spec.racers[2].lr), spec.start, 5000)
    assert beyond["status"] == race.DIVERGED


def test_adam_leaves_the_plateau_while_sgd_lingers_at_the_saddle_point():
    sgd, adam = raced("lesson-arena-adam-plateau")
    assert across(sgd)[30] < 0.02 and abs(sgd.trajectory()[30, 0]) < 0.1  # down at the saddle point, still on it
    assert across(adam)[25] > 1
    assert sgd.status == adam.status == race.LEFT and adam.steps < sgd.steps / 2


def test_old_documents_need_no_arena_section():
    assert Experiment.from_dict({}).view.arena is None


@pytest.mark.parametrize("arena, field", [
    ({"function": "sphere", "racers": [{"name": "sgd", "lr": 0.1}]}, "view.arena.function"),
    ({"racers": []}, "view.arena.racers"),
    ({"racers": [{"name": "sgd", "lr": 0.1}] * 5}, "view.arena.racers"),
    ({"racers": [{"name": "sgd", "lr": -1}]}, "view.arena.racers.0.lr"),
    ({"racers": [{"name": "sgd", "lr": 0.1, "hyper": {"beta9": 1}}]}, "view.arena.racers.0"),
    ({"start": [0, float("inf")], "racers": [{"name": "sgd", "lr": 0.1}]}, "view.arena.start"),
    ({"steps": 0, "racers": [{"name": "sgd", "lr": 0.1}]}, "view.arena.steps"),
])
def test_a_bad_arena_section_is_one_line_naming_its_field(arena, field):
    with pytest.raises(ExperimentError) as error:
        Experiment.from_dict({"view": {"tab": "arena", "arena": arena}})
    assert str(error.value).startswith(field + ":") and "\n" not in str(error.value)
