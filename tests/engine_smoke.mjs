// Engine smoke run in a real browser: serves a web build folder (engine.js/.wasm, engine-nosimd.*,
// worker.js, fashion-mnist-14.bin) with a tiny static server that sends the page's CSP as a header
// (worker-src 'self', no eval), opens a minimal page in headless Chromium (playwright-core), starts
// `new Worker('worker.js')`, loads the 14×14 bundle, trains and prints the events' timeline: epoch
// wall time (page clock, between events) against the engine's compute, pause latency, the page's
// longest animation-frame gap while the worker trains, and the crash path.
// With --cli PATH it also trains the same MLP run with the native `fmnist train --save` and checks
// that the worker's exported model file is the same, byte for byte.
// Usage: node tests/engine_smoke.mjs [--web build/web] [--epochs 1] [--cli build/fmnist]
//                                    [--chromium /usr/bin/chromium]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const args = { web: 'build/web', epochs: 1, cli: '', chromium: process.env.CHROMIUM || '/usr/bin/chromium' };
for (let i = 2; i < process.argv.length; ++i) {
  const a = process.argv[i];
  const next = () => process.argv[++i];
  if (a === '--web') args.web = next();
  else if (a === '--epochs') args.epochs = Number(next());
  else if (a === '--chromium') args.chromium = next();
  else if (a === '--cli') args.cli = next();
  else throw new Error(`unknown argument ${a} (use --web DIR --epochs N --cli PATH --chromium PATH)`);
}
const web = path.resolve(args.web);
for (const f of ['worker.js', 'engine.js', 'engine.wasm', 'engine-nosimd.js', 'fashion-mnist-14.bin']) {
  if (!fs.existsSync(path.join(web, f))) {
    throw new Error(`${web}/${f} is missing: build the engine targets and copy assets/fashion-mnist-14.bin there`);
  }
}

