"""`playground bench`: how fast the playground trains, against a plain PyTorch loop, as one JSON line.

Both sides train TensorFlow Playground's default problem (circle, x1/x2, 4-2 tanh,
SGD at 0.03, batches of 10) from the same initial weights on the same data:

- the playground as the window runs it: a TrainingSession playing on its worker
  thread, with a reader thread taking latest() at 60 Hz, so every frame costs the
  worker a full snapshot with its grid probe, as in the GUI (which also draws it;
  `playground bench --gui` measures that);
- a plain loop: nn.Sequential, autograd, torch.optim.SGD, BCEWithLogitsLoss,
  reshuffling every epoch, nothing else (no probes, no per-epoch evaluation).

With playground.analysis.ensemble present, its ensemble_throughput() numbers are merged in, and
analysis.landscape's landscape_throughput() (a 31x31 loss slice, batched against point by point).
compare.race_throughput()'s sweep_ratio: 16 models trained at once vs one after another.
"""
from __future__ import annotations

import json
import threading
import time

import torch
from torch import nn

from playground.analysis.compare import race_throughput
from playground.analysis.ensemble import ensemble_throughput
from playground.analysis.landscape import landscape_throughput
from playground.config.experiment import Experiment, ExperimentError
from playground.nn import activations
from playground.runtime.thread_session import TrainingSession
from playground.training.trainer import Trainer

DEFAULT_SECONDS = 3.0
FRAME = 1 / 60
ENSEMBLE_K = 16


def run(args) -> int:
    seconds = DEFAULT_SECONDS if getattr(args, "seconds", None) is None else float(args.seconds)
    if not seconds > 0:
        raise ExperimentError(f"argument --seconds: must be greater than 0, got {seconds:g}")
    print(json.dumps(measure(seconds)), flush=True)
    return 0


def bench_experiment() -> Experiment:
    """The default problem, set to train for as long as the bench wants."""
    return Experiment().with_changes(**{"training.epochs": 10_000_000})


def measure(seconds: float, experiment: Experiment | None = None) -> dict:
    """Every number of the bench's JSON line; each measurement trains for `seconds`."""
    experiment = experiment or bench_experiment()
    session = _session_rate(experiment, seconds)
    plain = _plain_rate(experiment, seconds)
    result = {
        "steps_per_s": session["steps_per_s"],
        "plain_steps_per_s": plain["steps_per_s"],
        "ratio": session["steps_per_s"] / plain["steps_per_s"] if plain["steps_per_s"] else float("nan"),
        "epochs_per_s": session["epochs_per_s"],
        "plain_epochs_per_s": plain["epochs_per_s"],
        "snapshots_per_s": session["snapshots_per_s"],
        "seconds": seconds,
        "device": plain["device"],
        "torch": torch.__version__,
    }
    result.update(ensemble_throughput(experiment, k=ENSEMBLE_K, seconds=seconds))
    result.update(landscape_throughput())
    # Ten epochs at the default duration: a race checks how its batched operations round in its first steps.
    result.update(race_throughput(Experiment(), k=ENSEMBLE_K, epochs=max(1, round(10 * seconds / DEFAULT_SECONDS))))
    return result


# -- the playground, as the window drives it ---------------------------------------------

def _session_rate(experiment: Experiment, seconds: float) -> dict:
    session = TrainingSession(experiment, frame_interval=FRAME)
    stop = threading.Event()
    frames = [0]

    def reader() -> None:  # the GUI's timer: take the newest snapshot every frame
        tick = time.perf_counter()
        while not stop.is_set():
            if session.latest() is not None:
                frames[0] += 1
            tick += FRAME
            stop.wait(max(0.0, tick - time.perf_counter()))

    def progress() -> tuple[float, int, int]:
        try:
            return session.call(lambda t: (time.perf_counter(), t.step_count, t.steps_per_epoch)).result(30.0)
        except TimeoutError:
            raise RuntimeError("the training session did not answer") from None

    thread = threading.Thread(target=reader, name="bench-reader", daemon=True)
    try:
        progress()  # built
        thread.start()
        session.play()
        time.sleep(min(0.5, 0.2 * seconds))  # warm up
        t0, s0, per_epoch = progress()
        frames0 = frames[0]
        time.sleep(seconds)
        t1, s1, _ = progress()
        frames1 = frames[0]
        state, message = session.status
        if state == "error":
            raise RuntimeError(message)
    finally:
        stop.set()
        if thread.is_alive():
            thread.join(5.0)
        session.close()
    span = max(t1 - t0, 1e-9)
    steps_per_s = (s1 - s0) / span
    return {"steps_per_s": steps_per_s, "epochs_per_s": steps_per_s / per_epoch,
            "snapshots_per_s": (frames1 - frames0) / span}


