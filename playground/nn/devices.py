"""Which torch device an experiment's `device` names, and which this machine really has."""
from __future__ import annotations

import torch

from playground.config.notices import Notice


def _has_mps() -> bool:
    backend = getattr(torch.backends, "mps", None)
    return bool(backend and backend.is_available())


def resolve(requested: str) -> tuple[torch.device, str | None]:
    """The device to train on and, when the requested one is missing, a message saying so."""
    if requested == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda"), None
        if _has_mps():
            return torch.device("mps"), None
        return torch.device("cpu"), None
    if (requested == "cuda" and not torch.cuda.is_available()) or (requested == "mps" and not _has_mps()):
        return torch.device("cpu"), Notice("device_missing", {"device": requested}).text
    return torch.device(requested), None


def available() -> list[tuple[str, str]]:
    """(value, label) for each device choice this machine has, 'auto' first; CUDA by name."""
    choices = [("auto", "auto"), ("cpu", "CPU")]
    if torch.cuda.is_available():
        choices.append(("cuda", f"CUDA: {torch.cuda.get_device_name(0)}"))
    if _has_mps():
        choices.append(("mps", "Apple MPS"))
    return choices


def use_one_cpu_thread() -> None:
    """Run torch's CPU ops on one thread.

    The networks here are tiny: splitting a 250-element op across threads costs
    more in hand-offs than it saves, ten times more on a busy two-core machine,
    and the window's own thread needs the other core.
    """
    if torch.get_num_threads() != 1:
        torch.set_num_threads(1)
