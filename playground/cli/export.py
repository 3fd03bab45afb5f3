"""`playground export`: the experiment (or a saved model, continued) as one standalone PyTorch script."""
from __future__ import annotations

import sys
from pathlib import Path

from playground.analysis.export import export
from playground.cli.train import _check_writable
from playground.config.atomic import write_atomic
from playground.config.experiment import Experiment, ExperimentError
from playground.config.limits import clip
from playground.training.trainer import Trainer


def run(args, experiment: Experiment) -> int:
    _check_writable("out", args.out)  # before the data load, which can take a while for a big table
    data = experiment.data
    if data.dataset == "csv" and not Path(data.csv_path).is_file():
        # The script embeds the data: without the file there is nothing to embed.
        raise ExperimentError(f"data.csv_path: {clip(data.csv_path)} does not exist; the script embeds its rows")
    trainer = Trainer.load(args.load, experiment) if args.load else Trainer(experiment)
    script = export(trainer)
    try:
        write_atomic(args.out, script.encode("utf-8"))
    except ExperimentError as error:
        raise ExperimentError(f"--out {error}") from None
    print(f"wrote {args.out}: run it with `python {args.out}`", file=sys.stderr)
    return 0
