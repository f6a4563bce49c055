// Medians and frame-time statistics; per-epoch figures → the summary every runner reports.
export const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length === 0 ? null : s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const quantile = (v, q) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(q * v.length))];

// Medians over epochs, so a slow first epoch doesn't count.
export function summarise(history, trainCount) {
  const compute = median(history.map((h) => h.compute_s));
  return {
    epochs: history.length,
    compute_s: compute,
    wall_s: median(history.map((h) => h.wall_s)),
    samples_per_s: compute ? trainCount / compute : null,
    val_acc: history.length ? history[history.length - 1].val_acc : null,
    history,
  };
}

export function frameStats(frameMs) {
  if (!frameMs.length) return null;
  return {
    count: frameMs.length,
    median_ms: median(frameMs),
    p95_ms: quantile(frameMs, 0.95),
    max_ms: Math.max(...frameMs),
    mean_fps: 1000 / (frameMs.reduce((a, b) => a + b, 0) / frameMs.length),
  };
}
