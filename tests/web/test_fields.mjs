// Issue 18 §3: the Training panel's number fields apply on Enter or when they lose focus, never
// while typing, and a refused value keeps the old one with a message beside the field in the
// page's language. Typed with the real keyboard into the real page.
import path from 'node:path';
import { assert, handClick, handPress, openReady, state, rendered } from './helpers.mjs';

async function typeInto(page, pick, text, finish = 'Enter') {
  await handClick(page, pick, 'the field');  // the field is active
  // Ctrl+A with a drawn frame between each key event: ImGui 1.86 keeps one state per key per
  // frame, so a press and release in the same frame (Playwright's press, a few ms) is lost.
  await page.keyboard.down('Control');
  await rendered(page, 1);
  await page.keyboard.down('a');
  await rendered(page, 1);
  await page.keyboard.up('a');
  await page.keyboard.up('Control');
  await page.keyboard.type(text);
  const typing = await rendered(page, 2);
  return [typing, await handPress(page, finish)];
}

export const tests = [
  {
    name: 'fields: lr and epochs apply on Enter or focus loss; refused values keep the old one with a message (en, ko)',
    async run({ page, url, out, note }) {
      await openReady(page, url);
      let s = await state(page);
      const lr0 = s.model.lr;
      assert(Math.abs(lr0 - 0.001) < 1e-9, `default lr ${lr0}`);

      // "1e5": not applied while typing, refused on Enter (the table's lr limit), 0.001 kept.
      let [typing, after] = await typeInto(page, (x) => x.ui.training.fields.lr, '1e5');
      assert(typing.model.lr === lr0, `lr changed while typing: ${typing.model.lr}`);
      assert(after.model.lr === lr0, `lr 1e5 applied: ${after.model.lr}`);
      const msg = after.ui.training.refusals.lr;
      assert(msg && /kept 0\.001/.test(msg) && /at most 1000/.test(msg), `lr message: ${JSON.stringify(msg)}`);
      note(`lr 1e5: "${msg}"`);
      await page.screenshot({ path: path.join(out, 'fields-refused-lr.png') });

      // "-1" and "0": refused as well.
      for (const bad of ['-1', '0']) {
        [, after] = await typeInto(page, (x) => x.ui.training.fields.lr, bad);
        assert(after.model.lr === lr0 && after.ui.training.refusals.lr, `lr ${bad}: lr ${after.model.lr}, message ${after.ui.training.refusals.lr}`);
      }
      // A good value applies on Enter, and the message goes.
      [, after] = await typeInto(page, (x) => x.ui.training.fields.lr, '0.01');
      assert(Math.abs(after.model.lr - 0.01) < 1e-9 && after.ui.training.refusals.lr === null,
        `lr 0.01: lr ${after.model.lr}, message ${after.ui.training.refusals.lr}`);

      // Epochs "0" refused; "7" applied when the field loses focus (Tab), not on each key.
      [, after] = await typeInto(page, (x) => x.ui.training.fields.epochs, '0');
      assert(after.training.epochs === 5 && /kept 5/.test(after.ui.training.refusals.epochs || ''),
        `epochs 0: ${after.training.epochs}, message ${after.ui.training.refusals.epochs}`);
      [typing, after] = await typeInto(page, (x) => x.ui.training.fields.epochs, '7', 'Tab');
      assert(typing.training.epochs === 5, `epochs changed while typing: ${typing.training.epochs}`);
      assert(after.training.epochs === 7 && after.ui.training.refusals.epochs === null,
        `epochs 7 + Tab: ${after.training.epochs}, message ${after.ui.training.refusals.epochs}`);
      // Tab left the canvas for the page's controls (issue 16: Tab is never kept), whose bar now
      // covers the top of the page; Escape goes back into the panels.
      const focused = await page.evaluate(() => document.activeElement.id);
      assert(focused === 'a11y-train', `Tab from the field went to #${focused}, not the page's first control`);
      await page.keyboard.press('Escape');
      assert(await page.evaluate(() => document.activeElement.id) === 'canvas', 'Escape did not go back to the canvas');

      // In Korean, the message is Korean.
      await page.evaluate(() => window.fmnist.applySettings('lang=ko', 'hash'));
      s = await rendered(page, 3);
      [, after] = await typeInto(page, (x) => x.ui.training.fields.lr, '-1');
      const ko = after.ui.training.refusals.lr || '';
      assert(/유지/.test(ko) && /0\.01/.test(ko), `Korean lr message: ${JSON.stringify(ko)}`);
      await page.screenshot({ path: path.join(out, 'fields-refused-lr-ko.png') });
    },
  },
];
