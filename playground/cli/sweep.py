"""`playground sweep`: K models at K values of one or two hyperparameters, trained at once; one JSON line each."""
from __future__ import annotations

import json
import sys

from tqdm import tqdm

from playground.analysis.compare import MAX_VARIANTS
from playground.analysis.sweep import MIN_SAMPLES, Axis, best, sample, sweep
from playground.cli.interrupt import STOPPED, stop_requests
from playground.cli.train import finite
from playground.config.experiment import Experiment, ExperimentError


def run(args, experiment: Experiment) -> int:
    axes = _axes(args.param, args.range, args.scale)
    if not MIN_SAMPLES <= args.models <= MAX_VARIANTS:
        raise ExperimentError(f"argument --samples: between {MIN_SAMPLES} and {MAX_VARIANTS} hyperparameter samples "
                              f"(models), got {args.models} (the dataset's size is --data-samples)")
    points = sample(axes, args.models, args.sampling, experiment.seed)
    with stop_requests() as stopped, tqdm(total=experiment.training.epochs, unit="epoch", disable=args.quiet or None,
                                          file=sys.stderr, dynamic_ncols=True) as bar:
        results = sweep(experiment, points, stopped,
                        progress=lambda fraction: bar.update(round(fraction * bar.total) - bar.n))
    winner = best(results)
    for i, result in enumerate(results):
        record = {**result.values, "train_loss": finite(result.train_loss), "val_loss": finite(result.val_loss),
                  "val_accuracy": result.val_accuracy, "state": result.state, "best": i == winner}
        if args.json:
            print(json.dumps(record, separators=(",", ":")), flush=True)
    if not args.json:
        print(_summary(results, winner))
    if stopped():
        print(STOPPED, file=sys.stderr)
        return 130
    return 0


def _axes(params: list[str] | None, ranges: list[str] | None, scales: list[str] | None) -> list[Axis]:
    """--param/--range/--scale, given once per swept parameter (the scale defaults to log)."""
    params, ranges, scales = params or [], ranges or [], scales or []
    if not params:
        raise ExperimentError("argument --param: name the hyperparameter to sweep, like --param lr --range 1e-4:1")
    if len(ranges) != len(params) or len(scales) > len(params):
        raise ExperimentError("argument --range: one --range (and at most one --scale) for each --param")
    axes = []
    for i, (param, text) in enumerate(zip(params, ranges)):
        low, sep, high = text.partition(":")
        try:
            bounds = float(low), float(high)
        except ValueError:
            bounds = ()
        if not sep or not bounds:
            raise ExperimentError(f"argument --range: {param}: expected LOW:HIGH like 1e-4:1, got {text!r}")
        axes.append(Axis(param.replace("-", "_"), *bounds, scales[i] if i < len(scales) else "log"))
    return axes


def _summary(results, winner: int | None) -> str:
    lines = []
    for i, result in enumerate(results):
        values = ", ".join(f"{k}={v:.4g}" for k, v in result.values.items())
        accuracy = "" if result.val_accuracy is None else f", val acc {result.val_accuracy:.3f}"
        mark = "  <- best" if i == winner else ""
        lines.append(f"{values}: val loss {result.val_loss:.4f}{accuracy} ({result.state}){mark}")
    return "\n".join(lines)

