"""Export as code: one standalone PyTorch script (torch and numpy only) that trains what a Trainer trains.

The script is written from a Trainer, so it holds exactly the trainer's inputs:
the data after feature expansion and standardization, embedded as float32
literals (exact for generators, CSV files, real tables and drawn points alike).
A trainer that has not trained yet is exported as a recipe: the script seeds
torch and draws the first weights as the playground's initializer does; one
loaded from a saved model is exported with its weights, optimizer state and
random-number states embedded, and the script continues from them.
Where the script could not reproduce the trainer, export() refuses with an
ExperimentError naming the setting.
"""
from __future__ import annotations

import inspect
import json
import math
import textwrap
from pathlib import Path

import numpy as np
import torch

from playground.analysis import export_parts as parts
from playground.config import catalog
from playground.config.experiment import Experiment, ExperimentError
from playground.config.limits import clip
from playground.diagnosis import divergence
from playground.nn.model import Hidden
from playground.training.trainer import Trainer

_LINE = 116  # the width embedded numbers wrap at


def script_for(experiment: Experiment, saved: str | Path | None = None) -> str:
    """The script of an experiment trained from its seed, or of a saved model trained on for the experiment's epochs."""
    data = experiment.data
    if data.dataset == "csv" and not Path(data.csv_path).is_file():
        # The script embeds the rows: without the file there is nothing to embed.
        raise ExperimentError(f"data.csv_path: {clip(data.csv_path)} does not exist; the script embeds its rows")
    on_cpu = experiment.with_changes(device="cpu")  # where the script trains: its numbers are the CPU's
    return export(Trainer.load(saved, on_cpu) if saved else Trainer(on_cpu))


def export(trainer: Trainer, epochs: int | None = None) -> str:
    """The script's text: it trains `epochs` epochs (default: the experiment's) on from the trainer's state."""
    _check_exportable(trainer)
    exp = trainer.experiment
    t = exp.training
    fresh = trainer.step_count == 0 and trainer.epoch == 0
    epochs = t.epochs if epochs is None else epochs
    used = {layer.activation for layer in exp.network.layers}
    hyper = {h.name: t.optimizer.value(h.name) for h in catalog.OPTIMIZERS[t.optimizer.name]}
    rule, tensors, scalars = parts.optimizer(t.optimizer.name, hyper)
    sections = [
        _header(trainer, fresh, epochs),
        _IMPORTS.format(copy="import copy\n" if _patience(trainer) else ""),
        _section("1. The data", _data(trainer)),
        _section("2. The network", _network(trainer, used)),
        _section("3. The starting weights", _start(trainer, fresh)),
        _section("4. The loss and its gradient", _loss(trainer)),
        _section("5. The optimizer", rule + _optimizer(trainer, tensors, scalars, fresh)
                 + (parts.tf_playground_l1(fresh, bool(t.l1)) if trainer.tf_rules else "")),
        _section("6. The learning-rate schedule", parts.schedule(t.schedule, t.optimizer.lr)),
        _section("7. Training", _training(trainer, epochs)),
    ]
    return "\n\n\n".join(s.strip("\n") for s in sections) + "\n"


def _check_exportable(trainer: Trainer) -> None:
    if trainer.finished:
        raise ExperimentError(f"the training has stopped ({trainer.state.replace('_', ' ')}): nothing left to export")
    done = trainer.progress().batch_index
    if done:
        raise ExperimentError(f"the model was saved in the middle of epoch {trainer.epoch + 1} (after batch "
                              f"{done}); a script continues from the end of an epoch only")
    optimizer = trainer.optimizer.inner if trainer.experiment.training.lookahead.enabled else trainer.optimizer
    for key, values in optimizer.state.items():
        if not isinstance(values[0], torch.Tensor) and values.count(values[0]) != len(values):
            raise ExperimentError(f"optimizer: its parameters have taken different numbers of steps ({key}); "
                                  "a script steps all of them together")


