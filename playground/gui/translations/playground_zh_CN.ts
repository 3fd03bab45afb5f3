<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivationView</name>
    <message>
        <source>The layer whose activations and weights are drawn.</source>
        <translation>显示哪一层的激活值和权重。</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>activations over training</source>
        <translation>训练过程中的激活值</translation>
    </message>
    <message>
        <source>One column per training step, one row per range of activation values; the darker a cell, the more activations fall in that range at that step.</source>
        <translation>每列是一个训练步，每行是一段激活值区间；格子越深，该步落在这段区间的激活值越多。</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>激活值</translation>
    </message>
    <message>
        <source>training step</source>
        <translation>训练步</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>mean {mean:.3g} · standard deviation {std:.3g} · {units} units</source>
        <translation>均值 {mean:.3g} · 标准差 {std:.3g} · {units} 个单元</translation>
    </message>
    <message>
        <source>weights of {layer}, latest</source>
        <translation>{layer} 的权重（最新）</translation>
    </message>
    <message>
        <source>No saturating or ReLU layers here.</source>
        <translation>这里没有会饱和的层或 ReLU 层。</translation>
    </message>
    <message>
        <source>{share:.0%} of activations saturated</source>
        <translation>{share:.0%} 的激活值已饱和</translation>
    </message>
    <message>
        <source>{dead} of {units} units dead</source>
        <translation>{units} 个单元中 {dead} 个已死亡</translation>
    </message>
</context>
<context>
    <name>ArenaTab</name>
    <message>
        <source>Open in its own window</source>
        <translation>在单独的窗口中打开</translation>
    </message>
    <message>
        <source>The arena is open in its own window; close that window to bring it back.</source>
        <translation>竞技场已在单独的窗口中打开；关闭那个窗口即可把它放回这里。</translation>
    </message>
    <message>
        <source>Optimizer arena</source>
        <translation>优化器竞技场</translation>
    </message>
</context>
<context>
    <name>ArenaView</name>
    <message>
        <source>The surface the optimizers race on.</source>
        <translation>优化器比赛所在的曲面。</translation>
    </message>
    <message>
        <source>Race</source>
        <translation>比赛</translation>
    </message>
    <message>
        <source>Run the race; click the plot to start from another point.</source>
        <translation>开始比赛；点击图中可换一个起点。</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>The race stops after this many steps.</source>
        <translation>比赛在这么多步之后停止。</translation>
    </message>
    <message>
        <source>{n} per frame</source>
        <translation>每帧 {n} 步</translation>
    </message>
    <message>
        <source>Steps each optimizer takes per frame (60 frames a second).</source>
        <translation>每个优化器每帧走的步数（每秒 60 帧）。</translation>
    </message>
    <message>
        <source>The optimizer Lookahead wraps.</source>
        <translation>Lookahead 包裹的优化器。</translation>
    </message>
    <message>
        <source>Learning-rate schedule for every racer; its epoch is the step here.</source>
        <translation>所有参赛者的学习率调度；这里的“轮”就是步。</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Lookahead around</source>
        <translation>Lookahead 包裹</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>Click inside the plot to set the start.</source>
        <translation>在图中点击以设置起点。</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>step {n}</source>
        <translation>第 {n} 步</translation>
    </message>
    <message>
        <source>diverged at step {n}</source>
        <translation>在第 {n} 步发散</translation>
    </message>
    <message>
        <source>left the plot at step {n}</source>
        <translation>在第 {n} 步离开了图</translation>
    </message>
    <message>
        <source>Ill-conditioned quadratic</source>
        <translation>病态二次函数</translation>
    </message>
    <message>
        <source>Rosenbrock</source>
        <translation>Rosenbrock 函数</translation>
    </message>
    <message>
        <source>Beale</source>
        <translation>Beale 函数</translation>
    </message>
    <message>
        <source>Himmelblau</source>
        <translation>Himmelblau 函数</translation>
    </message>
    <message>
        <source>Saddle</source>
        <translation>鞍点</translation>
    </message>
    <message>
        <source>Linear regression L(w, b)</source>
        <translation>线性回归 L(w, b)</translation>
    </message>
</context>
<context>
    <name>BiasVarianceView</name>
    <message>
        <source>Baseline error</source>
        <translation>基准误差</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Learning and complexity curves</source>
        <translation>学习曲线与复杂度曲线</translation>
    </message>
    <message>
        <source>Ensemble</source>
        <translation>集成</translation>
    </message>
    <message>
        <source>Try {remedies}.</source>
        <translation>试试{remedies}。</translation>
    </message>
    <message>
        <source>baseline error (%)</source>
        <translation>基准误差 (%)</translation>
    </message>
    <message>
        <source>baseline error</source>
        <translation>基准误差</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>The error you would accept as the best possible: human-level error, or the noise you know the data has. Avoidable bias is measured from it.</source>
        <translation>你认为最好只能做到的误差：人类水平误差，或已知的数据噪声。可避免偏差就从它算起。</translation>
    </message>
    <message>
        <source>The baseline is estimated from the generator&apos;s noise: the best any model can do on this data.</source>
        <translation>基准由数据生成器的噪声估计：任何模型在这份数据上最好也只能做到这样。</translation>
    </message>
    <message>
        <source>Set by you (human-level error).</source>
        <translation>由你设定（人类水平误差）。</translation>
    </message>
    <message>
        <source>Unknown, so taken as 0. Type the error a human (or the best model) would make.</source>
        <translation>未知，按 0 计。请输入人类（或最好的模型）会犯的误差。</translation>
    </message>
</context>
<context>
    <name>ClassViews</name>
    <message>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>Validation examples counted by true class (rows) and predicted class (columns): the diagonal is right, the rest shows which classes the network mixes up. Each row is shaded by its own share.</source>
        <translation>按真实类别（行）和预测类别（列）统计的验证样本：对角线是预测正确的，其余显示网络把哪些类别弄混了。每行按它自己的占比着色。</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <source>First-layer weights</source>
        <translation>第一层权重</translation>
    </message>
    <message>
        <source>One tile per hidden unit of the first layer: the pixels that raise its output (blue) or lower it (orange). Each tile is scaled by its own largest weight.</source>
        <translation>第一层每个隐藏单元一格：让它输出变大（蓝色）或变小（橙色）的像素。每格按它自己最大的权重缩放。</translation>
    </message>
    <message>
        <source>Mistakes</source>
        <translation>错误样本</translation>
    </message>
    <message>
        <source>Validation images the network gets wrong, each captioned true → predicted class.</source>
        <translation>网络分错的验证图片，每张标注为 真实 → 预测 类别。</translation>
    </message>
    <message>
        <source>Train a classifier: its confusion matrix appears here.</source>
        <translation>训练一个分类器：它的混淆矩阵会显示在这里。</translation>
    </message>
    <message>
        <source>A regression has no classes to confuse.</source>
        <translation>回归没有可混淆的类别。</translation>
    </message>
    <message>
        <source>No validation split: set a validation share in DATA.</source>
        <translation>没有验证集：请在“数据”中设置验证集比例。</translation>
    </message>
    <message>
        <source>No mistakes</source>
        <translation>没有错误</translation>
    </message>
    <message>
        <source>Mistakes: {count} of {rows}</source>
        <translation>错误：{rows} 个中有 {count} 个</translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <source>Vary</source>
        <translation>改变</translation>
    </message>
    <message>
        <source>and</source>
        <translation>和</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>variant</source>
        <translation>变体</translation>
    </message>
    <message>
        <source>train loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>val loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>val acc</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>state</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Use this variant</source>
        <translation>使用这个变体</translation>
    </message>
    <message>
        <source>Copy the selected variant&apos;s settings to the main experiment.</source>
        <translation>把选中变体的设置复制到主实验。</translation>
    </message>
    <message>
        <source>Every variant trains on the same data from the same seed, all at once, and gets the numbers it would get alone (with dropout: all but its random masks).</source>
        <translation>所有变体在同样的数据上、从同样的随机种子同时训练，得到的数字与单独训练时相同（有随机失活时，只是随机掩码不同）。</translation>
    </message>
    <message>
        <source>Values separated by commas (hidden widths as 8-8); with a second field, every combination of the two trains, {most} at most.</source>
        <translation>用逗号分隔的取值（隐藏层宽度写成 8-8）；选了第二个字段时，两者的每种组合都会训练，最多 {most} 个。</translation>
    </message>
    <message>
        <source>{field}: chosen twice</source>
        <translation>{field}：选了两次</translation>
    </message>
    <message>
        <source>{field}: give at least one value</source>
        <translation>{field}：至少给出一个取值</translation>
    </message>
    <message>
        <source>{fields}: give 2 to {most} variants, not {count}</source>
        <translation>{fields}：变体数应为 2 到 {most} 个，而不是 {count} 个</translation>
    </message>
    <message>
        <source>Stopped: the curves end where training was cancelled.</source>
        <translation>已停止：曲线止于训练被取消的地方。</translation>
    </message>
</context>
<context>
    <name>ConfusionView</name>
    <message>
        <source>The examples counted: the ones trained on, or the held-out validation or test examples that show how the network does on data it has not seen.</source>
        <translation>统计哪些样本：用于训练的样本，或留出的验证集、测试集样本——它们显示网络在没见过的数据上表现如何。</translation>
    </message>
    <message>
        <source>Precision: of the examples predicted as a class, the share that are that class. Recall: of a class&apos;s examples, the share predicted as it. F1: their harmonic mean. Each is averaged over the classes (macro), every class counting equally; a class never predicted has precision 0.</source>
        <translation>精确率：被预测为某一类的样本中，真正属于该类的比例。召回率：某一类的样本中，被预测为该类的比例。F1：两者的调和平均。每项都对各类别取平均（宏平均），每个类别权重相同；从未被预测到的类别精确率记为 0。</translation>
    </message>
    <message>
        <source>Examples counted by true class (rows) and predicted class (columns): the diagonal is right, the rest shows which classes the network mixes up. Each row is shaded by its own share.</source>
        <translation>按真实类别（行）和预测类别（列）统计的样本数：对角线是分对的，其余格子显示网络把哪些类别弄混了。每一行按它自己的占比着色。</translation>
    </message>
    <message>
        <source>Examples:</source>
        <translation>样本：</translation>
    </message>
    <message>
        <source>The confusion matrix is for classification: this network predicts numbers (see R², RMSE and MAE beside the loss chart).</source>
        <translation>混淆矩阵用于分类：这个网络预测的是数值（见损失图旁的 R²、RMSE 和 MAE）。</translation>
    </message>
    <message>
        <source>The {split} split has no examples.</source>
        <translation>{split}没有样本。</translation>
    </message>
    <message>
        <source>precision {precision} · recall {recall} · F1 {f1} (macro)
{count} {split} examples, accuracy {accuracy}</source>
        <translation>精确率 {precision} · 召回率 {recall} · F1 {f1}（宏平均）
{split} {count} 个样本，准确率 {accuracy}</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>Not applied: {reason}</source>
        <translation>未应用：{reason}</translation>
    </message>
    <message>
        <source>Press Reset (R) to start again.</source>
        <translation>按“重置”（R）重新开始。</translation>
    </message>
    <message>
        <source>Stopped at epoch {epoch}, where this experiment ends. Press Play to train on.</source>
        <translation>已停在第 {epoch} 轮，这个实验到此结束。按“开始”继续训练。</translation>
    </message>
</context>
<context>
    <name>CsvImport</name>
    <message>
        <source>{name} is empty</source>
        <translation>{name} 是空文件</translation>
    </message>
    <message>
        <source>{name}: cannot read ({reason})</source>
        <translation>{name}：无法读取（{reason}）</translation>
    </message>
    <message>
        <source>{name}: the header needs at least two columns (inputs and a label)</source>
        <translation>{name}：表头至少需要两列（输入和标签）</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>导入 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Label column</source>
        <translation>标签列</translation>
    </message>
    <message>
        <source>Which column holds what the network should predict?</source>
        <translation>哪一列是网络要预测的内容？</translation>
    </message>
    <message>
        <source>{name}: {problem}</source>
        <translation>{name}：{problem}</translation>
    </message>
</context>
<context>
    <name>CurvePanel</name>
    <message>
        <source>Learning curve</source>
        <translation>学习曲线</translation>
    </message>
    <message>
        <source>Train on 10 % to 100 % of the training data and plot training and validation error against the number of examples: does more data help?</source>
        <translation>用 10 % 到 100 % 的训练数据分别训练，画出训练误差和验证误差随样本数的变化：更多数据有用吗？</translation>
    </message>
    <message>
        <source>Complexity curve</source>
        <translation>复杂度曲线</translation>
    </message>
    <message>
        <source>Train ever bigger models and plot training and validation error against their size: where does variance take over from bias?</source>
        <translation>训练越来越大的模型，画出训练误差和验证误差随模型大小的变化：从哪里开始方差取代偏差成为主要问题？</translation>
    </message>
    <message>
        <source>What grows along the complexity curve. The polynomial degree needs the 1-D curve data set.</source>
        <translation>复杂度曲线上增长的量。多项式次数需要一维曲线数据集。</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>基准</translation>
    </message>
    <message>
        <source>Each point trains a fresh copy of this network with full-batch Adam, so a curve takes from seconds to a minute. Training on screen goes on.</source>
        <translation>每个点都用全批量 Adam 重新训练一份这个网络，所以一条曲线需要几秒到一分钟。屏幕上的训练照常进行。</translation>
    </message>
    <message>
        <source>Stopped: {points} points were finished.</source>
        <translation>已停止：完成了 {points} 个点。</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <source>Which data to learn: click a picture to switch; training starts over.</source>
        <translation>要学习哪份数据：点击图片切换，训练会重新开始。</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <source>Train on your own table: numeric input columns and one label column (classes or numbers).</source>
        <translation>用你自己的表格训练：若干数值输入列和一个标签列（类别或数值）。</translation>
    </message>
    <message>
        <source>How much the labels are blurred near the boundary (0-50 % as in TF Playground): noisy data cannot be fitted perfectly, and a big model starts fitting the noise (overfitting).</source>
        <translation>边界附近标签的混乱程度（与 TF Playground 一样为 0-50 %）：有噪声的数据无法完美拟合，大模型会开始拟合噪声（过拟合）。</translation>
    </message>
    <message>
        <source>Share of the examples the network trains on; the rest checks how well it generalizes.</source>
        <translation>用于训练的样本比例；其余样本用来检验泛化能力。</translation>
    </message>
    <message>
        <source>Share held out to watch for overfitting while training (early stopping uses it); what is left over is the test set.</source>
        <translation>训练时留出来观察过拟合的比例（早停会用到它）；剩下的是测试集。</translation>
    </message>
    <message>
        <source>Examples kept aside to measure the final model; it never trains on them.</source>
        <translation>留作评估最终模型的样本；网络从不在上面训练。</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>全批量</translation>
    </message>
    <message>
        <source>Examples per update: small batches give many noisy steps, large ones few smooth steps. 0 means the whole training set (full-batch gradient descent).</source>
        <translation>每次更新用的样本数：小批量步数多但有噪声，大批量步数少但平稳。0 表示整个训练集（批量梯度下降）。</translation>
    </message>
    <message>
        <source>Examples in the training split.</source>
        <translation>训练集中的样本数。</translation>
    </message>
    <message>
        <source>How many classes (blobs only); the output uses softmax.</source>
        <translation>类别数（仅限 Blobs）；输出层使用 softmax。</translation>
    </message>
    <message>
        <source>Standardize inputs</source>
        <translation>标准化输入</translation>
    </message>
    <message>
        <source>Shift and scale each input to mean 0 and spread 1 (feature scaling): gradient descent then moves evenly in every direction.</source>
        <translation>把每个输入平移缩放到均值 0、标准差 1（特征缩放）：梯度下降在各个方向上前进得更均匀。</translation>
    </message>
    <message>
        <source>What the network gets as inputs. Hand-made features such as X₁² can make a hard problem easy for a small network. Changing them starts over.</source>
        <translation>网络的输入。X₁² 这类手工特征能让小网络轻松解决难题。更改后重新开始训练。</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批量大小</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>of {count}</source>
        <translation>共 {count}</translation>
    </message>
    <message>
        <source>These features&apos; scales differ by more than {limit:g} times: without standardizing, one learning rate cannot suit them all.</source>
        <translation>这些特征的尺度相差超过 {limit:g} 倍：不做标准化，一个学习率无法适合所有特征。</translation>
    </message>
