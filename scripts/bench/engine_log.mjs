// The engine's events as the page receives them, timed: an init script (page.addInitScript, so it
// runs before the page's own scripts) makes every Worker the page creates also report its messages
// to window.__benchEngine, stamped with performance.now() on arrival. The page's own handler runs
// in the same task, so a time here is when the page learns of the event (an epoch's end, the test
// accuracy, the CV's result). Nothing polls: the runners await until(pred), which resolves in a
// later task, once the page has handled the event.
//
// Each event is {t, type, fields}: the protocol line "type k=v&k=v" (src/engine/protocol.h) with its
// fields decoded; `weights` events keep no fields (a snapshot ~10 times a second).
export function installEngineLog() {
  const events = [];
  const waiters = [];
  const parse = (text) => {
    const sp = text.indexOf(' ');
    const fields = {};
    if (sp >= 0) {
      for (const kv of text.slice(sp + 1).split('&')) {
        const eq = kv.indexOf('=');
        if (eq > 0) fields[kv.slice(0, eq)] = decodeURIComponent(kv.slice(eq + 1));
      }
    }
    return { type: sp < 0 ? text : text.slice(0, sp), fields };
  };
  const record = (e) => {
    const text = e.data && e.data.text;
    if (typeof text !== 'string') return;
    const t = performance.now();
    const ev = parse(text);
    events.push({ t, type: ev.type, fields: ev.type === 'weights' ? {} : ev.fields });
    const last = events[events.length - 1];
    for (let i = waiters.length - 1; i >= 0; i--) {
      const w = waiters[i];
      if (w.pred(last)) {
        waiters.splice(i, 1);
        // In a task of its own: this listener runs before the page's own onmessage (it was added
        // first), and whoever waits reads state() after the page has taken the event in.
        setTimeout(() => w.resolve(last), 0);
      }
    }
  };
  const Base = window.Worker;
  window.Worker = class extends Base {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', record);
    }
  };
  window.__benchEngine = {
    events,
    // The first event at index ≥ from that satisfies pred, now or when it comes; rejects after
    // timeoutMs (a benchmark reports a hang, it never waits forever).
    until(pred, from = 0, timeoutMs = 600000, what = 'an engine event') {
      for (let i = from; i < events.length; i++) if (pred(events[i])) return Promise.resolve(events[i]);
      return new Promise((resolve, reject) => {
        const w = { pred, resolve };
        waiters.push(w);
        setTimeout(() => {
          const i = waiters.indexOf(w);
          if (i >= 0) {
            waiters.splice(i, 1);
            reject(new Error(`no ${what} within ${timeoutMs / 1000} s`));
          }
        }, timeoutMs);
      });
    },
  };
}
