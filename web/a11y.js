// fmnist-wasm: the accessible layer's page side (issue 16 §1). The overlay is pixels in one
// canvas, so the page also has real HTML controls (Train, Pause, Reset, Model, Input size, Clear,
// Random test image, Language, the lesson's steps), built from the app's description of them
// (src/app/a11y_layer.cpp: names in the current language, disabled and pressed states, the
// settings table's choices) and sent to the app's own commands. They stay out of sight until one
// has the keyboard focus (the skip-link pattern). A polite live region says what happens, at
// most once every 2 s, and the keyboard can go into the panels (ImGui's navigation) and back out
// with Escape; Tab is never kept by the canvas.
'use strict';

window.fmnistA11y = (function () {
  const PACE_MS = 2000;  // at most one announcement this often: a softmax epoch takes 0.03 s
  // The order a summary reads pending sentences in; one sentence per kind, the newest.
  const ORDER = ['loading', 'ready', 'run', 'epoch', 'end', 'problem', 'prediction', 'lesson'];
  const canvas = document.getElementById('canvas');
  const el = (tag, props) => Object.assign(document.createElement(tag), props || {});

  const nav = el('nav', { id: 'a11y-controls', className: 'a11y-nav' });
  const live = el('div', { id: 'a11y-live', className: 'a11y-hidden' });
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('aria-atomic', 'true');
  const help = el('p', { id: 'a11y-canvas-help', hidden: true });
  const dialog = el('div', { id: 'a11y-confirm', className: 'a11y-dialog', hidden: true });
  dialog.setAttribute('role', 'alertdialog');
  dialog.setAttribute('aria-modal', 'true');
  const dialogTitle = el('h2', { id: 'a11y-confirm-title' });
  const dialogText = el('p', { id: 'a11y-confirm-text' });
  const dialogButtons = el('div', { className: 'a11y-row' });
  dialog.setAttribute('aria-labelledby', dialogTitle.id);
  dialog.setAttribute('aria-describedby', dialogText.id);
  dialog.append(dialogTitle, dialogText, dialogButtons);
  // After the canvas: the page starts with the canvas focused (paste.js), so the first Tab lands
  // on Train; Shift+Tab from the controls goes back into the panels.
  if (canvas) {
    canvas.after(nav, dialog, live, help);
    canvas.tabIndex = 0;
    canvas.setAttribute('role', 'application');
    canvas.setAttribute('aria-describedby', help.id);
  } else {
    document.body.append(nav, dialog, live, help);
  }

  const state = { desc: null, controls: new Map(), returnTo: null, log: [] };

  // --- Commands: the app's (a11y_layer.cpp), the same as the panels' buttons and menus.
  function app() {
    const M = window.Module;
    return M && M.fmnistRunning && M._fm_app_a11y_action ? M : null;
  }
  function act(id, value) {
    const M = app();
    if (!M) return false;
    const withC = window.fmnist._withCString;
    return withC(M, String(id), (a) => withC(M, String(value || ''), (b) => M._fm_app_a11y_action(a, b))) === 1;
  }

  // --- The controls, made once from the first description and kept in step with the next ones.
  function makeButton(c, parent) {
    const b = el('button', { type: 'button', id: `a11y-${c.id.replace(':', '-')}` });
    b.addEventListener('click', () => {
      if (c.id === 'panels') {
        enterPanels(b);
      } else {
        act(c.id);
      }
    });
    parent.append(b);
    return b;
  }
  function makeChoice(c, parent) {
    const label = el('label', { className: 'a11y-choice' });
    const text = el('span');
    const select = el('select', { id: `a11y-${c.id}` });
    select.addEventListener('change', () => act(c.id, select.value));
    label.append(text, select);
    parent.append(label);
    select.fmnistText = text;
    return select;
  }
  function build(desc) {
    for (const c of desc.controls) {
      if (c.kind === 'group') {
        const group = el('div', { className: 'a11y-group', id: `a11y-${c.id}` });
        group.setAttribute('role', 'group');
        const name = el('span', { id: `a11y-${c.id}-label`, className: 'a11y-group-name' });
        group.setAttribute('aria-labelledby', name.id);
        group.append(name);
        nav.append(group);
        state.controls.set(c.id, group);
        group.fmnistText = name;
        for (const item of c.items) state.controls.set(item.id, makeButton(item, group));
      } else if (c.kind === 'choice') {
        state.controls.set(c.id, makeChoice(c, nav));
      } else {
        state.controls.set(c.id, makeButton(c, nav));
      }
    }
  }
  function apply(c) {
    const node = state.controls.get(c.id);
    if (!node) return;
    if (c.kind === 'group') {
      node.fmnistText.textContent = c.label;
      c.items.forEach(apply);
      return;
    }
    if (c.kind === 'choice') {
      node.fmnistText.textContent = c.label;
      const same = node.options.length === c.options.length;
      if (!same) node.replaceChildren();
      c.options.forEach((o, i) => {
        const opt = same ? node.options[i] : node.appendChild(el('option'));
        opt.value = o.value;
        opt.textContent = o.label;
      });
      if (node.value !== c.value) node.value = c.value;
    } else {
      node.textContent = c.label;
      if (c.kind === 'toggle') node.setAttribute('aria-pressed', c.pressed ? 'true' : 'false');
    }
    node.disabled = !!c.disabled;
  }

  function showConfirm(confirm) {
    const wasOpen = !dialog.hidden;
    if (!confirm) {
      if (!wasOpen) return;
      const inside = dialog.contains(document.activeElement);
      dialog.hidden = true;
      dialogButtons.replaceChildren();
      if (inside && state.confirmFrom && state.confirmFrom.isConnected) state.confirmFrom.focus();
      return;
    }
    dialogTitle.textContent = confirm.title;
    dialogText.textContent = confirm.text;
    if (!wasOpen) {
      dialogButtons.replaceChildren(...confirm.buttons.map((b) => {
        const button = el('button', { type: 'button', id: `a11y-${b.id.replace(':', '-')}` });
        button.addEventListener('click', () => act(b.id));
        return button;
      }));
      dialog.hidden = false;
      // Asked by a page control: the keyboard goes to the question (Keep is first).
      if (nav.contains(document.activeElement)) {
        state.confirmFrom = document.activeElement;
        dialogButtons.firstChild.focus();
      }
    }
    confirm.buttons.forEach((b, i) => { dialogButtons.children[i].textContent = b.label; });
  }

  // The app describes its controls whenever something in them changed (web_bridge.cpp).
  function update(json) {
    const desc = JSON.parse(json);
    if (!state.desc) build(desc);
    state.desc = desc;
    document.documentElement.lang = desc.lang;
    nav.setAttribute('aria-label', desc.nav);
    live.setAttribute('aria-label', desc.live);
    if (canvas) canvas.setAttribute('aria-label', desc.canvas.label);
    help.textContent = desc.canvas.help;
    desc.controls.forEach(apply);
    showConfirm(desc.confirm);
  }

  // --- The live region: sentences merged by kind and said at most once every PACE_MS.
  const pending = new Map();
  let lastSaid = -Infinity;
  let timer = 0;
  function flush() {
    timer = 0;
    if (pending.size === 0) return;
    const text = ORDER.filter((k) => pending.has(k)).map((k) => pending.get(k)).join(' ');
    pending.clear();
    lastSaid = performance.now();
    live.textContent = text;
    state.log.push({ t: lastSaid, text });
  }
  function announce(kind, text) {
    if (kind === 'end') pending.delete('epoch');  // the run's end says the last epoch's figures
    if (kind === 'ready') pending.delete('loading');
    if (kind === 'loading' && state.desc) return;  // the app is running: no loading news any more
    pending.set(kind, text);
    if (!timer) timer = setTimeout(flush, Math.max(0, lastSaid + PACE_MS - performance.now()));
  }
  // The loading card's progress line (shell.js) is the loading news.
  const status = document.getElementById('status');
  if (status) {
    new MutationObserver(() => announce('loading', status.textContent)).observe(status,
      { childList: true, characterData: true, subtree: true });
  }

  // --- The keyboard and the panels.
  function popupOpen() {
    const M = app();
    return !!(M && M._fm_app_popup_open && M._fm_app_popup_open());
  }
  function enterPanels(from) {
    state.returnTo = from || null;
    const M = app();
    if (canvas) {
      canvas.focus({ preventScroll: true });
      canvas.classList.add('a11y-keyboard');  // its outline shows the keyboard is in the panels
    }
    if (M && M._fm_app_nav) M._fm_app_nav(1);
  }
  if (canvas) {
    let pointer = false;  // the canvas takes focus from a click: not a keyboard entry
    canvas.addEventListener('pointerdown', () => { pointer = true; }, true);
    window.addEventListener('pointerup', () => { pointer = false; }, true);
    // Tabbed (or Shift+Tabbed) into from a page control: the panels' navigation starts there.
    canvas.addEventListener('focus', (e) => {
      if (!pointer && e.relatedTarget && nav.contains(e.relatedTarget)) enterPanels(e.relatedTarget);
    });
    canvas.addEventListener('blur', () => {
      canvas.classList.remove('a11y-keyboard');
      const M = app();
      if (M && M._fm_app_nav) M._fm_app_nav(0);
    });
    // Capture on window runs before SDL's listener on the canvas: SDL cancels Tab, so Tab never
    // reaches it and the browser moves the focus on; Escape with no menu or box open leaves too.
    window.addEventListener('keydown', (e) => {
      if (e.target !== canvas || e.ctrlKey || e.altKey || e.metaKey) return;
      if (e.key === 'Tab') {
        e.stopPropagation();
        const M = app();
        if (M && M._fm_app_nav) M._fm_app_nav(2);  // a field being typed in applies, as on ImGui's Tab
      } else if (e.key === 'Escape' && !popupOpen()) {
        e.stopPropagation();
        e.preventDefault();
        const back = state.returnTo && state.returnTo.isConnected ? state.returnTo : state.controls.get('panels');
        if (back) back.focus();
      }
    }, true);
  }

  // Escape on a page control goes back into the panels (and the controls' bar out of sight).
  nav.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || !canvas || e.target.tagName === 'SELECT') return;
    e.preventDefault();
    canvas.focus({ preventScroll: true });
  });

  // desc(): the app's last description (tests read nav_visible: the panels have the keyboard).
  return { update, announce, act, log: state.log, live, nav, desc: () => state.desc };
})();
