// Persistence and model files: a reload restores the trained model (same test accuracy, same
// predictions) and the settings; Export downloads the core's model file, which `fmnist eval`
// reads (checked with build/fmnist when it exists); Import refuses corrupt, truncated and empty
// files with a clear message while the old model keeps predicting, and accepts a good one. The
// same for safetensors: Export as safetensors (clicked with the mouse) gives a file fmnist eval and
// the README's NumPy lines read with the page's accuracy; a corrupt one is refused.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, handClick, openReady, state, waitState, trainAndWait, frames } from './helpers.mjs';

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
        ['random bytes', Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 97 + 13) & 255)), /refused.*not a model file/i],
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
  {
    name: 'model files: Export as safetensors is read by fmnist eval and NumPy; a corrupt one is refused',
    async run({ page, url, out, web, note, expectedErrors }) {
      await openReady(page, url);
      const a = await trainAndWait(page, { epochs: 1, model: 'mlp', hidden: [32] });
      await frames(page, 3);
      // The button, with the real mouse.
      const downloaded = page.waitForEvent('download');
      await handClick(page, (s) => s.ui.export_safetensors, 'Export as safetensors');
      const download = await downloaded;
      const file = path.join(out, 'exported.safetensors');
      await download.saveAs(file);
      const name = download.suggestedFilename();
      const bytes = fs.readFileSync(file);
      assert(name === 'fmnist-mlp-14x14.safetensors', `file name ${name}`);
      const n = Number(bytes.readBigUInt64LE(0));
      assert(bytes[8] === 0x7b && (8 + n) % 8 === 0, 'not laid out as safetensors');
      const header = JSON.parse(bytes.subarray(8, 8 + n).toString('utf8'));
      assert(header['dense/kernel'].dtype === 'F32' && header['dense/kernel'].shape.join() === '196,32' &&
        header['dense_1/kernel'].shape.join() === '32,10', `tensors ${Object.keys(header)}`);
      assert(header.__metadata__.model === 'mlp' && JSON.parse(header.__metadata__.class_names)[9] === 'Ankle boot',
        `metadata ${JSON.stringify(header.__metadata__)}`);
      // The API gives the same bytes.
      const [again] = await Promise.all([page.waitForEvent('download'),
        page.evaluate(() => window.fmnist.exportModel('safetensors'))]);
      const file2 = path.join(out, 'exported-api.safetensors');
      await again.saveAs(file2);
      assert(Buffer.compare(fs.readFileSync(file2), bytes) === 0, 'exportModel("safetensors") differs from the button');

      const cli = path.join(root, 'build', 'fmnist');
      const bundle = path.join(web, 'fashion-mnist-14.bin');
      assert(fs.existsSync(cli), 'build/fmnist is needed to check the export (make native)');
      const ev = JSON.parse(execFileSync(cli, ['eval', file, '--bundle', bundle, '--json'], { encoding: 'utf8' })
        .trim().split('\n').pop());
      note(`fmnist eval of the page's safetensors: ${ev.test_acc.toFixed(4)}, page ${a.test_acc.toFixed(4)}`);
      assert(Math.abs(ev.test_acc - a.test_acc) < 1e-6, `CLI ${ev.test_acc} vs page ${a.test_acc}`);
      // The README's NumPy lines, exactly as the README has them, on the page's export and pixels.
      const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
      const m = readme.match(/<!-- numpy-snippet[^\n]*\n```python\n([\s\S]*?)```/);
      assert(m, 'no NumPy snippet in README.md');
      const snippet = path.join(out, 'numpy_snippet.py');
      fs.writeFileSync(snippet, m[1]);
      const python = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
      const idx = process.env.FASHION_MNIST_DIR || '/usr/share/datasets/fashion-mnist';
      const py = execFileSync(python, [snippet, file, idx], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      const numpyAcc = Number(/test accuracy: ([0-9.]+)/.exec(py)[1]);
      note(`NumPy (README lines): ${numpyAcc.toFixed(4)}`);
      assert(Math.abs(numpyAcc - a.test_acc) <= 2e-4, `NumPy ${numpyAcc} vs page ${a.test_acc}`);

      // A corrupt safetensors through the Import file input: refused with the reason, the model stays.
      const before = await probsFor(page, 5);
      const bad = Buffer.from(bytes);
      bad.write('"F16"', bad.indexOf('"F32"'));  // the first tensor's dtype
      const bad2 = bytes.subarray(0, bytes.length - 100);
      for (const [what, buf, re] of [['F16 dtype', bad, /refused.*dense\/kernel.*F16.*only F32/i],
        ['truncated', bad2, /refused.*truncated/i]]) {
        await page.setInputFiles('#import-file', { name: `${what}.safetensors`, mimeType: 'application/octet-stream', buffer: buf });
        const s = await waitState(page, (x) => x.error, `refusal of ${what}`);
        assert(re.test(s.error), `${what}: message ${JSON.stringify(s.error)}`);
        assert(s.model.trained && Math.abs(s.test_acc - a.test_acc) < 1e-9, `${what}: model changed`);
        assert(maxDiff(before, await probsFor(page, 5)) < 1e-7, `${what}: predictions changed`);
        await page.evaluate(() => window.fmnist._setError(''));
      }
      // The good one through the file input after a reset: adopted with the same accuracy.
      await page.evaluate(() => window.fmnist.reset());
      await page.setInputFiles('#import-file', { name: 'good.safetensors', mimeType: 'application/octet-stream', buffer: bytes });
      const s = await waitState(page, (x) => (x.test_acc !== null && !x.training.running) || x.error, 'imported safetensors evaluated');
      assert(!s.error, `good safetensors refused: ${s.error}`);
      assert(Math.abs(s.test_acc - a.test_acc) < 1e-9 && s.model.kind === 'mlp', `imported ${s.test_acc} ${JSON.stringify(s.model)}`);
      assert(maxDiff(before, await probsFor(page, 5)) < 1e-6, 'imported safetensors predicts differently');
      expectedErrors.push(/Failed to load resource/);
    },
  },
];
