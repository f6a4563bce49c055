// Paste a picture (issue 15 §1, with issue 16's keyboard decision): SDL has the keyboard on the
// canvas, which has the focus from the start; Ctrl+V with a PNG on the system clipboard classifies
// it like a dropped file, Ctrl+V with text only changes nothing, and the C shortcut still reaches
// the app afterwards. The clipboard is the real one: headless Chromium writes an image/png
// ClipboardItem (clipboard permissions granted) and Ctrl+V is a real key press, so the browser
// itself fires the paste event.
import path from 'node:path';
import { assert, openReady, state, waitState, trainAndWait, rendered } from './helpers.mjs';

// Puts `what` on the clipboard from inside the page: a 200×160 PNG (a light shape on black) or text.
function writeClipboard(page, what) {
  return page.evaluate(async (kind) => {
    let item;
    if (kind === 'image') {
      const c = document.createElement('canvas');
      c.width = 200;
      c.height = 160;
      const g = c.getContext('2d');
      g.fillStyle = '#000';
      g.fillRect(0, 0, 200, 160);
      g.fillStyle = '#ddd';
      g.fillRect(60, 20, 80, 120);  // a tall light block, off-centre enough to need cropping
      g.fillRect(40, 20, 120, 30);
      const blob = await new Promise((resolve) => c.toBlob(resolve, 'image/png'));
      item = new ClipboardItem({ 'image/png': blob });
    } else {
      item = new ClipboardItem({ 'text/plain': new Blob(['0.05'], { type: 'text/plain' }) });
    }
    await navigator.clipboard.write([item]);
    const back = await navigator.clipboard.read();
    return back.length > 0 ? back[0].types : [];
  }, what);
}

export const tests = [
  {
    name: 'paste: Ctrl+V with a PNG on the clipboard classifies it; text is ignored; C still clears',
    async run({ page, url, out }) {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
      await openReady(page, url);
      await trainAndWait(page, { epochs: 1 });
      const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
      assert(focused === 'canvas', `the canvas does not have the keyboard at start: ${focused}`);

      // Text only: no picture, nothing happens (no error, the canvas stays empty).
      const textTypes = await writeClipboard(page, 'text');
      assert(textTypes.includes('text/plain'), `text not on the clipboard: ${textTypes}`);
      await page.keyboard.press('Control+V');
      await rendered(page, 3);
      let s = await state(page);
      assert(!s.error && s.canvas.empty, `a text paste changed something: ${s.error} ${JSON.stringify(s.canvas.top)}`);

      // A picture: classified as if dropped.
      const imageTypes = await writeClipboard(page, 'image');
      assert(imageTypes.includes('image/png'), `image not on the clipboard: ${imageTypes}`);
      await page.keyboard.press('Control+V');
      s = await waitState(page, (x) => x.error || (!x.canvas.empty && x.canvas.top !== null), 'the pasted picture classified');
      assert(!s.error, `paste refused: ${s.error}`);
      await page.screenshot({ path: path.join(out, 'paste-classified.png') });

      // The page's shortcut still reaches SDL on the canvas.
      await page.keyboard.press('c');
      await waitState(page, (x) => x.canvas.empty, 'C clears the canvas after the paste');
    },
  },
];
