// Classify a photo or picture (issue 15 §1): an image file chosen with the Image button (or the
// camera on a phone), dropped on the page, or given to fmnist.classifyImage(blobOrUrl). The
// browser decodes it (createImageBitmap: PNG, JPEG, WebP, GIF's first frame, …; no decoder of
// ours) and scales it to at most 1024 px; the app makes it a model input (src/core/photo.h), puts
// it on the canvas and the bars show the prediction.
'use strict';

(function () {
  const MAX_BYTES = 20 * 1024 * 1024;  // larger files are refused before decoding
  const MAX_SIDE = 10000;              // as src/core/photo.h's kMaxPhotoSide
  const WORK_SIDE = 1024;              // the decoded image is scaled to this before the app sees it

  function app() {
    const M = window.Module;
    return M && M.fmnistRunning ? M : null;
  }

  // 1 not an image, 2 too many bytes, 3 too large or empty: the app words it (state().error).
  function refuse(M, kind, name, a, b) {
    window.fmnist._withCString(M, String(name || ''), (p) => M._fm_app_image_error(kind, p, a || 0, b || 0));
    return null;
  }

  // The image's width and height from its header, or null when the browser cannot read it. An
  // <img> knows its size on load but decodes only when drawn, so a 20000×20000 picture is refused
  // in milliseconds instead of being decoded into 1.6 GB first.
  function naturalSize(blob) {
    const url = URL.createObjectURL(blob);
    const img = new Image();
    return new Promise((resolve) => {
      img.onload = () => resolve({ w: img.naturalWidth, h: img.naturalHeight });
      img.onerror = () => resolve(null);
      img.src = url;
    }).finally(() => URL.revokeObjectURL(url));
  }

  // Resolves with the ten probabilities, or null when refused (state().error says why; the canvas
  // is unchanged).
  async function classify(source) {
    const M = app();
    if (!M) return null;
    let blob = source;
    let name = source && source.name ? source.name : '';
    if (typeof source === 'string') {
      name = source;
      try {
        const r = await fetch(source);
        if (!r.ok) return refuse(M, 1, name);
        blob = await r.blob();
      } catch (e) {
        return refuse(M, 1, name);
      }
    }
    if (!(blob instanceof Blob)) return refuse(M, 1, name);
    if (blob.size > MAX_BYTES) return refuse(M, 2, name, blob.size, MAX_BYTES);
    const size = await naturalSize(blob);
    if (!size) return refuse(M, 1, name);
    if (size.w < 1 || size.h < 1 || size.w > MAX_SIDE || size.h > MAX_SIDE) return refuse(M, 3, name, size.w, size.h);
    let bitmap;
    try {
      bitmap = await createImageBitmap(blob);
    } catch (e) {
      return refuse(M, 1, name);
    }
    const w = bitmap.width, h = bitmap.height;
    const k = Math.min(1, WORK_SIDE / Math.max(w, h));
    const cw = Math.max(1, Math.round(w * k)), ch = Math.max(1, Math.round(h * k));
    const canvas = document.createElement('canvas');
    canvas.width = cw;
    canvas.height = ch;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, cw, ch);
    bitmap.close();
    const rgba = ctx.getImageData(0, 0, cw, ch).data;
    const ok = window.fmnist._withBytes(M, new Uint8Array(rgba.buffer), (p) => M._fm_app_classify_image(p, cw, ch)) === 1;
    if (!ok) return null;
    return window.fmnist.state().canvas.probs;
  }

  const input = document.getElementById('image-file');
  if (input) {
    input.addEventListener('change', () => {
      const file = input.files && input.files[0];
      input.value = '';
      if (file) classify(file);
    });
  }
  // A file dropped anywhere on the page.
  window.addEventListener('dragover', (e) => {
    if (e.dataTransfer && Array.from(e.dataTransfer.types || []).includes('Files')) e.preventDefault();
  });
  window.addEventListener('drop', (e) => {
    const file = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
    if (!file) return;
    e.preventDefault();
    classify(file);
  });

  window.fmnistImage = {
    classify,
    choose() {
      if (input) input.click();
    },
  };
})();
