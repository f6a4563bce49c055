// Functions that run *inside* the page (page.evaluate serialises them): each must be self-contained,
// using only window.fmnist, window.__benchEngine (engine_log.mjs) and performance.now(), which
// counts from navigation start, i.e. from "page open". None of them asks for animation frames: the
// page draws only when something changed, and a benchmark that polled once per frame would make it
// draw (and cost it) what a user's page never draws.

// From navigation start: wait for state().ready (polled every few ms), start the first case, and
// take the time the page receives the engine's first progress event with training compute in it
// (the worker's first minibatch step).
export async function pageOpenToFirstStep(config) {
  const sleep = () => new Promise((r) => setTimeout(r, 1));
  const deadline = performance.now() + 60000;  // a hang guard: a benchmark reports, never waits forever
  for (;;) {
    const s = window.fmnist && window.fmnist.state();  // api.js may not have run yet
    if (s && s.error) return { error: `page error: ${s.error}` };
    if (s && s.ready) break;
    if (performance.now() > deadline) return { error: 'page not ready after 60 s' };
    await sleep();
  }
  const readyMs = performance.now();
  const log = window.__benchEngine;
  const from = log.events.length;
  if (!window.fmnist.train(config)) return { error: `train() refused: ${window.fmnist.state().error}` };
  try {
    const step = await log.until((e) => e.type === 'fatal' || e.type === 'error' || (e.type === 'progress' &&
      Number(e.fields.train_compute_s) > 0), from, 60000, 'training step');
    if (step.type !== 'progress') return { error: `engine ${step.type}: ${JSON.stringify(step.fields).slice(0, 300)}` };
    const engineReady = log.events.find((e) => e.type === 'ready');
    window.fmnist.reset();
    return { ready_ms: readyMs, first_step_ms: step.t, engine_ready_ms: engineReady ? engineReady.t : null };
  } catch (e) {
    return { error: String(e.message || e) };
  }
}

// Sets the input size (28 downloads its bundle) and waits until both the page and the engine have
// that side's data; returns the milliseconds it took, or null if it was already there.
export async function useSide(side) {
  const f = window.fmnist;
  const log = window.__benchEngine;
  const loaded = (e) => e.type === 'data_loaded' && Number(e.fields.side) === side;
  if (f.state().dataset.side === side && log.events.some(loaded)) return { ms: null };
  const t0 = performance.now();
  const from = log.events.length;
  if (!f.setInputSize(side)) return { error: `setInputSize(${side}) refused: ${f.state().error}` };
  try {
    if (!log.events.some(loaded)) await log.until(loaded, from, 300000, `${side}×${side} data in the engine`);
  } catch (e) {
    return { error: String(e.message || e) };
  }
  for (let s = f.state(); s.dataset.side !== side || s.dataset.loading; s = f.state()) {
    if (s.error) return { error: s.error };
    await new Promise((r) => setTimeout(r, 20));
  }
  return { ms: performance.now() - t0 };
}

// One training run: train(config) → `epochs` epoch-end events, or (samples) until a progress event
// has seen that many samples. Per epoch: wall = the time between two epoch-end events (the first
// from the train() call), compute = the growth of the engine's train_compute_s between them (time in
// the core's step() on minibatches, like the CLI's compute). Frames = the page's own frame counter.
export async function watchRun({ config, epochs, samples }) {
  const f = window.fmnist;
  const log = window.__benchEngine;
  f.reset();
  const from = log.events.length;
  const frame0 = f.state().frame;
  const t0 = performance.now();
  if (!f.train(config)) return { error: `train() refused: ${f.state().error}` };
  const bad = (e) => ['fatal', 'diverged', 'error'].includes(e.type);  // error: a refused command
  const enough = samples
    ? (e) => e.type === 'progress' && Number(e.fields.samples_seen) >= samples
    : (e) => e.type === 'epoch' && Number(e.fields.epoch) >= epochs;
  let end;
  try {
    end = await log.until((e) => bad(e) || enough(e), from, 900000, 'end of the measured training');
  } catch (e) {
    f.reset();
    return { error: String(e.message || e) };
  }
  const t1 = performance.now();
  const s = f.state();
  f.reset();
  if (bad(end)) return { error: `${end.type}: ${JSON.stringify(end.fields).slice(0, 300)}` };
  const run = log.events.slice(from);
  const started = run.find((e) => e.type === 'started');
  // engine_s: all the trainer's work in the epoch (compute_s: training and validation).
  let prev = { t: t0, train: 0, all: 0 };
  const history = run.filter((e) => e.type === 'epoch').map((e) => {
    const now = { t: e.t, train: Number(e.fields.train_compute_s), all: Number(e.fields.compute_s) };
    const h = { epoch: Number(e.fields.epoch), compute_s: now.train - prev.train, engine_s: now.all - prev.all,
      wall_s: (now.t - prev.t) / 1000, val_acc: Number(e.fields.val_acc) };
    prev = now;
    return h;
  });
  return {
    history,
    // The progress event that ended a partial run: compute and samples so far, and when it came.
    partial: samples ? { samples: Number(end.fields.samples_seen), train_compute_s: Number(end.fields.train_compute_s),
      wall_s: (end.t - t0) / 1000 } : null,
    train: started ? Number(started.fields.train) : s.dataset.train,
    frames: s.frame - frame0,
    seconds: (t1 - t0) / 1000,
  };
}
