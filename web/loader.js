// fmnist-wasm loader: checks the browser (http(s), WebAssembly, WebGL2, SIMD), downloads the
// program and the 14×14 data bundle with one progress bar, starts the program, hands it the data.
'use strict';

(function () {
  const shell = window.fmnistShell;
  const t = shell.t;
  const canvas = document.getElementById('canvas');

  // --- Feature checks ---
  if (location.protocol === 'file:') {
    shell.fail('file', '');
    return;
  }
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    shell.fail('wasm', '');
    return;
  }
  function hasWebGL2() {
    try {
      return !!document.createElement('canvas').getContext('webgl2');
    } catch (e) {
      return false;
    }
  }
  if (!hasWebGL2()) {
    shell.fail('webgl', '');
    return;
  }
  // A module using one SIMD instruction (i8x16.popcnt of a splat): validates only with SIMD.
  function hasSimd() {
    try {
      return WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123,
        3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]));
    } catch (e) {
      return false;
    }
  }
  let programStarted = false;
  const params = new URLSearchParams(location.search);
  const simd = params.get('simd') !== '0' && hasSimd();
  const program = simd ? 'fmnist' : 'fmnist-nosimd';
  // The training engine's wasm compiles here too, in parallel with the page's; its worker gets
  // the compiled module (web/api.js). A failure only means the worker fetches it itself.
  if (simd && typeof WebAssembly.compileStreaming === 'function' && window.fmnist) {
    window.fmnist._engine.module = WebAssembly.compileStreaming(fetch('engine.wasm'));
    window.fmnist._engine.module.catch(() => {});
  }

  // --- Downloads ---
  // Both downloads are consumed as they arrive: the program compiles and the bundle unpacks while
  // the bytes come in, not after (on a fast link that was the larger part of the start-up time).
  function downloadError(url, message) {
    const e = new Error(`${url}: ${message}`);
    e.download = true;  // so a failure inside a compile or gunzip pipe is still a download one
    return e;
  }
  async function open(url) {
    let res;
    try {
      res = await fetch(url);
    } catch (e) {
      throw downloadError(url, e.message);
    }
    if (!res.ok) throw downloadError(url, `HTTP ${res.status} ${res.statusText}`.trim());
    return res;
  }

  // The body as a stream that reports the bytes received: onProgress(loaded, total, done).
  function countedBody(res, url, onProgress) {
    const total = Number(res.headers.get('Content-Length')) || 0;
    const reader = res.body.getReader();
    let loaded = 0;
    return new ReadableStream({
      async pull(ctl) {
        let r;
        try {
          r = await reader.read();
        } catch (e) {
          throw downloadError(url, e.message);
        }
        if (r.done) {
          onProgress(loaded, loaded, true);
          ctl.close();
          return;
        }
        loaded += r.value.length;
        onProgress(loaded, Math.max(total, loaded));  // Content-Length may be the compressed size
        ctl.enqueue(r.value);
      },
      cancel: (reason) => reader.cancel(reason),
    });
  }

  function concat(chunks) {
    if (chunks.length === 1) return chunks[0];
    const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let offset = 0;
    for (const c of chunks) {
      bytes.set(c, offset);
      offset += c.length;
    }
    return bytes;
  }
  async function readChunks(stream) {
    const reader = stream.getReader();
    const chunks = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return chunks;
      chunks.push(value);
    }
  }

  // The whole body at once (browsers without body streams).
  async function readBody(res, url, onProgress) {
    if (res.body && res.body.getReader) return concat(await readChunks(countedBody(res, url, onProgress)));
    let bytes;
    try {
      bytes = new Uint8Array(await res.arrayBuffer());
    } catch (e) {
      throw downloadError(url, e.message);
    }
    onProgress(bytes.length, bytes.length, true);
    return bytes;
  }

  async function compileProgram(url, onProgress) {
    const res = await open(url);
    if (typeof WebAssembly.compileStreaming !== 'function' || !res.body) {
      return WebAssembly.compile(await readBody(res, url, onProgress));
    }
    return WebAssembly.compileStreaming(new Response(countedBody(res, url, onProgress),
      { headers: { 'Content-Type': 'application/wasm' } }));
  }

  // A bundle, as a list of chunks (handed to the program without joining them first). The bundle
  // files are a gzip stream; anything else is passed on as it is.
  const isGzip = (bytes) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  async function gunzip(stream) {
    if (typeof DecompressionStream === 'undefined') throw new Error(t('gzipMissing'));
    try {
      return await readChunks(stream.pipeThrough(new DecompressionStream('gzip')));
    } catch (e) {
      if (e.download) throw e;
      throw new Error(`gzip: ${e.message}`);
    }
  }
  async function fetchBundle(url, onProgress) {
    const res = await open(url);
    if (!res.body || typeof DecompressionStream === 'undefined') {
      const bytes = await readBody(res, url, onProgress);
      return isGzip(bytes) ? gunzip(new Blob([bytes]).stream()) : [bytes];
    }
    // Peek at the first two bytes, then unpack (or not) them and the rest as they arrive.
    const reader = countedBody(res, url, onProgress).getReader();
    const head = [];
    for (let n = 0; n < 2;) {
      const { done, value } = await reader.read();
      if (done) break;
      head.push(value);
      n += value.length;
    }
    const rest = new ReadableStream({
      start(ctl) {
        for (const c of head) ctl.enqueue(c);
      },
      async pull(ctl) {
        const { done, value } = await reader.read();
        if (done) ctl.close();
        else ctl.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    });
    return isGzip(concat(head)) ? gunzip(rest) : readChunks(rest);
  }

  const progress = { wasm: [0, 0], data: [0, 0] };
  const mb = (n) => (n / 1e6).toFixed(1);
  function showProgress() {
    const [wl, wt] = progress.wasm;
    const [dl, dt] = progress.data;
    const total = wt + dt;
    shell.setProgress(total > 0 ? (wl + dl) / total : 0,
      t('downloading', mb(wl), wt ? mb(wt) : '?', mb(dl), dt ? mb(dt) : '?'));
  }

  // A download failure is explained as one; anything else means the program could not start.
  const failProgram = (e) => shell.fail(e.download ? 'download' : 'start', e.message);
  const wasmModule = compileProgram(`${program}.wasm`, (l, n) => {
    progress.wasm = [l, n];
    showProgress();
  });
  wasmModule.then(() => {
    if (!shell.error && !programStarted) shell.setProgress(1, t('starting'));
  }, failProgram);

  const bundleFile = (side) => `fashion-mnist-${side}.bin`;
  const data14 = fetchBundle(bundleFile(14), (l, n, done) => {
    progress.data = [l, n];
    if (done && !shell.error && !programStarted) shell.setProgress(1, t('unpacking'));
    else showProgress();
  });
  data14.catch(() => {});  // reported through the overlay once the program runs

  // --- Hand-over of a bundle to the program ---
  // Written once into the app's own buffer, which it keeps (the page's one copy of the bytes).
  function handBundle(chunks, side) {
    const M = window.Module;
    const length = chunks.reduce((n, c) => n + c.length, 0);
    const ptr = M._fm_app_bundle_buffer(side, length);
    if (!ptr) {
      failBundle(side, t('outOfMemory'));
      return;
    }
    window.fmnist._copyToHeap(M, ptr, chunks);
    M._fm_app_load_bundle(side);  // errors show in the overlay and state()
  }
  function failBundle(side, message) {
    const M = window.Module;
    window.fmnist._withCString(M, message, (p) => M._fm_app_bundle_failed(side, p));
  }
  // The 28×28 and 7×7 bundles, on request from the program (Training panel → input size).
  async function loadBundle(side) {
    const M = window.Module;
    try {
      handBundle(await fetchBundle(bundleFile(side), (l, n) => M._fm_app_bundle_progress(side, l, n)), side);
    } catch (e) {
      failBundle(side, e.message);
    }
  }

  // --- The program ---
  let resolveStarted = null;
  const started = new Promise((resolve) => { resolveStarted = resolve; });
  window.Module = {
    canvas,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    locateFile: (path) => path,
    // Our own instantiation, so the download above (with its progress) is the one used.
    instantiateWasm(imports, receive) {
      wasmModule
        .then((module) => WebAssembly.instantiate(module, imports).then((instance) => receive(instance, module)))
        .catch(failProgram);
      return {};
    },
    onAbort: (what) => shell.fail('abort', String(what)),
    fmnistSimd: simd,  // the engine's worker loads the same build kind
    fmnistAppStarted() {
      window.Module.fmnistRunning = true;
      programStarted = true;
      resolveStarted();
    },
    fmnistRequestBundle: (side) => { loadBundle(side); },
    fmnistFatal: (message) => shell.fail('start', message),
  };
  // Fetched alongside the wasm: it runs once loaded (Module is set above) and waits in
  // instantiateWasm for the compiled module.
  const script = document.createElement('script');
  script.src = `${program}.js`;
  script.fetchPriority = 'high';  // an inserted script is fetched last otherwise, after the bundle
  script.onerror = () => shell.fail('download', `${program}.js`);
  document.body.appendChild(script);

  // The Korean UI font (a subset made at build time): fetched once the program runs and handed
  // to ImGui, which copies it. Without it the page still works; Hangul shows as '?'.
  const fontFile = 'fmnist-ko.ttf';
  started.then(() => fetch(fontFile)).then((res) => {
    if (!res.ok) throw new Error(`${fontFile}: HTTP ${res.status}`);
    return res.arrayBuffer();
  }).then((buf) => {
    const M = window.Module;
    const ok = window.fmnist._withBytes(M, new Uint8Array(buf), (p, n) => M._fm_app_load_font(p, n));
    if (ok !== 1) console.warn(`fmnist: ${fontFile} was not usable`);
  }).catch((e) => console.warn(`fmnist: no Korean font (${e.message})`));

  // A link pasted into this tab's address bar: its settings apply like on load.
  window.addEventListener('hashchange', () => {
    if (window.fmnist && window.Module && window.Module.fmnistRunning) {
      window.fmnist.applySettings(location.hash, 'hash');
    }
  });

  Promise.all([started, data14.then((b) => ({ b }), (e) => ({ e }))]).then(([, r]) => {
    if (r.b) {
      handBundle(r.b, 14);
    } else {
      failBundle(14, r.e.message);
    }
    shell.hide();
  });

  window.addEventListener('error', (e) => {
    if (!shell.hidden) shell.fail('start', e.message || 'script error');
  });
  window.addEventListener('unhandledrejection', (e) => {
    if (!shell.hidden) shell.fail('start', String(e.reason && e.reason.message ? e.reason.message : e.reason));
  });

  // The program's frame loop sleeps while nothing changes: input wakes it (SDL queues the event
  // itself; this only makes sure a frame comes to read it).
  const wake = () => {
    const M = window.Module;
    if (M && M.fmnistRunning && M._fm_app_wake) M._fm_app_wake();
  };
  for (const type of ['pointerdown', 'pointermove', 'pointerup', 'mousedown', 'mousemove', 'mouseup', 'wheel',
    'keydown', 'keyup', 'touchstart', 'touchmove', 'touchend', 'resize', 'focus', 'blur']) {
    window.addEventListener(type, wake, { capture: true, passive: true });
  }
  document.addEventListener('visibilitychange', wake);

  // Touch draws on the canvas: never let it scroll, zoom or open a context menu.
  const stop = (e) => e.preventDefault();
  canvas.addEventListener('touchstart', stop, { passive: false });
  canvas.addEventListener('touchmove', stop, { passive: false });
  canvas.addEventListener('contextmenu', stop);
})();
