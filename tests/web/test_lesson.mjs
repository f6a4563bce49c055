// The guided lesson: step 2's time-sliced cross-validation gives the reference mean at 14×14
// (0.8291 ± 0.008) with folds appearing one by one while the page draws; steps run in order
// and cancel; step 4's Dense(10, softmax) run ends near its reference.
import path from 'node:path';
import { assert, openReady, state, waitState, frames } from './helpers.mjs';

export const tests = [
  {
    name: 'lesson: step 2 cross-validation mean within 0.008 of 0.8291 (14x14)',
    timeout: 600000,
    async run({ page, url, out, note }) {
      await openReady(page, url);
      const t0 = Date.now();
      assert(await page.evaluate(() => window.fmnist.lesson.run(2)), 'lesson.run(2) refused');
      let s = await state(page);
      assert(s.lesson.step === 2 && s.lesson.running, `lesson ${JSON.stringify(s.lesson)}`);
      // In the page, once per animation frame until the step ends: the number of finished folds
      // (they must appear one per frame at most, i.e. time-sliced) and the page's fps (a figure).
      const watch = page.evaluate(() => new Promise((resolve) => {
        const counts = [];
        let frames = 0;
        let minFps = Infinity;
        const tick = () => {
          const x = window.fmnist.state();
          const n = x.lesson.cv.folds.length;
          if (counts[counts.length - 1] !== n) counts.push(n);
          if (++frames > 60 && x.lesson.running) minFps = Math.min(minFps, x.fps);
          if (x.lesson.running) requestAnimationFrame(tick);
          else resolve({ counts, frames, minFps });
        };
        requestAnimationFrame(tick);
      }));
      await waitState(page, (x) => x.lesson.cv.folds.length >= 2 || !x.lesson.running, 'two folds');
      await page.screenshot({ path: path.join(out, 'lesson-cv-running.png') });
      const seen = await watch;
      s = await state(page);
      const wall = (Date.now() - t0) / 1000;
      const cv = s.lesson.cv;
      assert(!s.lesson.running && cv.mean !== null, `cv did not finish: ${JSON.stringify(s.lesson)}`);
      assert(cv.folds.length === 5 && cv.side === 14, `folds ${JSON.stringify(cv)}`);
      note(`mean ${cv.mean.toFixed(4)}, folds ${cv.folds.map((f) => f.toFixed(4)).join(' ')}, ` +
        `${cv.compute_s.toFixed(1)} s compute, ${wall.toFixed(1)} s wall over ${seen.frames} frames, ` +
        `min fps ${seen.minFps.toFixed(0)}`);
      assert(Math.abs(cv.mean - 0.8291) <= 0.008, `mean ${cv.mean} vs 0.8291`);
      const c = seen.counts;
      assert(c[0] <= 1 && c[c.length - 1] === 5 && c.every((n, i) => i === 0 || n === c[i - 1] + 1),
        `folds did not appear one by one, frame after frame: ${c.join(',')}`);
      await frames(page, 4);
      await page.screenshot({ path: path.join(out, 'lesson-cv-done.png') });
    },
  },
  {
    name: 'lesson: run all in Korean, cancel, then step 4 Dense(10) near its reference',
    timeout: 600000,
    async run({ page, url, out, note }) {
      await openReady(page, `${url}#lang=ko`);
      await waitState(page, (x) => x.font && x.font.loaded, 'the Korean font');
      assert(await page.evaluate(() => window.fmnist.lesson.run(0)), 'lesson.run(0) refused');
      let s = await waitState(page, (x) => x.lesson.step === 2 && x.lesson.running, 'step 2');
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
      s = await waitState(page, (x) => !x.lesson.running, 'step 4');
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
