"""`playground arena`: one optimizer on a 2-D test surface, its path and loss at every step.

The flags are added to the command's own parser by add_flags; run() takes the
parsed arguments. `--json` prints one JSON object; without it, one line per
step. Bad input stops with one line and exit status 2 (cli.main does that).
"""
from __future__ import annotations

import argparse
import json
import math

from playground.arena import race, surfaces
from playground.config.experiment import ExperimentError, OptimizerSpec

DEFAULT_STEPS = 100


def add_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--list", action="store_true", help="name the functions, their formulas and ranges")
    parser.add_argument("--function", default="rosenbrock", help="one of " + ", ".join(surfaces.NAMES))
    parser.add_argument("--optimizer", default="sgd", help="an optimizer name (see `playground train --help`)")
    parser.add_argument("--lr", type=float, default=OptimizerSpec().lr, help="learning rate")
    parser.add_argument("--steps", type=int, default=DEFAULT_STEPS)
    parser.add_argument("--start", metavar="X,Y", help="start point, e.g. -1,2 (default: the function's own)")
    parser.add_argument("--hyper", metavar="NAME=VALUE", nargs="+", default=[], help="optimizer hyperparameters")
    parser.add_argument("--lookahead", metavar="K,ALPHA", help="wrap the optimizer in Lookahead, e.g. 5,0.5")
    parser.add_argument("--schedule", default="constant", help="learning-rate schedule, its epoch is the step")
    parser.add_argument("--schedule-hyper", metavar="NAME=VALUE", nargs="+", default=[])
    parser.add_argument("--csv", metavar="FILE", help="regression: the (w, b) plane of a CSV column instead of the curve")
    parser.add_argument("--column", help="regression on --csv: the input column (default: the only one)")
    parser.add_argument("--label", help="regression on --csv: the target column (default: the last)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


# The engine's field names, as the flags that set them (the longest prefix wins).
_FLAGS = {"function": "function", "regression": "csv", "optimizer": "hyper", "optimizer.name": "optimizer",
          "optimizer.lr": "lr", "schedule": "schedule-hyper", "schedule.name": "schedule", "lookahead": "lookahead",
          "start": "start", "steps": "steps"}


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except ExperimentError as error:
        field, _, detail = str(error).partition(": ")
        flag = next((_FLAGS[f] for f in sorted(_FLAGS, key=len, reverse=True) if field.startswith(f)), None)
        raise ExperimentError(f"argument --{flag}: {detail}" if flag and detail else str(error)) from None


def _run(args: argparse.Namespace) -> int:
    if args.list:
        for name in surfaces.NAMES:
            surface = surfaces.surface(name)
            x0, x1, y0, y1 = surface.extent
            print(f"{name:11}  {surface.formula}   [{x0:g}, {x1:g}] x [{y0:g}, {y1:g}]")
        return 0
    surface = _surface(args)
    spec = race.racer_spec(args.optimizer, args.lr, _pairs("hyper", args.hyper), _lookahead(args.lookahead),
                           args.schedule, _pairs("schedule-hyper", args.schedule_hyper))
    start = _point(args.start) if args.start else surface.start
    result = {"function": surface.name, "formula": surface.formula, "optimizer": args.optimizer, "lr": args.lr,
              "start": list(start), **race.run(surface, spec, start, args.steps)}
    if args.json:
        print(json.dumps(result, allow_nan=False))
    else:
        for step, ((x, y), loss) in enumerate(zip(result["trajectory"], result["loss"])):
            if loss is None:
                break
            print(f"{step:6d}  {surface.axes[0]}={x:<12.6g} {surface.axes[1]}={y:<12.6g} loss={loss:.6g}")
        if result["status"] == race.DIVERGED:
            print(f"diverged at step {result['stopped_at']}")
    return 0


def _surface(args: argparse.Namespace) -> surfaces.Surface:
    if args.csv is not None:
        if args.function != "regression":
            raise ExperimentError("argument --csv: only with --function regression")
        return surfaces.csv_regression(args.csv, args.column, args.label)
    return surfaces.surface(args.function)


def _number(flag: str, text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise ExperimentError(f"argument --{flag}: expected a number, got {text!r}") from None
    if not math.isfinite(value):
        raise ExperimentError(f"argument --{flag}: must be a finite number, got {text!r}")
    return value


def _point(text: str) -> tuple[float, float]:
    parts = text.split(",")
    if len(parts) != 2:
        raise ExperimentError(f"argument --start: expected two numbers X,Y, got {text!r}")
    return _number("start", parts[0]), _number("start", parts[1])


def _pairs(flag: str, items: list[str]) -> dict[str, float]:
    return race.parse_assignments(" ".join(items), f"argument --{flag}")


def _lookahead(text: str | None) -> tuple[int, float] | None:
    if text is None:
        return None
    parts = text.split(",")
    k = _number("lookahead", parts[0])
    if len(parts) != 2 or k != int(k):
        raise ExperimentError(f"argument --lookahead: expected K,ALPHA like 5,0.5, got {text!r}")
    return int(k), _number("lookahead", parts[1])
