// The user's own data set (issue 15 §2): CSV files (or .csv.gz, gunzipped by the browser) read
// from the user's disk in 1 MiB chunks and handed to the training engine, which parses them as
// they come (src/engine/user_data_loader.h); nothing is uploaded anywhere. One chunk is in flight
// at a time: the next goes when the engine has answered the last (its user_data_progress event),
// so the page never holds the whole text.
//   fmnist.loadData({train: File|Blob, test?: File|Blob, names?: File|Blob}) → Promise<boolean>
//   the Data file input (#data-file, several files): the files sorted by what they hold.
'use strict';

(function () {
  const CHUNK = 1 << 20;
  let waiting = null;  // resolves with the engine's answer to the command in flight
  let busy = false;

  // Every engine event passes here (api.js's deliver); those that answer a user_data command end
  // the wait.
  function onEngineEvent(text) {
    if (!waiting) return;
    const type = String(text).split(' ', 1)[0];
    const field = (k) => new URLSearchParams(String(text).slice(type.length + 1)).get(k);
    let answer = null;
    if (type === 'user_data_progress') answer = 'ok';
    else if (type === 'user_data' && field('done') === '1') answer = 'ok';
    else if (type === 'error' && /^user_data/.test(field('command') || '')) answer = 'refused';
    else if (type === 'fatal') answer = 'refused';
    if (answer) {
      const w = waiting;
      waiting = null;
      w(answer === 'ok');
    }
  }

  // Calls `send` (which posts one command) and waits for the engine's answer.
  function ask(send) {
    return new Promise((resolve) => {
      waiting = resolve;
      if (!send()) {
        waiting = null;
        resolve(false);
      }
    });
  }

  function app() {
    const M = window.Module;
    return M && M.fmnistRunning ? M : null;
  }

  // The file's chunks: as they are, or gunzipped by the browser (DecompressionStream) for a .gz
  // file (its first bytes 1f 8b), cut to at most CHUNK bytes.
  async function* chunks(blob, gzip) {
    if (!gzip) {
      for (let offset = 0; offset < blob.size; offset += CHUNK) {
        yield new Uint8Array(await blob.slice(offset, offset + CHUNK).arrayBuffer());
      }
      return;
    }
    const reader = blob.stream().pipeThrough(new DecompressionStream('gzip')).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      for (let at = 0; at < value.length; at += CHUNK) yield value.subarray(at, at + CHUNK);
    }
  }

  async function sendFile(M, part, blob) {
    const head = new Uint8Array(await blob.slice(0, 2).arrayBuffer());
    const gzip = head[0] === 0x1f && head[1] === 0x8b && typeof DecompressionStream === 'function';
    // A gzip file's size says nothing of the text's: no fraction then, the count of images only.
    const size = gzip ? 0 : blob.size;
    const ok = await ask(() => window.fmnist._withCString(M, part, (p) => M._fm_app_user_data_begin(p, size)) === 1);
    if (!ok) return false;
    for await (const bytes of chunks(blob, gzip)) {
      if (!app()) return false;
      const sent = await ask(() => window.fmnist._withBytes(M, bytes, (p, n) => M._fm_app_user_data_chunk(p, n)) === 1);
      if (!sent) return false;
    }
    return true;
  }

  async function load(files) {
    const M = app();
    if (!M || busy) return false;
    const o = files || {};
    if (!(o.train instanceof Blob)) {
      M._fm_app_user_data_error(1);
      return false;
    }
    busy = true;
    try {
      let ok = await sendFile(M, 'train', o.train);
      if (ok && o.test instanceof Blob) ok = await sendFile(M, 'test', o.test);
      if (ok && o.names instanceof Blob) {
        const bytes = new Uint8Array(await o.names.slice(0, 65536).arrayBuffer());
        ok = await ask(() => window.fmnist._withBytes(M, bytes, (p, n) => M._fm_app_user_data_names(p, n)) === 1);
      }
      if (ok) ok = await ask(() => M._fm_app_user_data_end() === 1);
      return ok;
    } catch (e) {
      // A file the browser could not read (removed meanwhile, no permission).
      if (app()) {
        M._fm_app_user_data_cancel();
        window.fmnist._setError(`${e.message || e}`);
      }
      return false;
    } finally {
      busy = false;
    }
  }

  // The files chosen together, sorted: a small text file that does not begin like a CSV is the
  // class names; of two CSV files the one named "test" (else the smaller) is the test set.
  async function sortFiles(list) {
    const csv = [];
    let names = null;
    for (const f of list) {
      const head = new TextDecoder().decode(await f.slice(0, 64).arrayBuffer());
      if (f.size <= 4096 && !/^\uFEFF?label,/i.test(head) && !/\.csv(\.gz)?$/i.test(f.name)) names = f;
      else csv.push(f);
    }
    if (csv.length === 2) {
      const t = csv.findIndex((f) => /test/i.test(f.name));
      const test = t >= 0 ? t : (csv[0].size <= csv[1].size ? 0 : 1);
      return { train: csv[1 - test], test: csv[test], names };
    }
    return { train: csv.length === 1 ? csv[0] : null, names, extra: csv.length > 2 };
  }

  const input = document.getElementById('data-file');
  if (input) {
    input.addEventListener('change', async () => {
      const list = Array.from(input.files || []);
      input.value = '';  // choosing the same files again fires change again
      const M = app();
      if (!M || list.length === 0) return;
      const files = await sortFiles(list);
      if (!files.train || files.extra) {
        M._fm_app_user_data_error(files.extra ? 2 : 1);
        return;
      }
      load(files);
    });
  }

  window.fmnistUserData = {
    load,
    onEngineEvent,
    choose() {
      if (input) input.click();
    },
  };
})();
