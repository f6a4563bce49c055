// Wrote the public sketch set once (tests/sketches/{dev,test}/*.json): 80 outline sketches, 8 per
// Fashion-MNIST class, in the stroke format of tests/sketches/README.md. Kept as the record of how
// the set was made. The JSON files are the set: it is fixed before anyone tunes on it, so do not
// re-run this to change them (a changed set makes old figures incomparable).
//
// Each sketch is a few strokes through hand-placed control points (corners, or smooth points
// joined by Catmull-Rom curves), each control point nudged a little and each line given a slow
// wobble, as a hand on a mouse does, with a seeded generator (the sketch's name), so the output
// is the same on every run.
// Usage: node tests/sketches/make_sketches.mjs [OUT_DIR]   (default: tests/sketches)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

// --- a small seeded generator (mulberry32 seeded by the name's FNV-1a hash)
function rngFor(name) {
  let h = 2166136261;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  let a = h;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, range: (lo, hi) => lo + (hi - lo) * next() };
}

// --- strokes from control points
// A control point is [x, y] (a corner: straight lines meet there) or [x, y, 's'] (smooth: the
// line curves through it).
const S = (x, y) => [x, y, 's'];

function hermite(p0, p1, p2, p3, corner1, corner2, t) {
  const chord = [p2[0] - p1[0], p2[1] - p1[1]];
  const m1 = corner1 ? chord : [(p2[0] - p0[0]) / 2, (p2[1] - p0[1]) / 2];
  const m2 = corner2 ? chord : [(p3[0] - p1[0]) / 2, (p3[1] - p1[1]) / 2];
  const t2 = t * t, t3 = t2 * t;
  const h00 = 2 * t3 - 3 * t2 + 1, h10 = t3 - 2 * t2 + t, h01 = -2 * t3 + 3 * t2, h11 = t3 - t2;
  return [0, 1].map((k) => h00 * p1[k] + h10 * m1[k] + h01 * p2[k] + h11 * m2[k]);
}

// The curve through the control points, densely sampled.
function dense(ctrl) {
  const out = [ctrl[0].slice(0, 2)];
  for (let i = 0; i + 1 < ctrl.length; ++i) {
    const p1 = ctrl[i], p2 = ctrl[i + 1];
    const p0 = ctrl[i - 1] || p1, p3 = ctrl[i + 2] || p2;
    const c1 = p1[2] !== 's' || i === 0, c2 = p2[2] !== 's' || i + 2 === ctrl.length;
    for (let k = 1; k <= 40; ++k) out.push(hermite(p0, p1, p2, p3, c1, c2, k / 40));
  }
  return out;
}

// Points every `step` along the curve (a mouse reports a move every few pixels), the last one kept.
function resample(pts, step) {
  const out = [pts[0]];
  let carry = 0;
  for (let i = 1; i < pts.length; ++i) {
    const [ax, ay] = pts[i - 1], [bx, by] = pts[i];
    const len = Math.hypot(bx - ax, by - ay);
    let d = step - carry;
    while (d <= len) {
      out.push([ax + (bx - ax) * d / len, ay + (by - ay) * d / len]);
      d += step;
    }
    carry = len - (d - step);
  }
  const last = pts[pts.length - 1], prev = out[out.length - 1];
  if (Math.hypot(last[0] - prev[0], last[1] - prev[1]) > step * 0.3) out.push(last);
  else out[out.length - 1] = last;
  return out;
}

// A hand-drawn line: control points nudged by up to `nudge`, a slow sideways wobble of about
// `wobble`, a closed outline ending near (not exactly on) where it began.
function handLine(rng, ctrl, { closed = false, nudge = 0.008, wobble = 0.004, step = 0.025 } = {}) {
  const moved = ctrl.map((p) => [p[0] + rng.range(-nudge, nudge), p[1] + rng.range(-nudge, nudge), p[2]]);
  if (closed) {
    const end = moved[0];
    const dir = [moved[1][0] - end[0], moved[1][1] - end[1]];
    const n = Math.hypot(dir[0], dir[1]) || 1;
    const over = rng.range(-0.015, 0.02);  // a small gap or overshoot past the start
    moved.push([end[0] + dir[0] / n * over, end[1] + dir[1] / n * over, end[2]]);
  }
  const pts = resample(dense(moved), step);
  const l1 = rng.range(0.18, 0.35), l2 = rng.range(0.07, 0.13);
  const f1 = rng.range(0, 6.3), f2 = rng.range(0, 6.3);
  let s = 0;
  return pts.map((p, i) => {
    const a = pts[Math.max(0, i - 1)], b = pts[Math.min(pts.length - 1, i + 1)];
    const tx = b[0] - a[0], ty = b[1] - a[1];
    const n = Math.hypot(tx, ty) || 1;
    if (i > 0) s += Math.hypot(p[0] - pts[i - 1][0], p[1] - pts[i - 1][1]);
    const w = wobble * (0.7 * Math.sin(2 * Math.PI * s / l1 + f1) + 0.4 * Math.sin(2 * Math.PI * s / l2 + f2));
    const x = p[0] - ty / n * w, y = p[1] + tx / n * w;
    return [Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000, Math.round(Math.min(1, Math.max(0, y)) * 1000) / 1000];
  });
}

// --- shape helpers (box coordinates, y down)
const mirror = (p) => (p.length > 2 ? [1 - p[0], p[1], p[2]] : [1 - p[0], p[1]]);
const rad = (deg) => deg * Math.PI / 180;
// A small closed loop (a button, a clasp): an ellipse of n corners-free points.
const ellipse = (cx, cy, rx, ry, n = 8) =>
  Array.from({ length: n }, (_, i) => S(cx + rx * Math.cos(2 * Math.PI * i / n), cy + ry * Math.sin(2 * Math.PI * i / n)));
// A dot as a person clicks one: a tiny stroke.
const dot = (x, y) => [[x - 0.006, y], [x + 0.006, y + 0.004]];

// The outline of a top (T-shirt, pullover, shirt, coat) from its right half, mirrored:
// neck corner N at (0.5 + nw, top), shoulder S (0.5 + sw, top + drop), sleeve along `angle`
// (degrees below horizontal) for `len`, cuff width `cuff`, armpit A (0.5 + aw, ay), hem corner
// (0.5 + hw, hy). Returns the control points from the left neck corner round to the right one
// (the neckline is drawn separately) and the named points.
function topOutline(g) {
  const N = [0.5 + g.nw, g.top];
  const Sh = [0.5 + g.sw, g.top + g.drop];
  const d = [Math.cos(rad(g.angle)), Math.sin(rad(g.angle))];
  const O = [Sh[0] + g.len * d[0], Sh[1] + g.len * d[1]];
  const I = [O[0] - g.cuff * d[1], O[1] + g.cuff * d[0]];
  const A = [0.5 + g.aw, g.ay];
  const H = [0.5 + g.hw, g.hy];
  const right = [N, Sh, O, I, A, H];
  const left = right.map(mirror).reverse();  // left hem ... left neck
  const pts = [...left.slice().reverse(), ...right.slice().reverse()];
  // pts: N_L, S_L, O_L, I_L, A_L, H_L, H_R, A_R, I_R, O_R, S_R, N_R
  return { pts, N, Sh, O, I, A, H };
}

