// Runners (c) tfjs-wasm and tfjs-cpu: TensorFlow.js on tests/bench/index.html (window.tfBench),
// one fresh page per case so no tensors or heap growth carry over.
import { COMMON, selectedCases } from './cases.mjs';
import { othersMeter } from './cpu.mjs';
import { recordBytes } from './bytes.mjs';
import { fmtS, log } from './format.mjs';
import { summarise } from './stats.mjs';

export async function runTfjs(context, baseUrl, backend, opts) {
  const cases = {};
  let bytes = null;
  for (const c of selectedCases(opts)) {
    if (opts.quick && backend === 'cpu' && c.name === 'mlp100-28') {
      cases[c.name] = { error: 'skipped (--quick)' };
      continue;
    }
    // The cpu backend is ~3–10× slower than wasm: one epoch per case keeps the run in minutes.
    const epochs = backend === 'cpu' || opts.quick ? 1 : opts.tfjsEpochs;
    const page = await context.newPage();
    const files = recordBytes(page);
    const others = othersMeter();
    try {
      await page.goto(`${baseUrl}bench/index.html`);
      await page.waitForFunction(() => window.tfBench, null, { timeout: 60000 });
      const run = await page.evaluate((o) => window.tfBench.run(o), {
        ...COMMON, ...c.page, hidden: c.page.hidden ? c.page.hidden[0] : undefined,
        bundle: `/fashion-mnist-${c.side}.bin`, backend, epochs, loop: opts.tfjsLoop,
      });
      const { history, ...about } = run;
      cases[c.name] = { ...summarise(history, run.train), about, others_cores: others() };
      bytes ||= files.filter((f) => f.kind !== 'bundle');
      log(`tfjs-${backend} ${c.name}: ${fmtS(cases[c.name].compute_s)} s/epoch compute (${about.backend}` +
        `${about.simd ? ', simd' : ''}), val acc ${cases[c.name].val_acc.toFixed(4)}`);
    } catch (err) {
      cases[c.name] = { error: String(err.message || err).split('\n')[0] };
      log(`tfjs-${backend} ${c.name}: ${cases[c.name].error}`);
    } finally {
      await page.close();
    }
  }
  return { cases, bytes };
}
