// Issue 18 §1 and §4 through the real page: "+1 epoch" after a finished run continues that run
// (epoch N+1 of the same model and optimizer; the earlier epochs stay as they were), as does
// fmnist.plusEpoch(); state().model.epochs_trained counts them. The Train button runs at the Watch
// pace on a first visit, the API at full speed: the same epochs either way, the times printed.
import { assert, openReady, rendered, state, trainAndWait, waitState } from './helpers.mjs';

const centre = (r) => [r.x + r.w / 2, r.y + r.h / 2];
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
      s = await rendered(page, 3);
      const [x, y] = centre(s.ui.training.plus_epoch);
      await page.mouse.click(x, y);
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
      const [x, y] = centre(s.ui.training.train);
      const t0 = Date.now();
      await page.mouse.click(x, y);
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
];
