<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivationView</name>
    <message>
        <source>The layer whose activations and weights are drawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>activations over training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One column per training step, one row per range of activation values; the darker a cell, the more activations fall in that range at that step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean {mean:.3g} · standard deviation {std:.3g} · {units} units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weights of {layer}, latest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No saturating or ReLU layers here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{share:.0%} of activations saturated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{dead} of {units} units dead</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BiasVarianceView</name>
    <message>
        <source>Baseline error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning and complexity curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ensemble</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try {remedies}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>baseline error (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>baseline error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The error you would accept as the best possible: human-level error, or the noise you know the data has. Avoidable bias is measured from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The baseline is estimated from the generator&apos;s noise: the best any model can do on this data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by you (human-level error).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown, so taken as 0. Type the error a human (or the best model) would make.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>Not applied: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Reset (R) to start again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CsvImport</name>
    <message>
        <source>{name} is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: cannot read ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: the header needs at least two columns (inputs and a label)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which column holds what the network should predict?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CurvePanel</name>
    <message>
        <source>Learning curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train on 10 % to 100 % of the training data and plot training and validation error against the number of examples: does more data help?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complexity curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train ever bigger models and plot training and validation error against their size: where does variance take over from bias?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What grows along the complexity curve. The polynomial degree needs the 1-D curve data set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each point trains a fresh copy of this network with full-batch Adam, so a curve takes from seconds to a minute. Training on screen goes on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: {points} points were finished.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <source>Which data to learn: click a picture to switch; training starts over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train on your own table: numeric input columns and one label column (classes or numbers).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much the labels are blurred near the boundary (0-50 % as in TF Playground): noisy data cannot be fitted perfectly, and a big model starts fitting the noise (overfitting).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the examples the network trains on; the rest checks how well it generalizes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share held out to watch for overfitting while training (early stopping uses it); what is left over is the test set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples kept aside to measure the final model; it never trains on them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples per update: small batches give many noisy steps, large ones few smooth steps. 0 means the whole training set (full-batch gradient descent).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples in the training split.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many classes (blobs only); the output uses softmax.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standardize inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift and scale each input to mean 0 and spread 1 (feature scaling): gradient descent then moves evenly in every direction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the network gets as inputs. Hand-made features such as X₁² can make a hard problem easy for a small network. Changing them starts over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of {count}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiagnosticsTabs</name>
    <message>
        <source>Gradient flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much each step changes each layer, and whether gradients vanish or explode on the way back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What each layer&apos;s units output over training: saturated sigmoids and dead ReLUs show here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bias &amp;&amp; variance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Underfitting or overfitting? Baseline, training and validation error, and what to try next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does backprop compute the right gradients? Compared with numerical differences.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnsemblePanel</name>
    <message>
        <source>Ensemble (bias–variance decomposition)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train several copies of this network, each on a different resample of the training data, and measure how much they disagree: that disagreement is variance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many copies to train; more give steadier numbers and take longer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each copy trains for the experiment&apos;s number of epochs: with 16 copies that can take a minute. Training on screen goes on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped after {epochs} epochs: the numbers are for models trained that far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation error {error:.3g} = bias² {bias2:.3g} + variance {variance:.3g} + noise {noise:.3g}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the noise is unknown: it counts in bias²)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members disagree with the majority on {disagreement} of the validation points (variance). Majority-vote error {vote}; one model&apos;s error, on average, {single}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} of {k} models diverged and are left out.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorLadder</name>
    <message>
        <source>Baseline error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No errors measured yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>avoidable bias {gap}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>variance {gap}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorUnit</name>
    <message>
        <source>error (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean squared error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeatureLabel</name>
    <message>
        <source>sin({x})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeatureToggles</name>
    <message>
        <source>Use {feature} as an input</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileMenu</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open experiment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load an experiment from a JSON file; training starts over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save experiment as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write this experiment (data, network, training settings) to a JSON file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export plots as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save pictures of the window and of each plot into a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save experiment as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export plots into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export plots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: cannot write the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {count} pictures in {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none installed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiments (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GradcheckPanel</name>
    <message>
        <source>Gradient check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the gradients backprop computes with two-sided numerical differences, layer by layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For each weight the numerical gradient is (J(θ + h) − J(θ − h)) / 2h. The relative error ‖g_num − g_backprop‖ / (‖g_num‖ + ‖g_backprop‖) should stay below {threshold:g}; above it, the backward pass has a bug. Checked on the model as it is now (training pauses for the check), in double precision, on the first {rows} training examples.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relative error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights compared, of the layer&apos;s parameters. Where a nudge of ±h moves a ReLU-like unit across its kink, the numerical gradient is meaningless there, so that weight is skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FLAG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{checked} of {parameters}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged: {layers}. Backprop disagrees with the numerical gradient there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every layer passes: backprop matches the numerical gradient.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GradientBanner</name>
    <message>
        <source>Try {remedies}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vanishing gradients: the first layer&apos;s weight gradient is {factor} times smaller than the last hidden layer&apos;s, so the early layers barely learn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exploding gradients: the first layer&apos;s weight gradient is {factor} times larger than the last hidden layer&apos;s, so its steps overshoot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradients became NaN or infinite: training has diverged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>infinitely many</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GradientFlowView</name>
    <message>
        <source>update / weight ratio per layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much one step changes each layer&apos;s weights, relative to their size. Near 10⁻³ (dashed line) a layer learns at a healthy pace; far below it hardly moves (vanishing gradients or too small a learning rate); far above it thrashes (too large a learning rate).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GradientView</name>
    <message>
        <source>gradient norm per layer, latest step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log₁₀ gradient norm over the epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HyperForm</name>
    <message>
        <source>{help} ({low} to {high}, default {default})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobProgress</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neural Playground will speak {language} the next time it starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayerEditor</name>
    <message>
        <source>The hidden layers&apos; widths, input side first: “8, 8, 4”, or “512x32” for 32 layers of 512 neurons. Empty: no hidden layer, a linear model. Changing the shape starts training over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each hidden layer on its own row; double-click a cell to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden layers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden layers: “{text}” is not a list of widths like 8, 8, 4 or 512x32 (at most {layers} layers)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayerLabel</name>
    <message>
        <source>output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden {index}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>h{index}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayerTableModel</name>
    <message>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch norm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maxout k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neurons in this layer: more can draw finer boundaries, but learn slower and overfit sooner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The function each neuron applies to its weighted sum; it is what lets the network bend.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of this layer&apos;s neurons switched off at random in each training step: fights overfitting, slows learning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normalize this layer&apos;s sums over each batch: steadier, faster training of deep networks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linear pieces per maxout neuron (maxout only): more pieces, more shapes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden layer {index}, counted from the inputs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonView</name>
    <message>
        <source>Show or fold the lesson text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LossView</name>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>best possible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss: train {train} · validation {val}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy: train {train} · validation {val}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch {epoch}: loss train {train} · validation {val} · test {test}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy train {train} · validation {val} · test {test}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Each square shows what a neuron computes over the input plane; lines are weights (blue positive, orange negative, thicker is stronger). Hover for values; + and − change the shape.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the loss on a log scale, where slow late progress stays visible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss and accuracy per epoch on each split.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How large each layer&apos;s gradient is: tiny in the first layers means vanishing gradients, huge means exploding ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the optimizer, schedule, regularization and start settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neural Playground</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Hide this message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <source>Linear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No bend at all: a stack of linear layers is still one straight boundary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Squashes to 0..1; saturates at both ends, so deep stacks learn slowly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Squashes to -1..1 around zero; smooth, but saturated units stop learning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zero below 0, straight above: fast to train, but a unit can die and stay at zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Like ReLU with a small slope below 0, so units never die completely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PReLU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leaky ReLU whose negative slope is learned too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ELU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smooth below 0 and straight above; keeps mean activations near zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GELU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A smooth ReLU used by transformers; small negative values pass.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SiLU (swish)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x times sigmoid(x): a smooth ReLU that dips slightly below zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Softplus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A smooth ReLU, log(1 + e^x); never exactly zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hard sigmoid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A piecewise-linear sigmoid: cheap, flat (no gradient) outside -3..3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maxout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each unit keeps the largest of k linear pieces: it learns its own activation shape.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SGD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain gradient descent: every step moves against the gradient, scaled by the learning rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps part of the last step: rolls through small bumps, speeds up in long valleys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nesterov (NAG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Momentum that looks where it is going before it steps; overshoots less.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adagrad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each weight&apos;s step shrinks with the gradients it has seen; steps fade over time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adadelta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adagrad with a running window instead of the whole past, so steps do not fade away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RMSProp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Divides each step by a running size of recent gradients: even progress on every weight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Momentum plus RMSProp with bias correction: a robust default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AdamW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam with weight decay applied apart from the gradient scaling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AMSGrad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam that never lets a weight&apos;s step size grow back: steadier late in training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAdam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam with Nesterov&apos;s look-ahead momentum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RAdam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam that starts carefully while its running averages are still unreliable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Constant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The learning rate never changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cuts the learning rate by a factor every few epochs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exponential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiplies the learning rate by a factor every epoch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 / t decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lr / (1 + decay * epoch): large steps early, small steps late.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 / sqrt(t) decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lr / sqrt(epoch + 1): the decay Adagrad&apos;s analysis suggests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cosine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follows half a cosine from lr down to a minimum over t_max epochs, then stays there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TF Playground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights uniform in -0.5..0.5, biases 0.1, as TensorFlow Playground does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zeros</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every weight 0: all units of a layer stay identical and learn the same thing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every weight the same value: units never become different (symmetry).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random normal weights with the spread you choose: too big explodes, too small vanishes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uniform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random uniform weights within the bound you choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xavier (uniform)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scaled by fan-in and fan-out so signals keep their size: suits tanh and sigmoid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xavier (normal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xavier&apos;s scaling with normal noise: suits tanh and sigmoid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>He (uniform)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twice Xavier&apos;s variance by fan-in, making up for ReLU zeroing half the inputs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>He (normal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>He&apos;s scaling with normal noise: suits ReLU-like activations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LeCun (normal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variance 1 / fan-in: suits SELU-like and linear layers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Circle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One class inside a ring of the other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exclusive or</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opposite quadrants share a class: no straight line separates them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gaussian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two clouds of points, nearly separable by a line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two interleaved spiral arms: hard, needs depth or features.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two interlocking half circles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A 4 x 4 board of alternating classes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Three or more classes in clouds around a circle (softmax output).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regression: the target rises along a diagonal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bumps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regression: six bumps up and down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regression on one input: fit a wavy line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own data from a CSV file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>β₁ (momentum)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>β₂ (scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ε</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ρ (decay)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>α (decay)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every (epochs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Factor γ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period (epochs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multi-class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diverged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <source>Add a hidden layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the last hidden layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+{count} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a neuron to this layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove a neuron from this layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hidden layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n hidden layers</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 neuron</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n neurons</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{layer}, {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{layer}, neuron {index}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}
input feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}
activation: {activation}
bias: {bias:.4g}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weight {value:.4g}
{source} → {target}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the strongest of {count} maxout pieces</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <source>Training diverged at step {step} (epoch {epoch}): the loss or a gradient became NaN or infinite. Likely cause: a learning rate too high (now {lr:g}) or exploding gradients; try a smaller learning rate, gradient clipping, batch norm or a smaller initialization.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early stopping at epoch {epoch}: validation loss has not improved for {patience} epochs; restored the weights of epoch {best_epoch} (validation loss {best_loss:.4g}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device &apos;{device}&apos; is not available on this machine; training on the CPU</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <source>{what}: “{text}” is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} must be above {low} and at most {high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} must be between {low} and {high}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutputPanel</name>
    <message>
        <source>Loss on the test data (never trained on) and on the training data: when training loss keeps falling while test loss rises, the network is overfitting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show test data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw the test points too (outlined): does the boundary fit data it never saw?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discretize output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discretizing needs classes; a regression predicts numbers, drawn as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paint only the predicted class instead of how sure the network is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test loss –
Training loss –</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test loss {test}
Training loss {train}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test loss {test} · accuracy {test_accuracy}
Training loss {train} · accuracy {train_accuracy}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutputView</name>
    <message>
        <source>These data have {count} inputs: too many to draw over a plane. The network, loss and gradient views still show how training goes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>probability</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Remedy</name>
    <message>
        <source>a bigger network (more units or layers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train longer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a better optimizer (Adam, momentum)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>less regularization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>regularization (L2, dropout)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>early stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a smaller network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ReLU-family activations (ReLU, leaky ReLU, ELU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>He or Xavier initialization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch norm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a smaller learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gradient clipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a smaller (Xavier or He) initialization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a smaller initialization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <source>Optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How each update turns gradients into weight changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The update rule. Changing it starts over, since its running averages belong to the old weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lookahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps a slow copy of the weights that moves part of the way towards the fast ones every k steps: steadier training for any optimizer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fast steps between two slow updates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lookahead α</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How far the slow weights move towards the fast ones (0..1].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>α</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning-rate schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the learning rate changes over the epochs: big steps early, small steps to settle late.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schedule; changing it starts over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regularization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ways to keep weights small and training stable; all apply at once, without a reset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds rate × |w| to the loss: pushes unneeded weights to exactly zero (a sparse network).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds rate/2 × w² to the loss: shrinks all weights, giving smoother boundaries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shrinks every weight by lr × decay after each step, apart from the gradient (as AdamW does).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient clip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caps the length of the gradient at this value, so one bad batch cannot blow up the weights. 0: off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When training stops by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early stopping: stop when the validation loss has not improved for this many epochs, and go back to the best weights. 0: off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop at epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause by itself at this epoch, e.g. to compare settings after the same amount of training. Off: train until you pause.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where training starts from, and where it runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the weights are drawn before training: too large saturates or explodes, too small vanishes, all equal never breaks the symmetry between neurons. Changing it starts over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spread (normal: σ, uniform: bound) or value (constant) of the initial weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where training runs; only what this machine has is listed. Small networks are often faster on the CPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The random seed of the initial weights and batch order: the same seed gives the same run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initializer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>σ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bound</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sweep</name>
    <message>
        <source>training examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden units per layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>polynomial degree</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Epochs: how many times training has gone through all training examples.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updates (batches) so far, and how fast training runs right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What training is doing now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(per layer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The layers differ; see the layer table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>regularization rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How big a step each update takes: too small learns slowly, too large overshoots and diverges. Changes apply at once, without a reset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The function every hidden neuron applies: it is what lets the network draw curved boundaries. Changing it starts over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regularization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A penalty on large weights that keeps the model simple and fights overfitting: L1 pushes weights to exactly zero, L2 shrinks them all. Applies at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regularization rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How strong the penalty is: too strong and the model cannot fit even the training data. Applies at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classification or regression; it follows from the data set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch {epoch}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step {step:,} · {steps:,.0f} steps/s · {epochs:,.1f} epochs/s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingActions</name>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start or pause training (Space).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train on one batch, then pause, to watch a single update (Right arrow).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train until every training example was seen once more, then pause (Shift+Right).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start over with fresh weights from the same seed: the same start as before (R).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw new data from the next data seed, then start over (G).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <source>High bias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model underfits: it does not even fit the training data well.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High variance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model overfits: it fits the training data but not new data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High bias and high variance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model fits the training data poorly and new data worse still.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bias and variance are both small.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The errors are not numbers: training diverged, or there is no validation split.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
