"""The pieces of an exported script: the source text of each activation, initializer, loss, optimizer, schedule and epoch order.

Each optimizer is the same arithmetic as optim.update_rules (the same ops in the
same order, one tensor at a time instead of torch._foreach_*), so the script's
weights follow the playground's to float rounding. Only the pieces the
experiment uses are written into a script.
"""
from __future__ import annotations

import textwrap

from playground.config import catalog
from playground.config.experiment import InitSpec, ScheduleSpec
from playground.nn import activations
from playground.nn.initializers import bias_value
from playground.optim.update_rules import NADAM_MOMENTUM_DECAY

ACTIVATIONS = {
    "linear": "nn.Identity()",
    "sigmoid": "nn.Sigmoid()",
    "tanh": "nn.Tanh()",
    "relu": "nn.ReLU()",
    "leaky_relu": f"nn.LeakyReLU({activations.LEAKY_SLOPE!r})",
    "elu": "nn.ELU()",
    "gelu": "nn.GELU()",
    "silu": "nn.SiLU()",
    "softplus": f"nn.Softplus(threshold={activations.SOFTPLUS_THRESHOLD!r})",
    "hard_sigmoid": "nn.Hardsigmoid()",
    "prelu": "nn.PReLU(units, init=0.25)",
    "maxout": "Maxout(pieces)",
}

MAXOUT = '''

class Maxout(nn.Module):
    """Max over `pieces` linear pieces: the layer before it computes units * pieces values."""

    def __init__(self, pieces):
        super().__init__()
        self.pieces = pieces

    def forward(self, z):
        return z.unflatten(-1, (-1, self.pieces)).amax(-1)
'''

_WEIGHT_DRAWS = {
    "tf_playground": "weight.uniform_(-0.5, 0.5, generator=generator)",
    "zeros": "weight.zero_()",
    "constant": "weight.fill_({scale!r})",
    "normal": "weight.normal_(0.0, {scale!r}, generator=generator)",
    "uniform": "weight.uniform_(-{scale!r}, {scale!r}, generator=generator)",
    "xavier_uniform": "bound = math.sqrt(6.0 / (fan_in + fan_out))\n    weight.uniform_(-bound, bound, generator=generator)",
    "xavier_normal": "weight.normal_(0.0, math.sqrt(2.0 / (fan_in + fan_out)), generator=generator)",
    "he_uniform": "bound = math.sqrt(6.0 / fan_in)\n    weight.uniform_(-bound, bound, generator=generator)",
    "he_normal": "weight.normal_(0.0, math.sqrt(2.0 / fan_in), generator=generator)",
    "lecun_normal": "weight.normal_(0.0, math.sqrt(1.0 / fan_in), generator=generator)",
}


def initializer(init: InitSpec) -> str:
    """init_layer(linear): the playground's initializer for the experiment's scheme, drawing from `generator`."""
    scale = init.resolved_scale()
    draw = _WEIGHT_DRAWS[init.scheme].format(scale=scale)
    fans = ("\n    fan_out, fan_in = weight.shape  # a layer's weight is [outputs, inputs]" if "fan_out" in draw else
            "\n    fan_in = weight.shape[1]  # a layer's weight is [outputs, inputs]" if "fan_in" in draw else "")
    return f'''
@torch.no_grad()
def init_layer(weight, bias):
    """Initializer "{init.scheme}": the weights drawn from the seeded generator, every bias {bias_value(init.scheme, scale)!r}."""{fans}
    {draw}
    if bias is not None:
        bias.fill_({bias_value(init.scheme, scale)!r})
'''


