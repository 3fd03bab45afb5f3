"""How the catalog's choices read on screen, and what each does to learning (their tooltips).

The engine names choices with plain identifiers ("leaky_relu", "inverse_time"); the window
shows translated labels. QT_TRANSLATE_NOOP marks every text for pyside6-lupdate, and
`label`/`tip` translate at the moment they are shown, so a language switch needs no restart.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CONTEXT = "Names"

# kind -> name -> (label, tooltip)
_TABLES: dict[str, dict[str, tuple[str, str]]] = {
    "activation": {
        "linear": (QT_TRANSLATE_NOOP("Names", "Linear"),
                   QT_TRANSLATE_NOOP("Names", "No bend at all: a stack of linear layers is still one straight boundary.")),
        "sigmoid": (QT_TRANSLATE_NOOP("Names", "Sigmoid"),
                    QT_TRANSLATE_NOOP("Names", "Squashes to 0..1; saturates at both ends, so deep stacks learn slowly.")),
        "tanh": (QT_TRANSLATE_NOOP("Names", "Tanh"),
                 QT_TRANSLATE_NOOP("Names", "Squashes to -1..1 around zero; smooth, but saturated units stop learning.")),
        "relu": (QT_TRANSLATE_NOOP("Names", "ReLU"),
                 QT_TRANSLATE_NOOP("Names", "Zero below 0, straight above: fast to train, but a unit can die and stay at zero.")),
        "leaky_relu": (QT_TRANSLATE_NOOP("Names", "Leaky ReLU"),
                       QT_TRANSLATE_NOOP("Names", "Like ReLU with a small slope below 0, so units never die completely.")),
        "prelu": (QT_TRANSLATE_NOOP("Names", "PReLU"),
                  QT_TRANSLATE_NOOP("Names", "Leaky ReLU whose negative slope is learned too.")),
        "elu": (QT_TRANSLATE_NOOP("Names", "ELU"),
                QT_TRANSLATE_NOOP("Names", "Smooth below 0 and straight above; keeps mean activations near zero.")),
        "gelu": (QT_TRANSLATE_NOOP("Names", "GELU"),
                 QT_TRANSLATE_NOOP("Names", "A smooth ReLU used by transformers; small negative values pass.")),
        "silu": (QT_TRANSLATE_NOOP("Names", "SiLU (swish)"),
                 QT_TRANSLATE_NOOP("Names", "x times sigmoid(x): a smooth ReLU that dips slightly below zero.")),
        "softplus": (QT_TRANSLATE_NOOP("Names", "Softplus"),
                     QT_TRANSLATE_NOOP("Names", "A smooth ReLU, log(1 + e^x); never exactly zero.")),
        "hard_sigmoid": (QT_TRANSLATE_NOOP("Names", "Hard sigmoid"),
                         QT_TRANSLATE_NOOP("Names", "A piecewise-linear sigmoid: cheap, flat (no gradient) outside -3..3.")),
        "maxout": (QT_TRANSLATE_NOOP("Names", "Maxout"),
                   QT_TRANSLATE_NOOP("Names", "Each unit keeps the largest of k linear pieces: it learns its own activation shape.")),
    },
    "optimizer": {
        "sgd": (QT_TRANSLATE_NOOP("Names", "SGD"),
                QT_TRANSLATE_NOOP("Names", "Plain gradient descent: every step moves against the gradient, scaled by the learning rate.")),
        "momentum": (QT_TRANSLATE_NOOP("Names", "Momentum"),
                     QT_TRANSLATE_NOOP("Names", "Keeps part of the last step: rolls through small bumps, speeds up in long valleys.")),
        "nesterov": (QT_TRANSLATE_NOOP("Names", "Nesterov (NAG)"),
                     QT_TRANSLATE_NOOP("Names", "Momentum that looks where it is going before it steps; overshoots less.")),
        "adagrad": (QT_TRANSLATE_NOOP("Names", "Adagrad"),
                    QT_TRANSLATE_NOOP("Names", "Each weight's step shrinks with the gradients it has seen; steps fade over time.")),
        "adadelta": (QT_TRANSLATE_NOOP("Names", "Adadelta"),
                     QT_TRANSLATE_NOOP("Names", "Adagrad with a running window instead of the whole past, so steps do not fade away.")),
        "rmsprop": (QT_TRANSLATE_NOOP("Names", "RMSProp"),
                    QT_TRANSLATE_NOOP("Names", "Divides each step by a running size of recent gradients: even progress on every weight.")),
        "adam": (QT_TRANSLATE_NOOP("Names", "Adam"),
                 QT_TRANSLATE_NOOP("Names", "Momentum plus RMSProp with bias correction: a robust default.")),
        "adamw": (QT_TRANSLATE_NOOP("Names", "AdamW"),
                  QT_TRANSLATE_NOOP("Names", "Adam with weight decay applied apart from the gradient scaling.")),
        "amsgrad": (QT_TRANSLATE_NOOP("Names", "AMSGrad"),
                    QT_TRANSLATE_NOOP("Names", "Adam that never lets a weight's step size grow back: steadier late in training.")),
        "nadam": (QT_TRANSLATE_NOOP("Names", "NAdam"),
                  QT_TRANSLATE_NOOP("Names", "Adam with Nesterov's look-ahead momentum.")),
        "radam": (QT_TRANSLATE_NOOP("Names", "RAdam"),
                  QT_TRANSLATE_NOOP("Names", "Adam that starts carefully while its running averages are still unreliable.")),
    },
    "schedule": {
        "constant": (QT_TRANSLATE_NOOP("Names", "Constant"),
                     QT_TRANSLATE_NOOP("Names", "The learning rate never changes.")),
        "step": (QT_TRANSLATE_NOOP("Names", "Step decay"),
                 QT_TRANSLATE_NOOP("Names", "Cuts the learning rate by a factor every few epochs.")),
        "exponential": (QT_TRANSLATE_NOOP("Names", "Exponential"),
                        QT_TRANSLATE_NOOP("Names", "Multiplies the learning rate by a factor every epoch.")),
        "inverse_time": (QT_TRANSLATE_NOOP("Names", "1 / t decay"),
                         QT_TRANSLATE_NOOP("Names", "lr / (1 + decay * epoch): large steps early, small steps late.")),
        "inverse_sqrt": (QT_TRANSLATE_NOOP("Names", "1 / sqrt(t) decay"),
                         QT_TRANSLATE_NOOP("Names", "lr / sqrt(epoch + 1): the decay Adagrad's analysis suggests.")),
        "cosine": (QT_TRANSLATE_NOOP("Names", "Cosine"),
                   QT_TRANSLATE_NOOP("Names", "Follows half a cosine from lr down to a minimum over each period "
                                              "of t_max epochs, then restarts from lr (warm restarts).")),
    },
    "initializer": {
        "tf_playground": (QT_TRANSLATE_NOOP("Names", "TF Playground"),
                          QT_TRANSLATE_NOOP("Names", "Weights uniform in -0.5..0.5, biases 0.1, as TensorFlow Playground does.")),
        "zeros": (QT_TRANSLATE_NOOP("Names", "Zeros"),
                  QT_TRANSLATE_NOOP("Names", "Every weight 0: all units of a layer stay identical and learn the same thing.")),
        "constant": (QT_TRANSLATE_NOOP("Names", "Constant"),
                     QT_TRANSLATE_NOOP("Names", "Every weight the same value: units never become different (symmetry).")),
        "normal": (QT_TRANSLATE_NOOP("Names", "Normal"),
                   QT_TRANSLATE_NOOP("Names", "Random normal weights with the spread you choose: too big explodes, too small vanishes.")),
        "uniform": (QT_TRANSLATE_NOOP("Names", "Uniform"),
                    QT_TRANSLATE_NOOP("Names", "Random uniform weights within the bound you choose.")),
        "xavier_uniform": (QT_TRANSLATE_NOOP("Names", "Xavier (uniform)"),
                           QT_TRANSLATE_NOOP("Names", "Scaled by fan-in and fan-out so signals keep their size: suits tanh and sigmoid.")),
        "xavier_normal": (QT_TRANSLATE_NOOP("Names", "Xavier (normal)"),
                          QT_TRANSLATE_NOOP("Names", "Xavier's scaling with normal noise: suits tanh and sigmoid.")),
        "he_uniform": (QT_TRANSLATE_NOOP("Names", "He (uniform)"),
                       QT_TRANSLATE_NOOP("Names", "Twice Xavier's variance by fan-in, making up for ReLU zeroing half the inputs.")),
        "he_normal": (QT_TRANSLATE_NOOP("Names", "He (normal)"),
                      QT_TRANSLATE_NOOP("Names", "He's scaling with normal noise: suits ReLU-like activations.")),
        "lecun_normal": (QT_TRANSLATE_NOOP("Names", "LeCun (normal)"),
                         QT_TRANSLATE_NOOP("Names", "Variance 1 / fan-in: suits SELU-like and linear layers.")),
    },
    "loss": {
        "cross_entropy": (QT_TRANSLATE_NOOP("Names", "Cross-entropy"),
                          QT_TRANSLATE_NOOP("Names", "-log of the probability given to the true class: steep when "
                                                     "confidently wrong, so a saturated output still learns.")),
        "squared_error": (QT_TRANSLATE_NOOP("Names", "Squared error"),
                          QT_TRANSLATE_NOOP("Names", "(output - target)\u00b2; for classes on the probabilities, where a "
                                                     "saturated sigmoid gives almost no gradient even when wrong.")),
        "absolute_error": (QT_TRANSLATE_NOOP("Names", "Absolute error"),
                           QT_TRANSLATE_NOOP("Names", "|output - target|: outliers pull less than under squared error.")),
        "huber": (QT_TRANSLATE_NOOP("Names", "Huber"),
                  QT_TRANSLATE_NOOP("Names", "Squared error within 1 of the target, absolute error beyond it.")),
        "hinge": (QT_TRANSLATE_NOOP("Names", "Hinge"),
                  QT_TRANSLATE_NOOP("Names", "The SVM's loss: zero once a point is on the right side by a margin of 1.")),
        "tf_playground": (QT_TRANSLATE_NOOP("Names", "TF Playground"),
                          QT_TRANSLATE_NOOP("Names", "TensorFlow Playground's rules: tanh output, \u00bd(output - target)\u00b2 "
                                                     "on -1/+1 labels, fixed data order, L1 zeroes weights it pushes across 0.")),
    },
    "dataset": {
        "circle": (QT_TRANSLATE_NOOP("Names", "Circle"), QT_TRANSLATE_NOOP("Names", "One class inside a ring of the other.")),
        "xor": (QT_TRANSLATE_NOOP("Names", "Exclusive or"),
                QT_TRANSLATE_NOOP("Names", "Opposite quadrants share a class: no straight line separates them.")),
        "gauss": (QT_TRANSLATE_NOOP("Names", "Gaussian"), QT_TRANSLATE_NOOP("Names", "Two clouds of points, nearly separable by a line.")),
        "spiral": (QT_TRANSLATE_NOOP("Names", "Spiral"),
                   QT_TRANSLATE_NOOP("Names", "Two interleaved spiral arms: hard, needs depth or features.")),
        "moons": (QT_TRANSLATE_NOOP("Names", "Moons"), QT_TRANSLATE_NOOP("Names", "Two interlocking half circles.")),
        "checkerboard": (QT_TRANSLATE_NOOP("Names", "Checkers"), QT_TRANSLATE_NOOP("Names", "A 4 x 4 board of alternating classes.")),
        "blobs": (QT_TRANSLATE_NOOP("Names", "Blobs"),
                  QT_TRANSLATE_NOOP("Names", "Three or more classes in clouds around a circle (softmax output).")),
        "reg-plane": (QT_TRANSLATE_NOOP("Names", "Plane"), QT_TRANSLATE_NOOP("Names", "Regression: the target rises along a diagonal.")),
        "reg-gauss": (QT_TRANSLATE_NOOP("Names", "Bumps"), QT_TRANSLATE_NOOP("Names", "Regression: six bumps up and down.")),
        "curve": (QT_TRANSLATE_NOOP("Names", "Curve"), QT_TRANSLATE_NOOP("Names", "Regression on one input: fit a wavy line.")),
        "csv": (QT_TRANSLATE_NOOP("Names", "CSV file"), QT_TRANSLATE_NOOP("Names", "Your own data from a CSV file.")),
        "points": (QT_TRANSLATE_NOOP("Names", "Draw points"),
                   QT_TRANSLATE_NOOP("Names", "Click your own points onto the output plane: left click one class, "
                                              "right click another; drag to paint.")),
        "function": (QT_TRANSLATE_NOOP("Names", "Formula boundary"),
                     QT_TRANSLATE_NOOP("Names", "Type a curve x₂ = f(x₁), e.g. 3*sin(x1): the points above it "
                                                "are one class, below it the other.")),
        "iris": (QT_TRANSLATE_NOOP("Names", "Iris flowers"),
                 QT_TRANSLATE_NOOP("Names", "150 irises of 3 species, measured in 4 ways (petal and sepal length "
                                            "and width): Fisher's classic table.")),
        "wine": (QT_TRANSLATE_NOOP("Names", "Wine"),
                 QT_TRANSLATE_NOOP("Names", "178 Italian wines from 3 growers, 13 chemical measurements each.")),
        "breast_cancer": (QT_TRANSLATE_NOOP("Names", "Breast cancer"),
                          QT_TRANSLATE_NOOP("Names", "569 tissue samples, 30 measurements of their cell nuclei: "
                                                     "malignant or benign.")),
        "digits": (QT_TRANSLATE_NOOP("Names", "Handwritten digits"),
                   QT_TRANSLATE_NOOP("Names", "1797 handwritten digits 0-9 as 8 x 8 grey images (64 inputs): "
                                              "a small MNIST.")),
    },
    "hyper": {
        "beta1": (QT_TRANSLATE_NOOP("Names", "\u03b2\u2081 (momentum)"), ""),
        "beta2": (QT_TRANSLATE_NOOP("Names", "\u03b2\u2082 (scale)"), ""),
        "eps": (QT_TRANSLATE_NOOP("Names", "\u03b5"), ""),
        "momentum": (QT_TRANSLATE_NOOP("Names", "Momentum"), ""),
        "rho": (QT_TRANSLATE_NOOP("Names", "\u03c1 (decay)"), ""),
        "alpha": (QT_TRANSLATE_NOOP("Names", "\u03b1 (decay)"), ""),
        "step_size": (QT_TRANSLATE_NOOP("Names", "Every (epochs)"), ""),
        "gamma": (QT_TRANSLATE_NOOP("Names", "Factor \u03b3"), ""),
        "decay": (QT_TRANSLATE_NOOP("Names", "Decay"), ""),
        "t_max": (QT_TRANSLATE_NOOP("Names", "Period (epochs)"), ""),
        "eta_min": (QT_TRANSLATE_NOOP("Names", "Minimum rate"), ""),
    },
    "task": {
        "binary": (QT_TRANSLATE_NOOP("Names", "Classification"), ""),
        "multiclass": (QT_TRANSLATE_NOOP("Names", "Multi-class"), ""),
        "regression": (QT_TRANSLATE_NOOP("Names", "Regression"), ""),
        "from-file": (QT_TRANSLATE_NOOP("Names", "From the file"), ""),
        "from-points": (QT_TRANSLATE_NOOP("Names", "From the points"), ""),
    },
    # The fields Compare varies and Sweep searches (analysis.compare.VARIABLE, analysis.sweep.PARAMS); the
    # optimizer's hyperparameters (momentum, beta1, beta2) read as in "hyper".
    "field": {
        "optimizer": (QT_TRANSLATE_NOOP("Names", "Optimizer"), ""),
        "lr": (QT_TRANSLATE_NOOP("Names", "Learning rate"), ""),
        "batch_size": (QT_TRANSLATE_NOOP("Names", "Batch size"), ""),
        "l1": (QT_TRANSLATE_NOOP("Names", "L1"), ""),
        "l2": (QT_TRANSLATE_NOOP("Names", "L2"), ""),
        "weight_decay": (QT_TRANSLATE_NOOP("Names", "Weight decay"), ""),
        "clip_norm": (QT_TRANSLATE_NOOP("Names", "Gradient clipping"), ""),
        "early_stopping": (QT_TRANSLATE_NOOP("Names", "Patience"), ""),
        "loss": (QT_TRANSLATE_NOOP("Names", "Loss"), ""),
        "schedule": (QT_TRANSLATE_NOOP("Names", "Schedule"), ""),
        "lookahead": (QT_TRANSLATE_NOOP("Names", "Lookahead"), ""),
        "init": (QT_TRANSLATE_NOOP("Names", "Initializer"), ""),
        "init_scale": (QT_TRANSLATE_NOOP("Names", "Init scale"), ""),
        "activation": (QT_TRANSLATE_NOOP("Names", "Activation"), ""),
        "dropout": (QT_TRANSLATE_NOOP("Names", "Dropout"), ""),
        "batch_norm": (QT_TRANSLATE_NOOP("Names", "Batch norm"), ""),
        "residual": (QT_TRANSLATE_NOOP("Names", "Residual"), ""),
        "width": (QT_TRANSLATE_NOOP("Names", "Width"), ""),
        "hidden": (QT_TRANSLATE_NOOP("Names", "Hidden layers"), ""),
    },
    "switch": {
        "on": (QT_TRANSLATE_NOOP("Names", "on"), ""),
        "off": (QT_TRANSLATE_NOOP("Names", "off"), ""),
    },
    "state": {
        "idle": (QT_TRANSLATE_NOOP("Names", "Ready"), ""),
        "running": (QT_TRANSLATE_NOOP("Names", "Training"), ""),
        "paused": (QT_TRANSLATE_NOOP("Names", "Paused"), ""),
        "finished": (QT_TRANSLATE_NOOP("Names", "Finished"), ""),
        "diverged": (QT_TRANSLATE_NOOP("Names", "Diverged"), ""),
        "stopped": (QT_TRANSLATE_NOOP("Names", "Stopped"), ""),
        "early_stopped": (QT_TRANSLATE_NOOP("Names", "Stopped early"), ""),
        "error": (QT_TRANSLATE_NOOP("Names", "Error"), ""),
    },
}


def label(kind: str, name: str) -> str:
    """The translated label of a choice; the engine's own name where none is known."""
    entry = _TABLES[kind].get(name)
    return QCoreApplication.translate(_CONTEXT, entry[0]) if entry else name


def field(name: str) -> str:
    """The translated label of a field Compare varies or Sweep searches."""
    return label("hyper" if name in _TABLES["hyper"] else "field", name)


def tip(kind: str, name: str) -> str:
    """What a choice does to learning, translated; '' where there is nothing to add."""
    entry = _TABLES[kind].get(name)
    return QCoreApplication.translate(_CONTEXT, entry[1]) if entry and entry[1] else ""


def catalog_help(text: str) -> str:
    """The catalog's Hyper.help, translated where a translation ships.

    The catalog stays Qt-free, so its texts carry no marker for lupdate; they are
    listed for translators in the "Catalog" context by hand.
    """
    return QCoreApplication.translate("Catalog", text)
