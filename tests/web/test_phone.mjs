// Issue 16 §2-§4 on a phone (390×844, real touch, DPR 3, reduced motion asked for), one page load:
// - the canvas's backing store is its CSS size × 3 and the glyphs are rasterised at 3×;
// - every control of the first screen (tabs, menu, the Training panel's fields and buttons) is at
//   least 44 CSS px tall and wide;
// - a tap on the learning rate focuses the hidden input during that touchend (a phone opens its
//   keyboard only then); text typed with CDP's Input.insertText (headless Chromium has no
//   on-screen keyboard) reaches the field, is not applied while typing, and Enter applies it;
//   epochs the same way; Train by a tap; the run used the typed rate and epochs;
// - under prefers-reduced-motion the batch curve moves only per epoch while the run goes;
// - a finger dragged on the Training panel's labels scrolls it (it is taller than the screen);
// - a pinch zooms the page outside the drawing square, never on it;
// - screenshots with the input focused over a field, in English and Korean; a refused value
//   committed by a tap elsewhere keeps the old one with the Korean message.
import path from 'node:path';
import { launchChromium } from '../../scripts/browser.mjs';
import { assert, openReady, rendered, waitState } from './helpers.mjs';

const centre = (r) => [r.x + r.w / 2, r.y + r.h / 2];
const MIN = 44;

// The hidden input's state as the page's own touchend listener (after the overlay's) saw it.
function watchTouchend(page) {
  return page.evaluate(() => {
    window.__touchendFocus = [];
    window.addEventListener('touchend', () => {
      const a = document.activeElement;
      window.__touchendFocus.push(a ? a.id : null);
    });
  });
}

// Taps a number field and types `text` through the hidden input; returns [state while typed, after Enter].
async function typeOnPhone(page, cdp, name, text) {
  await rendered(page, 3);
  const f = (await page.evaluate(() => window.fmnistSoftKeyboard.fields())).find((x) => x.name === name);
  assert(f && !f.disabled, `no ${name} field: ${JSON.stringify(f)}`);
  const seen = await page.evaluate(() => window.__touchendFocus.length);
  await page.touchscreen.tap(...centre(f));
  const focus = await page.evaluate(() => window.__touchendFocus);
  assert(focus.length > seen && focus[focus.length - 1] === 'soft-keyboard',
    `the hidden input was not focused during the tap's touchend on ${name}: ${JSON.stringify(focus)}`);
  const over = await page.evaluate(() => {
    const r = window.fmnistSoftKeyboard.input.getBoundingClientRect();
    const i = window.fmnistSoftKeyboard.input;
    return { x: r.x, y: r.y, w: r.width, h: r.height, mode: i.inputMode, label: i.getAttribute('aria-label'),
      hidden: i.getAttribute('aria-hidden') };
  });
  assert(Math.abs(over.x - f.x) < 1 && Math.abs(over.y - f.y) < 1 && Math.abs(over.w - f.w) < 1,
    `the hidden input ${JSON.stringify(over)} is not over the ${name} field ${JSON.stringify(f)}`);
  await cdp.send('Input.insertText', { text });
  const typed = await rendered(page, 3);
  const typing = await page.evaluate((n) => window.fmnistSoftKeyboard.fields().find((x) => x.name === n), name);
  assert(over.label === f.label && over.hidden === null, `the input's name ${over.label} (hidden ${over.hidden}), field ${f.label}`);
  await page.keyboard.press('Enter');  // to the focused input, not the canvas
  const after = await rendered(page, 3);
  const hidden = await page.evaluate(() => window.fmnistSoftKeyboard.input.getAttribute('aria-hidden'));
  assert(hidden === 'true', `the unused input is in the accessibility tree (aria-hidden ${hidden})`);
  return [typed, typing, after, over];
}

