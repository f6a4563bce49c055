// The accessible layer (issue 16 §1, §4), read as a screen reader does: Chromium's own
// accessibility tree (CDP Accessibility.getFullAXTree) names every action in English and Korean;
// a keyboard-only run (Tab, Enter, Space) trains a model and the polite live region says its test
// accuracy, paced to one announcement every 2 s; Space on a page button is not also the canvas's
// Space shortcut; Tab and Escape leave the canvas. One page load at phone size (390×844), with
// screenshots of a focused control in both languages.
import path from 'node:path';
import { assert, openReady, state, waitState, frames, rendered, waiting } from './helpers.mjs';

// The names a listener hears, written out here (not read from the page's string tables).
const NAMES = {
  en: {
    button: ['Train', 'Pause', 'Reset', 'Clear the drawing', 'Random test image', 'Run all steps',
      'Run 1. The data', 'Run 2. Logistic regression, cross-validated', 'Run 3. Training and validation sets',
      'Run 4. A Dense layer with softmax', 'Run 5. What changed, and what next', 'Use the panels with the keyboard'],
    combobox: ['Model', 'Input size', 'Language'],
    canvas: 'Training panels (drawn, not readable by a screen reader)',
  },
  ko: {
    button: ['훈련', '일시정지', '초기화', '그림 지우기', '무작위 테스트 이미지', '모든 단계 실행', '1. 데이터 실행',
      '키보드로 패널 쓰기'],
    combobox: ['모델', '입력 크기', '언어'],
    canvas: '훈련 패널 (그림으로 그려져 화면 낭독기가 읽을 수 없음)',
  },
};

// Chromium's accessibility tree, flattened: [{role, name, disabled, pressed}] of the nodes shown
// to assistive technology.
async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const prop = (n, k) => {
    const p = (n.properties || []).find((x) => x.name === k);
    return p ? p.value.value : undefined;
  };
  return nodes.filter((n) => !n.ignored).map((n) => ({
    role: n.role && n.role.value, name: n.name && n.name.value, disabled: prop(n, 'disabled'),
    pressed: prop(n, 'pressed'),
  }));
}

function checkNames(tree, names, lang) {
  for (const role of ['button', 'combobox']) {
    for (const name of names[role]) {
      assert(tree.some((n) => n.role === role && n.name === name),
        `${lang}: no ${role} named "${name}" in the accessibility tree`);
    }
  }
  assert(tree.some((n) => n.role === 'application' && n.name === names.canvas), `${lang}: canvas not named`);
  assert(tree.some((n) => n.role === 'status'), `${lang}: no live region (status)`);
}

const active = (page) => page.evaluate(() => document.activeElement && document.activeElement.id);
const liveLog = (page) => page.evaluate(() => window.fmnistA11y.log.map((x) => ({ t: x.t, text: x.text })));

// Waits for a condition in the page, naming it for the hang guard's message.
async function until(page, what, fn, arg) {
  waiting.what = what;
  await page.waitForFunction(fn, arg);
  waiting.what = null;
}

async function press(page, key, expectFocus) {
  waiting.what = `${key} pressed`;
  await page.keyboard.press(key);
  waiting.what = null;
  if (expectFocus !== undefined) {
    const id = await active(page);
    assert(id === expectFocus, `after ${key} the focus is on #${id}, expected #${expectFocus}`);
  }
}

