// Paste a picture (issue 15 §1): Ctrl/Cmd+V with an image on the clipboard classifies it, the same
// as dropping the file. SDL has the keyboard on the canvas only (src/app/main.cpp) and cancels every
// Ctrl key it sees, which would cancel the paste too: so Ctrl/Cmd+V is kept from SDL unless an ImGui
// text field is being edited (then it pastes SDL's own clipboard there, as before). The canvas
// takes the keyboard at start and on every press, so the shortcuts (Space, C) reach SDL.
'use strict';

(function () {
  const canvas = document.getElementById('canvas');
  if (!canvas) return;

  const focusCanvas = () => {
    if (document.activeElement !== canvas) canvas.focus({ preventScroll: true });
  };
  focusCanvas();
  canvas.addEventListener('pointerdown', focusCanvas);
  window.addEventListener('focus', () => {
    // Back in the tab, or back from a file dialog: nothing else on the page wants keys.
    if (document.activeElement === document.body || document.activeElement === null) focusCanvas();
  });

  const textFieldActive = () => {
    const M = window.Module;
    return !!(M && M.fmnistRunning && M._fm_app_wants_text && M._fm_app_wants_text());
  };
  // Capture on window runs before SDL's listener on the canvas.
  window.addEventListener('keydown', (e) => {
    const paste = (e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'v' || e.key === 'V');
    if (paste && !textFieldActive()) e.stopPropagation();
  }, true);

  document.addEventListener('paste', (e) => {
    const items = e.clipboardData ? Array.from(e.clipboardData.items || []) : [];
    const item = items.find((it) => it.kind === 'file' && it.type.startsWith('image/'));
    const file = item ? item.getAsFile() : null;
    if (!file || !window.fmnistImage) return;  // no picture: not ours
    e.preventDefault();
    window.fmnistImage.classify(file);
  });
})();
