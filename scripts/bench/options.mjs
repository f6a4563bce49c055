// The command line of scripts/bench.mjs (see its header for the flags).
import { CASES, RUNNERS } from './cases.mjs';

// Page-level measurements after the cases, on the first window size only (issue 11 §4).
export const EXTRAS = ['train-to-test', 'lesson-cv', 'responsiveness', 'idle-cpu'];
const DEFAULT_VIEWPORTS = [{ width: 1280, height: 800 }, { width: 640, height: 400 }];

export const USAGE = `Usage: node scripts/bench.mjs [--cli build/fmnist] [--web build/web] [--out build/bench.json]
         [--epochs 3] [--tfjs-epochs 3] [--tfjs-loop minimize|fit] [--quick]
         [--cases ${CASES.map((c) => c.name).join(',')}]
         [--skip ${[...RUNNERS, ...EXTRAS].join(',')}]
         [--viewport 1280x800,640x400]   (browser windows: the page runs in each, in order;
                                          TF.js, the CNN cases and ${EXTRAS.join(', ')} in the first)
       node scripts/bench.mjs --table build/bench.json   (prints a saved run's table again)
       node scripts/bench.mjs --markdown build/bench.json   (its tables in Markdown, for the READMEs)
--quick: one TF.js epoch per case, no MLP on TF.js's cpu backend, 500 CNN samples on TF.js.`;

const parseViewport = (text) => {
  const m = /^(\d+)x(\d+)$/.exec(text);
  return m ? { width: Number(m[1]), height: Number(m[2]) } : null;
};

export function parseArgs(argv) {
  const fail = (msg) => {
    console.error(`bench: ${msg} (try --help)`);
    process.exit(2);
  };
  const opts = { cli: 'build/fmnist', web: 'build/web', out: 'build/bench.json', epochs: 3, tfjsEpochs: 3,
    tfjsLoop: 'minimize', quick: false, table: null, markdown: null, cases: CASES.map((c) => c.name), skip: [],
    viewports: DEFAULT_VIEWPORTS };
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
    else if (flag === '--markdown') opts.markdown = value();
    else if (flag === '--cases') opts.cases = value().split(',');
    else if (flag === '--skip') opts.skip = value().split(',');
    else if (flag === '--viewport' || flag === '--viewports') {
      opts.viewports = value().split(',').map(parseViewport);
      if (opts.viewports.some((v) => !v)) fail('--viewport takes WIDTHxHEIGHT[,WIDTHxHEIGHT…], e.g. 640x400');
    } else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else fail(`unknown flag ${flag}`);
  }
  for (const name of opts.cases) if (!CASES.some((c) => c.name === name)) fail(`unknown case ${name}`);
  for (const name of opts.skip) if (![...RUNNERS, ...EXTRAS].includes(name)) fail(`unknown runner ${name}`);
  if (!['minimize', 'fit'].includes(opts.tfjsLoop)) fail('--tfjs-loop is minimize or fit');
  if (![opts.epochs, opts.tfjsEpochs].every((n) => Number.isInteger(n) && n >= 1)) {
    fail('--epochs and --tfjs-epochs take a whole number ≥ 1');
  }
  return opts;
}

export const viewportName = (v) => `${v.width}x${v.height}`;