</context>
<context>
    <name>DiagnosticsTabs</name>
    <message>
        <source>Gradient flow</source>
        <translation>梯度流</translation>
    </message>
    <message>
        <source>How much each step changes each layer, and whether gradients vanish or explode on the way back.</source>
        <translation>每一步让每层改变多少，以及梯度在反向传播中是否消失或爆炸。</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>激活值</translation>
    </message>
    <message>
        <source>What each layer&apos;s units output over training: saturated sigmoids and dead ReLUs show here.</source>
        <translation>各层单元在训练中的输出：饱和的 sigmoid 和死亡的 ReLU 会在这里显现。</translation>
    </message>
    <message>
        <source>Bias &amp;&amp; variance</source>
        <translation>偏差与方差</translation>
    </message>
    <message>
        <source>Underfitting or overfitting? Baseline, training and validation error, and what to try next.</source>
        <translation>欠拟合还是过拟合？基准误差、训练误差、验证误差，以及下一步该试什么。</translation>
    </message>
    <message>
        <source>Gradient check</source>
        <translation>梯度检验</translation>
    </message>
    <message>
        <source>Does backprop compute the right gradients? Compared with numerical differences.</source>
        <translation>反向传播算出的梯度对吗？与数值差分比较。</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Which classes the network confuses; for digits also what its first layer looks for and the images it gets wrong.</source>
        <translation>网络把哪些类别弄混；对手写数字还会显示第一层在找什么，以及它分错的图片。</translation>
    </message>
    <message>
        <source>Confusion</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>The confusion matrix of the training, validation or test examples, with precision, recall and F1.</source>
        <translation>训练集、验证集或测试集样本的混淆矩阵，以及精确率、召回率和 F1。</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Variants of this experiment trained side by side on the same data: which setting learns best?</source>
        <translation>本实验的几个变体在同样的数据上并排训练：哪种设置学得最好？</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>超参数搜索</translation>
    </message>
    <message>
        <source>Many models at once, each with its own value of a hyperparameter: where is validation error lowest?</source>
        <translation>同时训练许多模型，每个取一个不同的超参数值：验证误差在哪里最低？</translation>
    </message>
</context>
<context>
    <name>EngineMessage</name>
    <message>
        <source>{problem} (got {value})</source>
        <translation>{problem}（实际为 {value}）</translation>
    </message>
    <message>
        <source>must be greater than or equal to {limit}</source>
        <translation>必须大于或等于 {limit}</translation>
    </message>
    <message>
        <source>must be greater than {limit}</source>
        <translation>必须大于 {limit}</translation>
    </message>
    <message>
        <source>must be less than or equal to {limit}</source>
        <translation>必须小于或等于 {limit}</translation>
    </message>
    <message>
        <source>must be less than {limit}</source>
        <translation>必须小于 {limit}</translation>
    </message>
    <message>
        <source>must be a valid integer, got a number with a fractional part</source>
        <translation>必须是整数，不能有小数部分</translation>
    </message>
    <message>
        <source>must be a valid integer, unable to parse string as an integer</source>
        <translation>必须是整数</translation>
    </message>
    <message>
        <source>must be a valid integer</source>
        <translation>必须是整数</translation>
    </message>
    <message>
        <source>must be a valid number, unable to parse string as a number</source>
        <translation>必须是数字</translation>
    </message>
    <message>
        <source>must be a valid number</source>
        <translation>必须是数字</translation>
    </message>
    <message>
        <source>must be a finite number</source>
        <translation>必须是有限的数</translation>
    </message>
    <message>
        <source>must be a valid boolean, unable to interpret input</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <source>must be a valid boolean</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <source>must be a valid string</source>
        <translation>必须是文本</translation>
    </message>
    <message>
        <source>must be a valid list</source>
        <translation>必须是列表</translation>
    </message>
    <message>
        <source>must be a valid dictionary</source>
        <translation>必须是 JSON 对象</translation>
    </message>
    <message>
        <source>must be one of {choices} or {last}</source>
        <translation>必须是 {choices} 或 {last} 之一</translation>
    </message>
    <message>
        <source>must be one of {choices}</source>
        <translation>必须是 {choices} 之一</translation>
    </message>
    <message>
        <source>is not a field of the experiment</source>
        <translation>不是实验的字段</translation>
    </message>
    <message>
        <source>Field required</source>
        <translation>缺少这个字段</translation>
    </message>
    <message>
        <source>optimizer &apos;{name}&apos; has no hyperparameter &apos;{key}&apos; (allowed: {allowed})</source>
        <translation>优化器 &apos;{name}&apos; 没有超参数 &apos;{key}&apos;（可用：{allowed}）</translation>
    </message>
    <message>
        <source>schedule &apos;{name}&apos; has no hyperparameter &apos;{key}&apos; (allowed: {allowed})</source>
        <translation>学习率调度 &apos;{name}&apos; 没有超参数 &apos;{key}&apos;（可用：{allowed}）</translation>
    </message>
    <message>
        <source>optimizer {key} must be between {low} and {high}, got {value}</source>
        <translation>优化器的 {key} 必须在 {low} 到 {high} 之间（实际为 {value}）</translation>
    </message>
    <message>
        <source>schedule {key} must be between {low} and {high}, got {value}</source>
        <translation>学习率调度的 {key} 必须在 {low} 到 {high} 之间（实际为 {value}）</translation>
    </message>
    <message>
        <source>unknown feature &apos;{name}&apos; (allowed: {allowed}, x1^k for k up to {power})</source>
        <translation>未知特征 &apos;{name}&apos;（可用：{allowed}，以及 k 不超过 {power} 的 x1^k）</translation>
    </message>
    <message>
        <source>unknown feature &apos;{name}&apos;</source>
        <translation>未知特征 &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>a feature is listed twice</source>
        <translation>有特征重复列出</translation>
    </message>
    <message>
        <source>train_fraction + val_fraction must be at most 1</source>
        <translation>train_fraction + val_fraction 不能超过 1</translation>
    </message>
    <message>
        <source>dataset &apos;csv&apos; needs csv_path</source>
        <translation>数据集 &apos;csv&apos; 需要 csv_path</translation>
    </message>
    <message>
        <source>the 1-D curve has no x2: use x1, sin_x1 or powers x1^k</source>
        <translation>一维曲线没有 x2：请用 x1、sin_x1 或幂次 x1^k</translation>
    </message>
    <message>
        <source>batch norm needs batches of at least 2 examples (or 0: full batch)</source>
        <translation>批归一化需要每批至少 2 个样本（或 0：全批量）</translation>
    </message>
    <message>
        <source>tf_playground trains as TF Playground does, with plain SGD; set training.optimizer.name to sgd</source>
        <translation>tf_playground 按 TensorFlow Playground 的方式训练，只用普通 SGD；请把 training.optimizer.name 设为 sgd</translation>
    </message>
    <message>
        <source>must be two finite numbers</source>
        <translation>必须是两个有限的数</translation>
    </message>
    <message>
        <source>feature &apos;{name}&apos; needs a second input column; this data has one</source>
        <translation>特征 &apos;{name}&apos; 需要第二个输入列；这份数据只有一列</translation>
    </message>
    <message>
        <source>this data has {count} input columns ({names}); they are the features</source>
        <translation>这份数据有 {count} 个输入列（{names}）：它们就是特征</translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation>应为 JSON 对象</translation>
    </message>
    <message>
        <source>this Neural Playground reads version {version}, the file says {found}</source>
        <translation>这个版本的神经网络游乐场读取第 {version} 版，文件写的是 {found}</translation>
    </message>
    <message>
        <source>not valid JSON: {reason} at line {line}, column {column}</source>
        <translation>不是有效的 JSON：第 {line} 行第 {column} 列（{reason}）</translation>
    </message>
    <message>
        <source>cannot read ({reason})</source>
        <translation>无法读取（{reason}）</translation>
    </message>
    <message>
        <source>unknown preset &apos;{name}&apos; (available: {names})</source>
        <translation>未知预设 &apos;{name}&apos;（可用：{names}）</translation>
    </message>
    <message>
        <source>preset {name}: {problem}</source>
        <translation>预设 {name}：{problem}</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>not a saved Neural Playground model ({kind})</source>
        <translation>不是保存的神经网络游乐场模型（{kind}）</translation>
    </message>
    <message>
        <source>not a saved Neural Playground model</source>
        <translation>不是保存的神经网络游乐场模型</translation>
    </message>
    <message>
        <source>its weights do not fit this network ({reason})</source>
        <translation>其中的权重与这个网络不匹配（{reason}）</translation>
    </message>
    <message>
        <source>cannot change without a reset (live: {live})</source>
        <translation>不重置就不能更改（可即时更改的：{live}）</translation>
    </message>
    <message>
        <source>the training process stopped unexpectedly ({problem}); Play, Step or Reset starts a new one</source>
        <translation>训练进程意外停止（{problem}）；按“开始”、“单步”或“重置”会启动新的进程</translation>
    </message>
    <message>
        <source>killed by signal {signal}</source>
        <translation>被信号 {signal} 终止</translation>
    </message>
    <message>
        <source>exit code {code}</source>
        <translation>退出码 {code}</translation>
    </message>
    <message>
        <source>the training session was closed</source>
        <translation>训练会话已关闭</translation>
    </message>
    <message>
        <source>{name} line {line}, column &apos;{column}&apos;: {problem}</source>
        <translation>{name} 第 {line} 行，列 &apos;{column}&apos;：{problem}</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a finite number</source>
        <translation>&apos;{text}&apos; 不是有限的数</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a number</source>
        <translation>&apos;{text}&apos; 不是数字</translation>
    </message>
    <message>
        <source>missing value</source>
        <translation>缺少数值</translation>
    </message>
    <message>
        <source>missing label</source>
        <translation>缺少标签</translation>
    </message>
    <message>
        <source>{name} line {line}: {problem}</source>
        <translation>{name} 第 {line} 行：{problem}</translation>
    </message>
    <message>
        <source>{count} values, the header has {columns} columns</source>
        <translation>有 {count} 个值，而表头有 {columns} 列</translation>
    </message>
    <message>
        <source>the header needs at least two columns (features and a label)</source>
        <translation>表头至少需要两列（特征和标签）</translation>
    </message>
    <message>
        <source>column {index} has no name</source>
        <translation>第 {index} 列没有名称</translation>
    </message>
    <message>
        <source>column &apos;{column}&apos; appears twice</source>
        <translation>列 &apos;{column}&apos; 出现了两次</translation>
    </message>
    <message>
        <source>label column &apos;{label}&apos; is not in {name} (columns: {columns})</source>
        <translation>{name} 中没有标签列 &apos;{label}&apos;（现有的列：{columns}）</translation>
    </message>
    <message>
        <source>{name} has more than {rows} rows</source>
        <translation>{name} 超过 {rows} 行</translation>
    </message>
    <message>
        <source>{name} has a header but no data rows</source>
        <translation>{name} 只有表头，没有数据行</translation>
    </message>
    <message>
        <source>{name} is empty</source>
        <translation>{name} 是空文件</translation>
    </message>
    <message>
        <source>not a CSV file ({reason})</source>
        <translation>不是 CSV 文件（{reason}）</translation>
    </message>
    <message>
        <source>the label column &apos;{column}&apos; has only one class ({value})</source>
        <translation>标签列 &apos;{column}&apos; 只有一个类别（{value}）</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
    </message>
</context>
<context>
    <name>EnsemblePanel</name>
    <message>
        <source>Train several copies of this network, each on a different resample of the training data, and measure how much they disagree: that disagreement is variance.</source>
        <translation>训练这个网络的多个副本，每个使用训练数据的不同重采样，再看它们的分歧有多大：这种分歧就是方差。</translation>
    </message>
    <message>
        <source>How many copies to train; more give steadier numbers and take longer.</source>
        <translation>训练多少个副本；越多数字越稳定，耗时也越长。</translation>
    </message>
    <message>
        <source>Each copy trains for the experiment&apos;s number of epochs: with 16 copies that can take a minute. Training on screen goes on.</source>
        <translation>每个副本都训练实验设定的轮数：16 个副本可能要一分钟。屏幕上的训练照常进行。</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>副本数</translation>
    </message>
    <message>
        <source>Stopped after {epochs} epochs: the numbers are for models trained that far.</source>
        <translation>在第 {epochs} 轮后停止：这些数字来自训练到该轮的模型。</translation>
    </message>
    <message>
        <source>{count} of {k} models diverged and are left out.</source>
        <translation>{k} 个模型中有 {count} 个发散，已剔除。</translation>
    </message>
    <message>
        <source>Squared error on the validation points: expected error {error} = bias² {bias2} + variance {variance} + noise {noise}.</source>
        <translation>验证点上的平方误差：期望误差 {error} = 偏差² {bias2} + 方差 {variance} + 噪声 {noise}。</translation>
    </message>
    <message>
        <source>Train the ensemble</source>
        <translation>训练集成模型</translation>
    </message>
    <message>
        <source>0-1 loss on the validation points (Kohavi–Wolpert decomposition): expected error {error} = bias² {bias2} + variance {variance} + noise {noise}. Majority-vote error {vote}.</source>
        <translation>验证点上的 0-1 损失（Kohavi–Wolpert 分解）：期望误差 {error} = 偏差² {bias2} + 方差 {variance} + 噪声 {noise}。多数投票误差 {vote}。</translation>
    </message>
    <message>
        <source>The data&apos;s noise is unknown: it counts in bias².</source>
        <translation>数据的噪声未知：计入偏差²。</translation>
    </message>
    <message>
        <source>A CSV file has no generator, so each copy trains on a bootstrap resample of the one training set: the variance is that of resampling it, not of new data, and part of the variance over training sets counts in bias².</source>
        <translation>CSV 文件没有数据生成器，所以每个副本都在同一个训练集的自助重采样（bootstrap）上训练：得到的方差来自重采样，而不是来自新数据，训练集之间的一部分方差会计入偏差²。</translation>
    </message>
    <message>
        <source>Each copy trained on a fresh training set from the generator.</source>
        <translation>每个副本都在生成器新生成的训练集上训练。</translation>
    </message>
