"""The engine's notices (notices.TEMPLATES) in the user's language.

The core cannot call tr(): it hands out a kind and its values, and the same
English templates are listed here for lupdate, so translators see them.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from playground.config.notices import TEMPLATES, Notice

CONTEXT = "Notice"
# One entry per notices.TEMPLATES kind; a test keeps the two tables equal.
TRANSLATABLE = {
    # Adjacent literals without parentheses: lupdate skips a parenthesized text.
    "diverged": QT_TRANSLATE_NOOP("Notice",
                                  "Training diverged at step {step} (epoch {epoch}): the loss or a gradient became NaN or "
                                  "infinite. Likely cause: a learning rate too high (now {lr:g}) or exploding gradients; try a "
                                  "smaller learning rate, gradient clipping, batch norm or a smaller initialization."),
    "early_stopped": QT_TRANSLATE_NOOP("Notice",
                                       "Early stopping at epoch {epoch}: validation loss has not improved for {patience} epochs; "
                                       "restored the weights of epoch {best_epoch} (validation loss {best_loss:.4g})."),
    "device_missing": QT_TRANSLATE_NOOP("Notice", "device '{device}' is not available on this machine; training on the CPU"),
}


def text(notice: Notice) -> str:
    """The notice's sentence, translated where a translation is installed."""
    template = TRANSLATABLE.get(notice.kind, TEMPLATES[notice.kind])
    return QCoreApplication.translate(CONTEXT, template).format(**notice.values)