def _compared(words: str, function: str, task: str, gradient: str | None = None) -> tuple[str, str, str | None]:
    """A loss comparing outputs with targets, as nn.losses._compare: the value itself for regression, the sigmoid
    (softmax) against the 0/1 (one-hot) labels for classification, summed over the classes."""
    if task == "regression":
        return f"{words} of the one output", f"nn.functional.{function}(output[:, 0], target)", gradient
    if task == "binary":
        return (f"{words} of the sigmoid of the one output against the 0/1 labels",
                f"nn.functional.{function}(torch.sigmoid(output[:, 0]), target)", gradient)
    return (f"{words} of the softmax of the class outputs against the one-hot labels, summed over the classes",
            f"nn.functional.{function}(torch.softmax(output, dim=1), nn.functional.one_hot(target, output.shape[1])"
            f'.to(output.dtype), reduction="sum") / output.shape[0]', gradient)


_HUBER = "Huber loss (squared within 1 of the target, absolute beyond)"
# The loss of each name and task: (what it is, in words; the expression of `output` [rows, outputs] and `target`;
# the body of its gradient by `output` where nn.backward.FastBackward writes that out, None where it takes it from
# autograd). A new loss is one more entry per task here.
LOSSES = {
    ("cross_entropy", "binary"): ("cross-entropy of the sigmoid of the one output, on 0/1 labels",
                                  "nn.functional.binary_cross_entropy_with_logits(output[:, 0], target)",
                                  "return (torch.exp(-output).add_(1.0).reciprocal_() - target.unsqueeze(1)).div_(rows)  # the sigmoid"),
    ("cross_entropy", "multiclass"): (
        "cross-entropy of the softmax of the class outputs, on class numbers", "nn.functional.cross_entropy(output, target)",
        "return torch.softmax(output, dim=1).sub_(nn.functional.one_hot(target, output.shape[1])).div_(rows)"),
    ("squared_error", "regression"): _compared("squared error", "mse_loss", "regression",
                                               "return (output - target.unsqueeze(1)).mul_(2.0 / rows)"),
    ("squared_error", "binary"): _compared("squared error", "mse_loss", "binary"),
    ("squared_error", "multiclass"): _compared("squared error", "mse_loss", "multiclass"),
    ("absolute_error", "regression"): _compared("absolute error", "l1_loss", "regression"),
    ("absolute_error", "binary"): _compared("absolute error", "l1_loss", "binary"),
    ("absolute_error", "multiclass"): _compared("absolute error", "l1_loss", "multiclass"),
    ("huber", "regression"): _compared(_HUBER, "huber_loss", "regression"),
    ("huber", "binary"): _compared(_HUBER, "huber_loss", "binary"),
    ("huber", "multiclass"): _compared(_HUBER, "huber_loss", "multiclass"),
    ("hinge", "binary"): ("hinge loss max(0, 1 - s * output) of the one output, s = -1 or +1 for the 0/1 labels",
                          "torch.relu(1 - (2 * target - 1) * output[:, 0]).mean()", None),
    ("hinge", "multiclass"): ("multiclass hinge loss: the sum over the wrong classes j of max(0, 1 - output[true] + "
                              "output[j]), over the number of classes", "nn.functional.multi_margin_loss(output, target)",
                              None),
    # TF Playground's own: nn.ts's SQUARE error of a tanh output node against labels -1 and +1.
    ("tf_playground", "binary"): (
        "loss of TF Playground, 1/2 (tanh(output) - t)^2 with t = -1 or +1 for the 0/1 labels",
        "0.5 * (torch.tanh(output[:, 0]) - (2 * target - 1)).square().mean()",
        "o = torch.tanh(output)\nreturn (o - (2 * target.unsqueeze(1) - 1)).mul_(1 - o * o).div_(rows)"),
    ("tf_playground", "regression"): ("loss of TF Playground, 1/2 (output - target)^2 of the one output",
                                      "0.5 * (output[:, 0] - target).square().mean()",
                                      "return (output - target.unsqueeze(1)).div_(rows)"),
}

