// Runners (c) tfjs-wasm and tfjs-cpu: TensorFlow.js on tests/bench/index.html (window.tfBench),
// one fresh page per case so no tensors or heap growth carry over. The CNN cases run on the cpu
// backend only (the wasm backend of TF.js 4.22 has no Conv2DBackpropFilter kernel: it cannot
// train a CNN), on `tfjsSamples` training images with no validation, scaled to the epoch.
import { COMMON, TRAIN_SAMPLES, selectedCases } from './cases.mjs';
import { othersMeter } from './cpu.mjs';
import { recordBytes } from './bytes.mjs';
import { fmtS, log } from './format.mjs';
import { summarise } from './stats.mjs';

// Per-epoch figures of a run on `samples` images, as if on the whole epoch.
function scaled(history, samples) {
  const k = TRAIN_SAMPLES / samples;
  return history.map((h) => ({ ...h, compute_s: h.compute_s * k, wall_s: h.compute_s * k, measured_s: h.compute_s }));
}

export async function runTfjs(context, baseUrl, backend, opts) {
  const cases = {};
  let bytes = null;
  for (const c of selectedCases(opts)) {
    if (opts.quick && backend === 'cpu' && c.name === 'mlp100-28') {
      cases[c.name] = { error: 'skipped (--quick)' };
      continue;
    }
    if (c.cnn && backend === 'wasm') {
      cases[c.name] = { error: 'n/a (TF.js 4.22 wasm has no Conv2DBackpropFilter: cannot train a CNN)' };
      continue;
    }
    // The cpu backend is ~3–10× slower than wasm: one epoch per case keeps the run in minutes.
    const epochs = backend === 'cpu' || opts.quick ? 1 : opts.tfjsEpochs;
    const samples = c.cnn ? (opts.quick ? 500 : c.tfjsSamples) : null;
    const page = await context.newPage();
    const files = recordBytes(page);
    const others = othersMeter();
    try {
      await page.goto(`${baseUrl}bench/index.html`);
      await page.waitForFunction(() => window.tfBench, null, { timeout: 60000 });
      const run = await page.evaluate((o) => window.tfBench.run(o), {
        ...COMMON, ...c.page, hidden: c.page.hidden ? c.page.hidden[0] : undefined,
        bundle: `/fashion-mnist-${c.side}.bin`, backend, epochs, loop: opts.tfjsLoop, samples,
      });
      const { history, ...about } = run;
      const row = samples ? summarise(scaled(history, samples), TRAIN_SAMPLES) : summarise(history, run.train);
      cases[c.name] = { ...row, ...(samples ? { samples_timed: samples, wall_s: null } : {}), about,
        others_cores: others() };
      bytes ||= files.filter((f) => f.kind !== 'bundle');
      const acc = cases[c.name].val_acc;
      log(`tfjs-${backend} ${c.name}: ${fmtS(cases[c.name].compute_s)} s/epoch compute (${about.backend}` +
        `${about.simd ? ', simd' : ''}${samples ? `, ${samples} samples scaled` : ''})` +
        `${acc == null ? '' : `, val acc ${acc.toFixed(4)}`}`);
    } catch (err) {
      cases[c.name] = { error: String(err.message || err).split('\n')[0] };
      log(`tfjs-${backend} ${c.name}: ${cases[c.name].error}`);
    } finally {
      await page.close();
    }
  }
  return { cases, bytes };
}
