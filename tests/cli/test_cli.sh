#!/usr/bin/env bash
# CLI contract tests: bad flags and bad files give one clear line on stderr and a non-zero exit;
# --help works for each subcommand; a tiny train → save → eval → predict round trip on real data,
# and the same for cnn-small (one epoch, early stopping on); sketch files classified by a model.
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

# export_round_trip MODEL.fmnist [BUNDLE]: exported as safetensors, it evaluates to the same accuracy and
# predicts the same probabilities, and exported back to the own format it is the same bytes.
export_round_trip() {
  local model=$1 bundle=${2:-$tmp/b14.bin} st=${1%.fmnist}.safetensors back=${1%.fmnist}.back.fmnist a b
  "$cli" export "$model" --format safetensors --out "$st" | grep -q "^wrote $st (safetensors" || { echo "export failed"; exit 1; }
  python3 -c "import sys; b=open(sys.argv[1],'rb').read(); n=int.from_bytes(b[:8],'little'); sys.exit(0 if b[8:9]==b'{' and (8+n)%8==0 else 1)" "$st" \
    || { echo "$st is not laid out as safetensors"; exit 1; }
  a=$("$cli" eval "$model" --bundle "$bundle" --json | tail -1) || exit 1
  b=$("$cli" eval "$st" --bundle "$bundle" --json | tail -1) || exit 1
  [ "$a" = "$b" ] || { echo "eval differs: $a (model file) vs $b (safetensors)"; exit 1; }
  a=$("$cli" predict "$model" "$tmp/sq.pgm" --json | tail -1) || exit 1
  b=$("$cli" predict "$st" "$tmp/sq.pgm" --json | tail -1) || exit 1
  [ "$a" = "$b" ] || { echo "predict differs: $a vs $b"; exit 1; }
  "$cli" export "$st" --format fmnist --out "$back" >/dev/null || { echo "export back failed"; exit 1; }
  cmp -s "$model" "$back" || { echo "$model → safetensors → fmnist is not the same bytes"; exit 1; }
}

case $case_name in
  help)
    for sub in bundle train cv eval predict export bench sketches; do
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
    expect_error 2 "unknown model 'resnet' \(use softmax, mlp:100\[,50\], cnn or cnn-small\)" train --model resnet
    expect_error 2 "the book's CNN \('cnn'\) needs 28×28 inputs \(got 14×14\); for 14×14 use 'cnn-small'" train --model cnn
    expect_error 2 "needs 28×28 inputs \(got 14×14\)" train --model cnn --side 14 --bundle "$tmp/missing.bin"
    expect_error 2 "--early-stopping must be a whole number from 0 to 1000" train --early-stopping -1
    expect_error 2 "unknown optimizer" train --optimizer lbfgs
    expect_error 2 "--side must be 7, 14 or 28" train --side 20
    expect_error 2 "--side must be 7, 14 or 28" train --side 5
    expect_error 2 "--side must be 7, 14 or 28" bundle --side 21 --out "$tmp/b.bin"
    expect_error 2 "--side must be 7, 14 or 28" cv --side 0
    expect_error 2 "needs a value" train --seed
    expect_error 2 "--out FILE is required" bundle
    expect_error 2 "expected one model file" eval
    expect_error 2 "expected one model file" export --out "$tmp/m.safetensors"
    expect_error 2 "--format must be safetensors or fmnist, not 'onnx'" export "$tmp/m.fmnist" --format onnx --out "$tmp/m.onnx"
    expect_error 2 "--out FILE is required" export "$tmp/m.fmnist"
    ;;
  missing_data)
    expect_error 1 "dataset-fashion-mnist" bundle --idx "$tmp/nowhere" --out "$tmp/b.bin"
    expect_error 1 "not found" train --bundle "$tmp/missing.bin"
    ;;
  bad_files)
    head -c 100 /dev/urandom > "$tmp/junk.bin"
    expect_error 1 "bundle|magic|truncated" train --bundle "$tmp/junk.bin"
    expect_error 1 "not a model file: neither an fmnist model file nor a safetensors file" eval "$tmp/junk.bin"
    expect_error 1 "not a model file" export "$tmp/junk.bin" --out "$tmp/junk.safetensors"
    # safetensors that are not ours, or broken: refused with the reason.
    python3 - "$tmp" <<'PY'
