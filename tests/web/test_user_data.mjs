// A user's own data set (issue 15 §2), as a user loads it: CSV files the test writes from
// Fashion-MNIST's IDX files (labels permuted, a class-names file), chosen through the page's file
// chooser (the "Your data (CSV)…" button clicked with the mouse, files given by path). The engine
// parses them; the panels show the new names; a run trains to within ±0.01 of the built-in set's
// test accuracy at 14×14. A CSV with a bad row is refused with its row and reason while the data
// and model in use stay; Back to Fashion-MNIST restores the built-in set and its names.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { assert, handClick, openReady, savedEpochs, shotPanel, state, waitState, trainAndWait, rendered } from './helpers.mjs';

const idxDir = process.env.FASHION_MNIST_DIR || '/usr/share/datasets/fashion-mnist';
const perm = (c) => (3 * c + 1) % 10;  // the user's label of Fashion-MNIST's class c
const FASHION = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];

// Kaggle's form: header, then label and 784 pixels a row. Streamed to disk a block of rows at a time.
function writeCsv(file, images, labels) {
  const n = labels.length;
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, `label,${Array.from({ length: 784 }, (_, i) => `pixel${i + 1}`).join(',')}\n`);
  for (let start = 0; start < n; start += 2000) {
    const rows = [];
    for (let i = start; i < Math.min(n, start + 2000); ++i) {
      rows.push(`${perm(labels[i])},${images.subarray(i * 784, (i + 1) * 784).join(',')}`);
    }
    fs.writeSync(fd, `${rows.join('\n')}\n`);
  }
  fs.closeSync(fd);
}

function idx(name, skip) {
  return zlib.gunzipSync(fs.readFileSync(path.join(idxDir, name))).subarray(skip);
}

// The chooser that the Data button opens, given these paths.
async function chooseFiles(page, files) {
  const chosen = page.waitForEvent('filechooser');
  await handClick(page, (s) => s.ui.user_data, 'Your data');
  const chooser = await chosen;
  assert(chooser.isMultiple(), 'the chooser should take several files');
  await chooser.setFiles(files);
}

