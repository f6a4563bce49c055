// Issue 18 §5: words that fit. The page records every text it had to shorten with "..." in the
// frame it drew (state().ui.clipped, from ui_util's fit_text: class names under the weight tiles
// and the samples, the canvas hint, the lesson's sample names), every ImGui widget whose label is
// wider than its button or which runs past its window's edge (ImGui's test-engine hooks,
// clip_tracker.cpp), a slider's or combo's text wider than its frame, and a panel whose content
// (plain text too) is wider than the panel, and confusion counts too wide for their cells. After a run, every panel is shown (each tab clicked
// with the mouse where the layout has tabs) and the About box opened at 1280x800, 800x600,
// 640x400 and 390x844, in English and Korean, with a screenshot of each; nothing may be cut. At
// 260 px, narrower than any layout is made for, the Training panel's buttons cannot fit: the
// tracker must say so (it is alive).
import path from 'node:path';
import { assert, handClick, openReady, rendered, trainAndWait, waitState } from './helpers.mjs';

const SIZES = [[1280, 800], [800, 600], [640, 400], [390, 844]];

export const tests = [
  {
    name: 'clipped: no text cut at 1280x800, 800x600, 640x400 and 390x844, English and Korean, every panel and About',
    async run({ page, url, out, note }) {
      await openReady(page, url);
      await trainAndWait(page, { epochs: 1 });
      const found = [];
      const seen = [];
      for (const lang of ['en', 'ko']) {
        await page.evaluate((l) => window.fmnist.applySettings(`lang=${l}`, 'hash'), lang);
        for (const [width, height] of SIZES) {
          await page.setViewportSize({ width, height });
          let s = await waitState(page, (x) => x.ui.panels && Object.keys(x.ui.panels).length > 0, 'the panels');
          s = await rendered(page, 3);
          const look = (where) => {
            seen.push(where);
            for (const t of s.ui.clipped) found.push(`${where}: "${t}"`);
            // The confusion matrix's counts (four digits on the diagonal) all drawn in their cells.
            if (s.ui.confusion_hidden_counts > 0) found.push(`${where}: ${s.ui.confusion_hidden_counts} confusion counts hidden`);
          };
          const tabs = Object.entries(s.ui.tabs || {});
          if (tabs.length === 0) {
            look(`${width}x${height} ${lang}`);
          } else {
            for (const [panel, r] of tabs) {
              const cur = (await rendered(page, 1)).ui.tabs[panel];
              await page.mouse.click((cur || r).x + (cur || r).w / 2, (cur || r).y + (cur || r).h / 2);
              s = await waitState(page, (x) => x.ui.panels[panel] !== undefined, `the ${panel} tab`);
              s = await rendered(page, 3);
              look(`${width}x${height} ${lang} ${panel}`);
            }
          }
          await page.screenshot({ path: path.join(out, `clipped-${width}x${height}-${lang}.png`) });
          s = await handClick(page, (x) => x.ui.about, 'the About menu item');
          s = await waitState(page, (x) => x.ui.about_open && x.ui.about_close, 'the About box');
          s = await rendered(page, 3);
          look(`${width}x${height} ${lang} About`);
          await page.screenshot({ path: path.join(out, `clipped-${width}x${height}-${lang}-about.png`) });
          await handClick(page, (x) => x.ui.about_close, 'the About box\'s Close button');
          await waitState(page, (x) => !x.ui.about_open, 'the About box to close');
        }
      }
      // The control: too narrow for the Training panel's row of four buttons.
      await page.setViewportSize({ width: 260, height: 600 });
      await rendered(page, 3);
      const narrow = await handClick(page, (x) => x.ui.tabs.training, 'the Training tab at 260 px');
      assert(narrow.ui.clipped.length > 0, 'at 260x600 nothing was reported cut: is the tracking alive?');
      note(`at 260x600: ${narrow.ui.clipped.slice(0, 3).join('; ')}`);
      note(`${seen.length} views looked at; ${found.length} cut texts`);
      assert(found.length === 0, `texts cut: ${found.join('; ')}`);
    },
  },
];
