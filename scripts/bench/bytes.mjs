// What a page downloads: every finished request's body size as received (the server doesn't
// compress), by kind, and the same bytes gzip -9'd (what a compressing server would send).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const KINDS = { '.wasm': 'wasm', '.js': 'js', '.mjs': 'js', '.bin': 'bundle', '.html': 'html', '.css': 'css',
  '.ttf': 'font', '.woff2': 'font' };

// Records the page's requests into the returned array as they finish.
export function recordBytes(page) {
  const files = [];
  page.on('requestfinished', async (request) => {
    const url = new URL(request.url());
    const kind = KINDS[path.extname(url.pathname)] || 'other';
    const { responseBodySize } = await request.sizes();
    const status = (await request.response())?.status() ?? 0;
    files.push({ path: decodeURIComponent(url.pathname), kind, bytes: responseBodySize, status });
  });
  return files;
}

// DevTools keeps no bodies over 10 MB, so the gzip -9 size is computed from the served file itself
// (after the timed runs, so compressing 40 MB doesn't compete with the browser for the cores).
const gzipSizes = new Map();
export function addGzipSizes(files, siteDir) {
  for (const f of files) {
    const file = path.join(siteDir, f.path.endsWith('/') ? `${f.path}index.html` : f.path);
    if (!gzipSizes.has(file)) {
      gzipSizes.set(file, fs.existsSync(file) ? zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length : null);
    }
    f.gzip9 = gzipSizes.get(file);
  }
  return files;
}

// Bytes per kind of the files that arrived (an HTTP error page is no file of the page's).
export function totals(allFiles) {
  const files = allFiles.filter((f) => f.status < 400);
  const byKind = Object.fromEntries(['wasm', 'js', 'html', 'css', 'font', 'bundle', 'other']
    .filter((k) => files.some((f) => f.kind === k)).map((k) => [k, null]));
  for (const f of files) {
    const t = (byKind[f.kind] ||= { bytes: 0, gzip9: 0 });
    t.bytes += f.bytes;
    t.gzip9 += f.gzip9 ?? f.bytes;
  }
  return byKind;
}