// A neckline from the right neck corner through the front's lowest point to the left one.
const crewNeck = (g, depth) => [[0.5 + g.nw, g.top], S(0.5 + g.nw * 0.55, g.top + depth * 0.8), S(0.5, g.top + depth),
  S(0.5 - g.nw * 0.55, g.top + depth * 0.8), [0.5 - g.nw, g.top]];
const vNeck = (g, depth) => [[0.5 + g.nw, g.top], [0.5, g.top + depth], [0.5 - g.nw, g.top]];

// A line across a sleeve near its end (a cuff or hem seam), `at` from the shoulder (0..1 of len).
function sleeveLine(g, o, side) {
  const d = [Math.cos(rad(g.angle)), Math.sin(rad(g.angle))];
  const Sh = [0.5 + g.sw, g.top + g.drop];
  const a = [Sh[0] + g.len * o * d[0], Sh[1] + g.len * o * d[1]];
  const b = [a[0] - g.cuff * d[1], a[1] + g.cuff * d[0]];
  const line = [a, b];
  return side < 0 ? line.map(mirror) : line;
}

// Trousers: waist half-width ww at y `top`, hips hipw at hipy, legs to `hem` with the outer and
// inner hem corners at 0.5 ± outer, 0.5 ± inner, crotch at (0.5, crotch).
function trouserOutline(t) {
  return [[0.5 - t.ww, t.top], S(0.5 - t.hipw, t.hipy), [0.5 - t.outer, t.hem], [0.5 - t.inner, t.hem],
    [0.5, t.crotch], [0.5 + t.inner, t.hem], [0.5 + t.outer, t.hem], S(0.5 + t.hipw, t.hipy), [0.5 + t.ww, t.top]];
}

// --- the sketches: [class, name, half, strokes(rng)], strokes as lists of control points; a
// stroke is an array of points, or {pts, closed}.
const C = (pts) => ({ pts, closed: true });
const sketches = [];
const add = (cls, name, half, make) => sketches.push({ cls, name, half, make });

// 0 T-shirt/top
{
  const tee = (o) => ({ top: 0.12, nw: 0.09, drop: 0.04, sw: 0.25, angle: 32, len: 0.2, cuff: 0.13, aw: 0.24, ay: 0.38, hw: 0.25, hy: 0.88, ...o });
  add(0, 'tshirt-01', 'dev', () => {
    const g = tee({});
    return [topOutline(g).pts, crewNeck(g, 0.07)];
  });
  add(0, 'tshirt-02', 'test', () => {
    const g = tee({ sw: 0.21, hw: 0.2, aw: 0.2, angle: 25, len: 0.17, cuff: 0.11, hy: 0.9, nw: 0.08 });
    return [topOutline(g).pts, vNeck(g, 0.15)];
  });
  add(0, 'tshirt-03', 'dev', () => {  // boxy, sleeves straight out, seam lines at the sleeve ends
    const g = tee({ top: 0.16, sw: 0.22, drop: 0.02, angle: 6, len: 0.24, cuff: 0.15, aw: 0.22, ay: 0.33, hw: 0.24, hy: 0.84, nw: 0.1 });
    return [topOutline(g).pts, crewNeck(g, 0.06), sleeveLine(g, 0.82, 1), sleeveLine(g, 0.82, -1)];
  });
  add(0, 'tshirt-04', 'test', () => [  // a tank top
    C([[0.37, 0.08], [0.43, 0.08], S(0.46, 0.22), S(0.5, 0.28), S(0.54, 0.22), [0.57, 0.08], [0.63, 0.08], S(0.67, 0.26),
      [0.76, 0.38], [0.77, 0.9], [0.23, 0.9], [0.24, 0.38], S(0.33, 0.26)]),
  ]);
  add(0, 'tshirt-05', 'dev', () => {  // outline and neck as separate strokes, a collar band
    const g = tee({ sw: 0.27, hw: 0.27, aw: 0.26, angle: 28, len: 0.19, cuff: 0.14, ay: 0.37, top: 0.13, hy: 0.86, nw: 0.1 });
    return [topOutline(g).pts, crewNeck(g, 0.08), crewNeck({ ...g, nw: g.nw * 1.25, top: g.top - 0.005 }, 0.12)];
  });
  add(0, 'tshirt-06', 'test', () => {  // longer, with a chest pocket
    const g = tee({ hy: 0.93, top: 0.09, ay: 0.35, sw: 0.23, hw: 0.23, aw: 0.22, angle: 35, len: 0.18 });
    return [topOutline(g).pts, crewNeck(g, 0.06), C([[0.56, 0.34], [0.66, 0.34], [0.66, 0.45], [0.56, 0.45]])];
  });
  add(0, 'tshirt-07', 'dev', () => {  // sleeves angled down, hem and sleeve seams
    const g = tee({ angle: 42, len: 0.21, cuff: 0.12, sw: 0.22, aw: 0.21, hw: 0.22, ay: 0.4, hy: 0.9 });
    return [topOutline(g).pts, crewNeck(g, 0.07), sleeveLine(g, 0.8, 1), sleeveLine(g, 0.8, -1),
      [[0.5 - g.hw + 0.01, g.hy - 0.05], [0.5 + g.hw - 0.01, g.hy - 0.05]]];
  });
  add(0, 'tshirt-08', 'test', () => {  // wide and short, two stripes
    const g = tee({ top: 0.2, hy: 0.78, sw: 0.28, hw: 0.29, aw: 0.27, ay: 0.4, angle: 20, len: 0.19, cuff: 0.13, nw: 0.1 });
    return [topOutline(g).pts, crewNeck(g, 0.06), [[0.22, 0.52], [0.78, 0.52]], [[0.22, 0.6], [0.78, 0.6]]];
  });
}

