// The work every runner times: five cases on the same split (holdout_split(60000, 0.2, 42)),
// batch 32, lr 1e-3, seed 42. `page` is what window.fmnist.train() takes (TF.js gets the same
// fields). `layers` give the model FLOPs per training sample (flopsPerSample).
//
// The page times `pageEpochs` epochs of the dense cases (at least --epochs): its wall per epoch is
// the time between two epoch-end events, and a softmax epoch of 30 ms needs many of them to be
// more than the jitter of two event deliveries.
//
// The CNN cases (issue 12 §5) cost 1.6 and 25 MFLOP a sample, so they are timed on part of an
// epoch and scaled to the 48,000 samples: `pageSamples` in the page (from the engine's progress
// events), `tfjsSamples` on TF.js's cpu backend (its wasm backend has no Conv2DBackpropFilter
// kernel, so cannot train a CNN). Natively they run whole epochs (`fmnist train --json`).
const dense = (i, o) => ({ dense: [i, o] });
// A 3×3 'same' convolution on an h×w×cin map to cout channels (a 2×2 max-pool follows each).
const conv = (h, w, cin, cout) => ({ conv: [h, w, cin, cout, 3] });

export const CASES = [
  { name: 'softmax-14', side: 14, layers: [dense(196, 10)], page: { model: 'softmax', optimizer: 'rmsprop' },
    pageEpochs: 40 },
  { name: 'softmax-28', side: 28, layers: [dense(784, 10)], page: { model: 'softmax', optimizer: 'rmsprop' },
    pageEpochs: 12 },
  { name: 'mlp100-28', side: 28, layers: [dense(784, 100), dense(100, 10)],
    page: { model: 'mlp', hidden: [100], optimizer: 'adam' }, pageEpochs: 4 },
  // Conv2D(16) → pool → Conv2D(32) → pool → Dense(64) → Dense(10): 14→7→3, 3·3·32 = 288 inputs.
  { name: 'cnn-small-14', side: 14, cnn: true, layers: [conv(14, 14, 1, 16), conv(7, 7, 16, 32), dense(288, 64),
    dense(64, 10)], page: { model: 'cnn-small', optimizer: 'adam' }, pageSamples: 48000, tfjsSamples: 2000 },
  // The book's CNN: Conv2D(32) → pool → Conv2D(64) → pool → Dense(100) → Dropout(0.4) → Dense(10).
  { name: 'cnn-28', side: 28, cnn: true, layers: [conv(28, 28, 1, 32), conv(14, 14, 32, 64), dense(3136, 100),
    dense(100, 10)], page: { model: 'cnn', optimizer: 'adam' }, pageSamples: 12000, tfjsSamples: 2000 },
];
export const COMMON = { lr: 0.001, batch: 32, seed: 42 };
export const RUNNERS = ['native', 'wasm', 'tfjs-wasm', 'tfjs-cpu'];
export const TRAIN_SAMPLES = 48000;  // holdout_split(60000, 0.2, 42)
export const VAL_SAMPLES = 12000;

export const caseNamed = (name) => CASES.find((c) => c.name === name);
export const selectedCases = (opts) => CASES.filter((c) => opts.cases.includes(c.name));

// Model FLOPs per training sample: each layer with weights costs its forward product, as much
// again for the weight gradient, and once more for the input gradient, except the first layer
// (no one needs the gradient of the image: neither our core nor TF.js computes it). A dense layer's
// product is 2·in·out; a convolution's (im2col onto a GEMM) 2·h·w·cout·(k·k·cin). Pooling,
// activations, dropout and optimizer updates are left out (≤ 10 % here).
function layerFlops(layer) {
  if (layer.dense) return 2 * layer.dense[0] * layer.dense[1];
  const [h, w, cin, cout, k] = layer.conv;
  return 2 * h * w * cout * k * k * cin;
}
export const flopsPerSample = (c) => c.layers.reduce((sum, l, i) => sum + (i === 0 ? 2 : 3) * layerFlops(l), 0);
export const gflopPerEpoch = (c) => (flopsPerSample(c) * TRAIN_SAMPLES) / 1e9;