export const tests = [
  {
    name: 'user data: a CSV chosen through the page trains like Fashion-MNIST, with its names',
    async run({ page, url, out, note }) {
      const train = path.join(out, 'my-train.csv');
      const test = path.join(out, 'my-test.csv');
      const names = path.join(out, 'names.txt');
      const userNames = FASHION.map((_, u) => `my-${FASHION[(7 * (u + 9)) % 10].toLowerCase()}`);  // perm⁻¹(u) = 7(u − 1) mod 10
      writeCsv(train, idx('train-images-idx3-ubyte.gz', 16), idx('train-labels-idx1-ubyte.gz', 8));
      writeCsv(test, idx('t10k-images-idx3-ubyte.gz', 16), idx('t10k-labels-idx1-ubyte.gz', 8));
      fs.writeFileSync(names, `${userNames.join('\n')}\n`);
      const bad = path.join(out, 'bad.csv');
      const lines = fs.readFileSync(test, 'utf8').split('\n').slice(0, 5);
      lines[2] = `12${lines[2].slice(lines[2].indexOf(','))}`;  // row 3: label 12
      fs.writeFileSync(bad, `${lines.join('\n')}\n`);

      await openReady(page, url);
      const settings = { epochs: 1, model: 'softmax', batch: 32, seed: 42 };
      const builtin = await trainAndWait(page, settings);

      // Memory, printed: the engine's WebAssembly memory (it only grows, so after = peak) and the
      // page's JS heap, sampled while the files stream through it.
      const engineMB = async () => {
        const sizes = await Promise.all(page.workers().map((w) => w.evaluate(() =>
          (typeof engine !== 'undefined' && engine && engine.HEAPU8 ? engine.HEAPU8.buffer.byteLength : 0)).catch(() => 0)));
        return Math.max(0, ...sizes) / 2 ** 20;
      };
      const engineBefore = await engineMB();
      await page.evaluate(() => {
        window.__heapPeak = performance.memory.usedJSHeapSize;
        window.__heapSampler = setInterval(() => {
          window.__heapPeak = Math.max(window.__heapPeak, performance.memory.usedJSHeapSize);
        }, 20);
      });
      const t0 = Date.now();
      await chooseFiles(page, [train, test, names]);
      const loaded = await waitState(page, (x) => x.error || (x.dataset.user.active && !x.dataset.user.loading), 'the user data set');
      const seconds = (Date.now() - t0) / 1000;
      assert(!loaded.error, `refused: ${loaded.error}`);
      const heapPeak = await page.evaluate(() => { clearInterval(window.__heapSampler); return window.__heapPeak / 2 ** 20; });
      note(`${(fs.statSync(train).size / 1e6).toFixed(0)} MB + ${(fs.statSync(test).size / 1e6).toFixed(0)} MB of CSV read and parsed in ${seconds.toFixed(1)} s; ` +
        `engine memory ${engineBefore.toFixed(0)} → ${(await engineMB()).toFixed(0)} MiB, page JS heap peak ${heapPeak.toFixed(0)} MiB`);
      assert(JSON.stringify(loaded.dataset.names) === JSON.stringify(userNames), `names ${loaded.dataset.names}`);
      assert(loaded.dataset.train === 48000 && loaded.dataset.val === 12000 && loaded.dataset.test === 10000,
        `counts ${JSON.stringify(loaded.dataset)}`);
      assert(!loaded.model.trained && loaded.test_acc === null, 'the built-in model should be gone');
      const firstTest = idx('t10k-labels-idx1-ubyte.gz', 8)[0];
      assert(await page.evaluate(() => window.fmnist.testLabel(0)) === perm(firstTest), 'labels not the CSV\'s');

      const mine = await trainAndWait(page, settings);
      note(`test accuracy: built-in ${builtin.test_acc.toFixed(4)}, the same images as a CSV ${mine.test_acc.toFixed(4)}`);
      assert(Math.abs(mine.test_acc - builtin.test_acc) <= 0.01, `${mine.test_acc} vs ${builtin.test_acc}`);
      await page.screenshot({ path: path.join(out, 'user-data.png') });

      // A bad row: refused with where and why, the data set and model in use stay.
      await chooseFiles(page, [bad]);
      const refused = await waitState(page, (x) => x.error, 'the refusal');
      assert(/refused.*row 3.*12/i.test(refused.error), `message ${JSON.stringify(refused.error)}`);
      assert(refused.dataset.user.active && refused.dataset.names[0] === userNames[0], 'the data set changed');
      assert(refused.model.trained && refused.test_acc === mine.test_acc, 'the model changed');

      // Back to Fashion-MNIST.
      assert(await page.evaluate(() => window.fmnist.backToFashionMnist()), 'backToFashionMnist refused');
      const back = await waitState(page, (x) => !x.dataset.user.active && x.dataset.names[0] === FASHION[0], 'Fashion-MNIST again');
      assert(back.dataset.test === 10000 && !back.model.trained, `after back ${JSON.stringify(back.dataset)}`);
      assert(await page.evaluate(() => window.fmnist.testLabel(0)) === firstTest, 'labels not Fashion-MNIST\'s');
      const again = await trainAndWait(page, settings);
      assert(again.test_acc === builtin.test_acc, `built-in again ${again.test_acc} vs ${builtin.test_acc}`);
    },
  },
];

// A small data set: `count` rows of test images, as the test writes them for the quick cases.
function smallCsv(count) {
  const images = idx('t10k-images-idx3-ubyte.gz', 16), labels = idx('t10k-labels-idx1-ubyte.gz', 8);
  const rows = [`label,${Array.from({ length: 784 }, (_, i) => `pixel${i + 1}`).join(',')}`];
  for (let i = 0; i < count; ++i) rows.push(`${labels[i]},${images.subarray(i * 784, (i + 1) * 784).join(',')}`);
  return `${rows.join('\n')}\n`;
}

