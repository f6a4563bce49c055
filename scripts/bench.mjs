#!/usr/bin/env node
// `make bench`: the same training work timed three ways in one run — (a) the native CLI,
// (b) our WASM through the real page (window.fmnist) in headless Chromium, (c) TensorFlow.js 4.22
// (wasm and cpu backends) in the same Chromium on the same bundle and split — then a table on
// stdout and everything in JSON. Figures only: nothing here passes or fails on a time.
//
// Usage: node scripts/bench.mjs [--cli build/fmnist] [--web build/web] [--out build/bench.json]
//          [--epochs 3] [--tfjs-epochs 3] [--tfjs-loop minimize|fit] [--quick]
//          [--cases softmax-14,softmax-28,mlp100-28] [--skip native,wasm,tfjs-wasm,tfjs-cpu]
//          [--viewport 1280x800]   (the browser window; the software renderer's cost grows with it)
//        node scripts/bench.mjs --table build/bench.json   (prints a saved run's table again)
// --quick: one TF.js epoch per case and no MLP on TF.js's cpu backend (about a minute on its own).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// The three cases of issue 5; `page` is what window.fmnist.train() takes (TF.js gets the same fields).
// `layers` (in, out) give the model FLOPs per training sample: each dense layer costs 2·in·out
// forward and 2·in·out for its weight gradient, plus 2·in·out for the input gradient except the
// first layer. Optimizer updates and activations are left out (≤ 10 % here).
const CASES = [
  { name: 'softmax-14', side: 14, layers: [[196, 10]], page: { model: 'softmax', optimizer: 'rmsprop' } },
  { name: 'softmax-28', side: 28, layers: [[784, 10]], page: { model: 'softmax', optimizer: 'rmsprop' } },
  { name: 'mlp100-28', side: 28, layers: [[784, 100], [100, 10]],
    page: { model: 'mlp', hidden: [100], optimizer: 'adam' } },
];
const flopsPerSample = (c) => c.layers.reduce((sum, [i, o], k) => sum + (k === 0 ? 4 : 6) * i * o, 0);
const COMMON = { lr: 0.001, batch: 32, seed: 42 };
const RUNNERS = ['native', 'wasm', 'tfjs-wasm', 'tfjs-cpu'];
const TRAIN_SAMPLES = 48000; // holdout_split(60000, 0.2, 42)

// TOOLCHAIN.md "Headless Chromium" (playwright adds --headless itself). The resolver rule makes every
// host but loopback unresolvable, so nothing can leave the machine even by accident.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--use-gl=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

function parseArgs(argv) {
  const fail = (msg) => {
    console.error(`bench: ${msg} (try --help)`);
    process.exit(2);
  };
  const opts = { cli: 'build/fmnist', web: 'build/web', out: 'build/bench.json', epochs: 3, tfjsEpochs: 3,
    tfjsLoop: 'minimize', quick: false, table: null, cases: CASES.map((c) => c.name), skip: [],
    viewport: { width: 1280, height: 800 } };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) fail(`${flag} needs a value`);
      return argv[++i];
    };
    if (flag === '--cli') opts.cli = value();
    else if (flag === '--web') opts.web = value();
    else if (flag === '--out') opts.out = value();
    else if (flag === '--epochs') opts.epochs = Number(value());
    else if (flag === '--tfjs-epochs') opts.tfjsEpochs = Number(value());
    else if (flag === '--tfjs-loop') opts.tfjsLoop = value();
    else if (flag === '--quick') opts.quick = true;
    else if (flag === '--table') opts.table = value();
    else if (flag === '--cases') opts.cases = value().split(',');
    else if (flag === '--skip') opts.skip = value().split(',');
    else if (flag === '--viewport') {
      const m = /^(\d+)x(\d+)$/.exec(value());
      if (!m) fail('--viewport takes WIDTHxHEIGHT, e.g. 640x400');
      opts.viewport = { width: Number(m[1]), height: Number(m[2]) };
    }
    else if (flag === '--help' || flag === '-h') {
      console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split("\n").slice(1, 12).join('\n'));
      process.exit(0);
    } else fail(`unknown flag ${flag}`);
  }
  for (const name of opts.cases) if (!CASES.some((c) => c.name === name)) fail(`unknown case ${name}`);
  for (const name of opts.skip) if (!RUNNERS.includes(name)) fail(`unknown runner ${name}`);
  if (!['minimize', 'fit'].includes(opts.tfjsLoop)) fail('--tfjs-loop is minimize or fit');
  if (![opts.epochs, opts.tfjsEpochs].every((n) => Number.isInteger(n) && n >= 1)) {
    fail('--epochs and --tfjs-epochs take a whole number ≥ 1');
  }
  return opts;
}

