// Issue 11 §4: the page stays responsive while training. During an MLP 100 run at 28×28 in the
// worker, a real mouse stroke on the drawing canvas (Playwright's page.mouse from Node: Chromium
// gets real input events through its DevTools input domain, the page cannot tell them from a
// mouse), about 3 s at 60 moves a second, paced by the clock and not by the page's replies.
// Targets: input → presented frame showing it ≤ 50 ms at p95; ≥ 45 frames/s presented meanwhile.
//
// How "the presented frame that shows it" is found, per input event:
// 1. The page side (installProbe): each pointer event of the stroke, as the page gets it — its
//    creation time (event.timeStamp; each coalesced move's own) and when it was dispatched — and
//    each frame the app draws: the time of its one glClear (src/app/main.cpp clears once per drawn
//    frame; the wrapper only records the time). The app reads SDL's queued input at the start of
//    its frame, so the first drawn frame whose glClear comes after an event's dispatch holds it
//    (JS runs one task at a time: no event is dispatched in the middle of a frame).
// 2. The browser side: a Chromium trace (DevTools Tracing, category
//    disabled-by-default-devtools.timeline.frame). Each of the renderer's frames has a
//    PipelineReporter slice from its begin-frame to the presentation time the GPU process reports
//    (state STATE_PRESENTED_ALL/PARTIAL, or DROPPED); those that carried a main-thread update have
//    a `Commit` stage. A drawn frame is on screen with the first presented frame committed after
//    its glClear (the canvas keeps its last drawing, so a dropped frame's ink comes with the next).
// 3. One performance.mark() (user timing, in the trace too) puts both on the same clock.
// Latency = that presentation − the event's creation. Frame rate = presented frames with a
// main-thread update during the stroke (and how many of them had an app draw), per second.
//
// Not used: Chromium's own EventLatency slices. It ties an input event to a frame only when the
// event's handler itself asks for one; our handlers queue the event for a frame loop that already
// runs while training, so most moves' slices ended on the main thread with no frame at all.
import fs from 'node:fs';
import { COMMON } from './cases.mjs';
import { othersMeter } from './cpu.mjs';
import { log } from './format.mjs';
import { useSide } from './in_page.mjs';
import { chromiumMeter } from './procs.mjs';
import { median, quantile } from './stats.mjs';

const CATEGORIES = ['disabled-by-default-devtools.timeline.frame', 'blink.user_timing'];
const MOVE_HZ = 60;
const SYNC_MARK = 'bench-responsiveness-sync';

async function startTraining(config) {
  const f = window.fmnist;
  const log = window.__benchEngine;
  f.reset();
  f.clearCanvas();
  const from = log.events.length;
  if (!f.train(config)) return { error: `train() refused: ${f.state().error}` };
  try {
    // Well into the run: the second progress event with training in it.
    let n = 0;
    await log.until((e) => e.type === 'progress' && Number(e.fields.train_compute_s) > 0 && ++n >= 2, from, 120000,
      'training progress');
  } catch (e) {
    return { error: String(e.message || e) };
  }
  return { rect: f.state().canvas.rect };
}

// In the page: see 1. and 3. above. Returns what the probe saw when called as window.__benchProbe.end().
function installProbe(mark) {
  const p = { inputs: [], draws: [] };
  const proto = WebGL2RenderingContext.prototype;
  const clear = proto.clear;
  proto.clear = function clearAndRecord(mask) {
    p.draws.push(performance.now());
    return clear.call(this, mask);
  };
  const onInput = (e) => {
    if (!(e.buttons & 1)) return;  // the stroke only: the button is down
    const dispatched = performance.now();
    const raw = e.type === 'pointermove' && e.getCoalescedEvents ? e.getCoalescedEvents() : [];
    for (const c of raw.length ? raw : [e]) p.inputs.push({ created: c.timeStamp, dispatched, type: e.type });
  };
  const options = { capture: true, passive: true };
  addEventListener('pointerdown', onInput, options);
  addEventListener('pointermove', onInput, options);
  p.sync = performance.mark(mark).startTime;
  window.__benchProbe = {
    end() {
      proto.clear = clear;
      removeEventListener('pointerdown', onInput, options);
      removeEventListener('pointermove', onInput, options);
      const s = window.fmnist.state();
      return { ...p, frame: s.frame, ink: !s.canvas.empty, running: s.training.running };
    },
  };
  return window.fmnist.state().frame;
}

// Points of a loop across the middle of the canvas (fractions 0.2…0.8 of its side).
const strokePoint = (rect, i, n) => {
  const a = (2 * Math.PI * i) / n;
  return [rect.x + rect.w * (0.5 + 0.3 * Math.sin(a)), rect.y + rect.h * (0.5 + 0.3 * Math.sin(2 * a))];
};

async function stroke(page, rect, seconds) {
  const n = Math.round(seconds * MOVE_HZ);
  await page.mouse.move(...strokePoint(rect, 0, n));
  await page.mouse.down();
  const t0 = performance.now();
  const sent = [];
  for (let i = 1; i <= n; i++) {
    const due = t0 + (i * 1000) / MOVE_HZ;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    sent.push(page.mouse.move(...strokePoint(rect, i, n)));  // not awaited: the clock paces the moves
  }
  await Promise.all(sent);
  await page.mouse.up();
  return { moves: n + 1, seconds: (performance.now() - t0) / 1000 };
}

async function readTrace(cdp, handle) {
  const chunks = [];
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle, size: 1 << 20 });
    chunks.push(chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data);
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  const parsed = JSON.parse(chunks.join(''));
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