# d activation / dz from the pre-activation z and the output a, the same expressions as nn.activations'.
DERIVATIVES = {
    "linear": "torch.ones_like(z)",
    "sigmoid": "a * (1.0 - a)",
    "tanh": "1.0 - a * a",
    "relu": "(z > 0).to(z.dtype)",
    "leaky_relu": f"torch.where(z > 0, torch.ones_like(z), torch.full_like(z, {activations.LEAKY_SLOPE!r}))",
    "elu": "torch.where(z > 0, torch.ones_like(z), a + 1.0)",
    "gelu": "0.5 * (1.0 + torch.erf(z / math.sqrt(2.0))) + z * torch.exp(-0.5 * z * z) * (1.0 / math.sqrt(2.0 * math.pi))",
    "silu": "torch.sigmoid(z) * (1.0 + z * (1.0 - torch.sigmoid(z)))",
    "softplus": f"torch.where(z > {activations.SOFTPLUS_THRESHOLD!r}, torch.ones_like(z), torch.sigmoid(z))",
    "hard_sigmoid": "((z > -3) & (z < 3)).to(z.dtype) / 6.0",
}


def backward(used: list[str], loss: str, task: str) -> str:
    """backward(x, target): the hand-derived backward pass of nn.backward.FastBackward, for a plain network,
    and the loss gradient it starts from."""
    table = "".join(f"    {name!r}: lambda z, a: {DERIVATIVES[name]},\n" for name in used)
    gradient = LOSSES[(loss, task)][2]
    if gradient is None:
        gradient = '''
    """d data_loss / d output by autograd, on the output alone, as the playground takes it for this loss."""
    with torch.enable_grad():
        output = output.detach().requires_grad_(True)
        return torch.autograd.grad(data_loss(output, target), output)[0]'''
    else:
        gradient = '''
    """d data_loss / d output, as the playground writes it out."""
    rows = output.shape[0]
''' + textwrap.indent(gradient, "    ")
    return f'''
def loss_gradient(output, target):{gradient}

# Backpropagation by hand, as the playground computes it for a network of linear layers and elementwise
# activations (autograd gives the same gradients; this is what the playground's numbers come from).
DERIVATIVE = {{  # d activation / dz from z and a = activation(z)
{table}}}


@torch.no_grad()
def backward(x, target):
    """Fill .grad of every weight and bias with the gradient of the batch's mean loss."""
    inputs, pre, post = [], [], []
    a = x
    for layer in net.hidden:
        inputs.append(a)
        z = torch.addmm(layer.linear.bias, a, layer.linear.weight.t())
        a = layer.act(z)
        pre.append(z)
        post.append(a)
    inputs.append(a)
    output = torch.addmm(net.head.bias, a, net.head.weight.t())
    delta = loss_gradient(output, target)
    for i in range(len(linears) - 1, -1, -1):
        linears[i].weight.grad = delta.t().mm(inputs[i])
        linears[i].bias.grad = delta.sum(0)
        if i > 0:
            derivative = DERIVATIVE[LAYERS[i - 1].activation]
            delta = delta.mm(linears[i].weight).mul_(derivative(pre[i - 1], post[i - 1]))
'''


def loss(name: str, task: str) -> str:
    words, expression, _ = LOSSES[(name, task)]
    return f'''
def data_loss(output, target):
    """The mean over the rows of the {words}."""
    return {expression}
'''


def tf_playground_l1(fresh: bool, l1: bool) -> str:
    """TF Playground's L1 rule as the playground applies it with the tf_playground loss: drop_dead_gradients()
    and, with an L1 penalty, kill_crossed(signs, lr)."""
    dead = ("[torch.zeros_like(w, dtype=torch.bool) for w in weights]" if fresh else
            "[w == 0 for w in weights]  # as the playground reads a saved model: a weight at exactly 0 was killed")
    kill = '''


@torch.no_grad()
def kill_crossed(signs, lr):
    """Zero the weights that the step's L1 part, lr * L1 * sign(w) with the signs from before the step, carried
    across zero; they stay dead."""
    for w, sign, gone in zip(weights, signs, dead):
        gone |= (w + lr * L1 * sign) * w < 0
        w.masked_fill_(gone, 0.0)
''' if l1 else ""
    return f'''

# TF Playground's L1 rule (nn.ts updateWeights): a weight that the L1 part of a step carries across zero is set to
# exactly zero and stays there, its gradient dropped from then on.
dead = {dead}


@torch.no_grad()
def drop_dead_gradients():
    """Zero the dead weights' gradients, before the penalties and the clipping see them."""
    for w, gone in zip(weights, dead):
        w.grad.mul_(~gone)
{kill}'''


