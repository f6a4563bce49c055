// window.fmnist: the page's state and commands for scripts and the browser tests.
// state() asks the WebAssembly app for a small JSON snapshot; the commands call its exports.
// Also the page's side of the training engine's Web Worker (fmnist._engine, driven by the app
// through src/app/web_bridge.cpp) and the one helper that copies bytes into the wasm heap.
'use strict';

(function () {
  const shell = window.fmnistShell;

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
                  samples_per_s: 0, compute_s: 0, train_compute_s: 0, worker: true },
      history: [],
      test_acc: null,
      canvas: { rect: { x: 0, y: 0, w: 0, h: 0 }, brush: 0, empty: true,
                probs: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], top: null },
      fps: 0,
      frame: 0,
    };
  }

  // The one place bytes enter the wasm heap: `chunks` (a Uint8Array or a list of them) written at
  // `ptr` (HEAPU8 read after any allocation: memory may have grown).
  function copyToHeap(M, ptr, chunks) {
    let offset = ptr;
    for (const c of Array.isArray(chunks) ? chunks : [chunks]) {
      M.HEAPU8.set(c, offset);
      offset += c.length;
    }
  }
  // fn(ptr, length) with a malloc'd copy of `bytes`, freed after; null when out of memory.
  function withBytes(M, bytes, fn) {
    const ptr = M._malloc(Math.max(1, bytes.length));
    if (!ptr) return null;
    try {
      copyToHeap(M, ptr, bytes);
      return fn(ptr, bytes.length);
    } finally {
      M._free(ptr);
    }
  }

  // The training engine's worker (web/worker.js). The app starts, feeds and stops it; each event
  // goes to the app as {text, payload}. A worker that cannot load or dies reports as a `fatal`
  // event (its reason in the message), after which the app may start a fresh one.
  const engine = {
    worker: null,
    module: null,  // a promise of the engine's compiled wasm (the loader compiles it with the page's)
    queue: null,   // commands posted before the init message went out
    deliver(text, payload) {
      const M = window.Module;
      if (!M || !M._fm_app_engine_event) return;
      const bytes = payload ? new Uint8Array(payload) : new Uint8Array(0);
      withCString(M, String(text), (t) => withBytes(M, bytes, (p, n) => M._fm_app_engine_event(t, p, n)));
      if (window.fmnistUserData) window.fmnistUserData.onEngineEvent(text);  // its wait for the engine
    },
    start() {
      this.terminate();
      const simd = window.Module && window.Module.fmnistSimd ? 1 : 0;
      let w;
      try {
        w = new Worker('worker.js');
      } catch (e) {
        const text = `fatal kind=start&message=${encodeURIComponent(String(e.message || e))}`;
        setTimeout(() => this.deliver(text, null), 0);  // never back into the app while it calls us
        return;
      }
      this.worker = w;
      w.onmessage = (e) => {
        if (this.worker === w && e.data) this.deliver(e.data.text, e.data.payload);
      };
      w.onerror = (e) => {
        if (e && e.preventDefault) e.preventDefault();
        if (this.worker !== w) return;
        const why = (e && e.message) || 'the worker script failed to load or run';
        this.deliver(`fatal kind=script&message=${encodeURIComponent(why)}`, null);
      };
      // The init message goes first: with the engine's module when the loader compiled it
      // (no second download or compile), commands posted meanwhile wait here in order.
      const queue = [];
      this.queue = queue;
      const init = (module) => {
        if (this.worker !== w) return;
        const msg = { text: `init simd=${simd}` };
        if (module) msg.module = module;
        w.postMessage(msg);
        this.queue = null;
        for (const [text, buffer] of queue) this.post(text, buffer);
      };
      if (simd && this.module) this.module.then(init, () => init(null));
      else init(null);
    },
    post(text, buffer) {
      if (!this.worker) return;
      if (this.queue) {
        this.queue.push([text, buffer]);
        return;
      }
      this.worker.postMessage({ text, payload: buffer || null }, buffer ? [buffer] : []);
    },
    terminate() {
      if (this.worker) this.worker.terminate();
      this.worker = null;
      this.queue = null;
    },
  };

  // train()'s argument as the settings table's text: numbers as JS writes them (the table accepts
  // exactly what a link can carry), anything else passed on as a value the table refuses.
  function settingsText(o) {
    const parts = [];
    const has = (k) => Object.prototype.hasOwnProperty.call(o, k) && o[k] !== undefined;
    const enc = (v) => encodeURIComponent(String(v));
    const num = (v) => (typeof v === 'number' ? String(v) : `(${typeof v})${String(v)}`);
    if (has('preset')) parts.push(`preset=${enc(o.preset)}`);
    if (has('model')) parts.push(`model=${enc(o.model)}`);
    if (has('hidden')) {
      const h = Array.isArray(o.hidden) ? o.hidden : [o.hidden];
      parts.push(`hidden=${h.map((v) => enc(num(v))).join(',')}`);
    }
    if (has('optimizer')) parts.push(`opt=${enc(o.optimizer)}`);
    for (const k of ['lr', 'batch', 'epochs', 'seed']) if (has(k)) parts.push(`${k}=${enc(num(o[k]))}`);
    if (has('pace')) parts.push(`pace=${enc(o.pace)}`);
    if (has('early_stopping')) parts.push(`early_stopping=${enc(num(o.early_stopping))}`);
    if (has('augment')) {
      const a = o.augment;
      parts.push(`augment=${typeof a === 'boolean' ? (a ? 1 : 0) : enc(`(${typeof a})${String(a)}`)}`);
    }
    return parts.join('&');
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

  const compareWaiters = [];  // compareResolutions() promises not yet resolved

  window.fmnist = {
    // {ready, error, lang, dataset, model, training, history, test_acc, canvas, fps, ...}.
    // canvas.rect and canvas.brush are in CSS pixels of the page (page.mouse coordinates).
    // heap_bytes: the WebAssembly memory size; storage: {status: none|saved|too_large|unavailable,
    // restored: the model came from the saved one, pending: the restore is not finished}.
    // frame: the overlay's frame counter (it grows while the page renders).
    // ui: rectangles of the panels, the About menu item, the About box's Close button (about_close,
    // while about_open) and the confusion map's 10×10 cells (confusion_cells); ui.samples: the
    // Samples panel's view {mode: browse|hardest|cell, split, class, cell: {truth, predicted},
    // page, items}; ui.training: the Training form's field rectangles {model, optimizer, lr, batch,
    // epochs, seed, side} (fields, those drawn), the tooltip shown over one of them (tooltip, null:
    // none), the buttons Train, +1 epoch, Reset, Import and the lesson offer {x, y, w, h} (train,
    // plus_epoch, reset, import, lesson; w 0 while the lesson is open), key_hints (the keyboard
    // hint is shown) and refusals (per number field, the message beside it or null); ui.plots: the
    // Live plots' axes and data ranges; ui.tabs: the tab buttons of the tabbed layouts;
    // ui.confirm: {open, why: train|reset|side|import|lesson, keep, export, discard} (the box that
    // asks before a page command replaces a trained model); ui.touch: the last input was a finger;
    // ui.tooltip: a tooltip is on screen; lesson.rect, lesson.run_all_rect: the lesson's
    // window and its Run all button.
    // ui.time_travel: time travel's scrubber under the plots {count (snapshots on it; its last stop
    // is now), slider, back (Back to now, while a snapshot is viewed): rectangles or null}.
    // ui.training also has the model menu's entries while it is open (model_items), the Augment box
    // (augment) and the Best for sketches button (preset); ui.weights: the Weights panel's
    // {view: none|templates|units|filters|activations, count, cols, cell: the first cell's {x, y,
    // size, step_x, step_y}, hovered, prev/next (the pager), activations_box (an MLP's or CNN's
    // Activations box), activations (view activations: [{kind: conv|pool|dense, h, w, c,
    // max, sum}] of each hidden layer for the drawing)}. canvas.input: the model input {path: none|source|strokes|pixels, side,
    // pixels (side×side, row-major, 0..1)}; canvas.strokes: strokes kept since the last clear or
    // load; canvas.tools: rectangles of the draw, erase, clear, undo and Why controls; canvas.bars:
    // the ten class bars (a click explains that class); canvas.why: the Why view is on.
    // explain (issue 13 §1, while canvas.why): {class (null: nothing to explain), picked (a bar
    // chose it, else the top class), top_pixels: five [x, y, contribution], sum (of all pixels'
    // contributions), logit_gap (logit(input) − logit(mean training image)), steps (integrated
    // gradients' path steps; 0: the softmax's exact formula)}.
    // explain also has (issue 13 §2, §3, once the Samples panel's Map mode was shown): neighbours
    // [{index (a row of the training file), label, distance}] of the drawing, nearest first (8),
    // from neighbours_set (train | val), neighbours_epoch (the weights' epoch), query_ms (the
    // engine's search time); map {epoch, count, space (hidden | logits), dim, neighbour_space
    // (pixels | hidden | logits), neighbour_set, compute_ms, wall_ms (its build after the
    // epoch's end)} or null; sketch_point [x, y] (the drawing on that map) or null.
    // ui.samples.mode 'map' is the Map mode; ui.samples.map_radio its radio button; ui.samples.map
    // {rect (the square), cx, cy, scale (a point (x, y) is drawn at rect.x + rect.w/2 + (x − cx)·
    // scale, rect.y + rect.h/2 − (y − cy)·scale), hovered (the dot under the pointer, −1), cells
    // (the neighbours' thumbnails)}.
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
      if (s.canvas.tools) Object.values(s.canvas.tools).forEach(shift);
      if (s.canvas.bars) s.canvas.bars.forEach(shift);
      if (s.ui) {
        Object.values(s.ui.panels).forEach(shift);
        shift(s.ui.about);
        if (s.ui.about_close) shift(s.ui.about_close);
        if (s.ui.confusion_cells) shift(s.ui.confusion_cells);
        if (s.ui.training) Object.values(s.ui.training.fields).forEach(shift);
        Object.values(s.ui.tabs || {}).forEach(shift);
        ['train', 'plus_epoch', 'reset', 'import', 'lesson'].forEach((k) => s.ui.training && s.ui.training[k] && shift(s.ui.training[k]));
        ['keep', 'export', 'discard'].forEach((k) => s.ui.confirm && s.ui.confirm[k] && shift(s.ui.confirm[k]));
        if (s.ui.weights) ['cell', 'prev', 'next', 'activations_box'].forEach((k) => s.ui.weights[k] && shift(s.ui.weights[k]));
        const sm = s.ui.samples;
        if (sm && sm.map_radio) shift(sm.map_radio);
        if (sm && sm.map) {
          shift(sm.map.rect);
          sm.map.cells.forEach(shift);
        }
        if (s.ui.time_travel) ['slider', 'back'].forEach((k) => s.ui.time_travel[k] && shift(s.ui.time_travel[k]));
        if (s.ui.training) {
          for (const k of ['augment', 'preset']) shift(s.ui.training[k]);
          s.ui.training.model_items.forEach(shift);
        }
      }
      if (s.compare && s.compare.button) shift(s.compare.button);
      if (s.lesson && s.lesson.run_all_rect) shift(s.lesson.run_all_rect);
      if (s.lesson && s.lesson.rect) shift(s.lesson.rect);
      return s;
    },
    // Starts a new run from fresh weights; missing fields take the lesson's defaults
    // (softmax, rmsprop, lr 0.001, batch 32, 5 epochs, seed 42, pace 'full'; pace 'watch' spreads
    // the run over about 10 s as the Train button does on a first visit). Fields: model (softmax |
    // mlp | cnn | cnn-small), hidden, optimizer, lr, batch, epochs, seed, pace, early_stopping
    // (patience, 0: off), augment (true | false), preset ('sketch': the presets table's settings,
    // switching to its input size; fields given with it override it). Returns false (and sets
    // state().error) for invalid values or an unknown preset; nothing is started then.
    train(options) {
      const M = app();
      if (!M) return false;
      return withCString(M, settingsText(options || {}), (p) => M._fm_app_train(p)) === 1;
    },
    // Compare resolutions (the Training panel's button): the current model type and settings
    // (`options` over them, as in train(): e.g. {epochs: 1}) trained at 7×7, 14×14 and 28×28 with
    // the same seed, one run after another (7×7 and 28×28 are downloaded first if needed), the size
    // in use last so its model stays. Resolves with the table, state().compare = {state: idle |
    // running | done | failed | cancelled, side (training now), downloading, progress 0..1, model,
    // epochs, seed, error, rows: [{side, done, val_acc, test_acc, params, epochs,
    // seconds_per_epoch, top, prediction (the class name the model gives the canvas's sketch),
    // prob, input_pixels}] for 7, 14 and 28, button}; null when refused (state().error), failed
    // (state().compare.error) or cancelled (cancelCompare(), Reset, another Train).
    compareResolutions(options) {
      const M = app();
      if (!M) return Promise.resolve(null);
      const ok = withCString(M, settingsText(options || {}), (p) => M._fm_app_compare(p)) === 1;
      if (!ok) return Promise.resolve(null);
      return new Promise((resolve) => compareWaiters.push(resolve));
    },
    cancelCompare() { const M = app(); if (M) M._fm_app_compare_cancel(); },
    _compareFinished() {
      const c = this.state().compare;
      for (const resolve of compareWaiters.splice(0)) resolve(c && c.state === 'done' ? c : null);
    },
    pause() { const M = app(); if (M) M._fm_app_pause(); },
    // The +1 epoch button's action: one more epoch of the current run (a finished run continues
    // with the same model and optimizer; earlier epochs stay as they were); no model yet: a run
    // from the form. False when there is nothing to continue (a diverged run: continue() instead).
    plusEpoch() { const M = app(); return M ? M._fm_app_plus_epoch() === 1 : false; },
    resume() { const M = app(); if (M) M._fm_app_resume(); },
    // Stops the run and drops the weights and history; clears error and diverged.
    reset() { const M = app(); if (M) M._fm_app_reset(); },
    clearCanvas() { const M = app(); if (M) M._fm_app_clear_canvas(); },
    // The canvas's "load a test image" with a chosen test-set index; false if out of range.
    loadTestImage(i) {
      const M = app();
      return M ? M._fm_app_load_test_image(Number(i)) === 1 : false;
    },
    // Any image onto the canvas, as the samples grid indexes it: {split: 'train' | 'val' | 'test',
    // index} (train and val: a row of the training file; test: the test set's). False if refused
    // (state().error says why).
    loadImage(where) {
      const M = app();
      const o = where || {};
      const split = { train: 0, val: 1, test: 2 }[o.split];
      return M ? M._fm_app_load_image(split === undefined ? -1 : split, Number(o.index)) === 1 : false;
    },
    // The map of the validation set (issue 13 §3) as [x, y, label] rows, validation order; [] before
    // the first epoch's map. state().explain.map says which epoch's.
    mapPoints() {
      const M = app();
      if (!M) return [];
      const n = M._fm_app_map_count();
      if (n <= 0) return [];
      const f = new Float32Array(M.HEAPU8.buffer, M._fm_app_map_rows(), 3 * n);
      const rows = new Array(n);
      for (let i = 0; i < n; ++i) rows[i] = [f[3 * i], f[3 * i + 1], f[3 * i + 2]];
      return rows;
    },
    // Input size 7, 14 or 28 for the panels and the next run (7 and 28 download their bundle first; watch
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
    // Teach it back (issue 14 §1): the sketch on the canvas is class `label` (0-9). It joins My
    // sketches and the engine fine-tunes the model on them at once (only while the run is paused
    // or done); watch state().my_sketches = {count, labels, running, fraction, fine_tuned (the
    // corrections the model carries), can_undo, last_fix: {label, before, after, before_p,
    // after_p, val_before, val_after, steps, seconds}}. False (and state().error) when refused:
    // a label outside 0-9, nothing drawn, no model, a run training, a correction running.
    correct(label) {
      const M = app();
      if (!M) return false;
      return M._fm_app_correct(Number.isInteger(label) ? label : -1) === 1;
    },
    // Back to the weights from before the last correction; false (state().error) when none.
    undoCorrection() { const M = app(); return M ? M._fm_app_undo_correction() === 1 : false; },
    // My sketches as a sketch-set file (JSON text: strokes and labels): export, import (a string,
    // Uint8Array or ArrayBuffer; appended, or refused whole with state().error), delete one, clear.
    mySketches: {
      exportJson() {
        const M = app();
        return M ? M.UTF8ToString(M._fm_app_sketches_json()) : '';
      },
      download() { const M = app(); if (M) M._fm_app_export_sketches(); },
      importJson(data) {
        const M = app();
        if (!M) return false;
        const b = typeof data === 'string' ? new TextEncoder().encode(data)
          : data instanceof Uint8Array ? data : new Uint8Array(data || []);
        return withBytes(M, b, (p, n) => M._fm_app_import_sketches(p, n)) === 1;
      },
      remove(i) { const M = app(); return M ? M._fm_app_remove_sketch(Number.isInteger(i) ? i : -1) === 1 : false; },
      clear() { const M = app(); if (M) M._fm_app_clear_sketches(); },
    },
    // Downloads the current model as a file in the core's format, or with format 'safetensors' as
    // safetensors (Keras' tensor names; README) — `fmnist eval FILE` reads both.
    exportModel(format) {
      const M = app();
      if (!M || (format !== undefined && format !== 'fmnist' && format !== 'safetensors')) return false;
      return M._fm_app_export_model(format === 'safetensors' ? 1 : 0) === 1;
    },
    // Trains on the user's own data from now on: {train, test?, names?}, each a File or Blob (a
    // CSV in Kaggle's form; names: ten lines). Resolves true once the engine has it (the run is
    // reset), false when refused (state().error says why; the current data is kept).
    loadData(files) { return window.fmnistUserData ? window.fmnistUserData.load(files) : Promise.resolve(false); },
    // Classifies a photo or picture (a File, Blob or same-origin URL): it goes on the canvas as a
    // model input (grey, object light on black, cropped, scaled and centred like Fashion-MNIST).
    // Resolves with the ten probabilities, or null when refused (state().error says why).
    classifyImage(source) { return window.fmnistImage ? window.fmnistImage.classify(source) : Promise.resolve(null); },
    // Fashion-MNIST again, after loadData (the user's data set and its model are dropped).
    backToFashionMnist() {
      const M = app();
      return M ? M._fm_app_back_to_builtin() === 1 : false;
    },
    // Adopts a model file or a safetensors export (Uint8Array or ArrayBuffer) after validating it. False if refused:
    // the current model is kept and state().error says why.
    importModel(bytes, name) {
      const M = app();
      if (!M) return false;
      const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes || []);
      withCString(M, String(name || ''), (p) => M._fm_app_set_import_name(p));  // "Imported from NAME"
      return withBytes(M, b, (p, n) => M._fm_app_import_model(p, n)) === 1;
    },
    // Time travel (issue 14 §2): the panels (confusion matrix, weights, samples, canvas prediction,
    // Why?/activations) show the model as it was at {epoch, batch}: the latest snapshot kept at or
    // before that point (epoch 0: the untrained model; batch absent: the end of that epoch, else
    // that many minibatches into it). Training goes on meanwhile. viewAt('live') returns to now.
    // state().view = {live, epoch, batch, pending, stopped} names the snapshot shown (pending: its
    // confusion matrix is still being computed by the engine; stopped: the engine died before it
    // was, and the panel says so); state().confusion = {epoch, batch,
    // accuracy, matrix: 10 rows of 10 counts [truth][predicted]} is the validation confusion
    // matrix of the model shown (null before any); state().snapshots = {count, bytes, budget,
    // dropped, points: [{epoch, batch, evaluated}]}. False (and state().error) when refused: no
    // run yet, a model loaded from a file (no history), a point before the oldest kept, bad input.
    viewAt(point) {
      const M = app();
      if (!M) return false;
      if (point === 'live') {
        M._fm_app_view_live();
        return true;
      }
      const o = point && typeof point === 'object' ? point : {};
      const whole = (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : -2);
      const batch = o.batch === undefined ? -1 : whole(o.batch);
      return M._fm_app_view_at(whole(o.epoch), batch) === 1;
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
    _withBytes: withBytes,
    _copyToHeap: copyToHeap,
    _engine: engine,
    // Test hooks: the engine aborts as on running out of memory (the overlay says so, the last
    // weights keep predicting, Train starts a fresh worker); the engine's slice length in ms; and
    // `n` frames drawn even though nothing changed (an idle page draws none).
    _crashEngine() { const M = app(); if (M) M._fm_app_crash_engine(); },
    _config(options) {
      const M = app();
      const o = options || {};
      if (M && typeof o.slice_ms === 'number') M._fm_app_set_slice_ms(o.slice_ms);
    },
    _requestFrames(n) { const M = app(); if (M) M._fm_app_request_frames(Number(n) | 0); },
  };
})();