// 1 Trouser
{
  const tr = (o) => ({ top: 0.06, ww: 0.17, hipw: 0.19, hipy: 0.25, hem: 0.94, outer: 0.19, inner: 0.04, crotch: 0.4, ...o });
  add(1, 'trouser-01', 'dev', () => {  // jeans: waistband and fly
    const t = tr({});
    return [C(trouserOutline(t)), [[0.5 - t.ww, t.top + 0.05], [0.5 + t.ww, t.top + 0.05]], [[0.5, t.top + 0.05], S(0.5, 0.25), [0.47, 0.3]]];
  });
  add(1, 'trouser-02', 'test', () => {  // flared
    const t = tr({ outer: 0.27, inner: 0.03, crotch: 0.38, hipw: 0.18, ww: 0.16, hem: 0.95 });
    return [C(trouserOutline(t)), [[0.5 - t.ww, t.top + 0.05], [0.5 + t.ww, t.top + 0.05]]];
  });
  add(1, 'trouser-03', 'dev', () => {  // slim, pocket curves
    const t = tr({ ww: 0.15, hipw: 0.16, outer: 0.12, inner: 0.02, crotch: 0.36, hem: 0.95, top: 0.05 });
    return [C(trouserOutline(t)), [[0.36, 0.07], S(0.39, 0.13), [0.35, 0.17]], [[0.64, 0.07], S(0.61, 0.13), [0.65, 0.17]]];
  });
  add(1, 'trouser-04', 'test', () => {  // one stroke, a little lopsided
    const t = tr({ ww: 0.18, hipw: 0.2, outer: 0.2, inner: 0.05, crotch: 0.43, hem: 0.9, top: 0.1 });
    const o = trouserOutline(t);
    o[2] = [o[2][0] - 0.03, o[2][1] - 0.02];
    return [C(o)];
  });
  add(1, 'trouser-05', 'dev', () => [  // each leg its own stroke, the waistband a box
    C([[0.3, 0.06], [0.7, 0.06], [0.7, 0.12], [0.3, 0.12]]),
    [[0.3, 0.12], [0.29, 0.93], [0.46, 0.93], [0.5, 0.4]],
    [[0.7, 0.12], [0.71, 0.93], [0.54, 0.93], [0.5, 0.4]],
  ]);
  add(1, 'trouser-06', 'test', () => {  // pleated, crease lines
    const t = tr({ ww: 0.18, hipw: 0.2, outer: 0.2, inner: 0.05, crotch: 0.42, hem: 0.95 });
    return [C(trouserOutline(t)), [[0.5 - t.ww, t.top + 0.05], [0.5 + t.ww, t.top + 0.05]],
      [[0.38, 0.14], [0.38, 0.92]], [[0.62, 0.14], [0.62, 0.92]]];
  });
  add(1, 'trouser-07', 'dev', () => {  // joggers: cuffs, a drawstring
    const t = tr({ ww: 0.17, hipw: 0.21, hipy: 0.3, outer: 0.15, inner: 0.05, crotch: 0.45, hem: 0.93 });
    return [C(trouserOutline(t)), [[0.33, 0.12], [0.67, 0.12]], [[0.49, 0.12], [0.46, 0.22]], [[0.51, 0.12], [0.54, 0.22]],
      [[0.35, 0.87], [0.45, 0.87]], [[0.55, 0.87], [0.65, 0.87]]];
  });
  add(1, 'trouser-08', 'test', () => {  // cargo pants: side pockets
    const t = tr({ ww: 0.19, hipw: 0.21, outer: 0.21, inner: 0.05, crotch: 0.4, hem: 0.95, top: 0.05 });
    return [C(trouserOutline(t)), [[0.31, 0.1], [0.69, 0.1]],
      C([[0.3, 0.5], [0.39, 0.5], [0.39, 0.62], [0.3, 0.62]]), C([[0.61, 0.5], [0.7, 0.5], [0.7, 0.62], [0.61, 0.62]])];
  });
}

// 2 Pullover: long sleeves hanging beside the body
{
  const pull = (o) => ({ top: 0.1, nw: 0.09, drop: 0.05, sw: 0.24, angle: 68, len: 0.66, cuff: 0.11, aw: 0.2, ay: 0.32, hw: 0.22, hy: 0.88, ...o });
  add(2, 'pullover-01', 'dev', () => {  // crew neck, ribbed cuffs and hem
    const g = pull({});
    return [topOutline(g).pts, crewNeck(g, 0.06), sleeveLine(g, 0.9, 1), sleeveLine(g, 0.9, -1),
      [[0.5 - g.hw, g.hy - 0.06], [0.5 + g.hw, g.hy - 0.06]]];
  });
  add(2, 'pullover-02', 'test', () => {  // turtleneck
    const g = pull({ top: 0.16, nw: 0.08, sw: 0.23, hw: 0.21, aw: 0.19, ay: 0.36, hy: 0.9, len: 0.62 });
    return [topOutline(g).pts, [[0.5 + g.nw, g.top], [0.5 + g.nw, 0.06], [0.5 - g.nw, 0.06], [0.5 - g.nw, g.top]],
      crewNeck(g, 0.03)];
  });
  add(2, 'pullover-03', 'dev', () => {  // arms spread wider
    const g = pull({ angle: 50, len: 0.52, sw: 0.25, aw: 0.22, hw: 0.23, cuff: 0.12, ay: 0.36, top: 0.12 });
    return [topOutline(g).pts, crewNeck(g, 0.07)];
  });
  add(2, 'pullover-04', 'test', () => {  // hoodie: hood, pocket, strings
    const g = pull({ top: 0.2, nw: 0.1, sw: 0.25, ay: 0.4, hy: 0.92, len: 0.6, angle: 70 });
    return [topOutline(g).pts,
      [[0.5 - g.nw, g.top], S(0.36, 0.1), S(0.5, 0.04), S(0.64, 0.1), [0.5 + g.nw, g.top]],
      [[0.5 - g.nw, g.top], S(0.5, 0.3), [0.5 + g.nw, g.top]],
      [[0.46, 0.28], [0.46, 0.4]], [[0.54, 0.28], [0.54, 0.4]],
      [[0.36, 0.82], [0.4, 0.62], [0.6, 0.62], [0.64, 0.82]]];
  });
  add(2, 'pullover-05', 'dev', () => {  // V neck, ribbed hem
    const g = pull({ nw: 0.1, sw: 0.26, hw: 0.23, aw: 0.21, angle: 72, len: 0.64, cuff: 0.1 });
    return [topOutline(g).pts, vNeck(g, 0.16), [[0.5 - g.hw, g.hy - 0.05], [0.5 + g.hw, g.hy - 0.05]]];
  });
  add(2, 'pullover-06', 'test', () => {  // a plain outline, the neck a quick curve
    const g = pull({ sw: 0.22, hw: 0.2, aw: 0.18, angle: 75, len: 0.64, cuff: 0.1, top: 0.12, hy: 0.86 });
    return [topOutline(g).pts, crewNeck(g, 0.05)];
  });
  add(2, 'pullover-07', 'dev', () => {  // stripes
    const g = pull({ sw: 0.25, hw: 0.23, aw: 0.21, angle: 65, len: 0.6 });
    return [topOutline(g).pts, crewNeck(g, 0.06), [[0.29, 0.5], [0.71, 0.5]], [[0.29, 0.62], [0.71, 0.62]],
      [[0.29, 0.74], [0.71, 0.74]]];
  });
  add(2, 'pullover-08', 'test', () => {  // raglan seams from the neck to the armpits
    const g = pull({ sw: 0.27, drop: 0.08, hw: 0.22, aw: 0.2, angle: 62, len: 0.6, ay: 0.34 });
    return [topOutline(g).pts, crewNeck(g, 0.06), [[0.5 - g.nw, g.top], [0.5 - g.aw, g.ay]], [[0.5 + g.nw, g.top], [0.5 + g.aw, g.ay]]];
  });
}

