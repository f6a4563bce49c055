#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for $1 seconds (default 60),
# starting from the seed corpora in tests/fuzz/seeds/<target>. Crashes land in build/fuzz/.
# FUZZ_TARGETS="fuzz_csv fuzz_idx" runs only those; FUZZ_RUNS=N runs each for N executions instead
# of a time; FUZZ_OUT=DIR builds and runs in DIR instead.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
out=${FUZZ_OUT:-build/fuzz}
mkdir -p "$out"
flags=(-std=c++17 -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined
       -Isrc -isystem /usr/include/eigen3 -DEIGEN_NO_DEBUG)
targets=(${FUZZ_TARGETS:-fuzz_bundle fuzz_idx fuzz_model fuzz_csv fuzz_names fuzz_sketch fuzz_safetensors})
# The core is compiled once (instrumented for the fuzzer, not linked with its main) into one
# archive that every target links: seven targets no longer compile it seven times.
lib=$out/libcore.a
if [ ! -f "$lib" ] || [ -n "$(find src/core -newer "$lib" -print -quit)" ]; then
  echo "fuzz: building the core"
  mkdir -p "$out/core"
  rm -f "$out"/core/*.o
  printf '%s\n' src/core/*.cpp | xargs -P "$(nproc)" -I{} sh -c \
    'clang++ "$@" -fsanitize=fuzzer-no-link -c "$0" -o "'"$out"'/core/$(basename "$0" .cpp).o"' {} "${flags[@]}"
  rm -f "$lib"
  ar rcs "$lib" "$out"/core/*.o
fi
for target in "${targets[@]}"; do
  bin=$out/$target
  if [ ! -x "$bin" ] || [ -n "$(find "$lib" tests/fuzz/$target.cpp -newer "$bin" -print -quit)" ]; then
    echo "fuzz: building $target"
    clang++ "${flags[@]}" -fsanitize=fuzzer "tests/fuzz/$target.cpp" "$lib" -o "$bin"
  fi
done
status=0
for target in "${targets[@]}"; do
  corpus=$out/corpus-$target
  mkdir -p "$corpus"
  cp -n tests/fuzz/seeds/$target/* "$corpus/" 2>/dev/null || true
  # fuzz_csv: 16 KB holds a header and a few rows; longer inputs only slow every run down.
  max_len=65536
  [ "$target" = fuzz_csv ] && max_len=16384
  # fuzz_safetensors: 16 KB holds a softmax or MLP export whole and every header (cnn-small's
  # 96 KB seed is cut after its header: the conv layers' metadata is fuzzed, their weights not).
  [ "$target" = fuzz_safetensors ] && max_len=16384
  limit=-max_total_time="$seconds"
  [ -n "${FUZZ_RUNS:-}" ] && limit=-runs="$FUZZ_RUNS"
  echo "fuzz: $target for ${FUZZ_RUNS:-${seconds}s}${FUZZ_RUNS:+ runs}"
  if ! (cd "$out" && ./$target "$limit" -max_len=$max_len -print_final_stats=1 \
          -artifact_prefix="$PWD/$target-" "corpus-$target" 2> "$target.log"); then
    echo "fuzz: $target FOUND A CRASH — see $out/$target.log and $out/$target-crash-*" >&2
    status=1
  fi
  grep -E "stat::number_of_executed_units|stat::average_exec_per_sec|Done [0-9]+ runs" "$out/$target.log" | tail -3
done
exit $status
