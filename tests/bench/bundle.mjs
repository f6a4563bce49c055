// Reads the page's data bundle in the browser: gzip (DecompressionStream) → the FMNB layout that
// fm::parse_bundle reads (src/core/bundle.cpp, assets/README.md). Version 1 only.

const HEADER_BYTES = 268; // magic, version, side, bits, train, test (6×4) + 10 names × 24 + CRC

export async function fetchBundle(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const gunzip = response.body.pipeThrough(new DecompressionStream('gzip'));
  return parseBundle(new Uint8Array(await new Response(gunzip).arrayBuffer()));
}

export function parseBundle(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== 'FMNB') throw new Error(`not a Fashion-MNIST bundle (magic "${magic}")`);
  const [version, side, bits, train, test] = [4, 8, 12, 16, 20].map((at) => view.getUint32(at, true));
  if (version !== 1) throw new Error(`bundle version ${version}: this bench reads version 1`);
  if (bits !== 8 && bits !== 4) throw new Error(`bundle bits per pixel ${bits}`);
  const pixels = side * side;
  const expected = HEADER_BYTES + (train + test) * (1 + pixels);
  if (bytes.length !== expected) throw new Error(`bundle has ${bytes.length} bytes, expected ${expected}`);
  let at = HEADER_BYTES;
  const take = (n) => bytes.subarray(at, (at += n));
  const trainLabels = take(train);
  const testLabels = take(test);
  const trainImages = take(train * pixels);
  const testImages = take(test * pixels);
  if (bits === 4) {
    // 16 grey levels stored one per byte; q·17 maps them back onto 0..255 as the core does.
    for (const images of [trainImages, testImages]) for (let i = 0; i < images.length; i++) images[i] *= 17;
  }
  return { side, pixels, bits, trainLabels, testLabels, trainImages, testImages };
}

// Rows `indices` of the training images as floats pixel/255 (what fm::gather_batch feeds the core),
// row-major N×pixels, and their labels.
export function gather(data, indices) {
  const x = new Float32Array(indices.length * data.pixels);
  const y = new Float32Array(indices.length);
  const unit = new Float32Array(256).map((_, v) => v / 255);
  indices.forEach((src, row) => {
    const from = src * data.pixels;
    for (let p = 0; p < data.pixels; p++) x[row * data.pixels + p] = unit[data.trainImages[from + p]];
    y[row] = data.trainLabels[src];
  });
  return { x, y };
}
