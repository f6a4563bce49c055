// Progress lines on stderr and the number formats of the table.
export const log = (msg) => process.stderr.write(`bench: ${msg}\n`);
export const fmtS = (v) => (v == null ? '—' : v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v.toFixed(4));
export const fmtRate = (v) => (v == null ? '—' : v >= 1e6 ? `${(v / 1e6).toFixed(2)}M` : `${(v / 1e3).toFixed(1)}k`);
export const fmtKB = (v) => (v == null ? '—' : `${(v / 1024).toFixed(0)} KB`);
