// Where our Chromium's CPU goes: cores used by each kind of Chromium process (browser, renderer,
// gpu-process, utility) of this run's own browser, and by the threads that matter, from
// /proc/<pid>/task/<tid>/stat. Threads, by the name the kernel shows: in the renderer, `main` (the
// page's JS, ImGui, WebGL calls), `DedicatedWorker` (the training engine) and `Compositor`; in the
// GPU process `SwiftShader` (its Thread<NN> workers rasterising WebGL and the compositor's quads),
// `main` (the GL command decoder) and `VizCompositorTh` (the display compositor).
import fs from 'node:fs';
import { TICKS_PER_S, ourPids } from './cpu.mjs';

function threadName(type, pid, tid, comm) {
  if (tid === pid) return 'main';
  if (/^Thread<\d+>$/.test(comm)) return type === 'gpu-process' ? 'SwiftShader' : 'Thread<n>';
  if (comm.startsWith('ThreadPool')) return 'ThreadPool';
  return comm;
}

// key "type" and "type/thread" → ticks, over our Chromium processes.
function sample() {
  const ticks = {};
  const add = (k, v) => { ticks[k] = (ticks[k] || 0) + v; };
  for (const pid of ourPids()) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!/chrom/i.test(cmd.split('\0')[0])) continue;
      const type = (cmd.match(/--type=([a-z-]+)/) || [null, 'browser'])[1];
      for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
        const st = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const comm = st.slice(st.indexOf('(') + 1, st.lastIndexOf(')'));
        const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
        const t = Number(f[11]) + Number(f[12]);  // utime stime
        add(type, t);
        add(`${type}/${threadName(type, Number(pid), Number(tid), comm)}`, t);
      }
    } catch { /* exited meanwhile */ }
  }
  return { ticks, at: performance.now() };
}

// Starts a meter; the returned function gives {total, by: {key: cores}} since then (keys under
// 0.01 core left out), in cores (1 = one core busy all the time). Threads or processes that ended
// meanwhile are not counted.
export function chromiumMeter() {
  if (!fs.existsSync('/proc/self/task')) return () => null;
  const a = sample();
  return () => {
    const b = sample();
    const seconds = (b.at - a.at) / 1000;
    const by = {};
    let total = 0;
    for (const [k, v] of Object.entries(b.ticks)) {
      const cores = (v - (a.ticks[k] || 0)) / TICKS_PER_S / seconds;
      if (!k.includes('/')) total += Math.max(0, cores);
      if (cores >= 0.01) by[k] = Number(cores.toFixed(3));
    }
    return { seconds, total: Number(total.toFixed(3)), by };
  };
}

// "1.62: renderer 1.02 (DedicatedWorker 0.95, main 0.05), gpu-process 0.60 (SwiftShader 0.41, …)".
export function fmtCpu(cpu) {
  if (!cpu) return '—';
  const types = Object.keys(cpu.by).filter((k) => !k.includes('/')).sort((x, y) => cpu.by[y] - cpu.by[x]);
  return `${cpu.total.toFixed(2)}${types.length ? ': ' : ''}` + types.map((t) => {
    const threads = Object.keys(cpu.by).filter((k) => k.startsWith(`${t}/`))
      .sort((x, y) => cpu.by[y] - cpu.by[x]).slice(0, 3).map((k) => `${k.slice(t.length + 1)} ${cpu.by[k].toFixed(2)}`);
    return `${t} ${cpu.by[t].toFixed(2)}${threads.length ? ` (${threads.join(', ')})` : ''}`;
  }).join(', ');
}
