"""`playground train`: train headless with a progress bar, per-epoch metrics and a closing summary."""
from __future__ import annotations

import json
import os
import sys
from contextlib import ExitStack
from pathlib import Path

from tqdm import tqdm

from playground.config.experiment import Experiment, ExperimentError
from playground.diagnosis.bias_variance import describe_verdict, diagnose
from playground.training.trainer import Trainer


def run(args, experiment: Experiment) -> int:
    if args.save:
        _check_writable(args.save)  # before training, not after minutes of it
    trainer = Trainer.load(args.load, experiment) if args.load else Trainer(experiment)
    if trainer.device_message:
        print(f"playground: {trainer.device_message}", file=sys.stderr)
    target = trainer.epoch + experiment.training.epochs if args.load else experiment.training.epochs
    with ExitStack() as stack:
        metrics = stack.enter_context(_open(args.metrics)) if args.metrics else None
        bar = stack.enter_context(tqdm(total=target, initial=trainer.epoch, unit="epoch", disable=args.quiet or None,
                                       file=sys.stderr, dynamic_ncols=True))

        def on_epoch(t: Trainer) -> None:
            row = len(t.history.view()) - 1
            record = metrics_record(t, row)
            if metrics is not None:
                metrics.write(_dumps(record) + "\n")
            bar.update(1)
            bar.set_postfix_str(_progress_text(record), refresh=False)

        trainer.train(target, on_epoch)
        diagnosis = diagnose(trainer)
        final = final_record(trainer, diagnosis)
        if metrics is not None:
            metrics.write(_dumps(final) + "\n")
    if args.save:
        try:
            trainer.save(args.save)
        except (OSError, RuntimeError) as error:  # torch.save reports a missing folder as RuntimeError
            raise ExperimentError(f"--save {args.save}: cannot write ({str(error).splitlines()[0]})") from None
    print(_summary(trainer, final, diagnosis))
    return 1 if trainer.state == "diverged" else 0


def _check_writable(path: str) -> None:
    folder = Path(path).resolve().parent
    if not folder.is_dir():
        raise ExperimentError(f"--save {path}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise ExperimentError(f"--save {path}: the folder {folder} is not writable")


def _open(path: str):
    try:
        return open(path, "w", encoding="utf-8")
    except OSError as error:
        raise ExperimentError(f"--metrics {path}: cannot write ({error.strerror or error})") from None


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


def final_record(trainer: Trainer, diagnosis: dict) -> dict:
    """The last epoch's record, the outcome and the diagnosis; after early stopping, the restored model's numbers."""
    snapshot_row = len(trainer.history.view()) - 1
    last = metrics_record(trainer, snapshot_row) if snapshot_row >= 0 else {}
    last.pop("layers", None)
    if trainer.state == "early_stopped":
        for split in ("train", "val", "test"):
            loss, accuracy = trainer.evaluate(split)
            last[f"{split}_loss"], last[f"{split}_accuracy"] = finite(loss), accuracy
    numbers = {key: finite(value) if isinstance(value, float) else value for key, value in diagnosis.items()}
    return {"final": True, **last, "state": _outcome(trainer), "message": trainer.message, "diagnosis": numbers}


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
    if trainer.message:
        lines.append(trainer.message)
    lines.append(describe_verdict(diagnosis))
    return "\n".join(lines)


def finite(value: float) -> float | None:
    """JSON has no NaN: a missing or non-finite number is null."""
    value = float(value)
    return value if value == value and abs(value) != float("inf") else None


def _dumps(record: dict) -> str:
    return json.dumps(record, separators=(",", ":"))
