"""The loss and gradient charts over a long run whose history thins its old rows."""
from __future__ import annotations

import dataclasses

import fake_snapshots as fakes
import numpy as np

from playground.gui.views import LossView
from playground.gui.views.gradient_view import MAX_COLUMNS, GradientView, log_norms
from playground.training.history import HistoryBuffer


def _append(buffer: HistoryBuffer, epochs: range, grad_of) -> None:
    for e in epochs:
        buffer.append(epoch=e, step=10 * e, elapsed_s=e, lr=0.1, train_loss=1 / e, val_loss=1 / e, test_loss=1 / e,
                      train_accuracy=0.5, val_accuracy=0.5, test_accuracy=0.5, grad_norm=grad_of(e),
                      weight_norm=np.ones(3))


def test_the_gradient_heatmap_takes_in_each_epoch_once_across_thinnings(qtbot):
    view = GradientView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    base = fakes.binary_2d()
    buffer = HistoryBuffer(3, recent=100, old=50)
    rng = np.random.default_rng(0)
    grads = rng.uniform(1e-4, 1.0, (3001, 3))
    for serial, end in enumerate(range(37, 3001, 37), start=1):
        _append(buffer, range(end - 36, end + 1), lambda e: grads[e])
        view.render(dataclasses.replace(base, history=buffer.view(), serial=serial))
    taken = end                                                  # epochs 1 .. end, each appended once
    assert buffer.stride > 1 and len(buffer.view()) < taken       # the history did thin
    assert view._bins.rows == taken                              # yet every epoch went into the bins once
    image = view.image.image
    assert len(image) <= MAX_COLUMNS
    stride = view._bins.stride
    whole = len(image) - (taken % stride > 0)
    expected = log_norms(grads[1:1 + whole * stride]).reshape(whole, stride, 3).mean(axis=1)
    assert np.allclose(image[:whole], expected)


def test_the_loss_chart_draws_at_most_the_rows_the_history_keeps(qtbot):
    view = LossView()
    qtbot.addWidget(view)
    view.show()
    buffer = HistoryBuffer(3, recent=100, old=50)
    _append(buffer, range(1, 20_001), lambda e: np.ones(3))
    view.render(dataclasses.replace(fakes.binary_2d(), history=buffer.view(), serial=1))
    x, y = view.loss_curves["train"].getData()
    assert len(x) == len(buffer.view()) <= buffer.max_rows and x[-1] == 20_000
    assert np.array_equal(y, 1 / x)