import json, struct, sys
d = sys.argv[1]
def st(header, data=b""):
    h = json.dumps(header).encode()
    return struct.pack("<Q", len(h)) + h + data
open(d + "/torch.safetensors", "wb").write(st({"weight": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}}, bytes(4)))
open(d + "/cut.safetensors", "wb").write(st({"__metadata__": {"format": "fmnist"}})[:20])
open(d + "/huge.safetensors", "wb").write(struct.pack("<Q", 1 << 40) + b"{}")
PY
    expect_error 1 "was not exported by fmnist" eval "$tmp/torch.safetensors"
    expect_error 1 "safetensors file is truncated" eval "$tmp/cut.safetensors"
    printf 'P5\n4 4\n255\n' > "$tmp/short.pgm"
    expect_error 1 "header of 1099511627776 bytes is too big" predict "$tmp/huge.safetensors" "$tmp/short.pgm"
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
    # As safetensors: the same accuracy and probabilities, and back to the own format byte for byte.
    export_round_trip "$tmp/m.fmnist"
    ;;
  cnn_round_trip)
    # cnn-small at 14×14: one epoch (about 5 s natively), saved as a version 2 file, evaluated
    # and used for a prediction; the report names the best epoch.
    require_data
    [ -f "$tmp/b14.bin" ] || "$cli" bundle --side 14 --out "$tmp/b14.bin" >/dev/null || exit 1
    out=$("$cli" train --bundle "$tmp/b14.bin" --model cnn-small --optimizer adam --epochs 1 \
          --early-stopping 2 --save "$tmp/cnn.fmnist" --json) || { echo "$out"; exit 1; }
    grep -q "^training cnn-small with adam" <<<"$out" || { echo "no header: $out"; exit 1; }
    grep -q "best epoch 1" <<<"$out" || { echo "no best epoch: $out"; exit 1; }
    json=$(tail -1 <<<"$out")
    python3 -c "import json,sys; d=json.loads(sys.argv[1]); sys.exit(0 if d['val_acc'] > 0.78 and d['best_epoch'] == 1 and d['epochs_run'] == 1 else 1)" "$json" \
      || { echo "cnn-small train: $json"; exit 1; }
    python3 -c "import sys; b=open(sys.argv[1],'rb').read(); sys.exit(0 if b[:4]==b'FMNM' and b[4]==4 else 1)" "$tmp/cnn.fmnist" \
      || { echo "not a version 4 model file"; exit 1; }
    test_acc=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['test_acc'])" "$json")
    ev=$("$cli" eval "$tmp/cnn.fmnist" --bundle "$tmp/b14.bin" --json) || { echo "eval failed: $ev"; exit 1; }
    ev=$(tail -1 <<<"$ev")
    python3 -c "import json,sys; d=json.loads(sys.argv[1]); sys.exit(0 if d['test_acc'] == $test_acc else 1)" "$ev" \
      || { echo "eval of the saved cnn-small gives $ev, training reported $test_acc"; exit 1; }
    python3 - "$tmp/sq.pgm" <<'PY'
import sys
w, h = 40, 30
px = bytearray(w * h)
for y in range(8, 22):
    for x in range(12, 28):
        px[y * w + x] = 255
