// Classify a photo or picture (issue 15 §1), as a user gives one: PNG files the test writes from
// Fashion-MNIST test images (scaled up ×10 to 280 px, placed off-centre on a larger background,
// light on dark and inverted: dark on white), chosen through the image file input or dropped on
// the page. The browser decodes them; the page makes each a model input (core/photo.h) and the
// bars must give the labels back about as often as the test images themselves do. A file that is
// not an image, a flat picture, a 0×0, a 12000-px-wide and a 20000×20000 one and a file over 20 MB
// are refused with the reason, the canvas unchanged; an animated GIF is read by its first frame.
// fmnist.classifyImage(blob) resolves with the probabilities.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { assert, openReady, state, waitState, trainAndWait } from './helpers.mjs';

const idxDir = process.env.FASHION_MNIST_DIR || '/usr/share/datasets/fashion-mnist';

// A greyscale 8-bit PNG; pixel null: all black.
function png(width, height, pixel) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;  // bit depth; colour type 0 (grey), compression, filter, interlace 0
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; pixel && y < height; ++y) {
    for (let x = 0; x < width; ++x) raw[y * (width + 1) + 1 + x] = pixel(x, y);
  }
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

// Test image i scaled ×10 at (60 + 7i mod 50, 25) on a 420×330 background; inverted: dark on white.
function photo(images, i, inverted) {
  const img = images.subarray(i * 784, (i + 1) * 784);
  const ox = 60 + (7 * i) % 50, oy = 25;
  return png(420, 330, (x, y) => {
    const u = Math.floor((x - ox) / 10), v = Math.floor((y - oy) / 10);
    const value = u >= 0 && u < 28 && v >= 0 && v < 28 ? img[v * 28 + u] : 0;
    return inverted ? 255 - value : value;
  });
}

// An animated GIF89a of black-and-white frames (each a w×h array of 0/1), looping. Its LZW stream
// sends a clear code after every two pixels, so every code stays 3 bits wide: no compressor needed.
function gif(w, h, frames) {
  const bytes = [...Buffer.from('GIF89a', 'latin1'), w & 255, w >> 8, h & 255, h >> 8, 0x80, 0, 0,
    0, 0, 0, 255, 255, 255];  // a global colour table of two: black, white
  bytes.push(0x21, 0xff, 11, ...Buffer.from('NETSCAPE2.0', 'latin1'), 3, 1, 0, 0, 0);  // loop forever
  for (const pixels of frames) {
    bytes.push(0x21, 0xf9, 4, 0, 50, 0, 0, 0);  // 0.5 s a frame
    bytes.push(0x2c, 0, 0, 0, 0, w & 255, w >> 8, h & 255, h >> 8, 0, 2);  // the image, min code size 2
    const codes = [4];
    pixels.forEach((p, i) => {
      codes.push(p);
      if (i % 2 === 1) codes.push(4);
    });
    codes.push(5);
    const packed = [];
    let acc = 0, bits = 0;
    for (const c of codes) {
      acc |= c << bits;
      bits += 3;
      while (bits >= 8) { packed.push(acc & 255); acc >>= 8; bits -= 8; }
    }
    if (bits > 0) packed.push(acc & 255);
    for (let i = 0; i < packed.length; i += 255) {
      const block = packed.slice(i, i + 255);
      bytes.push(block.length, ...block);
    }
    bytes.push(0);
  }
  bytes.push(0x3b);
  return Buffer.from(bytes);
}

async function dropFile(page, name, bytes, type) {
  await page.evaluate(([n, b, t]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(b)], n, { type: t }));
    const target = document.getElementById('canvas');
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [name, Array.from(bytes), type]);
}

const top = (probs) => probs.indexOf(Math.max(...probs));

