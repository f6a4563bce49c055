// Browser tests: serves the built page (scripts/serve.py on a free port), drives headless Chromium
// (SwiftShader WebGL2) through playwright-core and runs every tests/web/test_*.mjs.
// Usage: node tests/web/run.mjs --web build/web --out build/test-artifacts [--only substring]
//          [--timeout MS]   (the per-test hang guard, default 300000; a test may ask for more)
//          [--slow]         (also the tests marked slow, e.g. the sketch set: minutes each;
//                            without it they are listed as not run, never counted as passed)
//
// Tests wait on state and events, never on time: the per-test timeout only stops a test that hangs
// (a page that froze, a condition that never comes), so it is set far above any run's duration on
// a busy machine (`make test-load`). Playwright's own action and navigation timeouts are off.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium, startServer } from '../../scripts/browser.mjs';
import { waiting } from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');

function parseArgs(argv) {
  const args = { web: 'build/web', out: 'build/test-artifacts', only: '', timeout: 300000, slow: false };
  for (let i = 0; i < argv.length; ++i) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--web') args.web = next();
    else if (a === '--out') args.out = next();
    else if (a === '--only') args.only = next();
    else if (a === '--timeout') args.timeout = Number(next());
    else if (a === '--slow') args.slow = true;
    else throw new Error(`unknown argument ${a} (use --web DIR --out DIR [--only NAME] [--timeout MS] [--slow])`);
  }
  args.web = path.resolve(args.web);
  args.out = path.resolve(args.out);
  return args;
}

// The hang guard: rejects if `promise` has not settled after `ms`, saying what the test waited for.
function hangGuard(promise, ms) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => {
        const s = waiting.last;
        const last = s && JSON.stringify({ ready: s.ready, error: s.error, frame: s.frame,
          training: s.training, history: s.history && s.history.length });
        reject(new Error(`hung: no result after ${ms / 1000} s` +
          (waiting.what ? ` while waiting for ${waiting.what}; last state ${last}` : '')));
      }, ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(args.web, 'index.html'))) {
    throw new Error(`${args.web}/index.html not found: build the page first (make build)`);
  }
  fs.mkdirSync(args.out, { recursive: true });

  const files = fs.readdirSync(here).filter((f) => /^test_.*\.mjs$/.test(f)).sort();
  const tests = [];
  for (const f of files) {
    const mod = await import(pathToFileURL(path.join(here, f)).href);
    for (const t of mod.tests || []) tests.push({ file: f, ...t });
  }
  const matching = tests.filter((t) => !args.only || t.name.includes(args.only));
  const selected = matching.filter((t) => args.slow || !t.slow);
  const notRun = matching.filter((t) => !selected.includes(t));
  for (const t of notRun) console.log(`not run (slow; run with --slow): ${t.name}`);

  const server = await startServer(args.web);
  const { url } = server;
  let browser = null;
  let passed = 0;
  let failed = 0;
  try {
    browser = await launchChromium();
    for (const t of selected) {
      // A browser that went away (crashed, or killed by another process) fails the test it ran;
      // the next test gets a new one.
      if (browser.gone()) {
        console.log('browser tests: Chromium went away; starting a new one for the remaining tests');
        await browser.close();
        browser = await launchChromium();
      }
      const started = Date.now();
      const page = await browser.context.newPage();
      page.setDefaultTimeout(0);  // no per-action deadline: the hang guard is the only one
      page.setDefaultNavigationTimeout(0);
      waiting.what = null;
      waiting.last = null;
      if (t.viewport) await page.setViewportSize(t.viewport);
      const errors = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
      const notes = [];
      const ctx = {
        page, url, out: args.out, web: args.web, note: (s) => notes.push(s),
        expectedErrors: [],  // regexps of console errors this test provokes on purpose
      };
      let failure = null;
      try {
        await hangGuard(t.run(ctx), Math.max(t.timeout || 0, args.timeout));
        const unexpected = errors.filter((e) => !ctx.expectedErrors.some((re) => re.test(e)));
        if (unexpected.length) failure = `console errors: ${unexpected.slice(0, 5).join(' | ')}`;
      } catch (e) {
        failure = e && e.message ? e.message : String(e);
      }
      if (failure && /has been closed/.test(failure) && !browser.gone()) {  // let the close event arrive
        await hangGuard(new Promise((resolve) => browser.context.once('close', resolve)), 5000).catch(() => {});
      }
      if (browser.gone()) {
        // Playwright sometimes appends the browser's whole log: keep only how the process ended.
        const exit = /process did exit: [^>]*/.exec(failure || '');
        failure = `${(failure || 'passed').split('\n')[0]}; Chromium went away during the test ` +
          `(it crashed or was killed${exit ? `: ${exit[0]}` : ''})`;
      }
      // (A page that hung may not answer: the clean-up gets its own guard.)
      if (failure) {
        await hangGuard(page.screenshot({ path: path.join(args.out, `FAILED-${t.name.replace(/[^\w-]+/g, '_')}.png`) }),
          60000).catch(() => {});
      }
      // Each test starts without a saved model or settings (the profile is shared by all tests).
      await hangGuard(page.evaluate(() => {
        if (window.fmnist) window.fmnist.reset();
        localStorage.clear();
      }), 60000).catch(() => {});
      await page.close().catch(() => {});
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      const extra = notes.length ? ` (${notes.join('; ')})` : '';
      if (failure) {
        ++failed;
        console.log(`FAIL ${t.name} [${secs} s]: ${failure}${extra}`);
      } else {
        ++passed;
        console.log(`ok   ${t.name} [${secs} s]${extra}`);
      }
    }
  } finally {
    if (browser) await browser.close();
    await server.stop();
  }
  console.log(`browser tests: ${passed} passed, ${failed} failed` +
    (notRun.length ? `, ${notRun.length} slow not run (--slow)` : ''));
  return failed === 0 && selected.length > 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (e) => {
  console.error(`browser tests: ${e.message}`);
  console.log('browser tests: 0 passed, 1 failed');
  process.exit(1);
});
