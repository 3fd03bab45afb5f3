"""The command line: `playground` opens the window; train, predict, presets, gradcheck, arena, landscape, compare,
sweep, export and bench run headless.

Every bad flag or file ends with exit status 2 and one line on stderr that
names the problem; no traceback.
"""
from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
from collections.abc import Sequence
from typing import Any

from playground.config import catalog, presets
from playground.config.experiment import Experiment, ExperimentError
from playground.config.limits import ECHO_CHARS, clip


class UsageError(Exception):
    """A bad flag; its text is the one line the user sees."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse prints usage on many lines; we print one
        raise UsageError(message)


def _experiment_flags(parser: argparse.ArgumentParser, samples_flag: str = "--samples") -> None:
    """The flags that choose and override an experiment (train, gradcheck and the window share them); sweep
    names the dataset's size --data-samples, as its --samples counts hyperparameter samples."""
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--preset", help="start from a preset in resources/presets/ (see `playground presets`)")
    source.add_argument("--config", metavar="FILE", help="start from an experiment JSON file")
    source.add_argument("--load", metavar="FILE", help="continue from a saved experiment and its weights")
    data = parser.add_argument_group("data")
    data.add_argument("--dataset", choices=[d for d in catalog.DATASETS if d != "csv"])
    data.add_argument("--csv", metavar="FILE", help="train on a CSV file (numeric feature columns + a label column)")
    data.add_argument("--label", metavar="COLUMN", help="the CSV's label column (default: the last)")
    data.add_argument("--formula", metavar="F", help="dataset 'function': one class above x2 = F(x1), e.g. '3*sin(x1)'")
    data.add_argument(samples_flag, dest="samples", type=int, metavar="N", help="how many points the dataset has")
    data.add_argument("--noise", type=float, help="0..1 (TensorFlow Playground's 0-50 %% is 0..0.5)")
    data.add_argument("--features", help="comma-separated: " + ",".join(catalog.FEATURES_2D))
    data.add_argument("--standardize", action=argparse.BooleanOptionalAction, default=None,
                      help="zero mean, unit variance inputs (default: on for --csv, off for the generators)")
    net = parser.add_argument_group("network")
    net.add_argument("--hidden", help="hidden layer widths, e.g. 8,8 (empty for none)")
    net.add_argument("--activation", choices=catalog.ACTIVATIONS)
    net.add_argument("--init", choices=list(catalog.INITIALIZERS))
    net.add_argument("--init-scale", type=float, help="sigma (normal), bound (uniform) or value (constant)")
    net.add_argument("--dropout", type=float, help="dropout rate of every hidden layer")
    net.add_argument("--batch-norm", action="store_true", default=None, help="batch norm in every hidden layer")
    net.add_argument("--residual", action="store_true", default=None, help="a skip connection x + f(x) around every hidden layer")
    train = parser.add_argument_group("training")
    train.add_argument("--optimizer", choices=list(catalog.OPTIMIZERS))
    train.add_argument("--lr", type=float, help="learning rate")
    train.add_argument("--loss", choices=list(catalog.LOSSES),
                       help="default: cross_entropy for classification, squared_error for regression; "
                            "tf_playground is TF Playground's tanh output and 1/2 (o - t)^2 on -1/+1 labels")
    train.add_argument("--batch-size", type=int, help="0 for full batch")
    train.add_argument("--epochs", type=int)
    train.add_argument("--l1", type=float)
    train.add_argument("--l2", type=float)
    train.add_argument("--weight-decay", type=float, help="decoupled weight decay")
    train.add_argument("--clip-norm", type=float, help="clip the gradient norm to this (0: off)")
    train.add_argument("--schedule", choices=list(catalog.SCHEDULES))
    train.add_argument("--early-stopping", type=int, metavar="PATIENCE", help="stop after PATIENCE epochs without improvement")
    parser.add_argument("--seed", type=int)
    parser.add_argument("--device", choices=catalog.DEVICES)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="playground", description="Neural Playground: build a neural network and watch it learn.")
    _experiment_flags(parser)
    parser.add_argument("--lang", choices=catalog.LANGUAGES, help="the window's language (default: View > Language, else the system's)")
    parser.add_argument("--train-seconds", type=float, help="with --screenshot: train this long first")
    parser.add_argument("--screenshot", metavar="FILE.png", help="save a picture of the window and exit")
    parser.add_argument("--window-size", type=_window_size, metavar="WxH", help="the window's size, e.g. 1024x768")
    parser.add_argument("--presentation", action="store_true", help="large fonts and plots for a projector")
    parser.add_argument("--tab", metavar="NAME", help="open this right-hand tab, e.g. loss, gradients, bias_variance")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    train = commands.add_parser("train", help="train headless with a progress bar")
    _experiment_flags(train)
    train.add_argument("--metrics", metavar="FILE.jsonl", help="one JSON object per epoch, put in place when the run ends")
    train.add_argument("--save", metavar="FILE", help="save the experiment and its trained weights")
    train.add_argument("--quiet", action="store_true", help="no progress bar")
    predict = commands.add_parser("predict", help="write a saved model's predictions to a CSV file")
    predict.add_argument("--load", metavar="MODEL", required=True, help="a model `playground train --save` wrote")
    rows = predict.add_mutually_exclusive_group(required=True)
    rows.add_argument("--csv", metavar="FILE", help="predict for these rows (columns named as the model's inputs)")
    rows.add_argument("--split", choices=("train", "val", "test"), help="predict for one of the model's own splits")
    predict.add_argument("--out", metavar="FILE", required=True, help="the CSV file to write")
    compare = commands.add_parser("compare", help="train variants of the experiment at once and compare them")
    _experiment_flags(compare)
    compare.add_argument("--vary", action="append", metavar="FIELD=V1,V2,...",
                         help="a field and its values (repeat for more fields: every combination is a variant)")
    _race_output_flags(compare)
    sweep = commands.add_parser("sweep", help="search one or two hyperparameters with K models trained at once")
    _experiment_flags(sweep, samples_flag="--data-samples")
    sweep.add_argument("--param", action="append", help="the hyperparameter: lr, l2, dropout, momentum, width, ...")
    sweep.add_argument("--range", action="append", metavar="LOW:HIGH", help="its range, e.g. 1e-4:1")
    sweep.add_argument("--scale", action="append", choices=("linear", "log"), help="default log (momentum: of 1 - beta)")
    sweep.add_argument("--samples", "--models", dest="models", type=int, default=16, metavar="K",
                       help="how many hyperparameter samples (models), 2-256 (default 16); the dataset's size is --data-samples")
    sweep.add_argument("--sampling", choices=("random", "grid"), default="random")
    _race_output_flags(sweep)
    export = commands.add_parser("export", help="write the experiment as a standalone PyTorch script")
    _experiment_flags(export)
    export.add_argument("--out", metavar="FILE.py", required=True, help="the script to write")
    commands.add_parser("presets", help="list the presets")
    gradcheck = commands.add_parser("gradcheck", help="compare backprop with numerical gradients")
    _experiment_flags(gradcheck)
    arena = commands.add_parser("arena", help="race an optimizer on a 2-D test function")
    importlib.import_module("playground.cli.arena").add_flags(arena)
    landscape = commands.add_parser("landscape", help="train, then the loss on a plane through the weights")
    _experiment_flags(landscape)
    importlib.import_module("playground.cli.landscape").add_flags(landscape)
    bench = commands.add_parser("bench", help="measure training speed (one JSON line)")
    bench.add_argument("--gui", action="store_true", help="measure the real window offscreen")
    bench.add_argument("--seconds", type=float, default=None, help="how long each measurement runs")
    bench.add_argument("--memory", action="store_true", help="measure the memory a very long run's history takes")
    bench.add_argument("--history-epochs", type=int, metavar="N", help="with --memory: epochs of history (default 1,000,000)")
    return parser


