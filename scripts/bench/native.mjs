// Runner (a) native: the CLI's own `bench` subcommand, one case per process (so a missing 28×28
// bundle costs only that case); its last stdout line is the JSON.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { caseNamed } from './cases.mjs';
import { othersMeter } from './cpu.mjs';
import { fmtS, log } from './format.mjs';
import { ROOT, bundlePath } from './site.mjs';

export function runNative(opts) {
  const cli = path.resolve(ROOT, opts.cli);
  if (!fs.existsSync(cli)) {
    return Object.fromEntries(opts.cases.map((n) => [n, { error: `n/a (${opts.cli} not built)` }]));
  }
  const results = {};
  for (const name of opts.cases) {
    // FMNIST_BUNDLE points the CLI at the very file the page and TF.js load.
    const env = { ...process.env, FMNIST_BUNDLE: bundlePath(opts, caseNamed(name).side) };
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
    results[name] = { epochs: c.epochs, compute_s: c.compute_s, wall_s: c.wall_s,
      samples_per_s: c.samples_per_s, val_acc: c.val_acc, others_cores: others() };
    log(`native ${name}: ${fmtS(c.compute_s)} s/epoch compute`);
  }
  return results;
}
