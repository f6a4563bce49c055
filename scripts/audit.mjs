// `make audit`: Lighthouse (npm, pinned in package.json) on the built page in Debian's Chromium,
// headless, nothing fetched from outside. Prints the accessibility, best-practices and
// performance scores (0-100) and the failed audits of the first two, writes the full report to
// build/test-artifacts/lighthouse.json, and exits 1 when accessibility or best practices is
// below 95 (issue 16 §4). Performance is printed, not checked: Lighthouse's default mobile
// profile on a 2-core machine with software WebGL says more about the machine than the page.
// Usage: node scripts/audit.mjs [--web build/web] [--out build/test-artifacts] [--preset mobile|desktop]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_ARGS, chromiumPath, startServer } from './browser.mjs';

const args = { web: 'build/web', out: 'build/test-artifacts', preset: 'mobile' };
for (let i = 2; i < process.argv.length; ++i) {
  const a = process.argv[i];
  const v = process.argv[i + 1];
  if (a === '--web' && v) args.web = v, ++i;
  else if (a === '--out' && v) args.out = v, ++i;
  else if (a === '--preset' && (v === 'mobile' || v === 'desktop')) args.preset = v, ++i;
  else {
    console.error('usage: node scripts/audit.mjs [--web DIR] [--out DIR] [--preset mobile|desktop]');
    process.exit(2);
  }
}
const MIN = { accessibility: 95, 'best-practices': 95 };

const server = await startServer(path.resolve(args.web));
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'fmnist-lighthouse-'));
let chrome = null;
let code = 0;
try {
  chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(), userDataDir: profile,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
  const started = Date.now();
  const result = await lighthouse(server.url, {
    port: chrome.port, output: 'json', logLevel: 'error',
    onlyCategories: ['accessibility', 'best-practices', 'performance'],
  }, args.preset === 'desktop' ? desktopConfig : undefined);
  const lhr = result.lhr;
  fs.mkdirSync(args.out, { recursive: true });
  fs.writeFileSync(path.join(args.out, `lighthouse-${args.preset}.json`), result.report);
  console.log(`Lighthouse ${lhr.lighthouseVersion}, ${lhr.environment.hostUserAgent.match(/Chrome\/[\d.]+/)}, ` +
    `${args.preset} profile, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  for (const id of ['accessibility', 'best-practices', 'performance']) {
    const cat = lhr.categories[id];
    const score = Math.round(100 * (cat.score || 0));
    const bound = MIN[id];
    const verdict = bound === undefined ? '(reported)' : score >= bound ? `(>= ${bound}: ok)` : `(below ${bound})`;
    console.log(`  ${cat.title.padEnd(16)} ${String(score).padStart(3)} ${verdict}`);
    if (bound !== undefined && score < bound) code = 1;
    if (bound === undefined) continue;
    for (const ref of cat.auditRefs) {
      const a = lhr.audits[ref.id];
      if (ref.weight > 0 && a.score !== null && a.score < 1) console.log(`      failed: ${a.id}: ${a.title}`);
    }
  }
  const m = (id) => lhr.audits[id] && lhr.audits[id].displayValue;
  console.log(`  (first contentful paint ${m('first-contentful-paint')}, largest ${m('largest-contentful-paint')}, ` +
    `total blocking time ${m('total-blocking-time')}, CLS ${m('cumulative-layout-shift')})`);
} catch (e) {
  console.error(`audit: ${e.message}`);
  code = 2;
} finally {
  if (chrome) await chrome.kill();
  await server.stop();
  fs.rmSync(profile, { recursive: true, force: true });
}
process.exit(code);