def _window_size(text: str) -> tuple[int, int]:
    width, x, height = text.lower().partition("x")
    if not (x and width.isdigit() and height.isdigit() and int(width) >= 1 and int(height) >= 1):
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT in pixels like 1024x768, got {text!r}")
    return int(width), int(height)


def _race_output_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="JSON lines on stdout instead of a table")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def experiment_from(args: argparse.Namespace) -> Experiment:
    """The experiment the flags describe: a preset, file or the default, then each override."""
    if getattr(args, "preset", None):
        experiment = presets.load(args.preset)
    elif getattr(args, "config", None):
        experiment = Experiment.load(args.config)
    elif getattr(args, "load", None):
        experiment = _saved_experiment(args.load)
    else:
        experiment = Experiment()
    overrides = _overrides(args, experiment)
    changes = {field: value for _, fields in overrides for field, value in fields.items()}
    try:
        # All at once: flags may only make sense together (--dataset curve --features x1).
        return experiment.with_changes(**changes) if changes else experiment
    except ExperimentError as error:
        field, _, detail = str(error).partition(": ")
        flag = next((flag for flag, fields in overrides if any(field.startswith(f) for f in fields)), None)
        if flag == "hidden":  # the layer flags share one override; the field's leaf says which flag it was
            flag = _LAYER_FLAGS.get(field.rsplit(".", 1)[-1], "hidden")
        raise UsageError(f"argument --{flag.replace('_', '-')}: {detail}" if flag else str(error)) from None


