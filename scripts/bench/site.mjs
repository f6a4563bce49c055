// The local site the browser runs read: build/web + the TF.js bench page (tests/bench) + TF.js's
// dist folders from node_modules, all symlinked into build/bench-site/.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// The page's bundle if the page is built, else the CLI's (make bundle) in assets/.
export function bundlePath(opts, side) {
  const name = `fashion-mnist-${side}.bin`;
  const inWeb = path.resolve(ROOT, opts.web, name);
  return fs.existsSync(inWeb) ? inWeb : path.join(ROOT, 'assets', name);
}

export function assembleSite(opts) {
  const site = path.resolve(ROOT, path.dirname(opts.out), 'bench-site');
  fs.rmSync(site, { recursive: true, force: true });
  fs.mkdirSync(site, { recursive: true });
  const link = (target, name) => {
    if (fs.existsSync(target) && !fs.existsSync(path.join(site, name))) fs.symlinkSync(target, path.join(site, name));
  };
  const web = path.resolve(ROOT, opts.web);
  if (fs.existsSync(web)) for (const entry of fs.readdirSync(web)) link(path.join(web, entry), entry);
  // TF.js reads the page's bundles; if the page isn't built yet, the CLI's assets/ copies do.
  for (const side of [14, 28]) link(bundlePath(opts, side), `fashion-mnist-${side}.bin`);
  link(path.join(ROOT, 'tests/bench'), 'bench');
  link(path.join(ROOT, 'node_modules/@tensorflow/tfjs/dist'), 'tfjs');
  link(path.join(ROOT, 'node_modules/@tensorflow/tfjs-backend-wasm/dist'), 'tfjs-wasm');
  return { dir: site, hasPage: fs.existsSync(path.join(web, 'index.html')) };
}
