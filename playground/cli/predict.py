"""`playground predict`: a saved model's predictions for a CSV file or one of its own splits, as a CSV file.

Columns: the model's raw inputs, y_true where the labels are known, y_pred (a class name or a
value), and for classifiers one probability column per class, p_<class>. The file appears
whole or not at all: it is written beside the target, flushed to disk, then renamed over it.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
import torch

from playground.config.atomic import write_atomic
from playground.config.experiment import ExperimentError
from playground.data import datasets
from playground.nn.model import predict
from playground.training.trainer import Trainer

# The label column a prediction CSV may carry when the model did not learn from a CSV file.
DEFAULT_LABEL = "label"


def run(args) -> int:
    trainer = Trainer.load(args.load)
    names = trainer.dataset.input_names
    if args.csv:
        x, y_true = _from_csv(args.csv, names, _label_name(trainer), trainer)
    else:
        x, y_true = getattr(trainer.dataset, f"x_{args.split}"), getattr(trainer.dataset, f"y_{args.split}")
    table = prediction_table(trainer, x, y_true)
    _write_table(args.out, table)
    print(f"{args.out}: {len(x)} predictions")
    return 0


def _label_name(trainer: Trainer) -> str:
    spec = trainer.experiment.data
    if spec.label_column:
        return spec.label_column
    if spec.dataset == "csv":
        return datasets.read_columns(spec.csv_path)[0][-1]  # training took the last column
    return DEFAULT_LABEL


def _from_csv(path: str, inputs: tuple[str, ...], label: str, trainer: Trainer) -> tuple[np.ndarray, np.ndarray | None]:
    """The model's input columns of a CSV file, and its labels as the model's class indices (or values)."""
    header, lines, columns = datasets.read_columns(path)
    name = Path(path).name
    missing = [column for column in inputs if column not in header]
    if missing:
        raise ExperimentError(f"{name} lacks the model's input columns: {', '.join(missing)}")
    x = np.column_stack([datasets.numeric_column(columns[header.index(c)], lines, name, c) for c in inputs])
    if label not in header:
        return x, None
    texts = [text.strip() for text in columns[header.index(label)]]
    if trainer.task == "regression":
        return x, datasets.numeric_column(texts, lines, name, label)
    index = {c: i for i, c in enumerate(trainer.dataset.class_names)}
    unknown = next(((line, t) for line, t in zip(lines, texts) if t not in index), None)
    if unknown is not None:
        raise ExperimentError(f"{name} line {unknown[0]}, column '{label}': '{unknown[1]}' is not one of the model's "
                              f"classes ({', '.join(trainer.dataset.class_names)})")
    return x, np.array([index[t] for t in texts], np.int64)


@torch.no_grad()
def prediction_table(trainer: Trainer, x: np.ndarray, y_true: np.ndarray | None) -> list[list[str]]:
    """Header and rows: inputs, y_true (when known), y_pred and, for classifiers, p_<class> per class."""
    trainer.net.set_training(False)
    output = predict(trainer.task, trainer.net(trainer.to_inputs(x)), trainer.net.loss).cpu().double().numpy()
    classes = trainer.dataset.class_names
    if trainer.task == "binary":
        output = np.column_stack([1.0 - output, output])
    header = list(trainer.dataset.input_names) + (["y_true"] if y_true is not None else []) + ["y_pred"]
    if trainer.task == "regression":
        predicted = [_number(v) for v in output]
        truth = [_number(v) for v in y_true] if y_true is not None else None
    else:
        header += [f"p_{c}" for c in classes]
        # Ties go to the first class, as argmax and accuracy() break them.
        predicted = [classes[i] for i in output.argmax(axis=1)]
        truth = [classes[i] for i in y_true] if y_true is not None else None
    rows = []
    for i, point in enumerate(x):
        row = [_number(v) for v in point] + ([truth[i]] if truth is not None else []) + [predicted[i]]
        if trainer.task != "regression":
            row += [_number(p) for p in output[i]]
        rows.append(row)
    return [header] + rows


def _number(value: float) -> str:
    return repr(float(value))


def _write_table(path: str, table: list[list[str]]) -> None:
    """The table as CSV, written atomically (config.atomic); a missing folder is named as --out's."""
    folder = Path(path).resolve().parent
    if not folder.is_dir():
        raise ExperimentError(f"--out {path}: the folder {folder} does not exist")
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(table)
    write_atomic(path, buffer.getvalue().encode("utf-8"))
