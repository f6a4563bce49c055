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

stop_spinners() {
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
