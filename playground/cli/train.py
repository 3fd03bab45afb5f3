"""`playground train`: train headless with a progress bar, per-epoch metrics and a closing summary."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import BinaryIO

from tqdm import tqdm

from playground.config.atomic import write_atomic
from playground.config.experiment import Experiment, ExperimentError
from playground.config.limits import clip
from playground.diagnosis.bias_variance import describe_verdict, diagnose
from playground.training.trainer import Trainer


def run(args, experiment: Experiment) -> int:
    for flag in ("save", "metrics"):  # before training, not after minutes of it
        if getattr(args, flag):
            _check_writable(flag, getattr(args, flag))
    trainer = Trainer.load(args.load, experiment) if args.load else Trainer(experiment)
    if trainer.device_message:
        print(f"playground: {trainer.device_message}", file=sys.stderr)
    target = trainer.epoch + experiment.training.epochs if args.load else experiment.training.epochs
    outcome: dict = {}
    failure: ExperimentError | None = None
    try:
        if args.metrics:
            # Into a temporary file renamed at the end: a failed or interrupted run leaves the old metrics as they were.
            write_atomic(args.metrics, lambda out: outcome.update(_train(args, trainer, target, out)))
        else:
            outcome.update(_train(args, trainer, target, None))
    except ExperimentError as error:  # the metrics could not be written: the run stops, its model is still saved
        failure = ExperimentError(f"--metrics {error}; training stopped after epoch {trainer.epoch}")
    if args.save:
        try:
            trainer.save(args.save)
        except ExperimentError as error:
            raise ExperimentError(f"{f'{failure}; ' if failure else ''}--save {error}") from None
    if failure is not None:
        raise ExperimentError(f"{failure}{f', the model is saved in {args.save}' if args.save else ''}")
    print(_summary(trainer, outcome["final"], outcome["diagnosis"]))
    return 1 if trainer.state == "diverged" else 0


def _train(args, trainer: Trainer, target: int, metrics: BinaryIO | None) -> dict:
    """Train to `target` epochs with a progress bar, writing each epoch's record and the final one to `metrics`."""
    write = (lambda record: metrics.write((_dumps(record) + "\n").encode("utf-8"))) if metrics is not None else None
    with tqdm(total=target, initial=trainer.epoch, unit="epoch", disable=args.quiet or None,
              file=sys.stderr, dynamic_ncols=True) as bar:

        def on_epoch(t: Trainer) -> None:
            record = metrics_record(t, len(t.history.view()) - 1)
            if write is not None:  # only then: the metrics cost a forward pass of every split
                write(epoch_record(t))
            bar.update(1)
            bar.set_postfix_str(_progress_text(record), refresh=False)

        trainer.train(target, on_epoch)
    diagnosis = diagnose(trainer)
    final = final_record(trainer, diagnosis)
    if write is not None:
        write(final)
    return {"final": final, "diagnosis": diagnosis}


def _check_writable(flag: str, path: str) -> None:
    shown = clip(path)
    try:
        path.encode(sys.getfilesystemencoding(), "surrogateescape")
        folder = Path(path).resolve().parent
        if Path(path).is_dir():
            raise ExperimentError(f"--{flag} {shown}: is a folder, not a file")
        if not folder.is_dir():
            raise ExperimentError(f"--{flag} {shown}: the folder {clip(str(folder))} does not exist")
        if not os.access(folder, os.W_OK):
            raise ExperimentError(f"--{flag} {shown}: the folder {clip(str(folder))} is not writable")
    except ExperimentError:
        raise
    except (UnicodeError, OSError, ValueError) as error:
        raise ExperimentError(f"--{flag} {shown}: not a usable file name ({type(error).__name__})") from None


