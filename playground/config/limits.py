"""Bounds on what the app reads: file kinds and sizes, JSON nesting and number lengths, echoed text.

Every limit ends in ExperimentError with one line, before the input can take much
memory or time, so a wrong file (/dev/zero, a 10 GB log) costs nothing.
"""
from __future__ import annotations

import json
import math
import os
import stat
from pathlib import Path
from typing import Any

from playground.config.errors import ExperimentError

MAX_JSON_BYTES = 16 * 2**20
MAX_CSV_BYTES = 512 * 2**20
MAX_JSON_DEPTH = 32  # an experiment nests 5 deep; the slack is for hand-written files
MAX_NUMBER_CHARS = 64  # a float64 needs at most 24 characters
ECHO_CHARS = 200


def clip(text: str, limit: int = ECHO_CHARS) -> str:
    """`text` cut to about `limit` characters, saying how much was left out, so a huge value never floods a message;
    lone surrogates (from a name the file system could not decode) written as escapes, so the text can be printed."""
    text = str(text).encode("utf-8", "backslashreplace").decode("utf-8")
    if len(text) <= limit:
        return text
    return f"{text[:limit]}\u2026 ({len(text) - limit:,} more characters)"


def check_file(path: str | Path, limit: int) -> None:
    """Refuse, before reading, anything that is not a regular file or is larger than `limit` bytes."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise ExperimentError("cannot read (no such file)") from None
    except (OSError, ValueError, UnicodeError) as error:
        raise ExperimentError(f"cannot read ({getattr(error, 'strerror', None) or error})") from None
    if not stat.S_ISREG(info.st_mode):
        raise ExperimentError("cannot read (not a regular file)")
    if info.st_size > limit:
        raise ExperimentError(f"cannot read (the file is {size_text(info.st_size)}, more than the limit of {size_text(limit)})")


def read_text(path: str | Path, limit: int = MAX_JSON_BYTES) -> str:
    """A bounded UTF-8 text file; ExperimentError names why it cannot be read."""
    check_file(path, limit)
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)  # the file may have grown since stat
    except OSError as error:
        raise ExperimentError(f"cannot read ({error.strerror or error})") from None
    if len(data) > limit:
        raise ExperimentError(f"cannot read (the file is more than the limit of {size_text(limit)})")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ExperimentError(f"cannot read (not UTF-8 text: byte {error.start})") from None


def loads(text: str) -> Any:
    """json.loads with bounded nesting and number lengths and no lone surrogates; ExperimentError or JSONDecodeError."""
    try:
        value = json.loads(text, parse_int=_parse_int, parse_float=_parse_float, parse_constant=_no_constant)
    except RecursionError:
        raise ExperimentError(f"nested more than {MAX_JSON_DEPTH} levels deep") from None
    _check_tree(value, 0)
    return value


def _parse_int(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise ExperimentError(f"a number has {len(text):,} digits, more than the limit of {MAX_NUMBER_CHARS}")
    return int(text)


def _parse_float(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS:
        raise ExperimentError(f"a number has {len(text):,} characters, more than the limit of {MAX_NUMBER_CHARS}")
    return float(text)


def _no_constant(name: str) -> float:
    raise ExperimentError(f"{name} is not a JSON number")


def _check_tree(value: Any, depth: int) -> None:
    if depth > MAX_JSON_DEPTH:
        raise ExperimentError(f"nested more than {MAX_JSON_DEPTH} levels deep")
    if isinstance(value, str):
        _check_text(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_text(key)
            _check_tree(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            _check_tree(item, depth + 1)


def _check_text(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ExperimentError(f"the text {clip(ascii(text), 60)} holds a lone surrogate (\\ud800-\\udfff), "
                              "which is not a character") from None


def size_text(count: float) -> str:
    """A byte count for people: 512 bytes, 3.0 MiB, 1.5 GiB."""
    if count < 1024:
        return f"{int(count):,} bytes"
    exponent = min(3, int(math.log(count, 1024)))
    return f"{count / 1024 ** exponent:.1f} {('KiB', 'MiB', 'GiB')[exponent - 1]}"
