#!/usr/bin/env node
// `make bench`: the same training work timed three ways in one run — (a) the native CLI,
// (b) our WASM through the real page (window.fmnist, training in the engine's Web Worker) in
// headless Chromium, (c) TensorFlow.js 4.22 (wasm and cpu backends) in the same Chromium on the
// same bundle and split — then issue 11 §4's page figures (page wall/compute per epoch in a
// 1280×800 and a 640×400 window, train → test accuracy, the lesson's CV, responsiveness while
// drawing, idle CPU, open → first step) and issue 12 §5's CNN rows; a table on stdout and
// everything in JSON. Figures only: nothing here passes or fails on a time.
// `--help` prints the flags (scripts/bench/options.mjs); tests/bench/README.md explains the figures.
//
// One job per file in scripts/bench/: cases (the work), options (the command line), cpu (the
// machine and how busy others kept it), procs (where our Chromium's CPU goes), site (what is
// served), native / page / tfjs (the runners; in_page holds the functions evaluated in the page,
// engine_log times the engine's events as the page receives them), train_to_test, lesson_cv,
// responsiveness, idle_cpu (the page-level figures), bytes (download sizes), stats, report,
// markdown (a saved run's tables for the READMEs).
// The static server and Chromium come from scripts/browser.mjs, shared with the browser tests.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium, startServer } from './browser.mjs';
import { addGzipSizes, totals } from './bench/bytes.mjs';
import { CASES, COMMON, TRAIN_SAMPLES, VAL_SAMPLES, caseNamed, flopsPerSample, gflopPerEpoch } from './bench/cases.mjs';
import { machine } from './bench/cpu.mjs';
import { idleCpu } from './bench/idle_cpu.mjs';
import { lessonCv } from './bench/lesson_cv.mjs';
import { runNative } from './bench/native.mjs';
import { markdown } from './bench/markdown.mjs';
import { parseArgs, viewportName } from './bench/options.mjs';
import { runPage } from './bench/page.mjs';
import { ratios, table } from './bench/report.mjs';
import { responsiveness } from './bench/responsiveness.mjs';
import { ROOT, assembleSite } from './bench/site.mjs';
import { runTfjs } from './bench/tfjs.mjs';
import { trainToTest } from './bench/train_to_test.mjs';

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.table || opts.markdown) {
    const saved = JSON.parse(fs.readFileSync(opts.table || opts.markdown, 'utf8'));
    console.log(opts.table ? table(saved) : markdown(saved));
    return;
  }
  const results = {
    date: new Date().toISOString(),
    machine: machine(),
    commit: spawnSync('git', ['describe', '--always', '--dirty'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim(),
    options: opts,
    work: { ...COMMON, train: TRAIN_SAMPLES, val: VAL_SAMPLES, split: 'holdout_split(60000, 0.2, 42)',
      mflop_per_sample: Object.fromEntries(CASES.map((c) => [c.name, flopsPerSample(c) / 1e6])),
      gflop_per_epoch: Object.fromEntries(CASES.map((c) => [c.name, gflopPerEpoch(c)])) },
    runs: {},
    page: null,
  };
  const want = (step) => !opts.skip.includes(step);

  // Native first and alone: the browser would compete for the cores.
  if (want('native')) results.runs.native = runNative(opts);

  const site = assembleSite(opts);
  const server = await startServer(site.dir);
  const offsite = [];
  try {
    for (const [i, viewport] of opts.viewports.entries()) {
      const browser = await launchChromium({ viewport });
      try {
        results.browser ||= browser.version;
        // The browser resolves no host but 127.0.0.1; any request that tried to leave is listed.
        browser.context.on('request', (r) => {
          const url = r.url();
          if (!url.startsWith('data:') && !['127.0.0.1', 'localhost'].includes(new URL(url).hostname)) offsite.push(url);
        });
        if (want('wasm') && site.hasPage) await pageRuns(results, browser.context, server.url, opts, i);
        else if (want('wasm') && i === 0) {
          results.runs.wasm = Object.fromEntries(opts.cases.map((n) => [n, { error: `n/a (${opts.web} not built)` }]));
        }
        for (const backend of ['wasm', 'cpu']) {
          if (i > 0 || !want(`tfjs-${backend}`)) continue;
          const tfjs = await runTfjs(browser.context, server.url, backend, opts);
          results.runs[`tfjs-${backend}`] = tfjs.cases;
          if (tfjs.bytes && !results.tfjs_bytes) results.tfjs_bytes = totals(addGzipSizes(tfjs.bytes, site.dir));
        }
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.stop();
  }
  results.machine.loadavg_end = os.loadavg();
  if (results.page?.bytes) {
    // gzip -9 of 40 MB takes seconds: after the timed runs, so it competes with none of them.
    const { startupFiles, files } = results.page.bytes;
    addGzipSizes(files, site.dir);
    results.page.bytes = { startup_bytes: totals(startupFiles), all_bytes: totals(files), files };
  }
  for (const runs of Object.values(results.runs)) {
    for (const [name, r] of Object.entries(runs)) {
      if (r.compute_s) r.gflop_per_s = gflopPerEpoch(caseNamed(name)) / r.compute_s;
    }
  }
  results.offsite_requests = offsite;
  results.ratios = ratios(results);

  console.log(table(results));
  if (offsite.length) {
    console.log(`\nWARNING: ${offsite.length} request(s) tried to leave loopback (blocked): ${offsite[0]}`);
  }
  const out = path.resolve(ROOT, opts.out);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(process.cwd(), out)}`);
}

// The page in one window: its cases (all of them in the first window, the dense ones in the
// others), and in the first window the page-level figures, on the same page.
async function pageRuns(results, context, baseUrl, opts, index) {
  const want = (step) => !opts.skip.includes(step);
  const vp = viewportName(opts.viewports[index]);
  const { page, cases, load, console_errors: errors } = await runPage(context, baseUrl, opts, { withCnn: index === 0 });
  const { startupFiles, files, ...times } = load;
  results.page ||= { viewports: {} };
  results.page.viewports[vp] = { load: times, cases, console_errors: errors };
  if (index > 0) {
    await page.close();
    return;
  }
  results.runs.wasm = cases;
  results.page.bytes = { startupFiles, files };  // sized after the timed runs (main)
  if (!load.error) {
    // The stroke first: the lesson's panel, once opened, may cover the drawing canvas.
    if (want('responsiveness')) {
      const traceFile = path.join(path.dirname(path.resolve(ROOT, opts.out)), 'bench-responsiveness-trace.json');
      results.page.responsiveness = await responsiveness(context, page, { traceFile });
    }
    if (want('train-to-test')) results.page.train_to_test = await trainToTest(page);
    if (want('lesson-cv')) results.page.lesson_cv = await lessonCv(page);
    if (want('idle-cpu')) {
      results.page.idle_cpu = await idleCpu(context, baseUrl, page);
      return;
    }
  }
  await page.close();
}

main().catch((err) => {
  console.error(`bench: ${err.stack || err}`);
  process.exit(1);
});