def metrics_record(trainer: Trainer, row: int) -> dict:
    """One epoch of the history as the --metrics JSON object."""
    h = trainer.history.view()
    acc = lambda column: None if trainer.task == "regression" else finite(column[row])
    return {
        "epoch": int(h.epoch[row]), "step": int(h.step[row]), "elapsed_s": round(float(h.elapsed_s[row]), 6),
        "lr": float(h.lr[row]), "train_loss": finite(h.train_loss[row]), "val_loss": finite(h.val_loss[row]),
        "test_loss": finite(h.test_loss[row]),
        "train_accuracy": acc(h.train_accuracy), "val_accuracy": acc(h.val_accuracy),
        "test_accuracy": acc(h.test_accuracy),
        "layers": [
            {"name": name, "grad_norm": finite(h.grad_norm[row, i]), "weight_norm": finite(h.weight_norm[row, i])}
            for i, name in enumerate(trainer.layer_names())
        ],
    }


def epoch_record(trainer: Trainer) -> dict:
    """The epoch just completed as a --metrics line: its history row, then the model's metrics per split."""
    return metrics_record(trainer, len(trainer.history.view()) - 1) | _finite_values(trainer.metrics())


def final_record(trainer: Trainer, diagnosis: dict) -> dict:
    """The last epoch's record, the outcome and the diagnosis; after early stopping, the restored model's numbers."""
    snapshot_row = len(trainer.history.view()) - 1
    last = metrics_record(trainer, snapshot_row) if snapshot_row >= 0 else {}
    last.pop("layers", None)
    if trainer.state == "early_stopped":
        for split in ("train", "val", "test"):
            loss, accuracy = trainer.evaluate(split)
            last[f"{split}_loss"], last[f"{split}_accuracy"] = finite(loss), accuracy
    last.update(_finite_values(trainer.metrics()))
    return {"final": True, **last, "state": _outcome(trainer), "message": trainer.message,
            "diagnosis": _finite_values(diagnosis)}


def _outcome(trainer: Trainer) -> str:
    """finished, diverged or early_stopped."""
    return trainer.state if trainer.finished else "finished"


def _progress_text(record: dict) -> str:
    text = f"loss {record['train_loss']:.4f}/{record['val_loss']:.4f}" if record["val_loss"] is not None \
        else f"loss {record['train_loss']}"
    if record["val_accuracy"] is not None:
        text += f" acc {record['val_accuracy']:.3f}"
    return text


def _summary(trainer: Trainer, final: dict, diagnosis: dict) -> str:
    """The closing lines: outcome, the final record's losses and accuracies, why it stopped, the diagnosis."""
    number = lambda value, digits: "nan" if value is None else f"{value:.{digits}f}"
    lines = [f"{_outcome(trainer).replace('_', ' ')}: {trainer.epoch} epochs, {trainer.step_count} steps in {trainer.elapsed:.1f} s"]
    if "train_loss" in final:
        lines.append(f"loss: train {number(final['train_loss'], 4)}, validation {number(final['val_loss'], 4)}")
        if trainer.task != "regression":
            lines.append(f"accuracy: train {number(final['train_accuracy'], 3)}, "
                         f"validation {number(final['val_accuracy'], 3)}")
        for name, key, digits in (("macro F1", "f1", 3), ("R²", "r2", 3), ("RMSE", "rmse", 4)):
            if f"train_{key}" in final:
                lines.append(f"{name}: train {number(final[f'train_{key}'], digits)}, "
                             f"validation {number(final.get(f'val_{key}'), digits)}")
    if trainer.message:
        lines.append(trainer.message)
    lines.append(describe_verdict(diagnosis))
    return "\n".join(lines)


def _finite_values(values: dict) -> dict:
    return {key: finite(value) if isinstance(value, float) else value for key, value in values.items()}


def finite(value: float) -> float | None:
    """JSON has no NaN: a missing or non-finite number is null."""
    value = float(value)
    return value if value == value and abs(value) != float("inf") else None


def _dumps(record: dict) -> str:
    return json.dumps(record, separators=(",", ":"))
