"""Qt widgets that draw a training Snapshot: plain numpy in, pixels out, no training logic.

Each view has render(snapshot), which skips a snapshot whose serial it has drawn, and clear(),
to call when a new session starts (serials count per session).
"""
from playground.gui.views.data_thumbnails import DatasetPicker, FeatureToggles
from playground.gui.views.gradient_view import GradientView
from playground.gui.views.loss_view import LossView
from playground.gui.views.network_layout import MAX_DRAWN_NEURONS
from playground.gui.views.network_view import NetworkView
from playground.gui.views.output_view import OutputView

__all__ = ["DatasetPicker", "FeatureToggles", "GradientView", "LossView", "MAX_DRAWN_NEURONS", "NetworkView", "OutputView"]
