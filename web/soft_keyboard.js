// The on-screen keyboard for the overlay's number fields (issue 16 §2): a canvas cannot open a
// phone's keyboard, an <input> can, but only when focused inside the touch gesture itself. So on
// `touchend` over a number field (the rectangles the overlay recorded in its last frame,
// src/app/ui/soft_keyboard.h) a hidden input is placed over the field, filled with its text and
// focused right there; what it holds (typed, or composed by an IME) goes to the field as its
// whole text, and Enter or leaving the input applies it, as Enter does in the field.
'use strict';

(function () {
  const canvas = document.getElementById('canvas');
  if (!canvas) return;
  const app = () => (window.Module && window.Module.fmnistRunning ? window.Module : null);
  const frames = () => window.fmnist && window.fmnist._requestFrames(4);

  const input = document.createElement('input');
  input.id = 'soft-keyboard';
  input.type = 'text';
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.setAttribute('autocorrect', 'off');
  input.setAttribute('autocapitalize', 'off');
  input.enterKeyHint = 'done';
  input.tabIndex = -1;  // reached by a tap on the field, not by Tab
  input.setAttribute('aria-hidden', 'true');  // out of the accessibility tree until a field uses it
  // A name even then (audits look for unlabelled inputs); a field's own label replaces it.
  input.setAttribute('aria-label', window.fmnistShell && window.fmnistShell.lang === 'ko' ? '숫자 입력' : 'Number input');
  // Invisible over the field (the overlay draws the text); 16 px: iOS zooms into smaller inputs.
  Object.assign(input.style, {
    position: 'fixed', left: '-1000px', top: '0', width: '1px', height: '1px', margin: '0', padding: '0',
    border: '0', opacity: '0', fontSize: '16px', color: 'transparent', background: 'transparent',
    caretColor: 'transparent', pointerEvents: 'none', zIndex: '1',
  });
  document.body.appendChild(input);

  let current = null;  // the field being edited: {id, name, label, x, y, w, h, text, whole, disabled}
  let start = null;    // where the touch began (a drag is not a tap)

  function fields() {
    const M = app();
    if (!M || !M._fm_soft_keyboard_fields) return [];
    try {
      return JSON.parse(M.UTF8ToString(M._fm_soft_keyboard_fields()));
    } catch (e) {
      return [];
    }
  }
  const inside = (f, x, y) => x >= f.x && x < f.x + f.w && y >= f.y && y < f.y + f.h;

  function place(f) {
    Object.assign(input.style, { left: `${f.x}px`, top: `${f.y}px`, width: `${f.w}px`, height: `${f.h}px` });
  }

  function open(f) {
    const M = app();
    current = f;
    M._fm_soft_keyboard_begin(f.id);
    input.inputMode = f.whole ? 'numeric' : 'decimal';
    input.setAttribute('aria-label', f.label);
    input.removeAttribute('aria-hidden');
    input.value = f.text;
    place(f);
    input.focus({ preventScroll: true });  // inside touchend: the browser opens its keyboard
    input.select();                        // the first key replaces the old value
    frames();
  }

  // Enter, or the input lost focus: the field applies what it holds.
  function finish() {
    if (!current) return;
    current = null;
    const M = app();
    if (M) M._fm_soft_keyboard_commit();
    input.style.left = '-1000px';
    input.setAttribute('aria-hidden', 'true');
    if (document.activeElement === input) input.blur();
    frames();
  }

  canvas.addEventListener('touchstart', (e) => {
    const t = e.changedTouches[0];
    start = e.touches.length === 1 && t ? { x: t.clientX, y: t.clientY } : null;
  }, { passive: true });
  canvas.addEventListener('touchend', (e) => {
    const t = e.changedTouches[0];
    if (!t || e.touches.length > 0 || !start) return;
    const f = fields().find((x) => !x.disabled && inside(x, t.clientX, t.clientY) && inside(x, start.x, start.y));
    start = null;
    if (f) {
      if (!current || current.id !== f.id) open(f);
    } else {
      finish();  // a tap elsewhere on the overlay
    }
  }, { passive: true });

  input.addEventListener('input', () => {
    const M = app();
    if (!M || !current) return;
    window.fmnist._withCString(M, input.value, (p) => M._fm_soft_keyboard_text(p));
    const f = fields().find((x) => x.id === current.id);
    if (f) place(f);  // a message under a field may have moved it
    frames();
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.isComposing) {
      e.preventDefault();
      finish();
    }
  });
  input.addEventListener('blur', finish);

  window.fmnistSoftKeyboard = { input, fields, editing: () => current && current.name };
})();