def epoch_batches(tf_rules: bool, batch: int, rows: int, epoch_rows: int) -> tuple[str, str]:
    """(the constants of an epoch's batches, the training loop's lines from an epoch's start to its batch xb, yb):
    TF Playground's fixed order under its rules, else a new order drawn from the generator each epoch."""
    if tf_rules:
        return f'''
# TF Playground's order (playground.ts oneStep): the rows as they are, never shuffled, an update after every BATCH
# rows; the rows short of a batch at an epoch's end are carried into the next epoch's first update.
BATCH, ROWS = {batch}, {rows}''', '''    lead = ROWS % BATCH if epoch > 0 else 0  # the rows carried over from the epoch before
    order = torch.cat([torch.arange(ROWS - lead, ROWS), torch.arange(ROWS)])
    xs, ys = x_train[order], y_train[order]
    net.train()
    for b in range(ROWS // BATCH):
        rows = slice(b * BATCH + lead if b else 0, (b + 1) * BATCH + lead)
        xb, yb = xs[rows], ys[rows]
'''
    lone = (" (batch norm cannot normalize a batch of one row: the lone last row sits out the epoch)"
            if epoch_rows < rows else "")
    return f'''
# Each epoch trains on the rows in a new order drawn from the generator, BATCH rows a step{lone}.
BATCH, ROWS_PER_EPOCH = {batch}, {epoch_rows}''', '''    order = torch.randperm(x_train.shape[0], generator=generator)
    xs, ys = x_train[order], y_train[order]
    net.train()
    for b in range(math.ceil(ROWS_PER_EPOCH / BATCH)):
        xb, yb = xs[b * BATCH:(b + 1) * BATCH], ys[b * BATCH:(b + 1) * BATCH]
'''