export const tests = [
  {
    name: 'a11y: accessibility tree in English and Korean, a keyboard-only run announced, no double Space',
    viewport: { width: 390, height: 844 },
    async run({ page, url, out, note }) {
      const t0 = Date.now();
      await openReady(page, `${url}#lang=en&epochs=1&pace=full`);
      await page.bringToFront();
      await until(page, 'the page\'s Train control', () => document.getElementById('a11y-train') &&
        !document.getElementById('a11y-train').disabled);
      assert(await page.evaluate(() => document.documentElement.lang) === 'en', '<html lang> is not en');
      const tree = await axTree(page);
      checkNames(tree, NAMES.en, 'en');
      note(`${tree.length} accessibility nodes`);

      // --- Keyboard only: the canvas has the focus at start; Tab goes to Train, Enter trains.
      assert(await active(page) === 'canvas', `focus at start on #${await active(page)}`);
      await press(page, 'Tab', 'a11y-train');
      const bar = await page.evaluate(() => document.getElementById('a11y-controls').getBoundingClientRect().height);
      assert(bar >= 44, `the focused controls are not shown (bar ${bar} px high)`);
      await frames(page, 2);
      await page.screenshot({ path: path.join(out, 'a11y-focused-en.png') });
      await press(page, 'Enter');
      waiting.what = 'the test accuracy announced';
      const said = await page.waitForFunction(() => {
        const hit = window.fmnistA11y.log.find((x) => /test accuracy (\d+\.\d)%/.test(x.text));
        return hit && hit.text;
      });
      const text = await said.jsonValue();
      const announced = Number(/test accuracy (\d+\.\d)%/.exec(text)[1]);
      const s = await state(page);
      assert(Math.abs(announced - 100 * s.test_acc) <= 0.051, `announced ${announced}%, state ${s.test_acc}`);
      note(`announced "${text}"`);
      const log = await liveLog(page);
      for (let i = 1; i < log.length; ++i) {
        assert(log[i].t - log[i - 1].t >= 1990, `two announcements ${Math.round(log[i].t - log[i - 1].t)} ms apart`);
      }
      note(`${log.length} announcements`);
      // The prediction of a test image put on the canvas by the page's control.
      await page.focus('#a11y-random');
      await press(page, 'Enter');
      await until(page, 'the prediction announced', () => window.fmnistA11y.log.some((x) => /reads as .+, \d+%/.test(x.text)));
      note(`then "${(await liveLog(page)).pop().text}"`);

      // --- Space on a page button is that button's only: a run at the Watch pace (about 10 s).
      await page.evaluate(() => window.fmnist.applySettings('pace=watch&epochs=2', 'hash'));
      await page.focus('#a11y-train');
      await press(page, 'Space');  // Train again: the model is trained, so the page asks first
      await until(page, 'the question', () => !document.getElementById('a11y-confirm').hidden);
      assert(await active(page) === 'a11y-confirm-1', `the question did not get the focus (#${await active(page)})`);
      await press(page, 'Tab', 'a11y-confirm-2');
      await press(page, 'Tab', 'a11y-confirm-3');
      await press(page, 'Space');  // Discard it
      await waitState(page, (x) => x.training.running, 'the run started from the page button');
      await until(page, 'Pause enabled', () => !document.getElementById('a11y-pause').disabled);
      await until(page, 'the focus back on Train', () => document.activeElement && document.activeElement.id === 'a11y-train');
      await press(page, 'Tab', 'a11y-pause');
      await press(page, 'Space');
      let now = await rendered(page, 3);
      assert(now.training.paused && !now.training.running, `Space on Pause: paused ${now.training.paused}`);
      assert(await page.evaluate(() => document.getElementById('a11y-pause').getAttribute('aria-pressed')) === 'true',
        'Pause is not pressed');
      await press(page, 'Space');
      now = await rendered(page, 3);
      assert(now.training.running && !now.training.paused, `Space on Pause again: running ${now.training.running}`);

      // --- Into the panels and out: Shift+Tab enters ImGui's navigation, Escape comes back,
      // and Tab is never kept by the canvas.
      await press(page, 'Shift+Tab', 'a11y-train');
      await press(page, 'Shift+Tab', 'canvas');
      await until(page, 'ImGui\'s navigation highlight', () => window.fmnistA11y.desc() && window.fmnistA11y.desc().nav_visible);
      await press(page, 'Escape', 'a11y-train');
      await press(page, 'Shift+Tab', 'canvas');
      await press(page, 'Tab', 'a11y-train');
      await page.evaluate(() => window.fmnist.reset());

      // --- Korean, chosen with the page's Language control.
      await page.selectOption('#a11y-lang', 'ko');
      await until(page, '<html lang="ko">', () => document.documentElement.lang === 'ko');
      const ko = await axTree(page);
      checkNames(ko, NAMES.ko, 'ko');
      // A lesson step run from its page control: its result said in Korean.
      await page.focus('#a11y-lesson-1');
      await press(page, 'Enter');
      await until(page, 'the lesson step announced in Korean', () => window.fmnistA11y.log.some((x) => x.text.includes('레슨 1. 데이터: 완료')));
      note(`then "${(await liveLog(page)).pop().text}"`);
      await page.focus('#a11y-train');
      await frames(page, 2);
      await page.screenshot({ path: path.join(out, 'a11y-focused-ko.png') });
      note(`${((Date.now() - t0) / 1000).toFixed(1)} s`);
    },
  },
];
