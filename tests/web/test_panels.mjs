// Screenshots of every panel after a short run (plus overview.png at 1280×800 for the README),
// the confusion click-through, the About box, and the layouts at 800×600 and phone size.
import path from 'node:path';
import { assert, openReady, state, frames, trainAndWait, shotPanel, waitState } from './helpers.mjs';

const PANELS = ['training', 'plots', 'samples', 'confusion', 'weights', 'canvas'];

function overlaps(a, b) {
  return a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
}

export const tests = [
  {
    name: 'panels: every panel at 1280x800, no overlap, screenshots + overview.png',
    async run({ page, url, out }) {
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

      // Confusion click-through: the T-shirt row's Shirt column (true 0, predicted 6).
      const c = s.ui.panels.confusion;
      const before = await state(page);
      await page.mouse.click(c.x + c.w * 0.5, c.y + c.h * 0.5);  // a cell in the middle of the map
      await frames(page, 3);
      await shotPanel(page, out, 'panel-samples-confusion-cell', 'samples');
      assert(before.ready, 'not ready');

      // About box with the licences.
      const about = s.ui.about;
      await page.mouse.click(about.x + about.w / 2, about.y + about.h / 2);
      await frames(page, 3);
      await page.screenshot({ path: path.join(out, 'about.png') });
      await page.keyboard.press('Escape');
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
      const s = await state(page);
      assert(s.layout === 'compact', `layout ${s.layout}`);
      const r = s.canvas.rect;
      assert(s.canvas.visible && r.w >= 120 && r.x + r.w <= 390, `canvas ${JSON.stringify(r)}`);
      await page.screenshot({ path: path.join(out, 'layout-phone.png') });
    },
  },
];
