// Issue 14 §1 on the page: the correction loop. One page load: refusals first (no model, a label
// outside 0-9, an empty canvas, a run training), then a sketch the trained softmax misreads is
// corrected (fmnist.correct) and read right, so is the same sketch redrawn smaller elsewhere;
// Undo last correction (by mouse) gives back the prediction from before; My sketches keeps it
// (exported as JSON, a foreign or broken import refused with nothing lost, kept across a reload).
// Screenshots in English, Korean and at 390x844.
import path from 'node:path';
import { loadSketches, simplify } from '../sketches/sketches.mjs';
import { assert, openReady, rendered, state, stroke, waitState, handClick } from './helpers.mjs';

// One sketch's strokes drawn into `box` (page pixels) with the mouse (test_sketches.mjs's way).
async function drawSketch(page, box, sketch) {
  for (const st of sketch.strokes) await stroke(page, box, simplify(st.points, 1 / box.w), 1);
}

async function clearCanvas(page) {
  await page.keyboard.press('c');  // the page's Clear shortcut
  await waitState(page, (s) => s.canvas.empty, 'the canvas cleared');
}

// Draws `sketch` at (x, y) with side `size` (fractions of the canvas) and returns the settled state.
async function drawAt(page, sketch, x, y, size) {
  const r = (await state(page)).canvas.rect;
  await clearCanvas(page);
  await drawSketch(page, { x: r.x + x * r.w, y: r.y + y * r.h, w: size * r.w, h: size * r.h }, sketch);
  await waitState(page, (s) => s.canvas.input.path === 'strokes' && s.canvas.top !== null, 'a prediction of the sketch');
  return rendered(page, 2);
}

// `call` (run in the page, its argument given) must return false with state().error saying why.
const refused = async (page, call, arg, what) => {
  const [ok, error] = await page.evaluate(([c, a]) => {
    const f = window.fmnist;
    const r = c === 'correct' ? f.correct(a) : c === 'undo' ? f.undoCorrection() : f.mySketches.importJson(a);
    return [r, f.state().error];
  }, [call, arg]);
  assert(ok === false, `${what}: ${call}(${JSON.stringify(arg)}) was not refused`);
  assert(typeof error === 'string' && error.length > 0, `${what}: no message`);
  return error;
};

