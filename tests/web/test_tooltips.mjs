// Issue 18 §5 and §2: tooltips beside, correct, and none on touch. Train's tooltip (after its
// delay) sits beside the Training panel, or above Train where the panel is the screen's width,
// never over Pause / +1 epoch / Reset; it says what Space does now: start a run when idle, pause
// a running one, resume a paused one. On a phone (touch, DPR 3) the first screen, before any tap,
// has no keyboard hints (key_hints false: the keys line is not drawn and the Train hint says Tap).
import path from 'node:path';
import { launchChromium } from '../../scripts/browser.mjs';
import { assert, handPress, openReady, rendered, state, waitState } from './helpers.mjs';

const overlaps = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

// Rests the mouse on Train until its tooltip says `says`; checks it covers none of the row.
async function trainTip(page, says, what) {
  let s = await rendered(page, 2);
  const t = s.ui.training.train;
  await page.mouse.move(t.x + t.w / 2, t.y + t.h / 2);
  s = await waitState(page, (x) => x.ui.training.tooltip !== null && x.ui.training.tooltip.includes(says) &&
    x.ui.training.tooltip_rect.w > 0, `Train's tooltip saying "${says}" (${what})`);
  const tip = s.ui.training.tooltip_rect;
  for (const k of ['train', 'pause', 'plus_epoch', 'reset']) {
    assert(!overlaps(tip, s.ui.training[k]), `${what}: Train's tooltip ${JSON.stringify(tip)} covers ${k} ${JSON.stringify(s.ui.training[k])}`);
  }
  return s;
}

export const tests = [
  {
    name: 'tooltips: Train\'s beside the panel or above, never over its row; says what Space does idle, running, paused (1280x800, 640x400)',
    async run({ page, url, out, note }) {
      await openReady(page, url);
      const seen = [];
      for (const [width, height] of [[1280, 800], [640, 400]]) {
        await page.setViewportSize({ width, height });
        let s = await rendered(page, 3);
        s = await trainTip(page, 'Start a new run from fresh weights (Space)', `idle at ${width}x${height}`);
        const tip = s.ui.training.tooltip_rect, panel = s.ui.panels.training, train = s.ui.training.train;
        const beside = tip.x >= panel.x + panel.w - 1 || tip.x + tip.w <= panel.x + 1;
        const above = tip.y + tip.h <= train.y + 1;
        assert(beside || above, `${width}x${height}: the tooltip ${JSON.stringify(tip)} is neither beside the panel nor above Train`);
        seen.push(`${width}x${height}: ${beside ? 'beside the panel' : 'above Train'}`);
        await page.screenshot({ path: path.join(out, `tooltip-train-${width}x${height}.png`) });
        await page.mouse.move(2, height - 2);
      }
      // A long run (watched): Space pauses it, and the tooltip says so; paused, Space resumes.
      assert(await page.evaluate(() => window.fmnist.train({ epochs: 30, pace: 'watch' })), 'train refused');
      await waitState(page, (x) => x.training.running, 'the run');
      await trainTip(page, 'Space pauses this one', 'running');
      await page.mouse.move(2, 398);
      await handPress(page, 'Space');
      await waitState(page, (x) => x.training.paused, 'paused by Space');
      await trainTip(page, 'Space resumes this one', 'paused');
      await page.mouse.move(2, 398);
      await handPress(page, 'Space');
      await waitState(page, (x) => x.training.running && !x.training.paused, 'resumed by Space');
      await page.evaluate(() => window.fmnist.reset());
      note(seen.join('; '));
    },
  },
  {
    name: 'tooltips: a phone\'s first screen (touch, no tap yet) has no keyboard hints (the hint line, Space in the Train hint)',
    async run({ url }) {
      const browser = await launchChromium({ viewport: { width: 390, height: 844 },
        contextOptions: { hasTouch: true, isMobile: true, deviceScaleFactor: 3 } });
      try {
        const page = await browser.context.newPage();
        page.setDefaultTimeout(0);
        await openReady(page, url);
        const s = await rendered(page, 3);
        assert(s.ui.touch, 'a touch-first screen does not start as touch');
        assert(s.ui.training.key_hints === false, 'the keyboard hint is on a phone\'s first screen');
        const shown = await state(page);
        assert(shown.ui.panels.training !== undefined, 'the phone does not open on Training');
      } finally {
        await browser.close();
      }
    },
  },
];
