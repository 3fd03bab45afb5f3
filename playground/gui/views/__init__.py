"""Qt widgets that draw a training Snapshot: plain numpy in, pixels out, no training logic.

Each view has render(snapshot), which skips a snapshot whose serial it has drawn, and clear(),
to call when a new session starts (serials count per session).
"""
from .data_thumbnails import DatasetPicker, FeatureToggles
from .gradient_view import GradientView
from .loss_view import LossView
from .network_layout import MAX_DRAWN_NEURONS
from .network_view import NetworkView
from .output_view import OutputView

__all__ = ["DatasetPicker", "FeatureToggles", "GradientView", "LossView", "MAX_DRAWN_NEURONS", "NetworkView", "OutputView"]
