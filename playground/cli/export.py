"""`playground export`: the experiment (or a saved model, continued) as one standalone PyTorch script."""
from __future__ import annotations

import sys

from playground.analysis.export import export
from playground.cli.train import _check_writable
from playground.config.atomic import write_atomic
from playground.config.experiment import Experiment
from playground.training.trainer import Trainer


def run(args, experiment: Experiment) -> int:
    _check_writable("out", args.out)  # before the data load, which can take a while for a big table
    trainer = Trainer.load(args.load, experiment) if args.load else Trainer(experiment)
    script = export(trainer)
    write_atomic(args.out, script.encode("utf-8"))
    print(f"wrote {args.out}: run it with `python {args.out}`", file=sys.stderr)
    return 0