# Each optimizer's update as a function of (params, grads, state, lr); {NAME} are its hyperparameters,
# written as constants above it. State keys are update_rules' own, so a saved optimizer's state fits.
_STEP_COUNT = '''    state["step"] += 1
    t = state["step"]
'''
_MOMENTS = '''        m, v = state["exp_avg"][i], state["exp_avg_sq"][i]
        m.lerp_(g, 1 - BETA1)      # m <- beta1 * m + (1 - beta1) * g
        v.lerp_(g * g, 1 - BETA2)  # v <- beta2 * v + (1 - beta2) * g^2
'''
OPTIMIZERS = {
    "sgd": ((), '''
def sgd(params, grads, state, lr):
    """Gradient descent: w <- w - lr * g."""
    for p, g in zip(params, grads):
        p.add_(g, alpha=-lr)
'''),
    "momentum": (("momentum_buffer",), '''
def momentum(params, grads, state, lr):
    """Momentum: v <- MOMENTUM * v + g, then w <- w - lr * v."""
    for i, (p, g) in enumerate(zip(params, grads)):
        v = state["momentum_buffer"][i] = torch.add(g, state["momentum_buffer"][i], alpha=MOMENTUM)
        p.add_(v, alpha=-lr)
'''),
    "nesterov": (("momentum_buffer",), '''
def nesterov(params, grads, state, lr):
    """Nesterov momentum: v <- MOMENTUM * v + g, then w <- w - lr * (g + MOMENTUM * v), a look ahead."""
    for i, (p, g) in enumerate(zip(params, grads)):
        v = state["momentum_buffer"][i] = torch.add(g, state["momentum_buffer"][i], alpha=MOMENTUM)
        p.add_(torch.add(g, v, alpha=MOMENTUM), alpha=-lr)
'''),
    "adagrad": (("sum",), '''
def adagrad(params, grads, state, lr):
    """AdaGrad: s <- s + g^2, then w <- w - lr * g / (sqrt(s) + EPS)."""
    for i, (p, g) in enumerate(zip(params, grads)):
        s = state["sum"][i]
        s.addcmul_(g, g)
        p.addcdiv_(g, s.sqrt().add_(EPS), value=-lr)
'''),
    "adadelta": (("square_avg", "acc_delta"), '''
def adadelta(params, grads, state, lr):
    """AdaDelta: a step of sqrt(average squared step + EPS) / sqrt(average g^2 + EPS) * g, times lr."""
    for i, (p, g) in enumerate(zip(params, grads)):
        square_avg, acc_delta = state["square_avg"][i], state["acc_delta"][i]
        square_avg.lerp_(g * g, 1 - RHO)
        delta = (acc_delta + EPS).sqrt_().div_((square_avg + EPS).sqrt_()).mul_(g)
        acc_delta.lerp_(delta * delta, 1 - RHO)
        p.add_(delta, alpha=-lr)
'''),
    "rmsprop": (("square_avg", "momentum_buffer"), '''
def rmsprop(params, grads, state, lr):
    """RMSProp: a <- ALPHA * a + (1 - ALPHA) * g^2, then w <- w - lr * g / (sqrt(a) + EPS){momentum_words}."""
    for i, (p, g) in enumerate(zip(params, grads)):
        square_avg = state["square_avg"][i]
        square_avg.lerp_(g * g, 1 - ALPHA)
        avg = square_avg.sqrt().add_(EPS)
{momentum_step}'''),
    "adam": (("exp_avg", "exp_avg_sq"), '''
def {name}(params, grads, state, lr):
    """{words}.

    w <- w - lr * m_hat / (sqrt(v_hat) + EPS) with the bias-corrected running means m_hat = m / (1 - BETA1^t)
    and v_hat = v / (1 - BETA2^t), computed with numerator and denominator times sqrt(1 - BETA2^t)."""
''' + _STEP_COUNT + '''    c2 = math.sqrt(1 - BETA2**t)
    for i, (p, g) in enumerate(zip(params, grads)):
''' + _MOMENTS + '''{amsgrad}        p.addcdiv_(m, {second}.sqrt().add_(EPS * c2), value=-lr * c2 / (1 - BETA1**t))
'''),
    "nadam": (("exp_avg", "exp_avg_sq"), '''
NADAM_MOMENTUM_DECAY = ''' + repr(NADAM_MOMENTUM_DECAY) + '''  # torch.optim.NAdam's


def nadam(params, grads, state, lr):
    """NAdam: Adam whose momentum looks one step ahead, with torch.optim.NAdam's momentum schedule mu_t."""
''' + _STEP_COUNT + '''    c2 = math.sqrt(1 - BETA2**t)
    mu = BETA1 * (1.0 - 0.5 * 0.96 ** (t * NADAM_MOMENTUM_DECAY))
    mu_next = BETA1 * (1.0 - 0.5 * 0.96 ** ((t + 1) * NADAM_MOMENTUM_DECAY))
    product = state["mu_product"] = state["mu_product"] * mu
    for i, (p, g) in enumerate(zip(params, grads)):
''' + _MOMENTS + '''        denom = v.sqrt().add_(EPS * c2)
        p.addcdiv_(g, denom, value=-lr * c2 * (1 - mu) / (1 - product))
        p.addcdiv_(m, denom, value=-lr * c2 * mu_next / (1 - product * mu_next))
'''),
    "radam": (("exp_avg", "exp_avg_sq"), '''
def radam(params, grads, state, lr):
    """RAdam: Adam with its step scaled down while the running mean of g^2 is still unreliable."""
''' + _STEP_COUNT + '''    c2 = math.sqrt(1 - BETA2**t)
    bias1 = 1 - BETA1**t
    rho_inf = 2 / (1 - BETA2) - 1
    rho_t = rho_inf - 2 * t * BETA2**t / (1 - BETA2**t)
    for i, (p, g) in enumerate(zip(params, grads)):
''' + _MOMENTS + '''        if rho_t > 5:
            rect = math.sqrt((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t))
            p.addcdiv_(m, v.sqrt().add_(EPS), value=-lr * rect * c2 / bias1)
        else:  # too few steps for the variance estimate: bias-corrected momentum alone
            p.add_(m, alpha=-lr / bias1)
'''),
}
_ADAM_LIKE = {"adam": "Adam", "adamw": "AdamW (Adam; the weight decay is decoupled for every optimizer here)",
              "amsgrad": "AMSGrad (Adam dividing by the largest v so far)"}
