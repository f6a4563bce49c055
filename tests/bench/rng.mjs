// fm::Rng (src/core/rng.h) and fm::holdout_split (src/core/split.cpp) ported to JS, bit for bit,
// so TF.js trains and validates on exactly the samples our core uses. Runs in the browser and node.

const MASK64 = (1n << 64n) - 1n;

// xoshiro128** with a splitmix64 seeder: every uint32 operation goes through Math.imul / >>> 0,
// because plain JS multiplication of two 32-bit values loses bits above 2^53.
export class Rng {
  constructor(seed = 42) {
    this.reseed(seed);
  }

  reseed(seed) {
    let x = BigInt.asUintN(64, BigInt(seed));
    this.s = new Uint32Array(4);
    for (let i = 0; i < 4; i++) {
      x = (x + 0x9e3779b97f4a7c15n) & MASK64;
      let z = x;
      z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
      z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
      this.s[i] = Number(((z ^ (z >> 31n)) >> 16n) & 0xffffffffn);
    }
    if ((this.s[0] | this.s[1] | this.s[2] | this.s[3]) === 0) this.s[0] = 1;
  }

  nextU32() {
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  }

  // Uniform integer in [0, n), unbiased by rejection exactly as the C++ `below`.
  below(n) {
    const limit = ((0x100000000 - n) >>> 0) % n; // 2^32 mod n
    let r = this.nextU32();
    while (r < limit) r = this.nextU32();
    return r % n;
  }

  // Fisher–Yates with our own `below`, same order of draws as the C++ template.
  shuffle(v) {
    for (let i = v.length; i > 1; i--) {
      const j = this.below(i);
      const tmp = v[i - 1];
      v[i - 1] = v[j];
      v[j] = tmp;
    }
    return v;
  }
}

function rotl(x, k) {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

// Seeded shuffle of 0..n-1, then the last round(n·valFraction) indices are the validation set.
export function holdoutSplit(n, valFraction, seed) {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  new Rng(seed).shuffle(order);
  const nVal = Math.min(n, Math.max(0, Math.round(n * valFraction)));
  return { train: order.subarray(0, n - nVal), val: order.subarray(n - nVal) };
}

// FNV-1a over the indices as little-endian uint32 bytes: one number that pins a whole split.
export function fnv1a(arrays) {
  let h = 2166136261;
  for (const a of arrays) {
    for (const x of a) {
      for (let b = 0; b < 32; b += 8) h = Math.imul(h ^ ((x >>> b) & 0xff), 16777619) >>> 0;
    }
  }
  return h;
}

// Reference values printed by a small C++ program against src/core (fm::Rng(7) draws;
// holdout_split(60000, 0.2, 42): sizes, a few indices and the FNV-1a of all 60,000).
// The bench page calls this, so a drifting port can't silently change the split.
export function selfCheck() {
  const r = new Rng(7);
  const draws = [r.nextU32(), r.nextU32(), r.below(1000)];
  const { train, val } = holdoutSplit(60000, 0.2, 42);
  const got = [...draws, train.length, val.length, train[0], train[47999], val[0], val[11999],
    fnv1a([train, val])];
  const want = [4210509528, 1033259482, 613, 48000, 12000, 3425, 4018, 35252, 2232, 545829337];
  const ok = got.every((v, i) => v === want[i]);
  return { ok, got, want };
}
