// Issue 18 §5: a confusion cell's images. Clicked (1280x800, mouse, English) or tapped (390x844,
// touch, DPR 3, Korean) in the map after a run: the Samples panel lists that cell's validation
// images, neither Browse nor Hardest looks chosen, Back stays inside the panel, the map outlines
// the chosen cell; an image's tooltip calls it "Validation image #N" (not a training image); Back
// returns to browsing.
import path from 'node:path';
import { launchChromium } from '../../scripts/browser.mjs';
import { assert, handClick, openReady, rendered, trainAndWait, waitState } from './helpers.mjs';

const inside = (r, p) => r.x >= p.x && r.y >= p.y && r.x + r.w <= p.x + p.w + 0.5 && r.y + r.h <= p.y + p.h + 0.5;

// The chosen cell (true Shirt, predicted T-shirt/top) from the map, by `press` (mouse or tap).
async function chooseCell(page, press) {
  let s = await rendered(page, 3);
  if (s.ui.tabs && s.ui.tabs.confusion) s = await press((x) => x.ui.tabs.confusion, 'the confusion tab');
  s = await waitState(page, (x) => x.ui.confusion_cells, 'the confusion map');
  const cell = (x) => {
    const g = x.ui.confusion_cells;
    return g && { x: g.x + g.w / 10 * 0.25, y: g.y + g.h / 10 * 6.25, w: g.w / 10 * 0.5, h: g.h / 10 * 0.5 };
  };
  await press(cell, 'the cell true Shirt, predicted T-shirt/top');
  return waitState(page, (x) => x.ui.samples.mode === 'cell' && x.ui.samples.cell.truth === 6 &&
    x.ui.samples.cell.predicted === 0, 'the cell\'s images in Samples');
}

function checkListing(s, where) {
  const v = s.ui.samples;
  assert(v.items > 0 && v.split === 'val', `${where}: ${JSON.stringify(v)}`);
  assert(v.radio === null, `${where}: the ${v.radio} radio button looks chosen for a cell's images`);
  const panel = s.ui.panels.samples;
  assert(v.back && inside(v.back, panel), `${where}: Back ${JSON.stringify(v.back)} outside the panel ${JSON.stringify(panel)}`);
  assert(s.ui.clipped.length === 0, `${where}: cut ${s.ui.clipped.join('; ')}`);
}

export const tests = [
  {
    name: 'cell filter: a confusion cell\'s images, Back inside, no mode chosen, the cell outlined, "Validation image #N" (1280x800 mouse, 390x844 touch Korean)',
    async run({ page, url, out, note }) {
      await openReady(page, url);
      await trainAndWait(page, { epochs: 1 });
      let s = await chooseCell(page, (pick, what) => handClick(page, pick, what));
      s = await rendered(page, 3);
      checkListing(s, '1280x800');
      const o = s.ui.confusion_outlined;
      assert(o && o.truth === 6 && o.predicted === 0, `the map outlines ${JSON.stringify(o)}, not the chosen cell`);
      // Hover the first image: a validation image, named as one.
      const p = s.ui.panels.samples;
      const back = s.ui.samples.back;
      await page.mouse.move(back.x + 30, back.y + back.h + 70);  // the first image, under the pager
      s = await waitState(page, (x) => x.ui.samples.tooltip !== null, 'an image\'s tooltip');
      assert(/^Validation image #\d+ \(training file #\d+\)$/.test(s.ui.samples.tooltip),
        `the tooltip says "${s.ui.samples.tooltip}"`);
      note(`tooltip "${s.ui.samples.tooltip}"`);
      await page.screenshot({ path: path.join(out, 'cell-filter-1280x800.png'), clip: { x: p.x, y: p.y, width: p.w, height: p.h } });
      s = await handClick(page, (x) => x.ui.samples.back, 'Back');
      s = await waitState(page, (x) => x.ui.samples.mode === 'browse' && x.ui.samples.radio === 'browse', 'browsing again');
      assert(!s.ui.confusion_outlined, 'a cell stays outlined after Back');

      // A phone, in Korean, with a finger.
      const browser = await launchChromium({ viewport: { width: 390, height: 844 },
        contextOptions: { hasTouch: true, isMobile: true, deviceScaleFactor: 3 } });
      try {
        const phone = await browser.context.newPage();
        phone.setDefaultTimeout(0);
        await openReady(phone, url);
        await phone.evaluate(() => window.fmnist.applySettings('lang=ko', 'hash'));
        await waitState(phone, (x) => x.lang === 'ko' && x.font.loaded, 'the Korean font');
        await trainAndWait(phone, { epochs: 1 });
        const tap = async (pick, what) => {
          const r = pick(await rendered(phone, 2));
          assert(r && r.w > 0, `${what}: no rectangle`);
          await phone.touchscreen.tap(r.x + r.w / 2, r.y + r.h / 2);
          return rendered(phone, 3);
        };
        s = await chooseCell(phone, tap);
        s = await waitState(phone, (x) => x.ui.panels.samples !== undefined, 'the Samples tab after the tap');
        s = await rendered(phone, 3);
        checkListing(s, '390x844 ko');
        await phone.screenshot({ path: path.join(out, 'cell-filter-390x844-ko.png') });
        s = await tap((x) => x.ui.tabs.confusion, 'the confusion tab');
        const po = s.ui.confusion_outlined;
        assert(po && po.truth === 6 && po.predicted === 0, `the phone's map outlines ${JSON.stringify(po)}`);
        s = await tap((x) => x.ui.tabs.samples, 'the samples tab');
        s = await tap((x) => x.ui.samples.back, 'Back (뒤로)');
        await waitState(phone, (x) => x.ui.samples.mode === 'browse', 'browsing again on the phone');
      } finally {
        await browser.close();
      }
    },
  },
];