_LAYER_FLAGS = {"units": "hidden", "activation": "activation", "dropout": "dropout", "batch_norm": "batch_norm", "residual": "residual"}


def _saved_experiment(path: str) -> Experiment:
    """The experiment stored in a saved model: the file is read, nothing is built or trained."""
    from playground.training.saved import read_saved, saved_experiment  # torch loads only for a saved model
    return saved_experiment(read_saved(path), path)


def _overrides(args: argparse.Namespace, base: Experiment) -> list[tuple[str, dict[str, Any]]]:
    """(flag, {dotted field: value}) for every flag given, in a fixed order."""
    given = lambda name: getattr(args, name, None) is not None
    out: list[tuple[str, dict[str, Any]]] = []
    simple = {
        "dataset": "data.dataset", "samples": "data.samples", "noise": "data.noise",
        "standardize": "data.standardize", "label": "data.label_column",
        "optimizer": "training.optimizer.name", "lr": "training.optimizer.lr", "loss": "training.loss",
        "batch_size": "training.batch_size", "epochs": "training.epochs", "l1": "training.l1", "l2": "training.l2",
        "weight_decay": "training.weight_decay", "clip_norm": "training.clip_norm",
        "early_stopping": "training.early_stopping", "seed": "seed", "device": "device",
        "init": "network.init.scheme", "init_scale": "network.init.scale",
    }
    if given("csv"):
        out.append(("csv", {"data.dataset": "csv", "data.csv_path": args.csv}))
    if given("formula"):
        out.append(("formula", {"data.dataset": "function", "data.formula": args.formula}))
    if given("dataset") and args.dataset in catalog.REAL_DATASETS and not given("standardize"):
        out.append(("dataset", {"data.standardize": True}))  # as a file naming the table gets it
    if given("optimizer"):
        out.append(("optimizer", {"training.optimizer.hyper": {}}))
    if given("schedule"):
        out.append(("schedule", {"training.schedule.name": args.schedule, "training.schedule.hyper": {}}))
    for flag, field in simple.items():
        if given(flag):
            out.append((flag, {field: getattr(args, flag)}))
    if given("features"):
        names = [part.strip() for part in args.features.split(",") if part.strip()]
        out.append(("features", {"data.features": names}))
    if any(given(f) for f in ("hidden", "activation", "dropout", "batch_norm", "residual")):
        out.append(("hidden", {"network.layers": _layers(args, base)}))
    return out