</context>
<context>
    <name>ErrorLadder</name>
    <message>
        <source>Baseline error</source>
        <translation>基准误差</translation>
    </message>
    <message>
        <source>Training error</source>
        <translation>训练误差</translation>
    </message>
    <message>
        <source>Validation error</source>
        <translation>验证误差</translation>
    </message>
    <message>
        <source>No errors measured yet.</source>
        <translation>尚未测得误差。</translation>
    </message>
    <message>
        <source>avoidable bias {gap}</source>
        <translation>可避免偏差 {gap}</translation>
    </message>
    <message>
        <source>variance {gap}</source>
        <translation>方差 {gap}</translation>
    </message>
    <message>
        <source>Measured gaps before clipping at 0: avoidable bias {bias} ± {bias_margin}, variance {variance} ± {variance_margin} (± {z} standard errors from {train} training and {val} validation points); tolerance {tolerance}.</source>
        <translation>截断到 0 之前测得的差距：可避免偏差 {bias} ± {bias_margin}，方差 {variance} ± {variance_margin}（由 {train} 个训练点和 {val} 个验证点得到的 ± {z} 个标准误）；容差 {tolerance}。</translation>
    </message>
</context>
<context>
    <name>ErrorUnit</name>
    <message>
        <source>error (%)</source>
        <translation>误差 (%)</translation>
    </message>
    <message>
        <source>mean squared error</source>
        <translation>均方误差</translation>
    </message>
</context>
<context>
    <name>FeatureLabel</name>
    <message>
        <source>sin({x})</source>
        <translation>sin({x})</translation>
    </message>
    <message>
        <source>pixel {row},{column}</source>
        <translation>像素 {row},{column}</translation>
    </message>
</context>
<context>
    <name>FeatureToggles</name>
    <message>
        <source>Use {feature} as an input</source>
        <translation>把 {feature} 作为输入</translation>
    </message>
