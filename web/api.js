// window.fmnist: the page's state and commands for scripts and the browser tests.
// state() asks the WebAssembly app for a small JSON snapshot; the commands call its exports.
'use strict';

(function () {
  const shell = window.fmnistShell;
  const MODELS = { softmax: 0, mlp: 1 };
  const OPTIMIZERS = { sgd: 0, rmsprop: 1, adam: 2 };

  function app() {
    const M = window.Module;
    return M && M.fmnistRunning ? M : null;
  }

  // The shape of state() before the overlay runs (or when it could not start).
  function startingState() {
    return {
      ready: false,
      error: shell.error,
      lang: shell.lang,
      dataset: { train: 0, val: 0, test: 0, side: null, loading: null },
      model: { kind: 'softmax', hidden: [], params: 0, trained: false },
      training: { running: false, paused: false, diverged: false, epoch: 0, epochs: 0, batch: 0,
                  samples_per_s: 0, compute_s: 0, train_compute_s: 0 },
      history: [],
      test_acc: null,
      canvas: { rect: { x: 0, y: 0, w: 0, h: 0 }, brush: 0, empty: true,
                probs: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], top: null },
      fps: 0,
      frame: 0,
    };
  }

  function withCString(M, text, fn) {
    const size = M.lengthBytesUTF8(text) + 1;
    const ptr = M._malloc(size);
    try {
      M.stringToUTF8(text, ptr, size);
      return fn(ptr);
    } finally {
      M._free(ptr);
    }
  }

  window.fmnist = {
    // {ready, error, lang, dataset, model, training, history, test_acc, canvas, fps, ...}.
    // canvas.rect and canvas.brush are in CSS pixels of the page (page.mouse coordinates).
    // heap_bytes: the WebAssembly memory size; storage: {status: none|saved|too_large|unavailable,
    // restored: the model came from the saved one, pending: the restore is not finished}.
    // frame: the overlay's frame counter (it grows while the page renders).
    // ui: rectangles of the panels, the About menu item, the About box's Close button (about_close,
    // while about_open) and the confusion map's 10×10 cells (confusion_cells); ui.samples: the
    // Samples panel's view {mode: browse|hardest|cell, split, class, cell: {truth, predicted},
    // page, items}.
    state() {
      const M = app();
      if (!M) return startingState();
      const s = JSON.parse(M.UTF8ToString(M._fm_app_state_json()));
      if (!s.error && shell.error) s.error = shell.error;
      // The app reports rectangles relative to its canvas element: make them page coordinates.
      const r = M.canvas.getBoundingClientRect();
      const shift = (rect) => {
        rect.x += r.left;
        rect.y += r.top;
      };
      shift(s.canvas.rect);
      if (s.ui) {
        Object.values(s.ui.panels).forEach(shift);
        shift(s.ui.about);
        if (s.ui.about_close) shift(s.ui.about_close);
        if (s.ui.confusion_cells) shift(s.ui.confusion_cells);
      }
      return s;
    },
    // Starts a new run from fresh weights; missing fields take the lesson's defaults
    // (softmax, rmsprop, lr 0.001, batch 32, 5 epochs, seed 42). Returns false (and sets
    // state().error) for invalid values; nothing is started then.
    train(options) {
      const M = app();
      if (!M) return false;
      const o = options || {};
      const has = (k) => Object.prototype.hasOwnProperty.call(o, k) && o[k] !== undefined;
      let mask = 0;
      let model = 0, optimizer = 1, count = 0, h0 = 0, h1 = 0;
      if (has('model')) {
        mask |= 1;
        model = Object.prototype.hasOwnProperty.call(MODELS, o.model) ? MODELS[o.model] : -1;
      }
      if (has('hidden')) {
        mask |= 2;
        const h = Array.isArray(o.hidden) ? o.hidden : (typeof o.hidden === 'number' ? [o.hidden] : null);
        count = h ? h.length : -1;
        if (h) {
          h0 = Number(h[0]);
          h1 = Number(h[1]);
        }
      }
      if (has('optimizer')) {
        mask |= 4;
        optimizer = Object.prototype.hasOwnProperty.call(OPTIMIZERS, o.optimizer) ? OPTIMIZERS[o.optimizer] : -1;
      }
      const num = (k, bit) => {
        if (!has(k)) return 0;
        mask |= bit;
        return typeof o[k] === 'number' ? o[k] : NaN;
      };
      const lr = num('lr', 8), batch = num('batch', 16), epochs = num('epochs', 32), seed = num('seed', 64);
      return M._fm_app_train(mask, model, count, h0, h1, optimizer, lr, batch, epochs, seed) === 1;
    },
    pause() { const M = app(); if (M) M._fm_app_pause(); },
    resume() { const M = app(); if (M) M._fm_app_resume(); },
    // Stops the run and drops the weights and history; clears error and diverged.
    reset() { const M = app(); if (M) M._fm_app_reset(); },
    clearCanvas() { const M = app(); if (M) M._fm_app_clear_canvas(); },
    // The canvas's "load a test image" with a chosen test-set index; false if out of range.
    loadTestImage(i) {
      const M = app();
      return M ? M._fm_app_load_test_image(Number(i)) === 1 : false;
    },
    // Input size 14 or 28 for the panels and the next run (28 downloads its bundle first; watch
    // state().dataset.loading and state().dataset.side). False if refused (e.g. during a run).
    setInputSize(side) {
      const M = app();
      return M ? M._fm_app_set_input_size(Number(side) | 0) === 1 : false;
    },
    // The label (0-9) of test image i, or -1.
    testLabel(i) {
      const M = app();
      return M ? M._fm_app_test_label(Number(i)) : -1;
    },
    // After a divergence (state().training.diverged): restores the last good weights and goes on,
    // with learning rate `lr` if given. False (and state().error) when there is nothing to continue.
    continueTraining(lr) {
      const M = app();
      if (!M) return false;
      const v = lr === undefined ? 0 : (typeof lr === 'number' ? lr : NaN);
      return M._fm_app_continue(v) === 1;
    },
    // Downloads the current model as a file in the core's format (`fmnist eval FILE` reads it).
    exportModel() {
      const M = app();
      return M ? M._fm_app_export_model() === 1 : false;
    },
    // Adopts a model file (Uint8Array or ArrayBuffer) after validating it. False if refused:
    // the current model is kept and state().error says why.
    importModel(bytes) {
      const M = app();
      if (!M) return false;
      const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes || []);
      const ptr = M._malloc(Math.max(1, b.length));
      if (!ptr) return false;
      try {
        M.HEAPU8.set(b, ptr);
        return M._fm_app_import_model(ptr, b.length) === 1;
      } finally {
        M._free(ptr);
      }
    },
    // The guided lesson: run(step) runs step 1-5 (0: all in order) and returns false if refused;
    // progress and results in state().lesson = {step, running, cv: {folds, mean}, dense: {val_acc}}.
    lesson: {
      run(step) {
        const M = app();
        const n = step === undefined ? 0 : Number(step);
        if (!M || !Number.isInteger(n) || n < 0 || n > 5) return false;
        return M._fm_app_lesson_run(n) === 1;
      },
      cancel() { const M = app(); if (M) M._fm_app_lesson_cancel(); },
    },
    // Applies a settings source in the URL hash's format ('model=mlp&hidden=100&opt=adam&lr=0.001&
    // batch=32&epochs=5&seed=42&side=14&lang=ko'). origin: 'defaults' | 'saved' | 'hash'; apply
    // the lowest first (the hash wins). Bad values are ignored with a notice (state().notice).
    // Returns how many settings were applied.
    applySettings(text, origin) {
      const M = app();
      const o = { defaults: 0, saved: 1, hash: 2 }[origin || 'hash'];
      if (!M || o === undefined) return 0;
      return withCString(M, String(text || ''), (p) => M._fm_app_apply_settings(p, o));
    },
    // A non-fatal message shown in the overlay (used by the loader).
    _setError(text) {
      const M = app();
      if (M) withCString(M, String(text), (p) => M._fm_app_set_error(p));
    },
    _withCString: withCString,
  };
})();