# -- a plain PyTorch loop on the same problem -------------------------------------------

class PlainLoop:
    """The textbook loop: nn.Sequential, autograd, torch.optim.SGD, BCEWithLogitsLoss.

    Built from a fresh Trainer (which it takes over: that trainer must not train
    any more), it starts from the trainer's weights and draws the same batches the
    trainer would: the epoch's shuffle from the trainer's generator, then slices.
    """

    def __init__(self, trainer: Trainer):
        if trainer.task != "binary" or not trainer.net.is_plain():
            raise ExperimentError("the bench's plain loop trains a binary problem with a plain network")
        if trainer.experiment.training.optimizer.name != "sgd":
            raise ExperimentError("the bench's plain loop uses SGD")
        self.device = trainer.device
        self.x, self.y = trainer.x["train"], trainer.y["train"]
        self.n = self.x.shape[0]
        self.batch = trainer.batch_size
        self.steps_per_epoch = -(-self.n // self.batch)
        self.generator = trainer.generator
        self.epoch_x, self.epoch_y = trainer.epoch_data  # the first epoch's shuffle, drawn already
        self.at = 0
        self.model = plain_model(trainer)
        self.optimizer = torch.optim.SGD(self.model.parameters(), lr=trainer.experiment.training.optimizer.lr)
        self.loss_fn = nn.BCEWithLogitsLoss()

    def step(self) -> None:
        xb, yb = self.epoch_x[self.at:self.at + self.batch], self.epoch_y[self.at:self.at + self.batch]
        self.optimizer.zero_grad()
        self.loss_fn(self.model(xb)[:, 0], yb).backward()
        self.optimizer.step()
        self.at += self.batch
        if self.at >= self.n:
            order = torch.randperm(self.n, generator=self.generator).to(self.device)
            self.epoch_x, self.epoch_y = self.x[order], self.y[order]
            self.at = 0


def plain_model(trainer: Trainer) -> nn.Sequential:
    """The trainer's network as nn.Sequential, starting from the same weights."""
    layers: list[nn.Module] = []
    for hidden in trainer.net.hidden:
        spec = hidden.spec
        layers += [nn.Linear(hidden.linear.in_features, hidden.linear.out_features),
                   activations.module(spec.activation, spec.units, spec.maxout_k)]
    head = trainer.net.head
    layers.append(nn.Linear(head.in_features, head.out_features))
    model = nn.Sequential(*layers)
    ours = [m for m in model if isinstance(m, nn.Linear)]
    with torch.no_grad():
        for a, b in zip(ours, trainer.net.linears()):
            a.weight.copy_(b.weight)
            a.bias.copy_(b.bias)
    return model.to(trainer.device)


def _plain_rate(experiment: Experiment, seconds: float) -> dict:
    loop = PlainLoop(Trainer(experiment))

    def train_for(duration: float) -> tuple[int, float]:
        steps, started = 0, time.perf_counter()
        deadline = started + duration
        while time.perf_counter() < deadline:
            loop.step()
            steps += 1
        if loop.device.type == "cuda":
            torch.cuda.synchronize()
        return steps, time.perf_counter() - started

    train_for(min(0.5, 0.2 * seconds))  # warm up
    steps, span = train_for(seconds)
    steps_per_s = steps / max(span, 1e-9)
    return {"steps_per_s": steps_per_s, "epochs_per_s": steps_per_s / loop.steps_per_epoch, "device": str(loop.device)}
