// Pinch-zoom outside the drawing area (issue 16 §2). The overlay is one full-window canvas, and SDL
// cancels every touch on it (preventDefault), so the page could never be zoomed. The canvas's CSS
// allows pinch-zoom and nothing else (touch-action: pinch-zoom: a finger never scrolls it); a touch
// that starts outside the Drawing canvas's square is left uncancelled until it ends, so the browser
// may zoom, while SDL still sees it (a tap still taps). Inside the square every touch stays
// cancelled: drawing never scrolls or zooms the page. Its end is cancelled as before (no mouse
// events emulated after a tap).
'use strict';

(function () {
  const canvas = document.getElementById('canvas');
  if (!canvas) return;
  const keep = () => {};
  let free = false;  // the current touch sequence began outside the drawing square

  // The drawing square on screen (CSS px), or null when the Drawing canvas panel is not shown.
  function drawingRect() {
    const f = window.fmnist;
    if (!f || !window.Module || !window.Module.fmnistRunning) return null;
    const s = f.state();
    return s.ui && s.ui.panels && s.ui.panels.canvas && s.canvas && s.canvas.rect.w > 0 ? s.canvas.rect : null;
  }
  const inside = (r, t) => r && t.clientX >= r.x && t.clientX < r.x + r.w && t.clientY >= r.y && t.clientY < r.y + r.h;

  // Capturing on window: before SDL's and the loader's handlers on the canvas see the event.
  window.addEventListener('touchstart', (e) => {
    if (e.target !== canvas) return;
    if (e.touches.length === e.changedTouches.length) {  // the sequence's first finger(s)
      const r = drawingRect();
      free = !Array.from(e.touches).some((t) => inside(r, t));
    }
    if (free) e.preventDefault = keep;
  }, { capture: true, passive: false });
  window.addEventListener('touchmove', (e) => {
    if (e.target === canvas && free) e.preventDefault = keep;
  }, { capture: true, passive: false });
  const end = (e) => {
    if (e.target === canvas && e.touches.length === 0) free = false;
  };
  window.addEventListener('touchend', end, { capture: true, passive: true });
  window.addEventListener('touchcancel', end, { capture: true, passive: true });
})();
