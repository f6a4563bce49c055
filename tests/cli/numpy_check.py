#!/usr/bin/env python3
"""A safetensors export read by plain NumPy (no safetensors package: the header parsed with json)
and run forward layer by layer from its __metadata__ "layers" (Dense, Conv2D, MaxPooling2D,
Dropout: every model kind fmnist trains), on the test images as the page has them. Checks:
  - the probabilities of the first 20 test images agree with `fmnist predict --as-is` within 2e-4;
  - the accuracy over the 10,000 test images agrees with `fmnist eval` within 2e-4.
Prints the largest probability difference and both accuracies.
Usage: numpy_check.py FMNIST_CLI MODEL.safetensors IDX_DIR BUNDLE"""
import gzip
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

TOLERANCE = 2e-4


def read_safetensors(path):
    f = open(path, "rb").read()
    n = int.from_bytes(f[:8], "little")
    header = json.loads(f[8:8 + n])
    meta = header.pop("__metadata__")
    data = f[8 + n:]
    tensors = {}
    for name, t in header.items():
        assert t["dtype"] == "F32", t
        begin, end = t["data_offsets"]
        tensors[name] = np.frombuffer(data[begin:end], "<f4").reshape(t["shape"])
    return meta, tensors


def page_pixels(x28, side):
    """The test images as the page's bundle holds them: 14×14 = 2×2 means in 16 grey levels,
    7×7 = 4×4 means."""
    x = x28.astype(np.int32)
    if side == 14:
        x = ((x.reshape(-1, 14, 2, 14, 2).sum((2, 4)) + 2) // 4 * 15 + 127) // 255 * 17
    if side == 7:
        x = (x.reshape(-1, 7, 4, 7, 4).sum((2, 4)) + 8) // 16
    return x.astype(np.uint8)


def conv2d(h, kernel, bias, padding):
    """h: N×H×W×C, kernel: k×k×C×F (Keras), stride 1."""
    k = kernel.shape[0]
    if padding == "same":
        lo = (k - 1) // 2
        h = np.pad(h, ((0, 0), (lo, k - 1 - lo), (lo, k - 1 - lo), (0, 0)))
    n, hh, ww, c = h.shape
    oh, ow = hh - k + 1, ww - k + 1
    out = np.zeros((n, oh, ow, kernel.shape[3]), np.float32)
    for dy in range(k):
        for dx in range(k):
            out += h[:, dy:dy + oh, dx:dx + ow, :] @ kernel[dy, dx]
    return out + bias


def forward(meta, w, pixels):
    side = int(meta["input_side"])
    h = pixels.reshape(-1, side, side, 1).astype(np.float32) / np.float32(255)
    convs = denses = 0
    for layer in json.loads(meta["layers"]):
        kind = layer["class_name"]
        if kind == "Conv2D":
            name = "conv2d" + ("_%d" % convs if convs else "")
            convs += 1
            h = np.maximum(conv2d(h, w[name + "/kernel"], w[name + "/bias"], layer["padding"]), 0)
        elif kind == "MaxPooling2D":
            n, hh, ww, c = h.shape
            h = h[:, :hh // 2 * 2, :ww // 2 * 2, :].reshape(n, hh // 2, 2, ww // 2, 2, c).max((2, 4))
        elif kind == "Dropout":
            pass  # the identity when predicting
        elif kind == "Dense":
            name = "dense" + ("_%d" % denses if denses else "")
            denses += 1
            z = h.reshape(len(h), -1) @ w[name + "/kernel"] + w[name + "/bias"]  # Flatten: channels fastest
            if layer["activation"] == "relu":
                h = np.maximum(z, 0)
            elif layer["activation"] == "sigmoid":
                h = 1 / (1 + np.exp(-z))
            else:
                z = z - z.max(1, keepdims=True)
                h = np.exp(z) / np.exp(z).sum(1, keepdims=True)
        else:
            raise SystemExit("unknown layer " + kind)
    return h


def main():
    cli, model, idx, bundle = sys.argv[1:5]
    meta, w = read_safetensors(model)
    side = int(meta["input_side"])
    x28 = np.frombuffer(gzip.open(idx + "/t10k-images-idx3-ubyte.gz").read()[16:], np.uint8).reshape(-1, 28, 28)
    y = np.frombuffer(gzip.open(idx + "/t10k-labels-idx1-ubyte.gz").read()[8:], np.uint8)
    pixels = page_pixels(x28, side)
    probs = np.concatenate([forward(meta, w, pixels[i:i + 1000]) for i in range(0, len(pixels), 1000)])
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(20):
            pgm = os.path.join(tmp, "%d.pgm" % i)
            open(pgm, "wb").write(b"P5\n%d %d\n255\n" % (side, side) + pixels[i].tobytes())
            out = subprocess.run([cli, "predict", model, pgm, "--as-is", "--json"], check=True,
                                 capture_output=True, text=True).stdout
            theirs = np.array(json.loads(out.strip().splitlines()[-1])["probs"])
            worst = max(worst, float(np.abs(theirs - probs[i]).max()))
    ev = subprocess.run([cli, "eval", model, "--bundle", bundle, "--json"], check=True, capture_output=True,
                        text=True).stdout
    cli_acc = json.loads(ev.strip().splitlines()[-1])["test_acc"]
    acc = float((probs.argmax(1) == y).mean())
    print("%s %d×%d: max |p_numpy − p_fmnist| over 20 images = %.3g; test accuracy numpy %.4f, fmnist eval %.4f"
          % (meta["model"], side, side, worst, acc, cli_acc))
    ok = worst <= TOLERANCE and abs(acc - cli_acc) <= TOLERANCE
    if not ok:
        print("FAIL: beyond %g" % TOLERANCE)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
