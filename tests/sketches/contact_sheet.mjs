// A contact sheet of the sketch set, to look at it: one row per class, the dev half then the test
// half, drawn on a 2D canvas in headless Chromium (scripts/browser.mjs), saved as a PNG.
// Usage: node tests/sketches/contact_sheet.mjs [OUT_PNG] [--width FRACTION] [--class N]
//   (default build/sketches.png; the line width as a fraction of a sketch's box, default 0.03;
//   the page's default brush is about 0.1 of a sketch drawn large, 0.2 of one drawn small;
//   --class: only that class, twice as large)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../scripts/browser.mjs';
import { loadSketches, CLASS_NAMES } from './sketches.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main() {
  const args = process.argv.slice(2);
  const wi = args.indexOf('--width');
  const width = wi >= 0 ? Number(args.splice(wi, 2)[1]) : 0.03;
  const ci = args.indexOf('--class');
  const only = ci >= 0 ? Number(args.splice(ci, 2)[1]) : null;
  const out = path.resolve(args[0] || path.join(root, 'build', 'sketches.png'));
  const sketches = loadSketches().filter((s) => only === null || s.class === only);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const names = CLASS_NAMES.map((n, c) => (only === null || c === only ? n : null));
  const cell = only === null ? 120 : 240, label = 14;
  const cols = Math.max(...names.map((_, c) => sketches.filter((s) => s.class === c).length));
  const w = 110 + cols * cell, h = names.filter((n) => n).length * (cell + label);
  const browser = await launchChromium({ viewport: { width: w, height: h } });
  try {
    const page = await browser.context.newPage();
    await page.setContent(`<body style="margin:0;background:#000"><canvas id="c" width="${w}" height="${h}"></canvas></body>`);
    await page.evaluate(({ sketches, names, cell, label, width, only }) => {
      const g = document.getElementById('c').getContext('2d');
      g.fillStyle = '#000';
      g.fillRect(0, 0, g.canvas.width, g.canvas.height);
      g.font = '11px sans-serif';
      names.filter((n) => n).forEach((name) => {
        const c = names.indexOf(name);
        const y0 = (only === null ? c : 0) * (cell + label);
        g.fillStyle = '#ccc';
        g.fillText(`${c} ${name}`, 4, y0 + cell / 2);
        sketches.filter((s) => s.class === c).forEach((s, i) => {
          const x0 = 110 + i * cell;
          g.lineWidth = 1;
          g.strokeStyle = s.half === 'dev' ? '#357' : '#753';
          g.strokeRect(x0 + 2, y0 + 2, cell - 4, cell - 4);
          g.fillStyle = '#aaa';
          g.fillText(`${s.name} (${s.half})`, x0 + 4, y0 + cell + 10);
          const box = cell - 8;
          g.lineCap = 'round';
          g.lineJoin = 'round';
          for (const st of s.strokes) {
            g.strokeStyle = st.erase ? '#000' : '#fff';
            g.lineWidth = (st.width || width) * box;
            g.beginPath();
            st.points.forEach(([x, y], k) => (k ? g.lineTo : g.moveTo).call(g, x0 + 4 + x * box, y0 + 4 + y * box));
            if (st.points.length === 1) g.lineTo(x0 + 4 + st.points[0][0] * box + 0.01, y0 + 4 + st.points[0][1] * box);
            g.stroke();
          }
        });
      });
    }, { sketches, names, cell, label, width, only });
    await page.screenshot({ path: out });
  } finally {
    await browser.close();
  }
  console.log(`contact sheet of ${sketches.length} sketches: ${out}`);
}

main().catch((e) => {
  console.error(`contact_sheet: ${e.message}`);
  process.exit(1);
});
