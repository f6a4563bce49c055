// The report: ratios between runners and the tables printed on stdout (also by --table FILE):
// the runners' rows, ratios, the page per window size, issue 11 §4 / issue 12 §5's targets next to
// what this run measured (printed, never asserted), where the CPU went, bytes.
import { CASES, RUNNERS, caseNamed } from './cases.mjs';
import { fmtKB, fmtRate, fmtS } from './format.mjs';
import { fmtCpu } from './procs.mjs';

const ratio = (a, b) => (a != null && b ? a / b : null);
const x = (v) => (v == null ? '—' : `${v.toFixed(v >= 10 ? 0 : 2)}×`);
const known = (results) => CASES.map((c) => c.name).filter((n) => results.options.cases.includes(n));

function sameEpochs(results, name, a, b) {
  const ra = results.runs[a]?.[name];
  const rb = results.runs[b]?.[name];
  return ra?.val_acc != null && rb?.val_acc != null && ra.epochs === rb.epochs ? ra.val_acc - rb.val_acc : null;
}

// Per case: TF.js's faster backend over our page (compute), over native, and our page over native.
export function ratios(results) {
  const out = {};
  for (const name of known(results)) {
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
      wall_over_compute_wasm: results.runs.wasm?.[name]?.wall_over_compute ?? null,
    };
  }
  return out;
}

