// The guided lesson: step 2's time-sliced cross-validation gives the reference mean at 14×14
// (0.8291 ± 0.008) with folds appearing one by one and the page responsive; steps run in order
// and cancel; step 4's Dense(10, softmax) run ends near its reference.
import path from 'node:path';
import { assert, openReady, state, waitState, frames } from './helpers.mjs';

export const tests = [
  {
    name: 'lesson: step 2 cross-validation mean within 0.008 of 0.8291 (14x14)',
    timeout: 240000,
    async run({ page, url, out, note }) {
      await openReady(page, url);
      const t0 = Date.now();
      assert(await page.evaluate(() => window.fmnist.lesson.run(2)), 'lesson.run(2) refused');
      let s = await state(page);
      assert(s.lesson.step === 2 && s.lesson.running, `lesson ${JSON.stringify(s.lesson)}`);
      const seen = [];  // folds count over time: they must appear one at a time
      let minFps = Infinity;
      let shot = false;
      while (Date.now() - t0 < 200000) {
        s = await state(page);
        const n = s.lesson.cv.folds.length;
        if (!seen.length || seen[seen.length - 1] !== n) seen.push(n);
        if (Date.now() - t0 > 1500 && s.lesson.running) minFps = Math.min(minFps, s.fps);
        if (n >= 2 && !shot) {
          await page.screenshot({ path: path.join(out, 'lesson-cv-running.png') });
          shot = true;
        }
        if (!s.lesson.running) break;
        await page.waitForTimeout(200);
      }
      const wall = (Date.now() - t0) / 1000;
      const cv = s.lesson.cv;
      assert(!s.lesson.running && cv.mean !== null, `cv did not finish: ${JSON.stringify(s.lesson)}`);
      assert(cv.folds.length === 5 && cv.side === 14, `folds ${JSON.stringify(cv)}`);
      note(`mean ${cv.mean.toFixed(4)}, folds ${cv.folds.map((f) => f.toFixed(4)).join(' ')}, ` +
        `${cv.compute_s.toFixed(1)} s compute, ${wall.toFixed(1)} s wall, min fps ${minFps.toFixed(0)}`);
      assert(Math.abs(cv.mean - 0.8291) <= 0.008, `mean ${cv.mean} vs 0.8291`);
      assert(seen.length >= 4, `folds did not appear one by one: ${seen.join(',')}`);
      await frames(page, 4);
      await page.screenshot({ path: path.join(out, 'lesson-cv-done.png') });
    },
  },
  {
    name: 'lesson: run all in Korean, cancel, then step 4 Dense(10) near its reference',
    timeout: 240000,
    async run({ page, url, out, note }) {
      await openReady(page, `${url}#lang=ko`);
      await waitState(page, (x) => x.font && x.font.loaded, 'the Korean font', 20000);
      assert(await page.evaluate(() => window.fmnist.lesson.run(0)), 'lesson.run(0) refused');
      let s = await waitState(page, (x) => x.lesson.step === 2 && x.lesson.running, 'step 2', 10000);
      assert(s.lesson.done[0], 'step 1 not done before step 2');
      await page.evaluate(() => window.fmnist.lesson.cancel());
      s = await state(page);
      assert(!s.lesson.running && s.lesson.cancelled && s.lesson.step === 2, `cancel ${JSON.stringify(s.lesson)}`);
      await frames(page, 10);
      s = await state(page);
      assert(s.lesson.step === 2 && !s.lesson.running, 'run-all went on after cancel');
      assert(!(await page.evaluate(() => window.fmnist.lesson.run(9))), 'run(9) accepted');

      const t0 = Date.now();
      assert(await page.evaluate(() => window.fmnist.lesson.run(4)), 'lesson.run(4) refused');
      s = await state(page);
      assert(s.training.running && s.model.kind === 'softmax' && s.model.optimizer === 'rmsprop',
        `step 4 run ${JSON.stringify(s.model)}`);
      s = await waitState(page, (x) => !x.lesson.running, 'step 4', 200000);
      const acc = s.lesson.dense.val_acc;
      note(`Dense(10) val_acc ${acc} after ${((Date.now() - t0) / 1000).toFixed(1)} s; per epoch ` +
        s.lesson.dense.epochs.map((a) => a.toFixed(4)).join(' '));
      assert(acc !== null && acc >= 0.81 && acc <= 0.845, `val_acc ${acc} (reference 0.824-0.829)`);
      await page.evaluate(() => window.fmnist.lesson.run(1));
      await frames(page, 6);
      await page.screenshot({ path: path.join(out, 'lesson-korean.png') });
    },
  },
];
