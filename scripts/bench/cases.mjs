// The work every runner times: three cases on the same split (holdout_split(60000, 0.2, 42)),
// batch 32, lr 1e-3, seed 42. `page` is what window.fmnist.train() takes (TF.js gets the same fields).
// `layers` (in, out) give the model FLOPs per training sample: each dense layer costs 2·in·out
// forward and 2·in·out for its weight gradient, plus 2·in·out for the input gradient except the
// first layer. Optimizer updates and activations are left out (≤ 10 % here).
export const CASES = [
  { name: 'softmax-14', side: 14, layers: [[196, 10]], page: { model: 'softmax', optimizer: 'rmsprop' } },
  { name: 'softmax-28', side: 28, layers: [[784, 10]], page: { model: 'softmax', optimizer: 'rmsprop' } },
  { name: 'mlp100-28', side: 28, layers: [[784, 100], [100, 10]],
    page: { model: 'mlp', hidden: [100], optimizer: 'adam' } },
];
export const COMMON = { lr: 0.001, batch: 32, seed: 42 };
export const RUNNERS = ['native', 'wasm', 'tfjs-wasm', 'tfjs-cpu'];
export const TRAIN_SAMPLES = 48000;  // holdout_split(60000, 0.2, 42)
export const VAL_SAMPLES = 12000;

export const caseNamed = (name) => CASES.find((c) => c.name === name);
export const selectedCases = (opts) => CASES.filter((c) => opts.cases.includes(c.name));

const flopsPerSample = (c) => c.layers.reduce((sum, [i, o], k) => sum + (k === 0 ? 4 : 6) * i * o, 0);
export const gflopPerEpoch = (c) => (flopsPerSample(c) * TRAIN_SAMPLES) / 1e9;
