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
    const ok = await ask(() => window.fmnist._withCString(M, part, (p) => M._fm_app_user_data_begin(p, size, 0)) === 1);
    if (!ok) return false;
    for await (const bytes of chunks(blob, gzip)) {
      if (!app()) return false;
      const sent = await ask(() => window.fmnist._withBytes(M, bytes, (p, n) => M._fm_app_user_data_chunk(p, n)) === 1);
      if (!sent) return false;
    }
    return true;
  }

  // The bytes of a whole file, gunzipped by the browser when it is gzip (an IDX file, ≤ 160 MB).
  async function wholeFile(blob) {
    if (await isGzip(blob)) {
      return new Uint8Array(await new Response(blob.stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
    }
    return new Uint8Array(await blob.arrayBuffer());
  }

  async function isGzip(blob) {
    const head = new Uint8Array(await blob.slice(0, 2).arrayBuffer());
    return head[0] === 0x1f && head[1] === 0x8b && typeof DecompressionStream === 'function';
  }

  // A part: a CSV file (a Blob), or an IDX pair {images, labels} sent whole.
  async function sendPart(M, part, src) {
    if (src instanceof Blob) return sendFile(M, part, src);
    const begin = () => window.fmnist._withCString(M, part, (p) => M._fm_app_user_data_begin(p, 0, 1)) === 1;
    if (!(await ask(begin))) return false;
    for (const [kind, blob] of [[1, src.images], [0, src.labels]]) {
      if (!(blob instanceof Blob)) continue;  // the engine refuses the pair at the end, with both counts
      const bytes = await wholeFile(blob);
      if (!app()) return false;
      if (!(await ask(() => window.fmnist._withBytes(M, bytes, (p, n) => M._fm_app_user_data_idx(kind, p, n)) === 1))) return false;
    }
    return true;
  }

  const isPart = (x) => x instanceof Blob || (x && typeof x === 'object' && (x.images instanceof Blob || x.labels instanceof Blob));

  async function load(files) {
    const M = app();
    if (!M || busy) return false;
    const o = files || {};
    if (!isPart(o.train)) {
      M._fm_app_user_data_error(1);
      return false;
    }
    busy = true;
    try {
      let ok = await sendPart(M, 'train', o.train);
      if (ok && isPart(o.test)) ok = await sendPart(M, 'test', o.test);
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

  // What a file holds, from its first bytes (gunzipped first when it is gzip): 'images' or
  // 'labels' (IDX magic 0x00000803 / 0x00000801), 'csv', or 'names' (a small text file).
  async function kindOf(f) {
    let head;
    if (await isGzip(f)) {
      const reader = f.stream().pipeThrough(new DecompressionStream('gzip')).getReader();
      const first = await reader.read().catch(() => ({ value: null }));
      reader.cancel().catch(() => {});
      head = first.value ? first.value.subarray(0, 64) : new Uint8Array(0);
    } else {
      head = new Uint8Array(await f.slice(0, 64).arrayBuffer());
    }
    if (head.length >= 4 && head[0] === 0 && head[1] === 0 && head[2] === 8 && (head[3] === 3 || head[3] === 1)) {
      return head[3] === 3 ? 'images' : 'labels';
    }
    const text = new TextDecoder().decode(head);
    if (f.size <= 4096 && !/^\uFEFF?label,/i.test(text) && !/\.csv(\.gz)?$/i.test(f.name)) return 'names';
    return 'csv';
  }

  // The files chosen together, sorted into parts: CSV files and IDX pairs; of two parts the one
  // named "test" or "t10k" (else the smaller) is the test set; a small text file is the names.
  async function sortFiles(list) {
    const by = { csv: [], images: [], labels: [], names: [] };
    for (const f of list) by[await kindOf(f)].push(f);
    const isTest = (f) => /test|t10k/i.test(f.name);
    const pairs = [];
    if (by.images.length + by.labels.length > 0) {
      for (const test of [false, true]) {
        const images = by.images.filter((f) => isTest(f) === test);
        const labels = by.labels.filter((f) => isTest(f) === test);
        if (images.length + labels.length > 0) pairs.push({ images: images[0], labels: labels[0], size: (images[0] || labels[0]).size, test, extra: images.length > 1 || labels.length > 1 });
      }
    }
    const parts = [...by.csv.map((f) => ({ file: f, size: f.size, test: isTest(f) })), ...pairs.map((p) => ({ file: { images: p.images, labels: p.labels }, size: p.size, test: p.test, extra: p.extra }))];
    const names = by.names[0] || null;
    if (parts.length === 0) return { train: null, names };
    if (parts.length > 2 || by.names.length > 1 || parts.some((p) => p.extra)) return { extra: true };
    if (parts.length === 1) return { train: parts[0].file, names };
    let t = parts.findIndex((p) => p.test);
    if (t < 0 || parts[1 - t].test) t = parts[0].size <= parts[1].size ? 0 : 1;
    return { train: parts[1 - t].file, test: parts[t].file, names };
  }

  const input = document.getElementById('data-file');
  if (input) {
    input.addEventListener('change', async () => {
      const list = Array.from(input.files || []);
      input.value = '';  // choosing the same files again fires change again
      const M = app();
      if (!M || list.length === 0) return;
      const files = await sortFiles(list);
      if (files.extra || !files.train) {
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
