// Issue 12 on the page, through real input: the drawing canvas keeps strokes (a sketch drawn large
// and small gives the same model input; erase and undo work on the strokes), the model menu picks
// cnn-small with the mouse and trains it, the Weights panel then shows its first-layer filters,
// the book's cnn asks for 28×28, the Best for sketches button fills the form from the presets
// table, and train({preset}) is checked like every other argument.
import path from 'node:path';
import { assert, openReady, state, waitState, rendered, stroke, shotPanel, handClick, handPress } from './helpers.mjs';

// A T-shirt's outline as fractions of its box (x right, y down).
const SHIRT = [[0.3, 0.0], [0.7, 0.0], [1.0, 0.25], [0.85, 0.4], [0.75, 0.3], [0.75, 1.0],
  [0.25, 1.0], [0.25, 0.3], [0.15, 0.4], [0.0, 0.25], [0.3, 0.0]];

// The outline placed in the canvas at (u0, v0) with side `k` (fractions of the canvas).
const placed = (u0, v0, k) => SHIRT.map(([u, v]) => [u0 + k * u, v0 + k * v]);

// A click in the middle of `r`, the pointer moved there first and a frame drawn (ImGui hovers an
// item before it takes a click on it).

const maxDiff = (a, b) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

export const tests = [
  {
    name: 'sketch page: the canvas keeps strokes: one sketch drawn large and small gives the same model input; erase and undo by mouse',
    async run({ page, url, out, note }) {
      await openReady(page, url);
      // The canvas's rectangle once the layout has settled (two readings frames apart agree): a
      // stroke placed on a rectangle the first frames still moved was cut at the canvas's edge,
      // and the two sizes then differed by 1 (seen once).
      let r = (await rendered(page, 2)).canvas.rect;
      for (let again = await rendered(page, 3); JSON.stringify(again.canvas.rect) !== JSON.stringify(r);
        again = await rendered(page, 3)) {
        r = again.canvas.rect;
      }
      await stroke(page, r, placed(0.1, 0.1, 0.8), 8);
      await waitState(page, (s) => s.canvas.strokes === 1 && s.canvas.input.path === 'strokes',
        'the large sketch as one stroke');
      // Each reading after a change comes from frames drawn after it (the input is made at the
      // start of a frame, from the events that frame handled).
      const big = await rendered(page, 2);
      assert(big.canvas.input.side === 14 && big.canvas.input.pixels.length === 196,
        `model input ${JSON.stringify(big.canvas.input).slice(0, 80)}`);
      await shotPanel(page, out, 'sketch-page-strokes', 'canvas');

      await handPress(page, 'c');
      await waitState(page, (s) => s.canvas.empty && s.canvas.strokes === 0, 'the canvas cleared by C');
      await stroke(page, r, placed(0.55, 0.05, 0.3), 8);
      await waitState(page, (s) => s.canvas.strokes === 1 && s.canvas.input.path === 'strokes',
        'the small sketch in a corner');
      const small = await rendered(page, 2);
      const d = maxDiff(big.canvas.input.pixels, small.canvas.input.pixels);
      note(`the same sketch at 80 % of the canvas and at 30 % in a corner: model inputs differ by at most ${d.toFixed(3)}`);
      assert(d <= 0.15, `inputs of the same sketch at two sizes differ by ${d} (> 0.15)`);

      // Erase by mouse: the Erase tool, a stroke across the sketch's lower half.
      const t = small.canvas.tools;
      await handClick(page, (x) => x.canvas.tools.erase, 'the erase tool');
      await waitState(page, (s) => s.canvas.eraser, 'the eraser chosen');
      await stroke(page, r, [[0.5, 0.25], [0.9, 0.25]], 8);
      await waitState(page, (s) => s.canvas.strokes === 2, 'the eraser stroke kept');
      const erased = await rendered(page, 2);
      const changed = maxDiff(erased.canvas.input.pixels, small.canvas.input.pixels);
      assert(changed > 0.2, `erasing across the sketch changed the input by only ${changed}`);
      // Undo by mouse: the eraser stroke goes, the input is the one before it exactly.
      await handClick(page, (x) => x.canvas.tools.undo, 'the undo tool');
      await waitState(page, (s) => s.canvas.strokes === 1, 'the eraser stroke undone');
      const undone = await rendered(page, 2);  // the input is made at the start of a frame
      assert(maxDiff(undone.canvas.input.pixels, small.canvas.input.pixels) === 0,
        'after undo the input is not the one before erasing');
      // Erasing all the ink leaves nothing to classify (the box is that of the ink left).
      // (rows 0.05 apart: the eraser, 22/280 of the canvas wide, covers the gaps between them)
      const rows = [];
      for (let i = 0; i < 8; ++i) {
        const v = 0.02 + 0.05 * i;
        rows.push(i % 2 ? [0.95, v] : [0.5, v], i % 2 ? [0.5, v] : [0.95, v]);
      }
      await stroke(page, r, rows, 10);
      await waitState(page, (s) => s.canvas.strokes === 2, 'an eraser stroke over everything');
      const gone = await rendered(page, 2);
      assert(gone.canvas.input.path === 'none' && gone.canvas.top === null,
        `all ink erased, yet the input is ${gone.canvas.input.path}`);
      await handClick(page, (x) => x.canvas.tools.undo, 'the undo tool');
      await waitState(page, (s) => s.canvas.strokes === 1 && s.canvas.input.path === 'strokes', 'undone');

      // A test image loaded, and a stroke over it: the pixel path.
      await handClick(page, (x) => x.canvas.tools.draw, 'the draw tool');
      assert(await page.evaluate(() => window.fmnist.loadTestImage(3)), 'loadTestImage(3)');
      const loaded = await waitState(page, (s) => s.canvas.input.path === 'source', 'the test image as the input');
      assert(loaded.canvas.strokes === 0, 'a loaded image keeps no strokes');
      await stroke(page, r, [[0.1, 0.1], [0.2, 0.2]]);
      await waitState(page, (s) => s.canvas.input.path === 'pixels' && s.canvas.strokes === 1,
        'a stroke over the loaded image: the pixel path');
    },
  },
  {
    name: 'sketch page: cnn-small picked in the model menu with the mouse trains; the Weights panel shows its filters',
    async run({ page, url, out, note }) {
      await openReady(page, url);
      await handClick(page, (x) => x.ui.training.fields.model, 'the model menu');
      await waitState(page, (s) => s.ui.training.model_items.length === 4, 'the model menu open');
      await rendered(page, 3);  // the menu's items where they stay (its first frame lays it out)
      await handClick(page, (x) => x.ui.training.model_items[3], 'cnn-small in the menu');
      await waitState(page, (s) => s.model.kind === 'cnn-small' && s.ui.training.model_items.length === 0,
        'cnn-small chosen');
      await handPress(page, 'Space');  // Train, with the form's settings
      await waitState(page, (s) => s.model.kind === 'cnn-small' && s.ui.weights.view === 'filters',
        'the first weights of a cnn-small run in the Weights panel');
      const first = await waitState(page, (s) => s.history.length >= 1, 'one epoch of cnn-small');
      note(`cnn-small, epoch 1: val. accuracy ${first.history[0].val_acc.toFixed(4)}, ${first.model.params} parameters`);
      assert(first.history[0].val_acc > 0.6, `cnn-small learnt little in one epoch: ${first.history[0].val_acc}`);
      await page.evaluate(() => window.fmnist.pause());
      await waitState(page, (s) => s.training.paused || !s.training.running, 'paused');
      const w = (await rendered(page)).ui.weights;
      assert(w.view === 'filters' && w.count >= 8, `weights view ${JSON.stringify(w)}`);
      // Hover the third filter: the panel marks it (and its tooltip shows its numbers).
      const c = w.cell;
      await page.mouse.move(c.x + 2 * c.step_x + c.size / 2, c.y + c.size / 2);
      await waitState(page, (s) => s.ui.weights.hovered === 2, 'filter 3 hovered');
      await page.screenshot({ path: path.join(out, 'sketch-page-filters.png') });
      await page.evaluate(() => window.fmnist.reset());
    },
  },
  {
    name: "sketch page: the book's cnn in the menu switches to 28x28; Best for sketches fills the form; train({preset})",
    async run({ page, url, note }) {
      await openReady(page, url);
      await handClick(page, (x) => x.ui.training.fields.model, 'the model menu');
      await waitState(page, (s) => s.ui.training.model_items.length === 4, 'the model menu open');
      await rendered(page, 3);
      await handClick(page, (x) => x.ui.training.model_items[2], 'cnn in the menu');
      await waitState(page, (s) => s.model.kind === 'cnn' && s.dataset.side === 28,
        'cnn chosen and the input size switched to 28x28 (its bundle downloaded)');

      // The preset button: the presets table's 'sketch' row, input size included.
      await handClick(page, (x) => x.ui.training.preset, 'Best for sketches');
      const p = await waitState(page, (s) => s.model.kind === 'cnn-small' && s.dataset.side === 14,
        'the sketch preset applied to the form');
      assert(p.model.augment === true && p.model.optimizer === 'adam', `preset form ${JSON.stringify(p.model)}`);
      const hash = await page.evaluate(() => location.hash);
      assert(hash.includes('model=cnn-small') && hash.includes('augment=1'), `link after the preset: ${hash}`);
      // The Augment box by mouse.
      await handClick(page, (x) => x.ui.training.augment, 'the Augment box');
      await waitState(page, (s) => s.model.augment === false, 'augment unticked by mouse');

      // The API: an unknown preset is refused with a message, nothing starts; 'sketch' runs.
      const [bad, err, running] = await page.evaluate(() => {
        const ok = window.fmnist.train({ preset: 'drawing' });
        const s = window.fmnist.state();
        return [ok, s.error, s.training.running];
      });
      assert(bad === false && !running && /preset/.test(err || ''), `train({preset: 'drawing'}): ${bad}, ${err}`);
      const [typed, terr] = await page.evaluate(() => [window.fmnist.train({ augment: 'yes' }), window.fmnist.state().error]);
      assert(typed === false && /augment/.test(terr || ''), `train({augment: 'yes'}): ${typed}, ${terr}`);
      const ok = await page.evaluate(() => window.fmnist.train({ preset: 'sketch', epochs: 1, early_stopping: 1 }));
      assert(ok, `train({preset: 'sketch'}) refused: ${(await state(page)).error}`);
      const done = await waitState(page, (s) => !s.training.running && s.test_acc !== null && s.history.length === 1,
        'the preset run (1 epoch)');
      assert(done.model.kind === 'cnn-small' && done.model.augment === true, `preset run ${JSON.stringify(done.model)}`);
      assert(done.training.best_epoch === 1, `early stopping's best epoch ${done.training.best_epoch}`);
      note(`train({preset: 'sketch', epochs: 1, early_stopping: 1}): test accuracy ${done.test_acc.toFixed(4)}, best epoch ${done.training.best_epoch}`);
    },
  },
];
