"""Same-shape models trained as one: their parameters stacked [K, ...], one forward, backward and optimizer step.

compare.Race trains variants that differ in any field. Those whose networks and
batch size agree, and whose optimizers differ at most in the numbers a rule
takes per model (the learning rate, weight decay, momentum's factor; L1, L2 and
clipping are the recipe's), train here as one Stack. Each member stays a
Trainer: the stack starts from its weights and batch order, and at the end of
every epoch writes each member's row back into it and hands over the epoch's
bookkeeping (Trainer.count_steps), so evaluation, history, early stopping,
divergence and the next epoch's order and learning rate stay the Trainer's.
A step of the stack is a step of each member: its own batch rows, the recipe's
penalties and clipping with its own numbers, and optim.update_rules' rule with
its own learning rate as a [K] tensor. A plain network (Network.is_plain) runs
nn.backward's hand-derived pass as batched matrix products, each batched where
it rounds as the solo product does and member by member where not
(MemberExact), so each member's numbers are its solo run's bit for bit on the
CPU, even where a run is chaotic. Another network goes through the ensemble's
vmap and autograd, to float rounding (dropout then draws a mask per member, so
it matches a solo run in all but its masks). The members' own optimizers are
not stepped: after a race their optimizer state is the one they started with.
"""
from __future__ import annotations

import json
import time
from collections.abc import Callable

import torch

from playground.analysis.ensemble import batched
from playground.nn import losses
from playground.nn.backward import FastBackward
from playground.nn.model import accuracy, data_loss
from playground.optim import optimizers
from playground.optim.update_rules import PER_MODEL_HYPER, Scale
from playground.training import recipe
from playground.training.trainer import SPLITS, Trainer

_PER_STEP = ("params", "lr", "weight_decay")  # a param group's entries that are not the rule's fixed hyperparameters


def stack_key(trainer: Trainer) -> str:
    """What must be equal to train in one Stack: the layers, the batch size, the loss and the optimizer but for the numbers
    its rule takes per model. The initializer only draws the first weights; the recipe's numbers are per model."""
    if trainer.tf_rules:  # TF Playground's fixed order, carried batches and L1 rule are the trainer's own steps
        return f"alone {id(trainer)}"
    experiment = trainer.experiment
    name = experiment.training.optimizer.name
    fixed = {key: value for key, value in trainer.optimizer.param_groups[0].items()
             if key not in _PER_STEP and key not in PER_MODEL_HYPER.get(name, ())}
    return json.dumps([[layer.model_dump() for layer in experiment.network.layers], experiment.training.batch_size,
                       name, fixed, experiment.training.lookahead.model_dump(), trainer.net.loss], sort_keys=True)


