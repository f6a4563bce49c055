// "Why this class" (issue 13 §1) through the page: a trouser drawn with the mouse, the Why?
// checkbox clicked, and state().explain's map of the top class checked for completeness (its
// contributions add up to logit(x) − logit(mean training image): exactly for the softmax, within
// 2 % for the MLP's integrated gradients); a click on another class's bar explains that class
// instead (another map); the drawing updates it. Screenshots in English and Korean.
import path from 'node:path';
import { assert, openReady, state, waitState, trainAndWait, stroke, handClick, rendered } from './helpers.mjs';

const TROUSER = [[0.3, 0.1], [0.7, 0.1], [0.68, 0.9], [0.55, 0.9], [0.5, 0.3], [0.45, 0.9], [0.32, 0.9], [0.3, 0.1]];

const complete = (e, tolerance) => Math.abs(e.sum - e.logit_gap) <= tolerance;

export const tests = [
  {
    name: 'explain: Why? shows a complete attribution map; a class bar explains that class',
    async run({ page, url, out, note }) {
      await openReady(page, url);
      await trainAndWait(page, { epochs: 1, model: 'mlp', hidden: [100], optimizer: 'adam' });
      let s = await state(page);
      await stroke(page, s.canvas.rect, TROUSER);
      s = await waitState(page, (x) => x.canvas.top !== null, 'a prediction for the drawing');
      assert(!s.canvas.why && s.explain.class === null, 'the Why view should start off');

      s = await handClick(page, (x) => x.canvas.tools.why, 'the Why? checkbox');
      s = await waitState(page, (x) => x.explain.class !== null, 'the Why map');
      assert(s.canvas.why && s.explain.class === s.canvas.top && !s.explain.picked,
        `explains ${s.explain.class}, top ${s.canvas.top}`);
      assert(complete(s.explain, 0.02 * Math.abs(s.explain.logit_gap)),
        `MLP: contributions ${s.explain.sum} vs logit gap ${s.explain.logit_gap}`);
      assert(s.explain.top_pixels.length === 5 && s.explain.top_pixels.every(([x, y, w]) =>
        x >= 0 && x < 14 && y >= 0 && y < 14 && Number.isFinite(w) && w !== 0), `top pixels ${JSON.stringify(s.explain.top_pixels)}`);
      note(`MLP, top class ${s.explain.class}: Σ ${s.explain.sum.toFixed(4)} vs gap ${s.explain.logit_gap.toFixed(4)} (${s.explain.steps} steps)`);
      await page.screenshot({ path: path.join(out, 'explain-top.png') });
      const topMap = JSON.stringify(s.explain.top_pixels);

      // Another class's bar: that class is explained, with another map.
      const other = (s.canvas.top + 3) % 10;
      s = await handClick(page, (x) => x.canvas.bars[other], `the bar of class ${other}`);
      s = await waitState(page, (x) => x.explain.class === other, `the map of class ${other}`);
      assert(s.explain.picked && JSON.stringify(s.explain.top_pixels) !== topMap, 'the map did not change with the class');
      assert(complete(s.explain, 0.02 * Math.abs(s.explain.logit_gap) + 0.01), `class ${other}: ${s.explain.sum} vs ${s.explain.logit_gap}`);
      await page.screenshot({ path: path.join(out, 'explain-other.png') });

      // Drawing more updates the map of the chosen class.
      await stroke(page, s.canvas.rect, [[0.1, 0.5], [0.9, 0.5]]);
      s = await waitState(page, (x) => x.explain.class === other && JSON.stringify(x.explain.top_pixels) !== JSON.stringify(s.explain.top_pixels),
        'the map after another stroke');

      // The softmax: exactly w_c ⊙ (x − x̄), complete to 1e-3.
      await trainAndWait(page, { epochs: 1 });
      s = await waitState(page, (x) => x.explain.class !== null && x.explain.steps === 0, 'the softmax map');
      assert(complete(s.explain, 1e-3), `softmax: ${s.explain.sum} vs ${s.explain.logit_gap}`);
      note(`softmax: Σ ${s.explain.sum.toFixed(5)} vs gap ${s.explain.logit_gap.toFixed(5)}`);

      // In Korean (the link switches the language on the same page): the Korean table's words.
      await openReady(page, `${url}#lang=ko`);
      await trainAndWait(page, { epochs: 1 });
      s = await state(page);
      await stroke(page, s.canvas.rect, TROUSER);
      await waitState(page, (x) => x.canvas.top !== null, 'a prediction (ko)');
      if (!(await state(page)).canvas.why) await handClick(page, (x) => x.canvas.tools.why, 'Why? (ko)');
      await waitState(page, (x) => x.explain.class !== null, 'the Why map (ko)');
      await rendered(page, 3);
      await page.screenshot({ path: path.join(out, 'explain-ko.png') });
    },
  },
];