export const tests = [
  {
    name: 'image: PNGs chosen or dropped are classified like the test images they show; bad files refused',
    async run({ page, url, out, note }) {
      const images = zlib.gunzipSync(fs.readFileSync(path.join(idxDir, 't10k-images-idx3-ubyte.gz'))).subarray(16);
      const labels = zlib.gunzipSync(fs.readFileSync(path.join(idxDir, 't10k-labels-idx1-ubyte.gz'))).subarray(8);
      await openReady(page, url);
      await trainAndWait(page, { epochs: 2, model: 'mlp', hidden: [100], optimizer: 'adam' });

      const n = 20;
      let direct = 0;
      const right = { light: 0, inverted: 0 };
      for (let i = 0; i < n; ++i) {
        assert(await page.evaluate((k) => window.fmnist.loadTestImage(k), i), `loadTestImage(${i})`);
        if ((await state(page)).canvas.top === labels[i]) ++direct;
        for (const inverted of [false, true]) {
          const bytes = photo(images, i, inverted);
          const file = path.join(out, `photo-${i}${inverted ? '-inverted' : ''}.png`);
          fs.writeFileSync(file, bytes);
          await page.evaluate(() => window.fmnist.clearCanvas());
          if (i % 2 === 0) await page.setInputFiles('#image-file', file);
          else await dropFile(page, path.basename(file), bytes, 'image/png');
          const s = await waitState(page, (x) => x.error || (!x.canvas.empty && x.canvas.top !== null), `photo ${i}`);
          assert(!s.error, `photo ${i} refused: ${s.error}`);
          if (s.canvas.top === labels[i]) ++right[inverted ? 'inverted' : 'light'];
        }
      }
      await page.screenshot({ path: path.join(out, 'image-classified.png') });
      note(`right of ${n}: the test images ${direct}, as photos light on dark ${right.light}, dark on white ${right.inverted}`);
      for (const k of ['light', 'inverted']) assert(right[k] >= direct - 4, `${k}: ${right[k]} of ${n} vs ${direct}`);

      // The API with a Blob: the probabilities.
      const probs = await page.evaluate((b) => window.fmnist.classifyImage(new Blob([new Uint8Array(b)], { type: 'image/png' })),
        Array.from(photo(images, 3, true)));
      assert(Array.isArray(probs) && probs.length === 10 && Math.abs(probs.reduce((a, b) => a + b, 0) - 1) < 1e-4,
        `classifyImage: ${probs}`);
      assert(top(probs) === (await state(page)).canvas.top, 'the canvas shows another prediction');

      // An animated GIF is read by its first frame: the same probabilities as a PNG of that frame,
      // and not those of the second frame (a trouser's two legs, then a bar across).
      const side = 40;
      const legs = Array.from({ length: side * side }, (_, k) => {
        const x = k % side, y = Math.floor(k / side);
        return y >= 4 && y < 36 && ((x >= 10 && x < 18) || (x >= 22 && x < 30) || (y < 10 && x >= 10 && x < 30)) ? 1 : 0;
      });
      const bar = Array.from({ length: side * side }, (_, k) => (Math.floor(k / side) >= 16 && Math.floor(k / side) < 24 ? 1 : 0));
      const classify = (bytes, type) => page.evaluate(([b, t]) =>
        window.fmnist.classifyImage(new Blob([new Uint8Array(b)], { type: t })), [Array.from(bytes), type]);
      const fromGif = await classify(gif(side, side, [legs, bar]), 'image/gif');
      const firstFrame = await classify(png(side, side, (x, y) => 255 * legs[y * side + x]), 'image/png');
      const secondFrame = await classify(png(side, side, (x, y) => 255 * bar[y * side + x]), 'image/png');
      const gap = (a, b) => Math.max(...a.map((v, k) => Math.abs(v - b[k])));
      note(`animated GIF vs its first frame: largest difference ${gap(fromGif, firstFrame).toExponential(1)}; ` +
        `vs its second frame ${gap(fromGif, secondFrame).toFixed(3)}`);
      assert(gap(fromGif, firstFrame) < 1e-6, `the GIF was not read by its first frame: ${fromGif} vs ${firstFrame}`);
      assert(gap(fromGif, secondFrame) > 1e-3, 'the two frames give the same probabilities: the check cannot tell them apart');

      // Bad files: refused with the reason, the canvas and its prediction unchanged. The
      // 20000×20000 PNG (390 KB of zeros deflated) is refused from its header, never decoded.
      const before = (await state(page)).canvas.probs;
      const huge = Buffer.concat([png(8, 8, null), Buffer.alloc(21 * 1024 * 1024)]);
      const bad = [
        ['notes.png', Buffer.from('this is not an image\n'), /refused.*notes\.png.*not an image/i],
        ['flat.png', png(64, 48, () => 90), /refused.*one flat colour/i],
        ['wide.png', png(12000, 2, (x) => (x % 7) * 30), /refused.*12000.*2.*10000/i],
        ['empty.png', png(0, 0, null), /refused.*empty\.png.*not an image/i],
        ['giant.png', png(20000, 20000, null), /refused.*20000.*20000.*10000/i],
        ['huge.png', huge, new RegExp(`refused.*huge\\.png.*${huge.length.toLocaleString('en-US')} bytes.*20,971,520`, 'i')],
      ];
      for (const [name, bytes, re] of bad) {
        const file = path.join(out, name);
        fs.writeFileSync(file, bytes);
        await page.setInputFiles('#image-file', file);
        const s = await waitState(page, (x) => x.error, `refusal of ${name}`);
        assert(re.test(s.error), `${name}: ${JSON.stringify(s.error)}`);
        assert(JSON.stringify(s.canvas.probs) === JSON.stringify(before), `${name}: the canvas changed`);
        await page.evaluate(() => window.fmnist._setError(''));
      }
    },
  },
];
