// Reliability in the browser: absurd learning rates (10, 100) stop with a message and finite
// history instead of NaN or a frozen page, continue/reset recover; a 50-epoch run keeps the WASM
// heap within a stated bound and the frame rate from degrading (figures printed).
import path from 'node:path';
import { assert, openReady, state, waitState, frames } from './helpers.mjs';

// Frames the page renders in `ms` (a frozen page renders none).
const framesIn = (page, ms) => page.evaluate((t) => new Promise((resolve) => {
  let n = 0;
  const t0 = performance.now();
  const tick = () => {
    ++n;
    if (performance.now() - t0 < t) requestAnimationFrame(tick);
    else resolve(n);
  };
  requestAnimationFrame(tick);
}), ms);

const finiteHistory = (s) => s.history.every((h) =>
  ['train_loss', 'train_acc', 'val_loss', 'val_acc'].every((k) => typeof h[k] === 'number' && Number.isFinite(h[k])));

// Cases that really diverge (checked on this build: each stops within its first epoch).
const DIVERGING = [
  { model: 'softmax', optimizer: 'sgd', lr: 100 },
  { model: 'softmax', optimizer: 'rmsprop', lr: 10 },
  { model: 'softmax', optimizer: 'rmsprop', lr: 100 },
  { model: 'mlp', hidden: [100], optimizer: 'rmsprop', lr: 10 },
  { model: 'mlp', hidden: [100], optimizer: 'rmsprop', lr: 100 },
  { model: 'mlp', hidden: [100], optimizer: 'sgd', lr: 100 },
];

