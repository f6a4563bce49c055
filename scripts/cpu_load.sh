#!/usr/bin/env bash
# Runs a command while every core is kept busy at normal priority (nice 0): one spinning process
# per core (CPU_LOAD_PROCS overrides). The spinners start before the command and are stopped after
# it, also when it fails or this script is interrupted (Ctrl-C, SIGTERM: the command gets SIGTERM
# too). The command's exit status is returned. `make test-load` runs the browser tests this way.
#
# Usage: scripts/cpu_load.sh COMMAND [ARGS...]
set -u

if [ $# -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi

procs=${CPU_LOAD_PROCS:-$(nproc)}
spinners=()
cmd=

# CPU seconds a process has used so far (utime + stime from /proc/PID/stat).
cpu_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.1f", ($12 + $13) / hz }' "/proc/$1/stat" 2>/dev/null
}
# Busy and total jiffies of the whole machine (/proc/stat: all but idle and iowait).
machine_ticks() {
  awk '/^cpu / { t = 0; for (i = 2; i <= NF; ++i) t += $i; print t - $5 - $6, t; exit }' /proc/stat
}

stop_spinners() {
  if [ ${#spinners[@]} -gt 0 ] && [ -n "${start_ns:-}" ]; then
    local used=0 s wall busy total
    for pid in "${spinners[@]}"; do
      s=$(cpu_seconds "$pid"); used=$(awk -v a="$used" -v b="${s:-0}" 'BEGIN { print a + b }')
    done
    wall=$(awk -v a="$start_ns" -v b="$(date +%s%N)" 'BEGIN { printf "%.0f", (b - a) / 1e9 }')
    read -r busy total < <(machine_ticks)
    echo "cpu_load: the spinners used $used CPU-s in $wall s" \
      "($(awk -v u="$used" -v w="$wall" 'BEGIN { printf "%.2f", (w > 0) ? u / w : 0 }') cores);" \
      "the machine was busy $(awk -v b="$busy" -v b0="$busy0" -v t="$total" -v t0="$total0" \
        'BEGIN { printf "%.0f", (t > t0) ? 100 * (b - b0) / (t - t0) : 0 }')% of the time"
  fi
  for pid in "${spinners[@]}"; do kill "$pid" 2>/dev/null; done  # our own children, by PID
  for pid in "${spinners[@]}"; do wait "$pid" 2>/dev/null; done
  spinners=()
}
on_signal() {
  if [ -n "$cmd" ]; then
    kill -TERM "$cmd" 2>/dev/null  # make passes SIGTERM on to its children
    wait "$cmd" 2>/dev/null
  fi
  exit "$1"
}
trap stop_spinners EXIT
trap 'on_signal 130' INT
trap 'on_signal 143' TERM

start_ns=$(date +%s%N)
read -r busy0 total0 < <(machine_ticks)
for _ in $(seq "$procs"); do
  # A busy loop at nice 0 (reset in case this script inherited a higher nice value).
  bash -c 'renice -n 0 -p $$ >/dev/null 2>&1; while :; do :; done' &
  spinners+=("$!")
done
echo "cpu_load: $procs spinning processes at nice $(ps -o ni= -p "${spinners[0]}" | tr -d ' ')" \
  "(pids ${spinners[*]}) while: $*"

# In the background so that a signal reaches the traps at once, not when the command ends.
"$@" <&0 &
cmd=$!
wait "$cmd"
status=$?
cmd=
stop_spinners
echo "cpu_load: spinners stopped; the command exited $status"
exit "$status"