def _header(trainer: Trainer, fresh: bool, epochs: int) -> str:
    exp = trainer.experiment
    start = (f"The first weights are drawn here from seed {exp.seed} exactly as the playground draws them."
             if fresh else f"It continues a saved model after epoch {trainer.epoch}: its weights, the optimizer's "
             "state and the random-number states are embedded below.")
    source = "drawn points" if exp.data.dataset == "points" else (
        f"the CSV file {exp.data.csv_path}" if exp.data.dataset == "csv" else f"the {exp.data.dataset} dataset")
    experiment_json = textwrap.indent(json.dumps(exp.to_dict(), indent=2), "    ")
    title = (exp.name or "An experiment").replace('"""', "'''")
    return f'''r"""{title}: a Neural Playground experiment as a standalone PyTorch script.

Written by `playground export`. Run it with `python this_file.py`; it needs torch and numpy only.
It trains the playground's network for {epochs} epochs on the CPU and prints `epoch train_loss` after each
(the data loss on the whole training split, measured in eval mode after the epoch, as the playground reports
it), then `final train_loss X`: the playground's numbers up to float rounding.

The data are the playground's own inputs from {source}: the features {", ".join(trainer.feature_names)}
{"standardized to zero mean and unit variance, " if trainer.standardizer is not None else ""}embedded \
below as exact float32 numbers (not regenerated).
{start}

The experiment:
{experiment_json}
"""'''


_IMPORTS = '''
{copy}import math
from types import SimpleNamespace as Layer

import numpy as np
import torch
from torch import nn

# One thread, as the playground trains: sums add up in the same order, so the numbers agree.
torch.set_num_threads(1)
'''


def _section(title: str, body: str) -> str:
    return f"\n\n# -- {title} {'-' * (100 - len(title))}\n{body.strip(chr(10))}\n"


def _data(trainer: Trainer) -> str:
    lines = [f"# {trainer.x['train'].shape[0]} training and {trainer.x['val'].shape[0]} validation rows; "
             f"columns {', '.join(trainer.feature_names)}."]
    target_kind = {"binary": "0/1 labels", "multiclass": "class numbers", "regression": "target values"}[trainer.task]
    for split in ("train", "val"):
        lines.append(f"X_{split.upper()} = {_array(trainer.x[split])}")
        lines.append(f"Y_{split.upper()} = {_array(trainer.y[split])}  # {target_kind}")
    lines.append("x_train, y_train = torch.from_numpy(X_TRAIN), torch.from_numpy(Y_TRAIN)")
    lines.append("x_val, y_val = torch.from_numpy(X_VAL), torch.from_numpy(Y_VAL)")
    return "\n".join(lines)


def _network(trainer: Trainer, used: set[str]) -> str:
    exp = trainer.experiment
    layers = _block("[]", ["Layer(" + ", ".join(f"{key}={value!r}" for key, value in layer.model_dump().items()) + ")"
                           for layer in exp.network.layers])
    outputs = trainer.dataset.classes if trainer.task == "multiclass" else 1
    names = sorted(used)
    # The playground's own forward pass and weight list, word for word: the attributes are named as in nn.model.Hidden.
    methods = "\n".join(textwrap.indent(textwrap.dedent(inspect.getsource(method)), "    ")
                        for method in (Hidden.forward, Hidden.branch, Hidden.skip, Hidden.weights))
    table = textwrap.indent(_block("{}", [f"{name!r}: lambda: {parts.ACTIVATIONS[name]}" for name in names]), "    ")
    return f'''# Hidden layers in order: width, activation, dropout rate, batch norm, pieces per unit (maxout only), skip connection.
LAYERS = {layers}
INPUTS, OUTPUTS = {len(trainer.feature_names)}, {outputs}  # the head: {
    {"binary": "one logit", "multiclass": "one logit per class", "regression": "one value"}[trainer.task]}
{parts.MAXOUT if "maxout" in used else ""}

def activation(name, units, pieces):
    return {table.strip()}[name]()


class Hidden(nn.Module):
    """One hidden layer: linear, then batch norm (if on), the activation, dropout (if on). A residual layer adds its
    input x to that, mapped by a learned bias-free projection where the widths differ."""

    def __init__(self, fan_in, spec):
        super().__init__()
        pieces = spec.maxout_k if spec.activation == "maxout" else 1
        self.spec = spec
        self.linear = nn.Linear(fan_in, spec.units * pieces)
        self.norm = nn.BatchNorm1d(spec.units * pieces) if spec.batch_norm else None
        self.act = activation(spec.activation, spec.units, spec.maxout_k)
        self.drop = nn.Dropout(spec.dropout) if spec.dropout > 0 else None
        self.project = nn.Linear(fan_in, spec.units, bias=False) if spec.residual and fan_in != spec.units else None

{methods}

class Network(nn.Module):
    """The hidden layers, then a linear head."""

    def __init__(self):
        super().__init__()
        self.hidden = nn.ModuleList()
        width = INPUTS
        for spec in LAYERS:
            self.hidden.append(Hidden(width, spec))
            width = spec.units
        self.head = nn.Linear(width, OUTPUTS)

    def forward(self, x):
        for layer in self.hidden:
            x = layer(x)
        return self.head(x)

    def weights(self):
        """Every weight matrix, layer by layer (a projection after its layer's linear): what the penalties and
        weight decay act on."""
        return [w for layer in self.hidden for w in layer.weights()] + [self.head.weight]
'''


