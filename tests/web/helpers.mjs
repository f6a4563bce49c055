// Shared helpers for the browser tests: waiting on window.fmnist.state(), frames, training runs,
// screenshots of a panel, and small assertions with readable messages.
//
// Nothing here waits for a fixed time or gives up after one: a helper returns when the state or the
// event it waits for arrives. The only deadline is the harness's per-test hang guard (run.mjs),
// whose message says what the test was waiting for (`waiting`).
import path from 'node:path';

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

export const state = (page) => page.evaluate(() => window.fmnist.state());

// What the running test is waiting for and the last state it saw (for the hang guard's message).
export const waiting = { what: null, last: null };

// Polls state() until pred(state) is true; returns that state.
export async function waitState(page, pred, what) {
  waiting.what = what;
  for (;;) {
    const s = await state(page);
    waiting.last = s;
    if (pred(s)) {
      waiting.what = null;
      return s;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));  // the polling interval
  }
}

// Loads the page and waits until the overlay runs with the data.
export async function openReady(page, url) {
  await page.goto(url);
  const s = await waitState(page, (x) => x.ready || x.error, 'ready');
  assert(s.ready && !s.error, `page not ready: error ${JSON.stringify(s.error)}`);
  return s;
}

// Resolves after the browser has run `n` more animation frames (the overlay draws in each).
export function frames(page, n = 2) {
  return page.evaluate((count) => new Promise((resolve) => {
    let left = count;
    const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  }), n);
}

// Resolves once the overlay itself has drawn `n` more frames (state().frame): the proof that the
// page did not freeze, whatever the machine's speed. A frozen page never gets here (hang guard).
// The page draws only when something changed, so the frames are asked for (fmnist._requestFrames).
export async function rendered(page, n = 3) {
  const f0 = (await state(page)).frame;
  await page.evaluate((count) => window.fmnist._requestFrames(count), n);
  return waitState(page, (x) => x.frame >= f0 + n, `${n} more frames drawn by the overlay`);
}

// Clicks what `pick(state)` locates, as a hand does: the pointer moves there and the overlay
// draws (hover), then a press and a release with drawn frames between (ImGui 1.86 keeps one mouse
// state per frame, so Playwright's click, a press and release a few ms apart, can be lost). The
// rectangle is read again after the hover and the move repeated if the layout moved meanwhile (a
// stale rectangle clicks whatever took its place). Resolves with the state after the click.
export async function handClick(page, pick, what) {
  let s = await rendered(page, 2);
  for (let attempt = 0; attempt < 5; ++attempt) {
    const r = pick(s);
    assert(r && r.w > 0 && r.h > 0, `${what} has no rectangle: ${JSON.stringify(r)}`);
    await page.mouse.move(r.x + r.w / 2, r.y + r.h / 2);
    s = await rendered(page, 2);
    const now = pick(s);
    if (now && now.x === r.x && now.y === r.y && now.w === r.w && now.h === r.h) {
      await page.mouse.down();
      await rendered(page, 2);
      await page.mouse.up();
      return rendered(page, 3);
    }
  }
  throw new Error(`${what} kept moving under the pointer`);
}

// Presses a key as a hand does: down, drawn frames, up (see handClick: ImGui 1.86 can lose a press
// and release in one frame).
export async function handPress(page, key) {
  await page.keyboard.down(key);
  await rendered(page, 2);
  await page.keyboard.up(key);
  return rendered(page, 3);
}

// The epochs of history in the model the page keeps in localStorage (model file version 4, or 5
// for a corrected model: the history's count follows the class names; see
// src/core/model_file.cpp), -1 when none is kept.
export function savedEpochs(page) {
  return page.evaluate(() => {
    const text = localStorage.getItem('fmnist.model.v1');
    if (!text) return -1;
    const b = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
    const v = new DataView(b.buffer);
    if (v.getUint32(4, true) !== 4 && v.getUint32(4, true) !== 5) return -1;
    let at = 24 + 16 * v.getUint32(20, true) + 30;  // the layers, then kind … validation accuracy
    at += 4 + v.getUint32(at, true);                 // the class names
    return v.getUint32(at, true);
  });
}

// Starts a run and waits for it to finish (not running, `epochs` history entries; without
// `epochs` in the options, e.g. the defaults or a preset: not running and a test accuracy).
// train() returning true means state().training.running is already true (checked in the same
// task: the engine's events may arrive between two evaluate calls, and a short run may be over).
export async function trainAndWait(page, options) {
  const [ok, running] = await page.evaluate((o) => {
    const accepted = window.fmnist.train(o);
    return [accepted, window.fmnist.state().training.running];
  }, options);
  assert(ok, `train(${JSON.stringify(options)}) refused: ${(await state(page)).error}`);
  assert(running, 'training.running is not true right after train()');
  if (options.epochs === undefined) {
    return waitState(page, (x) => !x.training.running && x.history.length > 0 && x.test_acc !== null,
      `the end of the run train(${JSON.stringify(options)})`);
  }
  return waitState(page, (x) => !x.training.running && x.history.length === options.epochs &&
    x.test_acc !== null, `${options.epochs} epochs`);
}

export async function shotPanel(page, out, name, panel) {
  const s = await state(page);
  const r = s.ui.panels[panel];
  assert(r && r.w > 0 && r.h > 0, `panel ${panel} has no rectangle`);
  await page.screenshot({ path: path.join(out, `${name}.png`),
    clip: { x: r.x, y: r.y, width: r.w, height: r.h } });
}

// A mouse stroke through `points`, given as fractions (u, v) of `rect` (e.g. state().canvas.rect);
// each segment is `steps` mouse moves.
export async function stroke(page, rect, points, steps = 6) {
  const at = ([u, v]) => [rect.x + u * rect.w, rect.y + v * rect.h];
  const [x0, y0] = at(points[0]);
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (const p of points.slice(1)) {
    const [x, y] = at(p);
    await page.mouse.move(x, y, { steps });
  }
  await page.mouse.up();
}
