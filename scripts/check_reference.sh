#!/usr/bin/env bash
# Reproduces the lesson's reference numbers (tests/reference/README.md) with the native CLI on the real
# data and checks each against its bound. Usage: check_reference.sh [path/to/fmnist]
set -uo pipefail
cd "$(dirname "$0")/.."
cli=${1:-build/fmnist}
# The original IDX files, not the (possibly 16-level) bundles: these are the reference numbers.
idx=(--idx "${FASHION_MNIST_DIR:-/usr/share/datasets/fashion-mnist}")
failed=0

# check NAME COMMAND... : runs the command with --json, compares one field of its last line.
check() {
  local name=$1 field=$2 op=$3; shift 3
  local start=$SECONDS out value
  if ! out=$("$@" --json 2>&1); then
    echo "FAIL $name: command failed: $*"; echo "$out" | tail -3; failed=$((failed + 1)); return
  fi
  value=$(echo "$out" | tail -1 | python3 -c "import json,sys; print(json.load(sys.stdin)['$field'])")
  if python3 -c "import sys; v=$value; sys.exit(0 if ($op) else 1)"; then
    echo "ok   $name: $field = $value ($op) [$((SECONDS - start)) s]"
  else
    echo "FAIL $name: $field = $value, expected $op"; failed=$((failed + 1))
  fi
}

# check_both NAME VAL_REF TEST_REF TOLERANCE COMMAND... : validation and test accuracy of one run,
# each within ±TOLERANCE of its reference (the 7×7 runs, whose reference gives both).
check_both() {
  local name=$1 val_ref=$2 test_ref=$3 tol=$4; shift 4
  local start=$SECONDS out
  if ! out=$("$@" --json 2>&1); then
    echo "FAIL $name: command failed: $*"; echo "$out" | tail -3; failed=$((failed + 1)); return
  fi
  if echo "$out" | tail -1 | python3 -c "
import json, sys
d = json.load(sys.stdin)
ok = abs(d['val_acc'] - $val_ref) <= $tol and abs(d['test_acc'] - $test_ref) <= $tol
print(('ok   ' if ok else 'FAIL') + ' $name: val_acc = %.4f, test_acc = %.4f (each within $tol of the reference) [%d s]'
      % (d['val_acc'], d['test_acc'], $SECONDS - $start))
sys.exit(0 if ok else 1)"; then :; else failed=$((failed + 1)); fi
}

check "cv 28×28 (ref 0.8196)"      mean    "abs(v-0.8196)<=0.008" "$cli" cv --side 28 "${idx[@]}"
check "cv 14×14 (ref 0.8291)"      mean    "abs(v-0.8291)<=0.008" "$cli" cv --side 14 "${idx[@]}"
check "softmax 28×28 (ref 0.8501)" val_acc "v>=0.845" "$cli" train --model softmax --side 28 "${idx[@]}"
check "softmax 14×14 (ref 0.8242)" val_acc "v>=0.820" "$cli" train --model softmax --side 14 "${idx[@]}"
check "mlp:100 28×28 (ref 0.8744)" val_acc "v>=0.868" "$cli" train --model mlp:100 --optimizer adam --side 28 "${idx[@]}"
check "mlp:100 14×14 (ref 0.8668)" val_acc "v>=0.858" "$cli" train --model mlp:100 --optimizer adam --side 14 "${idx[@]}"

# 7×7 (4×4 mean pooling; tests/reference/README.md): validation and test accuracy both checked.
check_both "softmax 7×7 (ref val 0.7753, test 0.7707)" 0.7753 0.7707 0.008 \
  "$cli" train --model softmax --side 7 "${idx[@]}"
check_both "mlp:100 7×7 (ref val 0.8317, test 0.8242)" 0.8317 0.8242 0.008 \
  "$cli" train --model mlp:100 --optimizer adam --side 7 "${idx[@]}"

if [ $failed -gt 0 ]; then echo "reference checks: $failed failed"; exit 1; fi
echo "reference checks: all 8 passed"
