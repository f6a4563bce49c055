// Issue 18 §2: the page on a phone with real touch (Playwright hasTouch, 390×844, DPR 3): it
// opens on Training (the Train button where the user is), every panel's tab is on screen and one
// tap switches to it, and no keyboard hint or tooltip is left after a tap.
import path from 'node:path';
import { launchChromium } from '../../scripts/browser.mjs';
import { assert, openReady, state, rendered, waitState } from './helpers.mjs';

const PANELS = ['training', 'canvas', 'plots', 'samples', 'confusion', 'weights'];
const centre = (r) => [r.x + r.w / 2, r.y + r.h / 2];

export const tests = [
  {
    name: 'touch: one tap switches a tab, every tab on screen, starts on Training, no hints or tooltips (390x844 DPR 3)',
    async run({ url, out, note }) {
      const viewport = { width: 390, height: 844 };
      const browser = await launchChromium({ viewport,
        contextOptions: { hasTouch: true, isMobile: true, deviceScaleFactor: 3 } });
      try {
        const page = await browser.context.newPage();
        page.setDefaultTimeout(0);
        await openReady(page, url);
        let s = await rendered(page, 3);
        assert(s.layout === 'compact', `layout ${s.layout}`);
        assert(Object.keys(s.ui.panels).join() === 'training', `first screen shows ${Object.keys(s.ui.panels)}`);
        for (const p of PANELS) {
          const r = s.ui.tabs[p];
          assert(r && r.w > 0 && r.x >= 0 && r.x + r.w <= viewport.width + 0.5 && r.y >= 0 && r.y + r.h <= viewport.height,
            `tab ${p} not fully on screen: ${JSON.stringify(r)}`);
        }
        await page.screenshot({ path: path.join(out, 'touch-phone-first.png') });

        // Each tab with one tap, in an order that never taps the same place twice in a row.
        for (const p of ['plots', 'weights', 'canvas', 'confusion', 'samples', 'training', 'weights', 'plots']) {
          const [x, y] = centre(s.ui.tabs[p]);
          await page.touchscreen.tap(x, y);
          s = await rendered(page, 3);  // the tap's press and release are in the overlay's queue already
          assert(s.ui.panels[p] !== undefined, `one tap on the ${p} tab left ${Object.keys(s.ui.panels)} shown`);
          assert(s.ui.touch, 'state().ui.touch is false after a tap');
          assert(!s.ui.tooltip, `a tooltip stays up after tapping the ${p} tab`);
        }

        // Training: Train with a tap; no keyboard hint on a touch screen, no tooltip left on Train.
        const [tx, ty] = centre(s.ui.tabs.training);
        await page.touchscreen.tap(tx, ty);
        s = await waitState(page, (v) => v.ui.panels.training !== undefined, 'the Training tab');
        s = await rendered(page, 3);
        assert(!s.ui.training.key_hints, 'the keyboard hint is shown on a touch screen');
        const [bx, by] = centre(s.ui.training.train);
        await page.touchscreen.tap(bx, by);
        s = await waitState(page, (v) => v.model.trained, 'a run started by one tap on Train');
        s = await rendered(page, 3);
        assert(!s.ui.tooltip, 'Train\'s tooltip stays up after the tap');
        await page.screenshot({ path: path.join(out, 'touch-phone-training.png') });

        // The confusion matrix after the run: every count shown (four digits on the diagonal).
        await waitState(page, (v) => !v.training.running && v.test_acc !== null, 'the run to finish');
        const [cx, cy] = centre(s.ui.tabs.confusion);
        await page.touchscreen.tap(cx, cy);
        s = await rendered(page, 3);
        assert(s.ui.panels.confusion && s.ui.confusion_cells, 'the confusion tab shows no matrix');
        assert(s.ui.confusion_hidden_counts === 0, `${s.ui.confusion_hidden_counts} counts do not fit their cells`);
        const g = s.ui.confusion_cells;
        assert(g.x >= 0 && g.x + g.w <= viewport.width, `the matrix is wider than the screen: ${JSON.stringify(g)}`);
        await page.screenshot({ path: path.join(out, 'touch-phone-confusion.png') });
        note('every tab switched on one tap; Train started a run on one tap');
      } finally {
        await browser.close();
      }
    },
  },
];