// Rows of cells → aligned lines; rows of 3 cells (a message) print across the figure columns.
function grid(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.filter((r) => r.length > 3 || i < 2)
    .map((r) => String(r[i] ?? '').length)));
  const fmtRow = (r) => (r.length === 3 && head.length > 3 ? `${r[0].padEnd(widths[0])}  ${r[1].padEnd(widths[1])}  ${r[2]}`
    : r.map((cell, i) => (i < 2 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  '));
  return [head, ...rows].map(fmtRow);
}

function runnerRows(results) {
  // `others`: cores used by other processes during the row's run (cpu.mjs othersMeter).
  const head = ['case', 'runner', 'epochs', 'compute s/ep', 'wall s/ep', 'samples/s', 'GFLOP/s', 'val acc', 'others'];
  const rows = [];
  for (const name of known(results)) {
    for (const runner of RUNNERS) {
      const r = results.runs[runner]?.[name];
      if (!r) continue;
      const epochs = r.samples_timed ? `${(r.samples_timed / 1000).toFixed(r.samples_timed < 10000 ? 1 : 0)}k smp`
        : String(r.epochs);
      rows.push(r.error ? [name, runner, r.error]
        : [name, runner, epochs, fmtS(r.compute_s), fmtS(r.wall_s), fmtRate(r.samples_per_s),
          r.gflop_per_s == null ? '—' : r.gflop_per_s.toFixed(r.gflop_per_s < 1 ? 3 : 2),
          r.val_acc == null ? '—' : r.val_acc.toFixed(4),
          r.others_cores == null ? '—' : r.others_cores.toFixed(2)]);
    }
  }
  const lines = grid(head, rows);
  lines.push('(epochs: whole epochs timed, median; "k smp": that many samples timed and scaled to the 48,000 of an' +
    ' epoch; wall: the page\'s time between two epoch-end events, the CLI\'s step() time with validation;' +
    ` the page's val acc is at epoch ${results.options.epochs}, as native's)`);
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
    const pts = (v) => (v == null ? '—' : `${v >= 0 ? '+' : ''}${(100 * v).toFixed(2)}`);
    const acc = r.val_acc_wasm_minus_tfjs_wasm ?? r.val_acc_native_minus_tfjs_wasm;
    lines.push(`  ${name.padEnd(12)} ${x(r.tfjs_best_over_wasm).padStart(7)} ${x(r.tfjs_best_over_native).padStart(7)}` +
      ` ${x(r.wasm_over_native).padStart(7)}   acc ${pts(acc)}`);
  }
  return lines;
}

function viewportLines(results) {
  const vps = results.page?.viewports;
  if (!vps) return [];
  const lines = ['', 'the page per window size (worker engine): wall per epoch = between two epoch-end events as the page' +
    ' receives them; compute = the engine\'s train_compute_s over the same epochs'];
  const head = ['window', 'case', 'compute s/ep', 'wall s/ep', 'wall/compute', 'frames/s', 'others', 'CPU (cores)'];
  const rows = [];
  for (const [vp, v] of Object.entries(vps)) {
    if (v.load.error) {
      rows.push([vp, 'page', v.load.error]);
      continue;
    }
    for (const [name, r] of Object.entries(v.cases)) {
      rows.push(r.error ? [vp, name, r.error] : [vp, name, fmtS(r.compute_s), fmtS(r.wall_s), x(r.wall_over_compute),
        r.frames_per_s.toFixed(1), r.others_cores == null ? '—' : r.others_cores.toFixed(2), fmtCpu(r.cpu)]);
    }
  }
  lines.push(...grid(head, rows).map((l) => `  ${l}`));
  for (const [vp, v] of Object.entries(vps)) {
    if (v.load.error) continue;
    const l = v.load;
    lines.push(`  ${vp}: page open → ready ${l.ready_ms.toFixed(0)} ms, → the worker's first training step` +
      ` ${l.first_step_ms.toFixed(0)} ms (engine instantiated at ${l.engine_ready_ms == null ? '—' : l.engine_ready_ms.toFixed(0)} ms)` +
      `${l.side28_ms == null ? '' : `; 28×28 bundle fetched and loaded in page and engine in ${l.side28_ms.toFixed(0)} ms`}`);
    if (v.console_errors?.length) lines.push(`  ${vp}: console errors: ${v.console_errors.slice(0, 3).join(' | ')}`);
  }
  return lines;
}

// Issue 11 §4 and issue 12 §5: [what, measured, target, met?].
export function targetRows(results) {
  const p = results.page || {};
  const rows = [];
  const add = (what, value, fmt, target, ok, note = '') => rows.push([what, value == null ? '—' : fmt(value),
    target, value == null ? '—' : ok(value) ? 'met' : 'MISSED', note]);
  const le = (t) => (v) => v <= t;
  const ge = (t) => (v) => v >= t;
  const s = (v) => `${v.toFixed(2)} s`;
  for (const [vp, limit] of [['1280x800', 1.5], ['640x400', 1.25]]) {
    const cases = p.viewports?.[vp]?.cases;
    if (!cases) continue;
    for (const [name, r] of Object.entries(cases)) {
      if (caseNamed(name).cnn || r.error) continue;
      add(`page wall / compute per epoch, ${name}, ${vp}`, r.wall_over_compute, x, `≤ ${limit}×`, le(limit),
        `per epoch: compute ${fmtS(r.compute_s)}, validation ${fmtS(r.validation_s)}, outside the engine ` +
        `${fmtS(r.outside_engine_s)} s; others ${r.others_cores?.toFixed(2)}`);
    }
  }
  const t = p.train_to_test;
  if (t) {
    add('MLP 100 Adam 28×28 5 epochs, train() → test accuracy', t.error ? null : t.wall_s, s, '≤ 6 s', le(6),
      t.error || `compute ${t.train_compute_s?.toFixed(2)} s; others ${t.others_cores?.toFixed(2)}`);
  }
  const cv = p.lesson_cv;
  if (cv) {
    add('lesson 5-fold CV 14×14, lesson.run(2) → cv_done', cv.error ? null : cv.wall_s, s, '≤ 4 s', le(4),
      cv.error || `compute ${cv.compute_s?.toFixed(2)} s, mean ${cv.mean?.toFixed(4)}; others ${cv.others_cores?.toFixed(2)}`);
  }
  const r = p.responsiveness;
  if (r) {
    add('mouse stroke while training: input → presented frame, p95', r.error ? null : r.latency_ms?.p95,
      (v) => `${v.toFixed(1)} ms`, '≤ 50 ms', le(50), r.error || `median ${r.latency_ms.median.toFixed(1)}, max ` +
      `${r.latency_ms.max.toFixed(1)} ms, ${r.inputs} input events (${r.inputs_not_shown} not seen presented);` +
      ` medians: to the handler ${r.latency_parts_ms.to_dispatch.toFixed(1)}, to the draw` +
      ` ${r.latency_parts_ms.to_draw.toFixed(1)}, draw to presented ${r.latency_parts_ms.to_present.toFixed(1)} ms;` +
      ` others ${r.others_cores?.toFixed(2)}`);
    if (!r.error) {
      add('presented frames/s while drawing during training', r.presented_fps, (v) => v.toFixed(1), '≥ 45', ge(45),
        `${r.presented_with_app_draw} of ${r.presented_frames} with an app draw; the app drew ` +
        `${r.app_draws_per_s.toFixed(1)}/s; ink on the canvas: ${r.ink}; training throughout: ${r.training_throughout}`);
    }
  }
  const first = p.viewports?.['1280x800']?.load;
  if (first && !first.error) add('open → first training step (1280×800)', first.first_step_ms / 1000, s, '≤ 1.5 s', le(1.5));
  for (const [state, label] of [['fresh', 'just opened'], ['after_runs', 'after the runs']]) {
    const i = p.idle_cpu?.[state];
    if (i) {
      add(`idle page (${label}): CPU of the page's processes`, i.error ? null : i.percent_of_core,
        (v) => `${v.toFixed(1)} %`, '≤ 5 % of a core', le(5), i.error || `${i.frames_drawn} frames drawn in 10 s`);
    }
  }
  for (const name of ['cnn-small-14', 'cnn-28']) {
    const ours = results.runs.wasm?.[name];
    const tf = results.runs['tfjs-cpu']?.[name];
    if (ours?.compute_s && tf?.compute_s) {
      add(`${name}: TF.js cpu / ours (compute per epoch)`, tf.compute_s / ours.compute_s, x, '≥ 10×', ge(10));
    }
    for (const runner of ['wasm', 'native']) {
      const g = results.runs[runner]?.[name]?.gflop_per_s;
      if (g != null) add(`${name}: ${runner} GFLOP/s`, g, (v) => v.toFixed(1), '≥ 25 (issue 12 §3, an aim)', ge(25));
    }
  }
  return rows;
}

function targetLines(results) {
  const rows = targetRows(results);
  if (!rows.length) return [];
  const lines = ['', 'targets (issue 11 §4, issue 12 §5), as measured in this run (figures, not assertions):'];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) {
    lines.push(`  ${r[0].padEnd(widths[0])}  ${r[1].padStart(widths[1])}  ${r[2].padEnd(widths[2])}  ` +
      `${r[3].padEnd(widths[3])}  ${r[4]}`);
  }
  const wn = Object.entries(results.ratios).map(([n, v]) => `${n} ${x(v.wasm_over_native)}`).join(', ');
  lines.push(`  worker compute / native (no target): ${wn}`);
  return lines;
}