</context>
<context>
    <name>FileMenu</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open experiment…</source>
        <translation>打开实验(&amp;O)…</translation>
    </message>
    <message>
        <source>Load an experiment from a JSON file; training starts over.</source>
        <translation>从 JSON 文件载入实验；训练重新开始。</translation>
    </message>
    <message>
        <source>&amp;Save experiment as…</source>
        <translation>实验另存为(&amp;S)…</translation>
    </message>
    <message>
        <source>Write this experiment (data, network, training settings) to a JSON file.</source>
        <translation>把这个实验（数据、网络、训练设置）写入 JSON 文件。</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>预设(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Export plots as PNG…</source>
        <translation>导出图表为 PNG(&amp;E)…</translation>
    </message>
    <message>
        <source>Save pictures of the window and of each plot into a folder.</source>
        <translation>把窗口和每张图表的图片保存到一个文件夹。</translation>
    </message>
    <message>
        <source>Export as Py&amp;Torch script…</source>
        <translation>导出为 PyTorch 脚本(&amp;T)…</translation>
    </message>
    <message>
        <source>Write this experiment as one Python file that needs only torch and numpy and trains the same network to the same loss.</source>
        <translation>把这个实验写成一个只需要 torch 和 numpy 的 Python 文件，它训练同样的网络并得到同样的损失。</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Close the window.</source>
        <translation>关闭窗口。</translation>
    </message>
    <message>
        <source>Open experiment</source>
        <translation>打开实验</translation>
    </message>
    <message>
        <source>Cannot open experiment</source>
        <translation>无法打开实验</translation>
    </message>
    <message>
        <source>Cannot open preset</source>
        <translation>无法打开预设</translation>
    </message>
    <message>
        <source>Save experiment as</source>
        <translation>实验另存为</translation>
    </message>
    <message>
        <source>Cannot save experiment</source>
        <translation>无法保存实验</translation>
    </message>
    <message>
        <source>Export plots into</source>
        <translation>导出图表到</translation>
    </message>
    <message>
        <source>Cannot export plots</source>
        <translation>无法导出图表</translation>
    </message>
    <message>
        <source>Saved {count} pictures in {folder}</source>
        <translation>已在 {folder} 保存 {count} 张图片</translation>
    </message>
    <message>
        <source>Export as PyTorch script</source>
        <translation>导出为 PyTorch 脚本</translation>
    </message>
    <message>
        <source>Python scripts (*.py);;All files (*)</source>
        <translation>Python 脚本 (*.py);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot export the script</source>
        <translation>无法导出脚本</translation>
    </message>
    <message>
        <source>Saved the PyTorch script {path}: run it with python</source>
        <translation>已保存 PyTorch 脚本 {path}：用 python 运行它</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>(none installed)</source>
        <translation>（未安装）</translation>
    </message>
    <message>
        <source>Experiments (*.json);;All files (*)</source>
        <translation>实验 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;New experiment</source>
        <translation>新建实验(&amp;N)</translation>
    </message>
    <message>
        <source>Start over from TF Playground&apos;s default experiment: every setting back to its default.</source>
        <translation>从 TF Playground 的默认实验重新开始：所有设置恢复默认值。</translation>
    </message>
</context>
<context>
    <name>GradcheckPanel</name>
    <message>
        <source>Gradient check</source>
        <translation>梯度检验</translation>
    </message>
    <message>
        <source>Compare the gradients backprop computes with two-sided numerical differences, layer by layer.</source>
        <translation>逐层比较反向传播算出的梯度和双边数值差分。</translation>
    </message>
    <message>
        <source>For each weight the numerical gradient is (J(θ + h) − J(θ − h)) / 2h. The relative error ‖g_num − g_backprop‖ / (‖g_num‖ + ‖g_backprop‖) should stay below {threshold:g}; above it, the backward pass has a bug. Checked on the model as it is now (training pauses for the check), in double precision, on the first {rows} training examples.</source>
        <translation>每个权重的数值梯度为 (J(θ + h) − J(θ − h)) / 2h。相对误差 ‖g_num − g_backprop‖ / (‖g_num‖ + ‖g_backprop‖) 应低于 {threshold:g}；高于它说明反向传播有错。检验针对当前的模型（检验时训练暂停），用双精度，在前 {rows} 个训练样本上进行。</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Relative error</source>
        <translation>相对误差</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>已检验</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>FLAG</source>
        <translation>有误</translation>
    </message>
    <message>
        <source>{checked} of {parameters}</source>
        <translation>{checked} / {parameters}</translation>
    </message>
    <message>
        <source>Flagged: {layers}. Backprop disagrees with the numerical gradient there.</source>
        <translation>有误：{layers}。这些层的反向传播与数值梯度不一致。</translation>
    </message>
    <message>
        <source>Every layer passes: backprop matches the numerical gradient.</source>
        <translation>每层都通过：反向传播与数值梯度一致。</translation>
    </message>
    <message>
        <source>Weights compared, of the layer&apos;s parameters. Where a nudge of ±h moves a ReLU-like unit across its kink for an example, the numerical gradient is meaningless there, so that example is left out of that weight&apos;s comparison (the whole weight, with batch norm); large layers are sampled.</source>
        <translation>该层参数中参与比较的权重数。若 ±h 的扰动让某个样本上的类 ReLU 单元越过折点，那里的数值梯度没有意义，该样本就不参与这个权重的比较（有批归一化时跳过整个权重）；大的层只抽样检验。</translation>
    </message>
    <message>
        <source>{count} not sampled</source>
        <translation>{count} 个未抽样</translation>
    </message>
    <message>
        <source>{count} at a kink</source>
        <translation>{count} 个位于折点</translation>
    </message>
    <message>
        <source>{count} at L1&apos;s kink at 0</source>
        <translation>{count} 个位于 L1 在 0 处的折点</translation>
    </message>
    <message>
        <source>{count} example-weight pairs left out at a kink</source>
        <translation>{count} 个样本-权重对因位于折点而跳过</translation>
    </message>
    <message>
        <source>Every weight checked on every example.</source>
        <translation>每个权重都在每个样本上检验过。</translation>
    </message>
</context>
<context>
    <name>GradientBanner</name>
    <message>
        <source>Try {remedies}.</source>
        <translation>试试{remedies}。</translation>
    </message>
    <message>
        <source>Vanishing gradients: the first layer&apos;s weight gradient is {factor} times smaller than the last hidden layer&apos;s, so the early layers barely learn.</source>
        <translation>梯度消失：第一层的权重梯度比最后一个隐藏层的小 {factor} 倍，前面的层几乎学不动。</translation>
    </message>
    <message>
        <source>Exploding gradients: the first layer&apos;s weight gradient is {factor} times larger than the last hidden layer&apos;s, so its steps overshoot.</source>
        <translation>梯度爆炸：第一层的权重梯度比最后一个隐藏层的大 {factor} 倍，它的更新步子迈得过头了。</translation>
    </message>
    <message>
        <source>Gradients became NaN or infinite: training has diverged.</source>
        <translation>梯度变成了 NaN 或无穷大：训练已发散。</translation>
    </message>
    <message>
        <source>infinitely many</source>
        <translation>无穷多</translation>
    </message>
</context>
<context>
    <name>GradientFlowView</name>
    <message>
        <source>update / weight ratio per layer</source>
        <translation>每层的更新量 / 权重之比</translation>
    </message>
    <message>
        <source>How much one step changes each layer&apos;s weights, relative to their size. Near 10⁻³ (dashed line) a layer learns at a healthy pace; far below it hardly moves (vanishing gradients or too small a learning rate); far above it thrashes (too large a learning rate).</source>
        <translation>一步更新让每层权重相对其大小改变多少。在 10⁻³（虚线）附近，该层学习节奏健康；远低于它几乎不动（梯度消失或学习率太小）；远高于它则来回震荡（学习率太大）。</translation>
    </message>
</context>
<context>
    <name>GradientView</name>
    <message>
        <source>gradient norm per layer, latest step</source>
        <translation>每层的梯度范数（最新一步）</translation>
    </message>
    <message>
        <source>log₁₀ gradient norm over the epochs</source>
        <translation>各轮的 log₁₀ 梯度范数</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
</context>
<context>
    <name>HyperForm</name>
    <message>
        <source>{help} ({low} to {high}, default {default})</source>
        <translation>{help}（{low} 到 {high}，默认 {default}）</translation>
    </message>
</context>
<context>
    <name>JobProgress</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>LandscapeTab</name>
    <message>
        <source>Random directions</source>
        <translation>随机方向</translation>
    </message>
    <message>
        <source>Principal components of the path</source>
        <translation>路径的主成分</translation>
    </message>
    <message>
        <source>Random: two filter-normalized random directions (Li et al. 2018). Principal components: the plane in which training moved the most, with the path drawn on it.</source>
        <translation>随机：两个按滤波器归一化的随机方向（Li 等，2018）。主成分：训练移动最多的那个平面，并在上面画出路径。</translation>
    </message>
    <message>
        <source>Grid points per axis.</source>
        <translation>每个坐标轴上的网格点数。</translation>
    </message>
    <message>
        <source>on demand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source> epochs</source>
        <translation> 轮</translation>
    </message>
    <message>
        <source>Redraw every this many epochs while training, or only on demand.</source>
        <translation>训练时每隔这么多轮重画一次，或者只在手动要求时重画。</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>distance from the weights now</source>
        <translation>与当前权重的距离</translation>
    </message>
    <message>
        <source>The training loss at the weights now plus α times one direction plus β times another; the centre (the star) is the model as it is.</source>
        <translation>在当前权重加上 α 倍的一个方向和 β 倍的另一个方向处的训练损失；中心（星号）就是现在的模型。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>α (direction 1)</source>
        <translation>α（方向 1）</translation>
    </message>
    <message>
        <source>β (direction 2)</source>
        <translation>β（方向 2）</translation>
    </message>
    <message>
        <source>Training loss at the centre: {centre:.4g}; on the grid from {low:.4g} to {high:.4g}.</source>
        <translation>中心处的训练损失：{centre:.4g}；网格上从 {low:.4g} 到 {high:.4g}。</translation>
    </message>
    <message>
        <source>Through the centre: &lt;span style=&apos;color:{c1}&apos;&gt;along direction 1&lt;/span&gt;, &lt;span style=&apos;color:{c2}&apos;&gt;along direction 2&lt;/span&gt;</source>
        <translation>穿过中心：&lt;span style=&apos;color:{c1}&apos;&gt;沿方向 1&lt;/span&gt;，&lt;span style=&apos;color:{c2}&apos;&gt;沿方向 2&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Neural Playground will speak {language} the next time it starts.</source>
        <translation>下次启动时，神经网络游乐场将使用{language}。</translation>
    </message>
</context>
<context>
    <name>LayerEditor</name>
    <message>
        <source>The hidden layers&apos; widths, input side first: “8, 8, 4”, or “512x32” for 32 layers of 512 neurons. Empty: no hidden layer, a linear model. Changing the shape starts training over.</source>
        <translation>各隐藏层的宽度，从输入侧开始：“8, 8, 4”，或用“512x32”表示 32 层、每层 512 个神经元。留空：没有隐藏层，即线性模型。更改结构会重新开始训练。</translation>
    </message>
    <message>
        <source>Each hidden layer on its own row; double-click a cell to change it.</source>
        <translation>每个隐藏层一行；双击单元格即可修改。</translation>
    </message>
    <message>
        <source>Hidden layers:</source>
        <translation>隐藏层：</translation>
    </message>
    <message>
        <source>hidden layers: “{text}” is not a list of widths like 8, 8, 4 or 512x32 (at most {layers} layers)</source>
        <translation>隐藏层：“{text}”不是 8, 8, 4 或 512x32 这样的宽度列表（最多 {layers} 层）</translation>
    </message>
</context>
<context>
    <name>LayerLabel</name>
    <message>
        <source>output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>hidden {index}</source>
        <translation>隐藏层 {index}</translation>
    </message>
    <message>
        <source>out</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>h{index}</source>
        <translation>隐{index}</translation>
    </message>
</context>
<context>
    <name>LayerTableModel</name>
    <message>
        <source>Units</source>
        <translation>神经元数</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>随机失活</translation>
    </message>
    <message>
        <source>Batch norm</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <source>Maxout k</source>
        <translation>Maxout k</translation>
    </message>
    <message>
        <source>Residual</source>
        <translation>残差</translation>
    </message>
    <message>
        <source>Neurons in this layer: more can draw finer boundaries, but learn slower and overfit sooner.</source>
        <translation>这一层的神经元数：越多能画出越精细的边界，但学得更慢，也更早过拟合。</translation>
    </message>
    <message>
        <source>The function each neuron applies to its weighted sum; it is what lets the network bend.</source>
        <translation>每个神经元作用在加权和上的函数；正是它让网络能画出弯曲的边界。</translation>
    </message>
    <message>
        <source>Share of this layer&apos;s neurons switched off at random in each training step: fights overfitting, slows learning.</source>
        <translation>每个训练步随机关闭这一层神经元的比例（随机失活）：抑制过拟合，但会减慢学习。</translation>
    </message>
    <message>
        <source>Normalize this layer&apos;s sums over each batch: steadier, faster training of deep networks.</source>
        <translation>在每个批次上对这一层的加权和做归一化：深层网络训练更稳、更快。</translation>
    </message>
    <message>
        <source>Add this layer&apos;s input to its output, x + f(x) (a learned projection where the widths differ): gradients reach the first layers of a deep network.</source>
        <translation>把这一层的输入加到它的输出上，x + f(x)（宽度不同时经过一个可学习的投影）：梯度能传到深层网络的前几层。</translation>
    </message>
    <message>
        <source>Linear pieces per maxout neuron (maxout only): more pieces, more shapes.</source>
        <translation>每个 maxout 神经元的线性片段数（仅限 maxout）：片段越多，形状越丰富。</translation>
    </message>
    <message>
        <source>Hidden layer {index}, counted from the inputs</source>
        <translation>第 {index} 个隐藏层，从输入侧数起</translation>
    </message>
</context>
<context>
    <name>LessonView</name>
    <message>
        <source>Show or fold the lesson text</source>
        <translation>展开或折叠课程说明</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
</context>
<context>
    <name>LossView</name>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>best possible</source>
        <translation>最优可能值</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>loss: train {train} · validation {val}</source>
        <translation>损失：训练集 {train} · 验证集 {val}</translation>
    </message>
    <message>
        <source>accuracy: train {train} · validation {val}</source>
        <translation>准确率：训练集 {train} · 验证集 {val}</translation>
    </message>
    <message>
        <source>epoch {epoch}: loss train {train} · validation {val} · test {test}</source>
        <translation>第 {epoch} 轮：损失 训练集 {train} · 验证集 {val} · 测试集 {test}</translation>
    </message>
    <message>
        <source>accuracy train {train} · validation {val} · test {test}</source>
        <translation>准确率 训练集 {train} · 验证集 {val} · 测试集 {test}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Each square shows what a neuron computes over the input plane; lines are weights (blue positive, orange negative, thicker is stronger). Hover for values; + and − change the shape.</source>
        <translation>每个方块显示一个神经元在输入平面上的输出；连线是权重（蓝色为正，橙色为负，越粗越强）。悬停查看数值；+ 和 − 改变网络结构。</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>Show the loss on a log scale, where slow late progress stays visible.</source>
        <translation>用对数坐标显示损失，后期缓慢的进展也看得见。</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Loss and accuracy per epoch on each split.</source>
        <translation>每轮在各数据集上的损失和准确率。</translation>
    </message>
    <message>
        <source>Gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>How large each layer&apos;s gradient is: tiny in the first layers means vanishing gradients, huge means exploding ones.</source>
        <translation>每层梯度有多大：前几层极小意味着梯度消失，极大意味着梯度爆炸。</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Settings panel</source>
        <translation>设置面板(&amp;S)</translation>
    </message>
    <message>
        <source>Show or hide the optimizer, schedule, regularization and start settings.</source>
        <translation>显示或隐藏优化器、学习率调度、正则化和初始设置。</translation>
    </message>
    <message>
        <source>Neural Playground</source>
        <translation>神经网络游乐场</translation>
    </message>
    <message>
        <source>Leave the text field</source>
        <translation>离开文本框</translation>
    </message>
    <message>
        <source>Esc: leave the field being typed in, so that Space, R and the arrows train again.</source>
        <translation>Esc：离开正在输入的文本框，让空格、R 和方向键重新控制训练。</translation>
    </message>
    <message>
        <source>&amp;Presentation</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Large type, a large output plane and network, the settings folded away: readable from the back of a room (F11 or F5).</source>
        <translation>大字号、大输出平面和大网络图，设置折叠起来：坐在教室后排也看得清（F11 或 F5）。</translation>
    </message>
    <message>
        <source>The last experiment could not be opened ({reason}); this is the default one.</source>
        <translation>无法打开上次的实验（{reason}）；现在显示的是默认实验。</translation>
    </message>
    <message>
        <source>Arena</source>
        <translation>竞技场</translation>
    </message>
    <message>
        <source>SGD, Momentum, Adam and the rest racing on the same surface from the same start.</source>
        <translation>SGD、动量、Adam 等优化器从同一起点在同一曲面上比赛。</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>损失地形</translation>
    </message>
    <message>
        <source>The training loss around the weights now, and the path training took, on a plane.</source>
        <translation>在一个平面上显示当前权重周围的训练损失，以及训练走过的路径。</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Hide this message</source>
        <translation>隐藏这条消息</translation>
    </message>
</context>
<context>
    <name>MetricsReadout</name>
    <message>
        <source>R²: the share of the targets&apos; variance the network explains (1 is perfect, 0 no better than predicting the mean). RMSE and MAE: the typical error, in the target&apos;s units.</source>
        <translation>R²：网络解释了目标方差的多少比例（1 为完美，0 表示不比预测均值更好）。RMSE 和 MAE：典型误差，单位与目标相同。</translation>
    </message>
</context>
<context>
    <name>MoreData</name>
    <message>
        <source>(a picture above)</source>
        <translation>（上方的图片）</translation>
    </message>
    <message>
        <source>Real tables, points you draw on the output plane, or a boundary you type</source>
        <translation>真实数据表、在输出平面上画的点，或者输入的边界公式</translation>
    </message>
    <message>
        <source>x₂ = f(x₁): numbers, x1, + - * / ^, ( ), sin cos tan tanh exp log sqrt abs min max. Points above the curve are one class.</source>
        <translation>x₂ = f(x₁)：可用数字、x1、+ - * / ^、( )、sin cos tan tanh exp log sqrt abs min max。曲线上方的点属于一类。</translation>
    </message>
    <message>
        <source>More data</source>
        <translation>更多数据</translation>
    </message>
    <message>
        <source>x₂ =</source>
        <translation>x₂ =</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <source>Linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>No bend at all: a stack of linear layers is still one straight boundary.</source>
        <translation>完全不弯曲：线性层叠得再多，边界也仍是一条直线。</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <source>Squashes to 0..1; saturates at both ends, so deep stacks learn slowly.</source>
        <translation>压缩到 0..1；两端饱和，所以深层网络学得慢。</translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <source>Squashes to -1..1 around zero; smooth, but saturated units stop learning.</source>
        <translation>以零为中心压缩到 -1..1；平滑，但饱和的单元会停止学习。</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>Zero below 0, straight above: fast to train, but a unit can die and stay at zero.</source>
        <translation>小于 0 时为零，大于 0 时为直线：训练快，但单元可能死亡并一直为零。</translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>Like ReLU with a small slope below 0, so units never die completely.</source>
        <translation>类似 ReLU，但在 0 以下有个小斜率，单元不会彻底死亡。</translation>
    </message>
    <message>
        <source>PReLU</source>
        <translation>PReLU</translation>
    </message>
    <message>
        <source>Leaky ReLU whose negative slope is learned too.</source>
        <translation>负半轴斜率也参与学习的 Leaky ReLU。</translation>
    </message>
    <message>
        <source>ELU</source>
        <translation>ELU</translation>
    </message>
    <message>
        <source>Smooth below 0 and straight above; keeps mean activations near zero.</source>
        <translation>0 以下平滑、0 以上为直线；让激活值的均值接近零。</translation>
    </message>
    <message>
        <source>GELU</source>
        <translation>GELU</translation>
    </message>
    <message>
        <source>A smooth ReLU used by transformers; small negative values pass.</source>
        <translation>Transformer 使用的平滑 ReLU；较小的负值可以通过。</translation>
    </message>
    <message>
        <source>SiLU (swish)</source>
        <translation>SiLU (swish)</translation>
    </message>
    <message>
        <source>x times sigmoid(x): a smooth ReLU that dips slightly below zero.</source>
        <translation>x 乘以 sigmoid(x)：略微低于零的平滑 ReLU。</translation>
    </message>
    <message>
        <source>Softplus</source>
        <translation>Softplus</translation>
    </message>
    <message>
        <source>A smooth ReLU, log(1 + e^x); never exactly zero.</source>
        <translation>平滑的 ReLU，log(1 + e^x)；永远不会恰好为零。</translation>
    </message>
    <message>
        <source>Hard sigmoid</source>
        <translation>Hard sigmoid</translation>
    </message>
    <message>
        <source>A piecewise-linear sigmoid: cheap, flat (no gradient) outside -3..3.</source>
        <translation>分段线性的 sigmoid：计算便宜，在 -3..3 之外是平的（没有梯度）。</translation>
    </message>
    <message>
        <source>Maxout</source>
        <translation>Maxout</translation>
    </message>
    <message>
        <source>Each unit keeps the largest of k linear pieces: it learns its own activation shape.</source>
        <translation>每个单元取 k 个线性片段中的最大值：自己学出激活函数的形状。</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD（随机梯度下降）</translation>
    </message>
    <message>
        <source>Plain gradient descent: every step moves against the gradient, scaled by the learning rate.</source>
        <translation>普通梯度下降：每一步沿梯度的反方向移动，步长由学习率决定。</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>Keeps part of the last step: rolls through small bumps, speeds up in long valleys.</source>
        <translation>保留上一步的一部分：越过小坑，在狭长的山谷中加速。</translation>
    </message>
    <message>
        <source>Nesterov (NAG)</source>
        <translation>Nesterov 动量 (NAG)</translation>
    </message>
    <message>
        <source>Momentum that looks where it is going before it steps; overshoots less.</source>
        <translation>先看前方再迈步的动量法；更少冲过头。</translation>
    </message>
    <message>
        <source>Adagrad</source>
        <translation>Adagrad</translation>
    </message>
    <message>
        <source>Each weight&apos;s step shrinks with the gradients it has seen; steps fade over time.</source>
        <translation>每个权重的步长随它见过的梯度而缩小；步长随时间逐渐消失。</translation>
    </message>
    <message>
        <source>Adadelta</source>
        <translation>Adadelta</translation>
    </message>
    <message>
        <source>Adagrad with a running window instead of the whole past, so steps do not fade away.</source>
        <translation>用滑动窗口代替全部历史的 Adagrad，步长不会逐渐消失。</translation>
    </message>
    <message>
        <source>RMSProp</source>
        <translation>RMSProp</translation>
    </message>
    <message>
        <source>Divides each step by a running size of recent gradients: even progress on every weight.</source>
        <translation>每一步除以近期梯度的滑动平均大小：每个权重都均匀前进。</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>Momentum plus RMSProp with bias correction: a robust default.</source>
        <translation>动量加 RMSProp，再加偏差修正：稳健的默认选择。</translation>
    </message>
    <message>
        <source>AdamW</source>
        <translation>AdamW</translation>
    </message>
    <message>
        <source>Adam with weight decay applied apart from the gradient scaling.</source>
        <translation>权重衰减与梯度缩放分开施加的 Adam。</translation>
    </message>
    <message>
        <source>AMSGrad</source>
        <translation>AMSGrad</translation>
    </message>
    <message>
        <source>Adam that never lets a weight&apos;s step size grow back: steadier late in training.</source>
        <translation>不让权重的步长再变大的 Adam：训练后期更稳定。</translation>
    </message>
    <message>
        <source>NAdam</source>
        <translation>NAdam</translation>
    </message>
    <message>
        <source>Adam with Nesterov&apos;s look-ahead momentum.</source>
        <translation>使用 Nesterov 前瞻动量的 Adam。</translation>
    </message>
    <message>
        <source>RAdam</source>
        <translation>RAdam</translation>
    </message>
    <message>
        <source>Adam that starts carefully while its running averages are still unreliable.</source>
        <translation>在滑动平均还不可靠时谨慎起步的 Adam。</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>常数</translation>
    </message>
    <message>
        <source>The learning rate never changes.</source>
        <translation>学习率始终不变。</translation>
    </message>
    <message>
        <source>Step decay</source>
        <translation>阶梯衰减</translation>
    </message>
    <message>
        <source>Cuts the learning rate by a factor every few epochs.</source>
        <translation>每隔几轮把学习率乘以一个因子。</translation>
    </message>
    <message>
        <source>Exponential</source>
        <translation>指数衰减</translation>
    </message>
    <message>
        <source>Multiplies the learning rate by a factor every epoch.</source>
        <translation>每轮把学习率乘以一个因子。</translation>
    </message>
    <message>
        <source>1 / t decay</source>
        <translation>1 / t 衰减</translation>
    </message>
    <message>
        <source>lr / (1 + decay * epoch): large steps early, small steps late.</source>
        <translation>lr / (1 + decay * epoch)：前期步子大，后期步子小。</translation>
    </message>
    <message>
        <source>1 / sqrt(t) decay</source>
        <translation>1 / sqrt(t) 衰减</translation>
    </message>
    <message>
        <source>lr / sqrt(epoch + 1): the decay Adagrad&apos;s analysis suggests.</source>
        <translation>lr / sqrt(epoch + 1)：Adagrad 的理论分析所建议的衰减。</translation>
    </message>
    <message>
        <source>Cosine</source>
        <translation>余弦</translation>
    </message>
    <message>
        <source>TF Playground</source>
        <translation>TF Playground</translation>
    </message>
    <message>
        <source>Weights uniform in -0.5..0.5, biases 0.1, as TensorFlow Playground does.</source>
        <translation>权重在 -0.5..0.5 内均匀分布，偏置为 0.1，与 TensorFlow Playground 相同。</translation>
    </message>
    <message>
        <source>Zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <source>Every weight 0: all units of a layer stay identical and learn the same thing.</source>
        <translation>所有权重为 0：同一层的单元始终相同，学到同样的东西。</translation>
    </message>
    <message>
        <source>Every weight the same value: units never become different (symmetry).</source>
        <translation>所有权重取同一个值：单元永远不会变得不同（对称性）。</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>正态分布</translation>
    </message>
    <message>
        <source>Random normal weights with the spread you choose: too big explodes, too small vanishes.</source>
        <translation>按你选的标准差随机取正态分布权重：太大会爆炸，太小会消失。</translation>
    </message>
    <message>
        <source>Uniform</source>
        <translation>均匀分布</translation>
    </message>
    <message>
        <source>Random uniform weights within the bound you choose.</source>
        <translation>在你选的范围内随机取均匀分布权重。</translation>
    </message>
    <message>
        <source>Xavier (uniform)</source>
        <translation>Xavier（均匀）</translation>
    </message>
    <message>
        <source>Scaled by fan-in and fan-out so signals keep their size: suits tanh and sigmoid.</source>
        <translation>按输入和输出的连接数缩放，让信号保持大小：适合 tanh 和 sigmoid。</translation>
    </message>
    <message>
        <source>Xavier (normal)</source>
        <translation>Xavier（正态）</translation>
    </message>
    <message>
        <source>Xavier&apos;s scaling with normal noise: suits tanh and sigmoid.</source>
        <translation>用正态分布的 Xavier 缩放：适合 tanh 和 sigmoid。</translation>
    </message>
    <message>
        <source>He (uniform)</source>
        <translation>He（均匀）</translation>
    </message>
    <message>
        <source>Twice Xavier&apos;s variance by fan-in, making up for ReLU zeroing half the inputs.</source>
        <translation>方差为按输入连接数计算的 Xavier 方差的两倍，弥补 ReLU 把一半输入置零。</translation>
    </message>
    <message>
        <source>He (normal)</source>
        <translation>He（正态）</translation>
    </message>
    <message>
        <source>He&apos;s scaling with normal noise: suits ReLU-like activations.</source>
        <translation>用正态分布的 He 缩放：适合 ReLU 类激活函数。</translation>
    </message>
    <message>
        <source>LeCun (normal)</source>
        <translation>LeCun（正态）</translation>
    </message>
    <message>
        <source>Variance 1 / fan-in: suits SELU-like and linear layers.</source>
        <translation>方差为 1 / 输入连接数：适合 SELU 类和线性层。</translation>
    </message>
    <message>
        <source>Cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>-log of the probability given to the true class: steep when confidently wrong, so a saturated output still learns.</source>
        <translation>对真实类别概率取 -log：自信地分错时很陡，所以饱和的输出仍能学习。</translation>
    </message>
    <message>
        <source>Squared error</source>
        <translation>平方误差</translation>
    </message>
    <message>
        <source>(output - target)²; for classes on the probabilities, where a saturated sigmoid gives almost no gradient even when wrong.</source>
        <translation>(输出 - 目标)²；分类时作用在概率上，sigmoid 饱和时即使分错梯度也几乎为 0。</translation>
    </message>
    <message>
        <source>Absolute error</source>
        <translation>绝对误差</translation>
    </message>
    <message>
        <source>|output - target|: outliers pull less than under squared error.</source>
        <translation>|输出 - 目标|：离群点的拉力比平方误差下小。</translation>
    </message>
    <message>
        <source>Huber</source>
        <translation>Huber 损失</translation>
    </message>
    <message>
        <source>Squared error within 1 of the target, absolute error beyond it.</source>
        <translation>与目标相差 1 以内用平方误差，超出部分用绝对误差。</translation>
    </message>
    <message>
        <source>Hinge</source>
        <translation>合页损失</translation>
    </message>
    <message>
        <source>The SVM&apos;s loss: zero once a point is on the right side by a margin of 1.</source>
        <translation>支持向量机的损失：一个点以至少 1 的间隔落在正确一侧时为零。</translation>
    </message>
    <message>
        <source>TensorFlow Playground&apos;s rules: tanh output, ½(output - target)² on -1/+1 labels, fixed data order, L1 zeroes weights it pushes across 0.</source>
        <translation>TensorFlow Playground 的规则：tanh 输出，在 -1/+1 标签上用 ½(输出 - 目标)²，数据顺序固定，L1 把被它推过 0 的权重置为零。</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <source>One class inside a ring of the other.</source>
        <translation>一类在内，另一类围成一圈。</translation>
    </message>
    <message>
        <source>Exclusive or</source>
        <translation>异或</translation>
    </message>
    <message>
        <source>Opposite quadrants share a class: no straight line separates them.</source>
        <translation>对角象限属于同一类：没有直线能把它们分开。</translation>
    </message>
    <message>
        <source>Gaussian</source>
        <translation>高斯</translation>
    </message>
    <message>
        <source>Two clouds of points, nearly separable by a line.</source>
        <translation>两团点云，几乎能用一条直线分开。</translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <source>Two interleaved spiral arms: hard, needs depth or features.</source>
        <translation>两条交错的螺旋臂：很难，需要更深的网络或更多特征。</translation>
    </message>
    <message>
        <source>Moons</source>
        <translation>双月</translation>
    </message>
    <message>
        <source>Two interlocking half circles.</source>
        <translation>两个相互咬合的半圆。</translation>
    </message>
    <message>
        <source>Checkers</source>
        <translation>棋盘</translation>
    </message>
    <message>
        <source>A 4 x 4 board of alternating classes.</source>
        <translation>类别交替的 4 x 4 棋盘。</translation>
    </message>
    <message>
        <source>Blobs</source>
        <translation>多团</translation>
    </message>
    <message>
        <source>Three or more classes in clouds around a circle (softmax output).</source>
        <translation>三个或更多类别的点团围成一圈（softmax 输出）。</translation>
    </message>
    <message>
        <source>Plane</source>
        <translation>平面</translation>
    </message>
    <message>
        <source>Regression: the target rises along a diagonal.</source>
        <translation>回归：目标值沿对角线升高。</translation>
    </message>
    <message>
        <source>Bumps</source>
        <translation>起伏</translation>
    </message>
    <message>
        <source>Regression: six bumps up and down.</source>
        <translation>回归：六个高低起伏。</translation>
    </message>
    <message>
        <source>Curve</source>
        <translation>曲线</translation>
    </message>
    <message>
        <source>Regression on one input: fit a wavy line.</source>
        <translation>单输入回归：拟合一条波浪线。</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>CSV 文件</translation>
    </message>
    <message>
        <source>Your own data from a CSV file.</source>
        <translation>来自 CSV 文件的你自己的数据。</translation>
    </message>
    <message>
        <source>β₁ (momentum)</source>
        <translation>β₁（动量）</translation>
    </message>
    <message>
        <source>β₂ (scale)</source>
        <translation>β₂（尺度）</translation>
    </message>
    <message>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <source>ρ (decay)</source>
        <translation>ρ（衰减）</translation>
    </message>
    <message>
        <source>α (decay)</source>
        <translation>α（衰减）</translation>
    </message>
    <message>
        <source>Every (epochs)</source>
        <translation>间隔（轮）</translation>
    </message>
    <message>
        <source>Factor γ</source>
        <translation>因子 γ</translation>
    </message>
    <message>
        <source>Decay</source>
        <translation>衰减</translation>
    </message>
    <message>
        <source>Period (epochs)</source>
        <translation>周期（轮）</translation>
    </message>
    <message>
        <source>Minimum rate</source>
        <translation>最小学习率</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Multi-class</source>
        <translation>多分类</translation>
    </message>
    <message>
        <source>Regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <source>From the file</source>
        <translation>由文件决定</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批量大小</translation>
    </message>
    <message>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>Gradient clipping</source>
        <translation>梯度裁剪</translation>
    </message>
    <message>
        <source>Patience</source>
        <translation>耐心轮数</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>Lookahead</source>
        <translation>Lookahead</translation>
    </message>
    <message>
        <source>Initializer</source>
        <translation>初始化方法</translation>
    </message>
    <message>
        <source>Init scale</source>
        <translation>初始化尺度</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>随机失活</translation>
    </message>
    <message>
        <source>Batch norm</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <source>Residual</source>
        <translation>残差</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>每层宽度</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Diverged</source>
        <translation>已发散</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Stopped early</source>
        <translation>提前停止</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>出错</translation>
    </message>
    <message>
        <source>Draw points</source>
        <translation>手绘数据点</translation>
    </message>
    <message>
        <source>Click your own points onto the output plane: left click one class, right click another; drag to paint.</source>
        <translation>在输出平面上点出你自己的数据点：左键一类，右键另一类；拖动可连续绘制。</translation>
    </message>
    <message>
        <source>Formula boundary</source>
        <translation>公式边界</translation>
    </message>
    <message>
        <source>Type a curve x₂ = f(x₁), e.g. 3*sin(x1): the points above it are one class, below it the other.</source>
        <translation>输入一条曲线 x₂ = f(x₁)，例如 3*sin(x1)：曲线上方的点是一类，下方的是另一类。</translation>
    </message>
    <message>
        <source>Iris flowers</source>
        <translation>鸢尾花</translation>
    </message>
    <message>
        <source>150 irises of 3 species, measured in 4 ways (petal and sepal length and width): Fisher&apos;s classic table.</source>
        <translation>3 个品种共 150 朵鸢尾花，各有 4 项测量（花瓣和花萼的长度与宽度）：Fisher 的经典数据表。</translation>
    </message>
    <message>
        <source>Wine</source>
        <translation>葡萄酒</translation>
    </message>
    <message>
        <source>178 Italian wines from 3 growers, 13 chemical measurements each.</source>
        <translation>来自 3 个酒庄的 178 种意大利葡萄酒，每种 13 项化学测量。</translation>
    </message>
    <message>
        <source>Breast cancer</source>
        <translation>乳腺癌</translation>
    </message>
    <message>
        <source>569 tissue samples, 30 measurements of their cell nuclei: malignant or benign.</source>
        <translation>569 份组织样本，每份有 30 项细胞核测量：恶性还是良性。</translation>
    </message>
    <message>
        <source>Handwritten digits</source>
        <translation>手写数字</translation>
    </message>
    <message>
        <source>1797 handwritten digits 0-9 as 8 x 8 grey images (64 inputs): a small MNIST.</source>
        <translation>1797 个 0-9 的手写数字，8 x 8 灰度图（64 个输入）：一个小型 MNIST。</translation>
    </message>
    <message>
        <source>From the points</source>
        <translation>由数据点决定</translation>
    </message>
    <message>
        <source>Follows half a cosine from lr down to a minimum over each period of t_max epochs, then restarts from lr (warm restarts).</source>
        <translation>在每个 t_max 轮的周期内沿半个余弦从 lr 降到最小值，然后从 lr 重新开始（热重启）。</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <source>Add a hidden layer</source>
        <translation>添加一个隐藏层</translation>
    </message>
    <message>
        <source>Remove the last hidden layer</source>
        <translation>移除最后一个隐藏层</translation>
    </message>
    <message>
        <source>+{count} more</source>
        <translation>还有 {count} 个</translation>
    </message>
    <message>
        <source>Add a neuron to this layer</source>
        <translation>给这一层添加一个神经元</translation>
    </message>
    <message>
        <source>Remove a neuron from this layer</source>
        <translation>从这一层移除一个神经元</translation>
    </message>
    <message>
        <source>residual: x + f(x)</source>
        <translation>残差：x + f(x)</translation>
    </message>
    <message>
        <source>1 hidden layer</source>
        <translation>1 个隐藏层</translation>
    </message>
    <message numerus="yes">
        <source>%n hidden layers</source>
        <translation>
            <numerusform>%n 个隐藏层</numerusform>
        </translation>
    </message>
    <message>
        <source>features</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>1 neuron</source>
        <translation>1 个神经元</translation>
    </message>
    <message numerus="yes">
        <source>%n neurons</source>
        <translation>
            <numerusform>%n 个神经元</numerusform>
        </translation>
    </message>
    <message>
        <source>{layer}, {name}</source>
        <translation>{layer}，{name}</translation>
    </message>
    <message>
        <source>{layer}, neuron {index}</source>
        <translation>{layer}，神经元 {index}</translation>
    </message>
    <message>
        <source>{name}
input feature</source>
        <translation>{name}
输入特征</translation>
    </message>
    <message>
        <source>{name}
activation: {activation}
bias: {bias:.4g}</source>
        <translation>{name}
激活函数：{activation}
偏置：{bias:.4g}</translation>
    </message>
    <message>
        <source>weight {value:.4g}
{source} → {target}</source>
        <translation>权重 {value:.4g}
{source} → {target}</translation>
    </message>
    <message>
        <source>the strongest of {count} maxout pieces</source>
        <translation>{count} 个 maxout 片段中最强的一个</translation>
    </message>
    <message>
        <source>{layer} adds its input x to what it computes, f(x).</source>
        <translation>{layer} 把它的输入 x 加到它计算出的 f(x) 上。</translation>
    </message>
    <message>
        <source>{layer}&apos;s input has another width: a learned projection P maps it, P·x + f(x).</source>
        <translation>{layer} 的输入宽度不同：由一个可学习的投影 P 映射，P·x + f(x)。</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <source>Training diverged at step {step} (epoch {epoch}): the loss or a gradient became NaN or infinite. Likely cause: a learning rate too high (now {lr:g}) or exploding gradients; try a smaller learning rate, gradient clipping, batch norm or a smaller initialization.</source>
        <translation>训练在第 {step} 步（第 {epoch} 轮）发散：损失或梯度变成了 NaN 或无穷大。可能的原因：学习率太大（当前为 {lr:g}）或梯度爆炸；试试更小的学习率、梯度裁剪、批归一化或更小的初始化。</translation>
    </message>
    <message>
        <source>Early stopping at epoch {epoch}: validation loss has not improved for {patience} epochs; restored the weights of epoch {best_epoch} (validation loss {best_loss:.4g}).</source>
        <translation>在第 {epoch} 轮早停：验证损失已有 {patience} 轮没有改善；已恢复第 {best_epoch} 轮的权重（验证损失 {best_loss:.4g}）。</translation>
    </message>
    <message>
        <source>device &apos;{device}&apos; is not available on this machine; training on the CPU</source>
        <translation>本机没有设备“{device}”；改在 CPU 上训练</translation>
    </message>
    <message>
        <source>Training diverged at step {step} (epoch {epoch}): the training loss rose to {loss:.4g}, far above the {chance:.3g} of guessing (best so far {best:.3g}). Likely cause: a learning rate too high (now {lr:g}) or too large an initialization; try a smaller learning rate, gradient clipping, batch norm or a smaller initialization.</source>
        <translation>训练在第 {step} 步（第 {epoch} 轮）发散：训练损失升到 {loss:.4g}，远高于随机猜测的 {chance:.3g}（此前最好为 {best:.3g}）。可能的原因：学习率太大（当前为 {lr:g}）或初始化太大；试试更小的学习率、梯度裁剪、批归一化或更小的初始化。</translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <source>{what}: “{text}” is not a number</source>
        <translation>{what}：“{text}”不是数字</translation>
    </message>
    <message>
        <source>{what} must be above {low} and at most {high}</source>
        <translation>{what} 必须大于 {low} 且不超过 {high}</translation>
    </message>
    <message>
        <source>{what} must be between {low} and {high}</source>
        <translation>{what} 必须在 {low} 到 {high} 之间</translation>
    </message>
</context>
<context>
    <name>OutputPanel</name>
    <message>
        <source>Loss on the test data (never trained on) and on the training data: when training loss keeps falling while test loss rises, the network is overfitting.</source>
        <translation>测试数据（从未用于训练）和训练数据上的损失：训练损失持续下降而测试损失上升时，网络就过拟合了。</translation>
    </message>
    <message>
        <source>Show test data</source>
        <translation>显示测试数据</translation>
    </message>
    <message>
        <source>Draw the test points too (outlined): does the boundary fit data it never saw?</source>
        <translation>同时画出测试点（空心）：边界能否拟合从未见过的数据？</translation>
    </message>
    <message>
        <source>Discretize output</source>
        <translation>离散化输出</translation>
    </message>
    <message>
        <source>Show hidden-unit pieces</source>
        <translation>显示隐藏单元分量</translation>
    </message>
    <message>
        <source>y = b + Σ cᵢ·aᵢ(x): each thin curve is one last-hidden unit&apos;s activation times its weight to the output, the dashed line is the output&apos;s bias; together they add up to the output curve. Hover one to find its neuron.</source>
        <translation>y = b + Σ cᵢ·aᵢ(x)：每条细曲线是最后一个隐藏层中一个单元的激活值乘以它到输出的权重，虚线是输出的偏置；它们加起来就是输出曲线。悬停在某一条上可以找到它的神经元。</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Discretizing needs classes; a regression predicts numbers, drawn as they are.</source>
        <translation>离散化需要类别；回归预测的是数值，按原样绘制。</translation>
    </message>
    <message>
        <source>Paint only the predicted class instead of how sure the network is.</source>
        <translation>只画预测的类别，而不是网络有多确定。</translation>
    </message>
    <message>
        <source>Test loss –
Training loss –</source>
        <translation>测试损失 –
训练损失 –</translation>
    </message>
    <message>
        <source>Test loss {test}
Training loss {train}</source>
        <translation>测试损失 {test}
训练损失 {train}</translation>
    </message>
    <message>
        <source>Test loss {test} · accuracy {test_accuracy}
Training loss {train} · accuracy {train_accuracy}</source>
        <translation>测试损失 {test} · 准确率 {test_accuracy}
训练损失 {train} · 准确率 {train_accuracy}</translation>
    </message>
    <message>
        <source>Training loss {train} · accuracy {train_accuracy}</source>
        <translation>训练损失 {train} · 准确率 {train_accuracy}</translation>
    </message>
</context>
<context>
    <name>OutputView</name>
    <message>
        <source>These data have {count} inputs: too many to draw over a plane. The network, loss and gradient views still show how training goes.</source>
        <translation>这份数据有 {count} 个输入：太多，无法画在平面上。网络、损失和梯度视图仍会显示训练情况。</translation>
    </message>
    <message>
        <source>prediction</source>
        <translation>预测值</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>概率</translation>
    </message>
</context>
<context>
    <name>PointsEditor</name>
    <message>
        <source>Draw at least two points to fit</source>
        <translation>至少画两个点才能拟合</translation>
    </message>
    <message>
        <source>Draw points of at least two classes to train</source>
        <translation>至少画出两个类别的点才能训练</translation>
    </message>
</context>
<context>
    <name>PointsToolbar</name>
    <message>
        <source>Draw:</source>
        <translation>绘制：</translation>
    </message>
    <message>
        <source>Left click adds class {label}; right click adds the other class</source>
        <translation>左键添加类别 {label}；右键添加另一类</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>橡皮擦</translation>
    </message>
    <message>
        <source>Click or drag to remove the points under the pointer</source>
        <translation>点击或拖动以删除指针下的点</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Take back the last stroke</source>
        <translation>撤回上一笔</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Remove every point</source>
        <translation>删除所有点</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Draw numbers to fit (regression) instead of classes: each click takes the slider&apos;s value.</source>
        <translation>画出要拟合的数值（回归）而不是类别：每次点击取滑块的值。</translation>
    </message>
    <message>
        <source>The value a left click draws; a right click draws its negative</source>
        <translation>左键绘制的值；右键绘制它的相反数</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>Lesson: batch norm cures vanishing gradients</source>
        <translation>课程：批归一化治疗梯度消失</translation>
    </message>
    <message>
        <source>The sigmoid stack of the vanishing-gradients lesson with batch norm before every activation. Batch norm re-centres and re-scales each layer&apos;s inputs, so the sigmoids work in their steep middle instead of their flat tails and the gradient reaches the first layer. Compare the gradient-norm chart with the lesson without batch norm.</source>
        <translation>“梯度消失”课程中的 sigmoid 网络，在每个激活函数之前加上批归一化。批归一化把每层的输入重新居中、重新缩放，让 sigmoid 工作在陡峭的中段而不是平坦的两端，梯度就能传到第一层。把梯度范数图和没有批归一化的课程比较一下。</translation>
    </message>
    <message>
        <source>Lesson: gradient clipping tames exploding gradients</source>
        <translation>课程：梯度裁剪驯服梯度爆炸</translation>
    </message>
    <message>
        <source>Lesson: exploding gradients</source>
        <translation>课程：梯度爆炸</translation>
    </message>
    <message>
        <source>Six ReLU layers with large random weights (standard deviation 2) and a learning rate of 0.1. Every layer backprop passes through multiplies the gradient by about four, so the first step is enormous: the weights and the loss become NaN within the first epoch and training stops as diverged. Gradient clipping is one cure.</source>
        <translation>六个 ReLU 层，随机权重很大（标准差 2），学习率 0.1。反向传播每经过一层，梯度就放大约四倍，所以第一步就大得惊人：第一轮之内权重和损失就变成 NaN，训练以发散告终。梯度裁剪是一种疗法。</translation>
    </message>
    <message>
        <source>Lesson: a bigger network cures high bias</source>
        <translation>课程：更大的网络治疗高偏差</translation>
    </message>
    <message>
        <source>The spiral of the high-bias lesson with three hidden layers of 16 tanh units. Each layer bends the boundary a little more, and together they follow the spiral&apos;s arms: training error falls to near zero and validation error follows, so the diagnosis is fine.</source>
        <translation>“高偏差”课程的螺旋数据，换成三个各有 16 个 tanh 单元的隐藏层。每层都让边界再弯一点，合起来就能沿着螺旋臂走：训练误差降到接近零，验证误差随之下降，诊断结果为良好。</translation>
    </message>
    <message>
        <source>Lesson: high bias (underfitting)</source>
        <translation>课程：高偏差（欠拟合）</translation>
    </message>
    <message>
        <source>A model with no hidden layer can only draw a straight line, and no straight line separates the two arms of the spiral. Training error stays high however long it trains, and validation error is just as high: the diagnosis says high bias. The cure is a bigger model, not more data.</source>
        <translation>没有隐藏层的模型只能画一条直线，而没有哪条直线能分开螺旋的两条臂。无论训练多久，训练误差都居高不下，验证误差同样高：诊断为高偏差。疗法是更大的模型，而不是更多数据。</translation>
    </message>
    <message>
        <source>Lesson: dropout reduces variance</source>
        <translation>课程：dropout 降低方差</translation>
    </message>
    <message>
        <source>Lesson: early stopping reduces variance</source>
        <translation>课程：早停降低方差</translation>
    </message>
    <message>
        <source>Lesson: L2 regularization reduces variance</source>
        <translation>课程：L2 正则化降低方差</translation>
    </message>
    <message>
        <source>Lesson: more data reduces variance</source>
        <translation>课程：更多数据降低方差</translation>
    </message>
    <message>
        <source>Lesson: high variance (overfitting)</source>
        <translation>课程：高方差（过拟合）</translation>
    </message>
    <message>
        <source>Lesson: ReLU and He initialization cure vanishing gradients</source>
        <translation>课程：ReLU 与 He 初始化治疗梯度消失</translation>
    </message>
    <message>
        <source>The same eight layers as the vanishing-gradients lesson, now with ReLU units and He initialization. ReLU&apos;s slope is 1 where a unit is active and He&apos;s weights keep the signal&apos;s size from layer to layer, so the first layer&apos;s gradient is about as large as the last one&apos;s. Watch the gradient-norm chart stay level while the circle is learned.</source>
        <translation>与“梯度消失”课程相同的八层，换成 ReLU 单元和 He 初始化。单元激活时 ReLU 的斜率为 1，He 初始化的权重让信号在层与层之间保持大小，所以第一层的梯度和最后一层的差不多大。看梯度范数图在学会圆形的过程中保持平稳。</translation>
    </message>
    <message>
        <source>Lesson: vanishing gradients</source>
        <translation>课程：梯度消失</translation>
    </message>
    <message>
        <source>Eight sigmoid layers with small random weights: every layer backprop passes through multiplies the gradient by sigmoid&apos;s slope (at most 0.25) and by the small weights, so the first layer gets thousands of times less gradient than the last. Watch the gradient-norm chart: the first layers barely move and accuracy stays at chance. Compare with the two cures: ReLU with He initialization, and batch norm.</source>
        <translation>八个 sigmoid 层，随机权重很小：反向传播每经过一层，梯度就乘上 sigmoid 的斜率（最多 0.25）和这些小权重，所以第一层得到的梯度比最后一层少几千倍。看梯度范数图：前几层几乎不动，准确率停留在随机猜测的水平。与两种疗法比较：ReLU 加 He 初始化，以及批归一化。</translation>
    </message>
    <message>
        <source>Lesson: zero initialization never breaks symmetry</source>
        <translation>课程：全零初始化打破不了对称性</translation>
    </message>
    <message>
        <source>Every weight starts at zero, so every neuron of a layer computes the same thing, gets the same gradient and takes the same step: the neurons stay identical forever and a layer of four is no better than a layer of one. Look at the neuron pictures: within each layer they are all the same, and the circle is never learned.</source>
        <translation>所有权重都从零开始，所以同一层的每个神经元计算相同的东西，得到相同的梯度，迈出相同的一步：这些神经元永远一模一样，一层四个神经元并不比一个好。看神经元的图片：同一层里全都一样，圆形永远学不会。</translation>
    </message>
    <message>
        <source>Blobs</source>
        <translation>多团</translation>
    </message>
    <message>
        <source>Three Gaussian blobs, one per class: a softmax output gives each class a probability. Four hidden units are plenty.</source>
        <translation>三团高斯分布的点，每类一团：softmax 输出给每个类别一个概率。四个隐藏单元就够了。</translation>
    </message>
    <message>
        <source>Breast cancer</source>
        <translation>乳腺癌</translation>
    </message>
    <message>
        <source>30 measurements of cell nuclei tell malignant from benign tissue. Watch the confusion matrix: which mistake is worse?</source>
        <translation>用细胞核的 30 项测量区分恶性与良性组织。看混淆矩阵：哪一种错误更严重？</translation>
    </message>
    <message>
        <source>Checkerboard</source>
        <translation>棋盘</translation>
    </message>
    <message>
        <source>A 4 x 4 board of alternating squares. The sin_x1 and sin_x2 features repeat almost as often as the squares, so a small network learns the board quickly.</source>
        <translation>由交替方格组成的 4 x 4 棋盘。特征 sin_x1 和 sin_x2 重复的频率与方格几乎一样，所以小网络很快就能学会这个棋盘。</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <source>TensorFlow Playground&apos;s first picture: one class inside a ring of the other. Two small tanh layers bend a boundary around the centre from x1 and x2 alone.</source>
        <translation>TensorFlow Playground 的第一张图：一类在内，另一类围成一圈。两个小的 tanh 层仅凭 x1 和 x2 就能绕中心弯出一条边界。</translation>
    </message>
    <message>
        <source>Curve (regression)</source>
        <translation>曲线（回归）</translation>
    </message>
    <message>
        <source>A 1-D wave, sin(1.5 x) + 0.3 x, with a little noise. Two tanh layers fit it from x1 alone; try powers of x1 instead of hidden layers to see polynomials underfit.</source>
        <translation>一维波形 sin(1.5 x) + 0.3 x，带少许噪声。两个 tanh 层仅凭 x1 就能拟合它；试试用 x1 的幂次代替隐藏层，看看多项式如何欠拟合。</translation>
    </message>
    <message>
        <source>Handwritten digits</source>
        <translation>手写数字</translation>
    </message>
    <message>
        <source>8 x 8 images of the digits 0-9, one input per pixel: the Classes tab shows what each hidden unit looks for and the digits it gets wrong.</source>
        <translation>数字 0-9 的 8 × 8 图像，每个像素一个输入：“类别”页显示每个隐藏单元在找什么，以及它认错的数字。</translation>
    </message>
    <message>
        <source>A boundary you type</source>
        <translation>自己输入的边界</translation>
    </message>
    <message>
        <source>One class lies above the curve x2 = x1^3/8 - 2*x1, the other below: type another formula under More data.</source>
        <translation>一类在曲线 x2 = x1^3/8 - 2*x1 之上，另一类在其下：可在“更多数据”中输入别的公式。</translation>
    </message>
    <message>
        <source>Two Gaussians</source>
        <translation>两团高斯</translation>
    </message>
    <message>
        <source>Two overlapping Gaussian clouds: a straight line is almost the best possible boundary. A tiny network learns it in a few epochs.</source>
        <translation>两团相互重叠的高斯点云：一条直线几乎就是最好的边界。很小的网络几轮就能学会。</translation>
    </message>
    <message>
        <source>Iris flowers</source>
        <translation>鸢尾花</translation>
    </message>
    <message>
        <source>Fisher&apos;s 150 irises: four measurements tell three species apart. The inputs are standardized, as their units differ.</source>
        <translation>Fisher 的 150 朵鸢尾花：用四项测量区分三个品种。由于各项单位不同，输入做了标准化。</translation>
    </message>
    <message>
        <source>Two moons</source>
        <translation>双月</translation>
    </message>
    <message>
        <source>Two interlocking half circles with a little noise. Two ReLU layers with He initialization curve the boundary between them.</source>
        <translation>两个相互咬合、带少许噪声的半圆。两个用 He 初始化的 ReLU 层在它们之间弯出边界。</translation>
    </message>
    <message>
        <source>Draw your own points</source>
        <translation>自己画点</translation>
    </message>
    <message>
        <source>Click points onto the output plane (left and right button, or pick a class) and watch the boundary follow. Saved with the experiment.</source>
        <translation>在输出平面上点击添加点（左键和右键，或先选一个类别），看决策边界随之变化。点会随实验一起保存。</translation>
    </message>
    <message>
        <source>Bumps (regression)</source>
        <translation>起伏（回归）</translation>
    </message>
    <message>
        <source>Six bumps, three up and three down, on a flat plane. Two tanh layers of sixteen units fit their shapes.</source>
        <translation>平面上的六个起伏，三个凸起、三个凹陷。两个各十六个单元的 tanh 层能拟合它们的形状。</translation>
    </message>
    <message>
        <source>Plane (regression)</source>
        <translation>平面（回归）</translation>
    </message>
    <message>
        <source>The target is a tilted plane, (x1 + x2) / 10. Linear units fit it exactly; the output is a number, not a class.</source>
        <translation>目标是一个倾斜的平面 (x1 + x2) / 10。线性单元能精确拟合；输出是一个数值，而不是类别。</translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <source>Two interleaved spiral arms, the hardest of TensorFlow Playground&apos;s sets. Three tanh layers of eight units and Adam untangle them from x1 and x2.</source>
        <translation>两条交错的螺旋臂，是 TensorFlow Playground 中最难的数据集。三个各八个单元的 tanh 层加上 Adam，仅凭 x1 和 x2 就能把它们分开。</translation>
    </message>
    <message>
        <source>Wine</source>
        <translation>葡萄酒</translation>
    </message>
    <message>
        <source>178 wines from three growers, 13 chemical measurements each; standardized, as proline runs into the hundreds and hue stays near 1.</source>
        <translation>来自三个产地的 178 种葡萄酒，每种 13 项化学测量；做了标准化，因为脯氨酸的数值上百，而色调在 1 附近。</translation>
    </message>
    <message>
        <source>XOR</source>
        <translation>异或</translation>
    </message>
    <message>
        <source>Opposite quadrants share a class, so no straight line separates them. One hidden layer of eight tanh units learns the four quadrants from x1 and x2.</source>
        <translation>对角象限属于同一类，所以没有直线能分开它们。一个有八个 tanh 单元的隐藏层仅凭 x1 和 x2 就能学会这四个象限。</translation>
    </message>
    <message>
        <source>Lesson: a curve as a sum of hidden units</source>
        <translation>课程：曲线是隐藏单元之和</translation>
    </message>
    <message>
        <source>Hung-yi Lee writes a network as y = b + Σ cᵢ·aᵢ(x): on the output, each thin curve is one of the four ReLU units times its weight cᵢ, the dashed line is the bias b, and together they add up to the thick curve. Each piece is flat on one side of its kink and a straight ramp on the other, so after 100 epochs the fit is a broken line with four kinks that follows the wave to a validation loss under 0.03 (the noise alone costs 0.01). Two ramps of opposite slope make a hard sigmoid, a step between two plateaus; hover a piece to find its neuron.</source>
        <translation>李宏毅把网络写成 y = b + Σ cᵢ·aᵢ(x)：在输出图上，每条细曲线是四个 ReLU 单元之一乘以它的权重 cᵢ，虚线是偏置 b，它们加起来就是那条粗曲线。每一段在拐点一侧是平的，另一侧是一条直的斜坡，所以 100 轮后拟合结果是一条有四个拐点的折线，沿着波形走，验证损失低于 0.03（单是噪声就占 0.01）。两个斜率相反的斜坡组成一个 hard sigmoid，即两个平台之间的一级台阶；把鼠标悬停在某一段上可以找到它的神经元。</translation>
    </message>
    <message>
        <source>Lesson: squared error on a sigmoid output</source>
        <translation>课程：sigmoid 输出上的平方误差</translation>
    </message>
    <message>
        <source>Logistic regression (no hidden layer, a sigmoid output) started with large weights that point the wrong way: every point sits on a flat tail of the sigmoid, confidently misclassified. Squared error (p - y)² passes its gradient through the sigmoid&apos;s slope p(1 - p), almost 0 there, so the weights hardly move: accuracy stays at 0 % and the loss near its largest value, 1, for all 100 epochs. Compare with the same start under cross-entropy.</source>
        <translation>逻辑回归（没有隐藏层，sigmoid 输出）从指向错误方向的大权重开始：每个点都落在 sigmoid 平坦的尾部，被自信地分错。平方误差 (p - y)² 的梯度要乘以 sigmoid 的斜率 p(1 - p)，而那里几乎为 0，所以权重几乎不动：在全部 100 轮里准确率一直是 0 %，损失停在接近最大值 1 的地方。请与同样起点下的交叉熵对比。</translation>
    </message>
    <message>
        <source>Lesson: cross-entropy learns from a saturated sigmoid</source>
        <translation>课程：交叉熵能从饱和的 sigmoid 中学习</translation>
    </message>
    <message>
        <source>The same logistic regression and the same wrong, saturated start, now with cross-entropy. Its gradient is p - y, as large as the error itself, so the most confidently wrong points pull hardest: the first epoch&apos;s gradient is hundreds of times larger than under squared error and accuracy reaches 100 % within five epochs. This is why classification trains with cross-entropy.</source>
        <translation>同样的逻辑回归、同样错误且饱和的起点，这次用交叉熵。它的梯度是 p - y，和误差本身一样大，所以最自信地分错的点拉得最用力：第一轮的梯度比平方误差下大几百倍，五轮之内准确率就达到 100 %。这就是分类要用交叉熵训练的原因。</translation>
    </message>
    <message>
        <source>The exploding-gradients lesson with gradient clipping: before every step the gradient is scaled down to a norm of at most 0.5. The huge gradients still point the right way, but each step now has a sensible size, so training stays finite and learns the circle: about 98 % of the validation points right, and the diagnosis says fine. Clipping tames the symptom; a smaller initialization (He) fixes the cause.</source>
        <translation>带梯度裁剪的梯度爆炸课：每一步之前把梯度缩放到范数不超过 0.5。巨大的梯度方向仍然正确，但每一步的步长变得合理，所以训练保持有限并学会了圆形：约 98% 的验证点正确，诊断为“良好”。梯度裁剪只缓解症状；更小的初始化（He 初始化）才解决根源。</translation>
    </message>
    <message>
        <source>Lesson: too large a learning rate</source>
        <translation>课程：学习率过大</translation>
    </message>
    <message>
        <source>Plain gradient descent (SGD) at three learning rates in the ravine (x² + 20y²)/2 of the Arena tab: press Race. At 0.02 the steps are too small, and after 100 steps the loss is still above 0.1; at 0.09 the path zig-zags across the ravine but the loss falls below 0.00001. At 0.105, above 2/20 = 0.1, every step overshoots the floor by more than it started from: the zig-zag grows and leaves the plot at step 8, and kept going (playground arena) it diverges to infinity.</source>
        <translation>在竞技场标签页的峡谷 (x² + 20y²)/2 中，用三个学习率运行普通梯度下降（SGD）：按“比赛”。0.02 时步子太小，100 步后损失仍高于 0.1；0.09 时路径在峡谷两侧来回折返，但损失降到 0.00001 以下。0.105 超过了 2/20 = 0.1，每一步越过谷底的距离都比出发时更远：折线越来越大，在第 8 步离开图；继续运行（playground arena）它会发散到无穷大。</translation>
    </message>
    <message>
        <source>Lesson: momentum in a ravine</source>
        <translation>课程：峡谷中的动量</translation>
    </message>
    <message>
        <source>The quadratic (x² + 20y²)/2 is a narrow ravine, 20 times steeper across than along: press Race in the Arena tab. Plain gradient descent at lr 0.09 overshoots the floor at every step, so its path zig-zags from wall to wall while it creeps along. Momentum (0.5) at the same learning rate lets the zig-zags cancel and keeps its speed along the floor: after 50 steps its loss is more than a million times smaller than SGD&apos;s.</source>
        <translation>二次函数 (x² + 20y²)/2 是一条狭窄的峡谷，横向比纵向陡 20 倍：在竞技场标签页按“比赛”。学习率 0.09 的普通梯度下降每一步都越过谷底，所以路径在两壁之间来回折返，只能缓慢前进。同样学习率下的动量（0.5）让来回的折返相互抵消，并沿谷底保持速度：50 步后它的损失比 SGD 小一百万倍以上。</translation>
    </message>
    <message>
        <source>Lesson: Adam on a plateau</source>
        <translation>课程：平台上的 Adam</translation>
    </message>
    <message>
        <source>On the saddle x² − y², starting a hair&apos;s breadth (y = 0.001) off the ridge, the slope across is almost zero: a plateau around the saddle point. SGD at lr 0.05 slides down into the saddle point and lingers there, less than 0.02 across after 30 steps. Adam at the same learning rate divides each step by the gradient&apos;s recent size, so it moves about lr per step however flat the ground: it is more than 1 across by step 25 and leaves the plot in less than half SGD&apos;s steps.</source>
        <translation>在鞍面 x² − y² 上，从离山脊一丝一毫（y = 0.001）的地方出发，横向坡度几乎为零：鞍点周围是一片平台。学习率 0.05 的 SGD 滑进鞍点并在那里徘徊，30 步后横向移动还不到 0.02。同样学习率的 Adam 用梯度最近的大小去除每一步，所以无论地面多平，每步都大约走 lr 那么远：第 25 步时横向已超过 1，离开图的步数不到 SGD 的一半。</translation>
    </message>
    <message>
        <source>Two layers of 64 ReLU units trained for 1000 epochs on 500 points with noise 0.25, which puts about 8 % of the labels on the wrong side of the circle. The network has room to memorize the training points, noise included: training error falls to about 3 % while validation error stays near 9 %, and the diagnosis says high variance. Watch the validation loss rise while the training loss keeps falling, and the boundary wrap around single points.</source>
        <translation>两层各 64 个 ReLU 单元，在 500 个噪声为 0.25 的点上训练 1000 轮，约 8 % 的标签落在圆的错误一侧。网络有足够的容量记住训练点，连噪声一起：训练误差降到约 3 %，验证误差却停在 9 % 左右，诊断为高方差。看验证损失上升而训练损失持续下降，边界绕着单个点打转。</translation>
    </message>
    <message>
        <source>The high-variance lesson with an L2 penalty (0.03) on the weights. Large weights now cost loss, so the network draws a smooth circle instead of wrapping around single noisy points: training error rises to the noise level (about 7 %), validation error falls to about 8 %, and the gap of 6 points shrinks to under 1. The diagnosis is fine: compare the boundary and the Bias &amp; variance tab with the high-variance lesson.</source>
        <translation>对权重加上 L2 惩罚（0.03）的“高方差”课程。大权重现在会增加损失，所以网络画出一个平滑的圆，而不是绕着单个噪声点打转：训练误差升到噪声水平（约 7 %），验证误差降到约 8 %，6 个百分点的差距缩小到 1 以下。诊断结果为良好：把边界和“偏差与方差”标签页与“高方差”课程比较一下。</translation>
    </message>
    <message>
        <source>The high-variance lesson with dropout 0.5 in both hidden layers: at every step a random half of the units is switched off, so no unit can rely on particular others to memorize a point. Training error rises to the noise level (about 7 %) and validation error falls to about 8 %: the gap of 6 points shrinks to under 1 and the diagnosis is fine. Compare with the high-variance lesson.</source>
        <translation>在两个隐藏层都加上 0.5 的 dropout（随机失活）的“高方差”课程：每一步随机关闭一半单元，任何单元都不能依赖特定的其他单元来记住某个点。训练误差升到噪声水平（约 7 %），验证误差降到约 8 %：6 个百分点的差距缩小到 1 以下，诊断结果为良好。与“高方差”课程比较一下。</translation>
    </message>
    <message>
        <source>The high-variance lesson with early stopping: training stops once the validation loss has not improved for 30 epochs, near epoch 90 of 1000, and the weights of the best epoch are restored. The network is stopped before it has memorized the noise: training error is about 7 %, validation error about 8 %, and the diagnosis is fine. Note the epoch it stops at.</source>
        <translation>加了早停的“高方差”课程：验证损失连续 30 轮没有改善时停止训练（在 1000 轮中的第 90 轮左右），并恢复最好那一轮的权重。网络在记住噪声之前就被叫停：训练误差约 7 %，验证误差约 8 %，诊断结果为良好。留意它停在第几轮。</translation>
    </message>
    <message>
        <source>The network of the high-variance lesson on ten times as many points (5000 for training). It cannot memorize them all, so it has to learn the circle itself: training error rises to the noise level (about 8 %), validation error falls to about 7 %, and the gap of 6 points closes. The diagnosis is fine, and the model did not change: more data cures variance.</source>
        <translation>“高方差”课程的网络，用十倍的数据点（5000 个用于训练）。它记不住所有的点，只好学会圆形本身：训练误差升到噪声水平（约 8 %），验证误差降到约 7 %，6 个百分点的差距消失了。诊断结果为良好，而模型并没有变：更多数据治好了方差。</translation>
    </message>
</context>
<context>
    <name>ProjectionView</name>
    <message>
        <source>PC1 ({share:.0%} of the spread)</source>
        <translation>PC1（占总方差的 {share:.0%}）</translation>
    </message>
    <message>
        <source>PC2 ({share:.0%})</source>
        <translation>PC2（{share:.0%}）</translation>
    </message>
    <message>
        <source>{count} inputs are too many for a plane: the training examples are drawn on their two main directions (PCA), without a decision surface. Red rings: validation examples the network gets wrong.</source>
        <translation>{count} 个输入太多，无法画在平面上：训练样本按两个主方向（PCA）绘制，不画决策面。红圈：网络分错的验证样本。</translation>
    </message>
</context>
<context>
    <name>RacerTable</name>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>lr</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Hyperparameters</source>
        <translation>超参数</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>NAME=VALUE pairs, comma-separated; left out ones take the catalog&apos;s defaults. Lookahead: its k and alpha, then its inner optimizer&apos;s.</source>
        <translation>用逗号分隔的 名称=值；未写的取默认值。Lookahead：先写它的 k 和 alpha，再写内部优化器的。</translation>
    </message>
    <message>
        <source>Lookahead + {optimizer}</source>
        <translation>Lookahead + {optimizer}</translation>
    </message>
</context>
<context>
    <name>Remedy</name>
    <message>
        <source>a bigger network (more units or layers)</source>
        <translation>更大的网络（更多神经元或层）</translation>
    </message>
    <message>
        <source>train longer</source>
        <translation>训练更久</translation>
    </message>
    <message>
        <source>a better optimizer (Adam, momentum)</source>
        <translation>更好的优化器（Adam、动量）</translation>
    </message>
    <message>
        <source>less regularization</source>
        <translation>减少正则化</translation>
    </message>
    <message>
        <source>more data</source>
        <translation>更多数据</translation>
    </message>
    <message>
        <source>regularization (L2, dropout)</source>
        <translation>正则化（L2、dropout）</translation>
    </message>
    <message>
        <source>early stopping</source>
        <translation>早停</translation>
    </message>
    <message>
        <source>a smaller network</source>
        <translation>更小的网络</translation>
    </message>
    <message>
        <source>ReLU-family activations (ReLU, leaky ReLU, ELU)</source>
        <translation>ReLU 类激活函数（ReLU、Leaky ReLU、ELU）</translation>
    </message>
    <message>
        <source>He or Xavier initialization</source>
        <translation>He 或 Xavier 初始化</translation>
    </message>
    <message>
        <source>batch norm</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <source>residual connections</source>
        <translation>残差连接</translation>
    </message>
    <message>
        <source>a smaller learning rate</source>
        <translation>更小的学习率</translation>
    </message>
    <message>
        <source>gradient clipping</source>
        <translation>梯度裁剪</translation>
    </message>
    <message>
        <source>a smaller (Xavier or He) initialization</source>
        <translation>更小的初始化（Xavier 或 He）</translation>
    </message>
    <message>
        <source>a smaller initialization</source>
        <translation>更小的初始化</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>a larger validation split</source>
        <translation>更大的验证集</translation>
    </message>
    <message>
        <source>standardized inputs (the features&apos; scales differ by more than 100 times)</source>
        <translation>标准化输入（特征的尺度相差超过 100 倍）</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>How each update turns gradients into weight changes.</source>
        <translation>每次更新如何把梯度变成权重的改变。</translation>
    </message>
    <message>
        <source>The update rule. Changing it starts over, since its running averages belong to the old weights.</source>
        <translation>更新规则。更改后重新开始训练，因为它的滑动平均属于旧的权重。</translation>
    </message>
    <message>
        <source>What training minimizes; only the losses that fit the task are listed. Changing it starts over.</source>
        <translation>训练要最小化的目标；只列出适合当前任务的损失函数。更改后会重新开始。</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>Lookahead</source>
        <translation>Lookahead</translation>
    </message>
    <message>
        <source>Keeps a slow copy of the weights that moves part of the way towards the fast ones every k steps: steadier training for any optimizer.</source>
        <translation>保留一份慢权重，每 k 步向快权重移动一段距离：让任何优化器训练得更稳。</translation>
    </message>
    <message>
        <source>On</source>
        <translation>开启</translation>
    </message>
    <message>
        <source>Fast steps between two slow updates.</source>
        <translation>两次慢更新之间的快速步数。</translation>
    </message>
    <message>
        <source>Lookahead α</source>
        <translation>Lookahead α</translation>
    </message>
    <message>
        <source>How far the slow weights move towards the fast ones (0..1].</source>
        <translation>慢权重向快权重移动多远 (0..1]。</translation>
    </message>
    <message>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <source>α</source>
        <translation>α</translation>
    </message>
    <message>
        <source>Learning-rate schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>How the learning rate changes over the epochs: big steps early, small steps to settle late.</source>
        <translation>学习率如何随轮次变化：前期大步走，后期小步收敛。</translation>
    </message>
    <message>
        <source>The schedule; changing it starts over.</source>
        <translation>调度方式；更改后重新开始训练。</translation>
    </message>
    <message>
        <source>Regularization</source>
        <translation>正则化</translation>
    </message>
    <message>
        <source>Ways to keep weights small and training stable; all apply at once, without a reset.</source>
        <translation>让权重保持较小、训练保持稳定的方法；全部立即生效，无需重置。</translation>
    </message>
    <message>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <source>Adds rate × |w| to the loss: pushes unneeded weights to exactly zero (a sparse network).</source>
        <translation>在损失上加 rate × |w|：把不需要的权重压到恰好为零（稀疏网络）。</translation>
    </message>
    <message>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <source>Adds rate/2 × w² to the loss: shrinks all weights, giving smoother boundaries.</source>
        <translation>在损失上加 rate/2 × w²：缩小所有权重，边界更平滑。</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>Shrinks every weight by lr × decay after each step, apart from the gradient (as AdamW does).</source>
        <translation>每步之后把每个权重缩小 lr × decay，与梯度分开（与 AdamW 相同）。</translation>
    </message>
    <message>
        <source>Gradient clip</source>
        <translation>梯度裁剪</translation>
    </message>
    <message>
        <source>Caps the length of the gradient at this value, so one bad batch cannot blow up the weights. 0: off.</source>
        <translation>把梯度的长度限制在这个值以内，一个坏批次就不会让权重爆掉。0：关闭。</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>When training stops by itself.</source>
        <translation>训练何时自动停止。</translation>
    </message>
    <message>
        <source>Early stopping: stop when the validation loss has not improved for this many epochs, and go back to the best weights. 0: off.</source>
        <translation>早停：验证损失连续这么多轮没有改善就停止，并回到最好的权重。0：关闭。</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Patience</source>
        <translation>耐心轮数</translation>
    </message>
    <message>
        <source>Stop at epoch</source>
        <translation>停在第几轮</translation>
    </message>
    <message>
        <source>Pause by itself at this epoch, e.g. to compare settings after the same amount of training. Off: train until you pause.</source>
        <translation>到这一轮自动暂停，例如在相同训练量后比较不同设置。关闭：一直训练到你暂停为止。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>Where training starts from, and where it runs.</source>
        <translation>训练从哪里开始，在哪里运行。</translation>
    </message>
    <message>
        <source>How the weights are drawn before training: too large saturates or explodes, too small vanishes, all equal never breaks the symmetry between neurons. Changing it starts over.</source>
        <translation>训练前如何生成权重：太大会饱和或爆炸，太小会消失，全部相等则永远打破不了神经元之间的对称性。更改后重新开始训练。</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>尺度</translation>
    </message>
    <message>
        <source>The spread (normal: σ, uniform: bound) or value (constant) of the initial weights.</source>
        <translation>初始权重的分布宽度（正态：σ，均匀：范围）或取值（常数）。</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Where training runs; only what this machine has is listed. Small networks are often faster on the CPU.</source>
        <translation>训练在哪里运行；只列出本机有的设备。小网络往往在 CPU 上更快。</translation>
    </message>
    <message>
        <source>The random seed of the initial weights and batch order: the same seed gives the same run.</source>
        <translation>初始权重和批次顺序的随机种子：相同的种子得到相同的训练过程。</translation>
    </message>
    <message>
        <source>Initializer</source>
        <translation>初始化方法</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>取值</translation>
    </message>
    <message>
        <source>σ</source>
        <translation>σ</translation>
    </message>
    <message>
        <source>Bound</source>
        <translation>范围</translation>
    </message>
</context>
<context>
    <name>SmoothingControl</name>
    <message>
        <source>Exponentially weighted average of each curve: v = β·v + (1 − β)·value, divided by 1 − βᵗ so the first epochs are not pulled toward 0 (bias correction). It averages about the last 1 / (1 − β) epochs; the measured curve stays faint behind it. 0 is off.</source>
        <translation>对每条曲线做指数加权平均：v = β·v + (1 − β)·值，再除以 1 − βᵗ，使最初几轮不被拉向 0（偏差修正）。它大约平均最近 1 / (1 − β) 轮；实测曲线以浅色留在后面。0 表示关闭。</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>β {beta:.3f} · ~{epochs:.0f} epochs</source>
        <translation>β {beta:.3f} · 约 {epochs:.0f} 轮</translation>
    </message>
</context>
<context>
    <name>Sweep</name>
    <message>
        <source>training examples</source>
        <translation>训练样本数</translation>
    </message>
    <message>
        <source>hidden units per layer</source>
        <translation>每层隐藏单元数</translation>
    </message>
    <message>
        <source>hidden layers</source>
        <translation>隐藏层数</translation>
    </message>
    <message>
        <source>polynomial degree</source>
        <translation>多项式次数</translation>
    </message>
</context>
<context>
    <name>SweepPanel</name>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>and</source>
        <translation>和</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型数</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>validation error</source>
        <translation>验证误差</translation>
    </message>
    <message>
        <source>Use this value</source>
        <translation>使用这个值</translation>
    </message>
    <message>
        <source>Models, each at its own value in the range (two parameters: its own point of the plane).</source>
        <translation>模型数，每个模型在范围内取自己的值（两个参数时：平面上自己的一个点）。</translation>
    </message>
    <message>
        <source>at random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>on a grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>At random: each model at its own random value (Ng: better than a grid when one parameter matters more). On a grid: evenly spaced values, ends included; with two parameters the square of the largest whole side.</source>
        <translation>随机：每个模型取自己的随机值（吴恩达：当某个参数更重要时，比网格更好）。网格：等距取值，包含两端；两个参数时，取能排成的最大正方形网格。</translation>
    </message>
    <message>
        <source>Each model tries its own value; the star is the lowest validation error. With two parameters, dark is low error.</source>
        <translation>每个模型尝试自己的取值；星号是验证误差最低的那个。两个参数时，颜色越深误差越低。</translation>
    </message>
    <message>
        <source>log</source>
        <translation>对数</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>Log: as many models per factor of ten (Ng: alpha = 10^r). For momentum, the scale is of 1 - beta.</source>
        <translation>对数：每个十倍区间的模型一样多（吴恩达：alpha = 10^r）。对动量而言，刻度取在 1 - beta 上。</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>{param}: the range&apos;s ends must be numbers</source>
        <translation>{param}：范围的两端必须是数字</translation>
    </message>
    <message>
        <source>No model has a finite validation error.</source>
        <translation>没有模型的验证误差是有限值。</translation>
    </message>
    <message>
        <source>Best: {values}, validation error {error:.4f}</source>
        <translation>最佳：{values}，验证误差 {error:.4f}</translation>
    </message>
    <message>
        <source>Stopped: the models were trained only until cancelled.</source>
        <translation>已停止：模型只训练到取消为止。</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Epochs: how many times training has gone through all training examples.</source>
        <translation>轮数（epoch）：训练遍历全部训练样本的次数。</translation>
    </message>
    <message>
        <source>Updates (batches) so far, and how fast training runs right now.</source>
        <translation>到目前为止的更新次数（批次），以及当前的训练速度。</translation>
    </message>
    <message>
        <source>What training is doing now.</source>
        <translation>训练当前的状态。</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>(per layer)</source>
        <translation>（各层不同）</translation>
    </message>
    <message>
        <source>The layers differ; see the layer table.</source>
        <translation>各层设置不同；见层表格。</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>regularization rate</source>
        <translation>正则化率</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>How big a step each update takes: too small learns slowly, too large overshoots and diverges. Changes apply at once, without a reset.</source>
        <translation>每次更新的步子有多大：太小学得慢，太大会冲过头而发散。更改立即生效，无需重置。</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>The function every hidden neuron applies: it is what lets the network draw curved boundaries. Changing it starts over.</source>
        <translation>每个隐藏神经元使用的函数：正是它让网络能画出弯曲的边界。更改后重新开始训练。</translation>
    </message>
    <message>
        <source>Regularization</source>
        <translation>正则化</translation>
    </message>
    <message>
        <source>A penalty on large weights that keeps the model simple and fights overfitting: L1 pushes weights to exactly zero, L2 shrinks them all. Applies at once.</source>
        <translation>对大权重的惩罚，让模型保持简单、抑制过拟合：L1 把权重压到恰好为零，L2 让所有权重都变小。立即生效。</translation>
    </message>
    <message>
        <source>Regularization rate</source>
        <translation>正则化率</translation>
    </message>
    <message>
        <source>How strong the penalty is: too strong and the model cannot fit even the training data. Applies at once.</source>
        <translation>惩罚有多强：太强时模型连训练数据都拟合不了。立即生效。</translation>
    </message>
    <message>
        <source>Problem type</source>
        <translation>问题类型</translation>
    </message>
    <message>
        <source>Classification or regression; it follows from the data set.</source>
        <translation>分类或回归；由数据集决定。</translation>
    </message>
    <message>
        <source>Epoch {epoch}</source>
        <translation>轮次 {epoch}</translation>
    </message>
    <message>
        <source>step {step:,} · {steps:,.0f} steps/s · {epochs:,.1f} epochs/s</source>
        <translation>第 {step:,} 步 · {steps:,.0f} 步/秒 · {epochs:,.1f} 轮/秒</translation>
    </message>
    <message>
        <source>The learning rate this epoch, as the schedule set it.</source>
        <translation>本轮的学习率，由学习率调度设定。</translation>
    </message>
    <message>
        <source>How fast Play trains: a couple of updates a second to follow each one, TF Playground&apos;s pace to talk over, or as fast as this machine goes.</source>
        <translation>“开始”后训练多快：每秒几次更新，便于逐次观察；TF Playground 的节奏，便于边讲边看；或者本机能跑多快就多快。</translation>
    </message>
    <message>
        <source>2 steps/s</source>
        <translation>2 步/秒</translation>
    </message>
    <message>
        <source>1 epoch/s</source>
        <translation>1 轮/秒</translation>
    </message>
    <message>
        <source>10 epochs/s</source>
        <translation>10 轮/秒</translation>
    </message>
    <message>
        <source>60 epochs/s</source>
        <translation>60 轮/秒</translation>
    </message>
    <message>
        <source>Full speed</source>
        <translation>全速</translation>
    </message>
    <message>
        <source>learning rate now {lr}</source>
        <translation>当前学习率 {lr}</translation>
    </message>
</context>
<context>
    <name>TrainingActions</name>
    <message>
        <source>Play</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Start or pause training (Space).</source>
        <translation>开始或暂停训练（空格键）。</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Train on one batch, then pause, to watch a single update (Right arrow).</source>
        <translation>用一个批次训练后暂停，观察单次更新（右方向键）。</translation>
    </message>
    <message>
        <source>Step epoch</source>
        <translation>单轮</translation>
    </message>
    <message>
        <source>Train until every training example was seen once more, then pause (Shift+Right).</source>
        <translation>训练到每个训练样本都再被看过一次，然后暂停（Shift+右方向键）。</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Start over with fresh weights from the same seed: the same start as before (R).</source>
        <translation>用同一个种子生成新权重重新开始：与之前的起点相同（R）。</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Draw new data from the next data seed, then start over (G).</source>
        <translation>用下一个数据种子生成新数据，然后重新开始（G）。</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <source>High bias</source>
        <translation>高偏差</translation>
    </message>
    <message>
        <source>The model underfits: it does not even fit the training data well.</source>
        <translation>模型欠拟合：连训练数据都拟合得不好。</translation>
    </message>
    <message>
        <source>High variance</source>
        <translation>高方差</translation>
    </message>
    <message>
        <source>The model overfits: it fits the training data but not new data.</source>
        <translation>模型过拟合：能拟合训练数据，却拟合不了新数据。</translation>
    </message>
    <message>
        <source>High bias and high variance</source>
        <translation>高偏差且高方差</translation>
    </message>
    <message>
        <source>The model fits the training data poorly and new data worse still.</source>
        <translation>模型对训练数据拟合得差，对新数据更差。</translation>
    </message>
    <message>
        <source>Fine</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>Bias and variance are both small.</source>
        <translation>偏差和方差都很小。</translation>
    </message>
    <message>
        <source>No diagnosis</source>
        <translation>无法诊断</translation>
    </message>
    <message>
        <source>Not sure yet</source>
        <translation>尚无定论</translation>
    </message>
    <message>
        <source>A gap is within the noise of {rows} validation points: variance {variance} ± {variance_margin}, avoidable bias {bias} ± {bias_margin}, against a tolerance of {tolerance}.</source>
        <translation>有一个差距落在 {rows} 个验证点的噪声范围内：方差 {variance} ± {variance_margin}，可避免偏差 {bias} ± {bias_margin}，容差为 {tolerance}。</translation>
    </message>
    <message>
        <source>The errors are not numbers: there is no validation split.</source>
        <translation>误差不是数字：没有验证集。</translation>
    </message>
    <message>
        <source>The model has not finished an epoch yet.</source>
        <translation>模型还没有训练完一轮。</translation>
    </message>
    <message>
        <source>Training diverged, so its errors say nothing about bias or variance.</source>
        <translation>训练已发散，它的误差说明不了偏差或方差。</translation>
    </message>
</context>
<context>
    <name>_RacePanel</name>
    <message>
        <source>Epochs each model trains.</source>
        <translation>每个模型训练的轮数。</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>（无）</translation>
    </message>
</context>
</TS>
