"""The network an experiment describes: hidden layers, then an output head chosen by the task."""
from __future__ import annotations

import torch
from torch import nn

from playground.config.experiment import InitSpec, LayerSpec
from playground.nn import activations, losses
from playground.nn.initializers import initialize


class Hidden(nn.Module):
    """One hidden layer: linear, optional batch norm, activation, optional dropout, optional skip connection.

    A residual layer outputs x + f(x), f being the rest of the layer and x its input. Where the widths differ
    (the first hidden layer, whose input is the feature vector, or a change of width) x is first mapped by a
    learned bias-free projection P: x @ P.T + f(x) (He et al. 2016's option B). Maxout adds the skip after
    taking its max, where the output has `units` columns. P is a real weight: the L1/L2 penalties and weight
    decay apply to it (Network.weights) and its gradient counts in the layer's gradient norm (layer_weights).
    """

    def __init__(self, fan_in: int, spec: LayerSpec):
        super().__init__()
        pieces = spec.maxout_k if spec.activation == "maxout" else 1
        self.spec = spec
        self.linear = nn.Linear(fan_in, spec.units * pieces)
        self.norm = nn.BatchNorm1d(spec.units * pieces) if spec.batch_norm else None
        self.act = activations.module(spec.activation, spec.units, spec.maxout_k)
        self.drop = nn.Dropout(spec.dropout) if spec.dropout > 0 else None
        self.project = nn.Linear(fan_in, spec.units, bias=False) if spec.residual and fan_in != spec.units else None

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.skip(x, self.branch(x))

    def branch(self, x: torch.Tensor) -> torch.Tensor:
        """f(x): the layer without its skip connection."""
        z = self.linear(x)
        if self.norm is not None:
            z = self.norm(z)
        a = self.act(z)
        return self.drop(a) if self.drop is not None else a

    def skip(self, x: torch.Tensor, f: torch.Tensor) -> torch.Tensor:
        """The layer's output from its input x and f(x)."""
        if not self.spec.residual:
            return f
        return f + (x if self.project is None else self.project(x))

    def weights(self) -> list[torch.Tensor]:
        """The layer's weight matrices: the linear's, then the projection's where there is one."""
        return [self.linear.weight] if self.project is None else [self.linear.weight, self.project.weight]