// 3 Dress
{
  // Straps/shoulders at (0.5 ± sx, top), armhole down to (0.5 ± bw, by), waist (0.5 ± ww, wy),
  // hem (0.5 ± hw, hy); neckline through (0.5, top + nd) between the inner strap corners 0.5 ± nx.
  const dress = (d) => [[0.5 - d.nx, d.top], S(0.5, d.top + d.nd), [0.5 + d.nx, d.top], [0.5 + d.sx, d.top],
    S(0.5 + d.bw, d.by), S(0.5 + d.ww, d.wy), [0.5 + d.hw, d.hy], ...(d.hemPts || []), [0.5 - d.hw, d.hy],
    S(0.5 - d.ww, d.wy), S(0.5 - d.bw, d.by), [0.5 - d.sx, d.top]];
  const base = (o) => ({ top: 0.06, nx: 0.07, nd: 0.1, sx: 0.13, bw: 0.15, by: 0.25, ww: 0.12, wy: 0.42, hw: 0.33, hy: 0.93, ...o });
  add(3, 'dress-01', 'dev', () => [C(dress(base({})))]);  // A-line, sleeveless
  add(3, 'dress-02', 'test', () => {  // slip dress: thin straps as lines
    const d = base({ top: 0.2, nx: 0.12, sx: 0.15, nd: 0.05, bw: 0.15, by: 0.3, ww: 0.13, wy: 0.45, hw: 0.22, hy: 0.92 });
    return [C(dress(d)), [[0.37, 0.2], [0.39, 0.05]], [[0.63, 0.2], [0.61, 0.05]]];
  });
  add(3, 'dress-03', 'dev', () => {  // short sleeves, a belt
    const d = base({ top: 0.05, nx: 0.08, sx: 0.14, bw: 0.15, ww: 0.12, wy: 0.4, hw: 0.3, hy: 0.9 });
    return [C(dress(d)), [[0.36, 0.06], [0.26, 0.16], [0.33, 0.2]], [[0.64, 0.06], [0.74, 0.16], [0.67, 0.2]],
      [[0.38, 0.4], [0.62, 0.4]], [[0.38, 0.44], [0.62, 0.44]]];
  });
  add(3, 'dress-04', 'test', () => [C(dress(base({ top: 0.03, by: 0.22, wy: 0.38, ww: 0.11, hw: 0.25, hy: 0.98, nd: 0.08, sx: 0.12 })))]);  // maxi
  add(3, 'dress-05', 'dev', () => {  // full skirt, ruffled hem
    const hw = 0.38, hy = 0.86;
    const hemPts = [];
    for (let i = 1; i < 8; ++i) hemPts.push([0.5 + hw - (2 * hw) * i / 8, hy + (i % 2 ? 0.04 : 0)]);
    return [C(dress(base({ hw, hy, hemPts, ww: 0.11, wy: 0.43, by: 0.27 })))];
  });
  add(3, 'dress-06', 'test', () => [C(dress(base({ top: 0.08, nx: 0.09, nd: 0.06, sx: 0.15, bw: 0.17, ww: 0.17, wy: 0.5, hw: 0.23, hy: 0.9 })))]);  // shift
  add(3, 'dress-07', 'dev', () => {  // cap sleeves, V neck, folds in the skirt
    const d = base({ nd: 0.16, hw: 0.32, hy: 0.9, wy: 0.4 });
    const pts = dress(d);
    pts[1] = [0.5, d.top + d.nd];
    return [C(pts), [[0.63, 0.06], [0.71, 0.12], [0.65, 0.2]], [[0.37, 0.06], [0.29, 0.12], [0.35, 0.2]],
      [[0.45, 0.48], [0.4, 0.86]], [[0.55, 0.48], [0.6, 0.86]]];
  });
  add(3, 'dress-08', 'test', () => [C([[0.34, 0.16], [0.66, 0.16], S(0.63, 0.3), S(0.61, 0.42), [0.82, 0.9], [0.18, 0.9], S(0.39, 0.42), S(0.37, 0.3)]),
    [[0.39, 0.42], [0.61, 0.42]]]);  // strapless
}

