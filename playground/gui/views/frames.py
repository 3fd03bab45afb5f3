"""When a snapshot is one a view has drawn already."""
from __future__ import annotations

from playground.training.snapshot import Snapshot


def already_drawn(snapshot: Snapshot, drawn: Snapshot | None) -> bool:
    """The same frame again: a serial names a frame within one session, and a new session
    (which may count serials afresh) comes with a new history."""
    return drawn is not None and snapshot.serial == drawn.serial and snapshot.history is drawn.history
