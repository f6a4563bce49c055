// Korean and English, and shareable settings in the URL hash: the Korean page draws Hangul with
// the subset font, state().lang follows the link / the browser, a link's settings are applied,
// bad values are ignored with a visible notice, and the hash follows the form.
import path from 'node:path';
import { assert, openReady, state, waitState, frames, rendered } from './helpers.mjs';

export const tests = [
  {
    name: 'i18n: #lang=ko renders the overlay in Korean with the subset font',
    async run({ page, url, out, note }) {
      await openReady(page, `${url}#lang=ko`);
      const s = await waitState(page, (x) => x.font && x.font.loaded, 'the Korean font');
      assert(s.lang === 'ko', `lang ${s.lang}`);
      note(`font ${s.font.bytes} bytes, ${s.font.glyphs} glyphs`);
      assert(s.font.bytes > 10000 && s.font.bytes <= 300 * 1024, `font size ${s.font.bytes}`);
      // Hangul on the digits' baseline ("187,161개"): the bottom of 개's ink level with 8's or a
      // pixel under it, as in print (it ended a pixel above with the merged font's offset at -1,
      // and looked 2 px high).
      note(`개 ends ${s.font.hangul_drop} px below 8`);
      // Korean lines a pixel taller than ProggyClean's 13 (wrapped Hangul lines touched).
      assert(s.font.line_px === 14, `Korean line height ${s.font.line_px} px`);
      assert(s.font.hangul_drop !== null && s.font.hangul_drop >= 0 && s.font.hangul_drop <= 1,
        `개 ends ${s.font.hangul_drop} px below the bottom of 8`);
      const html = await page.evaluate(() => document.documentElement.lang);
      assert(html === 'ko', `<html lang> ${html}`);
      await frames(page, 6);
      await page.screenshot({ path: path.join(out, 'i18n-korean.png') });
      // The About box credits the font and its licence.
      const a = (await state(page)).ui.about;
      await page.mouse.click(a.x + a.w / 2, a.y + a.h / 2);
      assert((await rendered(page, 3)).ui.about_open, 'the About box did not open');
      await frames(page, 3);
      await page.screenshot({ path: path.join(out, 'i18n-korean-about.png') });
      const licenses = await page.evaluate(async () => (await fetch('LICENSES')).text());
      assert(licenses.includes('fmnist-ko.ttf') && licenses.includes('SIL OPEN FONT LICENSE'),
        'LICENSES lacks the font');
    },
  },
  {
    name: 'i18n: English by default here; the language switches and the hash follows',
    async run({ page, url }) {
      const s = await openReady(page, url);
      assert(s.lang === 'en', `lang ${s.lang} (browser ${await page.evaluate(() => navigator.language)})`);
      await page.evaluate(() => window.fmnist.applySettings('lang=ko', 'hash'));
      await frames(page, 3);
      assert((await state(page)).lang === 'ko', 'lang did not switch to ko');
      const hash = await page.evaluate(() => location.hash);
      assert(/(^#|&)lang=ko(&|$)/.test(hash) && /model=softmax/.test(hash), `hash ${hash}`);
    },
  },
  {
    name: 'settings: a shared link applies its settings',
    async run({ page, url, out }) {
      const link = '#model=mlp&hidden=64,32&opt=adam&lr=0.002&batch=64&epochs=3&seed=7&side=14&lang=en';
      const s = await openReady(page, url + link);
      const m = s.model;
      assert(m.kind === 'mlp' && JSON.stringify(m.hidden) === '[64,32]', `model ${JSON.stringify(m)}`);
      assert(m.optimizer === 'adam' && Math.abs(m.lr - 0.002) < 1e-7 && m.batch_size === 64 && m.seed === 7,
        `settings ${JSON.stringify(m)}`);
      assert(s.training.epochs === 3, `epochs ${s.training.epochs}`);
      assert(s.lang === 'en' && s.notice === null, `lang ${s.lang}, notice ${s.notice}`);
      await frames(page, 4);
      await page.screenshot({ path: path.join(out, 'settings-link.png') });
      // The hash is the settings table's text: every setting of the link, with the same value
      // (rows the link did not give are written with their defaults).
      const hash = await page.evaluate(() => location.hash);
      const fields = (h) => Object.fromEntries(h.slice(1).split('&').map((kv) => kv.split('=')));
      const got = fields(hash);
      for (const [k, v] of Object.entries(fields(link))) {
        assert(got[k] === v, `hash rewritten to ${hash} (${k})`);
      }
      // A link pasted into the same tab applies too.
      await page.evaluate(() => { location.hash = '#model=softmax&opt=sgd&lr=0.01'; });
      await waitState(page, (x) => x.model.kind === 'softmax' && x.model.optimizer === 'sgd', 'hashchange');
    },
  },
  {
    name: 'settings: bad values in the link are ignored with a notice',
    async run({ page, url, out }) {
      const s = await openReady(page, `${url}#model=mlp&lr=abc&batch=0&opt=lbfgs&side=20&colour=red&epochs=2`);
      assert(s.model.kind === 'mlp' && s.training.epochs === 2, `good values not applied: ${JSON.stringify(s.model)}`);
      assert(s.model.optimizer === 'rmsprop' && s.model.batch_size === 32, `bad values applied ${JSON.stringify(s.model)}`);
      assert(typeof s.notice === 'string', `no notice: ${s.notice}`);
      for (const bad of ['lr=abc', 'batch=0', 'opt=lbfgs', 'side=20', 'colour=red']) {
        assert(s.notice.includes(bad), `notice lacks ${bad}: ${s.notice}`);
      }
      await frames(page, 4);
      await page.screenshot({ path: path.join(out, 'settings-bad-notice.png') });
      const hash = await page.evaluate(() => location.hash);
      assert(!hash.includes('abc') && /batch=32/.test(hash), `hash keeps bad values: ${hash}`);
    },
  },
];
