// The drawing canvas through real input: a mouse stroke on state().canvas.rect changes the
// prediction, clearCanvas() and the C key empty it, and test images 0-19 are mostly recognised.
import path from 'node:path';
import { assert, openReady, state, frames, trainAndWait, stroke } from './helpers.mjs';

export const tests = [
  {
    name: 'canvas: a mouse stroke changes the prediction; clear empties it',
    async run({ page, url, out }) {
      await openReady(page, url);
      await trainAndWait(page, { epochs: 2 });
      let s = await state(page);
      const r = s.canvas.rect;
      assert(r.w >= 150 && r.h >= 150, `canvas rect too small ${JSON.stringify(r)}`);
      assert(r.x >= 0 && r.y >= 0 && r.x + r.w <= 1280 && r.y + r.h <= 800, `canvas not fully visible ${JSON.stringify(r)}`);
      assert(s.canvas.empty && s.canvas.top === null, 'canvas not empty at start');
      assert(s.canvas.brush > 0, 'brush size');
      const touch = await page.evaluate(() => getComputedStyle(document.getElementById('canvas')).touchAction);
      // A finger never pans the page over the canvas; two may pinch-zoom (web/pinch_zoom.js keeps
      // every touch inside the drawing square cancelled).
      assert(touch === 'pinch-zoom', `touch-action ${touch}`);

      // A trouser: two long legs joined at the top.
      await stroke(page, r, [[0.3, 0.1], [0.7, 0.1], [0.68, 0.9], [0.55, 0.9], [0.5, 0.3], [0.45, 0.9], [0.32, 0.9], [0.3, 0.1]]);
      await frames(page, 2);
      const a = await state(page);
      assert(!a.canvas.empty && a.canvas.top !== null, `no prediction after a stroke ${JSON.stringify(a.canvas)}`);
      const sum = a.canvas.probs.reduce((x, y) => x + y, 0);
      assert(Math.abs(sum - 1) < 1e-3, `probs sum ${sum}`);
      await page.screenshot({ path: path.join(out, 'canvas-drawn.png'),
        clip: { x: a.ui.panels.canvas.x, y: a.ui.panels.canvas.y, width: a.ui.panels.canvas.w, height: a.ui.panels.canvas.h } });

      // Another stroke (a bag's handle and body would do): the probabilities must move.
      await stroke(page, r, [[0.1, 0.5], [0.9, 0.5], [0.9, 0.95], [0.1, 0.95], [0.1, 0.5]]);
      await frames(page, 2);
      const b = await state(page);
      const moved = b.canvas.probs.some((p, i) => Math.abs(p - a.canvas.probs[i]) > 1e-4);
      assert(moved, 'the second stroke did not change the probabilities');

      await page.evaluate(() => window.fmnist.clearCanvas());
      await frames(page, 1);
      const c = await state(page);
      assert(c.canvas.empty && c.canvas.top === null && c.canvas.probs.every((p) => p === 0),
        `not empty after clearCanvas ${JSON.stringify(c.canvas)}`);

      // The C key clears too (keyboard shortcut).
      await stroke(page, r, [[0.4, 0.4], [0.6, 0.6]]);
      await frames(page, 2);
      assert(!(await state(page)).canvas.empty, 'stroke 3 not drawn');
      await page.keyboard.press('c');
      await frames(page, 2);
      assert((await state(page)).canvas.empty, 'C did not clear the canvas');
    },
  },
  {
    name: 'canvas: a touch stroke draws and does not scroll the page',
    async run({ page, url }) {
      await openReady(page, url);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
      const r = (await state(page)).canvas.rect;
      const pt = (u, v) => [{ x: r.x + u * r.w, y: r.y + v * r.h, id: 1 }];
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: pt(0.3, 0.2) });
      for (let i = 1; i <= 10; ++i) {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: pt(0.3 + 0.04 * i, 0.2 + 0.06 * i) });
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await frames(page, 3);
      const s = await state(page);
      assert(!s.canvas.empty, 'the touch stroke did not draw');
      const scroll = await page.evaluate(() => [window.scrollX, window.scrollY, document.scrollingElement.scrollTop]);
      assert(scroll.every((v) => v === 0), `page scrolled: ${scroll}`);
    },
  },
  {
    name: 'canvas: test images 0-19 after 2 epochs, >= 15 classified as their labels',
    async run({ page, url, note }) {
      await openReady(page, url);
      await trainAndWait(page, { model: 'softmax', epochs: 2, seed: 42 });
      let right = 0;
      const wrong = [];
      for (let i = 0; i < 20; ++i) {
        assert(await page.evaluate((k) => window.fmnist.loadTestImage(k), i), `loadTestImage(${i}) refused`);
        await frames(page, 1);
        const s = await state(page);
        const label = await page.evaluate((k) => window.fmnist.testLabel(k), i);
        assert(label >= 0 && label <= 9, `label of ${i}: ${label}`);
        assert(!s.canvas.empty && s.canvas.top !== null, `no prediction for test image ${i}`);
        if (s.canvas.top === label) ++right;
        else wrong.push(`${i}:${label}->${s.canvas.top}`);
      }
      note(`${right}/20 right${wrong.length ? `; wrong ${wrong.join(' ')}` : ''}`);
      assert(right >= 15, `${right}/20 test images right`);
      assert(!(await page.evaluate(() => window.fmnist.loadTestImage(10000))), 'index 10000 accepted');
    },
  },
];
