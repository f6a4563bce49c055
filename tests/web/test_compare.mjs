// Compare resolutions (issue 14 §3) through the real page: the Training panel's button trains the
// form's model at 7×7, 14×14 and 28×28 and fills the table (accuracy, parameters, seconds per
// epoch, the drawn sketch's guess at each size); window.fmnist.compareResolutions() resolves with
// the same table, refuses the book's CNN with a reason; screenshots in English and Korean at
// 1280×800 and 390×844.
import path from 'node:path';
import { assert, openReady, state, waitState, frames, handClick, stroke, shotPanel } from './helpers.mjs';

// Every row done, with the parameters of the model at its size and finite figures.
function checkTable(c, params, note) {
  assert(c && c.state === 'done', `compare ${JSON.stringify(c)}`);
  assert(c.rows.map((r) => r.side).join() === '7,14,28', `sides ${c.rows.map((r) => r.side)}`);
  c.rows.forEach((r, i) => {
    assert(r.done, `row ${r.side} not done`);
    assert(r.params === params[i], `params at ${r.side}: ${r.params}, expected ${params[i]}`);
    for (const k of ['val_acc', 'test_acc', 'seconds_per_epoch']) {
      assert(typeof r[k] === 'number' && Number.isFinite(r[k]), `${k} at ${r.side}: ${r[k]}`);
    }
    assert(r.val_acc > 0.6 && r.test_acc > 0.6, `accuracy at ${r.side}: ${r.val_acc} / ${r.test_acc}`);
    assert(r.input_pixels === r.side * r.side, `preview at ${r.side}: ${r.input_pixels} pixels`);
  });
  note(c.rows.map((r) => `${r.side}x${r.side}: val ${r.val_acc.toFixed(4)} test ${r.test_acc.toFixed(4)} ` +
    `params ${r.params} ${r.seconds_per_epoch.toFixed(2)} s/epoch -> ${r.prediction}`).join('; '));
}

export const tests = [
  {
    name: 'compare: the button trains the model at 7, 14 and 28 and fills the table (en, ko screenshots)',
    viewport: { width: 1280, height: 800 },
    async run({ page, url, out, note }) {
      await openReady(page, url);
      await page.evaluate(() => window.fmnist.applySettings('epochs=1', 'hash'));
      let s = await state(page);
      // A T-shirt-like outline on the canvas: each model gets its own guess.
      await stroke(page, s.canvas.rect, [[0.3, 0.15], [0.7, 0.15], [0.9, 0.35], [0.75, 0.45], [0.72, 0.85],
        [0.28, 0.85], [0.25, 0.45], [0.1, 0.35], [0.3, 0.15]]);
      s = await handClick(page, (x) => x.compare.button, 'Compare resolutions');
      s = await waitState(page, (x) => x.compare.state !== 'idle' || x.error, 'the comparison to start');
      assert(!s.error && s.compare.state === 'running', `state ${s.compare.state}, error ${s.error}`);
      const seen = new Set();
      s = await waitState(page, (x) => {
        if (x.compare.state === 'running') seen.add(x.compare.side);
        return x.compare.state !== 'running';
      }, 'the comparison to finish');
      checkTable(s.compare, [500, 1970, 7850], note);
      assert(s.compare.rows.every((r) => r.prediction !== null && r.top >= 0), 'a guess per size for the sketch');
      assert(s.model.side === 14 && s.dataset.side === 14 && s.model.trained, `the 14x14 model stays: ${JSON.stringify(s.model)}`);
      note(`sizes seen training: ${[...seen].join(', ')}`);
      await frames(page, 4);
      await shotPanel(page, out, 'compare-training-en', 'training');
      await page.screenshot({ path: path.join(out, 'compare-1280-en.png') });
      await page.evaluate(() => window.fmnist.applySettings('lang=ko', 'hash'));
      await waitState(page, (x) => x.font && x.font.loaded && x.lang === 'ko', 'the Korean font');
      await frames(page, 4);
      await shotPanel(page, out, 'compare-training-ko', 'training');
      await page.screenshot({ path: path.join(out, 'compare-1280-ko.png') });
    },
  },
  {
    name: 'compare: compareResolutions() resolves with the table; the book CNN is refused (phone screenshots)',
    viewport: { width: 390, height: 844 },
    async run({ page, url, out, note }) {
      await openReady(page, url);
      const refused = await page.evaluate(async () => [await window.fmnist.compareResolutions({ model: 'cnn' }),
        window.fmnist.state().error]);
      assert(refused[0] === null && /28.28 only/.test(refused[1]), `cnn: ${JSON.stringify(refused)}`);
      const c = await page.evaluate(() => window.fmnist.compareResolutions(
        { model: 'mlp', hidden: [32], optimizer: 'adam', epochs: 1, seed: 7 }));
      const mlp = (side) => side * side * 32 + 32 + 32 * 10 + 10;
      checkTable(c, [mlp(7), mlp(14), mlp(28)], note);
      assert(c.model === 'mlp' && c.epochs === 1 && c.seed === 7, `settings ${c.model} ${c.epochs} ${c.seed}`);
      assert((await state(page)).compare.state === 'done', 'state().compare');
      await frames(page, 4);
      await page.screenshot({ path: path.join(out, 'compare-390-en.png') });
      await page.evaluate(() => window.fmnist.applySettings('lang=ko', 'hash'));
      await waitState(page, (x) => x.font && x.font.loaded && x.lang === 'ko', 'the Korean font');
      await frames(page, 4);
      await page.screenshot({ path: path.join(out, 'compare-390-ko.png') });
    },
  },
];
