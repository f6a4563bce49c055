// Issue 14 §2 through the real page: time travel. A run keeps snapshots of its weights; while it
// trains on, fmnist.viewAt() and the scrubber under the plots (the real mouse) show an earlier
// model: its confusion matrix, computed on the validation set for that snapshot by the engine, is
// not the live one; Back to now (the mouse) returns to the live model. Refusals: bad arguments,
// no run (after Reset).
import { assert, handClick, openReady, state, waitState } from './helpers.mjs';

const total = (m) => m.flat().reduce((a, b) => a + b, 0);
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

export const tests = [
  {
    name: 'time travel: an earlier epoch\'s confusion matrix while the run trains on (API and mouse), back to now, Reset clears',
    async run({ page, url, note }) {
      const t0 = Date.now();
      await openReady(page, url);
      // A long softmax run at full speed: it is still training whatever the machine's load when the
      // checks are done (Reset ends it).
      assert(await page.evaluate(() => window.fmnist.train({ epochs: 1000 })), 'train refused');
      let s = await waitState(page, (x) => x.history.length >= 2 && x.confusion && x.training.running,
        'two epochs done, still training');
      assert(s.view.live === true && s.confusion.epoch >= 2, `live view: ${JSON.stringify(s.view)}, confusion epoch ${s.confusion.epoch}`);
      const live = s.confusion;
      const kept = s.snapshots.points.slice(0, 5).map((p) => `${p.epoch}/${p.batch}`).join(' ');
      const perEpoch = s.training.batches;
      assert(kept === `0/0 1/10 1/50 1/200 1/${perEpoch}`, `snapshots kept: ${kept}`);

      // The end of epoch 1: its own validation pass (the engine sent it with the epoch).
      assert(await page.evaluate(() => window.fmnist.viewAt({ epoch: 1 })), `viewAt epoch 1 refused: ${(await state(page)).error}`);
      s = await waitState(page, (x) => !x.view.pending && x.confusion, 'epoch 1 confusion');
      assert(s.view.live === false && s.view.epoch === 1 && s.view.batch === perEpoch, `view ${JSON.stringify(s.view)}`);
      assert(s.confusion.epoch === 1 && total(s.confusion.matrix) === s.dataset.val, `confusion ${s.confusion.epoch}, ${total(s.confusion.matrix)} images`);
      assert(!same(s.confusion.matrix, live.matrix), 'epoch 1 matrix equals the live one');
      assert(Math.abs(s.confusion.accuracy - s.history[0].val_acc) < 1e-6, `epoch 1 accuracy ${s.confusion.accuracy} vs ${s.history[0].val_acc}`);

      // 100 batches into epoch 1: the latest kept at or before is batch 50, whose matrix the engine computes.
      assert(await page.evaluate(() => window.fmnist.viewAt({ epoch: 1, batch: 100 })), 'viewAt batch 100 refused');
      s = await state(page);
      assert(s.view.epoch === 1 && s.view.batch === 50, `view after {1, 100}: ${JSON.stringify(s.view)}`);
      const samples = s.training.samples;
      s = await waitState(page, (x) => !x.view.pending && x.confusion, 'batch 50 confusion from the engine');
      assert(s.confusion.epoch === 1 && s.confusion.batch === 50 && total(s.confusion.matrix) === s.dataset.val,
        `confusion ${JSON.stringify({ e: s.confusion.epoch, b: s.confusion.batch, n: total(s.confusion.matrix) })}`);
      const batch50 = s.confusion;
      assert(!same(batch50.matrix, live.matrix), 'batch 50 matrix equals the live one');
      s = await waitState(page, (x) => x.training.samples > samples + 10 * perEpoch && x.training.running,
        'training going on while the snapshot is viewed');
      assert(s.view.epoch === 1 && s.view.batch === 50 && same(s.confusion.matrix, batch50.matrix), 'the view moved while training went on');

      // The real mouse: the scrubber's left end is the untrained model.
      s = await handClick(page, (x) => x.ui.time_travel.slider &&
        { x: x.ui.time_travel.slider.x + 1, y: x.ui.time_travel.slider.y, w: 6, h: x.ui.time_travel.slider.h }, 'the scrubber\'s left end');
      s = await waitState(page, (x) => x.view.epoch === 0 && !x.view.pending && x.confusion, 'the untrained model\'s confusion');
      assert(s.view.live === false && s.confusion.epoch === 0 && total(s.confusion.matrix) === s.dataset.val, `view ${JSON.stringify(s.view)}`);
      const untrainedAcc = s.confusion.accuracy;
      s = await handClick(page, (x) => x.ui.time_travel.back, 'Back to now');
      assert(s.view.live === true && s.ui.time_travel.back === null, `after Back to now: ${JSON.stringify(s.view)}`);
      assert(s.confusion.epoch === s.history[s.history.length - 1].epoch, `live confusion epoch ${s.confusion.epoch}`);

      // Refusals, then Reset: no history.
      for (const bad of [{ epoch: -1 }, { epoch: 1, batch: 1.5 }, { epoch: '1' }, null]) {
        assert(!(await page.evaluate((b) => window.fmnist.viewAt(b), bad)), `viewAt(${JSON.stringify(bad)}) accepted`);
        s = await state(page);
        assert(/viewAt takes/.test(s.error || ''), `viewAt(${JSON.stringify(bad)}): error ${JSON.stringify(s.error)}`);
      }
      const count = s.snapshots.count, bytes = s.snapshots.bytes;
      await page.evaluate(() => window.fmnist.reset());
      s = await state(page);
      assert(s.snapshots.count === 0 && s.view.live, `after Reset: ${JSON.stringify(s.snapshots.count)} snapshots`);
      assert(!(await page.evaluate(() => window.fmnist.viewAt({ epoch: 1 }))), 'viewAt accepted with no run');
      s = await state(page);
      assert(/train a model first/.test(s.error || ''), `no run: error ${JSON.stringify(s.error)}`);
      note(`softmax 14x14: accuracy untrained ${untrainedAcc.toFixed(3)}, batch 50 ${batch50.accuracy.toFixed(3)}, ` +
        `live epoch ${live.epoch} ${live.accuracy.toFixed(3)}; ${count} snapshots ${(bytes / 1e6).toFixed(2)} MB at Reset; ` +
        `${((Date.now() - t0) / 1000).toFixed(1)} s`);
    },
  },
];
