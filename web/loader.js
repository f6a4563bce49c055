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

  // --- Downloads ---
  async function fetchWithProgress(url, onProgress) {
    let res;
    try {
      res = await fetch(url);
    } catch (e) {
      throw new Error(`${url}: ${e.message}`);
    }
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${res.statusText}`.trim());
    const total = Number(res.headers.get('Content-Length')) || 0;
    if (!res.body || !res.body.getReader) {
      const bytes = new Uint8Array(await res.arrayBuffer());
      onProgress(bytes.length, bytes.length);
      return bytes;
    }
    const reader = res.body.getReader();
    const chunks = [];
    let loaded = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.length;
      onProgress(loaded, Math.max(total, loaded));  // Content-Length may be the compressed size
    }
    const bytes = new Uint8Array(loaded);
    let offset = 0;
    for (const c of chunks) {
      bytes.set(c, offset);
      offset += c.length;
    }
    onProgress(loaded, loaded);
    return bytes;
  }

  // The bundle files are a gzip stream; anything else is passed on as it is.
  async function gunzipIfNeeded(bytes) {
    if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
    if (typeof DecompressionStream === 'undefined') throw new Error(t('gzipMissing'));
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    try {
      return new Uint8Array(await new Response(stream).arrayBuffer());
    } catch (e) {
      throw new Error(`gzip: ${e.message}`);
    }
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

  const wasmBytes = fetchWithProgress(`${program}.wasm`, (l, n) => {
    progress.wasm = [l, n];
    showProgress();
  });
  wasmBytes.catch((e) => shell.fail('download', e.message));

  const bundleFile = (side) => `fashion-mnist-${side}.bin`;
  const data14 = fetchWithProgress(bundleFile(14), (l, n) => {
    progress.data = [l, n];
    showProgress();
  }).then((bytes) => {
    if (!shell.error && !programStarted) shell.setProgress(1, t('unpacking'));
    return gunzipIfNeeded(bytes);
  });
  data14.catch(() => {});  // reported through the overlay once the program runs

  // --- Hand-over of a bundle to the program ---
  function handBundle(bytes, side) {
    const M = window.Module;
    const ptr = M._malloc(bytes.length);
    if (!ptr) {
      failBundle(side, t('outOfMemory'));
      return;
    }
    M.HEAPU8.set(bytes, ptr);  // HEAPU8 read after malloc: memory may have grown
    M._fm_app_load_bundle(ptr, bytes.length, side);  // errors show in the overlay and state()
    M._free(ptr);
  }
  function failBundle(side, message) {
    const M = window.Module;
    window.fmnist._withCString(M, message, (p) => M._fm_app_bundle_failed(side, p));
  }
  // The 28×28 bundle, on request from the program (Training panel → input size).
  async function loadBundle(side) {
    const M = window.Module;
    try {
      const bytes = await fetchWithProgress(bundleFile(side), (l, n) => M._fm_app_bundle_progress(side, l, n));
      handBundle(await gunzipIfNeeded(bytes), side);
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
      wasmBytes
        .then((bytes) => WebAssembly.instantiate(bytes, imports))
        .then((result) => receive(result.instance, result.module))
        .catch((e) => shell.fail('start', e.message));
      return {};
    },
    onAbort: (what) => shell.fail('abort', String(what)),
    fmnistAppStarted() {
      window.Module.fmnistRunning = true;
      programStarted = true;
      resolveStarted();
    },
    fmnistRequestBundle: (side) => { loadBundle(side); },
    fmnistFatal: (message) => shell.fail('start', message),
  };
  wasmBytes.then(() => {
    if (!shell.error) shell.setProgress(1, t('starting'));
    const script = document.createElement('script');
    script.src = `${program}.js`;
    script.onerror = () => shell.fail('download', `${program}.js`);
    document.body.appendChild(script);
  }, () => {});

  // The Korean UI font (a subset made at build time): fetched once the program runs and handed
  // to ImGui, which copies it. Without it the page still works; Hangul shows as '?'.
  const fontFile = 'fmnist-ko.ttf';
  started.then(() => fetch(fontFile)).then((res) => {
    if (!res.ok) throw new Error(`${fontFile}: HTTP ${res.status}`);
    return res.arrayBuffer();
  }).then((buf) => {
    const M = window.Module;
    const bytes = new Uint8Array(buf);
    const ptr = M._malloc(bytes.length);
    if (!ptr) return;
    try {
      M.HEAPU8.set(bytes, ptr);
      if (M._fm_app_load_font(ptr, bytes.length) !== 1) console.warn(`fmnist: ${fontFile} was not usable`);
    } finally {
      M._free(ptr);
    }
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

  // Touch draws on the canvas: never let it scroll, zoom or open a context menu.
  const stop = (e) => e.preventDefault();
  canvas.addEventListener('touchstart', stop, { passive: false });
  canvas.addEventListener('touchmove', stop, { passive: false });
  canvas.addEventListener('contextmenu', stop);
})();
