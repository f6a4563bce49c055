// Reliability in the browser: absurd learning rates (10, 100) stop with a message and finite
// history instead of NaN or a frozen page, continue/reset recover; a 50-epoch run keeps the WASM
// heap within a stated bound and the page drawing to the end (frame rates printed).
import path from 'node:path';
import { assert, openReady, state, waitState, frames, rendered } from './helpers.mjs';

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
    timeout: 600000,
    async run({ page, url, out, note }) {
      await openReady(page, url);
      const seen = [];
      for (const c of DIVERGING) {
        const t0 = Date.now();
        assert(await page.evaluate((o) => window.fmnist.train(o), { ...c, epochs: 3 }), `train refused ${JSON.stringify(c)}`);
        // The engine reports a divergence in two events (progress with the phase, then `diverged`
        // with the reason), each its own task on the page: wait for the reason too.
        const s = await waitState(page, (x) => (x.training.diverged && x.training.message !== null) ||
          (!x.training.running && !x.training.diverged), `diverge ${JSON.stringify(c)}`);
        // Not frozen: the overlay goes on drawing (a frozen page never gets past this: hang guard).
        await rendered(page, 3);
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
      s = await waitState(page, (x) => x.history.length >= 1 || x.training.diverged, 'an epoch after continue');
      assert(!s.training.diverged && finiteHistory(s), `after continue ${JSON.stringify(s.history)}`);
      // Nothing to continue now.
      assert(!(await page.evaluate(() => window.fmnist.continueTraining())), 'continue accepted without divergence');
      await page.evaluate(() => window.fmnist.reset());

      // reset() and a new train() both clear diverged and the message.
      assert(await page.evaluate(() => window.fmnist.train({ optimizer: 'sgd', lr: 100 })), 'train');
      await waitState(page, (x) => x.training.diverged, 'diverged again');
      await page.evaluate(() => window.fmnist.reset());
      s = await state(page);
      assert(!s.training.diverged && s.error === null && !s.model.trained, `after reset ${JSON.stringify(s.training)}`);
      assert(await page.evaluate(() => window.fmnist.train({ optimizer: 'sgd', lr: 100 })), 'train');
      await waitState(page, (x) => x.training.diverged, 'diverged again');
      // Checked in train()'s own task: a 1-epoch softmax can be over before a second evaluate.
      let accepted;
      [accepted, s] = await page.evaluate(() => [window.fmnist.train({ epochs: 1 }), window.fmnist.state()]);
      assert(accepted, 'train after divergence');
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
    // allocates nothing per step). The page must keep drawing to the end: the run only advances in
    // the overlay's frames, and frames must still come after it. Frame rates early and late in the
    // run are printed, not asserted (they follow the machine's load).
    name: 'long run: 50 epochs, heap bounded, the page keeps drawing (figures printed)',
    timeout: 900000,
    async run({ page, url, note }) {
      await openReady(page, url);
      await frames(page, 10);
      const before = (await state(page)).heap_bytes;
      assert(before > 0, `heap_bytes ${before}`);
      const t0 = Date.now();
      assert(await page.evaluate(() => window.fmnist.train({ epochs: 50 })), 'train refused');
      const early = await waitState(page, (x) => x.history.length >= 1, 'the first epoch');
      const mid = await waitState(page, (x) => x.history.length >= 45, '45 epochs');
      const late = await rendered(page, 60);
      const s = await waitState(page, (x) => x.history.length === 50 && !x.training.running && x.test_acc !== null,
        '50 epochs');
      const after = (await rendered(page, 10)).heap_bytes;
      const mib = (b) => (b / 1048576).toFixed(1);
      note(`${((Date.now() - t0) / 1000).toFixed(0)} s; heap ${mib(before)} -> ${mib(after)} MiB; ` +
        `fps early ${early.fps} late ${late.fps} (at epoch ${mid.history.length}); ` +
        `val acc ${s.history[49].val_acc.toFixed(4)}, test ${s.test_acc.toFixed(4)}`);
      assert(finiteHistory(s) && !s.training.diverged, 'non-finite or diverged');
      assert(after - before <= 16 * 1048576, `heap grew ${mib(after - before)} MiB`);
    },
  },
];
