"""The presets' and lessons' titles and descriptions, where pyside6-lupdate finds them to translate.

The JSON files are data, which lupdate does not read; this list repeats their texts (tools/preset_texts.py
writes it, tests/test_presets.py fails when it misses one), and `translated` looks a document's text up in
the "Presets" context. A text of the user's own experiment has no translation and comes back as it is.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

TEXTS = (
    QT_TRANSLATE_NOOP("Presets", "Blobs"),
    QT_TRANSLATE_NOOP("Presets", "Three Gaussian blobs, one per class: a softmax output gives each class a probability. Four hidden units are plenty."),  # noqa: E501
    QT_TRANSLATE_NOOP("Presets", "Breast cancer"),
    QT_TRANSLATE_NOOP("Presets", "30 measurements of cell nuclei tell malignant from benign tissue. Watch the confusion matrix: which mistake is worse?"),  # noqa: E501
    QT_TRANSLATE_NOOP("Presets", "Checkerboard"),
    QT_TRANSLATE_NOOP("Presets", "A 4 x 4 board of alternating squares. The sin_x1 and sin_x2 features repeat almost as often as the squares, so a small network learns the board quickly."),  # noqa: E501
    QT_TRANSLATE_NOOP("Presets", "Circle"),
    QT_TRANSLATE_NOOP("Presets", "TensorFlow Playground's first picture: one class inside a ring of the other. Two small tanh layers bend a boundary around the centre from x1 and x2 alone."),  # noqa: E501
    QT_TRANSLATE_NOOP("Presets", "Curve (regression)"),
    QT_TRANSLATE_NOOP("Presets", "A 1-D wave, sin(1.5 x) + 0.3 x, with a little noise. Two tanh layers fit it from x1 alone; try powers of x1 instead of hidden layers to see polynomials underfit."),  # noqa: E501
    QT_TRANSLATE_NOOP("Presets", "Handwritten digits"),
    QT_TRANSLATE_NOOP("Presets", "8 x 8 images of the digits 0-9, one input per pixel: the Classes tab shows what each hidden unit looks for and the digits it gets wrong."),  # noqa: E501
    QT_TRANSLATE_NOOP("Presets", "A boundary you type"),
    QT_TRANSLATE_NOOP("Presets", "One class lies above the curve x2 = x1^3/8 - 2*x1, the other below: type another formula under More data."),  # noqa: E501
    QT_TRANSLATE_NOOP("Presets", "Two Gaussians"),
    QT_TRANSLATE_NOOP("Presets", "Two overlapping Gaussian clouds: a straight line is almost the best possible boundary. A tiny network learns it in a few epochs."),  # noqa: E501
    QT_TRANSLATE_NOOP("Presets", "Iris flowers"),
    QT_TRANSLATE_NOOP("Presets", "Fisher's 150 irises: four measurements tell three species apart. The inputs are standardized, as their units differ."),  # noqa: E501
    QT_TRANSLATE_NOOP("Presets", "Two moons"),
    QT_TRANSLATE_NOOP("Presets", "Two interlocking half circles with a little noise. Two ReLU layers with He initialization curve the boundary between them."),  # noqa: E501
    QT_TRANSLATE_NOOP("Presets", "Draw your own points"),
    QT_TRANSLATE_NOOP("Presets", "Click points onto the output plane (left and right button, or pick a class) and watch the boundary follow. Saved with the experiment."),  # noqa: E501
    QT_TRANSLATE_NOOP("Presets", "Bumps (regression)"),
    QT_TRANSLATE_NOOP("Presets", "Six bumps, three up and three down, on a flat plane. Two tanh layers of sixteen units fit their shapes."),
    QT_TRANSLATE_NOOP("Presets", "Plane (regression)"),
    QT_TRANSLATE_NOOP("Presets", "The target is a tilted plane, (x1 + x2) / 10. Linear units fit it exactly; the output is a number, not a class."),  # noqa: E501
    QT_TRANSLATE_NOOP("Presets", "Spiral"),
    QT_TRANSLATE_NOOP("Presets", "Two interleaved spiral arms, the hardest of TensorFlow Playground's sets. Three tanh layers of eight units and Adam untangle them from x1 and x2."),  # noqa: E501
    QT_TRANSLATE_NOOP("Presets", "Wine"),
    QT_TRANSLATE_NOOP("Presets", "178 wines from three growers, 13 chemical measurements each; standardized, as proline runs into the hundreds and hue stays near 1."),  # noqa: E501
    QT_TRANSLATE_NOOP("Presets", "XOR"),
    QT_TRANSLATE_NOOP("Presets", "Opposite quadrants share a class, so no straight line separates them. One hidden layer of eight tanh units learns the four quadrants from x1 and x2."),  # noqa: E501
    QT_TRANSLATE_NOOP("Presets", "Lesson: a curve as a sum of hidden units"),
    QT_TRANSLATE_NOOP("Presets", "Hung-yi Lee writes a network as y = b + Σ cᵢ·aᵢ(x): on the output, each thin curve is one of the four ReLU units times its weight cᵢ, the dashed line is the bias b, and together they add up to the thick curve. Each piece is flat on one side of its kink and a straight ramp on the other, so after 100 epochs the fit is a broken line with four kinks that follows the wave to a validation loss under 0.03 (the noise alone costs 0.01). Two ramps of opposite slope make a hard sigmoid, a step between two plateaus; hover a piece to find its neuron."),  # noqa: E501
    QT_TRANSLATE_NOOP("Presets", "Lesson: high bias (underfitting)"),
    QT_TRANSLATE_NOOP("Presets", "A model with no hidden layer can only draw a straight line, and no straight line separates the two arms of the spiral. Training error stays high however long it trains, and validation error is just as high: the diagnosis says high bias. The cure is a bigger model, not more data."),  # noqa: E501
    QT_TRANSLATE_NOOP("Presets", "Lesson: a bigger network cures high bias"),
    QT_TRANSLATE_NOOP("Presets", "The spiral of the high-bias lesson with three hidden layers of 16 tanh units. Each layer bends the boundary a little more, and together they follow the spiral's arms: training error falls to near zero and validation error follows, so the diagnosis is fine."),  # noqa: E501
    QT_TRANSLATE_NOOP("Presets", "Lesson: high variance (overfitting)"),
    QT_TRANSLATE_NOOP("Presets", "Two layers of 64 ReLU units trained for 1000 epochs on 500 points with noise 0.25, which puts about 8 % of the labels on the wrong side of the circle. The network has room to memorize the training points, noise included: training error falls to about 3 % while validation error stays near 9 %, and the diagnosis says high variance. Watch the validation loss rise while the training loss keeps falling, and the boundary wrap around single points."),  # noqa: E501
    QT_TRANSLATE_NOOP("Presets", "Lesson: L2 regularization reduces variance"),
    QT_TRANSLATE_NOOP("Presets", "The high-variance lesson with an L2 penalty (0.03) on the weights. Large weights now cost loss, so the network draws a smooth circle instead of wrapping around single noisy points: training error rises to the noise level (about 7 %), validation error falls to about 8 %, and the gap of 6 points shrinks to under 1. The diagnosis is fine: compare the boundary and the Bias & variance tab with the high-variance lesson."),  # noqa: E501
    QT_TRANSLATE_NOOP("Presets", "Lesson: dropout reduces variance"),
    QT_TRANSLATE_NOOP("Presets", "The high-variance lesson with dropout 0.5 in both hidden layers: at every step a random half of the units is switched off, so no unit can rely on particular others to memorize a point. Training error rises to the noise level (about 7 %) and validation error falls to about 8 %: the gap of 6 points shrinks to under 1 and the diagnosis is fine. Compare with the high-variance lesson."),  # noqa: E501
    QT_TRANSLATE_NOOP("Presets", "Lesson: early stopping reduces variance"),
    QT_TRANSLATE_NOOP("Presets", "The high-variance lesson with early stopping: training stops once the validation loss has not improved for 30 epochs, near epoch 90 of 1000, and the weights of the best epoch are restored. The network is stopped before it has memorized the noise: training error is about 7 %, validation error about 8 %, and the diagnosis is fine. Note the epoch it stops at."),  # noqa: E501
    QT_TRANSLATE_NOOP("Presets", "Lesson: more data reduces variance"),
    QT_TRANSLATE_NOOP("Presets", "The network of the high-variance lesson on ten times as many points (5000 for training). It cannot memorize them all, so it has to learn the circle itself: training error rises to the noise level (about 8 %), validation error falls to about 7 %, and the gap of 6 points closes. The diagnosis is fine, and the model did not change: more data cures variance."),  # noqa: E501
    QT_TRANSLATE_NOOP("Presets", "Lesson: zero initialization never breaks symmetry"),
    QT_TRANSLATE_NOOP("Presets", "Every weight starts at zero, so every neuron of a layer computes the same thing, gets the same gradient and takes the same step: the neurons stay identical forever and a layer of four is no better than a layer of one. Look at the neuron pictures: within each layer they are all the same, and the circle is never learned."),  # noqa: E501
    QT_TRANSLATE_NOOP("Presets", "Lesson: squared error on a sigmoid output"),
    QT_TRANSLATE_NOOP("Presets", "Logistic regression (no hidden layer, a sigmoid output) started with large weights that point the wrong way: every point sits on a flat tail of the sigmoid, confidently misclassified. Squared error (p - y)² passes its gradient through the sigmoid's slope p(1 - p), almost 0 there, so the weights hardly move: accuracy stays at 0 % and the loss near its largest value, 1, for all 100 epochs. Compare with the same start under cross-entropy."),  # noqa: E501
    QT_TRANSLATE_NOOP("Presets", "Lesson: cross-entropy learns from a saturated sigmoid"),
    QT_TRANSLATE_NOOP("Presets", "The same logistic regression and the same wrong, saturated start, now with cross-entropy. Its gradient is p - y, as large as the error itself, so the most confidently wrong points pull hardest: the first epoch's gradient is hundreds of times larger than under squared error and accuracy reaches 100 % within five epochs. This is why classification trains with cross-entropy."),  # noqa: E501
    QT_TRANSLATE_NOOP("Presets", "Lesson: vanishing gradients"),
    QT_TRANSLATE_NOOP("Presets", "Eight sigmoid layers with small random weights: every layer backprop passes through multiplies the gradient by sigmoid's slope (at most 0.25) and by the small weights, so the first layer gets thousands of times less gradient than the last. Watch the gradient-norm chart: the first layers barely move and accuracy stays at chance. Compare with the two cures: ReLU with He initialization, and batch norm."),  # noqa: E501
    QT_TRANSLATE_NOOP("Presets", "Lesson: ReLU and He initialization cure vanishing gradients"),
    QT_TRANSLATE_NOOP("Presets", "The same eight layers as the vanishing-gradients lesson, now with ReLU units and He initialization. ReLU's slope is 1 where a unit is active and He's weights keep the signal's size from layer to layer, so the first layer's gradient is about as large as the last one's. Watch the gradient-norm chart stay level while the circle is learned."),  # noqa: E501
    QT_TRANSLATE_NOOP("Presets", "Lesson: batch norm cures vanishing gradients"),
    QT_TRANSLATE_NOOP("Presets", "The sigmoid stack of the vanishing-gradients lesson with batch norm before every activation. Batch norm re-centres and re-scales each layer's inputs, so the sigmoids work in their steep middle instead of their flat tails and the gradient reaches the first layer. Compare the gradient-norm chart with the lesson without batch norm."),  # noqa: E501
    QT_TRANSLATE_NOOP("Presets", "Lesson: exploding gradients"),
    QT_TRANSLATE_NOOP("Presets", "Six ReLU layers with large random weights (standard deviation 2) and a learning rate of 0.1. Every layer backprop passes through multiplies the gradient by about four, so the first step is enormous: the weights and the loss become NaN within the first epoch and training stops as diverged. Gradient clipping is one cure."),  # noqa: E501
    QT_TRANSLATE_NOOP("Presets", "Lesson: gradient clipping tames exploding gradients"),
    QT_TRANSLATE_NOOP("Presets", "The exploding-gradients lesson with gradient clipping: before every step the gradient is scaled down to a norm of at most 0.5. The huge gradients still point the right way, but each step now has a sensible size, so training stays finite and learns the circle: about 98 % of the validation points right, and the diagnosis says fine. Clipping tames the symptom; a smaller initialization (He) fixes the cause."),  # noqa: E501
    QT_TRANSLATE_NOOP("Presets", "Lesson: too large a learning rate"),
    QT_TRANSLATE_NOOP("Presets", "Plain gradient descent (SGD) at three learning rates in the ravine (x² + 20y²)/2 of the Arena tab: press Race. At 0.02 the steps are too small, and after 100 steps the loss is still above 0.1; at 0.09 the path zig-zags across the ravine but the loss falls below 0.00001. At 0.105, above 2/20 = 0.1, every step overshoots the floor by more than it started from: the zig-zag grows and leaves the plot at step 8, and kept going (playground arena) it diverges to infinity."),  # noqa: E501
    QT_TRANSLATE_NOOP("Presets", "Lesson: momentum in a ravine"),
    QT_TRANSLATE_NOOP("Presets", "The quadratic (x² + 20y²)/2 is a narrow ravine, 20 times steeper across than along: press Race in the Arena tab. Plain gradient descent at lr 0.09 overshoots the floor at every step, so its path zig-zags from wall to wall while it creeps along. Momentum (0.5) at the same learning rate lets the zig-zags cancel and keeps its speed along the floor: after 50 steps its loss is more than a million times smaller than SGD's."),  # noqa: E501
    QT_TRANSLATE_NOOP("Presets", "Lesson: Adam on a plateau"),
    QT_TRANSLATE_NOOP("Presets", "On the saddle x² − y², starting a hair's breadth (y = 0.001) off the ridge, the slope across is almost zero: a plateau around the saddle point. SGD at lr 0.05 slides down into the saddle point and lingers there, less than 0.02 across after 30 steps. Adam at the same learning rate divides each step by the gradient's recent size, so it moves about lr per step however flat the ground: it is more than 1 across by step 25 and leaves the plot in less than half SGD's steps."),  # noqa: E501
)


def translated(text: str) -> str:
    return QCoreApplication.translate("Presets", text) if text else text