open(sys.argv[1], "wb").write(b"P5\n%d %d\n255\n" % (w, h) + bytes(px))
PY
    pr=$("$cli" predict "$tmp/cnn.fmnist" "$tmp/sq.pgm" --json) || { echo "predict failed: $pr"; exit 1; }
    pr=$(tail -1 <<<"$pr")
    python3 -c "import json; d=json.loads('$pr'); assert 0 <= d['top'] < 10 and abs(sum(d['probs'])-1) < 1e-4" || { echo "predict: $pr"; exit 1; }
    export_round_trip "$tmp/cnn.fmnist"
    ;;
  side7)
    # 7×7 inputs (4×4 mean pooling): the bundle, one epoch of softmax, eval, predict through the
    # sketch preprocessing, the safetensors round trip; a 14×14 bundle is refused for --side 7.
    require_data
    "$cli" bundle --side 7 --out "$tmp/b7.bin" | grep -q "60000 train + 10000 test images, 7×7" \
      || { echo "bundle --side 7 did not write 7×7 images"; exit 1; }
    python3 -c "import gzip,sys; b=gzip.open(sys.argv[1]).read(); sys.exit(0 if int.from_bytes(b[8:12],'little')==7 and len(b)==268+70000*50 else 1)" "$tmp/b7.bin" \
      || { echo "b7.bin: not a 7×7 bundle of 70,000 images"; exit 1; }
    out=$("$cli" train --bundle "$tmp/b7.bin" --side 7 --epochs 1 --save "$tmp/m7.fmnist" --json) || { echo "$out"; exit 1; }
    json=$(tail -1 <<<"$out")
    python3 -c "import json,sys; d=json.loads(sys.argv[1]); sys.exit(0 if d['val_acc'] > 0.70 and d['side'] == 7 else 1)" "$json" \
      || { echo "softmax 7×7, 1 epoch: $json"; exit 1; }
    ev=$("$cli" eval "$tmp/m7.fmnist" --bundle "$tmp/b7.bin" --json) || { echo "eval failed: $ev"; exit 1; }
    python3 -c "import json,sys; a=json.loads(sys.argv[1]); b=json.loads(sys.argv[2]); sys.exit(0 if a['test_acc'] == b['test_acc'] else 1)" "$json" "$(tail -1 <<<"$ev")" \
      || { echo "eval of the saved 7×7 model: $ev, training reported $json"; exit 1; }
    python3 -c "
w, h = 40, 30
px = bytearray(w * h)
for y in range(8, 22):
    for x in range(12, 28): px[y * w + x] = 255
open('$tmp/sq.pgm', 'wb').write(b'P5\n%d %d\n255\n' % (w, h) + bytes(px))"
    pr=$("$cli" predict "$tmp/m7.fmnist" "$tmp/sq.pgm" --json) || { echo "predict failed: $pr"; exit 1; }
    python3 -c "import json,sys; d=json.loads(sys.argv[1]); assert 0 <= d['top'] < 10 and abs(sum(d['probs'])-1) < 1e-4" "$(tail -1 <<<"$pr")" \
      || { echo "predict: $pr"; exit 1; }
    export_round_trip "$tmp/m7.fmnist" "$tmp/b7.bin"
    "$cli" bundle --side 14 --out "$tmp/b14.bin" >/dev/null || exit 1
    expect_error 1 "holds 14×14 images but --side is 7" train --bundle "$tmp/b14.bin" --side 7
    expect_error 1 "holds 14×14 images but --side is 7" eval "$tmp/m7.fmnist" --bundle "$tmp/b14.bin"
    ;;
  csv_refusals)
    # A user's CSV files (Kaggle's form: label,pixel1,…,pixel784), written here: each refusal
    # names the row and the reason; flag mistakes exit 2.
    python3 - "$tmp" <<'PY'
import sys
d = sys.argv[1]
head = "label," + ",".join("pixel%d" % i for i in range(1, 785)) + "\n"
row = lambda label, n=784: str(label) + "," + ",".join(["0"] * n) + "\n"
open(d + "/short.csv", "w").write(head + row(1) + row(2, 783) + row(3))
open(d + "/label12.csv", "w").write(head + row(4) + row(5) + row(12))
open(d + "/text.csv", "w").write(head + row(4).replace(",0,", ",0.5,", 1))
open(d + "/noheader.csv", "w").write(row(4) + row(5))
open(d + "/header.csv", "w").write(head)
open(d + "/nine.txt", "w").write("".join("class %d\n" % i for i in range(9)))
open(d + "/ok.csv", "w").write(head + "".join(str(k % 10) + "," + ",".join(str((k * 7 + i) % 256) for i in range(784)) + "\n"
                                              for k in range(20)))
