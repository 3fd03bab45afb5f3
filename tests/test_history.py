"""The bounded history: recent epochs whole, older ones thinned evenly, memory flat however long the run."""
from __future__ import annotations

import numpy as np
import pytest

from playground.training.history import HistoryBuffer, rows_after, rows_since


def record(epoch: int, layers: int = 3) -> dict:
    """A synthetic epoch whose every value can be recomputed from its epoch number."""
    e = float(epoch)
    return dict(epoch=e, step=25 * e, elapsed_s=0.01 * e, lr=0.03, train_loss=1 / e, val_loss=2 / e, test_loss=3 / e,
                train_accuracy=1 - 1 / e, val_accuracy=1 - 2 / e, test_accuracy=1 - 3 / e,
                grad_norm=np.full(layers, e), weight_norm=np.arange(layers) + e)


def filled(epochs: range, recent: int = 50, old: int = 40) -> HistoryBuffer:
    buffer = HistoryBuffer(3, capacity=8, recent=recent, old=old)
    for epoch in epochs:
        buffer.append(**record(epoch))
    return buffer


def test_a_short_run_keeps_every_epoch():
    view = filled(range(1, 120), recent=100, old=100).view()
    assert view.epoch.tolist() == list(range(1, 120))


@pytest.mark.parametrize("epochs", [181, 1000, 12_345])
def test_recent_epochs_stay_whole_and_older_ones_are_evenly_spaced_real_rows(epochs):
    buffer = filled(range(1, epochs + 1))
    view = buffer.view()
    assert len(view) <= buffer.max_rows
    kept = view.epoch.astype(int)
    assert kept[-1] == epochs and np.all(np.diff(kept) > 0)
    assert kept[-50:].tolist() == list(range(epochs - 49, epochs + 1))       # the latest 50: every epoch
    gaps = np.flatnonzero(np.diff(kept) > 1)
    thinned = kept[: gaps[-1] + 1] if len(gaps) else kept[:0]    # everything before the unbroken tail
    assert (len(thinned) > 0) == (epochs > buffer.max_rows)
    assert np.all(thinned % buffer.stride == 0) and len(thinned) <= 40
    # Every kept row is the record of its own epoch, not an average.
    for name, values in rows_since(view, 0).items():
        expected = np.array([record(e)[name] for e in kept])
        assert np.array_equal(values, expected), name


def test_the_thinned_part_covers_the_whole_run_at_one_spacing():
    buffer = filled(range(1, 100_001), recent=200, old=100)
    kept = buffer.view().epoch.astype(int)
    stride = buffer.stride
    old = kept[kept % stride == 0]
    old = old[old < kept[-1] - len(kept)]   # well before the rows kept whole
    assert old[0] == stride and np.all(np.diff(old) == stride)
    assert 100 / 2 <= 100_000 / stride <= 4 * 100        # the spacing fits about `old` rows over the run


def test_extend_keeps_the_same_rows_as_appending_one_at_a_time():
    one_by_one = filled(range(1, 5001))
    together = HistoryBuffer(3, capacity=8, recent=50, old=40)
    source = filled(range(1, 5001), recent=10**6, old=10**6).view()   # every row
    for start in range(0, 5000, 333):
        together.extend({name: column[start:start + 333] for name, column in rows_since(source, 0).items()})
    assert np.array_equal(together.view().epoch, one_by_one.view().epoch)
    assert np.array_equal(together.view().grad_norm, one_by_one.view().grad_norm)


def test_views_never_change_under_a_reader():
    buffer = filled(range(1, 91))
    view = buffer.view()
    before = view.epoch.copy()
    for epoch in range(91, 2000):
        buffer.append(**record(epoch))
    assert np.array_equal(view.epoch, before)
    with pytest.raises(ValueError):
        view.epoch[0] = 5


def test_rows_after_an_epoch_are_what_a_reader_lacks():
    view = filled(range(1, 3001)).view()
    tail = rows_after(view, float(view.epoch[-10]))
    assert tail["epoch"].tolist() == view.epoch[-9:].tolist()
    assert len(rows_after(view, 0.0)["epoch"]) == len(view)
