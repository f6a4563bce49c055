// TensorFlow.js 4.22 doing the work our core does: the same bundle and hold-out split (ported
// fm::Rng), Keras-default models and optimizers, batch 32, shuffled each epoch. Exposes
// window.tfBench.run(options) for the benchmark driver (scripts/bench/tfjs.mjs).
/* global tf */
import { fetchBundle, gather } from './bundle.mjs';
import { holdoutSplit, selfCheck } from './rng.mjs';

const bundles = new Map(); // url → parsed bundle, so cases sharing a side decode it once

async function setBackend(name) {
  if (name === 'wasm') {
    // The .wasm files sit next to the backend's JS (bench-site/tfjs-wasm/), served locally.
    if (!setBackend.pathsSet) tf.wasm.setWasmPaths(new URL('/tfjs-wasm/', location.href).href);
    setBackend.pathsSet = true;
  }
  if (!(await tf.setBackend(name))) throw new Error(`TF.js backend '${name}' failed to initialise`);
  await tf.ready();
  const flags = {};
  if (name === 'wasm') {
    flags.simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    flags.threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  }
  return flags;
}

// Dense(10, softmax), Dense(hidden, relu) + Dense(10, softmax), or the CNNs of our core
// (src/core/train_config.cpp: `cnn` the book's, `cnn-small`); Glorot-uniform weights and zero
// biases are Keras' (and our core's) defaults, spelled out so a TF.js default change can't move them.
function makeModel({ model, hidden, side }) {
  const init = { kernelInitializer: 'glorotUniform', biasInitializer: 'zeros' };
  const net = tf.sequential();
  const pixels = side * side;
  if (model === 'cnn' || model === 'cnn-small') {
    const [c1, c2, d] = model === 'cnn' ? [32, 64, 100] : [16, 32, 64];
    const conv = (filters, extra) => tf.layers.conv2d({ filters, kernelSize: 3, activation: 'relu', padding: 'same',
      ...init, ...extra });
    net.add(conv(c1, { inputShape: [side, side, 1] }));
    net.add(tf.layers.maxPooling2d({ poolSize: 2 }));
    net.add(conv(c2));
    net.add(tf.layers.maxPooling2d({ poolSize: 2 }));
    net.add(tf.layers.flatten());
    net.add(tf.layers.dense({ units: d, activation: 'relu', ...init }));
    if (model === 'cnn') net.add(tf.layers.dropout({ rate: 0.4 }));
    net.add(tf.layers.dense({ units: 10, activation: 'softmax', ...init }));
  } else if (model === 'mlp') {
    net.add(tf.layers.dense({ units: hidden, activation: 'relu', inputShape: [pixels], ...init }));
    net.add(tf.layers.dense({ units: 10, activation: 'softmax', ...init }));
  } else {
    net.add(tf.layers.dense({ units: 10, activation: 'softmax', inputShape: [pixels], ...init }));
  }
  return net;
}

function makeOptimizer(name, lr) {
  // tf.train.rmsprop: rho 0.9, eps 1e-7, as Keras; tf.train.adam: 0.9 / 0.999 / 1e-7.
  if (name === 'adam') return tf.train.adam(lr);
  if (name === 'rmsprop') return tf.train.rmsprop(lr, 0.9);
  return tf.train.sgd(lr);
}

// Validation accuracy, predicted in chunks of 2000: predict's default batch of 32 made the
// validation pass cost seconds of per-call overhead.
function accuracy(net, x, labels) {
  const pred = tf.tidy(() => net.predict(x, { batchSize: 2000 }).argMax(1).dataSync());
  let correct = 0;
  for (let i = 0; i < labels.length; i++) correct += pred[i] === labels[i] ? 1 : 0;
  return correct / labels.length;
}

// The default training loop: shuffle indices, gather each batch, optimizer.minimize on the model's
// compiled loss. Same math as model.fit, without fit's per-batch bookkeeping (callbacks, logs,
// async yields), which made it 1.2–2.3× faster here: the fairest figure for TF.js is its best.
function minimizeEpoch(net, optimizer, xTrain, yTrain, batch) {
  const n = xTrain.shape[0];
  const order = tf.util.createShuffledIndices(n);
  // The compiled sparseCategoricalCrossentropy (a Sequential wraps a LayersModel in .model).
  const lossFn = net.model.lossFunctions[0];
  let loss = 0;
  for (let at = 0; at < n; at += batch) {
    const idx = Int32Array.from(order.subarray(at, Math.min(n, at + batch)));
    tf.tidy(() => {
      const i = tf.tensor1d(idx, 'int32');
      const xb = xTrain.gather(i);
      const yb = yTrain.gather(i);
      const cost = optimizer.minimize(
        () => tf.mean(lossFn(yb, net.apply(xb, { training: true }))), true);
      if (at + batch >= n) loss = cost.dataSync()[0];
    });
  }
  return loss; // last batch's, for a sanity check only
}

