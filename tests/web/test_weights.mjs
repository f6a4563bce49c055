// Issue 18 §5: the Weights panel shows every hidden unit of an MLP, a page at a time, with
// readable labels, and hovering a tile shows it enlarged with its name. An MLP with 100 hidden
// units at 1280x800 (the panel's small corner) and 640x400 (its tab): the pager's arrows, clicked
// with the mouse, reach the last unit; a hovered tile is marked and its tooltip is up; no label cut.
import path from 'node:path';
import { assert, handClick, openReady, rendered, trainAndWait, waitState } from './helpers.mjs';

export const tests = [
  {
    name: 'weights: an MLP\'s 100 units all reachable page by page, hover enlarges one, no label cut (1280x800, 640x400)',
    async run({ page, url, out, note }) {
      await openReady(page, url);
      await trainAndWait(page, { model: 'mlp', hidden: [100], epochs: 1, optimizer: 'adam' });
      const seen = [];
      for (const [width, height] of [[1280, 800], [640, 400]]) {
        await page.setViewportSize({ width, height });
        let s = await rendered(page, 3);
        if (s.ui.tabs && s.ui.tabs.weights) s = await handClick(page, (x) => x.ui.tabs.weights, 'the Weights tab');
        s = await waitState(page, (x) => x.ui.weights.view === 'units', 'the units in the Weights panel');
        while (s.ui.weights.first > 0) {  // the page the last size left it on: back to the first
          const before = s.ui.weights.first;
          s = await handClick(page, (x) => x.ui.weights.prev, 'the weights pager\'s previous arrow');
          s = await waitState(page, (x) => x.ui.weights.first < before, 'the page before');
        }
        let w = s.ui.weights;
        assert(w.total === 100 && w.first === 0 && w.count > 0 && w.count < 100,
          `first page ${JSON.stringify(w)}`);
        assert(w.cell.size >= 36, `tiles of ${w.cell.size} px are too small to read`);
        assert(s.ui.clipped.length === 0, `cut at ${width}x${height}: ${s.ui.clipped.join('; ')}`);
        const perPage = w.count;
        // Hover the second tile: marked, its enlarged tooltip up.
        await page.mouse.move(w.cell.x + w.cell.step_x + w.cell.size / 2, w.cell.y + w.cell.size / 2);
        s = await waitState(page, (x) => x.ui.weights.hovered === 1 && x.ui.weights.tooltip, 'unit 2 hovered, its tooltip up');
        await page.screenshot({ path: path.join(out, `weights-hover-${width}x${height}.png`) });
        // Page by page with the mouse to the last unit.
        let pages = 1;
        while (w.first + w.count < w.total) {
          const before = w.first;
          s = await handClick(page, (x) => x.ui.weights.next, 'the weights pager\'s next arrow');
          s = await waitState(page, (x) => x.ui.weights.first > before, 'the next page of units');
          w = s.ui.weights;
          assert(w.first === before + perPage, `page from ${before} went to ${w.first} (${perPage} a page)`);
          assert(s.ui.clipped.length === 0, `cut on page ${pages + 1}: ${s.ui.clipped.join('; ')}`);
          ++pages;
        }
        assert(w.first + w.count === 100, `the last page ends at unit ${w.first + w.count}`);
        await page.screenshot({ path: path.join(out, `weights-last-${width}x${height}.png`) });
        // And back.
        s = await handClick(page, (x) => x.ui.weights.prev, 'the weights pager\'s previous arrow');
        s = await waitState(page, (x) => x.ui.weights.first === w.first - perPage, 'the page before');
        seen.push(`${width}x${height}: ${perPage} units a page of ${w.cell.size} px, ${pages} pages`);
      }
      note(seen.join('; '));
    },
  },
];
