// Runner (b): our WASM through the real page (window.fmnist) in the shared Chromium. One page for
// all cases: start-up (open → ready → first step) and its bytes, 2 s idle frames, then each case.
import { COMMON, selectedCases } from './cases.mjs';
import { othersMeter } from './cpu.mjs';
import { recordBytes } from './bytes.mjs';
import { fmtS, log } from './format.mjs';
import { frameIntervals, pageOpenToFirstStep, watchRun } from './in_page.mjs';
import { frameStats, median, summarise } from './stats.mjs';

export async function runPage(context, baseUrl, opts) {
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  const files = recordBytes(page);
  const cases = selectedCases(opts);
  await page.goto(`${baseUrl}index.html`, { waitUntil: 'commit' });
  const load = await page.evaluate(pageOpenToFirstStep, { ...COMMON, ...cases[0].page, epochs: opts.epochs });
  if (load.error) log(`page: ${load.error}`);
  else log(`page: ready ${load.ready_ms.toFixed(0)} ms, first step ${load.first_step_ms.toFixed(0)} ms after open`);
  const startupFiles = [...files];
  const idle = load.error ? [] : await page.evaluate(frameIntervals, 2000);

  const results = {};
  const frameMs = [];
  const fps = [];
  const budget = [];
  for (const c of cases) {
    if (load.error) {
      results[c.name] = { error: load.error };
      continue;
    }
    const config = { ...COMMON, ...c.page, epochs: opts.epochs };
    const others = othersMeter();
    const run = await page.evaluate(watchRun, { config, epochs: opts.epochs, side: c.side });
    const othersCores = others();
    if (run.error) {
      results[c.name] = { error: run.error };
      log(`wasm ${c.name}: ${run.error}`);
      continue;
    }
    results[c.name] = { ...summarise(run.history, run.train), side_switch_ms: run.switchMs, others_cores: othersCores };
    frameMs.push(...run.frameMs);
    fps.push(...run.fps);
    budget.push(...run.budget);
    log(`wasm ${c.name}: ${fmtS(results[c.name].compute_s)} s/epoch compute, ${fmtS(results[c.name].wall_s)} wall`);
  }
  await page.close();
  return {
    cases: results,
    load: { ...load, startupFiles, files },
    frames: frameMs.length ? { ...frameStats(frameMs), page_fps_median: median(fps),
      page_budget_ms_median: median(budget) } : null,
    idle_frames: frameStats(idle),
    console_errors: errors,
  };
}