// One case: returns per-epoch compute (the training loop) and wall (loop + validation) seconds.
// samples: train on only the first `samples` images of the split's training part, with no
// validation pass (the CNNs on the cpu backend: the caller scales the time to the epoch).
async function run({ bundle, backend = 'wasm', model = 'softmax', hidden = 100, optimizer = 'rmsprop',
  lr = 1e-3, batch = 32, epochs = 1, seed = 42, valFraction = 0.2, loop = 'minimize', samples = null }) {
  const check = selfCheck();
  if (!check.ok) throw new Error(`JS port of fm::Rng disagrees with C++: ${JSON.stringify(check)}`);
  const flags = await setBackend(backend);

  const t0 = performance.now();
  if (!bundles.has(bundle)) bundles.set(bundle, await fetchBundle(bundle));
  const data = bundles.get(bundle);
  const split = holdoutSplit(data.trainLabels.length, valFraction, seed);
  const trainRows = samples ? split.train.slice(0, samples) : split.train;
  const train = gather(data, trainRows);
  const val = samples ? null : gather(data, split.val);
  const shape = (n) => (model.startsWith('cnn') ? [n, data.side, data.side, 1] : [n, data.pixels]);
  const xTrain = tf.tensor(train.x, shape(trainRows.length));
  const yTrain = tf.tensor1d(train.y);
  const xVal = val ? tf.tensor(val.x, shape(split.val.length)) : null;
  const prepareS = (performance.now() - t0) / 1000;

  const net = makeModel({ model, hidden, side: data.side });
  const opt = makeOptimizer(optimizer, lr);
  net.compile({ optimizer: opt, loss: 'sparseCategoricalCrossentropy' });
  const history = [];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const start = performance.now();
    // One epoch per call, shuffled each epoch (Math.random: TF.js has no seeded epoch shuffle).
    let trainLoss;
    if (loop === 'minimize') {
      trainLoss = minimizeEpoch(net, opt, xTrain, yTrain, batch);
    } else {
      const fit = await net.fit(xTrain, yTrain, { batchSize: batch, epochs: 1, shuffle: true, verbose: 0 });
      trainLoss = fit.history.loss[0];
    }
    const fitEnd = performance.now();
    const valAcc = val ? accuracy(net, xVal, val.y) : null;
    const end = performance.now();
    history.push({
      epoch,
      compute_s: (fitEnd - start) / 1000,
      wall_s: (end - start) / 1000,
      val_s: (end - fitEnd) / 1000,
      train_loss: trainLoss,
      val_acc: valAcc,
    });
  }
  tf.dispose([xTrain, yTrain, ...(xVal ? [xVal] : [])]);
  net.dispose();
  return {
    tfjs: tf.version.tfjs,
    backend: tf.getBackend(),
    loop,
    ...flags,
    side: data.side,
    train: trainRows.length,
    val: val ? split.val.length : 0,
    prepare_s: prepareS,
    history,
    val_acc: history.length ? history[history.length - 1].val_acc : null,
  };
}

window.tfBench = { run, selfCheck };

// By hand: ?case=softmax-14&backend=cpu&epochs=1 runs one case and prints the result.
const CASES = {
  'softmax-14': { side: 14, model: 'softmax', optimizer: 'rmsprop' },
  'softmax-28': { side: 28, model: 'softmax', optimizer: 'rmsprop' },
  'mlp100-28': { side: 28, model: 'mlp', hidden: 100, optimizer: 'adam' },
  'cnn-small-14': { side: 14, model: 'cnn-small', optimizer: 'adam', samples: 2000 },
  'cnn-28': { side: 28, model: 'cnn', optimizer: 'adam', samples: 2000 },
};
const log = document.getElementById('log');
const params = new URLSearchParams(location.search);
const which = CASES[params.get('case')];
if (which) {
  log.textContent = `running ${params.get('case')}…`;
  run({ ...which, bundle: `/fashion-mnist-${which.side}.bin`, backend: params.get('backend') || 'wasm',
    epochs: Number(params.get('epochs') || 1) })
    .then((result) => { log.textContent = JSON.stringify(result, null, 2); })
    .catch((err) => { log.textContent = `error: ${err.message}`; });
} else {
  log.textContent = `ready: TF.js ${tf.version.tfjs}; window.tfBench.run({bundle, backend, model, …})`;
}
