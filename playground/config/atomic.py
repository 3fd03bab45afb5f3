"""Saves that never leave half a file: write beside the target, flush, fsync, then rename over it.

A failure at any point (disk full, a file-size limit, a name the file system cannot
encode) leaves the old file as it was, removes the temporary one, and raises
ExperimentError with one line naming the file.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from playground.config.errors import ExperimentError
from playground.config.limits import clip

Writer = Callable[[BinaryIO], None]
_UMASK = os.umask(0o022)  # the only way to read the umask is to set it; set it straight back
os.umask(_UMASK)


def write_atomic(path: str | Path, content: bytes | bytearray | memoryview | Writer) -> None:
    """Replace `path` with `content` (bytes, or a function that writes to a binary file) in one rename."""
    target = Path(path)
    temporary: str | None = None
    try:
        # Same folder: a rename within one file system is atomic; across them it is a copy.
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.chmod(temporary, _mode_for(target))  # mkstemp makes the file private; a save keeps the usual mode
        with os.fdopen(handle, "wb") as out:
            if isinstance(content, bytes | bytearray | memoryview):
                out.write(content)
            else:
                content(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
        temporary = None
        _sync_folder(target.parent)
    except (OSError, UnicodeError, RuntimeError) as error:  # torch.save reports write failures as RuntimeError
        raise ExperimentError(f"{clip(str(path))}: cannot write ({_reason(error)})") from None
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass  # nothing more can be done; the target itself is untouched


def _mode_for(target: Path) -> int:
    """The replaced file's permissions, or what a plain open() would give a new file."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_UMASK


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; some file systems cannot open a folder for this, which is harmless."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _reason(error: BaseException) -> str:
    if isinstance(error, UnicodeError):
        return "the name cannot be encoded"
    lines = str(error).splitlines()
    return clip(getattr(error, "strerror", None) or (lines[0] if lines else type(error).__name__))