export function cpuLines(results) {
  const p = results.page || {};
  const lines = [];
  const r = p.responsiveness;
  if (r && !r.error) {
    lines.push(`CPU while drawing during training (${r.stroke_s.toFixed(1)} s): ${fmtCpu(r.cpu)}`);
  }
  for (const [k, label] of [['train_to_test', 'MLP 5 epochs'], ['lesson_cv', 'lesson CV']]) {
    if (p[k] && !p[k].error) lines.push(`CPU during ${label}: ${fmtCpu(p[k].cpu)}`);
  }
  for (const [k, label] of [['fresh', 'idle, just opened'], ['after_runs', 'idle, after the runs']]) {
    const i = p.idle_cpu?.[k];
    if (i && !i.error) lines.push(`CPU ${label}: ${fmtCpu(i.cpu)}`);
  }
  return lines.length ? ['', 'where the CPU went (cores of our Chromium by process and thread):', ...lines.map((l) => `  ${l}`)] : [];
}

function byteLines(results) {
  const bytes = results.page?.bytes;
  if (!bytes?.startup_bytes) return [];
  const b = bytes.startup_bytes;
  const lines = ['', 'bytes at startup (raw / gzip -9): ' + Object.entries(b)
    .map(([k, v]) => `${k} ${fmtKB(v.bytes)} / ${fmtKB(v.gzip9)}`).join(', ')];
  const code = ['wasm', 'js'].map((k) => b[k] ?? { bytes: 0, gzip9: 0 });
  lines.push(`  wasm+js: ${fmtKB(code[0].bytes + code[1].bytes)} raw, ` +
    `${fmtKB(code[0].gzip9 + code[1].gzip9)} gzip -9;` +
    ` 14×14 bundle on the wire: ${((b.bundle?.bytes ?? 0) / 1e6).toFixed(2)} MB`);
  const missing = bytes.files.filter((file) => file.status >= 400);
  if (missing.length) lines.push(`  not found: ${missing.map((m) => `${m.path} (HTTP ${m.status})`).join(', ')}`);
  const big = bytes.files.find((file) => file.path.endsWith('-28.bin'));
  if (big) lines.push(`  28×28 bundle on request: ${(big.bytes / 1e6).toFixed(2)} MB`);
  const tb = results.tfjs_bytes;
  if (tb) {
    lines.push('TF.js page for comparison (raw / gzip -9): ' + Object.entries(tb)
      .map(([k, v]) => `${k} ${fmtKB(v.bytes)} / ${fmtKB(v.gzip9)}`).join(', '));
  }
  return lines;
}

export function table(results) {
  return [...runnerRows(results), ...ratioLines(results), ...viewportLines(results), ...targetLines(results),
    ...cpuLines(results), ...byteLines(results)].join('\n');
}
