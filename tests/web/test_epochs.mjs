// Issue 18 §1 and §4 through the real page: "+1 epoch" after a finished run continues that run
// (epoch N+1 of the same model and optimizer; the earlier epochs stay as they were), as does
// fmnist.plusEpoch(); state().model.epochs_trained counts them. The Train button runs at the Watch
// pace on a first visit, the API at full speed: the same epochs either way, the times printed.
import fs from 'node:fs';
import path from 'node:path';
import { assert, handClick, openReady, rendered, savedEpochs, trainAndWait, waitState, shotPanel } from './helpers.mjs';

const finished = (n) => (x) => !x.training.running && x.history.length === n && x.test_acc !== null &&
  x.training.phase === 'done';

export const tests = [
  {
    name: 'epochs: +1 epoch clicked after a finished run continues it, the earlier epochs unchanged; plusEpoch() too',
    async run({ page, url, note }) {
      await openReady(page, url);
      let s = await trainAndWait(page, { epochs: 2 });
      assert(s.model.epochs_trained === 2, `epochs_trained ${s.model.epochs_trained} after 2 epochs`);
      const before = JSON.stringify(s.history);
      await handClick(page, (v) => v.ui.training.plus_epoch, '+1 epoch');
      s = await waitState(page, finished(3), 'epoch 3 of the same run after +1 epoch');
      assert(s.ui.confirm.open === false, '+1 epoch asked to replace the model');
      assert(JSON.stringify(s.history.slice(0, 2)) === before,
        `the first two epochs changed: ${before} -> ${JSON.stringify(s.history.slice(0, 2))}`);
      assert(s.history[2].epoch === 3 && s.training.epochs === 3 && s.model.epochs_trained === 3,
        `after +1 epoch: history ${s.history.map((e) => e.epoch)}, epochs ${s.training.epochs}, trained ${s.model.epochs_trained}`);
      assert(await page.evaluate(() => window.fmnist.plusEpoch()), 'plusEpoch() refused');
      s = await waitState(page, finished(4), 'epoch 4 after fmnist.plusEpoch()');
      assert(s.model.epochs_trained === 4, `epochs_trained ${s.model.epochs_trained} after plusEpoch()`);
      const continued = s.history;
      // The same run: 2 + 1 + 1 epochs are a 4-epoch run with the same settings, epoch by epoch.
      s = await trainAndWait(page, { epochs: 4 });
      for (let i = 0; i < 4; ++i) {
        assert(continued[i].val_loss === s.history[i].val_loss && continued[i].val_acc === s.history[i].val_acc,
          `epoch ${i + 1}: continued ${JSON.stringify(continued[i])} vs a 4-epoch run ${JSON.stringify(s.history[i])}`);
      }
      note(`2 epochs, +1 epoch (mouse), plusEpoch(): val acc ${continued.map((e) => e.val_acc.toFixed(4)).join(', ')}, the same as one 4-epoch run`);
    },
  },
  {
    name: 'pace: the Train button watches on a first visit, the API runs at full speed; same epochs, times printed',
    async run({ page, url, note }) {
      await openReady(page, url);
      let s = await rendered(page, 3);
      assert(s.training.pace === 'watch', `the Train button's pace on a first visit: ${s.training.pace}`);
      assert(s.ui.training.fields.pace && s.ui.training.fields.pace.w > 0, 'no Pace control in the Training panel');
      const t0 = Date.now();
      await handClick(page, (v) => v.ui.training.train, 'Train');
      await waitState(page, (v) => v.training.samples > 0, 'the watched run going');
      // While watched, the run is visibly in progress: some state between its start and its end.
      s = await waitState(page, (v) => v.history.length >= 1 && v.training.running, 'an epoch shown while the run goes on');
      s = await waitState(page, finished(5), 'the watched run to finish');
      const watchS = (Date.now() - t0) / 1000;
      const watched = s.history;
      const t1 = Date.now();
      s = await trainAndWait(page, { epochs: 5 });
      const fullS = (Date.now() - t1) / 1000;
      assert(s.training.pace === 'watch', 'an API run changed the Train button\'s pace');
      for (let i = 0; i < 5; ++i) {
        assert(watched[i].val_loss === s.history[i].val_loss, `epoch ${i + 1} differs between Watch and Full`);
      }
      // train({pace: 'watch'}) is accepted (the engine's pace row); a bad pace is refused.
      assert(await page.evaluate(() => window.fmnist.train({ epochs: 1, pace: 'watch' })), "train({pace: 'watch'}) refused");
      await page.evaluate(() => window.fmnist.reset());
      assert(!(await page.evaluate(() => window.fmnist.train({ pace: 'slow' }))), "train({pace: 'slow'}) accepted");
      note(`softmax 14x14, 5 epochs: Watch (Train button, mouse) ${watchS.toFixed(1)} s click to done, ` +
        `Full (fmnist.train) ${fullS.toFixed(1)} s; the same validation losses`);
    },
  },
  {
    name: 'epochs: a reload keeps epochs_trained and the history, +1 epoch goes on at epoch 4; an export carries them into an import',
    async run({ page, url, out, note }) {
      await openReady(page, url);
      await trainAndWait(page, { epochs: 2 });
      assert(await page.evaluate(() => window.fmnist.plusEpoch()), 'plusEpoch() refused');
      const before = await waitState(page, finished(3), 'epoch 3');
      // The model file kept in the browser's storage carries the 3 epochs (saved after the last one).
      for (let n = await savedEpochs(page); n !== 3; n = await savedEpochs(page)) await rendered(page, 1);
      await page.reload();
      let s = await waitState(page, (x) => x.ready && x.storage.restored && x.model.trained && x.training.phase === 'done',
        'the restored model');
      assert(s.model.epochs_trained === 3 && s.model.origin === 'restored' && s.training.epoch === 3,
        `after the reload: epochs_trained ${s.model.epochs_trained}, epoch ${s.training.epoch}, origin ${s.model.origin}`);
      assert(JSON.stringify(s.history) === JSON.stringify(before.history),
        `history ${JSON.stringify(s.history)} vs before ${JSON.stringify(before.history)}`);
      await rendered(page, 3);
      await shotPanel(page, out, 'epochs-restored-training', 'training');
      await shotPanel(page, out, 'epochs-restored-plots', 'plots');
      // The exported file, imported through the file chooser: named, with the same history.
      const [download] = await Promise.all([page.waitForEvent('download'), page.evaluate(() => window.fmnist.exportModel())]);
      const file = path.join(out, 'epochs-export.fmnist');
      await download.saveAs(file);
      // +1 epoch on the restored model: epoch 4, the first three as they were.
      await handClick(page, (v) => v.ui.training.plus_epoch, '+1 epoch');
      s = await waitState(page, finished(4), 'epoch 4 of the restored model');
      assert(s.model.epochs_trained === 4 && s.history[3].epoch === 4 && s.training.epochs === 4,
        `after +1 epoch on the restored model: trained ${s.model.epochs_trained}, epochs ${s.history.map((e) => e.epoch)}`);
      assert(JSON.stringify(s.history.slice(0, 3)) === JSON.stringify(before.history),
        `the restored epochs changed: ${JSON.stringify(s.history.slice(0, 3))}`);
      const continued = s.history[3];
      await page.evaluate(() => window.fmnist.reset());
      await page.setInputFiles('#import-file', { name: 'my-jacket-model.fmnist', mimeType: 'application/octet-stream',
        buffer: fs.readFileSync(file) });
      s = await waitState(page, (x) => x.model.origin === 'imported' && x.training.phase === 'done', 'the imported model');
      assert(s.model.origin_name === 'my-jacket-model.fmnist', `origin_name ${s.model.origin_name}`);
      assert(s.model.epochs_trained === 3 && JSON.stringify(s.history) === JSON.stringify(before.history),
        `imported: epochs_trained ${s.model.epochs_trained}, history ${JSON.stringify(s.history)}`);
      await rendered(page, 3);
      await shotPanel(page, out, 'epochs-imported-training', 'training');
      await shotPanel(page, out, 'epochs-imported-plots', 'plots');
      assert(await page.evaluate(() => window.fmnist.plusEpoch()), 'plusEpoch() refused on the imported model');
      s = await waitState(page, finished(4), 'epoch 4 of the imported model');
      assert(s.model.epochs_trained === 4 && JSON.stringify(s.history.slice(0, 3)) === JSON.stringify(before.history),
        `imported +1: trained ${s.model.epochs_trained}, history ${JSON.stringify(s.history)}`);
      // Both continued the same file's weights and shuffles with a fresh optimizer state.
      assert(s.history[3].val_loss === continued.val_loss,
        `epoch 4: imported ${s.history[3].val_loss} vs restored ${continued.val_loss}`);
      note(`reload: 3 epochs kept, +1 epoch -> epoch 4 (val acc ${continued.val_acc.toFixed(4)}); ` +
        `import of the export: "Imported from my-jacket-model.fmnist", 3 epochs, +1 -> epoch 4 (val acc ${s.history[3].val_acc.toFixed(4)})`);
    },
  },
];