def _start(trainer: Trainer, fresh: bool) -> str:
    exp = trainer.experiment
    common = f'''SEED = {exp.seed}
torch.manual_seed(SEED)  # dropout draws from torch's global generator
generator = torch.Generator().manual_seed(SEED)  # the weights and each epoch's order draw from this one
net = Network()
linears = [layer.linear for layer in net.hidden] + [net.head]
'''
    if fresh:
        projections = '''
# Then the residual projections, in layer order, after all the layers (so a plain network's draws are the same).
for layer in net.hidden:
    if layer.project is not None:
        init_layer(layer.project.weight, None)
''' if any(layer.residual for layer in exp.network.layers) else ""
        return common + "\n" + parts.initializer(exp.network.init) + f'''

for linear in linears:
    init_layer(linear.weight, linear.bias)
{projections}'''
    state = {k: v.detach().cpu() for k, v in trainer.net.state_dict().items()}
    return common + f'''
# The saved model's weights, and the random-number states it stopped with.
net.load_state_dict({_tensor_dict(state)})
generator.set_state({_bytes(trainer.progress().epoch_rng)})
torch.set_rng_state({_bytes(torch.get_rng_state())})
'''


def _loss(trainer: Trainer) -> str:
    t = trainer.experiment.training
    used = list(dict.fromkeys(layer.activation for layer in trainer.experiment.network.layers))
    hand = "\n" + parts.backward(used, trainer.net.loss, trainer.task) if trainer.fast is not None else ""
    return parts.loss(trainer.net.loss, trainer.task) + hand + _penalty(t.l1, t.l2)


def _penalty(l1: float, l2: float) -> str:
    if not (l1 or l2):
        return ""
    lines = [f"L1, L2 = {l1!r}, {l2!r}", "",  "", "@torch.no_grad()", "def add_penalty_gradients(weights):",
             f'    """The gradient of {"L2/2 * sum(W^2)" if l2 else ""}{" + " if l1 and l2 else ""}'
             f'{"L1 * sum(|W|)" if l1 else ""} over the weights (not the biases), added to .grad."""',
             "    for w in weights:"]
    if l2:
        lines.append("        w.grad.add_(w, alpha=L2)")
    if l1:
        lines.append("        w.grad.add_(w.sign(), alpha=L1)")
    return "\n\n" + "\n".join(lines) + "\n"


