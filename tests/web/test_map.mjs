// The Map mode of the Samples panel (issue 13 §2, §3, §5) through the page: an MLP trained for an
// epoch, Map chosen with the mouse; the validation set's map (12,000 dots) comes from the engine
// and its mean silhouette score (computed here from fmnist.mapPoints(), a stratified subsample)
// grows from epoch 1 to epoch 3 (+1 epoch twice); the nearest training images of correctly
// classified test images mostly share their class; a clicked neighbour is on the canvas (its own
// nearest image, at distance 0); a clicked dot is on the canvas (the drawing's dot lands on it);
// drawing moves the drawing's dot, each query's time printed. Screenshots: English 1280×800,
// Korean 1280×800 and 390×844.
import path from 'node:path';
import { assert, openReady, state, waitState, trainAndWait, stroke, handClick, rendered } from './helpers.mjs';

const TROUSER = [[0.3, 0.1], [0.7, 0.1], [0.68, 0.9], [0.55, 0.9], [0.5, 0.3], [0.45, 0.9], [0.32, 0.9], [0.3, 0.1]];

// Mean silhouette of [x, y, label] rows (every `step`-th row: O(n²)).
function silhouette(rows, step) {
  const pts = rows.filter((_, i) => i % step === 0);
  let total = 0;
  for (const [x, y, c] of pts) {
    const sum = new Array(10).fill(0), count = new Array(10).fill(0);
    for (const [u, v, d] of pts) {
      sum[d] += Math.hypot(x - u, y - v);
      count[d] += 1;
    }
    if (count[c] < 2) continue;
    const a = sum[c] / (count[c] - 1);
    let b = Infinity;
    for (let k = 0; k < 10; ++k) if (k !== c && count[k] > 0) b = Math.min(b, sum[k] / count[k]);
    total += (b - a) / Math.max(a, b);
  }
  return total / pts.length;
}

// The map's rows and its epoch, read together (a new map may come between two evaluate calls).
const mapNow = (page) => page.evaluate(() => ({ epoch: window.fmnist.state().explain.map.epoch, rows: window.fmnist.mapPoints() }));

// The neighbours once they answer for a new input: they differ from `before` (JSON).
const newNeighbours = (page, before, what) => waitState(page, (x) => x.explain.neighbours.length === 8 &&
  x.explain.neighbours_epoch === x.explain.map.epoch && JSON.stringify(x.explain.neighbours) !== before, what);

