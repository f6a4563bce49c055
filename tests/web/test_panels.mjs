// Screenshots of every panel after a short run (plus overview.png at 1280×800 for the README),
// the confusion click-through, the About box, and the layouts at 800×600 and phone size.
import path from 'node:path';
import { assert, openReady, state, frames, rendered, trainAndWait, shotPanel, waitState } from './helpers.mjs';

const PANELS = ['training', 'plots', 'samples', 'confusion', 'weights', 'canvas'];

function overlaps(a, b) {
  return a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
}

export const tests = [
  {
    name: 'panels: every panel at 1280x800, no overlap, screenshots + overview.png',
    async run({ page, url, out, note }) {
      await openReady(page, url);
      await trainAndWait(page, { epochs: 2 });
      await page.evaluate(() => window.fmnist.loadTestImage(0));
      await frames(page, 5);
      const s = await state(page);
      assert(s.layout === 'wide', `layout ${s.layout}`);
      for (const p of PANELS) {
        const r = s.ui.panels[p];
        assert(r && r.x >= 0 && r.y >= 0 && r.x + r.w <= 1280.5 && r.y + r.h <= 800.5, `${p} outside: ${JSON.stringify(r)}`);
      }
      for (let i = 0; i < PANELS.length; ++i) {
        for (let j = i + 1; j < PANELS.length; ++j) {
          assert(!overlaps(s.ui.panels[PANELS[i]], s.ui.panels[PANELS[j]]), `${PANELS[i]} overlaps ${PANELS[j]}`);
        }
      }
      await page.screenshot({ path: path.join(out, 'overview.png') });
      for (const p of PANELS) await shotPanel(page, out, `panel-${p}`, p);

      // Confusion click-through, with the mouse: the T-shirt row's Shirt column (true 0, predicted
      // 6) switches the Samples panel to that cell's validation images.
      assert(s.ui.samples.mode === 'browse' && s.ui.samples.cell === null, `samples view ${JSON.stringify(s.ui.samples)}`);
      const g = s.ui.confusion_cells;
      assert(g && g.w > 0 && g.h > 0, `no confusion map: ${JSON.stringify(g)}`);
      const [cx, cy] = [g.x + (6 + 0.5) * g.w / 10, g.y + (0 + 0.5) * g.h / 10];
      await page.mouse.move(cx, cy);  // hover first, as a person would: the cell lights up
      await frames(page, 2);
      await page.mouse.click(cx, cy);
      const v = (await rendered(page, 3)).ui.samples;  // the overlay handles a click in its next frame
      assert(v.mode === 'cell' && v.cell && v.cell.truth === 0 && v.cell.predicted === 6,
        `clicked true 0 / predicted 6, samples view ${JSON.stringify(v)}`);
      assert(v.split === 'val' && v.class === null && v.page === 0, `samples view ${JSON.stringify(v)}`);
      await frames(page, 3);
      const listed = (await state(page)).ui.samples.items;
      note(`${listed} validation T-shirts predicted as shirts`);
      assert(listed > 0, 'the cell (true T-shirt, predicted Shirt) lists no images after 2 epochs');
      await shotPanel(page, out, 'panel-samples-confusion-cell', 'samples');

      // About box with the licences: opened by a click on the menu item, closed by its Close button.
      assert(!s.ui.about_open, 'About box open before the click');
      const about = s.ui.about;
      await page.mouse.click(about.x + about.w / 2, about.y + about.h / 2);
      assert((await rendered(page, 3)).ui.about_open, 'the About box did not open');
      await frames(page, 3);  // drawn at its final size
      await page.screenshot({ path: path.join(out, 'about.png') });
      const close = (await state(page)).ui.about_close;
      assert(close && close.w > 0 && close.h > 0, `Close button ${JSON.stringify(close)}`);
      await page.mouse.click(close.x + close.w / 2, close.y + close.h / 2);
      assert(!(await rendered(page, 3)).ui.about_open, 'Close did not close the About box');
    },
  },
  {
    name: 'layout: usable at 800x600 (two tabbed columns)',
    viewport: { width: 800, height: 600 },
    async run({ page, url, out }) {
      await openReady(page, url);
      await frames(page, 5);
      const s = await state(page);
      assert(s.layout === 'medium', `layout ${s.layout}`);
      const r = s.canvas.rect;
      assert(s.canvas.visible && r.w >= 120 && r.x + r.w <= 800 && r.y + r.h <= 600, `canvas ${JSON.stringify(r)}`);
      await page.screenshot({ path: path.join(out, 'layout-800x600.png') });
    },
  },
  {
    name: 'layout: usable on a phone-sized viewport (one tabbed window)',
    viewport: { width: 390, height: 844 },
    async run({ page, url, out }) {
      await openReady(page, url);
      await frames(page, 5);
      let s = await state(page);
      assert(s.layout === 'compact', `layout ${s.layout}`);
      // It opens on Training (the Train button where the user is); the canvas is one click away.
      assert(s.ui.panels.training && s.ui.tabs.canvas, `first screen: ${Object.keys(s.ui.panels)}`);
      await page.screenshot({ path: path.join(out, 'layout-phone-first.png') });
      const t = s.ui.tabs.canvas;
      await page.mouse.click(t.x + t.w / 2, t.y + t.h / 2);
      s = await waitState(page, (x) => x.canvas.visible, 'the canvas tab');
      const r = s.canvas.rect;
      assert(s.canvas.visible && r.w >= 120 && r.x + r.w <= 390, `canvas ${JSON.stringify(r)}`);
      await page.screenshot({ path: path.join(out, 'layout-phone.png') });
    },
  },
];
