// Window and input edge cases: tiny and huge windows while training, device-pixel-ratio 2 (the
// canvas rectangle still maps to the drawing), strokes that start or end outside the canvas,
// very fast strokes, a hidden tab. No crash, no stuck state.
import path from 'node:path';
import { assert, openReady, state, waitState, trainAndWait, frames, rendered, stroke } from './helpers.mjs';

const sumProbs = (s) => s.canvas.probs.reduce((a, b) => a + b, 0);

export const tests = [
  {
    name: 'edge: tiny (200x150) and huge (2560x1600) windows while training',
    timeout: 600000,
    async run({ page, url, out, note }) {
      await openReady(page, url);
      assert(await page.evaluate(() => window.fmnist.train({ model: 'mlp', hidden: [256, 256], epochs: 50 })), 'train refused');
      await waitState(page, (x) => x.training.samples > 1000, 'progress');
      const layouts = [];
      for (const [w, h, layout] of [[200, 150, 'compact'], [2560, 1600, 'wide'], [320, 480, 'compact'], [1280, 800, 'wide']]) {
        await page.setViewportSize({ width: w, height: h });
        await frames(page, 6);
        const a = await state(page);
        assert(a.ready && a.error === null && a.layout === layout, `${w}x${h}: layout ${a.layout} error ${a.error}`);
        const b = await waitState(page, (x) => x.training.samples > a.training.samples, `training at ${w}x${h}`);
        const size = await page.evaluate(() => [document.getElementById('canvas').width, document.getElementById('canvas').height]);
        layouts.push(`${w}x${h}: ${b.layout}, ${b.fps} fps, canvas ${size.join('x')}`);
        if (w === 200 || w === 2560) await page.screenshot({ path: path.join(out, `edge-${w}x${h}.png`) });
      }
      note(layouts.join('; '));
      await page.evaluate(() => window.fmnist.reset());
    },
  },
  {
    name: 'edge: device pixel ratio 2, a stroke at state().canvas.rect lands on the canvas',
    async run({ page, url, out, note }) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 800, deviceScaleFactor: 2, mobile: false });
      await openReady(page, url);
      await trainAndWait(page, { epochs: 1 });
      await frames(page, 3);
      const s = await state(page);
      const r = s.canvas.rect;
      const dims = await page.evaluate(() => ({ dpr: devicePixelRatio, w: document.getElementById('canvas').width,
        cw: document.getElementById('canvas').getBoundingClientRect().width }));
      note(`dpr ${dims.dpr}, canvas backing ${dims.w} px for ${dims.cw} CSS px, rect ${JSON.stringify(r)}`);
      assert(dims.dpr === 2, `dpr ${dims.dpr}`);
      // Issue 16 §2: a device pixel per canvas pixel, and the glyphs rasterised at 2x (crisp, not magnified).
      assert(dims.w === Math.round(dims.cw * 2) && s.font.raster_scale === 2, `backing ${dims.w} for ${dims.cw} CSS px, glyphs at ${s.font.raster_scale}x`);
      assert(r.w >= 150 && r.x >= 0 && r.y >= 0 && r.x + r.w <= 1280 && r.y + r.h <= 800, `rect ${JSON.stringify(r)}`);
      assert(s.canvas.empty, 'canvas not empty at start');
      // A stroke entirely inside the middle third: must land (and not be clipped as outside).
      await stroke(page, r, [[0.35, 0.35], [0.65, 0.35], [0.65, 0.65], [0.35, 0.65], [0.35, 0.35]]);
      await frames(page, 3);
      const a = await state(page);
      assert(!a.canvas.empty && a.canvas.top !== null && Math.abs(sumProbs(a) - 1) < 1e-3, `stroke missed ${JSON.stringify(a.canvas)}`);
      await page.screenshot({ path: path.join(out, 'edge-dpr2-canvas.png'),
        clip: { x: a.ui.panels.canvas.x, y: a.ui.panels.canvas.y, width: a.ui.panels.canvas.w, height: a.ui.panels.canvas.h } });
      await cdp.send('Emulation.clearDeviceMetricsOverride');
    },
  },
  {
    name: 'edge: strokes from or to outside the canvas, very fast strokes, hidden tab',
    timeout: 600000,  // 80-90 s on a loaded machine: ~450 mouse events, each acknowledged by the page
    async run({ page, url }) {
      await openReady(page, url);
      await trainAndWait(page, { epochs: 1 });
      let s = await state(page);
      const r = s.canvas.rect;
      // Press outside (left of the canvas), drag in, release inside: not a stroke.
      await page.mouse.move(r.x - 6, r.y + r.h / 2);
      await page.mouse.down();
      await page.mouse.move(r.x + r.w / 2, r.y + r.h / 2, { steps: 8 });
      await page.mouse.up();
      await frames(page, 3);
      s = await state(page);
      assert(s.canvas.empty, 'a press outside the canvas drew on it');
      // Press inside, leave the canvas (and its panel), release far away: the stroke ends there.
      await page.mouse.move(r.x + r.w * 0.3, r.y + r.h * 0.3);
      await page.mouse.down();
      await page.mouse.move(r.x + r.w * 0.7, r.y + r.h * 0.7, { steps: 6 });
      await page.mouse.move(5, 795, { steps: 6 });
      await page.mouse.up();
      await frames(page, 3);
      const a = await state(page);
      assert(!a.canvas.empty && a.canvas.top !== null, 'the stroke did not draw');
      // Hovering across the canvas afterwards must not draw (no stuck stroke).
      await page.mouse.move(r.x + r.w * 0.1, r.y + r.h * 0.9, { steps: 10 });
      await page.mouse.move(r.x + r.w * 0.9, r.y + r.h * 0.1, { steps: 10 });
      await frames(page, 3);
      const b = await state(page);
      assert(b.canvas.probs.every((p, i) => p === a.canvas.probs[i]), 'hovering changed the drawing (stuck stroke)');

      // Very fast strokes: 400 jumps with no intermediate points and no frame in between.
      await page.evaluate(() => window.fmnist.clearCanvas());
      await page.mouse.move(r.x + r.w / 2, r.y + r.h / 2);
      await page.mouse.down();
      for (let i = 0; i < 400; ++i) {
        const u = (Math.sin(i * 1.7) + 1) / 2, v = (Math.cos(i * 2.3) + 1) / 2;
        await page.mouse.move(r.x + u * r.w, r.y + v * r.h);
      }
      await page.mouse.up();
      await frames(page, 3);
      const c = await state(page);
      assert(!c.canvas.empty && c.canvas.probs.every(Number.isFinite) && Math.abs(sumProbs(c) - 1) < 1e-3,
        `after fast strokes ${JSON.stringify(c.canvas)}`);
      // Several quick clicks (zero-length strokes) and a right-button drag: no crash.
      for (let i = 0; i < 20; ++i) await page.mouse.click(r.x + (i % 5) * r.w / 5 + 5, r.y + Math.floor(i / 5) * r.h / 4 + 5);
      await page.mouse.down({ button: 'right' });
      await page.mouse.move(r.x + 10, r.y + 10, { steps: 5 });
      await page.mouse.up({ button: 'right' });

      // Hidden tab while training: state says so, training goes on (it runs in the engine's
      // worker), nothing stuck when visible again.
      const setHidden = (hidden) => page.evaluate((h) => {
        Object.defineProperty(document, 'hidden', { value: h, configurable: true });
        Object.defineProperty(document, 'visibilityState', { value: h ? 'hidden' : 'visible', configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      }, hidden);
      assert(await page.evaluate(() => window.fmnist.train({ model: 'mlp', hidden: [256, 256], epochs: 50 })), 'train');
      await setHidden(true);
      const hidden = await waitState(page, (x) => x.training.hidden && x.training.samples > 0, 'hidden');
      await waitState(page, (x) => x.training.samples > hidden.training.samples, 'training while hidden');
      await setHidden(false);
      const d = await waitState(page, (x) => !x.training.hidden && x.training.running, 'visible');
      await waitState(page, (x) => x.training.samples > d.training.samples, 'progress after hidden');
      await page.evaluate(() => window.fmnist.clearCanvas());
      await stroke(page, r, [[0.3, 0.2], [0.7, 0.8]]);
      await frames(page, 3);
      assert(!(await state(page)).canvas.empty, 'drawing after the hidden tab failed');
      await page.evaluate(() => window.fmnist.reset());
    },
  },
];
