"""A hand-derived backward pass for plain MLPs: the gradients autograd would give, with fewer ops.

For tiny networks the cost of a training step is Python and dispatch overhead,
not arithmetic; skipping autograd's graph makes a step about three times
faster. It applies only where every hidden layer is linear + an elementwise
activation with a known derivative (Network.is_plain); the tests check it
against autograd for every such activation, task and loss. The losses whose
d loss / d logits is written out below skip autograd entirely; the others
differentiate only the loss, on the logits.
"""
from __future__ import annotations

import torch

from playground.nn import activations, losses
from playground.nn.model import Network


class FastBackward:
    """Fills .grad of every parameter of a plain Network for one batch, without autograd."""

    def __init__(self, net: Network):
        self.net = net
        self.task, self.loss = net.task, net.loss
        self.linears = net.linears()
        self.derivatives = [activations.derivative(layer.spec.activation) for layer in net.hidden]
        # forward, not __call__: module hooks are never used here and cost a step ~10 %.
        self.acts = [layer.act.forward for layer in net.hidden]
        # Transposed views stay valid: optimizers and load_state_dict update weights in place.
        self.transposed = [linear.weight.t() for linear in self.linears]

    @torch.no_grad()
    def __call__(self, x: torch.Tensor, target: torch.Tensor) -> None:
        inputs, pre, post = [], [], []
        a = x
        for linear, weight_t, act in zip(self.linears[:-1], self.transposed, self.acts):
            inputs.append(a)
            z = torch.addmm(linear.bias, a, weight_t)
            a = act(z)
            pre.append(z)
            post.append(a)
        inputs.append(a)
        head = self.linears[-1]
        logits = torch.addmm(head.bias, a, self.transposed[-1])
        delta = self.loss_gradient(logits, target)
        for i in range(len(self.linears) - 1, -1, -1):
            linear = self.linears[i]
            linear.weight.grad = delta.t().mm(inputs[i])
            linear.bias.grad = delta.sum(0)
            if i > 0:
                delta = delta.mm(linear.weight).mul_(self.derivatives[i - 1](pre[i - 1], post[i - 1]))

    def loss_gradient(self, logits: torch.Tensor, target: torch.Tensor, batch: int | None = None) -> torch.Tensor:
        """d mean-loss / d logits, matching model.data_loss: the mean over `batch` rows (None: all of them). A
        stack of K models' batches passes its own batch size, so each model's rows get exactly a solo run's numbers."""
        rows = logits.shape[0]
        batch = batch or rows
        if self.loss == "cross_entropy" and self.task == "binary":
            # The sigmoid as 1 / (1 + e^-z): torch.sigmoid rounds a tensor's last few elements by another routine,
            # so a stack of models (analysis.stacked) would not get each one's solo numbers; exp rounds alike.
            return (torch.exp(-logits).add_(1.0).reciprocal_() - target.unsqueeze(1)).div_(batch)
        if self.loss == "cross_entropy":
            probs = torch.softmax(logits, dim=1)
            probs[torch.arange(rows), target] -= 1.0
            return probs.div_(batch)
        if self.loss == "squared_error" and self.task == "regression":
            return (logits - target.unsqueeze(1)).mul_(2.0 / batch)
        if self.loss == "tf_playground" and self.task == "binary":
            # nn.ts's output derivative (o - t) times tanh's derivative 1 - o².
            o = torch.tanh(logits)
            return (o - (2 * target.unsqueeze(1) - 1)).mul_(1 - o * o).div_(batch)
        if self.loss == "tf_playground":
            return (logits - target.unsqueeze(1)).div_(batch)
        with torch.enable_grad():
            logits = logits.detach().requires_grad_(True)
            gradient = torch.autograd.grad(losses.value(self.loss, self.task, logits, target), logits)[0]
        return gradient if batch == rows else gradient.mul_(rows / batch)
