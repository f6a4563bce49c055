// Issue 11 §4: an idle page, nothing moving, uses ≤ 5 % of a core. CPU time of every process of
// this run's Chromium (browser, renderer with the page and its worker, GPU process with
// SwiftShader, utilities) over 10 s, from /proc (procs.mjs), as a share of one core; the page's
// own frame counter over the same 10 s says whether it drew. Nothing talks to the page meanwhile.
// Two states: the bench page after all its runs (reset), and a page just opened (the only page in
// the browser then).
import { othersMeter } from './cpu.mjs';
import { log } from './format.mjs';
import { openPage } from './page.mjs';
import { chromiumMeter, fmtCpu } from './procs.mjs';

const SETTLE_MS = 3000;  // the frame loop pauses a few ticks after the last change
const MEASURE_MS = 10000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function measure(page, label) {
  await sleep(SETTLE_MS);
  const f0 = await page.evaluate(() => window.fmnist.state().frame);
  const others = othersMeter();
  const procs = chromiumMeter();
  await sleep(MEASURE_MS);
  const cpu = procs();
  const othersCores = others();
  const f1 = await page.evaluate(() => window.fmnist.state().frame);
  const r = { percent_of_core: 100 * cpu.total, frames_drawn: f1 - f0, seconds: cpu.seconds, cpu, others_cores: othersCores };
  log(`idle (${label}): ${r.percent_of_core.toFixed(1)} % of a core, ${r.frames_drawn} frames drawn; ${fmtCpu(cpu)}`);
  return r;
}

// `page`: the bench page, its runs over (it is closed here); then a fresh page on the same site.
export async function idleCpu(context, baseUrl, page) {
  const out = {};
  await page.evaluate(() => window.fmnist.reset());
  out.after_runs = await measure(page, 'after the runs');
  await page.close();
  const fresh = await openPage(context, baseUrl);
  const ready = await fresh.page.waitForFunction(() => window.fmnist && window.fmnist.state().ready, null,
    { timeout: 120000, polling: 200 }).then(() => true, () => false);
  out.fresh = ready ? await measure(fresh.page, 'page just opened') : { error: 'page not ready within 120 s' };
  await fresh.page.close();
  return out;
}