PY
    expect_error 1 "short.csv: row 3 has 783 pixels, expected 784" train --csv "$tmp/short.csv"
    expect_error 1 "label12.csv: row 4: label 12 is outside 0–9" train --csv "$tmp/label12.csv"
    expect_error 1 "row 2, column 2: '0.5' is not a whole number" train --csv "$tmp/text.csv"
    expect_error 1 "has no header" train --csv "$tmp/noheader.csv"
    expect_error 1 "has a header but no images" train --csv "$tmp/header.csv"
    expect_error 1 "cannot open .*missing.csv" train --csv "$tmp/missing.csv"
    expect_error 1 "row 4: label 12 is outside 0–9" train --csv "$tmp/ok.csv" --test-csv "$tmp/label12.csv" --side 28
    # A model trained on a valid CSV of 20 images refuses the bad one in eval.
    "$cli" train --csv "$tmp/ok.csv" --epochs 1 --batch 4 --save "$tmp/ok.fmnist" >/dev/null || { echo "ok.csv failed"; exit 1; }
    expect_error 1 "label12.csv: row 4: label 12 is outside 0–9" eval "$tmp/ok.fmnist" --csv "$tmp/label12.csv"
    expect_error 1 "not a CSV file of images" train --csv "$tmp/nine.txt"
    expect_error 1 "nine.txt: the class-names file has 9 names, expected 10" train --csv "$tmp/short.csv" --names "$tmp/nine.txt"
    expect_error 2 "--test-csv needs --csv" train --test-csv "$tmp/short.csv"
    expect_error 2 "--csv and --bundle exclude each other" train --csv "$tmp/short.csv" --bundle "$tmp/b.bin"
    expect_error 2 "--csv and --idx exclude each other" eval "$tmp/none.model" --csv "$tmp/short.csv" --idx "$tmp"
    ;;
  csv_train)
    # A CSV written from the real data (5,000 training and 1,000 test images, a gzip'd copy of
    # the test file) with a class-names file: one epoch, then eval on the CSV agrees with train.
    require_data
    dir=${FASHION_MNIST_DIR:-/usr/share/datasets/fashion-mnist}
    python3 - "$dir" "$tmp" <<'PY'
import gzip, sys
src, d = sys.argv[1], sys.argv[2]
head = "label," + ",".join("pixel%d" % i for i in range(1, 785)) + "\n"
for part, count, name in (("train", 5000, "train.csv"), ("t10k", 1000, "test.csv")):
    images = gzip.open("%s/%s-images-idx3-ubyte.gz" % (src, part)).read()[16:]
    labels = gzip.open("%s/%s-labels-idx1-ubyte.gz" % (src, part)).read()[8:]
    rows = [str(labels[k]) + "," + ",".join(map(str, images[784 * k:784 * (k + 1)])) for k in range(count)]
    open(d + "/" + name, "w").write(head + "\r\n".join(rows) if name == "test.csv" else head + "\n".join(rows) + "\n")
open(d + "/test.csv.gz", "wb").write(gzip.compress(open(d + "/test.csv", "rb").read()))
open(d + "/names.txt", "w").write("\n".join(["Top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Boot"]) + "\n")
PY
    out=$("$cli" train --csv "$tmp/train.csv" --test-csv "$tmp/test.csv.gz" --names "$tmp/names.txt" --epochs 1 \
          --save "$tmp/csv.fmnist" --json) || { echo "$out"; exit 1; }
    grep -q "read .*train.csv: 5000 images 28×28" <<<"$out" || { echo "no read line: $out"; exit 1; }
    grep -q "classes: 0 Top, 1 Trouser, .*9 Boot" <<<"$out" || { echo "no classes line: $out"; exit 1; }
    grep -q "on 4000 images 14×14, validating on 1000" <<<"$out" || { echo "not the 80/20 split: $out"; exit 1; }
    test_acc=$(tail -1 <<<"$out" | python3 -c "import json,sys; d=json.load(sys.stdin); assert d['val_acc'] > 0.6, d; print(d['test_acc'])") ||
      { echo "val_acc too low: $out"; exit 1; }
    ev=$("$cli" eval "$tmp/csv.fmnist" --csv "$tmp/test.csv" --json) || { echo "eval failed: $ev"; exit 1; }
    python3 -c "import json,sys; d=json.loads(sys.argv[1]); sys.exit(0 if abs(d['test_acc'] - $test_acc) < 1e-6 else 1)" \
      "$(tail -1 <<<"$ev")" || { echo "eval --csv disagrees with train ($test_acc): $ev"; exit 1; }
    # The model carries the names: eval and predict show them, from either format.
    grep -q "^classes: 0 Top, 1 Trouser, .*9 Boot$" <<<"$ev" || { echo "eval does not name the classes: $ev"; exit 1; }
    "$cli" export "$tmp/csv.fmnist" --format safetensors --out "$tmp/csv.safetensors" >/dev/null || exit 1
    ev=$("$cli" eval "$tmp/csv.safetensors" --csv "$tmp/test.csv" --json) || { echo "eval failed: $ev"; exit 1; }
    grep -q "^classes: 0 Top, 1 Trouser, .*9 Boot$" <<<"$ev" || { echo "eval of the safetensors does not name the classes: $ev"; exit 1; }
    python3 -c "