export const tests = [
  {
    name: 'map: the drawing\'s nearest images and the validation set\'s map, separating with epochs',
    async run({ page, url, out, note }) {
      const t0 = Date.now();
      await openReady(page, url);
      await trainAndWait(page, { epochs: 1, model: 'mlp', hidden: [100], optimizer: 'adam' });
      let s = await handClick(page, (x) => x.ui.samples.map_radio, 'the Map radio');
      s = await waitState(page, (x) => x.ui.samples.mode === 'map' && x.explain.map && x.explain.map.epoch === 1, 'the map of epoch 1');
      const m1 = s.explain.map;
      assert(m1.count === 12000 && m1.space === 'hidden' && m1.dim === 100 && m1.neighbour_set === 'train' &&
        m1.neighbour_space === 'hidden', `map ${JSON.stringify(m1)}`);
      note(`map of epoch 1 built in ${m1.wall_ms.toFixed(0)} ms after the epoch's end (${m1.compute_ms.toFixed(0)} ms computing)`);
      const first = await mapNow(page);
      assert(first.epoch === 1 && first.rows.length === 12000 && first.rows.every((r) => Number.isFinite(r[0]) && Number.isFinite(r[1])), 'map rows');
      const sil = [silhouette(first.rows, 8)];

      // Nearest training images of correctly classified test images share their class.
      let same = 0, total = 0, before = JSON.stringify(s.explain.neighbours);
      const ms = [];
      for (let i = 0, used = 0; used < 3 && i < 40; ++i) {
        await page.evaluate((k) => window.fmnist.loadTestImage(k), i);
        const label = await page.evaluate((k) => window.fmnist.testLabel(k), i);
        s = await newNeighbours(page, before, `the neighbours of test image ${i}`);
        before = JSON.stringify(s.explain.neighbours);
        if (s.canvas.top !== label) continue;
        ++used;
        ms.push(s.explain.query_ms);
        same += s.explain.neighbours.filter((n) => n.label === label).length;
        total += 8;
      }
      assert(total === 24 && same >= 0.75 * total, `neighbours sharing the class: ${same} of ${total}`);
      note(`neighbours sharing a correctly classified test image's class: ${same} of ${total}`);
      await page.screenshot({ path: path.join(out, 'map-en.png') });

      // A neighbour clicked: on the canvas, and its own nearest image at distance 0.
      const pickIndex = s.explain.neighbours[2].index;
      s = await handClick(page, (x) => x.ui.samples.map.cells[2], 'the third neighbour');
      s = await waitState(page, (x) => x.explain.neighbours.length === 8 && x.explain.neighbours[0].index === pickIndex &&
        x.explain.neighbours[0].distance < 1e-3, `training image ${pickIndex} as its own nearest`);
      before = JSON.stringify(s.explain.neighbours);

      // A dot clicked: the validation image under the pointer is on the canvas, and the drawing's
      // dot is where the map has it.
      const rows = (await mapNow(page)).rows;
      const mp = s.ui.samples.map;
      const screen = ([x, y]) => [mp.rect.x + mp.rect.w / 2 + (x - mp.cx) * mp.scale, mp.rect.y + mp.rect.h / 2 - (y - mp.cy) * mp.scale];
      const target = rows.findIndex((r) => {
        const [sx, sy] = screen(r);
        return sx > mp.rect.x + 20 && sx < mp.rect.x + mp.rect.w - 20 && sy > mp.rect.y + 20 && sy < mp.rect.y + mp.rect.h - 20;
      });
      const [tx, ty] = screen(rows[target]);
      await page.mouse.move(tx, ty);
      s = await waitState(page, (x) => x.ui.samples.map.hovered >= 0, 'a hovered dot');
      const hovered = s.ui.samples.map.hovered;
      s = await handClick(page, () => ({ x: tx - 1, y: ty - 1, w: 2, h: 2 }), `dot ${hovered}`);
      s = await newNeighbours(page, before, 'the neighbours of the clicked dot');
      const [hx, hy] = rows[hovered];
      const [px, py] = s.explain.sketch_point;
      const tol = 1e-3 * (1 + Math.abs(hx) + Math.abs(hy));
      assert(Math.abs(px - hx) < tol && Math.abs(py - hy) < tol, `dot ${hovered} at ${hx}, ${hy}; the drawing's at ${px}, ${py}`);

      // Drawing: the drawing's dot moves with each stroke.
      await page.evaluate(() => window.fmnist.clearCanvas());
      await stroke(page, s.canvas.rect, TROUSER);
      s = await waitState(page, (x) => x.explain.sketch_point !== null && x.canvas.strokes === 1 && x.explain.neighbours_epoch === 1 &&
        JSON.stringify(x.explain.neighbours) !== before, 'the trouser\'s dot');
      const p1 = JSON.stringify(s.explain.sketch_point);
      ms.push(s.explain.query_ms);
      await stroke(page, s.canvas.rect, [[0.1, 0.5], [0.9, 0.5]]);
      s = await waitState(page, (x) => x.canvas.strokes === 2 && x.explain.sketch_point && JSON.stringify(x.explain.sketch_point) !== p1, 'the dot after another stroke');
      ms.push(s.explain.query_ms);
      note(`neighbour query (48,000 × 100 bytes, engine): ${ms.map((v) => v.toFixed(1)).join(', ')} ms`);

      // Two more epochs: a map each, the classes further apart.
      for (const epoch of [2, 3]) {
        assert(await page.evaluate(() => window.fmnist.plusEpoch()), '+1 epoch refused');
        s = await waitState(page, (x) => x.explain.map && x.explain.map.epoch === epoch && !x.training.running, `the map of epoch ${epoch}`);
        const m = await mapNow(page);
        assert(m.epoch === epoch, `map epoch ${m.epoch}`);
        sil.push(silhouette(m.rows, 8));
        note(`map of epoch ${epoch} built in ${s.explain.map.wall_ms.toFixed(0)} ms (${s.explain.map.compute_ms.toFixed(0)} ms computing)`);
      }
      note(`silhouette of the validation map (1,500 dots) by epoch: ${sil.map((v) => v.toFixed(3)).join(', ')}`);
      assert(sil[2] > sil[0], `silhouette after 3 epochs ${sil[2]} not above after 1 ${sil[0]}`);
      await rendered(page, 3);
      await page.screenshot({ path: path.join(out, 'map-en-epoch3.png') });

      // Korean, wide and on a phone (the kept model comes back with the page).
      await openReady(page, `${url}#lang=ko`);
      await page.evaluate(() => window.fmnist.loadTestImage(0));
      s = await handClick(page, (x) => x.ui.samples.map_radio, 'the Map radio (ko)');
      s = await waitState(page, (x) => x.explain.map && x.explain.neighbours.length === 8 && x.explain.sketch_point, 'the map (ko)');
      await rendered(page, 3);
      await page.screenshot({ path: path.join(out, 'map-ko.png') });
      await page.setViewportSize({ width: 390, height: 844 });
      s = await waitState(page, (x) => x.ui.tabs && x.ui.tabs.samples, 'the phone layout');
      s = await handClick(page, (x) => x.ui.tabs.samples, 'the samples tab (ko)');
      s = await waitState(page, (x) => x.ui.samples.mode === 'map' && x.ui.samples.map.rect.w > 0, 'the map on a phone');
      await rendered(page, 3);
      await page.screenshot({ path: path.join(out, 'map-390x844-ko.png') });
      note(`test time ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    },
  },
];