def _layers(args: argparse.Namespace, base: Experiment) -> list[dict]:
    """Hidden layers from --hidden widths, with --activation/--dropout/--batch-norm/--residual applied to each."""
    layers = [layer.model_dump() for layer in base.network.layers]
    if args.hidden is not None:
        try:
            widths = [int(part) for part in args.hidden.split(",") if part.strip()]
        except ValueError:
            raise UsageError(f"argument --hidden: expected comma-separated widths like 8,8, got {args.hidden!r}") from None
        template = layers[0] if layers else {}
        layers = [{**template, "units": width} for width in widths]
    for layer in layers:
        if args.activation is not None:
            layer["activation"] = args.activation
        if args.dropout is not None:
            layer["dropout"] = args.dropout
        if args.batch_norm:
            layer["batch_norm"] = True
        if args.residual:
            layer["residual"] = True
    if args.residual and not layers:
        raise UsageError("network.layers: --residual needs at least one hidden layer (--hidden is empty)")
    return layers


# Flags whose value may start with a minus sign ("--start -1,2"), which argparse would take for another flag.
SIGNED_VALUE_FLAGS = ("--start",)


def _signed_values_joined(argv: Sequence[str]) -> list[str]:
    """argv with "--start -1,2" written as "--start=-1,2", the one spelling argparse reads as a value."""
    out: list[str] = []
    for token in argv:
        if out and out[-1] in SIGNED_VALUE_FLAGS and re.match(r"^-[\d.]", token):
            out[-1] = f"{out[-1]}={token}"
        else:
            out.append(token)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(_signed_values_joined(sys.argv[1:] if argv is None else argv))
        if args.lang is not None and args.command is not None:
            raise UsageError("argument --lang: only for the window, not with a command")
        if args.command == "presets":
            return _list_presets()
        if args.command == "arena":
            return _module_main("playground.cli.arena", args)
        if args.command == "predict":
            return _module_main("playground.cli.predict", args)
        if args.command == "bench":
            if args.memory:
                return _module_main("playground.cli.bench_memory", args)
            return _module_main("playground.gui.bench" if args.gui else "playground.cli.bench", args)
        experiment = experiment_from(args)
        if args.command == "train":
            return _module_main("playground.cli.train", args, experiment)
        if args.command == "landscape":
            return _module_main("playground.cli.landscape", args, experiment)
        if args.command in ("compare", "sweep", "export"):
            return _module_main(f"playground.cli.{args.command}", args, experiment)
        if args.command == "gradcheck":
            return _module_main("playground.analysis.gradcheck", args, experiment)
        if args.screenshot is None and args.train_seconds is not None:
            raise UsageError("argument --train-seconds: only with --screenshot")
        return _module_main("playground.gui.app", args, experiment)
    except (UsageError, ExperimentError) as error:
        # One line however the message was built: a newline or a huge echoed value would break that promise.
        print(f"playground: error: {clip(' '.join(str(error).split()), 2 * ECHO_CHARS)}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader of our output quit early (`| head`): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("playground: interrupted", file=sys.stderr)
        return 130


def _module_main(module: str, *args: Any) -> int:
    """Run a command's module; imported only when used, so the core never loads Qt for a headless command."""
    return importlib.import_module(module).run(*args)


def _list_presets() -> int:
    """Each preset's name and the first sentence of its description, in aligned columns."""
    listed = [(name, presets.load(name).description) for name in presets.names()]
    width = max((len(name) for name, _ in listed), default=0)
    for name, description in listed:
        first = description.split(". ")[0].rstrip(".")
        print(f"{name:{width}}  {first + '.' if first else ''}")
    return 0

