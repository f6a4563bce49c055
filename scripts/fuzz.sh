#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for $1 seconds (default 60),
# starting from the seed corpora in tests/fuzz/seeds/<target>. Crashes land in build/fuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
out=build/fuzz
mkdir -p "$out"
core=(src/core/*.cpp)
flags=(-std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
       -Isrc -isystem /usr/include/eigen3 -DEIGEN_NO_DEBUG)
for target in fuzz_bundle fuzz_idx fuzz_model; do
  bin=$out/$target
  if [ ! -x "$bin" ] || [ -n "$(find src/core tests/fuzz/$target.cpp -newer "$bin" -print -quit)" ]; then
    echo "fuzz: building $target"
    clang++ "${flags[@]}" "tests/fuzz/$target.cpp" "${core[@]}" -o "$bin"
  fi
done
status=0
for target in fuzz_bundle fuzz_idx fuzz_model; do
  corpus=$out/corpus-$target
  mkdir -p "$corpus"
  cp -n tests/fuzz/seeds/$target/* "$corpus/" 2>/dev/null || true
  echo "fuzz: $target for ${seconds}s"
  if ! (cd "$out" && ./$target -max_total_time="$seconds" -max_len=65536 -print_final_stats=1 \
          -artifact_prefix="$PWD/$target-" "corpus-$target" 2> "$target.log"); then
    echo "fuzz: $target FOUND A CRASH — see $out/$target.log and $out/$target-crash-*" >&2
    status=1
  fi
  grep -E "stat::number_of_executed_units|Done [0-9]+ runs" "$out/$target.log" | tail -2
done
exit $status
