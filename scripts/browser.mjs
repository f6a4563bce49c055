// The static server and headless Chromium, shared by the browser tests (tests/web/run.mjs) and the
// benchmark (scripts/bench.mjs), so both serve and browse the same way:
// - startServer(dir): scripts/serve.py on a free loopback port;
// - launchChromium(viewport): a persistent context in a fresh profile, `$CHROMIUM` or
//   /usr/bin/chromium, SwiftShader WebGL2, every host but 127.0.0.1 unresolvable (nothing can leave
//   the machine, even by accident); close() also removes the profile.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const chromiumPath = () => process.env.CHROMIUM || '/usr/bin/chromium';

// Headless Chromium without a GPU: WebGL2 on SwiftShader (playwright adds --headless itself).
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--use-gl=swiftshader',
  '--enable-unsafe-swiftshader', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

// Starts scripts/serve.py on port 0; resolves with {url, stop} once it printed its URL.
// `stop()` ends it (SIGTERM, SIGKILL if it lingers) and resolves when it has exited.
export function startServer(dir) {
  const proc = spawn('python3', [path.join(root, 'scripts', 'serve.py'), '--dir', dir, '--port', '0'],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = () => new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
    proc.removeAllListeners('exit');
    proc.on('exit', () => resolve());
    proc.kill('SIGTERM');  // our own child, by its PID
    setTimeout(() => { if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL'); }, 3000);
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/at (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) resolve({ url: m[1], stop });
    });
    proc.stderr.on('data', (d) => { err += d; });
    proc.on('error', (e) => reject(new Error(`cannot start serve.py: ${e.message}`)));
    proc.on('exit', (code) => reject(new Error(`serve.py exited (${code}): ${err.trim()}`)));
  });
}

// A persistent context (one profile for all its pages) in a fresh temporary profile.
// Returns {context, version, close, gone}; close() closes the browser and removes the profile;
// gone() is true once the browser closed on its own (it crashed or was killed from outside).
// backgrounding: Chromium throttles pages that are not in front, as a desktop browser does
// (Playwright turns that off by default; the background-tab test needs it on).
// contextOptions: more of Playwright's context options (a phone: hasTouch, isMobile, deviceScaleFactor).
export async function launchChromium({ viewport = { width: 1280, height: 800 }, backgrounding = false,
  contextOptions = {} } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'fmnist-chromium-'));
  const executablePath = chromiumPath();
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      ...contextOptions, executablePath, headless: true, viewport, args: CHROMIUM_ARGS,
      ignoreDefaultArgs: backgrounding ? ['--disable-renderer-backgrounding',
        '--disable-backgrounding-occluded-windows', '--disable-background-timer-throttling'] : [],
    });
  } catch (e) {
    fs.rmSync(profile, { recursive: true, force: true });
    throw e;
  }
  for (const page of context.pages()) await page.close();
  // A persistent context has no Browser object to ask, so the binary tells its version.
  const version = spawnSync(executablePath, ['--version'], { encoding: 'utf8' }).stdout?.trim() || null;
  let closing = false;
  let lost = false;
  context.on('close', () => {
    if (!closing) lost = true;
  });
  const close = async () => {
    closing = true;
    await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { context, version, close, gone: () => lost };
}
