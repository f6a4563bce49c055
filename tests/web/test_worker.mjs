// The training engine's Web Worker seen from the page: a background tab keeps training (a second
// page really in front, the first one's animation frames throttled) and is current when it comes
// back; a worker that dies is reported, its last weights keep predicting and Train starts a fresh
// one; and the page's exported model is the CLI's `fmnist train --save`, byte for byte, whatever
// the engine's slice length.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../scripts/browser.mjs';
import { assert, openReady, state, waitState, trainAndWait, frames, stroke } from './helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function exportModel(page, file) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.evaluate(() => window.fmnist.exportModel()),
  ]);
  await download.saveAs(file);
  return fs.readFileSync(file);
}

// Counts the page's animation frames (its own requestAnimationFrame loop).
const countFrames = (page) => page.evaluate(() => {
  window.__rafCount = 0;
  const tick = () => { ++window.__rafCount; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
});
const framesSoFar = (page) => page.evaluate(() => window.__rafCount);

export const tests = [
  {
    name: 'worker: a background tab keeps training; back in front, the plots and confusion are current',
    async run({ url, note }) {
      // A browser of its own that throttles background pages as a desktop one does.
      const browser = await launchChromium({ backgrounding: true });
      try {
        const page = await browser.context.newPage();
        page.setDefaultTimeout(0);
        const cdp = await browser.context.newCDPSession(page);
        await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: false });
        await openReady(page, url);
        await countFrames(page);
        // A run long enough to see epochs in front and behind (an epoch of this MLP takes a few
        // seconds here).
        assert(await page.evaluate(() => window.fmnist.train({ model: 'mlp', hidden: [256, 256], epochs: 6 })),
          'train refused');
        // One epoch in front: the reference frame count per epoch.
        const e0 = await waitState(page, (x) => x.history.length >= 1, 'first epoch in front');
        const f0 = await framesSoFar(page);
        const e1 = await waitState(page, (x) => x.history.length >= 2, 'second epoch in front');
        const frontFrames = (await framesSoFar(page)) - f0;

        const other = await browser.context.newPage();
        const cdp2 = await browser.context.newCDPSession(other);
        await cdp2.send('Emulation.setFocusEmulationEnabled', { enabled: false });
        await other.goto('about:blank');
        await other.bringToFront();
        const b0 = await framesSoFar(page);
        const epochsBefore = (await state(page)).history.length;
        // Epochs finish meanwhile: the engine's worker does not wait for frames.
        const back = await waitState(page, (x) => x.history.length >= epochsBefore + 2,
          'two epochs while another page is in front');
        const backFrames = (await framesSoFar(page)) - b0;
        note(`animation frames: ${frontFrames} in the epoch in front, ${backFrames} over the 2 epochs in the ` +
          `background; hidden ${back.training.hidden}`);
        assert(backFrames < frontFrames, `the background page's frame rate did not drop: ${frontFrames} in front ` +
          `for one epoch, ${backFrames} behind for two`);
        assert(e1.history.length >= 2 && e0.training.worker === true, 'worker flag');

        await page.bringToFront();
        await other.close();
        const done = await waitState(page, (x) => !x.training.running && x.test_acc !== null, 'the run finishes');
        note(`back in front: ${done.history.length} epochs, test acc ${done.test_acc.toFixed(4)}`);
        await frames(page, 3);
        const s = await state(page);
        assert(s.history.length === 6 && done.history.length === 6, `history ${s.history.length}`);
        // The confusion map shows the last epoch's validation: its cells are there and the
        // Samples panel's cell view lists that many images.
        const cells = s.ui.confusion_cells;
        assert(cells && cells.w > 0, 'no confusion map after coming back');
        await page.mouse.click(cells.x + cells.w * 0.05, cells.y + cells.h * 0.05);  // truth 0, predicted 0
        const v = await waitState(page, (x) => x.ui.samples.mode === 'cell', 'the cell view');
        assert(v.ui.samples.items > 0, `cell (0,0) lists ${v.ui.samples.items} images`);
        await page.screenshot({ path: path.join(root, 'build', 'test-artifacts', 'background-tab-back.png') });
      } finally {
        await browser.close();
      }
    },
  },
  {
    name: 'worker: a crashed engine is reported, its last weights keep predicting, Train starts a fresh one',
    async run({ page, url, note, expectedErrors }) {
      expectedErrors.push(/Aborted|abort|RuntimeError|worker/i);
      await openReady(page, url);
      await trainAndWait(page, { epochs: 1 });
      assert(await page.evaluate(() => window.fmnist.loadTestImage(0)), 'loadTestImage');
      await frames(page, 3);
      const before = await state(page);
      assert(before.canvas.top !== null, 'no prediction before the crash');
      // Long enough to still be running when the crash comes (3 epochs can end between two polls).
      assert(await page.evaluate(() => window.fmnist.train({ epochs: 1000 })), 'second train refused');
      await waitState(page, (x) => x.training.samples > 0 && x.training.running, 'the second run going');
      // Time travel asks the dying engine for the untrained snapshot's matrix (sent after the crash,
      // so no answer can come): the view stops waiting and says so.
      assert(await page.evaluate(() => { window.fmnist._crashEngine(); return window.fmnist.viewAt({ epoch: 0 }); }),
        'viewAt epoch 0 refused');
      const dead = await waitState(page, (x) => x.training.engine.state === 'dead', 'the engine reported dead');
      note(`overlay: ${dead.error}`);
      assert(dead.view.epoch === 0 && !dead.view.pending && dead.view.stopped && dead.confusion === null,
        `snapshot view after the crash: ${JSON.stringify(dead.view)}`);
      await page.screenshot({ path: path.join(root, 'build', 'test-artifacts', 'worker-crashed-snapshot.png') });
      await page.evaluate(() => window.fmnist.viewAt('live'));
      assert(!dead.training.running, 'still running after the crash');
      assert(typeof dead.error === 'string' && /engine/i.test(dead.error), `error ${dead.error}`);
      // The last weights still predict: a drawing gets probabilities.
      await page.evaluate(() => window.fmnist.clearCanvas());
      await stroke(page, dead.canvas.rect, [[0.3, 0.2], [0.7, 0.2], [0.7, 0.8], [0.3, 0.8], [0.3, 0.2]]);
      await frames(page, 3);
      const drawn = await state(page);
      assert(drawn.canvas.top !== null && drawn.canvas.probs.some((p) => p > 0), 'no prediction after the crash');
      await page.screenshot({ path: path.join(root, 'build', 'test-artifacts', 'worker-crashed.png') });
      // Train: a fresh worker, fed from the page's kept bytes (no second download).
      const s = await trainAndWait(page, { epochs: 1 });
      assert(s.training.engine.workers === 2 && s.training.engine.state === 'ready', `engine ${JSON.stringify(s.training.engine)}`);
      assert(s.history[0].val_acc > 0.7, `val acc ${s.history[0].val_acc}`);
    },
  },
  {
    name: 'worker: the exported model is the CLI\'s, byte for byte, at two slice lengths',
    async run({ page, url, web, out, note }) {
      const cli = path.join(root, 'build', 'fmnist');
      assert(fs.existsSync(cli), `${cli} is missing: build the CLI (make native)`);
      const ref = path.join(out, 'cli-mlp.fmnist');
      const r = spawnSync(cli, ['train', '--bundle', path.join(web, 'fashion-mnist-14.bin'), '--model', 'mlp:32',
        '--optimizer', 'adam', '--lr', '0.001', '--batch', '32', '--epochs', '1', '--seed', '7', '--side', '14',
        '--save', ref], { encoding: 'utf8' });
      assert(r.status === 0, `fmnist train failed: ${r.stderr}`);
      const expected = fs.readFileSync(ref);
      await openReady(page, url);
      for (const slice of [2, 40]) {
        await page.evaluate((ms) => window.fmnist._config({ slice_ms: ms }), slice);
        const s = await trainAndWait(page, { model: 'mlp', hidden: [32], optimizer: 'adam', lr: 0.001, batch: 32,
          epochs: 1, seed: 7 });
        assert(s.training.budget_ms === slice, `slice ${s.training.budget_ms}`);
        const got = await exportModel(page, path.join(out, `page-mlp-${slice}ms.fmnist`));
        const same = Buffer.compare(got, expected) === 0;
        note(`slice ${slice} ms: ${got.length} bytes, ${same ? 'identical' : 'DIFFERENT'}`);
        assert(same, `the page's model (slice ${slice} ms) differs from fmnist train --save`);
        await page.evaluate(() => window.fmnist.reset());
      }
    },
  },
];
