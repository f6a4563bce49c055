#!/usr/bin/env bash
# CLI contract tests: bad flags and bad files give one clear line on stderr and a non-zero exit;
# --help works for each subcommand; a tiny train → save → eval → predict round trip on real data.
# Usage: test_cli.sh path/to/fmnist CASE   (ctest runs one CASE per entry)
# The real data: $FASHION_MNIST_DIR, the CLI's own variable (else its default folder). A case that
# needs it and finds it missing fails when FMNIST_REQUIRE_DATA=1 (`make test`, which installed
# it), else exits 77, which ctest reports as skipped (SKIP_RETURN_CODE).
set -uo pipefail
cli=$1
case_name=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

require_data() {
  local dir=${FASHION_MNIST_DIR:-/usr/share/datasets/fashion-mnist} f missing=()
  for f in train-images-idx3-ubyte.gz train-labels-idx1-ubyte.gz t10k-images-idx3-ubyte.gz \
           t10k-labels-idx1-ubyte.gz; do
    [ -f "$dir/$f" ] || missing+=("$f")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local why="Fashion-MNIST files missing in $dir: ${missing[*]} (install the Debian package dataset-fashion-mnist: make deps; or set FASHION_MNIST_DIR)"
  if [ "${FMNIST_REQUIRE_DATA:-0}" = 1 ]; then echo "FAIL: $why"; exit 1; fi
  echo "skipped: $why"
  exit 77
}

# expect_error EXPECTED_CODE PATTERN ARGS... : must exit with the code and print PATTERN on one line.
expect_error() {
  local code=$1 pattern=$2; shift 2
  local err rc
  err=$("$cli" "$@" 2>&1 >/dev/null); rc=$?
  if [ "$rc" -ne "$code" ]; then echo "expected exit $code, got $rc for: $*"; echo "$err"; exit 1; fi
  if ! grep -qE -e "$pattern" <<<"$err"; then echo "message for '$*' lacks /$pattern/: $err"; exit 1; fi
  if [ "$(wc -l <<<"$err")" -ne 1 ]; then echo "expected one line for '$*', got: $err"; exit 1; fi
}

case $case_name in
  help)
    for sub in bundle train cv eval predict bench; do
      "$cli" $sub --help | grep -q "usage: fmnist $sub" || { echo "no help for $sub"; exit 1; }
    done
    "$cli" --help | grep -q "usage: fmnist" || { echo "no help for fmnist"; exit 1; }
    ;;
  bad_flags)
    expect_error 2 "unknown command" frobnicate
    expect_error 2 "unknown flag --nope" train --nope
    expect_error 2 "learning rate|--lr" train --lr -1
    expect_error 2 "--lr must be a number" train --lr abc
    expect_error 2 "--batch" train --batch 0
    expect_error 2 "--epochs" train --epochs 0
    expect_error 2 "hidden layer width" train --model mlp:0
    expect_error 2 "hidden layer width" train --model mlp:999999
    expect_error 2 "unknown model" train --model cnn
    expect_error 2 "unknown optimizer" train --optimizer lbfgs
    expect_error 2 "--side must be 14 or 28" train --side 20
    expect_error 2 "needs a value" train --seed
    expect_error 2 "--out FILE is required" bundle
    expect_error 2 "expected one model file" eval
    ;;
  missing_data)
    expect_error 1 "dataset-fashion-mnist" bundle --idx "$tmp/nowhere" --out "$tmp/b.bin"
    expect_error 1 "not found" train --bundle "$tmp/missing.bin"
    ;;
  bad_files)
    head -c 100 /dev/urandom > "$tmp/junk.bin"
    expect_error 1 "bundle|magic|truncated" train --bundle "$tmp/junk.bin"
    expect_error 1 "not an fmnist model file|truncated" eval "$tmp/junk.bin"
    printf 'P5\n4 4\n255\n' > "$tmp/short.pgm"
    expect_error 1 "cannot read model file" predict "$tmp/none.model" "$tmp/short.pgm"
    ;;
  round_trip)
    require_data
    "$cli" bundle --side 14 --out "$tmp/b14.bin" >/dev/null || exit 1
    out=$("$cli" train --bundle "$tmp/b14.bin" --epochs 1 --save "$tmp/m.fmnist" --json) || { echo "$out"; exit 1; }
    val=$(tail -1 <<<"$out" | python3 -c "import json,sys; print(json.load(sys.stdin)['val_acc'])")
    python3 -c "import sys; sys.exit(0 if $val > 0.75 else 1)" || { echo "val_acc $val too low"; exit 1; }
    ev=$("$cli" eval "$tmp/m.fmnist" --bundle "$tmp/b14.bin" --json) || { echo "eval failed: $ev"; exit 1; }
    ev=$(tail -1 <<<"$ev")
    python3 -c "import json,sys; d=json.loads('$ev'); sys.exit(0 if d['test_acc'] > 0.74 else 1)" || { echo "eval: $ev"; exit 1; }
    # A white square in the middle of a dark 40×30 image: any class, but a valid distribution.
    python3 - "$tmp/sq.pgm" <<'PY'
import sys
w, h = 40, 30
px = bytearray(w * h)
for y in range(8, 22):
    for x in range(12, 28):
        px[y * w + x] = 255
open(sys.argv[1], "wb").write(b"P5\n%d %d\n255\n" % (w, h) + bytes(px))
PY
    pr=$("$cli" predict "$tmp/m.fmnist" "$tmp/sq.pgm" --json) || { echo "predict failed: $pr"; exit 1; }
    pr=$(tail -1 <<<"$pr")
    python3 -c "import json; d=json.loads('$pr'); assert 0 <= d['top'] < 10 and abs(sum(d['probs'])-1) < 1e-4" || { echo "predict: $pr"; exit 1; }
    # Corrupt one byte of the model in the middle: refused with a clear message.
    python3 -c "import sys; b=bytearray(open('$tmp/m.fmnist','rb').read()); b[len(b)//2]^=0xFF; open('$tmp/bad.fmnist','wb').write(b)"
    expect_error 1 "corrupt|checksum" eval "$tmp/bad.fmnist" --bundle "$tmp/b14.bin"
    # An empty (all dark) image is reported, not classified.
    python3 -c "open('$tmp/empty.pgm','wb').write(b'P5\n8 8\n255\n' + bytes(64))"
    expect_error 1 "empty" predict "$tmp/m.fmnist" "$tmp/empty.pgm"
    ;;
  *) echo "unknown case $case_name"; exit 2 ;;
esac
echo "ok"