export const tests = [
  {
    name: 'corrections: a misread sketch is read right after its correction, redrawn elsewhere too; refusals, undo, My sketches',
    timeout: 900000,
    async run({ page, url, out, note }) {
      const t0 = Date.now();
      await openReady(page, url);
      const sketches = loadSketches().filter((s) => s.half === 'dev');
      // Refusals before anything is there: a clear message each, nothing changed.
      let e = await refused(page, 'correct', 3, 'no model');
      assert(/train or import a model first/.test(e), `no model: ${e}`);
      e = await refused(page, 'correct', 12, 'label 12');
      assert(/0 to 9/.test(e), `label 12: ${e}`);
      e = await refused(page, 'correct', 1.5, 'label 1.5');
      e = await refused(page, 'undo', 0, 'nothing to undo');
      assert(/no correction to undo/.test(e), `undo: ${e}`);

      // A run training: refused (pause or wait), checked in the same task as train() so the run
      // is surely going; nothing joins My sketches.
      const [accepted, during, err] = await page.evaluate(() => {
        const f = window.fmnist;
        const a = f.train({ epochs: 1 });
        const c = f.correct(1);
        return [a, c, f.state().error];
      });
      assert(accepted && during === false && /pause it or wait/.test(err), `during training: ${during} ${err}`);
      const trained = await waitState(page, (s) => !s.training.running && s.test_acc !== null, 'the run done');
      assert(trained.my_sketches.count === 0, `a refused correction kept a sketch: ${trained.my_sketches.count}`);
      e = await refused(page, 'correct', 1, 'an empty canvas');
      assert(/draw a sketch/.test(e), `empty canvas: ${e}`);

      // The first dev sketch the trained softmax misreads, drawn large.
      let pick = null;
      let before = null;
      for (const sk of sketches) {
        const s = await drawAt(page, sk, 0.1, 0.1, 0.8);
        if (s.canvas.top !== sk.class) {
          pick = sk;
          before = s;
          break;
        }
      }
      assert(pick, 'the softmax reads every dev sketch right: nothing to correct');
      const label = pick.class;
      note(`${pick.name} (class ${label}) read as ${before.canvas.top_name} before`);
      const ok = await page.evaluate((l) => window.fmnist.correct(l), label);
      assert(ok, `correct(${label}) refused: ${(await state(page)).error}`);
      const mid = await state(page);
      assert(mid.my_sketches.count === 1, `My sketches count ${mid.my_sketches.count} after correct()`);
      const fixed = await waitState(page, (s) => s.my_sketches.last_fix && !s.my_sketches.running, 'the fine-tune done');
      const fix = fixed.my_sketches.last_fix;
      note(`fine-tune: ${fix.steps} steps in ${fix.seconds.toFixed(2)} s of engine time; val ${fix.val_before.toFixed(4)} -> ${fix.val_after.toFixed(4)} (${((fix.val_after - fix.val_before) * 100).toFixed(2)} points)`);
      assert(fix.before === before.canvas.top, `engine's before ${fix.before}, page's ${before.canvas.top}`);
      assert(fix.after === label, `after the fix the engine reads ${fix.after}, not ${label}`);
      assert(fixed.my_sketches.fine_tuned === 1 && fixed.my_sketches.can_undo, 'no fine-tuned mark or undo');
      const now = await rendered(page, 2);
      assert(now.canvas.top === label, `the page reads ${now.canvas.top_name} after the fix, not class ${label}`);
      await page.screenshot({ path: path.join(out, 'corrections-en.png') });

      // The same sketch, smaller and elsewhere: read right too.
      const again = await drawAt(page, pick, 0.5, 0.45, 0.45);
      assert(again.canvas.top === label, `redrawn smaller in a corner it reads ${again.canvas.top_name}, not class ${label}`);

      // Undo by mouse: the weights from before, so the large drawing reads as before.
      await handClick(page, (s) => s.my_sketches.rects.undo, 'Undo last correction');
      await waitState(page, (s) => s.my_sketches.fine_tuned === 0 && !s.my_sketches.can_undo, 'the correction undone');
      const undone = await drawAt(page, pick, 0.1, 0.1, 0.8);
      assert(undone.canvas.top === before.canvas.top, `after undo it reads ${undone.canvas.top_name}, before it read ${before.canvas.top_name}`);
      const diff = undone.canvas.probs.reduce((m, p, i) => Math.max(m, Math.abs(p - before.canvas.probs[i])), 0);
      assert(diff < 1e-6, `after undo the probabilities differ from before by ${diff}`);

      // My sketches: the sketch stays (undo takes back weights, not the sketch); export, bad imports.
      const json = await page.evaluate(() => window.fmnist.mySketches.exportJson());
      const set = JSON.parse(json);
      assert(set.format === 'fmnist-sketches' && set.sketches.length === 1 && set.sketches[0].class === label &&
        set.sketches[0].strokes.length === pick.strokes.length, `export ${json.slice(0, 120)}`);
      e = await refused(page, 'import', '{"format": "fmnist-sketches", "sketches": []', 'a cut file');
      assert(/not valid JSON at line 1/.test(e), `cut file: ${e}`);
      e = await refused(page, 'import', '{"weights": [1, 2]}', 'a foreign file');
      assert(/not a sketch set/.test(e), `foreign file: ${e}`);
      e = await refused(page, 'import', '{"format": "fmnist-sketches", "sketches": [{"class": 10, "strokes": [{"points": [[0, 0]]}]}]}', 'a bad class');
      assert(/sketch 1: .*0 to 9/.test(e), `bad class: ${e}`);
      assert((await state(page)).my_sketches.count === 1, 'a refused import changed My sketches');
      assert(await page.evaluate((j) => window.fmnist.mySketches.importJson(j), json), 'its own export refused');
      assert((await state(page)).my_sketches.count === 2, 'the import did not add its sketch');
      assert(await page.evaluate(() => window.fmnist.mySketches.remove(1)), 'remove(1) refused');
      await rendered(page, 2);  // the storage follows the set in the next frame
      const kept = await page.evaluate(() => localStorage.getItem('fmnist.sketches.v1'));
      assert(kept && JSON.parse(kept).sketches.length === 1, `localStorage has ${kept && kept.slice(0, 80)}`);

      // Korean: a refusal and the panel; then a phone's screen.
      await page.evaluate(() => window.fmnist.applySettings('lang=ko', 'hash'));
      await waitState(page, (s) => s.lang === 'ko', 'Korean');
      e = await refused(page, 'correct', -1, 'label -1 in Korean');
      assert(/0에서 9/.test(e), `Korean refusal: ${e}`);
      e = await refused(page, 'import', '[1]', 'a foreign file in Korean');
      assert(/스케치 묶음이 아닙니다/.test(e), `Korean import refusal: ${e}`);
      await rendered(page, 3);
      await page.screenshot({ path: path.join(out, 'corrections-ko.png') });
      await page.setViewportSize({ width: 390, height: 844 });
      await rendered(page, 3);
      await handClick(page, (s) => s.ui.tabs && s.ui.tabs.canvas, 'the Drawing tab');
      await page.screenshot({ path: path.join(out, 'corrections-390x844-ko.png') });

      // Kept across a reload.
      await page.reload();
      const back = await waitState(page, (s) => s.ready, 'ready after reload');
      assert(back.my_sketches.count === 1 && back.my_sketches.labels[0] === label,
        `after a reload My sketches has ${JSON.stringify(back.my_sketches.labels)}`);
      note(`duration ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    },
  },
];
