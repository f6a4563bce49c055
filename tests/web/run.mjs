// Browser tests: serves the built page (scripts/serve.py on a free port), drives headless Chromium
// (SwiftShader WebGL2) through playwright-core and runs every tests/web/test_*.mjs.
// Usage: node tests/web/run.mjs --web build/web --out build/test-artifacts [--only substring]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');

function parseArgs(argv) {
  const args = { web: 'build/web', out: 'build/test-artifacts', only: '', timeout: 120000 };
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
    else throw new Error(`unknown argument ${a} (use --web DIR --out DIR [--only NAME])`);
  }
  args.web = path.resolve(args.web);
  args.out = path.resolve(args.out);
  return args;
}

// Starts scripts/serve.py on port 0 and resolves with {proc, url} once it printed its URL.
function startServer(webDir) {
  return new Promise((resolve, reject) => {
    const proc = spawn('python3', [path.join(root, 'scripts', 'serve.py'), '--dir', webDir, '--port', '0'],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 15000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/at (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, url: m[1] });
      }
    });
    proc.stderr.on('data', (d) => { err += d; });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}): ${err}`));
    });
  });
}

function stopServer(proc) {
  return new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
    proc.removeAllListeners('exit');
    proc.on('exit', () => resolve());
    proc.kill('SIGTERM');  // our own child, by its PID
    setTimeout(() => { if (proc.exitCode === null) proc.kill('SIGKILL'); }, 3000);
  });
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms); }),
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
  const selected = tests.filter((t) => !args.only || t.name.includes(args.only));

  const { proc, url } = await startServer(args.web);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'fmnist-chromium-'));
  let context = null;
  let passed = 0;
  let failed = 0;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1280, height: 800 },
      args: ['--no-sandbox', '--disable-gpu', '--use-gl=swiftshader', '--enable-unsafe-swiftshader',
        '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
    for (const page of context.pages()) await page.close();
    for (const t of selected) {
      const started = Date.now();
      const page = await context.newPage();
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
        await withTimeout(t.run(ctx), t.timeout || args.timeout, t.name);
        const unexpected = errors.filter((e) => !ctx.expectedErrors.some((re) => re.test(e)));
        if (unexpected.length) failure = `console errors: ${unexpected.slice(0, 5).join(' | ')}`;
      } catch (e) {
        failure = e && e.message ? e.message : String(e);
      }
      if (failure) {
        await page.screenshot({ path: path.join(args.out, `FAILED-${t.name.replace(/[^\w-]+/g, '_')}.png`) })
          .catch(() => {});
      }
      // Each test starts without a saved model or settings (the profile is shared by all tests).
      await page.evaluate(() => {
        if (window.fmnist) window.fmnist.reset();
        localStorage.clear();
      }).catch(() => {});
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
    if (context) await context.close().catch(() => {});
    await stopServer(proc);
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(`browser tests: ${passed} passed, ${failed} failed`);
  return failed === 0 && selected.length > 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (e) => {
  console.error(`browser tests: ${e.message}`);
  console.log('browser tests: 0 passed, 1 failed');
  process.exit(1);
});
