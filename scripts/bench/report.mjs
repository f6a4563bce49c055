// The report: ratios between runners and the table printed on stdout (also by --table FILE).
import { RUNNERS } from './cases.mjs';
import { fmtKB, fmtRate, fmtS } from './format.mjs';

const ratio = (a, b) => (a != null && b ? a / b : null);

function sameEpochs(results, name, a, b) {
  const ra = results.runs[a]?.[name];
  const rb = results.runs[b]?.[name];
  return ra?.val_acc != null && rb?.val_acc != null && ra.epochs === rb.epochs ? ra.val_acc - rb.val_acc : null;
}

// Per case: TF.js's faster backend over our page (compute), over native, and our page over native.
export function ratios(results) {
  const out = {};
  for (const name of results.options.cases) {
    const get = (runner) => results.runs[runner]?.[name]?.compute_s ?? null;
    const tfBest = [get('tfjs-wasm'), get('tfjs-cpu')].filter((v) => v != null);
    const best = tfBest.length ? Math.min(...tfBest) : null;
    out[name] = {
      tfjs_best_over_wasm: ratio(best, get('wasm')),
      tfjs_best_over_native: ratio(best, get('native')),
      wasm_over_native: ratio(get('wasm'), get('native')),
      // Accuracy only compares at equal epochs; TF.js's init and shuffles use other random streams.
      val_acc_wasm_minus_tfjs_wasm: sameEpochs(results, name, 'wasm', 'tfjs-wasm'),
      val_acc_native_minus_tfjs_wasm: sameEpochs(results, name, 'native', 'tfjs-wasm'),
      wall_over_compute_wasm: ratio(results.runs.wasm?.[name]?.wall_s, get('wasm')),
    };
  }
  return out;
}

function runnerRows(results) {
  // `others`: cores used by other processes during the row's run (cpu.mjs othersMeter).
  const head = ['case', 'runner', 'epochs', 'compute s/ep', 'wall s/ep', 'samples/s', 'GFLOP/s', 'val acc', 'others'];
  const rows = [];
  for (const name of results.options.cases) {
    for (const runner of RUNNERS) {
      const r = results.runs[runner]?.[name];
      if (!r) continue;
      rows.push(r.error ? [name, runner, r.error]
        : [name, runner, String(r.epochs), fmtS(r.compute_s), fmtS(r.wall_s), fmtRate(r.samples_per_s),
          r.gflop_per_s == null ? '—' : r.gflop_per_s.toFixed(r.gflop_per_s < 1 ? 3 : 2),
          r.val_acc == null ? '—' : r.val_acc.toFixed(4),
          r.others_cores == null ? '—' : r.others_cores.toFixed(2)]);
    }
  }
  // Error rows ("n/a …") print their message across the figure columns and don't set widths.
  const widths = head.map((h, i) => Math.max(h.length, ...rows.filter((r) => r.length > 3 || i < 2)
    .map((r) => r[i].length)));
  const fmtRow = (r) => (r.length === 3 ? `${r[0].padEnd(widths[0])}  ${r[1].padEnd(widths[1])}  ${r[2]}`
    : r.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
  const lines = [head, ...rows].map(fmtRow);
  const busy = Math.max(0, ...Object.values(results.runs).flatMap((runs) => Object.values(runs))
    .map((r) => r.others_cores ?? 0));
  if (busy > 0.2) {
    lines.push(`(other processes used up to ${busy.toFixed(2)} of the ${results.machine.cores} cores during` +
      ' some rows: those times are inflated; rerun on an idle machine for figures to quote)');
  }
  return lines;
}

function ratioLines(results) {
  const lines = ['', 'ratios (compute per epoch): TF.js best / ours (wasm page), TF.js best / native, wasm / native;' +
    ' val acc ours − TF.js (wasm), in points, at equal epochs'];
  for (const [name, r] of Object.entries(results.ratios)) {
    const x = (v) => (v == null ? '—' : `${v.toFixed(v >= 10 ? 0 : 2)}×`);
    const pts = (v) => (v == null ? '—' : `${v >= 0 ? '+' : ''}${(100 * v).toFixed(2)}`);
    const acc = r.val_acc_wasm_minus_tfjs_wasm ?? r.val_acc_native_minus_tfjs_wasm;
    lines.push(`  ${name.padEnd(11)} ${x(r.tfjs_best_over_wasm).padStart(7)} ${x(r.tfjs_best_over_native).padStart(7)}` +
      ` ${x(r.wasm_over_native).padStart(7)}   acc ${pts(acc)}` +
      `   (page wall/compute ${x(r.wall_over_compute_wasm)})`);
  }
  return lines;
}

function pageLines(results) {
  const page = results.page;
  if (!page) return [];
  if (page.load.error) return ['', `page: ${page.load.error}`];
  const b = page.load.startup_bytes;
  const lines = ['', `page open → ready ${page.load.ready_ms.toFixed(0)} ms, → first training step ` +
    `${page.load.first_step_ms.toFixed(0)} ms`];
  lines.push('bytes at startup (raw / gzip -9): ' + Object.entries(b)
    .map(([k, v]) => `${k} ${fmtKB(v.bytes)} / ${fmtKB(v.gzip9)}`).join(', '));
  const code = ['wasm', 'js'].map((k) => b[k] ?? { bytes: 0, gzip9: 0 });
  lines.push(`  wasm+js: ${fmtKB(code[0].bytes + code[1].bytes)} raw, ` +
    `${fmtKB(code[0].gzip9 + code[1].gzip9)} gzip -9;` +
    ` 14×14 bundle on the wire: ${((b.bundle?.bytes ?? 0) / 1e6).toFixed(2)} MB`);
  const missing = page.load.files.filter((file) => file.status >= 400);
  if (missing.length) lines.push(`  not found: ${missing.map((m) => `${m.path} (HTTP ${m.status})`).join(', ')}`);
  const big = page.load.files.find((file) => file.path.endsWith('-28.bin'));
  const switchMs = Object.values(results.runs.wasm ?? {}).find((r) => r.side_switch_ms != null)?.side_switch_ms;
  if (big) {
    lines.push(`  28×28 bundle on request: ${(big.bytes / 1e6).toFixed(2)} MB` +
      `${switchMs == null ? '' : `, loaded and parsed in ${switchMs.toFixed(0)} ms`}`);
  }
  const f = page.frames;
  if (f) {
    lines.push(`frames while training: median ${f.median_ms.toFixed(1)} ms, p95 ${f.p95_ms.toFixed(1)} ms, ` +
      `max ${f.max_ms.toFixed(1)} ms, mean ${f.mean_fps.toFixed(1)} fps (page's own fps median ` +
      `${f.page_fps_median.toFixed(1)}, training budget ${f.page_budget_ms_median.toFixed(1)} ms/frame)`);
  }
  const i = page.idle_frames;
  if (i) lines.push(`frames idle (2 s, for reference): median ${i.median_ms.toFixed(1)} ms, mean ${i.mean_fps.toFixed(1)} fps`);
  return lines;
}

export function table(results) {
  const lines = [...runnerRows(results), ...ratioLines(results), ...pageLines(results)];
  const tb = results.tfjs_bytes;
  if (tb) {
    lines.push('TF.js page for comparison (raw / gzip -9): ' + Object.entries(tb)
      .map(([k, v]) => `${k} ${fmtKB(v.bytes)} / ${fmtKB(v.gzip9)}`).join(', '));
  }
  return lines.join('\n');
}