_SCALAR_STATE = {"adam": {"step": 0}, "adamw": {"step": 0}, "amsgrad": {"step": 0}, "radam": {"step": 0},
                 "nadam": {"step": 0, "mu_product": 1.0}}


def optimizer(name: str, hyper: dict[str, float]) -> tuple[str, tuple[str, ...], dict]:
    """(the update function `name` with its hyperparameters as constants, its per-parameter state tensors,
    its state numbers and their start values)."""
    constants = "".join(f"{key.upper()} = {value!r}\n" for key, value in hyper.items())
    if name in _ADAM_LIKE:
        amsgrad = name == "amsgrad"
        tensors, body = OPTIMIZERS["adam"]
        body = body.format(
            name=name, words=_ADAM_LIKE[name], second="v_max" if amsgrad else "v",
            amsgrad='        v_max = torch.maximum(state["max_exp_avg_sq"][i], v, out=state["max_exp_avg_sq"][i])\n'
            if amsgrad else "")
        tensors = (*tensors, "max_exp_avg_sq") if amsgrad else tensors
    else:
        tensors, body = OPTIMIZERS[name]
        if name == "rmsprop":
            with_momentum = hyper["momentum"] > 0
            body = body.format(
                momentum_words=", through a momentum buffer" if with_momentum else "",
                momentum_step=('        buf = state["momentum_buffer"][i] = torch.add(g / avg, state["momentum_buffer"][i], '
                               'alpha=MOMENTUM)\n        p.add_(buf, alpha=-lr)\n') if with_momentum
                else "        p.addcdiv_(g, avg, value=-lr)\n")
    return constants + "\n" + body, tensors, dict(_SCALAR_STATE.get(name, {}))


_SCHEDULES = {
    "constant": ("the learning rate stays", "LR"),
    "step": ("cut by GAMMA every STEP_SIZE epochs", "LR * GAMMA ** (epoch // int(STEP_SIZE))"),
    "exponential": ("times GAMMA every epoch", "LR * GAMMA**epoch"),
    "inverse_time": ("LR / (1 + DECAY * epoch)", "LR / (1.0 + DECAY * epoch)"),
    "inverse_sqrt": ("LR / sqrt(epoch + 1)", "LR / math.sqrt(epoch + 1)"),
    "cosine": ("a half cosine from LR down to ETA_MIN over T_MAX epochs, then again (warm restarts)",
               "ETA_MIN + (LR - ETA_MIN) * (1 + math.cos(math.pi * (epoch % T_MAX) / T_MAX)) / 2"),
}


def schedule(spec: ScheduleSpec, lr: float) -> str:
    """learning_rate(epoch) under the schedule, for a 0-based epoch, as optimizers.scheduled_lr computes it."""
    words, expression = _SCHEDULES[spec.name]
    constants = "".join(f"{h.name.upper()} = {spec.value(h.name)!r}\n" for h in catalog.SCHEDULES[spec.name])
    return f'''
LR = {lr!r}
{constants}

def learning_rate(epoch):
    """Schedule "{spec.name}": {words}."""
    return {expression}
'''

