// Medians; per-epoch figures → the summary the TF.js runners report.
export const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length === 0 ? null : s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
export const quantile = (v, q) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(q * v.length))];

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