const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length === 0 ? null : s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const quantile = (v, q) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(q * v.length))];

// Per-epoch figures → the summary every runner reports (medians, so a slow first epoch doesn't count).
function summarise(history, trainCount) {
  const compute = median(history.map((h) => h.compute_s));
  return {
    epochs: history.length,
    compute_s: compute,
    wall_s: median(history.map((h) => h.wall_s)),
    samples_per_s: compute ? trainCount / compute : null,
    val_acc: history.length ? history[history.length - 1].val_acc : null,
    history,
  };
}

// How busy the machine was with *other* work while a case ran: CPU time of the whole machine
// (/proc/stat) minus that of this process tree (node, the CLI, serve.py, Chromium), in cores.
// On 2 cores, anything above ~0.2 means a build or test shared the CPU and inflated that row.
// (The load average can't tell: our own browser counts in it.)
function cpuTicks() {
  const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const machine = cpu[0] + cpu[1] + cpu[2] + cpu[5] + cpu[6] + (cpu[7] || 0); // all but idle and iowait
  const procs = new Map(); // pid → { ppid, ticks }, ticks including reaped children (the CLI)
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // f[0] is field 3 (state)
      const ticks = Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]); // utime stime cutime cstime
      procs.set(Number(pid), { ppid: Number(f[1]), ticks });
    } catch { /* exited meanwhile */ }
  }
  const ours = (pid) => {
    for (let p = pid; p > 1; p = procs.get(p)?.ppid ?? 0) if (p === process.pid) return true;
    return false;
  };
  let mine = 0;
  for (const [pid, p] of procs) if (ours(pid)) mine += p.ticks;
  return { machine, mine, at: performance.now() };
}

function othersMeter() {
  if (!fs.existsSync('/proc/stat')) return () => null;
  const start = cpuTicks();
  return () => {
    const end = cpuTicks();
    const ticksPerS = 100; // USER_HZ on Linux
    const cores = ((end.machine - start.machine) - (end.mine - start.mine)) / ticksPerS / ((end.at - start.at) / 1000);
    return Math.max(0, cores);
  };
}

// The page's bundle if the page is built, else the CLI's (make bundle) in assets/.
function bundlePath(opts, side) {
  const name = `fashion-mnist-${side}.bin`;
  const inWeb = path.resolve(ROOT, opts.web, name);
  return fs.existsSync(inWeb) ? inWeb : path.join(ROOT, 'assets', name);
}

// --- (a) native: the CLI's own bench subcommand; its last stdout line is the JSON ---------------
function runNative(opts) {
  const cli = path.resolve(ROOT, opts.cli);
  if (!fs.existsSync(cli)) {
    return Object.fromEntries(opts.cases.map((n) => [n, { error: `n/a (${opts.cli} not built)` }]));
  }
  const results = {};
  for (const name of opts.cases) {
    // One case per process, so a missing 28×28 bundle costs only that case. FMNIST_BUNDLE points
    // the CLI at the very file the page and TF.js load.
    const side = CASES.find((c) => c.name === name).side;
    const env = { ...process.env, FMNIST_BUNDLE: bundlePath(opts, side) };
    const others = othersMeter();
    const run = spawnSync(cli, ['bench', '--json', '--epochs', String(opts.epochs), '--case', name],
      { cwd: ROOT, encoding: 'utf8', env });
    const last = run.stdout.trim().split('\n').pop() || '';
    if (run.status !== 0 || !last.startsWith('{')) {
      results[name] = { error: (run.stderr || run.stdout || `exit ${run.status}`).trim().split('\n').pop() };
      continue;
    }
    const c = JSON.parse(last).cases[0];
    // The CLI's wall_s is the time in every step() of the epoch: training plus validation.
    results[name] = { epochs: c.epochs, compute_s: c.compute_s, wall_s: c.wall_s, steps_s: c.wall_s,
      samples_per_s: c.samples_per_s, val_acc: c.val_acc, others_cores: others() };
    log(`native ${name}: ${fmtS(c.compute_s)} s/epoch compute`);
  }
  return results;
}

