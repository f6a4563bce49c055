// Issue 11 §4: MLP 100, Adam, 28×28, 5 epochs, its bundle already loaded (in the page and in the
// engine): the wall time from train() to the moment the page receives the test accuracy (the
// engine's `done` event), as a user waits for it. Target ≤ 6 s at 1280×800.
import { COMMON } from './cases.mjs';
import { othersMeter } from './cpu.mjs';
import { log } from './format.mjs';
import { useSide } from './in_page.mjs';
import { chromiumMeter } from './procs.mjs';

export const TRAIN_TO_TEST = { ...COMMON, model: 'mlp', hidden: [100], optimizer: 'adam', epochs: 5 };

// In the page: train(config) → `done`; the test accuracy is in state() in the same task.
async function trainToTestInPage(config) {
  const f = window.fmnist;
  const log = window.__benchEngine;
  f.reset();
  const from = log.events.length;
  const t0 = performance.now();
  if (!f.train(config)) return { error: `train() refused: ${f.state().error}` };
  let end;
  try {
    end = await log.until((e) => ['done', 'fatal', 'diverged'].includes(e.type), from, 600000, 'test accuracy');
  } catch (e) {
    return { error: String(e.message || e) };
  }
  const s = f.state();
  if (end.type !== 'done') return { error: `${end.type}: ${JSON.stringify(end.fields).slice(0, 300)}` };
  return { wall_s: (end.t - t0) / 1000, test_acc: s.test_acc, epochs: s.history.length,
    compute_s: Number(end.fields.compute_s), train_compute_s: Number(end.fields.train_compute_s) };
}

export async function trainToTest(page) {
  const side = await page.evaluate(useSide, 28);
  if (side.error) return { error: side.error };
  const others = othersMeter();
  const procs = chromiumMeter();
  const r = await page.evaluate(trainToTestInPage, TRAIN_TO_TEST);
  const out = { ...r, cpu: procs(), others_cores: others() };
  if (r.error) log(`train → test: ${r.error}`);
  else log(`train → test (MLP 100, 5 epochs, 28×28): ${r.wall_s.toFixed(2)} s wall, test acc ${r.test_acc}`);
  return out;
}