tests.push({
  name: 'user data: a .csv.gz without a test set loads (and says there is no test set); files that are no data set are refused',
  async run({ page, url, out }) {
    const gz = path.join(out, 'small.csv.gz');
    fs.writeFileSync(gz, zlib.gzipSync(smallCsv(300)));
    const names = path.join(out, 'ten.txt');
    fs.writeFileSync(names, 'zero\none\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\n');
    const plain = [1, 2, 3].map((k) => {
      const f = path.join(out, `part${k}.csv`);
      fs.writeFileSync(f, smallCsv(20));
      return f;
    });
    await openReady(page, url);
    // Names alone, and three CSVs: refused before anything is read.
    await chooseFiles(page, [names]);
    let s = await waitState(page, (x) => x.error, 'names alone refused');
    assert(/choose a CSV file/i.test(s.error) && !s.dataset.user.active, `names alone: ${s.error}`);
    await page.evaluate(() => window.fmnist._setError(''));
    await chooseFiles(page, plain);
    s = await waitState(page, (x) => x.error, 'three CSVs refused');
    assert(/at most two CSV/i.test(s.error) && !s.dataset.user.active, `three CSVs: ${s.error}`);
    await page.evaluate(() => window.fmnist._setError(''));
    // The gzipped CSV and the names.
    await chooseFiles(page, [gz, names]);
    s = await waitState(page, (x) => x.error || (x.dataset.user.active && !x.dataset.user.loading), 'the gzipped data set');
    assert(!s.error, `refused: ${s.error}`);
    assert(s.dataset.train + s.dataset.val === 300 && s.dataset.test === 0, `counts ${JSON.stringify(s.dataset)}`);
    assert(s.dataset.names[9] === 'nine', `names ${s.dataset.names}`);
    assert(/no test set/i.test(s.notice || ''), `notice ${JSON.stringify(s.notice)}`);
    const done = await waitState(page, (x) => x.ready, 'ready');
    assert(await page.evaluate(() => window.fmnist.train({ epochs: 1 })), `train refused: ${(await state(page)).error}`);
    const trained = await waitState(page, (x) => !x.training.running && x.history.length === 1, 'one epoch');
    assert(trained.model.trained && trained.test_acc === null && done, `test_acc ${trained.test_acc} (no test set)`);
  },
});

