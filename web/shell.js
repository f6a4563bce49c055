// fmnist-wasm shell: the loading card's texts (a small strings table, English for now), the
// progress bar and the error box. Used by loader.js and api.js through window.fmnistShell.
'use strict';

window.fmnistShell = (function () {
  const STRINGS = {
    en: {
      tagline: 'Fashion-MNIST, trained in your browser',
      loading: 'Loading...',
      downloading: 'Downloading: program {0} of {1} MB, data {2} of {3} MB',
      unpacking: 'Unpacking the data...',
      starting: 'Starting the program...',
      fileTitle: 'Open this page through a web server',
      fileDetail: 'Browsers do not let a page opened from a file:// address load its WebAssembly program and data.',
      fileHint: 'Run <code>make run</code> in the project folder and open http://127.0.0.1:8080/, ' +
        'or serve the <code>build/web</code> folder with any static server ' +
        '(for example <code>python3 -m http.server -d build/web</code>).',
      wasmTitle: 'This browser cannot run WebAssembly',
      wasmHint: 'Use a current Chrome, Edge, Firefox or Safari with WebAssembly enabled.',
      webglTitle: 'WebGL2 is not available',
      webglHint: 'The overlay draws with WebGL2. Turn on hardware acceleration in the browser settings, ' +
        'update the graphics driver, or try another browser.',
      downloadTitle: 'Could not download the program',
      downloadHint: 'Build the page with <code>make</code> (it writes build/web) and serve that folder, then reload.',
      startTitle: 'The program could not start',
      startHint: 'Reload the page. If it happens again, try another browser and report the message above.',
      abortTitle: 'The program stopped',
      abortHint: 'Reload the page to start again. If it happens again, report the message above.',
      gzipMissing: 'this browser cannot unpack gzip data (no DecompressionStream); update it',
      outOfMemory: 'not enough memory for the data set',
    },
  };
  const lang = 'en';
  const $ = (id) => document.getElementById(id);

  function t(key, ...args) {
    const s = (STRINGS[lang] && STRINGS[lang][key]) || STRINGS.en[key] || key;
    return s.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)]));
  }

  const shell = {
    lang,
    error: null,     // the fatal start-up message, if any (state().error before the overlay runs)
    hidden: false,
    t,
    setProgress(fraction, text) {
      const fill = $('bar-fill');
      if (fill) fill.style.width = `${Math.round(Math.max(0, Math.min(1, fraction)) * 100)}%`;
      if (text !== undefined && $('status')) $('status').textContent = text;
    },
    // kind: file | wasm | webgl | download | start | abort. `detail` is plain text.
    fail(kind, detail) {
      if (shell.error) return;  // the first failure is the one to explain
      shell.error = detail ? `${t(kind + 'Title')}: ${detail}` : t(kind + 'Title');
      const root = $('shell');
      if (root) root.classList.remove('hidden');
      shell.hidden = false;
      if ($('progress')) $('progress').hidden = true;
      $('error-title').textContent = t(kind + 'Title');
      $('error-detail').textContent = detail || (kind === 'file' ? t('fileDetail') : '');
      $('error-hint').innerHTML = t(kind + 'Hint');  // hints are our own fixed strings
      $('error').hidden = false;
      console.warn(`fmnist: ${shell.error}`);
    },
    hide() {
      if (shell.error) return;
      shell.hidden = true;
      $('shell').classList.add('hidden');
    },
  };
  if ($('tagline')) $('tagline').textContent = t('tagline');
  if ($('status')) $('status').textContent = t('loading');
  return shell;
})();