// 4 Coat: long sleeves, long body, an opening down the front
{
  const coat = (o) => ({ top: 0.08, nw: 0.08, drop: 0.05, sw: 0.25, angle: 72, len: 0.68, cuff: 0.11, aw: 0.2, ay: 0.3, hw: 0.25, hy: 0.95, ...o });
  const lapels = (g, y) => [[[0.5 - g.nw, g.top], [0.41, 0.2], [0.5, y]], [[0.5 + g.nw, g.top], [0.59, 0.2], [0.5, y]]];
  const buttons = (x, ys) => ys.map((y) => C(ellipse(x, y, 0.014, 0.014, 6)));
  add(4, 'coat-01', 'dev', () => {  // lapels, front line, buttons
    const g = coat({});
    return [topOutline(g).pts, ...lapels(g, 0.36), [[0.5, 0.36], [0.5, g.hy]], ...buttons(0.54, [0.45, 0.58, 0.71])];
  });
  add(4, 'coat-02', 'test', () => {  // double-breasted, belt
    const g = coat({ sw: 0.24, hw: 0.27, aw: 0.21, len: 0.62, angle: 70 });
    return [topOutline(g).pts, ...lapels(g, 0.3), [[0.5, 0.3], [0.53, g.hy]], [[0.26, 0.55], [0.74, 0.55]],
      ...buttons(0.44, [0.4, 0.48]), ...buttons(0.58, [0.4, 0.48])];
  });
  add(4, 'coat-03', 'dev', () => {  // parka: hood, zip, pockets
    const g = coat({ top: 0.16, nw: 0.1, ay: 0.36, hy: 0.94, len: 0.63 });
    return [topOutline(g).pts, [[0.5 - g.nw, g.top], S(0.37, 0.07), S(0.5, 0.03), S(0.63, 0.07), [0.5 + g.nw, g.top]],
      [[0.5, g.top + 0.01], [0.5, g.hy]], C([[0.32, 0.62], [0.44, 0.62], [0.44, 0.76], [0.32, 0.76]]),
      C([[0.56, 0.62], [0.68, 0.62], [0.68, 0.76], [0.56, 0.76]])];
  });
  add(4, 'coat-04', 'test', () => {  // short jacket: stand collar, zip, pockets
    const g = coat({ top: 0.16, hy: 0.8, ay: 0.36, len: 0.56, angle: 66, hw: 0.24, sw: 0.26, aw: 0.21 });
    return [topOutline(g).pts, [[0.5 - g.nw, g.top], [0.5 - g.nw, 0.1], [0.5 + g.nw, 0.1], [0.5 + g.nw, g.top]],
      [[0.5, 0.1], [0.5, g.hy]], [[0.33, 0.6], [0.4, 0.7]], [[0.67, 0.6], [0.6, 0.7]]];
  });
  add(4, 'coat-05', 'dev', () => {  // trench: lapels, belt, flared hem
    const g = coat({ hw: 0.3, hy: 0.96, aw: 0.19, sw: 0.24, len: 0.62, angle: 75 });
    return [topOutline(g).pts, ...lapels(g, 0.34), [[0.5, 0.34], [0.47, g.hy]], [[0.3, 0.5], [0.7, 0.5]],
      [[0.3, 0.54], [0.7, 0.54]]];
  });
  add(4, 'coat-06', 'test', () => {  // outline and the front line only
    const g = coat({ sw: 0.23, hw: 0.23, aw: 0.19, len: 0.66, hy: 0.93, top: 0.07 });
    return [topOutline(g).pts, crewNeck(g, 0.04), [[0.5, g.top + 0.04], [0.5, g.hy]]];
  });
  add(4, 'coat-07', 'dev', () => {  // puffer: quilting lines, zip
    const g = coat({ top: 0.14, sw: 0.27, hw: 0.27, aw: 0.23, hy: 0.9, cuff: 0.13, len: 0.6, angle: 68, ay: 0.34 });
    return [topOutline(g).pts, [[0.5 - g.nw, g.top], [0.5 - g.nw, 0.08], [0.5 + g.nw, 0.08], [0.5 + g.nw, g.top]],
      [[0.5, 0.08], [0.5, g.hy]], [[0.27, 0.48], [0.73, 0.48]], [[0.27, 0.62], [0.73, 0.62]], [[0.27, 0.76], [0.73, 0.76]]];
  });
  add(4, 'coat-08', 'test', () => {  // open front: the two fronts part towards the hem
    const g = coat({ hw: 0.27, hy: 0.95, sw: 0.25, aw: 0.2 });
    return [topOutline(g).pts, [[0.5 - g.nw, g.top], [0.46, 0.4], [0.43, g.hy]], [[0.5 + g.nw, g.top], [0.54, 0.4], [0.57, g.hy]]];
  });
}

// 5 Sandal (side view, toe on the left unless flipped)
const flip = (strokes) => strokes.map((s) => (Array.isArray(s) ? s.map(mirror) : { ...s, pts: s.pts.map(mirror) }));
{
  // A strap over the foot seen from the side: a round arch from x0 to x1 standing on y, h high.
  const arch = (x0, x1, y, h) => [[x0, y], S(x0 + (x1 - x0) * 0.12, y - h * 0.7), S((x0 + x1) / 2, y - h),
    S(x1 - (x1 - x0) * 0.12, y - h * 0.7), [x1, y]];
  // A flat sole from the toe (left) to the heel, its top at y, t thick.
  const sole = (y, t, x0 = 0.06, x1 = 0.92) => C([[x0, y], S(x0 + 0.02, y + t), [x1, y + t], S(x1 + 0.03, y + t / 2), [x1, y - 0.01], S(0.5, y + 0.005)]);
  add(5, 'sandal-01', 'dev', () => [  // flat: toe strap, instep strap, a T-strap round the ankle
    sole(0.7, 0.07), arch(0.1, 0.34, 0.7, 0.2), arch(0.38, 0.62, 0.705, 0.24),
    [[0.86, 0.7], [0.85, 0.38]], [[0.88, 0.4], S(0.76, 0.42), [0.64, 0.46]], [[0.64, 0.46], [0.52, 0.47]],
  ]);
  add(5, 'sandal-02', 'test', () => [  // high heel, strappy
    C([[0.05, 0.8], [0.28, 0.8], S(0.55, 0.62), [0.82, 0.4], [0.86, 0.44], S(0.56, 0.67), [0.3, 0.85], [0.06, 0.85]]),
    [[0.8, 0.46], [0.8, 0.9], [0.84, 0.9], [0.85, 0.45]],
    arch(0.07, 0.32, 0.8, 0.18),
    [[0.84, 0.41], [0.83, 0.2]], C(ellipse(0.74, 0.2, 0.1, 0.035, 10)), [[0.32, 0.78], [0.66, 0.22]],
  ]);
  add(5, 'sandal-03', 'dev', () => [  // flip-flop: thick sole, thong strap
    C([[0.05, 0.65], [0.95, 0.62], S(0.97, 0.7), [0.94, 0.76], [0.06, 0.76], S(0.03, 0.7)]),
    [[0.12, 0.65], S(0.2, 0.5), [0.3, 0.44], S(0.42, 0.52), [0.55, 0.64]],
    [[0.3, 0.44], S(0.5, 0.5), [0.7, 0.63]],
  ]);
  add(5, 'sandal-04', 'test', () => [  // sport sandal: thick sole with a tread, three straps
    C([[0.05, 0.72], S(0.06, 0.86), [0.92, 0.86], S(0.95, 0.78), [0.92, 0.7], S(0.5, 0.72)]), [[0.08, 0.8], [0.92, 0.8]],
    arch(0.1, 0.32, 0.72, 0.18), arch(0.36, 0.64, 0.72, 0.3),
    [[0.72, 0.71], S(0.72, 0.48), S(0.8, 0.36), S(0.88, 0.44), [0.88, 0.7]], [[0.74, 0.44], [0.56, 0.44]],
  ]);
  add(5, 'sandal-05', 'dev', () => [  // wedge: sole thick under the heel
    C([[0.05, 0.78], S(0.3, 0.74), [0.9, 0.56], [0.92, 0.86], [0.08, 0.86], S(0.04, 0.82)]),
    arch(0.1, 0.38, 0.76, 0.2),
    [[0.62, 0.64], S(0.63, 0.42), S(0.74, 0.34), S(0.85, 0.42), [0.86, 0.57]],
  ]);
  add(5, 'sandal-06', 'test', () => [  // slide: two bands with buckles
    sole(0.69, 0.08), arch(0.12, 0.4, 0.69, 0.22), arch(0.4, 0.68, 0.69, 0.24),
    C([[0.24, 0.5], [0.28, 0.5], [0.28, 0.55], [0.24, 0.55]]), C([[0.52, 0.48], [0.56, 0.48], [0.56, 0.53], [0.52, 0.53]]),
  ]);
  add(5, 'sandal-07', 'dev', () => flip([  // facing right: cross straps, ankle strap
    sole(0.72, 0.07), [[0.14, 0.71], S(0.3, 0.56), [0.45, 0.5], [0.6, 0.72]],
    [[0.5, 0.72], [0.3, 0.52], S(0.22, 0.6), [0.18, 0.71]],
    [[0.7, 0.72], S(0.69, 0.48), S(0.8, 0.4), S(0.9, 0.48), [0.88, 0.72]],
  ]));
  add(5, 'sandal-08', 'test', () => [  // platform: chunky sole, overlapping straps, heel strap
    C([[0.06, 0.66], [0.92, 0.62], S(0.95, 0.75), [0.92, 0.86], [0.08, 0.86], S(0.04, 0.76)]),
    arch(0.1, 0.42, 0.66, 0.22), arch(0.34, 0.64, 0.65, 0.24),
    [[0.7, 0.63], S(0.72, 0.4), S(0.82, 0.34), S(0.9, 0.42), [0.9, 0.62]],
  ]);
}

