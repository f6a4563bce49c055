// fmnist-wasm shell: the loading card's texts (English and Korean, by the overlay's rules), the
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
  STRINGS.ko = {
    tagline: '브라우저에서 훈련하는 Fashion-MNIST',
    loading: '불러오는 중...',
    downloading: '다운로드 중: 프로그램 {0} / {1} MB, 데이터 {2} / {3} MB',
    unpacking: '데이터 압축을 푸는 중...',
    starting: '프로그램을 시작하는 중...',
    fileTitle: '이 페이지는 웹 서버를 통해 열어야 합니다',
    fileDetail: '브라우저는 file:// 주소로 연 페이지가 WebAssembly 프로그램과 데이터를 불러오지 못하게 합니다.',
    fileHint: '프로젝트 폴더에서 <code>make run</code>을 실행하고 http://127.0.0.1:8080/ 을 열거나, ' +
      '<code>build/web</code> 폴더를 아무 정적 서버로 띄우세요 ' +
      '(예: <code>python3 -m http.server -d build/web</code>).',
    wasmTitle: '이 브라우저는 WebAssembly를 실행할 수 없습니다',
    wasmHint: 'WebAssembly를 켠 최신 Chrome, Edge, Firefox, Safari를 쓰세요.',
    webglTitle: 'WebGL2를 쓸 수 없습니다',
    webglHint: '화면은 WebGL2로 그립니다. 브라우저 설정에서 하드웨어 가속을 켜거나, 그래픽 드라이버를 ' +
      '업데이트하거나, 다른 브라우저를 쓰세요.',
    downloadTitle: '프로그램을 내려받지 못했습니다',
    downloadHint: '<code>make</code>로 페이지를 빌드하고(build/web에 만들어짐) 그 폴더를 띄운 뒤 새로고침하세요.',
    startTitle: '프로그램을 시작하지 못했습니다',
    startHint: '새로고침하세요. 다시 일어나면 다른 브라우저를 써 보고 위 메시지를 알려 주세요.',
    abortTitle: '프로그램이 멈췄습니다',
    abortHint: '새로고침하면 다시 시작합니다. 다시 일어나면 위 메시지를 알려 주세요.',
    gzipMissing: '이 브라우저는 gzip 데이터를 풀 수 없습니다 (DecompressionStream 없음). 업데이트하세요',
    outOfMemory: '데이터 세트를 담을 메모리가 부족합니다',
  };
  // The same precedence as the overlay (src/app/app.cpp, apply_settings): lang= in the URL hash, then
  // the browser's language.
  const lang = (function () {
    const m = /(?:^#|&)lang=(en|ko)(?:&|$)/.exec(location.hash || '');
    if (m) return m[1];
    const tag = (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
    return /^ko(\b|[-_]|$)/i.test(tag) ? 'ko' : 'en';
  })();
  if (lang === 'ko') document.documentElement.lang = 'ko';
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