// The renderer's frames from the trace: {commit, presented} in µs of the trace clock, presented
// frames with a main-thread update only, in order.
function presentedMainFrames(events, pid) {
  const open = new Map();
  const frames = [];
  const sorted = events.filter((e) => e.pid === pid && e.id2).sort((a, b) => a.ts - b.ts);
  for (const e of sorted) {
    const key = e.id2.local ?? e.id2.global;
    if (e.name === 'PipelineReporter' && e.ph === 'b') open.set(key, { b: e, commit: null });
    else if (e.name === 'Commit' && e.ph === 'b' && open.has(key)) open.get(key).commit = e.ts;
    else if (e.name === 'PipelineReporter' && e.ph === 'e' && open.has(key)) {
      const f = open.get(key);
      open.delete(key);
      if (f.commit != null && /^STATE_PRESENTED/.test(f.b.args?.frame_reporter?.state || '')) {
        frames.push({ commit: f.commit, presented: e.ts });
      }
    }
  }
  return frames.sort((a, b) => a.commit - b.commit);
}

export function analyse(events, probe) {
  const mark = events.find((e) => e.name === SYNC_MARK);
  if (!mark) return { error: `no ${SYNC_MARK} user-timing mark in the trace` };
  const us = (pageMs) => pageMs * 1000 + (mark.ts - probe.sync * 1000);  // page clock → trace clock
  const frames = presentedMainFrames(events, mark.pid);
  if (!probe.inputs.length || !probe.draws.length || !frames.length) {
    return { error: `inputs ${probe.inputs.length}, app draws ${probe.draws.length}, presented frames ${frames.length}` };
  }
  const shownAt = (drawMs) => frames.find((f) => f.commit >= us(drawMs))?.presented ?? null;
  const latencies = [];
  const parts = { to_dispatch: [], to_draw: [], to_present: [] };  // where the latency goes
  let unseen = 0;
  for (const input of probe.inputs) {
    const draw = probe.draws.find((d) => d > input.dispatched);
    const shown = draw == null ? null : shownAt(draw);
    if (shown == null) {
      unseen++;
      continue;
    }
    latencies.push((shown - us(input.created)) / 1000);
    parts.to_dispatch.push(input.dispatched - input.created);
    parts.to_draw.push(draw - input.dispatched);
    parts.to_present.push((shown - us(draw)) / 1000);
  }
  const from = us(Math.min(...probe.inputs.map((i) => i.created)));
  const to = us(Math.max(...probe.inputs.map((i) => i.dispatched)));
  const during = frames.filter((f) => f.presented >= from && f.presented <= to);
  const drawsUs = probe.draws.map(us);
  const withDraw = during.filter((f) => {
    const prev = frames[frames.indexOf(f) - 1];
    return drawsUs.some((d) => d <= f.commit && (!prev || d > prev.commit));
  });
  const seconds = (to - from) / 1e6;
  return {
    inputs: probe.inputs.length,
    inputs_not_shown: unseen,  // the stroke's last events, if the trace ended before their frame
    latency_ms: latencies.length ? { median: median(latencies), p95: quantile(latencies, 0.95),
      max: Math.max(...latencies) } : null,
    // Medians: created → the page's handler, handler → the app's draw, draw → presentation.
    latency_parts_ms: Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, median(v)])),
    stroke_s: seconds,
    presented_frames: during.length,
    presented_fps: during.length / seconds,
    presented_with_app_draw: withDraw.length,
    app_draws_per_s: probe.draws.filter((d) => us(d) >= from && us(d) <= to).length / seconds,
  };
}

// traceFile: where the trace is kept (open it in Perfetto or chrome://tracing to look closer).
export async function responsiveness(context, page, { seconds = 3, traceFile = null } = {}) {
  const side = await page.evaluate(useSide, 28);
  if (side.error) return { error: side.error };
  const run = await page.evaluate(startTraining, { ...COMMON, model: 'mlp', hidden: [100], optimizer: 'adam',
    epochs: 100 });
  if (run.error) return { error: run.error };
  const cdp = await context.browser().newBrowserCDPSession();
  let result;
  try {
    await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream',
      traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' } });
    const frame0 = await page.evaluate(installProbe, SYNC_MARK);
    const others = othersMeter();
    const procs = chromiumMeter();
    const sent = await stroke(page, run.rect, seconds);
    const cpu = procs();
    const othersCores = others();
    // The last moves' frames presented before the trace ends: the app has drawn twice more.
    await page.evaluate(async () => {
      const f = window.fmnist;
      const until = f.state().frame + 2;
      const deadline = performance.now() + 30000;
      while (f.state().frame < until && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 100));
    });
    const probe = await page.evaluate(() => window.__benchProbe.end());
    const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    const { stream } = await complete;
    const trace = await readTrace(cdp, stream);
    if (traceFile) fs.writeFileSync(traceFile, JSON.stringify({ traceEvents: trace }));
    // No ink: the stroke went to something covering the canvas, and the figures mean nothing.
    const found = probe.ink ? analyse(trace, probe) : { error: 'the stroke left no ink on the drawing canvas' };
    result = { ...found, sent, app_frames_per_s_counter: (probe.frame - frame0) / sent.seconds,
      ink: probe.ink, training_throughout: probe.running, cpu, others_cores: othersCores, trace_file: traceFile };
  } finally {
    await cdp.detach().catch(() => {});
    await page.evaluate(() => window.fmnist.reset());
  }
  if (result.error) log(`responsiveness: ${result.error}`);
  else {
    log(`responsiveness: input → presented p95 ${result.latency_ms.p95.toFixed(1)} ms (${result.inputs} inputs), ` +
      `${result.presented_fps.toFixed(1)} fps presented while drawing`);
  }
  return result;
}