// 6 Shirt: a pointed collar, buttons down the front
{
  const shirt = (o) => ({ top: 0.12, nw: 0.08, drop: 0.05, sw: 0.24, angle: 70, len: 0.64, cuff: 0.1, aw: 0.2, ay: 0.32, hw: 0.22, hy: 0.9, ...o });
  const collar = (g) => [[[0.5 - g.nw, g.top], [0.43, g.top + 0.1], [0.5, g.top + 0.05], [0.57, g.top + 0.1], [0.5 + g.nw, g.top]],
    [[0.5 - g.nw, g.top], S(0.5, g.top - 0.03), [0.5 + g.nw, g.top]]];
  const placket = (g, n, y0 = g.top + 0.06) => [[[0.5, y0], [0.5, g.hy]],
    ...Array.from({ length: n }, (_, i) => dot(0.53, y0 + 0.06 + (g.hy - y0 - 0.1) * i / Math.max(1, n - 1)))];
  add(6, 'shirt-01', 'dev', () => {  // long sleeves, cuffs, five buttons
    const g = shirt({});
    return [topOutline(g).pts, ...collar(g), ...placket(g, 5), sleeveLine(g, 0.88, 1), sleeveLine(g, 0.88, -1)];
  });
  add(6, 'shirt-02', 'test', () => {  // short sleeves, a chest pocket
    const g = shirt({ angle: 30, len: 0.2, cuff: 0.13, aw: 0.22, ay: 0.38, sw: 0.25, hw: 0.23 });
    return [topOutline(g).pts, ...collar(g), ...placket(g, 4), C([[0.34, 0.36], [0.44, 0.36], [0.44, 0.47], [0.34, 0.47]])];
  });
  add(6, 'shirt-03', 'dev', () => {  // arms out, curved shirttail hem
    const g = shirt({ angle: 48, len: 0.55, sw: 0.25, aw: 0.22, ay: 0.35, hy: 0.86 });
    const o = topOutline(g).pts;
    o.splice(6, 0, S(0.5, 0.95));  // between the hem corners
    return [o, ...collar(g), ...placket(g, 4)];
  });
  add(6, 'shirt-04', 'test', () => {  // flannel: a few checks
    const g = shirt({ sw: 0.25, hw: 0.23, aw: 0.21 });
    return [topOutline(g).pts, ...collar(g), [[0.5, g.top + 0.06], [0.5, g.hy]],
      [[0.28, 0.45], [0.72, 0.45]], [[0.28, 0.65], [0.72, 0.65]], [[0.38, 0.3], [0.38, 0.88]], [[0.62, 0.3], [0.62, 0.88]]];
  });
  add(6, 'shirt-05', 'dev', () => {  // outline, collar, buttons as dots
    const g = shirt({ angle: 74, len: 0.62, top: 0.1, hy: 0.92, hw: 0.21, aw: 0.19 });
    return [topOutline(g).pts, collar(g)[0], ...placket(g, 5).slice(1)];
  });
  add(6, 'shirt-06', 'test', () => {  // polo: short sleeves, collar, short placket
    const g = shirt({ angle: 28, len: 0.19, cuff: 0.12, aw: 0.22, ay: 0.36, sw: 0.24, hw: 0.23, hy: 0.88, top: 0.14 });
    return [topOutline(g).pts, ...collar(g), [[0.5, g.top + 0.05], [0.5, 0.34]], [[0.47, 0.34], [0.53, 0.34]],
      dot(0.52, 0.24), dot(0.52, 0.3)];
  });
  add(6, 'shirt-07', 'dev', () => {  // blouse: round collar
    const g = shirt({ nw: 0.09, sw: 0.23, hw: 0.22, aw: 0.19, angle: 66, len: 0.6 });
    return [topOutline(g).pts, [[0.5 - g.nw, g.top], S(0.4, g.top + 0.09), [0.5, g.top + 0.07]],
      [[0.5 + g.nw, g.top], S(0.6, g.top + 0.09), [0.5, g.top + 0.07]], ...placket(g, 4, g.top + 0.07).slice(1)];
  });
  add(6, 'shirt-08', 'test', () => {  // two chest pockets with flaps
    const g = shirt({ sw: 0.26, hw: 0.24, aw: 0.22, angle: 68 });
    return [topOutline(g).pts, ...collar(g), ...placket(g, 5),
      C([[0.33, 0.32], [0.44, 0.32], [0.44, 0.44], [0.33, 0.44]]), C([[0.56, 0.32], [0.67, 0.32], [0.67, 0.44], [0.56, 0.44]])];
  });
}

