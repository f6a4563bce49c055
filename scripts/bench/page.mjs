// Runner (b): our WASM through the real page (window.fmnist) in the shared Chromium, training in
// the engine's Web Worker. One page for all cases: open → ready → the worker's first step and its
// bytes, then each case. The page is returned open for the page-level measurements that follow
// (bench.mjs: train to test, lesson CV, responsiveness, idle CPU).
import { COMMON, TRAIN_SAMPLES, caseNamed, selectedCases } from './cases.mjs';
import { othersMeter } from './cpu.mjs';
import { recordBytes } from './bytes.mjs';
import { installEngineLog } from './engine_log.mjs';
import { fmtS, log } from './format.mjs';
import { pageOpenToFirstStep, useSide, watchRun } from './in_page.mjs';
import { chromiumMeter } from './procs.mjs';
import { median } from './stats.mjs';

// Opens the page with the engine log installed; resolves once the page has committed.
export async function openPage(context, baseUrl) {
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(installEngineLog);
  const files = recordBytes(page);
  await page.goto(`${baseUrl}index.html`, { waitUntil: 'commit' });
  return { page, errors, files };
}

// Per-epoch figures → one row. Dense cases: compute = median per epoch; wall = median of the
// intervals between two epoch-end events (epochs 2…N: the first also holds the start), and
// wall/compute over the same epochs; val acc at epoch `accEpoch` (native's epoch count: the same
// seed gives the same weights). CNN cases (partial epoch): both scaled to 48,000 samples.
function summary(run, accEpoch) {
  const h = run.history;
  if (run.partial) {
    const scale = TRAIN_SAMPLES / run.partial.samples;
    const compute = run.partial.train_compute_s * scale;
    return { epochs: h.length, samples_timed: run.partial.samples, compute_s: compute,
      wall_s: run.partial.wall_s * scale, samples_per_s: TRAIN_SAMPLES / compute,
      val_acc: h.length ? h[h.length - 1].val_acc : null, wall_over_compute: run.partial.wall_s / run.partial.train_compute_s,
      history: h };
  }
  const later = h.length > 1 ? h.slice(1) : h;
  const sum = (v) => v.reduce((a, b) => a + b, 0);
  const compute = median(h.map((e) => e.compute_s));
  return { epochs: h.length, compute_s: compute, wall_s: median(later.map((e) => e.wall_s)),
    samples_per_s: run.train / compute, val_acc: h[Math.min(h.length, accEpoch) - 1]?.val_acc ?? null,
    val_acc_epoch: Math.min(h.length, accEpoch),
    wall_over_compute: sum(later.map((e) => e.wall_s)) / sum(later.map((e) => e.compute_s)),
    // Where wall − compute goes, per epoch: the engine's validation pass, and the rest (the time
    // between slices, event delivery, and waiting for a core).
    validation_s: median(later.map((e) => e.engine_s - e.compute_s)),
    outside_engine_s: median(later.map((e) => e.wall_s - e.engine_s)),
    first_epoch_wall_s: h[0]?.wall_s, history: h };
}

export async function runPage(context, baseUrl, opts, { withCnn }) {
  const { page, errors, files } = await openPage(context, baseUrl);
  const cases = selectedCases(opts).filter((c) => withCnn || !c.cnn);
  // The first step of the lesson's model, which the page opens with (14×14, softmax, RMSprop).
  const load = await page.evaluate(pageOpenToFirstStep, { ...COMMON, ...caseNamed('softmax-14').page, epochs: 1 });
  if (load.error) log(`page: ${load.error}`);
  else log(`page: ready ${load.ready_ms.toFixed(0)} ms, first step ${load.first_step_ms.toFixed(0)} ms after open`);
  const startupFiles = [...files];

  const results = {};
  let switchMs = null;
  for (const c of cases) {
    if (load.error) {
      results[c.name] = { error: load.error };
      continue;
    }
    const side = await page.evaluate(useSide, c.side);
    if (side.error) {
      results[c.name] = { error: side.error };
      continue;
    }
    if (side.ms != null && c.side === 28) switchMs = side.ms;
    const epochs = c.pageSamples ? 1 : Math.max(opts.epochs, c.pageEpochs);
    const config = { ...COMMON, ...c.page, epochs };
    const others = othersMeter();
    const procs = chromiumMeter();
    const run = await page.evaluate(watchRun, { config, epochs, samples: c.pageSamples });
    const cpu = procs();
    const othersCores = others();
    if (run.error) {
      results[c.name] = { error: run.error };
      log(`wasm ${c.name}: ${run.error}`);
      continue;
    }
    results[c.name] = { ...summary(run, opts.epochs), frames_per_s: run.frames / run.seconds, cpu, others_cores: othersCores };
    const r = results[c.name];
    log(`wasm ${c.name}: ${fmtS(r.compute_s)} s/epoch compute, ${fmtS(r.wall_s)} wall ` +
      `(${r.wall_over_compute.toFixed(2)}×), ${r.frames_per_s.toFixed(1)} frames/s drawn`);
  }
  return { page, cases: results, load: { ...load, side28_ms: switchMs, startupFiles, files }, console_errors: errors };
}
