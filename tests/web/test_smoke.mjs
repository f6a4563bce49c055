// Smoke and failure tests: the page loads with the bundle and no console errors; load failures
// (file://, missing or corrupt bundle) are explained on the page; the non-SIMD build runs.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { assert, openReady, state, waitState, frames } from './helpers.mjs';

export const tests = [
  {
    name: 'smoke: ready with 48000/12000/10000 at 14x14, no console errors',
    async run({ page, url, out, note }) {
      const t0 = Date.now();
      const s = await openReady(page, url);
      note(`ready after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      const d = s.dataset;
      assert(d.train === 48000 && d.val === 12000 && d.test === 10000 && d.side === 14,
        `dataset counts ${JSON.stringify(d)}`);
      assert(s.error === null, `error ${s.error}`);
      assert(s.lang === 'en', `lang ${s.lang}`);
      assert(Array.isArray(s.history) && s.history.length === 0, 'history not empty at start');
      assert(s.model.kind === 'softmax' && s.model.trained === false, `model ${JSON.stringify(s.model)}`);
      assert(!s.training.running, 'training at start');
      const shell = await page.evaluate(() => document.getElementById('shell').classList.contains('hidden'));
      assert(shell, 'the loading card is still shown');
      await frames(page, 10);
      await page.screenshot({ path: path.join(out, 'smoke.png') });
      const licenses = await page.evaluate(async () => (await fetch('LICENSES')).text());
      for (const word of ['Fashion-MNIST', 'MIT', 'Dear ImGui', 'SDL', 'zlib', 'Eigen', 'MPL-2.0']) {
        assert(licenses.includes(word), `LICENSES lacks ${word}`);
      }
    },
  },
  {
    name: 'errors: file:// says to use make run or a static server',
    async run({ page, web, out }) {
      await page.goto(`file://${path.join(web, 'index.html')}`);
      const s = await waitState(page, (x) => x.error, 'file:// error');
      assert(/web server/i.test(s.error), `error ${s.error}`);
      const text = await page.textContent('#error');
      assert(text.includes('make run') && /static server/.test(text), `error box: ${text}`);
      await page.screenshot({ path: path.join(out, 'error-file-url.png') });
    },
  },
  {
    name: 'errors: a missing bundle is explained in the overlay',
    async run({ page, url, out, expectedErrors }) {
      expectedErrors.push(/404/);
      await page.route('**/fashion-mnist-14.bin', (r) => r.fulfill({ status: 404, body: 'nope' }));
      await page.goto(url);
      const s = await waitState(page, (x) => x.error, 'bundle error');
      assert(/404/.test(s.error) && /fashion-mnist-14\.bin/.test(s.error), `error ${s.error}`);
      assert(!s.ready, 'ready despite no data');
      await frames(page, 5);
      await page.screenshot({ path: path.join(out, 'error-missing-bundle.png') });
    },
  },
  {
    name: 'errors: a corrupt bundle shows the core\'s message',
    async run({ page, url, out, web }) {
      const good = zlib.gunzipSync(fs.readFileSync(path.join(web, 'fashion-mnist-14.bin')));
      good[1000] ^= 0xff;  // a flipped payload byte: CRC mismatch
      const body = zlib.gzipSync(good, { level: 1 });
      await page.route('**/fashion-mnist-14.bin', (r) => r.fulfill({ status: 200, body,
        headers: { 'Content-Type': 'application/octet-stream' } }));
      await page.goto(url);
      const s = await waitState(page, (x) => x.error, 'bundle error');
      assert(/CRC/.test(s.error), `error ${s.error}`);
      await frames(page, 5);
      await page.screenshot({ path: path.join(out, 'error-corrupt-bundle.png') });
    },
  },
  {
    name: 'nosimd: the scalar build loads when SIMD is unavailable (?simd=0)',
    async run({ page, url }) {
      const s = await openReady(page, `${url}?simd=0`);
      assert(s.dataset.train === 48000, 'counts');
      const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
      assert(loaded.some((n) => n.endsWith('fmnist-nosimd.wasm')), `loaded ${loaded.join(', ')}`);
      assert(!loaded.some((n) => n.endsWith('/fmnist.wasm')), 'the SIMD build was loaded too');
    },
  },
];
