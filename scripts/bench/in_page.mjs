// Functions that run *inside* the page (page.evaluate serialises them): each must be self-contained,
// using only window.fmnist, requestAnimationFrame and performance.now(). performance.now() counts
// from navigation start, i.e. from "page open".

// From navigation start: wait for state().ready, start the first case, wait for its first training
// step (polled every millisecond).
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
  if (!window.fmnist.train(config)) return { error: `train() refused: ${window.fmnist.state().error}` };
  for (;;) {
    const s = window.fmnist.state();
    if (s.error) return { error: s.error };
    if (s.training.train_compute_s > 0) break;
    if (performance.now() > deadline) return { error: 'no training step within 60 s' };
    await sleep();
  }
  const firstStepMs = performance.now();
  window.fmnist.reset();
  return { ready_ms: readyMs, first_step_ms: firstStepMs };
}

// One training run, watched once per animation frame. The input size is set first (28 downloads
// its bundle: switchMs). Epoch boundaries are the frames in which a new history entry appears;
// compute is the growth of training.train_compute_s (the core's step() on minibatches, like the
// CLI's compute) between them, wall the time between those frames.
export async function watchRun({ config, epochs, side }) {
  const f = window.fmnist;
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const deadline = performance.now() + 600000;  // hang guard
  f.reset();
  let switchMs = null;
  if (f.state().dataset.side !== side) {
    const t0 = performance.now();
    if (!f.setInputSize(side)) return { error: `setInputSize(${side}) refused: ${f.state().error}` };
    for (let s = f.state(); s.dataset.side !== side || s.dataset.loading; s = f.state()) {
      if (s.error) return { error: s.error };
      if (performance.now() > deadline) return { error: `${side}×${side} bundle did not load` };
      await frame();
    }
    switchMs = performance.now() - t0;
  }
  if (!f.train(config)) return { error: `train() refused: ${f.state().error}` };
  // The clock starts at the frame before the first step is seen.
  let prev = await frame();
  let s;
  for (;;) {
    const now = await frame();
    s = f.state();
    if (s.error) return { error: s.error };
    if (s.training.train_compute_s > 0) break;
    if (now > deadline) return { error: 'training did not start' };
    prev = now;
  }
  const marks = [{ t: prev, compute_s: 0 }];
  const frameMs = [];
  const fps = [];     // the page's own counter
  const budget = [];  // the page's per-frame training budget
  let last = prev;
  while (s.history.length < epochs) {
    if (s.error || s.training.diverged) return { error: s.error || 'diverged' };
    if (!s.training.running) return { error: `training stopped after ${s.history.length} epochs` };
    const now = await frame();
    if (now > deadline) return { error: 'timeout' };
    frameMs.push(now - last);
    last = now;
    s = f.state();
    fps.push(s.fps);
    budget.push(s.training.budget_ms);
    while (marks.length <= s.history.length) {
      const h = s.history[marks.length - 1];
      marks.push({ t: now, compute_s: s.training.train_compute_s, val_acc: h.val_acc });
    }
  }
  f.reset();
  const history = marks.slice(1).map((m, i) => ({
    epoch: i + 1,
    compute_s: m.compute_s - marks[i].compute_s,
    wall_s: (m.t - marks[i].t) / 1000,
    val_acc: m.val_acc,
  }));
  return { history, frameMs, fps, budget, train: s.dataset.train, switchMs };
}

// Animation-frame intervals over `ms` milliseconds (the idle baseline for frame times).
export async function frameIntervals(ms) {
  const out = [];
  let last = await new Promise((r) => requestAnimationFrame(r));
  const end = last + ms;
  while (last < end) {
    const now = await new Promise((r) => requestAnimationFrame(r));
    out.push(now - last);
    last = now;
  }
  return out;
}
