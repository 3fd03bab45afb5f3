"""`playground compare`: variants of the experiment trained at once; per-epoch JSON lines or a closing table."""
from __future__ import annotations

import json
import sys

from tqdm import tqdm

from playground.analysis.compare import Race, grid, outcome, parse_value, variant
from playground.cli.interrupt import STOPPED, stop_requests
from playground.cli.train import epoch_record, final_record
from playground.config.experiment import Experiment, ExperimentError
from playground.diagnosis.bias_variance import diagnose


def run(args, experiment: Experiment) -> int:
    combos = grid(varied(args.vary))
    if len(combos) < 2:
        raise ExperimentError("argument --vary: a comparison needs at least two variants")
    race = Race([variant(experiment, combo) for combo in combos])
    with stop_requests() as stopped, tqdm(total=race.epochs, unit="epoch", disable=args.quiet or None,
                                          file=sys.stderr, dynamic_ncols=True) as bar:
        for epoch in race.train(stopped):
            if args.json:
                for i, (combo, trainer) in enumerate(zip(combos, race.trainers)):
                    if trainer.epoch == epoch and len(trainer.history.view()) == epoch:
                        _print({"variant": i, **_shown(combo), **epoch_record(trainer)})
            bar.update(epoch - bar.n)
    finals = [{**final_record(trainer, diagnose(trainer)), "state": outcome(race, trainer)} for trainer in race.trainers]
    for i, (combo, final) in enumerate(zip(combos, finals)):
        if args.json:
            _print({"variant": i, **_shown(combo), **final})
    if not args.json:
        print(_table(combos, finals, race))
    if stopped():
        print(STOPPED, file=sys.stderr)
        return 130
    return 0


def varied(specs: list[str] | None) -> dict[str, list]:
    """--vary FIELD=v1,v2 flags as {field: [values]}, each value read and checked by the field's type."""
    axes: dict[str, list] = {}
    for spec in specs or []:
        field, sep, values = spec.partition("=")
        field = field.strip().replace("-", "_")
        if not sep or not values.strip():
            raise ExperimentError(f"argument --vary: expected FIELD=v1,v2,..., got {spec!r}")
        if field in axes:
            raise ExperimentError(f"argument --vary: {field} is varied twice")
        axes[field] = [parse_value(field, text) for text in values.split(",")]
    if not axes:
        raise ExperimentError("argument --vary: give at least one, like --vary optimizer=sgd,adam")
    return axes


def _shown(combo: dict) -> dict:
    return {field: "-".join(map(str, value)) if isinstance(value, list) else value for field, value in combo.items()}


def _table(combos: list[dict], finals: list[dict], race: Race) -> str:
    number = lambda value, digits: "-" if value is None else f"{value:.{digits}f}"
    labels = [", ".join(f"{k}={v}" for k, v in _shown(combo).items()) for combo in combos]
    width = max(len(label) for label in labels)
    lines = [f"{'variant':{width}}  epochs  train loss  val loss  val acc  state"]
    for label, final, trainer in zip(labels, finals, race.trainers):
        lines.append(f"{label:{width}}  {trainer.epoch:6d}  {number(final.get('train_loss'), 4):>10}  "
                     f"{number(final.get('val_loss'), 4):>8}  {number(final.get('val_accuracy'), 3):>7}  {final['state']}")
    return "\n".join(lines)


def _print(record: dict) -> None:
    print(json.dumps(record, separators=(",", ":")), flush=True)
