"""The engine's one-line messages (validation, CSV files, saved files) in the window's language.

The engine speaks English, so the command line and its tests read the same words. The window
matches a message against the engine's wordings below, translates the wording and fills in the
same values: field paths, file names, numbers and names stay as the engine wrote them. A
{problem} is itself a message, translated the same way, so prefixes nest ("preset x: data.noise:
must be ..."). A message no wording fits is shown in English rather than half translated.
"""
from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "EngineMessage"
NESTED = "problem"
# The most specific wordings first: "{field}: {problem}" would match nearly anything with a colon.
WORDINGS = (
    # pydantic's checks, as experiment.describe words them
    QT_TRANSLATE_NOOP("EngineMessage", "{problem} (got {value})"),
    QT_TRANSLATE_NOOP("EngineMessage", "must be greater than or equal to {limit}"),
    QT_TRANSLATE_NOOP("EngineMessage", "must be greater than {limit}"),
    QT_TRANSLATE_NOOP("EngineMessage", "must be less than or equal to {limit}"),
    QT_TRANSLATE_NOOP("EngineMessage", "must be less than {limit}"),
    QT_TRANSLATE_NOOP("EngineMessage", "must be a valid integer, got a number with a fractional part"),
    QT_TRANSLATE_NOOP("EngineMessage", "must be a valid integer, unable to parse string as an integer"),
    QT_TRANSLATE_NOOP("EngineMessage", "must be a valid integer"),
    QT_TRANSLATE_NOOP("EngineMessage", "must be a valid number, unable to parse string as a number"),
    QT_TRANSLATE_NOOP("EngineMessage", "must be a valid number"),
    QT_TRANSLATE_NOOP("EngineMessage", "must be a finite number"),
    QT_TRANSLATE_NOOP("EngineMessage", "must be a valid boolean, unable to interpret input"),
    QT_TRANSLATE_NOOP("EngineMessage", "must be a valid boolean"),
    QT_TRANSLATE_NOOP("EngineMessage", "must be a valid string"),
    QT_TRANSLATE_NOOP("EngineMessage", "must be a valid list"),
    QT_TRANSLATE_NOOP("EngineMessage", "must be a valid dictionary"),
    QT_TRANSLATE_NOOP("EngineMessage", "must be one of {choices} or {last}"),
    QT_TRANSLATE_NOOP("EngineMessage", "must be one of {choices}"),
    QT_TRANSLATE_NOOP("EngineMessage", "is not a field of the experiment"),
    QT_TRANSLATE_NOOP("EngineMessage", "Field required"),
    # the experiment's own checks
    QT_TRANSLATE_NOOP("EngineMessage", "optimizer '{name}' has no hyperparameter '{key}' (allowed: {allowed})"),
    QT_TRANSLATE_NOOP("EngineMessage", "schedule '{name}' has no hyperparameter '{key}' (allowed: {allowed})"),
    QT_TRANSLATE_NOOP("EngineMessage", "optimizer {key} must be between {low} and {high}, got {value}"),
    QT_TRANSLATE_NOOP("EngineMessage", "schedule {key} must be between {low} and {high}, got {value}"),
    QT_TRANSLATE_NOOP("EngineMessage", "unknown feature '{name}' (allowed: {allowed}, x1^k for k up to {power})"),
    QT_TRANSLATE_NOOP("EngineMessage", "unknown feature '{name}'"),
    QT_TRANSLATE_NOOP("EngineMessage", "a feature is listed twice"),
    QT_TRANSLATE_NOOP("EngineMessage", "train_fraction + val_fraction must be at most 1"),
    QT_TRANSLATE_NOOP("EngineMessage", "dataset 'csv' needs csv_path"),
    QT_TRANSLATE_NOOP("EngineMessage", "the 1-D curve has no x2: use x1, sin_x1 or powers x1^k"),
    QT_TRANSLATE_NOOP("EngineMessage", "batch norm needs batches of at least 2 examples (or 0: full batch)"),
    QT_TRANSLATE_NOOP("EngineMessage", "tf_playground trains as TF Playground does, with plain SGD; set training.optimizer.name to sgd"),
    QT_TRANSLATE_NOOP("EngineMessage", "must be two finite numbers"),
    QT_TRANSLATE_NOOP("EngineMessage", "feature '{name}' needs a second input column; this data has one"),
    QT_TRANSLATE_NOOP("EngineMessage", "this data has {count} input columns ({names}); they are the features"),
    # documents and files
    QT_TRANSLATE_NOOP("EngineMessage", "expected a JSON object"),
    QT_TRANSLATE_NOOP("EngineMessage", "this Neural Playground reads version {version}, the file says {found}"),
    QT_TRANSLATE_NOOP("EngineMessage", "not valid JSON: {reason} at line {line}, column {column}"),
    QT_TRANSLATE_NOOP("EngineMessage", "cannot read ({reason})"),
    QT_TRANSLATE_NOOP("EngineMessage", "unknown preset '{name}' (available: {names})"),
    QT_TRANSLATE_NOOP("EngineMessage", "preset {name}: {problem}"),
    QT_TRANSLATE_NOOP("EngineMessage", "no such file"),
    QT_TRANSLATE_NOOP("EngineMessage", "not a saved Neural Playground model ({kind})"),
    QT_TRANSLATE_NOOP("EngineMessage", "not a saved Neural Playground model"),
    QT_TRANSLATE_NOOP("EngineMessage", "its weights do not fit this network ({reason})"),
    QT_TRANSLATE_NOOP("EngineMessage", "cannot change without a reset (live: {live})"),
    # the training process (runtime.process_session)
    QT_TRANSLATE_NOOP("EngineMessage", "the training process stopped unexpectedly ({problem}); Play, Step or Reset starts a new one"),
    QT_TRANSLATE_NOOP("EngineMessage", "killed by signal {signal}"),
    QT_TRANSLATE_NOOP("EngineMessage", "exit code {code}"),
    QT_TRANSLATE_NOOP("EngineMessage", "the training session was closed"),
    # CSV files
    QT_TRANSLATE_NOOP("EngineMessage", "{name} line {line}, column '{column}': {problem}"),
    QT_TRANSLATE_NOOP("EngineMessage", "'{text}' is not a finite number"),
    QT_TRANSLATE_NOOP("EngineMessage", "'{text}' is not a number"),
    QT_TRANSLATE_NOOP("EngineMessage", "missing value"),
    QT_TRANSLATE_NOOP("EngineMessage", "missing label"),
    QT_TRANSLATE_NOOP("EngineMessage", "{name} line {line}: {problem}"),
    QT_TRANSLATE_NOOP("EngineMessage", "{count} values, the header has {columns} columns"),
    QT_TRANSLATE_NOOP("EngineMessage", "the header needs at least two columns (features and a label)"),
    QT_TRANSLATE_NOOP("EngineMessage", "column {index} has no name"),
    QT_TRANSLATE_NOOP("EngineMessage", "column '{column}' appears twice"),
    QT_TRANSLATE_NOOP("EngineMessage", "label column '{label}' is not in {name} (columns: {columns})"),
    QT_TRANSLATE_NOOP("EngineMessage", "{name} has more than {rows} rows"),
    QT_TRANSLATE_NOOP("EngineMessage", "{name} has a header but no data rows"),
    QT_TRANSLATE_NOOP("EngineMessage", "{name} is empty"),
    QT_TRANSLATE_NOOP("EngineMessage", "not a CSV file ({reason})"),
    QT_TRANSLATE_NOOP("EngineMessage", "the label column '{column}' has only one class ({value})"),
    # where: a field path, a file, a preset
    QT_TRANSLATE_NOOP("EngineMessage", "{field}: {problem}"),
)
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _pattern(wording: str) -> re.Pattern:
    parts = _PLACEHOLDER.split(wording)  # literal, name, literal, name, ..., literal
    return re.compile("".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts)), re.DOTALL)


_PATTERNS = tuple((wording, _pattern(wording)) for wording in WORDINGS)


def translated(message: str) -> str | None:
    """The message in the installed language, or None where no wording fits all of it."""
    for wording, pattern in _PATTERNS:
        match = pattern.fullmatch(message)
        if match is None:
            continue
        values = match.groupdict()
        if NESTED in values:
            values[NESTED] = translated(values[NESTED])
            if values[NESTED] is None:
                continue
        return QCoreApplication.translate(CONTEXT, wording).format(**values)
    return None


def text(message: str) -> str:
    """What the window shows for an engine message: translated where a wording fits, else as it came."""
    return translated(message) or message