def _optimizer(trainer: Trainer, tensors: tuple[str, ...], scalars: dict, fresh: bool) -> str:
    t = trainer.experiment.training
    name = t.optimizer.name
    lines = ["", "", "weights = net.weights()",
             "others = [p for p in net.parameters() if all(p is not w for w in weights)]  # biases, batch norm, PReLU",
             "params = weights + others",
             f"WEIGHT_DECAY = {t.weight_decay!r}  # decoupled: w <- w - lr * WEIGHT_DECAY * w before each step, weights only"]
    lookahead = t.lookahead
    inner = trainer.optimizer.inner if lookahead.enabled else trainer.optimizer
    if fresh:
        entries = [f'"{key}": [torch.zeros_like(p) for p in params]' for key in tensors]
        entries += [f'"{key}": {value!r}' for key, value in scalars.items()]
        lines.append("state = " + _block("{}", entries))
    else:
        entries = [f'"{key}": {_tensor_list(inner.state[key])}' for key in tensors]
        entries += [f'"{key}": {inner.state[key][0]!r}' for key in scalars]
        lines += ["# The saved optimizer's state.", "state = " + _block("{}", entries)]
    if lookahead.enabled:
        lines += [f"LOOKAHEAD_K, LOOKAHEAD_ALPHA = {lookahead.k!r}, {lookahead.alpha!r}"]
        if fresh:
            lines += ["slow = [p.detach().clone() for p in params]  # Lookahead's slow weights", "lookahead_steps = 0"]
        else:
            lines += [f"slow = {_tensor_list(trainer.optimizer.slow)}  # Lookahead's slow weights",
                      f"lookahead_steps = {trainer.optimizer.steps}"]
    step = [
        "", "", "@torch.no_grad()", "def optimizer_step(lr):",
        f'    """{"Weight decay, then " if t.weight_decay else ""}{name}\'s update{", then Lookahead" if lookahead.enabled else ""}."""',
    ]
    if lookahead.enabled:
        step.append("    global lookahead_steps")
    if t.weight_decay:
        step += ["    for w in weights:", "        w.add_(w, alpha=-lr * WEIGHT_DECAY)"]
    step.append(f"    {name}(params, [p.grad for p in params], state, lr)")
    if lookahead.enabled:
        step += [
            "    # Lookahead: the slow weights decay as the fast ones do; every K steps they move ALPHA of the way",
            "    # to the fast weights, and the fast weights start again from them.",
        ]
        if t.weight_decay:
            step += ["    for s in slow[:len(weights)]:", "        s.add_(s, alpha=-lr * WEIGHT_DECAY)"]
        step += ["    lookahead_steps += 1", "    if lookahead_steps % LOOKAHEAD_K == 0:",
                 "        for s, p in zip(slow, params):", "            s.add_(p - s, alpha=LOOKAHEAD_ALPHA)",
                 "            p.copy_(s)"]
    return "\n".join(lines + step) + "\n"


def _divergence(trainer: Trainer) -> str:
    """blew_up(losses, chance): the playground's own rule, word for word, for when training has diverged."""
    chance = divergence.chance_loss(trainer.task, trainer.dataset.y_train, trainer.dataset.classes, trainer.net.loss)
    return f'''# The playground stops a run whose loss has blown up; CHANCE is the loss of guessing without the inputs.
CHANCE = {chance!r}
CHANCE_MULTIPLE, WINDOW, RISE = {divergence.CHANCE_MULTIPLE!r}, {divergence.WINDOW!r}, {divergence.RISE!r}


{inspect.getsource(divergence.blew_up).replace(": np.ndarray", "").replace(": float) -> bool", ")")}'''


def _patience(trainer: Trainer) -> int:
    """Early stopping's patience, 0 where it is off (without validation rows the playground never stops early)."""
    return trainer.experiment.training.early_stopping if trainer.x["val"].shape[0] else 0