w, h = 40, 30
px = bytearray(w * h)
for y in range(4, 26):
    for x in range(16, 24): px[y * w + x] = 255
open('$tmp/bar.pgm', 'wb').write(b'P5\n%d %d\n255\n' % (w, h) + bytes(px))"
    pr=$("$cli" predict "$tmp/csv.safetensors" "$tmp/bar.pgm" --json) || { echo "predict failed: $pr"; exit 1; }
    grep -q "^  Boot " <<<"$pr" || { echo "predict does not name the classes: $pr"; exit 1; }
    python3 -c "import json,sys; d=json.loads(sys.argv[1]); assert d['names'][0] == 'Top' and d['names'][9] == 'Boot', d" \
      "$(tail -1 <<<"$pr")" || { echo "predict --json names: $pr"; exit 1; }
    # Without a test CSV: said so, and no test accuracy.
    out=$("$cli" train --csv "$tmp/train.csv" --epochs 1 --side 28 --json) || { echo "$out"; exit 1; }
    grep -q "test accuracy: none (no test set" <<<"$out" || { echo "no 'no test set' line: $out"; exit 1; }
    grep -q "classes: 0–9 (no --names file)" <<<"$out" || { echo "no digits line: $out"; exit 1; }
    tail -1 <<<"$out" | python3 -c "import json,sys; d=json.load(sys.stdin); assert d['test_acc'] is None, d" ||
      { echo "test_acc should be null: $out"; exit 1; }
    ;;
  sketches)
    # The fixture sketches (tests/cli/sketches: a trouser, a bag with an eraser stroke) through
    # a model trained on a tiny CSV: the table and the JSON agree, bad files are refused by name.
    here=$(cd "$(dirname "$0")" && pwd)
    python3 - "$tmp" <<'PY'
import sys
d = sys.argv[1]
head = "label," + ",".join("pixel%d" % i for i in range(1, 785)) + "\n"
open(d + "/ok.csv", "w").write(head + "".join(str(k % 10) + "," + ",".join(str((k * 7 + i) % 256) for i in range(784)) + "\n"
                                              for k in range(20)))
PY
    "$cli" train --csv "$tmp/ok.csv" --epochs 1 --batch 4 --save "$tmp/s.fmnist" >/dev/null || { echo "training failed"; exit 1; }
    out=$("$cli" sketches --model "$tmp/s.fmnist" "$here/sketches" --json) || { echo "sketches failed: $out"; exit 1; }
    grep -q "^2 sketches, model .*s.fmnist (softmax, 14×14)" <<<"$out" || { echo "no header: $out"; exit 1; }
    grep -qE "^  Trouser +1 " <<<"$out" || { echo "no Trouser row: $out"; exit 1; }
    grep -qE "^  Bag +1 " <<<"$out" || { echo "no Bag row: $out"; exit 1; }
    grep -qE "^  total +2 " <<<"$out" || { echo "no total row: $out"; exit 1; }
    python3 - "$(tail -1 <<<"$out")" <<'PY' || { echo "bad JSON: $out"; exit 1; }
