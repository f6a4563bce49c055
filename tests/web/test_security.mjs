// Nothing leaves the page: index.html carries a Content-Security-Policy allowing only its own
// origin (plus 'wasm-unsafe-eval' for WebAssembly), has no inline script or style, and a session
// (load, train, predict, export, import) requests nothing from another origin and triggers no
// CSP violation.
import fs from 'node:fs';
import path from 'node:path';
import { assert, openReady, state, trainAndWait, frames } from './helpers.mjs';

export const tests = [
  {
    name: 'security: CSP meta, no inline code, no request to another origin, no CSP violation',
    async run({ page, url, web, note }) {
      // The static page: the policy and no inline script/style (they would need hashes).
      const html = fs.readFileSync(path.join(web, 'index.html'), 'utf8');
      const m = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
      assert(m, 'no CSP meta tag');
      const csp = m[1];
      const directive = (name) => (csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) || '');
      assert(directive('default-src') === "default-src 'self'", `default-src: ${directive('default-src')}`);
      assert(directive('script-src') === "script-src 'self' 'wasm-unsafe-eval'", `script-src: ${directive('script-src')}`);
      assert(!/'unsafe-inline'|'unsafe-eval'|\*|https?:/.test(csp), `policy too open: ${csp}`);
      assert(!/<script(?![^>]*\bsrc=)[^>]*>/i.test(html), 'inline <script> in index.html');
      assert(!/<style[\s>]/i.test(html) && !/\sstyle=/i.test(html), 'inline style in index.html');
      assert(!/\son[a-z]+=/i.test(html), 'inline event handler in index.html');

      const origin = new URL(url).origin;
      const requests = [];
      page.on('request', (r) => requests.push(r.url()));
      const violations = [];
      page.on('console', (msg) => {
        if (/Content Security Policy|Refused to (load|execute|apply|compile|connect)/i.test(msg.text())) violations.push(msg.text());
      });
      await page.addInitScript(() => {
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => {
          window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
        });
      });
      await openReady(page, url);
      await trainAndWait(page, { epochs: 1 });
      assert(await page.evaluate(() => window.fmnist.loadTestImage(1)), 'loadTestImage');
      await frames(page, 3);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.evaluate(() => window.fmnist.exportModel()),
      ]);
      const bytes = fs.readFileSync(await download.path());
      assert(await page.evaluate((a) => window.fmnist.importModel(new Uint8Array(a)), Array.from(bytes)), 'import');
      await page.mouse.move(640, 400);
      await frames(page, 10);
      const s = await state(page);
      assert(s.ready && s.error === null, `state ${s.error}`);

      const foreign = requests.filter((u) => {
        if (u.startsWith('data:')) return false;
        if (u.startsWith('blob:')) return !u.startsWith(`blob:${origin}/`);
        return new URL(u).origin !== origin;
      });
      assert(foreign.length === 0, `requests to other origins: ${foreign.join(', ')}`);
      const events = await page.evaluate(() => window.__cspViolations);
      assert(events.length === 0 && violations.length === 0, `CSP violations: ${[...events, ...violations].join(' | ')}`);
      const paths = [...new Set(requests.map((u) => (u.startsWith('blob:') ? 'blob:' : new URL(u).pathname)))];
      note(`${requests.length} requests, all to ${origin}: ${paths.join(' ')}`);
    },
  },
];
