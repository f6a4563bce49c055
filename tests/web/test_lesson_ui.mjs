// Issue 18 §6: the lesson is offered in the Training panel (a click opens it), and its window
// docks where the plots and the drawing canvas stay in view: beside them at 1280×800, below the
// tabs and the panel's top half on a phone. Numbers in its texts are not broken across lines.
import path from 'node:path';
import { assert, openReady, rendered, waitState } from './helpers.mjs';

const overlaps = (a, b) => a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;

async function openFromOffer(page) {
  let s = await rendered(page, 3);
  assert(!s.lesson.open, 'the lesson is open before the offer was clicked');
  const r = s.ui.training.lesson;
  assert(r && r.w > 0 && r.h > 0, `no lesson offer in the Training panel: ${JSON.stringify(r)}`);
  await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  s = await waitState(page, (x) => x.lesson.open, 'the lesson opened by the offer');
  return rendered(page, 3);
}

export const tests = [
  {
    name: 'lesson: offered in the Training panel; docked beside the plots and canvas (1280x800)',
    async run({ page, url, out }) {
      await openReady(page, url);
      const s = await openFromOffer(page);
      const L = s.lesson.rect;
      assert(L.w > 200 && L.h > 300, `lesson window ${JSON.stringify(L)}`);
      for (const p of ['plots', 'canvas', 'confusion', 'samples']) {
        assert(!overlaps(L, s.ui.panels[p]), `the lesson covers the ${p} panel: ${JSON.stringify(L)} vs ${JSON.stringify(s.ui.panels[p])}`);
      }
      await page.screenshot({ path: path.join(out, 'lesson-docked-1280x800.png') });
    },
  },
  {
    name: 'lesson: on a phone it leaves the tabs and the top of the panel in view (390x844, ko)',
    viewport: { width: 390, height: 844 },
    async run({ page, url, out }) {
      await openReady(page, `${url}#lang=ko`);
      const s = await openFromOffer(page);
      const L = s.lesson.rect;
      for (const [p, r] of Object.entries(s.ui.tabs)) assert(!overlaps(L, r), `the lesson covers the ${p} tab`);
      assert(L.y >= 844 * 0.45, `the lesson starts at y ${L.y}: covers the panel's top half`);
      await page.screenshot({ path: path.join(out, 'lesson-docked-390x844-ko.png') });
    },
  },
];
