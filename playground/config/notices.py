"""Why training stopped or changed course: a stable kind and the values its sentence needs.

The engine is Qt-free and speaks English (the command line prints `text`); the
window translates TEMPLATES[kind] in the CONTEXT below and fills in `values`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from playground.config.texts import QT_TRANSLATE_NOOP

CONTEXT = "Notice"  # the translation context of TEMPLATES
TEMPLATES = {
    "diverged": QT_TRANSLATE_NOOP("Notice", "Training diverged at step {step} (epoch {epoch}): the loss or a "
                                  "gradient became NaN or infinite. Likely cause: a learning rate too high (now {lr:g}) "
                                  "or exploding gradients; try a smaller learning rate, gradient clipping, batch norm "
                                  "or a smaller initialization."),
    "early_stopped": QT_TRANSLATE_NOOP("Notice", "Early stopping at epoch {epoch}: validation loss has not improved "
                                       "for {patience} epochs; restored the weights of epoch {best_epoch} "
                                       "(validation loss {best_loss:.4g})."),
    "device_missing": QT_TRANSLATE_NOOP("Notice", "device '{device}' is not available on this machine; training on "
                                        "the CPU"),
}


@dataclass(frozen=True)
class Notice:
    kind: str                                   # a key of TEMPLATES
    values: dict = field(default_factory=dict)  # plain numbers and names

    @property
    def text(self) -> str:
        """The English sentence."""
        return TEMPLATES[self.kind].format(**self.values)
