"""Tests for playground.optim.update_rules: every rule against torch.optim, live changes, saving, Lookahead, build()."""
from __future__ import annotations

import io

import pytest
import torch

from playground.config import catalog
from playground.config.experiment import TrainingSpec
from playground.optim import optimizers
from playground.optim.update_rules import ForeachOptimizer

# A 2-4-2-1 network: weights (decayed) and biases (not).
SHAPES = [(4, 2), (4,), (2, 4), (2,), (1, 2), (1,)]
STEPS = 50
DEVICES = ["cpu", pytest.param("cuda", marks=pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA"))]


def make_params(seed: int = 0, device: str = "cpu") -> list[torch.Tensor]:
    g = torch.Generator().manual_seed(seed)
    return [torch.randn(shape, generator=g).to(device).requires_grad_() for shape in SHAPES]


def make_groups(params: list[torch.Tensor]) -> list[dict]:
    """The groups optimizers.build makes: weights first, then the rest without weight decay."""
    return [{"params": params[0::2]}, {"params": params[1::2], "weight_decay": 0.0}]


class DecoupledDecay:
    """torch.optim.AdamW's weight decay around a torch.optim optimizer that only has the coupled kind.

    As AdamW's own code does, each parameter with a gradient is multiplied by
    1 - lr * weight_decay (its group's, read at every step) before the update;
    the inner optimizer runs that step with its weight decay at 0.
    """

    def __init__(self, inner: torch.optim.Optimizer):
        self.inner, self.param_groups = inner, inner.param_groups

    @torch.no_grad()
    def step(self):
        decays = [group["weight_decay"] for group in self.param_groups]
        for group, wd in zip(self.param_groups, decays):
            for p in group["params"]:
                if p.grad is not None:
                    p.mul_(1 - group["lr"] * wd)
            group["weight_decay"] = 0.0
        self.inner.step()
        for group, wd in zip(self.param_groups, decays):
            group["weight_decay"] = wd


def torch_optimizer(name: str, groups: list[dict], lr: float, weight_decay: float, hyper: dict):
    """The torch.optim optimizer that catalog name `name` stands for, with the same settings; weight decay
    decoupled as in AdamW (torch's own decoupled_weight_decay where it has one)."""
    h = {x.name: x.default for x in catalog.OPTIMIZERS[name]} | hyper
    common = {"lr": lr, "weight_decay": weight_decay, "foreach": True}
    if name == "sgd":
        return DecoupledDecay(torch.optim.SGD(groups, **common))
    if name in ("momentum", "nesterov"):
        return DecoupledDecay(torch.optim.SGD(groups, momentum=h["momentum"], nesterov=name == "nesterov", **common))
    if name == "adagrad":
        return DecoupledDecay(torch.optim.Adagrad(groups, eps=h["eps"], **common))
    if name == "adadelta":
        return DecoupledDecay(torch.optim.Adadelta(groups, rho=h["rho"], eps=h["eps"], **common))
    if name == "rmsprop":
        return DecoupledDecay(torch.optim.RMSprop(groups, alpha=h["alpha"], eps=h["eps"], momentum=h["momentum"], **common))
    adam_like = {"betas": (h["beta1"], h["beta2"]), "eps": h["eps"], "decoupled_weight_decay": True, **common}
    if name == "nadam":
        return torch.optim.NAdam(groups, **adam_like)
    if name == "radam":
        return torch.optim.RAdam(groups, **adam_like)
    if name == "adamw":
        return torch.optim.AdamW(groups, **{k: v for k, v in adam_like.items() if k != "decoupled_weight_decay"})
    return torch.optim.Adam(groups, amsgrad=name == "amsgrad", **adam_like)


# (name, lr, weight decay of the weights' group, hyperparameters): each name with its defaults, then
# with other values; weight decay is decoupled (AdamW's) for every one.
CASES = [(name, 0.05, 0.0, {}) for name in catalog.OPTIMIZERS] + [
    ("sgd", 0.2, 0.1, {}),
    ("momentum", 0.02, 0.05, {"momentum": 0.5}),
    ("nesterov", 0.02, 0.0, {"momentum": 0.99}),
    ("adagrad", 0.3, 0.01, {"eps": 1e-3}),
    ("adadelta", 1.0, 0.02, {"rho": 0.5, "eps": 1e-3}),
    ("rmsprop", 0.01, 0.0, {"alpha": 0.9, "eps": 1e-4, "momentum": 0.9}),
    ("rmsprop", 0.01, 0.1, {"momentum": 0.5}),
    ("adam", 0.01, 0.1, {"beta1": 0.5, "beta2": 0.9, "eps": 1e-3}),
    ("adamw", 0.01, 0.3, {}),
    ("adamw", 0.02, 0.1, {"beta1": 0.8, "beta2": 0.95, "eps": 1e-6}),
    ("amsgrad", 0.01, 0.0, {"beta1": 0.0, "beta2": 0.9}),
    ("amsgrad", 0.01, 0.05, {"beta1": 0.95, "beta2": 0.99, "eps": 1e-4}),
    ("nadam", 0.01, 0.05, {"beta1": 0.7, "beta2": 0.9, "eps": 1e-5}),
    # beta2 = 0.9 turns RAdam's rectification on at step 5 instead of step 6.
    ("radam", 0.01, 0.0, {"beta2": 0.9}),
    ("radam", 0.01, 0.1, {"beta1": 0.5, "beta2": 0.99, "eps": 1e-4}),
]


def case_id(case) -> str:
    name, lr, wd, hyper = case
    return "-".join([name, f"lr{lr:g}", f"wd{wd:g}", *(f"{k}{v:g}" for k, v in hyper.items())])


def random_gradients(params: list[torch.Tensor], generator: torch.Generator) -> list[torch.Tensor]:
    # Scales vary per tensor and step, so the adaptive rules see different magnitudes.
    return [torch.randn(p.shape, generator=generator) * 10 ** torch.empty(()).uniform_(-2, 1, generator=generator)
            for p in params]


def run_side_by_side(ours, theirs, ours_params, theirs_params, steps: int, seed: int = 1, missing=lambda step: ()):
    """Give both optimizers the same gradients for `steps` steps; parameter i has none where i in missing(step)."""
    g = torch.Generator().manual_seed(seed)
    for step in range(steps):
        grads = random_gradients(ours_params, g)
        for i, (a, b, grad) in enumerate(zip(ours_params, theirs_params, grads)):
            grad = grad.to(a.device, a.dtype)
            a.grad = None if i in missing(step) else grad.clone()
            b.grad = None if i in missing(step) else grad.clone()
        ours.step()
        theirs.step()


def assert_same(ours_params, theirs_params):
    for a, b in zip(ours_params, theirs_params):
        torch.testing.assert_close(a, b, rtol=1e-5, atol=1e-6)


def test_every_catalog_optimizer_is_covered_with_defaults_and_other_values():
    with_values = {name for name, _, _, hyper in CASES if hyper or catalog.OPTIMIZERS[name] == ()}
    assert with_values == set(catalog.OPTIMIZERS)
    assert {name for name, _, wd, _ in CASES if wd > 0} >= {"adamw", "sgd", "adam", "rmsprop"}


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_matches_torch_optim(case, device):
    name, lr, wd, hyper = case
    ours_params, theirs_params = make_params(device=device), make_params(device=device)
    ours = ForeachOptimizer(make_groups(ours_params), name, lr, wd, **hyper)
    theirs = torch_optimizer(name, make_groups(theirs_params), lr, wd, hyper)
    run_side_by_side(ours, theirs, ours_params, theirs_params, STEPS // 2)
    # A live change of lr and weight decay must reach both from the next step on.
    for optimizer in (ours, theirs):
        optimizer.param_groups[0]["lr"] = lr / 3
        optimizer.param_groups[1]["lr"] = lr * 2
        optimizer.param_groups[0]["weight_decay"] = wd / 2
    run_side_by_side(ours, theirs, ours_params, theirs_params, STEPS - STEPS // 2, seed=2)
    assert_same(ours_params, theirs_params)
    assert not torch.equal(ours_params[0], make_params(device=device)[0]), "the parameters did not move"


@pytest.mark.parametrize("name", ["sgd", "adam", "adamw"])
def test_each_group_has_its_own_weight_decay(name):
    def groups(params):
        return [{"params": params[0::2], "weight_decay": 0.2}, {"params": params[1::2], "weight_decay": 0.05}]

    ours_params, theirs_params = make_params(), make_params()
    ours = ForeachOptimizer(groups(ours_params), name, 0.02)
    theirs = torch_optimizer(name, groups(theirs_params), 0.02, 0.0, {})
    run_side_by_side(ours, theirs, ours_params, theirs_params, STEPS)
    assert_same(ours_params, theirs_params)


@pytest.mark.parametrize("name", ["momentum", "rmsprop", "adam", "nadam", "radam"])
def test_parameters_without_gradient_are_skipped_like_torch(name):
    hyper = {"momentum": 0.9} if name == "rmsprop" else {}
    ours_params, theirs_params = make_params(), make_params()
    ours = ForeachOptimizer(make_groups(ours_params), name, 0.01, **hyper)
    theirs = torch_optimizer(name, make_groups(theirs_params), 0.01, 0.0, hyper)
    # Parameter 2 misses every third step, so its step count falls behind the others';
    # parameter 5 has no gradient at first and then one every step.
    missing = lambda step: {2} if step % 3 == 0 else ({5} if step < 10 else set())
    run_side_by_side(ours, theirs, ours_params, theirs_params, STEPS, missing=missing)
    assert_same(ours_params, theirs_params)


def test_a_group_without_any_gradient_stays_put():
    params = make_params()
    before = [p.detach().clone() for p in params]
    optimizer = ForeachOptimizer(make_groups(params), "adam", 0.1)
    for p in params[0::2]:
        p.grad = torch.ones_like(p)
    optimizer.step()
    assert all(torch.equal(p, b) for p, b in zip(params[1::2], before[1::2]))
    assert not any(torch.equal(p, b) for p, b in zip(params[0::2], before[0::2]))


@pytest.mark.parametrize("name", ["sgd", "adam", "rmsprop"])
def test_live_learning_rate_change_applies_on_the_next_step(name):
    params = make_params()
    optimizer = ForeachOptimizer(make_groups(params), name, 0.1)
    for p in params:
        p.grad = torch.ones_like(p)
    optimizer.step()
    optimizers.set_lr(optimizer, 0.0)
    frozen = [p.detach().clone() for p in params]
    optimizer.step()
    assert all(torch.equal(p, f) for p, f in zip(params, frozen))
    optimizer.param_groups[0]["lr"] = 0.1
    optimizer.step()
    assert not torch.equal(params[0], frozen[0]) and torch.equal(params[1], frozen[1])


def save_and_load(state: dict) -> dict:
    buffer = io.BytesIO()
    torch.save(state, buffer)
    buffer.seek(0)
    return torch.load(buffer, weights_only=True)


@pytest.mark.parametrize("name", list(catalog.OPTIMIZERS))
def test_state_dict_round_trip_continues_identically(name):
    params = make_params()
    optimizer = ForeachOptimizer(make_groups(params), name, 0.01, 0.1)
    g = torch.Generator().manual_seed(3)
    for _ in range(10):
        for p, grad in zip(params, random_gradients(params, g)):
            p.grad = grad
        optimizer.step()
    saved = save_and_load(optimizer.state_dict())
    copies = [p.detach().clone().requires_grad_() for p in params]
    resumed = ForeachOptimizer(make_groups(copies), name, 0.01, 0.1)
    resumed.load_state_dict(saved)
    run_side_by_side(optimizer, resumed, params, copies, 10)
    for a, b in zip(params, copies):
        assert torch.equal(a, b)


def test_state_dict_is_a_copy():
    params = make_params()
    optimizer = ForeachOptimizer(make_groups(params), "adam", 0.01)
    for p in params:
        p.grad = torch.ones_like(p)
    optimizer.step()
    saved = optimizer.state_dict()
    optimizer.step()
    assert saved["state"]["step"] == [1] * len(SHAPES)
    assert not torch.equal(saved["state"]["exp_avg"][0], optimizer.state["exp_avg"][0])


def test_loading_state_of_another_optimizer_or_network_fails_cleanly():
    adam = ForeachOptimizer(make_groups(make_params()), "adam", 0.01)
    with pytest.raises(ValueError):
        ForeachOptimizer(make_groups(make_params()), "nadam", 0.01).load_state_dict(adam.state_dict())
    wider = [torch.zeros(8, 2), torch.zeros(8), torch.zeros(2, 8), torch.zeros(2), torch.zeros(1, 2), torch.zeros(1)]
    other = ForeachOptimizer(make_groups(wider), "adam", 0.01)
    with pytest.raises(ValueError):
        other.load_state_dict(adam.state_dict())
    assert torch.equal(other.state["exp_avg"][0], torch.zeros(8, 2)), "a failed load changed the state"


def test_unknown_hyperparameter_is_refused():
    with pytest.raises(ValueError, match="beta3"):
        ForeachOptimizer(make_groups(make_params()), "adam", 0.01, beta3=0.5)


def test_zero_grad_sets_to_none_or_zero():
    params = make_params()
    optimizer = ForeachOptimizer(make_groups(params), "sgd", 0.1)
    for p in params:
        p.grad = torch.ones_like(p)
    optimizer.zero_grad(set_to_none=False)
    assert all(torch.equal(p.grad, torch.zeros_like(p)) for p in params)
    optimizer.zero_grad()
    assert all(p.grad is None for p in params)


def spec(name: str, weight_decay: float = 0.0, lookahead: bool = False, **hyper: float) -> TrainingSpec:
    return TrainingSpec.model_validate({
        "optimizer": {"name": name, "lr": 0.02, "hyper": hyper},
        "weight_decay": weight_decay,
        "lookahead": {"enabled": lookahead, "k": 3, "alpha": 0.4},
    })


@pytest.mark.parametrize("name, hyper", [("adamw", {"beta1": 0.8}), ("rmsprop", {"momentum": 0.9}), ("nesterov", {})])
def test_build_passes_the_spec_through(name, hyper):
    # In float64: float32 rounding of the decay, amplified by momentum over 50 steps, passes 1e-5.
    ours_params, theirs_params = float64_params(), float64_params()
    ours = optimizers.build(spec(name, 0.1, **hyper), ours_params[0::2], ours_params[1::2])
    theirs = torch_optimizer(name, make_groups(theirs_params), 0.02, 0.1, hyper)
    run_side_by_side(ours, theirs, ours_params, theirs_params, STEPS)
    assert_same(ours_params, theirs_params)


def float64_params(seed: int = 0) -> list[torch.Tensor]:
    return [p.detach().double().requires_grad_() for p in make_params(seed)]


@pytest.mark.parametrize("name", ["adam", "adamw"])
def test_adam_with_weight_decay_is_torch_adamw_in_float64(name):
    ours_params, theirs_params = float64_params(), float64_params()
    ours = optimizers.build(spec(name, 0.1), ours_params[0::2], ours_params[1::2])
    theirs = torch.optim.AdamW(make_groups(theirs_params), lr=0.02, weight_decay=0.1)
    g = torch.Generator().manual_seed(3)
    for _ in range(STEPS):
        for a, b in zip(ours_params, theirs_params):
            a.grad = torch.randn(a.shape, generator=g, dtype=torch.float64)
            b.grad = a.grad.clone()
        ours.step()
        theirs.step()
    for a, b in zip(ours_params, theirs_params):
        torch.testing.assert_close(a, b, rtol=1e-13, atol=1e-15)


@pytest.mark.parametrize("name", ["sgd", "momentum"])
def test_one_step_at_lr_1_and_decay_half_decays_the_pre_step_weights(name):
    # w - lr*g - lr*wd*w = 0.5 w - g; the trainer's old (1 - lr*wd)(w - lr*g) = 0.5 w - 0.5 g.
    w0 = torch.tensor([[2.0, -1.0], [0.25, 3.0]], dtype=torch.float64)
    g = torch.tensor([[0.5, 0.5], [-1.0, 0.125]], dtype=torch.float64)
    w, bias = w0.clone().requires_grad_(), torch.zeros(2, dtype=torch.float64, requires_grad=True)
    optimizer = ForeachOptimizer([{"params": [w]}, {"params": [bias], "weight_decay": 0.0}], name, 1.0, 0.5)
    w.grad, bias.grad = g.clone(), torch.ones(2, dtype=torch.float64)
    optimizer.step()  # momentum's first step is the gradient itself
    torch.testing.assert_close(w.detach(), w0 - g - 0.5 * w0, rtol=0, atol=0)
    torch.testing.assert_close(bias.detach(), -torch.ones(2, dtype=torch.float64), rtol=0, atol=0)


def test_lookahead_decays_the_slow_weights_as_plain_weight_decay_would():
    # With zero gradients only the decay moves the weights: k steps of Lookahead give (1 - lr*wd)^k w, as
    # without it; slow weights that never decay would give w + alpha ((1 - lr*wd)^k - 1) w.
    with_lookahead, plain = float64_params(), float64_params()
    start = [p.detach().clone() for p in plain]
    ours = optimizers.build(spec("sgd", 0.5, lookahead=True), with_lookahead[0::2], with_lookahead[1::2])
    reference = optimizers.build(spec("sgd", 0.5), plain[0::2], plain[1::2])
    for _ in range(6):  # two Lookahead syncs (k = 3)
        for p in with_lookahead + plain:
            p.grad = torch.zeros_like(p)
        ours.step()
        reference.step()
    for a, b in zip(with_lookahead, plain):
        torch.testing.assert_close(a, b, rtol=1e-14, atol=0)
    torch.testing.assert_close(with_lookahead[0].detach(), start[0] * (1 - 0.02 * 0.5) ** 6, rtol=1e-14, atol=0)
    torch.testing.assert_close(with_lookahead[1].detach(), start[1], rtol=0, atol=0)  # biases are not decayed


class ReferenceLookahead:
    """Lookahead written out step by step around a torch optimizer, to check ours against."""

    def __init__(self, inner, params, k, alpha):
        self.inner, self.params, self.k, self.alpha, self.steps = inner, params, k, alpha, 0
        self.slow = [p.detach().clone() for p in params]

    def step(self):
        self.inner.step()
        self.steps += 1
        if self.steps % self.k == 0:
            with torch.no_grad():
                for slow, p in zip(self.slow, self.params):
                    slow += self.alpha * (p - slow)
                    p.copy_(slow)


def test_lookahead_wraps_a_fast_optimizer_and_survives_saving():
    ours_params, theirs_params = make_params(), make_params()
    ours = optimizers.build(spec("adam", lookahead=True), ours_params[0::2], ours_params[1::2])
    assert isinstance(ours, optimizers.Lookahead) and isinstance(ours.inner, ForeachOptimizer)
    groups = make_groups(theirs_params)
    theirs = ReferenceLookahead(torch_optimizer("adam", groups, 0.02, 0.0, {}), groups[0]["params"] + groups[1]["params"], 3, 0.4)
    run_side_by_side(ours, theirs, ours_params, theirs_params, 20)
    assert_same(ours_params, theirs_params)

    copies = [p.detach().clone().requires_grad_() for p in ours_params]
    resumed = optimizers.build(spec("adam", lookahead=True), copies[0::2], copies[1::2])
    resumed.load_state_dict(save_and_load(ours.state_dict()))
    run_side_by_side(ours, resumed, ours_params, copies, 20, seed=4)
    for a, b in zip(ours_params, copies):
        assert torch.equal(a, b)


def test_a_group_without_parameters_is_allowed_but_no_parameters_at_all_is_not():
    params = make_params()
    optimizer = ForeachOptimizer([{"params": params}, {"params": []}], "adamw", 0.01, weight_decay=0.1)
    for p in params:
        p.grad = torch.ones_like(p)
    optimizer.step()
    with pytest.raises(ValueError):
        ForeachOptimizer([{"params": []}], "adam", 0.01)