class Network(nn.Module):
    """Hidden layers then a linear head: 1 logit (binary), C logits (multiclass) or 1 value (regression)."""

    def __init__(self, inputs: int, layers: list[LayerSpec], task: str, classes: int, loss: str | None = None):
        super().__init__()
        self.task = task
        self.loss = losses.resolve(loss, task)
        self.hidden = nn.ModuleList()
        width = inputs
        for spec in layers:
            self.hidden.append(Hidden(width, spec))
            width = spec.units
        self.head = nn.Linear(width, classes if task == "multiclass" else 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for layer in self.hidden:
            x = layer(x)
        return self.head(x)

    def forward_all(self, x: torch.Tensor, before_skip: bool = False) -> tuple[list[torch.Tensor], torch.Tensor]:
        """Every hidden layer's output and the head's output, for probes. before_skip: a residual layer's f(x)
        instead of x + f(x), its activations as such, the values that saturate or die."""
        outs = []
        for layer in self.hidden:
            f = layer.branch(x)
            x = layer.skip(x, f)
            outs.append(f if before_skip else x)
        return outs, self.head(x)

    def linears(self) -> list[nn.Linear]:
        """The weight layers, input to output (a residual layer's projection is part of its layer, not one)."""
        return [layer.linear for layer in self.hidden] + [self.head]

    def layer_weights(self) -> list[list[torch.Tensor]]:
        """Per weight layer, input to output, its weight matrices: what its gradient and weight norms are of."""
        return [layer.weights() for layer in self.hidden] + [[self.head.weight]]

    def weights(self) -> list[torch.Tensor]:
        """Every weight matrix, layer by layer (a projection after its layer's linear): the penalties' and
        weight decay's. On a network without projections, the linears' weights."""
        return [w for group in self.layer_weights() for w in group]

    def layer_norms(self, norms: list[torch.Tensor]) -> list[torch.Tensor]:
        """One norm per weight layer from one per weights() matrix: a layer's matrices count as one vector.
        Each norm may be a scalar or one per model ([K], a stack's), combined per model."""
        groups = self.layer_weights()
        if len(groups) == len(norms):
            return norms
        out, start = [], 0
        for group in groups:
            part = norms[start:start + len(group)]
            out.append(part[0] if len(part) == 1 else torch.linalg.vector_norm(torch.stack(part), dim=0))
            start += len(group)
        return out

    def activation_names(self) -> list[str]:
        return [layer.spec.activation for layer in self.hidden] + [output_activation(self.task, self.loss)]

    def initialize(self, init: InitSpec, generator: torch.Generator) -> None:
        """Draw every weight layer's parameters from the initializer.

        Projections too, drawn after the layers so that a plain network's draws are unchanged: a projection is a
        linear map like any other, so the scheme's fan-in/fan-out variance keeps its signal on the same scale.
        """
        for linear in self.linears():
            initialize(linear.weight, linear.bias, init.scheme, init.resolved_scale(), generator)
        for layer in self.hidden:
            if layer.project is not None:
                initialize(layer.project.weight, None, init.scheme, init.resolved_scale(), generator)

    def set_training(self, training: bool) -> None:
        """Train or eval mode, touching the modules only where dropout or batch norm make them differ.

        Module.train() walks every submodule; on a tiny network that walk costs
        as much as a training step, and eval/train flip twice every epoch.
        """
        if self._mode_matters and self.training != training:
            self.train(training)

    def has_batch_norm(self) -> bool:
        return any(layer.norm is not None for layer in self.hidden)

    @property
    def _mode_matters(self) -> bool:
        return any(layer.norm is not None or layer.drop is not None for layer in self.hidden)

    def is_plain(self) -> bool:
        """True when every layer is linear + elementwise activation, so the fast backward applies (residual
        layers go through autograd: the skip's extra gradient path is not worth a second hand derivation)."""
        return all(
            layer.norm is None and layer.drop is None and not layer.spec.residual
            and activations.derivative(layer.spec.activation)
            for layer in self.hidden
        )


def output_activation(task: str, loss: str | None = None) -> str:
    """What the head's output goes through before the loss reads it: TF Playground's loss reads a tanh."""
    if task == "binary" and loss == "tf_playground":
        return "tanh"
    return {"binary": "sigmoid", "multiclass": "softmax", "regression": "linear"}[task]


def predict(task: str, logits: torch.Tensor, loss: str | None = None) -> torch.Tensor:
    """The head's output as the user reads it: P(class 1), class probabilities, or the value.

    A tanh output o in [-1, 1] reads as P(class 1) = (o + 1) / 2; a hinge margin reads through the sigmoid,
    so that every loss puts its decision boundary at 0.5.
    """
    if task == "binary":
        if loss == "tf_playground":
            return (torch.tanh(logits[:, 0]) + 1) / 2
        return torch.sigmoid(logits[:, 0])
    if task == "multiclass":
        return torch.softmax(logits, dim=1)
    return logits[:, 0]


def data_loss(task: str, logits: torch.Tensor, target: torch.Tensor, loss: str | None = None) -> torch.Tensor:
    """Mean loss of a batch under the named loss (None: the task's default, cross-entropy or squared error)."""
    return losses.value(loss, task, logits, target)


def accuracy(task: str, logits: torch.Tensor, target: torch.Tensor) -> float | list[float] | None:
    """Fraction classified right (a positive logit is class 1 under every loss); None for regression. For K
    models' logits [K, N, outputs], a list of K fractions."""
    if task == "binary":
        right = (logits[..., 0] > 0).to(target.dtype) == target
    elif task == "multiclass":
        right = logits.argmax(-1) == target
    else:
        return None
    return right.float().mean(-1).tolist()
