// Classify a photo or picture (issue 15 §1), as a user gives one: PNG files the test writes from
// Fashion-MNIST test images (scaled up ×10 to 280 px, placed off-centre on a larger background,
// light on dark and inverted: dark on white), chosen through the image file input or dropped on
// the page. The browser decodes them; the page makes each a model input (core/photo.h) and the
// bars must give the labels back about as often as the test images themselves do. A file that is
// not an image, a flat picture and a 12000-px-wide one are refused with the reason, the canvas
// unchanged. fmnist.classifyImage(blob) resolves with the probabilities.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { assert, openReady, state, waitState, trainAndWait } from './helpers.mjs';

const idxDir = process.env.FASHION_MNIST_DIR || '/usr/share/datasets/fashion-mnist';

// A greyscale 8-bit PNG.
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
  for (let y = 0; y < height; ++y) {
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

      // Bad files: refused with the reason, the canvas and its prediction unchanged.
      const before = (await state(page)).canvas.probs;
      const bad = [
        ['notes.png', Buffer.from('this is not an image\n'), /refused.*notes\.png.*not an image/i],
        ['flat.png', png(64, 48, () => 90), /refused.*one flat colour/i],
        ['wide.png', png(12000, 2, (x) => (x % 7) * 30), /refused.*12000.*2.*10000/i],
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