export const tests = [
  {
    name: 'phone: DPR 3 canvas, 44 px targets, on-screen keyboard edits lr and epochs, trains with them, reduced motion (390x844)',
    async run({ url, out, note }) {
      const viewport = { width: 390, height: 844 };
      const browser = await launchChromium({ viewport,
        contextOptions: { hasTouch: true, isMobile: true, deviceScaleFactor: 3, reducedMotion: 'reduce' } });
      try {
        const page = await browser.context.newPage();
        page.setDefaultTimeout(0);
        const cdp = await page.context().newCDPSession(page);
        await openReady(page, url);
        await watchTouchend(page);
        let s = await rendered(page, 3);
        assert(s.layout === 'compact', `layout ${s.layout}`);

        // High DPI: the backing store has a pixel per device pixel.
        const dims = await page.evaluate(() => {
          const c = document.getElementById('canvas');
          const r = c.getBoundingClientRect();
          return { dpr: devicePixelRatio, w: c.width, h: c.height, cw: r.width, ch: r.height };
        });
        assert(dims.dpr === 3 && dims.w === Math.round(dims.cw * 3) && dims.h === Math.round(dims.ch * 3),
          `canvas backing ${dims.w}x${dims.h} for ${dims.cw}x${dims.ch} CSS px at DPR ${dims.dpr}`);
        // ... and the glyphs are rasterised for it (drawn at 1/3: 13 CSS px lines, 39 device px).
        assert(s.font.raster_scale === 3 && s.font.line_px === 13,
          `font rasterised at ${s.font.raster_scale}x, line ${s.font.line_px} px`);

        // No CSS transition under reduced motion (the loading card's progress bar had one).
        const transition = await page.evaluate(() => getComputedStyle(document.getElementById('bar-fill')).transitionDuration);
        assert(transition === '0s', `the progress bar's transition under reduced motion: ${transition}`);

        // Touch targets: the first screen's controls.
        const t = s.ui.training;
        const targets = { ...Object.fromEntries(Object.entries(s.ui.tabs).map(([k, r]) => [`tab ${k}`, r])),
          about: s.ui.about, train: t.train, pause: t.pause, plus_epoch: t.plus_epoch, reset: t.reset,
          import: t.import, augment: t.augment, preset: t.preset,
          ...Object.fromEntries(Object.entries(t.fields).map(([k, r]) => [`field ${k}`, r])) };
        const small = Object.entries(targets).filter(([, r]) => r.w < MIN || r.h < MIN);
        const smallest = Object.entries(targets).reduce((m, [k, r]) => (Math.min(r.w, r.h) < m[1] ? [k, Math.min(r.w, r.h)] : m), ['', 1e9]);
        note(`${Object.keys(targets).length} targets, smallest ${smallest[0]} ${smallest[1].toFixed(1)} px`);
        assert(small.length === 0, `targets under ${MIN} px: ${small.map(([k, r]) => `${k} ${r.w.toFixed(0)}x${r.h.toFixed(0)}`).join(', ')}`);

        // The learning rate through the on-screen-keyboard path.
        const lr0 = s.model.lr;
        let [typed, typing, after, over] = await typeOnPhone(page, cdp, 'lr', '0.05');
        assert(typed.model.lr === lr0, `lr applied while typing: ${typed.model.lr}`);
        assert(typing && typing.text === '0.05', `the lr field shows ${JSON.stringify(typing && typing.text)} while typing`);
        assert(Math.abs(after.model.lr - 0.05) < 1e-9, `lr after Enter: ${after.model.lr}`);
        assert(!(await page.evaluate(() => document.activeElement && document.activeElement.id === 'soft-keyboard')),
          'the hidden input keeps focus after Enter');
        assert(over.label === 'Learning rate', `the input is named ${over.label}`);
        note(`lr field ${JSON.stringify(over)}`);
        // Epochs too (a whole number: the numeric keypad).
        [, , after, over] = await typeOnPhone(page, cdp, 'epochs', '2');
        assert(over.mode === 'numeric', `epochs input mode ${over.mode}`);
        assert(after.training.epochs === 2, `epochs after Enter: ${after.training.epochs}`);

        // Train with a tap; under reduced motion the batch curve never runs ahead of the epochs done.
        s = await rendered(page, 3);
        await page.touchscreen.tap(...centre(s.ui.training.train));
        s = await waitState(page, (v) => v.training.running || v.history.length > 0, 'the run to start');
        // The plots tab, so they are drawn while the run goes.
        await page.touchscreen.tap(...centre(s.ui.tabs.plots));
        let ahead = 0;
        let heldBack = 0;
        s = await waitState(page, (v) => {
          const p = v.ui.plots;
          if (p && p.drawn && v.training.running) {
            if (!p.per_epoch) ahead += 1;
            if (p.batch_points_drawn < p.batch_points) heldBack += 1;
          }
          return !v.training.running && v.test_acc !== null;
        }, 'the end of the run');
        assert(ahead === 0, `${ahead} frames drew the batch curve per batch under reduced motion`);
        // The watched run spends seconds inside each epoch: the curve was seen held back then.
        assert(heldBack > 0, 'no state during the run showed the batch curve held back to the last epoch');
        assert(s.history.length === 2, `epochs run: ${s.history.length}`);
        assert(Math.abs(s.model.lr - 0.05) < 1e-9, `the run's lr is ${s.model.lr}, not the typed 0.05`);
        s = await rendered(page, 3);
        assert(s.ui.plots.batch_points_drawn === s.ui.plots.batch_points, 'the finished run\'s curve is not all drawn');
        note(`run: lr ${s.model.lr}, ${s.history.length} epochs, test acc ${s.test_acc.toFixed(3)}; ` +
          `${heldBack} states mid-run showed the curve held back to the last epoch`);

        // The Training panel is taller than the screen: a finger dragged on its labels scrolls it
        // (the run's results are below Train), and back.
        const drag = async (x, y0, y1) => {
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }] });
          await rendered(page, 1);
          const step = (y1 - y0) / 16;
          for (let i = 1; i <= 16; ++i) {
            await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y0 + step * i }] });
            await rendered(page, 1);
          }
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
          return rendered(page, 3);
        };
        await page.touchscreen.tap(...centre(s.ui.tabs.training));
        s = await rendered(page, 3);
        const trainY = s.ui.training.train.y;
        const seed = s.ui.training.fields.seed;  // its label, left of it, is no control
        s = await drag(seed.x / 2, seed.y + seed.h / 2, seed.y + seed.h / 2 - 250);
        const scrolled = trainY - s.ui.training.train.y;
        assert(scrolled > 150, `a finger dragged 250 px up the Training panel's labels scrolled it ${scrolled} px`);
        await page.screenshot({ path: path.join(out, 'phone-scrolled.png') });
        const seed2 = s.ui.training.fields.seed;
        s = await drag(seed2.x / 2, seed2.y + seed2.h / 2, seed2.y + seed2.h / 2 + 400);
        assert(s.ui.training.train.y === trainY, `dragged back down, Train is at ${s.ui.training.train.y}, not ${trainY}`);
        note(`a 250 px drag scrolled the Training panel ${scrolled} px`);

        // Screenshots with the hidden input focused over the learning rate, English then Korean.
        for (const lang of ['en', 'ko']) {
          if (lang === 'ko') await page.evaluate(() => window.fmnist.applySettings('lang=ko', 'hash'));
          s = await rendered(page, 3);
          await page.touchscreen.tap(...centre(s.ui.tabs.training));
          s = await rendered(page, 3);
          assert(s.ui.clipped.length === 0, `${lang}: texts cut on the Training tab: ${JSON.stringify(s.ui.clipped)}`);
          const f = (await page.evaluate(() => window.fmnistSoftKeyboard.fields())).find((x) => x.name === 'lr');
          await page.touchscreen.tap(...centre(f));
          await cdp.send('Input.insertText', { text: '0.02' });
          await rendered(page, 3);
          await page.screenshot({ path: path.join(out, `phone-keyboard-${lang}.png`) });
          await page.keyboard.press('Enter');
          s = await rendered(page, 3);
          // The form's rate (the next run's; state().model.lr is the finished run's).
          const shown = (await page.evaluate(() => window.fmnistSoftKeyboard.fields())).find((x) => x.name === 'lr');
          const hash = await page.evaluate(() => location.hash);
          assert(shown.text === '0.02' && /lr=0\.02\b/.test(hash), `${lang}: the lr field shows ${shown.text}, hash ${hash}`);
        }
        // A refused value, committed by a tap elsewhere (the input loses focus): the old rate stays,
        // and the field says why in Korean.
        let f = (await page.evaluate(() => window.fmnistSoftKeyboard.fields())).find((x) => x.name === 'lr');
        await page.touchscreen.tap(...centre(f));
        await cdp.send('Input.insertText', { text: '-1' });
        await rendered(page, 3);
        await page.touchscreen.tap(f.x / 2, f.y + f.h / 2);  // on the field's label
        s = await rendered(page, 3);
        f = (await page.evaluate(() => window.fmnistSoftKeyboard.fields())).find((x) => x.name === 'lr');
        const refusal = s.ui.training.refusals.lr || '';
        assert(f.text === '0.02' && /유지/.test(refusal) && /0\.02/.test(refusal),
          `-1 then a tap elsewhere: the field shows ${f.text}, message ${JSON.stringify(refusal)}`);
        assert(!(await page.evaluate(() => document.activeElement && document.activeElement.id === 'soft-keyboard')),
          'the hidden input keeps focus after a tap elsewhere');

        // Pinch-zoom (two fingers moving apart, real touch events): never on the drawing square,
        // the page zooms anywhere else (the Training panel).
        const pinch = async (x, y, reach) => {
          const at = (d) => [{ x: x - d, y, id: 1 }, { x: x + d, y, id: 2 }];
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(10) });
          for (let d = 15; d <= reach; d += 5) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(d) });
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
          await rendered(page, 3);
          return page.evaluate(() => window.visualViewport.scale);
        };
        // The Samples tab's row of split buttons and class menu (it wraps with 44 px controls).
        await page.touchscreen.tap(...centre(s.ui.tabs.samples));
        s = await rendered(page, 3);
        assert(s.ui.panels.samples && s.ui.clipped.length === 0, `texts cut on the Samples tab: ${JSON.stringify(s.ui.clipped)}`);
        await page.touchscreen.tap(...centre(s.ui.tabs.canvas));
        s = await rendered(page, 3);
        const sq = s.canvas.rect;
        assert(s.ui.panels.canvas && sq.w > 100, `no drawing square: ${JSON.stringify(sq)}`);
        const onSquare = await pinch(sq.x + sq.w / 2, sq.y + sq.h / 2, sq.w / 2 - 5);
        assert(onSquare === 1, `a pinch on the drawing square zoomed the page to ${onSquare}`);
        await page.touchscreen.tap(...centre(s.ui.tabs.training));
        s = await rendered(page, 3);
        const elsewhere = await pinch(195, 600, 150);
        assert(elsewhere > 1.2, `a pinch on the Training panel left the page at scale ${elsewhere}`);
        note(`pinch: scale ${onSquare} on the drawing square, ${elsewhere} on the Training panel`);
        await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 1 });
      } finally {
        await browser.close();
      }
    },
  },
];
