"""Tests for the stacked step: the update rules over K models stacked [K, ...] with per-model numbers as [K]
tensors give each model what its own optimizer gives it, and a Stack's members match their solo runs."""
from __future__ import annotations

import pytest
import torch
from conftest import make_experiment

from playground.analysis.compare import Race, variant
from playground.optim.update_rules import PER_MODEL_HYPER, RULES, ForeachOptimizer
from playground.training import recipe

LRS = [0.01, 0.1, 0.5]
DECAYS = [0.0, 0.05, 0.2]


@pytest.mark.parametrize("name", sorted(RULES))
def test_a_stacked_step_with_per_model_numbers_is_each_models_own_step(name):
    generator = torch.Generator().manual_seed(0)
    shapes = [(4, 2), (4,)]
    start = [torch.randn(len(LRS), *shape, generator=generator) for shape in shapes]
    grads = [[torch.randn(len(LRS), *shape, generator=generator) for shape in shapes] for _ in range(6)]
    per_model = {key: [0.5, 0.9, 0.99] for key in PER_MODEL_HYPER.get(name, ())}
    stacked = [p.clone() for p in start]
    optimizer = ForeachOptimizer([{"params": stacked}], name, lr=0.0)
    group = optimizer.param_groups[0]
    group["lr"] = torch.tensor(LRS)
    group["weight_decay"] = torch.tensor(DECAYS)
    for key, values in per_model.items():
        group[key] = torch.tensor(values)
    alone = []
    for k, lr in enumerate(LRS):
        params = [p[k].clone() for p in start]
        alone.append((params, ForeachOptimizer([{"params": params}], name, lr, DECAYS[k],
                                               **{key: values[k] for key, values in per_model.items()})))
    for step in grads:
        for p, g in zip(stacked, step):
            p.grad = g.clone()
        optimizer.step()
        for k, (params, own) in enumerate(alone):
            for p, g in zip(params, step):
                p.grad = g[k].clone()
            own.step()
    for k, (params, _) in enumerate(alone):
        for ours, theirs in zip(stacked, params):
            torch.testing.assert_close(ours[k], theirs, rtol=1e-5, atol=1e-6)


def test_stacked_clipping_is_torchs_for_each_model():
    generator = torch.Generator().manual_seed(1)
    grads = [torch.randn(3, 4, 2, generator=generator) * 3, torch.randn(3, 4, generator=generator)]
    limits = torch.tensor([0.0, 0.5, 100.0])
    expected = []
    for k in range(3):
        params = [torch.zeros_like(g[k], requires_grad=True) for g in grads]
        for p, g in zip(params, grads):
            p.grad = g[k].clone()
        if limits[k] > 0:
            torch.nn.utils.clip_grad_norm_(params, float(limits[k]), foreach=True)
        expected.append([p.grad for p in params])
    assert not torch.equal(expected[1][0], grads[0][1])  # the middle model's gradient really is clipped
    recipe.clip_stacked_(grads, limits)
    for k in range(3):
        for ours, theirs in zip(grads, expected[k]):
            torch.testing.assert_close(ours[k], theirs)


def test_a_sixteen_model_sweep_is_one_stack_and_members_leave_it_as_they_stop():
    base = make_experiment(samples=60, epochs=6, **{"training.early_stopping": 1})
    race = Race([variant(base, {"lr": lr}) for lr in [0.001 * 2 ** i for i in range(16)]])
    assert len(race.groups) == 1
    for _ in race.train():
        pass
    stack = race.groups[0]
    assert {t.state for t in race.trainers} >= {"early_stopped"}  # some stopped early, so the stack shrank
    assert stack.members == [i for i, t in enumerate(race.trainers) if not t.finished]


def _sum_in_float64(t):
    return t.double().sum(1).to(t.dtype)


def _sum(t):
    return t.sum(0)


def test_member_exact_runs_member_by_member_where_the_batched_op_rounds_otherwise():
    from playground.analysis.stacked import MemberExact
    exact = MemberExact()
    t = torch.randn(5, 300, 4, generator=torch.Generator().manual_seed(2))
    assert not torch.equal(_sum_in_float64(t), torch.stack([_sum(m) for m in t]))  # the two orders differ here
    assert torch.equal(exact(_sum_in_float64, _sum, t), torch.stack([_sum(m) for m in t]))
    calls = []
    doubled = lambda s: calls.append(s.shape) or s * 2  # noqa: E731
    assert torch.equal(exact(doubled, doubled, t), t * 2)
    calls.clear()
    exact(doubled, doubled, t)
    assert calls == [t.shape]  # rounds alike, so batched: one call, and the verdict is kept


def test_member_exact_tells_a_function_of_the_position_from_an_elementwise_one():
    from playground.analysis.stacked import _POSITION_FREE, MemberExact
    exact = MemberExact()
    by_length = lambda s: s * s.numel()  # noqa: E731 (what a vector routine's other rounding looks like)
    t = torch.randn(3, 4, 2)
    assert torch.equal(exact.elementwise(by_length, t), torch.stack([m * m.numel() for m in t]))
    twice = lambda s: s * 2  # noqa: E731
    assert torch.equal(exact.elementwise(twice, t), t * 2)
    assert {function: verdict for (function, _, _), verdict in _POSITION_FREE.items()
            if function in (by_length, twice)} == {by_length: False, twice: True}
