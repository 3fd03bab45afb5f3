"""`playground export`: the experiment (or a saved model, continued) as one standalone PyTorch script."""
from __future__ import annotations

import sys

from playground.analysis.export import script_for
from playground.cli.train import _check_writable
from playground.config.atomic import write_atomic
from playground.config.experiment import Experiment, ExperimentError


def run(args, experiment: Experiment) -> int:
    _check_writable("out", args.out)  # before the data load, which can take a while for a big table
    script = script_for(experiment, args.load)
    try:
        write_atomic(args.out, script.encode("utf-8"))
    except ExperimentError as error:
        raise ExperimentError(f"--out {error}") from None
    print(f"wrote {args.out}: run it with `python {args.out}`", file=sys.stderr)
    return 0
