"""The arena's engine: the surfaces' values and gradients, and races against torch.optim in float64."""
from __future__ import annotations

import numpy as np
import pytest
import torch

from playground.arena import race, surfaces
from playground.config import catalog
from playground.config.experiment import ExperimentError

ROSENBROCK = surfaces.surface("rosenbrock")
START = (-1.5, 2.5)
STEPS = 200


def torch_path(make_optimizer, surface: surfaces.Surface, start, steps: int, scheduler=None) -> np.ndarray:
    """The path torch.optim takes on the surface, in float64, from start."""
    p = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    opt = make_optimizer([p])
    sched = scheduler(opt) if scheduler else None
    path = [p.detach().clone()]
    for _ in range(steps):
        opt.zero_grad()
        surface.fn(p[0], p[1]).backward()
        opt.step()
        if sched:
            sched.step()
        path.append(p.detach().clone())
    return torch.stack(path).numpy()


def arena_path(spec, surface=ROSENBROCK, start=START, steps=STEPS) -> np.ndarray:
    racer = race.Racer(surface, spec, start)
    racer.advance(steps)
    assert racer.status == race.RUNNING and racer.steps == steps
    return racer.trajectory()


@pytest.mark.parametrize(("name", "lr", "make"), [
    ("sgd", 1e-3, lambda ps: torch.optim.SGD(ps, lr=1e-3)),
    ("momentum", 2e-4, lambda ps: torch.optim.SGD(ps, lr=2e-4, momentum=0.9)),
    ("nesterov", 2e-4, lambda ps: torch.optim.SGD(ps, lr=2e-4, momentum=0.9, nesterov=True)),
    ("adam", 0.02, lambda ps: torch.optim.Adam(ps, lr=0.02)),
    ("rmsprop", 0.01, lambda ps: torch.optim.RMSprop(ps, lr=0.01)),
])
def test_trajectories_equal_torch_optim_on_rosenbrock(name, lr, make):
    ours = arena_path(race.racer_spec(name, lr))
    theirs = torch_path(make, ROSENBROCK, START, STEPS)
    assert np.abs(ours[-1] - ours[0]).max() > 0.05  # it went somewhere
    np.testing.assert_allclose(ours, theirs, rtol=1e-9, atol=1e-12)


def test_schedule_follows_torch_scheduler_per_step():
    spec = race.racer_spec("sgd", 1e-3, schedule="exponential", schedule_hyper={"gamma": 0.98})
    theirs = torch_path(lambda ps: torch.optim.SGD(ps, lr=1e-3), ROSENBROCK, START, STEPS,
                        scheduler=lambda opt: torch.optim.lr_scheduler.ExponentialLR(opt, gamma=0.98))
    np.testing.assert_allclose(arena_path(spec), theirs, rtol=1e-9, atol=1e-12)


def test_lookahead_pulls_slow_weights_every_k_steps():
    k, alpha, lr = 5, 0.5, 1e-3
    ours = arena_path(race.racer_spec("sgd", lr, lookahead=(k, alpha)), steps=40)
    # Zhang et al.'s algorithm written out over torch.optim.SGD.
    p = torch.tensor(START, dtype=torch.float64, requires_grad=True)
    opt, slow, path = torch.optim.SGD([p], lr=lr), torch.tensor(START, dtype=torch.float64), [START]
    for step in range(1, 41):
        opt.zero_grad()
        ROSENBROCK.fn(p[0], p[1]).backward()
        opt.step()
        if step % k == 0:
            with torch.no_grad():
                slow += alpha * (p - slow)
                p.copy_(slow)
        path.append(tuple(p.tolist()))
    np.testing.assert_allclose(ours, np.array(path), rtol=1e-12)


@pytest.mark.parametrize("function", surfaces.NAMES)
@pytest.mark.parametrize("optimizer", list(catalog.OPTIMIZERS))
def test_every_optimizer_runs_on_every_function(function, optimizer):
    surface = surfaces.surface(function)
    # Gradient descent's step grows with the gradient, an adaptive method's is about lr whatever the slope;
    # RAdam's first steps, before its variance estimate is usable, are gradient descent with momentum.
    lr = 1e-4 if optimizer in ("sgd", "momentum", "nesterov", "radam") else 1.0 if optimizer == "adadelta" else 1e-2
    racer = race.Racer(surface, race.racer_spec(optimizer, lr), surface.start)
    racer.advance(20)
    assert len(racer.path) == len(racer.losses) == racer.steps + 1
    assert racer.steps == 20 and racer.status == race.RUNNING
    assert racer.losses[-1] < racer.losses[0]
    assert np.isclose(racer.losses[-1], surface.value(*racer.path[-1]))


def test_a_learning_rate_too_large_diverges_and_stops():
    racer = race.Racer(ROSENBROCK, race.racer_spec("sgd", 0.05), START)
    racer.advance(100)
    assert racer.status in (race.LEFT, race.DIVERGED) and racer.steps < 100
    racer.advance(10)
    assert racer.steps < 100  # a stopped racer stays stopped


def gradient(surface, x, y) -> np.ndarray:
    return surface.value_and_gradient(torch.tensor([x, y], dtype=torch.float64))[1].numpy()


def test_known_minima_have_zero_value_and_gradient():
    cases = {"rosenbrock": [(1.0, 1.0)], "beale": [(3.0, 0.5)], "quadratic": [(0.0, 0.0)],
             "himmelblau": [(3.0, 2.0), (-2.805118, 3.131312), (-3.779310, -3.283186), (3.584428, -1.848126)]}
    for name, points in cases.items():
        surface = surfaces.surface(name)
        assert sorted(surface.points) == sorted(points)
        for x, y in points:
            assert surface.value(x, y) == pytest.approx(0.0, abs=1e-9)
            np.testing.assert_allclose(gradient(surface, x, y), 0.0, atol=1e-4)


