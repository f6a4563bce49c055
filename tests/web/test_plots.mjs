// Issue 18 §4: the Live plots' axes fit the data of every series (the per-batch loss of the first
// batches included), and a diverged run's blow-up is shown: points above the loss axis are marked
// at its top with their largest value.
import { assert, openReady, rendered, trainAndWait, waitState, shotPanel } from './helpers.mjs';

export const tests = [
  {
    name: 'plots: the loss axis covers every series; a divergence is marked, not an empty plot',
    async run({ page, url, out, note }) {
      await openReady(page, url);
      await trainAndWait(page, { epochs: 2 });
      let s = await rendered(page, 3);
      const p = s.ui.plots;
      assert(p.drawn, 'the plots were not drawn');
      note(`softmax: loss axis 0..${p.loss.y_max}, data max ${p.loss.data_max.toFixed(3)}; acc axis ${p.acc.y_min}..1, data min ${p.acc.data_min.toFixed(3)}`);
      assert(p.loss.data_max > 1.0, `the per-batch loss never went above 1 (${p.loss.data_max}): not the first batches`);
      assert(p.loss.y_max >= p.loss.data_max && p.loss.clipped === 0,
        `loss axis 0..${p.loss.y_max} cuts data up to ${p.loss.data_max} (${p.loss.clipped} points clipped)`);
      assert(p.acc.y_min <= p.acc.data_min, `accuracy axis from ${p.acc.y_min} cuts data down to ${p.acc.data_min}`);

      // lr 100 with SGD diverges in its first epoch: the plot marks the points above the axis.
      assert(await page.evaluate(() => window.fmnist.train({ model: 'softmax', optimizer: 'sgd', lr: 100, epochs: 3 })),
        'train lr 100 refused');
      await waitState(page, (x) => x.training.diverged && x.training.message !== null, 'the divergence');
      s = await rendered(page, 3);
      const d = s.ui.plots;
      note(`lr 100: loss axis 0..${d.loss.y_max}, finite data max ${d.loss.data_max}, ${d.loss.clipped} points marked at the top`);
      assert(d.loss.clipped > 0 || (d.loss.data_max <= d.loss.y_max && d.loss.data_max > 2.5),
        `the blow-up is not shown: ${JSON.stringify(d.loss)}`);
      await shotPanel(page, out, 'plots-diverged', 'plots');
    },
  },
];
