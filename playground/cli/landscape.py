"""`playground landscape`: train an experiment, then the training loss on a plane through its final weights.

The plane is that of the first two principal components of the weights' path
(one point per epoch), or of two filter-normalized random directions; the path
is projected onto it either way. `--json` prints one object: alpha, beta (R
values each, 0 included), loss (R×R, rows over beta), trajectory and the
centre's loss, which is the trained model's training loss.
"""
from __future__ import annotations

import argparse
import json
import math

from playground.analysis import landscape
from playground.config.experiment import Experiment, ExperimentError
from playground.training.trainer import Trainer


def add_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--resolution", type=int, default=31, help="grid points per axis, 3 to 201")
    parser.add_argument("--directions", choices=("pca", "random"), default="pca",
                        help="the plane: principal components of the path, or filter-normalized random directions")
    parser.add_argument("--span", type=float, default=1.0, help="random directions: the grid runs from -SPAN to SPAN")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace, experiment: Experiment) -> int:
    try:
        landscape.check_resolution(args.resolution)
    except ExperimentError as error:
        raise ExperimentError(f"argument --{error}") from None
    if not (math.isfinite(args.span) and args.span > 0):
        raise ExperimentError(f"argument --span: must be a positive number, got {args.span:g}")
    if args.directions == "pca" and experiment.training.epochs < 2:
        raise ExperimentError("argument --epochs: the principal components need a path of at least 2 epochs "
                              "(or use --directions random)")
    trainer = Trainer(experiment)
    path = landscape.record_path(trainer, experiment.training.epochs)
    if args.directions == "pca":
        land = landscape.pca_plane(trainer, path, args.resolution)
    else:
        land = landscape.random_plane(trainer, args.resolution, args.span, seed=experiment.seed, path=path)
    if args.json:
        print(json.dumps({"epochs": trainer.epoch, **land.to_json()}, allow_nan=False))
    else:
        print(f"{land.kind} plane after {trainer.epoch} epochs: training loss {land.centre_loss:.6g} at the centre, "
              f"{float(land.loss.min()):.6g} to {float(land.loss.max()):.6g} on the {args.resolution}x{args.resolution} grid")
    return 0