tests.push({
  name: 'user data: the original IDX files (.gz) chosen together train like the built-in set',
  async run({ page, url, out, note }) {
    const names = path.join(out, 'idx-names.txt');
    fs.writeFileSync(names, `${FASHION.map((n) => `idx ${n}`).join('\n')}\n`);
    const files = ['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz', 't10k-images-idx3-ubyte.gz',
      't10k-labels-idx1-ubyte.gz'].map((f) => path.join(idxDir, f));
    await openReady(page, url);
    const settings = { epochs: 1, model: 'softmax', batch: 32, seed: 42 };
    const builtin = await trainAndWait(page, settings);
    const t0 = Date.now();
    await chooseFiles(page, [...files, names]);
    const s = await waitState(page, (x) => x.error || (x.dataset.user.active && !x.dataset.user.loading), 'the IDX data set');
    assert(!s.error, `refused: ${s.error}`);
    note(`the four .gz files (gunzipped by the browser, parsed by the engine) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    assert(s.dataset.train === 48000 && s.dataset.test === 10000 && s.dataset.names[9] === 'idx Ankle boot',
      `data set ${JSON.stringify(s.dataset)}`);
    assert(await page.evaluate(() => window.fmnist.testLabel(0)) === idx('t10k-labels-idx1-ubyte.gz', 8)[0], 'labels');
    const mine = await trainAndWait(page, settings);
    note(`test accuracy: built-in ${builtin.test_acc.toFixed(4)}, the IDX files ${mine.test_acc.toFixed(4)}`);
    assert(Math.abs(mine.test_acc - builtin.test_acc) <= 0.01, `${mine.test_acc} vs ${builtin.test_acc}`);
  },
});

// Issue 15: a model trained on a user's data carries its class names in the model file. After a
// reload (the user's data gone, Fashion-MNIST's images back) and after an export imported into a
// fresh page, the model's outputs keep the user's names: state().model.class_names, the canvas
// bars; the data's own labels keep theirs.
tests.push({
  name: 'user data: a model of the user\'s classes keeps its names after a reload and through export and import',
  async run({ page, url, out, note }) {
    const csv = path.join(out, 'named-model.csv');
    fs.writeFileSync(csv, smallCsv(1000));  // the test images' own labels: the classes are Fashion-MNIST's
    const names = path.join(out, 'named-model.txt');
    const mine = FASHION.map((n) => `my ${n.toLowerCase()}`);
    fs.writeFileSync(names, `${mine.join('\n')}\n`);
    const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
    await openReady(page, url);
    await chooseFiles(page, [csv, names]);
    let s = await waitState(page, (x) => x.error || (x.dataset.user.active && !x.dataset.user.loading), 'the data set');
    assert(!s.error, `refused: ${s.error}`);
    await waitState(page, (x) => x.ready, 'ready');
    assert(await page.evaluate(() => window.fmnist.train({ epochs: 2, model: 'softmax' })), 'train refused');
    s = await waitState(page, (x) => !x.training.running && x.history.length === 2, '2 epochs (no test set)');
    assert(same(s.model.class_names, mine) && same(s.dataset.names, mine), `trained: ${s.model.class_names}`);
    for (let n = await savedEpochs(page); n !== 2; n = await savedEpochs(page)) await rendered(page, 1);

    await page.reload();
    s = await waitState(page, (x) => x.ready && x.storage.restored && x.model.trained && x.training.phase === 'done',
      'the restored model');
    assert(!s.dataset.user.active && s.dataset.names[0] === FASHION[0], `data after the reload ${s.dataset.names}`);
    assert(same(s.model.class_names, mine), `restored model's names ${s.model.class_names}`);
    assert(s.model.epochs_trained === 2, `epochs_trained ${s.model.epochs_trained}`);
    const label = await page.evaluate(() => window.fmnist.testLabel(0));
    await page.evaluate(() => window.fmnist.loadTestImage(0));
    s = await waitState(page, (x) => x.canvas.top !== null, 'the canvas prediction');
    assert(s.canvas.top_name === mine[s.canvas.top], `the top bar says ${s.canvas.top_name}`);
    await rendered(page, 3);
    await shotPanel(page, out, 'named-model-restored-canvas', 'canvas');
    await shotPanel(page, out, 'named-model-restored-samples', 'samples');
    await shotPanel(page, out, 'named-model-restored-confusion', 'confusion');
    const restoredTop = s.canvas.top_name;

    // Exported, then imported into a fresh page (nothing kept): the names come with the file.
    const [download] = await Promise.all([page.waitForEvent('download'), page.evaluate(() => window.fmnist.exportModel())]);
    const file = path.join(out, 'named-model.fmnist');
    await download.saveAs(file);
    await page.evaluate(() => window.fmnist.reset());
    s = await waitState(page, (x) => !x.model.trained && x.model.class_names[0] === FASHION[0], 'no model: Fashion-MNIST\'s names');
    await page.reload();
    await openReady(page, url);
    await page.setInputFiles('#import-file', { name: 'named-model.fmnist', mimeType: 'application/octet-stream',
      buffer: fs.readFileSync(file) });
    s = await waitState(page, (x) => x.model.origin === 'imported' && x.training.phase === 'done', 'the imported model');
    assert(same(s.model.class_names, mine) && s.model.epochs_trained === 2,
      `imported: names ${s.model.class_names}, epochs_trained ${s.model.epochs_trained}`);
    await page.evaluate(() => window.fmnist.loadTestImage(0));
    s = await waitState(page, (x) => x.canvas.top !== null, 'the canvas prediction');
    assert(s.canvas.top_name === restoredTop, `imported top bar ${s.canvas.top_name} vs restored ${restoredTop}`);
    await rendered(page, 3);
    await shotPanel(page, out, 'named-model-imported-canvas', 'canvas');
    note(`test image 0 (a ${FASHION[label]}): "${restoredTop}" after the reload and after the import; test acc ${s.test_acc.toFixed(4)}`);
  },
});
