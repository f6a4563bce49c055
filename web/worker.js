// The training engine's Web Worker (src/engine): loads engine.js or engine-nosimd.js, runs the
// engine's time slices back to back and hands it the page's commands between two slices.
//
// Messages both ways are {text, payload}: text is one protocol line (src/engine/protocol.h lists
// every command and event), payload an ArrayBuffer (or a typed array, page → worker) or null.
// The page's first message chooses the build and may carry the compiled module:
//   {text: 'init simd=1', module: <WebAssembly.Module, optional>}
// The worker adds two events of its own to the engine's:
//   ready simd=0|1                       the engine is instantiated (commands sent before are kept)
//   fatal kind=start|script|abort|oom&message=…   it cannot go on; the page should terminate it
// and one command: `crash` (test hook: the engine aborts, as on running out of memory).
'use strict';

let engine = null;      // the instantiated module
let started = false;    // the init message has arrived
let dead = false;       // a fatal event was posted: nothing more runs
let pending = [];       // commands that arrived before the module was ready
let scheduled = false;  // a slice is queued on the channel

function post(text, payload) {
  self.postMessage({ text, payload: payload || null }, payload ? [payload] : []);
}

function fatal(kind, error) {
  if (dead) return;
  dead = true;
  const text = error && error.message ? error.message : String(error || kind);
  post(`fatal kind=${kind}&message=${encodeURIComponent(text.slice(0, 500))}`);
}

function abortKind(what) {
  return /OOM|out of memory|enlarge memory|Array buffer allocation failed/i.test(String(what))
    ? 'oom' : 'abort';
}

// The slice loop: a MessageChannel self-post queues the next slice as a task right away (a
// setTimeout would be clamped to 4 ms, longer than a slice), and page messages queued meanwhile
// run between two slices. At the Watch pace the engine asks for a pause between slices
// (engine_wait_ms): a timer then, which a command cuts short.
const channel = new MessageChannel();
let timer = 0;  // a pending setTimeout for the next slice, or 0
channel.port1.onmessage = () => {
  scheduled = false;
  if (dead) return;
  let more = false;
  let wait = 0;
  try {
    more = engine._engine_run_slice() !== 0;
    if (more) wait = engine._engine_wait_ms();
  } catch (e) {
    fatal(abortKind(e), e);
    return;
  }
  if (!more) return;
  if (wait >= 1) {
    timer = setTimeout(() => { timer = 0; schedule(); }, wait);
  } else {
    schedule();
  }
};

function schedule() {
  if (scheduled || dead || !engine) return;
  if (timer) {
    clearTimeout(timer);
    timer = 0;
  }
  scheduled = true;
  channel.port2.postMessage(null);
}

function bytesOf(payload) {
  if (!payload) return null;
  if (payload instanceof ArrayBuffer) return new Uint8Array(payload);
  if (ArrayBuffer.isView(payload)) {
    return new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength);
  }
  return null;
}

function command(msg) {
  const text = String(msg.text || '');
  try {
    if (text === 'crash') {
      engine._engine_crash();
      return;
    }
    const bytes = bytesOf(msg.payload);
    if (bytes && bytes.length > 0) {
      const p = engine._engine_payload(bytes.length);  // may grow memory: read HEAPU8 after it
      engine.HEAPU8.set(bytes, p);
    }
    const n = engine.lengthBytesUTF8(text) + 1;
    const p = engine._malloc(n);
    engine.stringToUTF8(text, p, n);
    engine._engine_command(p);  // its events are posted before it returns
    engine._free(p);
  } catch (e) {
    fatal(abortKind(e), e);
    return;
  }
  schedule();
}

function start(msg) {
  const simd = /(^|[ &])simd=1(&|$)/.test(String(msg.text || ''));
  try {
    importScripts(simd ? 'engine.js' : 'engine-nosimd.js');
  } catch (e) {
    fatal('start', e);
    return;
  }
  const options = { onAbort: (what) => fatal(abortKind(what), what) };
  if (typeof WebAssembly !== 'undefined' && msg.module instanceof WebAssembly.Module) {
    // Compiled by the page while it loaded its own: instantiate, no second download or compile.
    options.instantiateWasm = (imports, done) => {
      WebAssembly.instantiate(msg.module, imports).then(
        (instance) => done(instance, msg.module), (e) => fatal('start', e));
      return {};
    };
  }
  createEngine(options).then((m) => {
    engine = m;
    post(`ready simd=${simd ? 1 : 0}`);
    const queued = pending;
    pending = [];
    for (const c of queued) {
      if (!dead) command(c);
    }
  }, (e) => fatal('start', e));
}

self.onmessage = (e) => {
  if (dead) return;
  const msg = e.data || {};
  if (!started) {
    started = true;
    start(msg);
  } else if (!engine) {
    pending.push(msg);
  } else {
    command(msg);
  }
};

self.onerror = (e) => {
  fatal('script', e && e.message ? e.message : e);
};
self.onunhandledrejection = (e) => fatal('script', e.reason);
