// Issue 11 §4: the lesson's step 2, 5-fold cross-validation of the SGD logistic regression at
// 14×14, started as the page's lesson starts it (window.fmnist.lesson.run(2), the engine's `cv`):
// wall from the call to the page receiving `cv_done`. Target ≤ 4 s.
import { othersMeter } from './cpu.mjs';
import { log } from './format.mjs';
import { useSide } from './in_page.mjs';
import { chromiumMeter } from './procs.mjs';

async function lessonCvInPage() {
  const f = window.fmnist;
  const log = window.__benchEngine;
  f.reset();
  const from = log.events.length;
  const t0 = performance.now();
  if (!f.lesson.run(2)) return { error: `lesson.run(2) refused: ${f.state().error}` };
  let end;
  try {
    end = await log.until((e) => ['cv_done', 'cv_cancelled', 'fatal'].includes(e.type), from, 600000, 'cv_done');
  } catch (e) {
    return { error: String(e.message || e) };
  }
  if (end.type !== 'cv_done') return { error: `${end.type}: ${JSON.stringify(end.fields).slice(0, 300)}` };
  const s = f.state();
  return { wall_s: (end.t - t0) / 1000, compute_s: Number(end.fields.compute_s), folds: Number(end.fields.folds),
    mean: Number(end.fields.mean), side: Number(end.fields.side), lesson_mean: s.lesson.cv.mean };
}

export async function lessonCv(page) {
  const side = await page.evaluate(useSide, 14);
  if (side.error) return { error: side.error };
  const others = othersMeter();
  const procs = chromiumMeter();
  const r = await page.evaluate(lessonCvInPage);
  const out = { ...r, cpu: procs(), others_cores: others() };
  if (r.error) log(`lesson CV: ${r.error}`);
  else log(`lesson CV (5 folds, 14×14): ${r.wall_s.toFixed(2)} s wall, ${r.compute_s.toFixed(2)} s compute, mean ${r.mean.toFixed(4)}`);
  return out;
}