export const tests = [
  {
    name: 'divergence: lr 10 and 100 stop with a message, finite history, page keeps rendering',
    timeout: 240000,
    async run({ page, url, out, note }) {
      await openReady(page, url);
      const seen = [];
      for (const c of DIVERGING) {
        const t0 = Date.now();
        assert(await page.evaluate((o) => window.fmnist.train(o), { ...c, epochs: 3 }), `train refused ${JSON.stringify(c)}`);
        const s = await waitState(page, (x) => x.training.diverged || !x.training.running, `diverge ${JSON.stringify(c)}`, 90000);
        const fps = await framesIn(page, 500);
        assert(fps >= 2, `page froze after ${JSON.stringify(c)}: ${fps} frames in 0.5 s`);
        assert(finiteHistory(s), `non-finite history ${JSON.stringify(s.history)}`);
        assert(s.training.diverged, `did not diverge: ${JSON.stringify(c)} history ${JSON.stringify(s.history)}`);
        assert(s.training.phase === 'diverged' && !s.training.running, `phase ${s.training.phase}`);
        assert(typeof s.error === 'string' && /diverged/.test(s.error) && /smaller learning rate/.test(s.error),
          `error ${JSON.stringify(s.error)}`);
        assert(s.error === s.training.message, 'state().error differs from training.message');
        // The last good weights still predict: finite probabilities summing to 1.
        assert(await page.evaluate(() => window.fmnist.loadTestImage(0)), 'loadTestImage');
        await frames(page, 2);
        const p = (await state(page)).canvas.probs;
        const sum = p.reduce((a, b) => a + b, 0);
        assert(p.every(Number.isFinite) && Math.abs(sum - 1) < 1e-3, `probs after divergence ${JSON.stringify(p)}`);
        seen.push(`${c.model}/${c.optimizer}/lr${c.lr}: ${((Date.now() - t0) / 1000).toFixed(1)} s, ` +
          `epoch ${s.training.epoch}`);
      }
      note(seen.join('; '));
      await page.screenshot({ path: path.join(out, 'diverged-notice.png') });

      // Continue from the last good weights with a sane learning rate: runs, finite, no error.
      assert(!(await page.evaluate(() => window.fmnist.continueTraining(-1))), 'continueTraining(-1) accepted');
      assert(await page.evaluate(() => window.fmnist.continueTraining(0.001)), 'continueTraining refused');
      let s = await state(page);
      assert(!s.training.diverged && s.error === null && s.training.running, `after continue ${JSON.stringify(s.training)} ${s.error}`);
      assert(Math.abs(s.model.lr - 0.001) < 1e-9, `lr after continue ${s.model.lr}`);
      s = await waitState(page, (x) => x.history.length >= 1 || x.training.diverged, 'an epoch after continue', 90000);
      assert(!s.training.diverged && finiteHistory(s), `after continue ${JSON.stringify(s.history)}`);
      // Nothing to continue now.
      assert(!(await page.evaluate(() => window.fmnist.continueTraining())), 'continue accepted without divergence');
      await page.evaluate(() => window.fmnist.reset());

      // reset() and a new train() both clear diverged and the message.
      assert(await page.evaluate(() => window.fmnist.train({ optimizer: 'sgd', lr: 100 })), 'train');
      await waitState(page, (x) => x.training.diverged, 'diverged again', 60000);
      await page.evaluate(() => window.fmnist.reset());
      s = await state(page);
      assert(!s.training.diverged && s.error === null && !s.model.trained, `after reset ${JSON.stringify(s.training)}`);
      assert(await page.evaluate(() => window.fmnist.train({ optimizer: 'sgd', lr: 100 })), 'train');
      await waitState(page, (x) => x.training.diverged, 'diverged again', 60000);
      assert(await page.evaluate(() => window.fmnist.train({ epochs: 1 })), 'train after divergence');
      s = await state(page);
      assert(!s.training.diverged && s.error === null && s.training.running, `after train ${JSON.stringify(s.training)}`);
      await page.evaluate(() => window.fmnist.reset());
      // Beyond the page's bound: refused, not started.
      assert(!(await page.evaluate(() => window.fmnist.train({ lr: 1e6 }))), 'lr 1e6 accepted');
      assert(/lr must be/.test((await state(page)).error), 'no message for lr 1e6');
    },
  },
  {
    // 50 epochs of the lesson's softmax (14×14). Bound: the heap may grow at most 16 MiB over the
    // run (the curves thin themselves at 4000 points, the history is 50 records; the trainer
    // allocates nothing per step), and the late frame rate stays at least half the early one.
    name: 'long run: 50 epochs, heap bounded, frame rate holds (figures printed)',
    timeout: 300000,
    async run({ page, url, note }) {
      await openReady(page, url);
      await frames(page, 10);
      const before = (await state(page)).heap_bytes;
      assert(before > 0, `heap_bytes ${before}`);
      const t0 = Date.now();
      assert(await page.evaluate(() => window.fmnist.train({ epochs: 50 })), 'train refused');
      await page.waitForTimeout(3000);
      const early = await state(page);
      const mid = await waitState(page, (x) => x.history.length >= 45, '45 epochs', 280000);
      await page.waitForTimeout(1000);
      const late = await state(page);
      const s = await waitState(page, (x) => x.history.length === 50 && !x.training.running && x.test_acc !== null,
        '50 epochs', 280000);
      await frames(page, 10);
      const after = (await state(page)).heap_bytes;
      const mib = (b) => (b / 1048576).toFixed(1);
      note(`${((Date.now() - t0) / 1000).toFixed(0)} s; heap ${mib(before)} -> ${mib(after)} MiB; ` +
        `fps early ${early.fps} late ${late.fps} (at epoch ${mid.history.length}); ` +
        `val acc ${s.history[49].val_acc.toFixed(4)}, test ${s.test_acc.toFixed(4)}`);
      assert(finiteHistory(s) && !s.training.diverged, 'non-finite or diverged');
      assert(after - before <= 16 * 1048576, `heap grew ${mib(after - before)} MiB`);
      assert(late.fps >= 0.5 * early.fps, `fps degraded: ${early.fps} -> ${late.fps}`);
    },
  },
];