// 7 Sneaker (side view, toe on the left unless flipped)
{
  // The outline from the toe, over the vamp and collar, down the heel, back along the sole.
  const upper = (o = {}) => {
    const k = { toe: 0.06, sole: 0.74, vamp: 0.44, collar: 0.36, heel: 0.9, ...o };
    return [[k.toe + 0.02, k.sole], S(k.toe, k.sole - 0.08), S(k.toe + 0.1, k.sole - 0.18), S(0.35, k.vamp), [0.55, k.collar - 0.02],
      S(0.68, k.collar + 0.04), [k.heel - 0.04, k.collar - 0.02], S(k.heel + 0.02, k.sole - 0.14), [k.heel, k.sole]];
  };
  const laces = (n, x0, y0, x1, y1) => Array.from({ length: n }, (_, i) => {
    const t = i / (n - 1);
    const x = x0 + (x1 - x0) * t, y = y0 + (y1 - y0) * t;
    return [[x - 0.03, y - 0.03], [x + 0.03, y + 0.03]];
  });
  add(7, 'sneaker-01', 'dev', () => [  // laces, sole line
    C(upper()), [[0.08, 0.67], [0.9, 0.67]], ...laces(4, 0.33, 0.47, 0.53, 0.37),
  ]);
  add(7, 'sneaker-02', 'test', () => [  // runner: thick sole, a swoosh
    C(upper({ sole: 0.76, vamp: 0.46, collar: 0.38 })), [[0.07, 0.66], S(0.5, 0.68), [0.9, 0.64]],
    [[0.3, 0.6], S(0.55, 0.6), [0.8, 0.45]], ...laces(3, 0.36, 0.47, 0.52, 0.39),
  ]);
  add(7, 'sneaker-03', 'dev', () => [  // slip-on: toe cap, no laces
    C([[0.07, 0.74], S(0.05, 0.64), S(0.15, 0.55), S(0.4, 0.5), [0.6, 0.44], [0.92, 0.44], S(0.94, 0.6), [0.92, 0.74]]),
    [[0.07, 0.68], [0.92, 0.68]], [[0.2, 0.54], S(0.24, 0.62), [0.2, 0.68]],
    [[0.52, 0.47], S(0.57, 0.52), [0.62, 0.44]],
  ]);
  add(7, 'sneaker-04', 'test', () => {  // chunky, a wavy sole
    const sole = [];
    for (let i = 0; i <= 8; ++i) sole.push(S(0.92 - 0.86 * i / 8, 0.8 + (i % 2 ? 0.02 : 0)));
    return [[[0.06, 0.68], S(0.1, 0.55), S(0.35, 0.45), [0.55, 0.33], S(0.7, 0.38), [0.86, 0.32], S(0.93, 0.5), [0.92, 0.68]],
      [[0.92, 0.68], ...sole, [0.06, 0.68]], [[0.06, 0.68], [0.92, 0.68]], ...laces(3, 0.36, 0.44, 0.52, 0.36)];
  });
  add(7, 'sneaker-05', 'dev', () => flip([  // facing right, laces
    C(upper({ vamp: 0.42, collar: 0.35 })), [[0.08, 0.68], [0.9, 0.68]], ...laces(4, 0.33, 0.46, 0.53, 0.36),
  ]));
  add(7, 'sneaker-06', 'test', () => [C(upper({ sole: 0.72 })), [[0.07, 0.65], [0.91, 0.65]]]);  // plain
  add(7, 'sneaker-07', 'dev', () => [  // three stripes and laces
    C(upper({ sole: 0.75, collar: 0.35 })), [[0.08, 0.68], [0.9, 0.68]],
    [[0.48, 0.44], [0.56, 0.64]], [[0.55, 0.42], [0.63, 0.64]], [[0.62, 0.42], [0.7, 0.64]],
    ...laces(3, 0.3, 0.48, 0.44, 0.42),
  ]);
  add(7, 'sneaker-08', 'test', () => flip([  // facing right: runner
    C(upper({ sole: 0.74, vamp: 0.45, collar: 0.38 })), [[0.07, 0.64], S(0.5, 0.67), [0.9, 0.62]],
    [[0.32, 0.58], S(0.55, 0.58), [0.78, 0.46]],
  ]));
}

// 8 Bag
{
  add(8, 'bag-01', 'dev', () => [  // handbag: trapezoid, round handle
    C([[0.25, 0.4], [0.75, 0.4], [0.86, 0.88], [0.14, 0.88]]),
    [[0.36, 0.4], S(0.38, 0.2), S(0.5, 0.13), S(0.62, 0.2), [0.64, 0.4]],
  ]);
  add(8, 'bag-02', 'test', () => [  // tote: two long straps
    C([[0.2, 0.42], [0.8, 0.42], [0.84, 0.9], [0.16, 0.9]]),
    [[0.3, 0.42], S(0.36, 0.12), [0.44, 0.42]], [[0.56, 0.42], S(0.64, 0.12), [0.7, 0.42]],
  ]);
  add(8, 'bag-03', 'dev', () => [  // shoulder bag: flap, clasp, long strap
    C([[0.18, 0.5], [0.82, 0.5], S(0.84, 0.75), S(0.78, 0.86), S(0.5, 0.88), S(0.22, 0.86), S(0.16, 0.75)]),
    [[0.18, 0.5], S(0.5, 0.72), [0.82, 0.5]], C(ellipse(0.5, 0.72, 0.03, 0.03, 6)),
    [[0.2, 0.5], S(0.3, 0.12), S(0.5, 0.06), S(0.7, 0.12), [0.8, 0.5]],
  ]);
  add(8, 'bag-04', 'test', () => [  // clutch: wide, a flap
    C([[0.08, 0.38], [0.92, 0.38], [0.92, 0.72], [0.08, 0.72]]), [[0.08, 0.38], [0.5, 0.6], [0.92, 0.38]],
  ]);
  add(8, 'bag-05', 'dev', () => [  // bucket bag: drawstring
    C([[0.24, 0.3], [0.76, 0.3], S(0.8, 0.6), S(0.74, 0.9), S(0.5, 0.93), S(0.26, 0.9), S(0.2, 0.6)]),
    [[0.24, 0.36], [0.76, 0.36]], [[0.48, 0.36], [0.42, 0.5]], [[0.52, 0.36], [0.58, 0.5]],
    [[0.27, 0.3], S(0.3, 0.1), S(0.5, 0.06), S(0.7, 0.1), [0.73, 0.3]],
  ]);
  add(8, 'bag-06', 'test', () => [  // briefcase: rectangular handle, clasps
    C([[0.1, 0.35], [0.9, 0.35], [0.9, 0.85], [0.1, 0.85]]),
    [[0.38, 0.35], [0.4, 0.2], [0.6, 0.2], [0.62, 0.35]],
    [[0.1, 0.48], [0.9, 0.48]], C([[0.27, 0.45], [0.33, 0.45], [0.33, 0.52], [0.27, 0.52]]), C([[0.67, 0.45], [0.73, 0.45], [0.73, 0.52], [0.67, 0.52]]),
  ]);
  add(8, 'bag-07', 'dev', () => [  // purse: rounded, kiss-lock frame, small handle
    C([[0.2, 0.45], [0.8, 0.45], S(0.86, 0.65), S(0.8, 0.84), S(0.5, 0.88), S(0.2, 0.84), S(0.14, 0.65)]),
    [[0.2, 0.45], S(0.35, 0.4), [0.47, 0.42]], [[0.8, 0.45], S(0.65, 0.4), [0.53, 0.42]], C(ellipse(0.47, 0.4, 0.02, 0.02, 5)), C(ellipse(0.53, 0.4, 0.02, 0.02, 5)),
    [[0.3, 0.44], S(0.34, 0.22), S(0.5, 0.17), S(0.66, 0.22), [0.7, 0.44]],
  ]);
  add(8, 'bag-08', 'test', () => [  // satchel: flap with two buckle straps, a handle
    C([[0.14, 0.35], [0.86, 0.35], [0.86, 0.88], [0.14, 0.88]]),
    [[0.14, 0.38], S(0.16, 0.6), [0.84, 0.6], S(0.86, 0.38)],
    [[0.32, 0.48], [0.32, 0.74]], [[0.68, 0.48], [0.68, 0.74]],
    [[0.4, 0.35], S(0.42, 0.18), S(0.5, 0.14), S(0.58, 0.18), [0.6, 0.35]],
  ]);
}

