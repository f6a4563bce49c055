#!/usr/bin/env node
// `make bench`: the same training work timed three ways in one run — (a) the native CLI,
// (b) our WASM through the real page (window.fmnist) in headless Chromium, (c) TensorFlow.js 4.22
// (wasm and cpu backends) in the same Chromium on the same bundle and split — then a table on
// stdout and everything in JSON. Figures only: nothing here passes or fails on a time.
// `--help` prints the flags (scripts/bench/options.mjs); tests/bench/README.md explains the figures.
//
// One job per file in scripts/bench/: cases (the work), options (the command line), cpu (the
// machine and how busy others kept it), site (what is served), native / page / tfjs (the runners;
// in_page holds the functions evaluated in the page), bytes (download sizes), stats, report.
// The static server and Chromium come from scripts/browser.mjs, shared with the browser tests.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium, startServer } from './browser.mjs';
import { addGzipSizes, totals } from './bench/bytes.mjs';
import { CASES, COMMON, TRAIN_SAMPLES, VAL_SAMPLES, caseNamed, gflopPerEpoch } from './bench/cases.mjs';
import { machine } from './bench/cpu.mjs';
import { runNative } from './bench/native.mjs';
import { parseArgs } from './bench/options.mjs';
import { runPage } from './bench/page.mjs';
import { ratios, table } from './bench/report.mjs';
import { ROOT, assembleSite } from './bench/site.mjs';
import { runTfjs } from './bench/tfjs.mjs';

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.table) {
    console.log(table(JSON.parse(fs.readFileSync(opts.table, 'utf8'))));
    return;
  }
  const results = {
    date: new Date().toISOString(),
    machine: machine(),
    commit: spawnSync('git', ['describe', '--always', '--dirty'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim(),
    options: opts,
    work: { ...COMMON, train: TRAIN_SAMPLES, val: VAL_SAMPLES, split: 'holdout_split(60000, 0.2, 42)',
      gflop_per_epoch: Object.fromEntries(CASES.map((c) => [c.name, gflopPerEpoch(c)])) },
    runs: {},
  };
  const want = (runner) => !opts.skip.includes(runner);

  // Native first and alone: the browser would compete for the cores.
  if (want('native')) results.runs.native = runNative(opts);

  const site = assembleSite(opts);
  const server = await startServer(site.dir);
  let browser = null;
  const offsite = [];
  try {
    browser = await launchChromium({ viewport: opts.viewport });
    results.browser = browser.version;
    // The browser resolves no host but 127.0.0.1; any request that tried to leave is listed.
    browser.context.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith('data:') && !['127.0.0.1', 'localhost'].includes(new URL(url).hostname)) offsite.push(url);
    });
    if (want('wasm')) {
      if (site.hasPage) {
        const { cases, ...page } = await runPage(browser.context, server.url, opts);
        results.runs.wasm = cases;
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
      const tfjs = await runTfjs(browser.context, server.url, backend, opts);
      results.runs[`tfjs-${backend}`] = tfjs.cases;
      if (tfjs.bytes && !results.tfjs_bytes) results.tfjs_bytes = totals(addGzipSizes(tfjs.bytes, site.dir));
    }
  } finally {
    if (browser) await browser.close();
    await server.stop();
  }
  results.machine.loadavg_end = os.loadavg();
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

main().catch((err) => {
  console.error(`bench: ${err.stack || err}`);
  process.exit(1);
});
