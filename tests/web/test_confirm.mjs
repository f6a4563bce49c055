// Issue 18 §1: a page command that would replace a trained model asks first (keep / export
// first / discard), with the real mouse; window.fmnist's functions stay silent for scripts.
import fs from 'node:fs';
import path from 'node:path';
import { assert, handClick, handPress, openReady, state, rendered, trainAndWait, waitState } from './helpers.mjs';

const click = handClick;

async function askedFor(page, why) {
  const s = await waitState(page, (x) => x.ui.confirm.open, `the confirm box for ${why}`);
  assert(s.ui.confirm.why === why, `confirm box for ${s.ui.confirm.why}, expected ${why}`);
  return s;
}

async function runShots(page, out, name) {
  await rendered(page, 3);
  await page.screenshot({ path: path.join(out, `${name}.png`) });
}

export const tests = [
  {
    name: 'confirm: Reset, Train and Import ask before a trained model is replaced; the API does not',
    async run({ page, url, out, note }) {
      await openReady(page, url);
      // Nothing trained yet: Train starts at once, no question.
      let s = await state(page);
      await click(page, (x) => x.ui.training.train, 'Train');
      s = await waitState(page, (x) => x.model.trained, 'a run started by the Train button');
      assert(!s.ui.confirm.open, 'asked before replacing nothing');
      s = await waitState(page, (x) => !x.training.running && x.test_acc !== null, 'the run to finish');
      const epochs = s.history.length;
      assert(epochs > 0, 'no epochs after the run');

      // Reset -> Keep: the model stays, with its history.
      await click(page, (x) => x.ui.training.reset, 'Reset');
      s = await askedFor(page, 'reset');
      await runShots(page, out, 'confirm-reset');
      s = await click(page, (x) => x.ui.confirm.keep, 'Keep the model');
      assert(!s.ui.confirm.open, 'the box stayed open after Keep');
      assert(s.model.trained && s.history.length === epochs, `Keep lost the model: ${JSON.stringify(s.model)}, ${s.history.length} epochs`);

      // Train -> Export first: the model is downloaded, then the new run starts.
      await click(page, (x) => x.ui.training.train, 'Train');
      s = await askedFor(page, 'train');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        click(page, (x) => x.ui.confirm.export, 'Export first'),
      ]);
      const file = path.join(out, 'confirm-export.fmnist');
      await download.saveAs(file);
      assert(fs.statSync(file).size > 1000, `the exported model has ${fs.statSync(file).size} bytes`);
      note(`Export first downloaded ${download.suggestedFilename()} (${fs.statSync(file).size} bytes)`);
      s = await waitState(page, (x) => !x.ui.confirm.open && (x.training.running || x.history.length < epochs ||
        x.training.samples > 0), 'the new run after Export first');
      s = await waitState(page, (x) => !x.training.running && x.test_acc !== null, 'the second run to finish');

      // Import -> Keep: no file dialog, the model stays. (The file dialog itself is test_persistence's.)
      await click(page, (x) => x.ui.training.import, 'Import');
      s = await askedFor(page, 'import');
      s = await click(page, (x) => x.ui.confirm.keep, 'Keep the model');
      assert(s.model.trained, 'Keep after Import lost the model');

      // Reset -> Discard: the model is gone.
      await click(page, (x) => x.ui.training.reset, 'Reset');
      s = await askedFor(page, 'reset');
      s = await click(page, (x) => x.ui.confirm.discard, 'Discard it');
      s = await waitState(page, (x) => !x.model.trained && !x.ui.confirm.open, 'the model discarded');

      // Space after a finished run asks too (Space starts a new run then).
      await trainAndWait(page, { epochs: 1 });
      await handPress(page, 'Space');
      s = await askedFor(page, 'train');
      await handPress(page, 'Escape');  // Escape keeps the model
      s = await waitState(page, (x) => !x.ui.confirm.open, 'the box closed by Escape');
      assert(s.model.trained && !s.training.running && s.history.length === 1, 'Escape did not keep the model');

      // The API replaces silently: scripts are not stopped by a question.
      const after = await page.evaluate(() => { window.fmnist.reset(); return window.fmnist.state(); });
      s = await rendered(page, 3);
      assert(!s.ui.confirm.open && !s.model.trained, `fmnist.reset(): box ${s.ui.confirm.open}, trained ${s.model.trained} (${after.model.trained})`);
    },
  },
  {
    name: 'confirm: the lesson\'s Run all asks, in Korean at phone size too (screenshots)',
    viewport: { width: 390, height: 844 },
    async run({ page, url, out }) {
      await openReady(page, `${url}#lang=ko`);
      await trainAndWait(page, { epochs: 1 });
      // Step 1 (the data, no training) opens the lesson's window; the API's run does not ask.
      const ok = await page.evaluate(() => window.fmnist.lesson.run(1));
      assert(ok !== false, 'lesson.run(1) refused');
      let s = await waitState(page, (x) => x.lesson.done[0] && !x.lesson.running, 'lesson step 1');
      assert(!s.ui.confirm.open, 'lesson.run(1) asked');
      s = await rendered(page, 3);
      assert(s.lesson.open, 'the lesson window is not open');
      assert(s.lesson.run_all_rect && s.lesson.run_all_rect.w > 0, `Run all: ${JSON.stringify(s.lesson.run_all_rect)}`);
      await click(page, (x) => x.lesson.run_all_rect, 'Run all steps');
      s = await askedFor(page, 'lesson');
      await runShots(page, out, 'confirm-lesson-ko-390x844');
      s = await click(page, (x) => x.ui.confirm.keep, 'Keep');
      assert(s.model.trained && !s.lesson.running, `Keep started the lesson: ${JSON.stringify(s.lesson)}`);
    },
  },
];