// --- the local site: build/web + this bench page + TF.js's dist folders, all symlinked ----------
function assembleSite(opts) {
  const site = path.resolve(ROOT, path.dirname(opts.out), 'bench-site');
  fs.rmSync(site, { recursive: true, force: true });
  fs.mkdirSync(site, { recursive: true });
  const link = (target, name) => {
    if (fs.existsSync(target) && !fs.existsSync(path.join(site, name))) fs.symlinkSync(target, path.join(site, name));
  };
  const web = path.resolve(ROOT, opts.web);
  if (fs.existsSync(web)) for (const entry of fs.readdirSync(web)) link(path.join(web, entry), entry);
  // TF.js reads the page's bundles; if the page isn't built yet, the CLI's assets/ copies do.
  for (const side of [14, 28]) link(bundlePath(opts, side), `fashion-mnist-${side}.bin`);
  link(path.join(ROOT, 'tests/bench'), 'bench');
  link(path.join(ROOT, 'node_modules/@tensorflow/tfjs/dist'), 'tfjs');
  link(path.join(ROOT, 'node_modules/@tensorflow/tfjs-backend-wasm/dist'), 'tfjs-wasm');
  return { dir: site, hasPage: fs.existsSync(path.join(web, 'index.html')) };
}

// scripts/serve.py on a free port; its first stdout line carries the URL.
function startServer(dir) {
  const server = spawn('python3', [path.join(ROOT, 'scripts/serve.py'), '--dir', dir, '--port', '0'],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let text = '';
    server.stdout.on('data', (chunk) => {
      text += chunk;
      const url = text.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (url) resolve({ url: url[0], stop: () => server.kill() });
    });
    server.on('exit', (code) => reject(new Error(`serve.py exited (${code})`)));
  });
}

// Every finished request with its body size as received (the server doesn't compress). DevTools
// keeps no bodies over 10 MB, so the gzip -9 size is computed later from the served file itself.
function recordBytes(page) {
  const files = [];
  page.on('requestfinished', async (request) => {
    const url = new URL(request.url());
    const ext = path.extname(url.pathname);
    const kind = { '.wasm': 'wasm', '.js': 'js', '.mjs': 'js', '.bin': 'bundle', '.html': 'html', '.css': 'css',
      '.ttf': 'font', '.woff2': 'font' }[ext] || 'other';
    const { responseBodySize } = await request.sizes();
    const status = (await request.response())?.status() ?? 0;
    files.push({ path: decodeURIComponent(url.pathname), kind, bytes: responseBodySize, status });
  });
  return files;
}

const gzipSizes = new Map();
function addGzipSizes(files, siteDir) {
  for (const f of files) {
    const file = path.join(siteDir, f.path.endsWith('/') ? `${f.path}index.html` : f.path);
    if (!gzipSizes.has(file)) {
      gzipSizes.set(file, fs.existsSync(file) ? zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length : null);
    }
    f.gzip9 = gzipSizes.get(file);
  }
  return files;
}

// Bytes per kind of the files that arrived (an HTTP error page is no file of the page's).
function totals(allFiles) {
  const files = allFiles.filter((f) => f.status < 400);
  const byKind = Object.fromEntries(['wasm', 'js', 'html', 'css', 'font', 'bundle', 'other']
    .filter((k) => files.some((f) => f.kind === k)).map((k) => [k, null]));
  for (const f of files) {
    const t = (byKind[f.kind] ||= { bytes: 0, gzip9: 0 });
    t.bytes += f.bytes;
    t.gzip9 += f.gzip9 ?? f.bytes;
  }
  return byKind;
}

