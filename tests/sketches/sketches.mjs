// Reads the public sketch set (tests/sketches/{dev,test}/*.json, format in README.md) for the
// browser test and the contact sheet, and refuses a file that breaks the format, naming it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SKETCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const HALVES = ['dev', 'test'];
export const CLASS_NAMES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt',
  'Sneaker', 'Bag', 'Ankle boot'];

function check(cond, file, what) {
  if (!cond) throw new Error(`${file}: ${what}`);
}

// One sketch file's JSON, checked: {class, name, strokes: [{points: [[x, y], ...], erase?, width?}]}.
export function parseSketch(text, file) {
  let s;
  try {
    s = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not JSON (${e.message})`);
  }
  check(s && typeof s === 'object', file, 'not an object');
  check(Number.isInteger(s.class) && s.class >= 0 && s.class <= 9, file, `class ${s.class} is not 0-9`);
  check(typeof s.name === 'string' && s.name.length > 0, file, 'no name');
  check(Array.isArray(s.strokes) && s.strokes.length > 0, file, 'no strokes');
  s.strokes.forEach((st, i) => {
    check(Array.isArray(st.points) && st.points.length > 0, file, `stroke ${i} has no points`);
    st.points.forEach((p, k) => check(Array.isArray(p) && p.length === 2 &&
      p.every((v) => typeof v === 'number' && v >= 0 && v <= 1), file, `stroke ${i} point ${k} is not [x, y] in [0, 1]`));
    check(st.erase === undefined || typeof st.erase === 'boolean', file, `stroke ${i}: erase is not true/false`);
    check(st.width === undefined || (typeof st.width === 'number' && st.width > 0 && st.width <= 1), file,
      `stroke ${i}: width is not in (0, 1]`);
  });
  return s;
}

// Every sketch of both halves, sorted by half, class and name; each with its `half` and `file`.
export function loadSketches(dir = SKETCH_DIR) {
  const out = [];
  for (const half of HALVES) {
    const d = path.join(dir, half);
    for (const f of fs.readdirSync(d).filter((n) => n.endsWith('.json')).sort()) {
      const file = path.join(d, f);
      const s = parseSketch(fs.readFileSync(file, 'utf8'), path.relative(dir, file));
      check(`${s.name}.json` === f, path.relative(dir, file), `name ${s.name} does not match the file name`);
      out.push({ ...s, half, file });
    }
  }
  return out.sort((a, b) => HALVES.indexOf(a.half) - HALVES.indexOf(b.half) || a.class - b.class ||
    a.name.localeCompare(b.name));
}

// The stroke's points with those dropped that lie within `tolerance` of the line through the
// ones kept (Douglas-Peucker): the same line to within `tolerance`, with fewer mouse moves.
// Both ends are always kept.
export function simplify(points, tolerance) {
  if (points.length < 3) return points;
  const [a, b] = [points[0], points[points.length - 1]];
  const dx = b[0] - a[0], dy = b[1] - a[1], len = Math.hypot(dx, dy);
  let far = 0, at = 0;
  for (let i = 1; i < points.length - 1; ++i) {
    const [x, y] = points[i];
    const d = len > 0 ? Math.abs(dx * (a[1] - y) - dy * (a[0] - x)) / len : Math.hypot(x - a[0], y - a[1]);
    if (d > far) {
      far = d;
      at = i;
    }
  }
  if (far <= tolerance) return [a, b];
  return [...simplify(points.slice(0, at + 1), tolerance).slice(0, -1), ...simplify(points.slice(at), tolerance)];
}
