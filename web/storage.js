// fmnist-wasm storage: the model file and the settings kept across reloads in localStorage (the
// model base64-encoded; a few KB for the softmax model), the model download and the Import file
// input. Called by the program (EM_JS in src/app/web_bridge.cpp, for src/app/persistence/ and the session).
'use strict';

window.fmnistStorage = (function () {
  const MODEL_KEY = 'fmnist.model.v1';
  // The saved model's epochs, kept beside it before model files carried them (version 4): read
  // once to move them into the file, dropped when a model is saved.
  const HISTORY_KEY = 'fmnist.history.v1';
  const SETTINGS_KEY = 'fmnist.settings.v2';  // the URL hash's text: "model=mlp&hidden=100&…"
  const OLD_SETTINGS_KEY = 'fmnist.settings.v1';  // JSON, before v2: migrated once
  const SKETCHES_KEY = 'fmnist.sketches.v1';  // My sketches: a sketch set's JSON (issue 14)

  // The v1 JSON ({model: 0|1, layers, width0, width1, optimizer: 0..2, lr, batch, epochs, seed,
  // side}) in the settings table's text form; the table checks the values when they are applied.
  function fromOldSettings(json) {
    const o = JSON.parse(json);
    if (!o || typeof o !== 'object') return '';
    const parts = [];
    const put = (k, v) => { if (v !== undefined && v !== null) parts.push(`${k}=${encodeURIComponent(String(v))}`); };
    if (o.model === 0 || o.model === 1) put('model', o.model === 1 ? 'mlp' : 'softmax');
    if (typeof o.width0 === 'number') put('hidden', o.layers === 2 ? `${o.width0},${o.width1}` : `${o.width0}`);
    if (typeof o.optimizer === 'number') put('opt', ['sgd', 'rmsprop', 'adam'][o.optimizer]);
    for (const k of ['lr', 'batch', 'epochs', 'seed', 'side']) if (typeof o[k] === 'number') put(k, o[k]);
    return parts.join('&');
  }

  // localStorage can be missing or throw (private modes, disabled storage): then nothing is kept.
  function store() {
    try {
      return window.localStorage || null;
    } catch (e) {
      return null;
    }
  }

  function toBase64(bytes) {
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(s);
  }

  function fromBase64(text) {
    const s = atob(text);
    const bytes = new Uint8Array(s.length);
    for (let i = 0; i < s.length; ++i) bytes[i] = s.charCodeAt(i);
    return bytes;
  }

  const storage = {
    // Saves the settings (the URL hash's text) and, when given, the model file (Uint8Array).
    // Returns 0 saved, 1 the model is too large (the older saved model is dropped so a reload
    // never brings back a model other than the current one), 2 no storage.
    save(model, settingsText) {
      const ls = store();
      if (!ls) return 2;
      let result = 0;
      if (model) {
        try {
          ls.setItem(MODEL_KEY, toBase64(model));
          ls.removeItem(HISTORY_KEY);
        } catch (e) {
          try { ls.removeItem(MODEL_KEY); } catch (e2) { /* nothing more to do */ }
          result = 1;
        }
      }
      try {
        ls.setItem(SETTINGS_KEY, settingsText);
      } catch (e) {
        return model ? 1 : 2;
      }
      return result;
    },
    loadHistory() {
      const ls = store();
      try { return (ls && ls.getItem(HISTORY_KEY)) || ''; } catch (e) { return ''; }
    },
    loadModel() {
      const ls = store();
      try {
        const text = ls && ls.getItem(MODEL_KEY);
        return text ? fromBase64(text) : null;
      } catch (e) {
        return null;  // not base64: the program reports the missing model as no model
      }
    },
    // The saved settings text ('' when none), migrating v1's JSON on the way.
    loadSettings() {
      const ls = store();
      try {
        if (!ls) return '';
        const text = ls.getItem(SETTINGS_KEY);
        if (text !== null) return text;
        const old = ls.getItem(OLD_SETTINGS_KEY);
        if (old === null) return '';
        let migrated = '';
        try { migrated = fromOldSettings(old); } catch (e) { migrated = ''; }
        ls.setItem(SETTINGS_KEY, migrated);
        ls.removeItem(OLD_SETTINGS_KEY);
        return migrated;
      } catch (e) {
        return '';
      }
    },
    forgetModel() {
      const ls = store();
      try {
        if (ls) ls.removeItem(MODEL_KEY);
        if (ls) ls.removeItem(HISTORY_KEY);
      } catch (e) { /* nothing kept anyway */ }
    },
    // My sketches (a sketch set's JSON text): 0 saved, 1 the storage is full (the copy kept
    // before stays), 2 no storage. An empty set removes the key.
    saveSketches(text) {
      const ls = store();
      if (!ls) return 2;
      try {
        if (!text || text.indexOf('"sketches": []') >= 0) ls.removeItem(SKETCHES_KEY);
        else ls.setItem(SKETCHES_KEY, text);
        return 0;
      } catch (e) {
        return 1;
      }
    },
    loadSketches() {
      const ls = store();
      try { return (ls && ls.getItem(SKETCHES_KEY)) || ''; } catch (e) { return ''; }
    },
    // My sketches' Import button: a JSON file chooser; the file goes to fmnist.mySketches.importJson.
    chooseSketches() {
      let input = document.getElementById('import-sketches');
      if (!input) {
        input = document.createElement('input');
        input.type = 'file';
        input.id = 'import-sketches';
        input.accept = '.json,application/json';
        input.hidden = true;
        input.addEventListener('change', async () => {
          const file = input.files && input.files[0];
          input.value = '';
          if (!file || !window.fmnist) return;
          try {
            window.fmnist.mySketches.importJson(new Uint8Array(await file.arrayBuffer()));
          } catch (e) {
            window.fmnist._setError(`${file.name}: ${e.message}`);
          }
        });
        document.body.appendChild(input);
      }
      input.click();
    },
    // Saves `bytes` as a file named `name` (the browser's download).
    download(bytes, name) {
      const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.hidden = true;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 30000);
    },
    // The Import button: opens the file chooser; the chosen file goes to window.fmnist.importModel.
    chooseFile() {
      const input = document.getElementById('import-file');
      if (input) input.click();
    },
  };

  const input = document.getElementById('import-file');
  if (input) {
    input.addEventListener('change', async () => {
      const file = input.files && input.files[0];
      input.value = '';  // choosing the same file again fires change again
      if (!file || !window.fmnist) return;
      try {
        window.fmnist.importModel(new Uint8Array(await file.arrayBuffer()), file.name);
      } catch (e) {
        window.fmnist._setError(`${file.name}: ${e.message}`);
      }
    });
  }
  return storage;
})();
