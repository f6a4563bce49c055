// The command line of scripts/bench.mjs (see its header for the flags).
import { CASES, RUNNERS } from './cases.mjs';

export const USAGE = `Usage: node scripts/bench.mjs [--cli build/fmnist] [--web build/web] [--out build/bench.json]
         [--epochs 3] [--tfjs-epochs 3] [--tfjs-loop minimize|fit] [--quick]
         [--cases softmax-14,softmax-28,mlp100-28] [--skip native,wasm,tfjs-wasm,tfjs-cpu]
         [--viewport 1280x800]   (the browser window; the software renderer's cost grows with it)
       node scripts/bench.mjs --table build/bench.json   (prints a saved run's table again)
--quick: one TF.js epoch per case and no MLP on TF.js's cpu backend (about a minute on its own).`;

export function parseArgs(argv) {
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
    } else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
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