// --- (b) our WASM through the page ----------------------------------------------------------------
// In-page: from navigation start, wait for state().ready, start the first case, wait for its first
// step. performance.now() counts from navigation start, i.e. from "page open".
async function pageOpenToFirstStep(config) {
  const sleep = () => new Promise((r) => setTimeout(r, 1));
  const deadline = performance.now() + 60000;
  let problem = 'window.fmnist missing';
  for (;;) {
    try { // state() may throw while the page starts; only a lasting failure counts
      const s = window.fmnist && window.fmnist.state();
      if (s && s.error) return { error: `page error: ${s.error}` };
      if (s && s.ready) break;
      problem = s ? 'state().ready stayed false' : problem;
    } catch (e) {
      problem = `state() throws: ${e.message}`;
    }
    if (performance.now() > deadline) return { error: `page not ready after 60 s (${problem})` };
    await sleep();
  }
  const readyMs = performance.now();
  window.fmnist.train(config);
  for (;;) {
    const s = window.fmnist.state();
    if (s.error) return { error: s.error };
    if (s.training.compute_s > 0 || s.training.epoch > 0) break;
    if (performance.now() > deadline) return { error: 'no training step within 60 s' };
    await sleep();
  }
  const firstStepMs = performance.now();
  window.fmnist.reset();
  return { ready_ms: readyMs, first_step_ms: firstStepMs };
}

// In-page: one training run, watched once per animation frame. Epoch boundaries are the frames in
// which a new history entry appears; compute is the change in the page's step() time between them:
// training.train_compute_s (training steps only, like the CLI's compute) if the page reports it,
// else training.compute_s (every step(), validation chunks included).
async function watchRun({ config, epochs, side }) {
  const f = window.fmnist;
  const stepTime = (s) => s.training.train_compute_s ?? s.training.compute_s;
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const deadline = performance.now() + 600000;
  f.reset();
  // The input size is chosen with setInputSize (28 downloads its bundle first); a page without it
  // may still take train({side}), and a page that ignores both is caught below.
  let switchMs = null;
  if (typeof f.setInputSize === 'function' && f.state().dataset.side !== side) {
    const t0 = performance.now();
    if (!f.setInputSize(side)) return { error: `setInputSize(${side}) refused: ${f.state().error}` };
    for (let s = f.state(); s.dataset.side !== side || s.dataset.loading; s = f.state()) {
      if (s.error) return { error: s.error };
      if (performance.now() > deadline) return { error: `${side}×${side} bundle did not load` };
      await frame();
    }
    switchMs = performance.now() - t0;
  }
  f.train(config);
  let s = f.state();
  if (s.error) return { error: s.error };
  // A larger bundle may load first: the clock starts at the frame before the first step is seen.
  let prev = await frame();
  for (;;) {
    const now = await frame();
    s = f.state();
    if (s.error) return { error: s.error };
    if (s.dataset.side === side && (s.training.compute_s > 0 || s.training.epoch > 0)) break;
    if (s.dataset.side !== side && s.training.compute_s > 0) {
      f.reset();
      return { error: `n/a (page trained at ${s.dataset.side}×${s.dataset.side}, lacks side ${side})` };
    }
    if (now > deadline) return { error: 'training did not start' };
    prev = now;
  }
  const includesValidation = s.training.train_compute_s === undefined;
  const marks = [{ t: prev, compute_s: 0 }];
  const frameMs = [];
  const fps = [];
  const budget = []; // the page's per-frame training budget, if it reports one
  let last = prev;
  while (s.history.length < epochs) {
    if (s.error || s.training.diverged) return { error: s.error || 'diverged' };
    if (!s.training.running) return { error: `training stopped after ${s.history.length} epochs` };
    const now = await frame();
    if (now > deadline) return { error: 'timeout' };
    frameMs.push(now - last);
    last = now;
    s = f.state();
    if (typeof s.fps === 'number') fps.push(s.fps);
    if (typeof s.training.budget_ms === 'number') budget.push(s.training.budget_ms);
    while (marks.length <= s.history.length) {
      const h = s.history[marks.length - 1];
      marks.push({ t: now, compute_s: stepTime(s), val_acc: h.val_acc });
    }
  }
  f.reset();
  const history = marks.slice(1).map((m, i) => ({
    epoch: i + 1,
    compute_s: m.compute_s - marks[i].compute_s,
    wall_s: (m.t - marks[i].t) / 1000,
    val_acc: m.val_acc,
  }));
  return { history, frameMs, fps, budget, train: s.dataset.train, includesValidation, switchMs };
}