class Stack:
    """Trainers with one stack_key, stepped together; a lone one steps alone (Trainer.step)."""

    def __init__(self, trainers: list[Trainer]):
        self.trainers = trainers
        first = trainers[0]
        self.solo = len(trainers) == 1
        if self.solo:
            return
        net = first.net
        named = {id(p): name for name, p in net.named_parameters()}
        self.names = list(named.values())
        self.buffer_names = [name for name, _ in net.named_buffers()]
        self.weight_names = [named[id(w)] for w in first.weights]
        self.layers = [(named[id(linear.weight)], named[id(linear.bias)]) for linear in net.linears()]
        # A plain network's stack runs nn.backward's hand-derived pass, batched: for tiny tensors autograd's graph
        # costs more than the arithmetic. Another goes through the ensemble's vmap and autograd.
        self.fast = FastBackward(net) if net.is_plain() else None
        self.acts = self.fast.acts if self.fast is not None else []
        self.exact = MemberExact()
        if self.fast is None:
            self.network, _, self._vmapped_loss = batched(net, first.task)
            self.network.train()  # the members' own networks evaluate; this one only ever trains
        self.task, self.loss = first.task, net.loss
        self.rule_hyper = sorted(PER_MODEL_HYPER.get(first.experiment.training.optimizer.name, ()))
        self.members = list(range(len(trainers)))
        # Each member's own tensors, in the stack's order, for the copies back at the end of every epoch.
        self.own = [list(t.net.parameters()) + list(t.net.buffers()) for t in trainers]
        with torch.no_grad():
            self.params = {name: torch.stack([dict(t.net.named_parameters())[name].detach() for t in trainers])
                           .requires_grad_() for name in self.names}
            self.buffers = {name: torch.stack([dict(t.net.named_buffers())[name] for t in trainers])
                            for name in self.buffer_names}
        self._view_weights()
        self.optimizer = self._build_optimizer()
        self._begin_epoch()

    # -- one step of every member -------------------------------------------------------------
    def run_epoch(self, epoch: int, should_stop: Callable[[], bool]) -> bool:
        """Step until every member still training has trained `epoch` epochs; False if should_stop() ended it."""
        if self.solo:
            trainer = self.trainers[0]
            while not trainer.finished and trainer.epoch < epoch:
                if should_stop():
                    return False
                trainer.step()
            return True
        while self.members and self.trainers[self.members[0]].epoch < epoch:
            if should_stop():
                self._count()  # a canceled race reports the weights and steps it reached
                return False
            self._step()
            if recipe.epoch_complete(self.index, self.batch, self.epoch_rows):
                self._hand_over(list(range(len(self.members))), epoch_done=True)
            else:
                finite = torch.isfinite(self.grad_sums[:, -1])
                if not finite.all().item():  # one sync a step, as a Trainer's: the output layer's gradient names it
                    self._hand_over([row for row, good in enumerate(finite.tolist()) if not good], epoch_done=False)
        return True

    def _step(self) -> None:
        rows = recipe.batch_rows(self.index, self.batch)
        x, y = self.x[:, rows], self.y[:, rows]
        self.exact.phase(("step", *x.shape))
        params = [self.params[name] for name in self.names]
        if self.fast is not None:
            self._hand_backward(x, y)
        else:
            for p in params:
                p.grad = None
            self._vmapped_loss(self.params, self.buffers, x, y).sum().backward()
        grads = [p.grad for p in params]
        weights = [self.params[name] for name in self.weight_names]
        weight_grads = [w.grad for w in weights]
        if self.penalized:
            recipe.add_penalty_grads_(weight_grads, weights, self.l1, self.l2)
        if self.clip is not None:
            recipe.clip_stacked_(grads, self.clip, self._norms)
        with torch.no_grad():
            norms = [self._norms(g) for g in weight_grads]
            self.grad_sums += torch.stack(self.trainers[0].net.layer_norms(norms), 1)
        self.optimizer.step()
        self.index += 1

    @torch.no_grad()
    def _hand_backward(self, x: torch.Tensor, y: torch.Tensor) -> None:
        """FastBackward's pass over the stack: each member's gradient of its mean data loss on its batch."""
        exact = self.exact
        inputs, pre, post = [], [], []
        a = x
        for i, act in enumerate(self.acts):
            inputs.append(a)
            z = self._linear(i, a)
            a = exact.elementwise(act, z)
            pre.append(z)
            post.append(a)
        inputs.append(a)
        logits = self._linear(len(self.acts), a)
        delta = exact(self._loss_gradient, self.fast.loss_gradient, logits, y)
        for i in range(len(self.layers) - 1, -1, -1):
            weight, bias = (self.params[name] for name in self.layers[i])
            weight.grad = exact(_stacked_weight_grad, _weight_grad, delta, inputs[i])
            bias.grad = exact(_stacked_bias_grad, _bias_grad, delta)
            if i > 0:
                slope = self.fast.derivatives[i - 1]
                delta = exact(torch.bmm, torch.mm, delta, weight).mul_(exact.elementwise(slope, pre[i - 1], post[i - 1]))

    def _linear(self, i: int, a: torch.Tensor) -> torch.Tensor:
        return self.exact(_stacked_linear, _linear, a, *self.linear_views[i])

    def _view_weights(self) -> None:
        """Each layer's weights as its products take them, made once: views stay valid as the optimizer steps in
        place (FastBackward keeps its transposed weights so too). A small network's step is mostly the overhead of
        its ops, and these are four a layer."""
        with torch.no_grad():
            self.linear_views = [(self.params[w].detach().transpose(1, 2), self.params[b].detach().unsqueeze(1))
                                 for w, b in self.layers]

    def _norms(self, t: torch.Tensor) -> torch.Tensor:
        """Each member's 2-norm of its slice of t, as clip_grad_norm_ takes it of the member's own tensor."""
        return self.exact(recipe.stacked_norms, torch.linalg.vector_norm, t)

    def _loss_gradient(self, logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
        """FastBackward.loss_gradient for [K, n, outputs] logits: each member's mean over its own n rows."""
        n = logits.shape[1]
        return self.fast.loss_gradient(logits.flatten(0, 1), target.flatten(0, 1), batch=n).view_as(logits)

    def _forward(self, x: torch.Tensor) -> torch.Tensor:
        """A plain network's logits [K, n, outputs] for inputs [K, n, features]."""
        a = x
        for i, act in enumerate(self.acts):
            a = self.exact.elementwise(act, self._linear(i, a))
        return self._linear(len(self.acts), a)

    @torch.no_grad()
    def _metrics(self) -> list[dict] | None:
        """Trainer.evaluate's numbers for every member and split from one forward of the stack per split; None
        where evaluating differs from training (dropout, batch norm): the members then evaluate themselves."""
        if self.fast is None:
            return None
        first = self.trainers[self.members[0]]  # the members share their data
        k = len(self.members)
        metrics: list[dict] = [{} for _ in self.members]
        for split in SPLITS:
            x, y = first.x[split], first.y[split]
            if x.shape[0]:
                self.exact.phase(("evaluate", k, *x.shape))
                logits = self._forward(x.expand(k, *x.shape))
                numbers = zip(self.exact(self._losses, self._loss, logits, y.expand(k, *y.shape)).tolist(),
                              accuracy(self.task, logits, y) or [None] * k)
            else:
                numbers = [(float("nan"), None)] * k
            for member, pair in zip(metrics, numbers):
                member[split] = pair
        return metrics

    def _losses(self, logits: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        return losses.values(self.loss, self.task, logits, y[0])

    def _loss(self, logits: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        return data_loss(self.task, logits, y, self.loss)

    # -- epochs and members ---------------------------------------------------------------------
    def _begin_epoch(self) -> None:
        """The members' batch orders for the epoch to come, gathered, and their numbers for it."""
        live = [self.trainers[i] for i in self.members]
        self.x = torch.stack([t.epoch_data[0] for t in live])
        self.y = torch.stack([t.epoch_data[1] for t in live])
        self.batch, self.epoch_rows = recipe.epoch_batches(self.x.shape[1], live[0].experiment.training.batch_size,
                                                           live[0].net.has_batch_norm())
        self.index = self.counted = 0  # steps of the epoch taken, and handed to the members already
        self.started = time.perf_counter()
        self.grad_sums = torch.zeros(len(live), len(self.layers), device=self.x.device)
        self._take_numbers()

    def _take_numbers(self) -> None:
        """Each member's learning rate (after its schedule), weight decay, rule hyperparameters and recipe numbers."""
        live = [self.trainers[i] for i in self.members]
        group = lambda t: t.optimizer.param_groups[0]
        optimizers.set_lr(self.optimizer, _scale([t.lr for t in live], self.x.device))
        self.optimizer.param_groups[0]["weight_decay"] = _scale([group(t)["weight_decay"] for t in live], self.x.device)
        for key in self.rule_hyper:
            value = _scale([group(t)[key] for t in live], self.x.device)
            for g in self.optimizer.param_groups:
                g[key] = value
        training = [t.experiment.training for t in live]
        self.l1 = _scale([s.l1 for s in training], self.x.device)
        self.l2 = _scale([s.l2 for s in training], self.x.device)
        self.penalized = any(s.l1 or s.l2 for s in training)
        clips = [s.clip_norm for s in training]
        self.clip = torch.tensor(clips, dtype=torch.float64, device=self.x.device) if any(clips) else None

    def _write_back(self) -> None:
        """Copy each member's row of the stack into its own network."""
        with torch.no_grad():
            for row, i in enumerate(self.members):
                ours = [self.params[n][row] for n in self.names] + [self.buffers[n][row] for n in self.buffer_names]
                torch._foreach_copy_(self.own[i], ours)

    def _hand_over(self, rows: list[int], epoch_done: bool) -> None:
        """The members at `rows` end their epoch (Trainer.count_steps: its metrics, early stopping, divergence);
        those that stop training leave the stack; once the epoch is done the next one begins."""
        self._write_back()
        seconds = time.perf_counter() - self.started
        metrics = self._metrics() if epoch_done else None
        for row in rows:
            self.trainers[self.members[row]].count_steps(self.index - self.counted, seconds, self.grad_sums[row],
                                                         metrics[row] if metrics else None)
        keep = [row for row, i in enumerate(self.members) if not self.trainers[i].finished]
        if len(keep) < len(self.members):
            self._keep(keep)
        if epoch_done and self.members:
            self._begin_epoch()

    def _count(self) -> None:
        """Hand the steps so far to every member without ending the epoch, as a Trainer stopped between steps has."""
        self._write_back()
        for row, i in enumerate(self.members):
            self.trainers[i].count_steps(self.index - self.counted, time.perf_counter() - self.started, self.grad_sums[row])
        self.grad_sums.zero_()
        self.counted, self.started = self.index, time.perf_counter()

    def _keep(self, rows: list[int]) -> None:
        """Go on with the members at `rows` only: their rows of the weights, batches and optimizer state."""
        index = torch.tensor(rows, dtype=torch.long, device=self.x.device)
        old = self.optimizer
        with torch.no_grad():
            self.params = {n: p[index].detach().requires_grad_() for n, p in self.params.items()}
            self.buffers = {n: b[index] for n, b in self.buffers.items()}
        self.members = [self.members[row] for row in rows]
        if not self.members:
            return
        self.x, self.y, self.grad_sums = self.x[index], self.y[index], self.grad_sums[index]
        self._view_weights()
        self.optimizer = self._build_optimizer()
        _carry_state(old, self.optimizer, index)
        self._take_numbers()

    def _build_optimizer(self):
        spec = self.trainers[self.members[0]].experiment.training
        weights = [self.params[n] for n in self.weight_names]
        others = [self.params[n] for n in self.names if n not in self.weight_names]
        return optimizers.build(spec, weights, others)


def _scale(values: list[float], device: torch.device) -> Scale:
    """One number when every member has the same, else a [K] tensor. In float64, as a solo run's Python floats:
    the rules work out their step sizes (lr * c2 / (1 - beta1^t) ...) in it, and cast to float32 only at the end."""
    if all(v == values[0] for v in values):
        return values[0]
    return torch.tensor(values, dtype=torch.float64, device=device)


def _carry_state(old, new, rows: torch.Tensor) -> None:
    """The rows of an optimizer's state (and Lookahead's slow weights) for a stack of fewer members."""
    inner_old, inner_new = getattr(old, "inner", old), getattr(new, "inner", new)
    inner_new.state = {key: [v[rows] if isinstance(v, torch.Tensor) else v for v in values]
                       for key, values in inner_old.state.items()}
    if inner_new is not new:
        new.steps = old.steps
        torch._foreach_copy_(new.slow, [slow[rows] for slow in old.slow])


class MemberExact:
    """Runs one operation of the hand backward over a stack's [K, ...] tensors batched where that rounds as the
    solo operation on each member's own tensors does, and member by member where it does not.

    A batched kernel is not the solo one: a batched matrix product picks its own kernel by shape (for small ones
    a plain loop, where the solo product calls the BLAS), and an elementwise function such as sigmoid or GELU
    works out a tensor's last few elements by a scalar routine that may round differently from its vector one,
    and those are other elements in a stack. One ulp apart at a step is enough for a chaotic run (Adam at a large
    learning rate) to end somewhere else, so a stack's member would not report its solo run's numbers.

    How a product or a reduction rounds depends on the shapes and strides, not the values: the first time a
    layout comes, random tensors of it decide, and the verdict is kept (so an operation's tensors must not be
    views of one another: the random ones would not be). An elementwise function is batched when
    it rounds a long random vector as it rounds that vector's short pieces (the scalar routine's), whatever the
    layout."""

    # A reduction to a few numbers can round alike by chance under two orders, so each layout is tried on at least
    # this many members' random tensors (drawing the stack again while it has fewer).
    MEMBERS_TRIED = 16
    PIECE = 7  # shorter than any vector routine takes at once
    SINGLES = 128  # elements tried alone
    VECTOR = 1024  # elements of the long vector; a routine that rounds 1 in 200 elements otherwise is caught

    def __init__(self):
        self.verdicts: dict[tuple, bool] = {}
        # A step's calls come in the same order with the same layouts every time: after the first, a phase's
        # verdicts are read in that order, which costs less than a layout's key (the step is all Python overhead).
        self.plans: dict[tuple, list[tuple[Callable, bool]]] = {}
        self.plan: list[tuple[Callable, bool]] = []
        self.position = 0

    def phase(self, key: tuple) -> None:
        """Begin a run of calls whose layouts follow from `key` (a step on batches of one shape, an evaluation)."""
        self.plan = self.plans.setdefault(key, [])
        self.position = 0

    def __call__(self, batched: Callable[..., torch.Tensor], alone: Callable[..., torch.Tensor],
                 *stacked: torch.Tensor) -> torch.Tensor:
        together = self._planned(batched)
        if together is None:
            key = (batched, alone, *[(t.shape, t.stride()) for t in stacked])
            together = self.verdicts.get(key)
            if together is None:
                draws = -(-self.MEMBERS_TRIED // stacked[0].shape[0])
                together = self.verdicts[key] = all(_rounds_alike(batched, alone, [_like(t) for t in stacked])
                                                    for _ in range(draws))
            self._add_to_plan(batched, together)
        return batched(*stacked) if together else _member_by_member(alone, stacked)

    def elementwise(self, function: Callable[..., torch.Tensor], *stacked: torch.Tensor) -> torch.Tensor:
        together = self._planned(function)
        if together is None:
            # Whether a kernel rounds alike wherever an element sits is the kernel's, not its module's constants':
            # the verdict is kept for the process, by function (a module's forward by its class's).
            key = (getattr(function, "__func__", function), stacked[0].dtype, stacked[0].device.type)
            together = _POSITION_FREE.get(key)
            if together is None:
                together = _POSITION_FREE[key] = _position_free(function, len(stacked), stacked[0])
            self._add_to_plan(function, together)
        return function(*stacked) if together else _member_by_member(function, stacked)

    def _planned(self, function: Callable) -> bool | None:
        """The verdict the phase's plan holds for this call, None where it holds none for it."""
        if self.position < len(self.plan) and self.plan[self.position][0] == function:  # == for bound methods
            self.position += 1
            return self.plan[self.position - 1][1]
        return None

    def _add_to_plan(self, function: Callable, together: bool) -> None:
        if self.position == len(self.plan):
            self.plan.append((function, together))
            self.position += 1


_POSITION_FREE: dict[tuple, bool] = {}


def _member_by_member(alone, stacked) -> torch.Tensor:
    return torch.stack([alone(*(t[k] for t in stacked)) for k in range(stacked[0].shape[0])])


def _rounds_alike(batched, alone, stacked: list[torch.Tensor]) -> bool:
    return torch.equal(batched(*stacked), _member_by_member(alone, stacked))


def _position_free(function, arguments: int, like: torch.Tensor) -> bool:
    """True when `function` gives each element of a long vector what it gives it in short pieces: single elements
    (some routines take a lone one apart) and pieces of PIECE."""
    long = [torch.randn(MemberExact.VECTOR, dtype=like.dtype, device=like.device) * 4 for _ in range(arguments)]
    starts = list(range(MemberExact.SINGLES)) + list(range(MemberExact.SINGLES, MemberExact.VECTOR, MemberExact.PIECE))
    ends = starts[1:] + [MemberExact.VECTOR]
    pieces = torch.cat([function(*(v[start:end] for v in long)) for start, end in zip(starts, ends)])
    return torch.equal(function(*long), pieces)


def _like(t: torch.Tensor) -> torch.Tensor:
    """Random values in t's shape and strides (a broadcast dimension stays broadcast); class indices stay t's."""
    if not t.is_floating_point():
        return t
    if 0 in t.stride():
        base = torch.randn([1 if stride == 0 else size for size, stride in zip(t.shape, t.stride())],
                           dtype=t.dtype, device=t.device)
        return base.expand(t.shape)
    return torch.empty_strided(t.shape, t.stride(), dtype=t.dtype, device=t.device).normal_()


# The hand backward's products, over a stack and over one member's tensors (FastBackward's own). A linear layer
# takes its transposed weights and its bias as a row: addmm broadcasts a [1, out] bias as it does an [out] one.
def _stacked_linear(a, weight_t, bias_row):
    return torch.baddbmm(bias_row, a, weight_t)


def _linear(a, weight_t, bias_row):
    return torch.addmm(bias_row, a, weight_t)


def _stacked_weight_grad(delta, a):
    return delta.transpose(1, 2).bmm(a)


def _weight_grad(delta, a):
    return delta.t().mm(a)


def _stacked_bias_grad(delta):
    return delta.sum(1)


def _bias_grad(delta):
    return delta.sum(0)