def _training(trainer: Trainer, epochs: int) -> str:
    t = trainer.experiment.training
    patience = _patience(trainer)
    rows = trainer.x["train"].shape[0]
    batch = trainer.batch_size
    progress = trainer.progress()
    epoch_rows = progress.epoch_rows
    penalty = "        add_penalty_gradients(weights)\n" if t.l1 or t.l2 else ""
    clip = (f"        torch.nn.utils.clip_grad_norm_(net.parameters(), {t.clip_norm!r})  # clip the whole gradient's norm\n"
            if t.clip_norm else "")
    gradients = ("        backward(xb, yb)  # by hand, section 4\n" if trainer.fast is not None else
                 "        for p in params:\n            p.grad = None\n        data_loss(net(xb), yb).backward()\n")
    if trainer.tf_rules:
        gradients += "        drop_dead_gradients()\n"
    step = "        optimizer_step(lr)\n"
    if trainer.tf_rules and t.l1:
        step = "        signs = [w.sign() for w in weights]\n" + step + "        kill_crossed(signs, lr)\n"
    best = ""
    if patience:
        best_loss, best_epoch = progress.best_loss, progress.best_epoch
        best_state = "None" if progress.best_state is None else _tensor_dict(
            {k: v.detach().cpu() for k, v in progress.best_state.items()})
        best = '''
    # Early stopping: keep the weights of the best validation loss; after PATIENCE epochs without a better one,
    # go back to them and stop.
    if val_loss < best_loss or best_weights is None:
        if val_loss < best_loss:
            best_loss, best_epoch = val_loss, epoch + 1
        best_weights = copy.deepcopy(net.state_dict())
    elif epoch + 1 - best_epoch >= PATIENCE:
        net.load_state_dict(best_weights)
        train_loss = evaluate(x_train, y_train)
        print(f"early stopped: epoch {best_epoch} had the best validation loss {best_loss}")
        break
'''
        shown_loss = "math.inf" if best_loss == math.inf else repr(best_loss)
        best_setup = (f"PATIENCE = {patience}\nbest_loss, best_epoch = {shown_loss}, {best_epoch}\n"
                      f"best_weights = {best_state}\n")
    else:
        best_setup = ""
    order, epoch_batches = parts.epoch_batches(trainer.tf_rules, batch, rows, epoch_rows)
    return f'''{order}
START_EPOCH, EPOCHS = {trainer.epoch}, {trainer.epoch + epochs}
{best_setup}

@torch.no_grad()
def evaluate(x, y):
    """The mean data loss on a whole split, in eval mode (no dropout; batch norm's running statistics)."""
    net.eval()
    return data_loss(net(x), y).item()


{_divergence(trainer)}

train_loss = float("nan")
losses = []
for epoch in range(START_EPOCH, EPOCHS):
    lr = learning_rate(epoch)
{epoch_batches}{gradients}{penalty}{clip}{step}    train_loss = evaluate(x_train, y_train)
    print(epoch + 1, train_loss)
    losses.append(train_loss)
    if blew_up(losses, CHANCE):
        print("diverged: the loss blew up")
        break
{"    val_loss = evaluate(x_val, y_val)" + best if patience else ""}
print("final train_loss", train_loss)
'''


# -- literals --------------------------------------------------------------------------------
def _array(tensor: torch.Tensor) -> str:
    """A tensor as a numpy literal that gives back exactly its values (float32 or int64)."""
    values = tensor.detach().cpu().numpy()
    if values.dtype == np.float32:
        numbers = _float32_texts(values.ravel())
        kind = "np.float32"
    elif values.dtype == np.int64:
        numbers = [str(int(v)) for v in values.ravel()]
        kind = "np.int64"
    else:
        raise ExperimentError(f"cannot write {values.dtype} numbers into a script")
    body = textwrap.fill(", ".join(numbers), _LINE, initial_indent="    ", subsequent_indent="    ",
                         break_on_hyphens=False)
    shape = f".reshape{values.shape}" if values.ndim != 1 else ""
    return f"np.array([\n{body}\n], dtype={kind}){shape}" if numbers else f"np.zeros({values.shape}, dtype={kind})"


def _float32_texts(values: np.ndarray) -> list[str]:
    """The shortest decimal of each float32; where reading it as a Python float and rounding to float32 would
    not give the same number back (a decimal close to halfway), the float's full decimal."""
    texts = [repr(float(np.format_float_positional(v, unique=True, trim="-"))) if np.isfinite(v) else repr(float(v))
             for v in values]
    exact = np.array([float(s) for s in texts], dtype=np.float32)
    return [text if back == v else repr(float(v)) for text, back, v in zip(texts, exact, values)]


def _tensor(tensor: torch.Tensor) -> str:
    return f"torch.from_numpy({_array(tensor)})" if tensor.dim() else f"torch.tensor({tensor.item()!r})"


def _tensor_list(tensors: list[torch.Tensor]) -> str:
    return _block("[]", [_tensor(t) for t in tensors])


def _tensor_dict(state: dict[str, torch.Tensor]) -> str:
    return _block("{}", [f"{key!r}: {_tensor(value)}" for key, value in state.items()])


def _block(brackets: str, entries: list[str]) -> str:
    """Entries one a line, indented, between the brackets."""
    return brackets[0] + "\n" + "".join(textwrap.indent(entry, "    ") + ",\n" for entry in entries) + brackets[1]


def _bytes(state: torch.Tensor) -> str:
    text = bytes(state.numpy()).hex()
    chunks = "".join(f'    "{text[i:i + _LINE]}"\n' for i in range(0, len(text), _LINE))
    return f"torch.tensor(list(bytes.fromhex(\n{chunks})), dtype=torch.uint8)"