def test_values_and_gradients_away_from_the_minima_match_the_formulas():
    x, y = 0.5, -1.25
    rosen = (1 - x) ** 2 + 100 * (y - x * x) ** 2
    assert surfaces.surface("rosenbrock").value(x, y) == pytest.approx(rosen)
    # Hand-derived: d/dx = -2(1-x) - 400x(y-x²), d/dy = 200(y-x²).
    np.testing.assert_allclose(gradient(ROSENBROCK, x, y), [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)])
    saddle = surfaces.surface("saddle")
    assert saddle.value(x, y) == pytest.approx(x * x - y * y)
    np.testing.assert_allclose(gradient(saddle, x, y), [2 * x, -2 * y])
    np.testing.assert_allclose(gradient(saddle, 0.0, 0.0), [0.0, 0.0])
    h = 1e-6  # central differences, against autograd
    for name in ("beale", "himmelblau", "quadratic"):
        s = surfaces.surface(name)
        numeric = [(s.value(x + h, y) - s.value(x - h, y)) / (2 * h), (s.value(x, y + h) - s.value(x, y - h)) / (2 * h)]
        np.testing.assert_allclose(gradient(s, x, y), numeric, rtol=1e-6)


def test_grid_matches_pointwise_values():
    surface = surfaces.surface("beale")
    xs, ys, values = surface.grid(7)
    assert values.shape == (7, 7)
    assert values[2, 5] == pytest.approx(surface.value(xs[5], ys[2]))


def test_regression_surface_minimum_is_numpy_least_squares():
    rng = np.random.default_rng(3)
    x = rng.uniform(-2, 5, 40)
    y = 1.7 * x - 0.6 + rng.normal(0, 0.3, 40)
    surface = surfaces.regression(x, y)
    (w, b), *_ = np.linalg.lstsq(np.column_stack([x, np.ones_like(x)]), y, rcond=None)
    np.testing.assert_allclose(surface.points[0], (w, b), rtol=1e-10)
    assert surface.value(w, b) == pytest.approx(np.mean((w * x + b - y) ** 2))
    assert surface.value(w + 0.1, b) > surface.value(w, b) < surface.value(w, b - 0.1)
    np.testing.assert_allclose(gradient(surface, w, b), 0.0, atol=1e-9)
    assert surface.contains(w, b) and surface.contains(*surface.start)
    # Gradient descent on the surface walks to the same place.
    racer = race.Racer(surface, race.racer_spec("momentum", 0.02), surface.start)
    racer.advance(2000)
    np.testing.assert_allclose(racer.path[-1], (w, b), atol=1e-6)


def test_curve_regression_uses_the_curve_dataset(tmp_path):
    surface = surfaces.surface("regression")
    assert surface.axes == ("w", "b") and surface.contains(*surface.points[0])
    csv = tmp_path / "pairs.csv"
    csv.write_text("a,b,y\n" + "".join(f"{i},{-i},{2 * i + 1}\n" for i in range(20)))
    from_csv = surfaces.csv_regression(str(csv), column="a")
    np.testing.assert_allclose(from_csv.points[0], (2.0, 1.0), atol=1e-9)
    with pytest.raises(ExperimentError, match="choose one with --column"):
        surfaces.csv_regression(str(csv))


@pytest.mark.parametrize(("call", "message"), [
    (lambda: surfaces.surface("sphere"), "function: unknown function 'sphere' (allowed: quadratic"),
    (lambda: race.racer_spec("adamx", 0.1), "optimizer.name"),
    (lambda: race.racer_spec("sgd", -1.0), "optimizer.lr: must be greater than 0"),
    (lambda: race.racer_spec("adam", 0.1, {"momentum": 0.9}), "has no hyperparameter 'momentum'"),
    (lambda: race.Racer(ROSENBROCK, race.racer_spec("sgd", 0.1), (5.0, 0.0)), "start: (5, 0) is outside"),
    (lambda: race.run(ROSENBROCK, race.racer_spec("sgd", 0.1), START, 0), "steps: must be between 1"),
])
def test_bad_input_is_one_line_naming_the_field(call, message):
    with pytest.raises(ExperimentError) as caught:
        call()
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_run_keeps_n_plus_one_points_after_divergence():
    result = race.run(ROSENBROCK, race.racer_spec("sgd", 0.05), START, 50)
    assert len(result["trajectory"]) == len(result["loss"]) == 51
    assert result["status"] == race.DIVERGED and result["loss"][-1] is None
    assert result["trajectory"][0] == list(START)


@pytest.mark.parametrize("name", ["rosenbrock", "beale", "saddle", "regression"])
def test_racing_together_takes_exactly_the_steps_each_racer_takes_alone(name):
    surface = surfaces.surface(name)
    specs = [race.racer_spec(optimizer, 0.05 if optimizer != "sgd" else 0.02) for optimizer in catalog.OPTIMIZERS]
    specs.append(race.racer_spec("momentum", 0.01, lookahead=(5, 0.5)))
    together = [race.Racer(surface, spec, surface.start) for spec in specs]
    race.advance_together(together, 150)
    for spec, racer in zip(specs, together):
        alone = race.Racer(surface, spec, surface.start)
        alone.advance(150)
        assert (racer.status, racer.steps) == (alone.status, alone.steps), spec.optimizer.name
        np.testing.assert_array_equal(racer.trajectory(), alone.trajectory())
        np.testing.assert_array_equal(racer.loss_curve(), alone.loss_curve())
    assert len({r.steps for r in together}) > 1 or name == "regression"  # some stop early, the rest go on
