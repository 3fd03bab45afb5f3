"""Messages carry a stable kind and their values, so the window can translate them."""
import pytest

from playground.config.notices import TEMPLATES, Notice
from playground.training.trainer import Trainer


def test_the_english_text_fills_in_the_values():
    notice = Notice("early_stopped", {"epoch": 40, "patience": 10, "best_epoch": 30, "best_loss": 0.123456})
    assert notice.text.startswith("Early stopping at epoch 40") and "epoch 30" in notice.text and "0.1235" in notice.text


def test_a_diverged_trainer_hands_out_its_notice(tiny_experiment):
    trainer = Trainer(tiny_experiment(epochs=3, **{"training.optimizer.lr": 100.0, "network.init.scheme": "normal",
                                                  "network.init.scale": 50.0,
                                                  "network.layers": [{"units": 8, "activation": "relu"}] * 4}))
    trainer.train()
    assert trainer.state == "diverged"
    snapshot = trainer.snapshot(grid=False)
    assert snapshot.notice.kind in ("diverged", "loss_blew_up") and snapshot.notice.values["step"] == trainer.step_count
    assert snapshot.message == snapshot.notice.text


@pytest.mark.parametrize("kind", sorted(TEMPLATES))
def test_every_template_names_only_values_it_is_given(kind):
    values = {"diverged": {"step": 1, "epoch": 1, "lr": 0.1},
              "loss_blew_up": {"step": 1, "epoch": 2, "lr": 0.1, "loss": 20.0, "chance": 0.69, "best": 0.5},
              "early_stopped": {"epoch": 2, "patience": 1, "best_epoch": 1, "best_loss": 0.5},
              "device_missing": {"device": "cuda"}}[kind]
    assert Notice(kind, values).text