import json, sys
d = json.loads(sys.argv[1])
assert d["count"] == 2 and [c["class"] for c in d["classes"]] == [1, 8], d
assert [s["class"] for s in d["sketches"]] == [8, 1], d  # sorted by file name: bag, trouser
hits1 = sum(s["top"][0] == s["class"] for s in d["sketches"])
hits2 = sum(s["class"] in s["top"] for s in d["sketches"])
assert d["top1"] == hits1 / 2 and d["top2"] == hits2 / 2 and hits1 <= hits2, d
assert all(0 <= t < 10 for s in d["sketches"] for t in s["top"]) and all(s["top"][0] != s["top"][1] for s in d["sketches"]), d
PY
    # A file given directly; the line-width and fill flags.
    "$cli" sketches --model "$tmp/s.fmnist" "$here/sketches/bag.json" --line-width 0.1 --no-fill | grep -q "^1 sketches" ||
      { echo "a single file failed"; exit 1; }
    mkdir -p "$tmp/bad" "$tmp/none"
    printf '{"class": 3,\n "strokes": [{"points": [[0.5, 1.5]]}]}\n' > "$tmp/bad/dress.json"
    expect_error 1 "bad/dress.json: stroke 1, point 1 of the sketch is \[0.5, 1.5\]: x and y must be between 0 and 1" \
      sketches --model "$tmp/s.fmnist" "$tmp/bad"
    printf '{"class": 3, "strokes": [{"points": [[0.5, 0.5]]}]' > "$tmp/bad/dress.json"
    expect_error 1 "bad/dress.json: the sketch file is not valid JSON at line 1, column 51" sketches --model "$tmp/s.fmnist" "$tmp/bad"
    expect_error 1 "no sketch files \(\*.json\) found" sketches --model "$tmp/s.fmnist" "$tmp/none"
    expect_error 1 "cannot read .*nowhere" sketches --model "$tmp/s.fmnist" "$tmp/nowhere"
    expect_error 1 "cannot read model file" sketches --model "$tmp/none.fmnist" "$here/sketches"
    expect_error 2 "--model FILE is required" sketches "$here/sketches"
    expect_error 2 "expected at least one folder" sketches --model "$tmp/s.fmnist"
    expect_error 2 "--line-width must be above 0" sketches --model "$tmp/s.fmnist" "$here/sketches" --line-width 0
    ;;
  numpy)
    # The README's NumPy lines (run exactly as the README has them) and tests/cli/numpy_check.py
    # on safetensors exports of a softmax, an MLP and cnn-small trained on the page's 14×14 pixels
    # (the 4-bit bundle), and a 7×7 softmax: accuracy to 2e-4 of fmnist eval, probabilities to 2e-4
    # of fmnist predict.
    require_data
    dir=${FASHION_MNIST_DIR:-/usr/share/datasets/fashion-mnist}
    py=/usr/bin/python3  # Debian's, with python3-numpy (scripts/deps.sh); else the first on PATH
    { [ -x "$py" ] && "$py" -c "import numpy" 2>/dev/null; } || py=python3
    "$py" -c "import numpy" 2>/dev/null || { echo "FAIL: NumPy is missing (Debian package python3-numpy: make deps)"; exit 1; }
    here=$(dirname "$0")
    awk '/<!-- numpy-snippet/ {on = 1; next} on && /^```python/ {code = 1; next} code && /^```/ {exit} code {print}' \
      "$here/../../README.md" > "$tmp/snippet.py"
    [ "$(wc -l < "$tmp/snippet.py")" -ge 8 ] || { echo "no NumPy snippet in README.md"; exit 1; }
    "$cli" bundle --side 14 --bits 4 --out "$tmp/b14q.bin" >/dev/null || exit 1
    "$cli" bundle --side 7 --out "$tmp/b7.bin" >/dev/null || exit 1
    for model in softmax mlp:32 cnn-small softmax@7; do  # softmax@7: a 7×7 softmax
      name=${model%%:*} side=14 data=$tmp/b14q.bin
      if [ "$model" = softmax@7 ]; then model=softmax name=softmax7 side=7 data=$tmp/b7.bin; fi
      "$cli" train --bundle "$data" --side $side --model "$model" --epochs 1 --save "$tmp/$name.fmnist" >/dev/null || exit 1
      "$cli" export "$tmp/$name.fmnist" --out "$tmp/$name.safetensors" >/dev/null || exit 1
      "$py" "$here/numpy_check.py" "$cli" "$tmp/$name.safetensors" "$dir" "$data" || exit 1
      [ "$name" = cnn-small ] && continue
      acc=$("$py" "$tmp/snippet.py" "$tmp/$name.safetensors" "$dir" 2>/dev/null | sed -n 's/^test accuracy: //p')
      ev=$("$cli" eval "$tmp/$name.safetensors" --bundle "$data" --json | tail -1)
      python3 -c "import json,sys; d=json.loads(sys.argv[1]); a=float(sys.argv[2]); print('README snippet, $name: %.4f, fmnist eval %.4f' % (a, d['test_acc'])); sys.exit(0 if abs(a - d['test_acc']) <= 2e-4 else 1)" \
        "$ev" "${acc:-nan}" || { echo "the README's NumPy lines give ${acc:-nothing}, fmnist eval $ev"; exit 1; }
    done
    ;;
  *) echo "unknown case $case_name"; exit 2 ;;
esac
echo "ok"
