// Persistence and model files: a reload restores the trained model (same test accuracy, same
// predictions) and the settings; Export downloads the core's model file, which `fmnist eval`
// reads (checked with build/fmnist when it exists); Import refuses corrupt, truncated and empty
// files with a clear message while the old model keeps predicting, and accepts a good one.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, openReady, state, waitState, trainAndWait, frames } from './helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function probsFor(page, index) {
  assert(await page.evaluate((i) => window.fmnist.loadTestImage(i), index), `loadTestImage(${index})`);
  await frames(page, 3);
  return (await state(page)).canvas.probs;
}

const maxDiff = (a, b) => Math.max(...a.map((v, i) => Math.abs(v - b[i])));

async function exportModel(page, file) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.evaluate(() => window.fmnist.exportModel()),
  ]);
  await download.saveAs(file);
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
}

export const tests = [
  {
    name: 'persistence: a reload restores the model, its accuracy and the settings',
    async run({ page, url, note }) {
      await openReady(page, url);
      const a = await trainAndWait(page, { epochs: 2, optimizer: 'adam', batch: 64, seed: 7 });
      await frames(page, 3);
      const sa = await state(page);
      assert(sa.storage.status === 'saved', `storage ${JSON.stringify(sa.storage)}`);
      const pa = await probsFor(page, 3);
      const t0 = Date.now();
      await page.reload();
      const b = await waitState(page, (x) => x.ready || x.error, 'ready after reload');
      note(`ready ${((Date.now() - t0) / 1000).toFixed(1)} s after reload`);
      assert(b.ready && !b.error, `error ${b.error}`);
      assert(b.model.trained && b.storage.restored && !b.training.running, `not restored ${JSON.stringify(b.model)} ${JSON.stringify(b.storage)}`);
      assert(b.test_acc !== null && Math.abs(b.test_acc - a.test_acc) < 1e-6, `test acc ${a.test_acc} -> ${b.test_acc}`);
      assert(b.model.optimizer === 'adam' && b.model.batch_size === 64 && b.model.seed === 7 && b.model.params === a.model.params,
        `model ${JSON.stringify(b.model)}`);
      const pb = await probsFor(page, 3);
      assert(maxDiff(pa, pb) < 1e-6, `predictions changed: ${pa} vs ${pb}`);
      note(`test acc ${a.test_acc.toFixed(4)} before and after`);

      // Settings alone (no model) survive too: reset drops the saved model, keeps the settings.
      await page.evaluate(() => window.fmnist.reset());
      await frames(page, 3);
      await page.reload();
      const c = await waitState(page, (x) => x.ready || x.error, 'ready after second reload');
      assert(!c.model.trained && !c.storage.restored, `model came back after reset ${JSON.stringify(c.model)}`);
      assert(c.model.optimizer === 'adam' && c.model.batch_size === 64 && c.model.seed === 7 && c.training.epochs === 2,
        `settings ${JSON.stringify(c.model)} epochs ${c.training.epochs}`);
    },
  },
  {
    name: 'persistence: a damaged saved model is discarded with a message, the page still starts',
    async run({ page, url }) {
      await openReady(page, url);
      await page.evaluate(() => localStorage.setItem('fmnist.model.v1', btoa('FMNISTMO' + 'x'.repeat(40))));
      await page.reload();
      const s = await waitState(page, (x) => x.ready, 'ready with a bad saved model');
      assert(s.ready && !s.model.trained, `state ${JSON.stringify(s.model)}`);
      assert(/saved model could not be restored/.test(s.error), `error ${s.error}`);
      assert(await page.evaluate(() => localStorage.getItem('fmnist.model.v1')) === null, 'bad model kept');
      await page.evaluate(() => localStorage.setItem('fmnist.model.v1', '%%% not base64'));
      await page.reload();
      const t = await waitState(page, (x) => x.ready, 'ready with non-base64');
      assert(!t.model.trained, 'trained from garbage');
    },
  },
  {
    name: 'model files: export is read by fmnist eval; import refuses bad files, keeps the model',
    async run({ page, url, out, web, note, expectedErrors }) {
      await openReady(page, url);
      const a = await trainAndWait(page, { epochs: 1 });
      const file = path.join(out, 'exported.fmnist');
      const { name, bytes } = await exportModel(page, file);
      assert(/^fmnist-softmax-14x14\.fmnist$/.test(name), `file name ${name}`);
      assert(bytes.length > 7850 && bytes.length < 20000, `size ${bytes.length}`);
      const cli = path.join(root, 'build', 'fmnist');
      if (fs.existsSync(cli)) {
        const outText = execFileSync(cli, ['eval', file, '--bundle', path.join(web, 'fashion-mnist-14.bin'), '--json'],
          { encoding: 'utf8' });
        const r = JSON.parse(outText.trim().split('\n').pop());
        note(`fmnist eval: test acc ${r.test_acc.toFixed(4)}, page ${a.test_acc.toFixed(4)}`);
        assert(Math.abs(r.test_acc - a.test_acc) < 1e-3, `CLI ${r.test_acc} vs page ${a.test_acc}`);
      } else {
        note('build/fmnist missing: CLI check skipped');
      }

      const before = await probsFor(page, 5);
      const flipped = Buffer.from(bytes);
      flipped[flipped.length >> 1] ^= 0xff;
      const bad = [
        ['random bytes', Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 97 + 13) & 255)), /refused.*(magic|not an fmnist)/i],
        ['truncated', bytes.subarray(0, bytes.length >> 1), /refused.*truncat/i],
        ['one byte flipped', flipped, /refused.*(checksum|corrupt|crc)/i],
        ['empty', Buffer.alloc(0), /refused.*empty/i],
        ['header only', bytes.subarray(0, 16), /refused/i],
      ];
      for (const [what, buf, re] of bad) {
        // Through the page's file input (what the Import button opens).
        await page.setInputFiles('#import-file', { name: `${what}.fmnist`, mimeType: 'application/octet-stream', buffer: buf });
        const s = await waitState(page, (x) => x.error, `refusal of ${what}`);
        assert(re.test(s.error), `${what}: message ${JSON.stringify(s.error)}`);
        assert(s.model.trained && Math.abs(s.test_acc - a.test_acc) < 1e-9, `${what}: model changed`);
        const p = await probsFor(page, 5);
        assert(maxDiff(before, p) < 1e-7, `${what}: predictions changed`);
        await page.evaluate(() => window.fmnist._setError(''));
      }
      // A good file through the API: adopted, evaluated, the same predictions.
      await page.evaluate(() => window.fmnist.reset());
      const ok = await page.evaluate((arr) => window.fmnist.importModel(new Uint8Array(arr)), Array.from(bytes));
      assert(ok, `good file refused: ${(await state(page)).error}`);
      const s = await waitState(page, (x) => x.test_acc !== null && !x.training.running, 'imported model evaluated');
      assert(Math.abs(s.test_acc - a.test_acc) < 1e-6, `imported test acc ${s.test_acc} vs ${a.test_acc}`);
      assert(maxDiff(before, await probsFor(page, 5)) < 1e-6, 'imported model predicts differently');
      expectedErrors.push(/Failed to load resource/);
    },
  },
];
