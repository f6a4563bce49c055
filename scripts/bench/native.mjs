// Runner (a) native, one case per process (so a missing 28×28 bundle costs only that case):
// the dense cases through the CLI's own `bench` subcommand (median compute per epoch), the CNN
// cases through `fmnist train --json` (it has no `bench` case for them), whose seconds_per_epoch
// is the same compute: the time in step() while training. The last stdout line is the JSON.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { COMMON, TRAIN_SAMPLES, caseNamed } from './cases.mjs';
import { othersMeter } from './cpu.mjs';
import { fmtS, log } from './format.mjs';
import { ROOT, bundlePath } from './site.mjs';

// The CNNs' whole epochs are long (the book CNN: ~45 s): one epoch, two for cnn-small.
const cnnEpochs = (c) => (c.name === 'cnn-28' ? 1 : 2);

function command(c, opts) {
  const bundle = bundlePath(opts, c.side);
  if (!c.cnn) {
    // FMNIST_BUNDLE points the CLI at the very file the page and TF.js load.
    return { args: ['bench', '--json', '--epochs', String(opts.epochs), '--case', c.name],
      env: { ...process.env, FMNIST_BUNDLE: bundle } };
  }
  return { args: ['train', '--json', '--model', c.page.model, '--side', String(c.side), '--optimizer',
    c.page.optimizer, '--lr', String(COMMON.lr), '--batch', String(COMMON.batch), '--seed', String(COMMON.seed),
    '--epochs', String(cnnEpochs(c)), '--bundle', bundle], env: process.env };
}

export function runNative(opts) {
  const cli = path.resolve(ROOT, opts.cli);
  if (!fs.existsSync(cli)) {
    return Object.fromEntries(opts.cases.map((n) => [n, { error: `n/a (${opts.cli} not built)` }]));
  }
  const results = {};
  for (const name of opts.cases) {
    const c = caseNamed(name);
    const { args, env } = command(c, opts);
    const others = othersMeter();
    const run = spawnSync(cli, args, { cwd: ROOT, encoding: 'utf8', env, maxBuffer: 1 << 26 });
    const last = run.stdout.trim().split('\n').pop() || '';
    if (run.status !== 0 || !last.startsWith('{')) {
      results[name] = { error: (run.stderr || run.stdout || `exit ${run.status}`).trim().split('\n').pop() };
      log(`native ${name}: ${results[name].error}`);
      continue;
    }
    const j = JSON.parse(last);
    if (c.cnn) {
      // seconds_per_epoch: training compute over the epochs run (a mean, not a median).
      results[name] = { epochs: j.epochs_run, compute_s: j.seconds_per_epoch, wall_s: null,
        samples_per_s: TRAIN_SAMPLES / j.seconds_per_epoch, val_acc: j.val_acc, others_cores: others() };
    } else {
      const r = j.cases[0];
      // The CLI's wall_s is the time in every step() of the epoch: training plus validation.
      results[name] = { epochs: r.epochs, compute_s: r.compute_s, wall_s: r.wall_s,
        samples_per_s: r.samples_per_s, val_acc: r.val_acc, others_cores: others() };
    }
    log(`native ${name}: ${fmtS(results[name].compute_s)} s/epoch compute`);
  }
  return results;
}