// In-page: animation-frame intervals over `ms` milliseconds (the idle baseline for frame times).
async function frameIntervals(ms) {
  const out = [];
  let last = await new Promise((r) => requestAnimationFrame(r));
  const end = last + ms;
  while (last < end) {
    const now = await new Promise((r) => requestAnimationFrame(r));
    out.push(now - last);
    last = now;
  }
  return out;
}

function frameStats(frameMs) {
  if (!frameMs.length) return null;
  return {
    count: frameMs.length,
    median_ms: median(frameMs),
    p95_ms: quantile(frameMs, 0.95),
    max_ms: Math.max(...frameMs),
    mean_fps: 1000 / (frameMs.reduce((a, b) => a + b, 0) / frameMs.length),
  };
}

async function runPage(context, baseUrl, opts) {
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  const files = recordBytes(page);
  const first = CASES.find((c) => c.name === opts.cases[0]);
  await page.goto(`${baseUrl}index.html`, { waitUntil: 'commit' });
  const load = await page.evaluate(pageOpenToFirstStep, { ...COMMON, ...first.page, epochs: opts.epochs });
  if (load.error) log(`page: ${load.error}`);
  else log(`page: ready ${load.ready_ms.toFixed(0)} ms, first step ${load.first_step_ms.toFixed(0)} ms after open`);
  const startupFiles = [...files];
  const idle = load.error ? [] : await page.evaluate(frameIntervals, 2000);

  const cases = {};
  const frameMs = [];
  const fps = [];
  const budget = [];
  for (const c of CASES.filter((x) => opts.cases.includes(x.name))) {
    if (load.error) {
      cases[c.name] = { error: load.error };
      continue;
    }
    // `side` is ignored by a page whose train() doesn't know it: watchRun then reports n/a for 28.
    const config = { ...COMMON, ...c.page, epochs: opts.epochs, side: c.side };
    const others = othersMeter();
    const run = await page.evaluate(watchRun, { config, epochs: opts.epochs, side: c.side });
    const othersCores = others();
    if (run.error) {
      cases[c.name] = { error: run.error };
      log(`wasm ${c.name}: ${run.error}`);
      continue;
    }
    cases[c.name] = { ...summarise(run.history, run.train), compute_includes_validation: run.includesValidation,
      side_switch_ms: run.switchMs, others_cores: othersCores };
    frameMs.push(...run.frameMs);
    fps.push(...run.fps);
    budget.push(...run.budget);
    log(`wasm ${c.name}: ${fmtS(cases[c.name].compute_s)} s/epoch compute, ${fmtS(cases[c.name].wall_s)} wall`);
  }
  await page.close();
  return {
    cases,
    load: { ...load, startupFiles, files },
    frames: frameMs.length ? { ...frameStats(frameMs), page_fps_median: fps.length ? median(fps) : null,
      page_budget_ms_median: budget.length ? median(budget) : null } : null,
    idle_frames: frameStats(idle),
    console_errors: errors,
  };
}