// The page's CSP with the worker allowed, as a header so that it binds the worker's scripts too.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>engine smoke</title>
<script src="engine-smoke.js"></script></head><body>engine smoke</body></html>`;

// Runs in the page (a served file, so the CSP applies to it): workers, events, frame gaps.
const PAGE_JS = `'use strict';
const smoke = { runs: [], frames: [], bundle: null };
(function tick(t) { smoke.frames.push(t); requestAnimationFrame(tick); })(performance.now());
window.engineSmoke = {
  async open(simd) {
    if (!smoke.bundle) {
      const res = await fetch('fashion-mnist-14.bin');
      const stream = res.body.pipeThrough(new DecompressionStream('gzip'));
      smoke.bundle = await new Response(stream).arrayBuffer();
    }
    const run = { worker: new Worker('worker.js'), events: [], waiters: [] };
    run.worker.onmessage = (e) => {
      const ev = { t: performance.now(), text: e.data.text,
                   bytes: e.data.payload ? e.data.payload.byteLength : 0 };
      if (ev.text.startsWith('exported ')) run.exported = new Uint8Array(e.data.payload);
      run.events.push(ev);
      run.waiters = run.waiters.filter((w) => !w(ev));
    };
    run.worker.onerror = (e) => run.events.push({ t: performance.now(), text: 'onerror ' + e.message, bytes: 0 });
    run.worker.postMessage({ text: 'init simd=' + (simd ? 1 : 0) });
    smoke.runs.push(run);
    return smoke.runs.length - 1;
  },
  // Posts a command (with a copy of the bundle, transferred, when asked); returns its page time.
  send(id, text, withBundle) {
    const run = smoke.runs[id];
    const t = performance.now();
    if (withBundle) {
      const copy = smoke.bundle.slice(0);
      run.worker.postMessage({ text, payload: copy }, [copy]);
    } else {
      run.worker.postMessage({ text, payload: null });
    }
    return t;
  },
  // Resolves with the first event of this type at or after index \`from\`.
  waitFor(id, type, from, timeoutMs) {
    const run = smoke.runs[id];
    const match = (ev) => ev.text === type || ev.text.startsWith(type + ' ');
    const found = run.events.slice(from).find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for ' + type)), timeoutMs);
      run.waiters.push((ev) => { if (!match(ev)) return false; clearTimeout(timer); resolve(ev); return true; });
    });
  },
  events(id) { return smoke.runs[id].events; },
  exported(id) {  // the last exported model file, base64
    let s = '';
    for (const b of smoke.runs[id].exported || []) s += String.fromCharCode(b);
    return btoa(s);
  },
  count(id) { return smoke.runs[id].events.length; },
  terminate(id) { smoke.runs[id].worker.terminate(); },
  // The longest gap between two animation frames in [t0, t1] (ms), and the frame count.
  frames(t0, t1) {
    const f = smoke.frames.filter((t) => t >= t0 && t <= t1);
    let gap = 0;
    for (let i = 1; i < f.length; ++i) gap = Math.max(gap, f[i] - f[i - 1]);
    return { gap, count: f.length };
  },
};`;

const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html',
  '.bin': 'application/octet-stream', '.css': 'text/css' };

function serve(dir) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const headers = { 'Content-Security-Policy': CSP, 'Cache-Control': 'no-store' };
    if (url.pathname === '/' || url.pathname === '/engine-smoke.html') {
      res.writeHead(200, { ...headers, 'Content-Type': 'text/html' });
      return res.end(PAGE);
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204, headers);
      return res.end();
    }
    if (url.pathname === '/engine-smoke.js') {
      res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' });
      return res.end(PAGE_JS);
    }
    const file = path.join(dir, path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, headers);
      return res.end('not found');
    }
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const field = (text, key) => {
  const m = text.match(new RegExp(`[ &]${key}=([^&]*)`));
  return m ? decodeURIComponent(m[1]) : undefined;
};
const typeOf = (text) => text.split(' ')[0];
const short = (text) => (text.length > 150 ? text.slice(0, 147) + '...' : text);

async function main() {
  const server = await serve(web);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-smoke-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: args.chromium, headless: true, viewport: { width: 800, height: 600 },
    args: ['--no-sandbox', '--disable-gpu', '--use-gl=swiftshader', '--enable-unsafe-swiftshader',
      '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const failures = [];
  const check = (ok, what) => { if (!ok) failures.push(what); };
  try {
    const page = context.pages()[0] || await context.newPage();
    const consoleErrors = [];
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    await page.goto(base + 'engine-smoke.html');
    console.log(`Chromium ${context.browser() ? context.browser().version() : ''} at ${base}`);

    for (const simd of [true, false]) {
      const label = simd ? 'engine.js (SIMD)' : 'engine-nosimd.js';
      const t0 = await page.evaluate(() => performance.now());
      const id = await page.evaluate((s) => window.engineSmoke.open(s), simd);
      const ready = await page.evaluate((i) => window.engineSmoke.waitFor(i, 'ready', 0, 30000), id);
      const tLoad = await page.evaluate((i) => window.engineSmoke.send(i, 'load_data side=14', true), id);
      const loaded = await page.evaluate((i) => window.engineSmoke.waitFor(i, 'data_loaded', 0, 30000), id);
      const from = await page.evaluate((i) => window.engineSmoke.count(i), id);
      const tTrain = await page.evaluate(([i, n]) => window.engineSmoke.send(i,
        `train model=softmax&opt=rmsprop&lr=0.001&batch=32&epochs=${n}&seed=42&side=14`, false), [id, args.epochs]);
      const done = await page.evaluate(([i, f]) => window.engineSmoke.waitFor(i, 'done', f, 120000), [id, from]);
      const frames = await page.evaluate(([a, b]) => window.engineSmoke.frames(a, b), [tTrain, done.t]);
      const events = (await page.evaluate((i) => window.engineSmoke.events(i), id)).slice(from);

      console.log(`\n=== ${label}: softmax 14×14, RMSprop 1e-3, batch 32, ${args.epochs} epoch(s), seed 42`);
      console.log(`worker start → ready ${(ready.t - t0).toFixed(0)} ms; load_data (4-bit bundle, gunzipped, ` +
        `transferred) → data_loaded ${(loaded.t - tLoad).toFixed(0)} ms: ${short(loaded.text)}`);
      const counts = {};
      for (const e of events) counts[typeOf(e.text)] = (counts[typeOf(e.text)] || 0) + 1;
      console.log('events:', JSON.stringify(counts));
      console.log('timeline (ms after `train` was posted; progress/weights elided, their count above):');
      let shownProgress = 0;
      for (const e of events) {
        const type = typeOf(e.text);
        if (type === 'progress' || type === 'weights') {
          if (shownProgress++ > 2 && !/phase=(validating|testing|done)/.test(e.text)) continue;
        }
        if (type === 'hardest' || type === 'confusion') continue;
        console.log(`  ${(e.t - tTrain).toFixed(1).padStart(8)}  ${short(e.text)}${e.bytes ? `  [${e.bytes} B]` : ''}`);
      }
      let prevT = tTrain;
      let prevCompute = 0;
      for (const e of events.filter((x) => typeOf(x.text) === 'epoch')) {
        const compute = Number(field(e.text, 'train_compute_s'));
        const all = Number(field(e.text, 'compute_s'));
        const wall = (e.t - prevT) / 1000;
        console.log(`epoch ${field(e.text, 'epoch')}: wall ${wall.toFixed(4)} s (page clock, from the previous ` +
          `epoch event or the train command), minibatch compute ${(compute - prevCompute).toFixed(4)} s ` +
          `(all engine work ${all.toFixed(4)} s) → wall/compute ${(wall / (compute - prevCompute)).toFixed(2)}×; ` +
          `val_acc ${field(e.text, 'val_acc')}`);
        prevT = e.t;
        prevCompute = compute;
      }
      console.log(`done: test_acc ${field(done.text, 'test_acc')}, train → done ${(done.t - tTrain).toFixed(0)} ms; ` +
        `page animation frames meanwhile: ${frames.count}, longest gap ${frames.gap.toFixed(1)} ms`);
      check(events.some((e) => typeOf(e.text) === 'epoch'), `${label}: no epoch event`);
      check(Number(field(done.text, 'test_acc')) > 0.7, `${label}: test accuracy too low`);

      // Pause latency on a longer run (MLP 100 at 14×14): pause 150 ms in, ack, stays still, resume.
      const from2 = await page.evaluate((i) => window.engineSmoke.count(i), id);
      await page.evaluate((i) => window.engineSmoke.send(i,
        'train model=mlp&hidden=100&opt=adam&lr=0.001&batch=32&epochs=2&seed=42&side=14', false), id);
      await page.waitForTimeout(150);
      const tPause = await page.evaluate((i) => window.engineSmoke.send(i, 'pause', false), id);
      const paused = await page.evaluate(([i, f]) => window.engineSmoke.waitFor(i, 'paused', f, 10000), [id, from2]);
      await page.waitForTimeout(300);
      const after = (await page.evaluate((i) => window.engineSmoke.events(i), id)).filter((e) => e.t > paused.t);
      console.log(`pause: acknowledged ${(paused.t - tPause).toFixed(1)} ms after it was posted, ` +
        `samples_seen ${field(paused.text, 'samples_seen')}; events in the 300 ms after: ${after.length}`);
      check(after.length === 0, `${label}: events after the pause ack`);
      const from3 = await page.evaluate((i) => window.engineSmoke.count(i), id);
      await page.evaluate((i) => window.engineSmoke.send(i, 'resume', false), id);
      const done2 = await page.evaluate(([i, f]) => window.engineSmoke.waitFor(i, 'done', f, 120000), [id, from3]);
      const mlpEpochs = (await page.evaluate((i) => window.engineSmoke.events(i), id)).slice(from2)
        .filter((e) => typeOf(e.text) === 'epoch');
      const last = mlpEpochs[mlpEpochs.length - 1];
      console.log(`MLP 100 Adam 14×14, 2 epochs: minibatch compute ${field(last.text, 'train_compute_s')} s, ` +
        `test_acc ${field(done2.text, 'test_acc')}`);

      // Export: the model file comes back as a transferred payload.
      const from4 = await page.evaluate((i) => window.engineSmoke.count(i), id);
      await page.evaluate((i) => window.engineSmoke.send(i, 'export', false), id);
      const exported = await page.evaluate(([i, f]) => window.engineSmoke.waitFor(i, 'exported', f, 10000), [id, from4]);
      console.log(`export: ${short(exported.text)} [${exported.bytes} B]`);
      check(exported.bytes > 0, `${label}: empty export`);
      if (args.cli) {
        const file = Buffer.from(await page.evaluate((i) => window.engineSmoke.exported(i), id), 'base64');
        const out = path.join(profile, 'cli.fmnist');
        const r = spawnSync(args.cli, ['train', '--bundle', path.join(web, 'fashion-mnist-14.bin'),
          '--model', 'mlp:100', '--optimizer', 'adam', '--lr', '0.001', '--batch', '32', '--epochs', '2',
          '--seed', '42', '--side', '14', '--save', out], { encoding: 'utf8' });
        const same = r.status === 0 && Buffer.compare(fs.readFileSync(out), file) === 0;
        console.log(`fmnist train --save (native CLI, same settings): ${r.status === 0 ? '' : 'FAILED ' + r.stderr}` +
          `model file ${same ? 'identical, byte for byte,' : 'DIFFERENT from'} the worker's export ` +
          `(which had a pause and resume in the middle)`);
        check(same, `${label}: exported model differs from the CLI's`);
      }

      // Pace: the lesson's default run (softmax 14×14, 5 epochs) at Full, then at Watch (spread
      // over about 10 s): wall times printed; the same model file either way, and Watch's progress
      // events all along the run (about 10 a second).
      if (simd) {
        const paced = {};
        for (const pace of ['full', 'watch']) {
          const f = await page.evaluate((i) => window.engineSmoke.count(i), id);
          const t = await page.evaluate(([i, p]) => window.engineSmoke.send(i,
            `train model=softmax&opt=rmsprop&lr=0.001&batch=32&epochs=5&seed=42&side=14&pace=${p}`, false), [id, pace]);
          const d = await page.evaluate(([i, k]) => window.engineSmoke.waitFor(i, 'done', k, 120000), [id, f]);
          const evs = (await page.evaluate((i) => window.engineSmoke.events(i), id)).slice(f);
          const g = await page.evaluate((i) => window.engineSmoke.count(i), id);
          await page.evaluate((i) => window.engineSmoke.send(i, 'export', false), id);
          await page.evaluate(([i, k]) => window.engineSmoke.waitFor(i, 'exported', k, 10000), [id, g]);
          const file = await page.evaluate((i) => window.engineSmoke.exported(i), id);
          const progress = evs.filter((e) => typeOf(e.text) === 'progress' && e.t <= d.t).length;
          paced[pace] = { wall: d.t - t, progress, file };
          console.log(`pace ${pace}: train → done ${((d.t - t) / 1000).toFixed(2)} s, ${progress} progress ` +
            `events, test_acc ${field(d.text, 'test_acc')}`);
        }
        check(paced.watch.file === paced.full.file, 'Watch and Full exported different model files');
        check(paced.watch.progress >= 50, `Watch sent only ${paced.watch.progress} progress events`);
        check(paced.watch.wall > paced.full.wall, 'Watch was not slower than Full');
      }

      // The crash hook: the engine aborts, the worker reports it before dying.
      await page.evaluate((i) => window.engineSmoke.send(i, 'crash', false), id);
      const fatal = await page.evaluate(([i, f]) => window.engineSmoke.waitFor(i, 'fatal', f, 10000), [id, from4]);
      console.log(`crash: ${short(fatal.text)}`);
      check(/kind=abort/.test(fatal.text), `${label}: crash not reported as an abort`);
      await page.evaluate((i) => window.engineSmoke.terminate(i), id);
    }
    if (consoleErrors.length) console.log('console errors:', consoleErrors);
    check(consoleErrors.length === 0, 'console errors (CSP?)');
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
    server.close();
  }
  if (failures.length) {
    console.log('\nFAILED:', failures.join('; '));
    process.exit(1);
  }
  console.log('\nengine smoke: OK');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
