// A saved run as the Markdown tables of the README's "Speed" section and tests/bench/README.md
// (`node scripts/bench.mjs --markdown build/bench.json`), so the figures there are this file's.
import { CASES, RUNNERS } from './cases.mjs';
import { fmtRate, fmtS } from './format.mjs';
import { fmtCpu } from './procs.mjs';
import { cpuLines, targetRows } from './report.mjs';

const NAMES = { native: 'native', wasm: '**our page (worker)**', 'tfjs-wasm': 'TF.js wasm', 'tfjs-cpu': 'TF.js cpu' };
const x = (v) => (v == null ? '—' : `${v.toFixed(v >= 10 ? 0 : 2)}×`);

function runnerTable(results) {
  const lines = ['| case | runner | timed | compute s/epoch | wall s/epoch | samples/s | GFLOP/s | val acc | others |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|'];
  for (const c of CASES.filter((k) => results.options.cases.includes(k.name))) {
    let first = true;
    for (const runner of RUNNERS) {
      const r = results.runs[runner]?.[c.name];
      if (!r) continue;
      const name = first ? `\`${c.name}\`` : '';
      first = false;
      if (r.error) {
        lines.push(`| ${name} | ${NAMES[runner]} | ${r.error} | | | | | | |`);
        continue;
      }
      const timed = r.samples_timed ? `${r.samples_timed.toLocaleString('en')} samples` : `${r.epochs} ep`;
      lines.push(`| ${name} | ${NAMES[runner]} | ${timed} | ${fmtS(r.compute_s)} | ${fmtS(r.wall_s)} | ` +
        `${fmtRate(r.samples_per_s)} | ${r.gflop_per_s == null ? '—' : r.gflop_per_s.toFixed(r.gflop_per_s < 1 ? 3 : 1)} | ` +
        `${r.val_acc == null ? '—' : r.val_acc.toFixed(4)} | ${r.others_cores == null ? '—' : r.others_cores.toFixed(2)} |`);
    }
  }
  return lines;
}

function ratioTable(results) {
  const lines = ['| case | TF.js best / ours | TF.js best / native | worker / native (compute) |', '|---|---:|---:|---:|'];
  for (const [name, r] of Object.entries(results.ratios)) {
    lines.push(`| \`${name}\` | ${x(r.tfjs_best_over_wasm)} | ${x(r.tfjs_best_over_native)} | ${x(r.wasm_over_native)} |`);
  }
  return lines;
}

function pageTable(results) {
  const lines = ['| window | case | compute s/epoch | wall s/epoch | wall / compute | frames drawn/s | others | CPU, cores |',
    '|---|---|---:|---:|---:|---:|---:|---|'];
  for (const [vp, v] of Object.entries(results.page?.viewports ?? {})) {
    for (const [name, r] of Object.entries(v.cases)) {
      if (r.error) continue;
      lines.push(`| ${vp} | \`${name}\` | ${fmtS(r.compute_s)} | ${fmtS(r.wall_s)} | ${x(r.wall_over_compute)} | ` +
        `${r.frames_per_s.toFixed(1)} | ${r.others_cores?.toFixed(2)} | ${fmtCpu(r.cpu)} |`);
    }
  }
  return lines;
}

function targetTable(results) {
  const lines = ['| target | measured | target | | notes |', '|---|---:|---|---|---|'];
  for (const r of targetRows(results)) lines.push(`| ${r.join(' | ')} |`);
  return lines;
}

export function markdown(results) {
  const m = results.machine;
  const others = Math.max(0, ...Object.values(results.runs).flatMap((runs) => Object.values(runs))
    .map((r) => r.others_cores ?? 0));
  return [`Run ${results.date} at commit ${results.commit}, ${results.browser}; load average ` +
    `${m.loadavg_start.map((v) => v.toFixed(1)).join(' ')} at the start, ${m.loadavg_end.map((v) => v.toFixed(1)).join(' ')}` +
    ` at the end; other processes used up to ${others.toFixed(2)} of the ${m.cores} cores during a row.`,
  '', ...runnerTable(results), '', ...ratioTable(results), '', ...pageTable(results), '', ...targetTable(results),
  ...cpuLines(results).map((l) => (l.startsWith('  ') ? `- ${l.trim()}` : l))].join('\n');
}