// --- (c) TensorFlow.js, one fresh page per case so no tensors or heap growth carry over -------------
async function runTfjs(context, baseUrl, backend, opts) {
  const cases = {};
  let bytes = null;
  for (const c of CASES.filter((x) => opts.cases.includes(x.name))) {
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

// --- output -----------------------------------------------------------------------------------------
const log = (msg) => process.stderr.write(`bench: ${msg}\n`);
const fmtS = (v) => (v == null ? '—' : v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v.toFixed(4));
const fmtRate = (v) => (v == null ? '—' : v >= 1e6 ? `${(v / 1e6).toFixed(2)}M` : `${(v / 1e3).toFixed(1)}k`);
const fmtKB = (v) => (v == null ? '—' : `${(v / 1024).toFixed(0)} KB`);
const ratio = (a, b) => (a != null && b ? a / b : null);

function sameEpochs(results, name, a, b) {
  const ra = results.runs[a]?.[name];
  const rb = results.runs[b]?.[name];
  return ra?.val_acc != null && rb?.val_acc != null && ra.epochs === rb.epochs ? ra.val_acc - rb.val_acc : null;
}

// Ratios per case: TF.js's faster backend over our page (compute), and our page over native.
function ratios(results) {
  const out = {};
  for (const name of results.options.cases) {
    const get = (runner) => results.runs[runner]?.[name]?.compute_s ?? null;
    const tfBest = [get('tfjs-wasm'), get('tfjs-cpu')].filter((v) => v != null);
    // Like for like: if the page's figure includes validation steps, so must native's.
    const withVal = results.runs.wasm?.[name]?.compute_includes_validation;
    const native = withVal ? results.runs.native?.[name]?.steps_s : get('native');
    out[name] = {
      tfjs_best_over_wasm: ratio(tfBest.length ? Math.min(...tfBest) : null, get('wasm')),
      tfjs_best_over_native: ratio(tfBest.length ? Math.min(...tfBest) : null, get('native')),
      wasm_over_native: ratio(get('wasm'), native),
      wasm_compute_includes_validation: withVal ?? null,
      // Accuracy only compares at equal epochs; TF.js's init and shuffles use other random streams.
      val_acc_wasm_minus_tfjs_wasm: sameEpochs(results, name, 'wasm', 'tfjs-wasm'),
      val_acc_native_minus_tfjs_wasm: sameEpochs(results, name, 'native', 'tfjs-wasm'),
      wall_over_compute_wasm: ratio(results.runs.wasm?.[name]?.wall_s, get('wasm')),
    };
  }
  return out;
}

function table(results) {
  // `others`: cores used by other processes during the row's run (othersMeter).
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
  lines.push('', 'ratios (compute per epoch): TF.js best / ours (wasm page), TF.js best / native, wasm / native;' +
    ' val acc ours − TF.js (wasm), in points, at equal epochs');
  if (Object.values(results.ratios).some((r) => r.wasm_compute_includes_validation)) {
    lines.push('  (the page reports step() time with validation included: wasm / native uses native\'s' +
      ' train+validation steps; TF.js / ours is then an underestimate)');
  }
  for (const [name, r] of Object.entries(results.ratios)) {
    const x = (v) => (v == null ? '—' : `${v.toFixed(v >= 10 ? 0 : 2)}×`);
    const pts = (v) => (v == null ? '—' : `${v >= 0 ? '+' : ''}${(100 * v).toFixed(2)}`);
    const acc = r.val_acc_wasm_minus_tfjs_wasm ?? r.val_acc_native_minus_tfjs_wasm;
    lines.push(`  ${name.padEnd(11)} ${x(r.tfjs_best_over_wasm).padStart(7)} ${x(r.tfjs_best_over_native).padStart(7)}` +
      ` ${x(r.wasm_over_native).padStart(7)}   acc ${pts(acc)}` +
      `   (page wall/compute ${x(r.wall_over_compute_wasm)})`);
  }
  const page = results.page;
  if (page && !page.load.error) {
    const b = page.load.startup_bytes;
    lines.push('', `page open → ready ${page.load.ready_ms.toFixed(0)} ms, → first training step ` +
      `${page.load.first_step_ms.toFixed(0)} ms`);
    lines.push(`bytes at startup (raw / gzip -9): ` + Object.entries(b)
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
        `${f.page_fps_median == null ? '—' : f.page_fps_median.toFixed(1)}` +
        `${f.page_budget_ms_median == null ? '' : `, training budget ${f.page_budget_ms_median.toFixed(1)} ms/frame`})`);
    }
    const i = page.idle_frames;
    if (i) {
      lines.push(`frames idle (2 s, for reference): median ${i.median_ms.toFixed(1)} ms,` +
        ` mean ${i.mean_fps.toFixed(1)} fps`);
    }
  } else if (page) lines.push('', `page: ${page.load.error}`);
  const tb = results.tfjs_bytes;
  if (tb) {
    lines.push(`TF.js page for comparison (raw / gzip -9): ` + Object.entries(tb)
      .map(([k, v]) => `${k} ${fmtKB(v.bytes)} / ${fmtKB(v.gzip9)}`).join(', '));
  }
  return lines.join('\n');
}

// os.cpus() reports speed 0 in this VM; /proc/cpuinfo still has the nominal clock.
function cpuMhz() {
  const m = fs.existsSync('/proc/cpuinfo') && fs.readFileSync('/proc/cpuinfo', 'utf8').match(/cpu MHz\s*:\s*([\d.]+)/);
  return m ? Number(m[1]) : os.cpus()[0]?.speed || null;
}

// --- main -------------------------------------------------------------------------------------------
async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.table) {
    console.log(table(JSON.parse(fs.readFileSync(opts.table, 'utf8'))));
    return;
  }
  const results = {
    date: new Date().toISOString(),
    // Load average before and after: on a shared 2-core machine it explains most outliers.
    machine: { cpu: os.cpus()[0]?.model, mhz: cpuMhz(), cores: os.cpus().length, node: process.version,
      platform: os.platform(),
      loadavg_start: os.loadavg() },
    commit: spawnSync('git', ['describe', '--always', '--dirty'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim(),
    options: opts,
    work: { ...COMMON, train: TRAIN_SAMPLES, val: 12000, split: 'holdout_split(60000, 0.2, 42)',
      gflop_per_epoch: Object.fromEntries(CASES.map((c) => [c.name, (flopsPerSample(c) * TRAIN_SAMPLES) / 1e9])) },
    runs: {},
  };
  const want = (runner) => !opts.skip.includes(runner);

  // Native first and alone: the browser would compete for the 2 cores.
  if (want('native')) results.runs.native = runNative(opts);

  const site = assembleSite(opts);
  const server = await startServer(site.dir);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fmnist-bench-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, viewport: opts.viewport,
  });
  const offsite = [];
  context.on('request', (r) => {
    const host = new URL(r.url()).hostname;
    if (!['127.0.0.1', 'localhost'].includes(host) && !r.url().startsWith('data:')) offsite.push(r.url());
  });
  try {
    // A persistent context has no Browser object to ask, so the binary tells its version.
    results.browser = spawnSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout.trim();
    if (want('wasm')) {
      if (site.hasPage) {
        const { cases, ...page } = await runPage(context, server.url, opts);
        results.runs.wasm = cases;
        // gzip -9 only now, so compressing 40 MB doesn't compete with the browser for the 2 cores.
        const { startupFiles, files, ...load } = page.load;
        addGzipSizes(files, site.dir);
        page.load = { ...load, startup_bytes: totals(startupFiles), all_bytes: totals(files), files };
        results.page = page;
      } else {
        results.runs.wasm = Object.fromEntries(opts.cases.map((n) => [n, { error: `n/a (${opts.web} not built)` }]));
      }
    }
    for (const backend of ['wasm', 'cpu']) {
      if (!want(`tfjs-${backend}`)) continue;
      const tfjs = await runTfjs(context, server.url, backend, opts);
      results.runs[`tfjs-${backend}`] = tfjs.cases;
      if (tfjs.bytes && !results.tfjs_bytes) results.tfjs_bytes = totals(addGzipSizes(tfjs.bytes, site.dir));
    }
  } finally {
    await context.close();
    server.stop();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  results.machine.loadavg_end = os.loadavg();
  for (const runs of Object.values(results.runs)) {
    for (const [name, r] of Object.entries(runs)) {
      const c = CASES.find((x) => x.name === name);
      if (r.compute_s) r.gflop_per_s = (flopsPerSample(c) * TRAIN_SAMPLES) / r.compute_s / 1e9;
    }
  }
  results.offsite_requests = offsite;
  results.ratios = ratios(results);

  const text = table(results);
  console.log(text);
  if (offsite.length) {
    console.log(`\nWARNING: ${offsite.length} request(s) tried to leave loopback (blocked): ${offsite[0]}`);
  }
  const out = path.resolve(ROOT, opts.out);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(process.cwd(), out)}`);
}

main().catch((err) => {
  console.error(`bench: ${err.stack || err}`);
  process.exit(1);
});
