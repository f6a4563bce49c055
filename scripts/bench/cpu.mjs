// The machine: what it is (cpuMhz) and how busy *other* work kept it while a row ran (othersMeter).
import fs from 'node:fs';
import os from 'node:os';

export const TICKS_PER_S = 100;  // USER_HZ on Linux

// Every process: pid → { ppid, ticks } (utime stime cutime cstime: reaped children, e.g. the CLI,
// included), in clock ticks.
function processTable() {
  const procs = new Map();
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');  // f[0] is field 3 (state)
      procs.set(Number(pid), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) });
    } catch { /* exited meanwhile */ }
  }
  return procs;
}

// The pids of this process tree (node, the CLI, serve.py, Chromium and its children).
export function ourPids(procs = processTable()) {
  const ours = (pid) => {
    for (let p = pid; p > 1; p = procs.get(p)?.ppid ?? 0) if (p === process.pid) return true;
    return false;
  };
  return [...procs.keys()].filter(ours);
}

// CPU time of the whole machine (/proc/stat) and of this process tree, in clock ticks.
function cpuTicks() {
  const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const machine = cpu[0] + cpu[1] + cpu[2] + cpu[5] + cpu[6] + (cpu[7] || 0);  // all but idle and iowait
  const procs = processTable();
  let mine = 0;
  for (const pid of ourPids(procs)) mine += procs.get(pid).ticks;
  return { machine, mine, at: performance.now() };
}

// Starts a meter; calling the returned function gives the cores other processes used since then.
// On 2 cores, anything above ~0.2 means a build or test shared the CPU and inflated that row.
// (The load average can't tell: our own browser counts in it.)
export function othersMeter() {
  if (!fs.existsSync('/proc/stat')) return () => null;
  const start = cpuTicks();
  return () => {
    const end = cpuTicks();
    const cores = ((end.machine - start.machine) - (end.mine - start.mine)) / TICKS_PER_S / ((end.at - start.at) / 1000);
    return Math.max(0, cores);
  };
}

// os.cpus() reports speed 0 in this VM; /proc/cpuinfo still has the nominal clock.
function cpuMhz() {
  const m = fs.existsSync('/proc/cpuinfo') && fs.readFileSync('/proc/cpuinfo', 'utf8').match(/cpu MHz\s*:\s*([\d.]+)/);
  return m ? Number(m[1]) : os.cpus()[0]?.speed || null;
}

// Load average at the start (and later loadavg_end): on a shared machine it explains most outliers.
export const machine = () => ({ cpu: os.cpus()[0]?.model, mhz: cpuMhz(), cores: os.cpus().length,
  node: process.version, platform: os.platform(), loadavg_start: os.loadavg() });