// 9 Ankle boot (side view, toe on the left unless flipped)
{
  // The outline from the toe: the front of the foot, the instep, up the shaft's front, across its
  // top, down its back to the heel, along the sole.
  const boot = (o = {}) => {
    const k = { toe: 0.08, sole: 0.86, top: 0.12, front: 0.5, back: 0.86, instep: 0.56, heel: 0.12, ...o };
    return [[k.toe + 0.02, k.sole], S(k.toe, k.sole - 0.08), S(k.toe + 0.1, k.sole - 0.2), S(0.36, k.instep), [k.front, k.instep - 0.08],
      [k.front + 0.02, k.top], [k.back - 0.02, k.top], S(k.back - 0.01, 0.5), [k.back + 0.02, k.sole - k.heel],
      [k.back + 0.02, k.sole], [k.back - 0.16, k.sole], [k.back - 0.16, k.sole - k.heel * 0.6], S(0.5, k.sole - k.heel * 0.5)];
  };
  add(9, 'boot-01', 'dev', () => [  // chelsea: elastic panel, pull tab
    C(boot()), [[0.6, 0.12], S(0.68, 0.42), [0.76, 0.12]], [[0.8, 0.12], [0.8, 0.05], [0.86, 0.05], [0.86, 0.12]],
  ]);
  add(9, 'boot-02', 'test', () => [  // lace-up
    C(boot({ front: 0.48, top: 0.1 })), [[0.46, 0.5], [0.56, 0.44]], [[0.48, 0.4], [0.58, 0.34]], [[0.5, 0.3], [0.6, 0.24]],
    [[0.51, 0.2], [0.61, 0.14]], [[0.08, 0.78], [0.9, 0.78]],
  ]);
  add(9, 'boot-03', 'dev', () => [  // heeled bootie
    C([[0.1, 0.8], S(0.07, 0.74), S(0.16, 0.64), S(0.36, 0.56), [0.5, 0.48], [0.52, 0.16], [0.84, 0.16], S(0.85, 0.5),
      [0.88, 0.64], [0.88, 0.92], [0.78, 0.92], [0.77, 0.74], S(0.5, 0.76), [0.2, 0.82]]),
  ]);
  add(9, 'boot-04', 'test', () => [  // combat: lug sole, laces, tall
    C(boot({ top: 0.06, sole: 0.88, heel: 0.14, front: 0.47 })), [[0.07, 0.8], [0.92, 0.8]],
    [[0.46, 0.45], [0.56, 0.39]], [[0.48, 0.34], [0.58, 0.28]], [[0.49, 0.23], [0.59, 0.17]],
  ]);
  add(9, 'boot-05', 'dev', () => flip([  // facing right: chelsea
    C(boot({ top: 0.14 })), [[0.6, 0.14], S(0.68, 0.44), [0.76, 0.14]],
  ]));
  add(9, 'boot-06', 'test', () => [C(boot({ top: 0.16, front: 0.52 }))]);  // plain outline
  add(9, 'boot-07', 'dev', () => [  // side zip, wedge-ish sole
    C(boot({ heel: 0.1, top: 0.13 })), [[0.72, 0.17], [0.72, 0.66]], C(ellipse(0.72, 0.2, 0.015, 0.025, 5)),
  ]);
  add(9, 'boot-08', 'test', () => flip([  // facing right: lace-up
    C(boot({ front: 0.49, top: 0.11 })), [[0.47, 0.48], [0.57, 0.42]], [[0.49, 0.37], [0.59, 0.31]], [[0.5, 0.26], [0.6, 0.2]],
    [[0.08, 0.79], [0.9, 0.79]],
  ]));
}

function build(sk) {
  const rng = rngFor(sk.name);
  const strokes = sk.make().map((s) => {
    const spec = Array.isArray(s) ? { pts: s, closed: false } : s;
    // Short marks (dots, short ticks) are drawn without wobble or nudge.
    const short = spec.pts.length <= 2 && Math.hypot(spec.pts[1][0] - spec.pts[0][0], spec.pts[1][1] - spec.pts[0][1]) < 0.05;
    const points = handLine(rng, spec.pts, short ? { closed: spec.closed, nudge: 0.002, wobble: 0, step: 0.01 } : { closed: spec.closed });
    return { points };
  });
  return { class: sk.cls, name: sk.name, strokes };
}

function main() {
  const out = process.argv[2] || here;
  for (const half of ['dev', 'test']) fs.mkdirSync(path.join(out, half), { recursive: true });
  const names = new Set();
  for (const sk of sketches) {
    if (names.has(sk.name)) throw new Error(`duplicate sketch name ${sk.name}`);
    names.add(sk.name);
    const json = build(sk);
    const text = `{"class": ${json.class}, "name": ${JSON.stringify(json.name)}, "strokes": [\n` +
      json.strokes.map((s) => `  {"points": ${JSON.stringify(s.points)}}`).join(',\n') + '\n]}\n';
    fs.writeFileSync(path.join(out, sk.half, `${sk.name}.json`), text);
  }
  console.log(`wrote ${sketches.length} sketches to ${out}/{dev,test}`);
}

main();
